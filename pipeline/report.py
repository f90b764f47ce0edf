"""A `DiffReport` for people: Markdown (for reading and for git) or one self-contained
HTML page, in Finnish by default (`lang="en"` for English).

Both name the two programmes and their periods, count the changes, list renames
once each with the statements they touch, and then the other changes per actor,
each with all its aspects, the rewording word by word (removed words struck,
added words marked) and the sentence quoted from both documents with its pages.
Every piece of document text is escaped in HTML. Rendering is deterministic.
"""

from __future__ import annotations

import html
from collections import defaultdict

from pipeline.actors import registry
from pipeline.diff import word_diff
from pipeline.models import (
    Change,
    DiffReport,
    DocumentRef,
    ExtractedDocument,
    Responsibility,
    SectionChange,
)
from pipeline.sheets import MODALITY_FI

LANGS = ("fi", "en")

LABELS: dict[str, dict[str, str]] = {
    "fi": {
        "title": "Muutokset vastuunjaossa",
        "old": "Vanha",
        "new": "Uusi",
        "summary": "Yhteenveto",
        "change": "muutos",
        "count": "määrä",
        "none": "Ei muutoksia.",
        "document": "Asiakirja",
        "sections": "Luvut",
        "actors": "Toimijat",
        "renames": "Nimenmuutokset",
        "statements": "vastuuta",
        "page": "s.",
        "not": "ei",
        "added": "lisätty",
        "removed": "poistettu",
        "reworded": "muotoiltu uudelleen",
        "moved": "siirretty toiselle toimijalle",
        "modality_changed": "velvoittavuus muuttui",
        "negation_changed": "kielto muuttui",
        "actor_renamed": "toimijan nimi muuttui",
        "section_moved": "eri luvussa",
        "section_added": "luku lisätty",
        "section_renamed": "luku nimetty uudelleen",
        "section_removed": "luku poistettu",
        "actor_added": "uusi toimija",
        "actor_removed": "poistunut toimija",
        "metadata_changed": "tiedot muuttuivat",
        "field.title": "otsikko",
        "field.appendix": "liite",
        "field.programme.name": "ohjelma",
        "field.programme.region": "alue",
        "field.programme.period": "kausi",
    },
    "en": {
        "title": "Changes in the division of responsibilities",
        "old": "Old",
        "new": "New",
        "summary": "Summary",
        "change": "change",
        "count": "count",
        "none": "No changes.",
        "document": "Document",
        "sections": "Sections",
        "actors": "Actors",
        "renames": "Renamed actors",
        "statements": "statements",
        "page": "p.",
        "not": "not",
        "added": "added",
        "removed": "removed",
        "reworded": "reworded",
        "moved": "moved to another actor",
        "modality_changed": "modality changed",
        "negation_changed": "negation changed",
        "actor_renamed": "actor renamed",
        "section_moved": "in another section",
        "section_added": "section added",
        "section_renamed": "section renamed",
        "section_removed": "section removed",
        "actor_added": "new actor",
        "actor_removed": "actor gone",
        "metadata_changed": "metadata changed",
        "field.title": "title",
        "field.appendix": "appendix",
        "field.programme.name": "programme",
        "field.programme.region": "region",
        "field.programme.period": "period",
    },
}


# The summary's rows in reading order: statements first, then sections, actors, metadata.
_ORDER = ("added", "removed", "moved", "actor_renamed", "modality_changed", "negation_changed",
          "reworded", "section_moved", "section_renamed", "section_added", "section_removed",
          "actor_added", "actor_removed", "metadata_changed")  # fmt: skip


def _labels(lang: str) -> dict[str, str]:
    return LABELS[lang if lang in LABELS else "fi"]


def _summary(report: DiffReport) -> list[tuple[str, int]]:
    rank = {k: i for i, k in enumerate(_ORDER)}
    return sorted(report.summary.items(), key=lambda kv: (rank.get(kv[0], len(rank)), kv[0]))


def _heading(s: SectionChange) -> str:
    return f"{s.old_heading} → {s.heading}" if s.old_heading else s.heading


def _modality(m: str, lang: str) -> str:
    return MODALITY_FI.get(m, m) if lang == "fi" else m


def name_of(actor: str, docs: list[ExtractedDocument]) -> str:
    for d in docs:
        for a in d.actors:
            if a.id == actor:
                return a.name
    entry = registry().get(actor)
    return entry.name if entry else actor


def _names(actors: list[str], docs: list[ExtractedDocument]) -> str:
    return ", ".join(name_of(a, docs) for a in actors)


def _what(ref: DocumentRef) -> str:
    """A programme's name and period, or the document's title."""
    prog = ref.programme
    if prog is None:
        return ref.title or ""
    period = f" {prog.period.start}–{prog.period.end}" if prog.period else ""
    return prog.name + period


def _sentence(doc: ExtractedDocument, r: Responsibility) -> str:
    return " ".join(doc.text[r.evidence.start : r.evidence.end].split())


def _pages(r: Responsibility) -> str:
    return ", ".join(str(p) for p in r.evidence.pages)


def _pure_renames(report: DiffReport) -> set[str]:
    """Changes that are nothing but a rename: listed with their rename, not again."""
    return {c.id for c in report.changes if c.aspects == ["actor_renamed"]}


def _by_actor(report: DiffReport) -> dict[str, list[Change]]:
    skip = _pure_renames(report)
    groups: dict[str, list[Change]] = defaultdict(list)
    for c in report.changes:
        if c.id in skip:
            continue
        ref = c.new or c.old
        assert ref is not None
        groups[ref.actors[0] if ref.actors else "-"].append(c)
    return dict(sorted(groups.items()))


def _aspect_label(c: Change, t: dict[str, str]) -> str:
    return ", ".join(t[a] for a in c.aspects)


# --- Markdown ------------------------------------------------------------------------


def _md_task(c: Change) -> str:
    if c.old is not None and c.new is not None and "reworded" in c.aspects:
        pieces = []
        for how, words in word_diff(c.old.task, c.new.task):
            pieces.append({"same": words, "removed": f"~~{words}~~", "added": f"**{words}**"}[how])
        return " ".join(pieces)
    ref = c.new or c.old
    assert ref is not None
    return ref.task


def _relation(r: Responsibility, t: dict[str, str]) -> str:
    return f"{t['not']} {r.relation}" if r.negated else r.relation


def _md_statement(c: Change, docs: list[ExtractedDocument], t: dict[str, str], lang: str) -> str:
    old, new = c.old, c.new
    if old is not None and new is not None:
        actors = _names(new.actors, docs)
        if old.actors != new.actors:
            actors = f"{_names(old.actors, docs)} → {actors}"
        relation = _relation(new, t)
        if _relation(old, t) != relation:
            relation = f"{_relation(old, t)} → {relation}"
        modality = (
            ""
            if old.modality == new.modality
            else f" ({_modality(old.modality, lang)} → {_modality(new.modality, lang)})"
        )
        return f"{actors}: {relation}{modality} — {_md_task(c)}"
    ref = new or old
    assert ref is not None
    return f"{_names(ref.actors, docs)}: {_relation(ref, t)} — {ref.task}"


def render_markdown(
    report: DiffReport, old: ExtractedDocument, new: ExtractedDocument, lang: str = "fi"
) -> str:
    t = _labels(lang)
    docs = [new, old]
    by_id = {c.id: c for c in report.changes}
    lines = [f"# {t['title']}", ""]
    for label, ref in ((t["old"], report.old), (t["new"], report.new)):
        lines.append(f"- {label}: {_what(ref)} (`{ref.path}`)")
    lines += ["", f"## {t['summary']}", ""]
    if not report.summary:
        lines.append(t["none"])
    else:
        lines += [f"| {t['change']} | {t['count']} |", "|---|---:|"]
        lines += [f"| {t.get(kind, kind)} | {count} |" for kind, count in _summary(report)]
    if report.metadata:
        lines += ["", f"## {t['document']}", ""]
        lines += [
            f"- {t.get('field.' + m.field, m.field)}: {m.old or '–'} → {m.new or '–'}"
            for m in report.metadata
        ]
    if report.sections:
        lines += ["", f"## {t['sections']}", ""]
        for s in report.sections:
            where = f"{s.old_position or '–'} → {s.new_position or '–'}"
            lines.append(f"- {t[s.kind]}: {_heading(s)} ({where})")
    if report.actors:
        lines += ["", f"## {t['actors']}", ""]
        lines += [f"- {t[a.kind]}: {a.actor.name}" for a in report.actors]
    if report.renames:
        lines += ["", f"## {t['renames']}", ""]
        for rn in report.renames:
            tasks = [by_id[i].new.task for i in rn.changes if by_id[i].new is not None]  # type: ignore[union-attr]
            lines.append(
                f"- {_names(rn.old_actors, docs)} → {_names(rn.new_actors, docs)}: "
                f"{len(rn.changes)} {t['statements']}: " + "; ".join(tasks)
            )
    for actor, changes in _by_actor(report).items():
        lines += ["", f"## {name_of(actor, docs)}", ""]
        for c in changes:
            lines.append(f"- **{_aspect_label(c, t)}**: {_md_statement(c, docs, t, lang)}")
            if c.old is not None:
                lines.append(
                    f"  - {t['old'].lower()}: {_sentence(old, c.old)} ({t['page']} {_pages(c.old)})"
                )
            if c.new is not None:
                lines.append(
                    f"  - {t['new'].lower()}: {_sentence(new, c.new)} ({t['page']} {_pages(c.new)})"
                )
    return "\n".join(lines) + "\n"


# --- HTML ----------------------------------------------------------------------------

_CSS = """
body { font-family: system-ui, sans-serif; margin: 2rem; max-width: 90rem; color: #222; }
h1 { margin-bottom: .2rem; }
p.periods { margin-top: 0; font-size: 1.1rem; }
p.periods code { font-size: .8rem; color: #555; }
.overview { display: grid; grid-template-columns: auto 1fr; gap: 0 3rem; align-items: start; }
.overview h2 { margin-top: .8rem; }
table { border-collapse: collapse; margin-bottom: 1.5rem; }
table.changes { width: 100%; table-layout: fixed; }
table.changes col.kind { width: 16%; }
th, td { border: 1px solid #ccc; padding: .4rem .6rem; vertical-align: top; text-align: left;
         overflow-wrap: break-word; }
th { background: #f3f3f3; }
td.kind { font-weight: 600; }
td.count { text-align: right; }
tr.added td.new, tr.added td.kind { background: #e6f4ea; }
tr.removed td.old, tr.removed td.kind { background: #fce8e6; }
tr.reworded td, tr.actor_renamed td { background: #fef7e0; }
tr.moved td, tr.section_moved td { background: #e8f0fe; }
tr.modality_changed td, tr.negation_changed td { background: #f3e8fd; }
.task { font-weight: 600; }
.sentence { color: #444; }
del { background: #fce8e6; color: #a50e0e; }
ins { background: #e6f4ea; color: #0d652d; text-decoration: none; }
.page, .also { color: #666; font-size: .85em; }
"""


def _html_task(c: Change, side: str) -> str:
    """The task of one side, with the rewording marked word by word."""
    e = html.escape
    r = c.old if side == "old" else c.new
    assert r is not None
    if c.old is None or c.new is None or "reworded" not in c.aspects:
        return f'<span class="task">{e(r.task)}</span>'
    keep = "removed" if side == "old" else "added"
    tag = "del" if side == "old" else "ins"
    pieces = [
        f"<{tag}>{e(words)}</{tag}>" if how == keep else e(words)
        for how, words in word_diff(c.old.task, c.new.task)
        if how in ("same", keep)
    ]
    return f'<span class="task">{" ".join(pieces)}</span>'


def _cell(doc: ExtractedDocument, c: Change, side: str, t: dict[str, str], lang: str) -> str:
    r = c.old if side == "old" else c.new
    if r is None:
        return ""
    e = html.escape
    return (
        f"{e(_names(r.actors, [doc]))} — {e(_relation(r, t))} ({e(_modality(r.modality, lang))}): "
        f"{_html_task(c, side)}"
        f'<br><span class="sentence">{e(_sentence(doc, r))}</span> '
        f'<span class="page">({t["page"]} {e(_pages(r))})</span>'
    )


def _overview(report: DiffReport, t: dict[str, str]) -> list[str]:
    """The first screen: the counts, and what changed in the document as a whole."""
    e = html.escape
    out = ['<div class="overview">', f"<section><h2>{e(t['summary'])}</h2>"]
    if report.summary:
        out.append(f"<table><tr><th>{e(t['change'])}</th><th>{e(t['count'])}</th></tr>")
        out += [
            f'<tr><td>{e(t.get(k, k))}</td><td class="count">{v}</td></tr>'
            for k, v in _summary(report)
        ]
        out.append("</table>")
    else:
        out.append(f"<p>{e(t['none'])}</p>")
    out.append("</section><div>")
    lists: list[tuple[str, list[str]]] = [
        (
            t["document"],
            [
                f"{t.get('field.' + m.field, m.field)}: {m.old or '–'} → {m.new or '–'}"
                for m in report.metadata
            ],
        ),
        (
            t["sections"],
            [
                f"{t[s.kind]}: {_heading(s)} ({s.old_position or '–'} → {s.new_position or '–'})"
                for s in report.sections
            ],
        ),
        (t["actors"], [f"{t[a.kind]}: {a.actor.name}" for a in report.actors]),
    ]
    for title, items in lists:
        if items:
            out.append(f"<section><h2>{e(title)}</h2><ul>")
            out += [f"<li>{e(item)}</li>" for item in items]
            out.append("</ul></section>")
    out.append("</div></div>")
    return out


def _rename_rows(report: DiffReport, docs: list[ExtractedDocument], t: dict[str, str]) -> list[str]:
    """One row per rename, listing its statements; one that also changed otherwise
    links to its own row below."""
    e = html.escape
    by_id = {c.id: c for c in report.changes}
    out = [
        f"<h2>{e(t['renames'])}</h2>",
        '<table class="changes"><colgroup><col class="kind"><col></colgroup>',
        f"<tr><th>{e(t['change'])}</th><th>{e(t['statements'])}</th></tr>",
    ]
    for rn in report.renames:
        items = []
        for i in rn.changes:
            c = by_id[i]
            assert c.new is not None
            item = f'{e(_relation(c.new, t))}: <span class="task">{e(c.new.task)}</span>'
            others = [a for a in c.aspects if a != "actor_renamed"]
            if others:
                also = ", ".join(t[a] for a in others)
                item += f' <a class="also" href="#{e(c.id)}">({e(also)})</a>'
            items.append(f"<li>{item}</li>")
        out.append(
            f'<tr class="actor_renamed"><td class="kind">{e(_names(rn.old_actors, docs))} → '
            f"{e(_names(rn.new_actors, docs))} ({len(rn.changes)})</td>"
            f"<td><ul>{''.join(items)}</ul></td></tr>"
        )
    out.append("</table>")
    return out


def render_html(
    report: DiffReport, old: ExtractedDocument, new: ExtractedDocument, lang: str = "fi"
) -> str:
    e = html.escape
    t = _labels(lang)
    docs = [new, old]
    periods = []
    for label, ref, doc in ((t["old"], report.old, old), (t["new"], report.new, new)):
        periods.append(
            f"{e(label)}: <strong>{e(_what(ref))}</strong> <code>{e(ref.path)}</code>, "
            f"{len(doc.responsibilities)} {e(t['statements'])}"
        )
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">',
        f"<title>{e(t['title'])}: {e(_what(report.old))} → {e(_what(report.new))}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{e(t['title'])}</h1>",
        f'<p class="periods">{"<br>".join(periods)}</p>',
        *_overview(report, t),
    ]
    if report.renames:
        out += _rename_rows(report, docs, t)
    for actor, changes in _by_actor(report).items():
        out.append(f"<h2>{e(name_of(actor, docs))}</h2>")
        out.append(
            '<table class="changes"><colgroup><col class="kind"><col><col></colgroup>'
            f"<tr><th>{e(t['change'])}</th><th>{e(t['old'])}</th><th>{e(t['new'])}</th></tr>"
        )
        for c in changes:
            out.append(
                f'<tr class="{e(c.kind)}" id="{e(c.id)}">'
                f'<td class="kind">{e(_aspect_label(c, t))}</td>'
                f'<td class="old">{_cell(old, c, "old", t, lang)}</td>'
                f'<td class="new">{_cell(new, c, "new", t, lang)}</td></tr>'
            )
        out.append("</table>")
    out.append("</body></html>")
    return "\n".join(out) + "\n"
