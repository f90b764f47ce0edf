"""The extraction's lexicon: `lexicon.toml` as typed, immutable word classes.

The grammar never spells a Finnish word in code. It asks the lexicon whether a
lemma is a responsibility predicate and which case its complement takes, whether
a written word is a coordinator or a relative pronoun, which nouns head an
organisation's name. `constructions.toml` names these classes in its rows.

The file is read and checked once per process (`lexicon()`); a malformed entry
is an error naming the entry, raised at import of the first document.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from types import MappingProxyType
from typing import Any

# The cases of a direct object: partitive, genitive-accusative, nominative.
OBJECT = frozenset({"Par", "Gen", "Nom"})
MODALITIES = frozenset(
    {"responsible", "coordinates", "steers", "supervises", "develops", "supports",
     "participates", "cooperates", "funds", "decides", "task", "obligation", "permission",
     "right"}
)  # fmt: skip
CASES = frozenset(
    {"Nom", "Gen", "Par", "Ess", "Tra", "Ine", "Ela", "Ill", "Ade", "Abl", "All", "Abe", "Com",
     "Ins", "Acc"}
)  # fmt: skip


class LexiconError(ValueError):
    """lexicon.toml is malformed: the message names the entry."""


@dataclass(frozen=True)
class Predicate:
    """A verb that states what its subject does."""

    lemma: str
    modality: str
    governs: frozenset[str]  # cases of the complement's heads; empty: a direct object
    requires: bool  # only a complement in a governed case makes a statement
    fallback: frozenset[str]  # the case of a complement where none is in `governs`
    # (`raportoi kaupunginhallitukselle`: the recipient is what the report is)

    @property
    def cases(self) -> frozenset[str]:
        return self.governs or OBJECT


@dataclass(frozen=True)
class Phrasal:
    """A light verb and its object noun as one predicate (`tehdä yhteistyötä`)."""

    verb: str
    noun: str
    case: str | None
    relation: str
    modality: str
    governs: frozenset[str]


@dataclass(frozen=True)
class NounClass:
    """The nouns of a nominal construction (`tehtävä`, `vastuu` and its compounds)."""

    name: str
    lemmas: tuple[str, ...]
    compounds: bool
    modality: str
    governs: frozenset[str]  # the case of its complement where it governs one (`vastuu A:sta`)
    fallback: frozenset[str]  # the case of a complement where none is in `governs`

    def base(self, lemma: str) -> str | None:
        """The listed lemma `lemma` is (or, for a compound, ends in), or None."""
        return _base(self.lemmas, self.compounds, lemma)


@lru_cache(maxsize=50_000)
def _base(lemmas: tuple[str, ...], compounds: bool, lemma: str) -> str | None:
    low = lemma.lower()
    for listed in lemmas:
        if low == listed or (compounds and low.endswith(listed)):
            return listed
    return None


@dataclass(frozen=True)
class Lexicon:
    predicates: Mapping[str, Predicate]
    phrasal: tuple[Phrasal, ...]
    particles: Mapping[str, frozenset[str]]
    nouns: Mapping[str, NounClass]
    verbs: Mapping[str, frozenset[str]]  # narrative, modal_permission, copula, ...
    adjectives: Mapping[str, frozenset[str]]  # obliged, entitled
    words: Mapping[str, frozenset[str]]  # coordinators, subordinators, relatives, ...
    correlatives: Mapping[str, str]
    organisation_heads: tuple[str, ...]
    group_nouns: frozenset[str]
    generic_actor: str
    person_groups: tuple[str, ...]
    scope: frozenset[str]
    scope_owned: frozenset[str]
    scope_modifiers: frozenset[str]
    labels: Mapping[str, frozenset[str]]  # responsible, task, partners, schedule, ...

    @cached_property
    def table_roles(self) -> Mapping[str, str]:
        """A header word -> the role of its table column (`vastuutaho` -> `responsible`)."""
        roles = ("task", "goal", "responsible", "partners", "schedule", "indicator")
        return MappingProxyType(
            {word: role for role in roles for word in self.labels.get(role, frozenset())}
        )

    @cached_property
    def joining(self) -> frozenset[str]:
        """The coordinators that join conjuncts positively (`eikä` negates)."""
        return self.words["coordinators"] - self.words["negative_coordinators"]

    def word(self, name: str) -> frozenset[str]:
        """A class of written words (`coordinators`) or lemmas (`relatives`) by name."""
        return self.words[name]

    def verb_class(self, name: str) -> frozenset[str]:
        return self.verbs[name]

    def noun_class(self, name: str) -> NounClass:
        return self.nouns[name]

    def predicate(self, lemma: str) -> Predicate | None:
        return self.predicates.get(lemma)

    def governed(self, relation: str) -> frozenset[str]:
        """The cases of a relation's complement heads (a direct object by default)."""
        for p in self.phrasal:
            if p.relation == relation and p.governs:
                return p.governs
        pred = self.predicates.get(relation)
        if pred is not None:
            return pred.cases
        for noun in self.nouns.values():
            if relation in noun.lemmas and noun.governs:
                return noun.governs
        return OBJECT

    def fallback(self, relation: str) -> frozenset[str]:
        """The cases of a relation's complement heads where none is in a governed case."""
        pred = self.predicates.get(relation)
        if pred is not None:
            return pred.fallback
        for noun in self.nouns.values():
            if relation in noun.lemmas:
                return noun.fallback
        return frozenset()

    def modality_of(self, relation: str, default: str) -> str:
        for p in self.phrasal:
            if p.relation == relation:
                return p.modality
        pred = self.predicates.get(relation)
        return pred.modality if pred is not None else default

    def is_organisation_head(self, lemma: str) -> bool:
        return lemma.lower().endswith(self.organisation_heads)

    def is_person_group(self, lemma: str) -> bool:
        return lemma.lower().endswith(self.person_groups)


def _strings(entry: str, value: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise LexiconError(f"lexicon.toml: {entry} must be a list of words")
    return tuple(value)


def _cases(entry: str, value: Any) -> frozenset[str]:
    cases = frozenset(_strings(entry, value or []) if value else ())
    if not cases <= CASES:
        raise LexiconError(f"lexicon.toml: {entry}: unknown case {sorted(cases - CASES)}")
    return cases


def _modality(entry: str, value: Any) -> str:
    if value not in MODALITIES:
        raise LexiconError(f"lexicon.toml: {entry}: unknown modality {value!r}")
    return str(value)


def parse(data: Mapping[str, Any]) -> Lexicon:
    """The lexicon of a parsed TOML document; LexiconError names a malformed entry."""
    try:
        predicates = {
            lemma: Predicate(
                lemma,
                _modality(f"predicates.{lemma}", spec.get("modality")),
                _cases(f"predicates.{lemma}.governs", spec.get("governs")),
                bool(spec.get("requires", False)),
                _cases(f"predicates.{lemma}.fallback", spec.get("fallback")),
            )
            for lemma, spec in data["predicates"].items()
        }
        phrasal = tuple(
            Phrasal(
                p["verb"],
                p["noun"],
                p.get("case"),
                p["relation"],
                _modality(f"phrasal {p['relation']}", p["modality"]),
                _cases(f"phrasal {p['relation']}.governs", p.get("governs")),
            )
            for p in data["phrasal"]
        )
        particles = {
            verb: frozenset(_strings(f"particles.{verb}", words))
            for verb, words in data["particles"].items()
        }
        nouns = {
            name: NounClass(
                name,
                _strings(f"nouns.{name}", spec["lemmas"]),
                bool(spec.get("compounds")),
                _modality(f"nouns.{name}", spec.get("modality")),
                _cases(f"nouns.{name}.governs", spec.get("governs")),
                _cases(f"nouns.{name}.fallback", spec.get("fallback")),
            )
            for name, spec in data["nouns"].items()
        }
        words = {
            name: frozenset(_strings(f"words.{name}", value))
            for name, value in data["words"].items()
            if name != "correlatives"
        }
        actors = data["actors"]
        return Lexicon(
            predicates=MappingProxyType(predicates),
            phrasal=phrasal,
            particles=MappingProxyType(particles),
            nouns=MappingProxyType(nouns),
            verbs=MappingProxyType(
                {k: frozenset(_strings(f"verbs.{k}", v)) for k, v in data["verbs"].items()}
            ),
            adjectives=MappingProxyType(
                {
                    k: frozenset(_strings(f"adjectives.{k}", v))
                    for k, v in data["adjectives"].items()
                }
            ),
            words=MappingProxyType(words),
            correlatives=MappingProxyType(dict(data["words"]["correlatives"])),
            organisation_heads=_strings("actors.organisation_heads", actors["organisation_heads"]),
            group_nouns=frozenset(_strings("actors.group_nouns", actors["group_nouns"])),
            generic_actor=str(actors["generic"]),
            person_groups=_strings("actors.person_groups", actors["person_groups"]),
            scope=frozenset(_strings("actors.scope", actors["scope"])),
            scope_owned=frozenset(_strings("actors.scope_owned", actors["scope_owned"])),
            scope_modifiers=frozenset(
                _strings("actors.scope_modifiers", actors["scope_modifiers"])
            ),
            labels=MappingProxyType(
                {k: frozenset(_strings(f"labels.{k}", v)) for k, v in data["labels"].items()}
            ),
        )
    except KeyError as e:
        raise LexiconError(f"lexicon.toml: missing entry {e.args[0]!r}") from e


@cache
def lexicon() -> Lexicon:
    """The lexicon, read once per process."""
    text = resources.files("pipeline.grammar").joinpath("lexicon.toml").read_text("utf-8")
    return parse(tomllib.loads(text))
