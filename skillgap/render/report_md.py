"""Coaching sheets as Markdown: one for a person, one for a cohort (which may link to the people's)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from skillgap.cohort import Cohort
from skillgap.cohort.funding import Funding
from skillgap.progress import Progress, other_person_note
from skillgap.render import shared_out
from skillgap.render.analysis_md import link
from skillgap.render.bars import level_bar
from skillgap.render.cohort_table import cell_text, person_labels
from skillgap.render.evidence import eligibility_notes
from skillgap.render.funding_out import funding_head, funding_lines
from skillgap.render.money import ESTIMATE_MARK, cost_text, hours_text
from skillgap.render.report_sheet import Sheet, cohort_questions
from skillgap.render.safe import is_web
from skillgap.render.safe import markdown as md
from skillgap.words import plural


def person_markdown(sheet: Sheet, level: int = 1) -> str:
    """One person's coaching sheet; `level` 2 nests it under a cohort sheet's heading."""
    a = sheet.analysis
    h = "#" * level
    lines = [f"{h} Coaching sheet: {md(a.profile.name)} \u2192 {md(a.role.title)}", ""]
    met = f"{len(a.met)} of {plural(len(a.requirements), 'requirement')} met"
    facts = [f"**Readiness:** {a.readiness:.0%} ({met})"]
    if a.profile.current_role:
        facts.append(f"**Current role:** {md(a.profile.current_role)}")
    facts.append(f"**Profile:** {md(a.profile.file)}")
    lines += ["  \n".join(facts), ""]
    if sheet.progress is not None:
        lines += progress_lines(sheet, sheet.progress, h)
    elif sheet.since_note:
        lines += [f"{h}# Since last time", "", md(sheet.since_note), ""]
    lines += [f"{h}# Strengths", ""]
    lines += [f"- {md(g.skill)}: {g.current} (needs {g.required})" for g in sheet.strengths] or [
        "- none of the role's requirements is met yet"
    ]
    lines += ["", f"{h}# Priority gaps", ""]
    if sheet.priority_gaps:
        lines += [
            "| # | Skill | Importance | Now | Needed | Gap | Level |",
            "|---:|---|---|---:|---:|---:|---|",
        ]
        for i, g in enumerate(sheet.priority_gaps, start=1):
            lines.append(
                f"| {i} | {md(g.skill)} | {g.importance.value} | {g.current} | {g.required} | {g.gap} | "
                f"`{level_bar(g.current, g.required)}` |"
            )
        lines += ["", "Level: `\u2588` what you have, `\u2591` missing, `\u00b7` beyond the requirement."]
    else:
        lines.append("No gaps: every requirement is met.")
    lines += ["", *plan_lines(sheet, h), f"{h}# Questions to discuss", ""]
    lines += [f"{i}. {md(q)}" for i, q in enumerate(sheet.questions, start=1)]
    lines.append("")
    return "\n".join(lines)


def progress_lines(sheet: Sheet, p: Progress, h: str) -> list[str]:
    points = p.points
    lines = [
        f"{h}# Since last time",
        "",
        f"**Readiness:** {p.before.readiness:.0%} \u2192 {p.after.readiness:.0%} ({points:+d} points)",
        "",
    ]
    if not p.same_target:
        before = md(p.before.target or "?")
        lines += [f"Last time's result was for {before}: figures are not like for like.", ""]
    if not p.same_person:
        lines += [md(other_person_note(p)), ""]
    rows = [
        ("Gaps closed", [f"{md(c.skill)} (now {c.after} of {c.required})" for c in p.closed]),
        ("Levels gained", [f"{md(c.skill)} {c.before}\u2192{c.after}" for c in p.gained]),
        ("Credentials earned", [md(sheet.title(c)) for c in p.earned]),
        ("Levels lower than last time", [f"{md(c.skill)} {c.before}\u2192{c.after}" for c in p.lost]),
        ("New gaps", [f"{md(c.skill)} ({c.after} of {c.required})" for c in p.new_gaps]),
    ]
    lines += [f"- **{label}:** {', '.join(items)}" for label, items in rows if items]
    if not p.anything:
        lines.append("- Nothing has changed since the saved result.")
    return [*lines, ""]


def plan_lines(sheet: Sheet, h: str) -> list[str]:
    plan = sheet.plan
    lines = [f"{h}# The plan", ""]
    if not plan.steps:
        lines.append(
            "No credential in the catalog closes these gaps." if sheet.priority_gaps else "Nothing to plan."
        )
        return [*lines, ""]
    dated = any(step.start and step.finish for step in plan.steps)
    head = ["Step", "Credential", "Provider", "Closes", "Hours", "Cost"] + (["When"] if dated else [])
    lines += ["| " + " | ".join(head) + " |", "|---:|---|---|---|---:|---:|" + ("---|" if dated else "")]
    for step in plan.steps:
        c = step.credential
        title = md(c.title)
        if c.url and is_web(c.url):
            title = f"[{title}]({link(c.url)})"
        closes = "; ".join(md(x) for x in step.closes)
        cells = [str(step.number), title, md(c.provider), closes, hours_text(c), cost_text(c)]
        if dated:
            cells.append(f"{step.start} to {step.finish}" if step.start and step.finish else "")
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        f"**Total:** {md(plan.cost_text)}, {md(plan.hours_text)}; readiness after the plan "
        f"{plan.readiness_after:.0%}.",
    ]
    if any(s.credential.estimated for s in plan.steps):
        lines += ["", f"{ESTIMATE_MARK} marks an estimate, not a figure the provider publishes."]
    for note in plan.conditions:
        lines += ["", md(note)]
    if plan.open_gaps:
        lines += ["", "Left open:", ""] + [f"- {md(skill)}: {md(why)}" for skill, why in plan.open_gaps]
    if plan.beyond:
        lines += ["", md(plan.beyond)]
    if plan.notes:
        lines += ["", "Notes:", ""] + [f"- {md(n)}" for n in plan.notes]
    return [*lines, ""]


def cohort_markdown(
    cohort: Cohort,
    sheets: Sequence[Sheet] = (),
    links: Mapping[str, str] | None = None,
    funding: Funding | None = None,
) -> str:
    """The cohort sheet; `links` maps a profile file to its own sheet, `sheets` are appended in full."""
    n = len(cohort.people)
    lines = [
        f"# Cohort coaching sheet: {md(cohort.role.title)}",
        "",
        f"**People:** {n}  \n**Average readiness:** {cohort.average_readiness:.0%}",
        "",
        "## Skills matrix",
        "",
        "Each cell: level now/needed, or \u2713 when met.",
        "",
        "| Person | Ready | " + " | ".join(f"{md(c.skill)} ({c.required})" for c in cohort.columns) + " |",
        "|---|---:|" + "---:|" * len(cohort.columns),
    ]
    for a, label, row in zip(cohort.people, person_labels(cohort), cohort.rows, strict=True):
        name = md(label)
        if links and a.profile.file in links:
            name = f"[{name}]({link(links[a.profile.file])})"
        lines.append(f"| {name} | {a.readiness:.0%} | " + " | ".join(cell_text(c) for c in row) + " |")
    lines += ["", "## Most common gaps", ""]
    if cohort.common_gaps:
        lines += ["| Skill | Importance | Needs | People short | Average gap |", "|---|---|---:|---:|---:|"]
        for g in cohort.common_gaps:
            lines.append(
                f"| {md(g.column.skill)} | {g.column.importance.value} | {g.column.required} | "
                f"{g.count} of {n} | {g.average_gap:.1f} |"
            )
    else:
        lines.append("No gaps: everyone meets every requirement.")
    lines += ["", "## Credentials that help the most people", ""]
    if cohort.shared:
        lines += [
            "| # | Credential | Provider | Helps | Closes (people) | Cost per person helped | Total "
            "| Hours |",
            "|---:|---|---|---:|---|---:|---:|---:|",
        ]
        for r in cohort.shared:
            c = r.credential
            closes = ", ".join(f"{md(skill)} ({k})" for skill, k in r.closes)
            first = shared_out.needs_first(r)
            closed = shared_out.not_open(r, [a.profile.name for a in cohort.people])
            title = md(c.title) + "".join(f" ({md(x)})" for x in (first, closed) if x)
            lines.append(
                f"| {r.rank} | {title} | {md(c.provider)} | {r.helps} of {n} | {closes} | "
                f"{shared_out.per_person_cost(r)} | {shared_out.total_cost(r)} | "
                f"{shared_out.per_person_hours(r)} |"
            )
        lines += [
            x for note in eligibility_notes(r.credential for r in cohort.shared) for x in ("", md(note))
        ]
    else:
        lines.append("No credential in the catalog closes these gaps.")
    if funding is not None:
        lines += ["", "## Who the shared credentials fund first", "", md(funding_head(funding)), ""]
        lines += [f"- {md(line)}" for line in funding_lines(funding, cohort)]
    if cohort.errors:
        lines += ["", "## Profiles that could not be read", ""]
        lines += [f"- {md(f.message)}" for f in cohort.errors]
    lines += ["", "## Questions for the group", ""]
    lines += [f"{i}. {md(q)}" for i, q in enumerate(cohort_questions(cohort), start=1)]
    lines.append("")
    for s in sheets:
        lines += ["---", "", person_markdown(s, level=2)]
    return "\n".join(lines)
