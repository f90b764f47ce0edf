"""The default NLP backend: Voikko morphology, mapped to UD, disambiguated by rules.

Works offline (Debian `libvoikko1 voikko-fi`). It gives lemma, UPOS and
features for every token, and no dependency parse (head and deprel stay None).

Readings come from Voikko, with three additions Voikko lacks:
- a word it does not know takes its analysis from its last part
  (`TE-toimistojen` -> `TE-toimisto`, plural genitive), an inflected
  abbreviation (`TEM:n`) from its ending;
- adverbs and adpositions that Voikko analyses as inflected nouns
  (`lisäksi`, `kannalta`, `välillä`) get their UD reading beside the noun one;
- a compound whose last part is a finite verb (`tulosohjaa`) gets a verb reading
  (`tulosohjata`), for the tagger to choose where the clause has no other verb.
"""

from __future__ import annotations

from functools import lru_cache

import regex

from pipeline import morphology
from pipeline.nlp.disambiguate import Reading, choose
from pipeline.nlp.model import BackendInfo, Sentence, Token
from pipeline.nlp.segment import RawToken, tokenize
from pipeline.nlp.ud import feats, lemma, upos
from pipeline.nlp.words import VOIKKO

# Case endings after a colon: `TEM:n`, `EU:ssa`, `OKM:lle`.
_COLON_CASES = {
    "n": "Gen", "ssa": "Ine", "ssä": "Ine", "sta": "Ela", "stä": "Ela", "lla": "Ade",
    "llä": "Ade", "lta": "Abl", "ltä": "Abl", "lle": "All", "ksi": "Tra", "na": "Ess",
    "nä": "Ess", "a": "Par", "ä": "Par", "ta": "Par", "tä": "Par", "iin": "Ill",
    "ään": "Ill", "aan": "Ill", "een": "Ill", "ön": "Ill", "hin": "Ill",
}  # fmt: skip
# An abbreviation with a case ending written without a colon (`KEHAlle`, `TEMin`).
_INFLECTED_ABBREVIATION = regex.compile(r"^\p{Lu}{2,}\p{Ll}{1,3}$")
_PUNCT_UPOS = {"§": "SYM", "%": "SYM", "€": "SYM", "&": "CCONJ", "+": "SYM"}
# Prepositions: before their (partitive) complement, not after a genitive.
PREPOSITIONS = frozenset({"ilman", "ennen", "kohti", "vastoin", "paitsi", "pitkin", "ympäri"})
# Inflected nouns that UD Finnish treats as adverbs or adpositions of their own.
LEXICAL_ADVERBS = frozenset(
    {"lisäksi", "esimerkiksi", "kerrallaan", "yhdessä", "erikseen", "tarvittaessa",
     "etukäteen", "vähintään", "enintään", "keskenään", "alueellisesti", "yhteen"}
)  # fmt: skip
LEXICAL_ADPOSITIONS = frozenset(
    {"kannalta", "välillä", "ulkopuolella", "avulla", "kautta", "mukaan", "perusteella",
     "aikana", "osalta", "puolesta", "toimesta", "vuoksi", "takia", "jälkeen", "kanssa",
     "yhteydessä", "suhteen", "lisäksi", "sijaan", "kesken", "myötä", "nojalla", "alaisuudessa",
     "puitteissa", "tueksi", "ohella", "rinnalla", "johdolla"}
)  # fmt: skip


class VoikkoAnalyzer:
    """Tokens, lemmas, UPOS and features from Voikko; see the module docstring."""

    def __init__(self) -> None:
        self.info = BackendInfo("voikko", _version())
        self.words = VOIKKO

    def check(self) -> None:
        morphology.check_voikko()

    def analyze(self, text: str, units: list[Sentence]) -> list[Sentence]:
        out: list[Sentence] = []
        for unit in units:
            raw = tokenize(text, unit.start, unit.end)
            options = [_readings(t) for t in raw]
            chosen = choose([t.text for t in raw], options)
            tokens = [
                Token(t.text, t.start, t.end, rs[k].lemma, rs[k].upos, rs[k].feats)
                for t, rs, k in zip(raw, options, chosen, strict=True)
            ]
            out.append(Sentence(unit.start, unit.end, unit.kind, tokens, unit.lead_in))
        return out


def _version() -> str:
    try:
        return str(morphology.voikko().getVersion())
    except Exception:  # older bindings have no getVersion
        return "unknown"


def readings_of(tok: RawToken) -> list[Reading]:
    """Every reading Voikko gives a token; empty for a word it does not know (neither
    the word nor its last part: a name this backend would guess is no knowledge)."""
    if tok.kind != "word":
        return []
    word = tok.text
    suspended = word.endswith("-")  # `sosiaali-` of `sosiaali- ja terveyspalvelut`
    if (
        not suspended
        and ":" not in word
        and not morphology.analyze(word)
        and not _known_tail(word)[1]
    ):
        return []
    return _readings(tok)


def _readings(tok: RawToken) -> list[Reading]:
    if tok.kind == "punct":
        return [Reading(tok.text, _PUNCT_UPOS.get(tok.text, "PUNCT"), "", 1, 0.0)]
    if tok.kind in ("url", "email"):
        return [Reading(tok.text, "X", "", 1, 0.0)]
    if tok.kind == "number":
        return [Reading(tok.text, "NUM", "NumType=Card", 1, 0.0)]
    if tok.kind == "ordinal":
        return [Reading(tok.text, "ADJ", "NumType=Ord", 1, 0.0)]
    if tok.kind == "abbr":
        return [Reading(tok.text.lower(), "ADV", "Abbr=Yes", 1, 0.0)]
    return list(_word_readings(tok.text))


@lru_cache(maxsize=200_000)
def _word_readings(word: str) -> tuple[Reading, ...]:
    if word.isdigit():
        return (Reading(word, "NUM", "NumType=Card", 1, 0.0),)
    if ":" in word:
        head, _, ending = word.partition(":")
        case = _COLON_CASES.get(ending.lower())
        return (Reading(head, "PROPN", f"Case={case}|Number=Sing" if case else "", 1, 0.0),)
    if word.endswith("-"):  # a suspended compound part: `työ-`, `sosiaali-`
        part = word[:-1]
        analyses = morphology.analyze(part)
        pos = upos(analyses[0], part) if analyses else "NOUN"
        return (Reading(part if part.isupper() else part.lower(), pos, "", 1, 0.0),)
    readings = list(_from_analyses(word, morphology.analyze(word), ""))
    if not readings and _INFLECTED_ABBREVIATION.match(word):
        named = morphology.name_case(word)  # `KEHAlle`: not `KEH` + `alle`
        if named is not None:
            readings = [Reading(named[0], "PROPN", f"Case={named[1]}|Number=Sing", 1, 0.0)]
    if not readings:
        head, tail = _known_tail(word)
        if tail:
            capitalised = word[:1].isupper() and not head.endswith("-")
            readings = list(_from_analyses(tail, morphology.analyze(tail), head, capitalised))
    if not readings:
        named = morphology.name_case(word)
        if named is not None:  # `Migrin`: a name Voikko does not know, by its ending
            readings = [Reading(named[0], "PROPN", f"Case={named[1]}|Number=Sing", 1, 0.0)]
        else:
            readings = [Reading(word, "NOUN", "", 1, 0.0)]
    lower = word.lower()
    if lower in LEXICAL_ADVERBS:
        readings.append(Reading(lower, "ADV", "", 1, 2.0))
    if lower in LEXICAL_ADPOSITIONS:
        readings.append(Reading(lower, "ADP", "", 1, 0.0))
    if lower in PREPOSITIONS:
        readings.append(Reading(lower, "ADP", "AdpType=Prep", 1, 0.0))
    readings += _compound_verb(word, readings)
    return tuple(sorted(readings, key=lambda r: -r.prior))


def _known_tail(word: str) -> tuple[str, str]:
    """Split an unknown word into a head and the longest known last part."""
    if "-" in word:
        head, _, last = word.rpartition("-")
        for form in (last, last.lower()):
            if morphology.analyze(form):
                return head + "-", form
    for i in range(1, len(word) - 2):
        tail = word[i:]
        if len(tail) >= 4 and morphology.analyze(tail.lower()):
            return word[:i], tail.lower()
    return word, ""


def _compound_verb(word: str, readings: list[Reading]) -> list[Reading]:
    """`tulosohjaa`: a noun compound to Voikko whose last part is a finite verb form.
    A nominative compound (`Sosiaalitoimi`) is a noun, whatever its last part."""
    if any(r.finite or r.case == "Nom" for r in readings):
        return []
    if any(morphology.frequency(r.lemma) >= 1.5 for r in readings):
        return []  # `oikeusturvaa`: a compound real text uses is the noun it looks like
    analyses = morphology.analyze(word)
    for a in analyses:
        structure = a.get("STRUCTURE", "")
        if structure.count("=") < 2:
            continue
        cut = len(structure.rsplit("=", 1)[0].replace("=", ""))
        head, last = word[:cut], word[cut:]
        for b in morphology.analyze(last):
            third_person = b.get("PERSON") in ("3", "4")  # `tuen` (1sg) is a genitive here
            if (
                b.get("CLASS") == "teonsana"
                and b.get("MOOD") in ("indicative", "conditional")
                and third_person
            ):
                verb = head.lower() + b.get("BASEFORM", last)
                return [Reading(verb, "VERB", feats(b), 2, -1.0)]
    return []


def _from_analyses(
    word: str, analyses: list[morphology.Analysis], head: str, capitalised: bool = False
) -> list[Reading]:
    if not analyses:
        return []
    fewest = min(a.get("STRUCTURE", "").count("=") for a in analyses)
    readings: dict[tuple[str, str, str], Reading] = {}
    lower = word[:1].islower() and not capitalised
    for a in analyses:
        base = lemma(a, word)
        full = head + base if head else base
        pos = upos(a, word)
        if head and capitalised and pos == "NOUN":
            pos = "PROPN"
        parts = a.get("STRUCTURE", "").count("=")
        prior = 0.3 * morphology.frequency(a.get("BASEFORM", base)) - 0.7 * (parts - fewest)
        if pos == "PROPN" and lower:
            prior -= 3.0  # a lower-case word is rarely a name
        if a.get("MOOD") == "imperative":
            prior -= 2.0  # programmes describe, they do not command
        elif a.get("PERSON") in ("1", "2") and a.get("NUMBER") == "singular":
            prior -= 2.0  # nor speak as `minä` or to `sinä` (`tuen` is a genitive)
        if a.get("MOOD") == "MINEN-infinitive":
            prior += 1.0  # `kehittämistä` is the verbal noun, not an agent participle
        feature_string = feats(a)
        candidates = [(pos, feature_string)]
        if a.get("MOOD") == "imperative" and a.get("PERSON") == "2" and a.get("NEGATIVE") == "both":
            # `ei myönnä`: the connegative is written like the imperative singular
            candidates.append(("VERB", "Connegative=Yes|Mood=Ind|Tense=Pres|VerbForm=Fin"))
        if a.get("CLASS") == "nimisana_laatusana":
            candidates.append(("ADJ", feature_string))
        for cand_pos, cand_feats in candidates:
            key = (full, cand_pos, cand_feats)
            cand_prior = prior - (0.2 if cand_pos == "ADJ" and pos == "NOUN" else 0.0)
            if "Connegative=Yes" in cand_feats and a.get("MOOD") == "imperative":
                cand_prior += 2.0  # undo the imperative's penalty: context decides
            if key not in readings or readings[key].prior < cand_prior:
                readings[key] = Reading(full, cand_pos, cand_feats, parts, cand_prior)
    return list(readings.values())
