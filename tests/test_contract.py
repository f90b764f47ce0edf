"""The published contract: schemas/ is current, and every committed output satisfies it."""

from __future__ import annotations

import json

import jsonschema
import pytest

from pipeline.document import extract_document
from pipeline.models import SCHEMAS
from pipeline.output import schema_of, to_json
from tests.conftest import ROOT

OUTPUTS = sorted((ROOT / "outputs").glob("*.json"))
SOURCES = sorted(p for p in (ROOT / "sources").iterdir() if p.suffix in (".txt", ".pdf"))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_schema_is_current(name):
    path = ROOT / "schemas" / f"{name}.schema.json"
    assert path.exists(), f"{path} is missing: run `make schema`"
    model, version = SCHEMAS[name]
    current = schema_of(name, model, version)
    assert json.loads(path.read_text(encoding="utf-8")) == current, (
        f"{path} is stale: run `make schema` and commit it"
    )


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_every_property_is_described(name):
    """The schemas carry their dialect, an id, and a description of every property."""
    model, version = SCHEMAS[name]
    schema = schema_of(name, model, version)
    assert schema["$schema"].startswith("https://json-schema.org/")
    assert schema["$id"] == f"urn:kotoutus-pipeline:{name}:{version}"
    objects = {model.__name__: schema, **schema.get("$defs", {})}
    missing = [
        f"{owner}.{prop}"
        for owner, obj in objects.items()
        for prop, spec in obj.get("properties", {}).items()
        if not spec.get("description")
    ]
    assert missing == []


def test_every_source_has_a_committed_output():
    assert {p.stem for p in SOURCES} == {p.stem for p in OUTPUTS}


@pytest.mark.parametrize("path", OUTPUTS, ids=lambda p: p.name)
def test_output_validates_against_published_schema(path):
    schema = json.loads((ROOT / "schemas" / "document.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(path.read_text(encoding="utf-8")), schema)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_committed_output_is_current(source, monkeypatch):
    """Golden files: regenerate with `make extract` (never written by the tests)."""
    monkeypatch.chdir(ROOT)
    golden = ROOT / "outputs" / f"{source.stem}.json"
    fresh = to_json(extract_document(str(source.relative_to(ROOT))))
    assert fresh == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs from a fresh extraction: run `make extract`, review "
        "`git diff outputs/`, and commit"
    )
