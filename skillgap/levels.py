"""Proficiency levels 0-5 (the Dreyfus stages), the words people write for them, and importance."""

from __future__ import annotations

import re
from enum import Enum

MIN_LEVEL = 0
MAX_LEVEL = 5

# Every word skillgap reads as a level, in profiles, roles, catalogs, `init` and imported badges alike: one
# table, so a word means the same level wherever it is written. The scale is the Dreyfus one: 1 novice
# (knows the rules, has not applied them), 2 advanced beginner (some practice), 3 competent (works on
# their own), 4 proficient, 5 expert. Words from other scales are placed on it by what they describe:
#
# * "basic", "awareness", "introductory", "foundational": what a novice has, so 1. The Open Badges
#   importer used to read a rubric's "basic" as 2 (rubrics of five named levels, awareness, basic,
#   intermediate, advanced, expert, laid one by one on 1-5); read here as 1, an imported badge claims
#   what a profile saying "basic" claims, and never more than a novice's level: a level read too low
#   leaves a gap in sight, one read too high hides it. Intermediate 3 and advanced 4 stay as they were.
# * "beginner" and "elementary" are the advanced beginner's stage (2), as the Dreyfus name says.
# * "working" (as in "working knowledge") and "intermediate" are the competent stage (3); "advanced" is
#   proficient (4), never the advanced beginner; "master" and "mastery" are the top of every scale that
#   uses them (5).
LEVEL_NAMES: dict[str, int] = {
    "none": 0,
    "novice": 1,
    "basic": 1,
    "awareness": 1,
    "fundamental awareness": 1,
    "introductory": 1,
    "foundational": 1,
    "emerging": 1,
    "beginning": 1,
    "beginner": 2,
    "advanced beginner": 2,
    "elementary": 2,
    "developing": 2,
    "competent": 3,
    "intermediate": 3,
    "working": 3,
    "working knowledge": 3,
    "practitioner": 3,
    "proficient": 4,
    "advanced": 4,
    "accomplished": 4,
    "expert": 5,
    "master": 5,
    "mastery": 5,
    "mastered": 5,
    "exemplary": 5,
    "distinguished": 5,
}

# The Dreyfus name of each level, for display.
LEVEL_LABELS: tuple[str, ...] = (
    "none",
    "novice",
    "advanced beginner",
    "competent",
    "proficient",
    "expert",
)

# How a message lists the words: the Dreyfus names and the common words beside them.
LEVEL_WORDS_TEXT = (
    "none 0, novice or basic 1, beginner 2, competent or intermediate 3, proficient or advanced 4, expert 5"
)

# What, written before a level word, turns it into its opposite ("incompetent", "non-expert").
_NEGATIONS = ("not ", "non ", "non", "un", "in", "im", "no ")
_SUGGEST_CUTOFF = 0.6


def level_key(text: str) -> str:
    """A level word as the table holds it: case, hyphens and spacing do not matter."""
    return " ".join(text.casefold().replace("-", " ").split())


def level_named(text: str) -> int | None:
    """The level a word or phrase of the table names, or None."""
    return LEVEL_NAMES.get(level_key(text))


def suggest_level(text: str) -> str | None:
    """The table's word a mistyped level word most likely means, or None when none is close, or when a
    suggestion could say the opposite of what was written: a negated level word ("incompetent", "non-expert")
    or a word beside a level word of another level ("expert beginner") gets none rather than a wrong one."""
    import difflib

    written = level_key(text)
    close = difflib.get_close_matches(written, LEVEL_NAMES, n=5, cutoff=_SUGGEST_CUTOFF) if written else []
    if not close or _negated(written, difflib.SequenceMatcher(None, written, close[0]).ratio()):
        return None
    stated = {w for w in written.split() if w in LEVEL_NAMES}  # level words written whole
    for candidate in close:
        level, own = LEVEL_NAMES[candidate], set(candidate.split())
        if all(LEVEL_NAMES[w] == level for w in stated - own):
            return candidate
    return None


def _negated(written: str, closeness: float) -> bool:
    """Whether WRITTEN reads as a level word with a negation in front: what follows the negation is closer
    to a word of the table than the whole is (CLOSENESS, the best match of the whole)."""
    import difflib

    for prefix in _NEGATIONS:
        rest = written.removeprefix(prefix).strip()
        if rest == written or not rest:
            continue
        found = difflib.get_close_matches(rest, LEVEL_NAMES, n=1, cutoff=_SUGGEST_CUTOFF)
        if found and difflib.SequenceMatcher(None, rest, found[0]).ratio() > closeness:
            return True
    return False


_PHRASE_WORDS = max(len(name.split()) for name in LEVEL_NAMES)


def level_in_text(text: str) -> int | None:
    """The level the first level word of a free text names ("Level: Advanced Beginner" is 2, not 4): the
    longest phrase of the table at each word, "none" left out (it is not a level a text states)."""
    words = re.findall(r"[^\W\d_]+", level_key(text))
    for start in range(len(words)):
        for size in range(min(_PHRASE_WORDS, len(words) - start), 0, -1):
            phrase = " ".join(words[start : start + size])
            level = LEVEL_NAMES.get(phrase)
            if level is not None and phrase != "none":
                return level
    return None


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
