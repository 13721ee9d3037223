"""`skillgap analyze` through the real error boundary: exit codes, formats, stdout vs stderr, --output."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import Result, invoke

CORE = Path(__file__).parent / "data" / "core"
ARGS = (CORE / "profile.yaml", "--target", CORE / "role.yaml", "--catalog", CORE / "catalog.yaml",
        "--taxonomy", CORE / "skills.yaml")


def analyze(*extra: str | Path) -> Result:
    return invoke("analyze", *ARGS, *extra)


def test_json_has_the_documented_keys() -> None:
    result = analyze("--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert {"profile", "target", "readiness", "gaps", "met", "recommendations"} <= set(data)
    assert data["profile"] == "Test Person" and data["target"] == "Data Analyst"
    assert 0 <= data["readiness"] <= 1
    gap = data["gaps"][0]
    assert {"skill", "required", "current", "gap", "importance"} <= set(gap)
    assert (gap["skill"], gap["current"], gap["required"], gap["gap"]) == ("SQL", 1, 4, 3)
    rec = data["recommendations"][0]
    assert {"rank", "id", "title", "provider", "score", "closes", "hours", "cost", "reason"} <= set(rec)
    assert rec["rank"] == 1 and rec["id"] == "sql-pro"
    assert rec["closes"] == [
        {"skill": "SQL", "from": 1, "to": 4, "required": 4, "importance": "essential"}
    ]
    assert result.err == ""


def test_top_limits_the_recommendations() -> None:
    data = analyze("--format", "json", "--top", "2").json()
    assert len(data["recommendations"]) == 2


def test_estimates_are_marked_in_every_format() -> None:
    data = analyze("--format", "json").json()
    viz = next(r for r in data["recommendations"] if r["id"] == "data-viz")
    assert viz["estimated"] == ["cost"]
    table = analyze().out
    assert "~250 USD" in table and "marks an estimate" in table
    markdown = analyze("--format", "markdown").out
    assert "~250 USD" in markdown and "marks an estimate" in markdown


def test_table_shows_gaps_recommendations_and_readiness() -> None:
    result = analyze()
    assert result.code == 0, result.err
    assert "Readiness 42%" in result.out
    assert "SQL Professional" in result.out and "SQL 1\u21924" in result.out
    assert "\x1b[" not in result.out  # not a terminal: no colour codes


def test_markdown_is_a_document() -> None:
    out = analyze("--format", "markdown").out
    assert out.startswith("# Gap analysis: Test Person \u2192 Data Analyst")
    assert "| SQL | essential | 1 | 4 | 3 |" in out


def test_output_file_is_written_and_never_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    assert analyze("--format", "json", "-o", target).code == 0
    first = target.read_text()
    assert '"readiness"' in first
    target.write_text("keep me")
    refused = analyze("--format", "json", "-o", target)
    assert refused.code == 2
    assert "already exists" in refused.err and "--force" in refused.err
    assert target.read_text() == "keep me"
    assert analyze("--format", "json", "-o", target, "--force").code == 0
    assert target.read_text() == first
    assert [p.name for p in tmp_path.iterdir()] == ["report.json"]  # no temporary files left


def test_table_to_a_file_has_no_colour(tmp_path: Path) -> None:
    target = tmp_path / "report.txt"
    assert analyze("-o", target).code == 0
    text = target.read_text()
    assert "Readiness" in text and "\x1b[" not in text


def test_invalid_profile_exits_2_with_file_and_line(write) -> None:  # type: ignore[no-untyped-def]
    bad = write("bad.yaml", "name: A\nskills:\n  - {name: SQL, level: 7}\n")
    result = invoke("analyze", bad, "--target", CORE / "role.yaml")
    assert result.code == 2
    assert f"error: {bad}:3:" in result.err and "out of range" in result.err
    assert "Traceback" not in result.err and result.out == ""


def test_missing_profile_exits_2() -> None:
    result = invoke("analyze", "no-such-file.yaml", "--target", CORE / "role.yaml")
    assert result.code == 2 and "no-such-file.yaml: no such file" in result.err


def test_unknown_bundled_role_exits_2_with_a_hint() -> None:
    result = invoke("analyze", CORE / "profile.yaml", "--target", "no-such-role")
    assert result.code == 2 and "no bundled role" in result.err


def test_usage_errors_exit_2() -> None:
    assert invoke("analyze").code == 2
    assert invoke("analyze", CORE / "profile.yaml").code == 2  # --target missing
    result = analyze("--format", "xml")
    assert result.code == 2 and "xml" in result.err
    assert invoke("no-such-command").code == 2


def test_a_format_a_command_does_not_offer_is_a_usage_error() -> None:
    result = analyze("--format", "csv")
    assert result.code == 2 and "'csv' is not one of 'table', 'json', 'markdown'" in result.err


def test_unexpected_failures_exit_1_without_traceback(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def boom(*_a, **_k):  # type: ignore[no-untyped-def]
        raise RuntimeError("kaboom")

    monkeypatch.setattr("skillgap.person.analyse_person", boom)
    result = analyze()
    assert result.code == 1
    assert "kaboom" in result.err and "--debug" in result.err and "Traceback" not in result.err


def test_interrupt_exits_130(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def interrupted(*_a, **_k):  # type: ignore[no-untyped-def]
        raise KeyboardInterrupt

    monkeypatch.setattr("skillgap.person.analyse_person", interrupted)
    result = analyze()
    assert result.code == 130 and "interrupted" in result.err and "Traceback" not in result.err


def test_eligibility_conditions_are_shown_before_anyone_enrols() -> None:
    rec = next(r for r in analyze("--format", "json").json()["recommendations"] if r["id"] == "sql-pro")
    assert rec["eligibility"] == "two years of database work"
    assert "eligibility: two years of database work" in rec["reason"]
    table = " ".join(analyze().out.split())
    assert "Before you enrol in SQL Professional: the provider asks for two years of database work." in table


def test_analyze_says_how_many_credentials_its_preferences_left_out_and_why(write) -> None:  # type: ignore[no-untyped-def]
    profile = write(
        "p.yaml",
        "name: Pat\nskills: {SQL: 1, Excel: 3}\n"
        "preferences: {formats: [online], exclude_providers: [Acme, Zeta]}\n",
    )
    args = (profile, *ARGS[1:])
    data = invoke("analyze", *args, "--format", "json").json()
    # sql-basics and sql-pro (Acme), same-as-sql-basics (Zeta), data-viz (in-person) would close a gap;
    # python-intro and stats-101 (online, other providers) are ranked
    groups = data["left_out_by_preferences"]
    assert [(g["preference"], g["value"], g["count"], g["credentials"]) for g in groups] == [
        ("exclude_providers", "Acme", 2, ["sql-basics", "sql-pro"]),
        ("exclude_providers", "Zeta", 1, ["same-as-sql-basics"]),
        ("formats", "in-person", 1, ["data-viz"]),
    ]
    expected = (
        "Your preferences leave out 4 credentials that would close a gap: 1 in-person (your formats: "
        "online); 2 from 'Acme', 1 from 'Zeta' (in your exclude_providers)."
    )
    table = invoke("analyze", *args).out
    assert expected in " ".join(table.split())
    markdown = invoke("analyze", *args, "--format", "markdown").out
    assert expected in " ".join(markdown.replace("\\_", "_").split())
    # no preference that leaves anything out: nothing said
    plain = analyze("--format", "json").json()
    assert plain["left_out_by_preferences"] == []
    assert "preferences leave out" not in analyze().out
