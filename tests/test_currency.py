"""A budget is shown in the profile's currency in every format, whatever the catalog prices things in;
costs keep their own currency, and nothing is converted."""

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


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_the_plan_shows_the_budget_and_what_more_it_would_take_in_euros(args: Any, fmt: str) -> None:
    result = invoke("plan", *args(), "--format", fmt)
    assert result.code == 0, result.err
    text = flat(result.out)
    assert "budget 100 EUR" in text
    assert "With 40 EUR more budget (total 140 EUR)" in text
    assert "Without limits, the plan would cost 140 USD" in text  # a sum of costs, in theirs
    assert "80 USD" in text  # the step's cost, as the catalog prices it
    assert not re.search(r"\b(100|40) USD", text)


def test_the_memo_asks_within_a_budget_in_euros_and_says_costs_are_in_dollars(args: Any) -> None:
    memo = flat(invoke("plan", *args(), "--format", "memo").out)
    assert "Funding of about 80 USD" in memo
    assert "against the 100 EUR I had set aside as a budget (the costs are in USD" in memo
    assert "100 USD" not in memo


def test_a_memo_in_one_currency_says_within(args: Any) -> None:
    memo = flat(invoke("plan", *args("USD"), "--format", "memo").out)
    assert "within the 100 USD I had set aside as a budget." in memo


def test_the_json_keeps_the_budgets_currency_apart_from_the_costs(args: Any) -> None:
    data = invoke("plan", *args(), "--format", "json").json()
    assert data["limits"]["budget"] == 100 and data["limits"]["budget_currency"] == "EUR"
    assert data["currency"] == "USD" and data["steps"][0]["currency"] == "USD"
    assert data["shortfall"]["extra_budget"] == 40


@pytest.mark.parametrize("fmt", ["markdown", "html"])
def test_the_coaching_sheet_compares_costs_with_a_budget_in_euros(args: Any, fmt: str) -> None:
    result = invoke("report", *args(), "--format", fmt)
    assert result.code == 0, result.err
    text = flat(result.out)
    assert "the plan costs 80 USD against your budget of 100 EUR." in text
    assert "would take 40 EUR more budget" in text
    assert "the full plan costs 140 USD" in text
    assert not re.search(r"\b(100|40) USD", text)


def test_without_a_currency_the_budget_is_read_in_the_costs_currency(args: Any) -> None:
    text = flat(invoke("plan", *args(""), "--format", "markdown").out)
    assert "budget 100 USD" in text and "With 40 USD more budget" in text
    assert invoke("plan", *args(""), "--format", "json").json()["limits"]["budget_currency"] is None
