"""Finnish NLP behind one interface: sentences of UD-style tokens.

`load_analyzer("voikko" | "spacy" | "stanza")` returns an `Analyzer`;
`analyze_text` segments a repaired text (`segment.py`) and runs the analyzer over
the units. Voikko is the default and works offline; spaCy (`make setup-spacy`)
parses offline too; stanza is optional and needs its models downloaded (`make
models`).
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.errors import PipelineError
from pipeline.nlp.model import Analyzer, BackendInfo, Sentence, Token
from pipeline.nlp.segment import BlockLike, split_sentences

BACKENDS = ("voikko", "spacy", "stanza")

__all__ = [
    "BACKENDS",
    "Analyzer",
    "BackendInfo",
    "Sentence",
    "Token",
    "analyze_text",
    "load_analyzer",
]


def load_analyzer(name: str) -> Analyzer:
    """The analyzer of backend `name`, checked: it raises EnvironmentProblem naming the
    fix when the backend cannot run here."""
    analyzer: Analyzer
    if name == "voikko":
        from pipeline.nlp.voikko_backend import VoikkoAnalyzer

        analyzer = VoikkoAnalyzer()
    elif name == "stanza":
        from pipeline.nlp.stanza_backend import StanzaAnalyzer

        analyzer = StanzaAnalyzer()
    elif name == "spacy":
        from pipeline.nlp.spacy_backend import SpacyAnalyzer

        analyzer = SpacyAnalyzer()
    else:
        raise PipelineError(f"unknown NLP backend {name!r}: choose one of {', '.join(BACKENDS)}")
    analyzer.check()
    return analyzer


def analyze_text(analyzer: Analyzer, text: str, blocks: Sequence[BlockLike]) -> list[Sentence]:
    return analyzer.analyze(text, split_sentences(text, blocks))
