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
from pipeline.ingest import RawDocument, RawLine, RawTable
from pipeline.pdfpage import RawCell, RawRow

Gap = Literal["none", "blank", "page"]
BlockKind = Literal["heading", "paragraph", "item", "table_cell"]
CELL_SEPARATOR = " | "
ROW_SEPARATOR = "\n"

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
_LINE_END_HYPHEN = regex.compile(r"(?<=[\p{L}\p{N}])[-\u00ad]$")  # `65-` + `vuotiaille` too
_SPACED_HYPHEN_END = regex.compile(r"(?:\)|\b\p{Lu}{2,}\d*|\d) -$")
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
    # a table cell: the table (an index into `Reflowed.tables`), its row and column
    table: int | None = None
    row: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Table:
    """A table of the text: its rows of cells are blocks of kind `table_cell`. `roles`
    name the columns of an action plan by its header row (`task`, `responsible`,
    `partners`, `schedule`, `indicator`); `header` is the number of header rows."""

    start: int
    end: int
    rows: int
    columns: int
    roles: tuple[str | None, ...]
    header: int
    pages: tuple[int, ...]
    ruled: bool


@dataclass(frozen=True)
class Reflowed:
    text: str
    pages: list[tuple[int, int, int]]  # (page number, start, end), partitioning text
    blocks: list[Block]
    furniture: list[Furniture]
    hyphen_breaks: list[HyphenBreak]
    warnings: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


def reflow(raw: RawDocument) -> Reflowed:
    """Reflow a document's pages into one text with blocks and a page map."""
    warnings: list[tuple[str, str]] = []
    if raw.format == "pdf":
        pages = [[(ln, p.number) for ln in p.lines] for p in raw.pages]
        furniture, kept = _remove_furniture(pages, raw)
        pieces = _pdf_pieces(raw, pages, kept)
        return _assemble(pieces, furniture, warnings)
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
    return _assemble(_text_pieces(lines), furniture, warnings)


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
            # trailing tabs are a table row's empty cells: kept
            runs.append(
                (ln.text.rstrip(" \r\n"), blank, raw_page.number, first and raw_page.number > 1)
            )
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
        stripped = text.strip(" ") if "\t" in text else text.strip()
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


# A table row in a text source: cells separated by tabs or by ` | ` (as this pipeline
# writes them, and as Markdown has them, with or without the outer pipes).
_MARKDOWN_RULE = regex.compile(r"^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$")


def _cells(text: str) -> list[str] | None:
    """The cells of a table row in a text source, or None for a line of prose."""
    stripped = text.strip()
    if "\t" in stripped:
        return [c.strip() for c in stripped.split("\t")]
    if " | " not in stripped and not stripped.startswith("|"):
        return None
    if stripped.startswith("|") and stripped.endswith("|") and len(stripped) > 1:
        stripped = stripped[1:-1]
    return [c.strip() for c in stripped.split("|")]


def _text_pieces(lines: list[Line]) -> list[Piece]:
    """A text source's lines, with its tables cut out: two or more lines of as many
    tab- or pipe-separated cells (`Toimenpide | Vastuutaho | Aikataulu`). A header row
    of labels the lexicon knows makes it an action plan."""
    from pipeline.pdfpage import header_roles

    pieces: list[Piece] = []
    run: list[Line] = []
    i = 0
    while i < len(lines):
        head = _cells(lines[i].text)
        if head is None or len(head) < 2:
            run.append(lines[i])
            i += 1
            continue
        roles = header_roles(head)
        rows: Rows = [(tuple((c,) if c else () for c in head), lines[i].page)]
        j = i + 1
        while j < len(lines):
            if _MARKDOWN_RULE.match(lines[j].text.strip()):
                j += 1
                continue
            cells = _cells(lines[j].text)
            # an action plan's rows may end in empty cells; another table's have them all
            if cells is None or not (2 if roles else len(head)) <= len(cells) <= len(head):
                break
            cells += [""] * (len(head) - len(cells))  # empty cells at the end, stripped
            rows.append((tuple((c,) if c else () for c in cells), lines[j].page))
            j += 1
        if len(rows) < 2:
            run.append(lines[i])
            i += 1
            continue
        if run:
            pieces.append(run)
            run = []
        raw = RawTable(
            rows=tuple(
                RawRow(tuple(RawCell(c, float(k), float(k + 1)) for k, c in enumerate(cells)), 0, 0)
                for cells, _ in rows
            ),
            top=0.0, bottom=0.0, x0=0.0, x1=float(len(head)), ruled=False, roles=roles,
        )  # fmt: skip
        pieces.append((rows, raw))
        i = j
    if run:
        pieces.append(run)
    return pieces


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
) -> tuple[list[Furniture], list[list[int]]]:
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
    kept_pages: list[list[int]] = []  # per page, the indices of the lines kept
    for pi, page in enumerate(pages):
        kept: list[int] = []
        for li, (ln, number) in enumerate(page):
            kind = found.get(pi * 100000 + li)
            if kind:
                furniture.append(Furniture(kind, ln.text, number))
            else:
                kept.append(li)
        kept_pages.append(kept)
    return furniture, kept_pages


def _classify_furniture(
    candidates: dict[int, tuple[str, Literal["header", "footer"], int]], n_pages: int
) -> dict[int, Literal["header", "footer", "page_number"]]:
    """Margin lines repeated (digits aside) on many pages, or bare page numbers."""
    if n_pages < 2:  # nothing repeats on one page; a bare number in its margin is its number
        return {
            key: "page_number"
            for key, (text, _, _) in candidates.items()
            if _PAGE_NUMBER.match(text.strip())
        }
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


# A table as the layout joins it: its rows, each with the page it stands on.
TablePiece = tuple[list[tuple[tuple[tuple[str, ...], ...], int]], RawTable]
Piece = list[Line] | TablePiece


def _pdf_pieces(raw: RawDocument, pages: list[PageLines], kept: list[list[int]]) -> list[Piece]:
    """The running lines, cut where a table stands, and the tables, in reading order;
    a table continued on the next page (nothing but furniture between) is one."""
    body: list[PageLines] = [
        [page[i] for i in keep] for page, keep in zip(pages, kept, strict=True)
    ]
    lines = _pdf_lines(body)
    pieces: list[Piece] = []

    def run(part: list[Line]) -> None:  # the running text goes on across pages
        if pieces and isinstance(pieces[-1], list):
            pieces[-1].extend(part)
        else:
            pieces.append(list(part))

    cursor = 0
    for pi, raw_page in enumerate(raw.pages):
        keep = kept[pi]
        count = len(keep)
        placed = sorted(
            ((sum(1 for i in keep if i < anchor), t) for anchor, t in raw_page.tables),
            key=lambda x: (x[0], x[1].top),
        )
        done = 0
        for position, table in placed:
            if position > done:
                run(lines[cursor + done : cursor + position])
                done = position
            rows: Rows = [(tuple(c.lines for c in r.cells), raw_page.number) for r in table.rows]
            previous = pieces[-1] if pieces else None
            if isinstance(previous, tuple) and _continues(previous, table, rows):
                _merge(previous, rows)
            else:
                pieces.append((rows, table))
        if count > done:
            run(lines[cursor + done : cursor + count])
        cursor += count
    return [p for p in pieces if not (isinstance(p, list) and not p)]


Rows = list[tuple[tuple[tuple[str, ...], ...], int]]


def _continues(previous: TablePiece, table: RawTable, rows: Rows) -> bool:
    """Whether a table at the head of a page continues the one before it: the same
    columns, and it stands on the next page."""
    before, first = previous
    if before[-1][1] + 1 != rows[0][1] or first.columns != table.columns:
        return False
    return all(abs(a - b) < 3 for a, b in zip(first.edges(), table.edges(), strict=True))


def _merge(previous: TablePiece, rows: Rows) -> None:
    """Append a continued table's rows: without a repeated header row, and with a row
    split over the page break joined to its first half (its first cell goes on in
    lower case, or a cell before the break ended in a hyphen)."""
    before, first = previous
    if first.roles and rows and _texts(rows[0][0]) == _texts(before[0][0]):
        rows = rows[1:]
    if rows and before:
        last_cells, page = before[-1]
        cells = rows[0][0]
        opening = next((c[0] for c in cells if c), "")
        hyphen = any(c and c[-1].endswith("-") for c in last_cells)
        if opening[:1].islower() or (hyphen and not opening[:1].isupper()):
            before[-1] = (tuple(a + b for a, b in zip(last_cells, cells, strict=True)), page)
            rows = rows[1:]
    before.extend(rows)


def _texts(cells: tuple[tuple[str, ...], ...]) -> list[str]:
    return [" ".join(c) for c in cells]


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
            # a line of a column is measured within its column
            edge = ln.left if ln.left is not None else left
            width = (ln.right - ln.left) if ln.left is not None and ln.right is not None else column
            lines.append(
                Line(
                    text=_UNMAPPED_BULLET.sub("• ", ln.text.strip()),
                    page=number,
                    gap_before=gap,
                    width_ratio=(x1 - edge) / max(1.0, width),
                    indent=(x0 - edge) / line_height,
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
    if nxt is not None and _heading_goes_on(line, nxt):
        return True  # `4 Kotouttamisen työnjako` + `ja vastuut` in a narrow column
    return nxt is None or not _starts_lower(nxt.text)


def _heading_goes_on(line: Line, nxt: Line) -> bool:
    """A heading wrapped onto a second line: set in the same emphasis, right below it,
    going on in lower case, ending no sentence."""
    return (
        line.emphasised
        and nxt.emphasised
        and nxt.gap_before == "none"
        and _starts_lower(nxt.text)
        and not nxt.text.rstrip().endswith(_TERMINAL)
        and len(nxt.text.split()) <= 8
    )


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
        return None if _heading_goes_on(prev, line) else "paragraph"
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
    pieces: list[Piece], furniture: list[Furniture], warnings: list[tuple[str, str]]
) -> Reflowed:
    """One text from the pieces: runs of lines joined into blocks, and tables laid out
    row by row (`cell | cell`, a row a line), each non-empty cell a block."""
    out = _Text()
    tables: list[Table] = []
    for piece in pieces:
        if isinstance(piece, tuple):
            tables.append(out.table(piece, len(tables)))
        else:
            out.lines(piece)
    text = "".join(out.parts)
    pages: list[tuple[int, int, int]] = []
    for j, (start, page) in enumerate(out.page_of_parts):
        end = out.page_of_parts[j + 1][0] if j + 1 < len(out.page_of_parts) else len(text)
        if pages and pages[-1][0] == page:
            pages[-1] = (page, pages[-1][1], end)
        elif end > start or not pages:
            pages.append((page, start, end))
    return Reflowed(
        text,
        _fill_pages(pages, furniture, len(text)),
        out.blocks,
        furniture,
        out.hyphens,
        warnings,
        tables,
    )


class _Text:
    """The text being assembled, with its blocks, page map and hyphen breaks."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.page_of_parts: list[tuple[int, int]] = []  # (offset a page's text starts, page)
        self.blocks: list[Block] = []
        self.hyphens: list[HyphenBreak] = []
        self.last_page = 1

    def emit(self, s: str, page: int) -> None:
        if not self.page_of_parts or self.page_of_parts[-1][1] != page:
            self.page_of_parts.append((self.length, page))
        self.parts.append(s)
        self.length += len(s)
        self.last_page = page

    def separate(self) -> None:
        if self.parts:
            self.emit(BLOCK_SEPARATOR, self.last_page)

    def join(self, text: str, page: int, prev_page: int) -> None:
        """A line continuing the one before: a soft hyphen joins, a hyphen before a
        conjunction is suspended (`sosiaali- ja`), another line-end hyphen is kept and
        handed to the repair, else a space."""
        prev = self.parts[-1]
        if _SPACED_HYPHEN_END.search(prev) and text[:1].islower():
            # `KOTO24 -` + `uudistusten`: the spaced hyphen of a compound whose first
            # part is an abbreviation, a number or a bracket binds the next word
            self.emit(text, page)
        elif _LINE_END_HYPHEN.search(prev):
            first_word = text.split(maxsplit=1)[0].lower().strip(",.;:")
            if prev.endswith("\u00ad"):
                # A soft hyphen at a line end is always a hyphenation point: join.
                self.parts[-1] = prev[:-1]
                self.length -= 1
                self.emit(text, page)
            elif first_word in _CONJUNCTIONS:
                self.emit(" " + text, page)
            else:
                self.hyphens.append(HyphenBreak(self.length - 1, prev_page))
                self.emit(text, page)
        else:
            self.emit(" ", prev_page)
            self.emit(text, page)

    def lines(self, lines: list[Line]) -> None:
        kinds: list[BlockKind] = []
        block_start = block_line = 0
        current: BlockKind | None = None
        for i, line in enumerate(lines):
            starts = _starts_block(lines, i, kinds, block_line)
            kind: BlockKind = starts or current or "paragraph"
            kinds.append(kind)
            if starts is not None:
                if current is not None:
                    self.blocks.append(Block(current, block_start, self.length))
                self.separate()
                block_start, block_line, current = self.length, i, starts
                self.emit(line.text, line.page)
                continue
            self.join(line.text, line.page, lines[i - 1].page)
        if current is not None:
            self.blocks.append(Block(current, block_start, self.length))

    def table(self, piece: TablePiece, index: int) -> Table:
        rows, raw = piece
        self.separate()
        start = self.length
        for r, (cells, page) in enumerate(rows):
            if r:
                self.emit(ROW_SEPARATOR, page)
            for c, cell in enumerate(cells):
                if c:
                    self.emit(CELL_SEPARATOR, page)
                if not cell:
                    continue
                cell_start = self.length
                self.emit(cell[0], page)
                for line in cell[1:]:
                    self.join(line, page, page)
                self.blocks.append(Block("table_cell", cell_start, self.length, index, r, c))
        pages = tuple(sorted({page for _, page in rows}))
        header = 1 if raw.roles else 0
        return Table(
            start, self.length, len(rows), raw.columns, raw.roles, header, pages, raw.ruled
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
