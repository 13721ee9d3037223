"""`--format memo`: a short Markdown memo a person can send to a manager or HR to ask for support.

It says what the person is aiming at, which gaps stand in the way, the plan with its costs and hours,
what each credential proves and how it is assessed, and what the organisation gains. Every cost, hour and
readiness figure is called an estimate, because it is one.
"""

from __future__ import annotations

from datetime import date

from skillgap.analyse import Analysis
from skillgap.dates import beyond
from skillgap.levels import level_label
from skillgap.plan import Plan
from skillgap.render.evidence import verdict_sentence
from skillgap.render.money import ESTIMATE_MARK, hours_text, money
from skillgap.render.plan_words import budget_currency, rates_text, step_cost_text, total_cost_text
from skillgap.render.safe import markdown as md
from skillgap.words import agree, plural

ASSESSMENT = {
    "exam": "an exam",
    "project": "a graded project",
    "portfolio": "a reviewed portfolio",
    "practical": "a practical assessment",
    "completion": "completion only (no graded assessment: it shows the course was finished, not mastery)",
}


def assessed(assessment: str | None) -> str:
    if not assessment:
        return "not stated by the catalog"
    return ASSESSMENT.get(assessment.casefold(), md(assessment))


def render_plan_memo(analysis: Analysis, plan: Plan) -> str:
    person, role = analysis.profile, analysis.role
    currency = budget_currency(plan, person.preferences.currency)
    lines = [
        f"# Request for support: development toward {md(role.title)}",
        "",
        f"**From:** {md(person.name)}" + (f", {md(person.current_role)}" if person.current_role else ""),
        "",
        "## Goal",
        "",
        f"I would like to build the skills of the {md(role.title)} role. Measured against the role's "
        f"requirements, I meet an estimated {plan.readiness_before:.0%} of them today; completing the plan "
        f"below would raise that to an estimated {plan.readiness_after:.0%}.",
        "",
        "## The gaps",
        "",
    ]
    if analysis.gaps:
        lines += [
            f"- {md(g.skill)} ({g.importance.value}): level {g.current} of {g.required}"
            for g in analysis.gaps
        ]
    else:
        lines.append("- None: I already meet every requirement of the role.")
    lines += ["", "## The plan", ""]
    if plan.steps:
        lines += [
            "| # | Credential | Provider | Hours | Cost | Dates | Assessed by |",
            "|---:|---|---|---:|---:|---|---|",
        ]
        for s in plan.steps:
            c = s.credential
            dates = (
                f"{s.start.isoformat()} to {s.finish.isoformat()}" if s.start and s.finish else "to be agreed"
            )
            lines.append(
                f"| {s.number} | {md(c.title)} | {md(c.provider)} | {hours_text(c)} | "
                f"{step_cost_text(plan, c, ' ')} | {dates} | {md(c.assessment or 'not stated')} |"
            )
        hours = plan.total_hours
        total = f"**Estimated total:** {md(total_cost_text(plan))} and about {plural(hours, 'hour')}"
        total += " of study."
        pace = plan.request.hours_per_week
        at = f" At {plural(pace, 'hour')} a week it would" if pace else ""
        if pace and beyond(plan.finish):
            total += f"{at} not be finished by the end of {date.max.year}."
        elif pace and plan.finish is not None:
            total += f"{at} be finished around {plan.finish.isoformat()}."
        lines += ["", total]
    elif plan.request.deadline_passed:
        lines.append(
            f"My deadline of {plan.request.deadline} has passed; I would like to agree a new one before "
            "choosing credentials."
        )
    else:
        lines.append("No credential in the catalog fits these limits; I would like to discuss other options.")
    lines += ["", "## What each credential proves", ""]
    numbers = {s.credential.id: s.number for s in plan.steps}
    for s in plan.steps:
        c = s.credential
        skills = ", ".join(f"{md(r.gap.skill)} to {level_label(r.after)} (level {r.after})" for r in s.raises)
        line = f"- **{md(c.title)}**"
        if c.type:
            line += f" ({md(c.type)})"
        line += f": assessed by {assessed(c.assessment)}."
        line += f" It covers {skills}." if skills else " It is a prerequisite for a later step."
        if c.eligibility:
            line += f" Before I can enrol, the provider asks for {md(c.eligibility)}."
            verdict = verdict_sentence(s.eligibility, numbers, first=True)
            line += f" {md(verdict)}" if verdict else ""
        for entry in s.entry:
            line += f" It expects {md(entry.shortfall.describe(first=True))}: step "
            line += ", ".join(str(n) for n in entry.by_steps) + " gets me there."
        lines.append(line)
        lines += [f"  It counts toward a larger award: {md(p.describe())}." for p in s.pathways]
    lines += ["", "## What the organisation gains", ""]
    lines += gains(plan)
    lines += ["", "## What I am asking for", ""]
    if plan.steps:
        ask = f"- Funding of about {md(total_cost_text(plan))} (an estimate; see below)"
        if plan.request.budget is not None:
            budget = md(money(plan.request.budget, currency))
            ask += f", within the {budget} I had set aside as a budget"
            if plan.request.money.rates is not None and any(c != currency for c in plan.currencies):
                ask += f" ({md(rates_text(plan.request.money))})"
        lines.append(ask + ".")
        lines.append(f"- Time to study: about {plural(plan.total_hours, 'hour')} in total.")
    lines.append("- A conversation about how these skills can be applied in my current work.")
    lines += ["", "## Caveats", ""]
    lines.append(
        "- Costs and hours are estimates. Figures marked "
        f"{ESTIMATE_MARK} are the catalog's own estimates, not prices the provider publishes; the others are "
        "published figures that may change. Please check with each provider before approving."
    )
    lines.append(
        "- Readiness figures are estimates computed from the levels each credential says it teaches; "
        "they are not a guarantee of performance."
    )
    for g in plan.open_gaps:
        lines.append(
            f"- This plan leaves {md(g.gap.skill)} at level {g.after} of {g.gap.required}: {md(g.reason)}."
        )
    for x in plan.left_out:
        if x.kind in ("eligibility", "entry"):
            lines.append(
                f"- The plan leaves out {md(x.credential.title)}: I am {md(first_person(x.reason))}."
            )
    for rc in plan.required_credentials:
        if not rc.held:
            lines.append(f"- The role requires {md(rc.describe())}")
    return "\n".join(lines) + "\n"


def gains(plan: Plan) -> list[str]:
    closed = [r for s in plan.steps for r in s.raises if r.complete]
    out = []
    essential = [md(r.gap.skill) for r in closed if r.gap.importance.value == "essential"]
    other = [md(r.gap.skill) for r in closed if r.gap.importance.value != "essential"]
    if essential:
        out.append(
            f"- Skills the role cannot do without, brought up to the required level: {', '.join(essential)}."
        )
    if other:
        out.append(
            f"- Further skills the role asks for, brought up to the required level: {', '.join(other)}."
        )
    verified = [
        md(s.credential.title)
        for s in plan.steps
        if (s.credential.assessment or "") not in ("", "completion")
    ]
    if verified:
        out.append(
            f"- Progress that can be checked: {', '.join(verified)} {agree(len(verified), 'ends', 'end')} "
            "in an assessment, not just attendance."
        )
    if plan.request.hours_per_week:
        out.append(
            f"- A predictable commitment: about {plural(plan.request.hours_per_week, 'hour')} a week, "
            "planned step by step."
        )
    return out or ["- The plan closes no gap fully; see the caveats."]


def first_person(reason: str) -> str:
    """A left-out credential's reason as the person says it in a memo: "not yet eligible: it needs ... (my
    profile: ...)"; a level expected on entry: "below the level it expects ..."."""
    text = reason.replace("(your profile", "(my profile").replace("(you are at", "(I am at")
    if text.startswith("it expects"):
        return "below what it expects on entry: " + text.removeprefix("it expects ").replace(
            "gets you", "gets me"
        )
    return text
