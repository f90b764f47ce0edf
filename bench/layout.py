"""Speed of reading PDFs with tables and columns, against pdfplumber alone.

Builds a 100-page PDF from the committed layout test documents (tests/data/layout:
ruled and unruled action-plan tables, a landscape page, two-column pages) by
repeating their pages, then times in the same run:

- pdfplumber's `extract_text` on every page (what a plain text extraction costs);
- the pipeline's reading of the PDF (`read_source`: tables, columns, lines) and its
  layout (`reflow`);
- the whole extraction (`extract_document`).

Prints pages/s for each and the ratio of the pipeline's reading to pdfplumber's.

    python bench/layout.py [--pages N]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pdfplumber  # noqa: E402
import pypdfium2 as pdfium  # noqa: E402

from pipeline.document import extract_document  # noqa: E402
from pipeline.ingest import read_source  # noqa: E402
from pipeline.layout import reflow  # noqa: E402

LAYOUT = ROOT / "tests" / "data" / "layout"


def build(pages: int, out: Path) -> Path:
    """`pages` pages taken in turn from the layout test PDFs."""
    sources = [pdfium.PdfDocument(str(p)) for p in sorted(LAYOUT.glob("*.pdf"))]
    book = pdfium.PdfDocument.new()
    k = 0
    while len(book) < pages:
        src = sources[k % len(sources)]
        book.import_pages(src, [i for i in range(len(src))][: pages - len(book)])
        k += 1
    book.save(str(out))
    return out


def timed(label: str, pages: int, run) -> float:  # type: ignore[no-untyped-def]
    t = time.perf_counter()
    run()
    seconds = time.perf_counter() - t
    print(f"{label:<44} {seconds:6.2f} s  {pages / seconds:6.1f} pages/s")
    return seconds


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--pages", type=int, default=100)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = build(args.pages, Path(tmp) / "layout-bench.pdf")

        def plumber() -> None:
            with pdfplumber.open(pdf) as doc:
                for page in doc.pages:
                    page.extract_text()

        def reading() -> None:
            reflow(read_source(str(pdf)))

        def whole() -> None:
            extract_document(str(pdf))

        print(f"a {args.pages}-page PDF of action-plan tables and two-column pages")
        base = timed("pdfplumber extract_text", args.pages, plumber)
        ours = timed("pipeline: read_source + reflow", args.pages, reading)
        timed("pipeline: extract_document (end to end)", args.pages, whole)
        print(f"reading with tables and columns: {ours / base:.2f}x pdfplumber's extract_text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
