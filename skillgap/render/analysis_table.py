"""The analysis for a person at a terminal: gaps with level bars, strengths, ranked credentials."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console
from rich.table import Table
from rich.text import Text

from skillgap.analyse import Analysis
from skillgap.match import Resolution
from skillgap.rank import LeftOutByPreference, Recommendation
from skillgap.rank.evidence import EvidenceSuggestion
from skillgap.render.bars import level_bar, share_bar
from skillgap.render.evidence import (
    BADGE_NOTE,
    badge_text,
    basis_text,
    estimate_notes,
    evidence_rows,
    recommendation_notes,
    stale_text,
)
from skillgap.render.fit import fit_table
from skillgap.render.left_out import left_out_sentence
from skillgap.render.money import cost_text, hours_text
from skillgap.render.safe import clean
from skillgap.render.safe import literal as t
from skillgap.words import plural

IMPORTANCE_STYLE = {"essential": "bold red", "important": "yellow", "nice-to-have": "dim"}


def render_analysis(
    console: Console,
    analysis: Analysis,
    recommendations: Sequence[Recommendation],
    fuzzy: Sequence[Resolution] = (),
    unresolved: Sequence[Resolution] = (),
    suggestions: Sequence[EvidenceSuggestion] = (),
    left_out: Sequence[LeftOutByPreference] = (),
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
            f"  ({len(analysis.met)} of {plural(len(analysis.requirements), 'requirement')} met)",
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
        console.print(fit_table(console, gaps))
    else:
        console.print(Text("No gaps: every requirement is met.", style="green"))
    if analysis.met:
        strengths = ", ".join(f"{clean(g.skill)} ({g.current}/{g.required})" for g in analysis.met)
        console.print(Text.assemble(("Strengths: ", "bold green"), strengths))
    console.print()
    render_evidence(console, analysis)
    if recommendations:
        recs = Table(title="Recommended credentials", title_justify="left")
        recs.add_column("#", justify="right")
        recs.add_column("Credential", overflow="fold", ratio=3)
        recs.add_column("Closes", overflow="fold", ratio=3)
        recs.add_column("Cost,\nhours", justify="right", no_wrap=True)
        recs.add_column("Score", justify="right", no_wrap=True)
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
                f"{cost_text(rec.credential)}\n{hours_text(rec.credential)}",
                f"{rec.score:.1f}",
            )
        console.print(fit_table(console, recs))
        for note in estimate_notes(r.credential for r in recommendations):
            console.print(t(note, "dim"))
        for note in recommendation_notes(recommendations):
            console.print(t(note, "yellow"))
    elif analysis.gaps and not left_out:
        console.print(Text("No credential in the catalog closes these gaps.", style="yellow"))
    sentence = left_out_sentence(left_out, analysis.profile.preferences.formats)
    if sentence:
        console.print(t(sentence, "yellow"))
    render_suggestions(console, suggestions)
    render_badges(console, analysis)
    render_matching_notes(console, fuzzy, unresolved)


def render_evidence(console: Console, analysis: Analysis) -> None:
    """What the person has for each requirement, and how it is known: evidenced, claimed, stale."""
    rows = evidence_rows(analysis)
    if not rows:
        return
    table = Table(title="Evidence", title_justify="left")
    table.add_column("Skill", overflow="fold")
    table.add_column("Counts", justify="center", no_wrap=True)
    table.add_column("How it is known", overflow="fold")
    for gap in rows:
        known = t(basis_text(gap), "green" if gap.basis == "evidenced" else "yellow")
        if stale_text(gap):
            known.append("\n")
            known.append(clean(stale_text(gap)), style="red")
        table.add_row(t(gap.skill), f"{gap.current}/{gap.required}", known)
    console.print(fit_table(console, table))
    if analysis.stale_after:
        note = f"A skill last used more than {plural(analysis.stale_after, 'year')} ago counts a level lower."
        console.print(Text(note, style="dim"))
    console.print()


def render_suggestions(console: Console, suggestions: Sequence[EvidenceSuggestion]) -> None:
    """For each requirement met only by a claim, the cheapest credential that would prove it."""
    if not suggestions:
        return
    console.print()
    table = Table(title="Evidence your claims", title_justify="left")
    table.add_column("Claimed, not proven", overflow="fold", ratio=2)
    table.add_column("Cheapest credential that proves it", overflow="fold", ratio=3)
    table.add_column("Cost,\nhours", justify="right", no_wrap=True)
    for suggestion in suggestions:
        gap, credential = suggestion.gap, suggestion.credential
        style = IMPORTANCE_STYLE[gap.importance.value]
        claim = Text.assemble(t(gap.skill), "\n", (gap.importance.value, style), f", level {gap.required}")
        if credential is None:
            table.add_row(claim, Text(f"none in the catalog teaches it to {gap.required}", "dim"), "")
            continue
        what = Text.assemble(t(credential.title, "bold"), "\n", t(credential.provider, "dim"))
        if credential.assessment:
            what.append(f"\nassessed by {clean(credential.assessment)}", style="dim")
        table.add_row(claim, what, f"{cost_text(credential)}\n{hours_text(credential)}")
    console.print(fit_table(console, table))


def render_badges(console: Console, analysis: Analysis) -> None:
    if not analysis.badges:
        return
    console.print()
    console.print(Text("Badges", style="bold"))
    for badge in analysis.badges:
        console.print(Text.assemble("  ", t(badge_text(badge, analysis.today))))
    console.print(Text(f"  {BADGE_NOTE}", style="dim"))


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
        Text(
            "  To settle a name for good, add it as an alias in a taxonomy file of your own "
            "(skills: [{name: SKILL, aliases: [NAME]}]) and pass it with --extra-taxonomy FILE: it adds to "
            "the bundled taxonomy.",
            style="dim",
        )
    )
