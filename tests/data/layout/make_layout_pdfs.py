"""Typeset the layout test documents with LibreOffice, as a municipality's Word export
would be: action-plan tables (ruled, crossing a page break with the header row
repeated; unruled; on a landscape page; with Swedish labels), prose around them, and
the seed appendix in two columns under a title spanning both.

Needs Debian's `libreoffice-writer-nogui` and `libreoffice-voikko` (Finnish
hyphenation, in the cells too); the tests use the committed PDFs. Run from the
project root:

    .venv/bin/python tests/data/layout/make_layout_pdfs.py

The markup is that of tests/data/docs (`# ` headings, `• ` items, paragraphs) with
table rows `| a | b |` (the first row is the header) and directives on lines of
their own: `@unruled` (the next table has no rules), `@landscape` and `@portrait`
(the page orientation from here on), `@columns 2` (or 3) and `@columns 1`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
sys.path.insert(0, str(ROOT))

HEAD = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
   <style:text-properties fo:language="fi" fo:country="FI" fo:font-size="10.5pt"
     fo:hyphenate="true" fo:hyphenation-remain-char-count="2" fo:hyphenation-push-char-count="2"/>
  </style:default-style>
  <style:style style:name="Body" style:family="paragraph">
   <style:paragraph-properties fo:text-align="justify" fo:margin-bottom="0.25cm"/>
  </style:style>
  <style:style style:name="Heading" style:family="paragraph">
   <style:paragraph-properties fo:margin-top="0.4cm" fo:margin-bottom="0.2cm" fo:keep-with-next="always"/>
   <style:text-properties fo:font-size="13pt" fo:font-weight="bold" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Item" style:family="paragraph">
   <style:paragraph-properties fo:margin-left="0.6cm" fo:text-indent="-0.4cm" fo:text-align="justify"/>
  </style:style>
  <style:style style:name="Cell" style:family="paragraph">
   <style:paragraph-properties fo:text-align="start"/>
   <style:text-properties fo:font-size="9pt"/>
  </style:style>
  <style:style style:name="HeaderCell" style:family="paragraph">
   <style:text-properties fo:font-size="9pt" fo:font-weight="bold" fo:hyphenate="false"/>
  </style:style>
  <style:style style:name="Small" style:family="paragraph">
   <style:text-properties fo:font-size="8pt" fo:hyphenate="false"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="Portrait">
   <style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm"
     style:print-orientation="portrait"
     fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style>
  </style:page-layout>
  <style:page-layout style:name="LandscapeLayout">
   <style:page-layout-properties fo:page-width="29.7cm" fo:page-height="21cm"
     style:print-orientation="landscape"
     fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.2cm" fo:margin-right="2.2cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style>
  </style:page-layout>
  <style:style style:name="ToLandscape" style:family="paragraph" style:parent-style-name="Heading"
    style:master-page-name="Landscape"/>
  <style:style style:name="ToPortrait" style:family="paragraph" style:parent-style-name="Heading"
    style:master-page-name="Standard"/>
  <style:style style:name="TwoColumns" style:family="section">
   <style:section-properties><style:columns fo:column-count="2" fo:column-gap="0.8cm"/></style:section-properties>
  </style:style>
  <style:style style:name="ThreeColumns" style:family="section">
   <style:section-properties><style:columns fo:column-count="3" fo:column-gap="0.6cm"/></style:section-properties>
  </style:style>
  <style:style style:name="Ruled" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.1cm" fo:border="0.5pt solid #000000"/>
  </style:style>
  <style:style style:name="Unruled" style:family="table-cell">
   <style:table-cell-properties fo:padding="0.1cm" fo:border="none"/>
  </style:style>
  {table_styles}
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="Portrait">
   <style:header><text:p text:style-name="Small">{header}</text:p></style:header>
   <style:footer><text:p text:style-name="Small"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
  <style:master-page style:name="Landscape" style:page-layout-name="LandscapeLayout">
   <style:header><text:p text:style-name="Small">{header}</text:p></style:header>
   <style:footer><text:p text:style-name="Small"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
"""
TAIL = """
 </office:text></office:body>
</office:document>
"""


def _table(n: int, rows: list[list[str]], ruled: bool, width_cm: float) -> tuple[str, str]:
    """A table's automatic styles and its body; the first row is the repeated header."""
    cell_style = "Ruled" if ruled else "Unruled"
    columns = len(rows[0])
    # the task column wider than the others, as action plans have it
    widths = [2.0] + [1.0] * (columns - 1)
    unit = width_cm / sum(widths)
    styles = [
        f'<style:style style:name="T{n}" style:family="table"><style:table-properties '
        f'style:width="{width_cm}cm" table:align="margins"/></style:style>'
    ]
    for j, w in enumerate(widths):
        styles.append(
            f'<style:style style:name="T{n}C{j}" style:family="table-column">'
            f'<style:table-column-properties style:column-width="{w * unit:.2f}cm"/></style:style>'
        )

    def row(cells: list[str], style: str) -> str:
        return (
            "<table:table-row>"
            + "".join(
                f'<table:table-cell table:style-name="{cell_style}" office:value-type="string">'
                f'<text:p text:style-name="{style}">{escape(c)}</text:p></table:table-cell>'
                for c in cells
            )
            + "</table:table-row>"
        )

    body = [f'<table:table table:name="Taulukko{n}" table:style-name="T{n}">']
    body += [f'<table:table-column table:style-name="T{n}C{j}"/>' for j in range(columns)]
    body.append(f"<table:table-header-rows>{row(rows[0], 'HeaderCell')}</table:table-header-rows>")
    body += [row(r, "Cell") for r in rows[1:]]
    body.append("</table:table>")
    return "\n".join(styles), "\n".join(body)


def typeset(markup: list[str], pdf: Path, header: str) -> None:
    styles: list[str] = []
    body: list[str] = []
    ruled = True
    orientation = "portrait"
    switch: str | None = None  # the paragraph style that changes the page orientation
    in_columns = False
    table: list[list[str]] = []

    def flush_table() -> None:
        nonlocal ruled
        if table:
            width = 25.3 if orientation == "landscape" else 16.6
            s, b = _table(len(styles) + 1, table, ruled, width)
            styles.append(s)
            body.append(b)
            table.clear()
            ruled = True

    def paragraph(style: str, text: str) -> None:
        nonlocal switch
        if switch is not None:
            style, switch = switch, None
        body.append(f'<text:p text:style-name="{style}">{escape(text)}</text:p>')

    for line in markup:
        if line.startswith("|"):
            table.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        flush_table()
        if not line.strip():
            continue
        if line == "@unruled":
            ruled = False
        elif line in ("@landscape", "@portrait"):
            orientation = line[1:]
            switch = "ToLandscape" if orientation == "landscape" else "ToPortrait"
        elif line.startswith("@columns"):
            if line[-1] in "23" and not in_columns:
                style = "TwoColumns" if line.endswith("2") else "ThreeColumns"
                body.append(f'<text:section text:style-name="{style}" text:name="Palstat">')
                in_columns = True
            elif line.endswith("1") and in_columns:
                body.append("</text:section>")
                in_columns = False
        elif line.startswith("# "):
            paragraph("Heading", line[2:].strip())
        elif line.startswith("• "):
            paragraph("Item", line.strip())
        else:
            paragraph("Body", line.strip())
    flush_table()
    if in_columns:
        body.append("</text:section>")
    document = HEAD.format(header=escape(header), table_styles="\n".join(styles))
    document += "\n".join(body) + TAIL
    with tempfile.TemporaryDirectory() as tmp:
        fodt = Path(tmp) / (pdf.stem + ".fodt")
        fodt.write_text(document, encoding="utf-8")
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(fodt)],
            check=True, capture_output=True,
        )  # fmt: skip
        shutil.copy(Path(tmp) / (pdf.stem + ".pdf"), pdf)


def _lines(path: Path) -> list[str]:
    """A markup file as lines, a paragraph on one line."""
    out: list[str] = []
    for chunk in path.read_text(encoding="utf-8").split("\n\n"):
        lines = chunk.strip().split("\n")
        if all(ln.startswith(("|", "@", "• ", "# ")) for ln in lines):
            out += lines
        else:
            out.append(" ".join(chunk.split()))
        out.append("")
    return out


def seed_in_two_columns() -> list[str]:
    """The seed appendix as its authors wrote it (the text the pipeline repairs it
    to), its title across the page and the rest in two columns."""
    from pipeline.document import extract_document

    doc = extract_document(str(ROOT / "sources" / "forssan-seutu-2021-2024-liite-6.txt"))
    out: list[str] = []
    for i, block in enumerate(doc.blocks):
        text = " ".join(doc.text[block.start : block.end].split())
        out.append(("# " if block.kind == "heading" else "") + text)
        if i == 1:
            out.append("@columns 2")
    out.append("@columns 1")
    return out


def in_three_columns(path: Path) -> list[str]:
    """A markup document of tests/data/docs, its title across the page and the rest
    in three columns."""
    lines = _lines(path)
    first = next(i for i, line in enumerate(lines) if line.startswith("# "))
    return [*lines[: first + 1], "@columns 3", *lines[first + 1 :], "@columns 1"]


def main() -> int:
    koskela = ROOT / "tests" / "data" / "docs" / "koskela-2022-2025.md"
    typeset(in_three_columns(koskela), HERE / "koskela-kolmipalstainen.pdf",
            "Koskelan kaupungin kotouttamisohjelma 2022–2025")  # fmt: skip
    print(HERE / "koskela-kolmipalstainen.pdf")
    for path in sorted(HERE.glob("*.md")):
        markup = _lines(path)
        title = next(line[2:] for line in markup if line.startswith("# "))
        typeset(markup, HERE / f"{path.stem}.pdf", title)
        print(HERE / f"{path.stem}.pdf")
    typeset(seed_in_two_columns(), HERE / "forssan-seutu-kaksipalstainen.pdf",
            "Forssan seudun kotouttamisohjelma 2021–2024")  # fmt: skip
    print(HERE / "forssan-seutu-kaksipalstainen.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
