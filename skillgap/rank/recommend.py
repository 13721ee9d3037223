"""Recommendations: score every credential by the weighted levels of gap it closes, then its cost and time.

score = 100 x coverage - cost penalty - time penalty, where coverage is the share of the importance-weighted
gap levels the credential closes (it closes no more than the level it teaches), and each penalty is at most
10 points: 10 x cost / (cost + reference cost) and 10 x hours / (hours + reference hours). Coverage
dominates; between credentials that close the same gaps, the cheaper and shorter one ranks first. Ties
break on cost, hours, then id, so the same input always gives the same order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from skillgap.analyse.gaps import Analysis, Gap, gap_names, skill_key
from skillgap.model import Catalog, Credential, Taught

REFERENCE_COST = 1000.0
REFERENCE_HOURS = 100.0
MAX_PENALTY = 10.0


@dataclass(frozen=True)
class Closure:
    """How far one credential moves one gap."""

    gap: Gap
    taught: int  # level the credential teaches
    to_level: int  # the person's level after it (never above the requirement)

    @property
    def levels(self) -> int:
        return self.to_level - self.gap.current

    @property
    def weighted(self) -> int:
        return self.levels * self.gap.importance.weight

    @property
    def complete(self) -> bool:
        return self.to_level >= self.gap.required

    def short(self) -> str:
        text = f"{self.gap.skill} {self.gap.current}\u2192{self.to_level}"
        return text if self.complete else f"{text} of {self.gap.required}"

    def describe(self) -> str:
        return f"{self.short()} ({self.gap.importance.value})"


@dataclass(frozen=True)
class Scoring:
    coverage: float  # 0-1 share of the weighted gap closed
    cost_penalty: float
    hours_penalty: float

    @property
    def score(self) -> float:
        return round(100.0 * self.coverage - self.cost_penalty - self.hours_penalty, 2)


@dataclass(frozen=True)
class Recommendation:
    rank: int
    credential: Credential
    closes: tuple[Closure, ...]
    scoring: Scoring
    needs_first: tuple[Credential, ...] = ()  # prerequisites not yet held, in the order to take them

    @property
    def score(self) -> float:
        return self.scoring.score

    @property
    def reason(self) -> str:
        parts = ", ".join(c.describe() for c in self.closes)
        notes = []
        if self.credential.cost is None:
            notes.append("cost unknown")
        if self.credential.hours is None:
            notes.append("hours unknown")
        if self.credential.eligibility:
            notes.append("eligibility: " + self.credential.eligibility)
        if self.needs_first:
            notes.append(
                "needs " + ", ".join(c.id for c in self.needs_first) + " first; counted in cost and time"
            )
        tail = f" [{'; '.join(notes)}]" if notes else ""
        return f"closes {parts}{tail}"


class SkillKeys:
    """`skill_key` for one analysis, each distinct name worked out once (a large catalog repeats names)."""

    def __init__(self, analysis: Analysis) -> None:
        self.resolutions = analysis.resolutions
        self.known: dict[str, str] = {}

    def __call__(self, name: str) -> str:
        key = self.known.get(name)
        if key is None:
            key = self.known[name] = skill_key(name, self.resolutions)
        return key


def closures(
    credential: Credential, gaps: Sequence[Gap], analysis: Analysis, key_of: SkillKeys | None = None
) -> tuple[Closure, ...]:
    """The gaps this credential narrows, in the order of the gaps."""
    key_of = key_of or SkillKeys(analysis)
    taught: dict[str, int] = {}
    for skill in credential.skills:
        key = key_of(skill.name)
        taught[key] = max(taught.get(key, 0), skill.level)
    out = []
    for gap in gaps:
        level = max(taught.get(key_of(name), 0) for name in gap_names(gap))  # a choice: its best alternative
        if level > gap.current:
            out.append(Closure(gap, level, min(level, gap.required)))
    return tuple(out)


def prerequisites_to_take(
    credential: Credential, by_id: Mapping[str, Credential], held: set[str]
) -> tuple[Credential, ...]:
    """Prerequisites not yet held, transitively, deepest first (the order to take them)."""
    order: list[Credential] = []
    seen: set[str] = set()
    stack: list[tuple[str, int]] = [(credential.id, 0)]  # (credential, next prerequisite to look at)
    while stack:
        ident, index = stack.pop()
        refs = by_id[ident].prerequisites if ident in by_id else ()
        while index < len(refs) and (refs[index] in seen or refs[index] in held or refs[index] not in by_id):
            index += 1
        if index < len(refs):
            ref = refs[index]
            seen.add(ref)
            stack.append((ident, index + 1))
            stack.append((ref, 0))
        elif ident != credential.id:
            order.append(by_id[ident])
    return tuple(order)


def _total(values: list[float | None]) -> float | None:
    return None if any(v is None for v in values) else sum(v or 0.0 for v in values)


def penalty(value: float | None, reference: float) -> float:
    if value is None:
        return MAX_PENALTY / 2
    return MAX_PENALTY * value / (value + reference) if value > 0 else 0.0


def excluded(credential: Credential, analysis: Analysis) -> bool:
    """Whether the person's preferences leave this credential out (an excluded provider, another format)."""
    return Exclusions(analysis)(credential)


class Exclusions:
    """`excluded` for one analysis, with the preferences worked out once."""

    def __init__(self, analysis: Analysis) -> None:
        prefs = analysis.profile.preferences
        self.providers = {p.casefold() for p in prefs.exclude_providers}
        self.formats = set(prefs.formats)

    def __call__(self, credential: Credential) -> bool:
        if self.providers and credential.provider.casefold() in self.providers:
            return True
        return bool(self.formats and credential.format and credential.format not in self.formats)


def recommend(
    analysis: Analysis,
    catalog: Catalog,
    top: int | None = 5,
    reference_cost: float | None = None,
    teaching: Mapping[str, Taught] | None = None,
) -> tuple[Recommendation, ...]:
    """Rank credentials that close at least one gap; held and excluded credentials are left out.

    With `teaching` (the world's skill index) only the credentials that teach a gap skill are looked at, in
    order of the most they could score, and the search stops once no credential left could reach the
    top: a large catalog is ranked without building most of its credentials. The result is the same as
    walking the whole catalog (a test holds them to it)."""
    total = sum(g.weighted for g in analysis.gaps)
    if total == 0:
        return ()
    held = {c.id for c in analysis.held}
    ref_cost = reference_cost or analysis.profile.preferences.budget or REFERENCE_COST
    by_id = catalog.by_id()
    key_of, leave_out = SkillKeys(analysis), Exclusions(analysis)
    wanted = {key_of(name) for g in analysis.gaps for name in gap_names(g)}

    def scored(credential: Credential) -> Scored | None:
        if not any(key_of(s.name) in wanted for s in credential.skills):
            return None  # teaches nothing the person lacks: most of a large catalog
        if credential.id in held or leave_out(credential):
            return None
        closes = closures(credential, analysis.gaps, analysis, key_of)
        if not closes:
            return None
        first = prerequisites_to_take(credential, by_id, held)
        route = [*first, credential]
        scoring = Scoring(
            coverage=sum(c.weighted for c in closes) / total,
            cost_penalty=round(penalty(_total([c.cost for c in route]), ref_cost), 2),
            hours_penalty=round(penalty(_total([c.hours for c in route]), REFERENCE_HOURS), 2),
        )
        return Scored(credential, closes, scoring, first)

    if teaching is None:
        found = [item for item in map(scored, catalog.credentials) if item is not None]
    else:
        found = _best_by_bound(scored, catalog.credentials, _bounds(analysis, key_of, teaching, total), top)
    found.sort(key=Scored.order)
    if top is not None:
        found = found[:top]
    return tuple(
        Recommendation(i, item.credential, item.closes, item.scoring, item.first)
        for i, item in enumerate(found, start=1)
    )


class Scored(NamedTuple):
    credential: Credential
    closes: tuple[Closure, ...]
    scoring: Scoring
    first: tuple[Credential, ...]

    def order(self) -> tuple[float, float, float, str]:
        """Best first; ties break on cost, hours, then id."""
        return (-self.scoring.score, *self.credential.price_key())


def _bounds(
    analysis: Analysis, key_of: SkillKeys, teaching: Mapping[str, Taught], total: int
) -> dict[int, float]:
    """The most each credential teaching a gap skill could score: its coverage alone (penalties only
    subtract), worked out from the index the way `closures` works it out from the credential."""
    weighted: dict[int, int] = {}
    for gap in analysis.gaps:
        best: dict[int, int] = {}  # credential -> the highest level it teaches of the gap's skill(s)
        for name in gap_names(gap):
            taught = teaching.get(key_of(name))
            for index, level in taught.pairs() if taught is not None else ():
                best[index] = max(best.get(index, 0), level)
        weight = gap.importance.weight
        for index, level in best.items():
            if level > gap.current:
                weighted[index] = weighted.get(index, 0) + (min(level, gap.required) - gap.current) * weight
    return {index: round(100.0 * (w / total), 2) for index, w in weighted.items()}


def _best_by_bound(
    scored: Callable[[Credential], Scored | None],
    credentials: Sequence[Credential],
    bounds: dict[int, float],
    top: int | None,
) -> list[Scored]:
    """Score candidates from the highest bound down; stop when the next bound is below the top-th score."""
    found: list[Scored] = []
    previous = None
    for index in sorted(bounds, key=lambda i: (-bounds[i], i)):
        bound = bounds[index]
        if top is not None and bound != previous and len(found) >= top:
            cutoff = sorted(found, key=Scored.order)[top - 1].scoring.score
            if bound < cutoff:
                break
        previous = bound
        item = scored(credentials[index])
        if item is not None:
            found.append(item)
    return found
