"""`skillgap import openbadges`: Open Badges 2.0 and 3.0 JSON into a catalog that loads and matches."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from skillgap.load import load_catalogs
from skillgap.model import Credential
from tests.conftest import invoke

DATA = Path(__file__).parent / "data" / "openbadges"


def imported(tmp_path: Path, *files: str | Path, name: str = "catalog.yaml") -> dict[str, Credential]:
    """Import, check the command succeeded, and read the result back with the catalog loader."""
    out = tmp_path / name
    paths = [DATA / f if isinstance(f, str) else f for f in files]
    result = invoke("import", "openbadges", *paths, "-o", out)
    assert result.code == 0, result.err
    return {c.title: c for c in load_catalogs([out]).credentials}


def skills(credential: Credential) -> dict[str, tuple[int, str | None]]:
    return {s.name: (s.level, s.id) for s in credential.skills}


def test_the_ob2_specification_badgeclass_imports_with_alignments_and_tags_as_skills(tmp_path: Path) -> None:
    # Modelled on the BadgeClass example published with Open Badges 2.0, line break inside a string included.
    (robotics,) = imported(tmp_path, "ob2-badgeclass.json").values()
    assert robotics.title == "Awesome Robotics Badge"
    assert robotics.provider == "https://example.org/organization.json"  # only a URL: kept, not fetched
    assert skills(robotics) == {
        "CCSS.ELA-Literacy.RST.11-12.3": (3, "http://www.corestandards.org/ELA-Literacy/RST/11-12/3"),
        "Problem-Solving": (3, "https://learning.mozilla.org/en-US/web-literacy/skills#problem-solving"),
        "robots": (3, None),
        "awesome": (3, None),
    }
    assert robotics.is_estimated("levels")  # the badge states no level: the default is marked
    assert robotics.source_id == "https://example.org/robotics-badge.json"
    assert robotics.url == "https://example.org/robotics-badge.html"
    assert robotics.type == "badge"


def test_an_ob3_achievement_keeps_type_credits_creator_and_a_rubric_level(tmp_path: Path) -> None:
    (sql,) = imported(tmp_path, "ob3-achievement.json").values()
    assert (sql.type, sql.credits, sql.provider) == ("Certificate", 3.0, "Example University")
    assert skills(sql) == {
        "SQL": (4, "http://data.europa.eu/esco/skill/test-0001-sql"),  # required rubric level "Proficient"
        "data visualisation": (3, "DV-2"),  # targetCode when there is no targetUrl
        "data analysis": (3, None),  # from `tag`
    }
    assert sql.source_id == "https://example.edu/achievements/sql-analysis"


def test_an_award_offers_its_achievement_at_the_required_level_not_the_earners(tmp_path: Path) -> None:
    (sql,) = imported(tmp_path, "ob3-credential-full.json").values()
    assert skills(sql)["SQL"][0] == 4  # the earner achieved "Exemplary" (5); the catalog keeps what it asks


def test_the_ob3_specification_basic_credential_proves_what_it_is_named_for(tmp_path: Path) -> None:
    (teamwork,) = imported(tmp_path, "ob3-credential-basic.json").values()  # tab-indented, no alignment
    assert (teamwork.title, teamwork.provider) == ("Teamwork", "Example Corp")
    assert skills(teamwork) == {"Teamwork": (3, None)}


def test_one_badge_in_two_files_is_one_credential_with_every_skill(tmp_path: Path) -> None:
    (robotics,) = imported(tmp_path, "ob2-assertion.json", "ob2-badgeclass.json").values()
    assert set(skills(robotics)) == {"Problem-Solving", "CCSS.ELA-Literacy.RST.11-12.3", "robots", "awesome"}
    assert robotics.provider == "An Example Badge Issuer"  # the embedded issuer's name beats a bare URL


def test_a_folder_is_read_whole_and_ids_are_unique(tmp_path: Path) -> None:
    out = tmp_path / "catalog.yaml"
    result = invoke("import", "openbadges", DATA, "-o", out)
    assert result.code == 0, result.err
    catalog = load_catalogs([out])
    ids = sorted(c.id for c in catalog.credentials)
    assert ids == ["awesome-robotics-badge", "data-analysis-with-sql", "teamwork"]
    assert "only a URL" in result.err and "not fetched" in result.err  # the URL-only assertion is a note
    header = out.read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# ") and "Nothing was fetched" in out.read_text(encoding="utf-8")


def test_json_ld_one_or_many_values_are_both_accepted(write: Any, tmp_path: Path) -> None:
    single = write(
        "single.json",
        '{"type": "BadgeClass", "id": "urn:x:1", "name": "One", "issuer": {"name": "Org"},'
        ' "alignment": {"targetName": "SQL"}, "tags": "databases"}',
    )
    listed = write(
        "listed.json",
        '{"type": ["BadgeClass"], "id": "urn:x:2", "name": "Two", "issuer": {"name": "Org"},'
        ' "alignment": [{"targetName": "SQL"}], "tags": ["databases"]}',
    )
    found = imported(tmp_path, single, listed, name="out.yaml")
    assert skills(found["One"]) == skills(found["Two"]) == {"SQL": (3, None), "databases": (3, None)}


def test_taxonomy_ids_name_aligned_skills(write: Any, tmp_path: Path) -> None:
    badge = write(
        "esco-badge.json",
        '{"type": "Achievement", "id": "urn:x:3", "name": "Querying", "creator": "https://org.example",'
        ' "alignment": [{"targetName": "Structured Query Language (SQL)",'
        ' "targetUrl": "https://data.europa.eu/esco/skill/test-0001-sql/"}]}',
    )
    sql_uri = "http://data.europa.eu/esco/skill/test-0001-sql"
    taxonomy = write("tax.yaml", f"skills:\n  - {{name: SQL, id: '{sql_uri}'}}\n")
    out = tmp_path / "linked.yaml"
    assert invoke("import", "openbadges", badge, "--taxonomy", taxonomy, "-o", out).code == 0
    (credential,) = load_catalogs([out]).credentials
    assert [s.name for s in credential.skills] == ["SQL"]  # same URI, scheme and trailing slash aside


def test_not_a_badge_and_broken_json_exit_2_with_the_file(write: Any) -> None:
    other = write("other.json", '{"type": "Profile", "name": "An issuer"}')
    result = invoke("import", "openbadges", other)
    assert result.code == 2 and "not an Open Badges" in result.err and "Profile" in result.err
    broken = write("broken.json", '{\n  "type": "BadgeClass",\n  "name": \n}\n')
    result = invoke("import", "openbadges", broken)
    assert result.code == 2 and f"{broken}:4:1: not valid JSON" in result.err
    assert "Traceback" not in result.err


def test_an_assertion_naming_its_badge_only_by_url_imports_nothing(tmp_path: Path) -> None:
    result = invoke("import", "openbadges", DATA / "ob2-assertion-url-only.json")
    assert result.code == 2 and "only a URL" in result.err and result.out == ""


def test_output_is_never_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "catalog.yaml"
    out.write_text("keep me\n")
    result = invoke("import", "openbadges", DATA / "ob2-badgeclass.json", "-o", out)
    assert result.code == 2 and "--force" in result.err and out.read_text() == "keep me\n"
    assert invoke("import", "openbadges", DATA / "ob2-badgeclass.json", "-o", out, "--force").code == 0
    assert "Awesome Robotics Badge" in out.read_text(encoding="utf-8")


def test_imported_badges_match_in_analyze(tmp_path: Path) -> None:
    """Done when the specifications' examples import into credentials whose skills match in analyze."""
    catalog = tmp_path / "badges.yaml"
    files = [DATA / "ob2-badgeclass.json", DATA / "ob3-credential-basic.json", DATA / "ob3-achievement.json"]
    assert invoke("import", "openbadges", *files, "-o", catalog).code == 0
    profile = tmp_path / "me.yaml"
    profile.write_text("name: Sam\nskills: {Excel: 2}\n", encoding="utf-8")
    result = invoke(
        "analyze", profile, "--target", DATA / "role.yaml", "--catalog", catalog,
        "--taxonomy", DATA / "skills.yaml", "--format", "json",
    )  # fmt: skip
    assert result.code == 0, result.err
    data = result.json()
    closes = {r["title"]: {c["skill"] for c in r["closes"]} for r in data["recommendations"]}
    assert closes["Awesome Robotics Badge"] == {"problem solving"}  # "Problem-Solving" matched
    assert closes["Teamwork"] == {"teamwork"}
    assert closes["Data Analysis with SQL"] == {"SQL"}


@pytest.mark.parametrize(
    "args", [("import", "--help"), ("import", "openbadges", "--help"), ("showcase", "--help")]
)
def test_help_of_the_new_commands_imports_nothing_heavy(args: tuple[str, ...]) -> None:
    from tests.test_startup import HEAVY, loaded_modules

    loaded = loaded_modules(*args)
    assert not [m for m in (*HEAVY, "skillgap.importers") if m in loaded]


@pytest.mark.parametrize("credits", ["1e400", "5000", "-3", '"lots"'])
def test_credits_that_cannot_be_credits_are_left_out_with_a_note(tmp_path: Path, credits: str) -> None:
    """Issue 20: a huge creditsAvailable crashed the importer; an infinite one, a catalog validate refused."""
    text = (DATA / "ob2-badgeclass.json").read_text(encoding="utf-8")
    badge = tmp_path / "badge.json"
    badge.write_text(text.replace('"name"', f'"creditsAvailable": {credits},\n  "name"', 1), encoding="utf-8")
    out = tmp_path / "catalog.yaml"
    result = invoke("import", "openbadges", badge, "-o", out)
    assert result.code == 0, result.err
    assert "creditsAvailable" in result.err
    assert "left out: not a number of credits from 0 to 1,000" in result.err
    assert "credits:" not in out.read_text(encoding="utf-8")
    assert invoke("validate", out).code == 0


def test_credits_in_range_are_kept(tmp_path: Path) -> None:
    text = (DATA / "ob2-badgeclass.json").read_text(encoding="utf-8")
    badge = tmp_path / "badge.json"
    badge.write_text(text.replace('"name"', '"creditsAvailable": 7.5,\n  "name"', 1), encoding="utf-8")
    (credential,) = imported(tmp_path, badge).values()
    assert credential.credits == 7.5
