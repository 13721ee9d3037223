"""CSV for spreadsheets: one row per person x requirement, so a pivot table can slice it any way. A
coaching sheet's CSV adds, on each requirement's row, the plan's credentials that raise it and the
conditions their providers set to enrol.

Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) get
a leading apostrophe; numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from skillgap.analyse import Analysis, Gap
from skillgap.cohort import Cohort
from skillgap.render.report_sheet import Sheet
from skillgap.render.safe import clean

HEADER = (
    "name",
    "file",
    "target",
    "skill",
    "importance",
    "current",
    "required",
    "gap",
    "met",
    "readiness",
)
PLAN_HEADER = ("plan_credentials", "eligibility")  # ids "a; b"; "Title: condition | Title: condition"
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """Text from a file, safe to open in a spreadsheet."""
    text = clean(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def ordered(analysis: Analysis) -> list[Gap]:
    """The person's requirements in the role's order of importance: gaps first, then those met."""
    return sorted(analysis.requirements, key=lambda g: (g.importance.rank, g.gap == 0, -g.gap, g.skill))


def row(analysis: Analysis, g: Gap) -> list[str | int | float]:
    p = analysis.profile
    return [
        cell(p.name),
        cell(p.file),
        cell(analysis.role.title),
        cell(g.skill),
        g.importance.value,
        g.current,
        g.required,
        g.gap,
        "yes" if g.gap == 0 else "no",
        round(analysis.readiness, 4),
    ]


def analyses_csv(analyses: Sequence[Analysis]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    for analysis in analyses:
        writer.writerows(row(analysis, g) for g in ordered(analysis))
    return out.getvalue()


def cohort_csv(cohort: Cohort) -> str:
    return analyses_csv(cohort.people)


def sheets_csv(sheets: Sequence[Sheet]) -> str:
    """Coaching sheets: each person's rows, and on each the plan's credentials that raise the requirement
    with the conditions their providers set to enrol."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER + PLAN_HEADER)
    for sheet in sheets:
        for g in ordered(sheet.analysis):
            steps = [s.credential for s in sheet.plan.steps if g.skill in s.skills]
            conditions = [f"{c.title}: {c.eligibility}" for c in steps if c.eligibility]
            plan = ["; ".join(cell(c.id) for c in steps), cell(" | ".join(conditions))]
            writer.writerow(row(sheet.analysis, g) + plan)
    return out.getvalue()
