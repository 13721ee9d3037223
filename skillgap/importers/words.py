"""Levels stated in words, as rubrics and result descriptions write them, on skillgap's 0-5 scale."""

from __future__ import annotations

import re

from skillgap.load.fields import parse_level

# Words rubrics use for their levels, beyond the Dreyfus names skillgap reads everywhere.
RUBRIC_WORDS: dict[str, int] = {
    "awareness": 1,
    "introductory": 1,
    "emerging": 1,
    "beginning": 1,
    "basic": 2,
    "developing": 2,
    "foundational": 2,
    "elementary": 2,
    "intermediate": 3,
    "practitioner": 3,
    "advanced": 4,
    "accomplished": 4,
    "mastered": 4,
    "mastery": 4,
    "exemplary": 5,
    "distinguished": 5,
}


def level_in_words(*texts: str | None) -> int | None:
    """The first level any of the texts states: a level 0-5, a Dreyfus stage, or a rubric word."""
    for said in texts:
        if not said:
            continue
        level, problem = parse_level(said)
        if not problem and level is not None:
            return level
        for word in re.findall(r"[a-z]+", said.casefold()):
            if word in RUBRIC_WORDS:
                return RUBRIC_WORDS[word]
            level, problem = parse_level(word)
            if not problem and level is not None and word != "none":
                return level
    return None
