"""Choose one reading per token from its context (the Voikko backend's tagger).

Voikko gives every reading a word form can have: `vastaa` is the verb `vastata`
or the partitive of the noun `vasta`, `tehtävänä` the noun or a participle,
`tukea` the infinitive or the partitive of `tuki`. A reading is scored by a
prior (set by the backend: fewer compound parts, the lemma's frequency, no
imperatives) and by rules of Finnish syntax, in two passes (the second sees
the first pass's choices for the neighbours):

- a clause needs a finite verb: where no other token of the clause is certainly
  one, a finite reading is preferred; after a nominative subject, and after a
  coordinator that follows a finite verb (`koordinoi ... ja vastaa`), more so;
- a connegative form (`huomioida` as in `ei huomioida`) needs a negation verb;
- after `olla` (`tehtävänä on tukea`) and in coordination with an infinitive,
  the infinitive is preferred;
- an adjective or participle agreeing in case and number with the next noun is
  an attribute; otherwise a noun reading of the same lemma wins (`tehtävänä on`);
- an adposition needs a genitive before it (`kotouttamisen kannalta`);
- a capitalised word inside a sentence is preferably a name (`Suomea`);
- a present passive participle after `olla` states a duty (`on järjestettävä`).

It is a small rule-based tagger; the stanza backend is the higher-accuracy option.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.nlp.ud import COORDINATORS

# Words that may stand between a subject and its verb, or after `olla`.
_ADVERBS_BETWEEN = frozenset(
    {"myös", "lisäksi", "kuitenkin", "edelleen", "yhdessä", "itse", "aina", "siis", "vain"}
)
_CLAUSE_PUNCT = frozenset({",", ";", ":", "–", "—"})
_CLAUSE_WORDS = frozenset(
    {"että", "jotta", "kun", "jos", "joka", "jonka", "jotka", "mutta", "koska"}
)
_NEGATION_LEMMAS = frozenset({"ei"})
# Words after which a first infinitive stands: `olla` (`tehtävänä on tukea`), modals,
# verbs taking an infinitive, and the nouns of the genre's nominal constructions.
_INFINITIVE_LICENSORS = frozenset(
    {"olla", "voida", "tulla", "täytyä", "pitää", "saattaa", "joutua", "haluta", "aikoa",
     "pyrkiä", "alkaa", "ehtiä", "kannattaa", "tarvita", "saada", "tehtävä", "tavoite",
     "tarkoitus", "velvollisuus", "vastuu", "oikeus", "mahdollisuus", "pystyä", "kyetä"}
)  # fmt: skip
_MODAL_LEMMAS = frozenset(
    {"voida", "tulla", "täytyä", "pitää", "saattaa", "joutua", "pystyä", "kyetä"}
)


@dataclass(frozen=True)
class Reading:
    lemma: str
    upos: str
    feats: str
    parts: int  # compound parts in Voikko's STRUCTURE
    prior: float

    def has(self, name: str, value: str) -> bool:
        return f"{name}={value}" in self.feats.split("|")

    def get(self, name: str) -> str | None:
        for pair in self.feats.split("|"):
            key, _, value = pair.partition("=")
            if key == name:
                return value
        return None

    @property
    def finite(self) -> bool:
        return self.has("VerbForm", "Fin")

    @property
    def infinitive(self) -> bool:
        return self.has("VerbForm", "Inf") and self.has("InfForm", "1")

    @property
    def case(self) -> str | None:
        return self.get("Case")


def choose(words: list[str], readings: list[list[Reading]]) -> list[int]:
    """The index of the chosen reading for every token."""
    chosen = _pass(words, readings, None)
    return _pass(words, readings, chosen)


def _pass(words: list[str], readings: list[list[Reading]], before: list[int] | None) -> list[int]:
    picked = [(readings[i][k] if k >= 0 else None) for i, k in enumerate(before or [])]
    out: list[int] = []
    for i, rs in enumerate(readings):
        if len(rs) < 2:
            out.append(0 if rs else -1)
            continue
        scores = [r.prior + _context(words, readings, picked, i, r) for r in rs]
        out.append(max(range(len(rs)), key=lambda k: (scores[k], -k)))
    return out


def _context(
    words: list[str],
    readings: list[list[Reading]],
    picked: list[Reading | None],
    i: int,
    r: Reading,
) -> float:
    score = 0.0
    clause = _clause(words, i)
    prev = _previous_content(words, i)
    nxt = readings[i + 1] if i + 1 < len(words) else []
    after_negation = _negated(readings, i)
    after_modal = prev is not None and _modal_before(
        readings[prev], picked[prev] if picked else None
    )
    if r.finite and not r.has("Mood", "Imp"):
        if after_negation:
            score += 3.0  # `ei vastaa`: the connegative verb
        elif not any(
            j != i and _verb_elsewhere(readings[j], picked[j] if picked else None) for j in clause
        ):
            score += 2.0
        if prev is not None and _is_subject(readings[prev]):
            score += 2.0
        if _coordinated(words, readings, picked, i, "finite"):
            score += 2.5
        if r.lemma in _MODAL_LEMMAS and any(o.infinitive for o in nxt):
            score += 2.5  # `voi myöntää`: a modal before an infinitive
        connegative = r.has("Voice", "Pass") and r.has("Mood", "Ind") and not words[i].endswith("n")
        if (connegative or r.has("Connegative", "Yes")) and not _negated(readings, i):
            score -= 2.5
    if r.infinitive:
        if after_modal:
            score += 3.0
        elif prev is not None and _certainly(readings[prev], "olla"):
            score += 1.5
        if _coordinated(words, readings, picked, i, "infinitive"):
            score += 2.5
        if not _licensed(words, readings, i):
            score -= 1.5  # a first infinitive needs a verb or noun that governs it
    if (
        r.has("PartForm", "Pres")
        and r.has("Voice", "Pass")
        and prev is not None
        and _certainly(readings[prev], "olla")
    ):
        score += 3.0  # `kuntien on osallistuttava`: a duty, not a noun
    if r.upos == "ADJ" and not r.has("NumType", "Ord"):
        if _agrees_with_next_noun(r, nxt):
            score += 1.5
        elif any(o.upos == "NOUN" and o.lemma == r.lemma for o in readings[i]):
            score -= 1.5
    if r.upos == "ADP" and r.has("AdpType", "Prep"):
        score += 2.5 if any(o.case in ("Par", "Gen") for o in nxt) else -1.0
    elif r.upos == "ADP":
        genitive_before = i > 0 and _is_genitive(readings[i - 1], picked[i - 1] if picked else None)
        score += 2.5 if genitive_before else -1.0
    if (
        r.upos == "NOUN"
        and i > 0
        and any(
            o.upos == "ADJ" and o.case == r.case and o.get("Number") == r.get("Number")
            for o in readings[i - 1]
        )
    ):
        score += 1.0  # `psykososiaalinen tuki`: an agreeing attribute before a noun
    if (
        r.upos == "NOUN"
        and i > 0
        and any(o.infinitive for o in readings[i])
        and readings[i - 1]
        and all(o.upos in ("NOUN", "PROPN") and o.case == "Gen" for o in readings[i - 1])
    ):
        score += 2.0  # `opiskelun tukea`: a genitive noun governs a noun, not an infinitive
    if (
        r.upos == "NOUN"
        and i > 0
        and any(o.finite and o.lemma not in _MODAL_LEMMAS for o in readings[i])
        and readings[i - 1]
        and all(o.upos in ("NOUN", "PROPN", "ADJ") and o.case == "Gen" for o in readings[i - 1])
    ):
        score += 2.0  # `alaikäisten tuki`: a genitive attribute before a noun, not a verb
    if r.upos == "PROPN" and words[i][:1].isupper() and i > 0 and words[i - 1] not in ".:(":
        score += 1.5
    return score


def _clause(words: list[str], i: int) -> range:
    def breaks(j: int) -> bool:
        return words[j] in _CLAUSE_PUNCT or words[j].lower() in _CLAUSE_WORDS

    start = i
    while start > 0 and not breaks(start - 1):
        start -= 1
    end = i
    while end + 1 < len(words) and not breaks(end + 1):
        end += 1
    return range(start, end + 1)


def _previous_content(words: list[str], i: int) -> int | None:
    """The word before i, past adverbs and a parenthesis (`Kansaneläkelaitos (Kela)`)."""
    j = i - 1
    while j >= 0:
        if words[j] == ")" and "(" in words[max(0, j - 4) : j]:
            j = max(k for k in range(max(0, j - 4), j) if words[k] == "(") - 1
        elif words[j].lower() in _ADVERBS_BETWEEN:
            j -= 1
        else:
            break
    return j if j >= 0 else None


def _certainly(rs: list[Reading], what: str) -> bool:
    if not rs:
        return False
    if what == "finite":
        return all(r.finite for r in rs)
    if what == "negation":
        return all(r.lemma in _NEGATION_LEMMAS for r in rs)
    if what == "modal":
        return all(r.lemma in _MODAL_LEMMAS and r.finite for r in rs)
    return all(r.lemma == "olla" for r in rs)  # what == "olla"


def _modal_before(rs: list[Reading], picked: Reading | None) -> bool:
    """`voi`, `tulee`, `täytyy` before the token: as chosen in the first pass, or possibly."""
    if picked is not None:
        return picked.lemma in _MODAL_LEMMAS and picked.finite
    return any(r.lemma in _MODAL_LEMMAS and r.finite for r in rs)


def _verb_elsewhere(rs: list[Reading], picked: Reading | None) -> bool:
    """A finite verb other than the negation verb: certain, or chosen in the first pass."""
    if picked is not None:
        return picked.finite and picked.lemma not in _NEGATION_LEMMAS
    return _certainly(rs, "finite") and not _certainly(rs, "negation")


def _licensed(words: list[str], readings: list[list[Reading]], i: int) -> bool:
    """Whether something before the token can govern a first infinitive."""
    j = i - 1
    steps = 0
    while j >= 0 and steps < 4:
        if words[j].lower() in COORDINATORS or words[j] == ",":
            return True  # coordinated with an earlier infinitive, decided by _coordinated
        if any(r.lemma in _INFINITIVE_LICENSORS for r in readings[j]):
            return True
        if words[j].lower() not in _ADVERBS_BETWEEN and words[j] not in ("•", "-", "–"):
            steps += 1
        j -= 1
    return j < 0 or words[j] in (":", "•")  # a list item or a lead-in


def _is_subject(rs: list[Reading]) -> bool:
    return bool(rs) and all(r.upos in ("NOUN", "PROPN", "PRON") and r.case == "Nom" for r in rs)


def _is_genitive(rs: list[Reading], picked: Reading | None) -> bool:
    if picked is not None:
        return picked.case == "Gen"
    return bool(rs) and all(r.case == "Gen" for r in rs)


def _negated(readings: list[list[Reading]], i: int) -> bool:
    """A negation verb shortly before the token whose connegative is still to come: in
    `ei ole järjestää` the connegative is `ole`, and `järjestää` is an infinitive."""
    for j in range(i - 1, max(-1, i - 4), -1):
        if any(r.lemma in _NEGATION_LEMMAS for r in readings[j]):
            return True
        if readings[j] and all(r.upos in ("VERB", "AUX") for r in readings[j]):
            return False
    return False


def _coordinated(
    words: list[str],
    readings: list[list[Reading]],
    picked: list[Reading | None],
    i: int,
    what: str,
) -> bool:
    """Whether the token follows a coordinator after a verb of the same form earlier in
    the sentence (`koordinoi ... ja vastaa`, `huomioida ... ja edistää`)."""
    if i == 0 or words[i - 1].lower() not in COORDINATORS:
        return False
    for j in range(i - 2, -1, -1):
        # The nearest verb before the coordinator (not `olla`, which heads the
        # construction): its form is the one coordinated.
        if picked:
            cand = picked[j]
            if cand is None or cand.upos != "VERB":
                continue
            return cand.finite if what == "finite" else cand.infinitive
        if _certainly(readings[j], "finite") and readings[j][0].upos == "VERB":
            return what == "finite"
    return False


def _agrees_with_next_noun(r: Reading, nxt: list[Reading]) -> bool:
    return any(
        o.upos in ("NOUN", "PROPN") and o.case == r.case and o.get("Number") == r.get("Number")
        for o in nxt
    )
