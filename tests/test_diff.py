"""Comparing two programme periods: the seed against its 2025-2028 revision (a hand list
of every change made), and the properties every diff must have."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from pipeline.cli import main
from pipeline.diff import diff_documents
from pipeline.document import extract_document
from pipeline.models import DiffReport
from pipeline.output import to_json
from pipeline.report import render_html, render_markdown
from tests.conftest import DATA, ROOT, SEED
from tests.typeset import markup_to_text

V2_PDF = ROOT / "sources" / "forssan-seutu-2025-2028-liite-6.pdf"
V2_MARKUP = DATA / "docs" / "forssan-seutu-2025-2028-liite-6.md"

# Every change made in the revision, by kind: (actors, relation, a word of the task).
EXPECTED = {
    ("removed", "sm", "edustaa", "Suomea"),
    ("reworded", "um", "vastata", "viisumipolitiikan"),
    ("reworded", "oph", "vastata", "aikuisten"),
    ("moved", "te>kunta", "vastata", "työllistymisestä"),
    ("moved", "te>kunta", "vastata", "yrityspalveluista"),
    ("moved", "te>kunta", "vastata", "soveltumisesta"),
    ("moved", "te>tyovoimaviranomainen", "vastata", "tekemisestä"),
    ("moved", "te>tyovoimaviranomainen", "vastata", "ohjaamisesta"),
    ("moved", "te>tyovoimaviranomainen", "toimia yhteistyössä", "kuntien"),
    ("modality_changed", "kunta", "osallistua", "laatimiseen"),
    ("actor_renamed", "ely>elinvoimakeskus", "vastata", "kehittämisestä"),
    ("actor_renamed", "ely>elinvoimakeskus", "vastata", "yhteistyöstä"),
    ("actor_renamed", "ely>elinvoimakeskus", "vastata", "yhteensovittamisesta"),
    ("actor_renamed", "ely>elinvoimakeskus", "vastata", "seurannasta"),
    ("added", "hyvinvointialue", "vastata", "terveyspalveluista"),
    ("added", "hyvinvointialue", "vastata", "tuesta"),
}


def _key(change) -> tuple[str, str, str, str]:
    old, new = change.old, change.new
    ref = new or old
    if old is not None and new is not None and old.actors != new.actors:
        actors = f"{','.join(old.actors)}>{','.join(new.actors)}"
    else:
        actors = ",".join(ref.actors)
    words = set(ref.task.split()) | (set(old.task.split()) if old else set())
    word = (
        next(w for kind, a, r, w in EXPECTED if kind == change.kind and a == actors and w in words)
        if any(kind == change.kind and a == actors and w in words for kind, a, r, w in EXPECTED)
        else ref.task
    )
    return (change.kind, actors, ref.relation, word)


@pytest.fixture(scope="module")
def periods(seed_doc):
    return seed_doc, extract_document(
        str(V2_PDF.relative_to(ROOT)) if Path.cwd() == ROOT else str(V2_PDF)
    )


def test_every_change_is_reported_in_its_class_and_nothing_else(periods):
    report = diff_documents(*periods)
    assert {_key(c) for c in report.changes} == EXPECTED
    assert len(report.changes) == len(EXPECTED)


def test_sections_actors_and_metadata(periods):
    report = diff_documents(*periods)
    assert {(s.kind, s.id) for s in report.sections} == {
        ("section_removed", "tyo-ja-elinkeinopalvelut"),
        ("section_added", "hyvinvointialue"),
        ("section_added", "tyovoimaviranomainen"),
        ("section_moved", "ely-keskus-ja-aluehallintovirasto"),
    }
    assert {(a.kind, a.actor.id) for a in report.actors} == {
        ("actor_removed", "te"),
        ("actor_added", "hyvinvointialue"),
        ("actor_added", "tyovoimaviranomainen"),
        ("actor_added", "elinvoimakeskus"),
    }
    assert {(m.field, m.old, m.new) for m in report.metadata} == {
        ("title", "Kotouttamisen vastuunjako", "Kotoutumisen edistämisen vastuunjako"),
        ("programme.name", "Forssan seudun kotouttamisohjelma", "Forssan seudun kotoutumisohjelma"),
        ("programme.period", "2021–2024", "2025–2028"),
    }


def test_the_text_and_the_pdf_of_the_revision_give_the_same_changes(periods):
    as_text = extract_document("v2.txt", markup_to_text(V2_MARKUP).encode("utf-8"))
    from_pdf = diff_documents(*periods)
    from_text = diff_documents(periods[0], as_text)
    assert [_key(c) for c in from_text.changes] == [_key(c) for c in from_pdf.changes]


def test_a_document_diffed_with_itself_reports_nothing(seed_doc):
    report = diff_documents(seed_doc, seed_doc)
    assert report.summary == {} and report.changes == []


def _plain(doc, order=None) -> str:
    """The document as plain text, its sections in `order` (default: as they are)."""
    head = doc.text[: doc.sections[0].start].strip()
    bodies = {s.id: doc.text[s.start : s.end].strip() for s in doc.sections}
    ids = order or [s.id for s in doc.sections]
    return head + "\n\n" + "\n\n".join(bodies[i] for i in ids) + "\n"


def test_reordered_sections_report_only_section_moved(seed_doc):
    base = extract_document("a.txt", _plain(seed_doc).encode())
    ids = [s.id for s in seed_doc.sections]
    reordered = extract_document(
        "b.txt", _plain(seed_doc, [ids[3], ids[0], ids[4], ids[1], ids[2]]).encode()
    )
    report = diff_documents(base, reordered)
    assert report.changes == [] and report.actors == [] and report.metadata == []
    assert set(report.summary) == {"section_moved"}


def test_a_renamed_section_is_one_rename_and_its_statements_stay(seed_doc):
    text = _plain(seed_doc)
    base = extract_document("a.txt", text.encode())
    edited = text.replace("\nKotoutuja\n", "\nMaahanmuuttaja\n")
    report = diff_documents(base, extract_document("b.txt", edited.encode()))
    assert report.changes == [] and report.actors == []
    assert [(s.kind, s.old_id, s.id, s.old_heading, s.heading) for s in report.sections] == [
        ("section_renamed", "kotoutuja", "maahanmuuttaja", "Kotoutuja", "Maahanmuuttaja")
    ]


def test_one_reworded_sentence_reports_one_reword(seed_doc):
    text = _plain(seed_doc)
    base = extract_document("a.txt", text.encode())
    edited = text.replace(
        "vastaa Suomen viisumipolitiikasta.", "vastaa Suomen viisumipolitiikan linjauksista."
    )
    report = diff_documents(base, extract_document("b.txt", edited.encode()))
    assert report.summary == {"reworded": 1}
    (change,) = report.changes
    assert change.old.task == "Suomen viisumipolitiikasta"
    assert change.new.task == "Suomen viisumipolitiikan linjauksista"


@pytest.mark.parametrize(
    ("old", "new", "kind"),
    [
        pytest.param(
            "Kunta voi järjestää kotoutumiskoulutusta.",
            "Kunnan on järjestettävä kotoutumiskoulutusta.",
            "modality_changed",
            id="permission-to-duty",
        ),
        pytest.param(
            "Kunta vastaa neuvonnasta.",
            "Kunta ei vastaa neuvonnasta.",
            "negation_changed",
            id="negation",
        ),
        pytest.param(
            "TE-toimisto vastaa neuvonnasta.",
            "Kunta vastaa neuvonnasta.",
            "moved",
            id="moved-after-reform",
        ),
        pytest.param(
            "ELY-keskus vastaa neuvonnasta.",
            "Elinvoimakeskus vastaa neuvonnasta.",
            "actor_renamed",
            id="renamed-by-registry",
        ),
        pytest.param(
            "Kunta vastaa neuvonnasta.",
            "Kunta vastaa neuvonnasta. Kela vastaa etuuksista.",
            "added",
            id="added",
        ),
    ],
)
def test_change_kinds(old, new, kind):
    report = diff_documents(
        extract_document("a.txt", old.encode()), extract_document("b.txt", new.encode())
    )
    assert [c.kind for c in report.changes] == [kind]


def test_report_validates_against_its_schema(periods):
    report = diff_documents(*periods)
    schema = json.loads((ROOT / "schemas" / "diff.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(json.loads(to_json(report)), schema)
    assert DiffReport.model_validate_json(to_json(report)) == report


def test_output_is_deterministic(periods):
    a, b = periods
    assert to_json(diff_documents(a, b)) == to_json(diff_documents(a, b))
    assert render_markdown(diff_documents(a, b), a, b) == render_markdown(
        diff_documents(a, b), a, b
    )


def test_html_escapes_document_text():
    old = extract_document("a.txt", b"Kunta vastaa neuvonnasta.")
    new = extract_document("b.txt", b"Kunta vastaa <script>alert(1)</script> neuvonnasta.")
    page = render_html(diff_documents(old, new), old, new)
    assert "<script>alert" not in page and "&lt;script&gt;" in page
    assert page.startswith("<!DOCTYPE html>") and "http" not in page  # self-contained


def test_markdown_quotes_both_versions_with_pages(periods):
    a, b = periods
    md = render_markdown(diff_documents(a, b), a, b)
    assert md.startswith("# Muutokset vastuunjaossa")
    assert "- Vanha: Forssan seudun kotouttamisohjelma 2021–2024 (" in md
    assert "  - vanha: TE-toimisto toimii yhteistyössä kuntien kanssa. (s. 3)" in md
    assert "  - uusi: Työvoimaviranomainen toimii yhteistyössä kuntien kanssa. (s. 2)" in md
    en = render_markdown(diff_documents(a, b), a, b, lang="en")
    assert en.startswith("# Changes in the division of responsibilities")
    assert "  - old: TE-toimisto toimii yhteistyössä kuntien kanssa. (p. 3)" in en
    assert "**moved to another actor**: Työ- ja elinkeinotoimisto → Työvoimaviranomainen" in en


def test_a_rewording_is_marked_word_by_word(periods):
    a, b = periods
    report = diff_documents(a, b)
    md = render_markdown(report, a, b)
    assert "Suomen ~~viisumipolitiikasta~~ **viisumipolitiikan linjauksista**" in md
    page = render_html(report, a, b)
    assert "<del>viisumipolitiikasta</del>" in page
    assert "<ins>viisumipolitiikan linjauksista</ins>" in page


def test_committed_report_is_current(periods):
    a, b = periods
    path = ROOT / "outputs" / "forssan-seutu-2021-2024-vs-2025-2028.diff.md"
    assert path.read_text(encoding="utf-8") == render_markdown(diff_documents(a, b), a, b), (
        "run `make extract` and commit outputs/"
    )


def test_cli_exit_codes_and_formats(tmp_path, capsys):
    seed_json = ROOT / "outputs" / f"{SEED.stem}.json"
    v2_json = ROOT / "outputs" / "forssan-seutu-2025-2028-liite-6.json"
    assert main(["diff", str(seed_json), str(seed_json)]) == 0
    assert "Ei muutoksia." in capsys.readouterr().out
    assert main(["diff", str(seed_json), str(seed_json), "--lang", "en"]) == 0
    assert "No changes." in capsys.readouterr().out
    out = tmp_path / "r.html"
    assert main(["diff", str(seed_json), str(v2_json), "--format", "html", "-o", str(out)]) == 1
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["diff", str(seed_json), str(v2_json), "--format", "json"]) == 1
    assert json.loads(capsys.readouterr().out)["summary"]["moved"] == 6


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        pytest.param(lambda d: d / "puuttuu.json", "no such file", id="missing"),
        pytest.param(
            lambda d: (d / "x.json").write_text("nope") and d / "x.json",
            "is not JSON",
            id="not-json",
        ),
        pytest.param(
            lambda d: (d / "y.json").write_text("{}") and d / "y.json",
            "does not match the contract",
            id="not-a-document",
        ),
    ],
)
def test_cli_bad_input_is_one_line_and_exit_2(tmp_path, capsys, make, reason):
    bad = make(tmp_path)
    seed_json = ROOT / "outputs" / f"{SEED.stem}.json"
    assert main(["diff", str(bad), str(seed_json)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith(f"error: {bad}") and reason in err[0]
