"""The token model every NLP backend produces, and the `Analyzer` protocol.

Tokens are UD-style: text and half-open offsets into the document text, lemma,
universal part of speech, features as a `Feature=Value|...` string, and
head/deprel where the backend parses (stanza) or None where it does not
(Voikko). The extraction reads only this model, never a backend's own objects.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, Protocol

from pipeline.nlp.words import WordMorphology

SentenceKind = Literal["sentence", "heading", "item"]


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    lemma: str
    upos: str
    feats: str = ""  # "Case=Ela|Number=Plur", sorted by feature name as in UD
    head: int | None = None  # 1-based index of the head in the sentence; 0 is the root
    deprel: str | None = None

    def feat(self, name: str) -> str | None:
        """One feature's value (`tok.feat("Case") == "Ela"`), or None."""
        return self._features.get(name)

    @cached_property
    def _features(self) -> dict[str, str]:
        # parsed once per token: the grammar asks for features many times
        pairs = (pair.partition("=") for pair in self.feats.split("|") if pair)
        return {key: value for key, _, value in pairs}


@dataclass(frozen=True)
class Sentence:
    """A sentence, heading or list item of the text, with its tokens."""

    start: int
    end: int
    kind: SentenceKind
    tokens: list[Token] = field(default_factory=list)
    lead_in: int | None = None  # for a list item: index of the sentence that introduces the list

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]


@dataclass(frozen=True)
class BackendInfo:
    name: str
    version: str
    model: str | None = None  # the trained model a parser backend loads, and its version
    model_version: str | None = None


class Analyzer(Protocol):
    """Turns a repaired text into analysed sentences; `words` answers the lookups of
    single words while its document is extracted (`nlp/words.py`)."""

    info: BackendInfo

    @property
    def words(self) -> WordMorphology:
        """The backend's answers for single words."""

    def check(self) -> None:
        """Raise EnvironmentProblem, naming the fix, when the backend cannot run."""

    def analyze(self, text: str, units: list[Sentence]) -> list[Sentence]:
        """Fill in the tokens of `units` (spans from `segment.split_sentences`)."""
