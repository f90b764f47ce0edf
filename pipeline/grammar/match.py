"""The matcher: one unit and the discourse context -> every candidate match.

For each row of `constructions.toml` it finds the tokens that trigger the row (a
finite verb of the lexicon, a modal and its infinitives, a task noun with its
`on`, ...), fills the actor slot by the row's finders in order, and finds the
complement region. It returns every candidate, overlapping or not; `resolve.py`
decides which stand. It reads the context and returns nothing else: matching the
same unit in the same context gives the same candidates.

Three passes over a unit: triggers of every row; actors in text order (a pronoun
refers to the subject of an earlier clause of the same unit); complements, which
for verbs depend on where the next verb of the clause stands.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace

from pipeline.actors import Mention as RegistryMention
from pipeline.grammar.clauses import clauses, embedded_relative, relative, subordinator
from pipeline.grammar.complements import (
    clausal,
    conjuncts,
    infinitive_heads,
    is_head,
    is_infinitive,
    is_marker,
    trim_coordinator,
    trim_end,
)
from pipeline.grammar.context import Context
from pipeline.grammar.lexicon import lexicon
from pipeline.grammar.model import NO_ACTORS, Actors, Candidate, Mention, Named, View
from pipeline.grammar.phrases import (
    Recall,
    apposition,
    coordinated,
    dedupe,
    has_nominative,
    in_adposition,
    mentions,
    of_mentions,
    relative_antecedent,
    resolve,
    subject_head,
    subject_head_after,
    with_coordinated,
)
from pipeline.grammar.rows import Construction, grammar
from pipeline.nlp.model import Sentence, Token
from pipeline.nlp.words import words


def view_of(
    text: str, unit: Sentence, index: int, found: Sequence[RegistryMention] | None = None
) -> View:
    """A unit's view; `found` are the document's registry mentions, when known."""
    tokens = unit.tokens
    named = mentions(text, tokens, unit.start, unit.end, found)
    return View(text, unit, index, named, tuple(clauses(tokens)))


@dataclass(frozen=True)
class Hit:
    """Where a row's trigger stands, before its slots are filled."""

    row: Construction
    trigger: int
    predicate: int  # whose lemma is the relation
    support: int | None  # the supporting `on`/`kuuluu`, the modal, the colon
    relation: str
    modality: str
    negated: bool
    anchors: frozenset[int]


# --- token tests --------------------------------------------------------------------


def _finite(tok: Token) -> bool:
    return tok.upos == "VERB" and tok.feat("VerbForm") == "Fin" and tok.feat("Mood") != "Imp"


def _negated(tokens: list[Token], lo: int, hi: int) -> bool:
    negation = lexicon().verb_class("negation")
    return any(t.lemma in negation and t.upos == "AUX" for t in tokens[max(0, lo) : hi])


def _in(tok: Token, *classes: str) -> bool:
    lex = lexicon()
    return any(tok.lemma in lex.verb_class(c) for c in classes)


def _narrative(lemma: str) -> bool:
    return lemma in lexicon().verb_class("narrative")


def _relation(tokens: list[Token], i: int) -> tuple[str, str]:
    """The relation a verb at i states and its modality: a phrasal predicate whose noun
    follows in its case (`toimia yhteistyössä`), else the verb's own lemma."""
    lex = lexicon()
    lemma = tokens[i].lemma
    for p in lex.phrasal:
        if (
            p.verb == lemma
            and p.case is not None
            and any(t.lemma == p.noun and t.feat("Case") == p.case for t in tokens[i + 1 : i + 3])
        ):
            return p.relation, p.modality
    return lemma, lex.modality_of(lemma, "task")


# --- triggers -----------------------------------------------------------------------


def _with_particle(tokens: list[Token], i: int) -> bool:
    """`pitää yllä`, `tuoda esiin`: a verb that states a task only with its particle."""
    lex = lexicon()
    particles = lex.particles.get(tokens[i].lemma, frozenset())
    adverbs = lex.word("statement_adverbs")
    j = i + 1
    while j < len(tokens) and tokens[j].lemma in adverbs:
        j += 1
    return j < len(tokens) and tokens[j].text.lower() in particles


def _verb_hits(row: Construction, view: View) -> list[Hit]:
    t = row.trigger
    lex = lexicon()
    tokens = view.tokens
    out = []
    for i, tok in enumerate(tokens):
        if not _finite(tok) or (i > 0 and tokens[i - 1].text.lower() == tok.text.lower()):
            continue  # `hankkivat hankkivat`: a word written twice is one word
        passive = tok.feat("Voice") == "Pass"
        if (t.voice == "passive") != passive:
            continue
        first_plural = tok.feat("Person") == "1" and tok.feat("Number") == "Plur"
        if not passive and (t.person == "first_plural") != first_plural:
            continue
        if "predicates" in t.words:
            if _narrative(tok.lemma) or (
                lex.predicate(tok.lemma) is None and not _with_particle(tokens, i)
            ):
                continue
        elif not _in(tok, *t.words):
            continue
        lo = view.clause_of[i][0]
        if subordinator(tokens[lo]):
            continue  # `valvoo, että kunnat järjestävät`: content or condition, not a task
        relation, modality = _relation(tokens, i)
        out.append(
            Hit(row, i, i, None, relation, modality, _negated(tokens, lo, i), frozenset({i}))
        )
    return out


def _modal_hits(row: Construction, view: View) -> list[Hit]:
    """`voi tarjota`, `tulee tiedottaa`, `pitää hakeutua ja osallistua`: each infinitive
    a modal governs is a predicate; the modal gives the modality."""
    lex = lexicon()
    tokens = view.tokens
    modals = lex.verb_class(f"modal_{row.trigger.modal}")
    adverbs = lex.word("statement_adverbs")
    joining = lex.joining
    out = []
    for i, tok in enumerate(tokens):
        if tok.lemma not in modals or tok.feat("VerbForm") != "Fin" or tok.feat("Voice") == "Pass":
            continue  # `voidaan rajoittaa`: a passive modal names no one
        lo, hi = view.clause_of[i]
        if subordinator(tokens[lo]):
            continue
        first = None
        for j in range(i + 1, min(len(tokens), i + 4)):
            if is_infinitive(tokens[j]):
                first = j
                break
            if tokens[j].upos != "ADV" and tokens[j].lemma not in adverbs:
                break
        if first is None:
            continue
        # `hakeutua ja osallistua ...`, `osallistua palveluihin ja ilmoittaa muutoksista`:
        # an infinitive after a coordinator in the modal's clause is the modal's too
        infinitives = [first] + [
            k + 1
            for k in range(first + 1, hi - 1)
            if tokens[k].text.lower() in joining and is_infinitive(tokens[k + 1])
        ]
        negated = _negated(tokens, lo, i)
        for n, j in enumerate(infinitives):
            relation, modality = _relation(tokens, j)
            if _narrative(relation):
                continue
            anchors = frozenset({i, j}) if n == 0 else frozenset({j})
            out.append(Hit(row, j, j, i, relation, modality, negated, anchors))
    return out


def _duty_olla_before(tokens: list[Token], i: int) -> int | None:
    """The `on` of an earlier duty in the clause (`on järjestettävä ..., seurattava ...`)."""
    for j in range(i - 2, -1, -1):
        if subordinator(tokens[j]) or relative(tokens[j]):
            return None
        if tokens[j].feat("PartForm") == "Pres" and tokens[j].feat("Voice") == "Pass":
            for k in range(j - 1, max(-1, j - 3), -1):
                if _in(tokens[k], "copula"):
                    return k
    return None


def _necessive_hits(row: Construction, view: View) -> list[Hit]:
    """`Kaupungin on järjestettävä opetus`: `on` and a present passive participle."""
    tokens = view.tokens
    joining = lexicon().joining
    out = []
    for i, tok in enumerate(tokens):
        if not (tok.feat("PartForm") == "Pres" and tok.feat("Voice") == "Pass"):
            continue
        if tok.feat("Case") not in (None, "Nom") or tok.feat("Number") == "Plur":
            continue  # `ovat saatavilla`: a duty's participle is nominative singular
        olla = next((j for j in range(i - 1, max(-1, i - 3), -1) if _in(tokens[j], "copula")), None)
        if olla is None and i >= 2 and tokens[i - 1].text in joining:
            # `on laadittava ohjelma ja tarkistettava sitä`: coordinated with a duty before
            olla = _duty_olla_before(tokens, i)
        if olla is None or tokens[olla].feat("VerbForm") != "Fin":
            continue
        relation = words().participle_verb(tok.text) or tok.lemma
        if _narrative(relation):
            continue
        negated = _negated(tokens, olla - 2, i)
        out.append(Hit(row, i, i, olla, relation, "obligation", negated, frozenset({i})))
    return out


def _adjective_hits(row: Construction, view: View) -> list[Hit]:
    """`Kunta on velvollinen järjestämään`: the adjective after `on`; an illative third
    infinitive after it (and those coordinated with it) is the predicate, unless the row
    states its own relation (`on oikeutettu kotoutumiskoulutukseen`: a right)."""
    lex = lexicon()
    tokens = view.tokens
    words = frozenset().union(*(lex.adjectives[w] for w in row.trigger.words))
    joining = lex.joining

    def illative(j: int) -> bool:
        return (
            j < len(tokens) and tokens[j].feat("InfForm") == "3" and tokens[j].feat("Case") == "Ill"
        )

    out = []
    for a, tok in enumerate(tokens):
        if tok.lemma not in words:
            continue
        olla = next((j for j in range(a - 1, max(-1, a - 4), -1) if _in(tokens[j], "copula")), None)
        if olla is None:
            continue
        negated = _negated(tokens, view.clause_of[a][0], olla + 1)
        if row.relation != "trigger":
            nxt = tokens[a + 1] if a + 1 < len(tokens) else None
            if nxt is None or not (
                illative(a + 1) or nxt.feat("Case") in row.trigger.complement_cases
            ):
                continue
            out.append(
                Hit(row, a, a, olla, row.relation, row.modality, negated, frozenset({a, olla}))
            )
            continue
        if not illative(a + 1):
            continue
        infinitives = [a + 1]
        for j in range(a + 2, view.clause_of[a][1]):
            if illative(j) and tokens[j - 1].text in joining:
                infinitives.append(j)
        for n, j in enumerate(infinitives):
            anchors = frozenset({a, j}) if n == 0 else frozenset({j})
            out.append(Hit(row, j, j, olla, tokens[j].lemma, "obligation", negated, anchors))
    return out


def _noun_hits(row: Construction, view: View) -> list[Hit]:
    """A noun of the row's classes in its case, with the verb that carries it."""
    t = row.trigger
    s = t.support
    candidates = sorted({i for w in t.words for i in view.nouns.get(w, ())})
    if not candidates or s is None:
        return []
    lex = lexicon()
    tokens = view.tokens
    classes = [lex.noun_class(w) for w in t.words]
    carriers = lex.verb_class("copula") | lex.verb_class("belong")
    joining = lex.word("clause_coordinators") | lex.word("adversatives") | {","}
    adverbs = lex.word("statement_adverbs")
    out = []
    for i in candidates:
        tok = tokens[i]
        if tok.feat("Case") not in t.case or s is None:
            continue
        cls = next((c for c in classes if c.base(tok.lemma) is not None), None)
        if cls is None:
            continue
        base = cls.base(tok.lemma) or tok.lemma
        supports = frozenset().union(*(lex.verb_class(w) for w in s.words))
        after = next(
            (
                j
                for j in range(i + 1, min(len(tokens), i + 1 + s.window))
                if tokens[j].lemma in carriers
            ),
            None,
        )
        support: int | None = None
        if s.side == "after":
            if s.finite:  # `Vastuu A:sta on X:llä`: the verb after the responsibility's topic
                for j in range(i + 2, len(tokens)):
                    if tokens[j].lemma in supports and tokens[j].feat("VerbForm") == "Fin":
                        support = j
                        break
                    if tokens[j].text in (",", ";", ":") or subordinator(tokens[j]):
                        break
            elif after is not None and tokens[after].lemma in supports:
                support = after
            elif s.colon and i + 1 < len(tokens) and tokens[i + 1].text == ":":
                support = i + 1
        else:
            if s.none_after and after is not None:
                continue
            support = next(
                (
                    j
                    for j in range(i - 1, max(-1, i - 1 - s.window), -1)
                    if tokens[j].lemma in supports
                ),
                None,
            )
            k = i - 1
            while k >= 0 and tokens[k].lemma in adverbs:
                k -= 1
            if support is None and k >= 0 and tokens[k].text.lower() in joining:
                # `on oikeus saada tietoa, mutta myös velvollisuus osallistua`: the `on` of
                # the construction coordinated before
                support = next(
                    (j for j in range(k - 1, -1, -1) if tokens[j].lemma in supports), None
                )
            if (
                support is not None
                and s.subject_before
                and not (support > 0 and has_nominative(tokens, 0, support))
            ):
                continue
        if support is None:
            continue
        if t.relative_after and not (
            i + 2 < len(tokens) and tokens[i + 1].text == "," and relative(tokens[i + 2])
        ):
            continue
        lo, hi = min(i, support), max(i, support)
        relation = base if row.relation == "trigger" else row.relation
        negated = _negated(tokens, lo - 2, hi + 1)
        anchors = frozenset({i, support})
        out.append(Hit(row, i, i, support, relation, cls.modality, negated, anchors))
    return out


def _belong_hits(row: Construction, view: View) -> list[Hit]:
    tokens = view.tokens
    belong = lexicon().verb_class("belong")
    out = []
    for i, tok in enumerate(tokens):
        if tok.lemma not in belong or tok.feat("VerbForm") != "Fin":
            continue
        lo, _ = view.clause_of[i]
        if row.trigger.subject_before and not has_nominative(tokens, lo, i):
            continue
        out.append(
            Hit(row, i, i, None, tok.lemma, row.modality, _negated(tokens, lo, i), frozenset({i}))
        )
    return out


def _colon_hits(row: Construction, view: View) -> list[Hit]:
    """`Kela: ...`, `Kaupungin kirjasto: ...`: a unit that opens with a name and a colon."""
    tokens = view.tokens
    colon = next((j for j, t in enumerate(tokens) if t.text == ":"), None)
    if colon is None or colon == 0:
        return []
    return [Hit(row, colon, colon, colon, row.relation, row.modality, False, frozenset({colon}))]


_TRIGGERS: dict[str, Callable[[Construction, View], list[Hit]]] = {
    "verb": _verb_hits,
    "modal": _modal_hits,
    "necessive": _necessive_hits,
    "adjective": _adjective_hits,
    "noun": _noun_hits,
    "belong": _belong_hits,
    "colon": _colon_hits,
}


# --- actors -------------------------------------------------------------------------


@dataclass(frozen=True)
class _Slot:
    """What the actor finders know besides the unit: the hit, its clause, and the
    candidates to its left (for a verb coordinated with an earlier one)."""

    hit: Hit
    clause: tuple[int, int]
    earlier: tuple[Candidate, ...]


def _finite_of(hit: Hit) -> int:
    """The finite verb that agrees with the subject: the modal, the `on` of `on
    velvollinen` or `on vastuussa`, else the trigger itself."""
    if hit.support is not None and (
        hit.row.trigger.kind in ("modal", "adjective") or hit.row.actor.anchor == "support"
    ):
        return hit.support
    return hit.trigger


def _subject(view: View, recall: Recall, slot: _Slot) -> Actors:
    hit = slot.hit
    lo, hi = slot.clause
    if hit.row.actor.anchor == "support":
        lo, hi = 0, hit.trigger  # `X on vastuussa`: the subject of `on`, before the noun
    return _subject_at(view, recall, _finite_of(hit), lo, hi)


def _subject_at(view: View, recall: Recall, verb: int, lo: int, hi: int) -> Actors:
    """The nominative subject of the verb at `verb` in clause [lo, hi): an apposition
    listing actors, registry mentions before the verb (with those coordinated), an
    organisation noun phrase before it, or a subject after the verb when none stands
    before it."""
    tokens = view.tokens

    def subjects(a: int, b: int) -> list[Mention]:
        return [
            m
            for m in view.mentions
            if a <= m.first < b and m.case == "Nom" and not in_adposition(tokens, m)
        ]

    group = apposition(view, lo, verb)
    if group:
        return group
    before = subjects(lo, verb)
    if before:
        chosen = coordinated(tokens, before)
        return with_coordinated(view, recall, lo, of_mentions(view, chosen), verb)
    head = subject_head(tokens, lo, verb)
    if head is not None:
        resolved = resolve(view, recall, head, lo)
        if resolved and resolved.source == "subject":
            return with_coordinated(view, recall, lo, resolved, verb)
        if resolved:
            return resolved
    after = subjects(verb + 1, hi)
    if after:
        # `Arvioinnista vastaa ministeriö`: an actor after the verb is its subject when
        # none stands before it
        return of_mentions(view, coordinated(tokens, after))
    head = subject_head_after(tokens, lo, verb, hi)
    if head is not None:
        resolved = resolve(view, recall, head, verb + 1)
        if resolved and resolved.source == "subject":
            return resolved
    return NO_ACTORS


def _owner(view: View, recall: Recall, slot: _Slot) -> Actors:
    """Whose the construction is: the actor in the slot's case before the anchor (the
    noun, or the `on` of `X:llä on vastuu`), a relative or personal pronoun, or an
    organisation noun in that case."""
    lex = lexicon()
    tokens = view.tokens
    hit = slot.hit
    spec = hit.row.actor
    i = hit.support + 1 if spec.anchor == "support" and hit.support is not None else hit.trigger
    if hit.row.trigger.kind in ("necessive", "modal") and hit.support is not None:
        i = hit.support  # the genitive before `on` / `tulee`
    adverbs = lex.word("statement_adverbs")
    prev = i - 1
    while prev >= 0 and tokens[prev].lemma in adverbs:
        prev -= 1
    limit = hit.support if spec.anchor == "support" and hit.support is not None else i

    def owning(m: Mention) -> bool:
        """An owner stands before its noun (or its `on`) with only the noun's attributes
        between (`ELY-keskuksen keskeisenä ... koskevana tehtävänä`); a genitive before
        another noun is that noun's (`maahanmuuttajien kotoutumista`)."""
        between = tokens[m.last + 1 : limit]
        return (
            (limit - m.last <= spec.window)
            and not (
                between
                and between[0].upos in ("NOUN", "PROPN")
                and between[0].feat("Case") not in (m.case, tokens[hit.trigger].feat("Case"))
            )
            and not any(t.feat("VerbForm") == "Fin" or t.text in (",", ";", ":") for t in between)
        )

    owners = [m for m in view.mentions if m.last < i and m.case in spec.case]
    adjacent = (
        prev >= 0
        and tokens[prev].feat("Case") in spec.case
        and tokens[prev].upos in ("NOUN", "PROPN")
    )
    if adjacent and not any(m.last == prev for m in owners):
        # `Kaupungin maahanmuuttopalvelujen tehtäviin`: the owner is the noun next to
        # the construction, even when an earlier word names a registry actor
        resolved = resolve(view, recall, prev, max(0, prev - 4))
        if resolved:
            return resolved
    owning_ones = [m for m in owners if owning(m)]
    if owning_ones:
        return of_mentions(view, coordinated(tokens, owning_ones))
    if prev < 0:
        return NO_ACTORS
    before = tokens[prev]
    if relative(before):
        return relative_antecedent(view, recall, prev)
    if before.lemma in lex.word("pronouns") and before.feat("Case") in spec.case:
        ids = recall.pronoun(before.lemma)
        span = view.span(prev, prev + 1)
        return Actors(ids, "anaphora", frozenset({prev}), tuple(Named(a, *span) for a in ids))
    if before.feat("Case") in spec.case and before.upos in ("NOUN", "PROPN"):
        resolved = resolve(view, recall, prev, max(0, prev - 4))
        if resolved:
            return resolved
    return NO_ACTORS


def _located(view: View, recall: Recall, slot: _Slot) -> Actors:
    """`Vastuu A:sta on Maahanmuuttovirastolla`: the owner after the verb."""
    hit = slot.hit
    spec = hit.row.actor
    verb = hit.support if hit.support is not None else hit.trigger
    owners = [
        m for m in view.mentions if verb < m.first <= verb + spec.window and m.case in spec.case
    ]
    if not owners:
        return NO_ACTORS
    group = coordinated(view.tokens, owners)
    found = of_mentions(view, group)
    return replace(found, tokens=frozenset(range(verb, group[-1].last + 1)))


def _belonging(view: View, recall: Recall, slot: _Slot) -> Actors:
    """`Kunnille kuuluu A`: the actor in the allative before `kuulua`."""
    lo, _ = slot.clause
    i = slot.hit.trigger
    owners = [m for m in view.mentions if lo <= m.first < i and m.case in slot.hit.row.actor.case]
    return of_mentions(view, coordinated(view.tokens, owners)) if owners else NO_ACTORS


def _receiving(view: View, recall: Recall, slot: _Slot) -> Actors:
    """`A kuuluu hyvinvointialueelle` / `hyvinvointialueen tehtäviin`: the actor after
    `kuulua`; no statement when an actor is the subject (`Kunta kuuluu ...`)."""
    lex = lexicon()
    tokens = view.tokens
    lo, hi = slot.clause
    i = slot.hit.trigger
    task_nouns = [lex.noun_class(c) for c in ("task", "responsibility", "domain")]

    def owns(m: Mention) -> bool:
        if m.case == "All":
            return True
        nxt = tokens[m.last + 1] if m.last + 1 < hi else None
        return (
            m.case == "Gen"
            and nxt is not None
            and any(c.base(nxt.lemma) for c in task_nouns)
            and nxt.feat("Case") in ("Ill", "All")
        )

    owners = [
        m
        for m in view.mentions
        if i < m.first <= i + slot.hit.row.actor.window and m.last < hi and owns(m)
    ]
    if not owners:
        return NO_ACTORS
    if any(lo <= m.first < i and m.case == "Nom" for m in view.mentions):
        return NO_ACTORS
    return of_mentions(view, coordinated(tokens, owners))


def _agent(view: View, recall: Recall, slot: _Slot) -> Actors:
    """`Alkukartoitukset tehdään TE-toimiston toimesta`: a genitive before `toimesta`."""
    tokens = view.tokens
    lo, hi = slot.clause
    joiners = lexicon().joining
    for j in range(lo + 1, hi):
        if tokens[j].text.lower() not in lexicon().word("agent"):
            continue
        head = j - 1
        found = [m for m in view.mentions if lo <= m.first and m.last <= head and m.case == "Gen"]
        if found and found[-1].last == head:
            group = coordinated(tokens, found)
            actors = of_mentions(view, group)
            return replace(actors, tokens=actors.tokens | {j})
        if tokens[head].feat("Case") == "Gen":
            resolved = resolve(view, recall, head, lo)
            if resolved and resolved.source == "subject":
                first = min(resolved.tokens)
                before = [  # `kunnan ja seurakunnan toimesta`
                    m
                    for m in found
                    if m.last < first and all(t.text in joiners for t in tokens[m.last + 1 : first])
                ]
                listed = of_mentions(view, before) if before else NO_ACTORS
                return Actors(
                    tuple(dict.fromkeys([*listed.ids, *resolved.ids])),
                    "subject",
                    resolved.tokens | listed.tokens | {j},
                    listed.named + resolved.named,
                    resolved.unknown,
                )
    return NO_ACTORS


def _demanded(view: View, recall: Recall, slot: _Slot) -> Actors:
    """`Kotoutujalta edellytetään aktiivisuutta`: the actor in the ablative."""
    lo, hi = slot.clause
    found = [m for m in view.mentions if lo <= m.first < hi and m.case in slot.hit.row.actor.case]
    return of_mentions(view, coordinated(view.tokens, found)) if found else NO_ACTORS


def _speaker(view: View, recall: Recall, slot: _Slot) -> Actors:
    """Who `vastaamme` is: an actor the clause names as the speaker (`Kaupunkina
    vastaamme`, `ELY-keskuksissa hoidamme`, `Me Kelassa`), else the document's."""
    lo, hi = slot.clause
    verb = slot.hit.trigger
    named = [
        m
        for m in view.mentions
        if lo <= m.first and m.last < hi and m.case in ("Ess", "Ine", "Ade") and m.last < verb
    ]
    if named:
        return replace(of_mentions(view, named[-1:]), source="first_person")
    if recall.speaker:
        return Actors((recall.speaker,), "first_person")
    return NO_ACTORS


def _label(view: View, recall: Recall, slot: _Slot) -> Actors:
    """The name before the colon: registry actors (a place before them aside:
    `Keski-Kivikosken ELY-keskus:`), or an organisation the registry does not know."""
    tokens = view.tokens
    colon = slot.hit.trigger
    start = 1 if is_marker(tokens, 0) else 0
    if colon - start < 1:
        return NO_ACTORS
    head = colon - 1
    inside = [m for m in view.mentions if start <= m.first and m.last < colon]
    if inside and inside[-1].last == head:
        group = coordinated(tokens, inside)
        if all(
            t.text[:1].isupper() and t.feat("Case") == "Gen" for t in tokens[start : group[0].first]
        ):
            return of_mentions(view, group)
        return NO_ACTORS
    if colon - start > 5 or any(m.first <= head <= m.last for m in inside):
        return NO_ACTORS
    if tokens[head].feat("Case") != "Nom" or tokens[head].upos not in ("NOUN", "PROPN"):
        return NO_ACTORS
    if not all(t.upos in ("NOUN", "PROPN", "ADJ") for t in tokens[start:head]):
        return NO_ACTORS
    resolved = resolve(view, recall, head, start)
    return resolved if resolved and resolved.source == "subject" else NO_ACTORS


def _embedded_relative(view: View, recall: Recall, slot: _Slot) -> Actors:
    """`X, jonka tehtäviin kuuluu Y, koordinoi Z`: the subject before the relative."""
    hit = slot.hit
    if hit.row.trigger.voice == "passive":
        return NO_ACTORS
    rel = embedded_relative(view.tokens, list(view.clause_of), slot.clause[0])
    if rel is None:
        return NO_ACTORS
    return _subject_at(view, recall, rel - 1, *view.clause_of[rel - 1])


def _shared(view: View, recall: Recall, slot: _Slot) -> Actors:
    """A verb coordinated with an earlier one in the unit shares its subject."""
    tokens = view.tokens
    i = slot.hit.predicate
    joining = lexicon().word("coordinators")
    for c in reversed(slot.earlier):
        if c.split != "governed" or not c.actors or c.trigger >= i:
            continue
        if any(relative(t) or subordinator(t) for t in tokens[c.predicate + 1 : i]):
            continue
        if tokens[i - 1].text.lower() in joining or (i >= 2 and tokens[i - 2].text == ","):
            return c.actors
    return NO_ACTORS


def _relative(view: View, recall: Recall, slot: _Slot) -> Actors:
    """`..., joka nimeää`: a nominative relative is the subject; in `..., joissa
    asukkaat voivat` it is not, and the clause's subject is its own."""
    lo, _ = slot.clause
    tok = view.tokens[lo]
    if slot.hit.row.trigger.voice == "passive" or not relative(tok):
        return NO_ACTORS
    if tok.feat("Case") not in (None, "Nom"):
        return NO_ACTORS
    return relative_antecedent(view, recall, lo)


def _subjectless(tokens: list[Token], lo: int, i: int, hi: int) -> bool:
    """Whether the verb at i states no subject of its own: no nominative before it, and
    none after it unless the verb opens the clause, where a nominative is the object
    (`- tekee sopimukset`) rather than a subject after a fronted complement
    (`Kotoutumista edistävät monet toimijat`)."""
    if has_nominative(tokens, lo, i):
        return False
    opens = all(
        t.upos in ("PUNCT", "ADV", "CCONJ") or is_marker(tokens, k)
        for k, t in enumerate(tokens[lo:i], start=lo)
    )
    return opens or not has_nominative(tokens, i + 1, hi)


def _heading(view: View, recall: Recall, slot: _Slot) -> Actors:
    """The section heading's actor stands in for a clause with no subject."""
    if not recall.heading:
        return NO_ACTORS
    hit = slot.hit
    tokens = view.tokens
    lo, hi = slot.clause
    kind = hit.row.trigger.kind
    if kind in ("verb", "modal") and (
        hit.row.trigger.voice == "passive" or not _subjectless(tokens, lo, _finite_of(hit), hi)
    ):
        return NO_ACTORS
    if kind == "noun":
        # `Tehtävänä on ...`: only where nothing but adverbs stands before the noun; a
        # construction whose owner is named but is no actor (`Hankkeen tehtävänä`) has one
        adverbs = lexicon().word("statement_adverbs")
        if not all(
            t.lemma in adverbs or t.upos == "PUNCT" or is_marker(tokens, k)
            for k, t in enumerate(tokens[: hit.trigger])
        ):
            return NO_ACTORS
    ids = tuple(dict.fromkeys(n.actor for n in recall.heading))
    return Actors(ids, "heading", frozenset(), recall.heading)


_FINDERS: dict[str, Callable[[View, Recall, _Slot], Actors]] = {
    "subject": _subject,
    "owner": _owner,
    "located": _located,
    "belonging": _belonging,
    "receiving": _receiving,
    "agent": _agent,
    "demanded": _demanded,
    "speaker": _speaker,
    "label": _label,
    "embedded_relative": _embedded_relative,
    "shared": _shared,
    "relative": _relative,
    "heading": _heading,
}


# --- the parse -----------------------------------------------------------------------
# Where the backend parses (spaCy, stanza), a clause's subject is read from the tree:
# the `nsubj` (`nsubj:cop`) of the predicate, or of the verb it is coordinated with
# (`ohjaa ja kehittää`: `kehittää` is `conj` of `ohjaa`), with the subject's own `conj`
# chain (`kunta ja hyvinvointialue`). The tree wins inside a clause; across list items
# and headings, which the parser sees one by one, the surface rules stand.
_SUBJECTS = ("nsubj", "nsubj:cop", "nsubj:pass")


def parsed(view: View) -> bool:
    return bool(view.tokens) and all(t.head is not None for t in view.tokens)


def _children(tokens: list[Token], i: int, *relations: str) -> list[int]:
    return [j for j, t in enumerate(tokens) if t.head == i + 1 and (t.deprel or "") in relations]


def _tree_subject(view: View, recall: Recall, slot: _Slot) -> Actors:
    """The subject of the hit's predicate in the parse; NO_ACTORS where the tree has
    none, or a relative pronoun (the surface finds its antecedent)."""
    tokens = view.tokens
    verb = _finite_of(slot.hit)
    seen: set[int] = set()
    subject: int | None = None
    for v in (slot.hit.predicate, verb):
        while v not in seen:
            seen.add(v)
            found = [j for j in _children(tokens, v, *_SUBJECTS)]
            if found:
                subject = found[0]
                break
            head = tokens[v].head
            if tokens[v].deprel == "conj" and head:  # a coordinated verb shares the subject
                v = head - 1
            else:
                break
        if subject is not None:
            break
    if subject is None:
        return NO_ACTORS
    lex = lexicon()
    source = "subject"
    if tokens[subject].lemma in lex.word("relatives"):
        # `Kela, joka maksaa etuudet`: the surface knows the genre's antecedents (the
        # specific actor a definition names before `viranomaista, joka`)
        return NO_ACTORS
    # `keskeiset ministeriöt – opetus- ja kulttuuriministeriö, ...`: an apposition
    # listing the subject names it
    heads = _children(tokens, subject, "appos") or [subject]
    k = 0
    while k < len(heads):  # `kunta ja hyvinvointialue`: the conj chain of the subject
        heads += [j for j in _children(tokens, heads[k], "conj") if j not in heads]
        k += 1
    chosen: list[Mention] = []
    resolved: list[Actors] = []
    for h in sorted(heads):
        inside = [m for m in view.mentions if m.first <= h <= m.last]
        if inside:
            chosen += [m for m in inside if m not in chosen]
        elif (refers := resolve(view, recall, h, 0)) is not None:
            resolved.append(refers)
    if not chosen and not resolved:
        return NO_ACTORS
    if chosen and not resolved:
        return of_mentions(view, chosen, source)
    if resolved and not chosen and len(resolved) == 1:
        return resolved[0]
    ids = dedupe([*(m.actor for m in chosen), *(a for r in resolved for a in r.ids)])
    base = of_mentions(view, chosen)
    return Actors(
        ids,
        source,
        base.tokens | frozenset(t for r in resolved for t in r.tokens),
        base.named + tuple(n for r in resolved for n in r.named),
        tuple(u for r in resolved for u in r.unknown),
    )


def _actors(view: View, recall: Recall, slot: _Slot) -> Actors:
    finders = slot.hit.row.actor.find
    if finders and finders[0] == "subject" and view.unit.kind == "sentence" and parsed(view):
        found = _tree_subject(view, recall, slot)
        if found:
            return found
    for finder in finders:
        found = _FINDERS[finder](view, recall, slot)
        if found:
            return found
    return NO_ACTORS


# --- complements --------------------------------------------------------------------


def _before_next_verb(tokens: list[Token], nxt: Candidate) -> int:
    """Where a complement ends before the next verb: before that verb's own subject
    (`..., ja ne osallistuvat`) and the coordinator joining the two."""
    adverbs = lexicon().word("statement_adverbs")
    end = nxt.predicate
    while end > 0 and tokens[end - 1].lemma in adverbs:
        end -= 1
    if nxt.modality == "obligation" and end > 0 and _in(tokens[end - 1], "copula"):
        end -= 1  # `..., ja heidän on ilmoitettava`: the duty's `on` and its owner
        while end > 0 and tokens[end - 1].feat("Case") == "Gen":
            end -= 1
    subject = nxt.actors.tokens
    if subject and end - 1 in subject:
        end = min(subject)
    elif end > 0 and tokens[end - 1].upos == "PRON" and tokens[end - 1].feat("Case") == "Nom":
        end -= 1  # `ne` in `..., ja ne osallistuvat`
    return trim_coordinator(tokens, end)


def _verbal_complements(view: View, verbs: list[Candidate]) -> list[Candidate]:
    """Each verb's complement runs from after it to the next verb of its clause; a verb
    with nothing of its own before a coordinated verb shares that verb's complement
    (`ohjaa ja kehittää Y:tä`); a clause-initial verb without one after it takes the
    words before it (`Arvioinnista vastaa ministeriö`); a verb before a subordinate
    clause may take the clause (`arvioi, miten ...`)."""
    tokens = view.tokens
    clause_of = view.clause_of
    lex = lexicon()
    out = []
    for k, p in enumerate(verbs):
        lo, hi = clause_of[p.predicate]
        same_clause = [q for q in verbs[k + 1 :] if clause_of[q.predicate][0] == lo]
        start = p.predicate + 1
        end = _before_next_verb(tokens, same_clause[0]) if same_clause else hi
        cases = lex.governed(p.relation)
        subject = p.actors.tokens
        # `ohjaa, valvoo ja kehittää Y:tä`: the first verb with words of its own lends them
        # to the bare verbs before it
        m = 0
        while m < len(same_clause) and end <= start:
            start = same_clause[m].predicate + 1
            m += 1
            end = trim_coordinator(tokens, same_clause[m].predicate) if m < len(same_clause) else hi
        if end == hi and hi < len(tokens) and subordinator(tokens[hi]):
            heads = [
                j for j in range(start, end) if j not in subject and is_head(tokens, j, cases, end)
            ]
            if all(tokens[j].upos == "PRON" for j in heads):
                end = clause_of[hi][1]
        first_in_clause = not any(clause_of[q.predicate][0] == lo for q in verbs[:k])
        if (
            first_in_clause
            and not conjuncts(tokens, start, trim_end(tokens, start, end), cases, subject)
            and clausal(tokens, start, end) is None
            and conjuncts(tokens, lo, p.predicate, cases, subject)
        ):
            start, end = lo, p.predicate
            while (
                start < end
                and tokens[start].upos in ("NOUN", "PROPN")
                and tokens[start].feat("Case") not in (*cases, "Gen", "Nom")
            ):
                start += 1  # `Kunnassa kotouttamistyöstä vastaa`: a place, not the task
        out.append(replace(p, complement=(start, end)))
    return out


def _before_next_clause(view: View, start: int, end: int) -> int:
    """Where a nominal construction's task ends: at `;` or at a clause joined by a
    coordinator or an adversative (`..., ja kunta vastaa`, `..., mutta myös
    velvollisuus`); a subordinate or relative clause belongs to the task (`huolehtia
    siitä, että ...`, `tehtäviä, jotka liittyvät ...`)."""
    tokens = view.tokens
    lex = lexicon()
    joins = lex.word("clause_coordinators") | lex.word("adversatives")
    k = start
    while k < end:
        lo, hi = view.clause_of[k]
        if lo > start and (tokens[lo - 1].text == ";" or tokens[lo].text.lower() in joins):
            return lo - 1 if tokens[lo - 1].text in (",", ";") else lo
        k = hi
    return end


def _region(view: View, hit: Hit, actors: Actors) -> tuple[int, int] | None:
    """The complement region of a non-verbal row: after the supporting verb (or the
    colon, or the trigger) to the end of the unit, or what stands before the verb."""
    tokens = view.tokens
    lo, hi = view.clause_of[hit.trigger]
    region = hit.row.complement.region
    if region == "after_support" and hit.support is not None:
        return hit.support + 1, len(tokens)  # the noun phrase with the trigger in it
    if region == "after":
        anchor = hit.trigger
        if hit.support is not None and hit.support > hit.trigger:
            anchor = hit.support
        start, end = anchor + 1, len(tokens)
        if relative(tokens[lo]):
            end = min(end, hi)  # `X, jonka tehtäviin kuuluu Y, koordinoi Z`: Y ends with its clause
        return start, _before_next_clause(view, start, end)
    # before: the subject of `on` / `kuuluu` is the task
    verb = hit.support if hit.support is not None else hit.trigger
    first = 0 if hit.row.trigger.kind == "noun" else lo
    end = verb - 1 if verb - 1 >= first and _in(tokens[verb - 1], "negation") else verb
    return first, end


def _claims(
    view: View, hit: Hit, actors: Actors, complement: tuple[int, int] | None
) -> frozenset[int]:
    """The tokens a candidate claims: its trigger and supporting verb, the infinitives a
    nominal construction turns into relations (so that a finite reading of one is not
    a second statement), or the whole unit (a label row). Not its actor: coordinated
    verbs share one."""
    if hit.row.claims == "unit":
        return frozenset(range(len(view.tokens)))
    claims = set(hit.anchors)
    # a shared `on` (`on oikeus ..., mutta myös velvollisuus ...`) is no one's claim;
    # `kuulua` is, as it triggers constructions of its own
    if (
        hit.row.trigger.kind == "noun"
        and hit.support is not None
        and hit.support != hit.trigger
        and not _in(view.tokens[hit.support], "belong")
    ):
        claims.discard(hit.support)
    if hit.row.complement.split == "nominal" and complement is not None:
        lo, hi = complement
        claims |= set(infinitive_heads(view.tokens, lo, trim_end(view.tokens, lo, hi)))
    return frozenset(claims)


def _may_lead(hit: Hit) -> bool:
    """Whether a match without an actor is still a candidate: an active verb whose
    actors a list after it may name (`A:sta vastaavat:` + `• kunta`)."""
    return hit.row.trigger.kind in ("verb", "modal") and hit.row.trigger.voice != "passive"


def match(view: View, ctx: Context, rows: Sequence[Construction] | None = None) -> list[Candidate]:
    """Every candidate match of the rows in one unit, in text order."""
    rows = grammar().constructions if rows is None else rows
    if not view.tokens:
        return []
    hits = [h for row in rows for h in _TRIGGERS[row.trigger.kind](row, view)]
    hits.sort(key=lambda h: (h.predicate, -h.row.priority, h.row.name))
    recall = Recall.of(ctx)
    lex = lexicon()
    partial: list[tuple[Hit, Candidate]] = []
    for hit in hits:
        clause = view.clause_of[hit.trigger]
        earlier = tuple(c for _, c in partial)
        actors = _actors(view, recall, _Slot(hit, clause, earlier))
        if not actors and not _may_lead(hit):
            continue
        recall.note(actors.ids)
        modality = hit.modality if hit.row.modality == "lexicon" else hit.row.modality
        candidate = Candidate(
            construction=hit.row.name,
            priority=hit.row.priority,
            trigger=hit.trigger,
            predicate=hit.predicate,
            claims=frozenset(),
            relation=hit.relation,
            modality=modality,
            negated=hit.negated,
            actors=actors,
            complement=None,
            split=hit.row.complement.split,
        )
        partial.append((hit, candidate))
    verbs = sorted(
        (c for h, c in partial if h.row.complement.region == "verbal"), key=lambda c: c.predicate
    )
    assigned = {
        id(old): new for old, new in zip(verbs, _verbal_complements(view, verbs), strict=True)
    }
    out = []
    for hit, c in partial:
        if hit.row.complement.region == "verbal":
            c = assigned[id(c)]
        else:
            c = replace(c, complement=_region(view, hit, c.actors))
        pred = lex.predicate(c.relation)
        if hit.row.trigger.kind == "verb" and pred is not None and pred.requires:
            lo, hi = c.complement or (0, 0)
            if not any(is_head(view.tokens, j, pred.governs, hi) for j in range(lo, hi)):
                continue  # `toimii ministeriössä`: no role, no statement
        out.append(replace(c, claims=_claims(view, hit, c.actors, c.complement)))
    return sorted(out, key=lambda c: (c.predicate, -c.priority, c.construction))
