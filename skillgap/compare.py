"""Compare target roles for one person: readiness, the essential gaps, and what closing them would take.

Pure. For each role: the analysis, its essential gaps, and two plans with no budget or time limit (only the
person's format and provider preferences apply): the cheapest that closes the essential gaps, and the
cheapest that closes every gap. Roles are ranked by readiness, then fewer essential gaps, then the cost of
closing them, then title, so the same input always gives the same order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace

from skillgap.analyse import Analysis, Gap
from skillgap.levels import Importance
from skillgap.model import Catalog, Role, Taught
from skillgap.pathnames import distinct_tails
from skillgap.plan import OpenGap, Plan, Request, make_plan


@dataclass(frozen=True)
class RoleFit:
    analysis: Analysis
    essential_plan: Plan  # the cheapest plan closing the essential gaps (as far as the catalog can)
    full_plan: Plan  # the cheapest plan closing every gap

    @property
    def role(self) -> Role:
        return self.analysis.role

    @property
    def readiness(self) -> float:
        return self.analysis.readiness

    @property
    def essential_gaps(self) -> tuple[Gap, ...]:
        return tuple(g for g in self.analysis.gaps if g.importance is Importance.ESSENTIAL)

    @property
    def essential_open(self) -> tuple[OpenGap, ...]:
        """Essential gaps no plan closes: nothing in the catalog takes them far enough."""
        return self.essential_plan.open_gaps

    @property
    def plan_cost(self) -> float:
        return self.essential_plan.total_cost

    @property
    def plan_hours(self) -> float:
        return self.essential_plan.total_hours


def essential_only(analysis: Analysis) -> Analysis:
    """The analysis with only its essential gaps left to close (used to plan for them alone)."""
    return replace(analysis, gaps=tuple(g for g in analysis.gaps if g.importance is Importance.ESSENTIAL))


def fit(analysis: Analysis, catalog: Catalog, teaching: Mapping[str, Taught] | None = None) -> RoleFit:
    unlimited = Request()
    essential = make_plan(essential_only(analysis), catalog, unlimited, teaching)
    return RoleFit(analysis, essential, make_plan(analysis, catalog, unlimited, teaching))


def compare_roles(
    analyses: Iterable[Analysis], catalog: Catalog, teaching: Mapping[str, Taught] | None = None
) -> tuple[RoleFit, ...]:
    """One person's analyses against several roles, each planned for, best fit first (TEACHING, the
    world's skill index, spares walking the whole catalog for each plan)."""
    fits = [fit(analysis, catalog, teaching) for analysis in analyses]
    fits.sort(
        key=lambda f: (-round(f.readiness, 6), len(f.essential_gaps), f.plan_cost, f.role.title, f.role.id)
    )
    return tuple(fits)


def with_distinct_ids(roles: Sequence[Role]) -> list[Role]:
    """The roles, in order, each with an id no other has. Roles that share an id (two files named
    role.yaml, or one `id:` written in two files) are named by the shortest end of their file's path that
    tells them apart (`a/role`, `b/role`), so none hides another in the comparison."""
    counts = Counter(role.id for role in roles)
    renamed = {i for i, role in enumerate(roles) if counts[role.id] > 1}
    while True:
        ids = [role.id for role in roles]
        order = sorted(renamed)
        for i, tail in zip(order, distinct_tails([roles[i].file for i in order]), strict=True):
            ids[i] = tail
        counts = Counter(ids)
        clashing = {i for i, role_id in enumerate(ids) if counts[role_id] > 1}
        if clashing <= renamed:  # done, or the same file twice: nothing more a path can tell apart
            return [replace(role, id=role_id) for role, role_id in zip(roles, ids, strict=True)]
        renamed |= clashing  # a path's end that is another role's own id: that role is named by path too
