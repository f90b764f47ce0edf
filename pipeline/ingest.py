"""Files -> pages of lines, with positions where the format has them.

`read_source(path)` sniffs the format from the bytes (a PDF named `.txt` is
still a PDF), decodes text files (UTF-8 with or without BOM, UTF-16, and
Windows-1252/Latin-1 with a warning) and reads PDFs with pdfplumber. It does
not reflow, repair or interpret anything: that is `layout.py`'s job.

Every way a file can be unusable raises `InputError` with a one-line message
naming the file and the fix.
"""

from __future__ import annotations

import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from pipeline.errors import InputError
from pipeline.pdfpage import RawLine, RawTable, read_page

__all__ = ["RawDocument", "RawLine", "RawPage", "RawTable", "read_source"]

Format = Literal["pdf", "text"]


@dataclass(frozen=True)
class RawPage:
    number: int
    lines: list[RawLine]  # the running text, in reading order
    width: float | None = None
    height: float | None = None
    tables: list[tuple[int, RawTable]] = field(default_factory=list)  # (line it precedes, table)


@dataclass(frozen=True)
class RawDocument:
    path: str
    sha256: str
    format: Format
    pages: list[RawPage]
    encoding: str | None = None
    warnings: list[tuple[str, str]] = field(default_factory=list)


def read_source(path: str | Path, data: bytes | None = None) -> RawDocument:
    """Read a text or PDF source. `data` supplies the bytes (stdin) instead of reading `path`."""
    name = str(path)
    if data is None:
        data = _read_bytes(Path(path))
    if not data.strip():
        raise InputError(f"{name}: the file is empty; give a programme document (PDF or text)")
    digest = hashlib.sha256(data).hexdigest()
    if data.lstrip()[:5] == b"%PDF-":
        return _read_pdf(name, data, digest)
    text, encoding, warnings = decode_text(name, data)
    pages = [
        RawPage(number=i + 1, lines=[RawLine(text=line) for line in chunk.split("\n")])
        for i, chunk in enumerate(text.split("\f"))
    ]
    # A trailing form feed ends the last page; it does not open an empty one.
    while len(pages) > 1 and not any(line.text.strip() for line in pages[-1].lines):
        pages.pop()
    return RawDocument(name, digest, "text", pages, encoding, warnings)


def _read_bytes(path: Path) -> bytes:
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; give the documents inside it, e.g. {path}/*.pdf")
    try:
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"{path}: cannot be read ({e.strerror}); check its permissions") from e


def decode_text(name: str, data: bytes) -> tuple[str, str, list[tuple[str, str]]]:
    """Decode the bytes of a text source; returns (text, encoding, warnings)."""
    warnings: list[tuple[str, str]] = []
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = data[3:].decode("utf-8", errors="strict"), "utf-8-sig"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = data.decode("utf-16"), "utf-16"
    elif _looks_like_utf16(data):
        encoding = "utf-16-le" if data[1::2].count(0) > data[0::2].count(0) else "utf-16-be"
        text = data.decode(encoding, errors="replace")
    else:
        if b"\x00" in data:
            raise InputError(
                f"{name}: is a binary file, not text or PDF; give the programme as PDF or text"
            )
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "windows-1252"
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
            warnings.append(
                (
                    "legacy-encoding",
                    f"not UTF-8; decoded as {encoding}: check the letters ä, ö and å",
                )
            )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _control_ratio(text) > 0.05:
        raise InputError(
            f"{name}: is a binary file, not text or PDF; give the programme as PDF or text"
        )
    # Decomposed letters (a + combining diaeresis, common from macOS) would defeat every
    # later match on ä and ö.
    return unicodedata.normalize("NFC", text), encoding, warnings


def _looks_like_utf16(data: bytes) -> bool:
    sample = data[:4000]
    if len(sample) < 4:
        return False
    zeros_odd, zeros_even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) / 2
    return max(zeros_odd, zeros_even) > 0.3 * half and min(zeros_odd, zeros_even) < 0.05 * half


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    bad = sum(1 for c in sample if unicodedata.category(c) == "Cc" and c not in "\n\t\f")
    return bad / max(1, len(sample))


def _read_pdf(name: str, data: bytes, digest: str) -> RawDocument:
    import io

    import pdfplumber
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

    pages: list[RawPage] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                pages.append(_read_pdf_page(number, page))
    except InputError:
        raise
    except Exception as e:  # pdfminer raises many unrelated types on damaged files
        # pdfplumber wraps pdfminer's errors; the cause is its first argument.
        causes = [e, *(a for a in e.args if isinstance(a, BaseException))]
        if any(isinstance(c, (PDFPasswordIncorrect, PDFEncryptionError)) for c in causes):
            raise InputError(
                f"{name}: the PDF is encrypted; decrypt it first, "
                "e.g. `qpdf --decrypt --password=... in.pdf out.pdf`"
            ) from e
        raise InputError(
            f"{name}: is not a readable PDF ({type(e).__name__}); the file is corrupt "
            "or truncated, export or download it again"
        ) from e
    if not pages:
        raise InputError(f"{name}: the PDF has no pages; export or download it again")
    if not any(p.lines for p in pages):
        raise InputError(
            f"{name}: the PDF has no text layer (a scanned document?); run OCR first, "
            "e.g. `ocrmypdf --language fin in.pdf out.pdf`"
        )
    return RawDocument(name, digest, "pdf", pages)


def _read_pdf_page(number: int, page: object) -> RawPage:
    content = read_page(page)
    return RawPage(
        number=number,
        lines=content.lines,
        width=float(page.width),  # type: ignore[attr-defined]
        height=float(page.height),  # type: ignore[attr-defined]
        tables=content.tables,
    )
