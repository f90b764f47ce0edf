"""Reflow: paragraphs whole, headings and items kept, furniture removed, pages traced."""

from __future__ import annotations

import itertools

import pdfplumber
import pytest
import regex

from pipeline.ingest import RawDocument, RawLine, RawPage
from pipeline.layout import reflow


def _text_doc(text: str) -> RawDocument:
    pages = [
        RawPage(i + 1, [RawLine(line) for line in chunk.split("\n")])
        for i, chunk in enumerate(text.split("\f"))
    ]
    return RawDocument("t.txt", "0" * 64, "text", pages)


def _blocks(text: str) -> list[tuple[str, str]]:
    flow = reflow(_text_doc(text))
    return [(b.kind, flow.text[b.start : b.end]) for b in flow.blocks]


def test_seed_has_no_blank_line_or_page_break_debris(seed_doc):
    assert "\n\n\n" not in seed_doc.text
    for b in seed_doc.blocks:
        body = seed_doc.text[b.start : b.end]
        assert "\n" not in body and "  " not in body and body == body.strip()


def test_seed_sentence_continues_across_page_break(seed_doc):
    assert "henkilökohtaisen kotoutumissuunnitelman laatimiseen" in seed_doc.text


def test_seed_every_paragraph_ends_a_sentence(seed_doc):
    for b in seed_doc.blocks:
        if b.kind == "paragraph":
            assert seed_doc.text[b.end - 1] in ".)", seed_doc.text[b.start : b.end]


def test_seed_pages_partition_the_text(seed_doc):
    pages = seed_doc.pages
    assert pages[0].start == 0 and pages[-1].end == len(seed_doc.text)
    assert all(a.end == b.start for a, b in itertools.pairwise(pages))
    assert seed_doc.source.pages == len(pages) == 4
    assert any(w.code == "pages-inferred" for w in seed_doc.warnings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Otsikko\n\nEnsimmäinen virke jatkuu\nrivin yli. Toinen virke.\n\nUusi kappale.",
            [
                ("heading", "Otsikko"),
                ("paragraph", "Ensimmäinen virke jatkuu rivin yli. Toinen virke."),
                ("paragraph", "Uusi kappale."),
            ],
            id="single-spaced",
        ),
        pytest.param(
            "Kunta vastaa:\n• neuvonnasta\n• ohjauksesta, joka\njatkuu rivin yli\n\nLoppu.",
            [
                ("paragraph", "Kunta vastaa:"),
                ("item", "• neuvonnasta"),
                ("item", "• ohjauksesta, joka jatkuu rivin yli"),
                ("paragraph", "Loppu."),
            ],
            id="bullet-items",
        ),
        pytest.param(
            "Kunta vastaa:\n1) neuvonnasta;\n2) ohjauksesta.",
            [
                ("paragraph", "Kunta vastaa:"),
                ("item", "1) neuvonnasta;"),
                ("item", "2) ohjauksesta."),
            ],
            id="numbered-items",
        ),
        pytest.param(
            "Keskeiset ministeriöt\n– opetusministeriö mukaan lukien – vastaavat.",
            [("paragraph", "Keskeiset ministeriöt – opetusministeriö mukaan lukien – vastaavat.")],
            id="dash-inside-sentence-is-no-item",
        ),
        pytest.param(
            "Se tekee paljon.\n- neuvoo kuntia\n– tekee sopimukset.",
            [
                ("paragraph", "Se tekee paljon."),
                ("item", "- neuvoo kuntia"),
                ("item", "– tekee sopimukset."),
            ],
            id="dash-items-after-a-sentence",
        ),
        pytest.param(
            "Kunta vastaa:\n• neuvonnasta\n\nSivistystoimi\n\nSe opettaa.",
            [
                ("paragraph", "Kunta vastaa:"),
                ("item", "• neuvonnasta"),
                ("heading", "Sivistystoimi"),
                ("paragraph", "Se opettaa."),
            ],
            id="heading-after-an-unpunctuated-item",
        ),
        pytest.param(
            "Virke jatkuu sivun\fvaihdon yli.",
            [("paragraph", "Virke jatkuu sivun vaihdon yli.")],
            id="form-feed-mid-sentence",
        ),
        pytest.param(
            "Sosiaali-\nja terveysministeriö vastaa.",
            [("paragraph", "Sosiaali- ja terveysministeriö vastaa.")],
            id="suspended-hyphen-at-line-end",
        ),
        pytest.param(
            "Palvelu on tarkoitettu kotoutu\u00ad\nmisen tukemiseen.",
            [("paragraph", "Palvelu on tarkoitettu kotoutumisen tukemiseen.")],
            id="soft-hyphen-at-line-end",
        ),
        pytest.param(
            "3.2 Kunta\n\nKunta vastaa.",
            [("heading", "3.2 Kunta"), ("paragraph", "Kunta vastaa.")],
            id="numbered-heading",
        ),
    ],
)
def test_reflow_blocks(text, expected):
    assert _blocks(text) == expected


def test_line_end_hyphen_is_kept_and_handed_to_repair():
    flow = reflow(_text_doc("Kunta vastaa kotoutta-\nmisen edistämisestä."))
    assert flow.text == "Kunta vastaa kotoutta-misen edistämisestä."
    assert [h.offset for h in flow.hyphen_breaks] == [flow.text.index("-")]


def test_paged_text_furniture_is_removed():
    pages = [f"Järvilaakson ohjelma 2025\nSisältö sivulla {n} jatkuu\n{n}" for n in range(1, 4)]
    flow = reflow(_text_doc("\f".join(pages)))
    assert "Järvilaakson" not in flow.text
    assert {f.kind for f in flow.furniture} == {"header", "page_number"}
    assert len(flow.furniture) == 6


# --- the typeset PDF -------------------------------------------------------------------


def test_pdf_fixture_has_the_artefacts(jarvilaakso_pdf):
    """Guard the fixture itself: header, page numbers, hyphenation, a mid-sentence page break."""
    with pdfplumber.open(jarvilaakso_pdf) as pdf:
        texts = [p.extract_text() for p in pdf.pages]
    assert len(texts) >= 3
    assert all(t.splitlines()[0].startswith("Järvilaakson seudun") for t in texts)
    assert all(t.splitlines()[-1].strip() == str(i + 1) for i, t in enumerate(texts))
    assert any(regex.search(r"\p{Ll}-$", line) for t in texts for line in t.splitlines())
    body_ends = [t.splitlines()[-2] for t in texts[:-1]]
    assert any(not end.rstrip().endswith((".", ":")) for end in body_ends)


def test_pdf_text_has_no_furniture(jarvilaakso_doc):
    text = jarvilaakso_doc.text
    assert "Järvilaakson seudun kotoutumisohjelma 2025–2028\n" not in text
    assert not regex.search(r"(?m)^\d+$", text)
    kinds = {f.kind for f in jarvilaakso_doc.furniture}
    assert kinds == {"header", "page_number"}
    assert len(jarvilaakso_doc.furniture) == 2 * jarvilaakso_doc.source.pages


def test_pdf_paragraphs_are_whole(jarvilaakso_doc, jarvilaakso_blocks):
    got = [(b.kind, jarvilaakso_doc.text[b.start : b.end]) for b in jarvilaakso_doc.blocks]
    assert [k for k, _ in got] == [k for k, _ in jarvilaakso_blocks]
    # Layout keeps line-end hyphens; the repair stage decides them (with Voikko).
    assert got == list(jarvilaakso_blocks)


def test_pdf_every_character_traces_to_its_page(jarvilaakso_doc, jarvilaakso_pdf):
    with pdfplumber.open(jarvilaakso_pdf) as pdf:
        page_words = [set(p.extract_text().replace("(cid:127)", "•").split()) for p in pdf.pages]
    doc = jarvilaakso_doc
    rejoined = {(r.start, r.end) for r in doc.repairs if r.kind == "join_hyphenated"}
    for page in doc.pages:
        for m in regex.finditer(r"\S+", doc.text[page.start : page.end]):
            start = page.start + m.start()
            if any(s <= start < e for s, e in rejoined):
                continue  # a word joined across a line end stands on two lines
            assert m.group() in page_words[page.number - 1], (m.group(), page.number)
