"""A kept candidate -> its statements: one per coordinated complement.

The complement region splits where its heads carry the case the relation governs
(`suunnittelusta, ohjauksesta ja valvonnasta`), a subordinate clause is one task
(`huolehtia siitä, että ...`), and a nominal construction's infinitives are
relations of their own (`tehtävänä on edistää A:ta ja puuttua B:hen`). Each
statement carries character spans for its task, its actors' names, its co-actors
(`yhteistyössä X:n kanssa`), its target group and its scope.
"""

from __future__ import annotations

from dataclasses import replace

from pipeline.grammar.complements import (
    clausal,
    conjuncts,
    infinitive_heads,
    scope,
    target_group,
    trim_coordinator,
    trim_end,
    trim_start,
)
from pipeline.grammar.lexicon import lexicon
from pipeline.grammar.model import Candidate, Named, Statement, View
from pipeline.grammar.phrases import named

# Modalities a construction states whatever the verb's own sense (`voi`, `on -ttava`).
_CONSTRUCTED = frozenset({"permission", "obligation", "right"})


def statements(view: View, c: Candidate, evidence: tuple[int, int]) -> list[Statement]:
    """The statements of candidate `c` in `view`, with `evidence` as their sentence."""
    tokens = view.tokens
    lex = lexicon()
    if c.complement is None:
        return []
    lo, hi = c.complement
    hi = trim_end(tokens, lo, hi)
    if lo >= hi:
        return []
    subject = c.actors.tokens
    if c.split == "nominal":
        starts = infinitive_heads(tokens, lo, hi)
        if starts:  # `tehtävänä on edistää ... ja puuttua ...`
            out: list[Statement] = []
            for k, i in enumerate(starts):
                end = starts[k + 1] if k + 1 < len(starts) else hi
                region = (i + 1, trim_coordinator(tokens, end))
                governed_by = ""
                if region[1] <= region[0]:
                    # `ohjata, neuvoa ja tukea kuntia`: an infinitive with nothing of its
                    # own shares the last one's complement
                    region = (starts[-1] + 1, hi)
                    governed_by = tokens[starts[-1]].lemma
                q = replace(
                    c,
                    predicate=i,
                    relation=tokens[i].lemma,
                    split="governed",
                    complement=region,
                    governed_by=governed_by,
                )
                out += statements(view, q, evidence)
            return out
    cases: frozenset[str] = frozenset()
    if c.split == "whole":
        parts = [(lo, hi)]
    else:
        cases = (
            frozenset({"Nom"})
            if c.split == "nominal"
            else lex.governed(c.governed_by or c.relation)
        )
        if c.item:
            cases = cases | {"Nom"}  # `vastaa seuraavista:` + `1) valmistelu ja seuranta;`
        clause = clausal(tokens, lo, hi)
        parts = [clause] if clause else conjuncts(tokens, lo, hi, cases, subject)
        if not parts and c.split == "governed":
            fallback = lex.fallback(c.governed_by or c.relation)
            parts = conjuncts(tokens, lo, hi, fallback, subject) if fallback else []
        if (
            not parts
            and "Par" in cases
            and any(tokens[j].upos in ("NOUN", "PROPN") and j not in subject for j in range(lo, hi))
        ):
            # an object the splitter cannot tell from its attributes (`sopimuksen
            # tiedonvaihdosta`): the whole complement is the task
            parts = [(lo, hi)]
    if subject:  # a complement never runs into the subject (`... vastaa ministeriö`)
        first = min(subject)
        parts = [(a, min(b, first) if a < first else b) for a, b in parts]
    relation = c.relation
    for p in lex.phrasal:  # `tehdä yhteistyötä`: the object names the relation
        if (
            p.case is None
            and p.verb == relation
            and any(tokens[j].lemma == p.noun for j in range(lo, hi))
        ):
            relation = p.relation
    first = trim_start(tokens, lo, hi)
    if first < hi and tokens[first].text.lower() in lex.particles.get(relation, frozenset()):
        relation = f"{relation} {tokens[first].text.lower()}"  # `ottaa vastaan`
        parts = [(max(a, first + 1), b) for a, b in parts]
    comitative = lex.word("comitative")
    co_actors = tuple(
        n
        for m in view.mentions
        if lo <= m.first < hi
        and m.last + 1 < hi
        and tokens[m.last + 1].lemma in comitative
        and m.actor not in c.actors.ids
        for n in named(view, [m])
    )
    where = scope(tokens, lo, hi)
    modality = c.modality if c.modality in _CONSTRUCTED else lex.modality_of(relation, c.modality)
    negative = lex.word("negative_coordinators")
    out = []
    for a, b in parts:
        a = trim_start(tokens, a, b)
        if a >= b:
            continue
        group = target_group(tokens, a, b)
        out.append(
            Statement(
                construction=c.construction,
                actors=c.actors.ids,
                actor_source=c.actors.source,
                relation=relation,
                modality=modality,
                negated=c.negated or (a > 0 and tokens[a - 1].text.lower() in negative),
                task=view.span(a, b),
                evidence=evidence,
                named=c.actors.named,
                co_actors=_first_per_actor(co_actors),
                target_group=view.span(*group) if group else None,
                scope=view.span(*where) if where else None,
                unknown=c.actors.unknown,
            )
        )
    return out


def _first_per_actor(named: tuple[Named, ...]) -> tuple[Named, ...]:
    seen: set[str] = set()
    out = []
    for n in named:
        if n.actor not in seen:
            seen.add(n.actor)
            out.append(n)
    return tuple(out)
