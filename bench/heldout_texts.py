"""Write a folder of real Finnish prose nobody here wrote, for `bench/repair.py --corpus`.

A Debian system can carry Finnish that translators wrote, of other genres than
integration programmes (held out until the repair met its targets on the real
authority texts; the language-level errors it then showed were fixed, so it is a
development set now too):

- the message catalogues (`/usr/share/locale/fi/LC_MESSAGES/*.mo`), always there;
- the aptitude manual (`aptitude-doc-fi`), LibreOffice's and GIMP's help
  (`libreoffice-help-fi`, `gimp-help-fi`) and the Finnish manual pages
  (`manpages-fi`), where those packages are installed: long instructional prose
  with compounds.

From each source the sentences or paragraphs of ten words or more that end with a
full stop and hold no code (format specifiers, paths, markup) are written one per
line to `OUT/<source>.txt`, sorted and distinct; a large manual is sampled with a
fixed seed to `--words` words so that the benchmark stays quick. Nothing is
committed.

    python bench/heldout_texts.py /tmp/heldout
    python bench/repair.py --corpus /tmp/heldout --seeds 0-4
"""

from __future__ import annotations

import argparse
import gettext
import gzip
import random
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import regex

LOCALE = Path("/usr/share/locale/fi/LC_MESSAGES")
MANUALS = {
    "aptitude": Path("/usr/share/doc/aptitude/html/fi"),
    "libreoffice": Path("/usr/share/libreoffice/help/fi"),
    "gimp": Path("/usr/share/gimp/2.0/help/fi"),
}
MAN_PAGES = Path("/usr/share/man/fi")
_CODE = regex.compile(r"[%<>{}=_\\/@$`|\t]|--")
_PROSE = regex.compile(r"[\p{L}\d ,.;:()'\"!?–-]+")
# LibreOffice's help leaves many paragraphs untranslated: any of these drops one
_ENGLISH = frozenset({
    "the", "and", "of", "to", "is", "you", "in", "for", "this", "that", "with", "are", "be",
    "can",
})  # fmt: skip


def _prose(line: str) -> str | None:
    """`line` with its spaces normalised, when it is a prose sentence worth scoring."""
    line = " ".join(line.split())
    if (
        len(line.split()) >= 10
        and line.endswith(".")
        and not _CODE.search(line)
        and _PROSE.fullmatch(line)
        and not _ENGLISH.intersection(line.lower().split())
    ):
        return line
    return None


def catalogue_lines(folder: Path = LOCALE) -> Iterator[str]:
    """The lines of every translated message in the catalogues of `folder`."""
    for path in sorted(folder.glob("*.mo")):
        try:
            with path.open("rb") as f:
                catalogue = gettext.GNUTranslations(f)
        except (OSError, UnicodeDecodeError, ValueError):
            continue  # a catalogue in another encoding or damaged: not needed
        # gettext offers no public way to list a catalogue: its `_catalog` is the one
        for value in catalogue._catalog.values():
            if isinstance(value, str):
                yield from value.split("\n")


class _Paragraphs(HTMLParser):
    """The text of each `<p>` and `<li>` of an HTML page; a paragraph holding code,
    a keyboard key or a menu path in its own element stays whole, which the prose
    filter then drops on its symbols."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[str] = []
        self._open: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("p", "li"):
            self._flush()
            self._open = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "li"):
            self._flush()

    def handle_data(self, data: str) -> None:
        if self._open is not None:
            self._open.append(data)

    def _flush(self) -> None:
        if self._open is not None:
            self.paragraphs.append("".join(self._open))
        self._open = None


def manual_lines(folder: Path) -> Iterator[str]:
    """The paragraphs of every HTML page below `folder`."""
    for path in sorted(folder.rglob("*.html")):
        parser = _Paragraphs()
        parser.feed(path.read_text(encoding="utf-8", errors="replace"))
        parser.close()
        yield from parser.paragraphs


# troff: font changes and other escapes inside a line, and requests that end a paragraph
_TROFF_FONT = regex.compile(r"\\f(?:\[[^]]*\]|\(..|.)")
_TROFF_ESCAPE = regex.compile(r"\\(?:\(..|\*.|&|c|e|.)")


def man_lines(folder: Path = MAN_PAGES) -> Iterator[str]:
    """The paragraphs of every manual page below `folder`: text lines joined between
    requests (`.PP`, `.SH`, `.TP`...), fonts and escapes dropped (`\\-` is a hyphen)."""
    for path in sorted(folder.rglob("*.gz")):
        try:
            source = gzip.decompress(path.read_bytes()).decode("utf-8")
        except (OSError, UnicodeDecodeError, EOFError):
            continue
        paragraph: list[str] = []
        for line in [*source.split("\n"), "."]:
            if line.startswith((".", "'")):
                if paragraph:
                    yield " ".join(paragraph)
                paragraph = []
                continue
            line = _TROFF_ESCAPE.sub("", _TROFF_FONT.sub("", line.replace("\\-", "-")))
            if paragraph or not line.startswith("-"):  # an option's name opens no prose
                paragraph.append(line)


def prose(lines: Iterator[str], words: int, seed: int = 0) -> list[str]:
    """The distinct prose lines of `lines`, sorted; sampled to about `words` words."""
    found = sorted({p for line in lines if (p := _prose(line))})
    if sum(len(p.split()) for p in found) <= words:
        return found
    rng = random.Random(seed)
    rng.shuffle(found)
    kept, total = [], 0
    for p in found:
        if total >= words:
            break
        kept.append(p)
        total += len(p.split())
    return sorted(kept)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("out", type=Path, help="the folder to write the texts into")
    ap.add_argument(
        "--words", type=int, default=6000, help="at most about this many words a source"
    )
    args = ap.parse_args()
    sources: dict[str, Iterator[str]] = {}
    if LOCALE.is_dir():
        sources["catalogues"] = catalogue_lines()
    for name, folder in MANUALS.items():
        if folder.is_dir():
            sources[name] = manual_lines(folder)
    if MAN_PAGES.is_dir():
        sources["manpages"] = man_lines()
    if not sources:
        print(
            f"error: no Finnish text on this system ({LOCALE} and the manuals are absent); "
            "install aptitude-doc-fi or libreoffice-help-fi",
            file=sys.stderr,
        )
        return 2
    texts = {name: prose(lines, args.words) for name, lines in sources.items()}
    try:
        args.out.mkdir(parents=True, exist_ok=True)
        for name, kept in texts.items():
            # written beside, then moved into place: no half-written text is left
            path, partial = args.out / f"{name}.txt", args.out / f".{name}.txt.partial"
            partial.write_text("\n".join(kept) + "\n", encoding="utf-8")
            partial.replace(path)
    except OSError as e:
        print(
            f"error: {args.out}: cannot write the texts ({e.strerror}); give a folder",
            file=sys.stderr,
        )
        return 2
    for name, kept in texts.items():
        words = sum(len(p.split()) for p in kept)
        print(f"{args.out / f'{name}.txt'}: {len(kept)} paragraphs, {words} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
