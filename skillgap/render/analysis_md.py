"""The analysis as Markdown, for a handout or an issue tracker."""

from __future__ import annotations

from collections.abc import Sequence

from skillgap.analyse import Analysis
from skillgap.match import Resolution
from skillgap.rank import LeftOutByPreference, Recommendation
from skillgap.rank.evidence import EvidenceSuggestion
from skillgap.render.evidence import (
    BADGE_NOTE,
    badge_text,
    basis_text,
    estimate_notes,
    evidence_rows,
    recommendation_notes,
    stale_text,
    suggestion_text,
)
from skillgap.render.left_out import left_out_sentence
from skillgap.render.money import cost_text, hours_text
from skillgap.render.safe import clean, is_web
from skillgap.render.safe import markdown as md
from skillgap.words import plural


def render_analysis_markdown(
    analysis: Analysis,
    recommendations: Sequence[Recommendation],
    fuzzy: Sequence[Resolution] = (),
    unresolved: Sequence[Resolution] = (),
    suggestions: Sequence[EvidenceSuggestion] = (),
    left_out: Sequence[LeftOutByPreference] = (),
) -> str:
    lines = [
        f"# Gap analysis: {md(analysis.profile.name)} \u2192 {md(analysis.role.title)}",
        "",
        f"**Readiness:** {analysis.readiness:.0%} "
        f"({len(analysis.met)} of {plural(len(analysis.requirements), 'requirement')} met)",
        "",
        "## Gaps",
        "",
    ]
    if analysis.gaps:
        lines += ["| Skill | Importance | Current | Required | Gap |", "|---|---|---:|---:|---:|"]
        for g in analysis.gaps:
            lines.append(f"| {md(g.skill)} | {g.importance.value} | {g.current} | {g.required} | {g.gap} |")
    else:
        lines.append("No gaps: every requirement is met.")
    lines += ["", "## Strengths", ""]
    lines += [f"- {md(g.skill)} ({g.current}/{g.required})" for g in analysis.met] or ["- none yet"]
    lines += evidence_markdown(analysis)
    lines += ["", "## Recommended credentials", ""]
    if recommendations:
        lines += [
            "| # | Credential | Provider | Closes | Hours | Cost | Assessment | Score |",
            "|---:|---|---|---|---:|---:|---|---:|",
        ]
        for r in recommendations:
            c = r.credential
            title = f"[{md(c.title)}]({link(c.url)})" if c.url and is_web(c.url) else md(c.title)
            closes = "; ".join(md(x.describe()) for x in r.closes)
            lines.append(
                f"| {r.rank} | {title} | {md(c.provider)} | {closes} | {hours_text(c)} | "
                f"{cost_text(c)} | {md(c.assessment or '?')} | {r.score:.1f} |"
            )
        notes = estimate_notes(r.credential for r in recommendations)
        notes += recommendation_notes(recommendations)
        lines += [x for note in notes for x in ("", md(note))]
    elif not left_out:
        lines.append("No credential in the catalog closes these gaps.")
    sentence = left_out_sentence(left_out, analysis.profile.preferences.formats)
    if sentence:
        lines += ["", md(sentence)]
    if suggestions:
        lines += ["", "## Evidence your claims", ""]
        lines += [f"- {md(suggestion_text(x))}" for x in suggestions]
    if analysis.badges:
        lines += ["", "## Badges", ""]
        lines += [f"- {md(badge_text(b, analysis.today))}" for b in analysis.badges]
        lines += ["", BADGE_NOTE]
    if fuzzy or unresolved:
        lines += ["", "## Matching notes", ""]
        for res in fuzzy:
            lines.append(
                f"- {md(res.query)} \u2192 {md(res.skill or '')} (fuzzy, {res.score:.0f}: {md(res.detail)})"
            )
        for res in unresolved:
            lines.append(f"- {md(res.query)}: not resolved")
        lines += [
            "",
            "To settle a name for good, add it as an alias in a taxonomy file of your own "
            "(`skills: [{name: SKILL, aliases: [NAME]}]`) and pass it with `--extra-taxonomy FILE`: it adds "
            "to the bundled taxonomy.",
        ]
    return "\n".join(lines) + "\n"


def evidence_markdown(analysis: Analysis) -> list[str]:
    """How each level that counts is known: evidenced, claimed, stale."""
    rows = evidence_rows(analysis)
    if not rows:
        return []
    lines = ["", "## Evidence", "", "| Skill | Counts | How it is known | Stale |", "|---|---:|---|---|"]
    for g in rows:
        lines.append(
            f"| {md(g.skill)} | {g.current}/{g.required} | {md(basis_text(g))} | {md(stale_text(g))} |"
        )
    if analysis.stale_after:
        stale = plural(analysis.stale_after, "year")
        lines += ["", f"A skill last used more than {stale} ago counts a level lower."]
    return lines


def link(url: str) -> str:
    return clean(url).replace(" ", "%20").replace("(", "%28").replace(")", "%29")
