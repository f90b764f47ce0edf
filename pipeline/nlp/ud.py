"""Voikko's analyses mapped to Universal Dependencies: UPOS and features.

Voikko names classes and cases in Finnish (CLASS=teonsana, SIJAMUOTO=sisaeronto);
the rest of the pipeline reads UD (`VERB`, `Case=Ela`). This module only maps;
choosing one analysis per token is `disambiguate.py`'s job.
"""

from __future__ import annotations

import regex

from pipeline.morphology import Analysis

# The stem of a -minen verbal noun in any case and number: `kehittämi|sestä`.
_MINEN = regex.compile(r"^(.*m[iI])(?:nen|s\p{L}*)$")

CASES = {
    "nimento": "Nom",
    "omanto": "Gen",
    "osanto": "Par",
    "olento": "Ess",
    "tulento": "Tra",
    "sisaolento": "Ine",
    "sisaeronto": "Ela",
    "sisatulento": "Ill",
    "ulkoolento": "Ade",
    "ulkoeronto": "Abl",
    "ulkotulento": "All",
    "vajanto": "Abe",
    "seuranto": "Com",
    "keinonto": "Ins",
    "kohdanto": "Acc",
}
_UPOS = {
    "nimisana": "NOUN",
    "laatusana": "ADJ",
    "nimisana_laatusana": "NOUN",  # `viranomainen`; an ADJ reading is added beside it
    "teonsana": "VERB",
    "seikkasana": "ADV",
    "asemosana": "PRON",
    "suhdesana": "ADP",
    "huudahdussana": "INTJ",
    "lukusana": "NUM",
    "etuliite": "X",
    "lyhenne": "NOUN",
    "nimi": "PROPN",
    "etunimi": "PROPN",
    "sukunimi": "PROPN",
    "paikannimi": "PROPN",
    "kieltosana": "AUX",
}
COORDINATORS = frozenset({"ja", "tai", "sekä", "eli", "mutta", "vaan", "taikka", "eikä"})
SUBORDINATORS = frozenset(
    {"että", "jos", "kun", "koska", "jotta", "vaikka", "kuin", "kunnes", "jollei", "mikäli"}
)
_MOODS = {"indicative": "Ind", "conditional": "Cnd", "imperative": "Imp", "potential": "Pot"}
_INFINITIVES = {
    "A-infinitive": "1",
    "E-infinitive": "2",
    "MA-infinitive": "3",
    "MAINEN-infinitive": "5",
}
_PARTICIPLES = {
    "present_active": ("Pres", "Act"),
    "present_passive": ("Pres", "Pass"),
    "past_active": ("Past", "Act"),
    "past_passive": ("Past", "Pass"),
    "agent": ("Agt", None),
    "negation": ("Neg", None),
}
_DEGREES = {"positive": "Pos", "comparative": "Cmp", "superlative": "Sup"}


def lemma(analysis: Analysis, word: str) -> str:
    """The UD lemma: Voikko's base form, except that a verbal noun in -minen is its
    own lemma (`kehittämisestä` -> `kehittäminen`, not `kehittää`), as in UD Finnish."""
    base = analysis.get("BASEFORM", word)
    if analysis.get("SIJAMUOTO") == "kerrontosti":
        return word.lower()  # `aktiivisesti`: an adverb is its own lemma, as in UD Finnish
    if analysis.get("MOOD") == "MINEN-infinitive":
        stem = _MINEN.match(word.lower())
        if stem:
            return stem.group(1) + "nen"
    return base


def upos(analysis: Analysis, word: str) -> str:
    cls = analysis.get("CLASS", "")
    if cls == "sidesana":
        return "SCONJ" if word.lower() in SUBORDINATORS else "CCONJ"
    if cls == "teonsana" and analysis.get("BASEFORM") == "olla":
        return "AUX"
    if cls == "teonsana" and analysis.get("MOOD") == "MINEN-infinitive":
        return "NOUN"  # `kehittämisestä`: a verbal noun heads noun phrases
    if analysis.get("SIJAMUOTO") == "kerrontosti":
        return "ADV"  # `aktiivisesti`, `erityisesti`: adverbs in -sti
    return _UPOS.get(cls, "X")


def feats(analysis: Analysis) -> str:
    """UD features of one Voikko analysis, as a sorted `Name=Value|...` string."""
    out: dict[str, str] = {}
    case = CASES.get(analysis.get("SIJAMUOTO", ""))
    if case:
        out["Case"] = case
    number = analysis.get("NUMBER")
    if number:
        out["Number"] = "Sing" if number == "singular" else "Plur"
    mood = analysis.get("MOOD", "")
    person = analysis.get("PERSON")
    if mood in _MOODS:
        out["Mood"] = _MOODS[mood]
        out["VerbForm"] = "Fin"
        if person == "4":
            out["Voice"] = "Pass"
        else:
            out["Voice"] = "Act"
            if person:
                out["Person"] = person
    elif mood in _INFINITIVES:
        out["VerbForm"] = "Inf"
        out["InfForm"] = _INFINITIVES[mood]
    elif mood == "MINEN-infinitive":
        out["Derivation"] = "Minen"
    tense = analysis.get("TENSE")
    if tense:
        out["Tense"] = "Pres" if tense.startswith("present") else "Past"
    participle = analysis.get("PARTICIPLE")
    if participle in _PARTICIPLES:
        form, voice = _PARTICIPLES[participle]
        out["VerbForm"] = "Part"
        out["PartForm"] = form
        if voice:
            out["Voice"] = voice
    if analysis.get("NEGATIVE") == "true":
        out["Connegative"] = "Yes"
    degree = _DEGREES.get(analysis.get("COMPARISON", ""))
    if degree:
        out["Degree"] = degree
    if analysis.get("CLASS") == "kieltosana":
        out["Polarity"] = "Neg"
        if person:
            out["Person"] = person
    possessive = analysis.get("POSSESSIVE")
    if possessive:
        out["Person[psor]"] = possessive[:1]
        if possessive[1:2] in ("s", "p"):
            out["Number[psor]"] = "Sing" if possessive[1] == "s" else "Plur"
    return "|".join(f"{k}={v}" for k, v in sorted(out.items(), key=lambda kv: kv[0].lower()))
