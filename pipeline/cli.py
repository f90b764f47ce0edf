"""The command line: arguments -> library calls -> exit codes.

    python -m pipeline extract SOURCE... [-o OUT] [--nlp voikko|spacy|stanza] [--repair MODE]
                                         [--review] [--changed] [--jobs N] [--quiet|--verbose]
    python -m pipeline repair FILE|- [--log FILE] [--repair MODE]
    python -m pipeline review DOC.json [-o DOC.html] [--lang fi|en]
    python -m pipeline diff OLD.json NEW.json [--format md|json|html] [-o FILE] [--lang fi|en]
    python -m pipeline table FILE.json... [-o FILE.csv|FILE.xlsx] [--format csv|xlsx]
                                          [--delimiter tab|;|,] [--lang fi|en]
    python -m pipeline validate FILE.json...
    python -m pipeline schema [DIR]

User errors print one line `error: ...` on stderr and give a non-zero exit; a
batch goes on past a bad document and exits 1 at the end. Where a JSON input is
read, `-` reads it from stdin.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from pipeline import __version__, batch, morphology
from pipeline.diff import diff_documents
from pipeline.document import check_environment
from pipeline.errors import PipelineError
from pipeline.ingest import read_source
from pipeline.layout import reflow
from pipeline.models import SCHEMAS, ExtractedDocument
from pipeline.nlp import BACKENDS
from pipeline.output import delimiter, output_format, to_json, write_atomic, write_schema
from pipeline.repair import MODES, repair
from pipeline.report import LANGS, render_html, render_markdown
from pipeline.review import render_review
from pipeline.sheets import responsibilities_csv, responsibilities_xlsx

_EXIT = "Exit status: 0 done; 1 some input failed (reported above); 2 usage or environment error."


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
        "Writes outputs/<stem>.json by default; with -o a .json file (one SOURCE), a "
        "directory, or '-' for stdout. Every output is validated, then written atomically "
        "with the permissions of a new file. Progress, each document's warnings and a "
        "summary go to stderr.",
        epilog=_EXIT,
    )
    ex.add_argument("sources", nargs="+", metavar="SOURCE")
    ex.add_argument(
        "--nlp",
        choices=BACKENDS,
        default="voikko",
        help="NLP backend: voikko (default, offline), spacy (a dependency parse, offline; "
        "needs `make setup-spacy`) or stanza (needs `make models`)",
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
        help="a .json file (one SOURCE), a directory for <stem>.json files, or '-' for "
        "stdout (default: outputs/; stdout when SOURCE is '-')",
    )
    ex.add_argument(
        "--review",
        action="store_true",
        help="also write each document's review page, <stem>.html beside its JSON",
    )
    ex.add_argument(
        "--changed",
        action="store_true",
        help="only the sources whose output is missing or older than the source or the "
        "pipeline's code",
    )
    ex.add_argument(
        "--jobs",
        type=int,
        default=1,
        metavar="N",
        help="extract N documents at a time (0: one per core, at most 4)",
    )
    _talk(ex)

    re_ = sub.add_parser(
        "repair",
        help="print a document's reflowed and repaired text",
        description="Reflow SOURCE (PDF or text; '-' reads stdin) and repair its extraction "
        "artefacts. Writes the repaired text to stdout, and with --log the repair log "
        "(JSON) to a file; warnings go to stderr.",
        epilog="Exit status: 0 done; 2 the source cannot be read (one line on stderr).",
    )
    re_.add_argument("source", metavar="FILE")
    re_.add_argument("--log", metavar="FILE", help="write the repair log (JSON) to FILE")
    re_.add_argument("--repair", choices=MODES, default="default", help="as for extract")
    _talk(re_)

    rv = sub.add_parser(
        "review",
        help="a review page (HTML) of an extracted document",
        description="Write one self-contained HTML page for DOC.json ('-': stdin) to check "
        "the extraction against the text: each statement's task and actors highlighted in "
        "the actor's colour, its sentence underlined, repairs marked (the original on "
        "hover), a table of statements that filters by actor and modality and scrolls to "
        "the statement, counts per actor, and the furniture and warnings with pages. "
        "Writes DOC.html beside DOC.json by default, or -o FILE ('-': stdout).",
        epilog="Exit status: 0 done; 2 error.",
    )
    rv.add_argument("file", metavar="DOC.json")
    rv.add_argument("-o", "--output", metavar="FILE.html", help="default: DOC.html")
    _lang(rv)

    di = sub.add_parser(
        "diff",
        help="compare two programme periods",
        description="Compare two extracted documents (two programme periods; '-' reads one "
        "from stdin) and report which responsibilities were added, removed, reworded, moved "
        "between actors, or changed modality, negation or section. Writes Markdown, JSON or "
        "HTML to stdout or -o FILE; the format follows --format, else FILE's suffix.",
        epilog="Exit status: 0 no changes; 1 changes found; 2 error.",
    )
    di.add_argument("old", metavar="OLD.json")
    di.add_argument("new", metavar="NEW.json")
    di.add_argument("--format", choices=("md", "json", "html"), default=None)
    di.add_argument(
        "-o", "--output", metavar="FILE", help="write the report to FILE (default: stdout)"
    )
    _lang(di)

    ta = sub.add_parser(
        "table",
        help="the responsibilities of extracted documents as a spreadsheet (CSV, xlsx)",
        description="Write the responsibilities of each FILE.json ('-': stdin) as a table, "
        "one row per statement: actors, relation, modality, task, negation, co-actors, "
        "target group, section, pages, the sentence and the id; over several files a "
        "programme column first. CSV goes to stdout or -o FILE.csv (with a byte-order mark "
        "for spreadsheets), English column names by default. An Excel workbook "
        "(-o FILE.xlsx or --format xlsx) has Finnish column names by default, a frozen "
        "header and an autofilter, an actor x modality sheet and, over several files, an "
        "actor x programme sheet.",
        epilog="Exit status: 0 done; 2 error.",
    )
    ta.add_argument("files", nargs="+", metavar="FILE.json")
    ta.add_argument("-o", "--output", metavar="FILE", help="default: stdout")
    ta.add_argument("--format", choices=("csv", "xlsx"), default=None)
    ta.add_argument(
        "--delimiter",
        default=",",
        help="CSV field separator: ',' (default), ';' (a Finnish Excel), or tab ('tab' or '\\t')",
    )
    ta.add_argument(
        "--lang",
        choices=LANGS,
        default=None,
        help="column names: en for CSV and fi for xlsx by default",
    )

    va = sub.add_parser(
        "validate",
        help="check JSON files against the published contracts",
        description="Validate JSON files against the contract they follow: an extracted "
        "document (schemas/document.schema.json) or a diff report (schemas/diff.schema.json). "
        "Writes one line per file to stdout.",
        epilog="Exit status: 0 all valid; 1 some file invalid (reported on stderr).",
    )
    va.add_argument("files", nargs="+", metavar="FILE.json")

    sc = sub.add_parser(
        "schema",
        help="write the JSON Schemas",
        description="Write the JSON Schema of every published contract to DIR "
        "(document.schema.json, diff.schema.json).",
        epilog="Exit status: 0 done; 2 DIR cannot be written.",
    )
    sc.add_argument("directory", nargs="?", default="schemas", metavar="DIR")
    return p


def _talk(p: argparse.ArgumentParser) -> None:
    talk = p.add_mutually_exclusive_group()
    talk.add_argument("--quiet", action="store_true", help="no progress and no warnings")
    talk.add_argument("--verbose", action="store_true", help="also the time each stage took")


def _lang(p: argparse.ArgumentParser) -> None:
    p.add_argument("--lang", choices=LANGS, default="fi", help="labels: fi (default) or en")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "extract":
            return _extract(args)
        if args.command == "repair":
            return _repair(args.source, args.log, args.repair, args.quiet)
        if args.command == "validate":
            return _validate(args.files)
        if args.command == "review":
            return _review(args.file, args.output, args.lang)
        if args.command == "diff":
            return _diff(args.old, args.new, args.format, args.output, args.lang)
        if args.command == "table":
            return _table(args.files, args.output, args.format, args.delimiter, args.lang)
        if args.command == "schema":
            for name, (model, version) in SCHEMAS.items():
                print(write_schema(Path(args.directory), name, model, version))
            return 0
    except PipelineError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    return 2


def _extract(args: argparse.Namespace) -> int:
    jobs = batch.plan(args.sources, args.output)  # every target checked before any write
    if args.review and jobs[0].target == batch.STDOUT:
        raise PipelineError(
            "--review writes a page beside each JSON file; give -o DIR or -o FILE.json"
        )
    check_environment(args.nlp)
    todo = batch.stale(jobs, args.review) if args.changed else jobs
    workers = batch.default_workers() if args.jobs == 0 else args.jobs
    summary = batch.run(
        todo,
        args.nlp,
        args.repair,
        workers,
        review=args.review,
        quiet=args.quiet,
        verbose=args.verbose,
        skipped=len(jobs) - len(todo),
    )
    return 1 if summary.failed else 0


def _repair(source: str, log: str | None, mode: str = "default", quiet: bool = False) -> int:
    morphology.check_voikko()
    data = sys.stdin.buffer.read() if source == "-" else None
    raw = read_source(source, data)
    flow = reflow(raw)
    fixed = repair(flow, mode)
    if log:
        entries = [r.model_dump() for r in fixed.repairs]
        notes = [{"code": c, "message": m} for c, m in fixed.warnings]
        content = json.dumps({"repairs": entries, "warnings": notes}, ensure_ascii=False, indent=2)
        write_atomic(Path(log), content + "\n")
    if not quiet:
        for _, message in [*raw.warnings, *flow.warnings, *fixed.warnings]:
            print(f"warning: {source}: {message}", file=sys.stderr)
    sys.stdout.write(fixed.text + "\n")
    return 0


def _read_json(name: str, stdin_used: list[bool]) -> object:
    """A JSON input: a file, or stdin for `-` (once)."""
    if name == "-":
        if stdin_used[0]:
            raise PipelineError("-: stdin can be read once; give the other input as a file")
        stdin_used[0] = True
        raw = sys.stdin.buffer.read()
        try:
            return json.loads(raw.decode("utf-8-sig"))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise PipelineError("-: stdin is not JSON; pipe an output of `extract`") from e
    try:
        return json.loads(Path(name).read_text(encoding="utf-8-sig"))
    except FileNotFoundError as e:
        raise PipelineError(f"{name}: no such file; give an output of `extract`") from e
    except IsADirectoryError as e:
        raise PipelineError(f"{name}: is a directory; give an output of `extract`") from e
    except (json.JSONDecodeError, UnicodeDecodeError) as e:
        raise PipelineError(f"{name}: is not JSON; give an output of `extract`") from e


def _contract(data: object) -> str:
    """Which published contract a JSON value claims to follow, by its fields."""
    if isinstance(data, dict) and "changes" in data and "summary" in data:
        return "diff"
    return "document"


def _load(name: str, stdin_used: list[bool] | None = None) -> ExtractedDocument:
    """An extracted document; one-line errors for anything else."""
    data = _read_json(name, stdin_used if stdin_used is not None else [False])
    if _contract(data) == "diff":
        raise PipelineError(f"{name}: is a diff report, not an extracted document")
    try:
        return ExtractedDocument.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(x) for x in first["loc"]) or "(document)"
        raise PipelineError(
            f"{name}: does not match the contract at {where}: {first['msg']}; "
            "re-extract it with this version"
        ) from e


def _write(output: str | None, content: str | bytes) -> None:
    """A report to -o FILE (atomically), else to stdout."""
    if output and output != "-":
        write_atomic(Path(output), content)
    elif isinstance(content, bytes):
        if sys.stdout.isatty():
            raise PipelineError("a workbook is binary; give -o FILE.xlsx")
        sys.stdout.buffer.write(content)
    else:
        sys.stdout.write(content)


def _review(name: str, output: str | None, lang: str) -> int:
    output_format(output, None, ("html",), "review")
    if output is None:
        output = "-" if name == "-" else str(batch.review_path(Path(name)))
    doc = _load(name)
    _write(output, render_review(doc, lang))
    if output != "-":
        print(f"{name} -> {output}", file=sys.stderr)
    return 0


def _diff(old: str, new: str, fmt: str | None, output: str | None, lang: str = "fi") -> int:
    fmt = output_format(output, fmt, ("md", "json", "html"), "diff")
    used = [False]
    a, b = _load(old, used), _load(new, used)
    report = diff_documents(a, b)
    if fmt == "json":
        content = to_json(report)
    elif fmt == "html":
        content = render_html(report, a, b, lang)
    else:
        content = render_markdown(report, a, b, lang)
    _write(output, content)
    return 1 if report.summary else 0


def _table(
    names: list[str], output: str | None, fmt: str | None, sep: str, lang: str | None
) -> int:
    fmt = output_format(output, fmt, ("csv", "xlsx"), "table")
    separator = delimiter(sep)
    used = [False]
    docs = [_load(name, used) for name in names]
    if fmt == "xlsx":
        _write(output, responsibilities_xlsx(docs, lang or "fi"))
        return 0
    content = responsibilities_csv(docs, separator, lang or "en")
    # A byte-order mark lets spreadsheet programs see UTF-8 (ä, ö) in a file.
    _write(output, "\ufeff" + content if output and output != "-" else content)
    return 0


def _validate(files: list[str]) -> int:
    failed = 0
    for name in files:
        try:
            data = _read_json(name, [False])
        except PipelineError as e:
            print(f"error: {e}", file=sys.stderr)
            failed += 1
            continue
        contract = _contract(data)
        model, version = SCHEMAS[contract]
        try:
            model.model_validate(data)
        except ValidationError as e:
            first = e.errors()[0]
            where = ".".join(str(x) for x in first["loc"]) or f"({contract})"
            print(
                f"error: {name}: does not match the {contract} contract at {where}: "
                f"{first['msg']} ({e.error_count()} error(s)); "
                + ("re-extract it with this version" if contract == "document"
                   else "re-run `diff` with this version"),
                file=sys.stderr,
            )  # fmt: skip
            failed += 1
        else:
            claimed = data.get("schema_version", "?") if isinstance(data, dict) else "?"
            print(f"ok: {name} ({contract} schema {claimed}; this version writes {version})")
    return 1 if failed else 0
