"""The role comparison at a terminal: roles by readiness, their essential gaps, and the plans' cost."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from skillgap.compare import RoleFit
from skillgap.model import Credential, Profile
from skillgap.plan import Plan
from skillgap.render.bars import share_bar
from skillgap.render.compare_doc import conditional
from skillgap.render.evidence import eligibility_note
from skillgap.render.fit import fit_table
from skillgap.render.money import hours
from skillgap.render.plan_words import amounts_text
from skillgap.render.safe import clean


def render_compare(console: Console, profile: Profile, fits: Sequence[RoleFit]) -> None:
    console.print(Text.assemble(("Roles for ", "bold"), (clean(profile.name), "bold"), ", closest first"))
    table = Table(title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Role", overflow="fold", ratio=2)
    table.add_column("Ready", justify="right", no_wrap=True)
    table.add_column("Essential gaps (now\u2192need)", overflow="fold", ratio=3)
    table.add_column("Plan for\nthem", justify="right", no_wrap=True)
    table.add_column("Whole\nplan", justify="right", no_wrap=True)
    for rank, fit in enumerate(fits, start=1):
        gaps = Text(", ".join(f"{clean(g.skill)} {g.current}\u2192{g.required}" for g in fit.essential_gaps))
        if not fit.essential_gaps:
            gaps = Text("none", style="green")
        for unclosed in fit.unclosed():
            gaps.append(f"\n(not closed: {clean(unclosed.skill)}: {clean(unclosed.reason)})", style="yellow")
        table.add_row(
            str(rank),
            Text.assemble((clean(fit.role.title), "bold"), "\n", (clean(fit.role.id), "dim")),
            Text.assemble(f"{fit.readiness:.0%}\n", (share_bar(fit.readiness, 5), "green")),
            gaps,
            plan_cell(fit.essential_plan),
            plan_cell(fit.full_plan),
        )
    console.print(fit_table(console, table))
    for note in eligibility_lines(fits):
        console.print(Text(clean(note), style="yellow"))
    console.print(
        Text(
            "Plans: the cheapest set of catalog credentials that closes the essential gaps (or every gap), "
            "with no budget or time limit; your format and provider preferences apply. Costs in several "
            "currencies are shown apart (A + B), never added, unless --rates converts them. Run "
            "`skillgap plan` for a plan within your budget and deadline.",
            style="dim",
        )
    )


def eligibility_lines(fits: Sequence[RoleFit]) -> list[str]:
    """One note per credential in the plans shown whose provider sets conditions, naming the roles."""
    roles: dict[str, list[str]] = {}
    found: dict[str, Credential] = {}
    for fit in fits:
        for c in conditional(fit):
            found.setdefault(c.id, c)
            roles.setdefault(c.id, []).append(fit.role.title)
    return [eligibility_note(c, "in the plans for " + ", ".join(roles[cid])) for cid, c in found.items()]


def plan_cell(plan: Plan) -> str:
    if not plan.steps:
        return "\u2014"
    cost = amounts_text(plan.costs, plan.request.money).replace(", not added up: no exchange rate", "")
    return f"{cost}\n{hours(plan.total_hours)}"
