"""The grammar as data: every example of every row of constructions.toml is a test,
and the lexicon and the rows are checked for what the code relies on."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

from pipeline.document import extract_document
from pipeline.grammar.lexicon import LexiconError, lexicon
from pipeline.grammar.lexicon import parse as parse_lexicon
from pipeline.grammar.rows import Expected, grammar
from pipeline.grammar.rows import parse as parse_rows
from pipeline.morphology import analyze

GRAMMAR = Path(__file__).resolve().parent.parent / "pipeline" / "grammar"


def _examples():
    g = grammar()
    for row in (*g.constructions, *g.lists):
        for k, example in enumerate(row.examples):
            yield pytest.param(row.name, row in g.constructions, example, id=f"{row.name}-{k + 1}")


def _check(expected: Expected, r) -> None:
    attributes = dict(expected.attributes)
    assert r.negated == ("negated" in attributes), ("negated", r)
    for key, value in attributes.items():
        if key == "modality":
            assert r.modality == value, (key, r.modality)
        elif key == "source":
            assert r.actor_source == value, (key, r.actor_source)
        elif key == "co":
            assert r.co_actors == value.split("+"), (key, r.co_actors)
        elif key != "negated":
            raise AssertionError(f"unknown attribute {key!r} in constructions.toml")


@pytest.mark.parametrize(("name", "construction", "example"), list(_examples()))
def test_row_example(name, construction, example):
    doc = extract_document("example.txt", example.text.encode("utf-8"))
    got = {(tuple(r.actors), r.relation, r.task): r for r in doc.responsibilities}
    want = {(e.actors, e.relation, e.task): e for e in example.expect}
    assert sorted(got) == sorted(want)
    assert len(got) == len(doc.responsibilities), "one statement read twice"
    for key, expected in want.items():
        _check(expected, got[key])
    if construction and want:
        assert name in {r.construction for r in doc.responsibilities}, (
            f"no statement of {example.text!r} comes from row {name}"
        )
    rows = [b for b in doc.blocks if b.kind == "table_row"]
    for r in doc.responsibilities:  # every field's span stands where the field says
        assert doc.text[r.task_span.start : r.task_span.end] == r.task
        # a table's statement: its task cell is the evidence, the other cells its row's
        (lo, hi) = next(
            ((b.start, b.end) for b in rows if b.start <= r.evidence.start < b.end),
            (r.evidence.start, r.evidence.end),
        )
        for span in r.co_actor_spans:
            assert lo <= span.start < span.end <= hi
        if r.actor_source in ("subject", "relative", "anaphora", "table"):
            assert all(lo <= a.start < a.end <= hi for a in r.actor_spans)


def test_every_construction_row_has_an_example_that_states_something():
    for row in grammar().constructions:
        assert any(e.expect for e in row.examples), row.name


def test_rows_name_only_word_classes_the_lexicon_has():
    data = tomllib.loads((GRAMMAR / "constructions.toml").read_text(encoding="utf-8"))
    data["construction"][0]["trigger"]["words"] = ["no_such_class"]
    with pytest.raises(LexiconError, match="no word class 'no_such_class'"):
        parse_rows(data)


def test_a_malformed_lexicon_entry_is_named():
    data = tomllib.loads((GRAMMAR / "lexicon.toml").read_text(encoding="utf-8"))
    data["predicates"]["vastata"]["modality"] = "shouts"
    with pytest.raises(LexiconError, match=r"predicates\.vastata: unknown modality 'shouts'"):
        parse_lexicon(data)


def test_narrative_verbs_are_no_predicates():
    lex = lexicon()
    assert not set(lex.verb_class("narrative")) & set(lex.predicates)


def _verb(word: str) -> bool:
    return any(a.get("CLASS") == "teonsana" for a in analyze(word))


def test_predicates_are_verbs_voikko_knows():
    """Each predicate is a verb, or a compound of one the backend reads as a verb
    (`yhteensovittaa`, `tulosohjata`: Voikko knows `sovittaa`, `ohjata`)."""
    unknown = [
        v for v in lexicon().predicates
        if not _verb(v) and not any(_verb(v[i:]) for i in range(1, len(v) - 3))
    ]  # fmt: skip
    assert unknown == []


def _string_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {
        id(node.body[0].value)
        for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef))
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    return [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
    ]


def test_the_lexicon_is_the_only_place_finnish_words_live():
    """No string literal in the grammar's code is a Finnish word: one Voikko knows that
    is not among the grammar's own (English) names."""
    found = [
        (path.name, word)
        for path in sorted(GRAMMAR.glob("*.py"))
        for literal in _string_literals(path)
        if literal.isalpha() and literal.islower() and len(literal) > 1
        and analyze(literal) and literal not in _ENGLISH
        for word in [literal]
    ]  # fmt: skip
    assert found == []


# The grammar's own vocabulary that happens to spell a Finnish word too.
_ENGLISH: frozenset[str] = frozenset()
