"""The cohort at a terminal: a heat map of people by required skills, common gaps, shared credentials.

Every cell shows the numbers as well as the colour (the person's level, and how far short of the
requirement it is, or a tick when met), so the matrix reads the same with NO_COLOR or on paper.
"""

from __future__ import annotations

from collections import Counter
from pathlib import PurePath

from rich.cells import cell_len, set_cell_size
from rich.console import Console
from rich.table import Table
from rich.text import Text

from skillgap.cohort import Cell, Cohort
from skillgap.render import shared_out
from skillgap.render.bars import share_bar
from skillgap.render.money import ESTIMATE_MARK
from skillgap.render.safe import clean

IMPORTANCE_MARK = {"essential": "E", "important": "I", "nice-to-have": "N"}


def heat_style(diff: int) -> str:
    """Cell colour by current - required: green met, then yellow, orange, red as the gap widens."""
    if diff >= 0:
        return "black on green3"
    if diff == -1:
        return "black on yellow3"
    if diff == -2:
        return "black on dark_orange"
    return "white on red3"


def cell_text(cell: Cell) -> str:
    """`2/4` when short of the requirement (level now / level needed), `4 \u2713` when it is met."""
    if cell.met:
        return f"{cell.current} \u2713"
    return f"{cell.current}/{cell.required}"


def render_cohort(console: Console, cohort: Cohort) -> None:
    n = len(cohort.people)
    console.print(
        Text.assemble(
            ("Cohort: ", "bold"),
            (f"{n} {'person' if n == 1 else 'people'}", "bold"),
            " \u2192 ",
            (clean(cohort.role.title), "bold"),
        )
    )
    avg = cohort.average_readiness
    console.print(Text.assemble("Average readiness ", (f"{avg:.0%} ", "bold"), (share_bar(avg), "green")))
    console.print()
    render_matrix(console, cohort)
    console.print()
    render_common_gaps(console, cohort)
    console.print()
    render_shared(console, cohort)
    if cohort.errors:
        console.print()
        console.print(
            Text(f"{len(cohort.errors)} profile(s) could not be read and are left out:", style="yellow")
        )
        for failure in cohort.errors:
            console.print(Text("  " + clean(failure.message)))


def person_labels(cohort: Cohort) -> list[str]:
    """Each person's name, with their profile's file name when two people share a name."""
    names = [a.profile.name for a in cohort.people]
    seen = Counter(n.casefold() for n in names)
    return [
        f"{n} ({PurePath(a.profile.file).stem})" if seen[n.casefold()] > 1 else n
        for n, a in zip(names, cohort.people, strict=True)
    ]


def _pad(text: str, width: int, align: str = "center") -> str:
    """Text padded to `width` terminal cells (names are cut with an ellipsis when longer)."""
    if cell_len(text) > width:
        return set_cell_size(text, width - 1) + "\u2026"
    room = width - cell_len(text)
    if align == "left":
        return text + " " * room
    if align == "right":
        return " " * room + text
    return " " * (room // 2) + text + " " * (room - room // 2)


def render_matrix(console: Console, cohort: Cohort) -> None:
    """The heat map as one block of text, fixed-width columns (a rich Table is far slower at 1,000 rows)."""
    names = [clean(c.skill) for c in cohort.columns]
    people = [clean(label) for label in person_labels(cohort)]
    person_width = min(24, max([cell_len(p) for p in people] + [6]))
    wide = person_width + 6 + sum(max(cell_len(n), 3) + 2 for n in names) <= console.width
    labels = names if wide else [str(i) for i in range(1, len(names) + 1)]
    widths = [max(cell_len(label), 3) for label in labels]
    gap = "  " if wide else " "
    marks = [IMPORTANCE_MARK[c.importance.value] for c in cohort.columns]
    out = Text()
    out.append("Skills matrix (level now/needed; \u2713 met)\n", style="italic")
    out.append(" " * (person_width + 6))
    out.append("".join(gap + _pad(label, w) for label, w in zip(labels, widths, strict=True)) + "\n", "bold")
    out.append(_pad("Person", person_width, "left") + " Ready", "bold")
    out.append("".join(gap + _pad(m, w) for m, w in zip(marks, widths, strict=True)) + "\n", "bold")
    out.append("\u2500" * (person_width + 6 + sum(len(gap) + w for w in widths)) + "\n")
    for person, analysis, row in zip(people, cohort.people, cohort.rows, strict=True):
        out.append(_pad(person, person_width, "left") + f" {analysis.readiness:>5.0%}")
        for cell, w in zip(row, widths, strict=True):
            out.append(gap)
            out.append(_pad(cell_text(cell), w), heat_style(cell.diff))
        out.append("\n")
    console.print(out, end="", no_wrap=True, overflow="ignore", crop=False)
    if not wide:
        for i, (col, name) in enumerate(zip(cohort.columns, names, strict=True), start=1):
            console.print(Text.assemble((f"{i:>3} ", "bold"), name, f" (needs {col.required})"))
    console.print(
        Text(
            "E essential, I important, N nice-to-have. 2/4: level 2 of the 4 needed; \u2713 meets it. "
            "Colour: green met, yellow 1 short, orange 2, red 3 or more.",
            style="dim",
        )
    )


def render_common_gaps(console: Console, cohort: Cohort) -> None:
    if not cohort.common_gaps:
        console.print(Text("No gaps: everyone meets every requirement.", style="green"))
        return
    n = len(cohort.people)
    table = Table(title="Most common gaps", title_justify="left")
    table.add_column("Skill", overflow="fold")
    table.add_column("Importance")
    table.add_column("Needs", justify="right")
    table.add_column("People short", justify="right", no_wrap=True)
    table.add_column("Average gap", justify="right")
    for gap in cohort.common_gaps:
        table.add_row(
            Text(clean(gap.column.skill)),
            gap.column.importance.value,
            str(gap.column.required),
            f"{gap.count} of {n} ({gap.count / n:.0%})",
            f"{gap.average_gap:.1f}",
        )
    console.print(table)


def render_shared(console: Console, cohort: Cohort) -> None:
    if not cohort.shared:
        if cohort.common_gaps:
            console.print(Text("No credential in the catalog closes these gaps.", style="yellow"))
        return
    n = len(cohort.people)
    table = Table(title="Credentials that help the most people", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Credential", overflow="fold", ratio=3)
    table.add_column("Helps", justify="right", no_wrap=True)
    table.add_column("Closes (people)", overflow="fold", ratio=2)
    table.add_column("Per person", justify="right")
    table.add_column("Total", justify="right")
    table.add_column("Hours", justify="right", no_wrap=True)
    for rec in cohort.shared:
        c = rec.credential
        closes = ", ".join(f"{clean(skill)} ({k})" for skill, k in rec.closes)
        first = shared_out.needs_first(rec)
        table.add_row(
            str(rec.rank),
            Text.assemble(
                (clean(c.title), "bold"),
                "\n",
                (clean(c.provider), "dim"),
                ("\n" + clean(first), "yellow") if first else "",
            ),
            f"{rec.helps} of {n}",
            Text(closes),
            shared_out.per_person_cost(rec),
            shared_out.total_cost(rec),
            shared_out.per_person_hours(rec),
        )
    console.print(table)
    if any(r.estimated("cost") or r.estimated("hours") for r in cohort.shared):
        console.print(Text(f"{ESTIMATE_MARK} marks an estimate, not a figure the provider publishes.", "dim"))
