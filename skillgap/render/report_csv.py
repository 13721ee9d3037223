"""CSV for spreadsheets: one row per person x requirement, so a pivot table can slice it any way.

Cells that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) get
a leading apostrophe; numbers are written as numbers.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from skillgap.analyse import Analysis
from skillgap.cohort import Cohort
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
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def cell(value: str) -> str:
    """Text from a file, safe to open in a spreadsheet."""
    text = clean(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def person_rows(analysis: Analysis) -> Iterable[list[str | int | float]]:
    """The person's requirements in the role's order of importance: gaps first, then those met."""
    p = analysis.profile
    for g in sorted(analysis.requirements, key=lambda g: (g.importance.rank, g.gap == 0, -g.gap, g.skill)):
        yield [
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
        writer.writerows(person_rows(analysis))
    return out.getvalue()


def cohort_csv(cohort: Cohort) -> str:
    return analyses_csv(cohort.people)
