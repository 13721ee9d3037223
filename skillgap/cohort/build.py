"""Put a cohort together: one role, the people analysed against it, and what they share."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from skillgap.analyse import Analysis
from skillgap.cohort.common import CommonGap, common_gaps
from skillgap.cohort.matrix import Cell, Column, columns, matrix_row
from skillgap.cohort.shared import SharedRecommendation, shared_recommendations
from skillgap.cohort.types import LoadFailure
from skillgap.match import Resolution
from skillgap.model import Credential, Role


@dataclass(frozen=True)
class Cohort:
    role: Role
    columns: tuple[Column, ...]
    people: tuple[Analysis, ...]  # sorted by name (natural order: Person 2 before Person 10), then file
    rows: tuple[tuple[Cell, ...], ...]  # rows[i][j]: person i, column j
    common_gaps: tuple[CommonGap, ...]
    shared: tuple[SharedRecommendation, ...]
    errors: tuple[LoadFailure, ...] = ()

    @property
    def average_readiness(self) -> float:
        return sum(a.readiness for a in self.people) / len(self.people) if self.people else 0.0


def natural_key(text: str) -> tuple[tuple[int, int, str], ...]:
    """Text as people order it: case ignored and runs of digits compared as numbers, so "Person 2" comes
    before "Person 10" ("Person 02" ties with "Person 2"). Numbers are compared by their digits, not
    converted, so no length of number is too long; digits of any script count."""
    key = []
    for i, part in enumerate(re.split(r"(\d+)", text.casefold())):
        if i % 2:  # a run of digits
            digits = "".join(str(unicodedata.decimal(c)) for c in part).lstrip("0")
            key.append((1, len(digits), digits))
        else:
            key.append((0, 0, part))
    return tuple(key)


def person_order(analysis: Analysis) -> tuple[object, ...]:
    """By name in natural order, then as written (so the order never depends on input order), then file."""
    name = analysis.profile.name
    return (natural_key(name), name, natural_key(analysis.profile.file), analysis.profile.file)


def build_cohort(
    role: Role,
    analyses: Sequence[Analysis],
    credentials: Iterable[Credential],
    resolutions: Mapping[str, Resolution],
    errors: Sequence[LoadFailure] = (),
    top: int | None = None,
) -> Cohort:
    """The matrix, common gaps and shared recommendations for analyses of one role (one per person)."""
    people = tuple(sorted(analyses, key=person_order))
    cols = columns(role, resolutions)
    rows = tuple(matrix_row(a, cols) for a in people)
    return Cohort(
        role=role,
        columns=cols,
        people=people,
        rows=rows,
        common_gaps=common_gaps(cols, rows),
        shared=shared_recommendations(people, credentials, resolutions, top),
        errors=tuple(errors),
    )
