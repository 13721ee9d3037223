"""What a coaching report is made from, for each person of a cohort: the plan within their own budget,
hours a week and deadline; their progress since a saved result; the skills they named that nothing knows.

Pure: takes the analysed cohort and returns typed results; `skillgap.render.report_sheet` words them and
the report renderers lay them out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from skillgap.analyse import Analysis
from skillgap.cohort import Cohort
from skillgap.model import Catalog
from skillgap.money import Money, Rates, counting_currency
from skillgap.plan import Plan, Request, make_plan
from skillgap.progress import Progress, Saved, compare, find_person, saved_now
from skillgap.world import fuzzy_and_unresolved


@dataclass(frozen=True)
class Coached:
    """One person's material for a coaching session."""

    analysis: Analysis
    plan: Plan
    progress: Progress | None = None
    since_note: str = ""  # why there is no progress, when a saved result was given but none is theirs
    unresolved: tuple[str, ...] = ()  # profile skill names that matched no known skill


def own_plan(
    analysis: Analysis, catalog: Catalog, today: date | None = None, rates: Rates | None = None
) -> Plan:
    """The plan within the person's own budget, hours a week and deadline, starting TODAY; RATES convert
    costs into the budget's currency."""
    prefs = analysis.profile.preferences
    money = Money(counting_currency(None, prefs.currency, catalog.currency, rates), rates)
    request = Request(
        budget=prefs.budget,
        hours_per_week=prefs.hours_per_week,
        deadline=prefs.deadline,
        start=today,
        money=money,
    )
    return make_plan(analysis, catalog, request)


def coach(
    analysis: Analysis,
    catalog: Catalog,
    saved: Sequence[Saved] | None = None,
    today: date | None = None,
    rates: Rates | None = None,
) -> Coached:
    """One person's material; SAVED is what --since read (None: no --since)."""
    plan = own_plan(analysis, catalog, today, rates)
    _, unresolved = fuzzy_and_unresolved(analysis.resolutions, [s.name for s in analysis.profile.skills])
    progress, note = None, ""
    if saved is not None:
        profile = analysis.profile
        before = saved[0] if len(saved) == 1 else find_person(saved, profile.name, profile.file)
        if before is None:
            note = f"The saved result holds no result for {profile.name}."
        else:
            progress = compare(before, saved_now(analysis))
    return Coached(analysis, plan, progress, note, tuple(r.query for r in unresolved))


def coach_cohort(
    cohort: Cohort,
    catalog: Catalog,
    saved: Sequence[Saved] | None = None,
    today: date | None = None,
    rates: Rates | None = None,
) -> list[Coached]:
    """Everyone's material, in the cohort's order."""
    n = len(cohort.people)
    return [coach(a, catalog, _for(saved, a, n), today, rates) for a in cohort.people]


def _for(saved: Sequence[Saved] | None, analysis: Analysis, people: int) -> Sequence[Saved] | None:
    """With several people, a saved result counts for one only when it is theirs (file or name)."""
    if saved is None or people == 1:
        return saved
    found = find_person(saved, analysis.profile.name, analysis.profile.file)
    return [] if found is None else [found]
