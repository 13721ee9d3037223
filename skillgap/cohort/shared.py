"""Shared recommendations: the credentials that close gaps for the most people in a cohort.

A credential helps a person when it narrows at least one of their gaps (the same rule as `recommend`: it
teaches a level above theirs, it is not one they hold, and their preferences do not exclude it). Catalog
costs are per learner, so the cost per person helped is the price of one place; `total_cost` is what
putting everyone it helps through it costs. A built-in index of which credentials teach which skill keeps
this linear in people x gaps, not people x catalog.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from skillgap.analyse import Analysis, Gap
from skillgap.analyse.gaps import gap_names, skill_key
from skillgap.match import Resolution
from skillgap.model import Credential
from skillgap.rank.recommend import excluded


@dataclass(frozen=True)
class SharedRecommendation:
    rank: int
    credential: Credential
    people: tuple[int, ...]  # indices of the people it helps
    closes: tuple[tuple[str, int], ...]  # (skill, how many of those people it narrows that gap for)
    weighted_levels: int  # importance-weighted gap levels it closes, summed over the people it helps

    @property
    def helps(self) -> int:
        return len(self.people)

    @property
    def cost_per_person_helped(self) -> float | None:
        """One place for each person it helps (catalog costs are per learner)."""
        return self.credential.cost

    @property
    def total_cost(self) -> float | None:
        cost = self.credential.cost
        return None if cost is None else cost * self.helps


def teaching_index(
    credentials: Iterable[Credential], resolutions: Mapping[str, Resolution]
) -> dict[str, list[tuple[Credential, int]]]:
    """skill key -> the credentials that teach it and the highest level each teaches."""
    index: dict[str, dict[str, tuple[Credential, int]]] = {}
    for credential in credentials:
        for skill in credential.skills:
            by_id = index.setdefault(skill_key(skill.name, resolutions), {})
            known = by_id.get(credential.id)
            if known is None or skill.level > known[1]:
                by_id[credential.id] = (credential, skill.level)
    return {key: list(found.values()) for key, found in index.items()}


def _teaching(
    index: Mapping[str, list[tuple[Credential, int]]], gap: Gap, analysis: Analysis
) -> list[tuple[Credential, int]]:
    """The credentials that teach a gap's skill (for a choice, any alternative) and the highest level each
    teaches of it, in the order first met."""
    best: dict[str, tuple[Credential, int]] = {}
    for name in gap_names(gap):
        for credential, level in index.get(skill_key(name, analysis.resolutions), ()):
            known = best.get(credential.id)
            if known is None or level > known[1]:
                best[credential.id] = (credential, level)
    return list(best.values())


def excluded_ids(analysis: Analysis, credentials: Iterable[Credential]) -> frozenset[str]:
    """The credentials this person's format and provider preferences leave out."""
    return frozenset(c.id for c in credentials if excluded(c, analysis))


def shared_recommendations(
    analyses: Sequence[Analysis],
    credentials: Iterable[Credential],
    resolutions: Mapping[str, Resolution],
    top: int | None = None,
) -> tuple[SharedRecommendation, ...]:
    """Credentials ranked by how many people they help, then by the weighted levels they close, then by
    cost (unknown last), hours, and id, so the same input always gives the same order."""
    credentials = tuple(credentials)
    index = teaching_index(credentials, resolutions)
    by_preferences: dict[tuple[tuple[str, ...], tuple[str, ...]], frozenset[str]] = {}
    found: dict[str, Credential] = {}
    people: dict[str, list[int]] = {}
    closes: dict[str, dict[str, int]] = {}  # credential -> skill -> people it narrows that gap for
    weighted: dict[str, int] = {}
    for i, analysis in enumerate(analyses):
        prefs = analysis.profile.preferences
        key = (prefs.formats, prefs.exclude_providers)
        if key not in by_preferences:
            by_preferences[key] = excluded_ids(analysis, credentials)
        skip = by_preferences[key] | {c.id for c in analysis.held}
        for gap in analysis.gaps:
            for credential, level in _teaching(index, gap, analysis):
                cid = credential.id
                if level <= gap.current or cid in skip:
                    continue
                helped = people.setdefault(cid, [])
                if not helped or helped[-1] != i:
                    helped.append(i)
                    found[cid] = credential
                per_skill = closes.setdefault(cid, {})
                per_skill[gap.skill] = per_skill.get(gap.skill, 0) + 1
                closed = min(level, gap.required) - gap.current
                weighted[cid] = weighted.get(cid, 0) + closed * gap.importance.weight
    inf = float("inf")
    order = sorted(
        found.values(),
        key=lambda c: (
            -len(people[c.id]),
            -weighted[c.id],
            c.cost if c.cost is not None else inf,
            c.hours if c.hours is not None else inf,
            c.id,
        ),
    )
    if top is not None:
        order = order[:top]
    return tuple(
        SharedRecommendation(
            rank=rank,
            credential=c,
            people=tuple(people[c.id]),
            closes=tuple(sorted(closes[c.id].items(), key=lambda kv: (-kv[1], kv[0]))),
            weighted_levels=weighted[c.id],
        )
        for rank, c in enumerate(order, start=1)
    )
