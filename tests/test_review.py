"""The review page of one document and the diff page, as a browser shows them: every
statement highlighted once, the table's links landing on ids that exist, filters that
work, and no script from the document's text. Rendered by headless Chromium
(`--dump-dom`, the DOM after the page's own script ran) where it is installed."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from pipeline.cli import main
from pipeline.diff import diff_documents
from pipeline.document import extract_document
from pipeline.report import render_html
from pipeline.review import anchor_id, render_review
from tests.browser import dump_dom, needs_browser
from tests.conftest import ROOT

# Markup in a document's text, in a statement, in a heading and in plain paragraphs.
HOSTILE = (
    "<script>alert(0)</script> Vastuunjako\n\n"
    "Kunta vastaa <script>alert(1)</script> neuvonnasta.\n\n"
    'Kela vastaa "><img src=x onerror=alert(2)> etuuksista.\n\n'
    "Taustaa: <script>alert(3)</script> ohjelmasta.\n\n"
    'Lisätietoa "><img src=x onerror=alert(4)> verkosta.\n'
)


class Page(HTMLParser):
    """What the tests look at: elements with their attributes, and the text inside
    each highlight of a statement."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.open: list[tuple[str, dict[str, str]]] = []
        self.highlighted: dict[str, str] = {}
        self.text: list[str] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        element = (tag, {k: v or "" for k, v in attrs})
        self.elements.append(element)
        if tag not in ("br", "meta", "col", "img", "input"):
            self.open.append(element)

    def handle_endtag(self, tag):
        while self.open:
            if self.open.pop()[0] == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        for _, attrs in self.open:
            for sid in attrs.get("data-statements", "").split():
                self.highlighted[sid] = self.highlighted.get(sid, "") + data

    def ids(self) -> list[str]:
        return [a["id"] for _, a in self.elements if "id" in a]

    def tags(self, name: str) -> list[dict[str, str]]:
        return [a for t, a in self.elements if t == name]


def _check_statements(page: Page, doc) -> None:
    ids = page.ids()
    anchors = [i for i in ids if i.startswith("st-")]
    # every statement once as an anchor in the text, and nothing else
    assert sorted(anchors) == sorted(anchor_id(r) for r in doc.responsibilities)
    assert len(set(ids)) == len(ids)
    # the table links to anchors that exist, one row per statement
    rows = [a for a in page.tags("tr") if "statement" in a.get("class", "").split()]
    assert sorted(r["data-target"] for r in rows) == sorted(anchors)
    # each statement's highlight is its task, exactly
    for r in doc.responsibilities:
        assert " ".join(page.highlighted[anchor_id(r)].split()) == " ".join(r.task.split())


def test_every_statement_is_highlighted_once_and_linked(seed_doc):
    _check_statements(Page(render_review(seed_doc)), seed_doc)


def test_repairs_are_marked_with_the_original(seed_doc):
    page = Page(render_review(seed_doc))
    marked = [a for a in page.tags("span") if "repair" in a.get("class", "").split()]
    titles = " ".join(a["title"] for a in marked)
    assert len(marked) >= len(seed_doc.repairs)
    for rep in seed_doc.repairs:
        assert rep.original in titles


def test_furniture_and_warnings_are_listed_with_pages():
    doc = extract_document(str(ROOT / "sources" / "forssan-seutu-2025-2028-liite-6.pdf"))
    assert doc.furniture
    text = " ".join(Page(render_review(doc)).text)
    for f in doc.furniture:
        assert f"sivu {f.page}" in text and f.text in text


def test_labels_are_finnish_by_default_and_english_on_request(seed_doc):
    fi, en = render_review(seed_doc), render_review(seed_doc, "en")
    assert '<html lang="fi">' in fi and "Vastuut toimijoittain" in fi
    assert '<html lang="en">' in en and "Statements per actor" in en


def test_the_page_is_self_contained(seed_doc):
    markup = render_review(seed_doc)
    page = Page(markup)
    assert not page.tags("link") and not page.tags("img")
    assert all("src" not in a for a in page.tags("script"))
    assert "http://" not in markup and "https://" not in markup


def test_document_text_is_escaped():
    doc = extract_document("vihamielinen.txt", HOSTILE.encode())
    page = Page(render_review(doc))
    assert len(page.tags("script")) == 1 and not page.tags("img")
    text = "".join(page.text)
    assert "<script>alert" in text and '"><img src=x onerror=alert' in text


@needs_browser
def test_chromium_renders_the_review_page_and_runs_its_script(tmp_path, seed_doc):
    path = tmp_path / "seed.html"
    path.write_text(render_review(seed_doc), encoding="utf-8")
    dom = Page(dump_dom(path))
    (body,) = dom.tags("body")
    assert body.get("data-ready") == "1"  # the page's script ran to its end
    _check_statements(dom, seed_doc)


@needs_browser
def test_chromium_runs_no_script_from_the_document(tmp_path):
    doc = extract_document("vihamielinen.txt", HOSTILE.encode())
    assert len(doc.responsibilities) == 2
    path = tmp_path / "v.html"
    path.write_text(render_review(doc), encoding="utf-8")
    dom = Page(dump_dom(path))
    assert len(dom.tags("script")) == 1 and not dom.tags("img")
    assert dom.tags("body")[0].get("data-ready") == "1"
    assert "<script>alert" in "".join(dom.text)


@needs_browser
def test_chromium_filters_by_the_address(tmp_path, seed_doc):
    path = tmp_path / "seed.html"
    path.write_text(render_review(seed_doc), encoding="utf-8")
    dom = Page(dump_dom(path, "actor=kunta&modality=responsible"))
    rows = [a for a in dom.tags("tr") if "statement" in a.get("class", "").split()]
    shown = [r for r in rows if "display: none" not in r.get("style", "")]
    expected = [
        r for r in seed_doc.responsibilities if "kunta" in r.actors and r.modality == "responsible"
    ]
    assert len(shown) == len(expected) > 0
    assert all("kunta" in r["data-actors"].split() for r in shown)


@needs_browser
def test_chromium_renders_the_diff_page(tmp_path, seed_doc):
    new = extract_document(
        str(ROOT / "tests" / "data" / "revisions" / "forssan-seutu-2026-2029.txt")
    )
    report = diff_documents(seed_doc, new)
    path = tmp_path / "diff.html"
    path.write_text(render_html(report, seed_doc, new), encoding="utf-8")
    dom = Page(dump_dom(path))
    assert not dom.tags("script") and not dom.tags("img")
    ids = set(dom.ids())
    links = [a["href"][1:] for a in dom.tags("a") if a.get("href", "").startswith("#")]
    assert links and all(link in ids for link in links)
    assert {c.id for c in report.changes if c.aspects != ["actor_renamed"]} <= ids
    text = " ".join(dom.text)
    assert "Forssan seudun kotouttamisohjelma 2021–2024" in text
    assert "Forssan seudun kotoutumisohjelma 2026–2029" in text


@needs_browser
def test_chromium_runs_no_script_from_a_diffed_document(tmp_path):
    old = extract_document("a.txt", b"Kunta vastaa neuvonnasta.")
    new = extract_document("b.txt", HOSTILE.encode())
    path = tmp_path / "diff.html"
    path.write_text(render_html(diff_documents(old, new), old, new), encoding="utf-8")
    dom = Page(dump_dom(path))
    assert not dom.tags("script") and not dom.tags("img")
    assert '"><img src=x onerror=alert' in "".join(dom.text)


# --- the command line ----------------------------------------------------------------


def test_review_writes_the_page_beside_the_json(tmp_path, capsys):
    doc = tmp_path / "seed.json"
    assert main(["extract", str(ROOT / "sources" / "forssan-seutu-2021-2024-liite-6.txt"),
                 "-o", str(doc), "--quiet"]) == 0  # fmt: skip
    assert main(["review", str(doc)]) == 0
    assert (tmp_path / "seed.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert capsys.readouterr().err.strip() == f"{doc} -> {tmp_path / 'seed.html'}"
    assert main(["review", str(doc), "-o", "-", "--lang", "en"]) == 0
    assert '<html lang="en">' in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["-o", "x.pdf"], "review writes .html", id="wrong-suffix"),
        pytest.param([], "no such file", id="missing"),
    ],
)
def test_review_bad_input_is_one_line(tmp_path, capsys, args, message):
    assert main(["review", str(tmp_path / "puuttuu.json"), *args]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("error: ") and message in err[0]


def test_extract_review_writes_both_and_a_stale_page_is_redone(tmp_path):
    src = tmp_path / "kunta.txt"
    src.write_text("Kunta vastaa neuvonnasta.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert main(["extract", str(src), "-o", str(out), "--review", "--quiet"]) == 0
    assert (out / "kunta.json").exists() and (out / "kunta.html").exists()
    (out / "kunta.html").unlink()
    assert main(["extract", str(src), "-o", str(out), "--review", "--changed", "--quiet"]) == 0
    assert (out / "kunta.html").exists()


def test_extract_review_to_stdout_is_an_error(capsys):
    assert main(["extract", str(ROOT / "sources" / "forssan-seutu-2021-2024-liite-6.txt"),
                 "-o", "-", "--review"]) == 2  # fmt: skip
    assert "--review writes a page beside each JSON file" in capsys.readouterr().err


def test_committed_review_pages_are_current(seed_doc):
    path = ROOT / "outputs" / "forssan-seutu-2021-2024-liite-6.html"
    assert path.read_text(encoding="utf-8") == render_review(seed_doc), (
        "run `make extract` and commit outputs/"
    )
