"""Dates as people write them (issue 14, items 14 and 15; issue 20): a month or a year means the whole
period and is echoed as written; a deadline before the start is said to have passed; a year out of range
says so and gives the range; a YAML timestamp is the day it names, for every reader."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from skillgap.analyse.gaps import is_stale
from skillgap.dates import BEYOND, WrittenDate, later
from skillgap.load.fields import parse_date, read_date
from tests.conftest import Result, invoke

PLAN_DATA = Path(__file__).parent / "data" / "plan"
WORLD = ("--catalog", PLAN_DATA / "catalog.yaml", "--taxonomy", PLAN_DATA / "skills.yaml")


def plan(profile: Path | str, *extra: str | Path) -> Result:
    return invoke("plan", profile, "--target", PLAN_DATA / "role.yaml", *WORLD, *extra)


def requirements(analysis: dict[str, Any]) -> list[dict[str, Any]]:
    return [*analysis["gaps"], *analysis["met"]]


# --- month-only and year-only dates -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "end", "day", "shown"),
    [
        ("2027-06", True, date(2027, 6, 30), "2027-06"),
        ("2024-02", True, date(2024, 2, 29), "2024-02"),
        ("2027-06", False, date(2027, 6, 1), "2027-06"),
        ("2027", True, date(2027, 12, 31), "2027"),
        (2027, True, date(2027, 12, 31), "2027"),
        ("2027", False, date(2027, 1, 1), "2027"),
        ("2027-06-15", True, date(2027, 6, 15), "2027-06-15"),
    ],
)
def test_a_month_or_a_year_stands_for_its_end_or_start_and_shows_as_written(
    written: object, end: bool, day: date, shown: str
) -> None:
    found = parse_date(written, end=end)
    assert found == day and found.isoformat() == shown and str(found) == shown and f"{found}" == shown
    assert pickle.loads(pickle.dumps(found)) == found and str(pickle.loads(pickle.dumps(found))) == shown


def test_a_written_date_computes_as_the_day_it_stands_for() -> None:
    june = WrittenDate(2027, 6)
    assert june - date(2027, 6, 1) == date(2027, 6, 30) - date(2027, 6, 1)
    assert type(june.replace(day=1)) is date and june.replace(day=1) == date(2027, 6, 1)
    assert sorted([date(2027, 7, 1), june, date(2027, 6, 29)]) == [date(2027, 6, 29), june, date(2027, 7, 1)]


def test_a_skill_last_used_in_a_month_is_stale_from_the_end_of_that_month() -> None:
    today = date(2026, 12, 3)  # 3 years after December 2023 ends is 2026-12-31
    assert not is_stale(parse_date("2023-12"), today, 3.0)
    assert is_stale(parse_date("2023-11"), today, 3.0)
    assert not is_stale(parse_date("2023"), today, 3.0)


def test_analyze_json_echoes_last_used_as_written(write) -> None:  # type: ignore[no-untyped-def]
    profile = write(
        "p.yaml",
        "name: Ann\nskills:\n  - {name: needs assessment, level: 3, last_used: 2019-03}\n"
        "  - {name: instructional design, level: 2, last_used: 2018}\n",
    )
    result = invoke("analyze", profile, "--target", PLAN_DATA / "role.yaml", *WORLD, "--format", "json")
    assert result.code == 0, result.err
    used = {r["skill"]: r["last_used"] for r in requirements(result.json()) if r["last_used"]}
    assert set(used.values()) == {"2019-03", "2018"}


def test_a_deadline_month_means_by_the_end_of_that_month(write) -> None:  # type: ignore[no-untyped-def]
    result = plan(
        PLAN_DATA / "profile.yaml", "--start", "2027-06-01", "--deadline", "2027-06", "--format", "json"
    )
    assert result.code == 0, result.err
    limits = result.json()["limits"]
    assert limits["deadline"] == "2027-06"  # never a day that was not written
    assert limits["available_hours"] == round(limits["hours_per_week"] * 29 / 7, 2)  # June 1 to June 30
    profile = write("p.yaml", (PLAN_DATA / "profile.yaml").read_text().replace("2027-12-31", "2027-12"))
    again = plan(profile, "--start", "2027-01-01", "--format", "json").json()
    assert again["limits"]["deadline"] == "2027-12" and again["limits"]["available_hours"] == round(
        again["limits"]["hours_per_week"] * 364 / 7, 2
    )


# --- a deadline before the start ----------------------------------------------------------------------


def test_a_deadline_before_the_start_is_said_to_have_passed_in_every_format() -> None:
    args = ("--start", "2027-01-01", "--deadline", "2026-06")
    table = plan(PLAN_DATA / "profile.yaml", *args)
    assert table.code == 0, table.err
    assert "The deadline has passed: 2026-06 is before the plan's start, 2027-01-01." in table.out
    assert "keep within the time" not in table.out
    data = plan(PLAN_DATA / "profile.yaml", *args, "--format", "json").json()
    reasons = [g["reason"] for g in data["open_gaps"]]
    assert "the deadline (2026-06) has passed" in reasons
    assert not any("keep within" in reason for reason in reasons)
    assert any(note.startswith("The deadline has passed: 2026-06 is before") for note in data["notes"])
    markdown = plan(PLAN_DATA / "profile.yaml", *args, "--format", "markdown").out
    assert "The deadline has passed" in markdown and "keep within the time" not in markdown
    memo = plan(PLAN_DATA / "profile.yaml", *args, "--format", "memo").out
    assert "My deadline of 2026-06 has passed" in memo and "keep within the time" not in memo


def test_a_deadline_on_the_start_day_has_not_passed() -> None:
    data = plan(PLAN_DATA / "profile.yaml", "--start", "2027-01-01", "--deadline", "2027-01-01", "-f", "json")
    assert not any("has passed" in note for note in data.json()["notes"])


# --- years out of range -------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["1890", "'1890-05'", "3000-01-01", "1850"])
def test_a_year_out_of_range_says_so_and_gives_the_range(write, value: str) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", f"name: Ann\nskills:\n  - {{name: SQL, level: 3, last_used: {value}}}\n")
    result = invoke("validate", path)
    assert result.code == 2
    assert f"{path}:3:" in result.err and "last_used: the year " in result.err
    assert "is out of range (skillgap takes years 1900 to 2200)" in result.err
    assert "expected a date" not in result.err


def test_an_option_year_out_of_range_says_so() -> None:
    result = plan(PLAN_DATA / "profile.yaml", "--deadline", "3000-01-01")
    assert result.code == 2 and result.out == ""
    assert result.err.splitlines()[-1] == (
        "error: Invalid value for '--deadline': "
        "the year 3000 is out of range (skillgap takes years 1900 to 2200)"
    )


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("2024-13", "'2024-13' is not a date: there is no month 13"),
        ("2023-02-29", "'2023-02-29' is not a date: February 2023 has no day 29"),
        ("soon", "expected a date, got text ('soon')"),
    ],
)
def test_other_bad_dates_say_what_is_wrong(value: str, says: str) -> None:
    assert read_date(value)[:2] == (None, says)


# --- YAML timestamps ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "stamp", ["2024-05-01 10:00:00", "2024-05-01T10:00:00Z", "2024-05-01t23:30:00-05:00"]
)
def test_a_yaml_timestamp_is_the_day_it_names_for_every_command(write, stamp: str) -> None:  # type: ignore[no-untyped-def]
    profile = write(
        "people/p.yaml",
        f"name: Ann\nskills:\n  - {{name: needs assessment, level: 3, last_used: {stamp}}}\n"
        f"credentials:\n  - {{title: Some course, earned: {stamp}}}\n"
        f"preferences: {{deadline: 2027-12-31 12:00:00, hours_per_week: 5}}\n",
    )
    role = PLAN_DATA / "role.yaml"
    assert invoke("validate", profile).code == 0
    analyzed = invoke("analyze", profile, "--target", role, *WORLD, "--format", "json")
    assert analyzed.code == 0, analyzed.err
    used = [r["last_used"] for r in requirements(analyzed.json()) if r["last_used"]]
    assert used == ["2024-05-01"]
    planned = invoke("plan", profile, "--target", role, *WORLD, "--format", "json", "--start", "2027-01-01")
    assert planned.code == 0, planned.err
    assert planned.json()["limits"]["deadline"] == "2027-12-31"
    for args in (
        ("report", profile, "--target", role, *WORLD),
        ("compare", profile, "--target", role, *WORLD),
        ("cohort", profile.parent, "--target", role, *WORLD),
        ("showcase", profile),
    ):
        result = invoke(*args)
        assert result.code == 0, (args[0], result.err)


def test_later_stops_at_the_end_of_the_calendar() -> None:
    assert later(date(9999, 12, 30), 1) == date(9999, 12, 31)
    assert later(date(9999, 12, 30), 2) is BEYOND and later(BEYOND, 0) is BEYOND
    assert BEYOND > date.max and not BEYOND < date.max and BEYOND != date.max
    assert date.max < BEYOND and BEYOND.isoformat() == str(BEYOND) == "beyond 9999"


def test_a_year_alone_is_never_shown_with_a_month(write) -> None:  # type: ignore[no-untyped-def]
    profile = write(
        "p.yaml",
        "name: Ann\nskills:\n  - {name: needs assessment, level: 3, last_used: 2012}\n"
        "credentials:\n  - {title: First Aid at Work, earned: 2021}\n"
        "  - {title: Excel Basics, earned: 2020-03}\n",
    )
    analyzed = invoke("analyze", profile, "--target", PLAN_DATA / "role.yaml", *WORLD, "--format", "markdown")
    assert analyzed.code == 0, analyzed.err
    assert "last used 2012," in analyzed.out and "2012-12" not in analyzed.out
    shown = invoke("showcase", profile)
    assert shown.code == 0, shown.err
    assert "2021" in shown.out and "Dec 2021" not in shown.out and "Mar 2020" in shown.out


def test_without_hours_a_week_a_passed_deadline_is_no_reason_for_a_gap() -> None:
    """The deadline limits nothing without a pace: a gap the budget keeps open says the budget."""
    from datetime import date as day

    from tests.test_plan_core import cred, gap, plan_for

    found = plan_for(
        [gap("A", 3), gap("B", 3)],
        [cred("a", {"A": 3}, cost=100), cred("b", {"B": 3}, cost=100)],
        budget=150,
        deadline=day(2026, 6, 30),
    )
    (open_gap,) = found.open_gaps
    assert "budget" in open_gap.reason and "passed" not in open_gap.reason
    assert any(note.startswith("The deadline has passed") for note in found.notes)
