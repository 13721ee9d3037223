"""The plan as Markdown, for a handout or an issue tracker."""

from __future__ import annotations

from skillgap.analyse import Analysis
from skillgap.plan import Plan
from skillgap.render.evidence import not_open_lines, step_eligibility
from skillgap.render.money import ESTIMATE_MARK, hours_text
from skillgap.render.plan_words import (
    budget_currency,
    deadline_text,
    essential_text,
    iso,
    request_text,
    shortfall_lines,
    solver_text,
    step_cost_text,
    totals_text,
)
from skillgap.render.safe import markdown as md


def render_plan_markdown(analysis: Analysis, plan: Plan) -> str:
    currency = budget_currency(plan, analysis.profile.preferences.currency)
    lines = [
        f"# Plan: {md(analysis.profile.name)} \u2192 {md(analysis.role.title)}",
        "",
        md(request_text(plan, currency)),
        "",
        f"**Readiness:** {plan.readiness_before:.0%} now \u2192 {plan.readiness_after:.0%} after the plan",
        "",
        "## Steps",
        "",
    ]
    if plan.steps:
        lines += [
            "| # | Credential | Closes | Hours | Cost | Start | Finish | Readiness |",
            "|---:|---|---|---:|---:|---|---|---:|",
        ]
        numbers = {s.credential.id: s.number for s in plan.steps}
        for s in plan.steps:
            c = s.credential
            cell = f"{md(c.title)} ({md(c.provider)})"
            cell += "".join(f"<br>{md(p.describe())}" for p in s.pathways)
            if s.needs:
                cell += "<br>after step " + ", ".join(str(numbers[n]) for n in s.needs)
            closes = "<br>".join(md(r.describe()) for r in s.raises) or "(prerequisite)"
            lines.append(
                f"| {s.number} | {cell} | {closes} | {hours_text(c)} | {step_cost_text(plan, c, '<br>')} | "
                f"{iso(s.start)} | {iso(s.finish)} | {s.readiness_after:.0%} |"
            )
        if any(s.credential.estimated for s in plan.steps):
            lines += ["", f"{ESTIMATE_MARK} marks an estimate, not a figure the provider publishes."]
        for note in step_eligibility(plan.steps):
            lines += ["", md(note)]
    else:
        lines.append("No credential can be planned within these limits.")
    lines += ["", f"**Total:** {md(totals_text(plan))}"]
    deadline = deadline_text(plan)
    if deadline:
        lines += ["", md(deadline)]
    essential = essential_text(plan)
    if essential:
        lines += ["", f"**{md(essential)}**"]
    lines += ["", md(solver_text(plan))]
    if plan.open_gaps:
        lines += ["", "## Gaps left open", ""]
        for g in plan.open_gaps:
            level = f"{g.after}/{g.gap.required} ({g.gap.importance.value})"
            lines.append(f"- **{md(g.gap.skill)}** {level}: {md(g.reason)}")
        short = shortfall_lines(plan, currency)
        if short:
            lines += ["", "### What it would take", ""] + [f"- {md(x)}" for x in short]
    not_open = not_open_lines(plan)
    if not_open:
        lines += ["", "## Left out: not yet open to you", ""] + [f"- {md(x)}" for x in not_open]
    if plan.required_credentials:
        lines += ["", "## Required credentials", ""]
        lines += [f"- {md(rc.describe())}" for rc in plan.required_credentials]
    if plan.notes:
        lines += ["", "## Notes", ""] + [f"- {md(n)}" for n in plan.notes]
    return "\n".join(lines) + "\n"
