"""The NLP layer on the seed: sentence boundaries, tokens, lemmas and cases."""

from __future__ import annotations

import csv
from collections import Counter

import pytest

from pipeline.nlp import analyze_text, load_analyzer
from pipeline.nlp.segment import BlockSpan, split_sentences, tokenize
from tests.conftest import DATA

# Every sentence of the seed after the first section heading: its first and last words.
SEED_SENTENCES = [
    ("Valtakunnallista", "kotouttamisohjelmalla."),
    ("Valtion", "työtä."),
    ("Ohjelma", "rajoissa."),
    ("Ohjelman", "elinkeinoministeriö."),
    ("Vuosille", "valmisteluun."),
    ("Kotouttamispolitiikan", "elinkeinoministeriö."),
    ("Kotouttamisen", "kehittämiseksi."),
    ("Työ-", "tehtävissä."),
    ("Työ-", "lainsäädännöstä."),
    ("Sisäministeriö", "kokonaisuudesta."),
    ("Sisäministeriö", "maahanmuuttoasioissa."),
    ("Sisäministeriö", "Maahanmuuttovirastoa."),
    ("Maahanmuuttovirasto", "karkottamisesta."),
    ("Ulkoministeriö", "viisumipolitiikasta."),
    ("Suomen", "oleskelulupahakemuksia."),
    ("Opetus-", "asioista."),
    ("Opetushallitus", "tunnustamisesta."),
    ("Sosiaali-", "kysymyksistä."),
    ("Oikeusministeriö", "lainsäädännöstä."),
    ("Yhdenvertaisuusvaltuutettu", "syrjintään."),
    ("Elinkeino-,", "toimialueillaan."),
    ("ELY-keskukset", "toimeenpanosta."),
    ("ELY-keskukset", "valvonnasta."),
    ("ELY-keskusten", "valvonta."),
    ("ELY-keskukset", "toteuttamista."),
    ("Lisäksi", "edistäminen."),
    ("Aluehallintovirastot", "asioissa."),
    ("Aluehallintovirastojen", "arvioitaessa."),
    ("Aluehallintovirastot", "kanssa."),
    ("Työ-", "maahanmuuttajille."),
    ("Erityisinä", "ohjaamisesta."),
    ("TE-toimisto", "kanssa."),
    ("Kunnat", "kanssa."),
    ("Kuntien", "toteuttamisessa."),
    ("Kuntien", "kotouttamisosaamisesta."),
    ("Lisäksi", "välillä."),
    ("Kunnat", "maahanmuuttajille."),
    ("Viranomaisten", "järjestämisestä."),
    ("Maahanmuuttajalla", "kotoutumisprosessissaan."),
    ("Kotoutumispalveluita", "toimenpiteisiin."),
    ("Kotoutujan", "roolissa."),
]


@pytest.fixture(scope="session")
def voikko():
    return load_analyzer("voikko")


@pytest.fixture(scope="session")
def seed_sentences(seed_doc, voikko):
    blocks = [BlockSpan(b.kind, b.start, b.end) for b in seed_doc.blocks]
    return analyze_text(voikko, seed_doc.text, blocks)


def _body(seed_doc, sentences):
    first = seed_doc.sections[0].start
    return [s for s in sentences if s.kind == "sentence" and s.start >= first]


def test_seed_sentence_boundaries(seed_doc, seed_sentences):
    body = _body(seed_doc, seed_sentences)
    got = [
        (s.text_of(seed_doc.text).split()[0], s.text_of(seed_doc.text).split()[-1]) for s in body
    ]
    assert got == SEED_SENTENCES


def test_seed_headings_are_units(seed_doc, seed_sentences):
    headings = [s.text_of(seed_doc.text) for s in seed_sentences if s.kind == "heading"]
    assert headings == [
        "Liite 6. Kotouttamisen vastuunjako",
        *(s.heading for s in seed_doc.sections),
    ]


def test_token_offsets_point_into_the_text(seed_doc, seed_sentences):
    for sentence in seed_sentences:
        for tok in sentence.tokens:
            assert seed_doc.text[tok.start : tok.end] == tok.text


def test_seed_lemmas_and_cases(seed_doc, seed_sentences):
    """At least 97 % of the hand-made table right (lemma case-insensitively, and case)."""
    body = _body(seed_doc, seed_sentences)
    with open(DATA / "seed_lemmas.tsv", encoding="utf-8") as f:
        rows = list(
            csv.DictReader((line for line in f if not line.startswith("#")), delimiter="\t")
        )
    assert len(rows) >= 150
    wrong = []
    for row in rows:
        sentence = body[int(row["s"]) - 1]
        word, _, nth = row["token"].partition("#")
        matches = [t for t in sentence.tokens if t.text == word]
        assert len(matches) >= int(nth or 1), f"{word!r} not in sentence {row['s']}"
        tok = matches[int(nth or 1) - 1]
        case = tok.feat("Case") or "-"
        if tok.lemma.lower() != row["lemma"].lower() or case != row["case"]:
            wrong.append((row["s"], word, tok.lemma, case, row["lemma"], row["case"]))
    accuracy = 1 - len(wrong) / len(rows)
    assert accuracy >= 0.97, wrong


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        pytest.param(
            "ELY-keskus ja TE-toimisto",
            ["ELY-keskus", "ja", "TE-toimisto"],
            id="abbreviation-compounds",
        ),
        pytest.param("EU-kansalaisten asiat", ["EU-kansalaisten", "asiat"], id="EU-kansalaisten"),
        pytest.param(
            "työ- ja elinkeinoministeriö",
            ["työ-", "ja", "elinkeinoministeriö"],
            id="suspended-hyphen",
        ),
        pytest.param(
            "Elinkeino-, liikenne- ja",
            ["Elinkeino-", ",", "liikenne-", "ja"],
            id="suspended-before-comma",
        ),
        pytest.param(
            "lain (1386/2010) § 35 mukaan",
            ["lain", "(", "1386/2010", ")", "§", "35", "mukaan"],
            id="law-reference",
        ),
        pytest.param(
            "esim. kunta, mm. TEM:n", ["esim.", "kunta", ",", "mm.", "TEM:n"], id="abbreviations"
        ),
        pytest.param("9. päivänä 14.6.2022", ["9.", "päivänä", "14.6.2022"], id="ordinal-and-date"),
        pytest.param(
            "ks. https://esimerkki.fi/a.", ["ks.", "https://esimerkki.fi/a", "."], id="url"
        ),
        pytest.param("info@esimerkki.fi", ["info@esimerkki.fi"], id="email"),
    ],
)
def test_tokenize(text, tokens):
    assert [t.text for t in tokenize(text)] == tokens


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param("Kunta vastaa esim. neuvonnasta. Kela maksaa.", 2, id="esim-does-not-end"),
        pytest.param("Tehtäviä ovat mm. Kelan asiat. Kunta vastaa.", 2, id="mm-before-a-name"),
        pytest.param("Kunta vastaa 9. päivänä. Kela maksaa.", 2, id="ordinal"),
        pytest.param("Palvelut, koulutus jne. Kunta vastaa niistä.", 2, id="jne-ends"),
        pytest.param("Laki (1386/2010) tuli voimaan. Se muuttui 2025.", 2, id="law-reference"),
        pytest.param("Kunta vastaa neuvonnasta ks. s. 5. Kela maksaa.", 2, id="ks-and-s"),
    ],
)
def test_split_sentences_in_a_paragraph(text, sentences):
    units = split_sentences(text, [BlockSpan("paragraph", 0, len(text))])
    assert len(units) == sentences


def test_list_items_point_to_their_lead_in():
    text = "Kunta vastaa:\n\n• neuvonnasta\n\n• ohjauksesta"
    blocks = [BlockSpan("paragraph", 0, 13), BlockSpan("item", 15, 28), BlockSpan("item", 30, 44)]
    units = split_sentences(text, blocks)
    assert [u.kind for u in units] == ["sentence", "item", "item"]
    assert [u.lead_in for u in units] == [None, 0, 0]


@pytest.mark.parametrize(
    ("sentence", "word", "lemma", "upos", "feature"),
    [
        pytest.param(
            "Kunta vastaa neuvonnasta.",
            "vastaa",
            "vastata",
            "VERB",
            "VerbForm=Fin",
            id="vastaa-after-subject",
        ),
        pytest.param(
            "Arvioinnista vastaa ministeriö.",
            "vastaa",
            "vastata",
            "VERB",
            "VerbForm=Fin",
            id="vastaa-object-first",
        ),
        pytest.param(
            "Kuntien tehtävänä on tukea asukkaita.",
            "tehtävänä",
            "tehtävä",
            "NOUN",
            "Case=Ess",
            id="tehtavana-noun",
        ),
        pytest.param(
            "Kuntien tehtävänä on tukea asukkaita.",
            "tukea",
            "tukea",
            "VERB",
            "InfForm=1",
            id="tukea-infinitive",
        ),
        pytest.param(
            "Kunta järjestää opiskelun tukea.",
            "tukea",
            "tuki",
            "NOUN",
            "Case=Par",
            id="genitive-then-noun-not-infinitive",
        ),
        pytest.param(
            "Alaikäisten tuki on tärkeää.",
            "tuki",
            "tuki",
            "NOUN",
            "Case=Nom",
            id="genitive-then-noun-not-finite-verb",
        ),
        pytest.param(
            "Asia kuuluu KEHAlle.",
            "KEHAlle",
            "KEHA",
            "PROPN",
            "Case=All",
            id="unknown-name-by-its-case-ending",
        ),
        pytest.param(
            "Kunta tukee erityisesti nuoria.",
            "erityisesti",
            "erityisesti",
            "ADV",
            "Degree=Pos",
            id="adverb-in-sti-is-its-own-lemma",
        ),
        pytest.param(
            "Kela tuki perheitä.",
            "tuki",
            "tukea",
            "VERB",
            "Tense=Past",
            id="nominative-then-finite-verb",
        ),
        pytest.param(
            "Tehtävänä ei ole järjestää palveluja.",
            "järjestää",
            "järjestää",
            "VERB",
            "InfForm=1",
            id="infinitive-after-the-connegative",
        ),
        pytest.param(
            "Virasto ohjaa ja kehittää toimintaa.",
            "ohjaa",
            "ohjata",
            "VERB",
            "VerbForm=Fin",
            id="coordinated-verbs",
        ),
        pytest.param(
            "TE-toimistojen tehtävät siirtyivät.",
            "TE-toimistojen",
            "TE-toimisto",
            "NOUN",
            "Case=Gen",
            id="unknown-by-last-part",
        ),
        pytest.param(
            "TEM:n tehtävät ovat laajat.", "TEM:n", "TEM", "PROPN", "Case=Gen", id="colon-ending"
        ),
        pytest.param(
            "Kunta ei vastaa siitä.", "ei", "ei", "AUX", "Polarity=Neg", id="negation-verb"
        ),
        pytest.param(
            "Kunta vastaa kotoutumisen kehittämisestä.",
            "kehittämisestä",
            "kehittäminen",
            "NOUN",
            "Case=Ela",
            id="minen-noun",
        ),
    ],
)
def test_disambiguation(voikko, sentence, word, lemma, upos, feature):
    units = split_sentences(sentence, [BlockSpan("paragraph", 0, len(sentence))])
    (analysed,) = voikko.analyze(sentence, units)
    tok = next(t for t in analysed.tokens if t.text == word)
    assert (tok.lemma, tok.upos) == (lemma, upos)
    assert feature in tok.feats.split("|")


def test_every_seed_token_has_a_part_of_speech(seed_sentences):
    tags = Counter(t.upos for s in seed_sentences for t in s.tokens)
    assert "X" not in tags or tags["X"] <= 2
    assert all(t.head is None and t.deprel is None for s in seed_sentences for t in s.tokens)
