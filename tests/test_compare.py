"""`skillgap compare`: roles ranked by readiness, with essential gaps and the plan that would close them."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import invoke

CORE = Path(__file__).parent / "data" / "core"
WORLD = ("--catalog", CORE / "catalog.yaml", "--taxonomy", CORE / "skills.yaml")
CLERK = (
    "title: Spreadsheet Clerk\nrequirements:\n  - {skill: Excel, level: 3, importance: essential}\n"
    "  - {skill: SQL, level: 2}\n"
)
WEAVER = (
    "title: Data Weaver\nrequirements:\n  - {skill: SQL, level: 3, importance: essential}\n"
    "  - {skill: underwater basket weaving, level: 2, importance: essential}\n"
)


def test_json_ranks_roles_by_readiness_with_essential_gaps_and_plan_cost(write) -> None:  # type: ignore[no-untyped-def]
    clerk = write("clerk.yaml", CLERK)
    result = invoke(
        "compare",
        CORE / "profile.yaml",
        "--target",
        CORE / "role.yaml",
        "--target",
        clerk,
        *WORLD,
        "-f",
        "json",
    )
    assert result.code == 0, result.err
    analyst, spreadsheet = result.json()[1], result.json()[0]
    assert [r["target"] for r in result.json()] == ["Spreadsheet Clerk", "Data Analyst"]
    # Clerk: Excel 3 of 3 (x3) + SQL 1 of 2 (x2) = 11 of 13; Analyst: 14 of 33 (see test_cohort)
    assert spreadsheet["readiness"] == round(11 / 13, 4) and analyst["readiness"] == round(14 / 33, 4)
    assert spreadsheet["essential_gaps"] == [] and spreadsheet["plan_cost"] == 0
    assert [(g["skill"], g["current"], g["required"]) for g in analyst["essential_gaps"]] == [("SQL", 1, 4)]
    # The cheapest way to SQL 4 is SQL Professional (SQL Basics stops at 3).
    assert (analyst["plan_cost"], analyst["plan_hours"], analyst["plan_currency"]) == (600, 60, "USD")
    assert analyst["plan_credentials"] == ["sql-pro"]
    # Every gap: SQL Professional, Python Introduction (free) and Data Visualization with Tableau (~250).
    assert (analyst["full_plan_cost"], analyst["full_plan_hours"]) == (850, 115)


def test_an_essential_gap_no_credential_closes_is_said_and_the_rest_is_planned(write) -> None:  # type: ignore[no-untyped-def]
    weaver = write("weaver.yaml", WEAVER)
    [fit] = invoke("compare", CORE / "profile.yaml", "--target", weaver, *WORLD, "-f", "json").json()
    assert [g["skill"] for g in fit["essential_gaps"]] == ["SQL", "underwater basket weaving"]
    assert [g["skill"] for g in fit["essential_open"]] == ["underwater basket weaving"]
    assert "no credential in the catalog teaches" in fit["essential_open"][0]["reason"]
    # SQL 3 for 100 (SQL Basics, or its identical twin: the planner breaks the tie by id)
    assert len(fit["plan_credentials"]) == 1 and (fit["plan_cost"], fit["plan_hours"]) == (100, 20)


def test_all_compares_every_bundled_role_closest_first() -> None:
    from skillgap.load.paths import bundled_roles_dir

    profile = Path(__file__).parent.parent / "examples" / "profiles" / "trainer-to-elearning.yaml"
    result = invoke("compare", profile, "--all", "--format", "json")
    assert result.code == 0, result.err
    fits = result.json()
    assert sorted(f["target_id"] for f in fits) == sorted(p.stem for p in bundled_roles_dir().glob("*.yaml"))
    readiness = [f["readiness"] for f in fits]
    assert readiness == sorted(readiness, reverse=True)
    assert fits[0]["target_id"] == "corporate-trainer"  # a corporate trainer is closest to corporate trainer
    for f in fits:
        assert {"target", "readiness", "essential_gaps", "plan_cost", "plan_hours"} <= set(f)


def test_table_shows_roles_gaps_and_plans(write) -> None:  # type: ignore[no-untyped-def]
    clerk = write("clerk.yaml", CLERK)
    result = invoke("compare", CORE / "profile.yaml", "-r", CORE / "role.yaml", "-r", clerk, *WORLD)
    assert result.code == 0, result.err
    out = result.out
    assert out.index("Spreadsheet Clerk") < out.index("Data Analyst")
    assert "SQL 1\u21924" in out and "600 USD" in out and "850 USD" in out and "60 h" in out
    assert "\x1b[" not in out


def test_the_same_role_twice_is_compared_once() -> None:
    result = invoke(
        "compare",
        CORE / "profile.yaml",
        "-r",
        CORE / "role.yaml",
        "-r",
        CORE / "role.yaml",
        *WORLD,
        "-f",
        "json",
    )
    assert len(result.json()) == 1


def test_no_roles_is_a_usage_error() -> None:
    result = invoke("compare", CORE / "profile.yaml")
    assert result.code == 2 and "--target" in result.err and "--all" in result.err


def test_a_broken_role_exits_2_with_file_and_line(write) -> None:  # type: ignore[no-untyped-def]
    bad = write("bad.yaml", "title: Bad\nrequirements:\n  - {skill: SQL, level: 9}\n")
    result = invoke("compare", CORE / "profile.yaml", "-r", bad, *WORLD)
    assert result.code == 2 and f"{bad}:3:" in result.err and "Traceback" not in result.err


VIZ = "title: Viz Lead\nrequirements:\n  - {skill: data visualisation, level: 3, importance: essential}\n"


def test_an_essential_gap_only_excluded_credentials_close_gives_the_real_reason(write) -> None:  # type: ignore[no-untyped-def]
    """data-viz is the one credential teaching it, and it is in-person: the profile asks for online."""
    role = write("viz.yaml", VIZ)
    online = write("p.yaml", "name: Pat\nskills: {SQL: 1}\npreferences: {formats: [online]}\n")
    [fit] = invoke("compare", online, "--target", role, *WORLD, "-f", "json").json()
    [gap] = fit["essential_open"]
    assert gap["skill"] == "data visualization"
    reason = "1 credential that would raise it is left out: 1 in-person (not among your formats)"
    assert gap["reason"] == reason
    assert gap["left_out"] == [
        {
            "id": "data-viz",
            "title": "Data Visualization with Tableau",
            "reason": "format in-person is not among the preferred formats",
        }
    ]
    table = invoke("compare", online, "--target", role, *WORLD).out
    words = " ".join(w for w in table.split() if w != "\u2502")
    assert "no credential closes" not in words
    assert f"(not closed: data visualization: {reason})" in words
    shunned = write("q.yaml", "name: Quin\nskills: {SQL: 1}\npreferences: {exclude_providers: [vendor inc]}")
    [fit] = invoke("compare", shunned, "--target", role, *WORLD, "-f", "json").json()
    assert fit["essential_open"][0]["reason"].endswith("1 from 'vendor inc' (in your exclude_providers)")
    # nothing teaches it at all: said as such
    weaver = write("weaver.yaml", WEAVER)
    [fit] = invoke("compare", online, "--target", weaver, *WORLD, "-f", "json").json()
    assert fit["essential_open"][0]["reason"].startswith("no credential in the catalog teaches")


def test_the_reason_groups_left_out_credentials_by_preference_and_other_reasons() -> None:
    from skillgap.analyse.gaps import Gap
    from skillgap.compare import Unclosed
    from skillgap.levels import Importance
    from skillgap.model import Credential, CredentialSkill, Preferences
    from skillgap.plan.types import LeftOut, OpenGap

    def cred(ident: str, provider: str = "P", fmt: str = "online") -> Credential:
        return Credential(ident, ident, provider, (CredentialSkill("x", 3),), format=fmt)

    gap = OpenGap(Gap("x", 3, 0, Importance.ESSENTIAL, "x", True), 0, "plan's own words")
    prefs = Preferences(formats=("online",), exclude_providers=("Coursera",))
    left_out = (
        LeftOut(cred("a", fmt="in-person"), "format in-person is not among the preferred formats"),
        LeftOut(cred("b", fmt="hybrid"), "format hybrid is not among the preferred formats"),
        LeftOut(cred("c", fmt="in-person"), "format in-person is not among the preferred formats"),
        LeftOut(cred("d", "Google (Coursera)"), "provider Google (Coursera) is excluded"),
        LeftOut(cred("e"), "cost unknown"),
        LeftOut(cred("f"), "cost unknown"),
        LeftOut(cred("g"), "hours unknown"),
    )
    assert Unclosed(gap, left_out, prefs).reason == (
        "7 credentials that would raise it are left out: 2 in-person, 1 hybrid (not among your formats); "
        "1 from 'Coursera' (in your exclude_providers); cost unknown (2); hours unknown"
    )
    assert Unclosed(gap, (), prefs).reason == "plan's own words"
