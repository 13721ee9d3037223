"""Shared recommendations: the credentials that close gaps for the most people in a cohort.

A credential helps a person when it narrows at least one of their gaps (the same rule as `recommend`: it
teaches a level above theirs, it is not one they hold, and their preferences do not exclude it). Catalog
costs are per learner, so the cost per person helped is the price of one place; `total_cost` is what
putting everyone it helps through it costs. As in `recommend`, a person must first take the prerequisites
they do not hold (Kirkpatrick Silver needs Bronze): each person's cost and hours count them, so the figures
per person are the average over the people it helps, and `needs_first` says which and for how many. A
person the provider's conditions do not admit yet (a PMP for someone without the years of experience it
asks, whatever they take first) is not counted among the people it helps: `not_open` names them and
what they lack, so a trainer does not buy a place someone cannot take. A built-in index of which
credentials teach which skill keeps this linear in people x gaps, not people x catalog.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from skillgap.analyse import Analysis, Gap
from skillgap.analyse.eligibility import Facts, Verdict, facts_of, judge
from skillgap.analyse.gaps import gap_names, skill_key
from skillgap.analyse.preferences import Exclusions
from skillgap.match import Resolution
from skillgap.model import Credential
from skillgap.rank.recommend import prerequisites_to_take


@dataclass(frozen=True)
class SharedRecommendation:
    rank: int
    credential: Credential
    people: tuple[int, ...]  # indices of the people it helps
    closes: tuple[tuple[str, int], ...]  # (skill, how many of those people it narrows that gap for)
    weighted_levels: int  # importance-weighted gap levels it closes, summed over the people it helps
    first: tuple[tuple[Credential, ...], ...] = ()  # per person helped: prerequisites to take, in order
    not_open: tuple[tuple[int, str], ...] = ()  # people it would help who may not enrol yet, what they lack

    @property
    def helps(self) -> int:
        return len(self.people)

    def routes(self) -> list[tuple[Credential, ...]]:
        """What each person it helps takes: the prerequisites they lack, then the credential itself."""
        first = self.first or ((),) * self.helps
        return [(*before, self.credential) for before in first]

    @property
    def needs_first(self) -> tuple[tuple[Credential, int], ...]:
        """Each prerequisite some of the people lack, with how many of them, in the order to take them."""
        counts: dict[str, int] = {}
        found: dict[str, Credential] = {}
        for before in self.first:
            for credential in before:
                found.setdefault(credential.id, credential)
                counts[credential.id] = counts.get(credential.id, 0) + 1
        return tuple((found[i], counts[i]) for i in found)

    @property
    def total_cost(self) -> float | None:
        """One place for each person it helps, and for each prerequisite they lack (costs are per
        learner); None when a cost is unknown."""
        return _sum(c.cost for route in self.routes() for c in route)

    @property
    def total_hours(self) -> float | None:
        return _sum(c.hours for route in self.routes() for c in route)

    @property
    def cost_per_person_helped(self) -> float | None:
        """The total over the people it helps: the price of a place (and of the prerequisites a person
        lacks; an average when some hold them already)."""
        total = self.total_cost
        return None if total is None or not self.helps else total / self.helps

    @property
    def hours_per_person_helped(self) -> float | None:
        total = self.total_hours
        return None if total is None or not self.helps else total / self.helps

    def estimated(self, field_name: str) -> bool:
        """Whether a figure of any credential someone takes for it (prerequisites too) is an estimate."""
        return any(c.is_estimated(field_name) for route in self.routes() for c in route)


def _sum(values: Iterable[float | None]) -> float | None:
    total = 0.0
    for value in values:
        if value is None:
            return None
        total += value
    return total


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
    leave_out = Exclusions(analysis.profile.preferences)
    return frozenset(c.id for c in credentials if leave_out(c))


def shared_recommendations(
    analyses: Sequence[Analysis],
    credentials: Iterable[Credential],
    resolutions: Mapping[str, Resolution],
    top: int | None = None,
) -> tuple[SharedRecommendation, ...]:
    """Credentials ranked by how many people they help, then by the weighted levels they close, then by
    cost per person helped (prerequisites included; unknown last), hours likewise, and id, so the same
    input always gives the same order."""
    credentials = tuple(credentials)
    by_id = {c.id: c for c in credentials}
    index = teaching_index(credentials, resolutions)
    by_preferences: dict[tuple[tuple[str, ...], tuple[str, ...]], frozenset[str]] = {}
    found: dict[str, Credential] = {}
    people: dict[str, list[int]] = {}
    closes: dict[str, dict[str, int]] = {}  # credential -> skill -> people it narrows that gap for
    weighted: dict[str, int] = {}
    held = [{c.id for c in a.held} for a in analyses]
    refused: dict[str, list[tuple[int, str]]] = {}  # credential -> people its conditions do not admit yet
    for i, analysis in enumerate(analyses):
        admits = _Admission(analysis, by_id, held[i])
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
                missing = admits(credential)
                if missing is not None:
                    if cid not in admits.noted:
                        admits.noted.add(cid)
                        found[cid] = credential
                        refused.setdefault(cid, []).append((i, missing))
                    continue
                helped = people.setdefault(cid, [])
                if not helped or helped[-1] != i:
                    helped.append(i)
                    found[cid] = credential
                per_skill = closes.setdefault(cid, {})
                per_skill[gap.skill] = per_skill.get(gap.skill, 0) + 1
                closed = min(level, gap.required) - gap.current
                weighted[cid] = weighted.get(cid, 0) + closed * gap.importance.weight
    shared = [
        SharedRecommendation(
            rank=0,
            credential=c,
            people=tuple(people[c.id]),
            closes=tuple(sorted(closes[c.id].items(), key=lambda kv: (-kv[1], kv[0]))),
            weighted_levels=weighted[c.id],
            first=tuple(prerequisites_to_take(c, by_id, held[i]) for i in people[c.id]),
            not_open=tuple(refused.get(c.id, ())),
        )
        for c in found.values()
        if c.id in people  # it helps someone who may enrol
    ]
    inf = float("inf")

    def order(s: SharedRecommendation) -> tuple[int, int, float, float, str]:
        cost, hours = s.cost_per_person_helped, s.hours_per_person_helped
        return (
            -s.helps,
            -s.weighted_levels,
            cost if cost is not None else inf,
            hours if hours is not None else inf,
            s.credential.id,
        )

    shared.sort(key=order)
    if top is not None:
        shared = shared[:top]
    return tuple(replace(s, rank=rank) for rank, s in enumerate(shared, start=1))


class _Admission:
    """Whether one person may enrol in a credential once they have taken what the catalog offers toward
    it (its prerequisites and the credentials its conditions name): None when they may (or skillgap cannot
    tell), else what the provider asks that they lack, such as a degree or years of experience. Judged
    once per credential."""

    def __init__(self, analysis: Analysis, by_id: Mapping[str, Credential], held: set[str]) -> None:
        self.analysis, self.by_id, self.held = analysis, by_id, held
        self.facts: Facts | None = None
        self.judged: dict[str, str | None] = {}
        self.noted: set[str] = set()  # credentials already listed as not open to this person

    def __call__(self, credential: Credential) -> str | None:
        if credential.conditions is None or not credential.conditions.routes:
            return None  # no conditions, or only words no one can judge
        if credential.id not in self.judged:
            if self.facts is None:
                self.facts = facts_of(self.analysis)
            named = [self.by_id[c] for c in credential.conditions.credential_ids() if c in self.by_id]
            titles = {c.id: c.title for c in named}
            # what the person can take first counts as taken: its prerequisites, and any credential the
            # conditions ask them to hold (a plan puts it before); only what no course gives shuts them out
            first = (*prerequisites_to_take(credential, self.by_id, self.held), *named)
            facts = replace(self.facts.with_before(first), titles=titles)
            judgement = judge(credential, facts)
            unmet = judgement is not None and judgement.verdict is Verdict.UNMET
            self.judged[credential.id] = judgement.missing if unmet and judgement is not None else None
        return self.judged[credential.id]
