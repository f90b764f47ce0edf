"""Document metadata read from the text: title, appendix label, programme, region, period.

Integration programmes name themselves in their title or in a source line
(`Liite 6. Kotouttamisen vastuunjako`, `(Lähde: Forssan seudun
kotouttamisohjelma 2021 – 2024)`). The region is the genitive phrase before the
programme noun, turned to the nominative (`Forssan seudun` -> `Forssan seutu`).
Nothing is guessed: a field that the text does not state stays null.
"""

from __future__ import annotations

import regex

from pipeline.layout import Block
from pipeline.models import DocumentInfo, Period, Programme
from pipeline.nlp.words import words

_APPENDIX = regex.compile(
    r"^(?P<label>(?:Liite|LIITE|Bilaga|Appendix)\s+\d+[A-Za-z]?)[.:]?\s*(?P<title>.*)$"
)
# The programme noun in its common names, inflected or not.
_PROGRAMME = regex.compile(
    r"(?P<noun>(?:kotouttamis|kotoutumis|kotoutumisen\s+edistämisen\s+|kotouttamisen\s+)\p{L}*?ohjelm\p{L}*)",
    regex.IGNORECASE,
)
_PERIOD = regex.compile(
    r"(?:vuosille\s+|vuosina\s+)?(?P<start>(?:19|20)\d\d)\s*[–—-]\s*(?P<end>(?:19|20)\d\d)"
)
_GENITIVE_WORD = regex.compile(r"\p{Lu}?[\p{L}-]+n")

# How far into the document a title or source line may stand.
_HEAD_BLOCKS = 4


def read_metadata(
    text: str, blocks: list[Block], furniture: list[str] | None = None
) -> tuple[DocumentInfo, int | None]:
    """The document's metadata, and the index of the block that is its title (if any).
    A running header (`furniture`) often names the programme when the text does not."""
    title: str | None = None
    appendix: str | None = None
    title_block: int | None = None
    if blocks and blocks[0].kind == "heading":
        title_block = 0
        heading = text[blocks[0].start : blocks[0].end]
        m = _APPENDIX.match(heading)
        if m:
            appendix, title = m.group("label"), m.group("title").strip() or None
        else:
            title = heading
    head = [text[b.start : b.end] for b in blocks[:_HEAD_BLOCKS]]
    programme = _find_programme(head) or _find_programme([text]) or _find_programme(furniture or [])
    if programme is not None and programme.period is None:
        for chunk in head:
            p = _PERIOD.search(chunk)
            if p:
                programme = programme.model_copy(update={"period": _period(p)})
                break
    return DocumentInfo(title=title, appendix=appendix, programme=programme), title_block


def _period(m: regex.Match[str]) -> Period | None:
    start, end = int(m.group("start")), int(m.group("end"))
    return Period(start=start, end=end) if start <= end <= start + 10 else None


def _find_programme(chunks: list[str]) -> Programme | None:
    """A regional programme named as `<Region genitive> <programme noun> [period]`."""
    for chunk in chunks:
        for m in _PROGRAMME.finditer(chunk):
            before = chunk[: m.start()].split()
            region_words: list[str] = []
            while before and _GENITIVE_WORD.fullmatch(before[-1]) and len(region_words) < 4:
                region_words.insert(0, before.pop())
            # A lower-case genitive (`valtion kotouttamisohjelma`) is the national
            # programme, not the one this document belongs to.
            if not region_words or not region_words[0][:1].isupper():
                continue
            noun = m.group("noun")
            noun_words = noun.split()
            noun_words[-1] = words().nominative(noun_words[-1])
            name = " ".join([*region_words, *noun_words])
            region_words[-1] = words().nominative(region_words[-1])
            after = chunk[m.end() : m.end() + 40]
            p = _PERIOD.match(after.lstrip(" ,:"))
            return Programme(
                name=name, region=" ".join(region_words), period=_period(p) if p else None
            )
    return None
