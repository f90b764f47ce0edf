"""Typeset a markup test document with LibreOffice, as a municipality's Word export would be.

Finnish hyphenation comes from libreoffice-voikko; the text is justified, with a running
header and a page-number footer. Needs Debian's `libreoffice-writer-nogui` and
`libreoffice-voikko` (not needed by the tests, which use the committed PDF):

    python tests/data/pdf/make_libreoffice_pdf.py tests/data/docs/pohjoisranta-2025-2028.md \\
        tests/data/pdf/pohjoisranta-2025-2028-libreoffice.pdf
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from tests.typeset import read_markup  # noqa: E402

TEMPLATE = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
 <office:styles>
  <style:default-style style:family="paragraph">
   <style:paragraph-properties fo:hyphenation-ladder-count="no-limit"/>
   <style:text-properties fo:language="fi" fo:country="FI" fo:font-size="11pt"
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
  <style:style style:name="Small" style:family="paragraph">
   <style:text-properties fo:font-size="8pt" fo:hyphenate="false"/>
  </style:style>
 </office:styles>
 <office:automatic-styles>
  <style:page-layout style:name="Page">
   <style:page-layout-properties fo:page-width="14.8cm" fo:page-height="16cm"
     fo:margin-top="1cm" fo:margin-bottom="1cm" fo:margin-left="2cm" fo:margin-right="2cm"/>
   <style:header-style><style:header-footer-properties fo:min-height="0.6cm"/></style:header-style>
   <style:footer-style><style:header-footer-properties fo:min-height="0.6cm"/></style:footer-style>
  </style:page-layout>
 </office:automatic-styles>
 <office:master-styles>
  <style:master-page style:name="Standard" style:page-layout-name="Page">
   <style:header><text:p text:style-name="Small">{header}</text:p></style:header>
   <style:footer><text:p text:style-name="Small"><text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
  </style:master-page>
 </office:master-styles>
 <office:body><office:text>
{body}
 </office:text></office:body>
</office:document>
"""


def main(markup: str, pdf: str) -> int:
    paragraphs = []
    for kind, text in read_markup(Path(markup)):
        style = {"heading": "Heading", "item": "Item"}.get(kind, "Body")
        paragraphs.append(f'<text:p text:style-name="{style}">{escape(text)}</text:p>')
    header = escape(read_markup(Path(markup))[0][1])
    with tempfile.TemporaryDirectory() as tmp:
        fodt = Path(tmp) / (Path(pdf).stem + ".fodt")
        fodt.write_text(
            TEMPLATE.format(header=header, body="\n".join(paragraphs)), encoding="utf-8"
        )
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "pdf", "--outdir", tmp, str(fodt)],
            check=True, capture_output=True,
        )  # fmt: skip
        shutil.copy(Path(tmp) / (Path(pdf).stem + ".pdf"), pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
