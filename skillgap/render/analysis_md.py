"""The analysis as Markdown, for a handout or an issue tracker."""

from __future__ import annotations

from collections.abc import Sequence

from skillgap.analyse import Analysis
from skillgap.match import Resolution
from skillgap.rank import Recommendation
from skillgap.render.money import ESTIMATE_MARK, cost_text, hours_text
from skillgap.render.safe import clean
from skillgap.render.safe import markdown as md


def render_analysis_markdown(
    analysis: Analysis,
    recommendations: Sequence[Recommendation],
    fuzzy: Sequence[Resolution] = (),
    unresolved: Sequence[Resolution] = (),
) -> str:
    lines = [
        f"# Gap analysis: {md(analysis.profile.name)} \u2192 {md(analysis.role.title)}",
        "",
        f"**Readiness:** {analysis.readiness:.0%} "
        f"({len(analysis.met)} of {len(analysis.requirements)} requirements met)",
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
    lines += ["", "## Recommended credentials", ""]
    if recommendations:
        lines += [
            "| # | Credential | Provider | Closes | Hours | Cost | Assessment | Score |",
            "|---:|---|---|---|---:|---:|---|---:|",
        ]
        for r in recommendations:
            c = r.credential
            title = f"[{md(c.title)}]({link(c.url)})" if c.url else md(c.title)
            closes = "; ".join(md(x.describe()) for x in r.closes)
            lines.append(
                f"| {r.rank} | {title} | {md(c.provider)} | {closes} | {hours_text(c)} | "
                f"{cost_text(c)} | {md(c.assessment or '?')} | {r.score:.1f} |"
            )
        if any(r.credential.estimated for r in recommendations):
            lines += ["", f"{ESTIMATE_MARK} marks an estimate, not a figure the provider publishes."]
    else:
        lines.append("No credential in the catalog closes these gaps.")
    if fuzzy or unresolved:
        lines += ["", "## Matching notes", ""]
        for res in fuzzy:
            lines.append(
                f"- {md(res.query)} \u2192 {md(res.skill or '')} (fuzzy, {res.score:.0f}: {md(res.detail)})"
            )
        for res in unresolved:
            lines.append(f"- {md(res.query)}: not resolved")
    return "\n".join(lines) + "\n"


def link(url: str) -> str:
    return clean(url).replace(" ", "%20").replace("(", "%28").replace(")", "%29")
