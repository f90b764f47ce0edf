"""Offset maps: carry positions through a stage that edits the text.

A stage that replaces spans of a text (the repair stage) records its edits;
`OffsetMap` then moves any offset of the old text to the new one, so that page
spans, blocks and the hyphen positions found by layout stay true.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace old[start:end] with `replacement`."""

    start: int
    end: int
    replacement: str


def apply_edits(text: str, edits: list[Edit]) -> tuple[str, OffsetMap]:
    """Apply non-overlapping edits; returns the new text and the map from old offsets."""
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    parts: list[str] = []
    cursor = 0
    for e in edits:
        if e.start < cursor:
            raise ValueError(f"overlapping edits at {e.start}")
        parts += [text[cursor : e.start], e.replacement]
        cursor = e.end
    parts.append(text[cursor:])
    return "".join(parts), OffsetMap(edits)


class OffsetMap:
    def __init__(self, edits: list[Edit]) -> None:
        self._starts = [e.start for e in edits]
        self._edits = edits
        shift = 0
        self._shift_after: list[int] = []
        for e in edits:
            shift += len(e.replacement) - (e.end - e.start)
            self._shift_after.append(shift)

    def __call__(self, offset: int, *, end: bool = False) -> int:
        """The new offset of old `offset`. Inside an edited span it moves to the
        replacement's start, or to its end when `end` (the end of a span)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return offset
        e = self._edits[i]
        before = self._shift_after[i - 1] if i > 0 else 0
        new_start = e.start + before
        if offset >= e.end:
            return offset + self._shift_after[i]
        if offset == e.start and not end:
            return new_start
        return new_start + len(e.replacement) if end else new_start
