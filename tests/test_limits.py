"""Every number a person gives is checked against one documented range (skillgap/limits.py): on the
command line the option is named, in a file the line and column; NaN and infinity are never numbers. A
plan too slow for the calendar shows "beyond 9999" instead of crashing (issue 14, item 4)."""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import pytest

from skillgap.dates import BEYOND
from skillgap.limits import COUNT, CREDENTIAL_HOURS, HOURS_PER_WEEK, MONEY, Range
from tests.conftest import EXAMPLES, invoke
from tests.test_plan_core import cred, gap, plan_for

PLAN_DATA = Path(__file__).parent / "data" / "plan"
PLAN = ("plan", PLAN_DATA / "profile.yaml", "--target", PLAN_DATA / "role.yaml",
        "--catalog", PLAN_DATA / "catalog.yaml", "--taxonomy", PLAN_DATA / "skills.yaml")
PROFILE = EXAMPLES / "profiles" / "career-changer.yaml"
ANALYZE = ("analyze", PROFILE, "--target", "data-analyst")


@pytest.mark.parametrize(
    ("args", "option"),
    [
        ((*PLAN, "--budget", "nan"), "--budget"),
        ((*PLAN, "--budget", "inf"), "--budget"),
        ((*PLAN, "--budget", "-5"), "--budget"),
        ((*PLAN, "--budget", "1e13"), "--budget"),
        ((*PLAN, "--hours-per-week", "inf"), "--hours-per-week"),
        ((*PLAN, "--hours-per-week", "nan"), "--hours-per-week"),
        ((*PLAN, "--hours-per-week", "1e-300"), "--hours-per-week"),
        ((*PLAN, "--hours-per-week", "0.0001"), "--hours-per-week"),
        ((*PLAN, "--hours-per-week", "169"), "--hours-per-week"),
        ((*PLAN, "--hours-per-week", "lots"), "--hours-per-week"),
        ((*ANALYZE, "--stale-after", "nan"), "--stale-after"),
        ((*ANALYZE, "--stale-after", "-1"), "--stale-after"),
        ((*ANALYZE, "--stale-after", "1e400"), "--stale-after"),
        ((*ANALYZE, "--top", "0"), "--top"),
        ((*ANALYZE, "--top", "2.5"), "--top"),
        ((*ANALYZE, "--top", "1" * 5000), "--top"),
        (("cohort", PROFILE, "--target", "data-analyst", "--top", "-1"), "--top"),
        (("catalog", "search", "excel", "--limit", "0"), "--limit"),
        (("import", "onet", EXAMPLES / "onet" / "Skills.txt", "--min-importance", "nan"), "--min-importance"),
    ],
)
def test_a_number_option_out_of_its_range_is_refused_naming_the_option(
    args: tuple[str | Path, ...], option: str
) -> None:
    result = invoke(*args)
    assert result.code == 2, result.err
    assert result.out == "" and "Traceback" not in result.err
    last = result.err.splitlines()[-1]
    assert last.startswith("error: Invalid value for ") and f"'{option}'" in last
    assert "from " in last  # the accepted range is given


def test_the_ends_of_each_range_are_accepted() -> None:
    result = invoke(*PLAN, "--format", "json", "--hours-per-week", "168", "--budget", "0")
    assert result.code == 0, result.err
    assert result.json()["limits"]["hours_per_week"] == 168
    slow = invoke(*PLAN, "--format", "json", "--hours-per-week", "0.25")
    assert slow.code == 0, slow.err


@pytest.mark.parametrize(
    ("preferences", "says"),
    [
        ("{hours_per_week: 0.0001}", "preferences.hours_per_week: must be a number from 0.25 to 168 hours"),
        ("{hours_per_week: .inf}", "preferences.hours_per_week: must be a number from 0.25 to 168 hours"),
        ("{hours_per_week: 0}", "preferences.hours_per_week: must be a number from 0.25 to 168 hours"),
        ("{budget: .nan}", "preferences.budget: must be a number from 0 to 1,000,000,000,000, got nan"),
        ("{budget: 1.0e+300}", "preferences.budget: must be a number from 0 to 1,000,000,000,000"),
    ],
)
def test_a_profile_number_out_of_range_is_located_by_validate_and_plan(
    write, preferences: str, says: str
) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", f"name: Ann\nskills: {{SQL: 2}}\npreferences: {preferences}\n")
    checked = invoke("validate", path)
    assert checked.code == 2 and checked.err.startswith(f"{path}:3:") and says in checked.err
    planned = invoke("plan", path, "--target", "data-analyst")
    assert planned.code == 2 and planned.err.startswith(f"error: {path}:3:") and says in planned.err


@pytest.mark.parametrize(
    ("field", "value", "says"),
    [
        ("hours", ".nan", "hours: must be a number from 0 to 100,000 hours, got nan"),
        ("hours", "200000", "hours: must be a number from 0 to 100,000 hours, got 200000"),
        ("cost", ".inf", "cost: must be a number from 0 to 1,000,000,000,000, got inf"),
        ("credits", "5000", "credits: must be a number from 0 to 1,000, got 5000"),
    ],
)
def test_a_catalog_number_out_of_range_is_located(write, field: str, value: str, says: str) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "c.yaml",
        "credentials:\n  - {id: a, title: A, provider: P, skills: [{name: SQL, level: 3}]}\n"
        f"  - {{id: b, title: B, provider: P, skills: [{{name: SQL, level: 3}}], {field}: {value}}}\n",
    )
    result = invoke("validate", path)
    assert result.code == 2 and result.err.startswith(f"{path}:3:") and says in result.err


def test_ranges_in_words_and_their_edges() -> None:
    assert HOURS_PER_WEEK.text() == "from 0.25 to 168 hours"
    assert MONEY.text() == "from 0 to 1,000,000,000,000"
    assert [HOURS_PER_WEEK.holds(x) for x in (0.25, 168, 0.2, 168.5, math.nan, math.inf)] == [
        True, True, False, False, False, False
    ]
    assert not Range(0, 1, low_excluded=True).holds(0) and Range(0, 1).holds(0)
    assert COUNT.holds(1) and not COUNT.holds(0) and CREDENTIAL_HOURS.holds(100_000)


def test_a_plan_past_the_calendar_shows_beyond_9999_in_every_format(write) -> None:  # type: ignore[no-untyped-def]
    catalog = write(
        "huge.yaml",
        "credentials:\n"
        "  - {id: big-1, title: Big One, provider: P, skills: [{name: SQL, level: 3}],\n"
        "     hours: 90000, cost: 5}\n"
        "  - {id: big-2, title: Big Two, provider: P, skills: [{name: Python, level: 3}],\n"
        "     hours: 90000, cost: 5}\n",
    )
    role = write("role.yaml", "title: R\nrequirements: {SQL: 3, Python: 3}\n")
    profile = write("p.yaml", "name: A\nskills: {Excel: 2}\npreferences: {hours_per_week: 0.25}\n")
    args = ("plan", profile, "--target", role, "--catalog", catalog, "--start", "2027-01-01")
    table = invoke(*args)
    assert table.code == 0, table.err
    assert "beyond 9999" in table.out and "past the end of the calendar" in table.out
    data = invoke(*args, "--format", "json").json()
    assert data["finish"] is None and [s["finish"] for s in data["steps"]] == ["8926-07-12", None]
    assert any("beyond 9999" in note for note in data["notes"])
    memo = invoke(*args, "--format", "memo")
    assert memo.code == 0 and "would not be finished by the end of 9999" in memo.out
    late = invoke(*args, "--deadline", "2030")
    assert late.code == 0 and "(after the year 9999 at the same pace)" in late.out
    assert "closing every gap would take until after the end of the calendar" in late.out


def test_the_core_dates_a_plan_at_any_pace_without_overflowing() -> None:
    """make_plan takes a Request as given: a pace no command line lets through still gives a plan."""
    found = plan_for([gap("A", 3)], [cred("a", {"A": 3}, hours=40)], hours_per_week=1e-300)
    (step,) = found.steps
    assert step.start == date(2027, 1, 1) and step.finish is BEYOND
    assert found.meets_deadline is None and found.finish is BEYOND
    course = [cred("a", {"A": 3}, hours=40)]
    late = plan_for([gap("A", 3)], course, hours_per_week=1e-6, deadline=date(2030, 1, 1))
    assert late.steps == () and late.shortfall is not None and late.shortfall.deadline_needed is BEYOND
    assert any("after the end of the calendar" in note for note in late.notes)
