"""The solver: exact against brute force on random small instances, better than greedy where greedy
fails, and honest about the approximation past its size limit."""

from __future__ import annotations

import itertools
from dataclasses import replace
from unittest.mock import patch

from hypothesis import given, settings
from hypothesis import strategies as st

import skillgap.plan.solve as solve_module
from skillgap.plan.heuristic import approximate, greedy
from skillgap.plan.instance import Instance, Item, Key, gap_weights
from skillgap.plan.solve import reduce, solve
from skillgap.plan.types import Objective
from tests.hypothesis_profiles import examples
from tests.test_plan_core import cred, gap, ids, plan_for


def brute_force(inst: Instance, pathway_sign: int = 1) -> Key:
    """The best key over every prerequisite-closed, irredundant subset that fits the limits."""
    best = None
    n = len(inst.items)
    for size in range(n + 1):
        for combo in itertools.combinations(range(n), size):
            chosen = set(combo)
            items = [inst.items[i] for i in chosen]
            if not inst.closed_under_prerequisites(chosen) or inst.redundant(chosen) is not None:
                continue
            if not inst.fits(sum(x.cost for x in items), sum(x.hours for x in items)):
                continue
            key = inst.key(chosen, pathway_sign)
            if best is None or key < best:
                best = key
    assert best is not None
    return best


@st.composite
def instances(draw: st.DrawFn) -> Instance:
    gaps = draw(st.integers(1, 5))
    current = [draw(st.integers(0, 2)) for _ in range(gaps)]
    required = [c + draw(st.integers(1, 3)) for c in current]
    items: list[Item] = []
    for j in range(draw(st.integers(1, 8))):
        reach = {}
        for g in draw(st.sets(st.integers(0, gaps - 1), min_size=1, max_size=3)):
            level = min(draw(st.integers(1, 5)), required[g])
            if level > current[g]:
                reach[g] = level
        requires: frozenset[str] = frozenset()
        if j and draw(st.booleans()) and draw(st.booleans()):
            parent = items[draw(st.integers(0, j - 1))]
            requires = parent.requires | {parent.id}
        cost = float(draw(st.sampled_from([0, 50, 100, 150, 200])))
        hours = float(draw(st.sampled_from([0, 5, 10, 20])))
        items.append(Item(f"c{j}", cost, hours, reach, requires, draw(st.booleans())))
    essential = [draw(st.booleans()) for _ in range(gaps)]
    importance = [draw(st.sampled_from([1, 2])) for _ in range(gaps)]
    weights = gap_weights(essential, importance, [r - c for r, c in zip(required, current, strict=True)])
    return Instance(
        tuple(current),
        weights,
        tuple(items),
        draw(st.sampled_from(list(Objective))),
        draw(st.sampled_from([None, 100.0, 250.0])),
        draw(st.sampled_from([None, 15.0, 30.0])),
    )


@settings(max_examples=examples(200), deadline=None)
@given(instances(), st.sampled_from([1, -1]))
def test_exact_search_matches_brute_force(inst: Instance, pathway_sign: int) -> None:
    solution = solve(inst, pathway_sign)
    assert solution.optimal
    chosen = {inst.index[i] for i in solution.chosen}
    assert inst.key(chosen, pathway_sign) == brute_force(inst, pathway_sign)


@settings(max_examples=examples(100), deadline=None)
@given(instances())
def test_reduction_keeps_the_optimum(inst: Instance) -> None:
    reduced, _ = reduce(inst)
    assert brute_force(reduced) == brute_force(inst)


@settings(max_examples=examples(100), deadline=None)
@given(instances())
def test_the_approximation_is_a_valid_plan(inst: Instance) -> None:
    chosen = approximate(inst)
    items = [inst.items[i] for i in chosen]
    assert inst.closed_under_prerequisites(chosen)
    assert inst.fits(sum(x.cost for x in items), sum(x.hours for x in items))


# Four essential gaps. G closes three of them for 120; P closes two for 100, Q the other two for 100.
# Greedy takes G first (3 levels for 120 beats 2 for 100), then needs Q for D: 220. The optimum is P + Q.
GREEDY_TRAP = [
    cred("G", {"A": 1, "B": 1, "C": 1}, cost=120),
    cred("P", {"A": 1, "B": 1}, cost=100),
    cred("Q", {"C": 1, "D": 1}, cost=100),
]
GREEDY_GAPS = [gap(s, 1) for s in "ABCD"]


def test_greedy_is_worse_than_the_plan_chosen() -> None:
    plan = plan_for(GREEDY_GAPS, GREEDY_TRAP)
    assert sorted(ids(plan)) == ["P", "Q"] and plan.total_cost == 200 and plan.solver.optimal
    items = tuple(
        Item(c.id, c.cost or 0, c.hours or 0, {"ABCD".index(s.name): s.level for s in c.skills})
        for c in GREEDY_TRAP
    )
    inst = Instance((0, 0, 0, 0), (1, 1, 1, 1), items)
    greedy_choice = sorted(items[i].id for i in greedy(inst))
    assert greedy_choice == ["G", "Q"]
    assert sum(items[i].cost for i in greedy(inst)) == 220 > plan.total_cost


def test_past_the_size_limit_the_plan_is_an_approximation_and_says_why(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(solve_module, "EXACT_LIMIT", 2)
    plan = plan_for(GREEDY_GAPS, GREEDY_TRAP)
    assert not plan.solver.optimal and plan.solver.method == "approximate"
    assert plan.solver.reason == "3 candidate credentials exceed the exact search's limit of 2"
    assert plan.open_gaps == ()  # still a complete, valid plan


def test_a_node_limit_stops_the_search_and_is_reported(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(solve_module, "NODE_LIMIT", 1)
    plan = plan_for(GREEDY_GAPS, GREEDY_TRAP)
    assert not plan.solver.optimal
    assert plan.solver.reason == "the exact search stopped after 1 nodes"


def test_dominated_credentials_are_set_aside() -> None:
    items = (
        Item("cheap", 50, 5, {0: 3}),
        Item("dear", 80, 5, {0: 2}),  # costs more, teaches less
        Item("twin", 50, 5, {0: 3}),  # the same as cheap: the smaller id stays
    )
    reduced, dropped = reduce(Instance((0,), (1,), items))
    assert [x.id for x in reduced.items] == ["cheap"] and dropped == 2


def test_a_dominated_credential_that_another_needs_is_kept() -> None:
    items = (
        Item("base", 80, 5, {0: 2}),
        Item("better", 50, 5, {0: 3}),
        Item("next", 10, 5, {1: 3}, requires=frozenset({"base"})),
    )
    reduced, _ = reduce(Instance((0, 0), (1, 1), items))
    assert {x.id for x in reduced.items} == {"base", "better", "next"}
    # base is needed for next, and better still raises the first gap beyond it
    assert solve(Instance((0, 0), (1, 1), items)).chosen == frozenset({"base", "better", "next"})


def test_an_essential_level_outweighs_everything_else() -> None:
    weights = gap_weights([True, False, False], [3, 2, 1], [1, 3, 3])
    assert weights == (10, 2, 1)  # 2 x 3 + 1 x 3 = 9 weighted levels of the rest, so an essential level is 10
    items = (Item("ess", 100, 1, {0: 1}), Item("rest", 100, 1, {1: 3, 2: 3}))
    inst = Instance((0, 0, 0), weights, items, budget=100)
    assert solve(inst).chosen == frozenset({"ess"})


def test_replace_keeps_the_index() -> None:
    inst = Instance((0,), (1,), (Item("a", 1, 1, {0: 1}),))
    assert replace(inst, budget=5).index == {"a": 0}


@settings(max_examples=examples(400), deadline=None)
@given(instances(), st.sampled_from([1, -1]))
def test_reduction_among_rivals_equals_comparing_every_pair(inst: Instance, pathway_sign: int) -> None:
    among_rivals = reduce(inst, pathway_sign)
    with patch.object(solve_module, "_rivals", lambda items: lambda _: items):  # every item a rival
        every_pair = reduce(inst, pathway_sign)
    assert among_rivals == every_pair
