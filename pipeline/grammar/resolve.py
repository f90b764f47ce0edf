"""The resolver: of the candidates of one unit, keep those that do not overlap.

Two candidates overlap when they claim a common token: the same verb read by two
rows, a noun read both as `X:llä on vastuu` and as `Vastuu A:sta on X:llä`, an
infinitive a nominal construction has made its relation. The higher priority wins
(a candidate with an actor before one without, then the row's priority, then the
earlier position), so the order of rules and any later de-duplication are one
decision made here.
"""

from __future__ import annotations

from pipeline.grammar.model import Candidate


def resolve(candidates: list[Candidate]) -> list[Candidate]:
    """The non-overlapping candidates, in text order."""
    kept: list[Candidate] = []
    claimed: set[int] = set()
    ranked = sorted(
        candidates, key=lambda c: (not c.actors, -c.priority, c.predicate, c.construction)
    )
    for c in ranked:
        if c.claims & claimed:
            continue
        kept.append(c)
        claimed |= c.claims
    return sorted(kept, key=lambda c: (c.predicate, c.construction))
