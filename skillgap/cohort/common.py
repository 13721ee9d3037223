"""The most common gaps in a cohort: for each requirement, who falls short of it and by how much."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from skillgap.cohort.matrix import Cell, Column


@dataclass(frozen=True)
class CommonGap:
    column: Column
    people: tuple[int, ...]  # indices of the people who have this gap
    total_levels: int  # levels missing, summed over those people

    @property
    def count(self) -> int:
        return len(self.people)

    @property
    def average_gap(self) -> float:
        return self.total_levels / self.count if self.count else 0.0


def common_gaps(cols: Sequence[Column], rows: Sequence[Sequence[Cell]]) -> tuple[CommonGap, ...]:
    """Requirements at least one person misses: most people first, then essential first, then largest."""
    found = []
    for j, column in enumerate(cols):
        short = tuple(i for i, row in enumerate(rows) if not row[j].met)
        if short:
            total = sum(-rows[i][j].diff for i in short)
            found.append(CommonGap(column, short, total))
    found.sort(key=lambda g: (-g.count, g.column.importance.rank, -g.average_gap, g.column.skill))
    return tuple(found)
