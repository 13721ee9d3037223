"""`skillgap analyze` with badge files and stale skills: evidenced, claimed and stale apart, every format."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Result, invoke

CORE = Path(__file__).parent / "data" / "core"
BADGES = Path(__file__).parent / "data" / "openbadges"
EXCEL_CATALOG = """\
credentials:
  - {id: excel-cert, title: Excel Certified, provider: Sheets Inc, skills: [{name: Excel, level: 3}],
     cost: 80, hours: 10, assessment: exam}
  - {id: excel-expert, title: Excel Expert, provider: Sheets Inc, skills: [{name: Excel, level: 5}],
     cost: 300, hours: 40, assessment: exam}
"""


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    """One badge file (beside the profile, named by a relative path), signed here by its issuer's new
    did:key so that it verifies, and one stale skill."""
    pytest.importorskip("cryptography")
    pytest.importorskip("pyld")
    from tests.badges import sign_example

    (tmp_path / "badges").mkdir()
    shutil.copy(BADGES / "ob3-credential-full.json", tmp_path / "badges" / "sql.json")
    sign_example(tmp_path / "badges" / "sql.json")
    recent = date.today().replace(day=1).isoformat()[:7]
    path = tmp_path / "me.yaml"
    path.write_text(
        "name: Test Person\n"
        "skills:\n"
        "  - {name: sql, level: 1}\n"
        f"  - {{name: excel, level: 4, last_used: {recent}}}\n"
        "  - {name: Statistics, level: 2, last_used: 2012-03}\n"
        "credentials:\n"
        "  - {badge: badges/sql.json}\n",
        encoding="utf-8",
    )
    (tmp_path / "excel.yaml").write_text(EXCEL_CATALOG, encoding="utf-8")
    return path


def analyze(profile: Path, *extra: str | Path) -> Result:
    catalogs = ("--catalog", CORE / "catalog.yaml", "--catalog", profile.parent / "excel.yaml")
    result = invoke(
        "analyze",
        profile,
        "--target",
        CORE / "role.yaml",
        *catalogs,
        "--taxonomy",
        CORE / "skills.yaml",
        *extra,
    )
    assert result.code == 0, result.err
    return result


def test_json_marks_each_requirement_evidenced_claimed_or_stale(profile: Path) -> None:
    data = analyze(profile, "--format", "json").json()
    rows = {g["skill"]: g for g in data["gaps"] + data["met"]}
    sql, excel, stats = rows["SQL"], rows["Excel"], rows["statistics"]
    assert (sql["basis"], sql["current"], sql["evidenced_by"]) == (
        "evidenced",
        5,
        ["Data Analysis with SQL (badge)"],
    )
    assert (excel["basis"], excel["claimed"], excel["evidenced"], excel["stale"]) == ("claimed", 4, 0, False)
    assert (stats["stale"], stats["claimed"], stats["current"], stats["last_used"]) == (
        True,
        2,
        1,
        "2012-03",  # as the profile wrote it: a month
    )
    assert stats in data["gaps"]  # stale, statistics 2 counts as 1: a gap of 1
    assert data["stale_after_years"] == 3.0 and "badge_signatures_checked" not in data
    (badge,) = data["badges"]
    assert (badge["title"], badge["issuer"], badge["issued"], badge["counted"], badge["counts_as"]) == (
        "Data Analysis with SQL",
        "Example University",
        "2025-06-14",
        True,
        "evidence",
    )
    assert badge["verification"]["verdict"] == "verified"
    assert [c["check"] for c in badge["verification"]["checks"]][:3] == [
        "structure",
        "proof",
        "key controller",
    ]


def test_a_badge_changed_after_signing_is_never_evidence(profile: Path) -> None:
    badge = profile.parent / "badges" / "sql.json"
    text = badge.read_text(encoding="utf-8")
    changed = text.replace("Data Analysis with SQL", "Data Analysis with SQL and Spark", 1)
    assert changed != text
    badge.write_text(changed, encoding="utf-8")
    data = analyze(profile, "--format", "json").json()
    rows = {g["skill"]: g for g in data["gaps"] + data["met"]}
    assert (rows["SQL"]["basis"], rows["SQL"]["current"], rows["SQL"]["evidenced_by"]) == ("claimed", 1, [])
    (said,) = data["badges"]
    assert said["counts_as"] == "nothing" and said["verification"]["verdict"] == "invalid"
    assert said["verification"]["reason"].startswith("proof: ")
    table = analyze(profile).out
    assert "counts for nothing" in " ".join(table.split())


def test_an_essential_claimed_skill_gets_the_cheapest_credential_that_proves_it(profile: Path) -> None:
    data = analyze(profile, "--format", "json").json()
    (excel,) = [s for s in data["evidence_suggestions"] if s["skill"] == "Excel"]
    assert (excel["importance"], excel["required"], excel["claimed"]) == ("essential", 3, 4)
    assert excel["credential"]["id"] == "excel-cert" and excel["teaches"] == 3  # cheaper than Excel Expert


def test_the_table_shows_the_three_apart_and_says_how_badges_count(profile: Path) -> None:
    out = analyze(profile).out
    evidence = out.split("Evidence", 1)[1]
    assert "evidenced by Data Analysis with SQL (badge)" in evidence
    assert "stale: last used 2012-03, claimed 2 counts as 1" in evidence
    assert "claimed" in evidence.split("Excel", 1)[1].split("\n", 1)[0]
    assert "Evidence your claims" in out and "Excel Certified" in out.split("Evidence your claims", 1)[1]
    assert "verified offline: counts as evidence" in " ".join(out.split())
    assert "Badges are verified offline" in " ".join(out.split())


def test_markdown_has_evidence_suggestions_and_the_badge_note(profile: Path) -> None:
    out = analyze(profile, "--format", "markdown").out
    assert "## Evidence\n" in out and "| Excel | 4/3 | claimed |  |" in out
    assert "| statistics | 1/2 | claimed | stale: last used 2012-03, claimed 2 counts as 1 |" in out
    assert "## Evidence your claims" in out and "Excel Certified (Sheets Inc" in out
    assert "## Badges" in out and "verified offline: counts as evidence" in out


def test_stale_after_sets_or_turns_off_the_threshold(profile: Path) -> None:
    rows = {g["skill"]: g for g in analyze(profile, "--format", "json", "--stale-after", "0").json()["met"]}
    assert rows["statistics"]["current"] == 2 and not rows["statistics"]["stale"]
    data = analyze(profile, "--format", "json", "--stale-after", "30").json()
    assert data["stale_after_years"] == 30.0 and "statistics" in {g["skill"] for g in data["met"]}


def test_a_missing_badge_file_is_an_error_at_the_profile_line(write: Any) -> None:
    bad = write("p.yaml", "name: A\nskills: {SQL: 2}\ncredentials:\n  - {badge: nowhere.json}\n")
    result = invoke("analyze", bad, "--target", CORE / "role.yaml")
    assert result.code == 2
    assert (
        f"{bad}:4:5: credentials[0].badge: badge file" in result.err
        and "relative to the profile" in result.err
    )


def test_a_badge_class_is_not_an_earned_badge(write: Any, tmp_path: Path) -> None:
    shutil.copy(BADGES / "ob2-badgeclass.json", tmp_path / "class.json")
    bad = write("p.yaml", "name: A\nskills: {SQL: 2}\ncredentials:\n  - {badge: class.json}\n")
    result = invoke("analyze", bad, "--target", CORE / "role.yaml")
    assert result.code == 2 and "holds no awarded badge" in result.err


def test_broken_badge_json_is_reported_in_the_badge_file(write: Any) -> None:
    write("broken.json", '{"type": "Assertion",\n  "badge": }\n')
    bad = write("p.yaml", "name: A\nskills: {SQL: 2}\ncredentials:\n  - {badge: broken.json}\n")
    result = invoke("analyze", bad, "--target", CORE / "role.yaml")
    assert result.code == 2 and "broken.json:2:12: not valid JSON" in result.err


@pytest.mark.parametrize("command", ["plan", "compare", "report"])
def test_a_badge_that_is_not_evidence_is_said_on_stderr_by_every_command(profile: Path, command: str) -> None:
    badge = profile.parent / "badges" / "sql.json"
    catalogs = ("--catalog", CORE / "catalog.yaml", "--taxonomy", CORE / "skills.yaml")
    args = (command, profile, "--target", CORE / "role.yaml", *catalogs)
    verified = invoke(*args)
    assert verified.code == 0 and "badge" not in verified.err  # verified: evidence, nothing to say
    badge.write_text(badge.read_text(encoding="utf-8").replace("Example University", "Famous University"))
    result = invoke(*args)
    assert result.code == 0, result.err
    assert f"note: {badge}: badge invalid (proof: the signature does not match" in result.err
    assert "counts for nothing" in result.err
