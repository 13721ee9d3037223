"""The one walk over the prerequisite graph finds a cycle exactly when there is one, and otherwise the same
over-long chain a walk for chains alone would find."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.load.catalog import CYCLE, find_cycle, longest_chain
from tests.hypothesis_profiles import examples

ids = st.sampled_from([f"c{i}" for i in range(9)])
graphs = st.dictionaries(ids, st.lists(ids, max_size=3, unique=True).map(tuple), max_size=9)


@settings(max_examples=examples(400), deadline=None)
@given(graphs, st.integers(1, 6))
def test_the_walk_finds_a_cycle_exactly_when_there_is_one(
    graph: dict[str, tuple[str, ...]], limit: int
) -> None:
    found = longest_chain(graph, limit)
    assert (found is CYCLE) == (find_cycle(graph) is not None)
    if found is not None and found is not CYCLE:
        assert len(found) > limit
        assert all(b in graph[a] for a, b in zip(found, found[1:], strict=False))  # each needs the next


def test_a_chain_of_seven_is_found_and_a_ring_is_a_cycle() -> None:
    chain = {f"c{i}": (f"c{i + 1}",) for i in range(6)} | {"c6": ()}
    found = longest_chain(chain, 5)
    assert found is not None and found is not CYCLE and len(found) > 5
    assert found == [f"c{i}" for i in range(7 - len(found), 7)]
    assert longest_chain(chain, 7) is None
    assert longest_chain({"a": ("b",), "b": ("c",), "c": ("a",)}, 100) is CYCLE
    assert longest_chain(chain | {"x": ("x",)}, 2) is CYCLE  # a cycle is named before any long chain
