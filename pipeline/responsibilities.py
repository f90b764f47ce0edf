"""Found statements -> published `Responsibility` models: ids, sections, pages.

`extract.py` finds statements sentence by sentence; this module runs it over a
document, attaches each statement to its section and pages, and gives it a
stable id from its content (a second identical statement gets `-2`).
"""

from __future__ import annotations

import bisect

from pipeline.actors import registry
from pipeline.extract import Extractor, Found, UnknownActor, responsibility_id
from pipeline.models import Evidence, Page, Responsibility, Section, Span
from pipeline.nlp.model import Sentence


def extract_responsibilities(
    text: str,
    sentences: list[Sentence],
    sections: list[Section],
    pages: list[Page],
    author: str | None,
) -> tuple[list[Responsibility], list[UnknownActor]]:
    """The responsibilities of a document, and the actors the registry does not know.
    `sections` gets the actors of headings that name such an actor."""
    names = {actor_id: entry.name for actor_id, entry in registry().items()}
    levels = {actor_id: entry.level for actor_id, entry in registry().items()}
    extractor = Extractor(text, names, levels, author)
    found: list[Found] = []
    for index, sentence in enumerate(sentences):
        section = _section_at(sections, sentence.start)
        heading_actors = section.actors if section is not None and len(section.actors) == 1 else []
        found += extractor.sentence(index, sentence, heading_actors)
    out: list[Responsibility] = []
    seen: dict[str, int] = {}
    stated: set[tuple[tuple[str, ...], str, int, int]] = set()
    for f in found:
        key = (tuple(f.actors), f.relation, f.task_start, f.task_end)
        if key in stated:
            continue  # one statement read twice (two constructions over the same words)
        stated.add(key)
        task = text[f.task_start : f.task_end]
        base = responsibility_id(f.actors, f.relation, task)
        seen[base] = seen.get(base, 0) + 1
        section = _section_at(sections, f.evidence_start)
        out.append(
            Responsibility(
                id=base if seen[base] == 1 else f"{base}-{seen[base]}",
                actors=f.actors,
                relation=f.relation,
                modality=f.modality,  # type: ignore[arg-type]
                task=task,
                negated=f.negated,
                section=section.id if section is not None else None,
                evidence=Evidence(
                    start=f.evidence_start,
                    end=f.evidence_end,
                    pages=_pages(pages, f.evidence_start, f.evidence_end),
                ),
                task_span=Span(start=f.task_start, end=f.task_end),
                actor_source=f.actor_source,  # type: ignore[arg-type]
                co_actors=f.co_actors,
                target_group=f.target_group,
                scope=f.scope,
            )
        )
    # A heading that names an organisation the registry does not know stands for it.
    sections[:] = [
        sec.model_copy(update={"actors": extractor.heading_actors[sec.start]})
        if sec.start in extractor.heading_actors
        else sec
        for sec in sections
    ]
    return out, list(extractor.unknown.values())


def _section_at(sections: list[Section], offset: int) -> Section | None:
    """The innermost section containing `offset`: the latest-starting one that does
    (sections come in text order; nested ones start inside their parent)."""
    i = bisect.bisect_right([s.start for s in sections], offset) - 1
    while i >= 0:
        s = sections[i]
        if s.start <= offset < max(s.end, s.start + 1):
            return s
        i -= 1
    return None


def _pages(pages: list[Page], start: int, end: int) -> list[int]:
    starts = [p.start for p in pages]
    first = max(0, bisect.bisect_right(starts, start) - 1)
    last = max(0, bisect.bisect_right(starts, max(start, end - 1)) - 1)
    return sorted(
        {p.number for p in pages[first : last + 1] if p.end > p.start} or {pages[first].number}
    )
