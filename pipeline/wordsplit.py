"""Word-level decisions of the repair stage: is this token one word, or an artefact?

Given one token and what its document says (`Evidence`), decide whether it is

- two words glued across a lost line break (`myöntävätviisumeita`),
- a word with a hyphen lost (`ELYkeskukset`, `maahanmuuttajaasiakas`),
- a word with a hyphenation hyphen left in it (`kotoutta-misen`), or
- a word, to be left alone.

The evidence, strongest first: the same document (the phrase standing
elsewhere as two words, the compound nowhere else, the boundary never inside
another word; the document's way with a head after a genitive, `kielen opetus`;
a word Voikko lacks that the document uses on its own; letters glued to short
numbers in a series, `ehto1`, `ehto2`); morphology and syntax (a first part
that cannot begin a Finnish compound: a finite verb, an inflected adjective
agreeing with the next word, a case other than the nominative or the genitive
singular, a `-misen` or `-uksen` genitive, a compound in the genitive, a
quantifier, a possessive suffix; a second part that cannot end one: a finite
verb, unless the clause has a finite verb of its own, a postposition; an
attribute before the token that agrees with its first part and not with the
whole, a cardinal governing a partitive, a genitive coordinated with the
genitive before it, a subject agreeing with its verb; a capital inside a
word); and word frequency (wordfreq's Finnish list). A compound Voikko accepts
is split only on the document or on morphology and syntax, never on frequency
alone, which only keeps a compound a corpus knows whole. Only `repair.py` calls
this module.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import regex

from pipeline import morphology
from pipeline.models import Confidence, RepairKind

CONJUNCTIONS = frozenset({"ja", "tai", "sekä", "eli"})
# Short words that may stand as one part of a split; other parts need 3+ letters. Not
# `en`, `et` (the first and second person's `ei`, rare in the genre): `-en` and `-et`
# end countless words (`kursiivinen`, `Enforcing`).
_SHORT_WORDS = frozenset(
    {"ja", "ei", "on", "se", "ne", "jo", "me", "te", "he", "eri", "sen", "tai", "kun"}
)
_NOUN_CLASSES = frozenset({"nimisana", "nimi", "etunimi", "sukunimi", "paikannimi"})
_NAME_CLASSES = frozenset({"nimi", "etunimi", "sukunimi", "paikannimi"})
# Word classes of an attribute before a noun (Voikko files `uusi` as `laatusana`).
_ATTRIBUTE_CLASSES = frozenset({"laatusana", "nimisana_laatusana", "asemosana", "lukusana"})
# Postpositions that take a genitive and that Voikko files as nouns or adverbs:
# `päätöksen perusteella` is a phrase, never a compound.
_POSTPOSITIONS = frozenset(
    {
        "perusteella",
        "mukaan",
        "kanssa",
        "avulla",
        "kautta",
        "aikana",
        "osalta",
        "puolesta",
        "toimesta",
        "vuoksi",
        "takia",
        "jälkeen",
        "sijaan",
        "suhteen",
        "välillä",
        "kesken",
        "yhteydessä",
        "johdosta",
        "nojalla",
        "myötä",
        "ansiosta",
        "puitteissa",
        "tueksi",
        "alaisena",
        "lisäksi",
        "muassa",
        "ulkopuolella",
        "ulkopuolelle",
        "ulkopuolelta",
        "ohella",
        "sisällä",
        "johdolla",
        "alaisuudessa",
        "mukaisesti",
    }
)
_POSTPOSITIONS_LONGEST_FIRST = tuple(sorted(_POSTPOSITIONS, key=len, reverse=True))
_FINITE_MOODS = frozenset({"indicative", "conditional", "imperative", "potential"})
_PREPOSITIONS = frozenset({"ilman", "ennen", "kohti", "vastoin", "paitsi"})
_QUANTIFIERS = frozenset({"kaikki", "jokainen", "kukin", "jokin", "mikään", "kumpikin"})
_WORD = regex.compile(r"\p{L}+(?:-\p{L}+)*")
# possessive: a word is read once, not again from each of its letters
_SUSPENDED_HEAD = regex.compile(r"(?<![\p{L}-])(\p{L}++(?:-\p{L}++)*+)-(?=[ ,])")
_ABBREVIATION_GLUE = regex.compile(r"^(\p{Lu}{2,5}\d*)(\p{Ll}{3,})$")
_CASE_CHANGE = regex.compile(r"^(\p{Lu}?\p{Ll}{2,})(\p{Lu}\p{Ll}{2,}|\p{Lu}{2,5})$")
_LETTERS_DIGITS = regex.compile(r"^(\p{Ll}{3,})(\d+)$")
_DIGITS_LETTERS = regex.compile(r"^(\d+)(\p{Ll}{3,})$")
_ABBREVIATION_GENITIVE = regex.compile(r"^[\p{Lu}\d-]*\p{Lu}[\p{Lu}\d-]*:n$")  # `AVI:n`
# A word, and a short number glued to it or a number after a space (one pass: each
# word is read once).
_LETTERS_THEN_NUMBER = regex.compile(r"(\p{L}++)(?:(\d{1,2})\b|( \d))?")
_SHORT_NUMBER_GLUE = regex.compile(r"^(?:(\p{Ll}{2,3})(\d+)|(\d+)(\p{Ll}{2,3}))$")

Decision = tuple[str, RepairKind, str, Confidence]  # replacement, kind, evidence, class


class Evidence:
    """What the document itself says about word forms and phrases."""

    def __init__(self, text: str) -> None:
        words = list(_WORD.finditer(text))
        self.words = Counter(m.group().lower() for m in words)
        # The last part of a hyphenated word stands on its own too (`ELY-keskusten`,
        # `Infopankki-sivusto`), where the hyphen is real: after an abbreviation or a
        # name, or in a form Voikko accepts; `kos-kevasta` is a word broken at a line end.
        self.parts = Counter(
            m.group().rsplit("-", 1)[1].lower()
            for m in words
            if "-" in m.group() and (not m.group()[0].islower() or morphology.spell(m.group()))
        )
        self.lemmas: Counter[str] = Counter()
        self.pairs: Counter[tuple[str, str]] = Counter()
        for form, count in self.words.items():
            for lemma in lemmas(form):
                self.lemmas[lemma] += count
        # Nouns the document writes after a genitive as a word of their own (`kielen
        # opetus`): its way with a genitive attribute and that head.
        self.genitive_heads: set[str] = set()
        for a, b in itertools.pairwise(words):
            if text[a.end() : b.start()] == " ":
                left = a.group().lower()
                genitive = _genitive_noun(left)
                for lemma in lemmas(b.group().lower()):
                    self.pairs[(left, lemma)] += 1
                    if genitive:
                        self.genitive_heads.add(lemma)
        # Letters glued to a short number (`ehto1`; a year glued is a lost space), and
        # letters written before a number with a space (`vuonna 2024`): a series of names
        # on the one hand, a phrase on the other; counted by lemma too (`tiedostossa1`,
        # `tiedoston2` are one series).
        self._glued_numbers: Counter[str] = Counter()
        self._spaced_numbers: set[str] = set()
        for m in _LETTERS_THEN_NUMBER.finditer(text):
            if m.start() and text[m.start() - 1].isdigit():
                continue  # letters after a number (`3tai`) are no series' name
            letters = m.group(1).lower()
            if m.group(2):
                self._glued_numbers.update({letters, *lemmas(letters)})
            elif m.group(3):
                self._spaced_numbers.add(letters)
        # The heads of suspended compounds (`sosiaali-` in `sosiaali- ja terveyspalvelut`).
        self.suspended = Counter(m.group(1).lower() for m in _SUSPENDED_HEAD.finditer(text))
        # Hyphen-free pieces that are words, as `joined_elsewhere` compares pieces: a
        # piece Voikko rejects may be glued words itself (`vastaamaahanmuuttaja`), and
        # the letters inside it are no evidence.
        pieces = {
            piece
            for w in self.words
            for piece in w.split("-")
            if piece and (morphology.spell(piece) or self.words[w] > 1)
        }
        self._vocabulary = " " + " ".join(sorted(pieces)) + " "

    def phrase(self, left: str, right: str) -> bool:
        """Whether `left` is followed elsewhere by a form of `right`'s lemma."""
        return self.phrases(left, right) > 0

    def phrases(self, left: str, right: str) -> int:
        """How often `left` is followed elsewhere by a form of `right`'s lemma."""
        return max(
            (self.pairs[(left.lower(), lemma)] for lemma in lemmas(right.lower())), default=0
        )

    def standalone(self, word: str) -> bool:
        return self.words[word.lower()] > 0 or self.parts[word.lower()] > 0

    def lemma_seen(self, word: str) -> bool:
        """Whether some form of the word stands in the document."""
        return self.standalone(word) or any(
            self.lemmas[lemma] > 0 for lemma in lemmas(word.lower())
        )

    def count(self, word: str) -> int:
        return self.words[word.lower()]

    def numbered(self, token: str) -> bool:
        """Whether `token` (letters and a number) belongs to a series: its letters stand
        glued to a number more than once and never before one with a space."""
        m = _LETTERS_DIGITS.match(token)
        if not m or len(m.group(2)) > 2:
            return False
        letters = m.group(1).lower()
        keys = {letters, *lemmas(letters)}
        return any(self._glued_numbers[k] > 1 for k in keys) and letters not in self._spaced_numbers

    def suspended_head(self, head: str) -> bool:
        """Whether `head-` stands elsewhere as the head of a suspended compound."""
        return self.suspended[head.lower()] > 0

    def joined_elsewhere(self, token: str, left: str, right: str) -> bool:
        """Whether the letters around the boundary stand inside another word of the
        document: then the boundary is word-internal, not a lost space."""
        head = right[:4]
        seam = (left[-(8 - len(head)) :] + head).lower()  # eight letters across the boundary
        start = 0
        while (i := self._vocabulary.find(seam, start)) >= 0:
            word_start = self._vocabulary.rfind(" ", 0, i) + 1
            word_end = self._vocabulary.find(" ", i)
            if self._vocabulary[word_start:word_end] != token.lower():
                return True
            start = i + 1
        return False


@lru_cache(maxsize=200_000)
def _genitive_noun(word: str) -> bool:
    return any(
        a.get("CLASS") in _NOUN_CLASSES and a.get("SIJAMUOTO") == "omanto"
        for a in morphology.analyze(word)
    )


def _genitive(word: str) -> bool:
    """A word with a genitive reading of any class (`kauden`, `sen`): what a
    postposition governs."""
    return any(a.get("SIJAMUOTO") == "omanto" for a in morphology.analyze(word))


@lru_cache(maxsize=200_000)
def lemmas(word: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(b.lower() for b in morphology.baseforms(word)))


def zipf(word: str) -> float:
    return morphology.frequency(word)


def corpus_frequency(word: str) -> float:
    """A word's frequency or its lemma's, whichever is higher."""
    return max([zipf(word)] + [zipf(lemma) for lemma in lemmas(word.lower())])


def zipf_or_head(word: str) -> float:
    """A word's frequency, or that of its lemma or (a compound) of its last part,
    whichever is highest: long compounds are rare however ordinary they are."""
    found = corpus_frequency(word)
    bounds = compound_boundaries(word)
    return max(found, zipf(word[bounds[-1] :])) if bounds else found


def _plausibility(word: str) -> float:
    """Frequency of a split part: its own or its lemma's; a compound no corpus knows
    gets its rarest part's, discounted, so that a nonsense compound left over by a
    wrong split (`vastaan` + `ottokeskustentoiminnan`, `hyvin` + `vointialue`) does
    not look common."""
    found = corpus_frequency(word)
    if found > 0:
        return found
    bounds = compound_boundaries(word)
    if not bounds:
        return 0.0
    cuts = [0, *bounds, len(word)]
    # Parts that are words of their own (`kotoutumis-` is not one) count.
    found_parts = [f for f in (zipf(word[a:b]) for a, b in itertools.pairwise(cuts)) if f > 0]
    return max(0.0, min(found_parts) - 1.5) if found_parts else 0.0


def known(word: str) -> bool:
    """A word that may stand as a part of a split: Voikko accepts it, or (a longer
    word) the corpus knows it well enough (`yhteensovittaa`)."""
    if len(word) < 3 and word.lower() not in _SHORT_WORDS:
        return False
    return morphology.spell(word) or (len(word) >= 6 and zipf(word) >= 1.5)


def vowel_clash(left: str, right: str) -> bool:
    """Finnish keeps the hyphen where a compound's parts meet with the same vowel."""
    return bool(left and right) and left[-1].lower() == right[0].lower() and left[-1] in "aeiouyäö"


@lru_cache(maxsize=100_000)
def compound_boundaries(token: str) -> tuple[int, ...]:
    """Surface offsets of the compound boundaries in Voikko's analyses of `token`."""
    found: set[int] = set()
    for a in morphology.analyze(token):
        position = 0
        for ch in a.get("STRUCTURE", "")[1:]:  # the leading '=' marks the word start
            if ch == "=":
                found.add(position)
            else:
                position += 1
    return tuple(sorted(i for i in found if 0 < i < len(token)))


# --- hyphens --------------------------------------------------------------------------


def decide_hyphen(
    left: str, right: str, ev: Evidence, line_end: bool
) -> tuple[str, str, Confidence] | None:
    """'join' or 'keep' a hyphen between `left` and `right`, with the reason and the
    class of its evidence; None when nothing decides. A hyphen at a known line end is
    joined more readily than one found inside a line."""
    last = left.rsplit("-", 1)[-1]
    joined, kept = left + right, f"{left}-{right}"
    if (
        line_end
        and len(last) >= 2
        and last.isupper()
        and right.isupper()
        and last.isalpha()
        and not morphology.spell(last.lower())
        and morphology.spell(joined.lower())
        and morphology.hyphenate(joined.lower())[len(left) : len(left) + 1] == "-"
    ):
        # `SOPIVUU-` + `DESTA` in a line of capitals: a word broken at its hyphenation
        # point, its first part no word (`ELY-KESKUS`, `SOTE-PALVELUT` keep theirs)
        return "join", f"Voikko accepts {joined.lower()!r}", "dictionary"
    if last.isupper() or any(c.isdigit() for c in last) or right[:1].isupper() or len(last) < 2:
        return (
            "keep",
            "a hyphen after an abbreviation or before a name is part of the word",
            "morphology",
        )
    if last.lower() == "ei" and len(right) >= 3 and morphology.spell(right):
        return "keep", f"'ei-' negates the word {right!r} (ei-toivottu)", "morphology"
    spelled_joined, spelled_kept = morphology.spell(joined), morphology.spell(kept)
    # The hyphenated form itself stands in the text once: that is not evidence. A
    # repeated hyphenated form is evidence only where Voikko does not contradict it
    # (the same word can be broken at the same point twice).
    # Of a hyphenated word's part (`accessible-table` in a longer word) nothing may
    # stand at all.
    n_joined, n_kept = ev.count(joined), max(0, ev.count(kept) - 1)
    if n_joined > n_kept:
        return "join", f"{joined!r} stands {n_joined} time(s) elsewhere in the document", "document"
    if n_kept > n_joined and (spelled_kept or not spelled_joined):
        return "keep", f"{kept!r} stands {n_kept} time(s) elsewhere in the document", "document"
    if (
        not line_end
        and last[:1].isupper()
        and (morphology.spell(last) or zipf(last) >= 2.0)  # `Kotoutumis-` is no word
        and morphology.spell(right)
        and len(last) in compound_boundaries(last + right)
        and not _inside_a_word(last + right, len(last), list(compound_boundaries(last + right)))
        and corpus_frequency(joined) < 2.5
    ):
        # `Kela-kortti`, `Hinta-laatusuhde` inside a line: a capitalised word and a word
        # at a boundary of their compound, joined by a hyphen no line end explains: the
        # writer's hyphen (`Hyvin-vointialue` breaks `hyvinvointi`: no boundary there).
        # A common compound (`Maahan-muuttajat`, `Esi-merkiksi`) is a sentence's first
        # word broken at its line end.
        return "keep", f"{last!r} is a capitalised word and {right!r} a word", "morphology"
    if vowel_clash(last, right) and (spelled_kept or not spelled_joined):
        return "keep", "the parts meet with the same vowel: Finnish keeps the hyphen", "morphology"
    if (
        spelled_joined
        and last[:1].isupper()
        and not spelled_kept
        and not any(zipf(lemma) > 0 or ev.lemmas[lemma] > 0 for lemma in lemmas(joined.lower()))
        and zipf(joined) == 0
        and (zipf(last) > 0 and morphology.spell(right))
    ):
        # `Infopankki-` + `sivusto`: a capitalised word before a common noun, their
        # compound unknown to any corpus and to the document (which writes
        # `Hyvinvointialue`, capitalised at a sentence's start, as one word): Finnish
        # writes a name's compound with a hyphen
        return "keep", f"{last!r} is capitalised and {joined!r} is no known word", "morphology"
    if spelled_joined:
        # At a line end the hyphen is a hyphenation hyphen unless shown otherwise, so
        # Voikko accepting the joined word decides it even where it accepts both forms;
        # inside a line it may be the writer's (`miinus-merkki`): a weaker class.
        certain: Confidence = "dictionary" if line_end else "morphology"
        return "join", f"Voikko accepts {joined!r}", certain
    if not line_end:
        pattern = morphology.hyphenate(joined)
        if (
            left.islower()
            and not spelled_kept
            and zipf(joined) >= 1.0
            and len(pattern) == len(joined)
            and pattern[len(left)] == "-"
        ):
            # `yh-teensovittaa`: a lost line break left the hyphenation hyphen inside the
            # line; the joined word is one a corpus knows and the break a hyphenation point
            why = f"{joined!r} is a known word and the break one of its hyphenation points"
            return "join", why, "frequency"
        if (
            left.islower()
            and not spelled_kept
            and not _a_word(last)
            and not _a_word(right)
            and len(pattern) == len(joined)
            and pattern[len(left)] == "-"
        ):
            # `maahanmuut-taneille`: a compound's hyphen joins words, and neither side
            # of this one is a word; the break is a hyphenation point
            why = (
                f"neither {last!r} nor {right!r} is a word, and the break is a hyphenation "
                f"point of {joined!r}"
            )
            return "join", why, "morphology"
        return None
    if spelled_kept:
        return "keep", f"Voikko accepts {kept!r} but not {joined!r}", "dictionary"
    pattern = morphology.hyphenate(joined)
    if (morphology.spell(right) or (len(right) >= 6 and zipf(right) > 0)) and not _a_word(last):
        # `stub-koodeihin`: a word after a part that is none may be a foreign or coined
        # prefix with a real hyphen; left for the reviewer (a short one only for Voikko:
        # the corpus lists endings of broken words too, `neen`)
        return None
    if left.islower() and len(pattern) == len(joined) and pattern[len(left)] == "-":
        return (
            "join",
            f"{joined!r} unknown to Voikko; the break is one of its hyphenation points",
            "morphology",
        )
    return None


def _capitals(left: str, right: str) -> bool:
    """Both sides of a hyphen in capitals (`SOPIVUU-DESTA`, `ELY-KESKUS`)."""
    return left.isupper() and right.isupper()


def _a_word(part: str) -> bool:
    """A word of its own for Voikko or a corpus."""
    return morphology.spell(part) or zipf(part) > 0


# --- tokens -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TokenRepair:
    """What to do with one token: its replacement (the token itself when a line-end
    hyphen was only kept), the kind and evidence, and warnings for the reviewer."""

    replacement: str
    kind: RepairKind
    evidence: str
    warnings: tuple[str, ...] = ()
    confidence: Confidence = "typography"  # the weakest class of evidence among its changes


def repair_token(
    token: str,
    ev: Evidence,
    suspended: bool = False,
    previous: str | None = None,
    line_end: frozenset[int] = frozenset(),
    after_suspended: bool = False,
    coordinated: str | None = None,
    clause_verb: bool = False,
) -> TokenRepair | None:
    """The repair of one token (letters, digits and inner hyphens), or None.

    `after_suspended` tells that the token follows a suspended compound's hyphen
    (`työ- jaelinkeinotoimiston`): a conjunction glued to the next word is certain there.

    `coordinated` is the word before `previous` where `previous` is a conjunction
    (`toiminnan` in `toiminnan ja taloudensuunnittelua`); `clause_verb` tells that
    another word of the token's clause is a finite verb (`is_clause_verb`).

    `suspended` tells that the token ends a suspended compound (`työvoima- ja`);
    `previous` is the word before the token in the same clause, if any;
    `line_end` holds the offsets (in `token`) of hyphens that ended a line in the
    source, which layout kept for this stage to decide."""
    if after_suspended and "-" not in token:
        for conj in sorted(CONJUNCTIONS, key=len, reverse=True):
            rest = token[len(conj) :]
            if token.lower().startswith(conj) and len(rest) >= 4 and known(rest):
                why = f"a suspended hyphen before it: {conj!r} is the conjunction it awaits"
                return TokenRepair(f"{token[: len(conj)]} {rest}", "split_joined_words", why)
    if "-" in token and not line_end:
        hyphenated = _split_before_hyphenated(token, ev)
        if hyphenated is not None:
            return TokenRepair(hyphenated[0], hyphenated[1], hyphenated[2], (), hyphenated[3])
    reasons: list[str] = []
    kinds: list[RepairKind] = []
    classes: list[Confidence] = []
    warnings: list[str] = []
    # Hyphens first: `kotoutta-misen` is one word, `työ-ja` a suspended hyphen.
    pieces = [token.split("-")[0]]
    separators: list[str] = []
    fragments: set[int] = set()  # pieces beside a line-end hyphen left undecided
    offset = len(pieces[0])
    for part in token.split("-")[1:]:
        left, at_line_end = pieces[-1], offset in line_end
        offset += 1 + len(part)
        if left and part and left[-1].isalpha() and (part[0].islower() or _capitals(left, part)):
            if left[-1].islower() and part.lower() in CONJUNCTIONS:
                separators.append("- ")
                pieces.append(part)
                kinds.append("suspended_hyphen")
                reasons.append(f"'{left}-' before {part!r} is a suspended hyphen")
                classes.append("typography")
                continue
            decided: tuple[str, str, Confidence] | None
            if len(pieces) > 1 and pieces[0][:1].isupper():
                # `Real-media-virtoja`: a compound of a name keeps its hyphens
                decided = ("keep", "a compound of a name keeps its hyphens", "morphology")
            else:
                decided = decide_hyphen(left, part, ev, line_end=at_line_end)
            if decided is not None and decided[0] == "join":
                pieces[-1] = left + part
                kinds.append("join_hyphenated")
                reasons.append(decided[1])
                classes.append(decided[2])
                continue
            if at_line_end and decided is None:
                warnings.append(f"line-end hyphen in {left}-{part!r} left as found")
                # the pieces on either side are a broken word's fragments: none is split
                fragments.update({len(pieces) - 1, len(pieces)})
            elif at_line_end and decided is not None:
                kinds.append("keep_line_end_hyphen")
                reasons.append(decided[1])
                classes.append(decided[2])
        separators.append("-")
        pieces.append(part)
    out: list[str] = []
    for i, piece in enumerate(pieces):
        decision = None
        if i not in fragments and (i == 0 or separators[i - 1] == "-"):
            head_of_suspended = i == len(pieces) - 1 and suspended
            decision = split_piece(
                piece,
                ev,
                previous if i == 0 else None,
                head_of_suspended,
                coordinated if i == 0 else None,
                clause_verb,
            )
        if decision:
            out.append(decision[0])
            kinds.append(decision[1])
            reasons.append(decision[2])
            classes.append(decision[3])
        else:
            out.append(piece)
        if i < len(separators):
            out.append(separators[i])
    new = "".join(out)
    if not kinds:
        return TokenRepair(token, "keep_line_end_hyphen", "", tuple(warnings)) if warnings else None
    changes = [k for k in kinds if k != "keep_line_end_hyphen"]
    kind: RepairKind
    if new != token and changes:
        kind = next((k for k in changes if k != "join_hyphenated"), changes[0])
    else:
        kind = "keep_line_end_hyphen"
    weakest = max(classes, key=CONFIDENCE_ORDER.index) if classes else "typography"
    return TokenRepair(new, kind, "; ".join(reasons), tuple(warnings), weakest)


# The classes of evidence, strongest first: the characters themselves, the same
# document, Voikko's dictionary accepting exactly one reading, rules of word structure,
# word frequency.
CONFIDENCE_ORDER: tuple[Confidence, ...] = (
    "typography", "document", "dictionary", "morphology", "frequency"
)  # fmt: skip


def split_piece(
    piece: str,
    ev: Evidence,
    previous: str | None = None,
    head_of_suspended: bool = False,
    coordinated: str | None = None,
    clause_verb: bool = False,
) -> Decision | None:
    """Repair a hyphen-free piece: split glued words or restore a lost hyphen.

    The head of a suspended compound (`...työvoima-` in `työvoima- ja`) is split
    only where the head is a compound's first part: a nominative (`työvoima`) or a
    part the document uses so (`sosiaali-`)."""
    decision = _split_piece(piece, ev, previous, coordinated, clause_verb)
    if head_of_suspended:
        if decision and decision[1] == "split_joined_words":
            head = decision[0].rsplit(" ", 1)[-1]
            if not _compound_head(head, ev):
                return None
            return decision
        for i in range(3, len(piece) - 2):
            left, head = piece[:i], piece[i:]
            if known(left) and not morphology.spell(piece) and ev.suspended_head(head):
                weight, why = _shape(left, head)
                if weight >= CLASS_ONLY:
                    return (
                        f"{left} {head}",
                        "split_joined_words",
                        (f"{why}; '{head}-' stands elsewhere in the document"),
                        "document",
                    )
    return decision


def _compound_head(head: str, ev: Evidence) -> bool:
    """A head that may stand before a suspended hyphen: the document uses it so, Voikko
    accepts `head-` (`sosiaali-`), or it is a nominative."""
    return (
        ev.suspended_head(head)
        or morphology.spell(f"{head}-")
        or any(
            a.get("SIJAMUOTO") == "nimento" and a.get("CLASS") != "suhdesana"
            for a in morphology.analyze(head)
        )
    )


# The endings an abbreviation takes after its colon (`TEM:n`, `PPD:ssä`): Finnish
# case endings, longest first.
ABBREVIATION_ENDINGS = tuple(
    sorted(
        {
            "n", "a", "ä", "ta", "tä", "na", "nä", "ksi", "ssa", "ssä", "sta", "stä",
            "han", "hen", "hin", "hon", "hun", "hyn", "hän", "hön", "iin", "ään", "aan",
            "lla", "llä", "lta", "ltä", "lle", "t", "ien", "iden", "itä", "ia", "iä",
            "ille", "illa", "illä", "ilta", "iltä", "issa", "issä", "ista", "istä", "ää",
            "een", "tta", "ttä",
        },
        key=lambda ending: (-len(ending), ending),
    )
)  # fmt: skip


def split_after_abbreviation(piece: str) -> Decision | None:
    """`TEM:nkanssa`: the letters after an abbreviation's colon are its case ending and,
    after a lost line break, the next word: the ending is split off where the rest is a
    word of its own."""
    lower = piece.lower()
    for ending in ABBREVIATION_ENDINGS:
        rest = piece[len(ending) :]
        if lower.startswith(ending) and len(rest) >= 3 and known(rest) and rest.isalpha():
            why = f"{ending!r} ends the abbreviation, and {rest!r} is a word of its own"
            return f"{piece[: len(ending)]} {rest}", "split_joined_words", why, "morphology"
    return None


def _split_piece(
    piece: str,
    ev: Evidence,
    previous: str | None,
    coordinated: str | None = None,
    clause_verb: bool = False,
) -> Decision | None:
    short = _SHORT_NUMBER_GLUE.match(piece)
    if short and (short.group(1) or short.group(4)).lower() in _SHORT_WORDS:
        word, number = (
            (short.group(1), short.group(2)) if short.group(1) else (short.group(4), short.group(3))
        )
        spaced = f"{word} {number}" if short.group(1) else f"{number} {word}"
        return spaced, "split_joined_words", f"{word!r} glued to a number", "typography"
    if len(piece) < 5:
        return None
    if (
        ev.count(piece) > 1
        and not _ABBREVIATION_GLUE.match(piece)
        and not _function_word_glue(piece)
    ):
        # recurring as it is: a word, not an accident; an abbreviation glued to a word
        # (`ELYkeskusten` twice), or a conjunction or a postposition glued to a word in
        # a form Voikko rejects (`japudottamalla`, `järjestöjenkanssa`), is no word
        # however often it stands
        return None
    if ev.numbered(piece):
        return None  # `ehto1`, `ehto2`: a series of names, not words glued to numbers
    m = _LETTERS_DIGITS.match(piece)
    if m:
        return (
            f"{m.group(1)} {m.group(2)}",
            "split_joined_words",
            "a word glued to a number",
            "typography",
        )
    m = _DIGITS_LETTERS.match(piece)
    if m:
        number, word = m.groups()
        # `5-vuotias`, `3-kertainen`: a word that stands after a number only, or an
        # `-inen` adjective derived from a noun, takes the hyphen; a word of its own
        # (`0 viimeisen`) takes a space, though Voikko accepts `0-viimeisen` too
        bound = not morphology.spell(word) or any(
            "+inen(+inen)" in a.get("WORDBASES", "") for a in morphology.analyze(word)
        )
        if bound and morphology.spell(f"{number}-{word}"):
            return (
                f"{number}-{word}",
                "restore_hyphen",
                f"Voikko accepts {number}-{word}",
                "dictionary",
            )
        if known(word):
            return (
                f"{number} {word}",
                "split_joined_words",
                "a number glued to a word",
                "typography",
            )
        return None
    m = _ABBREVIATION_GLUE.match(piece)
    if m:
        abbr, rest = m.groups()
        if _finite_verb(rest):  # `AVIohjaa`: an abbreviation as a subject and its verb
            why = f"an abbreviation glued to the finite verb {rest!r}"
            return f"{abbr} {rest}", "split_joined_words", why, "morphology"
        if any(
            a.get("CLASS") in ("teonsana", "kieltosana") for a in morphology.analyze(abbr.lower())
        ) and any(a.get("CLASS") == "teonsana" for a in morphology.analyze(rest)):
            # `EIole`, `EIvoi`: a verb in capitals for emphasis before a verb, no
            # abbreviation
            why = f"{abbr!r} is a verb in capitals and {rest!r} a verb"
            return f"{abbr} {rest}", "split_joined_words", why, "morphology"
        if ev.phrase(abbr, rest) and not ev.lemma_seen(f"{abbr}-{rest}"):
            # the document writes `GIMP ohjelma` with a space, never with a hyphen
            why = f"'{abbr} {rest}' stands elsewhere in the document as two words"
            return f"{abbr} {rest}", "split_joined_words", why, "document"
        if morphology.spell(f"{abbr}-{rest}") or morphology.spell(rest):
            return (
                f"{abbr}-{rest}",
                "restore_hyphen",
                (
                    f"an abbreviation glued to a word: Voikko accepts {rest!r}; Finnish writes "
                    f"{abbr}-{rest}"
                ),
                "morphology",
            )
        return None
    m = _CASE_CHANGE.match(piece)
    if (
        m
        and known(m.group(1))
        and (morphology.spell(m.group(2)) or m.group(2).isupper() or m.group(1).islower())
    ):
        # a compound never has a capital inside: a word, then a capitalised word or a
        # name Voikko may lack (`lisääMozilla`), or an abbreviation
        return (
            f"{m.group(1)} {m.group(2)}",
            "split_joined_words",
            f"a capital inside a word: {m.group(1)!r} is a word and {m.group(2)!r} begins another",
            "morphology",
        )
    if not piece.isalpha() or piece[1:] != piece[1:].lower():
        return None  # a code or a name with inner capitals
    clause = _Clause(
        previous is not None and _is_subject(previous),
        clause_verb,
        _read_as_noun(piece, previous, coordinated),
    )
    after_genitive = _postposition_after(piece, previous)
    if after_genitive is not None:
        return after_genitive
    if morphology.spell(piece):
        return _split_compound(piece, ev, clause, previous, coordinated)
    return _split_unknown(piece, ev, clause)


def _function_word_glue(piece: str) -> bool:
    """A conjunction glued to a word Voikko accepts, or a genitive glued to the
    postposition it governs, in a whole Voikko rejects: the commonest words glue
    often, so such a token may recur by chance (`japudottamalla`, `järjestöjenkanssa`)."""
    lower = piece.lower()
    conjunction = any(
        lower.startswith(conj)
        and len(piece) - len(conj) >= 4
        and morphology.spell(piece[len(conj) :])
        for conj in CONJUNCTIONS
    )
    postposition = any(
        lower.endswith(post) and _genitive_noun(lower[: -len(post)])
        for post in _POSTPOSITIONS_LONGEST_FIRST
    )
    return (conjunction or postposition) and not morphology.spell(piece)


def _postposition_after(piece: str, previous: str | None) -> Decision | None:
    """`kuntien kanssakotoutumista`: a postposition glued to the next word after the
    genitive it governs (a postposition begins no compound there)."""
    lower = piece.lower()
    posts = [p for p in _POSTPOSITIONS_LONGEST_FIRST if lower.startswith(p)]
    if (
        not posts
        or previous is None
        or not (_ABBREVIATION_GENITIVE.match(previous) or _genitive(previous))
    ):
        return None
    for post in posts:
        rest = piece[len(post) :]
        if len(rest) >= 4 and morphology.spell(rest):
            if zipf(piece) > 0:  # `kanssakäyminen`: a word of its own
                return None
            why = f"{previous!r} (genitive) governs the postposition {post!r}"
            return f"{piece[: len(post)]} {rest}", "split_joined_words", why, "morphology"
    return None


@dataclass(frozen=True)
class _Clause:
    """What the rest of a token's clause holds: a subject just before the token, a
    finite verb anywhere else in it."""

    subject: bool = False
    verb: bool = False
    noun: bool = False  # the token's neighbours read it as a noun (`_read_as_noun`)


_NO_CLAUSE = _Clause()


def _read_as_noun(token: str, previous: str | None, coordinated: str | None) -> bool:
    """Whether the words before `token` make it a noun in an oblique case: an attribute
    agreeing with it (`uutta asiakaskantaa`), or a noun in its case coordinated with
    it (`asiakaskantaa ja kustannusosaa`). A form that may also be a finite verb
    (`kantaa`, `osaa`) is then no verb."""
    cases = {
        (a.get("SIJAMUOTO"), a.get("NUMBER"))
        for a in morphology.analyze(token)
        if a.get("CLASS") in _NOUN_CLASSES and a.get("SIJAMUOTO") not in (None, "nimento")
    }
    if not cases:
        return False
    attribute = (
        previous is not None
        and previous.isalpha()
        and any(
            (a.get("CLASS") in _ATTRIBUTE_CLASSES or a.get("PARTICIPLE"))
            and (a.get("SIJAMUOTO"), a.get("NUMBER")) in cases
            for a in morphology.analyze(previous)
        )
    )
    conjunct = coordinated is not None and any(
        a.get("CLASS") in _NOUN_CLASSES and (a.get("SIJAMUOTO"), a.get("NUMBER")) in cases
        for a in morphology.analyze(coordinated)
    )
    return attribute or conjunct


@lru_cache(maxsize=200_000)
def is_clause_verb(word: str) -> bool:
    """A finite verb and nothing else (`on`, `ole`, `eikä`, `pienentää`): a clause
    holding one has its verb, so a second one glued to a noun (`eikä vaakatilaa
    ole`) is unlikely; a form that may also be a noun (`tilaa`, `voi`) proves nothing."""
    readings = morphology.analyze(word)
    return (
        bool(readings)
        and all(a.get("CLASS") in ("teonsana", "kieltosana") for a in readings)
        and any(a.get("MOOD") in _FINITE_MOODS for a in readings)
    )


def _is_subject(word: str) -> bool:
    return any(
        a.get("CLASS") in _NOUN_CLASSES and a.get("SIJAMUOTO") == "nimento"
        for a in morphology.analyze(word)
    )


@dataclass(frozen=True)
class _Candidate:
    left: str
    right: str
    score: float
    strong: bool
    reasons: tuple[str, ...]
    confidence: Confidence


def _readings(word: str) -> list[dict[str, str]]:
    """Voikko's analyses with the fewest compound parts: `seurannasta` is the elative
    of `seuranta`, not the compound `seura` + `nasta`."""
    # A question clitic (`kotouttamistakos`) is no reading of a part in this genre.
    analyses = [a for a in morphology.analyze(word) if not a.get("KYSYMYSLIITE")]
    if not analyses:
        return []
    fewest = min(a.get("STRUCTURE", "").count("=") for a in analyses)
    return [a for a in analyses if a.get("STRUCTURE", "").count("=") == fewest]


# The weight of the catch-all rule: a first part whose word class begins no compound.
CLASS_ONLY = 1.99


def _shape(left: str, right: str, clause: _Clause = _NO_CLAUSE) -> tuple[float, str | None]:
    """How strongly morphology says `left right` are two words, and why.

    A finite verb glued to a noun is a subject and its verb (`Kuntavastaa`) only
    while the clause has no subject yet; after one (`Sisäministeriö tulosohjaa`)
    the noun and the verb are a compound verb. In a clause with a finite verb of its
    own (`pienentää kuvan pystyskaalaa`) a form that may be a verb is read otherwise."""
    # A finite verb cannot end a compound, unless the form is also a nominative noun
    # (`tuki`): then `...tuki` is the ordinary compound.
    right_readings = _readings(right)
    # `tuen` (1sg) and `työstä` (imperative) are nouns here: third persons only
    third_person = ("3", "4")
    right_finite = (
        any(
            a.get("CLASS") == "teonsana"
            and a.get("MOOD") in ("indicative", "conditional")
            and a.get("PERSON") in third_person
            for a in right_readings
        )
        and not any(
            a.get("CLASS") in _NOUN_CLASSES and a.get("SIJAMUOTO") == "nimento"
            for a in right_readings
        )
        and not clause.verb
        and not clause.noun
    )
    modal_chain = any(
        a.get("CLASS") == "teonsana"
        and a.get("MOOD") == "indicative"
        and a.get("BASEFORM") in _MODAL_VERBS
        for a in morphology.analyze(left)
    ) and any(a.get("MOOD") == "A-infinitive" for a in morphology.analyze(right))
    if modal_chain:  # `voi ostaa`, even after a subject: `voi` is no compound's butter
        return 2.5, f"{left!r} is a modal verb before the infinitive {right!r}"
    if right_finite and clause.subject and _is_subject(left):
        return -2.0, None
    if right_finite and _subject_agrees(left, right_readings):
        # `Nuorisopalvelut tavoittavat`, not `Nuorisopalvelutta voittavat`: a subject
        # agrees with its verb in number
        return 3.0, f"{right!r} is a finite verb agreeing with the subject {left!r}"
    if right_finite:
        return 2.5, f"{right!r} is a finite verb, which does not end a compound"
    if (
        right.lower() in _POSTPOSITIONS
        or any(a.get("CLASS") == "suhdesana" for a in _readings(right))
    ) and _genitive(left):
        # a postposition follows the genitive it governs (`kauden aikana`); after a
        # nominative it ends a compound (`siirtymäaikana`)
        return 2.5, f"{right!r} is a postposition after the genitive {left!r}"
    if right.lower() in CONJUNCTIONS and not morphology.spell(left + right):
        # Only where Voikko rejects the whole: `palveluja` is a plural partitive, not
        # `palvelu ja`.
        return 2.5, f"{right!r} is a conjunction"
    if left.lower() in CONJUNCTIONS and len(right) >= 4 and not morphology.spell(left + right):
        return 2.5, f"{left!r} is a conjunction"  # `jaelinkeinotoimiston`
    if left.lower() in _QUANTIFIERS:
        # Voikko files `kaikki` as a noun that compounds (`kaikkikunnat`); the lexical
        # exceptions (`kaikkiruokainen`) are known to the corpus
        return 2.5, f"{left!r} is a quantifier, which begins no compound"
    partitive = any(a.get("SIJAMUOTO") == "osanto" for a in _readings(right))
    if left.lower() in _PREPOSITIONS and partitive:
        return 2.5, f"{left!r} is a preposition before the partitive {right!r}"
    analyses = _readings(left)
    if not analyses:
        return 0.0, None
    if all(a.get("POSSESSIVE") for a in analyses):
        return 2.5, f"{left!r} ends in a possessive suffix, which ends a word"
    cases = {(a.get("CLASS"), a.get("SIJAMUOTO"), a.get("NUMBER")) for a in analyses}
    if any(cls in _NOUN_CLASSES and case == "nimento" and n != "plural" for cls, case, n in cases):
        return 0.0, None
    if all(cls in _NOUN_CLASSES and case == "nimento" for cls, case, _ in cases):
        return 2.0, f"{left!r} is a nominative plural, which begins no compound"
    if any(cls in ("etuliite", "lyhenne") for cls, _, _ in cases):
        return 0.0, None  # a prefix, or an abbreviation (`Soteuudistus`): compounds begin so
    if left.lower().endswith(("misen", "misten")):
        return 2.5, f"{left!r} is a genitive of a -minen noun, which compounds as -mis-"
    genitive_singular = any(
        cls in _NOUN_CLASSES and case == "omanto" and number == "singular"
        for cls, case, number in cases
    )
    right_adjective = any(
        a.get("CLASS") == "laatusana" or a.get("PARTICIPLE") for a in _readings(right)
    )
    if left[:1].isupper() and any(
        cls in _NAME_CLASSES and case == "omanto" for cls, case, _ in cases
    ):
        return 2.0, f"{left!r} is a name in the genitive: such compounds take a hyphen"
    if genitive_singular:
        if right_adjective:
            return 2.0, f"{left!r} (genitive) before the adjective or participle {right!r}"
        if any(
            a.get("MOOD") == "MINEN-infinitive" or a.get("BASEFORM", "").endswith("minen")
            for a in _readings(right)
        ):
            return (
                2.0,
                f"{left!r} (genitive) before the verbal noun {right!r}: an object, not a compound",
            )
        if left.lower().endswith(("uksen", "yksen")) and any(
            a.get("BASEFORM", "").endswith(("us", "ys")) for a in analyses
        ):
            # as a `-minen` noun compounds as `-mis-`, an `-us` noun compounds in the
            # nominative: `koulutushankinnat`, so `koulutuksen` + noun are two words
            return 2.0, f"{left!r} is a genitive of an -us noun, which compounds as -us-"
        if all(a.get("STRUCTURE", "").count("=") > 1 for a in analyses):
            # genitive compounds are lexical and short (`kaupunginhallitus`,
            # `turvapaikanhakija`); a compound in the genitive before a noun is its
            # attribute (`kuntayhtymän viranomainen`, `turvapaikanhakijan henkilöllisyys`)
            return 2.0, f"{left!r} is a compound in the genitive, an attribute of its own"
        return 0.5, None
    first = analyses[0]
    cls, case, number = first.get("CLASS", "?"), first.get("SIJAMUOTO"), first.get("NUMBER")
    adjective = "laatusana" in cls
    if cls == "teonsana":
        return 2.5, f"{left!r} is a verb form"
    if adjective and case and case != "nimento" and _agrees(left, right):
        return 2.5, f"{left!r} agrees in case with {right!r}"
    if adjective and case == "nimento":
        if first.get("PARTICIPLE") or left.lower().endswith(("ton", "tön")):
            return 2.0, f"{left!r} is a participle or a -ton adjective, which begin no compound"
        return 1.0, f"{left!r} is an adjective"
    if adjective and case:
        return 2.0, f"{left!r} is an inflected adjective"
    if case == "omanto" and number == "plural":
        return 2.5, f"{left!r} is a genitive plural"
    # the word class alone: weaker than the rules above, so a compound Voikko accepts
    # is split on it only with the document's support (`yhteensovittamisvastuu`)
    return CLASS_ONLY, f"{left!r} ({cls}{', ' + case if case else ''}) cannot begin a compound"


# Verbs that take a first infinitive (`voi ostaa`, `tulee järjestää`).
_MODAL_VERBS = frozenset(
    {"voida", "tulla", "pitää", "täytyä", "saada", "joutua", "haluta", "aikoa", "ehtiä"}
)


def _subject_agrees(left: str, verb_readings: list[dict[str, str]]) -> bool:
    """Whether `left` is a nominative noun with the number of a third-person verb."""
    numbers = {
        a.get("NUMBER")
        for a in verb_readings
        if a.get("CLASS") == "teonsana" and a.get("PERSON") == "3"
    }
    return any(
        a.get("CLASS") in _NOUN_CLASSES
        and a.get("SIJAMUOTO") == "nimento"
        and a.get("NUMBER") in numbers
        for a in _readings(left)
    )


def _finite_verb(word: str) -> bool:
    """A third-person finite verb form that is no nominative noun (`ohjaa`; `tuki` is a
    noun)."""
    readings = _readings(word)
    return any(
        a.get("CLASS") == "teonsana"
        and a.get("MOOD") in ("indicative", "conditional")
        and a.get("PERSON") in ("3", "4")
        for a in readings
    ) and not any(
        a.get("CLASS") in _NOUN_CLASSES and a.get("SIJAMUOTO") == "nimento" for a in readings
    )


def _agrees(left: str, right: str) -> bool:
    cases_l = {(a.get("SIJAMUOTO"), a.get("NUMBER")) for a in morphology.analyze(left)}
    cases_r = {(a.get("SIJAMUOTO"), a.get("NUMBER")) for a in morphology.analyze(right)}
    return bool(cases_l & cases_r)


def _candidate(token: str, left: str, right: str, ev: Evidence, clause: _Clause) -> _Candidate:
    reasons: list[str] = []
    score = 0.0
    phrase = ev.phrase(left, right)
    if phrase:
        score += 4
        reasons.append(f"'{left} {right}' (as a phrase) stands elsewhere in the document")
    else:
        found = [p for p in (left, right) if ev.standalone(p)]
        if found:
            score += 1.0 * len(found)
            reasons.append(f"{' and '.join(map(repr, found))} stand(s) alone in the document")
        inflected = [p for p in (left, right) if p not in found and ev.lemma_seen(p)]
        if inflected:  # `kotoutumisohjelman` where the document has `kotoutumisohjelma`
            score += 0.5 * len(inflected)
            reasons.append(
                f"{' and '.join(map(repr, inflected))} stand(s) in the document inflected"
            )
    weight, why = _shape(left, right, clause)
    score += weight
    if why:
        reasons.append(why)
    # A word Voikko and the corpora lack that the document uses on its own counts as
    # known, at the frequency `known` asks of a word.
    freq = min(_plausibility(p) or (1.5 if _document_word(p, ev) else 0.0) for p in (left, right))
    score += freq / 2
    reasons.append(f"word frequency {freq:.1f}")
    if ev.joined_elsewhere(token, left, right):
        score -= 4
        reasons.append("the boundary stands inside another word of the document")
    document = phrase or all(ev.standalone(p) or ev.lemma_seen(p) for p in (left, right))
    confidence: Confidence = (
        "document" if document else "morphology" if weight >= CLASS_ONLY else "frequency"
    )
    return _Candidate(
        left, right, score, phrase or weight >= CLASS_ONLY, tuple(reasons), confidence
    )


def _best_split(
    token: str, cuts: range, ev: Evidence, clause: _Clause, second: Callable[[str], bool]
) -> _Candidate | None:
    """The best-supported split of `token` at one of `cuts` into a part and a second
    part `second` accepts."""
    best: _Candidate | None = None
    for i in cuts:
        left, right = token[:i], token[i:]
        if _part(left, ev) and second(right):
            cand = _candidate(token, left, right, ev, clause)
            if best is None or cand.score > best.score:
                best = cand
    return best


def _needed(form: str) -> float:
    """The score a split of `form` (Voikko rejects it) needs: a capitalised form may be
    a name (`Järvilaakson`), a form the corpus knows (`yhteensovittaa`) a word Voikko
    lacks; both need more."""
    return (3.0 if form[:1].isupper() else 1.5) + 2 * zipf(form)


def _split_unknown(token: str, ev: Evidence, clause: _Clause) -> Decision | None:
    """Split a token Voikko rejects where both parts are words and the evidence is best."""
    best = _best_split(token, range(2, len(token) - 1), ev, clause, lambda w: _part(w, ev))
    if best is None or not best.strong:
        restored = _restore_inner_hyphen(token)
        if restored:
            return restored
    if best is None:
        return _suspended(token, ev) or _unknown_before_postposition(token)
    if best.score < _needed(token):
        return None
    why = f"Voikko rejects {token!r}; " + "; ".join(best.reasons)
    return f"{best.left} {best.right}", "split_joined_words", why, best.confidence


def _split_before_hyphenated(token: str, ev: Evidence) -> Decision | None:
    """`edistäätasa-arvoa`: a word glued to a hyphenated word whose first part is no
    word alone (`tasa-`), so that only the whole `tasa-arvoa` shows it; the same
    evidence as `_split_unknown`, with the hyphenated word as the second part."""
    first = token.split("-", 1)[0]
    if not first.isalpha() or first[1:] != first[1:].lower() or known(first):
        return None
    best = _best_split(token, range(2, len(first) - 1), ev, _NO_CLAUSE, morphology.spell)
    if best is None or best.score < _needed(first):
        return None
    why = f"Voikko rejects {first!r} and accepts {best.right!r}; " + "; ".join(best.reasons)
    return f"{best.left} {best.right}", "split_joined_words", why, best.confidence


def _unknown_before_postposition(token: str) -> Decision | None:
    """`maahanmuuttaneenkanssa`: a postposition ends the token, after a genitive-looking
    word Voikko lacks (a participle, a name): a postposition ends no compound."""
    lower = token.lower()
    for post in _POSTPOSITIONS_LONGEST_FIRST:
        head = token[: -len(post)]
        if len(post) >= 5 and lower.endswith(post) and len(head) >= 5 and head.endswith("n"):
            why = f"{post!r} is a postposition after the genitive {head!r}"
            return f"{head} {token[-len(post) :]}", "split_joined_words", why, "morphology"
    return None


def _part(word: str, ev: Evidence) -> bool:
    """A part of a token Voikko rejects: a word (`known`), or a longer word Voikko lacks
    that stands as a word of its own elsewhere in the document (`maahanmuuttanut`)."""
    return known(word) or _document_word(word, ev)


def _document_word(word: str, ev: Evidence) -> bool:
    """A longer word that stands as a word of its own elsewhere in the document (not only
    as the head of a suspended compound: `kotoutumis-` is no word)."""
    return len(word) >= 6 and word.isalpha() and ev.count(word) > ev.suspended[word.lower()]


def _restore_inner_hyphen(token: str) -> Decision | None:
    """`maahanmuuttajaasiakas` -> `maahanmuuttaja-asiakas`: a compound whose hyphen is required."""
    for i in range(3, len(token) - 2):
        if vowel_clash(token[:i], token[i:]) and morphology.spell(f"{token[:i]}-{token[i:]}"):
            new = f"{token[:i]}-{token[i:]}"
            why = f"Voikko accepts {new!r}, not {token!r} (vowel clash)"
            return new, "restore_hyphen", why, "dictionary"
    return None


def _suspended(token: str, ev: Evidence) -> Decision | None:
    """`sosiaalija` -> `sosiaali- ja`: a suspended hyphen lost with its line break."""
    for conj in sorted(CONJUNCTIONS):
        head = token[: -len(conj)]
        if token.endswith(conj) and len(head) >= 3 and ev.suspended_head(head):
            return (
                f"{head}- {conj}",
                "suspended_hyphen",
                f"'{head}-' stands elsewhere in the document",
                "document",
            )
    return None


def _inside_a_word(token: str, i: int, boundaries: list[int]) -> bool:
    """Whether the boundary at i lies inside a word the corpus knows: `hyvin` + `vointi`
    make `hyvinvointi`, `vastaan` + `otto` make `vastaanotto`, so `Hyvinvointialue` is not
    `hyvin` + `vointialue` nor `kokovastaanottokeskus` `kokovastaan` + `ottokeskus`."""
    after = min([j for j in boundaries if j > i], default=len(token))
    starts = [0, *(j for j in boundaries if j < i)]
    # from any earlier boundary: `turvapaikan|hakijoiden` inside `Vastuuturvapaikanhakijoiden`
    return any(
        _known_word(token[start:after]) for start in starts if (start, after) != (0, len(token))
    )


def _known_word(form: str) -> bool:
    """A form the corpus knows, itself or by its lemma (`perhetyöstä` by `perhetyö`)."""
    return zipf(form) >= 2.0 or any(zipf(lemma) >= 2.0 for lemma in lemmas(form.lower()))


# An attribute agrees with its head in case and number, so an attribute before a
# compound that agrees with its first part and not with the whole shows two words:
# `koskevan lainsäädännönkokonaisuudesta` is `koskevan lainsäädännön kokonaisuudesta`.
# Strong attributes are never a possessor of their own: participles other than the
# past active one (`maahanmuuttaneen` is also "the immigrant's"), and numerals; their
# agreement decides even a compound a corpus knows (`annetun lainmukaista`). Weak
# ones (relational `-llinen` adjectives, attributive pronouns) decide only a compound
# no corpus knows.
_STRONG_PARTICIPLES = frozenset({"present_active", "present_passive", "past_passive", "agent"})
_ATTRIBUTE_PRONOUNS = frozenset({"muu", "sama", "jokainen", "kukin", "eräs"})


def _attribute_cases(word: str, weak: bool) -> set[tuple[str | None, str | None]]:
    """The (case, number) readings in which `word` is an attribute."""
    found: set[tuple[str | None, str | None]] = set()
    for a in morphology.analyze(word):
        participle, cls = a.get("PARTICIPLE"), a.get("CLASS")
        strong = participle in _STRONG_PARTICIPLES or cls == "lukusana"
        weak_reading = not participle and (
            (cls == "laatusana" and a.get("BASEFORM", "").endswith("llinen"))
            or (cls == "asemosana" and a.get("BASEFORM") in _ATTRIBUTE_PRONOUNS)
        )
        if not a.get("SIJAMUOTO") or not (strong or (weak and weak_reading)):
            continue
        base = a.get("BASEFORM", "")
        if (
            cls == "lukusana"
            and a.get("SIJAMUOTO") == "nimento"
            and base != "yksi"
            and not base.endswith(("s", "nen"))
        ):
            # a cardinal in the nominative governs a partitive singular (`kolme
            # perustoimintoa`); ordinals (`kolmas`, `ensimmäinen`) agree as adjectives
            found.add(("osanto", "singular"))
        else:
            found.add((a.get("SIJAMUOTO"), a.get("NUMBER")))
    return found


def _agreeing_split(
    token: str, previous: str, boundaries: list[int], ev: Evidence, weak: bool
) -> Decision | None:
    """Split `token` after the first part its attribute `previous` agrees with."""
    if not previous.isalpha() or len(previous) < 3:
        return None
    attribute = _attribute_cases(previous, weak)
    whole = {(a.get("SIJAMUOTO"), a.get("NUMBER")) for a in morphology.analyze(token)}
    if not attribute or attribute & whole:
        return None
    # A nominative may be a predicative (`on tärkeä ...`), followed by any case: after
    # one only an object's partitive counts, unless the attribute opens the sentence
    # (`Uudistettu lakikotoutumisen`), where no copula stands before it.
    if (
        all(case == "nimento" for case, _ in attribute)
        and not previous[0].isupper()
        and not any(case == "osanto" for case, _ in whole)
    ):
        return None
    for i in boundaries:
        left, right = token[:i], token[i:]
        if not (known(left) and known(right)) or ev.joined_elsewhere(token, left, right):
            continue
        if _inside_a_word(token, i, boundaries):
            continue
        heads = {
            (a.get("SIJAMUOTO"), a.get("NUMBER"))
            for a in _readings(left)
            if a.get("CLASS") in _NOUN_CLASSES
        }
        if attribute & heads:
            why = f"the attribute {previous!r} agrees with {left!r}, not with {token!r}"
            return f"{left} {right}", "split_joined_words", why, "morphology"
    return None


def _genitive_head_split(token: str, boundaries: list[int], ev: Evidence) -> Decision | None:
    """`kirjoitustaidon|opetus` where the document writes `kielen opetus`: a genitive
    before a head the document writes after a genitive as a word of its own. Genitive
    compounds are few and lexical; the document's own way with the head decides."""
    for i in boundaries:
        left, right = token[:i], token[i:]
        if not (known(left) and known(right)) or ev.joined_elsewhere(token, left, right):
            continue
        if _inside_a_word(token, i, boundaries) or _shape(left, right)[0] != 0.5:
            continue
        if min(zipf_or_head(left), zipf_or_head(right)) < 2.0:
            continue
        if any(lemma in ev.genitive_heads for lemma in lemmas(right.lower())):
            why = (
                f"{left!r} (genitive) before {right!r}, which the document writes after a "
                f"genitive as a word of its own; {token!r} is no common word"
            )
            return f"{left} {right}", "split_joined_words", why, "document"
    return None


def _coordinated_genitive(
    token: str, coordinated: str, boundaries: list[int], ev: Evidence
) -> Decision | None:
    """`toiminnan ja taloudensuunnittelua`: after a genitive and a conjunction, a
    genitive first part is that genitive's conjunct, an attribute of the noun after it
    (`toiminnan ja talouden suunnittelua`), in a compound no corpus knows."""
    for i in boundaries:
        left, right = token[:i], token[i:]
        if not (known(left) and known(right)) or ev.joined_elsewhere(token, left, right):
            continue
        if _inside_a_word(token, i, boundaries) or not _genitive_noun(left.lower()):
            continue
        if any(a.get("CLASS") in _NOUN_CLASSES for a in _readings(right)):
            why = (
                f"{left!r} (genitive) is the conjunct of the genitive {coordinated!r}, an "
                f"attribute of {right!r}; no corpus knows {token!r}"
            )
            return f"{left} {right}", "split_joined_words", why, "morphology"
    return None


def _split_compound(
    token: str,
    ev: Evidence,
    clause: _Clause,
    previous: str | None = None,
    coordinated: str | None = None,
) -> Decision | None:
    """Split a form Voikko accepts only on strong evidence that it is two words: the
    document's own use of the parts as a phrase (`valtion kotouttamisohjelma`), the
    parts standing alone in the document with a first part that begins no compound, or
    syntax (a finite verb, a postposition, a modal's infinitive, a conjunction cannot
    end or begin a compound). Word frequency alone never splits an accepted compound
    (`yhteensovittamisvastuu`, `poikkihallinnollisessa` are words)."""
    recurs = max((ev.lemmas[lemma] for lemma in lemmas(token.lower())), default=0)
    boundaries = list(compound_boundaries(token))
    if token.lower().endswith(tuple(CONJUNCTIONS)):
        boundaries += [len(token) - len(c) for c in CONJUNCTIONS if token.lower().endswith(c)]
    # `ruotsin kielen` elsewhere decides `ruotsinkielen`, even where a corpus knows the
    # compound, and as often as the compound recurs (a phrase glued twice is still the
    # phrase the document writes)
    for i in sorted(set(boundaries)):
        left, right = token[:i], token[i:]
        if known(left) and known(right) and ev.phrases(left, right) >= max(1, recurs - 1):
            elsewhere = (
                f"the compound {token!r} nowhere else"
                if recurs <= 1
                else f"the compound {recurs} time(s) with this one"
            )
            why = f"'{left} {right}' stands elsewhere in the document as two words and {elsewhere}"
            return f"{left} {right}", "split_joined_words", why, "document"
    if recurs > 1:
        return None  # the compound recurs in the document, inflected
    corpus = corpus_frequency(token)
    corpus_knows = corpus > 0
    if previous is not None:
        agreeing = _agreeing_split(token, previous, boundaries, ev, weak=not corpus_knows)
        if agreeing is not None:
            return agreeing
    if corpus < 2.0:  # a compound the corpus knows well is its own word, whatever the style
        styled = _genitive_head_split(token, boundaries, ev)
        if styled is not None:
            return styled
    if corpus_knows:
        return None  # the corpus knows the compound (`vastuunjaosta` by `vastuunjako`)
    if coordinated is not None and _genitive_noun(coordinated.lower()):
        parallel = _coordinated_genitive(token, coordinated, boundaries, ev)
        if parallel is not None:
            return parallel
    passing: list[tuple[float, float, str, str, str, Confidence]] = []
    for conj in ("ja", "sekä", "tai"):
        # `jalastensuojelu` is Voikko's `jalasten` + `suojelu`, and `ja lastensuojelu`
        # after a lost line break: the rest standing in the document, or being a common
        # word, decides
        rest = token[len(conj) :]
        if (
            token.startswith(conj)
            and len(rest) >= 4
            and known(rest)
            and (ev.standalone(rest) or ev.lemma_seen(rest) or zipf(rest) >= 3.0)
            and not ev.joined_elsewhere(token, conj, rest)
        ):
            why = f"{conj!r} is a conjunction before the word {rest!r}"
            passing.append((2.5, max(zipf(rest), 1.0), conj, rest, why, "morphology"))
    for i in boundaries:
        left, right = token[:i], token[i:]
        if not (known(left) and known(right)) or ev.joined_elsewhere(token, left, right):
            continue
        if _inside_a_word(token, i, boundaries):
            continue
        # Among the boundaries that pass, the real one splits into two ordinary word
        # forms (`toimeentulotuen täydentävän`, not `toimeen tulotuentäydentävän`).
        surface = min(zipf(left), zipf(right))
        weight, shape = _shape(left, right, clause)
        freq = min(zipf_or_head(left), zipf_or_head(right))
        both_in_document = ev.standalone(left) and ev.lemma_seen(right)
        if shape and ((weight >= 2.5 and freq >= 1.5) or (weight >= 2.0 and freq >= 2.5)):
            passing.append(
                (weight, surface, left, right, f"{shape}; no corpus knows {token!r}", "morphology")
            )
        elif shape and weight >= 2.5 and ev.lemma_seen(left) and ev.lemma_seen(right):
            # a rare word (`alkuperehdytys`) after a part that begins no compound, both
            # used in the document
            why = f"{shape}; {left!r} and {right!r} stand in the document"
            passing.append((weight, surface, left, right, why, "document"))
        elif shape and weight >= CLASS_ONLY and freq >= 2.0 and both_in_document:
            why = f"{shape}; {left!r} and {right!r} stand alone in the document"
            passing.append((weight, surface, left, right, why, "document"))
        elif weight == 0.5 and both_in_document and freq >= 2.5:
            why = (
                f"{left!r} (genitive) and {right!r} both stand alone in the document; "
                f"no corpus knows {token!r}"
            )
            passing.append((weight, surface, left, right, why, "document"))
        elif weight == 0.5 and freq >= 2.0 and ev.standalone(left):
            # a genitive compound lives in the corpora (`kaupunginhallitus`); one no corpus
            # knows, whose genitive the document uses as a word of its own, is a phrase
            # that lost its space (`lainsäädännön` + `kokonaisuudesta`)
            why = f"{left!r} (genitive) stands alone in the document; no corpus knows {token!r}"
            passing.append((weight, surface, left, right, why, "document"))
    if passing:
        # Prefer a boundary whose parts are both words a corpus knows.
        _, _, left, right, why, confidence = max(passing, key=lambda p: (p[1] >= 1.0, p[0], p[1]))
        return f"{left} {right}", "split_joined_words", why, confidence
    return None
