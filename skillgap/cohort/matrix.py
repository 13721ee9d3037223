"""The skills matrix: one row per person, one column per requirement of the role."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from skillgap.analyse import Analysis, Gap
from skillgap.analyse.gaps import requirement_label
from skillgap.levels import Importance
from skillgap.match import Resolution
from skillgap.model import Role


@dataclass(frozen=True)
class Column:
    """One requirement of the role, as a column of the matrix."""

    skill: str  # the canonical name (or the role's wording when it resolves to nothing)
    requested_as: str
    required: int
    importance: Importance
    options: tuple[str, ...] = ()  # a choice's alternatives, as the role words them

    @property
    def key(self) -> tuple[str, int, Importance]:
        return (self.requested_as, self.required, self.importance)


@dataclass(frozen=True)
class Cell:
    """A person's level in one required skill, against the level required."""

    current: int
    required: int

    @property
    def diff(self) -> int:
        """current - required: negative is a gap, 0 or more is met."""
        return self.current - self.required

    @property
    def met(self) -> bool:
        return self.current >= self.required


def columns(role: Role, resolutions: Mapping[str, Resolution]) -> tuple[Column, ...]:
    """The role's requirements, essential first, otherwise in the order the role lists them."""
    cols = [
        Column(requirement_label(r, resolutions), r.skill, r.level, r.importance, r.any_of)
        for r in role.requirements
    ]
    return tuple(sorted(cols, key=lambda c: c.importance.rank))


def _gap_key(gap: Gap) -> tuple[str, int, Importance]:
    return (gap.requested_as, gap.required, gap.importance)


def matrix_row(analysis: Analysis, cols: tuple[Column, ...]) -> tuple[Cell, ...]:
    by_key = {_gap_key(g): g for g in analysis.requirements}
    return tuple(Cell(by_key[c.key].current, c.required) for c in cols)
