"""Extracts the division of responsibilities from Finnish integration programmes.

The library in five lines:

    from pipeline import extract_document, diff_documents
    old = extract_document("kotoutumisohjelma-2021-2024.pdf")
    new = extract_document("kotoutumisohjelma-2025-2028.pdf")
    for r in new.responsibilities:
        print(r.actors, r.relation, r.task)
    report = diff_documents(old, new)

Stages, one module each: ingest (files -> pages of lines), layout (lines -> one
reflowed text), repair (extraction artefacts), nlp (tokens and analyses),
sections, actors, grammar (responsibility statements), diff; the reports for people
are report (a diff), review (one document) and sheets (CSV, xlsx). `document.py` runs
them in order; `cli.py` is the command line. The names below load on first use,
so `import pipeline` stays light.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

# public name -> the module it lives in
_API = {
    "extract_document": "pipeline.document",
    "check_environment": "pipeline.document",
    "diff_documents": "pipeline.diff",
    "ExtractedDocument": "pipeline.models",
    "Responsibility": "pipeline.models",
    "DiffReport": "pipeline.models",
    "render_review": "pipeline.review",
    "render_markdown": "pipeline.report",
    "render_html": "pipeline.report",
    "responsibilities_csv": "pipeline.sheets",
    "responsibilities_xlsx": "pipeline.sheets",
    "PipelineError": "pipeline.errors",
}

__all__ = [
    "DiffReport",
    "ExtractedDocument",
    "PipelineError",
    "Responsibility",
    "__version__",
    "check_environment",
    "diff_documents",
    "extract_document",
    "render_html",
    "render_markdown",
    "render_review",
    "responsibilities_csv",
    "responsibilities_xlsx",
]

if TYPE_CHECKING:
    from pipeline.diff import diff_documents
    from pipeline.document import check_environment, extract_document
    from pipeline.errors import PipelineError
    from pipeline.models import DiffReport, ExtractedDocument, Responsibility
    from pipeline.report import render_html, render_markdown
    from pipeline.review import render_review
    from pipeline.sheets import responsibilities_csv, responsibilities_xlsx


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(import_module(_API[name]), name)
    raise AttributeError(f"module 'pipeline' has no attribute {name!r}")
