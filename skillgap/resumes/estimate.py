"""Levels from evidence, never above what the evidence supports.

A person's records say a skill is theirs; how well they have it they mostly do not say. The level an
import writes is the highest one some piece of evidence supports, and no higher:

- named at all (on a skills list, in a sentence of a CV): 1, novice; the name alone shows no practice;
- endorsed by others: 2, advanced beginner (someone has seen it used);
- named by work the person did: by the years of it, counted once where jobs overlap, under a year 2,
  one to three years 3 (competent), three years or more 4 (proficient);
- a level the person wrote themselves (JSON Resume's `level`, "advanced Excel" in a CV): that level.

Expertise (5) is never estimated: years in a job and words on a CV do not show it, so an import claims at
most 4 and says so where the source claimed more; the person raises it if it is true. Every level an import
writes is marked `estimated: true` for the person to review.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from skillgap.levels import level_label

NAMED = 1
ENDORSED = 2
CEILING = 4  # expertise is the person's to claim, never an import's
# (years of work that names the skill, the level they support), highest first
YEAR_LEVELS: tuple[tuple[float, int], ...] = ((3.0, 4), (1.0, 3), (0.0, 2))
DAYS_A_YEAR = 365.25


@dataclass(frozen=True)
class Evidence:
    """What one source says of one skill."""

    years: float = 0.0  # of work (positions, jobs) whose words name it, overlaps counted once
    endorsements: int = 0
    stated: int | None = None  # a level the person wrote for it
    stated_as: str = ""  # the words they wrote it in


def level_for_years(years: float) -> int:
    """The level YEARS of work naming a skill support: under 1 year 2, 1-3 years 3, 3 or more 4."""
    for least, level in YEAR_LEVELS:
        if years >= least:
            return level
    return NAMED


def estimate(evidence: Evidence) -> tuple[int, str]:
    """The level EVIDENCE supports (the highest any part of it does, at most CEILING) and why, in words
    ("" when the skill is only named)."""
    level, why = NAMED, ""
    if evidence.endorsements and ENDORSED > level:
        level, why = ENDORSED, "endorsed"
    if evidence.years > 0:
        by_years = level_for_years(evidence.years)
        if by_years > level:
            level, why = by_years, f"{years_text(evidence.years)} of work naming it"
    if evidence.stated is not None and evidence.stated > level:
        level = evidence.stated
        why = f"stated as {evidence.stated_as!r}" if evidence.stated_as else "the words beside it"
    if level > CEILING:
        said = f"{level_label(level)} ({level})"
        why += f" ({said}); an import claims at most {CEILING}: raise it if true"
        level = CEILING
    return level, why


def years_text(years: float) -> str:
    """Years rounded down to a half ("2.5 years", "under a year"): never more than the records show."""
    halves = int(years * 2) / 2
    if halves < 1:
        return "under a year"
    shown = f"{halves:g}"
    return f"{shown} year" if halves == 1 else f"{shown} years"


def years_of(periods: Iterable[tuple[date, date]]) -> float:
    """The years the periods cover, a day where two overlap counted once; a period ending before it
    starts covers nothing."""
    spans = sorted((start, end) for start, end in periods if end >= start)
    days = 0
    current: tuple[date, date] | None = None
    for start, end in spans:
        if current is None or start > current[1]:
            if current is not None:
                days += (current[1] - current[0]).days + 1
            current = (start, end)
        elif end > current[1]:
            current = (current[0], end)
    if current is not None:
        days += (current[1] - current[0]).days + 1
    return days / DAYS_A_YEAR
