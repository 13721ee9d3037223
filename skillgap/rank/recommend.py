"""Recommendations: score every credential by the weighted levels of gap it closes, then its cost and time.

score = 100 x coverage - cost penalty - time penalty, where coverage is the share of the importance-weighted
gap levels the credential closes (it closes no more than the level it teaches), and each penalty takes at
most a tenth of the coverage points: coverage x 10 x cost / (cost + reference cost) and coverage x 10 x
hours / (hours + reference hours). A score is therefore between 80% and 100% of the coverage points: never
below 0, never above 100, and above 0 for anything that closes a gap at all (a credential that closes
nothing is not recommended). Coverage dominates; between credentials that close the same gaps, the cheaper
and shorter one ranks first. Ties break on cost, hours, then id, so the same input always gives the same
order.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from skillgap.analyse.eligibility import (
    EntryShortfall,
    Facts,
    Judgement,
    Verdict,
    entry_shortfalls,
    facts_of,
    judge,
    person_levels,
)
from skillgap.analyse.gaps import Analysis, Gap, gap_names, skill_key
from skillgap.analyse.preferences import Exclusions
from skillgap.model import Catalog, Credential, Taught
from skillgap.money import Money

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
    """A score from 0 to 100: the coverage points less the two penalties (see the module's docstring)."""

    coverage: float  # 0-1 share of the weighted gap closed
    cost_penalty: float  # points taken off for cost: at most a tenth of 100 x coverage
    hours_penalty: float  # points taken off for hours: at most a tenth of 100 x coverage

    @classmethod
    def of(cls, coverage: float, cost: float | None, hours: float | None, reference_cost: float) -> Scoring:
        """The scoring of a credential (with the prerequisites it needs first) costing COST and taking
        HOURS, that closes this share of the weighted gap."""
        return cls(
            coverage=coverage,
            cost_penalty=round(coverage * penalty(cost, reference_cost), 2),
            hours_penalty=round(coverage * penalty(hours, REFERENCE_HOURS), 2),
        )

    @property
    def score(self) -> float:
        return round(100.0 * self.coverage - self.cost_penalty - self.hours_penalty, 2)


@dataclass(frozen=True)
class Recommendation:
    """A ranked credential: the gaps it closes, its score, and what it needs first."""

    rank: int
    credential: Credential
    closes: tuple[Closure, ...]
    scoring: Scoring
    needs_first: tuple[Credential, ...] = ()  # prerequisites not yet held, in the order to take them
    eligibility: Judgement | None = None  # its conditions judged for the person (None: it sets none)
    entry: tuple[EntryShortfall, ...] = ()  # levels it expects on entry that the person is below
    over_budget: bool | None = None  # its cost (prerequisites too) against the budget; None: not compared
    budget_note: str = ""  # why it is over the budget, or why it cannot be compared with it

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
        judged = self.eligibility
        if judged is not None and judged.verdict is Verdict.UNMET:
            notes.append("not yet eligible: it needs " + judged.missing)
        elif judged is not None and not judged.text_only and judged.verdict is Verdict.UNKNOWN:
            notes.append("eligibility not judged: " + judged.unjudged)
        elif self.credential.eligibility:
            notes.append("eligibility: " + self.credential.eligibility)
        if self.entry:
            notes.append("expects " + "; ".join(short.describe() for short in self.entry))
        if self.budget_note:
            notes.append(self.budget_note)
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
    """From 0 to MAX_PENALTY: value / (value + reference) of it; half of it when the value is unknown."""
    if value is None:
        return MAX_PENALTY / 2
    if value <= 0:
        return 0.0
    return MAX_PENALTY if value == float("inf") else MAX_PENALTY * value / (value + reference)


def excluded(credential: Credential, analysis: Analysis) -> bool:
    """Whether the person's preferences leave this credential out (an excluded provider, another format):
    see skillgap/analyse/preferences.py. Ranking many, use one `Exclusions` for them all."""
    return Exclusions(analysis.profile.preferences)(credential)


def recommend(
    analysis: Analysis,
    catalog: Catalog,
    top: int | None = 5,
    reference_cost: float | None = None,
    teaching: Mapping[str, Taught] | None = None,
    money: Money | None = None,
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
    key_of, leave_out = SkillKeys(analysis), Exclusions(analysis.profile.preferences)
    wanted = {key_of(name) for g in analysis.gaps for name in gap_names(g)}
    converting = money or Money()

    def counted(c: Credential) -> float | None:
        """Its cost in the budget's currency where a rate converts it, else as written."""
        if c.cost is None:
            return None
        converted = converting.convert(c.cost, c.currency)
        return c.cost if converted is None else converted

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
        scoring = Scoring.of(
            sum(c.weighted for c in closes) / total,
            _total([counted(c) for c in route]),
            _total([c.hours for c in route]),
            ref_cost,
        )
        return Scored(credential, closes, scoring, first)

    if teaching is None:
        found = [item for item in map(scored, catalog.credentials) if item is not None]
    else:
        found = _best_by_bound(scored, catalog.credentials, _bounds(analysis, key_of, teaching, total), top)
    found.sort(key=Scored.order)
    if top is not None:
        found = found[:top]
    facts = facts_of(analysis)
    levels = person_levels(analysis)
    return tuple(
        Recommendation(
            i,
            item.credential,
            item.closes,
            item.scoring,
            item.first,
            judge(item.credential, _with_titles(facts, item.credential, by_id)),
            entry_shortfalls(item.credential, levels, key_of),
            *against_budget((*item.first, item.credential), analysis.profile.preferences.budget, money),
        )
        for i, item in enumerate(found, start=1)
    )


def against_budget(
    route: Sequence[Credential], budget: float | None, money: Money | None
) -> tuple[bool | None, str]:
    """Whether taking ROUTE (prerequisites, then the credential) costs more than BUDGET, counted in MONEY's
    currency, and the words for it: None with a reason when a cost is unknown or no rate converts it."""
    if budget is None:
        return None, ""
    money = money or Money()
    total = 0.0
    for c in route:
        if c.cost is None:
            return None, "cost unknown: not compared with your budget"
        converted = money.convert(c.cost, c.currency)
        if converted is None:
            why = (
                "no exchange rates were given"
                if money.rates is None
                else f"{money.rates.file} has no rate for it"
            )
            return None, (
                f"its cost is in {c.currency}, your budget in {money.currency}: not compared ({why})"
            )
        total += converted
    if total > budget + 1e-9:
        cost, limit = money_text(total, money.currency), money_text(budget, money.currency)
        return True, f"over your budget: {cost} against {limit}"
    return False, ""


def money_text(amount: float, currency: str | None) -> str:
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{text} {currency}" if currency else text


def _with_titles(facts: Facts, credential: Credential, by_id: Mapping[str, Credential]) -> Facts:
    """FACTS with the titles of the credentials CREDENTIAL's conditions name, for the words."""
    if credential.conditions is None:
        return facts
    titles = dict(facts.titles or {})
    for ref in credential.conditions.credential_ids():
        if ref in by_id:
            titles[ref] = by_id[ref].title
    return replace(facts, titles=titles)


@dataclass(frozen=True)
class LeftOutByPreference:
    """Credentials that would narrow a gap but one preference leaves out: a format the person did not ask
    for, or an entry of exclude_providers."""

    preference: str  # "formats" or "exclude_providers"
    value: str  # the credential's format, or the entry as the person wrote it
    ids: tuple[str, ...]  # the credentials', in catalog order


def left_out_by_preferences(
    analysis: Analysis, catalog: Catalog, teaching: Mapping[str, Taught] | None = None
) -> tuple[LeftOutByPreference, ...]:
    """What the person's preferences leave out of the ranking: each credential not held that would narrow
    a gap, grouped by the preference (and value) that excludes it, most credentials first.

    With TEACHING (the world's skill index) this is worked out from the index and the catalog's columns of
    providers and formats, without building a credential (at 100,000 credentials most are never built)."""
    prefs = analysis.profile.preferences
    if not analysis.gaps or not (prefs.formats or prefs.exclude_providers):
        return ()
    key_of, leave_out = SkillKeys(analysis), Exclusions(prefs)
    narrows: set[int] = set()  # indexes of the credentials that teach a gap skill above the person's level
    if teaching is None:
        for index, credential in enumerate(catalog.credentials):
            if closures(credential, analysis.gaps, analysis, key_of):
                narrows.add(index)
    else:
        for gap in analysis.gaps:
            taught = teaching.get(key_of(gap.requested_as))
            if taught is not None:
                narrows.update(i for i, level in taught.pairs() if level > gap.current)
    held = {c.id for c in analysis.held}
    lookup = catalog.lookup
    ids, offered = lookup.price[2], lookup.offered
    verdicts = {}  # each distinct (provider, format) judged once: a catalog has few
    for pair in {offered[i] for i in narrows}:
        why = leave_out.why_offered(*pair)
        if why is not None:
            verdicts[pair] = (why.preference, why.value)
    groups: dict[tuple[str, str], list[str]] = {}
    for index in sorted(i for i in narrows if offered[i] in verdicts):
        if ids[index] not in held:
            groups.setdefault(verdicts[offered[index]], []).append(ids[index])
    order = sorted(groups, key=lambda k: (-len(groups[k]), k))
    return tuple(LeftOutByPreference(p, v, tuple(groups[(p, v)])) for p, v in order)


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
