"""Repair of extraction artefacts, between layout and NLP, with a log of every change.

Three passes over the reflowed text, each change logged with its evidence and the
class of that evidence (`typography`, `document`, `dictionary`, `morphology`,
`frequency`):

1. characters: soft hyphens inside words, ligatures (ﬁ, ﬂ), non-breaking and
   doubled spaces;
2. punctuation: a space lost after sentence or clause punctuation, an
   abbreviation's period or a reference's year, or around a bracket, a bullet,
   an arrow, a spaced dash or hyphen, or a quotation mark paired in its block
   (`toimeentulotukea.Työ-`, `matkareitin,myöntää`, `neuvottelukunta(ETNO)`,
   `esim.ohjaus`, `12/2024vp`, `⇒www`, `nimellä"Yhdessä`), restored by the
   punctuation alone;
3. tokens, decided in `wordsplit.py`: line-end hyphens that layout kept
   (`kotoutta-misen`) are joined when the joined word is the word (Voikko, or
   the same document), kept when the hyphen is real (`ELY-keskusten`, a vowel
   clash), else left with a warning; hyphens left inside a line by a lost line
   break likewise; and joined words and lost hyphens: `myöntävätviisumeita`,
   `ELYkeskukset`, `TEM:njohdolla`. A token Voikko rejects is split where both
   parts are words (for Voikko, or for the document) and the split is supported
   by morphology (a part that cannot begin a compound: a finite verb, an
   inflected adjective, a case other than the nominative or genitive), by word
   frequency, and above all by the same document (the parts or the phrase
   standing elsewhere). A token Voikko accepts as a compound is split only on
   strong evidence: the same phrase as two words elsewhere in the document
   (`valtionkotouttamisohjelman`), the parts standing alone in the document,
   morphology (a genitive plural, `-misen`, `-uksen`, a possessive suffix) or
   syntax (a finite verb or a postposition cannot end a compound; an attribute
   agrees with its head, `koskevan lainsäädännön|kokonaisuudesta`); never by
   word frequency alone.

The syntax some decisions need comes from the token's neighbours: the word before
it (an attribute, a subject, a genitive before a postposition, `AVI:n kanssa`), the
word before a conjunction, and whether its clause has a finite verb of its own.

`mode="conservative"` applies only repairs decided by typography, the document or
Voikko's dictionary (a line-end hyphen joined where Voikko accepts the word; a
hyphen inside a line may be the writer's and needs more), for users who prefer a
miss to a wrong change.

Valid words are never touched: numbers, URLs, e-mail addresses, law references,
abbreviations and tokens that recur in the document as they are. Every later
offset points into the repaired text; `OffsetMap` carries the layout's offsets.
"""

from __future__ import annotations

import bisect
import itertools
from dataclasses import dataclass, field, replace

import regex

from pipeline.layout import Block, HyphenBreak, Reflowed, Table
from pipeline.models import Confidence, Repair, RepairKind
from pipeline.nlp.segment import ABBREVIATIONS, SENTENCE_FINAL_ABBREVIATIONS
from pipeline.offsets import Edit, OffsetMap, apply_edits
from pipeline.wordsplit import (
    ABBREVIATION_ENDINGS,
    CONFIDENCE_ORDER,
    Evidence,
    is_clause_verb,
    known,
    repair_token,
    split_after_abbreviation,
)

MODES = ("default", "conservative")
# The weakest class of evidence each mode applies.
_WEAKEST: dict[str, Confidence] = {"default": "frequency", "conservative": "dictionary"}

_LIGATURES = {"ﬀ": "ff", "ﬁ": "fi", "ﬂ": "fl", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "st", "ﬆ": "st"}
_TOKEN = regex.compile(r"[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*")
_TOKEN_CHARS = regex.compile(r"[\p{L}\p{M}\u00ad" + "".join(_LIGATURES) + r"]+")
# Spans no repair may touch: URLs, e-mail addresses, paths (runs of non-space, from the
# address on), law references (`1386/2010`, `§ 35`).
_LAW = regex.compile(r"\b\d+/\d{4}\b|§\s*\d+")


# Where an address begins inside a run of non-space: a word glued before it by a lost
# space (`hallintojohtaja,ari.virtanen@kunta.fi`, `sivulta,www.kunta.fi`) is no part
# of it.
_ADDRESS_START = regex.compile(r"[\p{L}\p{N}._%+-]+@|[a-z]+://|www\.")


# What marks a run of non-space that may hold an address or a path.
_ADDRESS_MARK = regex.compile(r"[/\\_@]|www\.")


def _run(text: str, start: int, end: int) -> tuple[int, int]:
    """The bounds of the run of non-space characters around `text[start:end]`."""
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


def _address_runs(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each run of non-space holding an address mark, in order:
    only these are looked at, the rest of the text is no address."""
    runs: list[tuple[int, int]] = []
    for m in _ADDRESS_MARK.finditer(text):
        if not runs or m.start() >= runs[-1][1]:  # else a mark of the run already found
            runs.append(_run(text, m.start(), m.end()))
    return runs


def _protected(text: str) -> list[tuple[int, int]]:
    """The sorted spans no repair may touch."""
    spans = [(m.start(), m.end()) for m in _LAW.finditer(text)]
    for a, b in _address_runs(text):
        w = text[a:b]
        if (
            "://" in w
            or "www." in w
            or ("@" in w and "." in w.split("@", 1)[1])
            or sum(w.count(c) for c in "/\\_") >= 2
        ):
            address = _ADDRESS_START.search(w)
            spans.append((a + address.start() if address else a, b))
    return sorted(spans)


# A run of non-space that names a web address or a file without `www.` or a scheme
# (`migri.fi/kotoutuminen`): a dot between letters.
_DOMAIN = regex.compile(r"\p{L}\.\p{L}")


def _previous_word(text: str, start: int) -> str | None:
    """The word before a token in the same clause: only spaces between them."""
    j = start
    while j > 0 and text[j - 1] == " ":
        j -= 1
    if j == start:
        return None
    k = j
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    if k < j and k > 1 and text[k - 1] == ":":
        # an abbreviation with its case ending (`AVI:n kanssa`) is one word
        a = k - 1
        while a > 0 and (text[a - 1].isupper() or text[a - 1].isdigit() or text[a - 1] == "-"):
            a -= 1
        if a < k - 1:
            k = a
    return text[k:j] if k < j else None


# What ends a clause: punctuation, a block's end, and the words that open a clause
# (conjunctions, relative pronouns).
_CLAUSE_MARK = regex.compile(r"[.!?,;:()•\n–—]")
_CLAUSE_WORDS = frozenset({
    "ja", "tai", "sekä", "eli", "että", "mutta", "vaan", "kun", "jos", "koska", "jotta",
    "vaikka", "kuin", "joka", "jotka", "jonka", "joiden", "jota", "joita", "jolle", "joille",
    "jolla", "joilla", "jossa", "joissa", "josta", "joista", "johon", "joihin", "mikä",
    "mitkä", "minkä", "mitä", "missä", "mistä", "mihin",
})  # fmt: skip
_PLAIN_WORD = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class _Clauses:
    """The clauses of a text, for asking whether a token's clause has a finite verb of
    its own (`pienentää kuvan pystyskaalaa`: `skaalaa` is then no second verb)."""

    starts: list[int]  # sorted offsets where a clause begins
    verbs: dict[int, int]  # clause index -> how many clause verbs it holds
    verb_starts: frozenset[int]

    @classmethod
    def of(cls, text: str) -> _Clauses:
        starts = {0} | {m.end() for m in _CLAUSE_MARK.finditer(text)}
        found = []
        for m in _PLAIN_WORD.finditer(text):
            word = m.group()
            if word.lower() in _CLAUSE_WORDS:
                starts.add(m.start())
            elif is_clause_verb(word):
                found.append(m.start())
        ordered = sorted(starts)
        verbs: dict[int, int] = {}
        for at in found:
            k = bisect.bisect_right(ordered, at) - 1
            verbs[k] = verbs.get(k, 0) + 1
        return cls(ordered, verbs, frozenset(found))

    def other_verb(self, start: int) -> bool:
        """Whether the clause of the token at `start` holds a clause verb besides it."""
        k = bisect.bisect_right(self.starts, start) - 1
        return self.verbs.get(k, 0) - (start in self.verb_starts) > 0


@dataclass(frozen=True)
class Repaired:
    text: str
    pages: list[tuple[int, int, int]]
    blocks: list[Block]
    repairs: list[Repair]
    warnings: list[tuple[str, str]] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)


@dataclass
class _Pass:
    """The edits of one pass with their log entries (kind, evidence) in old offsets."""

    edits: list[Edit] = field(default_factory=list)
    # kind, original, why, confidence
    log: list[tuple[RepairKind, str, str, Confidence]] = field(default_factory=list)

    def add(
        self,
        start: int,
        end: int,
        original: str,
        new: str,
        kind: RepairKind,
        why: str,
        confidence: Confidence = "typography",
    ) -> None:
        self.edits.append(Edit(start, end, new))
        self.log.append((kind, original, why, confidence))


def repair(flow: Reflowed, mode: str = "default") -> Repaired:
    """Repair the reflowed text; every change is logged with its evidence. `mode` is
    `default` or `conservative` (only typography, document and dictionary evidence)."""
    if mode not in MODES:
        raise ValueError(f"unknown repair mode {mode!r}: choose one of {', '.join(MODES)}")
    warnings: list[tuple[str, str]] = []
    state = _State(flow.text, list(flow.hyphen_breaks))
    state.commit(_characters(state.text))
    state.commit(_punctuation(state.text))
    state.commit(_tokens(state.text, state.hyphens, warnings, _WEAKEST[mode]))

    pages = [(n, state.move(s), state.move(e, end=True)) for n, s, e in flow.pages]
    blocks = [
        replace(b, start=state.move(b.start), end=state.move(b.end, end=True)) for b in flow.blocks
    ]
    tables = [
        replace(t, start=state.move(t.start), end=state.move(t.end, end=True)) for t in flow.tables
    ]
    repairs = [
        Repair(
            kind=kind,
            original=original,
            replacement=e.replacement,
            start=e.start,
            end=e.end,
            page=_page(pages, e.start),
            evidence=why,
            confidence=confidence,
        )
        for e, kind, original, why, confidence in sorted(state.log, key=lambda x: x[0].start)
    ]
    return Repaired(state.text, pages, blocks, repairs, warnings, tables)


class _State:
    """The text between passes, the log in its offsets, and the maps applied so far."""

    def __init__(self, text: str, hyphens: list[HyphenBreak]) -> None:
        self.text = text
        self.hyphens = hyphens
        # Edit spans are in self.text
        self.log: list[tuple[Edit, RepairKind, str, str, Confidence]] = []
        self.maps: list[OffsetMap] = []

    def commit(self, done: _Pass) -> None:
        new_text, omap = apply_edits(self.text, done.edits)
        # Earlier entries move with this pass's edits.
        self.log = [
            (Edit(omap(e.start), omap(e.end, end=True), e.replacement), k, o, w, c)
            for e, k, o, w, c in self.log
        ]
        for e, (kind, original, why, confidence) in zip(done.edits, done.log, strict=True):
            start = omap(e.start)
            edit = Edit(start, start + len(e.replacement), e.replacement)
            self.log.append((edit, kind, original, why, confidence))
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


# --- pass 2: punctuation ------------------------------------------------------------------

# A space lost after punctuation: a sentence's end before a capitalised word, a comma or
# semicolon before a word, a colon after a lower-case word (`TEM:n` is an inflected
# abbreviation), a closing bracket before a word (not an optional prefix's,
# `(osa)merkkijono`); and before an opening bracket (not an optional ending's,
# `kunta(t)`) or a bullet. Each match is the position where the space goes.
_LOST_SPACE = regex.compile(
    r"(?<=\p{Ll}\p{Ll}[.!?])(?=\p{Lu}(?:\p{Ll}|\p{Lu}{1,5}-))"
    r"|(?<=[\p{L}\p{N}][\p{L}\p{N}][,;])(?=\p{L})"
    r"|(?<=(?:^|\s)[\p{L}\p{N}][,;])(?=\p{L}\p{L})"
    r"|(?<=\s\d{1,3}[.])(?=\p{Lu}\p{Ll}\p{Ll})"
    r"|(?<=[\p{L}\p{N}][)\"”][.!?])(?=\p{Lu}\p{Ll})"
    r"|(?<=\p{L}\p{L}[,;])(?=\d)"
    r"|(?<=\p{Ll}\p{Ll}:)(?=\p{L}\p{L})"
    r"|(?<=[\p{L}\p{N}]\))(?<!(?:^|\s)\(\p{Ll}{1,6}\))(?=[\p{L}\p{N}])"
    r"|(?<=\p{L}\p{L})(?=\((?!\p{Ll}{1,3}\))[\p{L}\p{N}])"
    r"|(?<=\d)(?=§)"
    r"|(?<=[\p{L}\p{P}])(?=•)"
)


# An abbreviation's period before a lower-case letter (`esim.ohjeet`): its space lost.
_GLUED_ABBREVIATION = regex.compile(
    r"(?<![\p{L}\p{N}.])(?i:"
    + "|".join(sorted((a for a in ABBREVIATIONS | SENTENCE_FINAL_ABBREVIATIONS if len(a) > 1),
                      key=len, reverse=True))
    + r")\.(?=\p{Ll}\p{Ll})"
)  # fmt: skip

# A dash with a space on one side takes one on the other (`palveluihin – kunta`); a
# range (`2021–2024`) has neither.
_GLUED_DASH = regex.compile(r"(?<=\s)[–—](?=\p{L})")
_DASH_AFTER_WORD = regex.compile(r"(?<=\p{L})[–—](?= \p{L})")

# A spaced hyphen before a capitalised word is a dash (`Asetukset -Näytä`): a compound's
# hyphen after a space (`KOTO24 -uudistus`) binds a lower-case part.
_SPACED_HYPHEN_BEFORE_CAPITAL = regex.compile(r"(?<=\s)-(?=\p{Lu}\p{Ll})")

# Straight or typographic quotation marks that open and close alike; in a block where
# they pair up, an odd one opens a quotation (a space before it) and an even one closes
# it (a space after it, unless a hyphen or punctuation follows: `"X"-valinta`).
_QUOTES = '"”»'


def _glued_quotes(text: str) -> list[tuple[int, str]]:
    """Quotation marks glued to a word outside their quotation, and which side of them
    lost its space (`aiheesta"Linkitetyn solun"`, `"elävä"raportti`)."""
    found = []
    for block in regex.finditer(r"[^\n]+", text):
        marks = [m.start() for m in regex.finditer(f"[{_QUOTES}]", block.group())]
        if not marks or len(marks) % 2:
            continue  # unpaired: nothing tells an opening mark from a closing one
        for k, at in enumerate(marks):
            at += block.start()
            before, after = text[at - 1 : at], text[at + 1 : at + 2]
            if k % 2 == 0 and before.isalpha() and after.isalnum():
                found.append((at, "before"))
            elif k % 2 == 1 and after.isalpha() and text[at - 1 : at].isalnum():
                found.append((at, "after"))
    return found


# An arrow pointing to a link or a page stands between spaces (`-opas ⇒ www...`).
_GLUED_ARROW = regex.compile(r"([⇒→➔►▶])(?=[\p{L}\p{N}])|(?<=[\p{L}\p{N}.,)])([⇒→➔►▶])")

# A short word and a number glued (`ja36 §`, `3tai 4`), and letters glued to a
# reference's number (`järjestämisestä380/2023`).
_SHORT_WITH_NUMBER = regex.compile(r"^(?:\p{Ll}{2,}\d+|\d+\p{Ll}{2,})$")
_LETTERS_BEFORE_REFERENCE = regex.compile(r"\p{L}{3,}\d+/\d{4}")

# An abbreviation or a number before the colon of its case ending (`TEM:n`, `2025:n`).
_ABBREVIATION_BEFORE = regex.compile(r"(?<![\p{L}\p{N}])(?:\p{Lu}{2,6}\d*|\d+):$")

# A numbered reference (`681/2023`, `TrVM 6/2018 vp`) ends with its year: letters glued
# to the year lost a space.
_GLUED_REFERENCE = regex.compile(r"(?<![\p{L}\p{N}/])\d{1,5}/\d{4}(?=\p{L})")
# A date (`1.1.2025`) ends with its year too: letters glued to it lost a space.
_GLUED_DATE = regex.compile(r"(?<![\p{L}\p{N}.])\d{1,2}\.\d{1,2}\.\d{4}(?=\p{L})")
# The section sign stands apart from its number (`§ 45`, `45 §`).
_GLUED_SECTION = regex.compile(r"(?<!\d)§(?=\d)")  # (after a digit: `_LOST_SPACE`)

# Where a space may be lost: a mark with no space after it, or before it.
_MARK = regex.compile(r"[.!?,;:)](?=\S)|\S(?=[(•§])")


_LETTERS_AFTER = regex.compile(r"\p{L}+(?!\p{N})")


def _case_ending_after(text: str, at: int) -> bool:
    """Whether the letters at `at` are a case ending and end the word."""
    m = _LETTERS_AFTER.match(text, at)
    return bool(m) and m.group().lower() in ABBREVIATION_ENDINGS


def _punctuation(text: str) -> _Pass:
    """Pass 2: spaces lost after punctuation, restored by the punctuation alone. The
    edit is the punctuation mark with its space, so two around one bracket never meet."""
    done = _Pass()
    protected = _protected(text)
    for m in _MARK.finditer(text):
        at = m.end() if m.group() in ".!?,;:)" else m.start() + 1
        if not _LOST_SPACE.match(text, at):
            continue
        if any(a < at < b for a, b in protected):  # a space before an address is no change to it
            continue
        if text[at - 1] == ":" and _case_ending_after(text, at):
            continue  # `uid:tä`: an abbreviation in lower case, inflected
        if text[at] in "(•§":  # the space goes before the mark
            done.add(at, at + 1, text[at], f" {text[at]}", "restore_space",
                     f"a space lost before {text[at]!r}")  # fmt: skip
        else:
            done.add(at - 1, at, text[at - 1], f"{text[at - 1]} ", "restore_space",
                     f"a space lost after {text[at - 1]!r}")  # fmt: skip
    for m in _GLUED_ABBREVIATION.finditer(text):
        if any(a <= m.start() < b for a, b in protected):
            continue
        done.add(m.end() - 1, m.end(), ".", ". ", "restore_space",
                 f"a space lost after the abbreviation {m.group()!r}")  # fmt: skip
    for m in _GLUED_DASH.finditer(text):
        done.add(m.start(), m.end(), m.group(), f"{m.group()} ", "restore_space",
                 f"a space lost after the spaced dash {m.group()!r}")  # fmt: skip
    for m in _GLUED_ARROW.finditer(text):
        arrow = m.group(1) or m.group(2)
        new = f"{arrow} " if m.group(1) else f" {arrow}"
        done.add(m.start(), m.end(), arrow, new, "restore_space",
                 f"a space lost beside the arrow {arrow!r}")  # fmt: skip
    for m in _DASH_AFTER_WORD.finditer(text):
        done.add(m.start(), m.end(), m.group(), f" {m.group()}", "restore_space",
                 f"a space lost before the spaced dash {m.group()!r}")  # fmt: skip
    for m in _SPACED_HYPHEN_BEFORE_CAPITAL.finditer(text):
        done.add(m.start(), m.end(), "-", "- ", "restore_space",
                 "a space lost after a spaced hyphen before a capitalised word")  # fmt: skip
    for at, side in _glued_quotes(text):
        mark = text[at]
        new = f" {mark}" if side == "before" else f"{mark} "
        done.add(at, at + 1, mark, new, "restore_space",
                 f"a space lost {side} the quotation mark {mark!r}")  # fmt: skip
    for m in _GLUED_REFERENCE.finditer(text):
        done.add(m.end() - 1, m.end(), m.group()[-1], f"{m.group()[-1]} ", "restore_space",
                 f"a space lost after the reference {m.group()!r}")  # fmt: skip
    for m in _GLUED_DATE.finditer(text):
        done.add(m.end() - 1, m.end(), m.group()[-1], f"{m.group()[-1]} ", "restore_space",
                 f"a space lost after the date {m.group()!r}")  # fmt: skip
    for m in _GLUED_SECTION.finditer(text):
        done.add(m.start(), m.end(), "§", "§ ", "restore_space",
                 "a space lost after the section sign")  # fmt: skip
    return done


# --- pass 3: joined words and lost hyphens ----------------------------------------------


def _tokens(
    text: str,
    hyphens: list[HyphenBreak],
    warnings: list[tuple[str, str]],
    weakest: Confidence = "frequency",
) -> _Pass:
    """Pass 3: every token, with the line-end hyphens layout kept inside it; repairs
    whose evidence is weaker than `weakest` are left out."""
    allowed = CONFIDENCE_ORDER[: CONFIDENCE_ORDER.index(weakest) + 1]
    done = _Pass()
    ev = Evidence(text)
    clauses = _Clauses.of(text)
    protected = _protected(text)
    starts = [s for s, _ in protected]
    reach = list(itertools.accumulate((e for _, e in protected), max))  # furthest end so far
    breaks = {h.offset: h.page for h in hyphens}
    for m in _TOKEN.finditer(text):
        token, start, end = m.group(), m.start(), m.end()
        line_end = frozenset(i for i in range(len(token)) if start + i in breaks)
        if len(token) < 5 and not line_end and not _SHORT_WITH_NUMBER.match(token):
            continue
        i = bisect.bisect_left(starts, end) - 1  # the last protected span starting before `end`
        if i >= 0 and reach[i] > start:
            continue
        before, after = text[start - 1 : start], text[end : end + 1]
        reference = after == "/" and _LETTERS_BEFORE_REFERENCE.match(text, start)
        if (before and before in "@._\\") or (after and after in "@_\\" and not reference):
            continue
        if "/" in (before, after) and not reference:
            a, b = _run(text, start, end)
            if _DOMAIN.search(text, a, b):
                continue  # a part of an address; `ja/tai`, `TE-toimisto/kunta` are words
        if before == ":" and _ABBREVIATION_BEFORE.search(text, max(0, start - 10), start):
            split = split_after_abbreviation(token) if "-" not in token else None
            if split is not None and split[3] in allowed:
                done.add(start, end, token, split[0], split[1], split[2], split[3])
            elif split is None and text[start - 2 : start - 1].isdigit() and known(token):
                # `(1386/2010:kotoutumislaki)`: a word, no case ending, after a reference
                why = f"a space lost after ':' before the word {token!r}"
                done.add(start, end, token, f" {token}", "restore_space", why)
            continue
        suspended = after == "-" and text[end + 1 : end + 2] in (" ", "")
        previous = _previous_word(text, start)
        coordinated = (
            _previous_word(text, text.rindex(previous, 0, start))
            if previous is not None and previous.lower() in ("ja", "tai", "sekä")
            else None
        )
        after_suspended = (
            text[max(0, start - 3) : start - 1].endswith("-")
            and text[start - 1 : start] == " "
            and text[start - 3 : start - 2].isalpha()
        )
        fixed = repair_token(
            token,
            ev,
            suspended,
            previous,
            line_end,
            after_suspended,
            coordinated,
            clauses.other_verb(start),
        )
        if fixed is None:
            continue
        page = breaks[start + min(line_end)] if line_end else None
        for note in fixed.warnings:
            warnings.append(("hyphen-undecided", f"{note}" + (f" (page {page})" if page else "")))
        if fixed.evidence and fixed.confidence in allowed:
            done.add(
                start, end, token, fixed.replacement, fixed.kind, fixed.evidence, fixed.confidence
            )
    return done
