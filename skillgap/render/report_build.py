"""From a cohort (one person or many) to coaching sheets: each person's plan, progress and questions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from skillgap.analyse import Analysis
from skillgap.cohort import Cohort
from skillgap.model import Catalog
from skillgap.money import Money, Rates, counting_currency
from skillgap.plan import Request, make_plan
from skillgap.progress import Saved, compare, find_person, saved_results
from skillgap.render.analysis_doc import analysis_document
from skillgap.render.report_sheet import PlanView, Sheet, plan_view, sheet
from skillgap.world import fuzzy_and_unresolved


def plan_for(
    analysis: Analysis, catalog: Catalog, today: date | None = None, rates: Rates | None = None
) -> PlanView:
    """The plan within the person's own budget, hours a week and deadline, starting today; RATES convert
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
    return plan_view(make_plan(analysis, catalog, request), prefs.currency)


def person_sheet(
    analysis: Analysis,
    catalog: Catalog,
    saved: Sequence[Saved] | None = None,
    today: date | None = None,
    titles: Mapping[str, str] | None = None,
    rates: Rates | None = None,
) -> Sheet:
    """One person's sheet; `saved` is what --since read (None: no --since)."""
    plan = plan_for(analysis, catalog, today, rates)
    _, unresolved = fuzzy_and_unresolved(analysis.resolutions, [s.name for s in analysis.profile.skills])
    progress, note = None, ""
    if saved is not None:
        profile = analysis.profile
        before = saved[0] if len(saved) == 1 else find_person(saved, profile.name, profile.file)
        if before is None:
            note = f"The saved result holds no result for {analysis.profile.name}."
        else:
            now = saved_results(analysis_document(analysis, ()), "today")[0]
            progress = compare(before, now)
    return sheet(
        analysis,
        plan,
        progress,
        note,
        [r.query for r in unresolved],
        titles if titles is not None else {c.id: c.title for c in catalog.credentials},
    )


def cohort_sheets(
    cohort: Cohort,
    catalog: Catalog,
    saved: Sequence[Saved] | None = None,
    today: date | None = None,
    rates: Rates | None = None,
) -> list[Sheet]:
    """Everyone's sheet, in the cohort's order."""
    titles = {c.id: c.title for c in catalog.credentials}
    n = len(cohort.people)
    return [person_sheet(a, catalog, _for(saved, a, n), today, titles, rates) for a in cohort.people]


def _for(saved: Sequence[Saved] | None, analysis: Analysis, people: int) -> Sequence[Saved] | None:
    """With several people, a saved result counts for one only when it is theirs (file or name)."""
    if saved is None or people == 1:
        return saved
    found = find_person(saved, analysis.profile.name, analysis.profile.file)
    return [] if found is None else [found]
