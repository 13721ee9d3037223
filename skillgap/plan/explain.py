"""The plan in words: why each open gap stays open, what closing them would take, which required
credentials no short course replaces, and why a pathway tipped a tie."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import replace

from skillgap.analyse.gaps import Analysis
from skillgap.model import Catalog
from skillgap.money import Amounts
from skillgap.plan.candidates import Candidates, pathway_members
from skillgap.plan.instance import Instance
from skillgap.plan.solve import solve
from skillgap.plan.timeline import after_hours
from skillgap.plan.types import Objective, OpenGap, Request, RequiredCredential, Shortfall

OBJECTIVE_WORDS = {
    Objective.COST: "cost",
    Objective.HOURS: "hours",
    Objective.CREDENTIALS: "number of credentials",
}


def limits_text(request: Request, short: Shortfall | None) -> str:
    """The limits that keep gaps open, as far as the shortfall shows which ones do."""
    budget = "budget" if request.budget is not None else ""
    time = "time to the deadline" if request.available_hours is not None else ""
    if short is not None and budget and time:
        if short.extra_budget is not None and short.extra_hours is None:
            return budget
        if short.extra_hours is not None and short.extra_budget is None:
            return time
        if short.extra_hours is not None:
            return f"{budget} and {time} (more of either would do)"
    return " and ".join(x for x in (budget, time) if x) or "limits"


def why_open(
    cands: Candidates, g: int, after: int, request: Request, short: Shortfall | None
) -> tuple[str, bool]:
    """The reason gap `g` stays below its requirement at level `after`, and whether nothing teaches it."""
    gap = cands.gaps[g]
    taught = cands.taught[g]
    if taught == 0:
        text = f"no credential in the catalog teaches {gap.skill}"
        if not gap.resolved:
            text += " (the name matched no skill in the taxonomy)"
        return text, True
    if taught <= after:
        text = f"the catalog teaches {gap.skill} only up to level {taught}; the role asks for {gap.required}"
        return text, False
    best_usable = max((cands.reach[c.id].get(g, 0) for c in cands.usable), default=0)
    if best_usable <= after:
        blocked = [x for x in cands.left_out if cands.reach[x.credential.id].get(g, 0) > after]
        names = "; ".join(f"{x.credential.title} ({x.reason})" for x in blocked[:3])
        more = f" and {len(blocked) - 3} more" if len(blocked) > 3 else ""
        return f"only credentials left out of the plan take it further: {names}{more}", False
    if request.deadline_passed and request.available_hours is not None:  # (the time limit, and it is 0)
        return f"the deadline ({request.deadline}) has passed", False
    return f"left open to keep within the {limits_text(request, short)}", False


def deadline_words(request: Request) -> str:
    """Where the deadline stands against the start: "2026-06 is before the plan's start, 2026-12-03"."""
    return f"{request.deadline} is before the plan's start, {request.start}"


def open_gaps(
    cands: Candidates, levels: list[int], request: Request, short: Shortfall | None
) -> tuple[OpenGap, ...]:
    out = []
    for g, gap in enumerate(cands.gaps):
        if levels[g] < gap.required:
            reason, untaught = why_open(cands, g, levels[g], request, short)
            out.append(OpenGap(gap, levels[g], reason, untaught))
    return tuple(out)


def totals(inst: Instance, ids: Iterable[str]) -> tuple[int, float, float]:
    chosen = [inst.index[i] for i in ids]
    items = [inst.items[i] for i in chosen]
    return inst.value(chosen), sum(x.cost for x in items), sum(x.hours for x in items)


def shortfall(
    inst: Instance,
    request: Request,
    plan_value: int,
    prices: Mapping[str, tuple[float, str | None]] | None = None,
) -> Shortfall | None:
    """What closing every gap the usable credentials can close would take, when the limits stop it. PRICES
    (id -> cost, currency as priced) gives the unlimited plan's costs by currency."""
    free = replace(inst, budget=None, hours=None)
    reachable = free.value(range(len(free.items)))
    if plan_value >= reachable:
        return None
    extra_budget = extra_hours = None
    deadline = None
    if inst.budget is not None:
        value, cost, _ = totals(inst, solve(replace(inst, budget=None, objective=Objective.COST)).chosen)
        if value == reachable:
            extra_budget = max(0.0, cost - inst.budget)
    if inst.hours is not None:
        value, _, hours = totals(inst, solve(replace(inst, hours=None, objective=Objective.HOURS)).chosen)
        if value == reachable:
            extra_hours = max(0.0, hours - inst.hours)
            if request.start is not None and request.hours_per_week:
                deadline = after_hours(request.start, hours, request.hours_per_week)
    unlimited = solve(free).chosen
    _, both_cost, both_hours = totals(inst, unlimited)
    costs = Amounts.of(prices[i] for i in sorted(unlimited)) if prices is not None else Amounts()
    return Shortfall(extra_budget, extra_hours, deadline, both_cost, both_hours, costs)


# --- required credentials --------------------------------------------------------------------


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.casefold())


def names_it(name: str, text: str | None) -> bool:
    """True when `text` (a title, id or award) names the required credential `name`."""
    if not text:
        return False
    a, b = words(name), words(text)
    if not a or not b:
        return False

    def within(short: list[str], long: list[str]) -> bool:
        return any(long[i : i + len(short)] == short for i in range(len(long) - len(short) + 1))

    return within(a, b) or (len(b) >= 3 and within(b, a))


def required_credentials(
    analysis: Analysis, catalog: Catalog, planned: frozenset[str]
) -> tuple[RequiredCredential, ...]:
    out = []
    for name in analysis.role.required_credentials:
        held = any(
            names_it(name, h.title) or names_it(name, h.id) for h in analysis.profile.credentials
        ) or any(names_it(name, c.title) or c.id == name for c in analysis.held)
        held_ids = {c.id for c in analysis.held}
        routes = []
        for c in catalog.credentials:
            if c.id not in held_ids and (c.id == name or names_it(name, c.title)):
                routes.append(c.title + (" (in this plan)" if c.id in planned else ""))
        for p in catalog.pathways:
            if p.id == name or names_it(name, p.title) or names_it(name, p.award):
                routes.append(f"the pathway {p.title}")
        out.append(RequiredCredential(name, held, tuple(routes)))
    return tuple(out)


# --- pathways --------------------------------------------------------------------------------


def pathway_note(inst: Instance, catalog: Catalog, chosen: frozenset[str]) -> str | None:
    """When the plan won a tie at equal value and objective by advancing a pathway, say over what."""
    key = inst.key((inst.index[i] for i in chosen), 1)
    if key[2] == 0:
        return None
    other = solve(inst, pathway_sign=-1).chosen
    other_key = inst.key((inst.index[i] for i in other), 1)
    if other_key[:2] != key[:2] or other_key[2] <= key[2]:
        return None
    by_id = catalog.by_id()
    titles = {i: by_id[i].title for i in chosen ^ other}
    took = ", ".join(titles[i] for i in sorted(chosen - other))
    instead = ", ".join(titles[i] for i in sorted(other - chosen)) or "nothing"
    members = pathway_members(catalog)
    names = {p.id: p.title for p in catalog.pathways}
    advanced = sorted(names[p] for p, ids in members.items() if p in names and ids & (chosen - other))
    word = OBJECTIVE_WORDS[inst.objective]
    return (
        f"At equal {word}, the plan takes {took} rather than {instead}, because it advances a pathway: "
        + "; ".join(advanced)
        + "."
    )
