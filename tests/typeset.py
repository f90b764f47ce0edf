"""Typesets test documents as PDF with reportlab, the way word processors do.

Lines are filled to the measure and broken at Voikko's hyphenation points
(`kotoutta-` + `misen`), after real hyphens (`ELY-` + `keskusten`), with a
running header and a page number on every page, so the PDF tests meet the
artefacts real programmes have. Only test and benchmark code uses this.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import regex
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from pipeline import morphology

Block = tuple[str, str]  # (kind: "heading" | "paragraph" | "item", text)

FONT, BOLD = "Helvetica", "Helvetica-Bold"


def _fits(text: str, font: str, size: float, width: float) -> bool:
    return stringWidth(text, font, size) <= width


def _split_word(
    word: str, room: str, font: str, size: float, width: float
) -> tuple[str, str] | None:
    """The longest head of `word` (with its hyphen) that still fits after `room`."""
    pattern = morphology.hyphenate(word.strip(".,;:()")) if word[:1].isalpha() else ""
    best: tuple[str, str] | None = None
    for i, mark in enumerate(pattern):
        if i < 2 or i > len(word) - 2:
            continue
        if mark == "-":
            head, tail = word[:i] + "-", word[i:]
        elif mark == "=":
            head, tail = word[: i + 1], word[i + 1 :]
        else:
            continue
        if _fits(room + head, font, size, width):
            best = (head, tail)
    return best


def wrap(text: str, font: str, size: float, width: float, hyphenate: bool = True) -> list[str]:
    lines: list[str] = []
    current = ""
    words = text.split()
    i = 0
    while i < len(words):
        word = words[i]
        candidate = f"{current} {word}" if current else word
        if _fits(candidate, font, size, width):
            current = candidate
            i += 1
            continue
        if hyphenate and current:
            split = _split_word(word, current + " ", font, size, width)
            if split:
                lines.append(f"{current} {split[0]}")
                current = ""
                words[i] = split[1]
                continue
        if not current:  # a single word longer than the line
            lines.append(word)
            i += 1
            continue
        lines.append(current)
        current = ""
    if current:
        lines.append(current)
    return lines


def typeset_pdf(
    path: Path,
    blocks: Sequence[Block],
    *,
    header: str | None = None,
    page_numbers: bool = True,
    size: float = 11,
    measure: float = 400,
    hyphenate: bool = True,
    page_height: float | None = None,
) -> Path:
    """Write `blocks` as a multi-page PDF at `path`."""
    width, height = A4[0], page_height or A4[1]
    left, top, bottom = 80.0, height - 90.0, 80.0
    leading = size * 1.3
    canvas = Canvas(str(path), pagesize=(width, height), invariant=1)
    page = 1

    def furniture() -> None:
        if header:
            canvas.setFont(FONT, 8)
            canvas.drawString(left, height - 50, header)
        if page_numbers:
            canvas.setFont(FONT, 9)
            canvas.drawCentredString(width / 2, 40, str(page))

    furniture()
    y = top
    for kind, text in blocks:
        font = BOLD if kind == "heading" else FONT
        fsize = size + 2 if kind == "heading" else size
        indent = 14.0 if kind == "item" else 0.0
        body = text
        bullet = ""
        if kind == "item" and text[:2] in ("• ", "- ", "– "):
            bullet, body = text[:1], text[2:]
        lines = wrap(body, font, fsize, measure - indent, hyphenate and kind != "heading")
        if kind == "heading" and y - 3 * leading < bottom:
            y = bottom - 1  # keep a heading with its text
        for j, line in enumerate(lines):
            if y < bottom:
                canvas.showPage()
                page += 1
                furniture()
                y = top
            canvas.setFont(font, fsize)
            if bullet and j == 0:
                canvas.drawString(left, y, bullet)
            canvas.drawString(left + indent, y, line)
            y -= leading
        y -= leading * (0.3 if kind == "item" else 0.8)
    canvas.showPage()
    canvas.save()
    return path


def read_markup(path: Path) -> list[Block]:
    """A test document in the small markup of tests/data/docs: `# ` heading, an item
    after its bullet as written (`• `, `- `, `– `), blank lines between paragraphs."""
    bullets = ("• ", "- ", "– ")

    def is_item(line: str) -> bool:
        return line.startswith(bullets) or regex.match(r"^(?:\d{1,2}|[a-z])\) ", line) is not None

    blocks: list[Block] = []
    for chunk in path.read_text(encoding="utf-8").split("\n\n"):
        items = is_item(chunk.strip())
        for line in chunk.strip().split("\n") if items else [chunk.strip()]:
            if not line:
                continue
            if line.startswith("# "):
                blocks.append(("heading", line[2:].strip()))
            elif is_item(line):
                blocks.append(("item", line.strip()))
            else:
                blocks.append(("paragraph", " ".join(line.split())))
    return blocks


def markup_to_text(path: Path) -> str:
    """The plain text of a markup test document, as a text extractor would give it:
    headings and paragraphs as lines with a blank line between, items one per line."""
    lines: list[str] = []
    for kind, text in read_markup(path):
        if kind != "item" and lines:
            lines.append("")
        lines.append(text)
    return "\n".join(lines) + "\n"
