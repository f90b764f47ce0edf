"""The command line: arguments -> library calls -> exit codes.

    python -m pipeline extract SOURCE... [-o OUT]
    python -m pipeline repair FILE|- [--log FILE]
    python -m pipeline diff OLD.json NEW.json [--format md|json|html] [-o FILE]
    python -m pipeline table FILE.json [-o FILE.csv] [--delimiter ;]
    python -m pipeline validate FILE.json...
    python -m pipeline schema [DIR]

User errors print one line `error: ...` on stderr and give a non-zero exit; a
batch goes on past a bad document and exits 1 at the end.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import BaseModel, ValidationError

from pipeline import __version__, morphology
from pipeline.diff import diff_documents
from pipeline.document import check_environment, extract_document
from pipeline.errors import PipelineError
from pipeline.ingest import read_source
from pipeline.layout import reflow
from pipeline.models import DiffReport, ExtractedDocument
from pipeline.nlp import BACKENDS
from pipeline.output import to_json, write_atomic, write_schema
from pipeline.repair import MODES, repair
from pipeline.report import render_html, render_markdown, responsibilities_csv

SCHEMAS: dict[str, type[BaseModel]] = {"document": ExtractedDocument, "diff": DiffReport}


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m pipeline",
        description="Extract the division of responsibilities from Finnish integration "
        "programmes (PDF or text) into validated JSON.",
    )
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    ex = sub.add_parser(
        "extract",
        help="extract documents to JSON",
        description="Extract each SOURCE (PDF or text; '-' reads text from stdin) to JSON. "
        "Every output is validated, then written atomically.",
    )
    ex.add_argument("sources", nargs="+", metavar="SOURCE")
    ex.add_argument(
        "--nlp",
        choices=BACKENDS,
        default="voikko",
        help="NLP backend: voikko (default, offline) or stanza (needs `make models`)",
    )
    ex.add_argument(
        "--repair",
        choices=MODES,
        default="default",
        help="conservative: only repairs the characters, the same document or Voikko's "
        "dictionary decide (for users who prefer a miss to a wrong change)",
    )
    ex.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        help="a .json file (one SOURCE) or a directory for <stem>.json files "
        "or '-' for stdout (default: outputs/; stdout when SOURCE is '-')",
    )

    re_ = sub.add_parser(
        "repair",
        help="print a document's reflowed and repaired text",
        description="Reflow SOURCE (PDF or text; '-' reads stdin) and repair its extraction "
        "artefacts; print the repaired text on stdout.",
    )
    re_.add_argument("source", metavar="FILE")
    re_.add_argument("--log", metavar="FILE", help="write the repair log (JSON) to FILE")
    re_.add_argument("--repair", choices=MODES, default="default", help="as for extract")

    di = sub.add_parser(
        "diff",
        help="compare two programme periods",
        description="Compare two extracted documents (two programme periods) and report "
        "which responsibilities were added, removed, reworded, moved between actors, or "
        "changed modality, negation or section. Exit 0: no changes; 1: changes; 2: error.",
    )
    di.add_argument("old", metavar="OLD.json")
    di.add_argument("new", metavar="NEW.json")
    di.add_argument("--format", choices=("md", "json", "html"), default="md")
    di.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE (default: stdout)"
    )

    ta = sub.add_parser(
        "table",
        help="the responsibilities of an extracted document as a spreadsheet (CSV)",
        description="Write the responsibilities of FILE.json as CSV, one row per statement: "
        "actors, relation, modality, task, negation, section, pages and the sentence.",
    )
    ta.add_argument("file", metavar="FILE.json")
    ta.add_argument("-o", "--output", metavar="FILE.csv", help="default: stdout")
    ta.add_argument(
        "--delimiter", default=",", help="field separator (`;` for a Finnish Excel), default `,`"
    )

    va = sub.add_parser(
        "validate",
        help="check JSON files against the published models",
        description="Validate extracted JSON files against the contract (schemas/).",
    )
    va.add_argument("files", nargs="+", metavar="FILE.json")

    sc = sub.add_parser(
        "schema",
        help="write the JSON Schemas",
        description="Write the JSON Schema of every published model to DIR.",
    )
    sc.add_argument("directory", nargs="?", default="schemas", metavar="DIR")
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args.sources, args.output, args.nlp, args.repair)
        if args.command == "repair":
            return _repair(args.source, args.log, args.repair)
        if args.command == "validate":
            return _validate(args.files)
        if args.command == "diff":
            return _diff(args.old, args.new, args.format, args.output)
        if args.command == "table":
            content = responsibilities_csv(_load(args.file), args.delimiter)
            if args.output:
                # A byte-order mark lets spreadsheet programs see UTF-8 (ä, ö).
                write_atomic(Path(args.output), "\ufeff" + content)
            else:
                sys.stdout.write(content)
            return 0
        if args.command == "schema":
            for name, model in SCHEMAS.items():
                print(write_schema(Path(args.directory), name, model))
            return 0
    except PipelineError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    return 2


def _extract(sources: list[str], output: str | None, nlp: str, mode: str = "default") -> int:
    if len(sources) > 1 and output and output.endswith(".json"):
        raise PipelineError(
            f"{output}: several sources need an output directory, not a .json file; give -o DIR"
        )
    analyzer = check_environment(nlp)
    failed = 0
    for source in sources:
        try:
            data = sys.stdin.buffer.read() if source == "-" else None
            doc = extract_document(source, data, analyzer, repair_mode=mode)
        except PipelineError as e:
            print(f"error: {e}", file=sys.stderr)
            failed += 1
            continue
        content = to_json(doc)
        if (source == "-" and not output) or output == "-":
            sys.stdout.write(content)
            continue
        target = _target(source, output)
        write_atomic(target, content)
        print(f"{source} -> {target}", file=sys.stderr)
    return 1 if failed else 0


def _repair(source: str, log: str | None, mode: str = "default") -> int:
    morphology.check_voikko()
    data = sys.stdin.buffer.read() if source == "-" else None
    fixed = repair(reflow(read_source(source, data)), mode)
    if log:
        entries = [r.model_dump() for r in fixed.repairs]
        notes = [{"code": c, "message": m} for c, m in fixed.warnings]
        content = json.dumps({"repairs": entries, "warnings": notes}, ensure_ascii=False, indent=2)
        write_atomic(Path(log), content + "\n")
    sys.stdout.write(fixed.text + "\n")
    return 0


def _target(source: str, output: str | None) -> Path:
    existing_file = output is not None and Path(output).exists() and not Path(output).is_dir()
    if output and (output.endswith(".json") or existing_file):
        return Path(output)  # a file; a device is refused when written
    stem = "stdin" if source == "-" else Path(source).stem
    return Path(output or "outputs") / f"{stem}.json"


def _load(name: str) -> ExtractedDocument:
    """An extracted document for `diff`; one-line errors for anything else."""
    try:
        data = json.loads(Path(name).read_text(encoding="utf-8"))
    except FileNotFoundError as e:
        raise PipelineError(f"{name}: no such file; give an output of `extract`") from e
    except IsADirectoryError as e:
        raise PipelineError(f"{name}: is a directory; give an output of `extract`") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise PipelineError(f"{name}: is not JSON; give an output of `extract`") from e
    try:
        return ExtractedDocument.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "(document)"
        raise PipelineError(
            f"{name}: does not match the contract at {where}: {first['msg']}; "
            "re-extract it with this version"
        ) from e


def _diff(old: str, new: str, fmt: str, output: str | None) -> int:
    a, b = _load(old), _load(new)
    report = diff_documents(a, b)
    if fmt == "json":
        content = to_json(report)
    elif fmt == "html":
        content = render_html(report, a, b)
    else:
        content = render_markdown(report, a, b)
    if output:
        write_atomic(Path(output), content)
    else:
        sys.stdout.write(content)
    return 1 if report.summary else 0


def _validate(files: list[str]) -> int:
    failed = 0
    for name in files:
        try:
            data = json.loads(Path(name).read_text(encoding="utf-8"))
            ExtractedDocument.model_validate(data)
        except FileNotFoundError:
            print(f"error: {name}: no such file; check the path", file=sys.stderr)
            failed += 1
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            print(f"error: {name}: is not JSON ({e}); give an output of `extract`", file=sys.stderr)
            failed += 1
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(x) for x in first["loc"]) or "(document)"
            print(
                f"error: {name}: does not match the contract at {where}: {first['msg']} "
                f"({e.error_count()} error(s)); re-extract it with this version",
                file=sys.stderr,
            )
            failed += 1
        else:
            print(f"ok: {name}")
    return 1 if failed else 0
