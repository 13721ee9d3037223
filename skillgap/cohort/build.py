"""Put a cohort together: one role, the people analysed against it, and what they share."""

from __future__ import annotations

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
    people: tuple[Analysis, ...]  # sorted by name, then file
    rows: tuple[tuple[Cell, ...], ...]  # rows[i][j]: person i, column j
    common_gaps: tuple[CommonGap, ...]
    shared: tuple[SharedRecommendation, ...]
    errors: tuple[LoadFailure, ...] = ()

    @property
    def average_readiness(self) -> float:
        return sum(a.readiness for a in self.people) / len(self.people) if self.people else 0.0


def build_cohort(
    role: Role,
    analyses: Sequence[Analysis],
    credentials: Iterable[Credential],
    resolutions: Mapping[str, Resolution],
    errors: Sequence[LoadFailure] = (),
    top: int | None = None,
) -> Cohort:
    """The matrix, common gaps and shared recommendations for analyses of one role (one per person)."""
    people = tuple(sorted(analyses, key=lambda a: (a.profile.name.casefold(), a.profile.file)))
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
