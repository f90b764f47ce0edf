"""Action plans: fields that name the responsible actor (`Vastuutaho: kunta`)."""

from __future__ import annotations

import pytest

from pipeline.grammar.labels import field, task_span
from tests.test_extract import _extract_text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Vastuutaho: kunta", "vastuutaho"),
        ("Aikataulu: 2025–2026", "aikataulu"),
        ("Toimenpide 2.1: Neuvonnan vahvistaminen", "toimenpide"),
        ("Liite 6: Kotouttamisen vastuunjako", None),  # a title, not a field
        ("Kunta vastaa: neuvonnasta", None),
    ],
)
def test_field(line, expected):
    assert field(line) == expected


@pytest.mark.parametrize(
    ("unit", "task"),
    [
        ("Toimenpide 1: Alkuvaiheen neuvonnan vahvistaminen", "Alkuvaiheen neuvonnan vahvistaminen"),
        ("• Kielikahviloiden laajentaminen.", "Kielikahviloiden laajentaminen"),
        ("Toimenpide 3 Perheiden tukeminen", "Perheiden tukeminen"),
        ("Aikataulu: 2025", None),
        ("3.", None),
    ],
)  # fmt: skip
def test_task_span(unit, task):
    span = task_span(unit, 0, len(unit))
    assert (unit[span[0] : span[1]] if span else None) == task


PLAN = """Toimenpiteet

Toimenpide 1: Alkuvaiheen neuvonnan vahvistaminen
Vastuutaho: kunta ja TE-toimisto
Aikataulu: 2025
Toimenpide 2: Kielikahvilatoiminnan laajentaminen
Tavoite: osallisuuden lisääntyminen
Vastuu: kirjasto, järjestöt

Kotoutumiskoulutuksen hankinta (vastuu: ELY-keskus).

Toimenpide 3. Perheiden tukeminen. Vastuutahot: hyvinvointialue ja seurakunnat.
"""


def test_action_plan_fields_name_the_actors():
    doc = _extract_text(PLAN)
    got = [(r.actors, r.task, r.actor_source, r.relation) for r in doc.responsibilities]
    assert got == [
        (["kunta", "te"], "Alkuvaiheen neuvonnan vahvistaminen", "label", "vastuu"),
        (["kirjasto", "jarjestot"], "Kielikahvilatoiminnan laajentaminen", "label", "vastuu"),
        (["ely"], "Kotoutumiskoulutuksen hankinta", "label", "vastuu"),
        (["hyvinvointialue", "seurakunta"], "Perheiden tukeminen", "label", "vastuu"),
    ]
    for r in doc.responsibilities:
        evidence = doc.text[r.evidence.start : r.evidence.end]
        assert r.task in evidence and doc.text[r.task_span.start : r.task_span.end] == r.task


def test_field_lines_are_units_and_no_headings():
    doc = _extract_text(PLAN)
    assert "Vastuutaho: kunta ja TE-toimisto\n\nAikataulu: 2025\n\n" in doc.text
    assert not any(s.heading.startswith(("Vastuu", "Aikataulu")) for s in doc.sections)


def test_a_label_without_a_task_before_it_states_nothing():
    assert _extract_text("Vastuutaho: kunta").responsibilities == []
