"""What an import yields: a profile's worth of claims, each level estimated and said why."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Claim:
    """A skill the person's records name, at the level their evidence supports."""

    skill: str  # the canonical name the matcher resolved it to (or the words as written, when none)
    level: int
    evidence: str  # where it came from, in words ("LinkedIn skills; 2.5 years as Analyst at Acme")
    last_used: date | None = None
    known: bool = True  # whether the matcher knows the skill


@dataclass(frozen=True)
class Certification:
    """A certification the person holds, and the catalog credential it is (when one is)."""

    title: str  # as the source wrote it
    issuer: str | None = None
    earned: date | None = None
    id: str | None = None  # the catalog credential's id, when matched
    catalog_title: str | None = None  # that credential's own title


@dataclass(frozen=True)
class Imported:
    """A profile read from a person's records, and what to tell them about it."""

    source: str  # the file or folder, as given
    kind: str  # "LinkedIn export", "JSON Resume", "CV"
    name: str | None
    current_role: str | None
    skills: tuple[Claim, ...]
    credentials: tuple[Certification, ...]
    notes: tuple[str, ...] = ()  # what was left out or guessed, said plainly
