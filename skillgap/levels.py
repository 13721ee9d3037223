"""Proficiency levels 0-5 (the Dreyfus stages) and requirement importance."""

from __future__ import annotations

from enum import Enum

MIN_LEVEL = 0
MAX_LEVEL = 5

LEVEL_NAMES: dict[str, int] = {
    "none": 0,
    "novice": 1,
    "beginner": 2,
    "advanced beginner": 2,
    "competent": 3,
    "proficient": 4,
    "expert": 5,
}

LEVEL_LABELS: tuple[str, ...] = (
    "none",
    "novice",
    "advanced beginner",
    "competent",
    "proficient",
    "expert",
)


def level_label(level: int) -> str:
    return LEVEL_LABELS[max(MIN_LEVEL, min(MAX_LEVEL, level))]


class Importance(str, Enum):
    """How much a role needs a skill; the weight is used for readiness and ranking."""

    ESSENTIAL = "essential"
    IMPORTANT = "important"
    NICE_TO_HAVE = "nice-to-have"

    @property
    def weight(self) -> int:
        return _WEIGHTS[self]

    @property
    def rank(self) -> int:
        """Sort key: essential first."""
        return 3 - _WEIGHTS[self]


_WEIGHTS = {Importance.ESSENTIAL: 3, Importance.IMPORTANT: 2, Importance.NICE_TO_HAVE: 1}

IMPORTANCE_VALUES: tuple[str, ...] = tuple(i.value for i in Importance)
