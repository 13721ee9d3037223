"""A large catalog reads plainly valid skill lists on a fast path, which must agree with the careful one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skillgap.load.catalog as catalog
from skillgap.load.fast_yaml import positionless
from skillgap.load.fields import Fields, Report
from skillgap.load.source import PosMap

names = st.one_of(
    st.text(max_size=10), st.sampled_from(["SQL", " sql ", "Python", "python", ""]), st.integers()
)
levels = st.one_of(st.integers(-2, 7), st.sampled_from(["expert", "3", True, None, 2.0]))
skill = st.dictionaries(
    st.sampled_from(["name", "level", "id", "nme"]), st.one_of(names, levels), max_size=4
)


def careful(raw: object, monkeypatch: pytest.MonkeyPatch) -> tuple[object, list[str]]:
    report = Report("c.yaml")
    data = PosMap()
    data["skills"] = positionless(raw)  # as either parser hands it over
    with monkeypatch.context() as patch:
        patch.setattr(catalog, "_plain_skills", lambda _raw: None)
        skills = catalog._skills(Fields(data, report))
    return skills, [str(p) for p in report.problems]


@settings(max_examples=400, deadline=None)
@given(st.lists(skill, max_size=5))
def test_fast_skills_agree_with_the_careful_reading(raw: list[dict[str, object]]) -> None:
    fast = catalog._plain_skills(raw)
    if fast is None:
        return
    with pytest.MonkeyPatch.context() as monkeypatch:
        skills, problems = careful(raw, monkeypatch)
    assert problems == [] and skills == fast


def test_the_fast_path_takes_the_usual_list_and_leaves_the_odd_one() -> None:
    assert catalog._plain_skills([{"name": "SQL", "level": 3}, {"name": "Python", "level": 2, "id": "x"}])
    assert catalog._plain_skills([{"name": "SQL", "level": "competent"}]) is None  # a level name
    assert catalog._plain_skills([{"name": "SQL", "level": 3}, {"name": "sql", "level": 2}]) is None
    assert catalog._plain_skills([{"name": "SQL", "level": True}]) is None
