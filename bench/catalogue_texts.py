"""Write a folder of real Finnish prose nobody here wrote, for `bench/repair.py --corpus`.

The Finnish message catalogues a Debian system carries (`/usr/share/locale/fi/
LC_MESSAGES/*.mo`) hold translators' sentences: real Finnish, of another genre than
integration programmes, never seen while the repair was built. The sentences of ten
words or more that end with a full stop and hold no code (format specifiers, paths,
markup) are written one per line to `OUT/catalogues.txt`; nothing is committed.

    python bench/catalogue_texts.py /tmp/catalogues
    python bench/repair.py --corpus /tmp/catalogues --seeds 0-4
"""

from __future__ import annotations

import argparse
import gettext
import sys
from pathlib import Path

import regex

LOCALE = Path("/usr/share/locale/fi/LC_MESSAGES")
_CODE = regex.compile(r"[%<>{}=_\\/@$`|\t]|--")
_PROSE = regex.compile(r"[\p{L}\d ,.;:()'\"!?–-]+")


def sentences(folder: Path = LOCALE) -> list[str]:
    """The prose lines of every catalogue in `folder`, sorted and distinct."""
    found: set[str] = set()
    for path in sorted(folder.glob("*.mo")):
        try:
            with path.open("rb") as f:
                catalogue = gettext.GNUTranslations(f)
        except (OSError, UnicodeDecodeError, ValueError):
            continue  # a catalogue in another encoding or damaged: not needed
        # gettext offers no public way to list a catalogue: its `_catalog` is the one
        for value in catalogue._catalog.values():
            if not isinstance(value, str):
                continue
            for line in value.split("\n"):
                line = " ".join(line.split())
                if (
                    len(line.split()) >= 10
                    and line.endswith(".")
                    and not _CODE.search(line)
                    and _PROSE.fullmatch(line)
                ):
                    found.add(line)
    return sorted(found)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("out", type=Path, help="the folder to write catalogues.txt into")
    args = ap.parse_args()
    if not LOCALE.is_dir():
        print(f"error: {LOCALE}: no Finnish message catalogues on this system", file=sys.stderr)
        return 2
    lines = sentences()
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "catalogues.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    words = sum(len(line.split()) for line in lines)
    print(f"{args.out / 'catalogues.txt'}: {len(lines)} sentences, {words} words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
