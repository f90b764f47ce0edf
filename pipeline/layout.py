"""Pages of lines -> one reflowed text of headings, paragraphs and list items.

What it does:
- finds how the source marks gaps: PDFs by vertical distance between lines;
  text by blank lines, understanding the extractor pattern where every line is
  followed by a blank line (then one blank line is a line break, two are a
  paragraph gap and three or more are a page break);
- removes running headers, footers and page numbers (text repeated in the
  margin across pages, or a bare number there) and keeps them as furniture;
- joins lines into blocks, continuing a sentence across a page break, keeping
  headings and list items as blocks of their own;
- joins a line-end hyphen safely: before a conjunction (`sosiaali-` + `ja`) it
  is a suspended hyphen and keeps its space; otherwise the hyphen is kept and
  the halves are joined, and the position is handed on as a `HyphenBreak` so
  that `repair.py` can decide with Voikko whether the hyphen goes;
- records which page every character came from.

It does not split glued words or judge hyphens by the dictionary (`repair.py`),
and it does not decide which headings are sections (`sections.py`).
"""

from __future__ import annotations

import itertools
import statistics
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

import regex

from pipeline import markers
from pipeline.grammar.labels import field as field_label
from pipeline.ingest import RawDocument, RawLine

Gap = Literal["none", "blank", "page"]
BlockKind = Literal["heading", "paragraph", "item"]

BLOCK_SEPARATOR = "\n\n"

# Sentence-final punctuation: a line ending in one of these may end a paragraph.
_TERMINAL = (".", "!", "?", ":", ";")
_ITEM = markers.ITEM
# A dash also starts a wrapped line inside a sentence (`– opetus- ja ...`): it marks
# an item only after a sentence's end (a lead-in's colon included), another item or a gap.
_DASH_ITEM = markers.DASH_ITEM
# A bullet glyph the PDF font does not map to Unicode: pdfminer writes `(cid:127)`,
# Symbol fonts give a private-use character. Either is read as a plain bullet.
_UNMAPPED_BULLET = regex.compile(r"^(?:\(cid:\d+\)|\p{Co})\s*")
_NUMBERED_HEADING = regex.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}")
_CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli", "tahi", "että", "and", "or", "och", "eller"})
_LINE_END_HYPHEN = regex.compile(r"(?<=\p{L})[-\u00ad]$")
_PAGE_NUMBER = regex.compile(
    r"^(?:(?:sivu|s\.|page)\s*)?[-–]?\s*\d{1,4}\s*[-–]?(?:\s*(?:/|\(|of|\|)\s*\d{1,4}\s*\)?)?$",
    regex.IGNORECASE,
)


@dataclass(frozen=True)
class Line:
    """A non-empty line with what reflow needs to know about it."""

    text: str
    page: int
    gap_before: Gap
    width_ratio: float  # how much of the full text width the line fills (0..1+)
    indent: float  # left edge relative to the page's text column, in line heights
    emphasised: bool  # bold or larger than the body text: a heading signal
    measured: bool = False  # indent from PDF geometry (not from leading spaces)


@dataclass(frozen=True)
class Furniture:
    kind: Literal["header", "footer", "page_number"]
    text: str
    page: int


@dataclass(frozen=True)
class HyphenBreak:
    """A line-end hyphen kept at `offset` in the text, joined to the next line's word."""

    offset: int
    page: int


@dataclass(frozen=True)
class Block:
    kind: BlockKind
    start: int
    end: int


@dataclass(frozen=True)
class Reflowed:
    text: str
    pages: list[tuple[int, int, int]]  # (page number, start, end), partitioning text
    blocks: list[Block]
    furniture: list[Furniture]
    hyphen_breaks: list[HyphenBreak]
    warnings: list[tuple[str, str]] = field(default_factory=list)


def reflow(raw: RawDocument) -> Reflowed:
    """Reflow a document's pages into one text with blocks and a page map."""
    warnings: list[tuple[str, str]] = []
    if raw.format == "pdf":
        pages = [[(ln, p.number) for ln in p.lines] for p in raw.pages]
        furniture, pages = _remove_furniture(pages, raw)
        lines = _pdf_lines(pages)
    else:
        lines, inferred = _text_lines(raw)
        if inferred:
            warnings.append(
                (
                    "pages-inferred",
                    f"page numbers inferred from {inferred} run(s) of blank lines in a text source",
                )
            )
        furniture = []
        if len({ln.page for ln in lines}) > 1:
            furniture, lines = _remove_text_furniture(lines)
    return _assemble(lines, furniture, warnings)


# --- text sources -----------------------------------------------------------------


def _text_lines(raw: RawDocument) -> tuple[list[Line], int]:
    """Lines of a text source with their gaps; returns the lines and the inferred page breaks."""
    runs: list[tuple[str, int, int, bool]] = []  # text, blank lines before, page, form feed before
    for raw_page in raw.pages:
        blank = 0
        first = True
        for ln in raw_page.lines:
            if not ln.text.strip():
                blank += 1
                continue
            runs.append((ln.text.rstrip(), blank, raw_page.number, first and raw_page.number > 1))
            blank, first = 0, False
    if not runs:
        return [], 0
    gaps = [b for _, b, _, ff in runs[1:] if not ff]
    # The extractor pattern: (nearly) every line is followed by exactly one blank line.
    # Such a file has (almost) no two non-blank lines in a row.
    double_spaced = (
        len(gaps) >= 8
        and sum(1 for b in gaps if b == 1) >= 0.6 * len(gaps)
        and sum(1 for b in gaps if b == 0) <= 0.1 * len(gaps)
    )
    widths = sorted(len(t) for t, *_ in runs)
    # A full line: the 80th percentile of line lengths, at least what a page line holds,
    # so that in a short text a one-word heading does not count as full width.
    full = max(widths[int(0.8 * (len(widths) - 1))], 50)
    lines: list[Line] = []
    page, inferred = 1, 0
    for i, (text, blank, _, form_feed) in enumerate(runs):
        gap: Gap
        if i == 0:
            gap = "none"
        elif form_feed:
            gap, page = "page", page + 1
        elif double_spaced:
            if blank >= 3:
                gap, page, inferred = "page", page + 1, inferred + 1
            else:
                gap = "blank" if blank == 2 else "none"
        else:
            gap = "blank" if blank >= 1 else "none"
        stripped = text.strip()
        lines.append(
            Line(
                text=stripped,
                page=page,
                gap_before=gap,
                width_ratio=len(stripped) / full,
                indent=(len(text) - len(text.lstrip())) / 4,
                emphasised=False,
            )
        )
    return lines, inferred


def _remove_text_furniture(lines: list[Line]) -> tuple[list[Furniture], list[Line]]:
    """Headers/footers of a paged text source: first or last line of a page, repeated."""
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        by_page.setdefault(ln.page, []).append(i)
    candidates: dict[int, Literal["header", "footer"]] = {}
    for idxs in by_page.values():
        candidates[idxs[0]] = "header"
        if len(idxs) > 1:
            candidates[idxs[-1]] = "footer"
    found = _classify_furniture(
        {i: (lines[i].text, kind, lines[i].page) for i, kind in candidates.items()}, len(by_page)
    )
    kept: list[Line] = []
    pending_gap: Gap | None = None
    for i, ln in enumerate(lines):
        if i in found:
            if ln.gap_before == "page":
                pending_gap = "page"
            continue
        if pending_gap:
            ln = Line(ln.text, ln.page, pending_gap, ln.width_ratio, ln.indent, ln.emphasised)
            pending_gap = None
        kept.append(ln)
    furniture = [Furniture(found[i], lines[i].text, lines[i].page) for i in sorted(found)]
    return furniture, kept


# --- PDF sources ------------------------------------------------------------------

PageLines = list[tuple[RawLine, int]]


def _remove_furniture(
    pages: list[PageLines], raw: RawDocument
) -> tuple[list[Furniture], list[PageLines]]:
    """Find running headers, footers and page numbers in the page margins of a PDF."""
    candidates: dict[tuple[int, int], tuple[str, Literal["header", "footer"], int]] = {}
    for pi, page in enumerate(pages):
        height = raw.pages[pi].height or 842.0
        for li, (ln, number) in enumerate(page):
            top = ln.top if ln.top is not None else 0.0
            bottom = ln.bottom if ln.bottom is not None else height
            # Running furniture stands among the first or last two lines, in the
            # outer fifth of the page; repetition across pages decides the rest.
            if top < 0.2 * height and li < 2:
                candidates[(pi, li)] = (ln.text, "header", number)
            elif bottom > 0.8 * height and li >= len(page) - 2:
                candidates[(pi, li)] = (ln.text, "footer", number)
    keyed = {pi * 100000 + li: v for (pi, li), v in candidates.items()}
    found = _classify_furniture(keyed, len(pages))
    furniture: list[Furniture] = []
    kept_pages: list[PageLines] = []
    for pi, page in enumerate(pages):
        kept: PageLines = []
        for li, (ln, number) in enumerate(page):
            kind = found.get(pi * 100000 + li)
            if kind:
                furniture.append(Furniture(kind, ln.text, number))
            else:
                kept.append((ln, number))
        kept_pages.append(kept)
    return furniture, kept_pages


def _classify_furniture(
    candidates: dict[int, tuple[str, Literal["header", "footer"], int]], n_pages: int
) -> dict[int, Literal["header", "footer", "page_number"]]:
    """Margin lines repeated (digits aside) on many pages, or bare page numbers."""
    if n_pages < 2:
        return {}
    shapes = Counter(
        (_shape(text), kind) for text, kind, _ in {(t, k, p) for t, k, p in candidates.values()}
    )
    needed = max(2, round(0.4 * n_pages))
    found: dict[int, Literal["header", "footer", "page_number"]] = {}
    taken: set[tuple[int, str, str]] = set()
    # A page has one running header of a shape, the outermost line: the same words just
    # below it are the document's own title (a footer likewise, from the bottom).
    order = sorted(candidates, key=lambda k: k if candidates[k][1] == "header" else -k)
    for key in order:
        text, kind, page = candidates[key]
        if _PAGE_NUMBER.match(text.strip()):
            found[key] = "page_number"
        elif shapes[(_shape(text), kind)] >= needed and (page, _shape(text), kind) not in taken:
            found[key] = kind
            taken.add((page, _shape(text), kind))
    return found


def _shape(text: str) -> str:
    return regex.sub(r"\d+", "#", regex.sub(r"\s+", " ", text.strip().lower()))


def _pdf_lines(pages: list[PageLines]) -> list[Line]:
    body = [ln for page in pages for ln, _ in page]
    if not body:
        return []
    heights = [ln.bottom - ln.top for ln in body if ln.bottom is not None and ln.top is not None]
    line_height = statistics.median(heights) if heights else 12.0
    sizes = [ln.size for ln in body if ln.size]
    body_size = statistics.median(sizes) if sizes else None
    leadings = [
        b.top - a.top
        for page in pages
        for (a, _), (b, _) in itertools.pairwise(page)
        if a.top is not None and b.top is not None and 0 < b.top - a.top < 4 * line_height
    ]
    leading = statistics.median(leadings) if leadings else line_height * 1.2
    lefts = [ln.x0 for ln in body if ln.x0 is not None]
    rights = [ln.x1 for ln in body if ln.x1 is not None]
    left = min(lefts) if lefts else 0.0
    right = sorted(rights)[int(0.9 * (len(rights) - 1))] if rights else 1.0
    column = max(1.0, right - left)

    lines: list[Line] = []
    for pi, page in enumerate(pages):
        prev: RawLine | None = None
        for li, (ln, number) in enumerate(page):
            gap: Gap
            if li == 0:
                gap = "page" if pi > 0 and lines else "none"
            elif prev is not None and prev.top is not None and ln.top is not None:
                gap = "blank" if ln.top - prev.top > 1.4 * leading else "none"
            else:
                gap = "none"
            x0 = ln.x0 if ln.x0 is not None else left
            x1 = ln.x1 if ln.x1 is not None else right
            emphasised = ln.bold or bool(body_size and ln.size and ln.size > body_size + 0.9)
            lines.append(
                Line(
                    text=_UNMAPPED_BULLET.sub("• ", ln.text.strip()),
                    page=number,
                    gap_before=gap,
                    width_ratio=(x1 - left) / column,
                    indent=(x0 - left) / line_height,
                    emphasised=emphasised,
                    measured=True,
                )
            )
            prev = ln
    return lines


# --- reflow -----------------------------------------------------------------------


def _is_item(text: str) -> bool:
    return bool(_ITEM.match(text))


def _is_dash_item(lines: list[Line], i: int, kinds: list[BlockKind]) -> bool:
    if not _DASH_ITEM.match(lines[i].text):
        return False
    return (
        i == 0
        or lines[i].gap_before != "none"
        or kinds[i - 1] == "item"
        or _ends_sentence(lines[i - 1].text)  # a sentence never goes on after its end
    )


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith(_TERMINAL)


def _starts_lower(text: str) -> bool:
    first = text.lstrip("\"'(«»”“")[:1]
    return first.islower() or first.isdigit()


def _heading_like(lines: list[Line], i: int) -> bool:
    """A short line, not ending a sentence, standing between two sentence boundaries."""
    line = lines[i]
    text = line.text
    if (_is_item(text) and not _NUMBERED_HEADING.match(text)) or field_label(text):
        return False
    if text.endswith((*_TERMINAL, ",", "-", "–", "\u00ad")) or len(text.split()) > 14:
        return False
    first = text[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    if not line.emphasised and line.width_ratio > 0.75 and not _NUMBERED_HEADING.match(text):
        return False
    prev = lines[i - 1] if i > 0 else None
    # Bold or larger type against plain text before it is a heading whatever precedes.
    set_apart = line.emphasised and (prev is None or not prev.emphasised)
    # A list item ends at a blank line even without final punctuation.
    item_ended = prev is not None and _is_item(prev.text) and line.gap_before != "none"
    if prev is not None and not set_apart and not item_ended and not _closes_unit(prev):
        return False
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is not None and _DASH_ITEM.match(nxt.text) and _starts_lower(nxt.text[1:].lstrip()):
        return False  # `– opetusministeriö ...`: the sentence goes on after a dash
    return nxt is None or not _starts_lower(nxt.text)


def _closes_unit(line: Line) -> bool:
    """Whether a line can be the last of its block (so a heading may follow it)."""
    text = line.text
    return (
        _ends_sentence(text)
        or (text.endswith((")", '"', "”", "»")) and not _LINE_END_HYPHEN.search(text))
        or _heading_like_simple(line)
        or (line.width_ratio < 0.6 and not text.endswith((",", "-")))
    )


def _heading_like_simple(line: Line) -> bool:
    """Context-free part of the heading test, used for the line before a candidate."""
    text = line.text
    return (
        bool(text[:1])
        and (text[0].isupper() or text[0].isdigit())
        and not text.endswith((*_TERMINAL, ",", "-", "–"))
        and (line.emphasised or line.width_ratio <= 0.75)
        and len(text.split()) <= 14
        and not _is_item(text)
    )


def _starts_block(
    lines: list[Line], i: int, kinds: list[BlockKind], block_start: int
) -> BlockKind | None:
    """The kind of block line i starts, or None when it continues the block that line
    `block_start` opened."""
    line = lines[i]
    if i == 0:
        return (
            "heading"
            if _heading_like(lines, i)
            else ("item" if _is_item(line.text) else "paragraph")
        )
    prev = lines[i - 1]
    if _heading_like(lines, i):
        return "heading"
    if _is_item(line.text) or _is_dash_item(lines, i, kinds):
        return "item"
    if field_label(line.text) or field_label(prev.text):
        return "paragraph"  # `Vastuutaho: kunta` in an action plan: a unit of its own
    if kinds[i - 1] == "heading":
        return "paragraph"
    mid_sentence = not _ends_sentence(prev.text) or _LINE_END_HYPHEN.search(prev.text) is not None
    if line.gap_before == "page":
        return (
            None
            if mid_sentence and (_starts_lower(line.text) or prev.text.endswith(","))
            else "paragraph"
        )
    if line.gap_before == "blank":
        return None if mid_sentence and _starts_lower(line.text) else "paragraph"
    if kinds[i - 1] == "item":
        # An item's wrapped line starts lower-case or hangs indented under the item
        # text; in a PDF a line back at the marker's edge starts a new paragraph.
        if _starts_lower(line.text):
            return None
        if line.measured:
            return None if line.indent > lines[block_start].indent + 0.5 else "paragraph"
        if line.indent > prev.indent + 0.5 or not _ends_sentence(prev.text):
            return None
        return "paragraph"
    # Same flow, no gap: a short line that ends a sentence ended its paragraph.
    if _ends_sentence(prev.text) and prev.width_ratio < 0.7 and not _starts_lower(line.text):
        return "paragraph"
    return None


def _assemble(
    lines: list[Line], furniture: list[Furniture], warnings: list[tuple[str, str]]
) -> Reflowed:
    parts: list[str] = []
    length = 0
    page_of_parts: list[tuple[int, int]] = []  # (offset where a page's text starts, page)
    blocks: list[Block] = []
    hyphens: list[HyphenBreak] = []
    kinds: list[BlockKind] = []
    block_start = 0
    block_line = 0  # the line that opened the current block
    current: BlockKind | None = None

    def emit(s: str, page: int) -> None:
        nonlocal length
        if not page_of_parts or page_of_parts[-1][1] != page:
            page_of_parts.append((length, page))
        parts.append(s)
        length += len(s)

    for i, line in enumerate(lines):
        starts = _starts_block(lines, i, kinds, block_line)
        kind: BlockKind = starts or current or "paragraph"
        kinds.append(kind)
        if starts is not None:
            if current is not None:
                blocks.append(Block(current, block_start, length))
                emit(BLOCK_SEPARATOR, lines[i - 1].page)
            block_start, block_line, current = length, i, starts
            emit(line.text, line.page)
            continue
        prev = parts[-1]
        if _LINE_END_HYPHEN.search(prev):
            first_word = line.text.split(maxsplit=1)[0].lower().strip(",.;:")
            if prev.endswith("\u00ad"):
                # A soft hyphen at a line end is always a hyphenation point: join.
                parts[-1] = prev[:-1]
                length -= 1
                emit(line.text, line.page)
            elif first_word in _CONJUNCTIONS:
                emit(" " + line.text, line.page)  # suspended hyphen: `sosiaali- ja`
            else:
                hyphens.append(HyphenBreak(length - 1, lines[i - 1].page))
                emit(line.text, line.page)
        else:
            emit(" ", lines[i - 1].page)
            emit(line.text, line.page)
    if current is not None:
        blocks.append(Block(current, block_start, length))
    text = "".join(parts)
    pages: list[tuple[int, int, int]] = []
    for j, (start, page) in enumerate(page_of_parts):
        end = page_of_parts[j + 1][0] if j + 1 < len(page_of_parts) else len(text)
        if pages and pages[-1][0] == page:
            pages[-1] = (page, pages[-1][1], end)
        elif end > start or not pages:
            pages.append((page, start, end))
    return Reflowed(
        text, _fill_pages(pages, furniture, len(text)), blocks, furniture, hyphens, warnings
    )


def _fill_pages(
    pages: list[tuple[int, int, int]], furniture: list[Furniture], n: int
) -> list[tuple[int, int, int]]:
    """Give every page number up to the last one a (possibly empty) span, in order."""
    last = max([p for p, _, _ in pages] + [f.page for f in furniture] + [1])
    spans = {p: (s, e) for p, s, e in pages}
    out: list[tuple[int, int, int]] = []
    cursor = 0
    for number in range(1, last + 1):
        s, e = spans.get(number, (cursor, cursor))
        out.append((number, s, e))
        cursor = e
    if out:
        number, s, _ = out[-1]
        out[-1] = (number, s, max(n, s))
    return out
