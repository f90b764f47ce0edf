"""Serialising documents to JSON and writing them atomically.

A reader (or `make` after an interrupted run) never sees a half-written file:
the JSON goes to a temporary file in the target directory, is flushed to disk,
and is then renamed over the target. The file gets the mode the user's umask gives
a new file (0644 under umask 022), not the temporary file's private 0600.
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


def _new_file_mode() -> int:
    """The permissions a newly created file gets under the process's umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def write_atomic(path: Path, content: str | bytes) -> None:
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
        if isinstance(content, bytes):
            with os.fdopen(fd, "wb") as fb:
                fb.write(content)
                fb.flush()
                os.fsync(fb.fileno())
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
                f.write(content)
                f.flush()
                os.fsync(f.fileno())
        os.chmod(tmp, _new_file_mode())
        os.replace(tmp, path)
    except BaseException as e:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(e, OSError):
            raise PipelineError(f"{path}: cannot write ({e.strerror}); nothing was written") from e
        raise


SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_of(name: str, model: type[BaseModel], version: str) -> dict:
    """`model`'s JSON Schema with its dialect and an id naming the contract and version."""
    schema = model.model_json_schema(mode="serialization")
    return {"$schema": SCHEMA_DIALECT, "$id": f"urn:kotoutus-pipeline:{name}:{version}", **schema}


def write_schema(directory: Path, name: str, model: type[BaseModel], version: str) -> Path:
    """Write `model`'s JSON Schema as `<directory>/<name>.schema.json`."""
    schema = schema_of(name, model, version)
    path = directory / f"{name}.schema.json"
    write_atomic(path, json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n")
    return path


# The formats a command writes, by the suffix of its output file.
SUFFIXES = {".md": "md", ".json": "json", ".html": "html", ".htm": "html", ".csv": "csv",
            ".xlsx": "xlsx"}  # fmt: skip


def output_format(
    output: str | None, given: str | None, allowed: tuple[str, ...], command: str
) -> str:
    """The format to write: `--format` where given, else the output file's suffix,
    else the command's first (default) format. A suffix the command cannot write is
    an error naming the ones it can."""
    if given is not None:
        return given
    if output is None or output == "-":
        return allowed[0]
    suffix = Path(output).suffix.lower()
    if suffix in SUFFIXES and SUFFIXES[suffix] in allowed:
        return SUFFIXES[suffix]
    names = ", ".join(f".{a}" for a in allowed)
    raise PipelineError(
        f"{output}: {command} writes {names}; give a file with one of those suffixes or --format"
    )


# Field separators a user can name (`tab` for a tab, as a shell cannot easily type one).
DELIMITERS = {"tab": "\t", "\\t": "\t", "\t": "\t", ";": ";", ",": ","}


def delimiter(value: str) -> str:
    """The CSV field separator a user named; an error for anything else."""
    if value not in DELIMITERS:
        raise PipelineError(f"--delimiter {value!r}: give one of tab, \\t, ';' or ','")
    return DELIMITERS[value]
