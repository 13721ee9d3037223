"""`skillgap showcase`: résumé lines from held credentials and earned badges."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.badges import sign_example
from tests.conftest import Result, invoke

CORE = Path(__file__).parent / "data" / "core"
BADGES = Path(__file__).parent / "data" / "openbadges"


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    """A profile with catalog credentials, a signed Open Badges 3.0 badge (it verifies) and a hosted 2.0
    assertion (it cannot be verified offline)."""
    pytest.importorskip("cryptography")
    pytest.importorskip("pyld")
    shutil.copy(BADGES / "ob3-credential-full.json", tmp_path / "sql.json")
    sign_example(tmp_path / "sql.json")
    shutil.copy(BADGES / "ob2-assertion.json", tmp_path / "robots.json")
    path = tmp_path / "me.yaml"
    path.write_text(
        "name: Test Person\n"
        "skills: {SQL: 3}\n"
        "credentials:\n"
        "  - {id: sql-basics, earned: 2024-03}\n"  # assessed by exam: a certification
        "  - {id: python-intro, earned: 2023-09}\n"  # completion only: continuing education
        "  - {title: First Aid at Work, earned: 2022-06}\n"  # not in the catalog
        "  - {badge: sql.json}\n"
        "  - {badge: robots.json}\n",
        encoding="utf-8",
    )
    return path


def titled(out: str) -> dict[str, str]:
    """Each Markdown line by its title (the link around a title taken off)."""
    return {
        line.split("**")[1].split("](")[0].lstrip("["): line for line in out.splitlines() if line[:2] == "- "
    }


def showcase(profile: Path, *extra: str | Path) -> Result:
    result = invoke("showcase", profile, "--catalog", CORE / "catalog.yaml", *extra)
    assert result.code == 0, result.err
    return result


def test_markdown_sections_are_certifications_then_continuing_education_newest_first(profile: Path) -> None:
    out = showcase(profile).out
    certifications, continuing = out.split("## Continuing education")
    assert certifications.startswith("## Certifications\n")
    assert list(titled(certifications)) == [
        "Data Analysis with SQL",  # Jun 2025 (badge)
        "SQL Basics",  # Mar 2024
        "First Aid at Work",  # Jun 2022
        "Awesome Robotics Badge",  # Dec 2016 (badge)
    ]
    assert "Python Introduction" in continuing and "How assessed: none (completion only)" in continuing


def test_each_line_says_issuer_date_what_it_proves_and_how_it_was_assessed(profile: Path) -> None:
    lines = titled(showcase(profile).out)
    sql = lines["Data Analysis with SQL"]
    assert ", Example University, Jun 2025." in sql
    assert "Proves SQL, data visualisation, data analysis." in sql  # levels not all stated: names only
    assert "How assessed: Pass a proctored exam and submit a graded analysis project." in sql
    assert "Evidence: Analysed a year of sales data" in sql
    basics = lines["SQL Basics"]
    assert ", Acme, Mar 2024. Proves SQL (competent). How assessed: exam." in basics
    robots = lines["Awesome Robotics Badge"]
    assert "(https://example.org/beths-robotics-badge.json)" in robots  # the hosted assertion, to verify it


def test_text_format_for_pasting_into_a_profile(profile: Path) -> None:
    out = showcase(profile, "--format", "text").out
    assert out.startswith("Certifications\n  Data Analysis with SQL \u2014 Example University, Jun 2025\n")
    assert "    Proves: SQL (competent)\n    How assessed: exam\n" in out
    assert "\nContinuing education\n  Python Introduction \u2014 MOOCo, Sep 2023\n" in out
    assert "**" not in out and "](" not in out


def test_a_badge_not_verified_is_cited_with_a_note_on_stderr_not_in_the_lines(profile: Path) -> None:
    result = showcase(profile)
    assert "robots.json could not be verified offline (proof: needs the hosted assertion" in result.err
    assert "sql.json" not in result.err  # verified: nothing to say
    assert "Awesome Robotics Badge" in result.out and "verif" not in result.out


def test_a_badge_changed_after_signing_is_left_out(profile: Path) -> None:
    sql = profile.parent / "sql.json"
    sql.write_text(sql.read_text(encoding="utf-8").replace("Example University", "Famous University"))
    result = showcase(profile)
    assert "Data Analysis with SQL" not in result.out
    assert (
        "sql.json is invalid (proof: the signature does not match" in result.err and "left out" in result.err
    )


def test_revoked_badges_are_left_out_and_expired_ones_say_so(profile: Path) -> None:
    data = json.loads((profile.parent / "robots.json").read_text(encoding="utf-8"))
    (profile.parent / "robots.json").write_text(json.dumps({**data, "revoked": True}), encoding="utf-8")
    data = json.loads((profile.parent / "sql.json").read_text(encoding="utf-8"))
    (profile.parent / "sql.json").write_text(json.dumps({**data, "validUntil": "2026-01-01T00:00:00Z"}))
    sign_example(profile.parent / "sql.json")  # expired, and its proof holds: still cited, as expired
    result = showcase(profile)
    assert "Awesome Robotics Badge" not in result.out and "robots.json is marked revoked" in result.err
    assert "Data Analysis with SQL" in result.out and "expired Jan 2026" in result.out


def test_text_from_files_cannot_drive_the_terminal(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    title = '"Evil \\e[31mRed [bold]x[/bold]"'
    catalog = write(
        "c.yaml",
        f"credentials:\n  - {{id: x, title: {title}, provider: P, skills: [{{name: S, level: 2}}]}}\n",
    )
    person = write("p.yaml", "name: A\ncredentials: [x]\n")
    out = invoke("showcase", person, "--catalog", catalog, "--format", "text").out
    assert "\x1b" not in out and "Evil Red [bold]x[/bold]" in out


def test_output_file_and_formats(profile: Path, tmp_path: Path) -> None:
    target = tmp_path / "cv.md"
    assert showcase(profile, "-o", target).out == ""
    assert target.read_text(encoding="utf-8").startswith("## Certifications")
    refused = invoke("showcase", profile, "--catalog", CORE / "catalog.yaml", "-o", target)
    assert refused.code == 2 and "--force" in refused.err
    result = invoke("showcase", profile, "--format", "json")
    assert result.code == 2 and "'json' is not one of 'markdown', 'text'" in result.err
