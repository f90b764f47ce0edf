"""Actor phrases in a unit: registry mentions, coordinated names, pronouns, generic
nouns and organisations the registry does not know.

`mentions` finds the registry's actors by token range and case. `Recall` is what a
unit remembers of the discourse while it is matched: the subjects before it (from
the context) and those its own earlier clauses named, so that `..., mutta ne
tukevat` refers to the subject of the clause before. `resolve` turns a noun phrase
that names no registry actor into actors: a pronoun or a generic noun refers back
(`Lisäksi ministeriö`), an organisation noun is an actor the registry does not know
(`Kaupungin maahanmuuttajapalvelut`); anything else (a law, a document, a website, a
group of people being described) is no actor.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import regex

from pipeline.actors import Mention as RegistryMention
from pipeline.actors import find_mentions, registry
from pipeline.grammar.context import Context
from pipeline.grammar.lexicon import lexicon
from pipeline.grammar.model import Actors, Mention, Named, UnknownActor, View
from pipeline.nlp.model import Token


def mentions(
    text: str,
    tokens: list[Token],
    start: int,
    end: int,
    found: Sequence[RegistryMention] | None = None,
) -> tuple[Mention, ...]:
    """The registry actors named in text[start:end], by token range (`found`: the
    document's mentions, when they are known already). A bracketed name after a noun
    phrase names that phrase, in its case (`Kansaneläkelaitos (Kela)`,
    `Elinkeino-, liikenne ja ympäristökeskuksilla (ELY-keskus)`)."""
    if found is None:
        found = find_mentions(text, start, end)
    else:
        first = bisect.bisect_left([m.start for m in found], start)
        found = [m for m in found[first:] if m.start < end and m.end <= end]
    out: list[Mention] = []
    for m in found:
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
            prev = out.pop()
            closing = last + 1 if last + 1 < len(tokens) and tokens[last + 1].text == ")" else last
            out.append(Mention(prev.actor, prev.first, closing, prev.case))
            continue
        out.append(Mention(m.actor, first, last, tokens[last].feat("Case")))
    return tuple(_introduced(tokens, out))


def _introduced(tokens: list[Token], found: list[Mention]) -> list[Mention]:
    """`X-nimi (ELY-keskus)`: a mention standing alone in brackets right after a noun
    phrase no mention covers is that phrase's name: the mention reaches back over the
    phrase and takes the case of its last noun."""
    covered = {k for m in found for k in range(m.first, m.last + 1)}
    joiners = lexicon().word("coordinators")
    out = []
    for m in found:
        before = m.first - 2
        if not (
            before >= 0
            and tokens[m.first - 1].text == "("
            and m.last + 1 < len(tokens)
            and tokens[m.last + 1].text == ")"
            and tokens[before].upos in ("NOUN", "PROPN")
            and before not in covered
        ):
            out.append(m)
            continue
        first = before
        while (
            first > 0
            and first - 1 not in covered
            and (
                tokens[first - 1].upos in ("NOUN", "PROPN", "ADJ")
                or tokens[first - 1].text.endswith("-")
                or tokens[first - 1].text.lower() in joiners
            )
        ):
            first -= 1
        while tokens[first].text.lower() in joiners:
            first += 1
        out.append(Mention(m.actor, first, m.last + 1, tokens[before].feat("Case")))
    return out


def dedupe(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def named(view: View, group: list[Mention] | tuple[Mention, ...]) -> tuple[Named, ...]:
    return tuple(Named(m.actor, *view.span(m.first, m.last + 1)) for m in group)


def of_mentions(view: View, group: list[Mention], source: str = "subject") -> Actors:
    return Actors(
        dedupe(m.actor for m in group),
        source,
        frozenset(k for m in group for k in range(m.first, m.last + 1)),
        named(view, group),
    )


@dataclass
class Recall:
    """The discourse as one unit sees it while it is matched: created from the context
    for each unit and discarded after it, so matching stays a function of the unit
    and the context."""

    recent: list[str]
    last: list[str]
    noted: bool = False  # whether this unit has named a subject yet
    speaker: str | None = None
    heading: tuple[Named, ...] = ()
    _seen: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, ctx: Context) -> Recall:
        return cls(list(ctx.recent), list(ctx.last), speaker=ctx.speaker, heading=ctx.heading)

    def note(self, actors: tuple[str, ...]) -> None:
        if not actors:
            return
        self.noted = True
        self.last = list(actors)
        for a in actors:
            if a in self.recent:
                self.recent.remove(a)
            self.recent.append(a)

    def pronoun(self, lemma: str) -> tuple[str, ...]:
        """`hän`/`he` refer to a person (the immigrant), `se`/`ne` to the last subject."""
        if lemma in lexicon().word("person_pronouns"):
            entries = registry()
            for actor in reversed(self.recent):
                entry = entries.get(actor)
                if entry is not None and entry.level == "individual":
                    return (actor,)
        return tuple(self.last)


def coordinated(tokens: list[Token], group: list[Mention]) -> list[Mention]:
    """The last mention with those coordinated with it (`Kunta ja hyvinvointialue`,
    `Pirkanmaan ELY-keskus ja Länsi- ja Sisä-Suomen aluehallintovirasto`, `kunta
    ja/tai TE-toimisto`)."""
    separators = lexicon().word("name_separators")
    out = [group[-1]]
    for m in reversed(group[:-1]):
        between = tokens[m.last + 1 : out[0].first]
        if not between or between[0].text.lower() not in separators:
            break
        # after the coordinator only the next name's attributes: `Länsi- ja Sisä-Suomen`
        if not all(
            t.text.lower() in separators
            or t.text.endswith("-")
            or (t.feat("Case") == "Gen" and t.upos in ("PROPN", "NOUN", "ADJ"))
            or t.text[:1].isupper()
            for t in between
        ):
            break
        out.insert(0, m)
    return out


def in_adposition(tokens: list[Token], m: Mention) -> bool:
    """A mention before an adposition (`X:n kanssa`) is no subject."""
    return m.last + 1 < len(tokens) and tokens[m.last + 1].upos == "ADP"


def nominal(tok: Token, case: str = "Nom") -> bool:
    """A noun, a name, a pronoun, or a participle used as a noun (`maahanmuuttaneet`),
    in `case`."""
    if tok.feat("Case") != case:
        return False
    if tok.upos in ("NOUN", "PROPN", "PRON"):
        return True
    return tok.feat("VerbForm") == "Part" and tok.upos in ("ADJ", "VERB") and tok.text[:1].isupper()


def has_nominative(tokens: list[Token], lo: int, hi: int) -> bool:
    return any(nominal(t) for t in tokens[lo:hi])


def nominative_noun_before(tokens: list[Token], i: int) -> bool:
    return any(t.upos in ("NOUN", "PROPN") and t.feat("Case") == "Nom" for t in tokens[:i])


def subject_head(tokens: list[Token], lo: int, verb: int) -> int | None:
    """The nominative noun or pronoun heading the subject before the verb, if any."""
    for j in range(verb - 1, lo - 1, -1):
        t = tokens[j]
        if not nominal(t):
            continue
        nxt = tokens[j + 1]
        if j + 1 < verb and nxt.upos in ("NOUN", "PROPN") and nxt.feat("Case") == "Nom":
            continue
        return j
    return None


def subject_head_after(tokens: list[Token], lo: int, verb: int, hi: int) -> int | None:
    """The nominative noun heading a subject after an active finite verb, when a
    complement stands before the verb (`Tulkkauksesta vastaa X`). A clause that opens
    with its verb has no such subject: its nominative is the object (`Järjestää
    palvelut`)."""
    v = tokens[verb]
    if v.feat("Voice") == "Pass" or v.feat("VerbForm") != "Fin" or v.feat("Person") != "3":
        return None
    if not any(
        t.upos in ("NOUN", "PROPN", "PRON") and t.feat("Case") not in (None, "Nom")
        for t in tokens[lo:verb]
    ):
        return None  # `niistä huolehtivat X`: a fronted complement, then the subject
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


_FOLD = str.maketrans({"ä": "a", "ö": "o", "å": "a"})


def slug(name: str) -> str:
    return regex.sub(r"[^a-z0-9]+", "-", name.lower().translate(_FOLD)).strip("-") or "actor"


def resolve(view: View, recall: Recall, head: int, lo: int) -> Actors | None:
    """The actors a noun phrase headed by token `head` (starting no earlier than `lo`)
    names when the registry matched none of it: a pronoun or a generic noun refers
    back, an organisation noun phrase is an actor the registry does not know."""
    lex = lexicon()
    tokens = view.tokens
    tok = tokens[head]
    if tok.lemma in lex.word("pronouns"):
        if not recall.noted and nominative_noun_before(tokens, head):
            return None  # `Ohjelma sisältää ..., ja se ohjaa`: it refers to that noun
        ids = recall.pronoun(tok.lemma)
        if not ids:
            return None
        span = view.span(head, head + 1)
        return Actors(ids, "anaphora", frozenset({head}), tuple(Named(a, *span) for a in ids))
    lemma = tok.lemma.lower()
    entries = registry()
    # a generic noun in the singular refers back (`Lisäksi ministeriö`); in the plural it
    # names a group (`keskeiset ministeriöt`)
    for actor in reversed(recall.recent if tok.feat("Number") != "Plur" else []):
        entry = entries.get(actor)
        name = entry.name.lower() if entry is not None else ""
        if len(lemma) >= 4 and name.endswith(lemma):
            return Actors(
                (actor,), "anaphora", frozenset({head}), (Named(actor, *view.span(head, head + 1)),)
            )
    if not lex.is_organisation_head(lemma):
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
    start, end = view.span(first, head + 1)
    name = " ".join([t.text for t in tokens[first:head]] + [tok.lemma])
    name = name[:1].upper() + name[1:]
    unknown = UnknownActor(slug(name), name, view.text[start:end])
    return Actors(
        (unknown.id,),
        "subject",
        frozenset(range(first, head + 1)),
        (Named(unknown.id, start, end),),
        (unknown,),
    )


def relative_antecedent(view: View, recall: Recall, at: int) -> Actors:
    """The antecedent of a relative clause starting at token `at`: the noun right
    before it when that names an organisation (`lautakunta, joka`), else the nearest
    actor before it, a specific one before the generic `viranomainen`."""
    tokens = view.tokens
    j = at - 1
    while j >= 0 and tokens[j].text in (",", "(", "–"):
        j -= 1
    generic = lexicon().generic_actor
    adjacent = [m for m in view.mentions if m.first <= j <= m.last]
    if adjacent and adjacent[0].actor != generic:
        # `Kela, joka`: the noun before the pronoun is its antecedent
        return Actors((adjacent[0].actor,), "relative", frozenset(), named(view, adjacent[:1]))
    if adjacent:
        # `X on riippumaton viranomainen, jonka`, `X:llä tarkoitetaan sitä kunnan
        # viranomaista, joka`: the generic noun is the actor the clause names before it,
        # not one of its own attributes (`kunnan`)
        start = _phrase_start(tokens, adjacent[0].first)
        specific = [m for m in view.mentions if m.last < start and m.actor != generic]
        antecedent = specific[-1] if specific else adjacent[0]
        return Actors((antecedent.actor,), "relative", frozenset(), named(view, [antecedent]))
    if j >= 0:
        resolved = resolve(view, recall, j, max(0, j - 4))
        if resolved and resolved.source == "subject":
            return Actors(
                resolved.ids, "relative", resolved.tokens, resolved.named, resolved.unknown
            )
    before = [m for m in view.mentions if m.last < at]
    specific = [m for m in before if m.actor != generic]
    chosen = specific or before
    if not chosen:
        return Actors((), "")
    m = chosen[-1]
    return Actors((m.actor,), "relative", frozenset(), named(view, [m]))


def _phrase_start(tokens: list[Token], head: int) -> int:
    """Where the noun phrase ending in the noun at `head` begins: past its attributes
    (adjectives, genitives, determiners and what coordinates them)."""
    joiners = lexicon().word("coordinators")
    first = head
    while first > 0 and (
        tokens[first - 1].upos in ("ADJ", "DET")
        or (
            tokens[first - 1].upos in ("NOUN", "PROPN", "PRON")
            and tokens[first - 1].feat("Case") == "Gen"
        )
        or (
            tokens[first - 1].upos == "PRON"
            and tokens[first - 1].feat("Case") == tokens[head].feat("Case")
        )
        or tokens[first - 1].text.lower() in joiners - {","}
    ):
        first -= 1
    return first


def with_coordinated(view: View, recall: Recall, lo: int, found: Actors, verb: int) -> Actors:
    """`Seurakunnat ja järjestöt`, `Seurakunta ja urheiluseurat`: organisations the
    registry does not know, coordinated with the subject, share the statement."""
    tokens = view.tokens
    joiners = lexicon().joining
    ids, span, names, unknown = (
        list(found.ids),
        set(found.tokens),
        list(found.named),
        list(found.unknown),
    )
    j = min(span) - 1
    while j > lo and tokens[j].text in joiners and tokens[j - 1].feat("Case") == "Nom":
        resolved = resolve(view, recall, j - 1, lo)
        if not resolved or resolved.source != "subject":
            break
        ids = [*resolved.ids, *ids]
        span |= resolved.tokens
        names = [*resolved.named, *names]
        unknown += resolved.unknown
        j = min(resolved.tokens) - 1
    # `Järjestöt ja seurakunnat`: and after it, up to the verb
    j = max(span) + 1
    while j < verb - 1 and tokens[j].text in joiners:
        k = j + 1
        while (
            k + 1 < verb
            and tokens[k + 1].feat("Case") == "Nom"
            and tokens[k + 1].upos in ("NOUN", "PROPN", "ADJ")
        ):
            k += 1
        if tokens[k].feat("Case") != "Nom" or tokens[k].upos not in ("NOUN", "PROPN"):
            break
        resolved = resolve(view, recall, k, j + 1)
        if not resolved or resolved.source != "subject":
            break
        ids += resolved.ids
        span |= resolved.tokens
        names += resolved.named
        unknown += resolved.unknown
        j = k + 1
    return Actors(dedupe(ids), "subject", frozenset(span), tuple(names), tuple(unknown))


def apposition(view: View, lo: int, verb: int) -> Actors:
    """`keskeiset ministeriöt – OKM, STM ... ja YM – määrittelevät`: the listed actors."""
    tokens = view.tokens
    group_nouns = lexicon().group_nouns
    dashes = [i for i in range(lo, verb) if tokens[i].text in ("–", "—", "-")]
    if len(dashes) < 2 or not any(tokens[i].lemma in group_nouns for i in range(lo, dashes[0])):
        return Actors((), "")
    listed = [m for m in view.mentions if dashes[0] < m.first < dashes[-1]]
    return Actors(dedupe(m.actor for m in listed), "subject", frozenset(), named(view, listed))


def listed_actors(view: View, recall: Recall, first: int, end: int) -> Actors:
    """The actors of a list (`kunta, kirjasto ja järjestöt`): registry actors, and
    organisations the registry does not know by their head noun."""
    tokens = view.tokens
    separators = lexicon().word("name_separators")
    ids: list[str] = []
    names: list[Named] = []
    unknown: list[UnknownActor] = []
    span: set[int] = set()
    start = first
    for k in range(first, end + 1):
        if k < end and tokens[k].text.lower() not in separators:
            continue
        found = [m for m in view.mentions if start <= m.first < k]
        head = k - 1
        while head > start and tokens[head].upos == "PUNCT":
            head -= 1
        # `kaupungin kotoutumispalvelut`: the segment's head names it, not its genitive
        headed = k > start and not any(m.first <= head <= m.last for m in found)
        resolved = resolve(view, recall, head, start) if headed else None
        if found and not (resolved and resolved.source == "subject"):
            ids += [m.actor for m in found]
            names += named(view, found)
            span |= {j for m in found for j in range(m.first, m.last + 1)}
        elif k > start and resolved and resolved.source == "subject":
            ids += resolved.ids
            names += resolved.named
            unknown += resolved.unknown
            span |= resolved.tokens
        start = k + 1
    return Actors(dedupe(ids), "subject", frozenset(span), tuple(names), tuple(unknown))
