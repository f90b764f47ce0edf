"""A document's units -> its statements: the discourse run over every unit in order.

`extract` threads the immutable context from unit to unit; `lead_in_headings` tells
which heading-like lines are really lead-ins of the list that follows them, so that
they become sentences before sections are made from the headings.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from pipeline.actors import find_mentions
from pipeline.grammar.context import Context
from pipeline.grammar.discourse import is_open_lead_in, read_unit
from pipeline.grammar.match import view_of
from pipeline.grammar.model import Named, Statement, UnknownActor, View
from pipeline.grammar.tables import TableCells, read_table
from pipeline.models import Section
from pipeline.nlp.model import Sentence


@dataclass(frozen=True)
class Extraction:
    statements: tuple[Statement, ...]
    unknown: Mapping[str, UnknownActor]  # organisations the registry does not know, by id
    heading_actors: Mapping[int, tuple[str, ...]]  # heading offset -> organisation it names


def _leads(units: Sequence[Sentence]) -> frozenset[int]:
    return frozenset(u.lead_in for u in units if u.lead_in is not None)


def lead_in_headings(text: str, units: Sequence[Sentence]) -> frozenset[int]:
    """The heading units that introduce the list after them as a sentence does
    (`Työ- ja elinkeinoministeriö vastaa` + `• maahanmuuttajien kotouttamisesta ja`)."""
    leads = _leads(units)
    return frozenset(
        i
        for i, u in enumerate(units)
        if u.kind == "heading" and i in leads and is_open_lead_in(view_of(text, u, i))
    )  # headings are few: their mentions are found one by one


def section_at(sections: Sequence[Section], offset: int) -> Section | None:
    """The innermost section containing `offset`: the latest-starting one that does
    (sections come in text order; nested ones start inside their parent)."""
    i = bisect.bisect_right([s.start for s in sections], offset) - 1
    while i >= 0:
        s = sections[i]
        if s.start <= offset < max(s.end, s.start + 1):
            return s
        i -= 1
    return None


def _heading_named(text: str, section: Section | None) -> tuple[Named, ...]:
    """Where the section heading names its one actor, if it names exactly one."""
    if section is None or len(section.actors) != 1:
        return ()
    actor = section.actors[0]
    end = section.start + len(section.heading)
    found = tuple(
        Named(m.actor, m.start, m.end)
        for m in find_mentions(text, section.start, end)
        if m.actor == actor
    )
    return found[:1] or (Named(actor, section.start, end),)


def extract(
    text: str,
    units: Sequence[Sentence],
    sections: Sequence[Section],
    speaker: str | None,
    tables: Sequence[TableCells] = (),
) -> Extraction:
    """The statements of a document's units. `speaker` is who the document's
    first-person verbs stand for when the text does not name it (None: no one). The
    cells of an action-plan table are read by its structure (`tables.py`), at the place
    of the table; the cells of other tables as units of their own."""
    leads = _leads(units)
    found_all = find_mentions(text)  # once for the document, then by unit
    plans = [t for t in tables if t.is_action_plan]
    ctx = Context(speaker=speaker)
    found: list[Statement] = []
    named: dict[str, tuple[Named, ...]] = {}  # section id -> its heading's actor
    cell_views: dict[int, dict[tuple[int, int], list[View]]] = {}
    for index, unit in enumerate(units):
        view = view_of(text, unit, index, found_all)
        plan = next((k for k, t in enumerate(plans) if t.cell_of(unit.start) is not None), None)
        if plan is not None:
            cell = plans[plan].cell_of(unit.start)
            assert cell is not None
            cell_views.setdefault(plan, {}).setdefault(cell, []).append(view)
            last = index + 1 == len(units) or plans[plan].cell_of(units[index + 1].start) is None
            if last:  # the table's last unit: its statements stand here
                ctx, stated = read_table(ctx, text, plans[plan], cell_views.pop(plan))
                found += stated
            continue
        section = section_at(sections, unit.start)
        key = section.id if section is not None else ""
        if key not in named:
            named[key] = _heading_named(text, section)
        heading = named[key]
        ctx, stated = read_unit(ctx, view, heading, index in leads)
        found += stated
    return Extraction(tuple(found), ctx.unknown, ctx.heading_actors)
