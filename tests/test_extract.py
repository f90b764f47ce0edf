"""Responsibility extraction: accuracy against the gold files, span invariants, and one
named test per construction of the genre."""

from __future__ import annotations

import json

import pytest
import regex

from pipeline.document import extract_document
from pipeline.scoring import score
from tests.conftest import DATA, SEED
from tests.typeset import markup_to_text

DOCS = sorted(p.stem for p in (DATA / "docs").glob("*.md"))


def _extract_text(text: str, name: str = "t.txt"):
    return extract_document(name, text.encode("utf-8"))


@pytest.fixture(scope="session")
def test_docs():
    return {
        stem: extract_document(f"{stem}.txt", markup_to_text(DATA / "docs" / f"{stem}.md").encode())
        for stem in DOCS
    }


def _gold(stem: str) -> dict:
    return json.loads((DATA / "gold" / f"{stem}.json").read_text(encoding="utf-8"))


def test_seed_f1(seed_doc):
    s = score(json.loads(seed_doc.model_dump_json()), _gold(SEED.stem))
    assert s.f1 >= 0.95, (s.misses, s.extras)


@pytest.mark.parametrize("stem", DOCS)
def test_test_document_f1(test_docs, stem):
    s = score(json.loads(test_docs[stem].model_dump_json()), _gold(stem))
    assert s.f1 >= 0.9, (s.misses, s.extras)


def test_typeset_pdf_scores_like_its_text(jarvilaakso_doc):
    s = score(json.loads(jarvilaakso_doc.model_dump_json()), _gold("jarvilaakso-2025-2028"))
    assert s.f1 >= 0.9, (s.misses, s.extras)


def test_no_responsibility_from_a_sentence_that_states_none(seed_doc, seed_gold):
    """Every statement comes from a sentence the gold gives an item or an optional item."""
    stating = {item["s"] for item in seed_gold["items"] + seed_gold["optional"]}
    first = seed_doc.sections[0].start
    sentences = sorted({(r.evidence.start, r.evidence.end) for r in seed_doc.responsibilities})
    from pipeline.nlp import analyze_text, load_analyzer

    units = analyze_text(load_analyzer("voikko"), seed_doc.text, seed_doc.blocks)
    body = [(u.start, u.end) for u in units if u.kind == "sentence" and u.start >= first]
    for span in sentences:
        assert body.index(span) + 1 in stating, seed_doc.text[span[0] : span[1]]


def test_spans_hold_for_every_document(seed_doc, test_docs, jarvilaakso_doc):
    for doc in [seed_doc, jarvilaakso_doc, *test_docs.values()]:
        for r in doc.responsibilities:
            assert doc.text[r.task_span.start : r.task_span.end] == r.task
            assert r.evidence.start <= r.task_span.start <= r.task_span.end <= r.evidence.end
            assert r.evidence.pages and all(1 <= p <= doc.source.pages for p in r.evidence.pages)
            assert all(a in {x.id for x in doc.actors} for a in r.actors + r.co_actors)


def test_ids_are_unique_and_stable(seed_doc):
    ids = [r.id for r in seed_doc.responsibilities]
    assert len(ids) == len(set(ids))
    again = extract_document(str(SEED))
    assert [r.id for r in again.responsibilities] == ids


def _one(doc, task_word: str):
    matches = [r for r in doc.responsibilities if task_word in r.task.split()]
    assert len(matches) == 1, [(r.relation, r.task) for r in doc.responsibilities]
    return matches[0]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        pytest.param("Kunta vastaa neuvonnasta.", "neuvonnasta",
                     {"actors": ["kunta"], "relation": "vastata", "modality": "responsible"}, id="subject-verb-elative"),
        pytest.param("Arvioinnista vastaa työ- ja elinkeinoministeriö.", "Arvioinnista",
                     {"actors": ["tem"], "relation": "vastata"}, id="object-first"),
        pytest.param("Kunta ei vastaa oleskeluluvista.", "oleskeluluvista",
                     {"actors": ["kunta"], "negated": True}, id="negation"),
        pytest.param("Hyvinvointialue voi tarjota psykososiaalista tukea.", "tukea",
                     {"actors": ["hyvinvointialue"], "relation": "tarjota", "modality": "permission"}, id="permission"),
        pytest.param("Kuntien tehtävänä on edistää yhdenvertaisuutta.", "yhdenvertaisuutta",
                     {"actors": ["kunta"], "relation": "edistää"}, id="tehtavana-on-infinitive"),
        pytest.param("ELY-keskusten tehtäviin kuuluu kuntien neuvonta.", "neuvonta",
                     {"actors": ["ely"], "relation": "tehtävä", "modality": "task"}, id="tehtaviin-kuuluu"),
        pytest.param("Kunnalla on vastuu kotoutumisen edistämisestä.", "edistämisestä",
                     {"actors": ["kunta"], "relation": "vastuu", "modality": "responsible"}, id="llä-on-vastuu"),
        pytest.param("Vastaamme kotoutumisohjelman laatimisesta.", "laatimisesta",
                     {"actors": ["kunta"], "actor_source": "first_person"}, id="first-person"),
        pytest.param("Kela maksaa etuudet. Se myös ratkaisee oikeuden sosiaaliturvaan.", "oikeuden",
                     {"actors": ["kela"], "actor_source": "anaphora"}, id="pronoun-anaphora"),
        pytest.param("Kunta vastaa seurannasta yhteistyössä TE-toimiston kanssa.", "seurannasta",
                     {"co_actors": ["te"]}, id="co-actor"),
        pytest.param("Järvilaakson kotoutumiskeskus vastaa työnhakijoiden palveluista.", "palveluista",
                     {"actors": ["jarvilaakson-kotoutumiskeskus"], "actor_source": "subject"}, id="actor-the-registry-does-not-know"),
        pytest.param("Kunnan tehtävänä on:\n\n• järjestää neuvontaa", "neuvontaa",
                     {"actors": ["kunta"], "relation": "järjestää", "actor_source": "lead_in"}, id="lead-in-list"),
        pytest.param("Kotoutumisen edistämisestä vastaavat:\n\n• kunta", "edistämisestä",
                     {"actors": ["kunta"], "relation": "vastata", "actor_source": "lead_in"}, id="lead-in-whose-items-are-actors"),
        pytest.param("Kaupungin on järjestettävä suomen kielen opetus.", "opetus",
                     {"actors": ["kunta"], "relation": "järjestää", "modality": "obligation"}, id="necessive-duty"),
        pytest.param("Kaupunki vastaa seuraavista tehtävistä:\n\n1) ohjelman valmistelu;", "valmistelu",
                     {"actors": ["kunta"], "relation": "vastata", "actor_source": "lead_in"}, id="cataphoric-lead-in"),
        pytest.param("Elinvoimakeskus ei vastaa hankinnoista, vaan hankinnat tekee työvoimaviranomainen.", "hankinnat",
                     {"actors": ["tyovoimaviranomainen"], "relation": "tehdä", "negated": False}, id="object-first-after-vaan"),
        pytest.param("Kunta on vastuussa kotoutumisen edistämisestä.", "edistämisestä",
                     {"actors": ["kunta"], "relation": "vastuu", "modality": "responsible"}, id="on-vastuussa"),
        pytest.param("Kunnan tehtävät: ohjelman laatiminen ja neuvonta.", "neuvonta",
                     {"actors": ["kunta"], "relation": "tehtävä"}, id="tehtavat-colon"),
        pytest.param("Kunnalla on velvollisuus järjestää alkukartoitus.", "alkukartoitus",
                     {"actors": ["kunta"], "relation": "järjestää", "modality": "obligation"}, id="velvollisuus-infinitive"),
        pytest.param("Kunta ei voi järjestää koulutusta.", "koulutusta",
                     {"actors": ["kunta"], "modality": "permission", "negated": True}, id="negated-permission"),
        pytest.param("Vastuut\n\nKela: kotoutumistuen maksaminen ja neuvonta.", "neuvonta",
                     {"actors": ["kela"], "relation": "tehtävä"}, id="actor-colon-tasks"),
        pytest.param("Vastuut\n\nKunta\n\n• kotouttamisohjelman laatiminen", "laatiminen",
                     {"actors": ["kunta"], "actor_source": "heading"}, id="task-items-under-an-actor-heading"),
        pytest.param("Kela vastaa mm. seuraavista tehtävistä:\n\n- etuuksien maksaminen", "maksaminen",
                     {"actors": ["kela"], "relation": "vastata", "actor_source": "lead_in"}, id="cataphoric-with-adverb"),
        pytest.param("Kunta ei vastaa tuesta, sillä siitä huolehtii Kela.", "siitä",
                     {"actors": ["kela"], "relation": "huolehtia"}, id="silla-clause-object-first"),
        pytest.param("Kansaneläkelaitos (Kela) myöntää perustoimeentulotuen.", "perustoimeentulotuen",
                     {"actors": ["kela"], "relation": "myöntää"}, id="name-with-abbreviation-in-brackets"),
        pytest.param("Kunnan tehtävänä on 1) laatia ohjelma, 2) tehdä alkukartoituksia ja 3) seurata edistymistä.", "alkukartoituksia",
                     {"actors": ["kunta"], "relation": "tehdä"}, id="inline-numbered-infinitives"),
        pytest.param("Pirkanmaan ELY-keskus ja Länsi- ja Sisä-Suomen aluehallintovirasto tekevät yhteistyötä.", "yhteistyötä",
                     {"actors": ["ely", "avi"], "relation": "tehdä yhteistyötä"}, id="coordinated-subjects-with-attributes"),
        pytest.param("Seurakunta ja urheiluseurat tukevat osallisuutta.", "osallisuutta",
                     {"actors": ["seurakunta", "urheiluseura"]}, id="coordinated-unknown-organisations"),
        pytest.param("Kunnille kuuluu myös kotoutumisohjelman seuranta.", "seuranta",
                     {"actors": ["kunta"], "relation": "kuulua"}, id="allative-kuuluu"),
        pytest.param("Pakolaisneuvonta ry antaa neuvontaa turvapaikanhakijoille.", "neuvontaa",
                     {"actors": ["pakolaisneuvonta-ry"]}, id="association-ry"),
        pytest.param("TE-toimisto ei ole vastuussa kuntien peruspalveluista.", "peruspalveluista",
                     {"actors": ["te"], "negated": True}, id="ei-ole-vastuussa"),
        pytest.param("Tulkkauksesta vastaavat kunnan maahanmuuttajapalvelut.", "Tulkkauksesta",
                     {"actors": ["maahanmuuttajapalvelu"], "relation": "vastata"}, id="object-first-unknown-organisation"),
        pytest.param("Vastuu turvapaikanhakijoiden vastaanotosta on Maahanmuuttovirastolla.", "vastaanotosta",
                     {"actors": ["migri"], "relation": "vastuu", "modality": "responsible"}, id="vastuu-on-adessive"),
        pytest.param("Psykososiaalinen tuki kuuluu hyvinvointialueen tehtäviin.", "tuki",
                     {"actors": ["hyvinvointialue"], "relation": "kuulua"}, id="task-kuuluu-owners-tasks"),
        pytest.param("Kotoutumiskoulutus ei kuulu hyvinvointialueelle.", "Kotoutumiskoulutus",
                     {"actors": ["hyvinvointialue"], "negated": True}, id="task-ei-kuulu-allative"),
        pytest.param("Kunnan tehtävänä ei ole järjestää palveluja.", "palveluja",
                     {"actors": ["kunta"], "relation": "järjestää", "negated": True}, id="tehtavana-ei-ole-infinitive"),
        pytest.param("Kunnan on laadittava ohjelma ja tarkistettava sitä.", "sitä",
                     {"actors": ["kunta"], "relation": "tarkistaa", "modality": "obligation"}, id="coordinated-duties"),
        pytest.param("Kunnat järjestävät kotoutumiskoulutusta sekä opiskelun tukea.", "tukea",
                     {"actors": ["kunta"], "relation": "järjestää"}, id="genitive-then-noun-not-infinitive"),
        pytest.param("Järjestöt ja seurakunnat järjestävät kielikahviloita.", "kielikahviloita",
                     {"actors": ["jarjestot", "seurakunta"]}, id="registry-actor-then-unknown-organisation"),
        pytest.param("Kunnat kuuluvat työllisyysalueelle.", None, None, id="an-actor-belonging-states-no-task"),
        pytest.param("Keski-Kivikosken ELY-keskus:\n\n- neuvoo kuntia", "kuntia",
                     {"actors": ["ely"], "relation": "neuvoa", "actor_source": "lead_in"}, id="actor-with-a-place-as-lead-in"),
        pytest.param("Vastuut\n\nELY-keskus\n\nSe ohjaa.\n- tekee sopimukset", "sopimukset",
                     {"actors": ["ely"], "actor_source": "heading"}, id="item-verb-first-nominative-object"),
        pytest.param("Vastuut\n\nKunta\n\nKotoutumista edistävät monet toimijat.", None, None,
                     id="subject-after-a-fronted-complement-is-no-heading-actor"),
        pytest.param("Edustustot ottavat vastaan oleskelulupahakemuksia.", "oleskelulupahakemuksia",
                     {"actors": ["edustustot"], "relation": "ottaa vastaan"}, id="particle-verb"),
        pytest.param("Kelan tulee myös tiedottaa palveluistaan.", "palveluistaan",
                     {"actors": ["kela"], "modality": "obligation", "actor_source": "subject"}, id="necessive-modal-genitive-subject"),
        pytest.param("Asuntojen hankinnasta huolehtii kaupungin vuokrataloyhtiö.", "hankinnasta",
                     {"actors": ["vuokrataloyhtio"]}, id="company-after-the-verb"),
        pytest.param("Asiasta vastaa lautakunta, joka nimeää vastuuhenkilön.", "vastuuhenkilön",
                     {"actors": ["lautakunta"], "actor_source": "relative"}, id="relative-after-an-unknown-organisation"),
        pytest.param("ELY-keskus, jonka tehtäviin kuuluu ohjelman valmistelu, koordinoi myös ohjautumista.", "ohjautumista",
                     {"actors": ["ely"], "relation": "koordinoida"}, id="main-clause-resumed-after-a-relative"),
        pytest.param("ELY-keskus, jonka tehtäviin kuuluu ohjelman valmistelu, koordinoi myös ohjautumista.", "valmistelu",
                     {"actors": ["ely"], "task": "ohjelman valmistelu"}, id="relative-nominal-ends-with-its-clause"),
        pytest.param("Kotoutujalla on oikeus saada tietoa, mutta myös velvollisuus osallistua palveluihin.", "palveluihin",
                     {"actors": ["maahanmuuttaja"], "relation": "osallistua", "modality": "obligation"}, id="coordinated-velvollisuus"),
        pytest.param("Kunnassa kotouttamistyöstä vastaa sivistyslautakunta.", "kotouttamistyöstä",
                     {"actors": ["sivistyslautakunta"], "task": "kotouttamistyöstä"}, id="fronted-place-is-no-task"),
        pytest.param("Kunta järjestää yhdessä järjestöjen kanssa tapahtumia.", "tapahtumia",
                     {"task": "tapahtumia", "co_actors": ["jarjestot"]}, id="co-actor-before-the-object"),
        pytest.param("Kunta järjestää tapahtumia, joissa asukkaat voivat tutustua toisiinsa.", "toisiinsa", None,
                     id="relative-in-another-case-is-no-subject"),
        pytest.param("Alkukartoitukset tehdään TE-toimiston toimesta.", "Alkukartoitukset",
                     {"actors": ["te"], "relation": "tehdä", "task": "Alkukartoitukset"}, id="passive-with-toimesta-agent"),
        pytest.param("Ohjausta annetaan kunnan ja seurakunnan toimesta.", "Ohjausta",
                     {"actors": ["kunta", "seurakunta"]}, id="passive-with-coordinated-agents"),
        pytest.param("Kunta vastaa neuvonnasta, ja opetuksesta huolehtii oppilaitos.", "neuvonnasta",
                     {"actors": ["kunta"], "task": "neuvonnasta"}, id="comma-ja-opens-a-clause"),
        pytest.param("Kunnan on huolehdittava siitä, että palvelut ovat maahanmuuttajien saatavilla.", "saatavilla",
                     {"actors": ["kunta"], "relation": "huolehtia"}, id="adessive-participle-is-no-duty"),
        pytest.param("Kunta on velvollinen järjestämään alkukartoituksen.", "alkukartoituksen",
                     {"actors": ["kunta"], "relation": "järjestää", "modality": "obligation"}, id="velvollinen-illative-infinitive"),
        pytest.param("Kunnat ovat velvollisia laatimaan ohjelman ja seuraamaan sen toteutumista.", "toteutumista",
                     {"actors": ["kunta"], "relation": "seurata", "modality": "obligation"}, id="velvollisia-coordinated"),
        pytest.param("Kunta ei ole velvollinen järjestämään tulkkausta.", "tulkkausta",
                     {"negated": True, "modality": "obligation"}, id="ei-ole-velvollinen"),
        pytest.param("Kunnan roolina on koordinoida palveluja.", "palveluja",
                     {"actors": ["kunta"], "relation": "koordinoida"}, id="roolina-on"),
        pytest.param("Kunnan vastuulle kuuluu ohjelman laatiminen.", "laatiminen",
                     {"actors": ["kunta"], "relation": "vastuu", "modality": "responsible"}, id="vastuulle-kuuluu"),
        pytest.param("Vastuut\n\nKaupunki\n\nKaupungin kirjasto:\n\n• lainaa aineistoa", "aineistoa",
                     {"actors": ["kaupungin-kirjasto"], "actor_source": "lead_in"}, id="unknown-organisation-as-lead-in"),
        pytest.param("Hyvinvointialueen vastuulla on alaikäisten tuki.", "tuki",
                     {"actors": ["hyvinvointialue"], "relation": "vastuu"}, id="genitive-then-tuki-is-a-noun"),
        pytest.param("Sisäministeriön toimialaan kuuluvat turvapaikkapolitiikka ja ulkomaalaisasiat.", "ulkomaalaisasiat",
                     {"actors": ["sm"], "relation": "toimiala"}, id="toimialaan-kuuluu"),
        pytest.param("Kotoutumisen edistäminen on kunnan yleinen tehtävä.", "edistäminen",
                     {"actors": ["kunta"], "relation": "tehtävä", "task": "Kotoutumisen edistäminen"}, id="task-on-owners-tehtava"),
        pytest.param("Tulkkaus ei ole kunnan tehtävä.", "Tulkkaus",
                     {"actors": ["kunta"], "negated": True, "task": "Tulkkaus"}, id="task-ei-ole-owners-tehtava"),
        pytest.param("Kotoutujan tulee aktiivisesti osallistua koulutukseen.", "koulutukseen",
                     {"actors": ["maahanmuuttaja"], "modality": "obligation"}, id="adverb-in-sti-between-modal-and-infinitive"),
        pytest.param("Palvelukokonaisuudesta vastaa kaupungin työllisyys- ja kotoutumispalvelut.", "Palvelukokonaisuudesta",
                     {"actors": ["kotoutumispalvelu"]}, id="suspended-hyphen-in-a-subject-after-the-verb"),
        pytest.param("Kunnan on kerrottava asukkaille, että palvelut muuttuvat.", "asukkaille,",
                     {"actors": ["kunta"], "relation": "kertoa", "task": "asukkaille, että palvelut muuttuvat"}, id="recipient-then-clause"),
        pytest.param("Tulkkauksen järjestäminen on hyvinvointialueen vastuulla.", "järjestäminen",
                     {"actors": ["hyvinvointialue"], "relation": "vastuu", "task": "Tulkkauksen järjestäminen"}, id="task-on-owners-vastuulla"),
        pytest.param("Kela, Migri ja poliisi vaihtavat tietoja.", "tietoja",
                     {"actors": ["kela", "migri", "poliisi"]}, id="a-name-voikko-does-not-know-as-subject"),
        pytest.param("Migrin tehtävänä on myöntää oleskeluluvat.", "oleskeluluvat",
                     {"actors": ["migri"]}, id="an-inflected-name-voikko-does-not-know"),
        pytest.param("Kotoutujalta edellytetään aktiivisuutta ja sitoutumista.", "sitoutumista",
                     {"actors": ["maahanmuuttaja"], "relation": "edellyttää", "modality": "obligation"}, id="demanded-of-an-ablative-actor"),
        pytest.param("Kotoutuminen edellyttää kielitaitoa.", None, None, id="edellyttaa-with-a-non-actor-states-nothing"),
        pytest.param("Työnantajat vastaavat työntekijöidensä perehdyttämisestä.", "perehdyttämisestä",
                     {"actors": ["tyonantaja"], "actor_source": "subject"}, id="employers-as-actors"),
        pytest.param("Ohjelma laaditaan neljäksi vuodeksi.", None, None, id="passive-states-no-responsibility"),
        pytest.param("Järjestää kotoutumispalvelut.", None, None, id="verb-first-nominative-is-no-subject"),
    ],
)  # fmt: skip
def test_construction(text, word, expected):
    doc = _extract_text(text)
    if word is None:
        assert doc.responsibilities == []
        return
    if expected is None:  # this word is in no task
        assert not [r for r in doc.responsibilities if word in r.task.split()]
        return
    r = _one(doc, word)
    for key, value in expected.items():
        assert getattr(r, key) == value, (key, getattr(r, key))


def test_unknown_actor_is_listed_as_unknown():
    doc = _extract_text("Järvilaakson kotoutumiskeskus vastaa työnhakijoiden palveluista.")
    actor = next(a for a in doc.actors if a.id == "jarvilaakson-kotoutumiskeskus")
    assert actor.known is False and actor.name == "Järvilaakson kotoutumiskeskus"


def test_a_registry_type_with_a_place_name_is_the_registry_actor():
    doc = _extract_text("Keski-Pohjanmaan työllisyysalue vastaa työnhakijoiden palveluista.")
    assert _one(doc, "palveluista").actors == ["tyollisyysalue"]


def test_heading_stands_in_for_a_missing_subject():
    doc = _extract_text("Toimijat ja vastuut\n\nKunta\n\nTehtävänä on järjestää neuvontaa.")
    r = _one(doc, "neuvontaa")
    assert r.actors == ["kunta"] and r.actor_source == "heading"


def test_a_heading_naming_an_unknown_organisation_stands_for_it():
    doc = _extract_text(
        "Vastuunjako\n\nSivistystoimi\n\n• valmistavan opetuksen järjestäminen\n\n"
        "Kaupungin maahanmuuttajapalvelut\n\n• alkuvaiheen ohjaus"
    )
    assert [(s.heading, s.actors) for s in doc.sections] == [
        ("Sivistystoimi", ["sivistystoimi"]),
        ("Kaupungin maahanmuuttajapalvelut", ["kaupungin-maahanmuuttajapalvelu"]),
    ]
    assert [(r.actors, r.actor_source) for r in doc.responsibilities] == [
        (["sivistystoimi"], "heading"),
        (["kaupungin-maahanmuuttajapalvelu"], "heading"),
    ]
    unknown = {a.id: a.known for a in doc.actors}
    assert unknown["sivistystoimi"] is False
    # the same words as a subject are the same actor
    same = _extract_text("Kaupungin maahanmuuttajapalvelut vastaavat ohjauksesta.")
    assert same.responsibilities[0].actors == ["kaupungin-maahanmuuttajapalvelu"]


def test_a_generic_heading_names_no_organisation():
    doc = _extract_text("Vastuunjako\n\nAlueelliset viranomaiset\n\n• ohjauksen järjestäminen")
    assert [s.actors for s in doc.sections] == [["viranomaiset"]]  # the registry's generic


def test_coordinated_genitive_attributes_stay_one_task():
    doc = _extract_text(
        "Maahanmuuttovirasto vastaa oleskelulupien ja kansalaisuuden myöntämisestä."
    )
    assert [r.task for r in doc.responsibilities] == [
        "oleskelulupien ja kansalaisuuden myöntämisestä"
    ]


@pytest.mark.parametrize(
    ("text", "tasks"),
    [
        ("Kunta vastaa sekä alkukartoituksesta että kotoutumissuunnitelman laatimisesta.",
         ["alkukartoituksesta", "kotoutumissuunnitelman laatimisesta"]),
        ("Kunta järjestää niin suomen kielen opetusta kuin ohjausta.",
         ["suomen kielen opetusta", "ohjausta"]),
        ("Kunta vastaa joko ohjauksesta tai neuvonnasta.", ["ohjauksesta", "neuvonnasta"]),
    ],
)  # fmt: skip
def test_correlative_coordination_splits_the_task(text, tasks):
    assert [r.task for r in _extract_text(text).responsibilities] == tasks


def test_comma_coordinated_verbs_share_the_last_verbs_complement():
    doc = _extract_text("ELY-keskus ohjaa, valvoo ja kehittää kotouttamista alueellaan.")
    assert [(r.relation, r.task) for r in doc.responsibilities] == [
        (verb, "kotouttamista alueellaan") for verb in ("ohjata", "valvoa", "kehittää")
    ]


def test_suspended_hyphen_coordination_stays_one_task():
    doc = _extract_text("Kunta vastaa työvoima- ja yrityspalveluista.")
    assert [r.task for r in doc.responsibilities] == ["työvoima- ja yrityspalveluista"]


@pytest.mark.parametrize("stem", DOCS)
def test_typeset_document_scores_like_its_text(tmp_path, stem):
    """Each test document typeset narrow and short (many hyphenated line ends, sentences
    across page breaks, headers and page numbers) extracts as well as its text."""
    from tests.typeset import read_markup, typeset_pdf

    pdf = typeset_pdf(
        tmp_path / f"{stem}.pdf",
        read_markup(DATA / "docs" / f"{stem}.md"),
        header=stem,
        page_height=500,
        measure=300,
    )
    doc = extract_document(str(pdf))
    assert doc.source.pages >= 2
    s = score(json.loads(doc.model_dump_json()), _gold(stem))
    assert s.f1 >= 0.9, (s.misses, s.extras)
    for r in doc.responsibilities:
        assert doc.text[r.task_span.start : r.task_span.end] == r.task


def test_libreoffice_pdf_with_real_finnish_hyphenation():
    """A PDF typeset by LibreOffice with libreoffice-voikko (justified, hyphenated, a
    running header repeating the title, page numbers): tests/data/pdf/make_libreoffice_pdf.py."""
    doc = extract_document(str(DATA / "pdf" / "pohjoisranta-2025-2028-libreoffice.pdf"))
    assert doc.document.title == "Pohjoisrannan kotoutumisohjelma 2025–2028"
    assert len(doc.furniture) == 2 * doc.source.pages
    assert "osassa kerrotaan" in doc.text and "ohjelmakauden" in doc.text
    assert all(r.kind == "join_hyphenated" for r in doc.repairs) and doc.warnings == []
    s = score(json.loads(doc.model_dump_json()), _gold("pohjoisranta-2025-2028"))
    assert s.f1 >= 0.9, (s.misses, s.extras)


@pytest.mark.parametrize("path", sorted((DATA / "text").glob("*.txt")), ids=lambda p: p.stem)
def test_extracted_text_document(path):
    """Test documents as a PDF text extractor leaves them (like the seed): every line followed
    by a blank line, words glued across lost line breaks, line-end hyphens, and page breaks
    as runs of blank lines around a page number."""
    doc = extract_document(str(path))
    s = score(json.loads(doc.model_dump_json()), _gold(path.stem))
    assert s.f1 >= 0.9, (s.misses, s.extras)
    assert doc.repairs and s.repairs_found == s.repairs_gold
    breaks = len(regex.findall(r"(?:\n[ \t]*){4,}", path.read_text(encoding="utf-8")))
    assert len(doc.pages) == breaks + 1  # each page break seen
    assert not regex.search(r"(?m)^\s*\d{1,3}\s*$", doc.text)  # and page numbers removed
