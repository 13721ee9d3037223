"""Which credentials a plan may use, and what each would do for the person's gaps.

A credential is left out when the person holds it, when its provider is excluded or its format is not one
they asked for (the same rule as `analyze`), when its cost or hours are unknown (a plan that promises to
fit a budget or a date must be able to add them up), or when a prerequisite it needs is left out. Of the
rest, a credential is usable when it raises a gap, or when a usable credential needs it first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from skillgap.analyse.gaps import Analysis, Gap, gap_names, skill_key
from skillgap.analyse.preferences import Exclusions
from skillgap.model import Catalog, Credential, Taught
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

    def instance(self, request: Request) -> Instance:
        gaps = self.gaps
        weights = gap_weights(
            [g.importance.value == "essential" for g in gaps],
            [g.importance.weight for g in gaps],
            [g.gap for g in gaps],
        )
        items = tuple(
            Item(
                id=c.id,
                cost=c.cost or 0.0,
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


def own_reason(credential: Credential, analysis: Analysis, leave_out: Exclusions | None = None) -> str | None:
    """Why a credential cannot be planned, looking at it alone."""
    exclusion = (leave_out or Exclusions(analysis.profile.preferences)).why(credential)
    if exclusion is not None:
        return exclusion.reason
    if credential.cost is None and credential.hours is None:
        return "cost and hours unknown"
    if credential.cost is None:
        return "cost unknown"
    if credential.hours is None:
        return "hours unknown"
    return None


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
    """The credentials that teach a gap skill, and every prerequisite they name, in catalog order (all of
    them without TEACHING)."""
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
        for ref in catalog.credentials[stack.pop()].prerequisites:
            position = ids.get(ref)
            if position is not None and position not in found:
                found.add(position)
                stack.append(position)
    return [catalog.credentials[i] for i in sorted(found)]


def find_candidates(
    analysis: Analysis, catalog: Catalog, teaching: Mapping[str, Taught] | None = None
) -> Candidates:
    """TEACHING, the world's skill index, narrows the search to the credentials that teach a gap skill
    and the prerequisites they need: no other can raise a gap, be needed first, or be left out for a
    reason worth telling (a large catalog is not walked whole)."""
    by_id = catalog.by_id()
    held = frozenset(c.id for c in analysis.held)
    gaps = analysis.gaps
    index = {id(g): i for i, g in enumerate(gaps)}
    offered = tuple(c for c in _relevant(analysis, catalog, teaching) if c.id not in held)
    reach = {c.id: {index[id(x.gap)]: x.to_level for x in closures(c, gaps, analysis)} for c in offered}
    leave_out = Exclusions(analysis.profile.preferences)
    own = {c.id: own_reason(c, analysis, leave_out) for c in offered}
    requires: dict[str, frozenset[str]] = {}
    for c in offered:
        chain, missing = prerequisite_chain(c, by_id, held)
        requires[c.id] = chain
        if own[c.id] is None and missing is not None:
            own[c.id] = f"its prerequisite {missing} is not in the catalog"
    reasons = dict(own)
    for c in offered:
        blocked = sorted(r for r in requires[c.id] if own.get(r))
        if reasons[c.id] is None and blocked:
            first = blocked[0]
            reasons[c.id] = f"it needs {by_id[first].title} first, which is left out ({own[first]})"
    plannable = [c for c in offered if reasons[c.id] is None]
    needed = {r for c in plannable if reach[c.id] for r in requires[c.id]}
    usable = tuple(c for c in plannable if reach[c.id] or c.id in needed)
    left_out = tuple(LeftOut(c, reasons[c.id] or "") for c in offered if reasons[c.id] and reach[c.id])
    in_pathway = frozenset(i for ids in pathway_members(catalog).values() for i in ids)
    return Candidates(
        gaps=gaps,
        usable=usable,
        reach=reach,
        requires={c.id: requires[c.id] for c in usable},
        left_out=left_out,
        taught=taught_levels(analysis, offered),
        pathway_ids=in_pathway,
    )
