"""The actor registry (`data/actors.toml`) and recognition of actor names in text.

Names are matched by lemma, so every inflection matches (`kuntien`,
`ELY-keskusten`, `Maahanmuuttovirastoa`), including names with suspended
hyphens (`Elinkeino-, liikenne- ja ympäristökeskukset`) and abbreviations
(`TEM:n`). Deciding which mention is the subject of a responsibility is the
extraction's job, not this module's.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources

import regex
from pydantic import BaseModel, ConfigDict, Field

from pipeline.models import ActorLevel
from pipeline.nlp.words import WordMorphology
from pipeline.nlp.words import words as word_morphology


class RegistryEntry(BaseModel):
    """One actor of the registry file."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    abbreviation: str | None = None
    level: ActorLevel
    aliases: list[str]
    parent: str | None = None
    valid_from: int | None = None
    valid_until: int | None = None
    successors: list[str] = []
    note: str | None = None


@dataclass(frozen=True)
class Mention:
    actor: str
    start: int
    end: int
    surface: str


# A word as names use it: letters and digits, inner hyphens, a trailing hyphen of a
# suspended compound (`työ-`) and an inflection ending after a colon (`TEM:n`).
WORD = regex.compile(r"[\p{L}\p{N}](?:[\p{L}\p{N}\-]*[\p{L}\p{N}])?(?::\p{L}+)?-?")


@cache
def registry() -> dict[str, RegistryEntry]:
    """The registry, by id; validated, with parents and successors checked to exist."""
    data = tomllib.loads(
        resources.files("pipeline").joinpath("data/actors.toml").read_text("utf-8")
    )
    entries = [RegistryEntry(**a) for a in data["actor"]]
    by_id = {e.id: e for e in entries}
    if len(by_id) != len(entries):
        raise ValueError("actors.toml: duplicate actor id")
    for e in entries:
        for ref in [e.parent, *e.successors]:
            if ref is not None and ref not in by_id:
                raise ValueError(f"actors.toml: {e.id} refers to unknown actor {ref!r}")
    return by_id


@dataclass(frozen=True)
class _Alias:
    actor: str
    words: tuple[frozenset[str], ...]  # each word of the alias: its form and its lemmas
    case_sensitive: bool


def _alias_forms(word: str, sensitive: bool, morph: WordMorphology) -> frozenset[str]:
    """An alias word and its lemmas: `elinkeinopalvelut` (a plural alias) matches
    `elinkeinopalveluilla`, whose lemma is the singular."""
    if sensitive or word.endswith("-"):
        return frozenset({word})
    return frozenset({word, *(lemma.lower() for lemma in morph.lemmas(word))})


@lru_cache(maxsize=8)
def _aliases(morph: WordMorphology) -> dict[str, list[_Alias]]:
    """Aliases indexed by their first word's forms (by the backend's lemmas); longer
    aliases first."""
    index: dict[str, list[_Alias]] = {}
    for entry in registry().values():
        for alias in entry.aliases:
            sensitive = alias != alias.lower()
            words = tuple(_alias_forms(m.group(), sensitive, morph) for m in WORD.finditer(alias))
            item = _Alias(entry.id, words, sensitive)
            for key in words[0]:
                index.setdefault(key, []).append(item)
    for items in index.values():
        items.sort(key=lambda a: -len(a.words))
    return index


def _forms(word: str) -> set[str]:
    """The surface form and the lemmas a word can be matched by."""
    forms = {word}
    for lemma in word_morphology().lemmas(word):
        forms.add(lemma)
        # Voikko lower-cases some names' lemmas (`Kelan` -> `kela`); a case-sensitive
        # alias (`Kela`, `KELA`) matches the lemma in the word's own capitalisation.
        if word[:1].isupper():
            forms.add(lemma[:1].upper() + lemma[1:])
        if word[:2].isupper():
            forms.add(lemma.upper())
    return forms


def _word_matches(alias_word: frozenset[str], forms: set[str], sensitive: bool) -> bool:
    if sensitive:
        return bool(alias_word & forms)
    return bool(alias_word & {f.lower() for f in forms})


def find_mentions(text: str, start: int = 0, end: int | None = None) -> list[Mention]:
    """Registry actors named in text[start:end], longest match first, left to right."""
    end = len(text) if end is None else end
    words = list(WORD.finditer(text, start, end))
    forms = [_forms(w.group()) for w in words]
    index = _aliases(word_morphology())
    mentions: list[Mention] = []
    i = 0
    while i < len(words):
        candidates: list[_Alias] = []
        for f in forms[i]:
            candidates += index.get(f, []) + index.get(f.lower(), [])
        best: _Alias | None = None
        for alias in sorted(
            set(candidates), key=lambda a: (-len(a.words), a.actor, sorted(a.words[0]))
        ):
            n = len(alias.words)
            if (
                i + n <= len(words)
                and "\n" not in text[words[i].start() : words[i + n - 1].end()]
                and all(
                    _word_matches(aw, forms[i + k], alias.case_sensitive)
                    for k, aw in enumerate(alias.words)
                )
            ):
                best = alias
                break
        if best is None:
            i += 1
            continue
        n = len(best.words)
        s, e = words[i].start(), words[i + n - 1].end()
        mentions.append(Mention(best.actor, s, e, text[s:e]))
        i += n
    return mentions
