"""Solve a plan instance: reduce it, then search exactly within a stated size, or approximate past it.

Reduction drops an item when another is at least as good on every count: it costs no more, takes no more
hours, reaches at least the same level on every gap, needs no prerequisite the first does not, advances a
pathway if the first does, and is strictly better on cost, hours or pathway (or, when those tie, has the
smaller id). When some item is free under the objective, an item that does not beat another on the
objective must reach and need exactly what it does (see `beats`). No item that another needs is dropped,
and an item that reaches nothing is kept only while something needs it. Any plan using a dropped item is
matched or beaten by the same plan using the item that beats it, so the optimum is unchanged (a property
test checks this against brute force).

The exact search (`search.py`) runs when at most EXACT_LIMIT items remain, and stops after NODE_LIMIT
nodes; past either limit the plan is the approximation (`heuristic.py`) and is marked not optimal, with the
reason.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from skillgap.plan.heuristic import approximate, greedy, improve
from skillgap.plan.instance import Instance, Item
from skillgap.plan.search import Search
from skillgap.words import agree, plural

EXACT_LIMIT = 150  # items after reduction
NODE_LIMIT = 20_000  # branch-and-bound nodes


@dataclass(frozen=True)
class Solution:
    chosen: frozenset[str]
    optimal: bool
    method: str  # "exact" or "approximate"
    candidates: int  # items searched, after reduction
    dominated: int
    nodes: int
    reason: str = ""


def beats(y: Item, x: Item, inst: Instance, pathway_sign: int = 1, free: bool = True) -> bool:
    """True when `y` is at least as good as `x` on every count and better on one (or has the smaller id).

    With `pathway_sign` -1, not advancing a pathway counts as the better side. Swapping `x` for `y` can
    make another planned item redundant; when that item is free under the objective, dropping it might
    cost a pathway, so when the instance has such items and `y` does not beat `x` on the objective, `y`
    must reach exactly what `x` reaches and need exactly what `x` needs (`free`: whether it has any)."""
    y_path, x_path = pathway_sign * y.pathway, pathway_sign * x.pathway
    if y.cost > x.cost or y.hours > x.hours or x_path > y_path or not y.requires <= x.requires:
        return False
    if x.id in y.requires or any(y.reach.get(g, 0) < level for g, level in x.reach.items()):
        return False
    if inst.measure(y) < inst.measure(x):
        return True
    if free and (y.reach != x.reach or y.requires != x.requires):
        return False
    if y.cost < x.cost or y.hours < x.hours or y_path > x_path:
        return True
    return y.id < x.id


def reduce(inst: Instance, pathway_sign: int = 1) -> tuple[Instance, int]:
    """The instance without dominated items and items nobody needs that reach nothing."""
    items = list(inst.items)
    free = any(inst.measure(x) == 0 for x in items)
    dropped = 0
    while True:
        needed = {r for x in items for r in x.requires}
        rivals = _rivals(items)
        beaten = {
            x.id
            for x in items
            if x.id not in needed
            and any(beats(y, x, inst, pathway_sign, free) for y in rivals(x) if y is not x)
        }
        keep = [x for x in items if x.id in needed or (x.reach and x.id not in beaten)]
        if len(keep) == len(items):
            break
        dropped += len(beaten)
        items = keep
    return replace(inst, items=tuple(items)), dropped


def _rivals(items: list[Item]) -> Callable[[Item], Iterable[Item]]:
    """The items that could beat a given one: to beat X, an item must reach at least X's level on every gap
    X reaches (each such level is above the current one, so at least 1), so it is among the items that
    reach all of X's gaps. Looking only there leaves the answer as it is and spares comparing every pair
    (at 100,000 credentials, 16,000 items made 12 million comparisons)."""
    by_gap: dict[int, set[int]] = {}
    for position, item in enumerate(items):
        for g in item.reach:
            by_gap.setdefault(g, set()).add(position)

    def rivals(x: Item) -> Iterable[Item]:
        if not x.reach:
            return items
        fewest, *others = sorted((by_gap[g] for g in x.reach), key=len)
        # lazily: the first rival that beats X ends the search
        return (items[p] for p in fewest if all(p in other for other in others))

    return rivals


def solve(
    inst: Instance,
    pathway_sign: int = 1,
    exact_limit: int | None = None,
    node_limit: int | None = None,
) -> Solution:
    """The best plan: `pathway_sign` +1 prefers plans that advance pathways at equal objective, -1 avoids
    them (used to find the alternative a pathway preference was chosen over)."""
    exact_limit = EXACT_LIMIT if exact_limit is None else exact_limit
    node_limit = NODE_LIMIT if node_limit is None else node_limit
    reduced, dominated = reduce(inst, pathway_sign)
    n = len(reduced.items)

    def solution(chosen: set[int], optimal: bool, nodes: int, reason: str = "") -> Solution:
        ids = frozenset(reduced.items[i].id for i in chosen)
        method = "exact" if optimal else "approximate"
        return Solution(ids, optimal, method, n, dominated, nodes, reason)

    if n > exact_limit:
        too_many = f"{plural(n, 'candidate credential')} {agree(n, 'exceeds', 'exceed')}"
        reason = f"{too_many} the exact search's limit of {exact_limit:,}"
        return solution(approximate(reduced, pathway_sign), False, 0, reason)
    outcome = Search(reduced, greedy(reduced), pathway_sign, node_limit).run()
    if outcome.complete:
        return solution(set(outcome.chosen), True, outcome.nodes)
    best = improve(reduced, set(outcome.chosen), pathway_sign)
    reason = f"the exact search stopped after {plural(node_limit, 'node')}"
    return solution(best, False, outcome.nodes, reason)
