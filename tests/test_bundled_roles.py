"""The bundled roles (catalogs/roles/): enough of them, over enough fields, each saying where it comes from,
and asking for the tools postings treat as interchangeable as a choice, not one vendor's. That their skills
are bundled skills, and which of them the catalog teaches, is tests/test_bundled_catalog.py's."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from pathlib import Path

import pytest

from skillgap.levels import Importance
from skillgap.load import load_role
from skillgap.load.paths import bundled_roles_dir, expand_paths
from skillgap.model import Role
from tests.conftest import ROOT, invoke

ONET_SOC = re.compile(r"\d{2}-\d{4}\.\d{2}")  # an O*NET-SOC occupation code: 15-1252.00
SOC = re.compile(r"\d{2}-\d{4}")  # a Standard Occupational Classification code: 15-1254
ESCO = re.compile(r"http://data\.europa\.eu/esco/occupation/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}")

# The roles issue 17 names, which people look for first.
NAMED = (
    "software-engineer",
    "data-engineer",
    "registered-nurse",
    "sales-representative",
    "customer-success-manager",
    "accountant",
    "operations-manager",
    "ux-designer",
    "primary-school-teacher",
    "secondary-school-teacher",
)

# Tools postings treat as alternatives: a role that asks for one of them asks for it in an `any_of` with at
# least one other, so a person who knows its equal is not told they have a gap.
INTERCHANGEABLE = (
    {"AWS", "Microsoft Azure", "Google Cloud"},
    {"Tableau", "Power BI", "Looker", "Qlik"},
    {"Articulate Storyline", "Adobe Captivate"},
    {"Figma", "Sketch", "Adobe XD"},
    {"Microsoft Office", "Google Workspace"},
    {"QuickBooks", "Xero", "Sage accounting"},
)


@cache
def bundled() -> tuple[Role, ...]:
    return tuple(load_role(p) for p in expand_paths([bundled_roles_dir()]))


def by_id(role_id: str) -> Role:
    return next(r for r in bundled() if r.id == role_id)


def test_at_least_fifty_roles_over_at_least_twelve_fields() -> None:
    roles = bundled()
    fields = Counter(r.field for r in roles)
    assert len(roles) >= 50
    assert None not in fields, [r.id for r in roles if r.field is None]
    assert len(fields) >= 12, sorted(fields)
    lonely = sorted(f for f, n in fields.items() if n < 2)  # most often a misspelt field
    assert not lonely, f"fields with a single role: {lonely}"


def test_the_roles_the_issue_names_are_bundled() -> None:
    ids = {r.id for r in bundled()}
    assert set(NAMED) <= ids, sorted(set(NAMED) - ids)


@pytest.mark.parametrize("role", bundled(), ids=lambda r: r.id)
def test_every_role_says_where_it_comes_from(role: Role) -> None:
    source = role.source or ""
    assert role.description and source, role.id
    if role.source_id is None:
        assert "job postings" in source, f"{role.id}: a source without an occupation code is job postings"
    elif ONET_SOC.fullmatch(role.source_id):
        assert f"O*NET-SOC {role.source_id}" in source
    elif SOC.fullmatch(role.source_id):
        assert f"SOC {role.source_id}" in source
    else:
        assert ESCO.fullmatch(role.source_id), f"{role.id}: {role.source_id!r}: not O*NET, SOC, ESCO"
        assert role.source_id in source


@pytest.mark.parametrize("role", bundled(), ids=lambda r: r.id)
def test_every_role_asks_for_something_and_says_what_matters(role: Role) -> None:
    assert any(q.importance is Importance.ESSENTIAL for q in role.requirements), role.id
    for q in role.requirements:
        assert q.level >= 1, f"{role.id}: {q.skill!r} at level 0 asks for nothing"
        if q.importance is Importance.ESSENTIAL:
            assert q.level >= 2, f"{role.id}: an essential {q.skill!r} below advanced beginner"


@pytest.mark.parametrize("role", bundled(), ids=lambda r: r.id)
def test_interchangeable_tools_are_asked_for_as_a_choice(role: Role) -> None:
    for group in INTERCHANGEABLE:
        for q in role.requirements:
            named = set(q.names) & group
            if named:
                assert len(set(q.any_of) & group) >= 2, (
                    f"{role.id}: {sorted(named)} alone; postings accept {sorted(group - named)} as well"
                )


def test_the_audit_findings_on_the_roles_are_fixed() -> None:
    trainer = by_id("corporate-trainer")
    essential = {q.skill for q in trainer.requirements if q.importance is Importance.ESSENTIAL}
    assert "learning content development" in essential
    assert "learning technology" in {q.skill for q in by_id("instructional-designer").requirements}
    cloud = [q for q in by_id("cloud-administrator").requirements if "Microsoft Azure" in q.names]
    assert [set(q.any_of) for q in cloud] == [{"Microsoft Azure", "AWS", "Google Cloud"}]
    analyst = {name: q for q in by_id("data-analyst").requirements for name in q.names}
    assert analyst["Power BI"] is analyst["Tableau"]  # one choice of BI tool, not Tableau first
    assert analyst["Python"] is analyst["R"] and analyst["Python"].importance is not Importance.NICE_TO_HAVE


def test_roles_json_carries_field_source_and_each_choice() -> None:
    result = invoke("roles", "--format", "json")
    assert result.code == 0, result.err
    roles = {r["id"]: r for r in result.json()}
    assert len(roles) == len(bundled())
    cloud = roles["cloud-administrator"]
    assert cloud["field"] == "IT and cloud" and cloud["source_id"] is None
    assert "job postings" in cloud["source"]
    assert roles["registered-nurse"]["source_id"] == "29-1141.00"
    choices = [q for q in cloud["requirements"] if "any_of" in q]  # a plain requirement has no any_of key
    assert [q["any_of"] for q in choices] == [
        ["Microsoft Azure", "AWS", "Google Cloud"],
        ["PowerShell", "Bash", "Python scripting"],
    ]
    assert choices[0]["skill"] == "Microsoft Azure, AWS or Google Cloud"


def test_the_roles_table_lists_them_by_field(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    result = invoke("roles")
    assert result.code == 0, result.err
    out = result.out
    expected = sorted(bundled(), key=lambda r: (r.field.casefold() if r.field else "", r.id))
    places = [out.index(f" {r.id} ") for r in expected]
    assert places == sorted(places), "rows not grouped by field, then id"
    lines = out.splitlines()
    for r in expected:
        row = next(i for i, line in enumerate(lines) if f" {r.id} " in line)
        assert r.field and r.field in lines[row + 1], f"{r.id}: its field is not under its title"


def test_a_role_file_may_name_its_field(tmp_path: Path) -> None:
    path = tmp_path / "pharmacist.yaml"
    path.write_text(
        "title: Pharmacist\nfield: health care\nrequirements: {pharmacy practice: 4}\n", encoding="utf-8"
    )
    assert load_role(path).field == "health care"
    assert invoke("validate", path).code == 0
    path.write_text("title: Pharmacist\nrequirements: {pharmacy practice: 4}\n", encoding="utf-8")
    assert load_role(path).field is None


def test_the_readme_counts_the_bundled_roles_truly() -> None:
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    fields = Counter(r.field for r in bundled())
    assert f"`catalogs/roles/`: {len(bundled())} target roles in {len(fields)} fields" in readme
    for field, count in fields.items():
        assert f"{field} ({count})" in readme, f"README: {field} ({count})"


def test_a_backend_developer_is_closest_to_software_engineer(tmp_path: Path) -> None:
    """Issue 17 found `compare --all` ranking Data Analyst first for a senior backend developer, for want of
    a software role; with the roles of more fields bundled, the developer's own job comes first."""
    profile = tmp_path / "alex.yaml"
    profile.write_text(
        "name: Alex\nskills: {Java: 4, Spring Boot: 4, REST APIs: 4, Git: 4, debugging: 4, SQL: 3,"
        " unit testing: 3, Docker: 3}\n",
        encoding="utf-8",
    )
    result = invoke("compare", profile, "--all", "--format", "json")
    assert result.code == 0, result.err
    assert result.json()[0]["target_id"] == "software-engineer"
