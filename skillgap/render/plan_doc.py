"""The plan as plain data: the one structure behind `plan --format json`."""

from __future__ import annotations

from datetime import date
from typing import Any

from skillgap.analyse import Analysis
from skillgap.dates import beyond
from skillgap.money import Amounts, Money
from skillgap.plan import Plan, Step
from skillgap.render.analysis_doc import entry_data, judgement_data, warnings_data
from skillgap.render.plan_words import plan_currency
from skillgap.render.posting_out import target_posting

SCHEMA_VERSION = 1


def day(value: date | None) -> str | None:
    """A date as written (a month stays "2027-06"); null for none, and for one past the calendar's end
    (the plan's notes say so)."""
    return value.isoformat() if value is not None and not beyond(value) else None


def step_data(step: Step) -> dict[str, Any]:
    c = step.credential
    return {
        "step": step.number,
        "id": c.id,
        "title": c.title,
        "provider": c.provider,
        "provider_type": c.provider_type,
        "type": c.type,
        "url": c.url,
        "cost": c.cost,
        "currency": c.currency,
        "hours": c.hours,
        "estimated": sorted(c.estimated),
        "format": c.format,
        "assessment": c.assessment,
        "eligibility": c.eligibility,
        "eligible": judgement_data(step.eligibility),
        "entry": [entry_data(e.shortfall, e.by_steps) for e in step.entry],
        "start": day(step.start),
        "finish": day(step.finish),
        "needs": list(step.needs),
        "closes": [
            {
                "skill": r.gap.skill,
                "from": r.before,
                "to": r.after,
                "required": r.gap.required,
                "importance": r.gap.importance.value,
                "complete": r.complete,
            }
            for r in step.raises
        ],
        "readiness_after": round(step.readiness_after, 4),
        "pathways": [
            {"id": p.id, "title": p.title, "award": p.award, "done": p.done, "total": p.total}
            for p in step.pathways
        ],
    }


def single_total(plan: Plan) -> float | None:
    """The total in one currency: the plan's own, or the budget's when rates convert every cost; None for
    costs in several currencies that no rate converts (they are in `costs`, never added up)."""
    return amounts_total(plan.costs, plan.request.money)


def amounts_total(amounts: Amounts, money: Money) -> float | None:
    """A sum in one currency, or converted by the rates; None when it is in several no rate converts."""
    if amounts.single:
        return round(amounts.parts[0][1], 2) if amounts.parts else 0.0
    total = amounts.total_in(money) if money.rates is not None else None
    return None if total is None else round(total, 2)


def rates_data(money: Money) -> dict[str, Any] | None:
    rates = money.rates
    if rates is None:
        return None
    return {
        "file": rates.file,
        "to": rates.to,
        "as_of": rates.as_of.isoformat() if rates.as_of else None,
        "rates": {k: rates.rates[k] for k in sorted(rates.rates)},
    }


def plan_document(analysis: Analysis, plan: Plan) -> dict[str, Any]:
    r = plan.request
    short = plan.shortfall
    return {
        "schema": SCHEMA_VERSION,
        "profile": analysis.profile.name,
        "profile_file": analysis.profile.file,
        "target": analysis.role.title,
        "target_id": analysis.role.id,
        "target_posting": target_posting(analysis.role),
        "objective": r.objective.value,
        "limits": {
            "budget": r.budget,
            "budget_currency": analysis.profile.preferences.currency,
            "counted_in": r.money.currency,
            "rates": rates_data(r.money),
            "hours_per_week": r.hours_per_week,
            "deadline": day(r.deadline),
            "start": day(r.start),
            "available_hours": round(r.available_hours, 2) if r.available_hours is not None else None,
        },
        "optimal": plan.solver.optimal,
        "solver": {
            "method": plan.solver.method,
            "candidates": plan.solver.candidates,
            "dominated": plan.solver.dominated,
            "nodes": plan.solver.nodes,
            "reason": plan.solver.reason or None,
        },
        "readiness": {"now": round(plan.readiness_before, 4), "after": round(plan.readiness_after, 4)},
        "steps": [step_data(s) for s in plan.steps],
        "total_cost": round(total, 2) if (total := single_total(plan)) is not None else None,
        "costs": plan.costs.as_dict(),
        "total_hours": round(plan.total_hours, 2),
        "currency": plan_currency(plan)
        if plan.costs.single or single_total(plan) is None
        else r.money.currency,
        "currencies": list(plan.currencies),
        "finish": day(plan.finish) if r.hours_per_week else None,
        "meets_deadline": plan.meets_deadline,
        "open_gaps": [
            {
                "skill": g.gap.skill,
                "requested_as": g.gap.requested_as,
                **({"any_of": list(g.gap.options)} if g.gap.options else {}),
                "importance": g.gap.importance.value,
                "current": g.gap.current,
                "after": g.after,
                "required": g.gap.required,
                "reason": g.reason,
                "untaught": g.untaught,
            }
            for g in plan.open_gaps
        ],
        "untaught": [g.gap.skill for g in plan.open_gaps if g.untaught],
        "shortfall": None
        if short is None
        else {
            "extra_budget": short.extra_budget,
            "extra_hours": round(short.extra_hours, 2) if short.extra_hours is not None else None,
            "deadline_needed": day(short.deadline_needed),
            "unlimited_cost": amounts_total(short.both_costs, r.money),
            "unlimited_costs": short.both_costs.as_dict(),
            "unlimited_hours": short.both_hours,
        },
        "required_credentials": [
            {"name": rc.name, "held": rc.held, "routes": list(rc.routes), "note": rc.describe()}
            for rc in plan.required_credentials
        ],
        "left_out": [
            {"id": x.credential.id, "title": x.credential.title, "reason": x.reason, "kind": x.kind or None}
            for x in plan.left_out
        ],
        "notes": list(plan.notes),
        "warnings": warnings_data(analysis),
    }
