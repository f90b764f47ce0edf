"""Responsibilities as spreadsheets, for those who work in them: CSV, or an Excel
workbook (xlsxwriter).

One row per statement, in text order: actors, relation, modality, task, negation,
co-actors, target group, section, pages, the sentence, the id, and an action plan's
schedule and indicator; over several
documents a programme column first, so a researcher can compare municipalities.
The workbook has the statements on a sheet with a frozen header and an autofilter
(column names in Finnish by default), an actor × modality count sheet and, over
several documents, an actor × programme sheet. Output is deterministic.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from pipeline.models import ExtractedDocument, Responsibility

if TYPE_CHECKING:
    from xlsxwriter.format import Format
    from xlsxwriter.workbook import Workbook

COLUMNS: dict[str, list[str]] = {
    "en": ["actors", "relation", "modality", "task", "negated", "co-actors", "target group",
           "section", "pages", "sentence", "id", "schedule", "indicator"],
    "fi": ["toimijat", "verbi tai rakenne", "velvoittavuus", "tehtävä", "kielteinen",
           "yhteistyötahot", "kohderyhmä", "luku", "sivut", "lause", "tunniste", "aikataulu",
           "mittari"],
}  # fmt: skip
PROGRAMME = {"en": "programme", "fi": "ohjelma"}
MODALITY_FI = {
    "responsible": "vastuu", "coordinates": "koordinointi", "steers": "ohjaus",
    "supervises": "valvonta", "develops": "kehittäminen", "supports": "tuki",
    "participates": "osallistuminen", "cooperates": "yhteistyö", "funds": "rahoitus",
    "decides": "päätösvalta", "task": "tehtävä", "obligation": "velvollisuus",
    "permission": "mahdollisuus", "right": "oikeus",
}  # fmt: skip
_SHEETS = {
    "fi": ("Vastuut", "Toimija × velvoittavuus", "Toimija × ohjelma", "toimija", "yhteensä"),
    "en": ("Statements", "Actor × modality", "Actor × programme", "actor", "total"),
}
_YES = {"fi": ("kyllä", "ei"), "en": ("yes", "no")}
_FIXED_DATE = datetime(2000, 1, 1)


def programme_name(doc: ExtractedDocument) -> str:
    """What a reader calls the document: its programme with its period, else its title
    or its file."""
    prog = doc.document.programme
    if prog is not None:
        return prog.name + (f" {prog.period.start}–{prog.period.end}" if prog.period else "")
    return doc.document.title or doc.source.path


def _actor_names(doc: ExtractedDocument) -> dict[str, str]:
    return {a.id: a.name for a in doc.actors}


def _modality(modality: str, lang: str) -> str:
    return MODALITY_FI.get(modality, modality) if lang == "fi" else modality


def _row(doc: ExtractedDocument, r: Responsibility, lang: str) -> list[str]:
    names = _actor_names(doc)
    headings = {s.id: s.heading for s in doc.sections}
    yes, no = _YES[lang]
    return [
        "; ".join(names.get(a, a) for a in r.actors),
        r.relation,
        _modality(r.modality, lang),
        r.task,
        yes if r.negated else no,
        "; ".join(names.get(a, a) for a in r.co_actors),
        r.target_group or "",
        headings.get(r.section or "", ""),
        ", ".join(str(p) for p in r.evidence.pages),
        " ".join(doc.text[r.evidence.start : r.evidence.end].split()),
        r.id,
        r.schedule or "",
        r.indicator or "",
    ]


def rows(docs: Sequence[ExtractedDocument], lang: str = "en") -> list[list[str]]:
    """The header and one row per statement of every document."""
    several = len(docs) > 1
    header = ([PROGRAMME[lang]] if several else []) + COLUMNS[lang]
    out = [header]
    for doc in docs:
        name = programme_name(doc)
        for r in doc.responsibilities:
            out.append(([name] if several else []) + _row(doc, r, lang))
    return out


def responsibilities_csv(
    docs: ExtractedDocument | Sequence[ExtractedDocument], delimiter: str = ",", lang: str = "en"
) -> str:
    """The statements as CSV (English column names by default, as tools read them)."""
    docs = [docs] if isinstance(docs, ExtractedDocument) else list(docs)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerows(rows(docs, lang))
    return out.getvalue()


def responsibilities_xlsx(docs: Sequence[ExtractedDocument], lang: str = "fi") -> bytes:
    """The statements as an Excel workbook, with count sheets; see the module docstring."""
    import xlsxwriter

    names = _SHEETS[lang]
    buffer = io.BytesIO()
    book = xlsxwriter.Workbook(buffer, {"in_memory": True})
    # a fixed date, not now: the same documents give the same bytes
    book.set_properties(
        {"title": "; ".join(programme_name(d) for d in docs), "created": _FIXED_DATE}
    )
    bold = book.add_format({"bold": True, "bg_color": "#f3f3f3", "border": 1})
    wrap = book.add_format({"text_wrap": True, "valign": "top"})
    table = rows(docs, lang)
    sheet = book.add_worksheet(names[0])
    for j, title in enumerate(table[0]):
        sheet.write_string(0, j, title, bold)
    for i, row in enumerate(table[1:], start=1):
        for j, value in enumerate(row):
            sheet.write_string(i, j, value, wrap if len(value) > 40 else None)
    sheet.freeze_panes(1, 0)
    sheet.autofilter(0, 0, max(1, len(table) - 1), len(table[0]) - 1)
    for j, title in enumerate(table[0]):
        widest = max([len(title), *(len(r[j]) for r in table[1:])])
        sheet.set_column(j, j, min(60, max(10, widest + 2)))
    # (actor, modality, programme) once per actor of each statement
    held = [
        (_actor_names(doc).get(a, a), _modality(r.modality, lang), programme_name(doc))
        for doc in docs
        for r in doc.responsibilities
        for a in r.actors
    ]
    _count_sheet(book, bold, names[1], names[3], names[4], [(a, m) for a, m, _ in held])
    if len(docs) > 1:
        _count_sheet(book, bold, names[2], names[3], names[4], [(a, p) for a, _, p in held])
    book.close()
    return buffer.getvalue()


def _count_sheet(
    book: Workbook, bold: Format, title: str, corner: str, total: str, pairs: list[tuple[str, str]]
) -> None:
    """A count sheet: one row per actor, one column per value, and the row totals."""
    counts = Counter(pairs)
    actors = sorted({a for a, _ in counts})
    values = sorted({v for _, v in counts})
    sheet = book.add_worksheet(title)
    sheet.write_string(0, 0, corner, bold)
    for j, v in enumerate(values, start=1):
        sheet.write_string(0, j, v, bold)
    sheet.write_string(0, len(values) + 1, total, bold)
    for i, a in enumerate(actors, start=1):
        sheet.write_string(i, 0, a)
        for j, v in enumerate(values, start=1):
            sheet.write_number(i, j, counts[(a, v)])
        sheet.write_number(i, len(values) + 1, sum(counts[(a, v)] for v in values))
    sheet.freeze_panes(1, 1)
    sheet.set_column(0, 0, max([12, *(len(a) + 2 for a in actors)]))
    sheet.set_column(1, len(values) + 1, 14)
