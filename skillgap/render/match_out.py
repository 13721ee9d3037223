"""Rendering `skillgap match`: one row per query, and with --explain the candidates behind it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from skillgap.match import Resolution
from skillgap.render.analysis_doc import resolution_data
from skillgap.render.fit import fit_table
from skillgap.render.safe import clean


def match_data(results: Sequence[Resolution], explain: bool) -> list[dict[str, Any]]:
    out = []
    for res in results:
        data = resolution_data(res)
        if explain:
            data["candidates"] = [
                {"skill": c.skill, "score": round(c.score, 1), "accepted": c.accepted, "reason": c.reason}
                for c in res.candidates
            ]
        out.append(data)
    return out


def render_match(console: Console, results: Sequence[Resolution], explain: bool) -> None:
    table = Table()
    table.add_column("Query", overflow="fold")
    table.add_column("Skill", overflow="fold")
    table.add_column("Via")
    table.add_column("Score", justify="right")
    table.add_column("How", overflow="fold")
    for res in results:
        skill = Text(clean(res.skill), style="bold") if res.skill else Text("none", style="yellow")
        how = clean(res.detail)
        if res.ambiguous:
            how += " (ambiguous: " + ", ".join(clean(a) for a in res.ambiguous) + ")"
        table.add_row(Text(clean(res.query)), skill, res.via, f"{res.score:.0f}", Text(how))
    console.print(fit_table(console, table))
    if not explain:
        return
    for res in results:
        console.print()
        console.print(Text.assemble(("Candidates for ", "bold"), Text(clean(res.query), style="bold")))
        if not res.candidates:
            console.print(Text("  none considered", style="dim"))
        for cand in res.candidates:
            mark = Text("  \u2713 ", style="green") if cand.accepted else Text("  \u2717 ", style="red")
            console.print(
                Text.assemble(
                    mark, Text(clean(cand.skill)), (f"  {cand.score:.0f}  ", "dim"), Text(clean(cand.reason))
                )
            )
