"""Lexical knowledge the extraction needs: what case a predicate governs, what
modality it expresses, and the word classes of the genre (organisation nouns,
person groups, scope words).

Finnish marks a complement by case: `vastata` takes the elative (`vastaa
neuvonnasta`), `osallistua` the illative, a transitive verb a partitive,
genitive (accusative) or nominative object. Coordinated complements are split
where their heads carry that case; coordination inside a complement (genitive
attributes, suspended-hyphen compounds) is not.
"""

from __future__ import annotations

OBJECT = frozenset({"Par", "Gen", "Nom"})

# Verbs whose complement is not a direct object.
_GOVERNS: dict[str, frozenset[str]] = {
    "vastata": frozenset({"Ela"}),
    "huolehtia": frozenset({"Ela"}),
    "sopia": frozenset({"Ela"}),
    "päättää": frozenset({"Ela"}),
    "neuvotella": frozenset({"Ela"}),
    "raportoida": frozenset({"Ela"}),
    "tiedottaa": frozenset({"Ela"}),
    "ilmoittaa": frozenset({"Ela"}),
    "vastuu": frozenset({"Ela"}),
    "keskustella": frozenset({"Ela"}),
    "osallistua": frozenset({"Ill"}),
    "hakeutua": frozenset({"Ill"}),
    "panostaa": frozenset({"Ill"}),
    "puuttua": frozenset({"Ill"}),
    "vaikuttaa": frozenset({"Ill"}),
    "keskittyä": frozenset({"Ill"}),
    "perehtyä": frozenset({"Ill"}),
    "toimia": frozenset({"Ess", "Ine"}),
    "toimia yhteistyössä": frozenset({"Ine"}),
}

# Relation lemma -> modality.
_MODALITY = {
    "vastata": "responsible",
    "huolehtia": "responsible",
    "koordinoida": "coordinates",
    "yhteensovittaa": "coordinates",
    "sovittaa": "coordinates",
    "ohjata": "steers",
    "tulosohjata": "steers",
    "johtaa": "steers",
    "linjata": "steers",
    "valvoa": "supervises",
    "seurata": "supervises",
    "arvioida": "supervises",
    "tarkastaa": "supervises",
    "kehittää": "develops",
    "suunnitella": "develops",
    "valmistella": "develops",
    "tukea": "supports",
    "neuvoa": "supports",
    "avustaa": "supports",
    "auttaa": "supports",
    "edistää": "supports",
    "osallistua": "participates",
    "tehdä yhteistyötä": "cooperates",
    "toimia yhteistyössä": "cooperates",
    "sopia": "cooperates",
    "rahoittaa": "funds",
    "korvata": "funds",
    "maksaa": "funds",
    "myöntää": "decides",
    "päättää": "decides",
    "ratkaista": "decides",
    "hyväksyä": "decides",
}

# Finite verbs that do not state a responsibility of their subject.
FINITE_EXCLUDED = frozenset(
    {"olla", "tulla", "voida", "pitää", "täytyä", "saattaa", "joutua", "alkaa", "lakkauttaa",
     "tuntua", "näyttää", "sisältää", "perustua", "siirtyä", "muuttua", "kuulua",
     "liittyä", "koskea", "tarkoittaa", "merkitä", "edellyttää", "painottua", "jakautua"}
)  # fmt: skip

# Head nouns of organisations: a nominative subject with one of these as its last part
# is an actor even when the registry does not know it.
ORGANISATION_HEADS = (
    "alue", "keskus", "virasto", "toimisto", "palvelut", "palvelu", "kunta", "kaupunki",
    "yhdistys", "järjestö", "säätiö", "neuvosto", "lautakunta", "toimi", "hallitus",
    "valtuusto", "koordinaattori", "yksikkö", "laitos", "ministeriö", "viranomainen",
    "seurakunta", "oppilaitos", "yhteisö", "työryhmä", "verkosto", "liikelaitos",
    "kirjasto", "koulu", "päiväkoti", "neuvola", "asema", "ohjaamo", "toimiala",
    "palvelualue", "tulosalue", "museo", "opisto", "seura", "yhtiö", "yhtymä", "liitto",
    "konserni", "rahasto", "tiimi", "jaosto", "työnantaja", "yritys",
    # the legal form after an association's or a company's name: `Pakolaisneuvonta ry`
    "ry", "oy", "oyj",
    # services that stand for the unit providing them: `Perusopetus järjestää ...`
    "opetus", "varhaiskasvatus", "nuorisotyö", "sosiaalityö", "terveydenhuolto",
)  # fmt: skip

# Group nouns that can head an apposition listing actors: `ministeriöt – OKM, ...`.
GROUP_NOUNS = frozenset({"ministeriö", "viranomainen", "toimija", "taho", "virasto", "kunta"})

# Person groups: the head of a target group (`työnhakijana olevien maahanmuuttajien`).
PERSON_GROUPS = (
    "maahanmuuttaja", "kotoutuja", "pakolainen", "turvapaikanhakija", "työnhakija",
    "lapsi", "nuori", "asiakas", "perhe", "nainen", "opiskelija", "oppilas", "henkilö",
    "asukas", "huoltaja", "vanhempi", "ikääntynyt",
)  # fmt: skip

# Words that state where a responsibility applies: `omilla toimialueillaan`.
SCOPE_LEMMAS = frozenset(
    {"alue", "toimialue", "toimiala", "paikallistaso", "valtakunnallisesti", "alueellisesti",
     "seutu", "seutukunta", "kunta-alue"}
)  # fmt: skip

# Words trimmed from the start of a task: they modify the statement, not the task.
TRIM_LEADING = frozenset(
    {"myös", "lisäksi", "kuitenkin", "esimerkiksi", "erityisesti", "etenkin", "mm.", "muun",
     "osaltaan", "ensisijaisesti", "edelleen", "yhdessä", "esim.", "itse", "keskenään"}
)  # fmt: skip


# Verbs whose sense needs their particle: `ottaa vastaan` (receive) is not `ottaa` (take).
PARTICLE_VERBS = frozenset(
    {("ottaa", "vastaan"), ("ottaa", "huomioon"), ("ottaa", "käyttöön"), ("ottaa", "mukaan"),
     ("panna", "täytäntöön"), ("pitää", "yllä"), ("saattaa", "voimaan"), ("tuoda", "esiin"),
     ("tuoda", "esille"), ("ottaa", "esille"), ("viedä", "eteenpäin"), ("panna", "toimeen")}
)  # fmt: skip


def governed_cases(relation: str) -> frozenset[str]:
    """The cases of a predicate's complement heads (a direct object by default)."""
    return _GOVERNS.get(relation, OBJECT)


def modality_of(relation: str, default: str) -> str:
    return _MODALITY.get(relation, default)
