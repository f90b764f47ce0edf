"""The values the grammar passes between its steps, all immutable.

A `View` is one unit (sentence, heading or list item) with what every step reads of
it; the matcher turns it into `Candidate`s, the resolver keeps some, and
`statements.py` spells each kept candidate out as `Statement`s, one per task, with
character spans for every field.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from pipeline.nlp.model import Sentence, Token

Range = tuple[int, int]  # a half-open token range [first, end) within a unit


@dataclass(frozen=True)
class Mention:
    """A registry actor named in a unit, by token range, with the case of its last word."""

    actor: str
    first: int
    last: int
    case: str | None


@dataclass(frozen=True)
class UnknownActor:
    """An organisation the registry does not know: slug id, nominative name, surface."""

    id: str
    name: str
    surface: str


@dataclass(frozen=True)
class Named:
    """One actor named in the text: its id and the character span of its name."""

    actor: str
    start: int
    end: int


@dataclass(frozen=True)
class Actors:
    """An actor slot's filler: who, how they were found, and where they are named."""

    ids: tuple[str, ...]
    source: str  # subject, relative, anaphora, lead_in, heading, first_person, label
    tokens: frozenset[int] = frozenset()  # the unit's tokens naming them: never a task
    named: tuple[Named, ...] = ()
    unknown: tuple[UnknownActor, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.ids)


NO_ACTORS = Actors((), "")


@dataclass(frozen=True)
class View:
    """A unit of the text with its tokens, the registry actors it names and its clauses."""

    text: str
    unit: Sentence
    index: int  # the unit's position among the document's units
    mentions: tuple[Mention, ...]
    clause_of: tuple[Range, ...]  # for every token, its clause

    @property
    def tokens(self) -> list[Token]:
        return self.unit.tokens

    @cached_property
    def nouns(self) -> dict[str, tuple[int, ...]]:
        """The unit's nouns by the lexicon's noun class they belong to: the triggers of
        the nominal rows, looked up once per unit."""
        from pipeline.grammar.lexicon import lexicon

        classes = lexicon().nouns
        found: dict[str, list[int]] = {}
        for i, t in enumerate(self.unit.tokens):
            if t.upos == "NOUN":
                for name, cls in classes.items():
                    if cls.base(t.lemma) is not None:
                        found.setdefault(name, []).append(i)
        return {name: tuple(idx) for name, idx in found.items()}

    def span(self, first: int, end: int) -> tuple[int, int]:
        """The character span of tokens [first, end)."""
        return self.tokens[first].start, self.tokens[end - 1].end


@dataclass(frozen=True)
class Candidate:
    """One construction matched in a unit, before the resolver decides."""

    construction: str
    priority: int
    trigger: int  # the token that carries the construction
    predicate: int  # the token whose lemma is the relation (an infinitive after a modal)
    claims: frozenset[int]  # the tokens no other candidate may also claim
    relation: str
    modality: str
    negated: bool
    actors: Actors
    complement: Range | None
    split: str  # governed | nominal | whole
    item: bool = False  # the complement is a list item, which may name its task in Nom
    governed_by: str = ""  # whose cases split a shared complement (`vastata ja sovittaa
    # yhteen X:ää`: the partitive of the verb that owns it); empty: the relation's own

    @property
    def open(self) -> bool:
        """No complement of its own: a lead-in whose items complete it."""
        return self.complement is None or self.complement[0] >= self.complement[1]


@dataclass(frozen=True)
class Statement:
    """One responsibility: a kept candidate's actor(s), relation and one task."""

    construction: str
    actors: tuple[str, ...]
    actor_source: str
    relation: str
    modality: str
    negated: bool
    task: tuple[int, int]  # character span
    evidence: tuple[int, int]
    named: tuple[Named, ...] = ()
    co_actors: tuple[Named, ...] = ()
    target_group: tuple[int, int] | None = None
    scope: tuple[int, int] | None = None
    schedule: tuple[int, int] | None = None  # an action plan's schedule and indicator cells
    indicator: tuple[int, int] | None = None
    unknown: tuple[UnknownActor, ...] = field(default=(), compare=False)
