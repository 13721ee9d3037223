"""The approximation: greedy by value per unit of objective, then local improvement.

Greedy repeatedly takes the item (with its missing prerequisites) that adds the most value per unit of
the objective and still fits the limits. Local improvement then tries, for each planned item, the plan
without it (and what needs it) refilled greedily, and, for the most promising items left out, the plan
with that item forced in and refilled; any change that gives a better plan is kept, until none does.
It is fast and usually good, but it can miss the optimum: `plan` uses it only past the exact search's
size limit, and says so.
"""

from __future__ import annotations

from skillgap.plan.instance import Instance

TRIES = 20  # items left out that local improvement forces in, per round
ROUNDS = 5


def bundle(inst: Instance, i: int, chosen: set[int]) -> set[int]:
    return ({i} | set(inst.requires(i))) - chosen


def fits(inst: Instance, chosen: set[int]) -> bool:
    items = [inst.items[i] for i in chosen]
    return inst.fits(sum(x.cost for x in items), sum(x.hours for x in items))


def greedy(inst: Instance, start: set[int] | None = None, banned: frozenset[int] = frozenset()) -> set[int]:
    """Grow `start` greedily; items in `banned` (and what needs them) are never taken."""
    chosen = set(start or ())
    while True:
        base = inst.value(chosen)
        best: tuple[tuple[float, int, float, str], set[int]] | None = None
        for i in range(len(inst.items)):
            if i in chosen or i in banned:
                continue
            extra = bundle(inst, i, chosen)
            if extra & banned or not fits(inst, chosen | extra):
                continue
            gain = inst.value(chosen | extra) - base
            if gain <= 0:
                continue
            spent = sum(inst.measure(inst.items[j]) for j in extra)
            rank = (-gain / (spent + 1e-6), -gain, spent, inst.items[i].id)
            if best is None or rank < best[0]:
                best = (rank, extra)
        if best is None:
            return inst.irredundant(chosen)
        chosen |= best[1]


def without(inst: Instance, chosen: set[int], i: int) -> set[int]:
    """The plan minus `i` and everything in it that needs `i`."""
    return {j for j in chosen if j != i and i not in inst.requires(j)}


def improve(inst: Instance, chosen: set[int], pathway_sign: int = 1) -> set[int]:
    best, best_key = set(chosen), inst.key(chosen, pathway_sign)
    for _ in range(ROUNDS):
        trials = [greedy(inst, without(inst, best, i), frozenset({i})) for i in sorted(best)]
        outside = [i for i in range(len(inst.items)) if i not in best]
        base = inst.value(best)
        outside.sort(key=lambda i: (-(inst.value(best | bundle(inst, i, best)) - base), inst.items[i].id))
        for i in outside[:TRIES]:
            forced = {i} | set(inst.requires(i))
            kept = {j for j in best if fits(inst, forced | {j})}
            if fits(inst, forced):
                trials.append(greedy(inst, forced | trim(inst, kept, forced)))
        improved = False
        for trial in trials:
            key = inst.key(trial, pathway_sign)
            if key < best_key and inst.closed_under_prerequisites(trial) and fits(inst, trial):
                best, best_key, improved = trial, key, True
        if not improved:
            break
    return best


def trim(inst: Instance, kept: set[int], forced: set[int]) -> set[int]:
    """As much of `kept` as fits beside `forced`, taken in order of value per unit of objective."""
    out: set[int] = set()
    for j in sorted(kept, key=lambda j: (-inst.value({j}) / (inst.measure(inst.items[j]) + 1e-6), j)):
        trial = out | {j} | set(inst.requires(j))
        if fits(inst, forced | trial):
            out = trial
    return out


def approximate(inst: Instance, pathway_sign: int = 1) -> set[int]:
    return improve(inst, greedy(inst), pathway_sign)
