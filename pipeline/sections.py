"""Headings -> sections, each with its span and the actors its heading names.

A section runs from its heading to the next heading of the same or a higher
level. Numbered headings (`3.2 Kunta`) take their level from the number;
unnumbered ones are level 1. The document title is not a section.
"""

from __future__ import annotations

import regex

from pipeline.actors import find_mentions
from pipeline.layout import Block
from pipeline.models import Section

_NUMBER = regex.compile(r"^(?P<num>\d{1,2}(?:\.\d{1,2})*)\.?\s+")


def find_sections(text: str, blocks: list[Block], title_block: int | None) -> list[Section]:
    headings = [(i, b) for i, b in enumerate(blocks) if b.kind == "heading" and i != title_block]
    levels = []
    for _, b in headings:
        m = _NUMBER.match(text[b.start : b.end])
        levels.append(m.group("num").count(".") + 1 if m else 1)
    sections: list[Section] = []
    used: dict[str, int] = {}
    for k, (_, b) in enumerate(headings):
        end = len(text)
        for j in range(k + 1, len(headings)):
            if levels[j] <= levels[k]:
                end = headings[j][1].start
                break
        heading = text[b.start : b.end]
        base = slug(heading)
        used[base] = used.get(base, 0) + 1
        actors = sorted({m.actor for m in find_mentions(text, b.start, b.end)})
        sections.append(
            Section(
                id=base if used[base] == 1 else f"{base}-{used[base]}",
                heading=heading,
                level=levels[k],
                start=b.start,
                end=_trim_end(text, end),
                actors=actors,
            )
        )
    return sections


def _trim_end(text: str, end: int) -> int:
    while end > 0 and text[end - 1] in "\n ":
        end -= 1
    return end


_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a", "é": "e", "ü": "u"})


def slug(heading: str) -> str:
    """A stable id from a heading: lower case, ASCII-folded Finnish letters, hyphens."""
    s = regex.sub(r"[^a-z0-9]+", "-", heading.lower().translate(_FOLD)).strip("-")
    return s or "section"
