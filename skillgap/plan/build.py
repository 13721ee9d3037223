"""`make_plan`: from an analysis, a catalog and a request to a complete, explained plan."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from skillgap.analyse.gaps import Analysis
from skillgap.dates import BEYOND, beyond
from skillgap.model import Catalog, Taught
from skillgap.plan.candidates import find_candidates
from skillgap.plan.explain import deadline_words, open_gaps, pathway_note, required_credentials, shortfall
from skillgap.plan.solve import solve
from skillgap.plan.timeline import final_levels, readiness, schedule
from skillgap.plan.types import Plan, Request, SolverReport


def make_plan(
    analysis: Analysis, catalog: Catalog, request: Request, teaching: Mapping[str, Taught] | None = None
) -> Plan:
    """The optimal plan for the request (or the best found past the exact search's limits). TEACHING, the
    world's skill index, spares walking the whole catalog for candidates."""
    cands = find_candidates(analysis, catalog, teaching)
    inst = cands.instance(request)
    solution = solve(inst)
    chosen = [c for c in cands.usable if c.id in solution.chosen]
    steps = schedule(analysis, catalog, cands, inst, chosen, request)
    levels = final_levels(cands, set(solution.chosen))
    value = inst.value(inst.index[i] for i in solution.chosen)
    notes = []
    if solution.optimal:
        note = pathway_note(inst, catalog, solution.chosen)
        if note:
            notes.append(note)
    currencies = sorted({c.currency for c in chosen if c.currency})
    if len(currencies) > 1:
        notes.append(
            f"Costs are in several currencies ({', '.join(currencies)}) and are added as written: "
            "no exchange rates are applied."
        )
    budget_currency = analysis.profile.preferences.currency
    if request.budget is not None and budget_currency and currencies and currencies != [budget_currency]:
        notes.append(
            f"Your budget is in {budget_currency} and the plan's costs are in {', '.join(currencies)}: "
            "they are compared as written, with no exchange rate."
        )
    if request.deadline_passed:
        notes.append(
            f"The deadline has passed: {deadline_words(request)}, so no time is left to study before it. "
            "Set a later one (--deadline, or preferences.deadline in the profile)."
        )
    elif request.deadline is not None and not request.hours_per_week:
        notes.append(
            "No hours per week given: the plan has no dates and is not checked against the deadline."
        )
    report = SolverReport(
        optimal=solution.optimal,
        method=solution.method,
        candidates=solution.candidates,
        dominated=solution.dominated,
        nodes=solution.nodes,
        reason=solution.reason,
    )
    short = shortfall(inst, request, value)
    if request.hours_per_week and any(beyond(s.finish) for s in steps):
        notes.append(
            f"At {request.hours_per_week:g} hours a week the plan runs past the end of the calendar "
            f"(the year {date.max.year}): the dates after it are shown as \"{BEYOND}\" (null in JSON)."
        )
    elif request.hours_per_week and short is not None and beyond(short.deadline_needed):
        notes.append(
            f"At {request.hours_per_week:g} hours a week, closing every gap would take until after the end "
            f"of the calendar (the year {date.max.year}): no date is given for it."
        )
    return Plan(
        request=request,
        steps=steps,
        open_gaps=open_gaps(cands, levels, request, short),
        readiness_before=analysis.readiness,
        readiness_after=readiness(analysis, levels),
        solver=report,
        shortfall=short,
        required_credentials=required_credentials(analysis, catalog, solution.chosen),
        left_out=cands.left_out,
        notes=tuple(notes),
    )
