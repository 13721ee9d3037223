"""`skillgap import linkedin|jsonresume|cv`: a person's own records into a profile to review, every level
estimated from evidence (never above it) and marked, certifications matched to the catalog."""

from __future__ import annotations

import shutil
import zipfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.load import load_profile
from skillgap.resumes.estimate import CEILING, Evidence, estimate, level_for_years, years_of
from skillgap.resumes.types import Certification
from skillgap.world import World
from tests.conftest import ROOT, invoke
from tests.hypothesis_profiles import examples

RESUMES = ROOT / "tests" / "data" / "resumes"
LINKEDIN = RESUMES / "linkedin"
TODAY = date(2026, 6, 15)


@pytest.fixture(scope="module")
def world() -> World:
    from skillgap.world import open_world

    return open_world()


def export_zip(folder: Path, into: Path, inside: str = "") -> Path:
    """The export as LinkedIn sends it: a ZIP of its CSV files (here, optionally in a folder of its own)."""
    path = into / "Basic_LinkedInDataExport.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, f"{inside}{file.name}")
    return path


# --- levels from evidence --------------------------------------------------------------------------


def test_a_skill_only_named_is_a_novice_s_and_endorsements_alone_make_an_advanced_beginner() -> None:
    assert estimate(Evidence())[0] == 1
    assert estimate(Evidence(endorsements=40))[0] == 2


def test_years_of_work_naming_a_skill_support_at_most_proficient() -> None:
    assert [level_for_years(y) for y in (0.2, 1.0, 2.9, 3.0, 25.0)] == [2, 3, 3, 4, 4]
    level, why = estimate(Evidence(years=30, endorsements=99))
    assert level == 4 and "30 years of work" in why


def test_a_stated_expert_level_is_brought_down_to_the_ceiling_and_says_so() -> None:
    level, why = estimate(Evidence(stated=5, stated_as="Master"))
    assert level == CEILING == 4
    assert "'Master'" in why and "raise it if true" in why


@given(
    years=st.floats(min_value=0, max_value=60, allow_nan=False),
    endorsements=st.integers(min_value=0, max_value=500),
    stated=st.none() | st.integers(min_value=0, max_value=5),
)
@settings(max_examples=examples(200))
def test_an_estimate_never_exceeds_any_evidence_for_it(
    years: float, endorsements: int, stated: int | None
) -> None:
    level, _ = estimate(Evidence(years, endorsements, stated))
    supported = [1, 2 if endorsements else 1, level_for_years(years) if years else 1, stated or 1]
    assert 1 <= level <= min(CEILING, max(supported))
    assert level >= min(CEILING, max(supported))  # and never below the best of it either


def test_overlapping_jobs_count_their_shared_time_once() -> None:
    a = (date(2020, 1, 1), date(2021, 12, 31))
    b = (date(2021, 1, 1), date(2022, 12, 31))
    assert years_of([a, b]) == pytest.approx(3.0, abs=0.01)
    assert years_of([a, a]) == pytest.approx(years_of([a]))
    assert years_of([(date(2022, 1, 1), date(2021, 1, 1))]) == 0


# --- LinkedIn ------------------------------------------------------------------------------------


def test_linkedin_dates_are_months_or_years() -> None:
    from skillgap.resumes.linkedin import read_date

    assert str(read_date("Jan 2020", end=False)) == "2020-01"
    assert read_date("Jan 2020", end=False) == date(2020, 1, 1)
    assert read_date("Sept 2021", end=True) == date(2021, 9, 30)
    assert read_date("2019", end=True) == date(2019, 12, 31)
    assert read_date("someday", end=True) is None
    assert read_date("Smarch 2020", end=True) is None


def test_a_linkedin_export_zip_becomes_a_profile_analyze_accepts(tmp_path: Path) -> None:
    out = tmp_path / "me.yaml"
    result = invoke(
        "import", "linkedin", export_zip(LINKEDIN, tmp_path, "Basic_LinkedInDataExport/"), "-o", out
    )
    assert result.code == 0, result.err
    assert result.out == ""
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# review the estimated levels")
    profile = load_profile(out)
    assert profile.name == "Morgan Quill"
    assert profile.current_role == "Senior Project Manager"  # the open position
    assert profile.skills and all(s.estimated for s in profile.skills)
    assert "estimated: true" in text
    analysed = invoke("analyze", out, "--target", "project-manager", "-f", "json")
    assert analysed.code == 0, analysed.err


def test_linkedin_levels_follow_the_positions_and_endorsements_that_name_each_skill(world: World) -> None:
    from skillgap.resumes.linkedin import read_linkedin

    imported = read_linkedin(LINKEDIN, world.matcher, world.catalog, TODAY)
    skills = {c.skill: c for c in imported.skills}
    # named by the open position since March 2022: 4.25 years by TODAY, so 4; last used this month
    pm = skills["project management"]
    assert pm.level == 4 and str(pm.last_used) == "2026-06"
    assert "Senior Project Manager at Fernhill Freight" in pm.evidence and "LinkedIn skills" in pm.evidence
    # named by the coordinator job (Jan 2019 - Feb 2022) and endorsed twice: the years decide
    excel = skills["Microsoft Excel"]
    assert excel.level == 4 and str(excel.last_used) == "2022-02" and "2 endorsements" in excel.evidence
    # listed, endorsed once (and that endorsement rejected), named by no position: only named
    weaving = skills["Underwater Basket Weaving"]
    assert (weaving.level, weaving.last_used, weaving.known) == (1, None, False)
    assert any("Underwater Basket Weaving" in n for n in imported.notes)


def test_a_held_pmp_is_matched_to_the_catalog_s_credential_and_others_are_kept_by_title(
    world: World, tmp_path: Path
) -> None:
    out = tmp_path / "me.yaml"
    result = invoke("import", "linkedin", LINKEDIN, "-o", out)
    assert result.code == 0, result.err
    held = {h.title: h for h in load_profile(out).credentials}
    pmp = held["Project Management Professional (PMP)"]
    assert (pmp.id, str(pmp.earned)) == ("pmi-pmp", "2021-05")
    forklift = held["Forklift Safety Awareness (Fernhill Freight Training)"]
    assert forklift.id is None and str(forklift.earned) == "2019"
    assert "Forklift Safety Awareness" in result.err  # listed in a note


@pytest.mark.parametrize(
    ("title", "issuer", "expected"),
    [
        ("Project Management Professional (PMP)", "Project Management Institute", "pmi-pmp"),
        ("project management professional", "PMI", "pmi-pmp"),
        ("PMP", "Project Management Institute (PMI)", "pmi-pmp"),
        ("Project Managment Professional", None, "pmi-pmp"),  # a letter short
        # the title of the PMP, from someone else: a prep course, not the certification
        ("Project Management Professional (PMP)", "Bright Exam Prep Ltd", None),
        (
            "Google Project Management Professional Certificate",
            "Coursera",
            "google-project-management-certificate",
        ),
        ("Forklift Safety Awareness", None, None),
    ],
)
def test_certifications_are_found_by_title_and_issuer(
    world: World, title: str, issuer: str | None, expected: str | None
) -> None:
    from skillgap.resumes.credentials import Finder

    found = Finder(world.catalog).find(Certification(title, issuer))
    assert found.certification.id == expected, found.note


def test_a_missing_file_means_no_data_of_that_kind(tmp_path: Path, world: World) -> None:
    from skillgap.resumes.linkedin import read_linkedin

    folder = tmp_path / "export"
    folder.mkdir()
    shutil.copy(LINKEDIN / "Skills.csv", folder)
    imported = read_linkedin(folder, world.matcher, world.catalog, TODAY)
    assert imported.name is None and imported.current_role is None and not imported.credentials
    assert {c.skill for c in imported.skills} >= {"project management", "risk management"}
    assert all(c.level == 1 for c in imported.skills)  # listed, and nothing else shows them used
    assert any("Profile.csv" in n and "Positions.csv" in n for n in imported.notes)


def test_something_that_is_not_an_export_is_refused_with_a_hint(tmp_path: Path) -> None:
    folder = tmp_path / "holiday photos"
    folder.mkdir()
    (folder / "beach.txt").write_text("sand", encoding="utf-8")
    result = invoke("import", "linkedin", folder)
    assert result.code == 2 and "holds none of LinkedIn's profile files" in result.err
    not_zip = tmp_path / "export.zip"
    not_zip.write_text("not a zip", encoding="utf-8")
    result = invoke("import", "linkedin", not_zip)
    assert result.code == 2 and "is not a ZIP archive" in result.err
    assert "Traceback" not in result.err


def test_an_export_member_larger_than_the_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLGAP_MAX_FILE_MB", "0.001")  # about a kilobyte
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Skills.csv", "Name\n" + "SQL\n" * 100_000)  # tiny compressed, 400 kB unpacked
    from skillgap.errors import InputError
    from skillgap.resumes.linkedin import read_export

    with pytest.raises(InputError, match="over the limit"):
        read_export(path)


def test_the_output_is_never_replaced_without_force(tmp_path: Path) -> None:
    out = tmp_path / "me.yaml"
    out.write_text("name: Mine\n", encoding="utf-8")
    result = invoke("import", "linkedin", LINKEDIN, "-o", out)
    assert result.code == 2 and out.read_text(encoding="utf-8") == "name: Mine\n"
    assert invoke("import", "linkedin", LINKEDIN, "-o", out, "--force").code == 0
    assert load_profile(out).name == "Morgan Quill"


def test_json_output_is_a_profile_too(tmp_path: Path) -> None:
    import json

    result = invoke("import", "linkedin", LINKEDIN, "--format", "json")
    assert result.code == 0, result.err
    data = json.loads(result.out)
    assert data["name"] == "Morgan Quill" and all(s["estimated"] is True for s in data["skills"])
    path = tmp_path / "me.json"
    path.write_text(result.out, encoding="utf-8")
    assert load_profile(path).name == "Morgan Quill"


def test_text_from_the_export_cannot_reach_the_terminal_as_control_characters(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Profile.csv").write_text(
        "First Name,Last Name\nEve\x1b]0;owned\x07,Doe\x1b[2J\n", encoding="utf-8"
    )
    (folder / "Skills.csv").write_text("Name\nMystery\x1b[2J Skill\n", encoding="utf-8")
    out = tmp_path / "me.yaml"
    result = invoke("import", "linkedin", folder, "-o", out)
    assert result.code == 0, result.err
    assert "\x1b" not in result.err
    profile = load_profile(out)  # what every later command reads and prints
    assert profile.name == "Eve Doe"
    assert [s.name for s in profile.skills] == ["Mystery Skill"]


# --- JSON Resume ---------------------------------------------------------------------------------


def test_a_json_resume_becomes_a_profile_analyze_accepts(tmp_path: Path) -> None:
    out = tmp_path / "me.yaml"
    result = invoke("import", "jsonresume", RESUMES / "resume.json", "-o", out)
    assert result.code == 0, result.err
    assert out.read_text(encoding="utf-8").startswith("# review the estimated levels")
    profile = load_profile(out)
    assert (profile.name, profile.current_role) == ("Rowan Ellery", "Data Analyst")
    assert all(s.estimated for s in profile.skills)
    assert invoke("analyze", out, "--target", "data-analyst", "-f", "json").code == 0


def test_json_resume_level_words_are_mapped_and_capped(world: World) -> None:
    from skillgap.resumes.jsonresume import resume_profile

    data = {
        "basics": {"name": "Ash"},
        "skills": [
            {"name": "Python", "level": "Intermediate", "keywords": ["pandas"]},
            {"name": "SQL", "level": "Master"},
            {"name": "Statistics", "level": "Pretty good"},
        ],
    }
    imported = resume_profile(data, "r.json", world.matcher, world.catalog, TODAY)
    levels = {c.skill: c.level for c in imported.skills}
    assert levels["Python"] == 3  # intermediate: competent
    assert levels["SQL"] == 4  # master, brought down to what an import claims
    assert levels["pandas"] == 1  # a keyword is named, at no level of its own
    assert levels["statistics"] == 1  # not a level word: named only, and said so
    assert any("'Pretty good' is not a level word" in n for n in imported.notes)
    assert any("'Master'" in c.evidence for c in imported.skills if c.skill == "SQL")


def test_json_resume_work_gives_years_and_last_use_and_certificates_match(world: World) -> None:
    from skillgap.resumes.jsonresume import read_jsonresume

    imported = read_jsonresume(RESUMES / "resume.json", world.matcher, world.catalog, TODAY)
    skills = {c.skill: c for c in imported.skills}
    # named by the research job only (Jun 2019 - Aug 2021): two years and a bit, so 3, last used then
    assert skills["Microsoft Excel"].level == 3 and str(skills["Microsoft Excel"].last_used) == "2021-08-31"
    # named by both jobs, 2019-06 to now: four years by TODAY, so 4, last used this month
    assert skills["SQL"].level == 4 and str(skills["SQL"].last_used) == "2026-06"
    held = {c.title: c.id for c in imported.credentials}
    assert held["Certified Associate in Project Management (CAPM)"] == "pmi-capm"
    assert held["Certificate in Bird Watching"] is None


def test_a_file_that_is_not_a_json_resume_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "list.json"
    path.write_text("[1, 2]", encoding="utf-8")
    result = invoke("import", "jsonresume", path)
    assert result.code == 2 and "is not a JSON Resume" in result.err
    path.write_text('{"basics": {"name": "A"}, "basics": {"name": "B"}}', encoding="utf-8")
    result = invoke("import", "jsonresume", path)
    assert result.code == 2 and "basics" in result.err  # a duplicate key is refused, never one of them kept


# --- CV ------------------------------------------------------------------------------------------


def test_a_cv_becomes_a_profile_with_each_sentence_as_evidence(tmp_path: Path) -> None:
    out = tmp_path / "me.yaml"
    result = invoke("import", "cv", RESUMES / "cv.md", "-o", out)
    assert result.code == 0, result.err
    profile = load_profile(out)
    assert profile.name == "Sam Okafor"
    skills = {s.name: s for s in profile.skills}
    assert all(s.estimated for s in profile.skills)
    assert skills["payroll"].level == 4  # "6 years of experience in payroll": 3 years or more
    assert "6 years of experience in payroll" in (skills["payroll"].evidence or "")
    assert skills["Microsoft Excel"].level == 4  # "Advanced Microsoft Excel"
    assert skills["Power BI"].level == 2  # "Some experience with Power BI"
    assert skills["Sage accounting"].level == 1  # named, nothing more: the lowest level
    assert "CV line 13" in (skills["Sage accounting"].evidence or "")
    held = {h.title: h for h in profile.credentials}
    assert held["Project Management Professional (PMP)"].id == "pmi-pmp"
    assert str(held["Project Management Professional (PMP)"].earned) == "2023"
    assert "BSc Economics" in result.err  # a degree: left for `education`, and said so
    assert invoke("analyze", out, "--target", "bookkeeper", "-f", "json").code == 0


def test_a_cv_s_stated_years_go_through_the_same_table_as_years_of_positions(
    world: World, tmp_path: Path
) -> None:
    from skillgap.resumes.cv import read_cv

    path = tmp_path / "cv.txt"
    path.write_text("Jo Bloggs\n\nSix years of experience in payroll.\n", encoding="utf-8")
    payroll = next(
        c for c in read_cv(path, world.matcher, world.catalog, TODAY).skills if c.skill == "payroll"
    )
    assert payroll.level == level_for_years(6) == 4
    assert "6 years of work naming it" in payroll.evidence and "expert" not in payroll.evidence


def docx(path: Path, paragraphs: list[tuple[str, str]]) -> Path:
    """A minimal Word document: (style, text) paragraphs, "" for a plain one, "List" for a bullet."""
    w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    body = []
    for style, text in paragraphs:
        props = ""
        if style == "List":
            props = '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>'
        elif style:
            props = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>'
        body.append(f'<w:p>{props}<w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>')
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{w}">'
        f"<w:body>{''.join(body)}</w:body></w:document>"
    )
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return path


def test_a_docx_cv_is_read_with_its_headings_and_lists(tmp_path: Path) -> None:
    path = docx(
        tmp_path / "cv.docx",
        [
            ("Title", "Kit Marlowe"),
            ("Heading1", "Skills"),
            ("List", "Advanced Microsoft Excel"),
            ("List", "Payroll"),
            ("Heading1", "Certifications"),
            ("List", "Project Management Professional (PMP), PMI, 2022"),
        ],
    )
    out = tmp_path / "me.yaml"
    result = invoke("import", "cv", path, "-o", out)
    assert result.code == 0, result.err
    profile = load_profile(out)
    assert profile.name == "Kit Marlowe"
    assert {s.name: s.level for s in profile.skills}["Microsoft Excel"] == 4
    assert [(h.id, str(h.earned)) for h in profile.credentials] == [("pmi-pmp", "2022")]


def test_a_docx_with_a_document_type_declaration_is_refused_unparsed(tmp_path: Path) -> None:
    path = tmp_path / "bomb.docx"
    laughs = '<!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("word/document.xml", f'<?xml version="1.0"?>{laughs}<d>&b;</d>')
    result = invoke("import", "cv", path)
    assert result.code == 2 and "document type declaration" in result.err
    not_docx = tmp_path / "cv.docx"
    not_docx.write_text("plain text", encoding="utf-8")
    result = invoke("import", "cv", not_docx)
    assert result.code == 2 and "not a .docx file" in result.err


# --- --merge ---------------------------------------------------------------------------------------


def test_merge_adds_what_is_new_and_keeps_every_word_the_person_wrote(tmp_path: Path) -> None:
    mine = tmp_path / "me.yaml"
    mine.write_text(
        "# my own notes\n"
        "name: Morgan Q.\n"
        "skills:\n"
        "  - {name: Project Management, level: 2, evidence: my own words}\n"
        "  - {name: budgeting, level: 3}\n"
        "credentials:\n"
        "  - pmi-pmp\n"
        "preferences: {budget: 500, currency: GBP}\n",
        encoding="utf-8",
    )
    result = invoke("import", "linkedin", LINKEDIN, "--merge", mine, "-o", mine, "--force")
    assert result.code == 0, result.err
    profile = load_profile(mine)
    assert profile.name == "Morgan Q."  # not the export's "Morgan Quill"
    skills = {s.name: s for s in profile.skills}
    # their own entries, first and exactly as written (the export says 4 for project management)
    assert [s.name for s in profile.skills[:2]] == ["Project Management", "budgeting"]
    assert (skills["Project Management"].level, skills["Project Management"].evidence) == (2, "my own words")
    assert not skills["Project Management"].estimated
    # what the export adds, marked
    assert skills["risk management"].estimated and skills["risk management"].level == 4
    # the PMP they listed is not listed twice; the forklift certificate is new
    assert [h.id or h.title for h in profile.credentials] == [
        "pmi-pmp",
        "Forklift Safety Awareness (Fernhill Freight Training)",
    ]
    assert (profile.preferences.budget, profile.preferences.currency) == (500, "GBP")
    assert profile.current_role == "Senior Project Manager"  # they had none: the open position


def test_merge_keeps_the_person_s_own_text_whole_comments_and_all(tmp_path: Path) -> None:
    mine = tmp_path / "me.yaml"
    own = (
        "# my own notes\n"
        "name: Morgan Q.\n"
        "skills:\n"
        "  - {name: Project Management, level: 2}\n"
        "  # the one I am proudest of\n"
        "  - name: budgeting\n"
        "    level: 3   # checked with my manager\n"
        "\n"
        "# what I hold\n"
        "credentials:\n"
        "- pmi-pmp\n"
        "preferences: {budget: 500, currency: GBP}\n"
    )
    mine.write_text(own, encoding="utf-8")
    result = invoke("import", "linkedin", LINKEDIN, "--merge", mine)
    assert result.code == 0, result.err
    merged = result.out.splitlines()
    kept = [line for line in merged if "added by `skillgap import linkedin`" not in line]
    # every line they wrote is still there, in their order; the new entries sit after their own
    assert [line for line in kept if line in own.splitlines()] == own.splitlines()
    skills_end = merged.index("# what I hold")
    assert any("risk management" in line for line in merged[:skills_end])
    assert merged.index("- title: Forklift Safety Awareness (Fernhill Freight Training)") > merged.index(
        "- pmi-pmp"
    )
    out = tmp_path / "merged.yaml"
    out.write_text(result.out, encoding="utf-8")
    profile = load_profile(out)
    assert [s.name for s in profile.skills][:3] == ["Project Management", "budgeting", "Microsoft Excel"]
    assert (profile.preferences.budget, profile.current_role) == (500, "Senior Project Manager")


def test_merge_writes_a_shorthand_skills_mapping_out_with_the_levels_as_written(tmp_path: Path) -> None:
    mine = tmp_path / "me.yaml"
    mine.write_text("name: M\nskills: {project management: advanced, Jira: 2}\n", encoding="utf-8")
    result = invoke("import", "linkedin", LINKEDIN, "--merge", mine)
    assert result.code == 0, result.err
    out = tmp_path / "merged.yaml"
    out.write_text(result.out, encoding="utf-8")
    profile = load_profile(out)
    assert [(s.name, s.level, s.estimated) for s in profile.skills[:2]] == [
        ("project management", 4, False),
        ("Jira", 2, False),
    ]
    assert "project management: advanced" not in result.out and "level: advanced" in result.out


def test_merge_into_a_profile_that_does_not_load_is_refused(tmp_path: Path) -> None:
    mine = tmp_path / "me.yaml"
    mine.write_text("skills: {SQL: 3}\n", encoding="utf-8")  # no name
    result = invoke("import", "linkedin", LINKEDIN, "--merge", mine)
    assert result.code == 2 and "name" in result.err and result.out == ""


def test_a_linkedin_certification_is_earned_on_its_issue_date_not_when_it_expires(
    world: World, tmp_path: Path
) -> None:
    from skillgap.resumes.linkedin import read_linkedin

    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "Certifications.csv").write_text(
        "Name,Url,Authority,Started On,Finished On,License Number\n"
        "Project Management Professional (PMP),,PMI,May 2021,May 2027,1\n"  # issued, and expiring
        "Certified ScrumMaster,,Scrum Alliance,,Jan 2020,\n"  # no issue date: the past date will do
        "Professional in Human Resources,,HRCI,,Jan 2030,\n",  # only an expiry to come: no date
        encoding="utf-8",
    )
    imported = read_linkedin(folder, world.matcher, world.catalog, TODAY)
    assert [str(c.earned) for c in imported.credentials] == ["2021-05", "2020-01", "None"]


def test_a_pdf_cv_is_read_as_a_pdf_posting_is(tmp_path: Path) -> None:
    pytest.importorskip("pypdf")
    from tests.pdf_maker import pdf_with_lines

    path = tmp_path / "cv.pdf"
    path.write_bytes(pdf_with_lines(["Lee Carver", "Skills", "Advanced Microsoft Excel and payroll."]))
    result = invoke("import", "cv", path, "--format", "json")
    assert result.code == 0, result.err
    assert {s["name"]: s["level"] for s in result.json()["skills"]}["Microsoft Excel"] == 4


def test_a_path_that_does_not_exist_is_refused_before_anything_is_built(tmp_path: Path) -> None:
    for command in ("linkedin", "jsonresume", "cv"):
        result = invoke("import", command, tmp_path / "nowhere")
        assert result.code == 2 and "no such file" in result.err, command


def test_a_team_s_own_skills_and_credentials_are_read_with_the_extra_options(tmp_path: Path) -> None:
    taxonomy = tmp_path / "ours.yaml"
    taxonomy.write_text("skills:\n  - name: quarkwelding\n    aliases: [quark welding]\n", encoding="utf-8")
    catalog = tmp_path / "ours-catalog.yaml"
    catalog.write_text(
        "credentials:\n  - {id: qw-1, title: Quark Welder Level 1, provider: Acme Welding School, "
        "skills: [{name: quarkwelding, level: 2}]}\n",
        encoding="utf-8",
    )
    cv = tmp_path / "cv.md"
    cv.write_text(
        "# Jo Weld\n\n- Quark welding\n\n## Certifications\n\n- Quark Welder Level 1, 2024\n",
        encoding="utf-8",
    )
    before = invoke("import", "cv", cv, "-f", "json")
    assert before.code == 0, before.err
    assert "quarkwelding" not in {s["name"] for s in before.json()["skills"]}
    after = invoke("import", "cv", cv, "-f", "json", "--extra-taxonomy", taxonomy, "--extra-catalog", catalog)
    assert after.code == 0, after.err
    assert "quarkwelding" in {s["name"] for s in after.json()["skills"]}
    assert [c.get("id") for c in after.json()["credentials"]] == ["qw-1"]
