"""Complements of a predicate: where they split and what they say besides the task.

Token-level helpers on one sentence's tokens:

- `conjuncts`: split a complement region into coordinated complements at a
  coordinator or comma standing between two heads in a case the predicate
  governs; `oleskelulupien ja kansalaisuuden myöntämisestä` stays one,
  `suunnittelusta, ohjauksesta ja valvonnasta` are three;
- `clausal`: a subordinate clause as the complement (`huolehtia, että ...`);
- `infinitive_heads`: infinitives opening coordinated tasks after a nominal
  construction (`tehtävänä on edistää ... ja puuttua ...`);
- what a task says besides its head: target group, scope, co-actors (as spans).
"""

from __future__ import annotations

import itertools

from pipeline.grammar.lexicon import lexicon
from pipeline.markers import INLINE, MARKER
from pipeline.nlp.model import Token

_NOMINAL_POS = ("NOUN", "PROPN")


def is_marker(tokens: list[Token], i: int) -> bool:
    """A list marker token: a bullet, a dash, `1)`, `a)`."""
    return bool(MARKER.match(tokens[i].text))


def is_infinitive(tok: Token) -> bool:
    """A first infinitive; a verb written as its own lemma (`järjestää`) counts too, as
    the tagger may read it as the finite form it is a homograph of."""
    if tok.upos != "VERB":
        return False
    if tok.feat("VerbForm") == "Inf" and tok.feat("InfForm") in (None, "1"):
        return True
    return tok.text.lower() == tok.lemma


def is_head(tokens: list[Token], i: int, cases: frozenset[str], hi: int) -> bool:
    """A noun (or personal pronoun) in a governed case that is no attribute of what follows:
    a genitive before a noun, adjective, adposition or participle is one; so is a
    nominative before another nominative (`ministeriö` in a longer name)."""
    t = tokens[i]
    personal = t.upos == "PRON" and t.lemma in lexicon().word("pronouns")
    case = t.feat("Case")
    if (t.upos not in _NOMINAL_POS and not personal) or case not in cases:
        return False
    nxt = tokens[i + 1] if i + 1 < hi else None
    if nxt is None:
        return True
    if case == "Gen":
        if nxt.upos in ("NOUN", "PROPN", "ADJ", "ADP", "NUM"):
            return False
        if nxt.upos == "VERB" and nxt.feat("VerbForm") in ("Part", "Inf"):
            return False
    return not (case == "Nom" and nxt.upos in _NOMINAL_POS and nxt.feat("Case") == "Nom")


def _genitive_material(tok: Token) -> bool:
    return tok.feat("Case") == "Gen" and tok.upos in ("NOUN", "PROPN", "PRON", "ADJ", "NUM", "VERB")


def attached(tokens: list[Token], lo: int, hi: int) -> set[int]:
    """Tokens of [lo, hi) that belong to another word than the predicate, and so head
    no complement of it:

    - a postposition's phrase (`yhteistyössä kuntien, järjestöjen ja yhteisöjen
      kanssa`, `omaa hallinnonalaansa varten`), coordinated genitives and a
      participle's object inside it (`eri ryhmiä edustavien järjestöjen`);
    - a word in brackets (`Pakolaisten (KotoL 2 § 2 ja 3 mom.) ...`);
    - a participle's complement before it (`suunnitelmaan sisältyvään opetukseen`);
    - a genitive coordinated with a genitive attribute (`maahanmuuton ja sen
      rakenteen kehittymistä`, `vähemmistöjen ja ulkomaalaisten asemaa`)."""
    coordinators = lexicon().word("coordinators")
    out: set[int] = set()
    depth = 0
    for k in range(lo, hi):
        if tokens[k].text == "(":
            depth += 1
        if depth:
            out.add(k)
        if tokens[k].text == ")" and depth:
            depth -= 1
    for k in range(lo + 1, hi):
        t = tokens[k]
        if (
            t.upos == "ADP"
            and t.feat("AdpType") != "Prep"
            and (_genitive_material(tokens[k - 1]) or tokens[k - 1].feat("Case") == "Par")
        ):
            j = k - 1
            while j >= lo:
                cur = tokens[j]
                nxt = tokens[j + 1]
                if (
                    _genitive_material(cur)
                    or cur.text.endswith("-")
                    or (cur.text.lower() in coordinators and j - 1 >= lo)
                    # `ja erityisesti X:n`: an adverb inside the chain; elsewhere it opens
                    # the phrase (`yhdessä X:n kanssa`), and the walk ends with it
                    or (
                        cur.upos == "ADV"
                        and j + 1 < k
                        and j - 1 >= lo
                        and tokens[j - 1].text.lower() in coordinators
                    )
                    or (
                        cur.feat("Case") == "Par" and (nxt.feat("VerbForm") == "Part" or j == k - 1)
                    )
                    or (cur.upos in ("ADJ", "PRON") and j + 1 in out)
                ):
                    out.add(j)
                    j -= 1
                    continue
                if cur.upos == "ADV":
                    out.add(j)
                break
            out.add(k)
            # the coordinators and adverbs at its left edge join conjuncts, not the phrase
            while j + 1 < k and (
                tokens[j + 1].text.lower() in coordinators or tokens[j + 1].upos == "ADV"
            ):
                out.discard(j + 1)
                j += 1
    for k in range(lo, hi - 1):
        if tokens[k + 1].feat("VerbForm") == "Part" and tokens[k].upos in ("NOUN", "PROPN"):
            out.add(k)
    for k in range(hi - 2, lo - 1, -1):
        if tokens[k].feat("Case") != "Gen" or tokens[k + 1].text.lower() not in coordinators:
            continue
        j = k + 2
        while j < hi and (
            tokens[j].text.endswith("-")
            or tokens[j].text.lower() in coordinators
            or tokens[j].upos in ("ADJ", "ADV")
            or (tokens[j].upos == "PRON" and tokens[j].feat("Case") == "Gen")
        ):
            j += 1
        if not (
            j + 1 < hi
            and tokens[j].feat("Case") == "Gen"
            and tokens[j].upos in ("NOUN", "PROPN")
            and (j in out or tokens[j + 1].upos in ("NOUN", "PROPN"))
        ):
            continue
        # the noun the second genitive modifies: a genitive there is an object, and the
        # first genitive may be one too (`valmistavan opetuksen ja oman äidinkielen
        # opetuksen`): so it is where it names the same thing or ends a list of objects
        h = j
        while (
            h + 1 < hi
            and tokens[h + 1].upos in ("NOUN", "PROPN")
            and tokens[h].feat("Case") == "Gen"
        ):
            h += 1
        head = tokens[h]
        listed = (k - 1 > lo and tokens[k - 1].text == ",") or any(
            tokens[m].text == "," and tokens[m - 1].feat("Case") == "Gen" for m in range(lo + 1, k)
        )
        if head.feat("Case") == "Gen" and (head.lemma == tokens[k].lemma or listed):
            continue
        out.add(k)
    return out


def conjuncts(
    tokens: list[Token], lo: int, hi: int, cases: frozenset[str], skip: frozenset[int] = frozenset()
) -> list[tuple[int, int]]:
    """Split [lo, hi) into coordinated complements. `skip` (the subject) is no head."""
    lex = lexicon()
    coordinators = lex.word("coordinators") | {";"}
    skip = skip | attached(tokens, lo, hi)
    heads = [i for i in range(lo, hi) if i not in skip and is_head(tokens, i, cases, hi)]
    if not heads:
        return []
    opener = lo if tokens[lo].text.lower() in lex.correlatives else None
    second = lex.correlatives[tokens[lo].text.lower()] if opener is not None else None
    cuts = []
    for prev, cur in itertools.pairwise(heads):
        split = next(
            (
                j
                for j in range(prev + 1, cur)
                if tokens[j].text in coordinators or tokens[j].text == second
            ),
            None,
        )
        if split is not None:
            cuts.append(split)
    if opener is not None and any(tokens[c].text == second for c in cuts):
        lo += 1  # the opener belongs to no conjunct
    out = []
    start = lo
    for c in cuts:
        end = c if tokens[c].text == second else c + 1
        out.append((start, trim_coordinator(tokens, end)))
        start = c + 1
    out.append((start, hi))
    return [(a, b) for a, b in out if a < b]


def clausal(tokens: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """`huolehtia, että ...`, `sopia siitä, miten ...`, `arvioi, miten ...`: the
    subordinate clause (with its correlative pronoun, or a recipient: `ilmoittaa
    viranomaiselle, jos ...`) as the one task."""
    lex = lexicon()
    adverbs = lex.word("statement_adverbs")
    j = lo
    while j < hi and (
        tokens[j].text == ","
        or tokens[j].lemma in adverbs
        or (tokens[j].upos in ("PRON", "ADV") and j + 1 < hi and tokens[j + 1].text == ",")
        or tokens[j].feat("Case") == "All"
        or (tokens[j].feat("Case") == "Gen" and j + 1 < hi and tokens[j + 1].feat("Case") == "All")
    ):
        j += 1
    return (lo, hi) if j < hi and tokens[j].lemma in lex.word("subordinators") else None


def inline_marker(tokens: list[Token], i: int) -> int:
    """The number of tokens of an inline list marker ending at i (`2)`, `b)`), or 0."""
    if i >= 1 and tokens[i].text == ")" and INLINE.fullmatch(tokens[i - 1].text):
        return 2
    return 0


def infinitive_heads(tokens: list[Token], lo: int, hi: int) -> list[int]:
    """Infinitives that open coordinated tasks: `edistää ... ja puuttua ...`, also in an
    inline numbered list (`1) laatia ..., 2) tehdä ...`). The first must open the region
    (after adverbs such as `myös`)."""
    lex = lexicon()
    adverbs = lex.word("statement_adverbs")
    joining = lex.joining

    def opener(i: int) -> int:
        j = i - 1
        while j >= lo and inline_marker(tokens, j):
            j -= inline_marker(tokens, j)
        return j

    out = []
    for i in range(lo, hi):
        if not is_infinitive(tokens[i]):
            continue
        j = opener(i)
        opens = all(t.lemma in adverbs for t in tokens[lo : j + 1])
        if opens or tokens[j].text in joining:
            out.append(i)
    if out and all(t.lemma in adverbs for t in tokens[lo : opener(out[0]) + 1]):
        return out
    return []


def trim_coordinator(tokens: list[Token], end: int) -> int:
    """Move `end` back over coordinators, commas, inline list markers and a negation verb."""
    lex = lexicon()
    coordinators = lex.word("coordinators")
    negation = lex.verb_class("negation")
    while end > 0:
        if tokens[end - 1].text in coordinators or tokens[end - 1].lemma in negation:
            end -= 1
        elif inline_marker(tokens, end - 1):
            end -= inline_marker(tokens, end - 1)
        else:
            break
    return end


def trim_end(tokens: list[Token], lo: int, hi: int) -> int:
    """Move `hi` back over final punctuation and coordinators (a closing bracket stays):
    an item of a list may end with the `ja` that joins it to the next."""
    coordinators = lexicon().word("coordinators")
    while hi > lo and (
        (tokens[hi - 1].upos == "PUNCT" and tokens[hi - 1].text != ")")
        or tokens[hi - 1].text.lower() in coordinators
    ):
        hi -= 1
    return hi


def trim_start(tokens: list[Token], a: int, b: int) -> int:
    """Move `a` past words that modify the statement, not the task (`myös`, `yhdessä
    X:n kanssa`), and markers."""
    lex = lexicon()
    adverbs = lex.word("statement_adverbs")
    comitative = lex.word("comitative")
    adversatives = lex.word("adversatives")
    while a < b:
        j = a
        while j < b and tokens[j].feat("Case") == "Gen":
            j += 1
        if a < j < b and tokens[j].lemma in comitative:
            a = j + 1  # the co-actors, recorded apart
        elif a + 1 < b and inline_marker(tokens, a + 1):
            a += 2  # `2)`
        elif (
            tokens[a].lemma in adverbs
            or tokens[a].upos in ("PUNCT", "CCONJ")
            or tokens[a].text.lower() in adversatives
            or is_marker(tokens, a)
        ):
            a += 1
        else:
            break
    return a


def target_group(tokens: list[Token], a: int, b: int) -> tuple[int, int] | None:
    """The token range of the group a task is for: a person noun with a participle phrase
    (`työnhakijana olevien maahanmuuttajien`), else one in the allative
    (`maahanmuuttajille`), else the first person noun of the task."""
    lex = lexicon()
    candidates = []
    for i in range(a, b):
        t = tokens[i]
        if t.upos != "NOUN" or not lex.is_person_group(t.lemma):
            continue
        if i > 0 and tokens[i - 1].lemma in lex.word("privative"):
            continue  # `ilman huoltajaa`: the person is absent, not served
        first = i
        while first > a:
            prev, cur = tokens[first - 1], tokens[first]
            agrees = prev.upos == "ADJ" and prev.feat("Case") == t.feat("Case")
            participle = cur.feat("VerbForm") == "Part" or cur.feat("PartForm") is not None
            if agrees or (participle and prev.upos in ("NOUN", "ADP", "PROPN")):
                first -= 1
            else:
                break
        rank = 0 if first < i else (1 if t.feat("Case") == "All" else 2)
        candidates.append((rank, first, i))
    if not candidates:
        return None
    _, first, i = min(candidates)
    return first, i + 1


def scope(tokens: list[Token], lo: int, hi: int) -> tuple[int, int] | None:
    """The token range of where the responsibility applies: `omilla toimialueillaan`,
    `paikallistasolla`."""
    lex = lexicon()
    for i in range(lo, hi):
        t = tokens[i]
        if t.feat("Case") not in ("Ade", "Ine", None):
            continue
        modified = i > lo and tokens[i - 1].lemma in lex.scope_modifiers
        if t.lemma in lex.scope or (t.lemma in lex.scope_owned and modified):
            return (i - 1 if modified else i), i + 1
    return None
