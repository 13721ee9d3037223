"""`skillgap report`: coaching sheets for one person or a folder of people, in Markdown, HTML and CSV."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from tests.conftest import Result, invoke

DATA = Path(__file__).parent / "data"
CORE = DATA / "core"
PEOPLE = DATA / "cohort" / "profiles"
WORLD = (
    "--target", CORE / "role.yaml", "--catalog", CORE / "catalog.yaml", "--taxonomy", CORE / "skills.yaml"
)  # fmt: skip


def report(*args: str | Path, world: tuple[str | Path, ...] = WORLD) -> Result:
    return invoke("report", *args, *world)


def test_markdown_sheet_has_strengths_gaps_plan_and_questions() -> None:
    result = report(PEOPLE / "ana.yaml")
    assert result.code == 0, result.err
    out = result.out
    assert out.startswith("# Coaching sheet: Ana Lima \u2192 Data Analyst")
    strengths = section(out, "## Strengths")
    assert "Excel: 4 (needs 3)" in strengths and "statistics: 2 (needs 2)" in strengths
    gaps = section(out, "## Priority gaps")
    assert gaps.index("| SQL | essential | 1 | 4 | 3 |") < gaps.index("| Python | important | 0 | 2 | 2 |")
    plan = section(out, "## The plan")
    assert "SQL Professional" in plan and "SQL 1\u21924 (essential)" in plan
    assert "Total:" in plan and "readiness after the plan 100%" in plan
    questions = section(out, "## Questions to discuss")
    # 115 hours: SQL Professional 60, Data Visualization with Tableau 25, Python Introduction 30
    assert "Time available: at 4 h a week, the plan takes about 115 h, finishing around " in questions
    assert "Employer support: the plan costs 850 USD against your budget of 1,000 USD." in questions
    assert "Once you earn SQL Professional" in questions and "LinkedIn" in questions


def section(text: str, heading: str) -> str:
    start = text.index(heading + "\n")
    end = text.find("\n## ", start + len(heading))
    return text[start : end if end >= 0 else None]


def test_the_plan_does_not_take_two_credentials_for_the_same_levels() -> None:
    plan = section(report(PEOPLE / "ana.yaml").out, "## The plan")
    steps = [line for line in plan.splitlines() if re.match(r"\| \d+ \|", line)]
    titles = [line.split("|")[2].strip() for line in steps]
    assert "SQL Professional" in titles and "SQL Basics" not in titles and "SQL Basics Twin" not in titles


def test_html_is_one_self_contained_page_that_fetches_nothing() -> None:
    result = report(PEOPLE / "ana.yaml", "--format", "html")
    assert result.code == 0, result.err
    html = result.out
    assert html.startswith("<!DOCTYPE html>") and html.rstrip().endswith("</html>")
    assert '<meta http-equiv="Content-Security-Policy" content="default-src \'none\';' in html
    assert "<script" not in html.lower() and "@import" not in html and "url(" not in html
    assert not re.search(r"\ssrc\s*=", html), "nothing is loaded from anywhere"
    assert re.findall(r"<link [^>]*>", html) == ['<link rel="icon" href="data:,">']
    assert "<svg" in html and "@media print" in html
    assert "Ana Lima" in html and ">SQL<" in html


def test_html_escapes_text_from_files_and_links_only_web_addresses(write) -> None:  # type: ignore[no-untyped-def]
    person = write("eve.yaml", 'name: "<script>alert(1)</script> Eve"\nskills: {SQL: 1}\n')
    catalog = write(
        "catalog.yaml",
        "credentials:\n"
        "  - {id: a, title: '<img src=x onerror=alert(1)>', provider: P, skills: [{name: SQL, level: 4}],\n"
        "     url: 'javascript:alert(1)', cost: 1, hours: 1}\n"
        "  - {id: b, title: Good, provider: '\"><b>', skills: [{name: Python, level: 2}],\n"
        "     url: 'https://example.org/a?x=1&y=\"2\"', cost: 1, hours: 1}\n",
    )
    world = ("--target", CORE / "role.yaml", "--catalog", catalog, "--taxonomy", CORE / "skills.yaml")
    result = report(person, "--format", "html", world=world)
    assert result.code == 0, result.err
    html = result.out
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt; Eve" in html
    assert "<img" not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "javascript:" not in html
    assert (
        '<a href="https://example.org/a?x=1&amp;y=&quot;2&quot;" rel="noopener noreferrer">Good</a>' in html
    )
    assert "&quot;&gt;&lt;b&gt;" in html


def test_csv_has_one_row_per_requirement_and_defuses_formulas(write) -> None:  # type: ignore[no-untyped-def]
    person = write("x.yaml", 'name: "=HYPERLINK(\\"http://evil\\",\\"x\\")"\nskills: {SQL: 1, "@sum": 2}\n')
    result = report(person, "--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    # essential first, then the largest gap, then by name: Excel 0 of 3 and SQL 1 of 4 are both 3 short
    assert [r["skill"] for r in rows] == ["Excel", "SQL", "data visualization", "Python", "statistics"]
    assert {r["name"] for r in rows} == {'\'=HYPERLINK("http://evil","x")'}
    sql = rows[1]
    assert (sql["importance"], sql["current"], sql["required"], sql["gap"], sql["met"]) == (
        "essential", "1", "4", "3", "no"
    )  # fmt: skip


def test_output_dir_writes_one_sheet_per_person_and_a_cohort_sheet(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = report(PEOPLE, "--format", "html", "--output-dir", out)
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == [
        "ana.html",
        "ben.html",
        "cara.html",
        "cohort.html",
        "dev.html",
    ]
    assert "Coaching sheet: Ben Okoro" in (out / "ben.html").read_text()
    cohort = (out / "cohort.html").read_text()
    assert '<a href="ben.html">Ben Okoro</a>' in cohort
    assert "broken.yaml:3:24" in cohort  # the file that did not load is named there too
    assert "broken.yaml:3:24" in result.err and "wrote 4 sheets and the cohort sheet" in result.err


def test_output_dir_never_replaces_a_file_without_force(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    assert report(PEOPLE, "--output-dir", out).code == 0
    (out / "ben.md").write_text("my notes")
    before = {p.name: p.read_text() for p in out.iterdir()}
    refused = report(PEOPLE, "--output-dir", out)
    assert refused.code == 2 and "already exists" in refused.err and "--force" in refused.err
    assert {p.name: p.read_text() for p in out.iterdir()} == before  # nothing written at all
    assert report(PEOPLE, "--output-dir", out, "--force").code == 0
    assert (out / "ben.md").read_text().startswith("# Coaching sheet: Ben Okoro")
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_people_with_the_same_file_name_get_distinct_sheets(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    a = write("a/sam.yaml", "name: Sam A\nskills: {SQL: 1}\n")
    b = write("b/sam.yaml", "name: Sam B\nskills: {SQL: 2}\n")
    c = write("c/cohort.yaml", "name: Cohort Person\nskills: {SQL: 3}\n")
    out = tmp_path / "out"
    assert report(a, b, c, "--output-dir", out).code == 0
    names = sorted(p.name for p in out.iterdir())
    assert names == ["a-sam.md", "b-sam.md", "cohort-2.md", "cohort.md"]  # named by the folder apart
    assert "Sam A" in (out / "a-sam.md").read_text() and "Sam B" in (out / "b-sam.md").read_text()
    assert "Cohort coaching sheet" in (out / "cohort.md").read_text()


def test_one_document_for_a_folder_without_output_dir() -> None:
    result = report(PEOPLE)
    assert result.code == 0
    out = result.out
    assert out.startswith("# Cohort coaching sheet: Data Analyst")
    assert "## Questions for the group" in out
    for name in ("Ana Lima", "Ben Okoro", "Cara Dunne", "Dev Patel"):
        assert f"## Coaching sheet: {name}" in out


def test_output_and_output_dir_together_is_a_usage_error(tmp_path: Path) -> None:
    result = report(PEOPLE, "-o", tmp_path / "x.md", "--output-dir", tmp_path / "d")
    assert result.code == 2 and "not both" in result.err
    assert list(tmp_path.iterdir()) == []


def test_a_broken_single_profile_exits_2_with_file_and_line() -> None:
    result = report(PEOPLE / "broken.yaml")
    assert result.code == 2 and "broken.yaml:3:24" in result.err and result.out == ""


def test_a_format_report_does_not_offer_is_a_usage_error() -> None:
    result = report(PEOPLE / "ana.yaml", "--format", "json")
    assert result.code == 2 and "'json' is not one of 'markdown', 'html', 'csv'" in result.err


def test_the_time_question_says_when_the_plan_finishes_against_the_deadline(write) -> None:  # type: ignore[no-untyped-def]
    from datetime import date, timedelta

    def sheet(deadline: date) -> str:
        prefs = f"{{hours_per_week: 10, deadline: {deadline.isoformat()}}}"
        return report(write("p.yaml", f"name: P\nskills: {{SQL: 1}}\npreferences: {prefs}\n")).out

    far = date.today() + timedelta(days=3650)
    assert f"before your deadline of {far.isoformat()}" in sheet(far)
    # A fortnight at 10 hours a week fits SQL Basics (20 h) but not SQL Professional (60 h): the plan is
    # cut to fit the deadline, and the sheet says what that leaves open.
    near = date.today() + timedelta(days=14)
    out = sheet(near)
    assert f"before your deadline of {near.isoformat()}" in out
    assert "SQL: 3 of 4 after the plan; left open to keep within the time to the deadline" in out
