"""Compare target roles for one person: readiness, the essential gaps, and what closing them would take.

Pure. For each role: the analysis, its essential gaps, and two plans with no budget or time limit (only the
person's format and provider preferences apply): the cheapest that closes the essential gaps, and the
cheapest that closes every gap. Roles are ranked by readiness, then fewer essential gaps, then the cost of
closing them, then title, so the same input always gives the same order. An essential gap the plans leave
open says why in its own words: no credential teaches it, the catalog teaches it only so far, or the
credentials that would close it are left out (a format the person did not ask for, an excluded provider,
an unknown cost or duration), and how many for each reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace

from skillgap.analyse import Analysis, Gap
from skillgap.analyse.preferences import Exclusions
from skillgap.levels import Importance
from skillgap.model import Catalog, Preferences, Role, Taught
from skillgap.money import Money
from skillgap.pathnames import distinct_tails
from skillgap.plan import OpenGap, Plan, Request, make_plan
from skillgap.plan.types import LeftOut
from skillgap.rank import closures


@dataclass(frozen=True)
class Unclosed:
    """An essential gap the plan leaves open, with the credentials that would take it further but are left
    out of the plan (and why each is)."""

    open_gap: OpenGap
    left_out: tuple[LeftOut, ...] = ()
    preferences: Preferences = field(default_factory=Preferences)

    @property
    def skill(self) -> str:
        return self.open_gap.gap.skill

    @property
    def reason(self) -> str:
        """Why it stays open, in a few words: "4 credentials that would raise it are left out: 2 in-person,
        1 hybrid (not among your formats); 1 from 'Coursera' (in your exclude_providers)"; a credential left
        out for another reason is given with it ("cost unknown (2)")."""
        if not self.left_out:
            return self.open_gap.reason
        leave_out = Exclusions(self.preferences)
        groups: dict[tuple[str, str], int] = {}
        for item in self.left_out:
            why = leave_out.why(item.credential)
            key = (why.preference, why.value) if why is not None else ("", item.reason)
            groups[key] = groups.get(key, 0) + 1
        parts = []
        formats = [f"{k} {value}" for (kind, value), k in groups.items() if kind == "formats"]
        if formats:
            parts.append(", ".join(formats) + " (not among your formats)")
        providers = [f"{k} from {v!r}" for (kind, v), k in groups.items() if kind == "exclude_providers"]
        if providers:
            parts.append(", ".join(providers) + " (in your exclude_providers)")
        parts += [value if k == 1 else f"{value} ({k})" for (kind, value), k in groups.items() if not kind]
        n = len(self.left_out)
        what = "1 credential that would raise it is" if n == 1 else f"{n} credentials that would raise it are"
        return f"{what} left out: {'; '.join(parts)}"


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
        """Essential gaps no plan closes: nothing the plan may use takes them far enough."""
        return self.essential_plan.open_gaps

    def unclosed(self) -> tuple[Unclosed, ...]:
        """The essential gaps left open, each with the credentials left out that would take it further."""
        out = []
        for open_gap in self.essential_open:
            blocked = tuple(
                x
                for x in self.essential_plan.left_out
                if any(
                    c.to_level > open_gap.after
                    for c in closures(x.credential, (open_gap.gap,), self.analysis)
                )
            )
            out.append(Unclosed(open_gap, blocked, self.analysis.profile.preferences))
        return tuple(out)

    @property
    def plan_cost(self) -> float:
        return self.essential_plan.total_cost

    @property
    def plan_hours(self) -> float:
        return self.essential_plan.total_hours


def essential_only(analysis: Analysis) -> Analysis:
    """The analysis with only its essential gaps left to close (used to plan for them alone)."""
    return replace(analysis, gaps=tuple(g for g in analysis.gaps if g.importance is Importance.ESSENTIAL))


def fit(
    analysis: Analysis,
    catalog: Catalog,
    teaching: Mapping[str, Taught] | None = None,
    money: Money | None = None,
) -> RoleFit:
    """MONEY: the currency costs are counted in and the rates into it (without, as written)."""
    unlimited = Request(money=money or Money())
    essential = make_plan(essential_only(analysis), catalog, unlimited, teaching)
    return RoleFit(analysis, essential, make_plan(analysis, catalog, unlimited, teaching))


def compare_roles(
    analyses: Iterable[Analysis],
    catalog: Catalog,
    teaching: Mapping[str, Taught] | None = None,
    money: Money | None = None,
) -> tuple[RoleFit, ...]:
    """One person's analyses against several roles, each planned for, best fit first (TEACHING, the
    world's skill index, spares walking the whole catalog for each plan). Plans are ordered by their cost
    counted in MONEY's currency (converted where its rates do, else as written)."""
    fits = [fit(analysis, catalog, teaching, money) for analysis in analyses]
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
