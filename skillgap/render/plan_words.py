"""Sentences every plan format shares: the request, the totals, the deadline, how the plan was found and
what it would take to close the gaps left open. Plain text; callers clean or escape it for their format
(file text inside it, such as titles, must still go through `clean()` or `markdown()`)."""

from __future__ import annotations

from datetime import date

from skillgap.dates import beyond
from skillgap.model import Credential
from skillgap.money import Amounts, Money
from skillgap.plan import Objective, Plan
from skillgap.plan.explain import deadline_words
from skillgap.render.money import cost_text, money
from skillgap.words import plural

GOALS = {
    Objective.COST: "least total cost",
    Objective.HOURS: "fewest hours",
    Objective.CREDENTIALS: "fewest credentials",
}
# "... or as much ___": what a plan no better than this one would have to beat it on
FOR_LESS = {
    Objective.COST: "at a lower cost",
    Objective.HOURS: "in fewer hours",
    Objective.CREDENTIALS: "with fewer credentials",
}


def plan_currency(plan: Plan) -> str | None:
    currencies = plan.currencies
    return currencies[0] if len(currencies) == 1 else None


def budget_currency(plan: Plan, profile_currency: str | None) -> str | None:
    """The currency the budget is in: the one the plan counts costs in (the option's, else the profile's,
    else the catalog's), or failing that the plan's own."""
    return plan.request.money.currency or profile_currency or plan_currency(plan)


def costs_currency(plan: Plan, budget: str | None) -> str | None:
    """The currency to show a sum of catalog costs in: the plan's own; None (no label) when its costs are
    in several; the budget's when it has no step to tell."""
    if plan.currencies:
        return plan_currency(plan)
    return budget


def amounts_text(amounts: Amounts, money_: Money | None = None) -> str:
    """Sums by currency as people read them: "575 USD"; with rates that convert every part, the total in
    the budget's currency and the parts ("1,083 EUR (575 USD + 500 GBP, converted)"); without, the parts
    alone, never added ("575 USD + 500 GBP, not added up: no exchange rate")."""
    if not amounts.parts:
        return money(0, money_.currency if money_ else None)
    parts = " + ".join(money(amount, currency) for currency, amount in amounts.parts)
    converted = amounts.total_in(money_) if money_ is not None and money_.rates is not None else None
    if amounts.single:
        foreign = money_ is not None and amounts.parts[0][0] not in (None, money_.currency)
        if converted is not None and money_ is not None and foreign:
            return f"{parts} (\u2248 {money(converted, money_.currency)})"
        return parts
    if converted is not None and money_ is not None:
        return f"{money(converted, money_.currency)} ({parts}, converted)"
    return f"{parts}, not added up: no exchange rate"


def total_cost_text(plan: Plan) -> str:
    return amounts_text(plan.costs, plan.request.money)


def step_cost_text(plan: Plan, credential: Credential, between: str = "\n") -> str:
    """A step's cost as the provider prices it, and after BETWEEN in the budget's currency when a rate
    converts it."""
    text = cost_text(credential)
    money_ = plan.request.money
    if credential.cost is None or money_.rates is None or credential.currency in (None, money_.currency):
        return text
    converted = money_.convert(credential.cost, credential.currency)
    return text if converted is None else f"{text}{between}(\u2248 {money(converted, money_.currency)})"


def request_text(plan: Plan, currency: str | None) -> str:
    r = plan.request
    parts = [f"objective: {GOALS[r.objective]}"]
    parts.append(f"budget {money(r.budget, currency)}" if r.budget is not None else "no budget limit")
    if r.hours_per_week:
        parts.append(f"{r.hours_per_week:g} h/week")
    if r.deadline is not None:
        parts.append(f"deadline {r.deadline.isoformat()}")
    if r.start is not None and r.hours_per_week:
        parts.append(f"starting {r.start.isoformat()}")
    if r.money.rates is not None:
        parts.append(rates_text(r.money))
    return "; ".join(parts)


def rates_text(money_: Money) -> str:
    """Which rates convert the costs: "costs in EUR at the rates of rates.yaml (as of 2026-05-01)"."""
    rates = money_.rates
    if rates is None:
        return ""
    day = f" (as of {rates.as_of.isoformat()})" if rates.as_of else ""
    return f"costs in {money_.currency} at the rates of {rates.file}{day}"


def totals_text(plan: Plan) -> str:
    if not plan.steps:
        return "No credential to take."
    text = f"{plural(len(plan.steps), 'credential')}, {total_cost_text(plan)}, {plan.total_hours:g} h"
    if plan.finish is not None and plan.request.hours_per_week:
        text += f", finishing {plan.finish.isoformat()}"
    return text + "."


def deadline_text(plan: Plan) -> str | None:
    deadline = plan.request.deadline
    if deadline is None:
        return None
    if plan.request.deadline_passed:
        return f"The deadline has passed: {deadline_words(plan.request)}."
    met = plan.meets_deadline
    if met is None:
        return f"Deadline {deadline.isoformat()}: not checked (no hours per week to date the plan by)."
    if met:
        return f"Meets the deadline ({deadline.isoformat()})."
    finish = plan.finish or deadline
    if beyond(finish):
        return f"Misses the deadline ({deadline.isoformat()}): the plan ends after the year {date.max.year}."
    return f"Misses the deadline ({deadline.isoformat()}) by {plural((finish - deadline).days, 'day')}."


def essential_text(plan: Plan) -> str | None:
    """A warning when an essential gap stays open (the plan tries those first)."""
    names = [g.gap.skill for g in plan.essential_open]
    if not names:
        return None
    return f"Essential gaps this plan cannot close: {', '.join(names)} (see why below)."


def solver_text(plan: Plan) -> str:
    s = plan.solver
    if s.optimal:
        aside = ""
        if s.dominated:
            them = "it" if s.dominated == 1 else "them"
            aside = f"; {s.dominated:,} left aside because another beats {them} on every count"
        return (
            f"Optimal: an exact search of {plural(s.candidates, 'candidate credential')} "
            f"({plural(s.nodes, 'node')}{aside}) found no plan that closes more of the gaps, or as much "
            f"{FOR_LESS[plan.request.objective]}."
        )
    return (
        f"Approximate, not proven optimal: {s.reason}. The plan is the best found by a greedy choice "
        "(most value per unit of the objective) with local improvement."
    )


def shortfall_lines(plan: Plan, currency: str | None) -> list[str]:
    """What closing the open gaps would take; CURRENCY is the budget's (see `budget_currency`)."""
    short = plan.shortfall
    if short is None:
        return []
    r = plan.request
    lines = []
    if short.extra_budget is not None and r.budget is not None:
        total = r.budget + short.extra_budget
        lines.append(
            f"With {money(short.extra_budget, currency)} more budget (total {money(total, currency)}), "
            "the plan closes every gap the usable credentials can close."
        )
    if short.extra_hours is not None:
        line = f"With {plural(round(short.extra_hours), 'more hour')} of study"
        if beyond(short.deadline_needed):
            line += f" (after the year {date.max.year} at the same pace)"
        elif short.deadline_needed is not None:
            line += f" (a deadline of {short.deadline_needed.isoformat()} at the same pace)"
        lines.append(line + ", the plan closes every gap the usable credentials can close.")
    if not lines:
        lines.append("Neither more budget alone nor more time alone is enough.")
    if short.both_cost is not None and short.both_hours is not None:
        lines.append(
            f"Without limits, the plan would cost {amounts_text(short.both_costs, plan.request.money)} "
            f"and take {short.both_hours:g} h."
        )
    return lines


def iso(day: date | None) -> str:
    return day.isoformat() if day is not None else "-"
