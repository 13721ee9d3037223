"""Levels stated in words, as rubrics and result descriptions write them, on skillgap's 0-5 scale."""

from __future__ import annotations

from skillgap.levels import level_in_text
from skillgap.load.fields import parse_level


def level_in_words(*texts: str | None) -> int | None:
    """The first level any of the texts states: a level 0-5 or a level word of the one table every reader
    uses (skillgap.levels.LEVEL_NAMES), the longest phrase first ("Advanced Beginner" is 2)."""
    for said in texts:
        if not said:
            continue
        level, problem = parse_level(said)
        if not problem and level is not None:
            return level
        level = level_in_text(said)
        if level is not None:
            return level
    return None
