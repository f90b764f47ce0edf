"""Two extracted documents -> what changed in the division of responsibilities.

Responsibilities are matched in one pass, by identity, never by position. Every
pair of an old and a new statement whose tasks share content is scored on three
things at once:

- the actors: the same, renamed by the registry (ELY-keskus -> elinvoimakeskus,
  aluehallintovirasto -> Lupa- ja valvontavirasto), a successor (TE-toimisto ->
  kunta in 2025), or others;
- the task, by its content lemmas (inflection and coordination do not count; a
  compound that extends a lemma, `maahanmuuttaja` -> `maahanmuuttajataustainen`,
  counts in part);
- the relation and modality.

The best-scoring pairs are taken first, each statement once. A matched pair is one
change listing all its aspects (`actor_renamed` and `reworded`, `actor_renamed` and
`modality_changed`, ...), its `kind` the most telling of them; what is left is
`removed` or `added`. Changes that rename the same actors are also grouped, so a
rename touching many statements is one entry (`renames`). Sections are compared by
id, actors by the ids that hold responsibilities, the metadata field by field. The
output is deterministic.
"""

from __future__ import annotations

import hashlib
import math
from collections import defaultdict
from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Literal

import regex

from pipeline.actors import find_mentions, registry
from pipeline.models import (
    ActorChange,
    Change,
    ChangeKind,
    DiffReport,
    DocumentRef,
    ExtractedDocument,
    MetadataChange,
    Rename,
    Responsibility,
    SectionChange,
)
from pipeline.nlp.words import words

# Words that carry no task content: coordination and statement adverbs.
_STOPWORDS = frozenset(
    {"ja", "sekä", "tai", "eli", "myös", "lisäksi", "eri", "oma", "se", "ne", "että"}
)
# The aspects of a change, most telling first: the first is its `kind`.
ASPECTS: tuple[ChangeKind, ...] = (
    "moved",
    "actor_renamed",
    "modality_changed",
    "negation_changed",
    "reworded",
    "section_moved",
)
ActorLink = Literal["same", "renamed", "successor", "other"]
# The task similarity a pair needs, by how its actors relate: a statement moved to
# unrelated actors must say nearly the same to be the same task.
_NEEDED: dict[ActorLink, float] = {"same": 0.5, "renamed": 0.45, "successor": 0.55, "other": 0.7}
_BONUS: dict[ActorLink, float] = {"same": 0.3, "renamed": 0.25, "successor": 0.2, "other": 0.0}
_PREFIX = 6  # letters a lemma and a compound extending it must share


def diff_documents(old: ExtractedDocument, new: ExtractedDocument) -> DiffReport:
    olds = sorted(old.responsibilities, key=lambda r: r.id)
    news = sorted(new.responsibilities, key=lambda r: r.id)
    changes: list[Change] = []
    # The same id is the same actors, relation and task: such a pair outscores any
    # other, so it is taken first and the rest are scored among what is left.
    same = {r.id for r in olds} & {r.id for r in news}
    renamed = section_renames(old, new)
    # a statement's section in the new period's terms: the same, or renamed
    kept = {s.id for s in old.sections} & {s.id for s in new.sections} | set(renamed.values())
    by_id = {r.id: r for r in news}
    for a in olds:
        if a.id in same and (aspects := _aspects(a, by_id[a.id], "same", kept, renamed)):
            changes.append(_change(aspects, a, by_id[a.id], 1.0))
    taken_old: set[str] = set(same)
    taken_new: set[str] = set(same)
    rest_old = [r for r in olds if r.id not in same]
    rest_new = [r for r in news if r.id not in same]
    for _score, a, b, link, sim in sorted(
        _pairs(rest_old, rest_new), key=lambda p: (-p[0], p[1].id, p[2].id)
    ):
        if a.id in taken_old or b.id in taken_new:
            continue
        taken_old.add(a.id)
        taken_new.add(b.id)
        aspects = _aspects(a, b, link, kept, renamed)
        if aspects:
            changes.append(_change(aspects, a, b, sim))
    changes += [_change(["removed"], r, None, None) for r in olds if r.id not in taken_old]
    changes += [_change(["added"], None, r, None) for r in news if r.id not in taken_new]
    changes.sort(key=_change_order)
    sections = _sections(old, new, renamed)
    actors = _actors(old, new)
    metadata = _metadata(old, new)
    summary: dict[str, int] = defaultdict(int)
    for kind in [
        *(c.kind for c in changes),
        *(s.kind for s in sections),
        *(a.kind for a in actors),
        *(m.kind for m in metadata),
    ]:
        summary[kind] += 1
    return DiffReport(
        old=_ref(old),
        new=_ref(new),
        summary=dict(sorted(summary.items())),
        changes=changes,
        renames=_renames(changes),
        sections=sections,
        actors=actors,
        metadata=metadata,
    )


# --- matching ----------------------------------------------------------------------------


@lru_cache(maxsize=100_000)
def task_lemmas(task: str) -> frozenset[str]:
    """The content lemmas of a task: `kotoutumiskoulutukseen ohjaamisesta` ->
    {kotoutumiskoulutus, ohjaaminen}; inflection and coordination do not count. An
    actor the task names counts under its newest name (`@elinvoimakeskus` for
    `ELY-keskusten`), so a rename inside a task is not a rewording."""
    out = set()
    rest = task
    for m in reversed(find_mentions(task)):
        out.add("@" + _newest(m.actor))
        rest = rest[: m.start] + " " + rest[m.end :]
    for word in regex.findall(r"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*", rest.lower()):
        if word in _STOPWORDS:
            continue
        found = words().lemmas(word)
        out.add(found[0] if found else word)
    return frozenset(out - _STOPWORDS)


def _newest(actor: str) -> str:
    """An actor under its latest name, following one-to-one renames in the registry."""
    seen = {actor}
    while len(successors := _successors(actor)) == 1 and successors[0] not in seen:
        actor = successors[0]
        seen.add(actor)
    return actor


@lru_cache(maxsize=1_000_000)
def _near(x: str, y: str) -> bool:
    """Two lemmas for nearly the same thing: one extends the other (`maahanmuuttaja`,
    `maahanmuuttajataustainen`), one is the head of the other compound (`asunto`,
    `vuokra-asunto`), they differ in a few letters of a long word (`kotouttamisohjelma`,
    `kotoutumisohjelma`), or two actors where one took the other's tasks over."""
    if x.startswith("@") and y.startswith("@"):
        # an actor and its successor (`TE-toimistojen` -> `työvoimaviranomaisten`)
        return y[1:] in _successors(x[1:]) or x[1:] in _successors(y[1:])
    x, y = _word(x), _word(y)
    if len(x) >= _PREFIX and len(y) >= _PREFIX and (x.startswith(y) or y.startswith(x)):
        return True
    short, long_ = sorted((x, y), key=len)
    if len(short) >= 5 and len(long_) >= len(short) + 3 and long_.endswith(short):
        return True  # a compound is a kind of its head: `vuokra-asunto`, `asunto`
    if min(len(x), len(y)) < 8:
        return False
    matcher = SequenceMatcher(None, x, y)  # the cheap upper bounds first
    return (
        matcher.real_quick_ratio() >= 0.85
        and matcher.quick_ratio() >= 0.85
        and (matcher.ratio() >= 0.85)
    )


def _word(lemma: str) -> str:
    """An actor token as the word its name is (`@maahanmuuttaja` -> `maahanmuuttaja`),
    so it can extend to `maahanmuuttajataustainen`; other lemmas as they are."""
    if not lemma.startswith("@"):
        return lemma
    entry = registry().get(lemma[1:])
    return entry.name.lower() if entry else lemma[1:]


def similarity(a: str, b: str) -> float:
    """How alike two tasks are, 0..1: shared content lemmas over all of them, a near
    lemma counting 0.8."""
    x, y = task_lemmas(a), task_lemmas(b)
    if not x and not y:
        return 1.0
    shared = x & y
    rest_x, rest_y = sorted(x - shared), sorted(y - shared)
    near = 0
    for u in rest_x:
        match = next((v for v in rest_y if _near(u, v)), None)
        if match is not None:
            rest_y.remove(match)
            near += 1
    return (len(shared) + 0.8 * near) / (len(x | y) - near)


# Index keys: a lemma is found by the lemmas `_near` would pair with it, and by few
# others. A lemma is filed under itself, its longer prefixes (`<` a lemma it extends),
# its compound heads (`>` a lemma that is its head), its ends (`~`, for a few letters'
# difference) and, for an actor, the actors that took its tasks over.
@lru_cache(maxsize=100_000)
def _filed_under(lemma: str) -> frozenset[str]:
    if lemma.startswith("@"):
        return frozenset({lemma, *("@" + s for s in _successors(lemma[1:]))})
    out = {lemma}
    out |= {"<" + lemma[:i] for i in range(_PREFIX, len(lemma))}
    out |= {">" + lemma[i:] for i in range(3, len(lemma) - 4)}
    if len(lemma) >= 8:
        out.add("~" + lemma[:5] + lemma[-5:])
    return frozenset(out)


@lru_cache(maxsize=100_000)
def _looked_up(lemma: str) -> frozenset[str]:
    """The keys under which the lemmas near `lemma` are filed."""
    if lemma.startswith("@"):
        return frozenset({lemma, *("@" + s for s in _successors(lemma[1:]))})
    out = {lemma, "<" + lemma, ">" + lemma}
    out |= {lemma[:i] for i in range(_PREFIX, len(lemma))}  # lemmas it extends
    out |= {lemma[i:] for i in range(3, len(lemma) - 4)}  # its heads
    if len(lemma) >= 8:
        out.add("~" + lemma[:5] + lemma[-5:])
    return frozenset(out)


def _pairs(
    olds: Sequence[Responsibility], news: Sequence[Responsibility]
) -> list[tuple[float, Responsibility, Responsibility, ActorLink, float]]:
    """Every pair that may be one statement in two periods, scored.

    A pair is scored only if it shares an index key. And since a similarity of t needs
    at least t·n of a task's n lemmas matched, a pair must match one of the task's
    n - ⌈t·n⌉ + 1 rarest lemmas (prefix filtering): only those are looked up, which
    keeps this near linear however many statements share the commonest words."""
    index: dict[str, list[Responsibility]] = defaultdict(list)
    for r in news:
        for key in {k for lemma in task_lemmas(r.task) for k in _filed_under(lemma)}:
            index[key].append(r)
    lowest = min(_NEEDED.values())
    out: list[tuple[float, Responsibility, Responsibility, ActorLink, float]] = []
    for a in olds:
        lemmas_ = sorted(
            task_lemmas(a.task),
            key=lambda lemma: (sum(len(index.get(k, ())) for k in _looked_up(lemma)), lemma),
        )
        keep = len(lemmas_) - math.ceil(lowest * len(lemmas_)) + 1
        seen: set[str] = set()
        for lemma in lemmas_[:keep]:
            for key in _looked_up(lemma):
                for b in index.get(key, []):
                    if b.id in seen:
                        continue
                    seen.add(b.id)
                    link = actor_link(a.actors, b.actors)
                    if link == "other" and a.relation != b.relation:
                        continue  # another actor and another verb: another statement
                    sim = similarity(a.task, b.task)
                    if sim < _NEEDED[link]:
                        continue
                    score = sim + _BONUS[link] + (0.1 if a.relation == b.relation else 0.0)
                    out.append((score, a, b, link, sim))
    return out


def actor_link(old: Sequence[str], new: Sequence[str]) -> ActorLink:
    """How the new actors relate to the old: the same, the old renamed (a one-to-one
    successor in the registry), successors of the old, or other actors."""
    a, b = set(old), set(new)
    if a == b:
        return "same"
    if _renamed(old) == b:
        return "renamed"
    if any(s in b for x in a for s in _successors(x)):
        return "successor"
    return "other"


def _successors(actor: str) -> list[str]:
    entry = registry().get(actor)
    return list(entry.successors) if entry else []


def _renamed(actors: Sequence[str]) -> set[str]:
    """The actors under their new names, where the registry records a one-to-one rename."""
    out = set()
    for a in actors:
        successors = _successors(a)
        out.add(successors[0] if len(successors) == 1 else a)
    return out


# --- changes ----------------------------------------------------------------------------


def _aspects(
    a: Responsibility,
    b: Responsibility,
    link: ActorLink,
    kept: set[str],
    renamed: dict[str, str],
) -> list[ChangeKind]:
    """Every way a matched pair differs; `kept` are the new section ids that continue
    an old one, `renamed` old ids -> new ids of renamed sections."""
    found: set[ChangeKind] = set()
    if link in ("successor", "other"):
        found.add("moved")
    elif link == "renamed":
        found.add("actor_renamed")
    if a.modality != b.modality or a.relation != b.relation:
        found.add("modality_changed")
    if a.negated != b.negated:
        found.add("negation_changed")
    if task_lemmas(a.task) != task_lemmas(b.task):
        # by lemmas: a case the new verb governs (`valmistelua` -> `valmistelusta`),
        # another word order or a renamed actor is not a rewording
        found.add("reworded")
    section = renamed.get(a.section or "", a.section)
    if section != b.section and link == "same" and {section, b.section} <= kept:
        # Only a move between sections both periods have (a renamed one counts under
        # its new id): another actor's statement stands in that actor's section (the
        # move says it), and a statement of a section that is gone has not moved.
        found.add("section_moved")
    return [k for k in ASPECTS if k in found]


def _names(actors: Sequence[str]) -> str:
    entries = registry()
    return ", ".join(entries[a].name if a in entries else a for a in actors)


def _note(aspects: Sequence[ChangeKind], a: Responsibility | None, b: Responsibility | None) -> str:
    """What changed, in a sentence a reviewer can read (the reports render their own)."""
    if a is None and b is not None:
        return f"{_names(b.actors)}: {b.relation} {b.task!r}"
    if b is None and a is not None:
        return f"{_names(a.actors)} no longer: {a.relation} {a.task!r}"
    assert a is not None and b is not None
    parts = []
    if "moved" in aspects or "actor_renamed" in aspects:
        how = "renamed" if "actor_renamed" in aspects else "moved"
        parts.append(f"{_names(a.actors)} -> {_names(b.actors)} ({how})")
    if "modality_changed" in aspects:
        parts.append(f"{a.relation} ({a.modality}) -> {b.relation} ({b.modality})")
    if "negation_changed" in aspects:
        parts.append("now negated" if b.negated else "no longer negated")
    if "reworded" in aspects:
        parts.append(f"{a.task!r} -> {b.task!r}")
    if "section_moved" in aspects:
        parts.append(f"section {a.section} -> {b.section}")
    return f"{_names(b.actors)}: {b.relation} {b.task!r}: " + "; ".join(parts)


def _change(
    aspects: Sequence[ChangeKind],
    old: Responsibility | None,
    new: Responsibility | None,
    sim: float | None,
) -> Change:
    actors = sorted({*(old.actors if old else []), *(new.actors if new else [])})
    key = f"{old.id if old else ''}|{new.id if new else ''}"
    return Change(
        id=f"c-{hashlib.sha1(key.encode()).hexdigest()[:12]}",
        kind=aspects[0],
        aspects=list(aspects),
        old=old,
        new=new,
        actors=actors,
        similarity=round(sim, 3) if sim is not None else None,
        note=_note(aspects, old, new),
    )


def _change_order(c: Change) -> tuple[str, str, str, str]:
    ref = c.old or c.new
    assert ref is not None
    return (",".join(c.actors), ref.relation, c.kind, c.id)


def _renames(changes: Sequence[Change]) -> list[Rename]:
    """Changes that rename the same actors, one entry each: a reform renames many."""
    groups: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = defaultdict(list)
    for c in changes:
        if "actor_renamed" in c.aspects and c.old is not None and c.new is not None:
            groups[(tuple(sorted(c.old.actors)), tuple(sorted(c.new.actors)))].append(c.id)
    return [
        Rename(old_actors=list(k[0]), new_actors=list(k[1]), changes=ids)
        for k, ids in sorted(groups.items())
    ]


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    """A rewording word by word: (`same`|`removed`|`added`, text) pieces, in order."""
    a, b = old.split(), new.split()
    out: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op == "equal":
            out.append(("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            out.append(("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            out.append(("added", " ".join(b[j1:j2])))
    return out


# --- sections, actors, metadata ------------------------------------------------------


def section_renames(old: ExtractedDocument, new: ExtractedDocument) -> dict[str, str]:
    """Old section id -> new id, for sections renamed in place: between two sections
    both periods have (in the same order), as many sections gone as came, paired in
    order (`Työ- ja elinkeinopalvelut` -> `Työvoimaviranomainen` in its place)."""
    old_ids = [s.id for s in old.sections]
    new_ids = [s.id for s in new.sections]
    common = set(old_ids) & set(new_ids)
    anchors = _lcs([i for i in old_ids if i in common], [i for i in new_ids if i in common])
    out: dict[str, str] = {}
    i = j = 0
    for anchor in [*anchors, None]:
        gone: list[str] = []
        while i < len(old_ids) and old_ids[i] != anchor:
            if old_ids[i] not in common:
                gone.append(old_ids[i])
            i += 1
        came: list[str] = []
        while j < len(new_ids) and new_ids[j] != anchor:
            if new_ids[j] not in common:
                came.append(new_ids[j])
            j += 1
        if len(gone) == len(came):
            out.update(zip(gone, came, strict=True))
        i, j = i + 1, j + 1
    return out


def _sections(
    old: ExtractedDocument, new: ExtractedDocument, renamed: dict[str, str]
) -> list[SectionChange]:
    old_ids = [s.id for s in old.sections]
    new_ids = [s.id for s in new.sections]
    common = set(old_ids) & set(new_ids)
    stay = set(_lcs([i for i in old_ids if i in common], [i for i in new_ids if i in common]))
    old_heading = {s.id: s.heading for s in old.sections}
    heading = {**old_heading, **{s.id: s.heading for s in new.sections}}
    came_from = {v: k for k, v in renamed.items()}
    out: list[SectionChange] = []
    for sid in sorted(set(old_ids) | set(new_ids)):
        if sid in renamed:
            continue  # reported under its new id
        op = old_ids.index(sid) + 1 if sid in old_ids else None
        np_ = new_ids.index(sid) + 1 if sid in new_ids else None
        kind: Literal["section_moved", "section_renamed", "section_added", "section_removed"]
        if sid in came_from:
            was = came_from[sid]
            out.append(
                SectionChange(
                    kind="section_renamed",
                    id=sid,
                    heading=heading[sid],
                    old_position=old_ids.index(was) + 1,
                    new_position=np_,
                    old_id=was,
                    old_heading=old_heading[was],
                )
            )
            continue
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
