"""Scoring an extracted document against a gold annotation (shared/gold/README.md).

- Each predicted responsibility yields one (actor, relation, task) per actor id.
- Its actor matches a gold actor group when the actor's id, name or any alias,
  lower-cased, is in that group's list.
- It matches a gold item when the group is the same and the item's `key` is a
  whole token (lower-cased; hyphenated words are one token) of `task relation`.
- Matching is one-to-one (maximum bipartite matching). A prediction matching an
  `optional` item is neither credited nor a false positive; every other
  unmatched prediction is a false positive.
- Precision, recall and F1 over `items`; relation agreement on matched pairs;
  repairs found; `must_not_change` words kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-?")


@dataclass
class Prediction:
    actor: str  # actor id
    relation: str
    task: str
    groups: frozenset[str]  # gold groups this actor belongs to

    def tokens(self) -> set[str]:
        return {t.lower() for t in _TOKEN.findall(f"{self.task} {self.relation}")}


@dataclass
class Score:
    true_positives: int
    false_positives: int
    gold: int
    relation_agreement: float
    misses: list[dict[str, Any]] = field(default_factory=list)
    extras: list[Prediction] = field(default_factory=list)
    repairs_found: int = 0
    repairs_gold: int = 0
    kept_words: int = 0
    must_not_change: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        return self.true_positives / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


def predictions(doc: dict[str, Any], actor_groups: dict[str, list[str]]) -> list[Prediction]:
    names: dict[str, set[str]] = {}
    for actor in doc["actors"]:
        names[actor["id"]] = {actor["id"], actor["name"], *actor.get("aliases", [])}
    out = []
    for r in doc["responsibilities"]:
        for actor in r["actors"]:
            forms = {f.lower() for f in names.get(actor, {actor})}
            groups = frozenset(g for g, members in actor_groups.items() if forms & set(members))
            out.append(Prediction(actor, r["relation"], r["task"], groups))
    return out


def _matches(p: Prediction, item: dict[str, Any]) -> bool:
    actor_ok = item["actor"] == "*" or item["actor"] in p.groups
    return actor_ok and item["key"].lower() in p.tokens()


def _max_matching(preds: list[Prediction], items: list[dict[str, Any]]) -> dict[int, int]:
    """Maximum bipartite matching (augmenting paths); returns item index -> prediction index."""
    edges = [[j for j, p in enumerate(preds) if _matches(p, item)] for item in items]
    owner: dict[int, int] = {}  # prediction -> item

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(items)):
        augment(i, set())
    return {i: j for j, i in owner.items()}


def score(doc: dict[str, Any], gold: dict[str, Any]) -> Score:
    preds = predictions(doc, gold["actor_groups"])
    items = gold["items"]
    matched = _max_matching(preds, items)
    used = set(matched.values())
    optional = gold.get("optional", [])
    extras = [
        p for j, p in enumerate(preds)
        if j not in used and not any(_matches(p, o) for o in optional)
    ]  # fmt: skip
    agree = sum(1 for i, j in matched.items() if preds[j].relation == items[i]["rel"])
    repairs = {(r["original"], r["replacement"]) for r in doc.get("repairs", [])}
    gold_repairs = [(r["original"], r["replacement"]) for r in gold.get("repairs", [])]
    must_keep = gold.get("must_not_change", [])
    return Score(
        true_positives=len(matched),
        false_positives=len(extras),
        gold=len(items),
        relation_agreement=agree / len(matched) if matched else 1.0,
        misses=[item for i, item in enumerate(items) if i not in matched],
        extras=extras,
        repairs_found=sum(1 for r in gold_repairs if r in repairs),
        repairs_gold=len(gold_repairs),
        kept_words=sum(1 for w in must_keep if w in doc["text"]),
        must_not_change=len(must_keep),
    )


def micro(scores: list[Score]) -> Score:
    """The scores of several documents as one: counts summed (micro-averaged)."""
    matched = sum(s.true_positives for s in scores)
    agreeing = sum(s.relation_agreement * s.true_positives for s in scores)
    return Score(
        true_positives=matched,
        false_positives=sum(s.false_positives for s in scores),
        gold=sum(s.gold for s in scores),
        relation_agreement=agreeing / matched if matched else 1.0,
    )


@dataclass(frozen=True)
class CorpusText:
    """One text of a development corpus (`shared/corpus`): its body and its gold."""

    stem: str
    body: str
    gold: dict[str, Any]


def read_corpus(directory: Path) -> list[CorpusText]:
    """A corpus folder of `texts/<stem>.txt` (a header, a line `---`, the body) and
    `gold/<stem>.json`: the bodies as published, `[...]` lines (cuts) dropped."""
    out = []
    for gold_path in sorted((directory / "gold").glob("*.json")):
        raw = (directory / "texts" / f"{gold_path.stem}.txt").read_text(encoding="utf-8")
        _, _, body = raw.partition("\n---\n")
        lines = [line for line in body.split("\n") if line.strip() != "[...]"]
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        out.append(CorpusText(gold_path.stem, "\n".join(lines), gold))
    return out
