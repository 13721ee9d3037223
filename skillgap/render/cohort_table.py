"""The cohort at a terminal: a heat map of people by required skills, common gaps, shared credentials.

Every cell shows the numbers as well as the colour (the person's level, and how far short of the
requirement it is, or a tick when met), so the matrix reads the same with NO_COLOR or on paper.
"""

from __future__ import annotations

from collections import Counter

from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from skillgap.cohort import Cell, Cohort
from skillgap.cohort.funding import Funding
from skillgap.pathnames import distinct_tails
from skillgap.render import shared_out
from skillgap.render.bars import share_bar
from skillgap.render.evidence import eligibility_notes
from skillgap.render.fit import fit_table
from skillgap.render.funding_out import funding_head, funding_lines
from skillgap.render.money import ESTIMATE_MARK
from skillgap.render.safe import clean
from skillgap.words import agree, plural

FIGURES = (shared_out.per_person_cost, shared_out.total_cost, shared_out.per_person_hours)
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


def render_cohort(console: Console, cohort: Cohort, funding: Funding | None = None) -> None:
    n = len(cohort.people)
    console.print(
        Text.assemble(
            ("Cohort: ", "bold"),
            (plural(n, "person"), "bold"),
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
    if funding is not None:
        console.print()
        console.print(Text("Who the shared credentials fund first", style="bold"))
        console.print(Text(clean(funding_head(funding))))
        for line in funding_lines(funding, cohort):
            console.print(Text("  " + clean(line), style="yellow" if line.startswith("Not funded") else ""))
    if cohort.errors:
        console.print()
        console.print(
            Text(
                f"{plural(len(cohort.errors), 'profile')} could not be read and "
                f"{agree(len(cohort.errors), 'is')} left out:",
                style="yellow",
            )
        )
        for failure in cohort.errors:
            console.print(Text("  " + clean(failure.message)))


def person_labels(cohort: Cohort) -> list[str]:
    """Each person's name; when two people share a name, with the end of their profile's path that tells
    them apart (its file name's stem, or more of the path when the stems are the same too)."""
    names = [a.profile.name for a in cohort.people]
    seen = Counter(n.casefold() for n in names)
    shared = [a.profile.file for n, a in zip(names, cohort.people, strict=True) if seen[n.casefold()] > 1]
    tails = dict(zip(shared, distinct_tails(shared), strict=True))
    return [
        f"{n} ({tails[a.profile.file]})" if a.profile.file in tails else n
        for n, a in zip(names, cohort.people, strict=True)
    ]


READY = 6  # the readiness column, with the space before it: " Ready", "   29%"
PERSON_MIN, PERSON_MAX = 6, 24  # the person column, when names are longer than that: wrapped, never cut


def _pad(text: str, width: int, align: str = "center") -> str:
    """Text padded to `width` terminal cells (callers keep it within `width`)."""
    room = max(0, width - cell_len(text))
    if align == "left":
        return text + " " * room
    if align == "right":
        return " " * room + text
    return " " * (room // 2) + text + " " * (room - room // 2)


def _person_width(people: list[str], width: int) -> int:
    """As wide as the longest name up to PERSON_MAX (wider for one word that long), leaving room for the
    readiness and one numbered column."""
    longest = max([cell_len(p) for p in people] + [PERSON_MIN])
    longest_word = max([cell_len(w) for p in people for w in p.split()] + [PERSON_MIN])
    wanted = min(longest, max(PERSON_MAX, longest_word))
    return max(PERSON_MIN, min(wanted, width - READY - 4))


def _wrap(console: Console, label: str, width: int) -> list[str]:
    """A name on as many lines as it takes at WIDTH, broken between words (a word longer than the whole
    column, only then, across lines)."""
    if cell_len(label) <= width:
        return [label]
    return [line.plain.rstrip() for line in Text(label).wrap(console, width, overflow="fold")]


def _pages(widths: list[int], gap: int, room: int) -> list[range]:
    """The columns in runs that fit ROOM side by side (at least one a run)."""
    pages, start, used = [], 0, 0
    for i, w in enumerate(widths):
        if i > start and used + gap + w > room:
            pages.append(range(start, i))
            start, used = i, 0
        used += gap + w
    pages.append(range(start, len(widths)))
    return pages


def render_matrix(console: Console, cohort: Cohort) -> None:
    """The heat map as fixed-width text (a rich Table is far slower at 1,000 rows). Columns are named when
    every name fits the width, else numbered and listed below; when even the numbers do not fit, the matrix
    comes in pages of columns, each with everyone's rows. Names wrap in their column, and are never cut."""
    names = [clean(c.skill) for c in cohort.columns]
    people = [clean(label) for label in person_labels(cohort)]
    person_width = _person_width(people, console.width)
    lead = person_width + READY
    named = lead + sum(2 + max(cell_len(n), 3) for n in names) <= console.width
    labels = names if named else [str(i) for i in range(1, len(names) + 1)]
    widths = [max(cell_len(label), 3) for label in labels]
    gap = " " * (2 if named else 1)
    marks = [IMPORTANCE_MARK[c.importance.value] for c in cohort.columns]
    pages = _pages(widths, len(gap), console.width - lead)
    wrapped = [_wrap(console, p, person_width) for p in people]
    for k, page in enumerate(pages):
        heading = "Skills matrix"
        if len(pages) > 1:
            if k:
                console.print()
            heading += f", requirements {page.start + 1}-{page.stop} of {len(names)}"
        console.print(Text(heading + " (level now/needed; \u2713 met)", style="italic"))
        out = Text()
        out.append(" " * lead)
        out.append("".join(gap + _pad(labels[j], widths[j]) for j in page) + "\n", "bold")
        out.append(_pad("Person", person_width, "left") + " Ready", "bold")
        out.append("".join(gap + _pad(marks[j], widths[j]) for j in page) + "\n", "bold")
        out.append("\u2500" * (lead + sum(len(gap) + widths[j] for j in page)) + "\n")
        for lines, analysis, row in zip(wrapped, cohort.people, cohort.rows, strict=True):
            out.append(_pad(lines[0], person_width, "left") + f" {analysis.readiness:>5.0%}")
            for j in page:
                out.append(gap)
                out.append(_pad(cell_text(row[j]), widths[j]), heat_style(row[j].diff))
            out.append("\n")
            for more in lines[1:]:
                out.append(more + "\n")
        console.print(out, end="", no_wrap=True, overflow="ignore", crop=False)
    if not named:
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
    console.print(fit_table(console, table))


def render_shared(console: Console, cohort: Cohort) -> None:
    if not cohort.shared:
        if cohort.common_gaps:
            console.print(Text("No credential in the catalog closes these gaps.", style="yellow"))
        return
    n = len(cohort.people)
    names = [a.profile.name for a in cohort.people]
    table = Table(title="Credentials that help the most people", title_justify="left")
    table.add_column("#", justify="right")
    table.add_column("Credential", overflow="fold", ratio=3)
    table.add_column("Helps", justify="right", no_wrap=True)
    table.add_column("Closes (people)", overflow="fold", ratio=2)
    table.add_column("Per person,\ntotal,\nhours", justify="right", no_wrap=True)
    for rec in cohort.shared:
        c = rec.credential
        closes = ", ".join(f"{clean(skill)} ({k})" for skill, k in rec.closes)
        first = shared_out.needs_first(rec)
        closed = shared_out.not_open(rec, names)
        table.add_row(
            str(rec.rank),
            Text.assemble(
                (clean(c.title), "bold"),
                "\n",
                (clean(c.provider), "dim"),
                ("\n" + clean(first), "yellow") if first else "",
                ("\n" + clean(closed), "yellow") if closed else "",
            ),
            f"{rec.helps} of {n}",
            Text(closes),
            "\n".join(f(rec) for f in FIGURES),
        )
    console.print(fit_table(console, table))
    if any(r.estimated("cost") or r.estimated("hours") for r in cohort.shared):
        console.print(Text(f"{ESTIMATE_MARK} marks an estimate, not a figure the provider publishes.", "dim"))
    for note in eligibility_notes(r.credential for r in cohort.shared):
        console.print(Text(clean(note), style="yellow"))
