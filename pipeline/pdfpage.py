"""One PDF page -> its running text lines in reading order, and its tables.

Programmes are exported from Word: action plans are tables, and some pages are set in
two or three columns. Read line by line across the page, both come out interleaved
(`Monikielinen alkuvaiheen ohjaus ja neu- Kunta Työvoimaviranomai- 2025 alkaen`).
This module finds them from the page's geometry before any text is joined:

- **ruled tables**: pdfplumber's `find_tables` on the drawn lines; each cell's text
  is read inside its own box, line by line;
- **unruled tables**: a row of words that are header labels (`Toimenpide`,
  `Vastuutaho`, `Aikataulu`, ... and their Swedish equivalents) gives the column
  edges; the lines below whose words all fall inside one column are its rows, a row
  starting where the vertical gap is wider than the leading inside a cell;
- **columns**: a vertical band free of words, across most of the lines that have
  words on both sides of it, splits the page (twice for three columns); a line that
  crosses the band (a heading over both columns) and a table split the page into
  bands, each read column by column, so a sentence runs from the foot of one column
  to the head of the next.

A page with none of these is read exactly as before (pdfplumber's text lines). Every
line keeps its geometry, with the edges of the column it stands in, so that the
layout measures indents and line widths within the column.
"""

from __future__ import annotations

import itertools
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import regex

from pipeline.grammar.lexicon import lexicon

# How much of a cell's text a ruled table needs before it counts as a table (a drawn
# frame around a paragraph is not one).
_MIN_CELLS_FILLED = 0.4
_MIN_GUTTER = 6.0  # points: the narrowest band between two columns


@dataclass(frozen=True)
class RawLine:
    """One line as extracted. Geometry is None for text sources; `left` and `right`
    are the edges of the column the line stands in (None: the page's text width)."""

    text: str
    x0: float | None = None
    x1: float | None = None
    top: float | None = None
    bottom: float | None = None
    size: float | None = None
    bold: bool = False
    left: float | None = None
    right: float | None = None


@dataclass(frozen=True)
class RawCell:
    lines: tuple[str, ...]  # the cell's text, line by line as set
    x0: float
    x1: float


@dataclass(frozen=True)
class RawRow:
    cells: tuple[RawCell, ...]
    top: float
    bottom: float


@dataclass(frozen=True)
class RawTable:
    """A table on one page; `roles` name each column's role where the first row is a
    header the lexicon knows (`task`, `responsible`, `partners`, `schedule`,
    `indicator`), else it is empty."""

    rows: tuple[RawRow, ...]
    top: float
    bottom: float
    x0: float
    x1: float
    ruled: bool
    roles: tuple[str | None, ...] = ()

    @property
    def columns(self) -> int:
        return len(self.rows[0].cells) if self.rows else 0

    def edges(self) -> tuple[float, ...]:
        return tuple(c.x0 for c in self.rows[0].cells) if self.rows else ()


@dataclass
class PageContent:
    """A page's running lines in reading order, and its tables with the index of the
    line each stands before."""

    lines: list[RawLine] = field(default_factory=list)
    tables: list[tuple[int, RawTable]] = field(default_factory=list)


# --- header labels -----------------------------------------------------------------------


def _label_word(text: str) -> str:
    words = regex.findall(r"\p{L}+", text.lower())
    return words[0] if words else ""


def header_roles(cells: Sequence[str]) -> tuple[str | None, ...]:
    """The role of each column of a header row, by its first word (`Vastuutaho` ->
    `responsible`); empty unless the row names at least a task (or a goal) and a
    responsible column, as an action plan does."""
    roles_by_word = lexicon().table_roles
    roles = tuple(roles_by_word.get(_label_word(c)) for c in cells)
    if not {"task", "goal"} & set(roles) or "responsible" not in roles:
        return ()
    return roles


# --- lines -------------------------------------------------------------------------------


def _raw_lines(page: Any, left: float | None = None, right: float | None = None) -> list[RawLine]:
    lines: list[RawLine] = []
    for line in page.extract_text_lines(return_chars=True, strip=True):
        text = unicodedata.normalize("NFC", line["text"])
        if not text.strip():
            continue
        chars = line.get("chars") or []
        sizes = [c["size"] for c in chars if c.get("text", " ").strip()]
        fonts = [str(c.get("fontname", "")) for c in chars if c.get("text", " ").strip()]
        bold = bool(fonts) and sum("bold" in f.lower() for f in fonts) > len(fonts) / 2
        lines.append(
            RawLine(
                text=text,
                x0=round(float(line["x0"]), 2),
                x1=round(float(line["x1"]), 2),
                top=round(float(line["top"]), 2),
                bottom=round(float(line["bottom"]), 2),
                size=round(statistics.median(sizes), 2) if sizes else None,
                bold=bold,
                left=left,
                right=right,
            )
        )
    return lines


def _within(page: Any, x0: float, top: float, x1: float, bottom: float) -> Any:
    """The page's characters whose centre lies inside a box (a line that touches a
    table's rule belongs where most of it stands), or None for an empty box."""
    if x1 <= x0 or bottom <= top:
        return None

    def inside(obj: dict[str, Any]) -> bool:
        if obj.get("object_type") != "char":
            return False
        cx = (obj["x0"] + obj["x1"]) / 2
        cy = (obj["top"] + obj["bottom"]) / 2
        return x0 <= cx <= x1 and top <= cy <= bottom

    return page.filter(inside)


def _lines_in(
    page: Any, box: tuple[float, float, float, float], column: tuple[float, float] | None = None
) -> list[RawLine]:
    region = _within(page, *box)
    if region is None:
        return []
    return _raw_lines(region, *column) if column else _raw_lines(region)


def _cell_lines(page: Any, bbox: tuple[float, float, float, float]) -> tuple[str, ...]:
    x0, top, x1, bottom = bbox
    return tuple(
        line.text for line in _lines_in(page, (x0 - 0.5, top - 0.5, x1 + 0.5, bottom + 0.5))
    )


# --- ruled tables --------------------------------------------------------------------------


def _ruled_tables(page: Any) -> list[RawTable]:
    out = []
    for found in page.find_tables({"vertical_strategy": "lines", "horizontal_strategy": "lines"}):
        rows: list[RawRow] = []
        for row in found.rows:
            boxes = [c for c in row.cells if c is not None]
            if not boxes:
                continue
            cells = tuple(RawCell(_cell_lines(page, box), box[0], box[2]) for box in boxes)
            rows.append(RawRow(cells, min(b[1] for b in boxes), max(b[3] for b in boxes)))
        if not rows or len(rows[0].cells) < 2:
            continue
        filled = sum(1 for r in rows for c in r.cells if c.lines)
        if len(rows) < 2 or filled < _MIN_CELLS_FILLED * sum(len(r.cells) for r in rows):
            continue
        x0, top, x1, bottom = found.bbox
        roles = header_roles([" ".join(c.lines) for c in rows[0].cells])
        out.append(RawTable(tuple(rows), top, bottom, x0, x1, True, roles))
    return out


# --- words -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float


def _words(page: Any, outside: Sequence[RawTable]) -> list[_Word]:
    out = []
    for w in page.extract_words(keep_blank_chars=False, use_text_flow=False):
        cx, cy = (w["x0"] + w["x1"]) / 2, (w["top"] + w["bottom"]) / 2
        if any(t.x0 <= cx <= t.x1 and t.top <= cy <= t.bottom for t in outside):
            continue
        out.append(
            _Word(
                str(w["text"]), float(w["x0"]), float(w["x1"]), float(w["top"]), float(w["bottom"])
            )
        )
    return out


def _rows_of(words: Sequence[_Word]) -> list[list[_Word]]:
    """Words in rows of one baseline, top to bottom, left to right."""
    rows: list[list[_Word]] = []
    for w in sorted(words, key=lambda w: (round(w.top), w.x0)):
        if rows and abs(rows[-1][0].top - w.top) <= 0.5 * (w.bottom - w.top):
            rows[-1].append(w)
        else:
            rows.append([w])
    return [sorted(r, key=lambda w: w.x0) for r in rows]


# --- unruled tables --------------------------------------------------------------------------


def _groups(row: Sequence[_Word]) -> list[list[_Word]]:
    """A row's words in groups separated by gaps wider than three spaces."""
    height = statistics.median([w.bottom - w.top for w in row])
    groups: list[list[_Word]] = [[row[0]]]
    for a, b in itertools.pairwise(row):
        if b.x0 - a.x1 > 1.2 * height:
            groups.append([b])
        else:
            groups[-1].append(b)
    return groups


def _unruled_tables(rows: list[list[_Word]]) -> list[tuple[RawTable, set[int]]]:
    """Tables without rules, from a header row of labels; with the indices of the word
    rows they take."""
    out = []
    i = 0
    while i < len(rows):
        groups = _groups(rows[i])
        roles = (
            header_roles([" ".join(w.text for w in g) for g in groups]) if len(groups) > 1 else ()
        )
        if not roles:
            i += 1
            continue
        edges = [g[0].x0 for g in groups]
        right = max(w.x1 for w in rows[i])
        taken = {i}
        body: list[list[_Word]] = []
        j = i + 1
        height = statistics.median([w.bottom - w.top for w in rows[i]])
        while j < len(rows):
            row = rows[j]
            gap = row[0].top - (body[-1] if body else rows[i])[0].bottom
            if gap > 2.5 * height or not _fits(row, edges, right + 2 * height):
                break
            body.append(row)
            taken.add(j)
            j += 1
        if body:
            out.append((_unruled(rows[i], groups, body, edges, roles), taken))
        i = j
    return out


def _fits(row: Sequence[_Word], edges: Sequence[float], right: float) -> bool:
    """Whether every word of a row stands inside one column."""
    bounds = [*edges[1:], right]
    for w in row:
        k = max((n for n, e in enumerate(edges) if w.x0 >= e - 2), default=-1)
        if k < 0 or w.x1 > bounds[k] + 2:
            return False
    return True


def _unruled(
    header: Sequence[_Word],
    groups: Sequence[Sequence[_Word]],
    body: Sequence[Sequence[_Word]],
    edges: Sequence[float],
    roles: tuple[str | None, ...],
) -> RawTable:
    """Rows of an unruled table: a new row where the gap above a line is wider than the
    narrowest gap between the table's lines (the leading inside a cell)."""
    gaps = [b[0].top - a[0].bottom for a, b in itertools.pairwise(body)]
    inner = min(gaps) if gaps else 0.0
    right = max(w.x1 for r in [header, *body] for w in r)
    bounds = [*edges[1:], right + 1]

    def split(line: Sequence[_Word]) -> list[list[str]]:
        cells: list[list[str]] = [[] for _ in edges]
        for w in line:
            k = max(n for n, e in enumerate(edges) if w.x0 >= e - 2)
            cells[k].append(w.text)
        return cells

    rows: list[RawRow] = [
        RawRow(
            tuple(
                RawCell((" ".join(w.text for w in g),), e, b)
                for g, e, b in zip(groups, edges, bounds, strict=True)
            ),
            min(w.top for w in header),
            max(w.bottom for w in header),
        )
    ]
    current: list[list[str]] = []
    top = bottom = 0.0
    for n, line in enumerate(body):
        starts = n == 0 or gaps[n - 1] > inner + 1.5
        if starts and current:
            rows.append(_row(current, edges, bounds, top, bottom))
            current = []
        if not current:
            current = [[] for _ in edges]
            top = min(w.top for w in line)
        for k, words in enumerate(split(line)):
            if words:
                current[k].append(" ".join(words))
        bottom = max(w.bottom for w in line)
    if current:
        rows.append(_row(current, edges, bounds, top, bottom))
    x0 = min(edges)
    return RawTable(tuple(rows), rows[0].top, rows[-1].bottom, x0, right, False, roles)


def _row(
    cells: list[list[str]],
    edges: Sequence[float],
    bounds: Sequence[float],
    top: float,
    bottom: float,
) -> RawRow:
    return RawRow(
        tuple(RawCell(tuple(c), e, b) for c, e, b in zip(cells, edges, bounds, strict=True)),
        top,
        bottom,
    )


# --- columns ------------------------------------------------------------------------------------


def _gutter(rows: Sequence[Sequence[_Word]], lo: float, hi: float) -> tuple[float, float] | None:
    """The widest band in the middle half of [lo, hi] that (nearly) no row crosses, with
    text on both sides in a third of the rows or more, and columns of prose on both
    sides (their lines fill most of the column's width: label and value pairs set side
    by side are no columns); None when there is none."""
    if len(rows) < 6 or hi - lo < 100:
        return None
    width = hi - lo
    n = len(rows)
    best: tuple[float, float] | None = None
    start: float | None = None
    x = lo + 0.25 * width
    while x <= lo + 0.75 * width + 1:
        crossing = sum(1 for r in rows if any(w.x0 < x < w.x1 for w in r))
        left = sum(1 for r in rows if any(w.x1 <= x for w in r))
        right = sum(1 for r in rows if any(w.x0 >= x for w in r))
        free = crossing <= 0.05 * n and min(left, right) >= n / 3
        if free and start is None:
            start = x
        if (not free or x > lo + 0.75 * width) and start is not None:
            if x - start >= _MIN_GUTTER and (best is None or x - start > best[1] - best[0]):
                best = (start, x)
            start = None
        x += 1.0
    if best is None:
        return None
    for a, b in ((lo, best[0]), (best[1], hi)):
        spans = [
            max(w.x1 for w in inside) - min(w.x0 for w in inside)
            for r in rows
            if (inside := [w for w in r if a - 1 <= w.x0 and w.x1 <= b + 1])
        ]
        if not spans or statistics.median(spans) < 0.6 * (b - a):
            return None
    return best


def _columns(
    rows: Sequence[Sequence[_Word]], lo: float, hi: float, depth: int = 0
) -> list[tuple[float, float]]:
    """The x-extents of the page's columns (one when it has none): a gutter splits the
    text width, and a side may split once more (three columns)."""
    gutter = _gutter(rows, lo, hi)
    if gutter is None:
        return [(lo, hi)]
    left = [(lo, gutter[0])]
    right = [(gutter[1], hi)]
    if depth == 0:
        for side, (a, b) in (("left", left[0]), ("right", right[0])):
            inside = [[w for w in r if a <= w.x0 and w.x1 <= b] for r in rows]
            more = _columns([r for r in inside if r], a, b, depth + 1)
            if len(more) > 1:
                if side == "left":
                    left = more
                else:
                    right = more
    return [*left, *right]


# --- the page ------------------------------------------------------------------------------------


def read_page(page: Any) -> PageContent:
    """A page's running lines in reading order and its tables; see the module docstring."""
    tables = _ruled_tables(page)
    words = _words(page, tables)
    rows = _rows_of(words)
    for table, taken in _unruled_tables(rows):
        tables.append(table)
        rows = [r for i, r in enumerate(rows) if i not in taken]
    if not words and not tables:
        return PageContent()
    lo = min((w.x0 for r in rows for w in r), default=0.0)
    hi = max((w.x1 for r in rows for w in r), default=float(page.width))
    body = [r for r in rows if len(r) > 1 or r[0].x1 - r[0].x0 > 40]
    columns = _columns(body, lo, hi) if body else [(lo, hi)]
    if not tables and len(columns) == 1:
        return PageContent(_raw_lines(page))  # a page of prose: as it always was read
    return _banded(page, rows, tables, columns, lo, hi)


def _crosses(row: Sequence[_Word], columns: Sequence[tuple[float, float]]) -> bool:
    return any(not any(a - 1 <= w.x0 and w.x1 <= b + 1 for a, b in columns) for w in row)


def _banded(
    page: Any,
    rows: Sequence[Sequence[_Word]],
    tables: Sequence[RawTable],
    columns: Sequence[tuple[float, float]],
    lo: float,
    hi: float,
) -> PageContent:
    """Lines band by band: a table, or a line across the columns, closes a band; within
    a band the columns are read left to right, each top to bottom."""
    # the extent of the columns: rows with words in two columns; above and below it
    # (running headers, page numbers) the page is one column
    multi = len(columns) > 1
    spread = [
        r
        for r in rows
        if multi and sum(any(a - 1 <= w.x0 and w.x1 <= b + 1 for w in r) for a, b in columns) > 1
    ]
    first = min((r[0].top for r in spread), default=None)
    last = max((r[0].bottom for r in spread), default=None)
    if last is not None:
        # a column that runs on below the others' end is still a column, down to a
        # gap wider than a paragraph's or the page's foot (a footer, a page number)
        footer = 0.92 * float(page.height)
        for r in rows:
            height = r[0].bottom - r[0].top
            if r[0].top <= last:
                continue
            if r[0].top - last < 1.5 * height and r[0].top < footer and not _crosses(r, columns):
                last = max(w.bottom for w in r)
            else:
                break
    breaks: list[tuple[float, float, RawTable | None]] = [(t.top, t.bottom, t) for t in tables]
    for r in rows:
        outside = first is None or last is None or r[0].bottom < first or r[0].top > last
        if multi and (outside or _crosses(r, columns)):
            breaks.append((min(w.top for w in r), max(w.bottom for w in r), None))
    breaks.sort(key=lambda b: b[0])
    content = PageContent()
    cursor = 0.0
    for top, bottom, table in [*breaks, (float(page.height), float(page.height), None)]:
        if top > cursor:
            for a, b in columns if multi else [(lo, hi)]:
                content.lines += _lines_in(
                    page, (a - 1, cursor, b + 1, top), (a, b) if multi else None
                )
        if table is not None:
            content.tables.append((len(content.lines), table))
        elif bottom > top:
            content.lines += _lines_in(page, (lo - 1, top - 0.5, hi + 1, bottom + 0.5))
        cursor = max(cursor, bottom + 0.5)
    return content
