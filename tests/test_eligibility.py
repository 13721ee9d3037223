"""A provider's conditions to enrol (the catalog's `eligibility`) are shown wherever the credential is:
every plan step, the coaching sheets, compare, cohort and `catalog show`, in every format, as text."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import invoke

CONDITION = "2 years <b>[bold]leading[/bold]</b> *projects*"
PROFILE = """\
name: Pat Doe
skills:
  - {name: project management, level: 1}
preferences:
  currency: USD
"""
ROLE = """\
title: Project Lead
requirements:
  - {skill: project management, level: 4, importance: essential}
  - {skill: scheduling, level: 2, importance: important}
"""
CATALOG = f"""\
name: Conditions
currency: USD
credentials:
  - id: lead-cert
    title: Lead Certification
    provider: Guild
    skills: [{{name: project management, level: 4}}]
    cost: 300
    hours: 30
    format: online
    assessment: exam
    eligibility: "{CONDITION}"
  - id: schedule-course
    title: Scheduling Course
    provider: Acme
    skills: [{{name: scheduling, level: 2}}]
    cost: 20
    hours: 5
    format: online
    assessment: completion
"""
SKILLS = "skills:\n  - {name: project management}\n  - {name: scheduling}\n"
NOTE = "Before you enrol in Lead Certification"


@pytest.fixture
def files(write: Any) -> dict[str, Path]:
    return {
        "profile": write("people/pat.yaml", PROFILE),
        "target": write("role.yaml", ROLE),
        "catalog": write("catalog.yaml", CATALOG),
        "taxonomy": write("skills.yaml", SKILLS),
    }


def run(files: dict[str, Path], command: str, *extra: str | Path, who: str = "profile") -> str:
    """COMMAND on Pat's profile (or the folder it is in) with the test's role, catalog and taxonomy."""
    where = files["profile"] if who == "profile" else files["profile"].parent
    result = invoke(command, where, *(x for key in WORLD for x in (f"--{key}", files[key])), *extra)
    assert result.code == 0, result.err
    return result.out


WORLD = ("target", "catalog", "taxonomy")


def flat(text: str) -> str:
    return " ".join(text.split())


def test_the_plan_table_shows_each_steps_conditions_as_written(files: dict[str, Path]) -> None:
    out = flat(run(files, "plan"))
    assert f"{NOTE} (step 1): the provider asks for {CONDITION}." in out  # markup printed, not applied
    assert "Scheduling Course (step" not in out  # no condition, no note


def test_the_plan_markdown_escapes_the_conditions(files: dict[str, Path]) -> None:
    out = run(files, "plan", "--format", "markdown")
    assert (
        f"{NOTE} (step 1): the provider asks for 2 years \\<b\\>\\[bold\\]leading\\[/bold\\]\\</b\\> "
        "\\*projects\\*." in out
    )


def test_the_plan_json_gives_each_step_its_eligibility(files: dict[str, Path]) -> None:
    steps = json.loads(run(files, "plan", "--format", "json"))["steps"]
    assert {s["id"]: s["eligibility"] for s in steps} == {"lead-cert": CONDITION, "schedule-course": None}


def test_the_memo_says_what_the_provider_asks_before_enrolling(files: dict[str, Path]) -> None:
    out = run(files, "plan", "--format", "memo")
    line = next(x for x in out.splitlines() if x.startswith("- **Lead Certification**"))
    assert "Before I can enrol, the provider asks for 2 years \\<b\\>\\[bold\\]leading" in line


@pytest.mark.parametrize("who", ["profile", "folder"])
def test_the_coaching_sheet_shows_the_conditions_in_markdown(files: dict[str, Path], who: str) -> None:
    out = run(files, "report", who=who)
    assert f"{NOTE} (step 1): the provider asks for 2 years \\<b\\>" in out
    if who == "folder":  # the cohort sheet's shared credentials, then Pat's own sheet
        assert f"{NOTE}: the provider asks for 2 years \\<b\\>" in out


@pytest.mark.parametrize("who", ["profile", "folder"])
def test_the_coaching_sheet_shows_the_conditions_in_html_escaped(files: dict[str, Path], who: str) -> None:
    out = run(files, "report", "--format", "html", who=who)
    assert f"{NOTE} (step 1): the provider asks for 2 years &lt;b&gt;[bold]leading[/bold]&lt;/b&gt;" in out
    assert "<b>[bold]" not in out


@pytest.mark.parametrize("who", ["profile", "folder"])
def test_the_coaching_csv_names_the_plan_credentials_and_their_conditions(
    files: dict[str, Path], who: str
) -> None:
    rows = list(csv.DictReader(io.StringIO(run(files, "report", "--format", "csv", who=who))))
    by_skill = {r["skill"]: r for r in rows}
    assert by_skill["project management"]["plan_credentials"] == "lead-cert"
    assert by_skill["project management"]["eligibility"] == f"Lead Certification: {CONDITION}"
    assert (by_skill["scheduling"]["plan_credentials"], by_skill["scheduling"]["eligibility"]) == (
        "schedule-course",
        "",
    )


def test_report_output_dir_writes_the_conditions_in_the_cohort_csv_too(
    files: dict[str, Path], tmp_path: Path
) -> None:
    run(files, "report", "--format", "csv", "--output-dir", tmp_path / "out", who="folder")
    for name in ("pat.csv", "cohort.csv"):
        text = (tmp_path / "out" / name).read_text(encoding="utf-8")
        rows = list(csv.DictReader(io.StringIO(text)))
        assert {r["eligibility"] for r in rows} == {f"Lead Certification: {CONDITION}", ""}


def test_compare_names_the_conditions_and_the_roles_whose_plans_need_them(files: dict[str, Path]) -> None:
    out = flat(run(files, "compare"))
    assert f"{NOTE} (in the plans for Project Lead): the provider asks for {CONDITION}." in out
    data = json.loads(run(files, "compare", "--format", "json"))
    assert data[0]["eligibility"] == [
        {"id": "lead-cert", "title": "Lead Certification", "eligibility": CONDITION}
    ]


def test_cohort_names_the_conditions_of_the_shared_credentials(files: dict[str, Path]) -> None:
    out = flat(run(files, "cohort", who="folder"))
    assert f"{NOTE}: the provider asks for {CONDITION}." in out
    data = json.loads(run(files, "cohort", "--format", "json", who="folder"))
    assert {r["id"]: r["eligibility"] for r in data["shared_recommendations"]} == {
        "lead-cert": CONDITION,
        "schedule-course": None,
    }


def test_catalog_show_has_an_eligibility_row(files: dict[str, Path]) -> None:
    shown = invoke("catalog", "show", "lead-cert", "--catalog", files["catalog"])
    assert shown.code == 0, shown.err
    row = next(line for line in shown.out.splitlines() if "eligibility" in line)
    assert re.search(r"eligibility\s+│ 2 years <b>\[bold\]leading\[/bold\]</b> \*projects\*", row)
    other = invoke("catalog", "show", "schedule-course", "--catalog", files["catalog"])
    assert re.search(r"eligibility\s+│ not stated", other.out)
    data = invoke("catalog", "show", "lead-cert", "--catalog", files["catalog"], "--format", "json").json()
    assert data["eligibility"] == CONDITION
