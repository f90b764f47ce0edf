"""A review page for one extracted document: one self-contained HTML file to check the
extraction against the text it came from.

The text is shown as the reader knows it (headings, paragraphs, list items), with
each statement's task highlighted in its actor's colour, the actors' names marked,
the sentence a statement came from underlined, and every repair marked with the
original on hover. Beside it: the statements per actor, a table of statements
(actor, relation, modality, task, page) that filters by actor and modality (also
from the address: `page.html#actor=kunta&modality=obligation`) and, on a click,
scrolls the text to the statement; the running headers, footers and page numbers
removed, and the warnings, with their pages.

No network and no external assets: the style and the small script are inline, and
the script reads only attributes this module writes. Every piece of document text
is escaped. Finnish labels by default (`lang="en"` for English).
"""

from __future__ import annotations

import html
import itertools
from collections import Counter, defaultdict
from collections.abc import Callable

from pipeline.models import Block, ExtractedDocument, Responsibility
from pipeline.sheets import MODALITY_FI, programme_name

# Actors' colours: light enough for black text, hues a golden angle apart so that
# neighbours in the list (the actors with most statements come first) differ most.
_GOLDEN_ANGLE = 137.508

LABELS = {
    "fi": {
        "title": "Tarkastussivu",
        "statements": "Vastuut",
        "actor": "toimija",
        "relation": "verbi tai rakenne",
        "modality": "velvoittavuus",
        "task": "tehtävä",
        "page": "sivu",
        "all": "kaikki",
        "count": "vastuita",
        "per_actor": "Vastuut toimijoittain",
        "furniture": "Poistetut ylä- ja alatunnisteet",
        "warnings": "Huomautukset",
        "repairs": "korjausta",
        "none": "ei yhtään",
        "negated": "kielteinen",
        "repaired": "korjattu, alkuperäinen",
        "source": "lähde",
        "header": "ylätunniste",
        "footer": "alatunniste",
        "page_number": "sivunumero",
    },
    "en": {
        "title": "Review",
        "statements": "Statements",
        "actor": "actor",
        "relation": "relation",
        "modality": "modality",
        "task": "task",
        "page": "page",
        "all": "all",
        "count": "statements",
        "per_actor": "Statements per actor",
        "furniture": "Running headers and footers removed",
        "warnings": "Warnings",
        "repairs": "repairs",
        "none": "none",
        "negated": "negated",
        "repaired": "repaired, originally",
        "source": "source",
        "header": "header",
        "footer": "footer",
        "page_number": "page number",
    },
}

_CSS = """
body { font-family: system-ui, sans-serif; margin: 0; color: #222; }
header { padding: 1rem 2rem; border-bottom: 1px solid #ddd; }
header h1 { margin: 0 0 .3rem; font-size: 1.4rem; }
main { display: grid; grid-template-columns: minmax(0, 1fr) minmax(28rem, 1fr); gap: 2rem;
       padding: 1rem 2rem; }
article { line-height: 1.6; max-width: 48rem; }
table.document { font-size: .85rem; margin: 1rem 0; table-layout: fixed; width: 100%;
                 line-height: 1.4; }
table.document td, table.document th { hyphens: auto; }
aside { position: sticky; top: 0; align-self: start; max-height: 100vh; overflow: auto; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin-bottom: 1rem; }
th, td { border: 1px solid #ddd; padding: .25rem .4rem; text-align: left; vertical-align: top;
         overflow-wrap: break-word; }
table#statements { table-layout: fixed; }
table#statements col.actor { width: 25%; }
table#statements col.relation { width: 15%; }
table#statements col.modality { width: 17%; }
table#statements col.page { width: 9%; }
th { background: #f3f3f3; position: sticky; top: 0; }
tr.statement, tr.count { cursor: pointer; }
table#statements { font-size: .85rem; }
tr.statement:hover { background: #f7f7f7; }
.evidence { text-decoration: underline; text-decoration-color: #999; text-underline-offset: 3px; }
.task { border-radius: 2px; padding: 0 1px; }
.actor { font-weight: 600; border-bottom: 2px solid #555; }
.repair { outline: 1px dashed #c00; cursor: help; }
.flash { outline: 3px solid #d32f2f; }
.swatch { display: inline-block; width: .8rem; height: .8rem; border: 1px solid #999;
          vertical-align: middle; margin-right: .3rem; }
label { margin-right: 1rem; }
"""

# The only script: filters, scroll-to-statement and a filter named in the address
# (`page.html#actor=kunta&modality=obligation`, so a filtered view can be shared). It
# reads only attributes this module writes and the address's two values, which it
# compares and never inserts into the page.
_SCRIPT = """
(function () {
  var rows = Array.prototype.slice.call(document.querySelectorAll("tr.statement"));
  var byActor = document.getElementById("filter-actor");
  var byModality = document.getElementById("filter-modality");
  function filter() {
    var a = byActor.value, m = byModality.value;
    rows.forEach(function (row) {
      var actors = row.getAttribute("data-actors").split(" ");
      var show = (!a || actors.indexOf(a) >= 0) && (!m || row.getAttribute("data-modality") === m);
      row.style.display = show ? "" : "none";
    });
  }
  function choose(select, value) {
    for (var i = 0; i < select.options.length; i++) {
      if (select.options[i].value === value) { select.selectedIndex = i; return; }
    }
  }
  location.hash.slice(1).split("&").forEach(function (pair) {
    var kv = pair.split("=");
    if (kv.length !== 2) { return; }
    var value = decodeURIComponent(kv[1]);
    if (kv[0] === "actor") { choose(byActor, value); }
    if (kv[0] === "modality") { choose(byModality, value); }
  });
  filter();
  byActor.addEventListener("change", filter);
  byModality.addEventListener("change", filter);
  document.querySelectorAll("tr.count").forEach(function (row) {
    row.addEventListener("click", function () {
      choose(byActor, row.getAttribute("data-actor"));
      filter();
    });
  });
  rows.forEach(function (row) {
    row.addEventListener("click", function () {
      var id = row.getAttribute("data-target");
      var anchor = document.getElementById(id);
      if (anchor) { anchor.scrollIntoView({block: "center"}); }
      document.querySelectorAll(".flash").forEach(function (el) { el.classList.remove("flash"); });
      document.querySelectorAll("[data-statements]").forEach(function (el) {
        if (el.getAttribute("data-statements").split(" ").indexOf(id) >= 0) {
          el.classList.add("flash");
        }
      });
    });
  });
  document.body.setAttribute("data-ready", "1");
})();
"""


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _colours(doc: ExtractedDocument) -> dict[str, str]:
    counts = Counter(a for r in doc.responsibilities for a in r.actors)
    ranked = sorted(counts, key=lambda a: (-counts[a], a))
    return {
        a: f"hsl({(40 + i * _GOLDEN_ANGLE) % 360:.0f}, 80%, {84 if i % 2 == 0 else 78}%)"
        for i, a in enumerate(ranked)
    }


def anchor_id(r: Responsibility) -> str:
    return f"st-{r.id}"


def _marks(doc: ExtractedDocument) -> list[tuple[int, int, str, str]]:
    """(start, end, kind, value) of everything the text view marks."""
    out: list[tuple[int, int, str, str]] = []
    for r in doc.responsibilities:
        out.append((r.task_span.start, r.task_span.end, "task", anchor_id(r)))
        out.append((r.evidence.start, r.evidence.end, "evidence", anchor_id(r)))
        for a in r.actor_spans:
            out.append((a.start, a.end, "actor", a.actor))
    for rep in doc.repairs:
        out.append((rep.start, rep.end, "repair", rep.original))
    return [m for m in out if m[1] > m[0]]


def _text_view(doc: ExtractedDocument, t: dict[str, str]) -> str:
    """The document's blocks, each cut into segments by the marks that cover them; a
    table as a table, its header row as header cells."""
    marks = _marks(doc)
    colours = _colours(doc)
    first_actor = {anchor_id(r): (r.actors[0] if r.actors else "") for r in doc.responsibilities}
    anchors: dict[int, list[str]] = defaultdict(list)
    for r in doc.responsibilities:
        anchors[r.task_span.start].append(anchor_id(r))

    def marked(start: int, end: int) -> str:
        cuts = {start, end}
        inside = [m for m in marks if m[0] < end and m[1] > start]
        for a, b, _, _ in inside:
            cuts.add(max(start, a))
            cuts.add(min(end, b))
        cuts |= {k for k in anchors if start <= k < end}
        pieces = []
        for a, b in itertools.pairwise(sorted(cuts)):
            for anchor in anchors.get(a, []):
                pieces.append(f'<a class="anchor" id="{_e(anchor)}"></a>')
            active = [m for m in inside if m[0] <= a and m[1] >= b]
            pieces.append(_segment(doc.text[a:b], active, colours, first_actor, t))
        return "".join(pieces)

    rows: dict[int, list[Block]] = defaultdict(list)
    for block in doc.blocks:
        if block.kind == "table_row" and block.table is not None:
            rows[block.table].append(block)
    out = []
    for block in doc.blocks:
        if block.kind == "table_row":
            continue  # laid out with its table
        if block.kind == "table":
            out.append(_table(rows.get(block.table or 0, []), marked))
            continue
        tag = {"heading": "h2", "item": "li", "paragraph": "p"}[block.kind]
        body = marked(block.start, block.end)
        out.append(f"<ul><li>{body}</li></ul>" if tag == "li" else f"<{tag}>{body}</{tag}>")
    return "\n".join(out)


def _table(rows: list[Block], marked: Callable[[int, int], str]) -> str:
    columns = 1 + max((c.column for r in rows for c in r.cells), default=0)
    out = ['<table class="document">']
    if columns >= 4:  # an action plan: the measure wider than the rest
        out.append(f'<colgroup><col style="width:30%">{"<col>" * (columns - 1)}</colgroup>')
    for row in rows:
        tag = "th" if row.header else "td"
        by_column = {c.column: c for c in row.cells}
        cells = [
            f"<{tag}>{marked(c.start, c.end) if (c := by_column.get(k)) else ''}</{tag}>"
            for k in range(columns)
        ]
        out.append(f"<tr>{''.join(cells)}</tr>")
    out.append("</table>")
    return "".join(out)


def _segment(
    text: str,
    active: list[tuple[int, int, str, str]],
    colours: dict[str, str],
    first_actor: dict[str, str],
    t: dict[str, str],
) -> str:
    if not active:
        return _e(text)
    classes = sorted({kind for _, _, kind, _ in active})
    attrs = [f'class="{" ".join(classes)}"']
    tasks = sorted({v for _, _, kind, v in active if kind == "task"})
    if tasks:
        attrs.append(f'data-statements="{_e(" ".join(tasks))}"')
        colour = colours.get(first_actor.get(tasks[0], ""), "#eee")
        attrs.append(f'style="background:{colour}"')
    actors = sorted({v for _, _, kind, v in active if kind == "actor"})
    if actors:
        attrs.append(f'data-actor="{_e(" ".join(actors))}"')
        if not tasks:
            attrs.append(f'style="border-bottom-color:{colours.get(actors[0], "#555")}"')
    originals = [v for _, _, kind, v in active if kind == "repair"]
    if originals:
        attrs.append(f'title="{_e(t["repaired"] + ": " + " | ".join(originals))}"')
    return f"<span {' '.join(attrs)}>{_e(text)}</span>"


def render_review(doc: ExtractedDocument, lang: str = "fi") -> str:
    """The review page of one extracted document."""
    t = LABELS[lang if lang in LABELS else "fi"]
    names = {a.id: a.name for a in doc.actors}
    colours = _colours(doc)
    counts = Counter(a for r in doc.responsibilities for a in r.actors)

    def modality(m: str) -> str:
        return MODALITY_FI.get(m, m) if lang == "fi" else m

    title = programme_name(doc)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(lang)}"><head><meta charset="utf-8">',
        f"<title>{_e(t['title'])}: {_e(title)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<header><h1>{_e(title)}</h1><div>{_e(t['source'])}: <code>{_e(doc.source.path)}</code>"
        f" — {len(doc.responsibilities)} {_e(t['count'])}, {len(doc.repairs)} {_e(t['repairs'])}"
        "</div></header>",
        "<main><article>",
        _text_view(doc, t),
        "</article><aside>",
        f"<h2>{_e(t['per_actor'])}</h2><table>",
        f"<tr><th>{_e(t['actor'])}</th><th>{_e(t['count'])}</th></tr>",
    ]
    for actor, n in sorted(counts.items(), key=lambda x: (-x[1], x[0])):
        out.append(
            f'<tr class="count" data-actor="{_e(actor)}"><td><span class="swatch" '
            f'style="background:{colours[actor]}"></span>'
            f"{_e(names.get(actor, actor))}</td><td>{n}</td></tr>"
        )
    out.append("</table>")
    out.append(f"<h2>{_e(t['statements'])}</h2><p>")
    everything = f'<option value="">{_e(t["all"])}</option>'
    out.append(f'<label>{_e(t["actor"])} <select id="filter-actor">{everything}')
    for actor in sorted(counts, key=lambda a: names.get(a, a)):
        out.append(f'<option value="{_e(actor)}">{_e(names.get(actor, actor))}</option>')
    out.append("</select></label>")
    out.append(f'<label>{_e(t["modality"])} <select id="filter-modality">{everything}')
    for m in sorted({r.modality for r in doc.responsibilities}):
        out.append(f'<option value="{_e(m)}">{_e(modality(m))}</option>')
    out.append(
        '</select></label></p><table id="statements"><colgroup><col class="actor">'
        '<col class="relation"><col class="modality"><col><col class="page"></colgroup>'
    )
    out.append(
        f"<tr><th>{_e(t['actor'])}</th><th>{_e(t['relation'])}</th><th>{_e(t['modality'])}</th>"
        f"<th>{_e(t['task'])}</th><th>{_e(t['page'])}</th></tr>"
    )
    for r in doc.responsibilities:
        negated = f" ({_e(t['negated'])})" if r.negated else ""
        out.append(
            f'<tr class="statement" data-actors="{_e(" ".join(r.actors))}" '
            f'data-modality="{_e(r.modality)}" data-target="{_e(anchor_id(r))}">'
            f"<td>{_e(', '.join(names.get(a, a) for a in r.actors))}</td>"
            f"<td>{_e(r.relation)}{negated}</td><td>{_e(modality(r.modality))}</td>"
            f'<td><a href="#{_e(anchor_id(r))}">{_e(r.task)}</a></td>'
            f"<td>{_e(', '.join(str(p) for p in r.evidence.pages))}</td></tr>"
        )
    out.append("</table>")
    out.append(f"<h2>{_e(t['furniture'])}</h2>")
    if doc.furniture:
        out.append("<ul>")
        out += [
            f"<li>{_e(t['page'])} {f.page}, {_e(t[f.kind])}: {_e(f.text)}</li>"
            for f in doc.furniture
        ]
        out.append("</ul>")
    else:
        out.append(f"<p>{_e(t['none'])}</p>")
    out.append(f"<h2>{_e(t['warnings'])}</h2>")
    if doc.warnings:
        out.append("<ul>")
        for w in doc.warnings:
            where = f"{_e(t['page'])} {w.page}: " if w.page else ""
            out.append(f"<li>{where}<code>{_e(w.code)}</code> {_e(w.message)}</li>")
        out.append("</ul>")
    else:
        out.append(f"<p>{_e(t['none'])}</p>")
    out += ["</aside></main>", f"<script>{_SCRIPT}</script>", "</body></html>"]
    return "\n".join(out) + "\n"
