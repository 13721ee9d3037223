"""The analysis for a person at a terminal: gaps with level bars, strengths, ranked credentials."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from skillgap.analyse import Analysis
from skillgap.match import Resolution
from skillgap.rank import Recommendation
from skillgap.render.bars import level_bar, share_bar
from skillgap.render.money import ESTIMATE_MARK, cost_text, hours_text
from skillgap.render.safe import clean

IMPORTANCE_STYLE = {"essential": "bold red", "important": "yellow", "nice-to-have": "dim"}


def t(text: str, style: str = "") -> Text:
    """Text from a file, shown literally: no markup, no control characters."""
    return Text(clean(text), style=style)


def render_analysis(
    console: Console,
    analysis: Analysis,
    recommendations: Sequence[Recommendation],
    fuzzy: Sequence[Resolution] = (),
    unresolved: Sequence[Resolution] = (),
) -> None:
    title = Text.assemble(
        ("Gap analysis: ", "bold"),
        t(analysis.profile.name, "bold"),
        " \u2192 ",
        t(analysis.role.title, "bold"),
    )
    console.print(title)
    console.print(
        Text.assemble(
            "Readiness ",
            (f"{analysis.readiness:.0%} ", "bold"),
            (share_bar(analysis.readiness), "green"),
            f"  ({len(analysis.met)} of {len(analysis.requirements)} requirements met)",
        )
    )
    console.print()
    if analysis.gaps:
        gaps = Table(title="Gaps", title_justify="left", expand=False)
        gaps.add_column("Skill", overflow="fold")
        gaps.add_column("Importance")
        gaps.add_column("Level", no_wrap=True)
        gaps.add_column("Now\u2192Need", justify="center", no_wrap=True)
        for gap in analysis.gaps:
            name = t(gap.skill)
            if not gap.resolved:
                name.append(" (not in taxonomy)", style="dim")
            gaps.add_row(
                name,
                Text(gap.importance.value, style=IMPORTANCE_STYLE[gap.importance.value]),
                level_bar(gap.current, gap.required),
                f"{gap.current}\u2192{gap.required}",
            )
        console.print(gaps)
    else:
        console.print(Text("No gaps: every requirement is met.", style="green"))
    if analysis.met:
        strengths = ", ".join(f"{clean(g.skill)} ({g.current}/{g.required})" for g in analysis.met)
        console.print(Text.assemble(("Strengths: ", "bold green"), strengths))
    console.print()
    if recommendations:
        recs = Table(title="Recommended credentials", title_justify="left")
        recs.add_column("#", justify="right")
        recs.add_column("Credential", overflow="fold", ratio=3)
        recs.add_column("Closes", overflow="fold", ratio=3)
        recs.add_column("Hours", justify="right", no_wrap=True)
        recs.add_column("Cost", justify="right", no_wrap=True)
        recs.add_column("Score", justify="right")
        for rec in recommendations:
            credential = Text.assemble(
                t(rec.credential.title, "bold"), "\n", t(rec.credential.provider, "dim")
            )
            closes = Text("\n".join(clean(c.short()) for c in rec.closes))
            if rec.needs_first:
                closes.append(
                    "\nneeds first: " + ", ".join(clean(c.id) for c in rec.needs_first), style="yellow"
                )
            recs.add_row(
                str(rec.rank),
                credential,
                closes,
                hours_text(rec.credential),
                cost_text(rec.credential),
                f"{rec.score:.1f}",
            )
        console.print(recs)
        if any(r.credential.estimated for r in recommendations):
            console.print(
                Text(f"{ESTIMATE_MARK} marks an estimate, not a figure the provider publishes.", "dim")
            )
    elif analysis.gaps:
        console.print(Text("No credential in the catalog closes these gaps.", style="yellow"))
    render_matching_notes(console, fuzzy, unresolved)


def render_matching_notes(
    console: Console, fuzzy: Sequence[Resolution], unresolved: Sequence[Resolution]
) -> None:
    if not fuzzy and not unresolved:
        return
    console.print()
    console.print(Text("Matching notes", style="bold"))
    for res in fuzzy:
        console.print(
            Text.assemble(
                "  ",
                t(res.query),
                " \u2192 ",
                t(res.skill or "", "bold"),
                (f"  fuzzy {res.score:.0f}", "dim"),
                ("  " + clean(res.detail), "dim"),
            )
        )
    for res in unresolved:
        why = "ambiguous: " + ", ".join(res.ambiguous) if res.ambiguous else "no match"
        console.print(Text.assemble("  ", t(res.query), ("  not resolved (" + clean(why) + ")", "yellow")))
    console.print(
        Text("  Add an alias to a taxonomy file (--taxonomy) to settle a name for good.", style="dim")
    )
