"""Properties that hold for any input."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.match import Matcher, normalize
from skillgap.model import Taxonomy, TaxonomySkill
from tests.hypothesis_profiles import examples

NAMES = (
    "training delivery",
    "Microsoft PowerPoint",
    "C++",
    "JavaScript",
    "human resources management",
    "deep learning",
    "Kubernetes",
)
MATCHER = Matcher.build(
    Taxonomy(tuple(TaxonomySkill(n) for n in NAMES)), vocabulary=("Excel", "first aid")
)

words = st.sampled_from(
    [
        "training",
        "delivery",
        "PowerPoint",
        "C++",
        "java",
        "script",
        "deep",
        "learnig",
        "HR",
        "mgmt",
        "advanced",
        "Kubernetes",
        "excel",
        "first",
        "aid",
        "3",
        "(x)",
        "-",
        "&",
    ]
)
queries = st.one_of(st.text(max_size=40), st.lists(words, max_size=5).map(" ".join))


@settings(max_examples=examples(300), deadline=None)
@given(queries)
def test_score_in_range_and_consistent(query: str) -> None:
    r = MATCHER.resolve(query)
    assert 0.0 <= r.score <= 100.0
    assert r.via in ("exact", "alias", "fuzzy", "none")
    assert (r.skill is None) == (r.via == "none")
    if r.skill is not None:
        assert r.skill in MATCHER.skills
        assert not r.ambiguous
    if r.via in ("exact", "alias"):
        assert r.score == 100.0


@settings(max_examples=examples(200), deadline=None)
@given(queries, st.sampled_from([str.upper, str.lower, str.title, str.casefold]), st.text(" \t"))
def test_ignores_case_and_surrounding_whitespace(query: str, case: object, pad: str) -> None:
    assert callable(case)
    variant = f"{pad}{case(query)}{pad}"
    a, b = MATCHER.resolve(query), MATCHER.resolve(variant)
    assert normalize(query) == normalize(variant)
    assert (a.skill, a.via, a.score, a.ambiguous) == (b.skill, b.via, b.score, b.ambiguous)


@settings(max_examples=examples(200), deadline=None)
@given(queries)
def test_deterministic(query: str) -> None:
    fresh = Matcher.build(
        Taxonomy(tuple(TaxonomySkill(n) for n in NAMES)), vocabulary=("Excel", "first aid")
    )
    assert fresh.resolve(query) == MATCHER.resolve(query)
    assert fresh.explain(query) == MATCHER.explain(query)


@given(st.text(max_size=60))
def test_normalize_is_idempotent_on_keys(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once or not once
