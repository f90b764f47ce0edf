"""The optional NLP backend: stanza's Finnish models (tagger, lemmatiser, parser).

Install with `pip install -e '.[stanza]'` (CPU torch first: `pip install
torch==2.13.0`) and download the models once with `make models`, which calls
`stanza.download('fi')`. Nothing is downloaded at run time: a missing model is
reported before the first document with the command that fetches it.

The text is tokenised and split by `segment.py`, as for Voikko, and given to
stanza pre-tokenised, so both backends share offsets and sentence boundaries;
stanza adds lemma, UPOS, features and the dependency parse.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from pipeline.errors import EnvironmentProblem
from pipeline.nlp.model import BackendInfo, Sentence, Token
from pipeline.nlp.segment import RawToken, tokenize

LANG = "fi"
_MODELS_HINT = "download them with `make models` (it runs stanza.download('fi'))"


def model_dir() -> Path:
    """Where stanza keeps its models: $STANZA_RESOURCES_DIR or ~/stanza_resources."""
    env = os.environ.get("STANZA_RESOURCES_DIR")
    return Path(env) if env else Path.home() / "stanza_resources"


class StanzaAnalyzer:
    """stanza's Finnish pipeline over the shared tokens; see the module docstring."""

    def __init__(self) -> None:
        try:
            import stanza
        except ImportError as e:
            raise EnvironmentProblem(
                "the stanza backend is not installed: run `make models` "
                "(or `pip install torch==2.13.0` then `pip install -e '.[stanza]'`)"
            ) from e
        self._stanza = stanza
        self.info = BackendInfo("stanza", str(stanza.__version__))
        self._nlp: Any = None
        self.words = StanzaWords(self)

    def check(self) -> None:
        directory = model_dir()
        resources = directory / "resources.json"
        if not resources.is_file() or not (directory / LANG).is_dir():
            raise EnvironmentProblem(
                f"stanza's Finnish models are not in {directory}: {_MODELS_HINT}"
            )
        try:
            json.loads(resources.read_text(encoding="utf-8"))[LANG]
        except (KeyError, ValueError) as e:
            raise EnvironmentProblem(f"{resources} lists no Finnish models: {_MODELS_HINT}") from e

    def processors(self) -> str:
        """tokenize, mwt (where the Finnish package has it), pos, lemma, depparse."""
        names = ["tokenize", "pos", "lemma", "depparse"]
        try:
            listed = json.loads((model_dir() / "resources.json").read_text(encoding="utf-8"))[LANG]
            if "mwt" in listed:
                names.insert(1, "mwt")
        except (OSError, KeyError, ValueError):
            pass
        return ",".join(names)

    def pipeline(self) -> Any:
        """The stanza Pipeline, built once, from local files only."""
        if self._nlp is None:
            self.check()
            try:
                self._nlp = self._stanza.Pipeline(
                    LANG,
                    dir=str(model_dir()),
                    processors=self.processors(),
                    tokenize_pretokenized=True,
                    download_method=None,
                    use_gpu=False,
                    logging_level="WARN",
                )
            except (FileNotFoundError, ValueError) as e:
                raise EnvironmentProblem(
                    f"stanza could not load its Finnish models from {model_dir()} ({e}): "
                    + _MODELS_HINT
                ) from e
        return self._nlp

    def analyze(self, text: str, units: list[Sentence]) -> list[Sentence]:
        raw = [tokenize(text, u.start, u.end) for u in units]
        kept = [i for i, tokens in enumerate(raw) if tokens]
        if not kept:
            return [Sentence(u.start, u.end, u.kind, [], u.lead_in) for u in units]
        doc = self.pipeline()([[t.text for t in raw[i]] for i in kept])
        analysed = from_document(doc, [raw[i] for i in kept])
        for tokens in analysed:
            self.words.note(tokens)
        out: list[Sentence] = []
        by_unit = dict(zip(kept, analysed, strict=True))
        for i, unit in enumerate(units):
            out.append(Sentence(unit.start, unit.end, unit.kind, by_unit.get(i, []), unit.lead_in))
        return out


Analysis = tuple[str, str, str]  # lemma, upos, feats


class StanzaWords:
    """Single words as stanza reads them: by the analyses the parse gave the word in
    the document (`note`), else by stanza's analysis of the word on its own."""

    name = "stanza"

    def __init__(self, analyzer: StanzaAnalyzer | None = None) -> None:
        self._analyzer = analyzer
        self.seen: dict[str, set[Analysis]] = {}

    def note(self, tokens: list[Token]) -> None:
        for t in tokens:
            self.seen.setdefault(t.text, set()).add((t.lemma, t.upos, t.feats))

    def analyses(self, word: str) -> set[Analysis]:
        if word not in self.seen and self._analyzer is not None:
            doc = self._analyzer.pipeline()([[word]])
            w = doc.sentences[0].words[0]
            self.seen[word] = {(w.lemma or word, w.upos or "X", w.feats or "")}
        return self.seen.get(word, set())

    def lemmas(self, word: str) -> list[str]:
        return sorted({lemma for lemma, _, _ in self.analyses(word)})

    def is_name(self, word: str) -> bool:
        found = self.analyses(word)
        return bool(found) and all(upos == "PROPN" for _, upos, _ in found)

    def nominative(self, word: str) -> str:
        for lemma, upos, _ in sorted(self.analyses(word)):
            if upos in ("NOUN", "PROPN"):
                return lemma[:1].upper() + lemma[1:] if word[:1].isupper() else lemma
        return word

    def participle_verb(self, word: str) -> str | None:
        # UD Finnish lemmatises a participle as its verb
        for lemma, _, feats in sorted(self.analyses(word)):
            if "VerbForm=Part" in feats:
                return lemma
        return None


def from_document(doc: Any, raw: list[list[RawToken]]) -> list[list[Token]]:
    """Tokens of a stanza Document whose sentences and tokens are `raw`'s, in order."""
    if len(doc.sentences) != len(raw):
        raise ValueError(
            f"stanza returned {len(doc.sentences)} sentences for {len(raw)} pre-tokenised ones"
        )
    out: list[list[Token]] = []
    for sent, tokens in zip(doc.sentences, raw, strict=True):
        if len(sent.tokens) != len(tokens):
            raise ValueError(
                f"stanza split the tokens of sentence {tokens[0].text!r}... differently"
            )
        # A multi-word token (none in Finnish UD, but stanza allows them) maps its
        # words' heads back to the token that holds them.
        token_of_word: dict[int, int] = {}
        for j, tok in enumerate(sent.tokens):
            for word in tok.words:
                token_of_word[int(word.id)] = j + 1
        row: list[Token] = []
        for tok, source in zip(sent.tokens, tokens, strict=True):
            word = tok.words[-1] if len(tok.words) > 1 else tok.words[0]
            head = word.head
            row.append(
                Token(
                    text=source.text,
                    start=source.start,
                    end=source.end,
                    lemma=word.lemma or source.text,
                    upos=word.upos or "X",
                    feats=word.feats or "",
                    head=token_of_word.get(int(head), 0) if head is not None else None,
                    deprel=word.deprel,
                )
            )
        out.append(row)
    return out
