"""Shared fixtures: the seed, typeset PDFs, and documents extracted once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.document import extract_document
from pipeline.models import ExtractedDocument
from tests.typeset import read_markup, typeset_pdf

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
SEED = ROOT / "sources" / "forssan-seutu-2021-2024-liite-6.txt"


@pytest.fixture(scope="session")
def seed_gold() -> dict:
    return json.loads(
        (DATA / "gold" / "forssan-seutu-2021-2024-liite-6.json").read_text(encoding="utf-8")
    )


@pytest.fixture(scope="session")
def seed_doc() -> ExtractedDocument:
    return extract_document(str(SEED.relative_to(ROOT)) if Path.cwd() == ROOT else str(SEED))


@pytest.fixture(scope="session")
def jarvilaakso_blocks() -> list[tuple[str, str]]:
    return read_markup(DATA / "docs" / "jarvilaakso-2025-2028.md")


@pytest.fixture(scope="session")
def jarvilaakso_pdf(tmp_path_factory: pytest.TempPathFactory, jarvilaakso_blocks) -> Path:
    path = tmp_path_factory.mktemp("pdf") / "jarvilaakso.pdf"
    return typeset_pdf(
        path,
        jarvilaakso_blocks,
        header="Järvilaakson seudun kotoutumisohjelma 2025–2028",
        page_height=420,
        measure=330,
    )


@pytest.fixture(scope="session")
def jarvilaakso_doc(jarvilaakso_pdf: Path) -> ExtractedDocument:
    return extract_document(str(jarvilaakso_pdf))
