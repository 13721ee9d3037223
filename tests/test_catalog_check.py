"""`skillgap catalog check`: every entry without its facts' source or date, or with a date more than a
year old, a link to a page that is not the provider's, and a title used twice, each at its line; exit 2."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from skillgap.catalog_check import belongs_to, year_before
from tests.conftest import invoke

SKILLS = "skills: [{name: SQL, level: 2}]"


def entry(ident: str, title: str, provider: str, extra: str = "") -> str:
    return f"  - {{id: {ident}, title: '{title}', provider: '{provider}', {SKILLS}{extra}}}\n"


FACTS = ", source: 'https://acme.example/fees', as_of: 2026-11"

CATALOG = (
    "name: Team\n"
    "domains:\n"
    "  ATD: td.org\n"
    "credentials:\n"
    + entry("good", "Good", "Acme Academy", FACTS + ", url: 'https://learn.acme.example/good'")
    + entry("no-source", "No source", "Acme Academy", ", as_of: 2026-11")
    + entry("no-date", "No date", "Acme Academy", ", source: 'https://acme.example/x'")
    + entry("old", "Old", "Acme Academy", ", source: 'https://acme.example/x', as_of: 2025-11-30")
    + entry("words", "Words", "Acme Academy", ", source: 'the brochure', as_of: 2026-11")
    + entry("elsewhere", "Elsewhere", "Acme Academy", FACTS + ", url: 'https://www.udemy.com/course/x'")
    + entry("hosted", "Hosted", "Acme Academy (Coursera)", FACTS + ", url: 'https://www.coursera.org/x'")
    + entry("declared", "Declared", "ATD", FACTS + ", url: 'https://www.td.org/education-courses/x'")
    + entry("twice", "  good ", "Beta", FACTS)
)


def run(tmp_path: Path, *args: str, text: str = CATALOG) -> tuple[int, dict[str, object], str]:
    path = tmp_path / "team.yaml"
    path.write_text(text, encoding="utf-8")
    result = invoke("catalog", "check", str(path), "--as-of", "2026-12-03", "--format", "json", *args)
    return result.code, json.loads(result.out), result.err


def test_each_kind_of_finding_is_reported_at_its_line_and_the_status_is_2(tmp_path: Path) -> None:
    code, report, err = run(tmp_path)
    assert code == 2 and err.startswith("6 findings about 6 of 9 credentials")
    found = [(f["kind"], f["id"], f["line"]) for f in report["findings"]]  # type: ignore[attr-defined]
    assert found == [
        ("no-source", "no-source", 6),
        ("no-as-of", "no-date", 7),
        ("out-of-date", "old", 8),
        ("source-not-a-page", "words", 9),
        ("url-domain", "elsewhere", 10),
        ("duplicate-title", "twice", 13),
    ]
    assert report["checked"] == 9 and report["ok"] is False and report["as_of"] == "2026-12-03"
    old = report["findings"][2]  # type: ignore[index]
    assert old["message"] == "as_of 2025-11-30 is more than a year before 2026-12-03"
    twice = report["findings"][-1]  # type: ignore[index]
    assert "the same title as 'good'" in twice["message"] and "team.yaml:5" in twice["message"]


def test_a_catalog_whose_facts_are_sourced_and_current_passes(tmp_path: Path) -> None:
    text = "credentials:\n" + entry("good", "Good", "Acme Academy", FACTS)
    code, report, err = run(tmp_path, text=text)
    assert (code, report["findings"], report["ok"]) == (0, [], True)
    assert "1 credential checked as of 2026-12-03" in err
    path = tmp_path / "team.yaml"
    table = invoke("catalog", "check", str(path), "--as-of", "2026-12-03")
    assert (table.code, table.out) == (0, "")  # nothing to show: the summary is talk, on stderr



def test_a_source_on_another_domain_is_counted_not_a_finding(tmp_path: Path) -> None:
    guide = ", source: 'https://www.study-guides.example/acme-exam', as_of: 2026-11"
    text = "credentials:\n" + entry("good", "Good", "Acme Academy", FACTS)
    text += entry("guide", "Guide", "Acme", guide)
    code, report, err = run(tmp_path, text=text)
    assert (code, report["ok"], report["findings"]) == (0, True, [])
    assert report["secondary_sources"] == ["guide"]
    assert "1 cite a page on another domain than the provider's" in err

def test_the_table_names_each_entry_and_how_to_fix_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    path = tmp_path / "team.yaml"
    path.write_text(CATALOG, encoding="utf-8")
    result = invoke("catalog", "check", str(path), "--as-of", "2026-12-03")
    assert result.code == 2
    assert "elsewhere" in result.out and "url-domain: url's domain www.udemy.com is not" in result.out
    assert "give the page its facts come from as `source`" in result.out


def test_an_as_of_a_year_old_to_the_day_is_current_and_a_day_more_is_not(tmp_path: Path) -> None:
    text = "credentials:\n" + "".join(
        entry(ident, ident, "Acme", f", source: 'https://acme.example/', as_of: {day}")
        for ident, day in [("on-the-day", "2025-12-03"), ("day-before", "2025-12-02"), ("month", "2025-12")]
    )
    code, report, _ = run(tmp_path, text=text)
    assert [f["id"] for f in report["findings"]] == ["day-before"]  # type: ignore[attr-defined]
    assert year_before(date(2028, 2, 29)) == date(2027, 2, 28)


def test_the_date_defaults_to_today_and_a_bad_one_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text("credentials:\n" + entry("c", "C", "Acme", FACTS), encoding="utf-8")
    result = invoke("catalog", "check", str(path), "--as-of", "2026-13-01")
    assert result.code == 2 and "--as-of" in result.err and "Traceback" not in result.err
    assert invoke("catalog", "check", str(path), "--as-of", "2200-01").code == 2  # a year after 2026-11
    assert invoke("catalog", "check", str(path), "--as-of", "2026-11-15").code == 0


def test_an_invalid_catalog_is_reported_as_validate_reports_it(tmp_path: Path) -> None:
    path = tmp_path / "team.yaml"
    path.write_text("credentials:\n  - {id: c, title: C, provider: P, skills: [], as_of: soon}\n", "utf-8")
    result = invoke("catalog", "check", str(path))
    assert result.code == 2 and "team.yaml:2:" in result.err and "expected a date" in result.err


@pytest.mark.parametrize(
    ("host", "provider"),
    [
        ("aws.amazon.com", "Amazon Web Services (AWS)"),
        ("www.pmi.org", "Project Management Institute (PMI)"),
        ("training.linuxfoundation.org", "The Linux Foundation (CNCF)"),
        ("www.edx.org", "University of Maryland Global Campus (UMGCx on edX)"),
        ("micromasters.mit.edu", "MITx (edX)"),
        ("online.hbs.edu", "Harvard Business School Online"),
        ("skillshop.withgoogle.com", "Google (Skillshop)"),
        ("grow.google", "Google"),
        ("www.afponline.org", "Association for Financial Professionals (AFP)"),
        ("www.i-l-m.com", "ILM (Institute of Leadership & Management, City & Guilds)"),
        ("www.cim.co.uk", "Chartered Institute of Marketing (CIM)"),
        ("www.ascm.org", "ASCM (Association for Supply Chain Management, formerly APICS)"),
        ("www.deeplearning.ai", "Stanford University and DeepLearning.AI (Coursera)"),
    ],
)
def test_a_domain_that_shows_the_providers_or_platforms_name_is_theirs(host: str, provider: str) -> None:
    assert belongs_to(host, provider)


@pytest.mark.parametrize(
    ("host", "provider"),
    [
        ("www.udemy.com", "Google (Coursera)"),
        ("www.linkedin.com", "Project Management Institute (PMI)"),
        ("www.universityofphoenix.edu", "Oregon State University"),  # a word many providers' names share
        ("www.td.org", "ATD"),  # two letters: only a declared domain says so
        ("td.org.evil.example", "ATD"),
        ("www.academy.example", "HubSpot Academy"),
    ],
)
def test_a_domain_that_does_not_is_not(host: str, provider: str) -> None:
    assert not belongs_to(host, provider)
    assert belongs_to("www.td.org", "ATD", ["td.org"]) and not belongs_to("nottd.org", "ATD", ["td.org"])


def test_the_bundled_catalog_gives_every_credential_its_source_and_date() -> None:
    """As of a fixed day a month after it was compiled: every entry sourced, dated, linked to its provider's
    own domain, and titled once."""
    result = invoke("catalog", "check", "--as-of", "2026-12-03", "--format", "json")
    report = json.loads(result.out)
    assert (result.code, report["findings"]) == (0, [])
    assert report["checked"] > 150


def test_text_from_the_file_reaches_the_table_as_text(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    path = tmp_path / "team.yaml"
    path.write_text(
        "credentials:\n" + entry("x", "[red]T[/red]", "Acme", ', source: "[bold]s\\e[2J"'), "utf-8"
    )
    result = invoke("catalog", "check", str(path), "--as-of", "2026-12-03")
    assert result.code == 2 and "[bold]s" in result.out and "\x1b" not in result.out
