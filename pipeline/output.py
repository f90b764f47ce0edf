"""Serialising documents to JSON and writing them atomically.

A reader (or `make` after an interrupted run) never sees a half-written file:
the JSON goes to a temporary file in the target directory, is flushed to disk,
and is then renamed over the target.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel

from pipeline.errors import PipelineError


def to_json(model: BaseModel) -> str:
    """Deterministic JSON: fields in model order, two-space indent, UTF-8 letters kept."""
    return model.model_dump_json(indent=2) + "\n"


def write_atomic(path: Path, content: str) -> None:
    # Renaming over a device (`/dev/null`) would replace the device itself.
    if path.exists() and not path.is_file():
        raise PipelineError(f"{path}: not a regular file; give a .json path or a directory")
    if path.parent.exists() and not path.parent.is_dir():
        raise PipelineError(f"{path}: {path.parent} is not a directory; choose another output")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as e:
        raise PipelineError(
            f"{path}: cannot write here ({e.strerror}); choose another output"
        ) from e
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(content)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise PipelineError(f"{path}: cannot write ({e.strerror}); nothing was written") from e
        raise


def write_schema(directory: Path, name: str, model: type[BaseModel]) -> Path:
    """Write `model`'s JSON Schema as `<directory>/<name>.schema.json`."""
    schema = model.model_json_schema(mode="serialization")
    path = directory / f"{name}.schema.json"
    write_atomic(path, json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    return path
