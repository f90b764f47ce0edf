"""Tokenisation and sentence segmentation for Finnish programme texts.

Both backends use these units, so offsets and sentence boundaries are the same
whichever one analyses the tokens.

Tokens: words with inner hyphens are one token (`ELY-keskus`, `TE-toimisto`,
`EU-kansalaisten`), a suspended compound keeps its hyphen (`työ-` in `työ- ja`),
an inflected abbreviation keeps its ending (`TEM:n`), and law references
(`1386/2010`), dates, URLs and e-mail addresses stay whole; abbreviations
(`esim.`, `mm.`) and ordinals (`9.`) keep their period.

Sentences: headings and list items are units of their own; a list item points
to the unit that may introduce it: a sentence ending in `:` or in no
sentence-final punctuation at all (`Työ- ja elinkeinoministeriö vastaa` + `•
maahanmuuttajien kotouttamisesta ja`), or a heading right before the list (the
grammar decides whether it is a lead-in). Inside a paragraph a sentence ends at
`.`, `!` or `?` before a capital, a digit or a quote, never after an abbreviation
that does not end sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import regex

from pipeline.nlp.model import Sentence, SentenceKind
from pipeline.nlp.words import words

# Abbreviations that never end a sentence, and those that may (`jne.` often does).
ABBREVIATIONS = frozenset(
    {"esim", "mm", "ns", "ks", "s", "vrt", "n", "ts", "ko", "em", "ao", "ml", "nro", "puh",
     "pvm", "kpl", "milj", "mrd", "v", "lk", "huom", "ed", "os", "yhd", "vs", "ma", "ti",
     "ke", "to", "pe", "la", "su", "tri", "prof"}
)  # fmt: skip
SENTENCE_FINAL_ABBREVIATIONS = frozenset({"jne", "yms", "ym", "tms", "tjsp"})

_TOKEN = regex.compile(
    r"""
    (?P<url>(?:https?://|www\.)[^\s<>()]*[^\s<>().,;:!?'"])
  | (?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
  | (?P<number>\d+/\d{2,4}|\d{1,2}\.\d{1,2}\.\d{2,4}|\d+(?:[,.]\d+)+)
  | (?P<abbr>(?<![\p{L}\p{N}])(?i:"""
    + "|".join(sorted(ABBREVIATIONS | SENTENCE_FINAL_ABBREVIATIONS, key=len, reverse=True))
    + r""")\.)
  | (?P<ordinal>\d+\.(?=\s+\p{Ll}))
  | (?P<word>[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*(?::\p{L}{1,5})?(?:-(?=[\s,]))?)
  | (?P<punct>[^\s\p{L}\p{N}])
    """,
    regex.VERBOSE,
)
_OPENING = "\"'«”“(•"


@dataclass(frozen=True)
class RawToken:
    text: str
    start: int
    end: int
    kind: str  # url, email, number, abbr, ordinal, word, punct


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[RawToken]:
    """The tokens of text[start:end], with offsets into `text`."""
    end = len(text) if end is None else end
    return [
        RawToken(m.group(), m.start(), m.end(), m.lastgroup or "punct")
        for m in _TOKEN.finditer(text, start, end)
    ]


class BlockLike(Protocol):
    """A layout block: `layout.Block`, `models.Block` or a `BlockSpan`."""

    @property
    def kind(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...


@dataclass(frozen=True)
class BlockSpan:
    kind: str  # heading | paragraph | item
    start: int
    end: int


def split_sentences(text: str, blocks: Sequence[BlockLike]) -> list[Sentence]:
    """Sentence units of the text: headings and items whole, paragraphs split."""
    units: list[Sentence] = []
    lead_in: int | None = None
    for block in blocks:
        kind: SentenceKind
        if block.kind == "heading":
            units.append(Sentence(block.start, block.end, "heading"))
            lead_in = len(units) - 1
            continue
        kind = "item" if block.kind == "item" else "sentence"
        spans = _sentence_spans(text, block.start, block.end)
        if kind == "item":
            for s, e in spans:
                units.append(Sentence(s, e, "item", lead_in=lead_in))
            continue
        for s, e in spans:
            units.append(Sentence(s, e, "sentence"))
        last = text[spans[-1][0] : spans[-1][1]].rstrip() if spans else ""
        opens = last.endswith(":") or (bool(last) and not last.endswith((".", "!", "?", ";")))
        lead_in = len(units) - 1 if opens else None
    return units


def _sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    tokens = tokenize(text, start, end)
    spans: list[tuple[int, int]] = []
    begin = tokens[0].start if tokens else start
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if _ends_sentence(tok, nxt):
            spans.append((begin, tok.end))
            begin = nxt.start
    if tokens:
        spans.append((begin, tokens[-1].end))
    return spans


def _ends_sentence(tok: RawToken, nxt: RawToken) -> bool:
    first = nxt.text[:1]
    starts_new = first.isupper() or first.isdigit() or first in _OPENING
    if not starts_new:
        return False
    if tok.kind == "punct" and tok.text in ".!?":
        return True
    if tok.kind == "abbr" and tok.text[:-1].lower() in SENTENCE_FINAL_ABBREVIATIONS:
        # `... jne. Kunta vastaa` ends; `ym. Kela` does not, before a name.
        return not _only_a_name(nxt.text)
    return False


def _only_a_name(word: str) -> bool:
    return words().is_name(word)
