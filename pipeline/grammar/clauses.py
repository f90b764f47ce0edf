"""Clauses of a sentence: where one clause ends and the next begins.

The matcher reads each predicate within its clause: a subject, a complement or a
relative pronoun's antecedent is looked for there. Clauses break at a comma
before a relative pronoun, a subordinator or an adversative, at `;`, at a comma
before a coordinator that joins two clauses (`..., ja koulutus hankitaan`), after
a subordinate clause that opens the sentence, and where a main clause resumes
after an embedded relative clause (`X, jonka tehtäviin kuuluu Y, koordinoi Z`).
"""

from __future__ import annotations

import itertools

from pipeline.grammar.lexicon import lexicon
from pipeline.nlp.model import Token


def relative(tok: Token) -> bool:
    return tok.lemma in lexicon().word("relatives")


def subordinator(tok: Token) -> bool:
    return tok.lemma in lexicon().word("subordinators")


def clauses(tokens: list[Token]) -> list[tuple[int, int]]:
    """For every token, the token range of its clause."""
    lex = lexicon()
    openers = lex.word("relatives") | lex.word("subordinators")
    written = lex.word("subordinators") | lex.word("adversatives")
    bounds = [0]
    opens_subordinate = bool(tokens) and subordinator(tokens[0])
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        # by lemma for relatives (`jossa`), by the written word for conjunctions: `sillä`
        # (because) is also the adessive of `se`
        opener = nxt is not None and (nxt.lemma in openers or nxt.text.lower() in written)
        if tok.text == ";" or (tok.text == "," and _clause_coordinated(tokens, i)):
            bounds.append(i + 1)
        elif tok.text == "," and (
            opens_subordinate or opener or _closes_relative(tokens, bounds[-1], i)
        ):
            bounds.append(i + 1)
            opens_subordinate = False
    bounds.append(len(tokens))
    out: list[tuple[int, int]] = []
    for a, b in itertools.pairwise(bounds):
        out += [(a, b)] * (b - a)
    return out


def _clause_coordinated(tokens: list[Token], comma: int) -> bool:
    """`..., ja kotoutumiskoulutus hankitaan ...`: Finnish puts a comma before `ja` only
    between clauses; it opens one when a finite verb follows before the next comma."""
    j = comma + 1
    if j >= len(tokens) or tokens[j].text.lower() not in lexicon().word("clause_coordinators"):
        return False
    for t in tokens[j + 1 :]:
        if t.text in (",", ";"):
            return False
        if t.upos in ("VERB", "AUX") and t.feat("VerbForm") == "Fin":
            return True
    return False


def _closes_relative(tokens: list[Token], start: int, comma: int) -> bool:
    """`X, jonka tehtäviin kuuluu Y, koordinoi Z`: a comma after an embedded relative
    clause that has its verb, followed by a finite verb, resumes the main clause."""
    if not relative(tokens[start]):
        return False
    adverbs = lexicon().word("statement_adverbs")
    j = comma + 1
    while j < len(tokens) and tokens[j].lemma in adverbs:
        j += 1
    return (
        j < len(tokens)
        and tokens[j].upos == "VERB"
        and tokens[j].feat("VerbForm") == "Fin"
        and any(t.feat("VerbForm") == "Fin" for t in tokens[start:comma])
    )


def embedded_relative(tokens: list[Token], clause_of: list[tuple[int, int]], lo: int) -> int | None:
    """The start of the relative clause just before a clause resumed after it, if any."""
    if lo < 2 or tokens[lo - 1].text != ",":
        return None
    rel = clause_of[lo - 1][0]
    return rel if relative(tokens[rel]) and _closes_relative(tokens, rel, lo - 1) else None
