"""A job posting wherever a role goes: `--target ad.txt|ad.md|ad.html|ad.pdf` in analyze, plan, compare,
cohort and report, and `init --from-role ad.txt`; each says the role came from a posting and lists what
in it was not recognised."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import EXAMPLES, ROOT, invoke
from tests.pdf_maker import pdf_with_lines

POSTINGS = ROOT / "tests" / "data" / "postings"
PROFILE = EXAMPLES / "profiles" / "trainer-to-elearning.yaml"
DESIGNER = POSTINGS / "learning-designer.txt"


def says_it_came_from_a_posting(err: str, posting: Path) -> None:
    assert f"was read from the job posting {posting}" in err
    assert f"note: not recognised in {posting}: " in err


def test_analyze_takes_a_posting_as_its_target() -> None:
    result = invoke("analyze", PROFILE, "--target", DESIGNER, "-f", "json")
    assert result.code == 0, result.err
    says_it_came_from_a_posting(result.err, DESIGNER)
    doc = result.json()
    assert doc["target"] == "Learning Designer (Contract)" and doc["target_file"] == str(DESIGNER)
    assert doc["target_posting"]["file"] == str(DESIGNER)
    assert {"text": "Kdenlive", "line": 19} in doc["target_posting"]["unrecognised"]
    skills = {g["skill"] for g in doc["gaps"] + doc["met"]}
    assert {"instructional design", "Articulate Storyline or Adobe Captivate"} <= skills
    design = next(g for g in doc["gaps"] + doc["met"] if g["skill"] == "instructional design")
    assert design["required"] == 4 and design["importance"] == "essential"


def test_a_role_file_says_nothing_about_postings() -> None:
    result = invoke("analyze", PROFILE, "--target", "instructional-designer", "-f", "json")
    assert result.code == 0 and result.json()["target_posting"] is None
    assert "job posting" not in result.err


@pytest.mark.parametrize("command", ["analyze", "plan"])
def test_a_role_file_does_not_load_the_posting_reader(command: str) -> None:
    from tests.test_startup import loaded_modules

    loaded = loaded_modules(command, str(PROFILE), "--target", "instructional-designer")
    assert "skillgap.postings.extract" not in loaded and "skillgap.postings.sections" not in loaded


@pytest.mark.parametrize("posting", ["data-analyst.md", "cloud-administrator.html"])
def test_plan_takes_markdown_and_html_postings(posting: str) -> None:
    result = invoke("plan", PROFILE, "--target", POSTINGS / posting, "-f", "json")
    assert result.code == 0, result.err
    says_it_came_from_a_posting(result.err, POSTINGS / posting)
    assert result.json()["target_posting"]["file"] == str(POSTINGS / posting)


def test_a_pdf_posting_is_a_target_too(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    ad = tmp_path / "ad.pdf"
    ad.write_bytes(pdf_with_lines(["Trainer", "Requirements:", "- 3+ years of training delivery", "- Canva"]))
    result = invoke("analyze", PROFILE, "--target", ad, "-f", "json")
    assert result.code == 0, result.err
    doc = result.json()
    assert doc["target"] == "Trainer"
    assert sorted(g["skill"] for g in doc["gaps"] + doc["met"]) == ["Canva", "training delivery"]


def test_compare_mixes_postings_with_roles() -> None:
    result = invoke("compare", PROFILE, "--target", DESIGNER, "--target", "corporate-trainer", "-f", "json")
    assert result.code == 0, result.err
    says_it_came_from_a_posting(result.err, DESIGNER)
    by_target = {fit["target"]: fit for fit in result.json()}
    assert by_target["Learning Designer (Contract)"]["target_posting"]["file"] == str(DESIGNER)
    assert by_target["Corporate Trainer"]["target_posting"] is None


def test_cohort_and_report_take_a_posting(tmp_path: Path) -> None:
    people = EXAMPLES / "profiles"
    cohort = invoke("cohort", people, "--target", DESIGNER, "-f", "json")
    assert cohort.code == 0, cohort.err
    says_it_came_from_a_posting(cohort.err, DESIGNER)
    assert cohort.json()["target_posting"]["file"] == str(DESIGNER)
    out = tmp_path / "report.md"
    report = invoke("report", people, "--target", DESIGNER, "-f", "markdown", "-o", out)
    assert report.code == 0, report.err
    says_it_came_from_a_posting(report.err, DESIGNER)
    assert "Learning Designer (Contract)" in out.read_text(encoding="utf-8")


def test_init_from_a_posting_lists_its_skills_to_rate(tmp_path: Path) -> None:
    out = tmp_path / "me.yaml"
    result = invoke("init", out, "--from-role", DESIGNER, "--name", "Ada", "--no-input")
    assert result.code == 0, result.err
    says_it_came_from_a_posting(result.err, DESIGNER)
    text = out.read_text(encoding="utf-8")
    assert "instructional design" in text and "Articulate Storyline" in text and "Adobe Captivate" in text
    assert f"(read from the job posting {DESIGNER})" in text
    assert f"Next: skillgap analyze {out} --target {DESIGNER}" in result.err


def test_a_posting_with_no_known_skill_is_an_input_error(tmp_path: Path) -> None:
    ad = tmp_path / "ad.txt"
    ad.write_text("Barista\n\nRequirements:\n- Latte art\n- Early starts\n", encoding="utf-8")
    result = invoke("analyze", PROFILE, "--target", ad)
    assert result.code == 2
    assert f"{ad}: no skill the taxonomy knows was found in this posting" in result.err
    missing = invoke("analyze", PROFILE, "--target", tmp_path / "gone.html")
    assert missing.code == 2 and "gone.html: no such file" in missing.err
