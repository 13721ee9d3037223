"""Put the chosen credentials in order and on a calendar, with readiness after each step.

Order: a credential comes after its prerequisites; among those ready to take, the one that adds the most
value first (then the smaller objective, then the id), so readiness climbs as early as it can.

Dates: steps follow one another at the request's hours per week, from its start date. A step that takes
H hours starts when the one before it ends and ends 7 x H / (hours per week) days later, rounded up to a
whole day over the running total, so the plan finishes 7 x (total hours) / (hours per week) days after the
start: exactly when the hours available up to the deadline run out, no sooner or later. A day past the
calendar's end (9999-12-31) is BEYOND (skillgap/dates.py), which shows as "beyond 9999".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from skillgap.analyse.eligibility import judge
from skillgap.analyse.gaps import Analysis
from skillgap.dates import BEYOND, later
from skillgap.model import Catalog, Credential
from skillgap.plan.candidates import Candidates, pathway_members
from skillgap.plan.instance import Instance
from skillgap.plan.types import EntryLevel, PathwayProgress, Raise, Request, Step


def readiness(analysis: Analysis, levels: Sequence[int]) -> float:
    """The analysis's readiness formula with the gaps at `levels` (in the order of analysis.gaps)."""
    pairs = zip(analysis.gaps, levels, strict=True)
    rows = [(g.required, min(lv, g.required), g.importance.weight) for g, lv in pairs]
    rows += [(g.required, g.required, g.importance.weight) for g in analysis.met]
    total = sum(req * w for req, _, w in rows)
    return sum(have * w for _, have, w in rows) / total if total else 1.0


def order(
    inst: Instance,
    chosen: Sequence[Credential],
    requires: Mapping[str, frozenset[str]],
    helpers: Mapping[str, frozenset[str]] | None = None,
) -> list[str]:
    """The steps in order: each after what it requires; of those ready, one whose HELPERS (credentials that
    count toward its conditions) are done first, when there is one."""
    ids = {c.id for c in chosen}
    done: list[str] = []
    levels = list(inst.current)
    while len(done) < len(ids):
        ready = [i for i in sorted(ids - set(done)) if requires[i] & ids <= set(done)]
        helped = [i for i in ready if (helpers or {}).get(i, frozenset()) & ids <= set(done)]
        ready = helped or ready

        def rank(i: str) -> tuple[int, float, str]:
            item = inst.items[inst.index[i]]
            gain = sum(inst.weight[g] * max(0, lv - levels[g]) for g, lv in item.reach.items())
            return (-gain, inst.measure(item), i)

        pick = min(ready, key=rank)
        for g, lv in inst.items[inst.index[pick]].reach.items():
            levels[g] = max(levels[g], lv)
        done.append(pick)
    return done


def after_hours(start: date, hours: float, per_week: float) -> date:
    """The day HOURS of study at PER_WEEK hours a week take from START to, or BEYOND (dates.py) when that
    is after the calendar's last day, 9999-12-31."""
    days = 7 * hours / per_week - 1e-9
    return later(start, math.ceil(days)) if math.isfinite(days) else BEYOND


def progress(
    catalog: Catalog, held: frozenset[str], taken: set[str], credential_id: str
) -> tuple[PathwayProgress, ...]:
    members = pathway_members(catalog)
    pathways = {p.id: p for p in catalog.pathways}
    out = []
    for pid in sorted(members):
        ids = members[pid]
        if credential_id not in ids or pid not in pathways:
            continue
        done = len(ids & (held | taken))
        out.append(PathwayProgress(pid, pathways[pid].title, pathways[pid].award, done, len(ids)))
    return tuple(out)


def schedule(
    analysis: Analysis,
    catalog: Catalog,
    cands: Candidates,
    inst: Instance,
    chosen: Sequence[Credential],
    request: Request,
) -> tuple[Step, ...]:
    by_id = {c.id: c for c in chosen}
    held = frozenset(c.id for c in analysis.held)
    levels = [g.current for g in cands.gaps]
    taken: set[str] = set()
    spent = 0.0
    steps: list[Step] = []
    numbers: dict[str, int] = {}
    for number, cid in enumerate(order(inst, chosen, cands.requires, helpers(cands, chosen)), start=1):
        credential = by_id[cid]
        before = [s.credential for s in steps]
        judged = judge(credential, cands.facts.with_before(before)) if cands.facts is not None else None
        key_of = cands.facts.key if cands.facts is not None else str
        entry = []
        for short in cands.entry.get(cid, ()):
            enablers = [
                e for e in cands.enablers.get(cid, ()) if teaches(by_id[e], short.key, short.expected, key_of)
            ]
            entry.append(EntryLevel(short, tuple(sorted(numbers[e] for e in enablers))))
        numbers[cid] = number
        raises = []
        for g, lv in sorted(cands.reach[cid].items()):
            if lv > levels[g]:
                raises.append(Raise(cands.gaps[g], levels[g], lv))
                levels[g] = lv
        taken.add(cid)
        start = finish = None
        if request.start is not None and request.hours_per_week:
            start = after_hours(request.start, spent, request.hours_per_week)
            finish = after_hours(request.start, spent + (credential.hours or 0.0), request.hours_per_week)
        spent += credential.hours or 0.0
        steps.append(
            Step(
                number=number,
                credential=credential,
                raises=tuple(raises),
                readiness_after=readiness(analysis, levels),
                pathways=progress(catalog, held, taken, cid),
                needs=tuple(sorted(r for r in credential.prerequisites if r in by_id)),
                start=start,
                finish=finish,
                eligibility=judged,
                entry=tuple(entry),
            )
        )
    return tuple(steps)


def teaches(credential: Credential, key: str, level: int, key_of: Callable[[str], str]) -> bool:
    return any(key_of(s.name) == key and s.level >= level for s in credential.skills)


def helpers(cands: Candidates, chosen: Sequence[Credential]) -> dict[str, frozenset[str]]:
    """For each chosen credential with conditions, the other chosen ones that count toward them: one a
    condition names, one that teaches a field a training condition asks hours of, one that teaches a
    skill to the level it expects on entry. The plan puts them first where it can."""
    key_of = cands.facts.key if cands.facts is not None else str
    out: dict[str, frozenset[str]] = {}
    for c in chosen:
        named: set[str] = set()
        fields: set[str] = set()
        if c.conditions is not None:
            named.update(c.conditions.credential_ids())
            fields.update(
                key_of(f) for x in c.conditions.conditions() if x.kind == "training" for f in x.fields
            )
        entry = c.entry_level(key_of)
        found = {
            other.id
            for other in chosen
            if other.id != c.id
            and (
                other.id in named
                or any(key_of(s.name) in fields for s in other.skills)
                or any(teaches(other, k, lv, key_of) for k, lv in entry.items())
            )
        }
        if found:
            out[c.id] = frozenset(found)
    return out


def final_levels(cands: Candidates, chosen_ids: set[str]) -> list[int]:
    levels = [g.current for g in cands.gaps]
    for cid in chosen_ids:
        for g, lv in cands.reach[cid].items():
            levels[g] = max(levels[g], lv)
    return levels
