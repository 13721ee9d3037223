"""Money in several currencies: converted with a rates file the user gives (its date shown), kept apart and
never added up without one; `analyze` marks what is over the budget; `cohort` and `report` say who a team
budget, with a cap per person, funds first."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from skillgap.errors import InputError
from skillgap.load.rates import load_rates
from tests.conftest import invoke

ROLE = """\
title: Designer
requirements:
  - {skill: design, level: 3, importance: essential}
  - {skill: needs, level: 3, importance: important}
"""
CATALOG = """\
name: Two currencies
currency: USD
credentials:
  - {id: design, title: Design Course, provider: Acme, skills: [{name: design, level: 3}], cost: 100,
     hours: 10}
  - {id: needs, title: Needs Course, provider: Acme, skills: [{name: needs, level: 3}], cost: 50, hours: 10,
     currency: GBP}
"""
SKILLS = "skills:\n  - {name: design}\n  - {name: needs}\n"
RATES_YAML = "to: USD\nas_of: 2026-05-01\nrates:\n  GBP: 1.3\n  EUR: 1.1\n"  # 50 GBP is 65 USD


def person(name: str, design: int = 1, budget: str = "") -> str:
    text = f"name: {name}\nskills:\n  - {{name: design, level: {design}}}\n"
    return text + (f"preferences: {{budget: {budget}, currency: USD}}\n" if budget else "")


@pytest.fixture
def world(write: Any) -> list[str | Path]:
    return [
        "--target", write("role.yaml", ROLE), "--catalog", write("catalog.yaml", CATALOG),
        "--taxonomy", write("skills.yaml", SKILLS),
    ]  # fmt: skip


def flat(text: str) -> str:
    return " ".join(re.sub(r"[│┃|]", " ", text).split())


def test_without_rates_a_total_in_two_currencies_is_never_a_sum(write: Any, world: Any) -> None:
    who = write("ann.yaml", person("Ann"))
    table = flat(invoke("plan", who, *world).out)
    assert "Total: 2 credentials, 50 GBP + 100 USD, not added up: no exchange rate, 20 h." in table
    assert "150" not in table
    data = invoke("plan", who, *world, "--format", "json").json()
    assert data["total_cost"] is None and data["currency"] is None
    assert data["costs"] == {"GBP": 50, "USD": 100}


def test_with_rates_the_total_is_converted_and_the_rates_date_shown(write: Any, world: Any) -> None:
    who = write("ann.yaml", person("Ann"))
    rates = write("rates.yaml", RATES_YAML)
    table = flat(invoke("plan", who, *world, "--rates", rates).out)
    assert "Total: 2 credentials, 165 USD (50 GBP + 100 USD, converted), 20 h." in table
    assert "costs in USD at the rates of" in table and "(as of 2026-05-01)" in table
    data = invoke("plan", who, *world, "--rates", rates, "--format", "json").json()
    assert data["total_cost"] == 165 and data["currency"] == "USD"


def test_a_budget_with_its_currency_on_the_command_line(write: Any, world: Any) -> None:
    """`--budget "150 GBP"`: the budget is in pounds; the design course's 100 USD is converted into them
    (1.3 USD a pound: 76.92 GBP), and 126.92 GBP of the two fit."""
    who = write("ann.yaml", person("Ann", budget="10"))
    rates = write("rates.yaml", RATES_YAML)
    data = invoke("plan", who, *world, "--rates", rates, "--budget", "150 GBP", "--format", "json").json()
    assert data["limits"]["budget"] == 150 and data["limits"]["counted_in"] == "GBP"
    assert {s["id"] for s in data["steps"]} == {"design", "needs"}
    bad = invoke("plan", who, *world, "--budget", "150 GBP EUR")
    assert bad.code == 2 and "is not an amount" in bad.err


def test_rates_files_in_yaml_and_csv_read_the_same(write: Any) -> None:
    yaml = load_rates(write("r.yaml", RATES_YAML))
    rows = "currency,rate,to,as_of\nGBP,1.3,USD,2026-05-01\neur,1.1,usd,2026-05-03\n"
    csv = load_rates(write("r.csv", rows))
    assert (yaml.to, dict(yaml.rates), str(yaml.as_of)) == ("USD", {"GBP": 1.3, "EUR": 1.1}, "2026-05-01")
    assert (csv.to, dict(csv.rates), str(csv.as_of)) == ("USD", {"GBP": 1.3, "EUR": 1.1}, "2026-05-01")
    assert yaml.convert(50, "GBP", "EUR") == pytest.approx(50 * 1.3 / 1.1)


@pytest.mark.parametrize(
    ("name", "text", "where", "message"),
    [
        ("a.yaml", "to: USD\nrates: {GBP: 1.3}\n", "a.yaml:1:1", "missing required field 'as_of'"),
        ("b.yaml", "to: USD\nas_of: 2026-05\nrates:\n  GBP: -1\n", "b.yaml:4:8", "more than 0"),
        ("c.yaml", "to: dollars\nas_of: 2026\nrates: {GBP: 1}\n", "c.yaml:1:5", "not a currency code"),
        ("d.csv", "currency,rate,to,as_of\nGBP,lots,USD,2026-05\n", "d.csv:2:2", "expected a rate"),
        ("e.csv", "currency,rate,to\nGBP,1.3,USD\n", "e.csv:1:1", "missing column 'as_of'"),
        ("f.csv", "currency,rate,to,as_of\nGBP,1.3,USD,2026\nEUR,1.1,GBP,2026\n", "f.csv:2:3",
         "every row must convert into one currency"),
    ],
)  # fmt: skip
def test_a_bad_rates_file_is_refused_where_it_is_wrong(
    write: Any, name: str, text: str, where: str, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        load_rates(write(name, text))
    assert any(where in str(p) and message in str(p) for p in caught.value.problems), caught.value.problems


def test_analyze_marks_a_credential_over_the_budget(write: Any, world: Any) -> None:
    who = write("ann.yaml", person("Ann", budget="80"))
    data = invoke("analyze", who, *world, "--format", "json").json()
    by_id = {r["id"]: r for r in data["recommendations"]}
    assert by_id["design"]["over_budget"] is True
    assert by_id["design"]["budget_note"] == "over your budget: 100 USD against 80 USD"
    assert by_id["needs"]["over_budget"] is None and "not compared" in by_id["needs"]["budget_note"]
    table = flat(invoke("analyze", who, *world).out)
    assert "Design Course is over your budget: 100 USD against 80 USD." in table
    rated = invoke("analyze", who, *world, "--rates", write("r.yaml", RATES_YAML), "--format", "json").json()
    assert {r["id"]: r["over_budget"] for r in rated["recommendations"]} == {"design": True, "needs": False}


def test_the_bundled_pound_priced_credentials_are_not_compared_with_a_dollar_budget(write: Any) -> None:
    """The bundled CIPD qualifications are priced in pounds: a plan within a budget in dollars leaves them
    out, saying why, unless rates convert them."""
    who = write("hr.yaml", "name: Sam\nskills:\n  - {name: human resource management, level: 1}\n"
                "preferences: {budget: 20000, currency: USD}\n")  # fmt: skip
    data = invoke("plan", who, "--target", "hr-business-partner", "--format", "json").json()
    left = {x["id"]: x for x in data["left_out"]}
    assert left["cipd-level5-associate-diploma"]["kind"] == "currency"
    notes = " ".join(data["notes"])
    assert "priced in" in notes and "GBP" in notes  # beside any other currency the bundled catalog uses (CAD)
    rates = write("r.yaml", "to: USD\nas_of: 2026-05-01\nrates: {GBP: 1.3, CAD: 0.73}\n")
    converted = invoke("plan", who, "--target", "hr-business-partner", "--rates", rates, "-f", "json").json()
    assert not [x for x in converted["left_out"] if x["kind"] == "currency"]


# --- a team's budget ---------------------------------------------------------------------------


@pytest.fixture
def team(write: Any) -> Path:
    write("team/ana.yaml", person("Ana", design=0))
    write("team/ben.yaml", person("Ben", design=1))
    write("team/cara.yaml", person("Cara", design=2))
    return Path(write("team/.keep", "").parent)


def test_cohort_says_who_the_team_budget_funds_first(team: Path, world: Any, write: Any) -> None:
    """300 USD for the team, 170 a person: the needs course (50 GBP, 65 USD converted) helps all three and
    ranks first; then the design course (100 USD) goes to Ana, furthest from ready (65 + 100 is within her
    cap), and Ben's and Cara's places would pass the 5 USD the team has left."""
    rates = write("r.yaml", RATES_YAML)
    args = [team, *world, "--rates", rates, "--team-budget", "300", "--budget-per-person", "170 USD"]
    result = invoke("cohort", *args, "--format", "json")
    assert result.code == 0, result.err
    funding = result.json()["funding"]
    assert funding["currency"] == "USD" and funding["spent"] == 295 and funding["left"] == 5
    assert [(f["id"], [p["name"] for p in f["people"]]) for f in funding["funded"]] == [
        ("needs", ["Ana", "Ben", "Cara"]), ("design", ["Ana"]),
    ]  # fmt: skip
    refused = {(x["person"], x["id"]): x["reason"] for x in funding["not_funded"]}
    assert refused == {
        ("Ben", "design"): "a place costs 100 USD and the team budget has 5 USD left",
        ("Cara", "design"): "a place costs 100 USD and the team budget has 5 USD left",
    }
    table = flat(invoke("cohort", *args).out)
    assert "Team budget 300 USD, at most 170 USD a person: 295 USD funds 4 places, 5 USD left" in table
    assert "Design Course: Ana (100 USD)" in table
    capped = invoke("cohort", *args[:-1], "150", "--format", "json").json()["funding"]
    reasons = {x["reason"] for x in capped["not_funded"]}
    assert reasons == {"a place costs 100 USD, over the 150 USD a person with 65 USD funded already"}


def test_the_cohort_sheet_shows_the_funding(team: Path, world: Any) -> None:
    text = flat(invoke("report", team, *world, "--team-budget", "300").out)
    assert "## Who the shared credentials fund first" in text
    assert "Needs Course is priced in GBP and the budget is in USD: no exchange rate converts it" in text


@pytest.mark.parametrize(
    ("command", "extra", "message"),
    [
        ("cohort", ["--format", "csv"], "--format csv shows none"),
        ("report", ["--format", "csv"], "--format csv has no cohort sheet"),
        ("cohort", ["--budget-per-person", "10 EUR"], "name different currencies (EUR, USD)"),
    ],
)
def test_a_team_budget_that_would_do_nothing_is_refused(
    team: Path, world: Any, command: str, extra: list[str], message: str
) -> None:
    result = invoke(command, team, *world, "--team-budget", "300 USD", *extra)
    assert result.code == 2 and message in result.err, result.err


def test_one_persons_report_has_no_cohort_sheet_to_fund(write: Any, world: Any) -> None:
    result = invoke("report", write("ann.yaml", person("Ann")), *world, "--team-budget", "300")
    assert result.code == 2 and "one person's report has none" in result.err
