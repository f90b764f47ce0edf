"""Rendering for people: a `DiffReport` as Markdown (for reading and for git) or as
one self-contained HTML page (side by side per actor), both quoting the
statements from the two documents with their page numbers (every piece of
document text escaped in HTML); and a document's responsibilities as CSV for a
spreadsheet. Rendering is deterministic.
"""

from __future__ import annotations

import csv
import html
import io
from collections import defaultdict

from pipeline.actors import registry
from pipeline.models import Change, DiffReport, ExtractedDocument, Responsibility

_KIND_LABEL = {
    "added": "added",
    "removed": "removed",
    "reworded": "reworded",
    "moved": "moved to another actor",
    "modality_changed": "modality changed",
    "negation_changed": "negation changed",
    "actor_renamed": "actor renamed",
    "section_moved": "section changed",
}


def _name(actor: str, docs: list[ExtractedDocument]) -> str:
    for d in docs:
        for a in d.actors:
            if a.id == actor:
                return a.name
    entry = registry().get(actor)
    return entry.name if entry else actor


def _quote(doc: ExtractedDocument, r: Responsibility) -> str:
    text = " ".join(doc.text[r.evidence.start : r.evidence.end].split())
    pages = ", ".join(str(p) for p in r.evidence.pages)
    return f"{text} (p. {pages})"


def _by_actor(report: DiffReport) -> dict[str, list[Change]]:
    groups: dict[str, list[Change]] = defaultdict(list)
    for c in report.changes:
        ref = c.old or c.new
        assert ref is not None
        groups[ref.actors[0] if ref.actors else "-"].append(c)
    return dict(sorted(groups.items()))


def render_markdown(report: DiffReport, old: ExtractedDocument, new: ExtractedDocument) -> str:
    docs = [new, old]
    lines = ["# Changes in the division of responsibilities", ""]
    for label, ref in (("Old", report.old), ("New", report.new)):
        prog = ref.programme
        if prog is None:
            what = ref.title or ""
        else:
            period = f" {prog.period.start}–{prog.period.end}" if prog.period else ""
            what = prog.name + period
        lines.append(f"- {label}: `{ref.path}` — {what}")
    lines += ["", "## Summary", ""]
    if not report.summary:
        lines.append("No changes.")
    else:
        lines += ["| change | count |", "|---|---:|"]
        lines += [f"| {kind} | {count} |" for kind, count in report.summary.items()]
    if report.metadata:
        lines += ["", "## Document", ""]
        lines += [f"- {m.field}: {m.old or '–'} → {m.new or '–'}" for m in report.metadata]
    if report.sections:
        lines += ["", "## Sections", ""]
        for s in report.sections:
            where = f"{s.old_position or '–'} → {s.new_position or '–'}"
            lines.append(f"- {s.kind.replace('section_', '')}: {s.heading} ({where})")
    if report.actors:
        lines += ["", "## Actors", ""]
        lines += [f"- {a.kind.replace('actor_', '')}: {a.actor.name}" for a in report.actors]
    for actor, changes in _by_actor(report).items():
        lines += ["", f"## {_name(actor, docs)}", ""]
        for c in changes:
            lines.append(f"- **{_KIND_LABEL[c.kind]}**: {c.note}")
            if c.old is not None:
                lines.append(f"  - old: {_quote(old, c.old)}")
            if c.new is not None:
                lines.append(f"  - new: {_quote(new, c.new)}")
    return "\n".join(lines) + "\n"


_CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 80rem; color: #222; }
table { border-collapse: collapse; width: 100%; margin-bottom: 1.5rem; }
th, td { border: 1px solid #ccc; padding: .4rem .6rem; vertical-align: top; text-align: left; }
th { background: #f3f3f3; }
td.kind { white-space: nowrap; font-weight: 600; }
tr.added td.new, tr.added td.kind { background: #e6f4ea; }
tr.removed td.old, tr.removed td.kind { background: #fce8e6; }
tr.reworded td, tr.actor_renamed td { background: #fef7e0; }
tr.moved td, tr.section_moved td { background: #e8f0fe; }
tr.modality_changed td, tr.negation_changed td { background: #f3e8fd; }
.task { font-weight: 600; }
.page { color: #666; font-size: .85em; }
"""


def render_html(report: DiffReport, old: ExtractedDocument, new: ExtractedDocument) -> str:
    e = html.escape
    docs = [new, old]
    out = [
        "<!DOCTYPE html>",
        '<html lang="fi"><head><meta charset="utf-8">',
        "<title>Changes in the division of responsibilities</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>Changes in the division of responsibilities</h1>",
        f"<p>Old: <code>{e(report.old.path)}</code><br>New: <code>{e(report.new.path)}</code></p>",
        "<h2>Summary</h2>",
    ]
    if report.summary:
        out.append("<table><tr><th>change</th><th>count</th></tr>")
        out += [f"<tr><td>{e(k)}</td><td>{v}</td></tr>" for k, v in report.summary.items()]
        out.append("</table>")
    else:
        out.append("<p>No changes.</p>")
    if report.metadata:
        out.append("<h2>Document</h2><ul>")
        out += [
            f"<li>{e(m.field)}: {e(m.old or '–')} → {e(m.new or '–')}</li>" for m in report.metadata
        ]
        out.append("</ul>")
    if report.sections:
        out.append("<h2>Sections</h2><ul>")
        for s in report.sections:
            out.append(
                f"<li>{e(s.kind.replace('section_', ''))}: {e(s.heading)} "
                f"({s.old_position or '–'} → {s.new_position or '–'})</li>"
            )
        out.append("</ul>")
    if report.actors:
        out.append("<h2>Actors</h2><ul>")
        out += [
            f"<li>{e(a.kind.replace('actor_', ''))}: {e(a.actor.name)}</li>" for a in report.actors
        ]
        out.append("</ul>")
    for actor, changes in _by_actor(report).items():
        out.append(f"<h2>{e(_name(actor, docs))}</h2>")
        out.append("<table><tr><th>change</th><th>old</th><th>new</th></tr>")
        for c in changes:
            out.append(
                f'<tr class="{c.kind}"><td class="kind">{e(_KIND_LABEL[c.kind])}</td>'
                f'<td class="old">{_cell(old, c.old)}</td>'
                f'<td class="new">{_cell(new, c.new)}</td></tr>'
            )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"


def _cell(doc: ExtractedDocument, r: Responsibility | None) -> str:
    if r is None:
        return ""
    e = html.escape
    names = ", ".join(_name(a, [doc]) for a in r.actors)
    sentence = " ".join(doc.text[r.evidence.start : r.evidence.end].split())
    pages = ", ".join(str(p) for p in r.evidence.pages)
    return (
        f'{e(names)} — {e(r.relation)}: <span class="task">{e(r.task)}</span>'
        f'<br>{e(sentence)} <span class="page">(p. {e(pages)})</span>'
    )


def responsibilities_csv(doc: ExtractedDocument, delimiter: str = ",") -> str:
    """One row per responsibility, in text order, with the names a reader knows."""
    names = {a.id: a.name for a in doc.actors}
    headings = {s.id: s.heading for s in doc.sections}
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(
        ["actors", "relation", "modality", "task", "negated", "co-actors", "target group",
         "section", "pages", "sentence", "id"]
    )  # fmt: skip
    for r in doc.responsibilities:
        writer.writerow(
            [
                "; ".join(names.get(a, a) for a in r.actors),
                r.relation,
                r.modality,
                r.task,
                "yes" if r.negated else "no",
                "; ".join(names.get(a, a) for a in r.co_actors),
                r.target_group or "",
                headings.get(r.section or "", ""),
                ", ".join(str(p) for p in r.evidence.pages),
                " ".join(doc.text[r.evidence.start : r.evidence.end].split()),
                r.id,
            ]
        )
    return out.getvalue()
