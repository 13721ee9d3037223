"""A budget is shown in the profile's currency in every format, whatever the catalog prices things in; costs
keep their own currency. With a rates file they are converted into the budget's (the rates' date shown);
without one, a cost in another currency cannot be held against the budget and is left out, never compared
as written."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import invoke

PROFILE = """\
name: Euro Learner
skills:
  - {name: instructional design, level: 1}
preferences:
  budget: 100
  currency: CURRENCY
"""
ROLE = """\
title: Designer
requirements:
  - {skill: instructional design, level: 3, importance: essential}
  - {skill: needs assessment, level: 3, importance: important}
"""
# priced in dollars: within the budget of 100 only one of the two fits, so the plan says what more
# budget it would take (40) and what the unlimited plan costs (140)
CATALOG = """\
name: Dollars
currency: USD
credentials:
  - {id: design-course, title: Design Course, provider: Acme,
     skills: [{name: instructional design, level: 3}],
     cost: 80, hours: 10, format: online, assessment: exam}
  - {id: needs-course, title: Needs Course, provider: Acme, skills: [{name: needs assessment, level: 3}],
     cost: 60, hours: 10, format: online, assessment: exam}
"""
SKILLS = "skills:\n  - {name: instructional design}\n  - {name: needs assessment}\n"


@pytest.fixture
def args(write: Any) -> Any:
    def _args(currency: str = "EUR") -> list[str | Path]:
        profile = (
            PROFILE.replace("CURRENCY", currency)
            if currency
            else PROFILE.replace("  currency: CURRENCY\n", "")
        )
        return [
            write(f"profile-{currency or 'none'}.yaml", profile),
            "--target",
            write("role.yaml", ROLE),
            "--catalog",
            write("catalog.yaml", CATALOG),
            "--taxonomy",
            write("skills.yaml", SKILLS),
        ]

    return _args


def flat(text: str) -> str:
    """The text with table borders and line breaks taken out, so a wrapped sentence reads whole."""
    return " ".join(re.sub(r"[│┃|]", " ", text).split())


RATES = "to: EUR\nas_of: 2026-05-01\nrates:\n  USD: 0.8\n"  # 80 USD is 64 EUR, 60 USD is 48 EUR


@pytest.fixture
def rates(write: Any) -> list[str | Path]:
    return ["--rates", write("rates.yaml", RATES)]


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_plan_counts_dollars_in_euros_with_rates(args: Any, rates: Any, fmt: str) -> None:
    """Within 100 EUR one course fits (64 EUR); both take 112 EUR: 12 EUR more."""
    result = invoke("plan", *args(), *rates, "--format", fmt)
    assert result.code == 0, result.err
    text = flat(result.out)
    assert "budget 100 EUR" in text and "costs in EUR at the rates of" in text
    assert "(as of 2026-05-01)" in text
    assert "With 12 EUR more budget (total 112 EUR)" in text
    assert "Without limits, the plan would cost 140 USD (\u2248 112 EUR)" in text
    assert "80 USD" in text and "(\u2248 64 EUR)" in text  # the step's cost as priced, and converted
    assert not re.search(r"\b(100|12) USD", text)


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_without_rates_a_budget_in_euros_leaves_out_what_is_priced_in_dollars(args: Any, fmt: str) -> None:
    text = flat(invoke("plan", *args(), "--format", fmt).out)
    assert "No credential can be planned within these limits." in text
    assert "its cost is in USD and your budget in EUR, and no exchange rates were given" in text
    assert "2 credentials priced in USD are left out" in text
    assert "80 USD against" not in text and "100 USD" not in text


def test_the_memo_asks_within_a_budget_in_euros_and_names_the_rates(args: Any, rates: Any) -> None:
    memo = flat(invoke("plan", *args(), *rates, "--format", "memo").out)
    assert "Funding of about 80 USD (\u2248 64 EUR)" in memo
    assert "within the 100 EUR I had set aside as a budget (costs in EUR at the rates of" in memo
    assert "100 USD" not in memo


def test_a_memo_in_one_currency_says_within(args: Any) -> None:
    memo = flat(invoke("plan", *args("USD"), "--format", "memo").out)
    assert "within the 100 USD I had set aside as a budget." in memo


def test_the_json_keeps_the_budgets_currency_apart_from_the_costs(args: Any, rates: Any) -> None:
    data = invoke("plan", *args(), *rates, "--format", "json").json()
    assert data["limits"]["budget"] == 100 and data["limits"]["budget_currency"] == "EUR"
    assert data["limits"]["counted_in"] == "EUR" and data["limits"]["rates"]["as_of"] == "2026-05-01"
    assert data["currency"] == "USD" and data["steps"][0]["currency"] == "USD"
    assert data["total_cost"] == 80 and data["costs"] == {"USD": 80}
    assert data["shortfall"]["extra_budget"] == pytest.approx(12)


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_coaching_sheet_compares_costs_with_a_budget_in_euros(args: Any, rates: Any, fmt: str) -> None:
    result = invoke("report", *args(), *rates, "--format", fmt)
    assert result.code == 0, result.err
    text = flat(result.out)
    assert "the plan costs 80 USD (\u2248 64 EUR) against your budget of 100 EUR." in text
    assert "would take 12 EUR more budget" in text
    assert "the full plan costs 140 USD (\u2248 112 EUR)" in text
    assert not re.search(r"\b(100|12) USD", text)


def test_without_a_currency_the_budget_is_read_in_the_costs_currency(args: Any) -> None:
    text = flat(invoke("plan", *args(""), "--format", "markdown").out)
    assert "budget 100 USD" in text and "With 40 USD more budget" in text
    assert invoke("plan", *args(""), "--format", "json").json()["limits"]["budget_currency"] is None
