"""Two extracted documents -> what changed in the division of responsibilities.

Responsibilities are matched by identity, never by position:

1. the same id (same actors, relation and task): unchanged, unless its modality,
   negation or section changed;
2. the same actors and relation with a similar task (task lemmas compared, so
   inflection does not count): `reworded`; the same actors and task with another
   relation and modality (`koordinoi` -> `vastaa`): `modality_changed`;
3. a task whose actor the registry records as renamed (ELY-keskus ->
   elinvoimakeskus): `actor_renamed`;
4. the same relation and task with other actors (TE-toimisto -> kunta in 2025):
   `moved`;
5. whatever is left: `removed` from the old period, `added` in the new one.

Sections are compared by id (moved, added, removed), actors by the ids that hold
responsibilities, and the metadata field by field. The output is deterministic.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import Literal

import regex

from pipeline.actors import registry
from pipeline.models import (
    ActorChange,
    Change,
    ChangeKind,
    DiffReport,
    DocumentRef,
    ExtractedDocument,
    MetadataChange,
    Responsibility,
    SectionChange,
)
from pipeline.wordsplit import lemmas

# Words that carry no task content: coordination and statement adverbs.
_STOPWORDS = frozenset(
    {"ja", "sekä", "tai", "eli", "myös", "lisäksi", "eri", "oma", "se", "ne", "että"}
)
REWORDED = 0.5  # task similarity for a rewording of the same actor's task
MOVED = 0.7  # task similarity for the same task under another actor

Pair = tuple[Responsibility, Responsibility, float]


def diff_documents(old: ExtractedDocument, new: ExtractedDocument) -> DiffReport:
    olds = sorted(old.responsibilities, key=lambda r: r.id)
    news = sorted(new.responsibilities, key=lambda r: r.id)
    changes: list[Change] = []
    matched_old: set[str] = set()
    matched_new: set[str] = set()

    def take(
        pairs: Iterable[Pair],
        classify: Callable[[Responsibility, Responsibility, float], Change | None],
    ) -> None:
        for a, b, sim in sorted(pairs, key=lambda p: (-p[2], p[0].id, p[1].id)):
            if a.id in matched_old or b.id in matched_new:
                continue
            matched_old.add(a.id)
            matched_new.add(b.id)
            change = classify(a, b, sim)
            if change is not None:
                changes.append(change)

    new_by_id = {r.id: r for r in news}
    take(((r, new_by_id[r.id], 1.0) for r in olds if r.id in new_by_id), _same_statement)

    def rest() -> tuple[list[Responsibility], list[Responsibility]]:
        return [r for r in olds if r.id not in matched_old], [
            r for r in news if r.id not in matched_new
        ]

    a, b = rest()
    take(
        _candidates(
            a, b, lambda x, y: set(x.actors) == set(y.actors) and x.relation == y.relation, REWORDED
        ),
        _reworded,
    )
    a, b = rest()
    take(
        _candidates(
            a, b, lambda x, y: set(x.actors) == set(y.actors) and x.relation != y.relation, MOVED
        ),
        _reworded,
    )
    a, b = rest()
    take(
        _candidates(
            a,
            b,
            lambda x, y: (
                _renamed(x.actors) == set(y.actors) != set(x.actors) and x.relation == y.relation
            ),
            REWORDED,
        ),
        _actor_renamed,
    )
    a, b = rest()
    take(
        _candidates(
            a, b, lambda x, y: set(x.actors) != set(y.actors) and x.relation == y.relation, MOVED
        ),
        _moved,
    )
    a, b = rest()
    changes += [
        _change("removed", r, None, None, f"{_names(r.actors)} no longer: {r.relation} {r.task!r}")
        for r in a
    ]
    changes += [
        _change("added", None, r, None, f"{_names(r.actors)}: {r.relation} {r.task!r}") for r in b
    ]

    changes.sort(key=_change_order)
    sections = _sections(old, new)
    actors = _actors(old, new)
    metadata = _metadata(old, new)
    summary: dict[str, int] = defaultdict(int)
    kinds: list[str] = [c.kind for c in changes]
    kinds += [s.kind for s in sections]
    kinds += [a.kind for a in actors]
    kinds += [m.kind for m in metadata]
    for kind in kinds:
        summary[kind] += 1
    return DiffReport(
        old=_ref(old),
        new=_ref(new),
        summary=dict(sorted(summary.items())),
        changes=changes,
        sections=sections,
        actors=actors,
        metadata=metadata,
    )


# --- classification of matched pairs ---------------------------------------------------


def _same_statement(a: Responsibility, b: Responsibility, sim: float) -> Change | None:
    if a.negated != b.negated:
        state = "negated" if b.negated else "no longer negated"
        return _change(
            "negation_changed",
            a,
            b,
            sim,
            f"{_names(b.actors)}: {b.relation} {b.task!r} is now {state}",
        )
    if a.modality != b.modality:
        return _change(
            "modality_changed",
            a,
            b,
            sim,
            f"{_names(b.actors)}: {b.relation} {b.task!r}: {a.modality} -> {b.modality}",
        )
    if a.section != b.section:
        return _change(
            "section_moved",
            a,
            b,
            sim,
            f"{_names(b.actors)}: {b.relation} {b.task!r}: section {a.section} -> {b.section}",
        )
    return None


def _reworded(a: Responsibility, b: Responsibility, sim: float) -> Change:
    if a.negated != b.negated:
        return _change(
            "negation_changed",
            a,
            b,
            sim,
            f"{_names(b.actors)}: {a.relation} {a.task!r} -> {b.relation} {b.task!r}, "
            "negation changed",
        )
    if a.modality != b.modality:
        return _change(
            "modality_changed",
            a,
            b,
            sim,
            f"{_names(b.actors)}: {a.modality} -> {b.modality}: "
            f"{a.relation} {a.task!r} -> {b.relation} {b.task!r}",
        )
    return _change("reworded", a, b, sim, f"{_names(b.actors)}: {a.task!r} -> {b.task!r}")


def _actor_renamed(a: Responsibility, b: Responsibility, sim: float) -> Change:
    return _change(
        "actor_renamed",
        a,
        b,
        sim,
        f"{_names(a.actors)} -> {_names(b.actors)} (renamed): {b.relation} {b.task!r}",
    )


def _moved(a: Responsibility, b: Responsibility, sim: float) -> Change:
    successor = any(s in _successors(x) for x in a.actors for s in b.actors)
    why = " (its successor under the registry)" if successor else ""
    return _change(
        "moved",
        a,
        b,
        sim,
        f"{b.relation} {b.task!r}: from {_names(a.actors)} to {_names(b.actors)}{why}",
    )


def _change(
    kind: ChangeKind,
    old: Responsibility | None,
    new: Responsibility | None,
    sim: float | None,
    note: str,
) -> Change:
    actors = sorted({*(old.actors if old else []), *(new.actors if new else [])})
    return Change(
        kind=kind, old=old, new=new, actors=actors,
        similarity=round(sim, 3) if sim is not None else None, note=note,
    )  # fmt: skip


def _change_order(c: Change) -> tuple[str, str, str, str]:
    ref = c.old or c.new
    assert ref is not None
    return (
        ",".join(c.actors),
        ref.relation,
        c.kind,
        (c.old.id if c.old else "") + (c.new.id if c.new else ""),
    )


# --- matching ----------------------------------------------------------------------------


@lru_cache(maxsize=100_000)
def task_lemmas(task: str) -> frozenset[str]:
    """The content lemmas of a task: `kotoutumiskoulutukseen ohjaamisesta` ->
    {kotoutumiskoulutus, ohjaaminen}; inflection and coordination do not count."""
    out = set()
    for word in regex.findall(r"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*", task.lower()):
        if word in _STOPWORDS:
            continue
        found = lemmas(word)
        out.add(found[0] if found else word)
    return frozenset(out - _STOPWORDS)


def similarity(a: str, b: str) -> float:
    x, y = task_lemmas(a), task_lemmas(b)
    if not x and not y:
        return 1.0
    return len(x & y) / len(x | y)


def _candidates(
    olds: list[Responsibility],
    news: list[Responsibility],
    compatible: Callable[[Responsibility, Responsibility], bool],
    threshold: float,
) -> list[Pair]:
    """Pairs sharing at least one task lemma, compatible, and similar enough. An index
    on lemmas keeps this near linear for documents of thousands of statements."""
    index: dict[str, list[Responsibility]] = defaultdict(list)
    for r in news:
        for lemma in task_lemmas(r.task):
            index[lemma].append(r)
    pairs: list[Pair] = []
    for a in olds:
        seen: set[str] = set()
        for lemma in task_lemmas(a.task):
            for b in index.get(lemma, []):
                if b.id in seen or not compatible(a, b):
                    continue
                seen.add(b.id)
                sim = similarity(a.task, b.task)
                if sim >= threshold:
                    pairs.append((a, b, sim))
    return pairs


def _successors(actor: str) -> list[str]:
    entry = registry().get(actor)
    return list(entry.successors) if entry else []


def _renamed(actors: list[str]) -> set[str]:
    """The actors under their new names, where the registry records a one-to-one rename."""
    out = set()
    for a in actors:
        successors = _successors(a)
        out.add(successors[0] if len(successors) == 1 else a)
    return out


def _names(actors: list[str]) -> str:
    entries = registry()
    return ", ".join(entries[a].name if a in entries else a for a in actors)


# --- sections, actors, metadata ------------------------------------------------------


def _sections(old: ExtractedDocument, new: ExtractedDocument) -> list[SectionChange]:
    old_ids = [s.id for s in old.sections]
    new_ids = [s.id for s in new.sections]
    common = set(old_ids) & set(new_ids)
    stay = set(_lcs([i for i in old_ids if i in common], [i for i in new_ids if i in common]))
    heading = {s.id: s.heading for s in [*old.sections, *new.sections]}
    out: list[SectionChange] = []
    for sid in sorted(set(old_ids) | set(new_ids)):
        op = old_ids.index(sid) + 1 if sid in old_ids else None
        np_ = new_ids.index(sid) + 1 if sid in new_ids else None
        kind: Literal["section_moved", "section_added", "section_removed"]
        if op is None:
            kind = "section_added"
        elif np_ is None:
            kind = "section_removed"
        elif sid not in stay:
            kind = "section_moved"
        else:
            continue
        out.append(
            SectionChange(
                kind=kind, id=sid, heading=heading[sid], old_position=op, new_position=np_
            )
        )
    return out


def _lcs(a: list[str], b: list[str]) -> list[str]:
    """Longest common subsequence: the sections that kept their relative order."""
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            table[i][j] = (
                table[i + 1][j + 1] + 1 if a[i] == b[j] else max(table[i + 1][j], table[i][j + 1])
            )
    out, i, j = [], 0, 0
    while i < len(a) and j < len(b):
        if a[i] == b[j]:
            out.append(a[i])
            i, j = i + 1, j + 1
        elif table[i + 1][j] >= table[i][j + 1]:
            i += 1
        else:
            j += 1
    return out


def _actors(old: ExtractedDocument, new: ExtractedDocument) -> list[ActorChange]:
    """Actors that gained or lost every responsibility between the periods."""
    held_old = {a for r in old.responsibilities for a in r.actors}
    held_new = {a for r in new.responsibilities for a in r.actors}
    by_id = {a.id: a for a in [*new.actors, *old.actors]}
    out = [
        ActorChange(kind="actor_removed", actor=by_id[a])
        for a in sorted(held_old - held_new)
        if a in by_id
    ]
    out += [
        ActorChange(kind="actor_added", actor=by_id[a])
        for a in sorted(held_new - held_old)
        if a in by_id
    ]
    return out


def _metadata(old: ExtractedDocument, new: ExtractedDocument) -> list[MetadataChange]:
    def fields(d: ExtractedDocument) -> dict[str, str | None]:
        p = d.document.programme
        period = f"{p.period.start}–{p.period.end}" if p and p.period else None
        return {
            "title": d.document.title,
            "appendix": d.document.appendix,
            "programme.name": p.name if p else None,
            "programme.region": p.region if p else None,
            "programme.period": period,
        }

    a, b = fields(old), fields(new)
    return [MetadataChange(field=k, old=a[k], new=b[k]) for k in a if a[k] != b[k]]


def _ref(d: ExtractedDocument) -> DocumentRef:
    return DocumentRef(
        path=d.source.path,
        sha256=d.source.sha256,
        title=d.document.title,
        programme=d.document.programme,
    )
