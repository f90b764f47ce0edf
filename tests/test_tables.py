"""PDF layouts the programmes use: action-plan tables and columns, typeset by
LibreOffice (tests/data/layout/make_layout_pdfs.py; the PDFs are committed).

- a ruled action plan that crosses a page break (the header row repeated, one row
  split over the break), between paragraphs of prose;
- an unruled table, and a ruled one with Swedish labels on a landscape page;
- the seed appendix in two columns under a title that spans both, and a city
  programme in three;
- action-plan tables in text sources (tab- or pipe-separated).
"""

from __future__ import annotations

import difflib
import json

import pytest
import regex

from pipeline.document import extract_document
from pipeline.ingest import read_source
from pipeline.output import to_json
from pipeline.scoring import score
from tests.conftest import DATA, ROOT, SEED

LAYOUT = DATA / "layout"
GOLD = DATA / "gold"


@pytest.fixture(scope="module")
def lumijoki():
    return extract_document(str(LAYOUT / "lumijoki-toimenpideohjelma-2026.pdf"))


@pytest.fixture(scope="module")
def kalliola():
    return extract_document(str(LAYOUT / "kalliola-toimenpiteet-2025.pdf"))


@pytest.fixture(scope="module")
def two_columns():
    return extract_document(str(LAYOUT / "forssan-seutu-kaksipalstainen.pdf"))


def _rows(doc, table=0):
    return [b for b in doc.blocks if b.kind == "table_row" and b.table == table]


def _cells(doc, row):
    return [doc.text[c.start : c.end] for c in row.cells]


def test_a_table_over_a_page_break_is_one_table_without_its_repeated_header(lumijoki):
    tables = [b for b in lumijoki.blocks if b.kind == "table"]
    assert len(tables) == 1
    rows = _rows(lumijoki)
    assert len(rows) == 20  # the header and 19 measures
    assert [r.header for r in rows].count(True) == 1
    assert _cells(lumijoki, rows[0]) == [
        "Toimenpide",
        "Vastuutaho",
        "Yhteistyötahot",
        "Aikataulu",
        "Mittari",
    ]
    assert [c.role for c in rows[0].cells] == [
        "task",
        "responsible",
        "partners",
        "schedule",
        "indicator",
    ]
    # the row split over the page break is whole again, its hyphenated words joined
    split = _cells(lumijoki, rows[18])
    assert split == ["Henkilöstön monikulttuurisen osaamisen koulutus", "Kunta ja hyvinvointialue",
                     "Elinvoimakeskus", "Vuosittain", "Koulutukseen osallistuneiden määrä"]  # fmt: skip
    assert {
        p for r in lumijoki.responsibilities if r.actor_source == "table" for p in r.evidence.pages
    } == {1, 2}


def test_hyphenation_inside_cells_is_repaired_like_running_text(lumijoki):
    first = _cells(lumijoki, _rows(lumijoki)[1])
    assert first[0] == "Monikielinen alkuvaiheen ohjaus ja neuvonta"
    assert first[2] == "Työvoimaviranomainen, järjestöt"


def test_each_actor_of_the_responsible_cell_is_a_statement(lumijoki):
    row = [
        r
        for r in lumijoki.responsibilities
        if r.task == "Yhdenvertaisuuden ja syrjimättömyyden edistäminen palveluissa"
    ]
    assert sorted(a for r in row for a in r.actors) == [
        "hyvinvointialue",
        "kunta",
        "tyovoimaviranomainen",
    ]
    for r in row:
        assert (r.actor_source, r.relation, r.modality) == ("table", "vastuu", "responsible")
        assert r.co_actors == ["yvv"]
        assert (r.schedule, r.indicator) == ("Jatkuva", "Asiakaspalautteen tulokset")
        assert lumijoki.text[r.schedule_span.start : r.schedule_span.end] == r.schedule
        assert lumijoki.text[r.indicator_span.start : r.indicator_span.end] == r.indicator


def test_the_prose_around_a_table_stays_prose(lumijoki):
    paragraphs = [lumijoki.text[b.start : b.end] for b in lumijoki.blocks if b.kind == "paragraph"]
    assert paragraphs[-1] == (
        "Taulukon toimenpiteiden rahoituksesta päätetään kunnan talousarvion yhteydessä. "
        "Hyvinvointialue vastaa omien toimenpiteidensä rahoituksesta."
    )
    assert [f.kind for f in lumijoki.furniture].count("page_number") == 2


def test_an_unruled_table_and_a_swedish_one_on_a_landscape_page(kalliola):
    raw = read_source(str(LAYOUT / "kalliola-toimenpiteet-2025.pdf"))
    assert raw.pages[1].width > raw.pages[1].height  # the landscape page
    tables = [b for b in kalliola.blocks if b.kind == "table"]
    assert len(tables) == 2
    assert _cells(kalliola, _rows(kalliola, 0)[1]) == [
        "Maahanmuuttajaperheiden ohjaus varhaiskasvatukseen", "Kaupunki", "Hyvinvointialue", "2025 alkaen"
    ]  # fmt: skip
    assert [c.role for c in _rows(kalliola, 1)[0].cells] == [
        "task",
        "responsible",
        "partners",
        "schedule",
    ]
    swedish = [r for r in kalliola.responsibilities if r.evidence.pages == [2]]
    assert [(r.actors, r.task, r.co_actors) for r in swedish] == [
        (["kunta"], "Vägledning och rådgivning på svenska", ["hyvinvointialue"]),
        (["elinvoimakeskus"], "Svenskspråkig integrationsutbildning", ["kunta"]),
    ]


@pytest.mark.parametrize("stem", ["lumijoki-toimenpideohjelma-2026", "kalliola-toimenpiteet-2025"])
def test_action_plans_against_their_gold(stem):
    doc = extract_document(str(LAYOUT / f"{stem}.pdf"))
    gold = json.loads((GOLD / f"{stem}.json").read_text(encoding="utf-8"))
    s = score(json.loads(to_json(doc)), gold)
    assert s.f1 >= 0.95, (s.misses, s.extras)


def test_the_seed_in_two_columns_reads_as_the_seed(two_columns, seed_doc):
    gold = json.loads((GOLD / f"{SEED.stem}.json").read_text(encoding="utf-8"))
    s = score(json.loads(to_json(two_columns)), gold)
    assert s.f1 >= 0.97, (s.misses, s.extras)
    a = regex.findall(r"\S+", seed_doc.text)
    b = regex.findall(r"\S+", two_columns.text)
    errors = [
        op
        for op in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if op[0] != "equal"
    ]
    assert len(errors) <= 2, errors
    # the headings are the seed's, and the running header and page numbers are furniture
    assert [s.heading for s in two_columns.sections] == [s.heading for s in seed_doc.sections]
    assert {f.kind for f in two_columns.furniture} == {"header", "page_number"}


def test_columns_are_read_column_by_column(two_columns):
    raw = read_source(str(LAYOUT / "forssan-seutu-kaksipalstainen.pdf"))
    page = raw.pages[0]
    right = [ln for ln in page.lines if ln.left is not None and ln.left > 200]
    left = [ln for ln in page.lines if ln.left is not None and ln.left < 200]
    assert left and right
    # every line of the left column comes before every line of the right column
    assert max(page.lines.index(ln) for ln in left) < min(page.lines.index(ln) for ln in right)
    # a sentence runs on from the foot of one column to the head of the next
    assert "myöntävät viisumeita ja vastaanottavat kansalaisuusilmoituksia" in two_columns.text


def _inside_one_unit(doc, r) -> bool:
    units = [(b.start, b.end) for b in doc.blocks if b.kind in ("heading", "paragraph", "item")]
    units += [(c.start, c.end) for b in doc.blocks if b.kind == "table_row" for c in b.cells]
    return any(a <= r.evidence.start and r.evidence.end <= b for a, b in units)


@pytest.mark.parametrize(
    "path",
    [
        LAYOUT / "lumijoki-toimenpideohjelma-2026.pdf",
        LAYOUT / "kalliola-toimenpiteet-2025.pdf",
        LAYOUT / "forssan-seutu-kaksipalstainen.pdf",
        LAYOUT / "koskela-kolmipalstainen.pdf",
        ROOT / "sources" / "forssan-seutu-2025-2028-liite-6.pdf",
        DATA / "pdf" / "pohjoisranta-2025-2028-libreoffice.pdf",
    ],
    ids=lambda p: p.stem,
)
def test_no_statement_crosses_a_cell_or_a_column(path):
    doc = extract_document(str(path))
    assert doc.responsibilities
    for r in doc.responsibilities:
        assert _inside_one_unit(doc, r), r
        assert doc.text[r.task_span.start : r.task_span.end] == r.task
        assert r.evidence.start <= r.task_span.start and r.task_span.end <= r.evidence.end


def test_a_tab_separated_action_plan_in_a_text_source():
    text = (
        "Toimenpiteet\n\n"
        "Toimenpide\tVastuutaho\tYhteistyötahot\tAikataulu\n"
        "Alkuvaiheen ohjaus\tKunta\tJärjestöt\t2026\n"
        "Kielikoulutus\tKunta ja hyvinvointialue\t\tJatkuva\n\n"
        "Kunta vastaa ohjelman seurannasta.\n"
    )
    doc = extract_document("suunnitelma.txt", text.encode())
    got = [
        (r.actors, r.task, r.co_actors, r.schedule, r.actor_source) for r in doc.responsibilities
    ]
    assert got == [
        (["kunta"], "Alkuvaiheen ohjaus", ["jarjestot"], "2026", "table"),
        (["kunta"], "Kielikoulutus", [], "Jatkuva", "table"),
        (["hyvinvointialue"], "Kielikoulutus", [], "Jatkuva", "table"),
        (["kunta"], "ohjelman seurannasta", [], None, "subject"),
    ]
    # the text writes a table as rows of ` | `: extracted again, the same statements
    again = extract_document("uudelleen.txt", doc.text.encode())
    assert [(r.actors, r.task) for r in again.responsibilities] == [(a, t) for a, t, *_ in got]


def test_a_table_without_an_action_plan_header_is_read_cell_by_cell():
    text = "Toimija | Tehtävät\nKunta | Kunta järjestää neuvontaa.\nKela | Kela maksaa etuudet.\n"
    doc = extract_document("taulukko.txt", text.encode())
    got = [(r.actors, r.relation, r.task) for r in doc.responsibilities]
    assert (["kunta"], "järjestää", "neuvontaa") in got
    assert (["kela"], "maksaa", "etuudet") in got
    for r in doc.responsibilities:
        assert "|" not in doc.text[r.evidence.start : r.evidence.end]


def test_three_columns():
    doc = extract_document(str(LAYOUT / "koskela-kolmipalstainen.pdf"))
    raw = read_source(str(LAYOUT / "koskela-kolmipalstainen.pdf"))
    assert len({ln.left for ln in raw.pages[0].lines if ln.left is not None}) == 3
    gold = json.loads((GOLD / "koskela-2022-2025.json").read_text(encoding="utf-8"))
    s = score(json.loads(to_json(doc)), gold)
    assert s.f1 >= 0.97, (s.misses, s.extras)
    assert "4 Kotouttamisen työnjako ja vastuut" in [sec.heading for sec in doc.sections]
