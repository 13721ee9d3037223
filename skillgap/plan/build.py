"""`make_plan`: from an analysis, a catalog and a request to a complete, explained plan."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from skillgap.analyse.gaps import Analysis
from skillgap.dates import BEYOND, beyond
from skillgap.model import Catalog, Taught
from skillgap.plan.candidates import Candidates, find_candidates
from skillgap.plan.explain import deadline_words, open_gaps, pathway_note, required_credentials, shortfall
from skillgap.plan.solve import solve
from skillgap.plan.timeline import final_levels, readiness, schedule
from skillgap.plan.types import Plan, Request, SolverReport
from skillgap.words import agree, plural


def make_plan(
    analysis: Analysis, catalog: Catalog, request: Request, teaching: Mapping[str, Taught] | None = None
) -> Plan:
    """The optimal plan for the request (or the best found past the exact search's limits). TEACHING, the
    world's skill index, spares walking the whole catalog for candidates."""
    cands = find_candidates(analysis, catalog, teaching, request)
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
    notes += money_notes(request, [c.currency for c in chosen], cands)
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
    prices = {c.id: (c.cost or 0.0, c.currency) for c in cands.usable}
    short = shortfall(inst, request, value, prices)
    if request.hours_per_week and any(beyond(s.finish) for s in steps):
        notes.append(
            f"At {request.hours_per_week:g} hours a week the plan runs past the end of the calendar "
            f'(the year {date.max.year}): the dates after it are shown as "{BEYOND}" (null in JSON).'
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


def money_notes(request: Request, currencies: Sequence[str | None], cands: Candidates) -> list[str]:
    """What the plan's figures rest on: the rates that converted its costs, costs in several currencies
    that no rate converts (kept apart, never added up), and credentials a budget left out because their
    cost could not be held against it."""
    notes = []
    money = request.money
    found = sorted({c for c in currencies if c})
    foreign = [c for c in found if c != money.currency]
    rates = money.rates
    if rates is not None and foreign and all(money.converts(c) for c in foreign):
        day = f", as of {rates.as_of.isoformat()}" if rates.as_of else ""
        notes.append(
            f"Costs in {', '.join(foreign)} are converted into {money.currency} at the rates in {rates.file}"
            f"{day}; each step shows its cost as the provider prices it."
        )
    elif len(found) > 1:
        notes.append(
            f"Costs are in several currencies ({', '.join(found)}) and no exchange rate converts them into "
            "one: totals are kept per currency, never added up, and which plan costs less across them was "
            "judged as written. Give --rates FILE to convert them."
        )
    left = [x for x in cands.left_out if x.kind == "currency"]
    if left and request.budget is not None:
        priced = sorted({x.credential.currency or "?" for x in left})
        notes.append(
            f"{plural(len(left), 'credential')} priced in {', '.join(priced)} "
            f"{agree(len(left), 'is', 'are')} left out: a budget in {money.currency} cannot be compared with "
            f"{agree(len(left), 'its cost', 'their costs')} without an exchange rate"
            + (" (--rates FILE gives them)." if money.rates is None else f" that {money.rates.file} lacks.")
        )
    return notes
