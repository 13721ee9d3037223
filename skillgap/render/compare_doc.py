"""The role comparison as plain data: the list behind `skillgap compare --format json`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from skillgap.compare import RoleFit
from skillgap.model import Credential
from skillgap.plan import Plan
from skillgap.render.analysis_doc import gap_data
from skillgap.render.plan_doc import amounts_total
from skillgap.render.posting_out import target_posting


def plan_currency(plan: Plan) -> str | None:
    """The currency of the plan's cost: its steps' own, the budget's when rates convert them, or None when
    they are priced in several no rate converts (see `plan_costs`)."""
    currencies = plan.currencies
    if len(currencies) == 1:
        return currencies[0]
    return plan.request.money.currency if amounts_total(plan.costs, plan.request.money) is not None else None


def fit_data(fit: RoleFit) -> dict[str, Any]:
    essential, full = fit.essential_plan, fit.full_plan
    return {
        "target": fit.role.title,
        "target_id": fit.role.id,
        "target_file": fit.role.file,
        "target_posting": target_posting(fit.role),
        "readiness": round(fit.readiness, 4),
        "essential_gaps": [gap_data(g) for g in fit.essential_gaps],
        "gaps": len(fit.analysis.gaps),
        "plan_cost": amounts_total(essential.costs, essential.request.money),
        "plan_costs": essential.costs.as_dict(),
        "plan_hours": round(essential.total_hours, 2),
        "plan_currency": plan_currency(essential),
        "plan_credentials": [s.credential.id for s in essential.steps],
        "essential_open": [
            {
                "skill": u.skill,
                "after": u.open_gap.after,
                "required": u.open_gap.gap.required,
                "reason": u.reason,
                "left_out": [
                    {"id": x.credential.id, "title": x.credential.title, "reason": x.reason}
                    for x in u.left_out
                ],
            }
            for u in fit.unclosed()
        ],
        "full_plan_cost": amounts_total(full.costs, full.request.money),
        "full_plan_costs": full.costs.as_dict(),
        "full_plan_hours": round(full.total_hours, 2),
        "full_plan_currency": plan_currency(full),
        "required_credentials": list(fit.role.required_credentials),
        "eligibility": [
            {"id": c.id, "title": c.title, "eligibility": c.eligibility} for c in conditional(fit)
        ],
    }


def conditional(fit: RoleFit) -> list[Credential]:
    """The credentials of a role's two plans whose providers set conditions to enrol, each once."""
    seen: dict[str, Credential] = {}
    for plan in (fit.essential_plan, fit.full_plan):
        for step in plan.steps:
            if step.credential.eligibility:
                seen.setdefault(step.credential.id, step.credential)
    return list(seen.values())


def compare_document(fits: Sequence[RoleFit]) -> list[dict[str, Any]]:
    return [fit_data(f) for f in fits]
