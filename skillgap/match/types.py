"""The results a matcher hands back: what was decided and, for people, why."""

from __future__ import annotations

from dataclasses import dataclass

VIA_EXACT = "exact"
VIA_ALIAS = "alias"
VIA_FUZZY = "fuzzy"
VIA_NONE = "none"


@dataclass(frozen=True)
class Candidate:
    """One canonical skill considered for a query."""

    skill: str
    score: float
    accepted: bool
    reason: str


@dataclass(frozen=True)
class Resolution:
    """How one name a person wrote was resolved to a canonical skill (or not)."""

    query: str
    skill: str | None
    via: str
    score: float
    detail: str
    ambiguous: tuple[str, ...] = ()
    candidates: tuple[Candidate, ...] = ()

    @property
    def resolved(self) -> bool:
        return self.skill is not None
