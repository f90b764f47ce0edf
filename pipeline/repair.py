"""Repair of extraction artefacts, between layout and NLP, with a log of every change.

Three passes over the reflowed text, each logged with its evidence:

1. characters: soft hyphens inside words, ligatures (ﬁ, ﬂ), non-breaking and
   doubled spaces;
2. line-end hyphens that layout kept (`kotoutta-misen`): joined when the
   joined word is the word (Voikko, or the same document), kept when the hyphen
   is real (`ELY-keskusten`, a vowel clash), else left with a warning;
3. joined words and lost hyphens anywhere in the text: `myöntävätviisumeita`,
   `ELYkeskukset`. A token Voikko rejects is split where both parts are words
   and the split is supported by morphology (a part that cannot begin a
   compound: a finite verb, an inflected adjective, a case other than the
   nominative or genitive), by word frequency, and above all by the same
   document (the parts or the phrase standing elsewhere). A token Voikko
   accepts as a compound is split only on strong evidence: the same phrase as
   two words elsewhere in the document while the compound stands nowhere else
   (`valtionkotouttamisohjelman`), or a compound no corpus knows whose first
   part cannot begin a compound.

Valid words are never touched: numbers, URLs, e-mail addresses, law references,
abbreviations and tokens that recur in the document as they are. Every later
offset points into the repaired text; `OffsetMap` carries the layout's offsets.
"""

from __future__ import annotations

import itertools
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache

import regex

from pipeline import morphology
from pipeline.layout import Block, HyphenBreak, Reflowed
from pipeline.models import Repair, RepairKind
from pipeline.offsets import Edit, OffsetMap, apply_edits

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_WORD = regex.compile(r"\p{L}+(?:[-\u00ad]\p{L}+)*")
_TOKEN_CHARS = regex.compile(r"[\p{L}\p{M}\u00ad" + "".join(_LIGATURES) + r"]+")
# Spans no repair may touch: URLs, e-mail addresses, paths, law references.
_PROTECTED = regex.compile(
    r"(?:https?://|www\.)\S+|\S+@\S+\.\S+|\b\d+/\d{4}\b|§\s*\d+|\S*[/\\_]\S*[/\\_]\S*"
)
_ABBREVIATION_GLUE = regex.compile(r"^(\p{Lu}{2,5}\d*)(\p{Ll}{3,})$")
_CONJUNCTIONS = ("ja", "tai", "sekä")
# Short words that may stand as one part of a split; other parts need 3+ letters.
_SHORT_WORDS = frozenset(
    {"ja", "ei", "on", "se", "ne", "jo", "me", "te", "he", "en", "et", "eri", "sen", "tai", "kun"}
)
_NOUN_CLASSES = frozenset({"nimisana", "nimi", "etunimi", "sukunimi", "paikannimi"})


@dataclass(frozen=True)
class Repaired:
    text: str
    pages: list[tuple[int, int, int]]
    blocks: list[Block]
    repairs: list[Repair]
    warnings: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class _Pass:
    """The edits of one pass with their log entries (kind, evidence) in old offsets."""

    edits: list[Edit] = field(default_factory=list)
    log: list[tuple[RepairKind, str, str]] = field(default_factory=list)  # kind, original, why

    def add(
        self, start: int, end: int, original: str, new: str, kind: RepairKind, why: str
    ) -> None:
        self.edits.append(Edit(start, end, new))
        self.log.append((kind, original, why))


def repair(flow: Reflowed) -> Repaired:
    """Repair the reflowed text; every change is logged with its evidence."""
    warnings: list[tuple[str, str]] = []
    state = _State(flow.text, list(flow.hyphen_breaks))
    state.commit(_characters(state.text))
    state.commit(_hyphen_pass(state.text, state.hyphens, warnings))
    state.commit(_glued(state.text, [(e.start, e.end) for e, *_ in state.log]))

    pages = [(n, state.move(s), state.move(e, end=True)) for n, s, e in flow.pages]
    blocks = [Block(b.kind, state.move(b.start), state.move(b.end, end=True)) for b in flow.blocks]
    repairs = [
        Repair(
            kind=kind,
            original=original,
            replacement=e.replacement,
            start=e.start,
            end=e.end,
            page=_page(pages, e.start),
            evidence=why,
        )
        for e, kind, original, why in sorted(state.log, key=lambda x: x[0].start)
    ]
    return Repaired(state.text, pages, blocks, repairs, warnings)


class _State:
    """The text between passes, the log in its offsets, and the maps applied so far."""

    def __init__(self, text: str, hyphens: list[HyphenBreak]) -> None:
        self.text = text
        self.hyphens = hyphens
        self.log: list[tuple[Edit, RepairKind, str, str]] = []  # Edit spans are in self.text
        self.maps: list[OffsetMap] = []

    def commit(self, done: _Pass) -> None:
        new_text, omap = apply_edits(self.text, done.edits)
        # Earlier entries move with this pass's edits.
        self.log = [
            (Edit(omap(e.start), omap(e.end, end=True), e.replacement), k, o, w)
            for e, k, o, w in self.log
        ]
        for e, (kind, original, why) in zip(done.edits, done.log, strict=True):
            start = omap(e.start)
            self.log.append(
                (Edit(start, start + len(e.replacement), e.replacement), kind, original, why)
            )
        self.hyphens = [HyphenBreak(omap(h.offset), h.page) for h in self.hyphens]
        self.maps.append(omap)
        self.text = new_text

    def move(self, offset: int, end: bool = False) -> int:
        """Carry an offset of the reflowed text into the repaired text."""
        for m in self.maps:
            offset = m(offset, end=end)
        return offset


def _page(pages: list[tuple[int, int, int]], offset: int) -> int | None:
    for number, start, end in pages:
        if start <= offset < end:
            return number
    return pages[-1][0] if pages else None


# --- pass 1: characters -----------------------------------------------------------------


def _characters(text: str) -> _Pass:
    done = _Pass()
    for m in _TOKEN_CHARS.finditer(text):
        word = m.group()
        if "\u00ad" not in word and not any(c in _LIGATURES for c in word):
            continue
        fixed = "".join(_LIGATURES.get(c, c) for c in word.replace("\u00ad", ""))
        kind: RepairKind = "soft_hyphen" if "\u00ad" in word else "ligature"
        why = "soft hyphen (U+00AD) removed" if kind == "soft_hyphen" else "ligature expanded"
        done.add(m.start(), m.end(), word, fixed, kind, why)
    for m in regex.finditer(
        r"[ \u00a0\u2007\u202f\t]*[\u00a0\u2007\u202f\t][ \u00a0\u2007\u202f\t]*| {2,}", text
    ):
        done.add(m.start(), m.end(), m.group(), " ", "whitespace", "non-breaking or repeated space")
    return done


# --- shared evidence from the document ------------------------------------------------


class _Evidence:
    """What the document itself says about word forms and phrases."""

    def __init__(self, text: str) -> None:
        words = [m for m in _WORD.finditer(text)]
        self.words = Counter(m.group().lower() for m in words)
        self.lemmas: Counter[str] = Counter()
        self.pairs: set[tuple[str, str]] = set()
        for m in words:
            for lemma in set(_lemmas(m.group().lower())):
                self.lemmas[lemma] += 1
        for a, b in itertools.pairwise(words):
            if text[a.end() : b.start()] == " ":
                for lemma in _lemmas(b.group().lower()):
                    self.pairs.add((a.group().lower(), lemma))

    def phrase(self, left: str, right: str) -> bool:
        """Whether `left` is followed elsewhere by a form of `right`'s lemma."""
        return any((left.lower(), lemma) in self.pairs for lemma in _lemmas(right.lower()))

    def standalone(self, word: str) -> bool:
        return self.words[word.lower()] > 0


@lru_cache(maxsize=100_000)
def _lemmas(word: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(b.lower() for b in morphology.baseforms(word)))


@lru_cache(maxsize=100_000)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "fi"))


def _known(word: str) -> bool:
    """A word Voikko accepts that may stand as a part of a split."""
    if len(word) < 3 and word.lower() not in _SHORT_WORDS:
        return False
    return morphology.spell(word)


# --- pass 2: line-end hyphens -----------------------------------------------------------


def _hyphen_pass(text: str, hyphens: list[HyphenBreak], warnings: list[tuple[str, str]]) -> _Pass:
    done = _Pass()
    if not hyphens:
        return done
    ev = _Evidence(text)
    for h in hyphens:
        start = h.offset
        while start > 0 and (text[start - 1].isalpha() or text[start - 1] == "-"):
            start -= 1
        end = h.offset + 1
        while end < len(text) and text[end].isalpha():
            end += 1
        left, right = text[start : h.offset], text[h.offset + 1 : end]
        if not left or not right:
            continue
        word = f"{left}-{right}"
        decision = _decide_hyphen(left, right, ev)
        if decision is None:
            warnings.append(
                ("hyphen-undecided", f"line-end hyphen in {word!r} left as found (page {h.page})")
            )
        elif decision[0] == "join":
            done.add(start, end, word, left + right, "join_hyphenated", decision[1])
        else:
            done.add(start, end, word, word, "keep_line_end_hyphen", decision[1])
    return done


def _decide_hyphen(left: str, right: str, ev: _Evidence) -> tuple[str, str] | None:
    last = left.rsplit("-", 1)[-1]
    joined, kept = left + right, f"{left}-{right}"
    # The hyphenated form itself stands in the text once: that is not evidence.
    n_joined, n_kept = ev.words[joined.lower()], ev.words[kept.lower()] - 1
    if n_joined > n_kept:
        return "join", f"{joined!r} stands {n_joined} time(s) elsewhere in the document"
    if n_kept > n_joined:
        return "keep", f"{kept!r} stands {n_kept} time(s) elsewhere in the document"
    if last.isupper() or any(c.isdigit() for c in last) or right[:1].isupper():
        return "keep", "a hyphen after an abbreviation or before a name is part of the word"
    spelled_joined, spelled_kept = morphology.spell(joined), morphology.spell(kept)
    if spelled_joined and not (spelled_kept and _vowel_clash(last, right)):
        return "join", f"Voikko accepts {joined!r}"
    if spelled_kept:
        return "keep", f"Voikko accepts {kept!r} but not {joined!r}"
    pattern = morphology.hyphenate(joined)
    if left.islower() and len(pattern) == len(joined) and pattern[len(left)] == "-":
        return "join", f"{joined!r} unknown to Voikko; the break is one of its hyphenation points"
    return None


def _vowel_clash(left: str, right: str) -> bool:
    """Finnish keeps the hyphen where a compound's parts meet with the same vowel."""
    return bool(left and right) and left[-1].lower() == right[0].lower() and left[-1] in "aeiouyäö"


# --- pass 3: joined words and lost hyphens ----------------------------------------------


def _glued(text: str, repaired: list[tuple[int, int]]) -> _Pass:
    done = _Pass()
    ev = _Evidence(text)
    protected = [(m.start(), m.end()) for m in _PROTECTED.finditer(text)] + repaired
    for m in regex.finditer(r"\p{L}+", text):
        token = m.group()
        start, end = m.start(), m.end()
        if len(token) < 5 or any(s < end and start < e for s, e in protected):
            continue
        before, after = text[start - 1 : start], text[end : end + 1]
        if (before and before in "-@/._\\") or (after and after in "@/_\\"):
            continue
        if after == "-" and text[end + 1 : end + 2] == " ":
            continue  # a suspended compound part: `työvoima- ja`
        result = _split(token, ev)
        if result is None:
            continue
        replacement, kind, why = result
        done.add(start, end, token, replacement, kind, why)
    return done


def _split(token: str, ev: _Evidence) -> tuple[str, RepairKind, str] | None:
    """How to repair `token`, or None when it is a word."""
    if ev.words[token.lower()] > 1:
        return None  # it recurs as it is: a word Voikko may not know, not an accident
    m = _ABBREVIATION_GLUE.match(token)
    if m:
        abbr, rest = m.groups()
        if morphology.spell(f"{abbr}-{rest}") or morphology.spell(rest):
            return (
                f"{abbr}-{rest}",
                "restore_hyphen",
                (
                    f"an abbreviation glued to a word: Voikko accepts {rest!r}; Finnish writes "
                    f"{abbr}-{rest}"
                ),
            )
        return None
    if token[1:] != token[1:].lower():
        return None  # inner capitals: a name or code, not a lost line break
    if _zipf(token.lower()) > 0:
        return None  # the corpus knows the word (`yhteensovittaa`), whatever Voikko says
    if morphology.spell(token):
        return _split_compound(token, ev)
    hyphened = _restore_inner_hyphen(token)
    if hyphened:
        return hyphened
    return _split_unknown(token, ev)


def _restore_inner_hyphen(token: str) -> tuple[str, RepairKind, str] | None:
    """`maahanmuuttajaasiakas` -> `maahanmuuttaja-asiakas`: a compound whose hyphen is required."""
    for i in range(3, len(token) - 2):
        if _vowel_clash(token[:i], token[i:]) and morphology.spell(f"{token[:i]}-{token[i:]}"):
            new = f"{token[:i]}-{token[i:]}"
            return new, "restore_hyphen", f"Voikko accepts {new!r}, not {token!r} (vowel clash)"
    return None


@dataclass(frozen=True)
class _Candidate:
    left: str
    right: str
    score: float
    reasons: tuple[str, ...]


def _score(left: str, right: str, ev: _Evidence) -> _Candidate:
    reasons: list[str] = []
    score = 0.0
    if ev.phrase(left, right):
        score += 4
        reasons.append(f"'{left} {right}' (as a phrase) stands elsewhere in the document")
    else:
        found = [p for p in (left, right) if ev.standalone(p)]
        if found:
            score += 1.0 * len(found)
            reasons.append(
                f"{' and '.join(map(repr, found))} stand(s) alone elsewhere in the document"
            )
    shape = _cannot_begin_compound(left, right)
    if shape:
        score += 2
        reasons.append(shape)
    freq = min(_zipf(left.lower()), _zipf(right.lower()))
    score += freq / 2
    reasons.append(f"word frequency {freq:.1f}")
    return _Candidate(left, right, score, tuple(reasons))


def _cannot_begin_compound(left: str, right: str) -> str | None:
    """Why `left` cannot be the first part of a compound, if it cannot."""
    analyses = morphology.analyze(left)
    if not analyses:
        return None
    for a in analyses:
        cls, case, number = a.get("CLASS"), a.get("SIJAMUOTO"), a.get("NUMBER")
        if cls in _NOUN_CLASSES and case == "nimento":
            return None
        if cls in _NOUN_CLASSES and case == "omanto" and number == "singular":
            return None
        if cls == "etuliite":
            return None
    first = analyses[0]
    cls, case = first.get("CLASS", "?"), first.get("SIJAMUOTO")
    if cls == "laatusana" and case and _agrees(left, right):
        return f"{left!r} agrees in case with {right!r}"
    if cls == "teonsana":
        return f"{left!r} is a verb form"
    return f"{left!r} ({cls}{', ' + case if case else ''}) cannot begin a compound"


def _agrees(left: str, right: str) -> bool:
    cases_l = {(a.get("SIJAMUOTO"), a.get("NUMBER")) for a in morphology.analyze(left)}
    cases_r = {(a.get("SIJAMUOTO"), a.get("NUMBER")) for a in morphology.analyze(right)}
    return bool(cases_l & cases_r)


def _split_unknown(token: str, ev: _Evidence) -> tuple[str, RepairKind, str] | None:
    """Split a token Voikko rejects where both parts are words and the evidence is best."""
    best: _Candidate | None = None
    for i in range(2, len(token) - 1):
        left, right = token[:i], token[i:]
        if not (_known(left) and _known(right)):
            continue
        cand = _score(left, right, ev)
        if best is None or cand.score > best.score:
            best = cand
    if best is None:
        return _suspended(token, ev)
    # A capitalised unknown token may be a name (`Järvilaakson`): it needs more than
    # frequency to be split.
    needed = 3.0 if token[:1].isupper() else 1.5
    if best.score < needed:
        return None
    why = f"Voikko rejects {token!r}; " + "; ".join(best.reasons)
    return f"{best.left} {best.right}", "split_joined_words", why


def _suspended(token: str, ev: _Evidence) -> tuple[str, RepairKind, str] | None:
    """`sosiaalija` -> `sosiaali- ja`: a suspended hyphen lost with its line break."""
    for conj in _CONJUNCTIONS:
        head = token[: -len(conj)]
        if token.endswith(conj) and len(head) >= 3 and f"{head.lower()}-" in ev.words:
            return (
                f"{head}- {conj}",
                "suspended_hyphen",
                f"'{head}-' stands elsewhere in the document",
            )
    return None


def _compound_boundaries(token: str) -> list[int]:
    """Surface offsets of the compound boundaries in Voikko's analyses of `token`."""
    found: set[int] = set()
    for a in morphology.analyze(token):
        structure = a.get("STRUCTURE", "")
        position = 0
        for ch in structure[1:]:  # the leading '=' marks the word start
            if ch == "=":
                found.add(position)
            else:
                position += 1
    return sorted(i for i in found if 0 < i < len(token))


def _split_compound(token: str, ev: _Evidence) -> tuple[str, RepairKind, str] | None:
    """Split a form Voikko accepts only on strong evidence that it is two words."""
    compound_lemmas = _lemmas(token.lower())
    elsewhere = any(ev.lemmas[lemma] > 1 for lemma in compound_lemmas)
    for i in _compound_boundaries(token):
        left, right = token[:i], token[i:]
        if not (_known(left) and _known(right)):
            continue
        if ev.phrase(left, right) and not elsewhere:
            why = (
                f"'{left} {right}' stands elsewhere in the document as two words and the "
                f"compound {token!r} nowhere else"
            )
            return f"{left} {right}", "split_joined_words", why
        shape = _cannot_begin_compound(left, right)
        if (
            shape
            and not elsewhere
            and ev.standalone(left)
            and ev.standalone(right)
            and min(_zipf(left.lower()), _zipf(right.lower())) >= 2.5
        ):
            why = f"{shape}; both parts stand alone in the document; no corpus knows {token!r}"
            return f"{left} {right}", "split_joined_words", why
    return None
