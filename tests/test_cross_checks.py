"""Checks across files, found in one run (issue 14, item 15): a profile's badge files, every reference of a
catalog with a duplicate id, a file that fails beside one that refers to it, and an Open Badge given where
a profile, role or catalog belongs."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, invoke

LOCATED = re.compile(r"^(?:error: )?(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")
BADGES = EXAMPLES / "badges"
AWARD = BADGES / "learning-design-fundamentals.json"  # an OpenBadgeCredential: awarded to someone
BADGE_CLASS = BADGES / "vilt-facilitator-badgeclass.json"  # a BadgeClass: what a badge is
PROFILE = EXAMPLES / "profiles" / "career-changer.yaml"
SKILL = "skills: [{name: SQL, level: 2}]"


def located(err: str) -> list[tuple[str, int, str]]:
    found = [LOCATED.match(line) for line in err.splitlines()]
    return [(m["file"], int(m["line"]), m["message"]) for m in found if m]


# --- badge files a profile lists ----------------------------------------------------------------------


def test_validate_checks_the_badge_files_a_profile_lists_as_analyze_does(write) -> None:  # type: ignore[no-untyped-def]
    good = write("badges/award.json", AWARD.read_text(encoding="utf-8"))
    write("badges/class.json", BADGE_CLASS.read_text(encoding="utf-8"))
    profile = write(
        "p.yaml",
        "name: Ann\nskills: {SQL: 2}\ncredentials:\n"
        "  - {badge: badges/award.json}\n"
        "  - {badge: badges/nowhere.json}\n"
        "  - {badge: badges/class.json}\n",
    )
    result = invoke("validate", profile)
    assert result.code == 2
    found = located(result.err)
    assert [(file, line) for file, line, _ in found] == [(str(profile), 5), (str(profile), 6)]
    assert "badge file" in found[0][2] and "nowhere.json not found" in found[0][2]
    assert "holds no awarded badge" in found[1][2]
    analyzed = invoke("analyze", profile, "--target", "data-analyst")
    assert analyzed.code == 2
    assert [(f, n) for f, n, _ in located(analyzed.err)] == [(str(profile), 5), (str(profile), 6)]
    assert good.is_file()


def test_a_profile_whose_badges_all_load_is_valid(write) -> None:  # type: ignore[no-untyped-def]
    write("badges/award.json", AWARD.read_text(encoding="utf-8"))
    profile = write("p.yaml", "name: Ann\nskills: {SQL: 2}\ncredentials:\n  - {badge: badges/award.json}\n")
    result = invoke("validate", profile)
    assert result.code == 0, result.err


# --- duplicate ids do not hide the rest ---------------------------------------------------------------


DUPLICATES = (
    "credentials:\n"
    f"  - {{id: a, title: A, provider: P, {SKILL}}}\n"
    f"  - {{id: a, title: A2, provider: P, {SKILL}, prerequisites: [nope], stacks_into: [nopath]}}\n"
    f"  - {{id: b, title: B, provider: P, {SKILL}}}\n"
    "pathways:\n"
    "  - {id: p, title: P, credentials: [a]}\n"
    "  - {id: p, title: P2, credentials: [zz]}\n"
)


@pytest.mark.parametrize("command", ["validate", "analyze"])
def test_a_duplicate_id_does_not_hide_the_other_reference_problems(write, command: str) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", DUPLICATES)
    analyze = ("analyze", PROFILE, "-r", "data-analyst", "-c", path)
    result = invoke(*(("validate", path) if command == "validate" else analyze))
    assert result.code == 2
    found = sorted((line, message) for _, line, message in located(result.err))
    assert found == [
        (3, "a.prerequisites: prerequisite 'nope' is not a credential id"),
        (3, "a.stacks_into: stacks_into 'nopath' is not a pathway id"),
        (3, f"id: duplicate credential id 'a' (first defined at {path}:2:5)"),
        (7, f"id: duplicate pathway id 'p' (first defined at {path}:6:5)"),
        (7, "p.credentials: pathway credential 'zz' is not a credential id"),
    ]


def test_a_catalog_that_fails_does_not_make_references_to_it_dangle_and_all_are_located(write) -> None:  # type: ignore[no-untyped-def]
    broken = write("a.yaml", f"credentials:\n  - {{id: x, title: X, provider: P, {SKILL}, hours: -1}}\n")
    refers = write(
        "b.yaml", f"credentials:\n  - {{id: y, title: Y, provider: P, {SKILL}, prerequisites: [x, nope]}}\n"
    )
    result = invoke("analyze", PROFILE, "-r", "data-analyst", "-c", broken, "-c", refers)
    assert result.code == 2
    lines = result.err.splitlines()
    assert all(LOCATED.match(line) for line in lines[:-1]), result.err
    found = [(file, line, message.split(": ", 1)[0]) for file, line, message in located(result.err)]
    assert found == [(str(broken), 2, "credentials[0].hours"), (str(refers), 2, "y.prerequisites")]
    assert "'nope'" in result.err and "'x' is not" not in result.err


# --- an Open Badge where another kind of file belongs -------------------------------------------------


@pytest.mark.parametrize(
    ("role_of_file", "expected"),
    [("catalog", "a catalog file"), ("profile", "a profile file"), ("target", "a role file")],
)
@pytest.mark.parametrize("badge", [AWARD, BADGE_CLASS], ids=["award", "badge-class"])
def test_an_open_badge_given_as_another_kind_of_file_is_named_with_what_to_do(
    tmp_path: Path, role_of_file: str, expected: str, badge: Path
) -> None:
    path = tmp_path / badge.name
    shutil.copy(badge, path)
    args = {
        "catalog": ("analyze", PROFILE, "-r", "data-analyst", "-c", path),
        "profile": ("analyze", path, "-r", "data-analyst"),
        "target": ("analyze", PROFILE, "-r", path),
    }[role_of_file]
    result = invoke(*args)
    assert result.code == 2
    (line,) = result.err.splitlines()  # nothing else: the other keys are not the problem
    kind = "OpenBadgeCredential (a badge awarded" if badge is AWARD else "BadgeClass (the description"
    assert line.startswith(f"error: {path}:1:1: this is an Open Badges {kind}") and f"not {expected}" in line
    assert "role file" not in line.replace(f"not {expected}", "") and "looks like" not in line
    assert f"skillgap import openbadges {path}" in line
    if badge is AWARD:
        assert "under credentials as `- {badge: PATH}`" in line


@pytest.mark.parametrize("badge", [AWARD, BADGE_CLASS], ids=["award", "badge-class"])
def test_validate_names_an_open_badge(badge: Path) -> None:
    result = invoke("validate", "--format", "json", badge)
    assert result.code == 2
    (problem,) = result.json()["files"][0]["problems"]
    assert problem["message"].startswith("this is an Open Badges ")
    assert "not a profile, role, catalog or taxonomy" in problem["message"]
    assert "skillgap import openbadges" in problem["hint"]
