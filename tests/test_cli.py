"""The command line: outputs, exit codes and one-line errors for every kind of bad input."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen.canvas import Canvas

from pipeline.cli import main
from tests.conftest import SEED


def _scanned_pdf(path: Path) -> Path:
    c = Canvas(str(path))
    c.rect(100, 100, 300, 500, fill=1)  # an image-like page: no text layer
    c.showPage()
    c.save()
    return path


def _encrypted_pdf(path: Path) -> Path:
    c = Canvas(str(path), encrypt=StandardEncryption("salasana", "omistaja"))
    c.drawString(100, 700, "Kunta vastaa kotoutumisen edistämisestä.")
    c.showPage()
    c.save()
    return path


def _corrupt_pdf(path: Path, good: Path) -> Path:
    path.write_bytes(good.read_bytes()[:400])
    return path


BAD_INPUTS = [
    pytest.param(lambda d, pdf: d / "puuttuu.txt", "no such file", id="missing"),
    pytest.param(lambda d, pdf: d, "is a directory", id="directory"),
    pytest.param(lambda d, pdf: _write(d / "tyhja.txt", b""), "is empty", id="empty"),
    pytest.param(
        lambda d, pdf: _write(d / "blob.txt", bytes(range(256)) * 40), "binary", id="binary"
    ),
    pytest.param(lambda d, pdf: _scanned_pdf(d / "skannattu.pdf"), "ocrmypdf", id="no-text-layer"),
    pytest.param(lambda d, pdf: _encrypted_pdf(d / "salattu.pdf"), "encrypted", id="encrypted"),
    pytest.param(lambda d, pdf: _corrupt_pdf(d / "rikki.pdf", pdf), "corrupt", id="corrupt"),
]


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("make", "reason"), BAD_INPUTS)
def test_bad_input_gives_one_line_error_and_no_output(
    tmp_path, jarvilaakso_pdf, capsys, make, reason
):
    bad = make(tmp_path, jarvilaakso_pdf)
    out = tmp_path / "out"
    code = main(["extract", str(bad), "-o", str(out)])
    err = capsys.readouterr().err.strip().splitlines()
    assert code != 0
    assert len(err) == 1 and err[0].startswith("error: ") and str(bad) in err[0]
    assert reason in err[0]
    assert not out.exists() or not any(out.iterdir())


def test_batch_goes_on_past_a_bad_document(tmp_path, capsys):
    out = tmp_path / "out"
    code = main(["extract", str(tmp_path / "puuttuu.txt"), str(SEED), "-o", str(out)])
    assert code == 1
    assert [p.name for p in out.iterdir()] == [SEED.stem + ".json"]
    assert capsys.readouterr().err.count("error:") == 1


def test_extract_stdin_to_stdout(monkeypatch, capsys):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SEED.read_bytes())))
    assert main(["extract", "-"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["source"]["path"] == "-"
    assert doc["sections"][0]["heading"] == "Valtio"


def test_extract_twice_is_byte_identical(tmp_path):
    assert main(["extract", str(SEED), "-o", str(tmp_path / "a.json")]) == 0
    assert main(["extract", str(SEED), "-o", str(tmp_path / "b.json")]) == 0
    assert (tmp_path / "a.json").read_bytes() == (tmp_path / "b.json").read_bytes()


def test_output_dash_is_stdout(capsys):
    assert main(["extract", str(SEED), "-o", "-"]) == 0
    assert json.loads(capsys.readouterr().out)["sections"][0]["heading"] == "Valtio"


@pytest.mark.parametrize("where", ["device", "under-a-file"])
def test_unwritable_output_is_one_line_error(tmp_path, capsys, where):
    if where == "device":
        target, before = "/dev/null", Path("/dev/null").stat()
    else:
        (tmp_path / "f").write_text("keep")
        target, before = str(tmp_path / "f" / "x.json"), None
    assert main(["extract", str(SEED), "-o", target]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and err.count("\n") == 1 and target in err
    if before is not None:  # the device is still a device
        assert Path("/dev/null").stat().st_mode == before.st_mode
    else:
        assert (tmp_path / "f").read_text() == "keep"


def test_several_sources_need_a_directory(tmp_path, capsys):
    assert main(["extract", str(SEED), str(SEED), "-o", str(tmp_path / "x.json")]) == 2
    assert "give -o DIR" in capsys.readouterr().err


def test_validate(tmp_path, capsys):
    good = tmp_path / "good.json"
    assert main(["extract", str(SEED), "-o", str(good)]) == 0
    assert main(["validate", str(good)]) == 0
    broken = json.loads(good.read_text(encoding="utf-8"))
    broken["sections"][0]["start"] = -1
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(broken), encoding="utf-8")
    capsys.readouterr()
    assert main(["validate", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"error: {bad}: does not match the contract at sections.0.start")


def test_validate_rejects_non_json(tmp_path, capsys):
    path = _write(tmp_path / "x.json", b"not json")
    assert main(["validate", str(path)]) == 1
    assert "is not JSON" in capsys.readouterr().err


def test_absolute_source_path_is_not_recorded(tmp_path):
    out = tmp_path / "a.json"
    assert main(["extract", str(SEED.resolve()), "-o", str(out)]) == 0
    path = json.loads(out.read_text(encoding="utf-8"))["source"]["path"]
    assert not Path(path).is_absolute()


def test_help_names_every_command(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert all(cmd in out for cmd in ("extract", "repair", "diff", "table", "validate", "schema"))


def test_repair_prints_text_and_writes_log(tmp_path, monkeypatch, capsys):
    data = "Suomen edustustot myöntävät viisumeita.\nEdustustot myöntävätviisumeita ulkomailla.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    log = tmp_path / "log.json"
    assert main(["repair", "-", "--log", str(log)]) == 0
    out = capsys.readouterr().out
    assert "Edustustot myöntävät viisumeita ulkomailla." in out
    entries = json.loads(log.read_text(encoding="utf-8"))["repairs"]
    assert [(e["original"], e["replacement"]) for e in entries] == [
        ("myöntävätviisumeita", "myöntävät viisumeita")
    ]


def test_repair_bad_input_is_one_line_error(tmp_path, capsys):
    assert main(["repair", str(tmp_path / "puuttuu.txt")]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and "no such file" in err[0]


def test_table_writes_one_row_per_responsibility(tmp_path):
    import csv

    doc_json = tmp_path / "seed.json"
    assert main(["extract", str(SEED), "-o", str(doc_json)]) == 0
    out = tmp_path / "seed.csv"
    assert main(["table", str(doc_json), "-o", str(out), "--delimiter", ";"]) == 0
    raw = out.read_text(encoding="utf-8")
    assert raw.startswith("\ufeff")  # spreadsheet programs read it as UTF-8
    rows = list(csv.DictReader(raw[1:].splitlines(), delimiter=";"))
    doc = json.loads(doc_json.read_text(encoding="utf-8"))
    assert len(rows) == len(doc["responsibilities"])
    first = rows[0]
    assert first["actors"] == "Työ- ja elinkeinoministeriö" and first["relation"] == "koordinoida"
    assert first["section"] == "Valtio" and first["sentence"].startswith("Ohjelman valmistelua")


def test_repair_conservative_leaves_morphology_alone(tmp_path, capsys):
    src = tmp_path / "t.txt"
    src.write_text("Virasto tukee maahanmuuttajientyöllistymistä.Kunta vastaa.\n", encoding="utf-8")
    assert main(["repair", str(src), "--repair", "conservative"]) == 0
    out = capsys.readouterr().out
    assert "maahanmuuttajientyöllistymistä. Kunta" in out
    assert main(["repair", str(src)]) == 0
    assert "maahanmuuttajien työllistymistä. Kunta" in capsys.readouterr().out
    out_json = tmp_path / "t.json"
    assert main(["extract", str(src), "-o", str(out_json), "--repair", "conservative"]) == 0
    assert json.loads(out_json.read_text(encoding="utf-8"))["repair_mode"] == "conservative"
