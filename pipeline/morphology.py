"""The Voikko handle, loaded once per process, with cached look-ups per word form.

Voikko (Debian `libvoikko1 voikko-fi`, Python binding `libvoikko`) is the
offline Finnish morphology every stage leans on: spelling acceptance for the
repair stage, analyses for lemmas and cases, hyphenation points for the repair
benchmark. Documents repeat their words, so each form is analysed once.

`check_voikko()` tells in one line what is missing and the command that fixes it.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

import regex

from pipeline.errors import EnvironmentProblem

_INSTALL_HINT = "install it with `apt-get install libvoikko1 voikko-fi`, or run `make setup`"
_lock = threading.Lock()
_handle: Any = None

Analysis = dict[str, str]


def voikko() -> Any:
    """The process-wide Voikko handle for Finnish; raises EnvironmentProblem when missing."""
    global _handle
    if _handle is None:
        with _lock:
            if _handle is None:
                _handle = _load()
    return _handle


def _load() -> Any:
    try:
        import libvoikko
    except ImportError as e:
        raise EnvironmentProblem(
            "the Python package libvoikko is not installed: run `make setup` "
            "(or `pip install libvoikko`)"
        ) from e
    try:
        return libvoikko.Voikko("fi")
    except OSError as e:
        raise EnvironmentProblem(f"the libvoikko library was not found: {_INSTALL_HINT}") from e
    except Exception as e:  # libvoikko raises a plain Exception when no dictionary loads
        raise EnvironmentProblem(f"no Finnish Voikko dictionary was found: {_INSTALL_HINT}") from e


def check_voikko() -> None:
    """Fail early, before the first document, when Voikko cannot analyse Finnish."""
    if not analyze("kunta"):
        raise EnvironmentProblem(f"Voikko loaded but cannot analyse Finnish: {_INSTALL_HINT}")


@lru_cache(maxsize=200_000)
def _analyze(word: str) -> tuple[tuple[tuple[str, str], ...], ...]:
    return tuple(tuple(sorted(a.items())) for a in voikko().analyze(word))


def analyze(word: str) -> list[Analysis]:
    """Voikko's analyses of one word form (empty when unknown)."""
    return [dict(a) for a in _analyze(word)]


@lru_cache(maxsize=200_000)
def spell(word: str) -> bool:
    """Whether Voikko accepts the word form."""
    return bool(voikko().spell(word))


@lru_cache(maxsize=50_000)
def hyphenate(word: str) -> str:
    """Voikko's hyphenation pattern: '-' marks a hyphenation point, '=' a hyphen to keep."""
    return str(voikko().getHyphenationPattern(word))


def baseforms(word: str) -> list[str]:
    """Distinct base forms Voikko gives for a word form, in Voikko's order."""
    seen: list[str] = []
    for a in analyze(word):
        base = a.get("BASEFORM")
        if base and base not in seen:
            seen.append(base)
    return seen


def nominative(word: str) -> str:
    """The base form of a noun, keeping the input's capitalisation; the word when unknown."""
    for a in analyze(word):
        if a.get("CLASS") in ("nimisana", "nimi", "paikannimi", "sukunimi", "etunimi"):
            base = a.get("BASEFORM", word)
            return base[:1].upper() + base[1:] if word[:1].isupper() else base
    return word


def lemmas(word: str) -> list[str]:
    """Base forms of a word form, also for forms Voikko does not know.

    An abbreviation compound (`TE-toimistojen`) or an inflected abbreviation
    (`TEM:n`) is analysed by its last part, as Voikko does not know them.
    """
    if ":" in word:
        head, _, ending = word.partition(":")
        if head and ending.isalpha() and len(ending) <= 4:
            return [head]
    found = baseforms(word)
    if found:
        return found
    if "-" in word.strip("-"):
        head, _, last = word.rpartition("-")
        tails = baseforms(last) or baseforms(last.lower())
        if tails:
            return [f"{head}-{t}" for t in tails]
    tail = _compound_tail(word)
    if tail:
        return tail
    named = name_case(word)
    return [named[0]] if named and named[0] != word else []


# An abbreviation with a case ending written without a colon (`KEHAlle`, `TEMin`).
_INFLECTED_ABBREVIATION = regex.compile(r"^\p{Lu}{2,}\p{Ll}{1,3}$")


def _compound_tail(word: str) -> list[str]:
    """A compound Voikko does not know, by its longest known last part of at least four
    letters (`Maahanmuuttaneen` -> `Maahanmuuttanut`); none for an inflected
    abbreviation (`KEHAlle` is no `KEH` + `alle`)."""
    if not word.isalpha() or _INFLECTED_ABBREVIATION.match(word) or len(word) < 8:
        return []
    for i in range(3, len(word) - 3):
        found = baseforms(word[i:].lower())
        if found:
            return [word[:i] + base for base in found]
    return []


# Case endings of a name Voikko does not know (`Migrin`, `KEHAlle`), longest first.
NAME_ENDINGS = (
    ("lle", "All"), ("lla", "Ade"), ("llä", "Ade"), ("lta", "Abl"), ("ltä", "Abl"),
    ("sta", "Ela"), ("stä", "Ela"), ("ssa", "Ine"), ("ssä", "Ine"), ("ksi", "Tra"),
    ("na", "Ess"), ("nä", "Ess"), ("n", "Gen"),
)  # fmt: skip


def name_case(word: str) -> tuple[str, str] | None:
    """A capitalised word Voikko does not know, read as a name: its stem and case by a
    case ending (`Migrin` -> `Migri`, Gen), else the word itself in the nominative.
    None for a word Voikko knows or one that is not capitalised."""
    if not word[:1].isupper() or not word.isalpha() or analyze(word):
        return None
    for ending, case in NAME_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)], case
    return word, "Nom"


@lru_cache(maxsize=200_000)
def frequency(word: str) -> float:
    """The word's Zipf frequency in wordfreq's Finnish list (0 when unseen)."""
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word.lower(), "fi"))


def participle_verb(word: str) -> str | None:
    """The verb a participle comes from (`järjestettävä` -> `järjestää`), or None."""
    # `noudatettava` is also `noutaa` + a derivation: the reading with the fewest
    # derivations names the verb the text means (`noudattaa`)
    readings = sorted(
        (a.get("WORDBASES", "") for a in analyze(word) if a.get("PARTICIPLE")),
        key=lambda bases: bases.count("("),
    )
    for bases in readings:
        start, end = bases.find("("), bases.find(")")
        if 0 <= start < end:
            return bases[start + 1 : end]
    return None
