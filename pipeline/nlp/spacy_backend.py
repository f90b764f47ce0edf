"""The spaCy backend: a Finnish dependency parse that installs and runs offline.

`spacy_fi_experimental_web_md` (PyPI; spaCy 3.8, tagger, morphologizer and parser
trained on UD Finnish, a lemmatiser built on Voikko) is installed by `make
setup-spacy` (`pip install -e '.[spacy]'`). The model is loaded once per process,
without its entity recogniser, which the extraction does not read.

The model runs over the project's own tokens: each unit from `segment.py` becomes a
`Doc` made from the segmenter's words and spaces, so `ELY-keskus`, `työ-` and
`1386/2010` stay one token each (the model's tokenizer splits `työ- ja` in three)
and every offset stays exact. From the model come the part of speech, the head and
the relation; lemma and features come from Voikko wherever Voikko knows the word,
taking the reading that agrees best with the model's (the model lemmatises
`noudatettava` as `noutaa`), and from the model where Voikko does not (`merge`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pipeline.errors import EnvironmentProblem
from pipeline.nlp.disambiguate import Reading
from pipeline.nlp.model import BackendInfo, Sentence, Token
from pipeline.nlp.segment import RawToken, tokenize
from pipeline.nlp.words import VOIKKO

MODEL = "spacy_fi_experimental_web_md"
_INSTALL = "run `make setup-spacy` (it installs spaCy and spacy_fi_experimental_web_md)"
# Features whose agreement decides which of Voikko's readings is the model's word.
_KEY_FEATURES = ("Case", "Number", "VerbForm", "Mood", "Person", "Tense", "Voice", "PartForm")
_CLASSES = ({"NOUN", "PROPN"}, {"VERB", "AUX"})
# Relations that head a clause: a word the tree makes one is a verb, whatever tag the
# model gave it (`tehtävänä on tukea`: `tukea` as csubj:cop, tagged a noun).
_CLAUSAL = frozenset({"csubj", "xcomp", "ccomp", "advcl", "acl"})


@dataclass(frozen=True)
class Merged:
    lemma: str
    upos: str
    feats: str
    source: str  # "voikko" (Voikko's reading where it knows the word) or "model"


def _features(feats: str) -> dict[str, str]:
    return dict(pair.partition("=")[::2] for pair in feats.split("|") if pair)


def _same_class(a: str, b: str) -> bool:
    return a == b or any(a in c and b in c for c in _CLASSES)


def merge(
    readings: Sequence[Reading], lemma: str, upos: str, feats: str, deprel: str = ""
) -> Merged:
    """One token's analysis from Voikko's readings and the model's: where Voikko knows
    the word, the reading that agrees best with the model (part of speech first, then
    the inflection), its lemma and features, and the model's part of speech when the
    two are of one class (a noun or a name, a verb or an auxiliary); where it does not,
    the model's. A word the tree makes the head of a clause is read as a verb."""
    if not readings or upos in ("PUNCT", "SYM", "NUM", "X"):
        return Merged(lemma, upos, feats, "model")
    if deprel.split(":")[0] in _CLAUSAL and upos != "VERB":
        verbal = [r for r in readings if r.upos == "VERB"]
        if verbal:
            readings, upos, feats = verbal, "VERB", ""
    model = _features(feats)

    def agreement(r: Reading) -> tuple[float, float]:
        ours = _features(r.feats)
        same = sum(1 for k in _KEY_FEATURES if k in ours and ours.get(k) == model.get(k))
        differ = sum(1 for k in _KEY_FEATURES if k in ours and k in model and ours[k] != model[k])
        pos = 2.0 if r.upos == upos else (1.0 if _same_class(r.upos, upos) else 0.0)
        return pos + same - differ, r.prior

    best = max(readings, key=agreement)
    chosen_upos = upos if _same_class(best.upos, upos) else best.upos
    return Merged(best.lemma, chosen_upos, best.feats, "voikko")


class SpacyAnalyzer:
    """spaCy's Finnish model over the shared tokens; see the module docstring."""

    def __init__(self) -> None:
        try:
            import spacy
        except ImportError as e:
            raise EnvironmentProblem(f"the spaCy backend is not installed: {_INSTALL}") from e
        self._spacy = spacy
        self._nlp: Any = None
        self.info = BackendInfo("spacy", str(spacy.__version__))
        self.words = VOIKKO  # the model's own lemmatiser is Voikko's

    def check(self) -> None:
        if not self._spacy.util.is_package(MODEL):
            raise EnvironmentProblem(f"spaCy's Finnish model {MODEL} is not installed: {_INSTALL}")

    def pipeline(self) -> Any:
        """The model, loaded once (without its entity recogniser)."""
        if self._nlp is None:
            self.check()
            try:
                self._nlp = self._spacy.load(MODEL, exclude=["ner"])
            except (OSError, ValueError) as e:
                raise EnvironmentProblem(f"spaCy could not load {MODEL} ({e}): {_INSTALL}") from e
            meta = self._nlp.meta
            self.info = BackendInfo(
                "spacy",
                str(self._spacy.__version__),
                f"{meta.get('lang', 'fi')}_{meta.get('name', MODEL)}",
                str(meta.get("version", "")),
            )
        return self._nlp

    def analyze(self, text: str, units: list[Sentence]) -> list[Sentence]:
        from spacy.tokens import Doc

        nlp = self.pipeline()
        raw = [tokenize(text, u.start, u.end) for u in units]
        docs = [
            Doc(nlp.vocab, words=[t.text for t in tokens], spaces=_spaces(tokens))
            for tokens in raw
            if tokens
        ]
        parsed = iter(nlp.pipe(docs, batch_size=64))
        out: list[Sentence] = []
        for unit, tokens in zip(units, raw, strict=True):
            row = from_doc(next(parsed), tokens) if tokens else []
            out.append(Sentence(unit.start, unit.end, unit.kind, row, unit.lead_in))
        return out


def _spaces(tokens: Sequence[RawToken]) -> list[bool]:
    return [b.start > a.end for a, b in itertools.pairwise(tokens)] + [False]


def from_doc(doc: Any, tokens: Sequence[RawToken]) -> list[Token]:
    """The shared tokens of one parsed unit (a `Doc` made from `tokens`): the model's
    part of speech and tree, lemma and features merged with Voikko's (`merge`)."""
    from pipeline.nlp.voikko_backend import readings_of

    if len(doc) != len(tokens):
        raise ValueError(f"spaCy returned {len(doc)} tokens for {len(tokens)} given")
    out: list[Token] = []
    for tok, source in zip(doc, tokens, strict=True):
        merged = merge(
            readings_of(source),
            tok.lemma_ or source.text,
            tok.pos_ or "X",
            str(tok.morph),
            tok.dep_,
        )
        head = 0 if tok.head.i == tok.i else tok.head.i + 1
        out.append(
            Token(
                text=source.text,
                start=source.start,
                end=source.end,
                lemma=merged.lemma,
                upos=merged.upos,
                feats=merged.feats,
                head=head,
                deprel=(tok.dep_ or "dep").replace("ROOT", "root"),
            )
        )
    return out
