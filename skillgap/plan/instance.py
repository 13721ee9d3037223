"""The optimisation problem stripped of names: gaps as levels, credentials as items, and the order plans
are compared in.

A plan is a set of items closed under prerequisites. For each gap, its level is the best of the current
level and the levels the chosen items reach (levels do not add up). Plans are compared lexicographically
by `key`: more value first (value folds "essential levels first, then importance-weighted levels of the
rest" into one integer, see `gap_weights`), then the smaller objective (cost, hours or number of
credentials), then more credentials that advance a pathway, then the other two measures, then the sorted
ids, so the same input always gives the same plan.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from skillgap.plan.types import Objective

EPS = 1e-7  # tolerance when comparing sums of costs or hours

# (-value, objective, -pathway credentials, the other two measures, sorted ids): smaller is better
Key = tuple[int, float, int, float, float, tuple[str, ...]]


@dataclass(frozen=True)
class Item:
    id: str
    cost: float
    hours: float
    reach: Mapping[int, int]  # gap index -> level the item brings that gap to (only where it raises it)
    requires: frozenset[str] = frozenset()  # ids that must also be planned (transitive, not yet held)
    pathway: bool = False  # part of a pathway toward a larger award


@dataclass(frozen=True)
class Instance:
    current: tuple[int, ...]  # per gap: the level the person has now
    weight: tuple[int, ...]  # per gap: the value of one level closed
    items: tuple[Item, ...]
    objective: Objective = Objective.COST
    budget: float | None = None
    hours: float | None = None
    index: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "index", {item.id: i for i, item in enumerate(self.items)})

    def measure(self, item: Item) -> float:
        """The item's contribution to the objective."""
        if self.objective is Objective.COST:
            return item.cost
        if self.objective is Objective.HOURS:
            return item.hours
        return 1.0

    def fits(self, cost: float, hours: float) -> bool:
        return (self.budget is None or cost <= self.budget + EPS) and (
            self.hours is None or hours <= self.hours + EPS
        )

    def requires(self, i: int) -> tuple[int, ...]:
        return tuple(sorted(self.index[r] for r in self.items[i].requires if r in self.index))

    def value(self, chosen: Iterable[int]) -> int:
        levels = self.levels(chosen)
        return sum(w * (lv - c) for w, lv, c in zip(self.weight, levels, self.current, strict=True))

    def levels(self, chosen: Iterable[int]) -> list[int]:
        levels = list(self.current)
        for i in chosen:
            for g, lv in self.items[i].reach.items():
                if lv > levels[g]:
                    levels[g] = lv
        return levels

    def key(self, chosen: Iterable[int], pathway_sign: int = 1) -> Key:
        """Smaller is better; see the module docstring."""
        chosen = sorted(chosen)
        items = [self.items[i] for i in chosen]
        cost = round(sum(x.cost for x in items), 6)
        hours = round(sum(x.hours for x in items), 6)
        count = float(len(items))
        measures = {Objective.COST: cost, Objective.HOURS: hours, Objective.CREDENTIALS: count}
        first, second = (measures[o] for o in Objective if o is not self.objective)
        pathways = sum(1 for x in items if x.pathway)
        return (
            -self.value(chosen),
            measures[self.objective],
            -pathway_sign * pathways,
            first,
            second,
            tuple(sorted(x.id for x in items)),
        )

    def closed_under_prerequisites(self, chosen: set[int]) -> bool:
        return all(set(self.requires(i)) <= chosen for i in chosen)

    def redundant(self, chosen: set[int]) -> int | None:
        """A chosen item that adds no value and that no other chosen item needs, if there is one.

        Plans never contain one: dropping it loses nothing and never costs more. Costliest first.
        """
        needed = {j for i in chosen for j in self.requires(i)}
        total = self.value(chosen)
        for i in sorted(chosen, key=lambda i: (-self.measure(self.items[i]), self.items[i].id)):
            if i not in needed and self.value(chosen - {i}) == total:
                return i
        return None

    def irredundant(self, chosen: set[int]) -> set[int]:
        chosen = set(chosen)
        while (i := self.redundant(chosen)) is not None:
            chosen.discard(i)
        return chosen


def gap_weights(essential: Sequence[bool], importance: Sequence[int], gaps: Sequence[int]) -> tuple[int, ...]:
    """Per gap, the value of one level closed: essential levels outrank every other level put together.

    `importance` is the importance weight (important 2, nice-to-have 1) and `gaps` the levels missing; an
    essential level is worth one more than all the weighted levels of the other gaps, so a plan that
    closes more essential levels is always better, whatever else it closes.
    """
    rest = sum(w * g for e, w, g in zip(essential, importance, gaps, strict=True) if not e)
    return tuple(rest + 1 if e else w for e, w in zip(essential, importance, strict=True))
