"""The seed appendix: metadata, sections and actors as the gold annotation has them."""

from __future__ import annotations


def test_metadata(seed_doc, seed_gold):
    info = seed_doc.document
    gold = seed_gold["document"]
    assert info.appendix == gold["appendix"]
    assert info.title == gold["title"]
    assert info.programme is not None
    assert info.programme.name == gold["programme"]
    assert info.programme.region == "Forssan seutu"
    assert info.programme.period is not None
    assert [info.programme.period.start, info.programme.period.end] == gold["period"]


def test_sections(seed_doc, seed_gold):
    assert [s.heading for s in seed_doc.sections] == seed_gold["sections"]
    assert [s.actors for s in seed_doc.sections] == [
        ["valtio"],
        ["avi", "ely"],
        ["te"],
        ["kunta"],
        ["maahanmuuttaja"],
    ]
    for s in seed_doc.sections:
        assert seed_doc.text[s.start : s.end].startswith(s.heading)
    assert seed_doc.sections[-1].end == len(seed_doc.text)


def test_actor_mentions_are_lemmatised(seed_doc):
    actors = {a.id: a for a in seed_doc.actors}
    assert {"Kunnat", "kuntien", "kuntia"} <= set(actors["kunta"].aliases)
    assert "Elinkeino-, liikenne- ja ympäristökeskukset" in actors["ely"].aliases
    assert actors["tem"].name == "Työ- ja elinkeinoministeriö"
    assert actors["migri"].aliases == ["Maahanmuuttovirasto", "Maahanmuuttovirastoa"]
