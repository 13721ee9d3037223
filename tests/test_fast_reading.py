"""A large catalog reads plainly valid skill lists on a fast path, which must agree with the careful one."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import skillgap.load.catalog as catalog
from skillgap.errors import InputError
from skillgap.load.catalog import load_catalogs
from skillgap.load.fast_yaml import positionless
from skillgap.load.fields import Fields, Report
from skillgap.load.source import PosMap, positioned
from skillgap.model import Origin
from tests.hypothesis_profiles import examples

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


@settings(max_examples=examples(400), deadline=None)
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


# --- whole credentials -------------------------------------------------------------------------------

texts = st.one_of(
    st.none(), st.sampled_from(["x", " Acme ", "", "  ", "online", "Exam", "completion only", "usd"]),
    st.integers(-1, 3), st.booleans(), st.floats(allow_nan=True),
)
numbers = st.one_of(
    st.none(), st.integers(-5, 10**400), st.floats(allow_nan=True, allow_infinity=True), st.booleans(),
    st.sampled_from(["3", "", 0, 0.0]),
)
text_lists = st.one_of(
    st.none(), st.sampled_from(["hours", " cost ", ""]),
    st.lists(st.one_of(st.sampled_from(["hours", "cost", "credits", "level", " ", "a-1"]), st.integers()),
             max_size=3),
)
choices = st.one_of(
    st.none(),
    st.sampled_from(["vendor", "Vendor ", "university", "online", "Hybrid", "in-person", "nope", ""]),
    st.integers(),
)
assessments = st.one_of(st.none(), st.sampled_from(["exam", "Completion only", "project", "quiz", ""]))
valid_skills = st.just([{"name": "SQL", "level": 3}, {"name": "Python", "level": 2, "id": "p"}])
eligibility = st.one_of(texts, st.sampled_from([
    {"text": "t", "needs": [{"education": "Bachelor's"}]},
    {"text": "t", "routes": [{"name": "r", "needs": [{"experience": ["a", " b "], "years": 2}]}]},
    {"text": "t", "needs": [{"any_of": [{"training": "x", "hours": 3}, {"credential": "c-1"}]}]},
    {"text": "t", "note": "n", "source": "s"},
    {"text": " ", "needs": [{"other": "o"}]},
    {"text": "t", "needs": [{"experience": "a"}]},
    {"text": "t", "needs": [{"education": "bachelor", "other": "o"}]},
    {"text": "t", "needs": []},
    {"text": "t", "needs": [{"experience": "a", "months": 0}]},
    {"needs": [{"other": "o"}]},
]))  # fmt: skip
requires = st.one_of(
    st.none(),
    st.sampled_from([{"SQL": 2}, {"SQL": "advanced"}, {"SQL": 9}, [{"name": "SQL", "level": 1}], "SQL", []]),
)
dates = st.one_of(
    st.none(), st.sampled_from(["2026-11", " 2026-11-20 ", "2026", 2026, "2026-13", "2026-02-30", "", "x"]),
    st.dates(), st.booleans(), st.integers(-1, 3000),
)
credential_fields = {
    "id": texts, "title": texts, "provider": texts,
    "skills": st.one_of(valid_skills, st.lists(skill, max_size=2), st.none()),
    "provider_type": choices, "type": texts, "url": texts, "hours": numbers, "cost": numbers,
    "credits": numbers, "currency": texts, "format": choices, "assessment": assessments,
    "prerequisites": text_lists, "stacks_into": text_lists, "estimated": text_lists,
    "description": texts, "source_id": texts, "eligibility": eligibility, "requires": requires,
    "source": texts, "note": texts, "as_of": dates,
    "unknown": texts,
}


@st.composite
def credentials(draw: st.DrawFn) -> dict[str, object]:
    item: dict[str, object] = {"id": "c-1", "title": "T", "provider": "P", "skills": draw(valid_skills)}
    for key in draw(st.lists(st.sampled_from(sorted(credential_fields)), max_size=6, unique=True)):
        item[key] = draw(credential_fields[key])
    for key in draw(st.lists(st.sampled_from(["id", "title", "provider", "skills"]), max_size=1)):
        del item[key]
    return item


def careful_credential(item: dict[str, object]) -> tuple[object, list[str]]:
    report = Report("c.json")
    credential = catalog._credential(Fields(positioned(item), report), "EUR")
    return credential, [str(p) for p in report.problems]


@settings(max_examples=examples(600), deadline=None)
@given(credentials())
def test_a_credential_read_whole_agrees_with_the_careful_reading(item: dict[str, object]) -> None:
    fast = catalog.plain_credential(item, "EUR", Origin("c.json"))
    if fast is None:
        return
    credential, problems = careful_credential(item)
    assert problems == [] and credential == fast


def test_the_usual_credential_is_read_whole_and_an_odd_one_is_not() -> None:
    usual = {"id": "c-1", "title": "T", "provider": "P", "skills": [{"name": "SQL", "level": 3}],
             "hours": 4, "cost": 100.5, "format": "Online", "estimated": ["hours"], "assessment": "exam"}
    read = catalog.plain_credential(usual, "EUR", Origin("c.json"))
    assert read is not None and read.format == "online" and read.hours == 4.0 and read.currency == "EUR"
    assert read == careful_credential(usual)[0]
    for odd in ({"hours": -1}, {"hours": "4"}, {"format": "zoom"}, {"title": " "}, {"estimated": ["level"]},
                {"tilte": "T"}, {"skills": []}):
        assert catalog.plain_credential({**usual, **odd}, "EUR", Origin("c.json")) is None, odd


def test_a_catalog_read_fast_reports_an_odd_credential_where_it_is(tmp_path: Path) -> None:
    """The fast reading hands an odd credential to the careful one, which names its line."""
    good = {"id": "a", "title": "A", "provider": "P", "skills": [{"name": "SQL", "level": 3}]}
    bad = {**good, "id": "b", "hours": -2}
    path = tmp_path / "catalog.json"
    text = json.dumps({"credentials": [good, bad]}, indent=2)
    path.write_text(text)
    with pytest.raises(InputError) as caught:
        load_catalogs([path], use_cache=False)
    message = str(caught.value)
    line = text.splitlines().index('      "hours": -2') + 1
    assert f"catalog.json:{line}:" in message and "credentials[1].hours" in message
    assert "from 0 to 100,000 hours" in message
    path.write_text(json.dumps({"credentials": [good, {**bad, "hours": 2}]}))
    assert [c.id for c in load_catalogs([path], use_cache=False).credentials] == ["a", "b"]


def test_a_credential_made_without_init_is_the_same_frozen_credential() -> None:
    """`Credential.of` skips __init__ for speed: it must stay equal to the real thing and still frozen."""
    import dataclasses

    from skillgap.model import Credential, CredentialSkill

    assert not hasattr(Credential, "__post_init__")  # nothing __init__ would run that `of` skips
    values = {"id": "c", "title": "T", "provider": "P", "skills": (CredentialSkill("SQL", 3),), "hours": 2.0}
    made = Credential.of(values)
    assert made == Credential(**values) and hash(made.skills) == hash(Credential(**values).skills)
    assert made.provider_type == "other" and made.estimated == frozenset() and made.origin is None
    with pytest.raises(dataclasses.FrozenInstanceError):
        made.id = "d"  # type: ignore[misc]
