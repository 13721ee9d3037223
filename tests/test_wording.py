"""Counts read as English in every format: "1 node", "1 day", "fewer hours", "1 profile could not be
read", never "1 nodes" or "profile(s)"; and notes appear only when they are about something shown."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from skillgap.plan import Plan, Request
from skillgap.plan.types import SolverReport, Step
from skillgap.render.plan_words import deadline_text
from skillgap.words import agree, plural
from tests.conftest import EXAMPLES, invoke

PROFILE = """\
name: Solo Learner
skills:
  - {name: instructional design, level: 1}
preferences:
  budget: 100
  currency: USD
  hours_per_week: 1
  formats: [online]
"""
ROLE = """\
title: Designer
requirements:
  - {skill: instructional design, level: 3, importance: essential}
"""
CATALOG = """\
name: One
currency: USD
credentials:
  - {id: only-course, title: Only Course, provider: Acme, skills: [{name: instructional design, level: 3}],
     cost: 50, hours: 1, format: FORMAT, assessment: exam}
"""
SKILLS = "skills:\n  - {name: instructional design}\n"
# a count followed by the plural of a noun that must be singular after 1, or a hedge
WRONG = re.compile(r"\b1 (nodes|days|candidate credentials|hours|years|people|profiles|credentials)\b|\(s\)")


@pytest.fixture
def one(write: Any) -> Any:
    """Plan arguments for one gap and a one-credential catalog (FORMAT: online, or in-person to offer
    no candidate at all)."""

    def _args(fmt: str = "online") -> list[str | Path]:
        return [
            write("profile.yaml", PROFILE),
            "--target",
            write("role.yaml", ROLE),
            "--catalog",
            write(f"catalog-{fmt}.yaml", CATALOG.replace("FORMAT", fmt)),
            "--taxonomy",
            write("skills.yaml", SKILLS),
            "--start",
            "2027-01-01",
        ]

    return _args


def test_the_helpers_count_regular_and_irregular_words() -> None:
    assert [plural(n, "node") for n in (0, 1, 2, 1500)] == ["0 nodes", "1 node", "2 nodes", "1,500 nodes"]
    assert plural(1, "person") == "1 person" and plural(3, "person") == "3 people"
    assert plural(1.0, "hour") == "1 hour" and plural(2.5, "hour") == "2.5 hours"
    assert (agree(1, "is"), agree(2, "is"), agree(2, "match", "matches")) == ("is", "are", "matches")


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_solver_line_counts_one_node_and_one_candidate(one: Any, fmt: str) -> None:
    nothing = invoke("plan", *one("in-person"), "--format", fmt)
    assert nothing.code == 0, nothing.err
    assert "0 candidate credentials (1 node)" in nothing.out
    single = invoke("plan", *one(), "--format", fmt)
    assert "an exact search of 1 candidate credential (" in single.out
    assert not WRONG.search(nothing.out + single.out)


@pytest.mark.parametrize(
    ("objective", "words"),
    [("cost", "at a lower cost"), ("hours", "in fewer hours"), ("credentials", "with fewer credentials")],
)
def test_the_solver_line_says_fewer_for_things_that_are_counted(objective: str, words: str) -> None:
    args = (EXAMPLES / "profiles/trainer-to-elearning.yaml", "--target", "instructional-designer")
    for fmt in ("table", "markdown"):
        result = invoke("plan", *args, "--objective", objective, "--format", fmt)
        assert result.code == 0, result.err
        text = " ".join(result.out.split())  # the table wraps lines
        assert f"or as much {words}." in text
        assert "less hours" not in text and "less credentials" not in text


def test_a_deadline_missed_by_one_day_says_one_day() -> None:
    plan = Plan(
        request=Request(hours_per_week=1, deadline=date(2027, 1, 7), start=date(2027, 1, 1)),
        steps=(_step(finish=date(2027, 1, 8)),),
        open_gaps=(),
        readiness_before=0.0,
        readiness_after=1.0,
        solver=SolverReport(True, "exact", 1, 0, 1),
    )
    assert deadline_text(plan) == "Misses the deadline (2027-01-07) by 1 day."


def _step(finish: date) -> Step:
    from skillgap.model import Credential

    credential = Credential(id="c", title="C", provider="P", skills=())
    return Step(1, credential, (), 1.0, start=date(2027, 1, 1), finish=finish)


def test_the_memo_counts_one_hour_and_one_assessed_credential(one: Any) -> None:
    memo = invoke("plan", *one(), "--format", "memo").out
    assert "about 1 hour of study. At 1 hour a week" in memo
    assert "Only Course ends in an assessment" in memo
    assert "about 1 hour a week" in memo and "about 1 hour in total" in memo
    assert not WRONG.search(memo)


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_a_one_year_staleness_threshold_says_year(fmt: str) -> None:
    profile = EXAMPLES / "profiles/trainer-to-elearning.yaml"
    result = invoke("analyze", profile, "--target", "instructional-designer", "--stale-after", "1", "-f", fmt)
    assert result.code == 0, result.err
    assert "more than 1 year ago counts a level lower" in result.out


def test_cohort_counts_the_profiles_it_could_not_read(write: Any) -> None:
    good = (EXAMPLES / "profiles/trainer-to-elearning.yaml").read_text(encoding="utf-8")
    folder = write("people/good.yaml", good).parent
    write("people/bad1.yaml", "name: [unclosed\n")
    one_bad = invoke("cohort", folder, "--target", "data-analyst")
    assert one_bad.code == 0, one_bad.err
    assert "1 profile could not be read and is left out:" in one_bad.out
    write("people/bad2.yaml", "name: [unclosed\n")
    two_bad = invoke("cohort", folder, "--target", "data-analyst")
    assert "2 profiles could not be read and are left out:" in two_bad.out
    assert "(s)" not in one_bad.out + two_bad.out


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_a_cohort_sheet_of_one_person_speaks_of_one_person(write: Any, fmt: str) -> None:
    profile = (EXAMPLES / "profiles/trainer-to-elearning.yaml").read_text(encoding="utf-8")
    folder = write("team/dana.yaml", profile).parent
    result = invoke("report", folder, "--target", "instructional-designer", "--format", fmt)
    assert result.code == 0, result.err
    assert "give this person for learning" in result.out
    assert "1 people" not in result.out
    assert re.search(r"helps 1 of 1 person \(", result.out)


def test_catalog_titles_count_one_credential_and_one_match(write: Any) -> None:
    catalog = write("one.yaml", CATALOG.replace("FORMAT", "online"))
    listed = invoke("catalog", "list", "--catalog", catalog)
    assert listed.code == 0, listed.err
    assert listed.out.startswith("1 credential ")
    found = invoke(
        "catalog", "search", "only course", "--catalog", catalog, "--taxonomy", write("s.yaml", SKILLS)
    )
    assert found.out.startswith("1 match ")


def test_the_badge_signature_note_is_only_for_badges_that_are_cited(write: Any) -> None:
    assertion = Path(__file__).parent / "data/openbadges/ob2-assertion.json"
    badge = {**json.loads(assertion.read_text(encoding="utf-8")), "revoked": True}
    write("revoked.json", json.dumps(badge))
    only_revoked = write(
        "revoked-only.yaml", "name: Rev Oked\nskills: []\ncredentials:\n  - {badge: revoked.json}\n"
    )
    result = invoke("showcase", only_revoked)
    assert result.code == 0, result.err
    assert "is marked revoked: left out" in result.err
    assert "could not be verified" not in result.err  # nothing cited, nothing to check
    write("hosted.json", assertion.read_text(encoding="utf-8"))
    hosted = write("hosted.yaml", "name: Ho Sted\nskills: []\ncredentials:\n  - {badge: hosted.json}\n")
    cited = invoke("showcase", hosted)
    assert cited.code == 0 and "hosted.json could not be verified offline" in cited.err
    verified = invoke("showcase", EXAMPLES / "profiles/trainer-with-badges.yaml")  # its badge verifies
    assert verified.code == 0 and "could not be verified" not in verified.err
