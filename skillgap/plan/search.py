"""Exact search: depth-first branch and bound over "take it / leave it", one item at a time.

Taking an item takes its missing prerequisites with it; leaving an item leaves everything that needs it.
At each node only the open items that still fit the limits and would still add value count. The item
branched on comes from the gap the fewest of them can raise (the one with the best value per unit of
objective among them); a node where no open item adds value is a complete plan.

A node is cut off when its optimistic value is below the best plan's, or equal to it while it cannot beat
that plan's objective (or, at equal objective, its pathway count, then the next measure). The optimistic
value is the smallest of:

* every gap at the best level an open item reaches;
* a fractional knapsack of the open items' marginal values within the remaining budget, and another
  within the remaining hours (values only shrink as a plan grows, so summing them over-estimates).

When only every-gap-at-its-best reaches the optimistic value, the objective still to pay is at least the
value of a dual solution of that covering problem (see `_cover_floor`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from skillgap.plan.instance import EPS, Instance, Key
from skillgap.plan.types import Objective

OPEN, TAKEN, LEFT = 0, 1, -1


@dataclass(frozen=True)
class Outcome:
    chosen: frozenset[int]
    complete: bool  # False when the node limit stopped the search
    nodes: int


class Search:
    def __init__(self, inst: Instance, incumbent: set[int], pathway_sign: int, node_limit: int) -> None:
        self.inst = inst
        self.sign = pathway_sign
        self.limit = node_limit
        n = len(inst.items)
        self.requires = [inst.requires(i) for i in range(n)]
        self.needed_by: list[list[int]] = [[] for _ in range(n)]
        for i, reqs in enumerate(self.requires):
            for j in reqs:
                self.needed_by[j].append(i)
        self.reach = [tuple(item.reach.items()) for item in inst.items]
        self.measure = [inst.measure(item) for item in inst.items]
        self.cost_of = [item.cost for item in inst.items]
        self.hours_of = [item.hours for item in inst.items]
        self.status = [OPEN] * n
        self.levels = list(inst.current)
        self.value = 0
        self.cost = self.hours = self.spent = 0.0
        self.pathways = 0
        self.nodes = 0
        self.stopped = False
        self.best = set(incumbent)
        self.best_key: Key = inst.key(self.best, pathway_sign)

    def run(self) -> Outcome:
        self._node(list(range(len(self.status))))
        return Outcome(frozenset(self.best), not self.stopped, self.nodes)

    # -- the tree -----------------------------------------------------------------------------

    def _node(self, candidates: list[int]) -> None:
        """`candidates`: the parent's useful items (no other item can be useful here)."""
        self.nodes += 1
        if self.nodes > self.limit:
            self.stopped = True
            return
        useful = self._useful(candidates)
        if not useful:
            self._leaf()
            return
        if self._cut(useful):
            return
        i = self._pick(useful)
        following = list(useful)
        self._take(i, following)
        if not self.stopped:
            self._leave(i, following)

    def _useful(self, candidates: list[int]) -> dict[int, int]:
        """Open items that fit the limits with their missing prerequisites, and the value each adds.

        An item that is not useful at a node is not useful below it: values only shrink and the room
        left only narrows as a plan grows."""
        out = {}
        w, lv, status, reach = self.inst.weight, self.levels, self.status, self.reach
        limited = self.inst.budget is not None or self.inst.hours is not None
        for i in candidates:
            if status[i] != OPEN:
                continue
            gain = 0
            for g, level in reach[i]:
                if level > lv[g]:
                    gain += w[g] * (level - lv[g])
            if gain <= 0:
                continue
            if limited:
                cost, hours = self.cost + self.cost_of[i], self.hours + self.hours_of[i]
                for j in self.requires[i]:
                    if status[j] == OPEN:
                        cost += self.cost_of[j]
                        hours += self.hours_of[j]
                if not self.inst.fits(cost, hours):
                    continue
            out[i] = gain
        return out

    def _pick(self, useful: dict[int, int]) -> int:
        raising: dict[int, list[int]] = {}
        for i in useful:
            for g, level in self.reach[i]:
                if level > self.levels[g]:
                    raising.setdefault(g, []).append(i)
        gap = min(raising, key=lambda g: (len(raising[g]), -self.inst.weight[g], g))
        items = self.inst.items
        return min(raising[gap], key=lambda i: (-useful[i] / (self.measure[i] + 1e-6), items[i].id))

    def _take(self, i: int, candidates: list[int]) -> None:
        status = self.status
        if any(status[j] == LEFT for j in self.requires[i]):
            return
        bundle = [i] + [j for j in self.requires[i] if status[j] == OPEN]
        saved = (self.levels[:], self.value, self.cost, self.hours, self.spent, self.pathways)
        for j in bundle:
            status[j] = TAKEN
            self._apply(j)
        self._node(candidates)
        for j in bundle:
            status[j] = OPEN
        self.levels, self.value, self.cost, self.hours, self.spent, self.pathways = saved

    def _apply(self, j: int) -> None:
        w, lv = self.inst.weight, self.levels
        for g, level in self.reach[j]:
            if level > lv[g]:
                self.value += w[g] * (level - lv[g])
                lv[g] = level
        self.cost += self.cost_of[j]
        self.hours += self.hours_of[j]
        self.spent += self.measure[j]
        self.pathways += self.inst.items[j].pathway

    def _leave(self, i: int, candidates: list[int]) -> None:
        status = self.status
        changed = [i]
        status[i] = LEFT
        stack = list(self.needed_by[i])
        while stack:
            d = stack.pop()
            if status[d] == OPEN:
                status[d] = LEFT
                changed.append(d)
                stack.extend(self.needed_by[d])
        self._node(candidates)
        for j in changed:
            status[j] = OPEN

    def _leaf(self) -> None:
        chosen = {i for i, s in enumerate(self.status) if s == TAKEN}
        if self.inst.redundant(chosen) is not None:
            return
        key = self.inst.key(chosen, self.sign)
        if key < self.best_key:
            self.best, self.best_key = chosen, key

    # -- bounds -------------------------------------------------------------------------------

    def _cut(self, useful: dict[int, int]) -> bool:
        best_value, best_spent = -self.best_key[0], self.best_key[1]
        ceiling, target = self._ceiling(useful)
        if ceiling != best_value:
            return ceiling < best_value
        floor = self.spent
        if self.value < best_value:  # something must still be taken
            floor += self._cover_floor(useful, target) if target else min(self.measure[i] for i in useful)
        if abs(floor - best_spent) > EPS:
            return floor > best_spent
        best_pathways = -self.sign * self.best_key[2]
        if self.sign > 0:
            items = self.inst.items
            open_pathways = sum(1 for i, s in enumerate(self.status) if s == OPEN and items[i].pathway)
            if self.pathways + open_pathways != best_pathways:
                return self.pathways + open_pathways < best_pathways
        elif self.pathways != best_pathways:
            return self.pathways > best_pathways
        return self._next_measure() > self.best_key[3] + EPS

    def _next_measure(self) -> float:
        """The measure compared after the objective and pathways, so far (it only grows)."""
        objective = self.inst.objective
        return self.hours if objective is Objective.COST else self.cost

    def _ceiling(self, useful: dict[int, int]) -> tuple[int, list[int] | None]:
        """The optimistic value, and the levels it needs when only every-gap-at-its-best reaches it."""
        best = list(self.levels)
        for i in useful:
            for g, level in self.reach[i]:
                if level > best[g]:
                    best[g] = level
        w = self.inst.weight
        everything = sum(w[g] * (best[g] - self.levels[g]) for g in range(len(best)))
        ceiling = everything
        if self.inst.budget is not None:
            room = self.inst.budget - self.cost
            ceiling = min(ceiling, knapsack([(gain, self.cost_of[i]) for i, gain in useful.items()], room))
        if self.inst.hours is not None:
            room = self.inst.hours - self.hours
            ceiling = min(ceiling, knapsack([(gain, self.hours_of[i]) for i, gain in useful.items()], room))
        return self.value + ceiling, (best if ceiling == everything else None)

    def _cover_floor(self, useful: dict[int, int], target: list[int]) -> float:
        """A lower bound on the objective still to pay to take every gap to `target`.

        It is a feasible solution of the covering problem's dual (each gap priced so that no item's
        gaps cost more than the item): each gap, fewest options first, is priced at the smallest
        unused allowance among the items that reach it."""
        reaching: dict[int, list[int]] = {}
        lv = self.levels
        for i in useful:
            for g, level in self.reach[i]:
                if level >= target[g] > lv[g]:
                    reaching.setdefault(g, []).append(i)
        allowance = {i: self.measure[i] for items in reaching.values() for i in items}
        total = 0.0
        for g in sorted(reaching, key=lambda g: (len(reaching[g]), g)):
            price = min(allowance[i] for i in reaching[g])
            total += price
            for i in reaching[g]:
                allowance[i] -= price
        return total


def knapsack(items: list[tuple[int, float]], room: float) -> int:
    """The fractional knapsack optimum: an upper bound on the value that fits in `room`."""
    if room < -EPS:
        return 0
    total = 0.0
    for gain, size in sorted(items, key=lambda x: -x[0] / x[1] if x[1] > 0 else -math.inf):
        if size <= room + EPS:
            total += gain
            room -= size
        else:
            total += gain * max(room, 0.0) / size
            break
    return math.floor(total + 1e-9)
