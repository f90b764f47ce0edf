"""Second-period revisions written for the project, each with every change planted in
it: the diff must report each planted change once, in its kind with all its aspects,
and nothing else. The revisions combine what reforms do to a programme: renames
(ELY-keskus -> elinvoimakeskus, aluehallintovirasto -> Lupa- ja valvontavirasto)
together with a rewording or a modality change, tasks moved to the successors of the
TE-toimisto, rewordings that keep the lemmas close (`maahanmuuttajien` ->
`maahanmuuttajataustaisten oppijoiden`), negations, removals and additions."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.diff import diff_documents
from pipeline.document import extract_document
from pipeline.report import render_markdown
from tests.conftest import DATA, ROOT
from tests.typeset import markup_to_text, read_markup, typeset_pdf

REVISIONS = DATA / "revisions"


def key(c) -> tuple[str, str, str, str | None, str | None]:
    """(aspects, actors `old>new` where they differ, relation, old task, new task; `=`
    where the new task is the old)."""
    old, new = c.old, c.new
    ref = new or old
    actors = ",".join(ref.actors)
    if old is not None and new is not None and old.actors != new.actors:
        actors = f"{','.join(old.actors)}>{actors}"
    relation = (
        ref.relation
        if old is None or new is None or old.relation == new.relation
        else (f"{old.relation}>{new.relation}")
    )
    new_task = (
        None if new is None else ("=" if old is not None and old.task == new.task else new.task)
    )
    return ("+".join(c.aspects), actors, relation, old.task if old else None, new_task)


def _load(path: Path):
    text = markup_to_text(path) if path.suffix == ".md" else path.read_text(encoding="utf-8")
    return extract_document(path.with_suffix(".txt").name, text.encode("utf-8"))


# The seed's appendix as a 2026-2029 programme would have it: both reforms applied.
FORSSA_2026 = {
    "changes": {
        ("actor_renamed+modality_changed", "avi>lupa-ja-valvontavirasto", "tehdä yhteistyötä",
         "yhteistyötä toimialueensa ELY-keskusten kanssa",
         "yhteistyötä toimialueensa elinvoimakeskusten kanssa"),
        ("actor_renamed+reworded", "ely>elinvoimakeskus", "neuvoa",
         "kuntia kotouttamistyössä ja kotouttamisohjelmien laadinnassa",
         "kuntia kotoutumisen edistämisessä ja kotoutumisohjelmien laadinnassa"),
        ("actor_renamed+reworded", "ely>elinvoimakeskus", "tukea",
         "kuntia kotouttamistyössä ja kotouttamisohjelmien laadinnassa",
         "kuntia kotoutumisen edistämisessä ja kotoutumisohjelmien laadinnassa"),
        ("actor_renamed+reworded", "ely>elinvoimakeskus", "seurata",
         "kotouttamisohjelmien toteuttamista", "kotoutumisohjelmien toteuttamista"),
        ("actor_renamed+reworded", "ely>elinvoimakeskus", "tehtävä",
         "TE-toimistojen ohjaus", "työvoimaviranomaisten ohjaus"),
        ("added", "hyvinvointialue", "vastata", None,
         "maahanmuuttajien sosiaali- ja terveyspalveluista"),
        ("added", "kunta", "vastata", None,
         "monialaisen kotoutumisen edistämisen palvelujen yhteensovittamisesta"),
        ("modality_changed", "kunta", "edistää",
         "myönteistä vuorovaikutusta eri väestöryhmien välillä", "="),
        ("modality_changed", "tem", "koordinoida>vastata",
         "Ohjelman valmistelua", "Ohjelman valmistelusta"),
        ("moved", "te>kunta", "vastata", "kotoutumiskoulutukseen ohjaamisesta", "="),
        ("moved", "te>kunta", "vastata",
         "kotoutumista tukevista työvoima- ja yrityspalveluista", "="),
        ("moved", "te>kunta", "vastata",
         "maahanmuuttaja-asiakkaidensa alkukartoitusten ja kotoutumissuunnitelmien tekemisestä",
         "="),
        ("moved", "te>kunta", "vastata", "palvelujen soveltumisesta maahanmuuttajille", "="),
        ("moved+reworded", "te>kunta", "vastata",
         "työnhakijana olevien maahanmuuttajien työllistymisestä",
         "työnhakijana olevien maahanmuuttajien työllistymisen edistämisestä"),
        ("negation_changed", "stm", "vastata",
         "maahanmuuttajien toimeentuloon liittyvistä kysymyksistä", "="),
        ("removed", "sm", "edustaa",
         "Suomea useimmissa Euroopan unionin ja kansainvälisen yhteistyön maahanmuuttoasioissa",
         None),
        ("removed", "te", "toimia yhteistyössä", "yhteistyössä kuntien kanssa", None),
        ("reworded", "kunta", "vastata", "seurannasta yhteistyössä TE-palveluiden kanssa",
         "seurannasta yhteistyössä elinvoimakeskuksen kanssa"),
        ("reworded", "maahanmuuttaja", "osallistua",
         "henkilökohtaisen kotoutumissuunnitelman laatimiseen",
         "kotoutumissuunnitelman laatimiseen"),
        ("reworded", "oph", "vastata", "maahanmuuttajien koulutusasioista",
         "maahanmuuttajataustaisten oppijoiden koulutusasioista"),
        ("reworded", "tem", "vastata",
         "ELY-keskusten ohjaamisesta kotouttamiseen ja hyvien etnisten suhteiden edistämiseen "
         "liittyvissä tehtävissä",
         "elinvoimakeskusten ohjaamisesta kotoutumisen edistämiseen ja hyvien etnisten "
         "suhteiden edistämiseen liittyvissä tehtävissä"),
    },
    # two sections gone where one came: no rename can be told
    "sections": {
        ("section_removed", None, "ely-keskus-ja-aluehallintovirasto"),
        ("section_removed", None, "tyo-ja-elinkeinopalvelut"),
        ("section_added", None, "elinvoimakeskus-ja-lupa-ja-valvontavirasto"),
        ("section_added", None, "hyvinvointialue"),
    },
    # renamed and nothing else: listed once under their rename
    "renamed": {
        ("avi", "lupa-ja-valvontavirasto"): {
            "huolehtia: että maahanmuuttajien erityistarpeet huomioidaan esimerkiksi sosiaali- "
            "ja terveydenhuollossa ja koulutus- ja sivistystoimessa sekä kuntien vastuulla "
            "olevien palvelujen laatua ja saatavuutta arvioitaessa",
            "vastata: maahanmuuttajien kotoutumista edistävien ja tukevien toimenpiteiden ja "
            "palvelujen suunnittelusta",
            "vastata: ohjauksesta",
            "vastata: valvonnasta omille toimialoilleen kuuluvissa asioissa",
        },
        ("ely", "elinvoimakeskus"): {
            "laatia: pakolaisten kuntaan osoittamisen alueellisen strategian",
            "tehtävä: hankinta",
            "tehtävä: hyvien etnisten suhteiden ja kulttuurien välisen vuoropuhelun edistäminen",
            "tehtävä: neuvonta",
            "tehtävä: osaamisen kehittäminen",
            "tehtävä: tukeminen",
            "tehtävä: työvoimakoulutuksena tarjottavan kotoutumiskoulutuksen suunnittelu",
            "tehtävä: valvonta",
            "vastata: ilman huoltajaa maassa asuvien lasten ja nuorten asumisyksiköiden "
            "perustamisesta sopimisesta",
            "vastata: kotouttamisen alueellisesta kehittämisestä",
            "vastata: sen toimeenpanosta",
            "vastata: seurannasta omilla toimialueillaan",
            "vastata: valvonnasta",
            "vastata: yhteensovittamisesta",
            "vastata: yhteistyöstä",
        },
    },
}  # fmt: skip

# A city programme of 2022-2025 revised for 2026-2029.
KOSKELA_2026 = {
    "changes": {
        ("actor_renamed+modality_changed", "avi>lupa-ja-valvontavirasto", "tehdä",
         "tarkastuksia kuntien palveluihin", "="),
        ("actor_renamed+reworded", "ely>elinvoimakeskus", "tehtävä", "kuntien neuvonta",
         "kuntien ja työllisyysalueiden neuvonta"),
        ("added", "kunta", "vastata", None, "monikielisen neuvonnan järjestämisestä"),
        ("modality_changed", "kunta", "hankkia",
         "kotoutumista tukevia palveluja myös järjestöiltä", "="),
        ("moved", "sosiaalitoimi>hyvinvointialue", "myöntää",
         "toimeentulotuen täydentävän osan", "="),
        ("moved", "sosiaalitoimi>hyvinvointialue", "vastata", "sosiaalihuollon palveluista", "="),
        ("moved", "te>tyovoimaviranomainen", "ohjata", "heidät kotoutumiskoulutukseen", "="),
        ("moved", "te>tyovoimaviranomainen", "tarjota",
         "työnhakijoina oleville maahanmuuttajille työvoima- ja yrityspalveluja", "="),
        ("moved", "te>tyovoimaviranomainen", "tehdä", "asiakkailleen alkukartoituksen", "="),
        ("moved", "te>tyovoimaviranomainen", "tehdä", "kotoutumissuunnitelman", "="),
        ("moved+reworded", "te>tyovoimaviranomainen", "seurata",
         "kotoutumissuunnitelmien toteutumista yhdessä kaupungin kanssa",
         "kotoutumissuunnitelmien toteutumista yhdessä kaupungin muiden palvelujen kanssa"),
        ("negation_changed", "poliisi", "rekisteröidä", "EU-kansalaisten oleskeluoikeuden",
         "EU-kansalaisten oleskeluoikeutta"),
        ("removed", "sm", "vastata", "maahanmuuttopolitiikan valmistelusta", None),
        ("removed", "te,kunta", "sopia", "siitä, miten tieto kulkee asiakkaan asioissa", None),
        ("reworded", "kaupunginhallitus", "hyväksyä", "kotouttamisohjelman", "kotoutumisohjelman"),
        ("reworded", "kunta", "tehtävä", "asuntojen välittäminen kiintiöpakolaisille",
         "vuokra-asuntojen välittäminen kiintiöpakolaisille"),
        ("reworded", "maahanmuuttaja", "hakea",
         "kotoutumissuunnitelmaa kolmen vuoden kuluessa ensimmäisen oleskeluluvan myöntämisestä",
         "kotoutumissuunnitelmaa kahden vuoden kuluessa ensimmäisen oleskeluluvan myöntämisestä"),
        ("reworded", "tem", "vastata", "valtakunnallisen kotouttamispolitiikan seurannasta",
         "valtakunnallisen kotoutumispolitiikan seurannasta"),
        ("section_moved", "kunta", "tehdä", "alkukartoituksen", "="),
    },
    "sections": {
        ("section_renamed", "4-kotouttamisen-tyonjako-ja-vastuut",
         "4-kotoutumisen-edistamisen-tyonjako-ja-vastuut"),
        ("section_renamed", "4-3-te-toimisto", "4-3-tyovoimaviranomainen"),
    },
    "renamed": {
        ("avi", "lupa-ja-valvontavirasto"): {
            "valvoa: peruspalvelujen yhdenvertaista saatavuutta",
        },
        ("ely", "elinvoimakeskus"): {
            "tehtävä: kotoutumiskoulutuksen hankinta",
            "tehtävä: pakolaisten kuntaan osoittamisesta sopiminen",
            "vastata: alueellisen kotouttamisen koordinoinnista",
            "vastata: kehittämisestä",
            "vastata: kuntien peruspalveluista",
            "vastata: niiden järjestämisestä",
        },
    },
}  # fmt: skip

CASES = {
    "forssa-2026": (ROOT / "sources" / "forssan-seutu-2021-2024-liite-6.txt",
                    REVISIONS / "forssan-seutu-2026-2029.txt", FORSSA_2026),
    "koskela-2026": (DATA / "docs" / "koskela-2022-2025.md",
                     REVISIONS / "koskela-2026-2029.md", KOSKELA_2026),
}  # fmt: skip


@pytest.fixture(scope="module", params=sorted(CASES))
def case(request):
    old_path, new_path, expected = CASES[request.param]
    old, new = _load(old_path), _load(new_path)
    return old, new, diff_documents(old, new), expected


def test_every_planted_change_is_reported_once_with_its_aspects(case):
    _, _, report, expected = case
    combined = [key(c) for c in report.changes if c.aspects != ["actor_renamed"]]
    assert len(combined) == len(set(combined))
    assert set(combined) == expected["changes"]


def test_sections_renamed_in_place_and_the_others(case):
    _, _, report, expected = case
    assert {(s.kind, s.old_id, s.id) for s in report.sections} == expected["sections"]


def test_a_rename_is_one_group_listing_its_statements(case):
    _, _, report, expected = case
    by_id = {c.id: c for c in report.changes}
    groups = {(tuple(g.old_actors), tuple(g.new_actors)): g for g in report.renames}
    assert {(a[0], b[0]) for a, b in groups} == set(expected["renamed"])
    for (old, new), tasks in expected["renamed"].items():
        changes = [by_id[i] for i in groups[((old,), (new,))].changes]
        pure = {
            f"{c.new.relation}: {c.new.task}" for c in changes if c.aspects == ["actor_renamed"]
        }
        assert pure == tasks
        # the combined ones are in the group too, and nowhere twice
        combined = {k for k in expected["changes"] if k[1] == f"{old}>{new}"}
        assert len(changes) == len(tasks) + len(combined)
    renamed = [c for c in report.changes if "actor_renamed" in c.aspects]
    assert sorted(i for g in report.renames for i in g.changes) == sorted(c.id for c in renamed)


def test_each_revision_diffed_with_itself_reports_nothing(case):
    _, new, _, _ = case
    report = diff_documents(new, new)
    assert report.summary == {} and report.changes == [] and report.renames == []


def test_the_markdown_lists_a_pure_rename_once_and_a_combined_one_under_its_actor(case):
    old, new, report, _ = case
    lines = render_markdown(report, old, new).splitlines()
    (ely,) = [g for g in report.renames if g.old_actors == ["ely"]]
    head = (
        f"- Elinkeino-, liikenne- ja ympäristökeskus → Elinvoimakeskus: {len(ely.changes)} vastuuta"
    )
    assert sum(line.startswith(head) for line in lines) == 1
    assert not any(line.startswith("- **toimijan nimi muuttui**:") for line in lines)
    combined = [c for c in report.changes if "actor_renamed" in c.aspects and len(c.aspects) > 1]
    assert sum(line.startswith("- **toimijan nimi muuttui, ") for line in lines) == len(combined)


def test_a_typeset_revision_gives_the_same_changes_as_its_text(tmp_path):
    old_path, new_path, _ = CASES["koskela-2026"]
    pdf = tmp_path / "koskela-2026-2029.pdf"
    typeset_pdf(pdf, read_markup(new_path), header="Koskelan kaupungin kotoutumisohjelma 2026–2029")
    old = _load(old_path)
    from_pdf = diff_documents(old, extract_document(str(pdf)))
    from_text = diff_documents(old, _load(new_path))
    assert sorted(key(c) for c in from_pdf.changes) == sorted(key(c) for c in from_text.changes)
