"""Responsibility extraction over whole documents: accuracy against the gold files, span
invariants, ids, typeset PDFs. One test per construction lives with its row in
constructions.toml (tests/test_grammar.py)."""

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


@pytest.mark.parametrize("path", sorted((DATA / "pages").glob("*.txt")), ids=lambda p: p.stem)
def test_published_text(path):
    """Texts as authorities publish them (a programme's web page, an agency page, city-board
    minutes): bullets with leading spaces, lead-ins without a colon, first-person text,
    narrative and link lists beside the duties."""
    doc = extract_document(str(path))
    s = score(json.loads(doc.model_dump_json()), _gold(path.stem))
    assert s.f1 >= 0.9, (s.misses, s.extras)
    for r in doc.responsibilities:
        assert doc.text[r.task_span.start : r.task_span.end] == r.task


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
