"""Runs the stages in order: a source file -> a validated `ExtractedDocument`.

ingest -> layout -> repair -> nlp -> lead-in headings -> metadata and sections
-> extract (the grammar) -> actors. Each stage is a function from one typed value
to the next; this module only wires them together and assembles the published model.
"""

from __future__ import annotations

import bisect
import os
import time
from dataclasses import replace
from pathlib import Path

from pydantic import ValidationError

from pipeline import morphology
from pipeline.actors import find_mentions, registry
from pipeline.errors import PipelineError
from pipeline.grammar.extraction import lead_in_headings
from pipeline.grammar.model import UnknownActor
from pipeline.grammar.tables import TableCells
from pipeline.ingest import RawDocument, read_source
from pipeline.layout import Block as LayoutBlock
from pipeline.layout import Reflowed, reflow
from pipeline.layout import Table as LayoutTable
from pipeline.metadata import read_metadata
from pipeline.models import (
    Actor,
    Block,
    Cell,
    DocumentWarning,
    ExtractedDocument,
    Furniture,
    NlpInfo,
    Page,
    Responsibility,
    Section,
    Source,
)
from pipeline.nlp import Analyzer, Sentence, analyze_text, load_analyzer
from pipeline.nlp.words import using
from pipeline.repair import Repaired, repair
from pipeline.responsibilities import extract_responsibilities
from pipeline.sections import find_sections


def check_environment(nlp: str = "voikko") -> Analyzer:
    """Everything the pipeline needs, checked once before the first document; returns
    the NLP analyzer to use."""
    morphology.check_voikko()
    return load_analyzer(nlp)


def display_path(path: str) -> str:
    """The source path as recorded: relative stays relative; an absolute path inside the
    working directory becomes relative to it, any other absolute path keeps its name only."""
    if path == "-" or not os.path.isabs(path):
        return path
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return Path(path).name


class _Clock:
    """Seconds per stage, for `--verbose`; a no-op when nobody asks."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        if self.timings is not None:
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
        self.last = now


def extract_document(
    path: str,
    data: bytes | None = None,
    analyzer: Analyzer | None = None,
    repair_mode: str = "default",
    timings: dict[str, float] | None = None,
) -> ExtractedDocument:
    """Extract one source document (PDF or text). `data` gives the bytes of stdin;
    `analyzer` the NLP backend (Voikko when None); `repair_mode` is `default` or
    `conservative` (see `repair.py`); `timings`, when given, gets the seconds each
    stage took."""
    analyzer = analyzer or load_analyzer("voikko")
    clock = _Clock(timings)
    raw = read_source(path, data)
    clock.lap("ingest")
    flow = reflow(raw)
    clock.lap("layout")
    fixed = repair(flow, repair_mode)
    clock.lap("repair")
    warnings = [*raw.warnings, *flow.warnings, *fixed.warnings]
    with using(analyzer.words):  # single words are looked up through the backend
        return assemble(raw, flow, fixed, warnings, analyzer, repair_mode, clock)


def assemble(
    raw: RawDocument,
    flow: Reflowed,
    fixed: Repaired,
    notes: list[tuple[str, str]],
    analyzer: Analyzer,
    repair_mode: str = "default",
    clock: _Clock | None = None,
) -> ExtractedDocument:
    clock = clock or _Clock(None)
    path = raw.path
    text = fixed.text
    pages = [Page(number=n, start=s, end=e) for n, s, e in fixed.pages]
    analysed = analyze_text(analyzer, text, fixed.blocks)
    clock.lap("nlp")
    sentences, blocks = _lead_ins_are_sentences(text, analysed, fixed.blocks)
    info, title_block = read_metadata(text, blocks, [f.text for f in flow.furniture])
    sections = find_sections(text, blocks, title_block)
    # A programme is the plan of a municipality (or of municipalities together, by law
    # 1386/2010 and 681/2023): where the text does not name who `vastaamme` is, the
    # document's programme does. A text that is no programme has no such default.
    speaker = PROGRAMME_AUTHOR if info.programme is not None else None
    tables = _tables(fixed)
    found = extract_responsibilities(text, sentences, sections, pages, speaker, tables)
    clock.lap("extract")
    responsibilities, unknown, sections = found.responsibilities, found.unknown, found.sections
    if not responsibilities:
        notes = [*notes, NO_RESPONSIBILITIES]
    warnings = [DocumentWarning(code=c, message=m) for c, m in notes]
    try:
        return ExtractedDocument(
            source=Source(
                path=display_path(path),
                sha256=raw.sha256,
                format=raw.format,
                pages=max(1, len(pages)),
                encoding=raw.encoding,
            ),
            document=info,
            text=text,
            pages=pages,
            blocks=_blocks(blocks, fixed.tables),
            furniture=[Furniture(kind=f.kind, text=f.text, page=f.page) for f in flow.furniture],
            sections=sections,
            actors=_actors(text, responsibilities, unknown, sections),
            responsibilities=responsibilities,
            repairs=fixed.repairs,
            repair_mode=repair_mode,  # type: ignore[arg-type]
            warnings=warnings,
            nlp=NlpInfo(
                backend=analyzer.info.name,  # type: ignore[arg-type]
                version=analyzer.info.version,
                model=analyzer.info.model,
                model_version=analyzer.info.model_version,
            ),
        )
    except ValidationError as e:  # a bug, not a user error: say where
        raise PipelineError(f"{path}: internal error, the output failed validation: {e}") from e


# The registry actor that writes integration programmes.
PROGRAMME_AUTHOR = "kunta"
NO_RESPONSIBILITIES = (
    "no-responsibilities",
    "0 statements: is this a programme, or a page without its division of responsibilities?",
)


def _tables(fixed: Repaired) -> list[TableCells]:
    """The tables as the extraction reads them: column roles and cell spans."""
    cells: dict[int, dict[tuple[int, int], tuple[int, int]]] = {}
    for b in fixed.blocks:
        if b.kind == "table_cell" and b.table is not None and b.row is not None:
            cells.setdefault(b.table, {})[(b.row, b.column or 0)] = (b.start, b.end)
    return [TableCells(t.roles, t.header, cells.get(i, {})) for i, t in enumerate(fixed.tables)]


def _blocks(blocks: list[LayoutBlock], tables: list[LayoutTable]) -> list[Block]:
    """The published blocks: headings, paragraphs and items as they are; each table as
    a `table` block and its rows, with their cells."""
    out = [Block(kind=b.kind, start=b.start, end=b.end) for b in blocks if b.kind != "table_cell"]
    rows: dict[tuple[int, int], list[Cell]] = {}
    for b in blocks:
        if b.kind == "table_cell" and b.table is not None and b.row is not None:
            roles = tables[b.table].roles
            column = b.column or 0
            role = roles[column] if column < len(roles) else None
            rows.setdefault((b.table, b.row), []).append(
                Cell(start=b.start, end=b.end, column=column, role=role)  # type: ignore[arg-type]
            )
    for i, t in enumerate(tables):
        out.append(Block(kind="table", start=t.start, end=t.end, table=i))
    for (table, row), cells in rows.items():
        out.append(
            Block(
                kind="table_row",
                start=min(c.start for c in cells),
                end=max(c.end for c in cells),
                table=table,
                row=row,
                header=row < tables[table].header,
                cells=sorted(cells, key=lambda c: c.column),
            )
        )
    order = {"table": 0, "table_row": 1}
    return sorted(out, key=lambda b: (b.start, order.get(b.kind, 2)))


def _lead_ins_are_sentences(
    text: str, sentences: list[Sentence], blocks: list[LayoutBlock]
) -> tuple[list[Sentence], list[LayoutBlock]]:
    """A heading-like line that the list after it completes (`Työ- ja
    elinkeinoministeriö vastaa` + `• maahanmuuttajien kotouttamisesta ja`) is a
    sentence, not a heading: its block becomes a paragraph and it starts no section."""
    leads = lead_in_headings(text, sentences)
    if not leads:
        return sentences, blocks
    starts = {sentences[i].start for i in leads}
    return (
        [replace(s, kind="sentence") if i in leads else s for i, s in enumerate(sentences)],
        [
            replace(b, kind="paragraph") if b.start in starts and b.kind == "heading" else b
            for b in blocks
        ],
    )


def _actors(
    text: str,
    responsibilities: list[Responsibility],
    unknown: list[UnknownActor],
    sections: list[Section],
) -> list[Actor]:
    """Every registry actor the text names, with the surface forms it uses, and every
    actor the registry does not know that the extraction found as a subject."""
    seen: dict[str, set[str]] = {}
    for m in find_mentions(text):
        seen.setdefault(m.actor, set()).add(" ".join(m.surface.split()))
    entries = registry()
    actors = [
        Actor(
            id=actor_id,
            name=entries[actor_id].name,
            abbreviation=entries[actor_id].abbreviation,
            level=entries[actor_id].level,
            aliases=sorted(surfaces),
        )
        for actor_id, surfaces in seen.items()
    ]
    used = {a for r in responsibilities for a in [*r.actors, *r.co_actors]}
    used |= {a for s in sections for a in s.actors}
    for u in unknown:
        if u.id in used and u.id not in seen:
            actors.append(
                Actor(id=u.id, name=u.name, level="other", aliases=[u.surface], known=False)
            )
    return sorted(actors, key=lambda a: a.id)


def page_at(pages: list[Page], offset: int) -> int:
    """The page number the character at `offset` came from."""
    starts = [p.start for p in pages]
    # Empty pages share their start with the next page; bisect_right skips past them.
    i = max(0, bisect.bisect_right(starts, offset) - 1)
    return pages[i].number if pages else 1
