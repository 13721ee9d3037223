"""Reach, which lets placing skip aligning names it could never accept, rules out nothing align accepts."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.match.align import Reach, align
from skillgap.match.forms import Expander
from skillgap.match.quality import load_set
from tests.hypothesis_profiles import examples

EXPAND = Expander((("l&d", "learning and development"),))
DATA = Path(__file__).parent / "data"

WORDS = [
    "data", "analysis", "analytics", "analyst", "dev", "ops", "devops", "book", "keeping",
    "bookkeeping", "learning", "learnig", "lerning", "management", "managemant", "mgmt",
    "project", "projects", "Microsoft", "Google", "Excel", "advanced", "administration",
    "programming", "basic", "C++", "c#", ".NET", "java", "script", "javascript", "deep",
    "training", "delivery", "delivering", "accounting", "acounting", "L&D", "HR", "of", "and",
    "the", "power", "point", "powerpoint", "web", "site", "website", "design", "designing",
]
names = st.lists(st.sampled_from(WORDS), min_size=1, max_size=4).map(" ".join)


def _check(query: str, name: str, known: frozenset[str]) -> None:
    q, n = EXPAND.form(query), EXPAND.form(name)
    if not q.content or not n.content:
        return
    if align(q, n, known).accepted:
        assert Reach(q, known).admits(n), (query, name)


@settings(max_examples=examples(600), deadline=None)
@given(names, names, st.sets(st.sampled_from(WORDS)).map(frozenset))
def test_whatever_align_accepts_is_within_reach(query: str, name: str, known: frozenset[str]) -> None:
    _check(query, name, frozenset(EXPAND.form(" ".join(known)).content))


def test_the_labelled_sets() -> None:
    ruled_out = 0
    for path in (DATA / "matching-extra.yaml", DATA / "matching-heldout.yaml"):
        labelled = load_set(path)
        known = frozenset(w for name in labelled.vocabulary for w in EXPAND.form(name).content)
        for typed, _ in labelled.cases:
            for name in labelled.vocabulary:
                _check(typed, name, known)
                ruled_out += not Reach(EXPAND.form(typed), known).admits(EXPAND.form(name))
    assert ruled_out  # it does rule names out
