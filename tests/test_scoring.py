"""The scorer of shared/gold/README.md: one-to-one matching, optional items, actor groups."""

from __future__ import annotations

from pipeline.scoring import score


def _doc(*resps):
    actors = [
        {"id": "kunta", "name": "Kunta", "aliases": ["Kunnat"]},
        {"id": "tem", "name": "TEM", "aliases": []},
    ]
    return {
        "actors": actors,
        "text": "",
        "responsibilities": [
            {"actors": a, "relation": rel, "task": task} for a, rel, task in resps
        ],
    }


GOLD = {
    "actor_groups": {"kunta": ["kunta", "kunnat"], "tem": ["tem"]},
    "items": [
        {"actor": "kunta", "rel": "vastata", "key": "neuvonnasta"},
        {"actor": "kunta", "rel": "vastata", "key": "ohjauksesta"},
    ],
    "optional": [{"actor": "*", "rel": "olla", "key": "viranomainen"}],
}


def test_perfect():
    s = score(
        _doc((["kunta"], "vastata", "neuvonnasta"), (["kunta"], "vastata", "ohjauksesta")), GOLD
    )
    assert (s.precision, s.recall, s.f1) == (1.0, 1.0, 1.0)


def test_one_prediction_satisfies_one_item_only():
    s = score(_doc((["kunta"], "vastata", "neuvonnasta ja ohjauksesta")), GOLD)
    assert s.true_positives == 1 and s.recall == 0.5


def test_optional_matches_are_neither_credited_nor_false():
    s = score(_doc((["kunta"], "vastata", "neuvonnasta"), (["tem"], "olla", "viranomainen")), GOLD)
    assert s.true_positives == 1 and s.false_positives == 0


def test_wrong_actor_is_a_false_positive_and_a_miss():
    s = score(_doc((["tem"], "vastata", "neuvonnasta")), GOLD)
    assert s.true_positives == 0 and s.false_positives == 1 and len(s.misses) == 2


def test_key_must_be_a_whole_token():
    s = score(_doc((["kunta"], "vastata", "neuvonnastakin")), GOLD)
    assert s.true_positives == 0
