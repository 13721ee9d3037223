"""A role requirement that is a choice (`any_of`): met when any one alternative is, its gap the smallest,
closed through the cheapest alternative, and understood by every command and document."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.errors import InputError
from skillgap.load import load_role
from tests.conftest import ROOT, invoke

DATA = ROOT / "tests" / "data" / "any-of"
WORLD = ("--catalog", DATA / "catalog.yaml", "--taxonomy", DATA / "skills.yaml")
ROLE = DATA / "role.yaml"
CHOICE = "Articulate Storyline or Adobe Captivate"


def test_the_loader_reads_a_choice_and_names_it_by_its_alternatives() -> None:
    role = load_role(ROLE)
    choice = role.requirements[0]
    assert choice.any_of == ("Storyline", "Captivate")
    assert choice.skill == "Storyline or Captivate" and choice.names == ("Storyline", "Captivate")
    assert choice.level == 3 and choice.importance.value == "essential"
    assert role.requirements[1].names == ("instructional design",)


@pytest.mark.parametrize(
    ("requirement", "message"),
    [
        ("{any_of: [SQL], level: 3}", "any_of: must list at least two different skills"),
        ("{any_of: [SQL, sql], level: 3}", "any_of: must list at least two different skills"),
        ("{any_of: [SQL, Excel], skill: SQL, level: 3}", "skill: give either 'skill' or 'any_of', not both"),
        ("{any_of: SQL Excel, level: 3}", "any_of: must list at least two different skills"),
        ("{any_of: [SQL, 3.5, {x: 1}], level: 3}", "any_of[2]: expected text, got a mapping"),
        ("{any_of: [SQL, Excel]}", "missing required field 'level'"),
    ],
)
def test_a_bad_choice_is_a_located_problem(requirement: str, message: str, write) -> None:  # type: ignore[no-untyped-def]
    path = write("role.yaml", f"title: T\nrequirements:\n  - {requirement}\n")
    with pytest.raises(InputError) as caught:
        load_role(path)
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"{path}:3:")
    result = invoke("validate", path)
    assert result.code == 2 and message in result.err


def test_met_when_any_alternative_is_met() -> None:
    result = invoke("analyze", DATA / "knows-captivate.yaml", "--target", ROLE, *WORLD, "-f", "json")
    assert result.code == 0, result.err
    doc = result.json()
    [met] = [g for g in doc["met"] if "any_of" in g]
    assert met["skill"] == CHOICE and met["current"] == 3 and met["gap"] == 0
    assert met["any_of"] == ["Storyline", "Captivate"] and met["counted"] == "Captivate"


def test_its_gap_is_the_smallest_and_the_cheapest_alternative_closes_it() -> None:
    result = invoke("analyze", DATA / "closer-to-storyline.yaml", "--target", ROLE, *WORLD, "-f", "json")
    assert result.code == 0, result.err
    doc = result.json()
    [gap] = doc["gaps"]
    assert gap["skill"] == CHOICE and gap["current"] == 2 and gap["gap"] == 1  # Storyline 2, not Captivate 1
    assert gap["counted"] == "Storyline"
    ranked = [r["id"] for r in doc["recommendations"]]
    assert ranked == ["captivate-course", "storyline-course", "both-tools"]  # each closes it; cheapest first
    assert doc["recommendations"][0]["closes"][0]["skill"] == CHOICE


def test_the_plan_closes_a_choice_once_through_its_cheapest_alternative() -> None:
    result = invoke("plan", DATA / "closer-to-storyline.yaml", "--target", ROLE, *WORLD, "-f", "json")
    assert result.code == 0, result.err
    doc = result.json()
    assert [s["id"] for s in doc["steps"]] == ["captivate-course"]
    assert doc["readiness"]["after"] == 1.0


def test_compare_cohort_and_report_read_a_choice(tmp_path: Path) -> None:
    compared = invoke("compare", DATA / "closer-to-storyline.yaml", "--target", ROLE, *WORLD, "-f", "json")
    assert compared.code == 0, compared.err
    [entry] = compared.json()
    assert entry["gaps"] == 1 and entry["plan_credentials"] == ["captivate-course"]
    people = [DATA / "closer-to-storyline.yaml", DATA / "knows-captivate.yaml"]
    cohort = invoke("cohort", *people, "--target", ROLE, *WORLD, "-f", "json")
    assert cohort.code == 0, cohort.err
    doc = cohort.json()
    [column] = [c for c in doc["requirements"] if c["skill"] == CHOICE]
    assert column["requested_as"] == "Storyline or Captivate" and column["any_of"] == [
        "Storyline",
        "Captivate",
    ]
    rows = {row["name"]: row for row in doc["people"]}
    assert rows["Knows Captivate"]["readiness"] > 0
    shared = {r["id"]: r for r in doc["shared_recommendations"]}
    assert shared["both-tools"]["helps"] == 1  # teaching both alternatives still closes one gap, once
    assert shared["both-tools"]["closes"] == [{"skill": CHOICE, "people": 1}]
    report = invoke("report", *people, "--target", ROLE, *WORLD, "-f", "markdown", "-o", tmp_path / "r.md")
    assert report.code == 0, report.err
    assert CHOICE in (tmp_path / "r.md").read_text(encoding="utf-8")


def test_init_from_a_role_asks_for_each_alternative(tmp_path: Path) -> None:
    out = tmp_path / "me.yaml"
    result = invoke("init", out, "--from-role", ROLE, "--name", "Ada", "--no-input")
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert "Storyline" in text and "Captivate" in text and "Storyline or Captivate" not in text


def test_bundled_roles_offer_a_choice_of_vendor(write) -> None:  # type: ignore[no-untyped-def]
    cloud = load_role(ROOT / "catalogs" / "roles" / "cloud-administrator.yaml")
    assert any(r.any_of == ("Microsoft Azure", "AWS", "Google Cloud") for r in cloud.requirements)
    elearning = load_role(ROOT / "catalogs" / "roles" / "elearning-developer.yaml")
    assert any(r.any_of == ("Articulate Storyline", "Adobe Captivate") for r in elearning.requirements)
    profile = write("aws.yaml", "name: Sam\nskills:\n  - {name: AWS, level: 4}\n")
    doc = invoke("analyze", profile, "--target", "cloud-administrator", "-f", "json").json()
    clouds = ["Microsoft Azure", "AWS", "Google Cloud"]
    assert any(g.get("any_of") == clouds and g["gap"] == 0 for g in doc["met"])
