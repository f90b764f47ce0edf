"""The construction rows (`constructions.toml`) as validated, immutable models.

A row says what triggers a construction, how its actor and its task are found, what
relation and modality it states and how it ranks against another row claiming the
same words. `match.py` interprets the rows; nothing else reads the file. Every word
class a row names must exist in the lexicon, every example must be well formed:
`rows()` checks both once per process and names the offending row.
"""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from pipeline.grammar.lexicon import CASES, MODALITIES, LexiconError, lexicon

TriggerKind = Literal["verb", "modal", "necessive", "adjective", "noun", "belong", "colon"]
Finder = Literal[
    "subject", "owner", "located", "belonging", "receiving", "agent", "demanded", "speaker",
    "label", "embedded_relative", "shared", "relative", "heading",
]  # fmt: skip


class _Row(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Support(_Row):
    """The verb that carries a nominal construction (`on`, `kuuluu`), or a colon."""

    words: tuple[str, ...]  # lexicon verb classes: copula, belong
    side: Literal["before", "after"]
    window: int = Field(ge=1, le=10)
    colon: bool = False  # a colon right after the trigger stands for the verb
    none_after: bool = False  # no copula or `kuulua` may follow the trigger
    subject_before: bool = False  # a nominative must stand before the supporting verb
    finite: bool = False  # the supporting verb must be finite


class Trigger(_Row):
    kind: TriggerKind
    words: tuple[str, ...] = ()  # lexicon classes (predicates, demand, task, obliged, ...)
    case: tuple[str, ...] = ()
    voice: Literal["active", "passive"] | None = None
    person: Literal["third", "first_plural"] | None = None
    modal: Literal["permission", "obligation"] | None = None
    support: Support | None = None
    subject_before: bool = False  # `belong`: a nominative stands before the verb
    relative_after: bool = False  # `noun`: a relative clause follows the noun
    complement_cases: tuple[str, ...] = ()  # `adjective`: a noun complement in these cases

    @field_validator("case", "complement_cases")
    @classmethod
    def _known_cases(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        unknown = set(value) - CASES
        if unknown:
            raise ValueError(f"unknown case {sorted(unknown)}")
        return value


class ActorSlot(_Row):
    find: tuple[Finder, ...]
    case: tuple[str, ...] = ()
    window: int = Field(default=3, ge=1, le=10)
    anchor: Literal["trigger", "support"] = "trigger"


class ComplementSlot(_Row):
    region: Literal["verbal", "after", "before", "after_support"]
    split: Literal["governed", "nominal", "whole"]


class Expected(_Row):
    """One statement an example must yield: `actors | relation | task | attributes`."""

    actors: tuple[str, ...]
    relation: str
    task: str
    attributes: tuple[tuple[str, str], ...] = ()

    @classmethod
    def parse(cls, line: str) -> Expected:
        parts = [p.strip() for p in line.split(" | ")]
        if len(parts) not in (3, 4) or not all(parts[:3]):
            raise ValueError(f"expected 'actors | relation | task[ | attributes]': {line!r}")
        attributes: list[tuple[str, str]] = []
        for attr in parts[3].split(",") if len(parts) == 4 else []:
            key, _, value = attr.strip().partition("=")
            attributes.append((key, value or "true"))
        return cls(
            actors=tuple(parts[0].split("+")),
            relation=parts[1],
            task=parts[2],
            attributes=tuple(attributes),
        )


class Example(_Row):
    text: str
    expect: tuple[Expected, ...]

    @field_validator("expect", mode="before")
    @classmethod
    def _parse(cls, value: list[str]) -> tuple[Expected, ...]:
        return tuple(Expected.parse(v) if isinstance(v, str) else v for v in value)


class Construction(_Row):
    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    description: str
    trigger: Trigger
    actor: ActorSlot
    complement: ComplementSlot
    relation: str  # "trigger": the trigger's own lemma; otherwise this relation
    modality: str  # "lexicon": the relation's modality in the lexicon; otherwise this one
    priority: int
    claims: Literal["anchors", "unit"] = "anchors"
    examples: tuple[Example, ...] = Field(min_length=1)

    @field_validator("modality")
    @classmethod
    def _known_modality(cls, value: str) -> str:
        if value != "lexicon" and value not in MODALITIES:
            raise ValueError(f"unknown modality {value!r}")
        return value


class ListRow(_Row):
    """A construction over several units (a lead-in and its items), read by the discourse."""

    name: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    description: str
    relation: str | None = None  # the relation its statements state, where the row gives one
    modality: str | None = None
    examples: tuple[Example, ...] = Field(min_length=1)


class Grammar(_Row):
    constructions: tuple[Construction, ...]
    lists: tuple[ListRow, ...]


def _check_words(row: Construction) -> None:
    lex = lexicon()
    t = row.trigger
    classes = {
        "verb": lambda w: w == "predicates" or w in lex.verbs,
        "noun": lambda w: w in lex.nouns,
        "adjective": lambda w: w in lex.adjectives,
    }
    check = classes.get(t.kind)
    for w in t.words:
        if check is None or not check(w):
            raise LexiconError(f"constructions.toml: {row.name}: no word class {w!r}")
    for w in t.support.words if t.support else ():
        if w not in lex.verbs:
            raise LexiconError(f"constructions.toml: {row.name}: no verb class {w!r}")


def parse(data: dict) -> Grammar:
    """The grammar of a parsed TOML document; an error names the row."""
    try:
        grammar = Grammar(
            constructions=tuple(Construction(**r) for r in data["construction"]),
            lists=tuple(ListRow(**r) for r in data["list"]),
        )
    except ValidationError as e:
        raise LexiconError(f"constructions.toml: {e}") from e
    names = [r.name for r in grammar.constructions] + [r.name for r in grammar.lists]
    duplicate = {n for n in names if names.count(n) > 1}
    if duplicate:
        raise LexiconError(f"constructions.toml: duplicate row name {sorted(duplicate)}")
    for row in grammar.constructions:
        _check_words(row)
    return grammar


def list_row(name: str) -> ListRow:
    """A [[list]] row by name (the discourse reads its relation and modality)."""
    return next(r for r in grammar().lists if r.name == name)


@cache
def grammar() -> Grammar:
    """The rows, read once per process, by descending priority."""
    text = resources.files("pipeline.grammar").joinpath("constructions.toml").read_text("utf-8")
    g = parse(tomllib.loads(text))
    ordered = tuple(sorted(g.constructions, key=lambda r: (-r.priority, r.name)))
    return g.model_copy(update={"constructions": ordered})
