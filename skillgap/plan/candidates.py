"""Which credentials a plan may use, and what each would do for the person's gaps.

A credential is left out when the person holds it, when its provider is excluded or its format is not one
they asked for (the same rule as `analyze`), when its cost or hours are unknown (a plan that promises to
fit a budget or a date must be able to add them up), when a prerequisite it needs is left out, when the
person is not eligible (its conditions are not met, and no credential the plan may use would meet them),
or when it expects a level on entry the person is below and no credential the plan may use gets them
there. A credential that a planned one makes eligible, or brings to the level it expects, takes that one
first as it takes a prerequisite (`Gate`). Of the rest, a credential is usable when it raises a gap, or
when a usable credential needs it first.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from skillgap.analyse.eligibility import (
    EntryShortfall,
    Facts,
    entry_shortfalls,
    facts_of,
    judge,
    person_levels,
)
from skillgap.analyse.gaps import Analysis, Gap, gap_names, skill_key
from skillgap.analyse.preferences import Exclusions
from skillgap.model import Catalog, Credential, Taught
from skillgap.money import Money
from skillgap.plan.instance import Instance, Item, gap_weights
from skillgap.plan.types import LeftOut, Request
from skillgap.rank.recommend import closures


@dataclass(frozen=True)
class Candidates:
    gaps: tuple[Gap, ...]  # the analysis's gaps; a gap's index is its position here
    usable: tuple[Credential, ...]
    reach: Mapping[str, Mapping[int, int]]  # credential id (usable or left out) -> gap index -> level reached
    requires: Mapping[str, frozenset[str]]  # credential id -> ids to plan first (transitive, not held)
    left_out: tuple[LeftOut, ...]  # credentials that would raise a gap but cannot be planned
    taught: Mapping[int, int]  # gap index -> the highest level any credential not held teaches (0: none)
    pathway_ids: frozenset[str]  # credentials that are part of a pathway
    facts: Facts | None = None  # what the person brings to the credentials' conditions
    entry: Mapping[str, tuple[EntryShortfall, ...]] = field(default_factory=dict)  # id -> below on entry
    enablers: Mapping[str, frozenset[str]] = field(default_factory=dict)  # id -> planned first to open it

    def instance(self, request: Request) -> Instance:
        """The problem to solve: each cost counted in the budget's currency where a rate converts it (a
        credential no rate converts is left out under a budget, see `own_reason`; without one its cost
        counts as written)."""
        gaps = self.gaps
        weights = gap_weights(
            [g.importance.value == "essential" for g in gaps],
            [g.importance.weight for g in gaps],
            [g.gap for g in gaps],
        )
        items = tuple(
            Item(
                id=c.id,
                cost=request.counted(c) or c.cost or 0.0,
                hours=c.hours or 0.0,
                reach=self.reach[c.id],
                requires=self.requires[c.id],
                pathway=c.id in self.pathway_ids,
            )
            for c in self.usable
        )
        return Instance(
            current=tuple(g.current for g in gaps),
            weight=weights,
            items=items,
            objective=request.objective,
            budget=request.budget,
            hours=request.available_hours,
        )


def own_reason(
    credential: Credential,
    analysis: Analysis,
    leave_out: Exclusions | None = None,
    request: Request | None = None,
) -> str | None:
    """Why a credential cannot be planned, looking at it alone (and at the REQUEST's budget: a cost no
    exchange rate converts into the budget's currency cannot be held against it)."""
    exclusion = (leave_out or Exclusions(analysis.profile.preferences)).why(credential)
    if exclusion is not None:
        return exclusion.reason
    if credential.cost is None and credential.hours is None:
        return "cost and hours unknown"
    if credential.cost is None:
        return "cost unknown"
    if credential.hours is None:
        return "hours unknown"
    if unconverted(credential, request):
        assert request is not None
        return unconverted_reason(credential, request.money)
    return None


def unconverted(credential: Credential, request: Request | None) -> bool:
    """Whether a budget is set and no exchange rate converts this known cost into its currency."""
    return (
        request is not None
        and request.budget is not None
        and credential.cost is not None
        and request.counted(credential) is None
    )


def unconverted_reason(credential: Credential, money: Money) -> str:
    """Why a cost cannot be held against a budget: no rate converts its currency into the budget's."""
    budget = money.currency or "?"
    if money.rates is None:
        return (
            f"its cost is in {credential.currency} and your budget in {budget}, and no exchange rates were "
            "given (--rates FILE converts them)"
        )
    rates = money.rates.file
    return f"its cost is in {credential.currency}, which the rates in {rates} do not convert into {budget}"


def prerequisite_chain(
    credential: Credential, by_id: Mapping[str, Credential], held: frozenset[str]
) -> tuple[frozenset[str], str | None]:
    """The prerequisites still to take (transitively), or the first one that cannot be found."""
    needed: set[str] = set()
    stack = list(credential.prerequisites)
    while stack:
        ref = stack.pop()
        if ref in held or ref in needed or ref == credential.id:
            continue
        if ref not in by_id:
            return frozenset(needed), ref
        needed.add(ref)
        stack.extend(by_id[ref].prerequisites)
    return frozenset(needed), None


def pathway_members(catalog: Catalog) -> Mapping[str, frozenset[str]]:
    """Pathway id -> the credential ids in it (worked out once per catalog: a plan asks for each step)."""
    return catalog.pathway_members


def taught_levels(analysis: Analysis, credentials: tuple[Credential, ...]) -> dict[int, int]:
    keys: dict[str, list[int]] = {}  # skill key -> the gaps it closes (a choice's alternatives: one gap)
    for i, g in enumerate(analysis.gaps):
        for name in gap_names(g):
            keys.setdefault(skill_key(name, analysis.resolutions), []).append(i)
    taught = dict.fromkeys(range(len(analysis.gaps)), 0)
    for credential in credentials:
        for skill in credential.skills:
            for i in keys.get(skill_key(skill.name, analysis.resolutions), ()):
                taught[i] = max(taught[i], skill.level)
    return taught


def _relevant(
    analysis: Analysis, catalog: Catalog, teaching: Mapping[str, Taught] | None
) -> Sequence[Credential]:
    """The credentials that teach a gap skill, and every credential they need first (prerequisites, one a
    condition names, one that teaches a skill to the level they expect on entry), in catalog order (all
    of them without TEACHING)."""
    if teaching is None:
        return catalog.credentials
    ids = catalog.lookup.ids
    found: set[int] = set()
    for gap in analysis.gaps:
        for name in gap_names(gap):
            taught = teaching.get(skill_key(name, analysis.resolutions))
            if taught is not None:
                found.update(taught.indexes)
    stack = list(found)
    while stack:
        credential = catalog.credentials[stack.pop()]
        refs = [ids.get(ref) for ref in credential.prerequisites]
        if credential.conditions is not None:
            refs += [ids.get(ref) for ref in credential.conditions.credential_ids()]
        for key, level in credential.entry_level(lambda n: skill_key(n, analysis.resolutions)).items():
            taught = teaching.get(key)
            refs += [i for i, lv in taught.pairs() if lv >= level] if taught is not None else []
        for position in refs:
            if position is not None and position not in found:
                found.add(position)
                stack.append(position)
    return [catalog.credentials[i] for i in sorted(found)]


def find_candidates(
    analysis: Analysis,
    catalog: Catalog,
    teaching: Mapping[str, Taught] | None = None,
    request: Request | None = None,
) -> Candidates:
    """TEACHING, the world's skill index, narrows the search to the credentials that teach a gap skill
    and the ones they need first: no other can raise a gap, be needed first, or be left out for a reason
    worth telling (a large catalog is not walked whole)."""
    by_id = catalog.by_id()
    held = frozenset(c.id for c in analysis.held)
    gaps = analysis.gaps
    index = {id(g): i for i, g in enumerate(gaps)}
    offered = tuple(c for c in _relevant(analysis, catalog, teaching) if c.id not in held)
    reach = {c.id: {index[id(x.gap)]: x.to_level for x in closures(c, gaps, analysis)} for c in offered}
    leave_out = Exclusions(analysis.profile.preferences)
    own = {c.id: own_reason(c, analysis, leave_out, request) for c in offered}
    requires: dict[str, frozenset[str]] = {}
    for c in offered:
        chain, missing = prerequisite_chain(c, by_id, held)
        requires[c.id] = chain
        if own[c.id] is None and missing is not None:
            own[c.id] = f"its prerequisite {missing} is not in the catalog"
    gate = Gate(analysis, catalog, offered, own, requires)
    own.update(gate.reasons)
    requires = gate.requires
    reasons = dict(own)
    for c in offered:
        blocked = sorted(r for r in requires[c.id] if own.get(r))
        if reasons[c.id] is None and blocked:
            first = blocked[0]
            reasons[c.id] = f"it needs {by_id[first].title} first, which is left out ({own[first]})"
    plannable = [c for c in offered if reasons[c.id] is None]
    needed = {r for c in plannable if reach[c.id] for r in requires[c.id]}
    usable = tuple(c for c in plannable if reach[c.id] or c.id in needed)
    kinds = {
        c.id: "currency"
        for c in offered
        if request is not None
        and unconverted(c, request)
        and own[c.id] == unconverted_reason(c, request.money)
    }
    kinds.update(gate.kinds)
    left_out = tuple(
        LeftOut(c, reasons[c.id] or "", kinds.get(c.id, "")) for c in offered if reasons[c.id] and reach[c.id]
    )
    in_pathway = frozenset(i for ids in pathway_members(catalog).values() for i in ids)
    return Candidates(
        gaps=gaps,
        usable=usable,
        reach=reach,
        requires={c.id: requires[c.id] for c in usable},
        left_out=left_out,
        taught=taught_levels(analysis, offered),
        pathway_ids=in_pathway,
        facts=gate.facts,
        entry=gate.entry,
        enablers={c.id: gate.enablers.get(c.id, frozenset()) for c in usable},
    )


ENABLER_CHOICES = 4  # credentials a condition names, tried in every combination (2^4 sets at most)


class Gate:
    """What a provider's conditions and the levels expected on entry make of the candidates: a reason to
    leave one out when nothing the plan may use opens it, or else the credentials to plan before it (the
    cheapest way there: by cost, then hours, then id), added to what it requires first.

    A credential that only a planned one opens takes it as it takes a prerequisite; the one it takes must
    be open without another's help (its prerequisites aside)."""

    def __init__(
        self,
        analysis: Analysis,
        catalog: Catalog,
        offered: Sequence[Credential],
        own: Mapping[str, str | None],
        requires: Mapping[str, frozenset[str]],
    ) -> None:
        self.by_id = {c.id: c for c in offered}
        titles = {c.id: c.title for c in offered}
        titles.update((c.id, c.title) for c in analysis.held)
        for c in offered:  # the credentials a condition names, which may be neither offered nor held
            for ref in c.conditions.credential_ids() if c.conditions else ():
                named = catalog.by_id().get(ref)
                if named is not None:
                    titles.setdefault(ref, named.title)
        self.facts = facts_of(analysis, titles)
        key = self.facts.key
        levels = person_levels(analysis)
        self.reasons: dict[str, str] = {}
        self.kinds: dict[str, str] = {}  # id -> "eligibility" or "entry", for a reason given here
        self.entry = {c.id: entry_shortfalls(c, levels, key) for c in offered if c.requires}
        self.entry = {cid: found for cid, found in self.entry.items() if found}
        judged = {c.id: judge(c, self.facts) for c in offered if c.conditions or c.eligibility}
        closed = {cid for cid, j in judged.items() if j is not None and not j.open}
        # who may open another: plannable on its own terms, with nothing expected on entry still missing
        self.openers = [
            c for c in offered if own.get(c.id) is None and c.id not in closed and c.id not in self.entry
        ]
        self.requires = dict(requires)
        self.enablers: dict[str, frozenset[str]] = {}
        for c in offered:
            if own.get(c.id) is not None:
                continue
            extra: set[str] = set()
            if c.id in closed:
                opening = self._opening(c, requires)
                if opening is None:
                    judgement = judged[c.id]
                    assert judgement is not None
                    self.reasons[c.id] = f"not yet eligible: it needs {judgement.missing}"
                    self.kinds[c.id] = "eligibility"
                    continue
                extra |= opening
            for short in self.entry.get(c.id, ()):
                teacher = self._teacher(c, short.key, short.expected, key, requires)
                if teacher is None:
                    self.reasons[c.id] = (
                        f"it expects {short.describe()}, and no credential the plan may use gets you there"
                    )
                    self.kinds[c.id] = "entry"
                    break
                extra.add(teacher)
            if c.id in self.reasons or not extra:
                continue
            self.enablers[c.id] = frozenset(extra)
            self.requires[c.id] = requires[c.id] | extra | {r for e in extra for r in requires[e]}
        self._close()

    def _price(self, ids: Iterable[str]) -> tuple[float, float, tuple[str, ...]]:
        chosen = sorted(set(ids))
        costs = [self.by_id[i].price_key() for i in chosen]
        return sum(c[0] for c in costs), sum(c[1] for c in costs), tuple(chosen)

    def _opening(self, credential: Credential, requires: Mapping[str, frozenset[str]]) -> set[str] | None:
        """The cheapest set of credentials (with their prerequisites) that, planned first, open it."""
        assert credential.conditions is not None
        openers = {c.id for c in self.openers}
        named = [
            ref
            for ref in credential.conditions.credential_ids()
            if ref in openers and credential.id not in requires.get(ref, ())
        ][:ENABLER_CHOICES]
        options = []
        for size in range(1, len(named) + 1):
            for subset in combinations(named, size):
                with_chains = set(subset) | {r for ref in subset for r in requires[ref]}
                before = self.facts.with_before(self.by_id[i] for i in sorted(with_chains))
                found = judge(credential, before)
                if found is not None and found.open:
                    options.append(with_chains)
        if not options:
            return None
        return min(options, key=self._price)

    def _teacher(
        self,
        credential: Credential,
        key: str,
        level: int,
        key_of: Callable[[str], str],
        requires: Mapping[str, frozenset[str]],
    ) -> str | None:
        """The cheapest credential the plan may use (with its prerequisites) that teaches KEY to LEVEL."""
        teachers = [
            c.id
            for c in self.openers
            if c.id != credential.id
            and credential.id not in requires.get(c.id, ())
            and any(key_of(s.name) == key and s.level >= level for s in c.skills)
        ]
        if not teachers:
            return None
        return min(teachers, key=lambda i: self._price({i, *requires[i]}))

    def _close(self) -> None:
        """What each credential requires first, followed through the credentials it requires."""
        changed = True
        while changed:
            changed = False
            for cid, needs in self.requires.items():
                more = (needs | {r for n in needs for r in self.requires.get(n, ())}) - {cid}
                if more != needs:
                    self.requires[cid] = frozenset(more)
                    changed = True
