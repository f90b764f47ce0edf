"""The repair stage: one named test per artefact, the seed's gold repairs, and the log."""

from __future__ import annotations

import pytest

from pipeline.ingest import RawDocument, RawLine, RawPage
from pipeline.layout import reflow
from pipeline.repair import repair


def _repair(text: str):
    pages = [RawPage(1, [RawLine(line) for line in text.split("\n")])]
    return repair(reflow(RawDocument("t.txt", "0" * 64, "text", pages)))


CONTEXT = (
    "Kunta vastaa kotoutumisen edistämisestä. ELY-keskus ohjaa kuntia. "
    "Valtion kotouttamisohjelma ohjaa työtä. Edustustot myöntävät viisumeita."
)


@pytest.mark.parametrize(
    ("artefact", "fixed"),
    [
        pytest.param(
            "Edustustot myöntävätviisumeita.",
            "Edustustot myöntävät viisumeita.",
            id="myöntävätviisumeita",
        ),
        pytest.param(
            "Koulutusta eriaikoina.", "Koulutusta eri aikoina.", id="erikoulutusasteilla-kind"
        ),
        pytest.param(
            "Asukkaita koskevistaasioista.",
            "Asukkaita koskevista asioista.",
            id="koskevistaasioista",
        ),
        pytest.param("ELYkeskukset vastaavat.", "ELY-keskukset vastaavat.", id="ELYkeskukset"),
        pytest.param("TEtoimisto ohjaa.", "TE-toimisto ohjaa.", id="TEtoimisto"),
        pytest.param(
            "Laaditaan valtionkotouttamisohjelman pohjalta.",
            "Laaditaan valtion kotouttamisohjelman pohjalta.",
            id="valtionkotouttamisohjelman-by-document-evidence",
        ),
        pytest.param(
            "Kunta vastaa kotoutta-\nmisen tukemisesta.",
            "Kunta vastaa kotouttamisen tukemisesta.",
            id="line-end-hyphen-joined",
        ),
        pytest.param(
            "Kunta ohjaa ELY-\nkeskusten työtä.",
            "Kunta ohjaa ELY-keskusten työtä.",
            id="line-end-hyphen-after-abbreviation-kept",
        ),
        pytest.param(
            "Palvelu on maahanmuuttaja-\nasiakkaille.",
            "Palvelu on maahanmuuttaja-asiakkaille.",
            id="line-end-hyphen-vowel-clash-kept",
        ),
        pytest.param(
            "Palvelu on kotoutu\u00admisen tueksi.",
            "Palvelu on kotoutumisen tueksi.",
            id="soft-hyphen",
        ),
        pytest.param(
            "Kunta tarjoaa ohjausta ja ﬁnanssineuvontaa.",
            "Kunta tarjoaa ohjausta ja finanssineuvontaa.",
            id="ligature",
        ),
        pytest.param(
            "Kunta\u00a0vastaa  neuvonnasta.",
            "Kunta vastaa neuvonnasta.",
            id="nbsp-and-double-space",
        ),
        pytest.param(
            "Kunta laatii kotoutta-missuunnitelman.",
            "Kunta laatii kotouttamissuunnitelman.",
            id="hyphen-left-inside-a-line-by-a-lost-newline",
        ),
        pytest.param(
            "Kunta vastaa sosiaali-ja terveyspalveluista.",
            "Kunta vastaa sosiaali- ja terveyspalveluista.",
            id="suspended-hyphen-lost-its-space",
        ),
        pytest.param(
            "Virasto tukee maahanmuuttajientyöllistymistä.",
            "Virasto tukee maahanmuuttajien työllistymistä.",
            id="genitive-plural-glued-to-its-head",
        ),
        pytest.param(
            "Tuki myönnetään päätöksenperusteella.",
            "Tuki myönnetään päätöksen perusteella.",
            id="genitive-glued-to-a-postposition",
        ),
        pytest.param(
            "Virasto vastaa ohjelmanvalmistelemisesta.",
            "Virasto vastaa ohjelman valmistelemisesta.",
            id="genitive-glued-to-a-verbal-noun",
        ),
        pytest.param(
            "Laki tuli voimaan vuoden 2025alussa.",
            "Laki tuli voimaan vuoden 2025 alussa.",
            id="number-glued-to-a-word",
        ),
        pytest.param(
            "Kunta edustaa Suomea Euroopanunionin asioissa.",
            "Kunta edustaa Suomea Euroopan unionin asioissa.",
            id="name-genitive-glued",
        ),
        pytest.param(
            "Tehtävä on lisäksiELY-keskusten.",
            "Tehtävä on lisäksi ELY-keskusten.",
            id="word-glued-to-an-abbreviation",
        ),
        pytest.param(
            "Palvelu on maahanmuuttajaasiakkaille.",
            "Palvelu on maahanmuuttaja-asiakkaille.",
            id="lost-hyphen-at-a-vowel-clash",
        ),
        pytest.param(
            "Toimisto voiostaa tulkkausta.",
            "Toimisto voi ostaa tulkkausta.",
            id="modal-and-infinitive-after-a-subject",
        ),
        pytest.param(
            "Kela tekee päätöksetperustoimeentulotuesta.",
            "Kela tekee päätökset perustoimeentulotuesta.",
            id="nominative-plural-begins-no-compound",
        ),
        pytest.param(
            "Se järjestää terveyspalvelut jalastensuojelun.",
            "Se järjestää terveyspalvelut ja lastensuojelun.",
            id="conjunction-glued-to-a-word-voikko-reads-as-a-compound",
        ),
        pytest.param(
            "Kela maksaa tukea.Työ- ja elinkeinotoimisto ohjaa.",
            "Kela maksaa tukea. Työ- ja elinkeinotoimisto ohjaa.",
            id="space-lost-after-a-full-stop",
        ),
        pytest.param(
            "Poliisi selvittää matkareitin,myöntää luvat ja ottaa vastaan hakemukset.",
            "Poliisi selvittää matkareitin, myöntää luvat ja ottaa vastaan hakemukset.",
            id="space-lost-after-a-comma",
        ),
        pytest.param(
            "Neuvottelukunta(ETNO)edistää vuoropuhelua.",
            "Neuvottelukunta (ETNO) edistää vuoropuhelua.",
            id="space-lost-around-a-bracket",
        ),
        pytest.param(
            "Lisätietoa kotouttamisasioista.• Kelan sivut",
            "Lisätietoa kotouttamisasioista. • Kelan sivut",
            id="space-lost-before-a-bullet",
        ),
        pytest.param(
            "Laki (1386/2010)sekä asetus 36§, 37 §:n 2 momentti.",
            "Laki (1386/2010) sekä asetus 36 §, 37 §:n 2 momentti.",
            id="space-lost-after-a-law-reference",
        ),
        pytest.param(
            "Ruotsin kielen opetus on tärkeää. Kunta järjestää ruotsinkielen kursseja.",
            "Ruotsin kielen opetus on tärkeää. Kunta järjestää ruotsin kielen kursseja.",
            id="genitive-glued-where-the-document-shows-the-phrase",
        ),
        pytest.param(
            "Kunta toimii yhdessä työ- jaelinkeinotoimiston kanssa.",
            "Kunta toimii yhdessä työ- ja elinkeinotoimiston kanssa.",
            id="conjunction-glued-after-a-suspended-hyphen",
        ),
        pytest.param(
            "Kunta tekee yhteistyötä kuntien kanssakotoutumisen edistämiseksi.",
            "Kunta tekee yhteistyötä kuntien kanssa kotoutumisen edistämiseksi.",
            id="postposition-glued-after-its-genitive",
        ),
        pytest.param(
            "AVI valvoo palveluja. AVIohjaa kuntien toimintaa.",
            "AVI valvoo palveluja. AVI ohjaa kuntien toimintaa.",
            id="abbreviation-glued-to-its-verb",
        ),
        pytest.param(
            "Kunta järjestää muun muassasosiaali- ja terveyspalveluja.",
            "Kunta järjestää muun muassa sosiaali- ja terveyspalveluja.",
            id="word-glued-to-a-suspended-head-voikko-knows",
        ),
        pytest.param(
            "Kunta ja maahanmuuttanut laativat suunnitelman, jota maahanmuuttanut noudattaa. "
            "Kunta ja maahanmuuttanutvoivat sopia sen tarkistamisesta.",
            "Kunta ja maahanmuuttanut laativat suunnitelman, jota maahanmuuttanut noudattaa. "
            "Kunta ja maahanmuuttanut voivat sopia sen tarkistamisesta.",
            id="part-voikko-lacks-that-the-document-uses-as-a-word",
        ),
        pytest.param(
            "Valiokunta antoi mietinnön (HaVM 12/2024vp) keväällä.",
            "Valiokunta antoi mietinnön (HaVM 12/2024 vp) keväällä.",
            id="letters-glued-to-a-reference-year",
        ),
        pytest.param(
            "Eduskunta osallistuu valtioneuvoston antaman selonteonkäsittelyyn.",
            "Eduskunta osallistuu valtioneuvoston antaman selonteon käsittelyyn.",
            id="participle-agrees-with-the-first-part",
        ),
        pytest.param(
            "Tukea saa kotoutumisesta annetun lainmukaisesti.",
            "Tukea saa kotoutumisesta annetun lain mukaisesti.",
            id="participle-agreement-splits-even-a-known-compound",
        ),
        pytest.param(
            "ELY-keskuksella on alueellinen vastuumaahanmuuttoa koskevissa asioissa.",
            "ELY-keskuksella on alueellinen vastuu maahanmuuttoa koskevissa asioissa.",
            id="relational-adjective-agrees-with-the-first-part",
        ),
        pytest.param(
            "Virasto huolehtii kiintiöpakolaistenalkuperehdytyksestä. Alkuperehdytys kestää "
            "viikon, ja kiintiöpakolainen saa tulkin.",
            "Virasto huolehtii kiintiöpakolaisten alkuperehdytyksestä. Alkuperehdytys kestää "
            "viikon, ja kiintiöpakolainen saa tulkin.",
            id="genitive-plural-before-a-rare-word-of-the-document",
        ),
        pytest.param(
            "Keskus kokoaa tiedot alueensakotouttamisohjelmista.",
            "Keskus kokoaa tiedot alueensa kotouttamisohjelmista.",
            id="possessive-suffix-ends-a-word",
        ),
        pytest.param(
            "Nuorisopalveluttavoittavat nuoret.",
            "Nuorisopalvelut tavoittavat nuoret.",
            id="subject-agrees-with-its-verb",
        ),
        pytest.param(
            "Hanketta johtaa TEM. Hanke etenee TEM:njohdolla ja päättyy.",
            "Hanketta johtaa TEM. Hanke etenee TEM:n johdolla ja päättyy.",
            id="word-glued-to-an-abbreviations-case-ending",
        ),
        pytest.param(
            "Uudistukset tulivat KOTO24 -\nuudistusten myötä.",
            "Uudistukset tulivat KOTO24 -uudistusten myötä.",
            id="spaced-hyphen-of-an-abbreviations-compound-at-a-line-end",
        ),
        pytest.param(
            "Palvelut sopivat esim.ohjaukseen ja mm.neuvontaan.",
            "Palvelut sopivat esim. ohjaukseen ja mm. neuvontaan.",
            id="space-lost-after-an-abbreviation",
        ),
        pytest.param(
            "Kunta vastaa palveluista– neuvonta kuuluu sille.",
            "Kunta vastaa palveluista – neuvonta kuuluu sille.",
            id="space-lost-before-a-spaced-dash",
        ),
        pytest.param(
            "Tuki kasvaa vuoden 2025:nalusta.",
            "Tuki kasvaa vuoden 2025:n alusta.",
            id="word-glued-to-a-numbers-case-ending",
        ),
        pytest.param(
            "KOTOUTTAMIS-\nOHJELMA JA ELY-\nKESKUS",
            "KOTOUTTAMISOHJELMA JA ELY-KESKUS",
            id="line-end-hyphen-in-capitals",
        ),
        pytest.param(
            "Tietoa saa oppaasta ⇒www.esimerkki.fi ja sivustolta⇒ kotisuomessa.fi.",
            "Tietoa saa oppaasta ⇒ www.esimerkki.fi ja sivustolta ⇒ kotisuomessa.fi.",
            id="space-lost-beside-an-arrow",
        ),
        pytest.param(
            "Kunta toimii ELYkeskusten kanssa. ELYkeskusten tehtävät kasvavat.",
            "Kunta toimii ELY-keskusten kanssa. ELY-keskusten tehtävät kasvavat.",
            id="abbreviation-glued-twice-is-still-no-word",
        ),
        pytest.param(
            "Kunta vastaa kotoutumisen edistämisestä. Hyvinvointialue osallistuu "
            "kotoutumisenedistämiseen, ja järjestöt tukevat kotoutumisenedistämistä.",
            "Kunta vastaa kotoutumisen edistämisestä. Hyvinvointialue osallistuu "
            "kotoutumisen edistämiseen, ja järjestöt tukevat kotoutumisen edistämistä.",
            id="phrase-glued-twice-is-still-the-documents-phrase",
        ),
        pytest.param(
            "Kunta laatii suunnitelman maahanmuuttaneenkanssa.",
            "Kunta laatii suunnitelman maahanmuuttaneen kanssa.",
            id="postposition-after-a-genitive-voikko-lacks",
        ),
        pytest.param(
            "Kunta tukee työvoimanulkopuolella olevia.",
            "Kunta tukee työvoiman ulkopuolella olevia.",
            id="postposition-glued-to-its-genitive",
        ),
        pytest.param(
            "Laki muuttaa 35 ja36 §:n, 37 §:n momentti,34 § ja 3tai 4 kohtaa.",
            "Laki muuttaa 35 ja 36 §:n, 37 §:n momentti, 34 § ja 3 tai 4 kohtaa.",
            id="short-words-glued-to-numbers",
        ),
        pytest.param(
            "Lain (1386/2010:kotoutumislaki) ja lain järjestämisestä380/2023 mukaan.",
            "Lain (1386/2010: kotoutumislaki) ja lain järjestämisestä 380/2023 mukaan.",
            id="words-glued-to-law-references",
        ),
        pytest.param(
            "Kunta vastaa toiminnan ja taloudensuunnittelusta.",
            "Kunta vastaa toiminnan ja talouden suunnittelusta.",
            id="genitive-coordinated-with-a-genitive",
        ),
        pytest.param(
            "Tukea EIvoi siirtää toiselle.",
            "Tukea EI voi siirtää toiselle.",
            id="word-in-capitals-glued-to-a-verb",
        ),
        pytest.param(
            "Kunta vastaa palveluista –neuvonta kuuluu sille.",
            "Kunta vastaa palveluista – neuvonta kuuluu sille.",
            id="space-lost-after-a-spaced-dash",
        ),
        pytest.param(
            "Tuki päättyy vaiheessa 2viimeisen kuukauden jälkeen. Ryhmä on 5vuotiaille.",
            "Tuki päättyy vaiheessa 2 viimeisen kuukauden jälkeen. Ryhmä on 5-vuotiaille.",
            id="number-glued-to-a-word-or-to-a-bound-part",
        ),
        pytest.param(
            "Uudistettu lakikotoutumisen edistämisestä tuli voimaan.",
            "Uudistettu laki kotoutumisen edistämisestä tuli voimaan.",
            id="sentence-initial-nominative-attribute-agrees-with-the-first-part",
        ),
        pytest.param(
            "Kotoutumiskoulutuksenhankintoihin osallistuu ELY-keskus.",
            "Kotoutumiskoulutuksen hankintoihin osallistuu ELY-keskus.",
            id="genitive-of-an-us-noun-begins-no-compound",
        ),
        pytest.param(
            "Kunta järjestää suomen kielen opetuksen. Lisäksi kunta tukee luku- ja "
            "kirjoitustaidonopetusta.",
            "Kunta järjestää suomen kielen opetuksen. Lisäksi kunta tukee luku- ja "
            "kirjoitustaidon opetusta.",
            id="head-the-document-writes-after-a-genitive",
        ),
        pytest.param(
            "Hyvinvointialue järjestää palvelut. Hyvinvointi-\nalueella on tehtäviä.",
            "Hyvinvointialue järjestää palvelut. Hyvinvointialueella on tehtäviä.",
            id="capitalised-at-a-sentence-start-and-one-word-in-the-document",
        ),
        pytest.param(
            "Kunta antaa tietoa asiaa kos-kevasta päätöksestä. Ministeriö vastaa "
            "kotouttamistakoskevasta lainsäädännöstä.",
            "Kunta antaa tietoa asiaa koskevasta päätöksestä. Ministeriö vastaa "
            "kotouttamista koskevasta lainsäädännöstä.",
            id="a-broken-word-is-no-evidence-nor-a-question-clitic-a-reading",
        ),
        pytest.param(
            'Hanke kulkee nimellä"Yhdessä kotiin" ja "hyvä"käytäntö leviää.',
            'Hanke kulkee nimellä "Yhdessä kotiin" ja "hyvä" käytäntö leviää.',
            id="quotation-marks-paired-in-their-block",
        ),
        pytest.param(
            "Valitse Palvelut -Kotoutuminen sivulta.",
            "Valitse Palvelut - Kotoutuminen sivulta.",
            id="spaced-hyphen-before-a-capitalised-word",
        ),
        pytest.param(
            "Luokka A,kunnat vastaavat. Vaihe 1.Kunta laatii suunnitelman.",
            "Luokka A, kunnat vastaavat. Vaihe 1. Kunta laatii suunnitelman.",
            id="one-character-item-before-a-comma-and-a-number-before-a-sentence",
        ),
        pytest.param(
            "Kunta tekee yhteistyötäKotoilan kanssa.",
            "Kunta tekee yhteistyötä Kotoilan kanssa.",
            id="a-word-then-a-name-voikko-lacks",
        ),
        pytest.param(
            "Kunta ohjaa jakannustaa nuoria. Järjestö ohjaa jakannustaa aikuisia.",
            "Kunta ohjaa ja kannustaa nuoria. Järjestö ohjaa ja kannustaa aikuisia.",
            id="a-conjunction-glued-twice-is-still-glued",
        ),
        pytest.param(
            "Kunta vastaa. Maahan-muuttajat osallistuvat.",
            "Kunta vastaa. Maahanmuuttajat osallistuvat.",
            id="a-common-compound-broken-after-its-capitalised-first-part",
        ),
        pytest.param(
            "Yhteyshenkilö on johtaja,etu.suku@kunta.fi ja ohjeet sivulta,www.kunta.fi/ohje.",
            "Yhteyshenkilö on johtaja, etu.suku@kunta.fi ja ohjeet sivulta, www.kunta.fi/ohje.",
            id="a-space-lost-before-an-address",
        ),
        pytest.param(
            "Vastaa kunta ja/tai TEtoimisto/kunta. Laki (kotoutumislaki).Lain tavoite on selvä.",
            "Vastaa kunta ja/tai TE-toimisto/kunta. Laki (kotoutumislaki). Lain tavoite on selvä.",
            id="words-beside-a-slash-and-a-sentence-after-a-bracket",
        ),
        pytest.param(
            "Asia liittyy AVI:n kanssatehtävään yhteistyöhön.",
            "Asia liittyy AVI:n kanssa tehtävään yhteistyöhön.",
            id="a-postposition-after-an-abbreviation-in-the-genitive",
        ),
        pytest.param(
            "Kotoutumis-koulutus alkaa. Kotoutumiskoulutus on maksuton.",
            "Kotoutumiskoulutus alkaa. Kotoutumiskoulutus on maksuton.",
            id="a-bound-stem-capitalised-is-no-word-before-its-hyphen",
        ),
        pytest.param(
            "Poliisi selvittää turvapaikanhakijanhenkilöllisyyden, ja kuntayhtymänviranomainen "
            "kuulee häntä.",
            "Poliisi selvittää turvapaikanhakijan henkilöllisyyden, ja kuntayhtymän viranomainen "
            "kuulee häntä.",
            id="a-compound-in-the-genitive-is-an-attribute",
        ),
        pytest.param(
            "Lain tarkoituksena on edistäätasa-arvoa.",
            "Lain tarkoituksena on edistää tasa-arvoa.",
            id="a-word-glued-to-a-hyphenated-word",
        ),
        pytest.param(
            "Ohjelman mukaan kaikkimaahanmuuttajat saavat ohjausta.",
            "Ohjelman mukaan kaikki maahanmuuttajat saavat ohjausta.",
            id="a-quantifier-begins-no-compound",
        ),
        pytest.param(
            "Kunta tukee maahanmuuttajia. Ohjaus tehdään yhdessä maahanmuutta-\nneen kanssa.",
            "Kunta tukee maahanmuuttajia. Ohjaus tehdään yhdessä maahanmuuttaneen kanssa.",
            id="a-line-end-hyphen-before-an-ending-the-corpus-lists",
        ),
        pytest.param(
            "Hanke käyttää KOTO rekisteriä. KOTOrekisteri päivitetään.",
            "Hanke käyttää KOTO rekisteriä. KOTO rekisteri päivitetään.",
            id="an-abbreviation-the-document-writes-with-a-space",
        ),
        pytest.param(
            "Laki tuli voimaan 1.1.2025alkaen (KH 12.3.2024 §45). Kunta laatii ohjelman "
            "yhteistyössä järjestöjenkanssa ja toimii yhdessä järjestöjenkanssa.",
            "Laki tuli voimaan 1.1.2025 alkaen (KH 12.3.2024 § 45). Kunta laatii ohjelman "
            "yhteistyössä järjestöjen kanssa ja toimii yhdessä järjestöjen kanssa.",
            id="a-date-a-section-sign-and-a-postposition-glued-twice",
        ),
        pytest.param(
            "Palvelu on maksuton yli 65-\nvuotiaille ja 2020-\nluvulla kaudella 2021-\n2024.",
            "Palvelu on maksuton yli 65-vuotiaille ja 2020-luvulla kaudella 2021-2024.",
            id="a-line-end-hyphen-after-a-number",
        ),
    ],
)
def test_artefact_is_repaired(artefact, fixed):
    result = _repair(f"{CONTEXT}\n\n{artefact}")
    assert result.text == f"{CONTEXT}\n\n{fixed}"


@pytest.mark.parametrize(
    "word",
    [
        "kotouttamisohjelmalla",
        "yhdenvertaisuuslainsäädännön",
        "maahanmuuttaja-asiakkaidensa",
        "yhteensovittaa",
        "Järvilaakson",
        "https://www.esimerkki.fi/kotoutuminen",
        "info@esimerkki.fi",
        "1386/2010",
        "§ 35",
        "TE-toimistojen",
        "työvoima- ja yrityspalveluista",
        "Keski-Pohjanmaan",
        "tulkkauspalveluja",
        "Hyvinvointialue",
        "COVID-19-pandemian",
        "jaostot",
        "taitotaso",
        "kunnat",
        "yhteensovittamisvastuu",
        "poikkihallinnollisessa",
        "Soteuudistuksessa",
        "TEM:n",
        "KOTO24 -uudistusten",
        "www.ely-keskus.fi",
        "Real-media-palvelu",
        "Kela-kortti",
        "Hinta-laatusuhde",
        "table-caption-objekti",
        "Kaudella 2021–2024",
        "kaupunginhallitukselle",
        "turvapaikanhakijoiden",
        "vaihe1 ja vaihe2",
        "tiedostossa1 ja tiedoston2",
        "ei-toivottu",
        "uid:tä",
        "(osa)rahoittaa",
    ],
)
def test_valid_words_are_never_changed(word):
    text = f"Kunta vastaa asiasta. Sana {word} pysyy."
    result = _repair(text)
    assert result.text == text and result.repairs == []


def test_seed_repairs_are_exactly_the_gold(seed_doc, seed_gold):
    got = [(r.original, r.replacement) for r in seed_doc.repairs]
    want = [(r["original"], r["replacement"]) for r in seed_gold["repairs"]]
    assert sorted(got) == sorted(want)


def test_seed_must_not_change_words_survive(seed_doc, seed_gold):
    for word in seed_gold["must_not_change"]:
        assert word in seed_doc.text, word


def test_repair_log_points_into_repaired_text(seed_doc):
    for r in seed_doc.repairs:
        assert seed_doc.text[r.start : r.end] == r.replacement
        assert r.page is not None and r.evidence


def test_offsets_after_repair_still_cover_blocks(seed_doc):
    for b in seed_doc.blocks:
        body = seed_doc.text[b.start : b.end]
        assert body == body.strip() and "\n" not in body


@pytest.mark.parametrize(
    "sentence",
    [
        # a nominative may be a predicative, followed by any case
        "Palvelu on valtakunnallinen työvoimapalveluverkostossa.",
        # an adjective or a past active participle may be a possessor of its own
        "Tuki koskee työttömän työnhakuvelvollisuutta.",
        "Kunta tukee työllistyneen kielenoppimista.",
        # a demonstrative pronoun too
        "Kunta vastaa sen laadunseurannasta.",
        # a coordinated genitive before a compound a corpus knows
        "Paikalla olivat kunnan ja kaupunginhallituksen edustajat.",
        # an attribute agreeing with the whole compound
        "Kunta tukee kolmannen sektorinroolin kasvua.",
        # a cardinal governs a partitive, agreeing with no first part
        "Ohjelmassa on kolme perustoimintoa.",
        "Kunta järjestää kaksi ohjaustilaisuutta.",
        # an attribute or a conjunct reads a verb-like form as a noun
        "Uutta asiakaskantaa ja kustannusosaa koskeva selvitys.",
        # a postposition follows a genitive: after a nominative it ends a compound
        "Palvelua annetaan perehdytysaikana.",
        # a clause with a finite verb of its own has no second one glued to a noun
        "Hanke pienentää asiakkaan ohjaustilaa.",
        "Kunta ei vähennä palvelun vaakatilaa.",
    ],
)
def test_agreement_splits_only_where_the_attribute_cannot_modify_the_whole(sentence):
    text = f"Kunta vastaa asiasta. {sentence}"
    result = _repair(text)
    assert result.text == text and result.repairs == []


def test_hyphen_inside_a_line_between_two_non_words_is_joined():
    """`maahanmuut-taneille`: a compound's hyphen joins words; a lost line break left this
    one inside the line (Voikko lacks the word, so the joined form is decided by its
    hyphenation point)."""
    from pipeline.wordsplit import Evidence, decide_hyphen

    ev = Evidence("Kunta antaa ohjausta myös maahanmuut-taneille.")
    decided = decide_hyphen("maahanmuut", "taneille", ev, line_end=False)
    assert decided is not None and decided[0] == "join" and decided[2] == "morphology"
    assert "neither 'maahanmuut' nor 'taneille' is a word" in decided[1]


def test_subject_then_compound_verb_is_not_split():
    """After a subject, a noun glued to a verb is a compound verb (`tulosohjata`)."""
    text = "Kunta vastaa asioista. Sisäministeriö tulosohjaa virastoa."
    assert _repair(text).text == text
    glued = "Kunta vastaa asioista. Sisäministeriövastaa virastosta."
    assert _repair(glued).text == "Kunta vastaa asioista. Sisäministeriö vastaa virastosta."


def test_repeated_broken_form_does_not_outvote_voikko():
    text = "Kunta tekee ko-toutumissuunnitelmien pohjat ja ko-toutumissuunnitelmien arvion."
    assert "ko-toutumis" not in _repair(text).text


def test_undecided_hyphen_is_left_with_a_warning():
    result = _repair("Kunta Xqzv-\nbrrk vastaa.")
    assert "Xqzv-brrk" in result.text
    assert [code for code, _ in result.warnings] == ["hyphen-undecided"]


def test_a_known_genitive_compound_inside_a_longer_one_is_not_broken():
    """`Vastuuturvapaikanhakijoiden`: the genitive `turvapaikan` belongs to the word
    `turvapaikanhakija` the corpus knows, from an earlier boundary than its own."""
    result = _repair("Vastuuturvapaikanhakijoiden vastaanotosta on siirtynyt.")
    assert "turvapaikanhakijoiden" in result.text


def test_the_parts_of_an_undecided_hyphen_are_not_split():
    """`avoinlähde-` before a line end may be a broken word or a coined first part: while
    the hyphen is undecided, neither side is split on its own."""
    result = _repair("Ohjelma käyttää avoinlähde-\nkoodeja.")
    assert result.text == "Ohjelma käyttää avoinlähde-koodeja."
    assert [code for code, _ in result.warnings] == ["hyphen-undecided"]


def test_clean_documents_are_left_alone():
    """The test documents are clean text: the repair stage must change nothing in them."""
    from pipeline.document import extract_document
    from tests.conftest import DATA
    from tests.typeset import markup_to_text

    for path in sorted((DATA / "docs").glob("*.md")):
        doc = extract_document(f"{path.stem}.txt", markup_to_text(path).encode("utf-8"))
        assert doc.repairs == [], (path.stem, [(r.original, r.replacement) for r in doc.repairs])


def test_a_capitalised_word_keeps_its_hyphen_at_a_line_end():
    """`Infopankki-` + `sivusto`: Voikko accepts the joined form, but a compound of a
    capitalised word that no corpus knows joined keeps the hyphen Finnish writes."""
    text = "Kela neuvoo. Infopankki-\nsivusto tarjoaa tietoa."
    assert "Infopankki-sivusto" in _repair(text).text


def test_every_repair_names_the_class_of_its_evidence():
    result = _repair(
        f"{CONTEXT}\n\nEdustustot myöntävätviisumeita.Virasto tukee maahanmuuttajientyöllistymistä."
    )
    classes = {r.replacement: r.confidence for r in result.repairs}
    assert classes == {
        "myöntävät viisumeita": "document",  # the phrase stands in CONTEXT
        ". ": "typography",
        "maahanmuuttajien työllistymistä": "morphology",
    }


def test_conservative_mode_applies_only_the_strongest_evidence():
    text = f"{CONTEXT}\n\nVirasto tukee maahanmuuttajientyöllistymistä.Kunta laatii valtionkotouttamisohjelman."
    pages = [RawPage(1, [RawLine(line) for line in text.split("\n")])]
    flow = reflow(RawDocument("t.txt", "0" * 64, "text", pages))
    conservative = repair(flow, "conservative")
    assert {r.confidence for r in conservative.repairs} <= {"typography", "document", "dictionary"}
    assert "maahanmuuttajientyöllistymistä" in conservative.text  # morphology only: left alone
    assert "työllistymistä. Kunta" in conservative.text
    assert "valtion kotouttamisohjelman" in conservative.text
    with pytest.raises(ValueError, match="unknown repair mode 'bold'"):
        repair(flow, "bold")


def test_real_clean_texts_are_left_alone():
    """The development corpus of real texts is clean as published: repair changes nothing
    in it but a doubled space."""
    from pipeline.document import extract_document
    from pipeline.scoring import read_corpus
    from tests.conftest import ROOT

    corpus = ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip("../shared/corpus is not here")
    for t in read_corpus(corpus):
        doc = extract_document(f"{t.stem}.txt", t.body.encode("utf-8"))
        changed = [(r.original, r.replacement) for r in doc.repairs if r.kind != "whitespace"]
        assert changed == [], t.stem
