"""Word-level morphology through the chosen backend: the lookups that read one word
out of its sentence.

Most of the extraction reads the analysed tokens, which the backend made. A few
stages look up single words: the actor registry matches inflected names by their
lemmas, the segmenter asks whether the word after `jne.` is a name, the grammar
asks which verb a participle comes from, the metadata puts the programme's region
into the nominative. They ask `words()`, the word morphology of the backend the
document is analysed with (`using(analyzer.words)` while it is); outside an
extraction, Voikko's.

Voikko's answers are Voikko's; spaCy's Finnish lemmatiser is built on Voikko, so the
spaCy backend answers the same. The stanza backend answers from the lemmas its
parse gave the word in the document, and asks stanza for a word it has not seen.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Protocol

from pipeline import morphology

_NAME_CLASSES = ("nimi", "etunimi", "sukunimi", "paikannimi")


class WordMorphology(Protocol):
    @property
    def name(self) -> str: ...

    def __hash__(self) -> int: ...

    def lemmas(self, word: str) -> list[str]:
        """The base forms a word form may have (the form itself may be among them)."""

    def is_name(self, word: str) -> bool:
        """Whether the word is only ever a proper name."""

    def nominative(self, word: str) -> str:
        """A noun's base form in the word's capitalisation; the word when unknown."""

    def participle_verb(self, word: str) -> str | None:
        """The verb a participle comes from (`järjestettävä` -> `järjestää`)."""


class VoikkoWords:
    name = "voikko"

    def lemmas(self, word: str) -> list[str]:
        return morphology.lemmas(word)

    def is_name(self, word: str) -> bool:
        analyses = morphology.analyze(word)
        return bool(analyses) and all(a.get("CLASS") in _NAME_CLASSES for a in analyses)

    def nominative(self, word: str) -> str:
        return morphology.nominative(word)

    def participle_verb(self, word: str) -> str | None:
        return morphology.participle_verb(word)


VOIKKO = VoikkoWords()
_current: ContextVar[WordMorphology] = ContextVar("word_morphology", default=VOIKKO)


def words() -> WordMorphology:
    """The word morphology of the backend the current document is analysed with."""
    return _current.get()


@contextmanager
def using(morph: WordMorphology) -> Iterator[None]:
    token = _current.set(morph)
    try:
        yield
    finally:
        _current.reset(token)
