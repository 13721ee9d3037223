"""The level a credential expects on entry (`requires: {skill: level}`): it closes nothing for a person below
it until an earlier step gets them there, and the plan puts that step first."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import invoke

ROLE = """\
title: Analyst
requirements:
  - {skill: analysis, level: 4, importance: essential}
"""
CATALOG = """\
name: Levels
currency: USD
credentials:
  - id: advanced
    title: Advanced Analysis
    provider: Acme
    requires: {analysis: 3}
    skills: [{name: analysis, level: 4}]
    cost: 100
    hours: 40
  - id: basics
    title: Analysis Basics
    provider: Acme
    skills: [{name: analysis, level: 3}]
    cost: 30
    hours: 10
  - id: primer
    title: Analysis Primer
    provider: Acme
    skills: [{name: analysis, level: 2}]
    cost: 10
    hours: 5
"""
SKILLS = "skills:\n  - {name: analysis}\n"


@pytest.fixture
def world(write: Any) -> list[str | Path]:
    return [
        "--target", write("role.yaml", ROLE), "--catalog", write("catalog.yaml", CATALOG),
        "--taxonomy", write("skills.yaml", SKILLS),
    ]  # fmt: skip


def person(write: Any, level: int) -> Path:
    return write("p.yaml", f"name: Ann\nskills:\n  - {{name: analysis, level: {level}}}\n")


def plan(who: Path, world: list[str | Path], *extra: str) -> Any:
    result = invoke("plan", who, *world, "--format", "json", *extra)
    assert result.code == 0, result.err
    return result.json()


def test_a_beginner_takes_the_course_that_gets_them_there_first(write: Any, world: Any) -> None:
    """At level 1 the advanced course closes nothing until the basics (level 3) are done: basics first, and
    the primer (level 2, too low to enter) is not enough to stand in."""
    data = plan(person(write, 1), world)
    assert [s["id"] for s in data["steps"]] == ["basics", "advanced"]
    assert data["steps"][1]["entry"] == [{"skill": "analysis", "expected": 3, "have": 1, "by_steps": [1]}]
    table = " ".join(invoke("plan", person(write, 1), *world).out.split())
    expects = "Advanced Analysis (step 2) expects analysis at level 3 on entry (you are at 1)"
    assert f"{expects}: step 1 gets you there." in table


def test_someone_at_the_entry_level_takes_it_alone(write: Any, world: Any) -> None:
    data = plan(person(write, 3), world)
    assert [s["id"] for s in data["steps"]] == ["advanced"]
    assert data["steps"][0]["entry"] == []


def test_with_nothing_to_get_them_there_it_is_left_out_and_says_why(write: Any, world: Any) -> None:
    text = CATALOG.replace("skills: [{name: analysis, level: 3}]", "skills: [{name: analysis, level: 2}]")
    data = plan(person(write, 1), [*world[:2], "--catalog", write("c2.yaml", text), *world[4:]])
    assert "advanced" not in [s["id"] for s in data["steps"]]
    (left,) = [x for x in data["left_out"] if x["id"] == "advanced"]
    assert left["kind"] == "entry"
    assert left["reason"] == (
        "it expects analysis at level 3 on entry (you are at 1), and no credential the plan may use gets you "
        "there"
    )
    memo = " ".join(invoke("plan", person(write, 1), *world[:2], "--catalog", write("c3.yaml", text),
                           *world[4:], "--format", "memo").out.split())  # fmt: skip
    assert "leaves out Advanced Analysis: I am below what it expects on entry: analysis at level 3" in memo


def test_a_budget_that_only_fits_the_advanced_course_does_not_buy_it_alone(write: Any, world: Any) -> None:
    """120 fits the advanced course (100) but not with the basics it needs first (130): the plan takes what
    it can use, not a course the person cannot follow."""
    data = plan(person(write, 1), world, "--budget", "120")
    assert "advanced" not in [s["id"] for s in data["steps"]]


def test_analyze_marks_what_a_credential_expects_on_entry(write: Any, world: Any) -> None:
    result = invoke("analyze", person(write, 1), *world, "--format", "json")
    assert result.code == 0, result.err
    rec = next(r for r in result.json()["recommendations"] if r["id"] == "advanced")
    assert rec["entry"] == [{"skill": "analysis", "expected": 3, "have": 1}]
    assert "expects analysis at level 3 on entry (you are at 1)" in rec["reason"]
    table = " ".join(invoke("analyze", person(write, 1), *world).out.split())
    assert "Advanced Analysis expects analysis at level 3 on entry (you are at 1): a course that" in table


def test_a_beginner_analyst_does_not_start_with_the_bundled_advanced_certificate(write: Any) -> None:
    """Against the bundled catalog, a role that Google's Advanced Data Analytics covers whole: it expects data
    analysis at 3, so a beginner takes a course that gets them there first (it was step 1 alone before)."""
    role = write("ds.yaml", "title: Junior data scientist\nrequirements:\n"
                 "  - {skill: data analysis, level: 4, importance: essential}\n"
                 "  - {skill: Python, level: 3, importance: essential}\n"
                 "  - {skill: statistics, level: 3, importance: essential}\n"
                 "  - {skill: machine learning, level: 3, importance: important}\n")  # fmt: skip
    who = write("bea.yaml", "name: Bea\nskills:\n  - {name: data analysis, level: 1}\n")
    result = invoke("plan", who, "--target", role, "--format", "json")
    assert result.code == 0, result.err
    steps = result.json()["steps"]
    ids = [s["id"] for s in steps]
    advanced = steps[ids.index("google-advanced-data-analytics")]
    (entry,) = advanced["entry"]
    assert entry["skill"] == "data analysis" and entry["expected"] == 3 and entry["by_steps"]
    assert all(n < advanced["step"] for n in entry["by_steps"])
