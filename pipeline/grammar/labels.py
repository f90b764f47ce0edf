"""Responsibility labels: action plans that name the responsible actor in a field.

Programmes carry action plans besides the prose division of responsibilities, and
a table flattened into text keeps its field labels:

    Toimenpide 1: Alkuvaiheen neuvonnan vahvistaminen
    Vastuutaho: kunta ja TE-toimisto
    Aikataulu: 2025

or inline, `Kotoutumiskoulutuksen hankinta (vastuu: ELY-keskus)`. The actors follow
the label; the task is the unit the label belongs to: the text before a bracketed
label, or the nearest unit before a label line that is not itself another field
(`Aikataulu: 2025`, `Mittari: ...`). These helpers find both; the discourse names
the actors. The labels themselves are the lexicon's (`[labels]`).
"""

from __future__ import annotations

import regex

from pipeline.grammar.lexicon import lexicon
from pipeline.markers import ITEM, MARKER
from pipeline.nlp.model import Token

# `Toimenpide 1:`, `Tehtävä 2.3.`, `Aikataulu:`: a field's label at the start of a unit.
_FIELD = regex.compile(r"^(?P<label>\p{Lu}[\p{Ll}-]+)(?:\s+\d+(?:\.\d+)*)?\.?\s*:\s*")
_NUMBERED_TASK = regex.compile(r"^(?P<label>\p{Lu}[\p{Ll}-]+)\s+\d+(?:\.\d+)*\.?\s*(?=\p{Lu})")
# How far back (in units) a label line looks for its task.
MAX_DISTANCE = 3


def _responsible() -> frozenset[str]:
    return lexicon().labels["responsible"]


def label_line(tokens: list[Token]) -> int | None:
    """For a unit that opens with a responsibility label and a colon (`Vastuutaho:`),
    the index of the first token after the colon; else None."""
    i = 1 if tokens and MARKER.match(tokens[0].text) else 0
    if (
        i + 1 < len(tokens)
        and tokens[i].text.lower() in _responsible()
        and tokens[i + 1].text == ":"
    ):
        return i + 2
    return None


def bracketed(tokens: list[Token]) -> tuple[int, int, int] | None:
    """`... (vastuu: ELY-keskus)`: the index of `(`, and of the first and the closing
    tokens of the actors; else None."""
    for i in range(1, len(tokens) - 3):
        if (
            tokens[i].text == "("
            and tokens[i + 1].text.lower() in _responsible()
            and tokens[i + 2].text == ":"
        ):
            close = next((j for j in range(i + 3, len(tokens)) if tokens[j].text == ")"), None)
            if close is not None and close > i + 3:
                return i, i + 3, close
    return None


def field(text: str) -> str | None:
    """The field a line opens with (`aikataulu` for `Aikataulu: 2025`), or None."""
    labels = lexicon().labels
    m = _FIELD.match(text)
    if not m:
        return None
    label = m.group("label").lower()
    return label if any(label in words for words in labels.values()) else None


def task_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The task a unit states as a field value or a bare line: past a list marker and a
    task label (`Toimenpide 1:`), before final punctuation. None for another field
    (`Aikataulu: 2025`) and for a unit with no letters."""
    unit = text[start:end]
    a = 0
    marker = ITEM.match(unit) or regex.match(r"^[-–—*]\s+", unit)
    if marker:
        a = marker.end()
    m = _FIELD.match(unit, a) or _NUMBERED_TASK.match(unit, a)
    if m:
        if m.group("label").lower() not in lexicon().labels["task"]:
            return None
        a = m.end()
    b = len(unit)
    while b > a and unit[b - 1] in ".;:, ":
        b -= 1
    if not regex.search(r"\p{L}", unit[a:b]):
        return None
    return start + a, start + b
