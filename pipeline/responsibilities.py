"""Statements -> published `Responsibility` models: ids, sections, pages.

The grammar (`pipeline/grammar`) finds the statements; this module runs it over a
document, attaches each statement to its section and pages, gives it a stable id
from its content (a second identical statement gets `-2`), and returns the
sections with the organisations their headings name. Its inputs stay untouched.
"""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import regex

from pipeline.grammar.extraction import extract, section_at
from pipeline.grammar.model import Named, UnknownActor
from pipeline.grammar.tables import TableCells
from pipeline.models import ActorSpan, Evidence, Page, Responsibility, Section, Span
from pipeline.nlp.model import Sentence


@dataclass(frozen=True)
class Responsibilities:
    responsibilities: list[Responsibility]
    unknown: list[UnknownActor]  # actors the registry does not know, by first appearance
    sections: list[Section]  # with the actors of headings that name such an actor


def responsibility_id(actors: Sequence[str], relation: str, task: str) -> str:
    """A stable id from the actors, the relation and the normalised task."""
    norm = " ".join(regex.findall(r"[\p{L}\p{N}]+", task.lower()))
    digest = hashlib.sha1(f"{','.join(sorted(actors))}|{relation}|{norm}".encode()).hexdigest()
    return f"r-{digest[:12]}"


def _spans(named: Sequence[Named]) -> list[ActorSpan]:
    return [ActorSpan(actor=n.actor, start=n.start, end=n.end) for n in named]


def extract_responsibilities(
    text: str,
    sentences: Sequence[Sentence],
    sections: Sequence[Section],
    pages: Sequence[Page],
    speaker: str | None,
    tables: Sequence[TableCells] = (),
) -> Responsibilities:
    """The responsibilities of a document, the actors the registry does not know, and
    the sections with the organisations their headings name."""
    found = extract(text, sentences, sections, speaker, tables)
    out: list[Responsibility] = []
    seen: dict[str, int] = {}
    for f in found.statements:
        task = text[f.task[0] : f.task[1]]
        base = responsibility_id(f.actors, f.relation, task)
        seen[base] = seen.get(base, 0) + 1
        section = section_at(sections, f.evidence[0])
        out.append(
            Responsibility(
                id=base if seen[base] == 1 else f"{base}-{seen[base]}",
                actors=list(f.actors),
                relation=f.relation,
                modality=f.modality,  # type: ignore[arg-type]
                task=task,
                negated=f.negated,
                section=section.id if section is not None else None,
                evidence=Evidence(
                    start=f.evidence[0],
                    end=f.evidence[1],
                    pages=_pages(pages, f.evidence[0], f.evidence[1]),
                ),
                task_span=Span(start=f.task[0], end=f.task[1]),
                actor_source=f.actor_source,  # type: ignore[arg-type]
                co_actors=[n.actor for n in f.co_actors],
                target_group=text[f.target_group[0] : f.target_group[1]]
                if f.target_group
                else None,
                scope=text[f.scope[0] : f.scope[1]] if f.scope else None,
                construction=f.construction,
                actor_spans=_spans(f.named),
                co_actor_spans=_spans(f.co_actors),
                target_group_span=Span(start=f.target_group[0], end=f.target_group[1])
                if f.target_group
                else None,
                scope_span=Span(start=f.scope[0], end=f.scope[1]) if f.scope else None,
                schedule=text[f.schedule[0] : f.schedule[1]] if f.schedule else None,
                schedule_span=Span(start=f.schedule[0], end=f.schedule[1]) if f.schedule else None,
                indicator=text[f.indicator[0] : f.indicator[1]] if f.indicator else None,
                indicator_span=Span(start=f.indicator[0], end=f.indicator[1])
                if f.indicator
                else None,
            )
        )
    # A heading that names an organisation the registry does not know stands for it.
    named = [
        sec.model_copy(update={"actors": list(found.heading_actors[sec.start])})
        if sec.start in found.heading_actors
        else sec
        for sec in sections
    ]
    return Responsibilities(out, list(found.unknown.values()), named)


def _pages(pages: Sequence[Page], start: int, end: int) -> list[int]:
    starts = [p.start for p in pages]
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = max(0, bisect.bisect_right(starts, max(start, end - 1)) - 1)
    return sorted(
        {p.number for p in pages[first : last + 1] if p.end > p.start} or {pages[first].number}
    )
