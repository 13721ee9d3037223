"""A team's own data beside the bundled data: --extra-catalog and --extra-taxonomy add to it (as
--extra-index-url adds to pip's index) where --catalog and --taxonomy replace it; --roles adds a folder of
role files to the bundled roles, and --target takes a role's id or title."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import EXAMPLES, invoke

TEAM = EXAMPLES / "catalogs" / "team.yaml"
DANA = EXAMPLES / "profiles" / "trainer-to-elearning.yaml"
ROLE = """\
title: Learning Operations Lead
requirements:
  - {skill: learning management systems, level: 3, importance: essential}
  - {skill: needs assessment, level: 3, importance: important}
"""


def recommended(*args: str | Path) -> set[str]:
    """What analyze recommends to Sofia (online or hybrid) for the e-learning developer role."""
    who = EXAMPLES / "profiles" / "hr-generalist.yaml"
    result = invoke("analyze", who, "--target", "elearning-developer", "--top", "10", "-f", "json", *args)
    assert result.code == 0, result.err
    return {r["id"] for r in result.json()["recommendations"]}


def test_an_extra_catalog_adds_to_the_bundled_one_and_catalog_replaces_it() -> None:
    assert "acme-storyline-clinic" not in recommended()
    added = recommended("--extra-catalog", TEAM)
    assert "acme-storyline-clinic" in added  # the team's free, hybrid clinic
    assert any(i.startswith("articulate-") for i in added)  # and the bundled credentials are still there
    ids = {c["id"] for c in invoke("catalog", "list", "--extra-catalog", TEAM, "-f", "json").json()}
    assert {"acme-storyline-clinic", "pmi-pmp"} <= ids
    replaced = {c["id"] for c in invoke("catalog", "list", "--catalog", TEAM, "-f", "json").json()}
    assert "pmi-pmp" not in replaced and "acme-storyline-clinic" in replaced


def test_an_extra_taxonomy_adds_an_alias_to_a_bundled_skill(write: Any) -> None:
    extra = write("ours.yaml", "skills:\n  - name: project management\n    aliases: [wrangling projects]\n")
    before = invoke("match", "wrangling projects", "-f", "json").json()[0]
    after = invoke("match", "wrangling projects", "--extra-taxonomy", extra, "-f", "json").json()[0]
    assert before["skill"] is None and after["skill"] == "project management"
    # --taxonomy replaces: with only this file, a bundled skill's alias is gone
    alone = invoke("match", "k8s", "--taxonomy", extra, "-f", "json").json()[0]
    assert alone["skill"] is None


def test_the_alias_advice_names_extra_taxonomy_and_following_it_works(write: Any) -> None:
    """The advice the tool prints for a name it cannot resolve, followed to the letter."""
    who = write("p.yaml", "name: Pat\nskills:\n  - {name: wrangling projects, level: 3}\n")
    table = " ".join(invoke("analyze", who, "--target", "project-manager").out.split())
    assert "wrangling projects not resolved" in table
    assert "add it as an alias in a taxonomy file of your own (skills: [{name: SKILL, aliases:" in table
    assert "pass it with --extra-taxonomy FILE" in table
    ours = write("ours.yaml", "skills: [{name: project management, aliases: [wrangling projects]}]\n")
    args = ("--target", "project-manager", "--extra-taxonomy", ours, "-f", "json")
    data = invoke("analyze", who, *args).json()
    assert data["matching"]["unresolved"] == []
    pm = next(g for g in data["gaps"] + data["met"] if g["skill"] == "project management")
    assert pm["current"] == 3


@pytest.fixture
def ours(write: Any) -> Path:
    write("roles/learning-ops-lead.yaml", ROLE)
    write("roles/project-manager.yaml", "title: Project Manager (our version)\nrequirements: {Scrum: 3}\n")
    return Path(write("roles/.keep", "").parent)


def test_roles_lists_a_teams_roles_beside_the_bundled_ones(ours: Path) -> None:
    listed = {r["id"]: r for r in invoke("roles", "--roles", ours, "-f", "json").json()}
    assert listed["learning-ops-lead"]["bundled"] is False and listed["data-analyst"]["bundled"] is True
    assert listed["project-manager"]["title"] == "Project Manager (our version)"  # ours hides the bundled
    table = " ".join(invoke("roles", "--roles", ours).out.split())
    assert "learning-ops-lead (yours)" in table


def test_target_takes_an_added_roles_id_or_any_roles_title(ours: Path) -> None:
    by_id = invoke("analyze", DANA, "--target", "learning-ops-lead", "--roles", ours, "-f", "json")
    assert by_id.code == 0 and by_id.json()["target"] == "Learning Operations Lead", by_id.err
    by_title = invoke("plan", DANA, "--target", "learning operations lead", "--roles", ours, "-f", "json")
    assert by_title.code == 0 and by_title.json()["target_id"] == "learning-ops-lead", by_title.err
    bundled = invoke("analyze", DANA, "--target", "Instructional Designer", "-f", "json")
    assert bundled.code == 0 and bundled.json()["target_id"] == "instructional-designer"
    unknown = invoke("analyze", DANA, "--target", "learning-ops-lead")
    assert unknown.code == 2 and "no bundled role has this id or title" in unknown.err


def test_compare_all_takes_the_added_roles_too(ours: Path) -> None:
    data = invoke("compare", DANA, "--all", "--roles", ours, "-f", "json").json()
    ids = {f["target_id"] for f in data}
    assert "learning-ops-lead" in ids and "data-analyst" in ids


def test_cohort_and_report_take_a_role_from_a_teams_folder(ours: Path) -> None:
    for command in ("cohort", "report"):
        result = invoke(command, EXAMPLES / "profiles", "--target", "learning-ops-lead", "--roles", ours)
        assert result.code == 0 and "Learning Operations Lead" in result.out, result.err


def test_a_roles_option_that_is_not_a_folder_is_refused(write: Any) -> None:
    result = invoke("roles", "--roles", write("one.yaml", ROLE))
    assert result.code == 2 and "--roles takes a folder of role files" in result.err


def test_two_roles_with_one_title_are_refused_with_their_ids(write: Any, ours: Path) -> None:
    write("roles/other-lead.yaml", ROLE)
    result = invoke("analyze", DANA, "--target", "Learning Operations Lead", "--roles", ours)
    assert result.code == 2 and "2 roles have this title: learning-ops-lead, other-lead" in result.err


def test_import_posting_reads_a_teams_own_skills_with_extra_taxonomy(write: Any) -> None:
    """A team's skill, added with --extra-taxonomy, is found in a posting as the bundled ones are."""
    extra = write("ours.yaml", "skills:\n  - name: quarkwelding\n    aliases: [quark welding]\n")
    ad = write("ad.txt", "Welder\n\nRequirements:\n- Quark welding\n- Project management\n")
    before = invoke("import", "posting", ad, "-f", "json")
    assert before.code == 0, before.err
    assert "quarkwelding" not in {r.get("skill") for r in before.json()["requirements"]}
    after = invoke("import", "posting", ad, "--extra-taxonomy", extra, "-f", "json")
    assert after.code == 0, after.err
    skills = {r.get("skill") for r in after.json()["requirements"]}
    assert {"quarkwelding", "project management"} <= skills
