"""Spreadsheets of the statements: the workbook read back (openpyxl) holds exactly the
statements, with its frozen header, autofilter and count sheets; over several
documents a programme column and an actor x programme sheet."""

from __future__ import annotations

import io
import json
from collections import Counter

import openpyxl
import pytest

from pipeline.cli import main
from pipeline.document import extract_document
from pipeline.sheets import COLUMNS, programme_name, responsibilities_xlsx, rows
from tests.conftest import ROOT

V2_JSON = ROOT / "outputs" / "forssan-seutu-2025-2028-liite-6.json"
SEED_JSON = ROOT / "outputs" / "forssan-seutu-2021-2024-liite-6.json"


def _book(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def _values(sheet) -> list[list[str]]:
    return [["" if v is None else v for v in row] for row in sheet.iter_rows(values_only=True)]


def test_the_statements_sheet_is_the_statements(seed_doc):
    book = _book(responsibilities_xlsx([seed_doc]))
    assert book.sheetnames == ["Vastuut", "Toimija × velvoittavuus"]
    sheet = book["Vastuut"]
    table = _values(sheet)
    assert table[0] == COLUMNS["fi"]
    assert len(table) - 1 == len(seed_doc.responsibilities)
    names = {a.id: a.name for a in seed_doc.actors}
    for row, r in zip(table[1:], seed_doc.responsibilities, strict=True):
        assert row[0] == "; ".join(names[a] for a in r.actors)
        assert (row[1], row[3], row[10]) == (r.relation, r.task, r.id)
        assert row[4] == ("kyllä" if r.negated else "ei")
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:M{len(table)}"


def test_the_count_sheet_counts_each_actor_of_each_statement(seed_doc):
    sheet = _book(responsibilities_xlsx([seed_doc]))["Toimija × velvoittavuus"]
    table = _values(sheet)
    header, body = table[0], table[1:]
    assert header[0] == "toimija" and header[-1] == "yhteensä"
    names = {a.id: a.name for a in seed_doc.actors}
    expected = Counter(names[a] for r in seed_doc.responsibilities for a in r.actors)
    assert {row[0]: row[-1] for row in body} == dict(expected)
    assert all(sum(row[1:-1]) == row[-1] for row in body)
    (kunta,) = [row for row in body if row[0] == "Kunta"]
    vastuu = header.index("vastuu")
    assert kunta[vastuu] == sum(
        1 for r in seed_doc.responsibilities if "kunta" in r.actors and r.modality == "responsible"
    )


def test_several_documents_add_a_programme_column_and_sheet(seed_doc):
    other = extract_document(str(ROOT / "sources" / "forssan-seutu-2025-2028-liite-6.pdf"))
    book = _book(responsibilities_xlsx([seed_doc, other], lang="en"))
    assert book.sheetnames == ["Statements", "Actor × modality", "Actor × programme"]
    table = _values(book["Statements"])
    assert table[0] == ["programme", *COLUMNS["en"]]
    assert Counter(row[0] for row in table[1:]) == {
        programme_name(seed_doc): len(seed_doc.responsibilities),
        programme_name(other): len(other.responsibilities),
    }
    per_programme = _values(book["Actor × programme"])
    assert per_programme[0][1:3] == sorted([programme_name(seed_doc), programme_name(other)])
    (kunta,) = [row for row in per_programme if row[0] == "Kunta"]
    column = per_programme[0].index(programme_name(other))
    assert kunta[column] == sum(1 for r in other.responsibilities if "kunta" in r.actors)


def test_the_workbook_is_deterministic(seed_doc):
    assert responsibilities_xlsx([seed_doc]) == responsibilities_xlsx([seed_doc])


def test_csv_rows_are_the_workbook_rows(seed_doc):
    table = _values(_book(responsibilities_xlsx([seed_doc], lang="en"))["Statements"])
    assert table == rows([seed_doc], "en")


def test_table_infers_the_format_and_reads_several_files(tmp_path, capsys):
    out = tmp_path / "kaikki.xlsx"
    assert main(["table", str(SEED_JSON), str(V2_JSON), "-o", str(out)]) == 0
    book = _book(out.read_bytes())
    assert book.sheetnames == ["Vastuut", "Toimija × velvoittavuus", "Toimija × ohjelma"]
    total = sum(
        len(json.loads(p.read_text(encoding="utf-8"))["responsibilities"])
        for p in (SEED_JSON, V2_JSON)
    )
    assert book["Vastuut"].max_row == total + 1
    assert main(["table", str(SEED_JSON), "--lang", "fi"]) == 0
    assert capsys.readouterr().out.startswith("toimijat,verbi tai rakenne,")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["-o", "t.pdf"], "table writes .csv, .xlsx", id="wrong-suffix"),
        pytest.param(["--format", "xlsx"], "a workbook is binary", id="binary-to-terminal"),
    ],
)
def test_table_errors_are_one_line(tmp_path, capsys, monkeypatch, args, message):
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    args = [a if a != "t.pdf" else str(tmp_path / a) for a in args]
    assert main(["table", str(SEED_JSON), *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0]
