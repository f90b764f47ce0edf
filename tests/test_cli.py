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
    assert err.startswith(f"error: {bad}: does not match the document contract at sections.0.start")


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


# --- the command line a user can trust (shareable outputs, no silent overwrites, ...) ---


@pytest.fixture
def umask_022():
    import os

    old = os.umask(0o022)
    yield
    os.umask(old)


def test_written_files_get_the_mode_of_a_new_file(tmp_path, umask_022, capsys):
    out = tmp_path / "doc.json"
    assert main(["extract", str(SEED), "-o", str(out)]) == 0
    assert main(["table", str(out), "-o", str(tmp_path / "t.csv")]) == 0
    assert main(["diff", str(out), str(out), "-o", str(tmp_path / "d.md")]) == 0
    assert main(["schema", str(tmp_path / "schemas")]) == 0
    written = [
        out,
        tmp_path / "t.csv",
        tmp_path / "d.md",
        tmp_path / "schemas" / "diff.schema.json",
    ]
    assert [oct(p.stat().st_mode & 0o777) for p in written] == ["0o644"] * 4


def test_two_sources_for_one_output_is_an_error_before_anything_is_written(tmp_path, capsys):
    (tmp_path / "batch").mkdir()
    pdf, txt = tmp_path / "batch" / "doc01.pdf", tmp_path / "batch" / "doc01.txt"
    pdf.write_bytes(b"%PDF-1.4 not really")
    txt.write_text("Kunta vastaa neuvonnasta.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(pdf), str(txt), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(pdf) in err and str(txt) in err
    assert not out.exists()


@pytest.mark.parametrize(
    ("name", "code", "made"),
    [
        pytest.param("notes.csv", 2, None, id="another-suffix-is-an-error"),
        pytest.param("UP.JSON", 0, "file", id="json-in-capitals-is-a-file"),
        pytest.param("plain", 0, "directory", id="no-suffix-is-a-directory"),
    ],
)  # fmt: skip
def test_an_output_path_is_a_file_or_a_directory_by_its_suffix(tmp_path, capsys, name, code, made):
    target = tmp_path / name
    assert main(["extract", str(SEED), "-o", str(target)]) == code
    err = capsys.readouterr().err
    if made is None:
        assert (
            err.startswith(f"error: {target}: an output file ends in .json") and not target.exists()
        )
    elif made == "file":
        assert target.is_file() and json.loads(target.read_text(encoding="utf-8"))["text"]
    else:
        assert (target / f"{SEED.stem}.json").is_file()


def test_diff_format_follows_the_output_suffix(tmp_path, capsys):
    seed_json = tmp_path / "seed.json"
    assert main(["extract", str(SEED), "-o", str(seed_json)]) == 0
    for suffix, starts in ((".html", "<!DOCTYPE html>"), (".json", "{"), (".md", "#")):
        out = tmp_path / f"d{suffix}"
        assert main(["diff", str(seed_json), str(seed_json), "-o", str(out)]) == 0
        assert out.read_text(encoding="utf-8").startswith(starts), suffix
    capsys.readouterr()
    assert main(["diff", str(seed_json), str(seed_json), "-o", str(tmp_path / "d.pdf")]) == 2
    err = capsys.readouterr().err
    assert "diff writes .md, .json, .html" in err and err.count("\n") == 1


@pytest.mark.parametrize(("given", "sep"), [("tab", "\t"), ("\\t", "\t"), (";", ";"), (",", ",")])
def test_table_delimiters(tmp_path, capsys, given, sep):
    seed_json = tmp_path / "seed.json"
    assert main(["extract", str(SEED), "-o", str(seed_json), "--quiet"]) == 0
    capsys.readouterr()
    assert main(["table", str(seed_json), "--delimiter", given]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert header.startswith(f"actors{sep}relation")


def test_an_unknown_delimiter_is_one_line(tmp_path, capsys):
    seed_json = tmp_path / "seed.json"
    assert main(["extract", str(SEED), "-o", str(seed_json), "--quiet"]) == 0
    assert main(["table", str(seed_json), "--delimiter", "::"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: --delimiter '::'") and err.count("\n") == 1


def test_make_diff_writes_only_the_report_to_stdout():
    import subprocess

    from tests.conftest import ROOT

    old = "outputs/forssan-seutu-2021-2024-liite-6.json"
    new = "outputs/forssan-seutu-2025-2028-liite-6.json"
    done = subprocess.run(
        ["make", "--no-print-directory", "diff", f"OLD={old}", f"NEW={new}", "FORMAT=html"],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("<!DOCTYPE html>")


def test_warnings_go_to_stderr_and_quiet_silences_them(tmp_path, capsys):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Kunta järjestää neuvontaa ja ohjausta.\n".encode("latin-1"))
    nothing = tmp_path / "nothing.txt"
    nothing.write_text("Kokous alkoi kello yhdeksän.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(latin), str(nothing), "-o", str(out)]) == 0
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith(f"warning: {latin}: ") and "not UTF-8" in line for line in err), err
    assert (
        f"warning: {nothing}: 0 statements: is this a programme, or a page without its "
        "division of responsibilities?" in err
    )
    codes = {w["code"] for w in json.loads((out / "nothing.json").read_text())["warnings"]}
    assert "no-responsibilities" in codes  # the JSON keeps them too
    assert main(["extract", str(latin), str(nothing), "-o", str(out), "--quiet"]) == 0
    assert capsys.readouterr().err == ""
    assert main(["extract", str(latin), "-o", str(out), "--verbose"]) == 0
    timing = [t for t in capsys.readouterr().err.splitlines() if t.startswith("timing: ")]
    assert len(timing) == 1 and "repair" in timing[0] and "total" in timing[0]


def test_validate_names_the_contract_a_file_follows(tmp_path, capsys):
    seed_json = tmp_path / "seed.json"
    assert main(["extract", str(SEED), "-o", str(seed_json), "--quiet"]) == 0
    report = tmp_path / "d.json"
    assert main(["diff", str(seed_json), str(seed_json), "-o", str(report)]) == 0
    capsys.readouterr()
    assert main(["validate", str(seed_json), str(report)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "(document schema" in out[0] and "(diff schema" in out[1]
    broken = json.loads(report.read_text(encoding="utf-8"))
    broken["summary"] = "many"
    report.write_text(json.dumps(broken), encoding="utf-8")
    assert main(["validate", str(report)]) == 1
    assert "does not match the diff contract at summary" in capsys.readouterr().err


def test_dash_reads_json_from_stdin(tmp_path, monkeypatch, capsys):
    seed_json = tmp_path / "seed.json"
    assert main(["extract", str(SEED), "-o", str(seed_json), "--quiet"]) == 0
    data = seed_json.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["table", "-"]) == 0
    assert capsys.readouterr().out.startswith("actors,relation")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["diff", "-", str(seed_json)]) == 0
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))
    assert main(["diff", "-", "-"]) == 2
    assert "stdin can be read once" in capsys.readouterr().err


def test_a_batch_shows_progress_and_a_summary_and_fails_at_the_end(tmp_path, capsys):
    good = tmp_path / "hyva.txt"
    good.write_text("Kunta vastaa neuvonnasta.\n", encoding="utf-8")
    empty = tmp_path / "tyhja.txt"
    empty.write_bytes(b"")
    out = tmp_path / "out"
    assert main(["extract", str(good), str(empty), str(SEED), "-o", str(out)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert [line.split("]")[0] + "]" for line in err if line.startswith("[")] == [
        "[1/3]",
        "[2/3]",
        "[3/3]",
    ]
    assert any(line.startswith(f"error: {empty}") for line in err)
    assert err[-1] == "3 documents: 2 extracted, 1 failed (see above)"
    assert (out / "hyva.json").exists() and (out / f"{SEED.stem}.json").exists()


def test_a_batch_in_parallel_writes_what_one_at_a_time_does(tmp_path, capsys):
    docs = []
    for k in range(3):
        path = tmp_path / f"d{k}.txt"
        path.write_text(f"Kunta {k + 1} vastaa neuvonnasta.\n", encoding="utf-8")
        docs.append(str(path))
    assert main(["extract", *docs, "-o", str(tmp_path / "one"), "--quiet"]) == 0
    assert main(["extract", *docs, "-o", str(tmp_path / "two"), "--jobs", "2", "--quiet"]) == 0
    for k in range(3):
        one = (tmp_path / "one" / f"d{k}.json").read_bytes()
        assert one == (tmp_path / "two" / f"d{k}.json").read_bytes()


def test_changed_skips_outputs_that_are_current(tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["extract", str(SEED), "-o", str(out), "--changed"]) == 0
    capsys.readouterr()
    assert main(["extract", str(SEED), "-o", str(out), "--changed"]) == 0
    assert "0 extracted, 1 up to date" not in capsys.readouterr().err  # one source: no summary
    before = (out / f"{SEED.stem}.json").stat().st_mtime_ns
    assert main(["extract", str(SEED), str(SEED.with_name("forssan-seutu-2025-2028-liite-6.pdf")),
                 "-o", str(out), "--changed", "--quiet"]) == 0  # fmt: skip
    assert (out / f"{SEED.stem}.json").stat().st_mtime_ns == before


def test_the_library_entry_point():
    import pipeline

    assert {"extract_document", "diff_documents", "ExtractedDocument"} <= set(pipeline.__all__)
    assert set(pipeline.__all__) == {"__version__", *pipeline._API}
    from pipeline import ExtractedDocument, diff_documents, extract_document

    doc = extract_document("t.txt", b"Kunta vastaa neuvonnasta.")
    assert isinstance(doc, ExtractedDocument)
    assert diff_documents(doc, doc).changes == []


@pytest.mark.parametrize("command", ["extract", "repair", "diff", "table", "validate", "schema"])
def test_help_says_what_a_command_writes_and_its_exit_codes(command, capsys):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "Exit status:" in text and ("Writes" in text or "Write" in text)
