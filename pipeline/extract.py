"""Analysed sentences -> responsibility statements: who is responsible for what.

For every sentence (and list item) it finds the predicates that assign a
responsibility, their actor(s) and their coordinated complements, and yields
one statement per complement:

- verbs: `X vastaa A:sta, B:stä ja C:stä`, in either word order; coordinated
  verbs share their subject and, when the first has no complement of its own,
  the object (`ohjaa ja kehittää Y:tä`); `X voi tehdä` is a permission, `X ei
  vastaa` a negated statement; a first-person verb (`vastaamme`) is the
  programme author's; a passive yields a statement only with an agent
  (`tehdään TE-toimiston toimesta`);
- nominal constructions: `X:n tehtävänä on`, `X:n tehtäviin kuuluu`,
  `X:n vastuulla on`, `X:llä on vastuu`, `X:n tehtävät ovat`, `Vastuu A:sta on
  X:llä`, `A kuuluu X:lle`, with a noun list or infinitives (`tehtävänä on
  edistää ... ja puuttua ...`) as complement;
- lists: a lead-in ending in `:` gives its items its predicate and actor, or,
  when the items name actors, its tasks to each of them.

Actors come from the registry (`actors.py`) by lemma. Without a registry
subject, a pronoun or a generic noun (`Lisäksi ministeriö`) refers back, a
relative pronoun to its antecedent, and a subject headed by an organisation noun
is an actor the registry does not know (`Kaupungin maahanmuuttajapalvelut`).
Where a clause has no subject at all, the section heading's actor stands in,
marked as such. How complements split is `complements.py`'s business, where
clauses begin and end `clauses.py`'s, and action-plan fields (`Vastuutaho:`)
`labels.py`'s.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import regex

from pipeline import labels, morphology
from pipeline.actors import find_mentions
from pipeline.clauses import RELATIVES, clauses, embedded_relative
from pipeline.complements import (
    MARKER,
    SUBORDINATORS,
    clausal,
    conjuncts,
    dedupe,
    infinitive_heads,
    is_head,
    is_infinitive,
    scope,
    target_group,
    trim_coordinator,
    trim_end,
    trim_start,
)
from pipeline.nlp.model import Sentence, Token
from pipeline.valency import (
    FINITE_EXCLUDED,
    GROUP_NOUNS,
    ORGANISATION_HEADS,
    PARTICLE_VERBS,
    TRIM_LEADING,
    governed_cases,
    modality_of,
)

# Nominal constructions: (noun lemma, its case) -> modality.
_NOMINAL = {
    ("tehtävä", "Ess"): "task",  # X:n tehtävänä on
    ("tehtävä", "Ill"): "task",  # X:n tehtäviin kuuluu
    ("toimiala", "Ill"): "task",  # X:n toimialaan kuuluu
    ("vastuualue", "Ill"): "responsible",  # X:n vastuualueeseen kuuluu
    ("tehtävä", "Nom"): "task",  # X:n tehtävät ovat
    ("vastuu", "Ade"): "responsible",  # X:n vastuulla on
    ("vastuu", "Nom"): "responsible",  # X:llä on vastuu
    ("vastuu", "All"): "responsible",  # X:n vastuulle kuuluu
    ("rooli", "Ess"): "task",  # X:n roolina on
    ("rooli", "Nom"): "task",  # X:n rooli on
    ("velvollisuus", "Ess"): "obligation",
    ("velvollisuus", "Nom"): "obligation",
}
_NECESSIVE_MODALS = frozenset({"tulla", "täytyä", "pitää"})
# Passive verbs of demand: `X:ltä edellytetään Y`, Y is X's duty.
_DEMANDS = frozenset({"edellyttää", "odottaa", "vaatia"})
_COORDINATING = ("ja", "sekä", "mutta", "vaan", "tai")
_PRONOUNS = frozenset({"se", "ne", "hän", "he", "tämä", "nämä"})
_MODALS = {
    "voida": "permission",
    "tulla": "obligation",
    "täytyä": "obligation",
    "pitää": "obligation",
}
_GENERIC_ACTOR = "viranomaiset"


@dataclass
class Found:
    """A responsibility found in the text, before ids and models are assigned."""

    actors: list[str]
    relation: str
    modality: str
    task_start: int
    task_end: int
    negated: bool
    evidence_start: int
    evidence_end: int
    actor_source: str
    co_actors: list[str] = field(default_factory=list)
    target_group: str | None = None
    scope: str | None = None


@dataclass(frozen=True)
class UnknownActor:
    """A subject the registry does not know: its slug id, nominative name, surface form."""

    id: str
    name: str
    surface: str


@dataclass(frozen=True)
class _Mention:
    """A registry actor named in a sentence, by token range, with its case."""

    actor: str
    first: int
    last: int
    case: str | None


@dataclass
class _Predicate:
    index: int  # the verb, the infinitive, or the nominal construction's noun
    relation: str
    modality: str
    negated: bool
    actors: list[str]
    actor_source: str
    nominal: bool = False  # a `tehtävänä on` construction: a list of nouns or infinitives
    item: bool = False  # completed by a list item, which may name its task in the nominative
    complement: tuple[int, int] | None = None  # token range [start, end)
    subject: frozenset[int] = frozenset()  # the subject's tokens: never a complement


class Extractor:
    """Finds responsibilities sentence by sentence in one document, keeping what
    later sentences need: recent actors for anaphora, lead-ins for list items."""

    def __init__(
        self,
        text: str,
        names: Mapping[str, str],
        levels: Mapping[str, str],
        author: str | None,
    ) -> None:
        self.text = text
        self.names = names  # actor id -> canonical name
        self.levels = levels  # actor id -> level
        self.author = author  # the actor a first-person verb stands for
        self.unknown: dict[str, UnknownActor] = {}
        self.last_actors: list[str] = []  # the last subject, for `se`, `ne`
        self.recent: list[str] = []  # subjects so far, most recent last
        self.open: dict[int, list[_Predicate]] = {}  # lead-in -> predicates its items complete
        self.actor_lists: dict[int, list[Found]] = {}  # lead-in -> tasks its items' actors take
        self._subject_in_sentence = False  # whether the current sentence named a subject yet
        self.field_task: tuple[int, int, int] | None = None  # (unit, start, end) a label takes
        self.heading_override: list[str] = []  # the organisation the current heading names
        self.heading_actors: dict[int, list[str]] = {}  # heading offset -> those actors

    # --- units ------------------------------------------------------------------------

    def sentence(self, index: int, s: Sentence, heading_actors: list[str]) -> list[Found]:
        """The responsibilities stated by unit `index` of the document."""
        found = self._labelled_field(index, s)
        if found is None:
            found = self._unit(index, s, heading_actors)
            # a unit that states no responsibility of its own may be a task a label follows
            span = None if found else labels.task_span(self.text, s.start, s.end)
            if span is not None:
                self.field_task = (index, *span)
        return found

    def _labelled_field(self, index: int, s: Sentence) -> list[Found] | None:
        """`Vastuutaho: kunta ja TE-toimisto` after its task, or `Hankinta (vastuu:
        ELY-keskus)`: the actors a field names take the task (see `labels.py`). None when
        the unit has no such field."""
        tokens = s.tokens
        after = labels.label_line(tokens)
        if after is not None:
            if self.field_task is None or index - self.field_task[0] > labels.MAX_DISTANCE:
                return None
            _, task_start, task_end = self.field_task
            first, end = after, len(tokens)
        else:
            inline = labels.bracketed(tokens)
            if inline is None:
                return None
            bracket, first, end = inline
            span = labels.task_span(self.text, s.start, tokens[bracket].start)
            if span is None:
                return None
            task_start, task_end = span
        actors = self._listed_actors(tokens, self._mentions(s), first, end)
        if not actors:
            return None
        self.field_task = None  # one label per task
        self._note(actors)
        return [
            Found(
                actors=actors,
                relation="vastuu",
                modality="responsible",
                task_start=task_start,
                task_end=task_end,
                negated=False,
                evidence_start=min(task_start, s.start),
                evidence_end=s.end,
                actor_source="label",
            )
        ]

    def _heading_organisation(self, s: Sentence) -> list[str]:
        """`Sivistystoimi`, `Kaupungin maahanmuuttajapalvelut`: a heading that names an
        organisation the registry does not know (its head noun is no registry actor's)
        stands for that organisation, as the same words would as a subject."""
        tokens = s.tokens
        head = next(
            (
                j
                for j in range(len(tokens) - 1, -1, -1)
                if tokens[j].upos in ("NOUN", "PROPN") and tokens[j].feat("Case") == "Nom"
            ),
            None,
        )
        if head is None or tokens[head].lemma in GROUP_NOUNS:
            return []  # `Valtion viranomaiset`: no one organisation
        if any(m.first <= head <= m.last for m in self._mentions(s)):
            return []  # a registry actor: the section's own actors
        saved = list(self.recent)
        self.recent = []  # a heading names; it does not refer back
        resolved = self._resolve(tokens, head, 0)
        self.recent = saved
        return resolved[0] if resolved and resolved[1] == "subject" else []

    def _listed_actors(
        self, tokens: list[Token], mentions: list[_Mention], first: int, end: int
    ) -> list[str]:
        """The actors of a list (`kunta, kirjasto ja järjestöt`): registry actors, and
        organisations the registry does not know by their head noun."""
        out: list[str] = []
        start = first
        for k in range(first, end + 1):
            if k < end and tokens[k].text not in (",", "ja", "sekä", ";", "/"):
                continue
            named = [m for m in mentions if start <= m.first < k]
            if named:
                out += [m.actor for m in named]
            elif k > start:
                head = k - 1
                while head > start and tokens[head].upos == "PUNCT":
                    head -= 1
                resolved = self._resolve(tokens, head, start)
                if resolved and resolved[1] == "subject":
                    out += resolved[0]
            start = k + 1
        return dedupe(out)

    def _unit(self, index: int, s: Sentence, heading_actors: list[str]) -> list[Found]:
        if s.kind == "heading":
            self.last_actors = []  # a pronoun does not refer across a heading
            self.heading_override = self._heading_organisation(s)
            if self.heading_override:
                self.heading_actors[s.start] = self.heading_override
            return []
        if self.heading_override:
            heading_actors = self.heading_override
        if not s.tokens:
            return []
        self._subject_in_sentence = False
        if s.kind == "item" and s.lead_in in self.open:
            return self._item(s, self.open[s.lead_in])
        if s.kind == "item" and s.lead_in in self.actor_lists:
            return self._actor_item(s, self.actor_lists[s.lead_in])
        mentions = self._mentions(s)
        predicates = self._labelled(s.tokens, mentions) or self._predicates(
            s.tokens, mentions, heading_actors
        )
        if not predicates and s.kind == "item" and heading_actors:
            # `Kunta` + `• kotouttamisohjelman laatiminen`: a list of tasks under an actor's
            # heading, with no lead-in
            start = 1 if MARKER.match(s.tokens[0].text) else 0
            predicates = [
                _Predicate(start, "tehtävä", "task", False, list(heading_actors), "heading",
                           nominal=True, complement=(start, len(s.tokens)))
            ]  # fmt: skip
        if not predicates:
            # `Maahanmuuttaja on itse aktiivinen toimija.`: a later `hän` refers to it
            self._note([m.actor for m in mentions if m.case == "Nom"][:1])
        lead_in = s.text_of(self.text).rstrip().endswith(":")
        found: list[Found] = []
        for p in predicates:
            tasks = self._tasks(p, s.tokens, s.start, s.end, mentions)
            if lead_in and p.actors and _cataphoric(s.tokens, p):
                tasks = []  # `vastaa seuraavista tehtävistä:`: the items are the tasks
            if lead_in and not tasks and p.actors:
                self.open.setdefault(index, []).append(p)  # `X vastaa:` + items
            elif lead_in and tasks and not p.actors:
                self.actor_lists.setdefault(index, []).extend(tasks)  # `... vastaavat:` + actors
            elif p.actors:
                found += tasks
        return found

    def _item(self, s: Sentence, predicates: list[_Predicate]) -> list[Found]:
        start = 1 if MARKER.match(s.tokens[0].text) else 0
        mentions = self._mentions(s)
        found: list[Found] = []
        for p in predicates:
            for q in _item_predicates(s.tokens, start, p):
                found += self._tasks(q, s.tokens, s.start, s.end, mentions)
        return found

    def _actor_item(self, s: Sentence, tasks: list[Found]) -> list[Found]:
        """`Kotoutumisen edistämisestä vastaavat:` + `• kunta`: the item's actors take the
        lead-in's tasks; the evidence runs from the lead-in to the item."""
        actors = dedupe(m.actor for m in self._mentions(s) if m.case in ("Nom", None))
        if not actors:
            head = next((i for i, t in enumerate(s.tokens) if t.upos in ("NOUN", "PROPN")), None)
            resolved = self._resolve(s.tokens, head, 0) if head is not None else None
            actors = resolved[0] if resolved else []
        if not actors:
            return []
        return [
            replace(f, actors=actors, actor_source="lead_in", evidence_end=s.end) for f in tasks
        ]

    # --- actors -------------------------------------------------------------------------

    def _mentions(self, s: Sentence) -> list[_Mention]:
        out: list[_Mention] = []
        tokens = s.tokens
        for m in find_mentions(self.text, s.start, s.end):
            idx = [i for i, t in enumerate(tokens) if m.start <= t.start < m.end]
            if not idx:
                continue
            first, last = idx[0], idx[-1]
            if (
                out
                and out[-1].actor == m.actor
                and first == out[-1].last + 2
                and tokens[first - 1].text == "("
            ):
                # `Kansaneläkelaitos (Kela)`: the abbreviation in brackets is part of the name
                prev = out.pop()
                closing = (
                    last + 1 if last + 1 < len(tokens) and tokens[last + 1].text == ")" else last
                )
                out.append(_Mention(prev.actor, prev.first, closing, prev.case))
                continue
            out.append(_Mention(m.actor, first, last, tokens[last].feat("Case")))
        return out

    def _note(self, actors: list[str]) -> None:
        """Actors just named as a subject: what a later pronoun or generic noun refers to."""
        if not actors:
            return
        self._subject_in_sentence = True
        self.last_actors = list(actors)
        for actor in actors:
            if actor in self.recent:
                self.recent.remove(actor)
            self.recent.append(actor)

    def _subject(
        self, tokens: list[Token], mentions: list[_Mention], verb: int, clause: tuple[int, int]
    ) -> tuple[list[str], str, frozenset[int]]:
        """The verb's subject: actor ids, how they were found, and the subject's tokens."""
        lo, hi = clause

        def subjects(a: int, b: int) -> list[_Mention]:
            return [
                m
                for m in mentions
                if a <= m.first < b and m.case == "Nom" and not _in_pp(tokens, m)
            ]

        group = self._apposition(tokens, mentions, lo, verb)
        if group:
            return group, "subject", frozenset()
        before = subjects(lo, verb)
        if before:
            chosen = _coordinated(tokens, before)
            actors = dedupe(m.actor for m in chosen)
            return self._with_coordinated(
                tokens, lo, chosen[0].first, actors, _tokens_of(chosen), verb
            )
        head = _subject_head(tokens, lo, verb)
        if head is not None:
            resolved = self._resolve(tokens, head, lo)
            if resolved and resolved[1] == "subject":
                first = min(resolved[2])
                return self._with_coordinated(tokens, lo, first, resolved[0], resolved[2], verb)
            if resolved:
                return resolved
        after = subjects(verb + 1, hi)
        if after:
            # `Arvioinnista vastaa ministeriö`, `hankinnat tekee työvoimaviranomainen`:
            # an actor after the verb is its subject when none stands before it
            chosen = _coordinated(tokens, after)
            return dedupe(m.actor for m in chosen), "subject", _tokens_of(chosen)
        head = _subject_head_after(tokens, lo, verb, hi)
        if head is not None:
            # `Tulkkauksesta vastaavat kunnan maahanmuuttajapalvelut`: an organisation the
            # registry does not know, after the verb
            resolved = self._resolve(tokens, head, verb + 1)
            if resolved and resolved[1] == "subject":
                return resolved
        return [], "", frozenset()

    def _with_coordinated(
        self,
        tokens: list[Token],
        lo: int,
        first: int,
        actors: list[str],
        span: frozenset[int],
        verb: int,
    ) -> tuple[list[str], str, frozenset[int]]:
        """`Seurakunnat ja järjestöt`, `Seurakunta ja urheiluseurat`: organisations the
        registry does not know, coordinated before the subject, share the statement."""
        j = first - 1
        while (
            j > lo and tokens[j].text in (",", "ja", "sekä") and tokens[j - 1].feat("Case") == "Nom"
        ):
            resolved = self._resolve(tokens, j - 1, lo)
            if not resolved or resolved[1] != "subject":
                break
            actors = dedupe([*resolved[0], *actors])
            span = span | resolved[2]
            j = min(resolved[2]) - 1
        # `Järjestöt ja seurakunnat`: and after it, up to the verb
        j = max(span) + 1 if span else verb
        while j < verb - 1 and tokens[j].text in (",", "ja", "sekä"):
            k = j + 1
            while (
                k + 1 < verb
                and tokens[k + 1].feat("Case") == "Nom"
                and tokens[k + 1].upos in ("NOUN", "PROPN", "ADJ")
            ):
                k += 1
            if tokens[k].feat("Case") != "Nom" or tokens[k].upos not in ("NOUN", "PROPN"):
                break
            resolved = self._resolve(tokens, k, j + 1)
            if not resolved or resolved[1] != "subject":
                break
            actors = dedupe([*actors, *resolved[0]])
            span = span | resolved[2]
            j = k + 1
        return actors, "subject", span

    def _apposition(
        self, tokens: list[Token], mentions: list[_Mention], lo: int, verb: int
    ) -> list[str]:
        """`keskeiset ministeriöt – OKM, STM ... ja YM – määrittelevät`: the listed actors."""
        dashes = [i for i in range(lo, verb) if tokens[i].text in ("–", "—", "-")]
        if len(dashes) < 2 or not any(tokens[i].lemma in GROUP_NOUNS for i in range(lo, dashes[0])):
            return []
        return dedupe(m.actor for m in mentions if dashes[0] < m.first < dashes[-1])

    def _resolve(
        self, tokens: list[Token], head: int, lo: int
    ) -> tuple[list[str], str, frozenset[int]] | None:
        """A subject the registry did not match: a pronoun or a generic noun refers back
        (`Lisäksi virasto`); an organisation noun phrase is an actor the registry does
        not know."""
        tok = tokens[head]
        if tok.lemma in _PRONOUNS:
            if not self._subject_in_sentence and _nominative_before(tokens, head):
                return None  # `Ohjelma sisältää ..., ja se ohjaa`: it refers to that noun
            actors = self._pronoun(tok.lemma)
            return (actors, "anaphora", frozenset({head})) if actors else None
        lemma = tok.lemma.lower()
        for actor in reversed(self.recent):
            name = self.names.get(actor, "").lower()
            if len(lemma) >= 4 and name.endswith(lemma):
                return [actor], "anaphora", frozenset({head})
        if not lemma.endswith(ORGANISATION_HEADS):
            return None
        first = head
        while (
            first > lo
            and tokens[first - 1].upos in ("PROPN", "NOUN", "ADJ")
            and tokens[first - 1].feat("Case") in ("Gen", "Nom")
        ):
            first -= 1
        if first < head and not tokens[first].text[:1].isupper() and tokens[first].upos != "PROPN":
            first = head  # a lower-case attribute is description, not part of a name
        surface = self.text[tokens[first].start : tok.end]
        return (
            [self._unknown(tokens, first, head, surface)],
            "subject",
            frozenset(range(first, head + 1)),
        )

    def _pronoun(self, lemma: str) -> list[str]:
        """`hän`/`he` refer to a person (the immigrant), `se`/`ne` to the last subject."""
        if lemma in ("hän", "he"):
            for actor in reversed(self.recent):
                if self.levels.get(actor) == "individual":
                    return [actor]
        return list(self.last_actors)

    def _relative(self, tokens: list[Token], mentions: list[_Mention], at: int) -> list[str]:
        """The antecedent of a relative clause starting at token `at`: the noun right
        before it when that names an organisation (`lautakunta, joka`), else the nearest
        actor before it, a specific one before the generic `viranomainen`."""
        j = at - 1
        while j >= 0 and tokens[j].text in (",", "(", "–"):
            j -= 1
        if j >= 0 and not any(m.first <= j <= m.last for m in mentions):
            resolved = self._resolve(tokens, j, max(0, j - 4))
            if resolved and resolved[1] == "subject":
                return resolved[0]
        before = [m for m in mentions if m.last < at]
        specific = [m for m in before if m.actor != _GENERIC_ACTOR]
        chosen = specific or before
        return [chosen[-1].actor] if chosen else []

    def _unknown(self, tokens: list[Token], first: int, head: int, surface: str) -> str:
        name = " ".join([t.text for t in tokens[first:head]] + [tokens[head].lemma])
        name = name[:1].upper() + name[1:]
        slug = _slug(name)
        self.unknown.setdefault(slug, UnknownActor(slug, name, surface))
        return slug

    # --- predicates -----------------------------------------------------------------------

    def _predicates(
        self, tokens: list[Token], mentions: list[_Mention], heading_actors: list[str]
    ) -> list[_Predicate]:
        out: list[_Predicate] = []
        clause_of = clauses(tokens)
        for i in range(len(tokens)):
            if any(p.index == i for p in out):
                continue  # the infinitive of a modal already taken (`voi järjestää`)
            nominal = self._nominal(tokens, mentions, i, heading_actors)
            if nominal is not None:
                out += nominal
                continue
            necessive = self._necessive(tokens, mentions, i, heading_actors) or self._obliged(
                tokens, mentions, i, clause_of[i], heading_actors
            )
            if necessive is not None:
                out.append(necessive)
                continue
            belongs = self._belongs(tokens, mentions, i, clause_of[i])
            if belongs is not None:
                out.append(belongs)
                continue
            if tokens[clause_of[i][0]].lemma in SUBORDINATORS:
                continue  # `valvoo, että kunnat järjestävät ...`: content or condition, not a task
            verb = self._verbal(tokens, mentions, i, clause_of, out, heading_actors)
            if verb is not None:
                out.append(verb)
        _assign_complements(out, tokens, clause_of)
        for p in out:
            lo, hi = clause_of[p.index]
            if p.nominal and p.complement and tokens[lo].lemma in RELATIVES:
                # `X, jonka tehtäviin kuuluu Y, koordinoi Z`: Y ends with its clause
                p.complement = (p.complement[0], min(p.complement[1], hi))
        return out

    def _verbal(
        self,
        tokens: list[Token],
        mentions: list[_Mention],
        i: int,
        clause_of: list[tuple[int, int]],
        earlier: list[_Predicate],
        heading_actors: list[str],
    ) -> _Predicate | None:
        """A finite verb (or a modal with its infinitive) as a predicate, with its actors."""
        modal = _modal(tokens, i)
        if modal is None and not _is_predicate_verb(tokens[i]):
            return None
        clause = clause_of[i]
        lo, hi = clause
        finite = tokens[i]  # carries person, voice and the subject's agreement
        predicate = i
        relation, modality = _relation(tokens, i)
        if modal is not None:
            predicate, modality = modal  # `voi tarjota`: the infinitive is the predicate
            relation = _relation(tokens, predicate)[0]
        passive = finite.feat("Voice") == "Pass"
        actors: list[str] = []
        source = ""
        subject: frozenset[int] = frozenset()
        if finite.feat("Person") == "1" and finite.feat("Number") == "Plur":
            if self.author:
                actors, source = [self.author], "first_person"  # `vastaamme`
        elif not passive:
            actors, source, subject = self._subject(tokens, mentions, i, clause)
        rel = embedded_relative(tokens, clause_of, lo)
        if not actors and not passive and rel is not None:
            # `X, jonka tehtäviin kuuluu Y, koordinoi Z`: the subject stands before the
            # relative clause
            actors, source, subject = self._subject(tokens, mentions, rel - 1, clause_of[rel - 1])
        if not actors and modality == "obligation" and finite.lemma in _NECESSIVE_MODALS:
            # `Kaupungin tulee tiedottaa`: a necessive verb's subject is in the genitive
            actors, source = self._owner(tokens, mentions, i, "Gen", [])
        if not actors:
            shared = _shared_subject(earlier, tokens, predicate)
            if shared is not None:
                actors, source = shared.actors, shared.actor_source
        if (
            not actors
            and not passive
            and tokens[lo].lemma in RELATIVES
            and tokens[lo].feat("Case") in (None, "Nom")
        ):
            # `..., joka nimeää`: the relative is the subject; in `..., joissa asukkaat
            # voivat` it is not, and the clause's subject is its own
            actors, source = self._relative(tokens, mentions, lo), "relative"
        if not actors and heading_actors and not passive and _subjectless(tokens, lo, i, hi):
            actors, source = list(heading_actors), "heading"
        if not actors and passive and finite.lemma in _DEMANDS:
            # `Kotoutujalta edellytetään aktiivisuutta`: what is required of the actor in
            # the ablative is its duty
            demanded = [m for m in mentions if lo <= m.first < hi and m.case == "Abl"]
            if demanded:
                group = _coordinated(tokens, demanded)
                actors, source = dedupe(m.actor for m in group), "subject"
                subject, modality = _tokens_of(group), "obligation"
        if not actors and passive:
            agent = self._agent(tokens, mentions, lo, hi)
            if agent is None:
                return None  # `ohjelma laaditaan`: no actor
            actors, source, subject = agent
        self._note(actors)
        return _Predicate(
            predicate, relation, modality, _negated(tokens, lo, i), actors, source, subject=subject
        )

    def _agent(
        self, tokens: list[Token], mentions: list[_Mention], lo: int, hi: int
    ) -> tuple[list[str], str, frozenset[int]] | None:
        """`Alkukartoitukset tehdään TE-toimiston toimesta`: the agent of a passive, a
        genitive before `toimesta` (officialese for `by`)."""
        for j in range(lo + 1, hi):
            if tokens[j].text.lower() not in ("toimesta", "taholta"):
                continue
            head = j - 1
            named = [m for m in mentions if lo <= m.first and m.last <= head and m.case == "Gen"]
            if named and named[-1].last == head:
                group = _coordinated(tokens, named)
                return dedupe(m.actor for m in group), "subject", _tokens_of(group) | {j}
            if tokens[head].feat("Case") == "Gen":
                resolved = self._resolve(tokens, head, lo)
                if resolved and resolved[1] == "subject":
                    first = min(resolved[2])
                    before = [  # `kunnan ja seurakunnan toimesta`
                        m
                        for m in named
                        if m.last < first
                        and all(t.text in (",", "ja", "sekä") for t in tokens[m.last + 1 : first])
                    ]
                    actors = dedupe([*(m.actor for m in before), *resolved[0]])
                    return actors, "subject", resolved[2] | _tokens_of(before) | {j}
        return None

    def _nominal(
        self, tokens: list[Token], mentions: list[_Mention], i: int, heading_actors: list[str]
    ) -> list[_Predicate] | None:
        """`X:n tehtävänä on ...`, `X:n tehtäviin kuuluu ...`, `X:n tehtävät: ...`,
        `X:llä on (yleinen) vastuu Y:stä`, `X on vastuussa Y:stä`; None when token i opens
        no such construction."""
        tok = tokens[i]
        lemma = "vastuu" if tok.lemma.endswith("vastuu") else tok.lemma  # `kokonaisvastuu`
        case = tok.feat("Case") or ""
        if tok.upos != "NOUN" or not (
            (lemma, case) in _NOMINAL or (lemma, case) == ("vastuu", "Ine")
        ):
            return None
        if (lemma, case) == ("vastuu", "Nom"):
            located = self._located(tokens, mentions, i)
            if located is not None:
                return located
        # The verb that carries it: `on`/`ovat` or `kuuluu`/`kuuluvat` after the noun
        # (`tehtävänä on`), or `on` before it (`X:llä on vastuu`, `X on vastuussa`); or a
        # colon (`Kunnan tehtävät: ...`).
        verb = next(
            (
                j
                for j in range(i + 1, min(len(tokens), i + 4))
                if tokens[j].lemma in ("olla", "kuulua")
            ),
            None,
        )
        olla_before = next(
            (j for j in range(i - 1, max(-1, i - 4), -1) if tokens[j].lemma == "olla"), None
        )
        k = i - 1
        while k >= 0 and tokens[k].lemma in TRIM_LEADING:
            k -= 1
        if olla_before is None and k >= 0 and tokens[k].text.lower() in (*_COORDINATING, ","):
            # `on oikeus saada tietoa, mutta myös velvollisuus osallistua`: the `on` of
            # the construction coordinated before
            olla_before = next((j for j in range(k - 1, -1, -1) if tokens[j].lemma == "olla"), None)
        colon = i + 1 < len(tokens) and tokens[i + 1].text == ":"
        if case == "Ine":  # `X on vastuussa Y:stä`
            if olla_before is None:
                return None
            actors, source, _ = self._subject(tokens, mentions, olla_before, (0, i))
            governs_own, start = True, i + 1
        elif (
            (lemma, case) in (("tehtävä", "Nom"), ("vastuu", "Ade"))
            and olla_before is not None
            and olla_before > 0
            and verb is None
            and _has_nominative(tokens, 0, olla_before)
            and (owned := self._owner(tokens, mentions, i, "Gen", []))[0]
        ):
            # `Kotoutumisen edistäminen on kunnan yleinen tehtävä`, `Tulkkaus on
            # hyvinvointialueen vastuulla`: the subject of `on` is the task, the genitive
            # before the noun its owner
            owner, how = owned
            self._note(owner)
            negated = _negated(tokens, max(0, olla_before - 2), olla_before + 1)
            return [
                _Predicate(i, lemma, _NOMINAL[(lemma, case)], negated, owner, how, nominal=True,
                           complement=(0, _before_negation(tokens, 0, olla_before)))
            ]  # fmt: skip
        elif case == "Nom" and olla_before is not None and verb is None:  # `X:llä on vastuu`
            actors, source = self._owner(tokens, mentions, olla_before + 1, "Ade", heading_actors)
            governs_own, start = lemma == "vastuu", i + 1
        elif verb is not None or (case == "Nom" and colon):
            actors, source = self._owner(tokens, mentions, i, "Gen", heading_actors)
            governs_own, start = False, (verb + 1 if verb is not None else i + 2)
        else:
            return None
        if not actors:
            return []
        self._note(actors)
        modality = _NOMINAL.get((lemma, case), "responsible")
        return [
            _Predicate(
                i,
                lemma,
                modality,
                _negated(tokens, max(0, i - 3), start),
                actors,
                source,
                nominal=not governs_own,
                complement=(start, len(tokens)),
            )
        ]

    def _located(
        self, tokens: list[Token], mentions: list[_Mention], i: int
    ) -> list[_Predicate] | None:
        """`Vastuu X:stä on Y:llä`, `Vastuu X:stä kuuluu Y:lle`: the responsibility first,
        its owner after the verb."""
        verb = None
        for j in range(i + 2, len(tokens)):
            if tokens[j].lemma in ("olla", "kuulua") and tokens[j].feat("VerbForm") == "Fin":
                verb = j
                break
            if tokens[j].text in (",", ";", ":") or tokens[j].lemma in SUBORDINATORS:
                return None
        if verb is None:
            return None
        owners = [m for m in mentions if verb < m.first <= verb + 3 and m.case in ("Ade", "All")]
        if not owners:
            return None
        actors = dedupe(m.actor for m in _coordinated(tokens, owners))
        self._note(actors)
        return [
            _Predicate(i, "vastuu", "responsible", _negated(tokens, i, verb + 1), actors,
                       "subject", subject=frozenset(range(verb, owners[-1].last + 1)))
        ]  # fmt: skip

    def _belongs(
        self, tokens: list[Token], mentions: list[_Mention], i: int, clause: tuple[int, int]
    ) -> _Predicate | None:
        """`Kunnille kuuluu kotoutumisohjelman seuranta`: what belongs to an actor in the
        allative is its task."""
        if tokens[i].lemma != "kuulua" or tokens[i].feat("VerbForm") != "Fin":
            return None
        lo, hi = clause
        owners = [m for m in mentions if lo <= m.first < i and m.case == "All"]
        if owners:
            actors = dedupe(m.actor for m in _coordinated(tokens, owners))
            self._note(actors)
            return _Predicate(
                i, "kuulua", "task", _negated(tokens, lo, i), actors, "subject",
                nominal=True, complement=(i + 1, len(tokens)),
            )  # fmt: skip
        # `Psykososiaalinen tuki kuuluu hyvinvointialueelle` / `hyvinvointialueen
        # tehtäviin`: the task first, its owner after the verb
        owners = [
            m
            for m in mentions
            if i < m.first <= i + 3
            and m.last < hi
            and (
                m.case == "All"
                or (
                    m.case == "Gen"
                    and m.last + 1 < hi
                    and tokens[m.last + 1].lemma in ("tehtävä", "vastuu", "vastuualue", "toimiala")
                    and tokens[m.last + 1].feat("Case") in ("Ill", "All")
                )
            )
        ]
        if not owners or not _has_nominative(tokens, lo, i):
            return None
        if any(lo <= m.first < i and m.case == "Nom" for m in mentions):
            return None  # `Kunta kuuluu ...`: an actor, not a task, belongs somewhere
        actors = dedupe(m.actor for m in _coordinated(tokens, owners))
        self._note(actors)
        return _Predicate(
            i, "kuulua", "task", _negated(tokens, lo, i), actors, "subject",
            nominal=True, complement=(lo, _before_negation(tokens, lo, i)),
        )  # fmt: skip

    def _labelled(self, tokens: list[Token], mentions: list[_Mention]) -> list[_Predicate]:
        """`Kela: kotoutumistuen maksaminen`: an actor's name, a colon and its tasks, as in
        a table flattened into text."""
        start = 1 if tokens and MARKER.match(tokens[0].text) else 0
        colon = next((j for j, t in enumerate(tokens) if t.text == ":"), None)
        unknown = self._labelled_organisation(tokens, mentions, start, colon)
        if unknown and colon is not None:  # `Kaupungin kirjasto:`
            self._note(unknown)
            return [
                _Predicate(colon - 1, "tehtävä", "task", False, unknown, "subject",
                           nominal=True, complement=(colon + 1, len(tokens)))
            ]  # fmt: skip
        starts = {m.first for m in mentions}
        while start < len(tokens) and start not in starts and _place_attribute(tokens[start]):
            start += 1  # `Keski-Kivikosken ELY-keskus:`
        first = next((m for m in mentions if m.first == start), None)
        if first is None or first.last + 1 >= len(tokens) or tokens[first.last + 1].text != ":":
            return []
        actors = dedupe(
            m.actor for m in _coordinated(tokens, [m for m in mentions if m.last <= first.last])
        )
        self._note(actors)
        return [
            _Predicate(first.last, "tehtävä", "task", False, actors, "subject",
                       nominal=True, complement=(first.last + 2, len(tokens)))
        ]  # fmt: skip

    def _labelled_organisation(
        self, tokens: list[Token], mentions: list[_Mention], start: int, colon: int | None
    ) -> list[str]:
        """`Kaupungin kirjasto:`: a name before the colon whose head is an organisation
        the registry does not know (a registry attribute such as `Kaupungin` aside)."""
        if colon is None or colon - start < 1 or colon - start > 5:
            return []
        head = colon - 1
        if tokens[head].feat("Case") != "Nom" or tokens[head].upos not in ("NOUN", "PROPN"):
            return []
        if any(m.first <= head <= m.last for m in mentions):
            return []
        if not all(t.upos in ("NOUN", "PROPN", "ADJ") for t in tokens[start:head]):
            return []
        resolved = self._resolve(tokens, head, start)
        return resolved[0] if resolved and resolved[1] == "subject" else []

    def _necessive(
        self, tokens: list[Token], mentions: list[_Mention], i: int, heading_actors: list[str]
    ) -> _Predicate | None:
        """`Kaupungin on järjestettävä opetus`: a duty, of the genitive before `on`, or
        of the section's actor where none is named (`on järjestettävä`)."""
        tok = tokens[i]
        if not (tok.feat("PartForm") == "Pres" and tok.feat("Voice") == "Pass"):
            return None
        if tok.feat("Case") not in (None, "Nom") or tok.feat("Number") == "Plur":
            return None  # `ovat saatavilla`: a duty's participle is nominative singular
        olla = next(
            (j for j in range(i - 1, max(-1, i - 3), -1) if tokens[j].lemma == "olla"), None
        )
        if olla is None and i >= 2 and tokens[i - 1].text in ("ja", "sekä", "tai", ","):
            # `on laadittava ohjelma ja tarkistettava sitä`: coordinated with a duty before
            olla = _duty_olla_before(tokens, i)
        if olla is None or tokens[olla].feat("VerbForm") != "Fin":
            return None
        negated = _negated(tokens, max(0, olla - 2), i)
        actors, source = self._owner(tokens, mentions, olla, "Gen", heading_actors)
        if not actors and heading_actors:
            actors, source = list(heading_actors), "heading"
        if not actors:
            return None
        self._note(actors)
        relation = morphology.participle_verb(tok.text) or tok.lemma
        return _Predicate(i, relation, "obligation", negated, actors, source)

    def _obliged(
        self,
        tokens: list[Token],
        mentions: list[_Mention],
        i: int,
        clause: tuple[int, int],
        heading_actors: list[str],
    ) -> _Predicate | None:
        """`Kunta on velvollinen järjestämään`, `Kunnat ovat velvollisia laatimaan`: a
        duty, of the subject of `olla`; the illative infinitive is the predicate."""
        tok = tokens[i]

        def illative(j: int) -> bool:
            return tokens[j].feat("InfForm") == "3" and tokens[j].feat("Case") == "Ill"

        if not (illative(i) and i >= 2):
            return None
        anchor = i
        if tokens[i - 1].text in ("ja", "sekä", "tai", ","):
            # `velvollisia laatimaan ohjelman ja seuraamaan ...`: coordinated with the first
            anchor = next((j for j in range(i - 2, clause[0], -1) if illative(j)), i)
        if tokens[anchor - 1].lemma not in ("velvollinen", "velvoitettu"):
            return None
        olla = next(
            (j for j in range(anchor - 2, max(-1, anchor - 5), -1) if tokens[j].lemma == "olla"),
            None,
        )
        if olla is None:
            return None
        actors, source, subject = self._subject(tokens, mentions, olla, clause)
        if not actors and heading_actors:
            actors, source = list(heading_actors), "heading"
        if not actors:
            return None
        self._note(actors)
        negated = _negated(tokens, clause[0], olla + 1)
        return _Predicate(i, tok.lemma, "obligation", negated, actors, source, subject=subject)

    def _owner(
        self,
        tokens: list[Token],
        mentions: list[_Mention],
        i: int,
        case: str,
        heading_actors: list[str],
    ) -> tuple[list[str], str]:
        """Whose task a nominal construction at token i states: the genitive (or adessive)
        before it, a relative or personal pronoun, a generic noun, or the heading."""
        prev = i - 1
        while prev >= 0 and tokens[prev].lemma in TRIM_LEADING:
            prev -= 1
        owners = [m for m in mentions if m.last < i and m.case == case]
        adjacent = (
            prev >= 0
            and tokens[prev].feat("Case") == case
            and tokens[prev].upos in ("NOUN", "PROPN")
        )
        if adjacent and not any(m.last == prev for m in owners):
            # `Kaupungin maahanmuuttopalvelujen tehtäviin`: the owner is the noun next to
            # the construction, even when an earlier word names a registry actor
            resolved = self._resolve(tokens, prev, max(0, prev - 4))
            if resolved:
                return resolved[0], resolved[1]
        if owners and i - owners[-1].last <= 3:
            return dedupe(m.actor for m in _coordinated(tokens, owners)), "subject"
        if prev < 0:
            return (list(heading_actors), "heading") if heading_actors else ([], "")
        before = tokens[prev]
        if before.lemma == "joka":
            return self._relative(tokens, mentions, prev), "relative"
        if before.lemma in _PRONOUNS and before.feat("Case") == "Gen":
            return self._pronoun(before.lemma), "anaphora"
        if before.feat("Case") in ("Gen", "Ade") and before.upos in ("NOUN", "PROPN"):
            resolved = self._resolve(tokens, prev, max(0, prev - 4))
            if resolved:
                return resolved[0], resolved[1]
        return [], ""

    # --- tasks ------------------------------------------------------------------------------

    def _tasks(
        self,
        p: _Predicate,
        tokens: list[Token],
        evidence_start: int,
        evidence_end: int,
        mentions: list[_Mention],
    ) -> list[Found]:
        """One statement per coordinated complement of the predicate."""
        if p.complement is None:
            return []
        lo, hi = p.complement
        hi = trim_end(tokens, lo, hi)
        if lo >= hi:
            return []
        if p.nominal:
            starts = infinitive_heads(tokens, lo, hi)
            if starts:  # `tehtävänä on edistää ... ja puuttua ...`
                out: list[Found] = []
                for k, i in enumerate(starts):
                    end = starts[k + 1] if k + 1 < len(starts) else hi
                    region = (i + 1, trim_coordinator(tokens, end))
                    if region[1] <= region[0]:
                        # `ohjata, neuvoa ja tukea kuntia`: an infinitive with nothing of
                        # its own shares the last one's complement
                        region = (starts[-1] + 1, hi)
                    q = replace(
                        p, index=i, relation=tokens[i].lemma, nominal=False, complement=region
                    )
                    out += self._tasks(q, tokens, evidence_start, evidence_end, mentions)
                return out
        cases = frozenset({"Nom"}) if p.nominal else governed_cases(p.relation)
        if p.item:
            cases = cases | {"Nom"}  # `vastaa seuraavista:` + `1) valmistelu ja seuranta;`
        clause = clausal(tokens, lo, hi)
        parts = [clause] if clause else conjuncts(tokens, lo, hi, cases, p.subject)
        if (
            not parts
            and "Par" in cases
            and any(
                tokens[j].upos in ("NOUN", "PROPN") and j not in p.subject for j in range(lo, hi)
            )
        ):
            # an object the splitter cannot tell from its attributes (`sopimuksen
            # tiedonvaihdosta`): the whole complement is the task
            parts = [(lo, hi)]
        if p.subject:  # a complement never runs into the subject (`... vastaa ministeriö`)
            first = min(p.subject)
            parts = [(a, min(b, first) if a < first else b) for a, b in parts]
        relation = p.relation
        if relation == "tehdä" and any(tokens[j].lemma == "yhteistyö" for j in range(lo, hi)):
            relation = "tehdä yhteistyötä"
        first = trim_start(tokens, lo, hi)
        if first < hi and (relation, tokens[first].text.lower()) in PARTICLE_VERBS:
            relation = f"{relation} {tokens[first].text.lower()}"  # `ottaa vastaan`
            parts = [(max(a, first + 1), b) for a, b in parts]
        # `yhteistyössä X:n kanssa`: X shares the task
        co_actors = [
            m.actor
            for m in mentions
            if lo <= m.first < hi and m.last + 1 < hi and tokens[m.last + 1].lemma == "kanssa"
        ]
        where = scope(self.text, tokens, lo, hi)
        # A permission or a duty (`voi`, `on -ttava`) says more than the verb's own sense.
        constructed = p.modality in ("permission", "obligation")
        modality = p.modality if constructed else modality_of(relation, p.modality)
        found = []
        for a, b in parts:
            a = trim_start(tokens, a, b)
            if a >= b:
                continue
            found.append(
                Found(
                    actors=list(p.actors),
                    relation=relation,
                    modality=modality,
                    task_start=tokens[a].start,
                    task_end=tokens[b - 1].end,
                    negated=p.negated or (a > 0 and tokens[a - 1].text.lower() == "eikä"),
                    evidence_start=evidence_start,
                    evidence_end=evidence_end,
                    actor_source=p.actor_source,
                    co_actors=dedupe(c for c in co_actors if c not in p.actors),
                    target_group=target_group(self.text, tokens, a, b),
                    scope=where,
                )
            )
        return found


# --- sentence structure ------------------------------------------------------------------


def _cataphoric(tokens: list[Token], p: _Predicate) -> bool:
    """Whether the predicate's complement only points ahead to a list (`seuraavista
    tehtävistä`, `seuraavat`, `näistä`)."""
    if p.complement is None:
        return False
    lo, hi = p.complement
    words = [t for t in tokens[lo:hi] if t.upos != "PUNCT" and t.lemma not in TRIM_LEADING]
    return bool(words) and words[0].lemma in ("seuraava", "tämä", "seuraavasti") and len(words) <= 3


def _is_predicate_verb(tok: Token) -> bool:
    if tok.upos != "VERB" or tok.feat("VerbForm") != "Fin" or tok.feat("Mood") == "Imp":
        return False
    # `edellyttää` states no task (`Kotoutuminen edellyttää ...`) except as a passive
    # demand on someone (`Kotoutujalta edellytetään ...`)
    return tok.lemma not in FINITE_EXCLUDED or (
        tok.lemma in _DEMANDS and tok.feat("Voice") == "Pass"
    )


def _modal(tokens: list[Token], i: int) -> tuple[int, str] | None:
    """`voi`/`voivat`/`tulee`/`täytyy` + infinitive: the infinitive's index and the modality."""
    tok = tokens[i]
    if tok.lemma not in _MODALS or tok.feat("VerbForm") != "Fin":
        return None
    for j in range(i + 1, min(len(tokens), i + 4)):
        if is_infinitive(tokens[j]):
            return j, _MODALS[tok.lemma]
        if tokens[j].upos != "ADV" and tokens[j].lemma not in TRIM_LEADING:
            break
    return None


def _relation(tokens: list[Token], i: int) -> tuple[str, str]:
    lemma = tokens[i].lemma
    if lemma == "toimia" and any(
        t.lemma == "yhteistyö" and t.feat("Case") == "Ine" for t in tokens[i + 1 : i + 3]
    ):
        return "toimia yhteistyössä", "cooperates"
    return lemma, modality_of(lemma, "task")


def _negated(tokens: list[Token], lo: int, i: int) -> bool:
    return any(t.lemma == "ei" and t.upos == "AUX" for t in tokens[lo:i])


def _in_pp(tokens: list[Token], m: _Mention) -> bool:
    """A mention before an adposition (`X:n kanssa`) is no subject."""
    return m.last + 1 < len(tokens) and tokens[m.last + 1].upos == "ADP"


def _coordinated(tokens: list[Token], mentions: list[_Mention]) -> list[_Mention]:
    """The last mention with those coordinated with it (`Kunta ja hyvinvointialue`,
    `Pirkanmaan ELY-keskus ja Länsi- ja Sisä-Suomen aluehallintovirasto`)."""
    group = [mentions[-1]]
    for m in reversed(mentions[:-1]):
        between = tokens[m.last + 1 : group[0].first]
        if not between or between[0].text not in (",", "ja", "sekä", "tai"):
            break
        # after the coordinator only the next name's attributes: `Länsi- ja Sisä-Suomen`
        if not all(
            t.text in (",", "ja", "sekä", "tai")
            or t.text.endswith("-")
            or (t.feat("Case") == "Gen" and t.upos in ("PROPN", "NOUN", "ADJ"))
            or t.text[:1].isupper()
            for t in between
        ):
            break
        group.insert(0, m)
    return group


def _tokens_of(mentions: list[_Mention]) -> frozenset[int]:
    return frozenset(k for m in mentions for k in range(m.first, m.last + 1))


def _subject_head(tokens: list[Token], lo: int, verb: int) -> int | None:
    """The nominative noun or pronoun heading the subject before the verb, if any."""
    for j in range(verb - 1, lo - 1, -1):
        t = tokens[j]
        if t.feat("Case") != "Nom" or t.upos not in ("NOUN", "PROPN", "PRON"):
            continue
        nxt = tokens[j + 1]
        if j + 1 < verb and nxt.upos in ("NOUN", "PROPN") and nxt.feat("Case") == "Nom":
            continue
        return j
    return None


def _subject_head_after(tokens: list[Token], lo: int, verb: int, hi: int) -> int | None:
    """The nominative noun heading a subject after an active finite verb, when a
    complement stands before the verb (`Tulkkauksesta vastaa X`). A clause that opens
    with its verb has no such subject: its nominative is the object (`Järjestää
    palvelut`)."""
    v = tokens[verb]
    if v.feat("Voice") == "Pass" or v.feat("VerbForm") != "Fin" or v.feat("Person") != "3":
        return None
    if not any(
        t.upos in ("NOUN", "PROPN") and t.feat("Case") not in (None, "Nom") for t in tokens[lo:verb]
    ):
        return None
    for j in range(verb + 1, hi):
        t = tokens[j]
        suspended = t.upos == "CCONJ" and tokens[j - 1].text.endswith("-")  # `työllisyys- ja`
        if (t.upos in ("VERB", "SCONJ", "CCONJ") and not suspended) or t.text in (",", ";"):
            return None
        if t.feat("Case") != "Nom" or t.upos not in ("NOUN", "PROPN"):
            continue
        nxt = tokens[j + 1] if j + 1 < hi else None
        if nxt is not None and nxt.upos in ("NOUN", "PROPN") and nxt.feat("Case") == "Nom":
            continue
        return j
    return None


def _duty_olla_before(tokens: list[Token], i: int) -> int | None:
    """The `on` of an earlier duty in the clause (`on järjestettävä ..., seurattava ...`)."""
    for j in range(i - 2, -1, -1):
        if tokens[j].lemma in SUBORDINATORS or tokens[j].lemma in RELATIVES:
            return None
        if tokens[j].feat("PartForm") == "Pres" and tokens[j].feat("Voice") == "Pass":
            for k in range(j - 1, max(-1, j - 3), -1):
                if tokens[k].lemma == "olla":
                    return k
    return None


def _place_attribute(tok: Token) -> bool:
    """A capitalised genitive before an actor's name: a place (`Pirkanmaan`)."""
    return tok.text[:1].isupper() and tok.feat("Case") == "Gen" and tok.upos in ("PROPN", "NOUN")


def _subjectless(tokens: list[Token], lo: int, i: int, hi: int) -> bool:
    """Whether the verb at i states no subject of its own: no nominative before it, and
    none after it unless the verb opens the clause, where a nominative is the object
    (`- tekee sopimukset`) rather than a subject after a fronted complement
    (`Kotoutumista edistävät monet toimijat`)."""
    if _has_nominative(tokens, lo, i):
        return False
    opens = all(t.upos in ("PUNCT", "ADV", "CCONJ") or MARKER.match(t.text) for t in tokens[lo:i])
    return opens or not _has_nominative(tokens, i + 1, hi)


def _before_negation(tokens: list[Token], lo: int, i: int) -> int:
    """Where a task before its verb ends: before `ei` in `X ei kuulu ...`."""
    return i - 1 if i - 1 >= lo and tokens[i - 1].lemma == "ei" else i


def _nominative_before(tokens: list[Token], i: int) -> bool:
    return any(t.upos in ("NOUN", "PROPN") and t.feat("Case") == "Nom" for t in tokens[:i])


def _has_nominative(tokens: list[Token], lo: int, hi: int) -> bool:
    return any(
        t.feat("Case") == "Nom" and t.upos in ("NOUN", "PROPN", "PRON") for t in tokens[lo:hi]
    )


def _shared_subject(earlier: list[_Predicate], tokens: list[Token], i: int) -> _Predicate | None:
    """A verb coordinated with an earlier one in the sentence shares its subject."""
    for p in reversed(earlier):
        if p.nominal or not p.actors:
            continue
        if any(t.lemma in RELATIVES or t.lemma in SUBORDINATORS for t in tokens[p.index + 1 : i]):
            continue
        if tokens[i - 1].lemma in ("ja", "sekä", "tai", "eikä", ",") or (
            i >= 2 and tokens[i - 2].text == ","
        ):
            return p
    return None


def _item_predicates(tokens: list[Token], start: int, p: _Predicate) -> list[_Predicate]:
    """A list item completes its lead-in: with verbs of its own after a nominal lead-in
    (`Kunnan tehtävänä on:` + `• järjestää neuvontaa`) or as the lead-in predicate's
    complement (`X vastaa:` + `• neuvonnasta`). In an item the tagger has no `on` before
    the verb, so a finite reading stands for the infinitive the lead-in governs."""
    verbs = [
        i for i in range(start, len(tokens))
        if tokens[i].upos == "VERB" and tokens[i].feat("VerbForm") in ("Inf", "Fin")
        and (i == start or tokens[i - 1].lemma in ("ja", "sekä", "tai", ","))
    ]  # fmt: skip
    if p.nominal and verbs and verbs[0] == start:
        return [
            replace(
                p,
                index=i,
                relation=tokens[i].lemma,
                nominal=False,
                actor_source="lead_in",
                complement=(
                    i + 1,
                    trim_coordinator(tokens, verbs[k + 1] if k + 1 < len(verbs) else len(tokens)),
                ),
            )
            for k, i in enumerate(verbs)
        ]
    return [replace(p, actor_source="lead_in", item=True, complement=(start, len(tokens)))]


def _assign_complements(
    predicates: list[_Predicate], tokens: list[Token], clause_of: list[tuple[int, int]]
) -> None:
    """Each verb's complement runs from after it to the next verb of its clause; a verb
    with nothing of its own before a coordinated verb shares that verb's complement
    (`ohjaa ja kehittää Y:tä`); a clause-initial verb without one after it takes the
    words before it (`Arvioinnista vastaa ministeriö`); a verb before a subordinate
    clause may take the clause (`arvioi, miten ...`)."""
    verbs = [p for p in predicates if not p.nominal]
    for k, p in enumerate(verbs):
        lo, hi = clause_of[p.index]
        same_clause = [q for q in verbs[k + 1 :] if clause_of[q.index][0] == lo]
        start = p.index + 1
        end = _before_next_verb(tokens, same_clause[0]) if same_clause else hi
        cases = governed_cases(p.relation)
        # `ohjaa, valvoo ja kehittää Y:tä`: the first verb with words of its own lends them
        # to the bare verbs before it
        m = 0
        while m < len(same_clause) and end <= start:
            start = same_clause[m].index + 1
            m += 1
            end = trim_coordinator(tokens, same_clause[m].index) if m < len(same_clause) else hi
        if end == hi and hi < len(tokens) and tokens[hi].lemma in SUBORDINATORS:
            heads = [
                j
                for j in range(start, end)
                if j not in p.subject and is_head(tokens, j, cases, end)
            ]
            if all(tokens[j].upos == "PRON" for j in heads):
                end = clause_of[hi][1]
        first_in_clause = not any(clause_of[q.index][0] == lo for q in verbs[:k])
        if (
            first_in_clause
            and not conjuncts(tokens, start, trim_end(tokens, start, end), cases, p.subject)
            and clausal(tokens, start, end) is None
            and conjuncts(tokens, lo, p.index, cases, p.subject)
        ):
            start, end = lo, p.index
            while (
                start < end
                and tokens[start].upos in ("NOUN", "PROPN")
                and tokens[start].feat("Case") not in (*cases, "Gen", "Nom")
            ):
                start += 1  # `Kunnassa kotouttamistyöstä vastaa`: a place, not the task
        p.complement = (start, end)


def _before_next_verb(tokens: list[Token], nxt: _Predicate) -> int:
    """Where a complement ends before the next verb: before that verb's own subject
    (`..., ja ne osallistuvat`) and the coordinator joining the two."""
    end = nxt.index
    while end > 0 and tokens[end - 1].lemma in TRIM_LEADING:
        end -= 1
    if nxt.modality == "obligation" and end > 0 and tokens[end - 1].lemma == "olla":
        end -= 1  # `..., ja heidän on ilmoitettava`: the duty's `on` and its owner
        while end > 0 and tokens[end - 1].feat("Case") == "Gen":
            end -= 1
    if nxt.subject and end - 1 in nxt.subject:
        end = min(nxt.subject)
    elif end > 0 and tokens[end - 1].upos == "PRON" and tokens[end - 1].feat("Case") == "Nom":
        end -= 1  # `ne` in `..., ja ne osallistuvat`
    return trim_coordinator(tokens, end)


def _slug(name: str) -> str:
    fold = str.maketrans({"ä": "a", "ö": "o", "å": "a"})
    return regex.sub(r"[^a-z0-9]+", "-", name.lower().translate(fold)).strip("-") or "actor"


def responsibility_id(actors: list[str], relation: str, task: str) -> str:
    """A stable id from the actors, the relation and the normalised task."""
    norm = " ".join(regex.findall(r"[\p{L}\p{N}]+", task.lower()))
    digest = hashlib.sha1(f"{','.join(sorted(actors))}|{relation}|{norm}".encode()).hexdigest()
    return f"r-{digest[:12]}"
