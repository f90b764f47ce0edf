"""The discourse context: what a unit needs to know of the units before it.

It is immutable. Each unit takes the context, and the discourse returns a new one
with what the unit adds: the actors it named as subjects (for a later `se`, `ne`,
`hän` or a generic noun such as `ministeriö`), the lead-in it opens for the list
items that follow, the organisation its heading names, the document's speaker
once a first-person text names itself, and the task an action plan's field follows.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal

from pipeline.grammar.model import Candidate, Named, Statement, UnknownActor, View


@dataclass(frozen=True)
class Frame:
    """A lead-in waiting for its items.

    `complement`: the lead-in's predicates lack their task (`X vastaa:`, `X:n
    tehtävänä on`, `X vastaa seuraavista tehtävistä:`): each item completes them.
    `actors`: the lead-in states tasks with no actor (`A:sta vastaavat:`): each item
    names the actors that take them."""

    kind: Literal["complement", "actors"]
    view: View
    candidates: tuple[Candidate, ...] = ()
    statements: tuple[Statement, ...] = ()


def _frozen(mapping: Mapping) -> Mapping:
    return MappingProxyType(dict(mapping))


@dataclass(frozen=True)
class Context:
    heading: tuple[Named, ...] = ()  # the section heading's one actor, where it names one
    last: tuple[str, ...] = ()  # the last subject: what `se`, `ne` refer to
    recent: tuple[str, ...] = ()  # subjects so far, most recent last
    speaker: str | None = None  # who `vastaamme` is: named in the text, or the document's
    frames: Mapping[int, Frame] = field(default_factory=lambda: _frozen({}))
    field_task: tuple[int, int, int] | None = None  # (unit, start, end) a label line takes
    unknown: Mapping[str, UnknownActor] = field(default_factory=lambda: _frozen({}))
    heading_actors: Mapping[int, tuple[str, ...]] = field(default_factory=lambda: _frozen({}))
    heading_override: tuple[Named, ...] = ()  # an organisation the current heading names

    def noted(self, actors: tuple[str, ...]) -> Context:
        """The context after a unit names `actors` as a subject."""
        if not actors:
            return self
        recent = tuple(a for a in self.recent if a not in actors) + tuple(dict.fromkeys(actors))
        return replace(self, last=tuple(actors), recent=recent)

    def with_frame(self, index: int, frame: Frame) -> Context:
        frames = dict(self.frames)
        old = frames.get(index)
        if old is not None and old.kind == frame.kind:
            frame = replace(
                old,
                candidates=old.candidates + frame.candidates,
                statements=old.statements + frame.statements,
            )
        frames[index] = frame
        return replace(self, frames=_frozen(frames))

    def with_unknown(self, unknown: tuple[UnknownActor, ...]) -> Context:
        if all(u.id in self.unknown for u in unknown):
            return self
        merged = dict(self.unknown)
        for u in unknown:
            merged.setdefault(u.id, u)
        return replace(self, unknown=_frozen(merged))

    def with_heading_actor(self, start: int, actors: tuple[str, ...]) -> Context:
        merged = dict(self.heading_actors)
        merged[start] = actors
        return replace(self, heading_actors=_frozen(merged))
