"""The plan for a person at a terminal: ordered, dated steps with readiness after each, then what stays
open and why. Text from files is shown literally (`Text`, never markup)."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text

from skillgap.analyse import Analysis
from skillgap.plan import Plan
from skillgap.render.bars import share_bar
from skillgap.render.evidence import not_open_lines, step_eligibility
from skillgap.render.fit import fit_table
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
from skillgap.render.safe import clean
from skillgap.render.safe import literal as t


def render_plan(console: Console, analysis: Analysis, plan: Plan) -> None:
    currency = budget_currency(plan, analysis.profile.preferences.currency)
    console.print(
        Text.assemble(
            ("Plan: ", "bold"), t(analysis.profile.name, "bold"), " \u2192 ", t(analysis.role.title, "bold")
        )
    )
    console.print(t(request_text(plan, currency), "dim"))
    console.print(
        Text.assemble(
            "Readiness ",
            (f"{plan.readiness_before:.0%}", "bold"),
            " now \u2192 ",
            (f"{plan.readiness_after:.0%}", "bold"),
            " after the plan ",
            (share_bar(plan.readiness_after), "green"),
        )
    )
    console.print()
    if plan.steps:
        table = Table(title="Steps, in order", title_justify="left")
        table.add_column("#", justify="right")
        table.add_column("Credential", overflow="fold", ratio=4)
        table.add_column("Closes", overflow="fold", ratio=3)
        table.add_column("Cost,\nhours", justify="right", no_wrap=True)
        table.add_column("Dates", no_wrap=True)
        table.add_column("Ready", justify="right", no_wrap=True)
        numbers = {s.credential.id: s.number for s in plan.steps}
        for step in plan.steps:
            c = step.credential
            cell = Text.assemble(t(c.title, "bold"), "\n", t(c.provider, "dim"))
            for p in step.pathways:
                cell.append("\n" + clean(p.describe()), style="cyan")
            if step.needs:
                cell.append("\nafter step " + ", ".join(str(numbers[n]) for n in step.needs), style="dim")
            closes = "\n".join(clean(r.describe()) for r in step.raises) or "(prerequisite)"
            dates = f"{iso(step.start)}\n{iso(step.finish)}" if step.start else "-"
            table.add_row(
                str(step.number),
                cell,
                Text(closes),
                f"{step_cost_text(plan, c)}\n{hours_text(c)}",
                dates,
                f"{step.readiness_after:.0%}",
            )
        console.print(fit_table(console, table))
        if any(s.credential.estimated for s in plan.steps):
            console.print(
                Text(f"{ESTIMATE_MARK} marks an estimate, not a figure the provider publishes.", "dim")
            )
        for note in step_eligibility(plan.steps):
            console.print(t(note, "yellow"))
    elif analysis.gaps:
        console.print(Text("No credential can be planned within these limits.", style="yellow"))
    else:
        console.print(Text("No gaps: every requirement is met.", style="green"))
    console.print(Text.assemble(("Total: ", "bold"), totals_text(plan)))
    deadline = deadline_text(plan)
    if deadline:
        console.print(Text(deadline, style="green" if plan.meets_deadline else "yellow"))
    essential = essential_text(plan)
    if essential:
        console.print(Text(clean(essential), style="bold red"))
    console.print(Text(clean(solver_text(plan)), style="dim" if plan.solver.optimal else "yellow"))
    render_open(console, plan, currency)


def render_open(console: Console, plan: Plan, currency: str | None) -> None:
    if plan.open_gaps:
        console.print()
        console.print(Text("Gaps left open", style="bold"))
        for g in plan.open_gaps:
            style = "bold red" if g.gap.importance.value == "essential" else ""
            console.print(
                Text.assemble(
                    "  ",
                    t(g.gap.skill, style),
                    f" {g.after}/{g.gap.required} ({g.gap.importance.value}): ",
                    t(g.reason),
                )
            )
        lines = shortfall_lines(plan, currency)
        if lines:
            console.print(Text("What it would take", style="bold"))
            for line in lines:
                console.print(Text("  " + clean(line)))
    not_open = not_open_lines(plan)
    if not_open:
        console.print()
        console.print(Text("Left out: not yet open to you", style="bold"))
        for line in not_open:
            console.print(Text("  " + clean(line), style="yellow"))
    if plan.required_credentials:
        console.print()
        console.print(Text("Required credentials (not closed by short courses)", style="bold"))
        for rc in plan.required_credentials:
            console.print(Text("  " + clean(rc.describe()), style="" if rc.held else "yellow"))
    if plan.notes:
        console.print()
        for note in plan.notes:
            console.print(Text(clean(note), style="cyan"))
