"""A matcher kept as plain data (as the world cache stores it, and as the child that builds it sends it)
decides and explains exactly like the original."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from skillgap import parts
from skillgap.match import Matcher
from skillgap.match.quality import LabelledSet, load_set
from skillgap.model import Taxonomy, TaxonomySkill
from tests import cached

DATA = Path(__file__).parent / "data"
EXTRA = (
    TaxonomySkill("Google Analytics"),
    TaxonomySkill("Adobe Analytics"),
    TaxonomySkill("project management", aliases=("PM tools",)),
    TaxonomySkill("product management", aliases=("PM tools",)),
    TaxonomySkill("learning and development", aliases=("L and D",)),
)


def _labelled() -> LabelledSet:
    first, second = load_set(DATA / "matching-extra.yaml"), load_set(DATA / "matching-heldout.yaml")
    return LabelledSet(
        first.vocabulary + second.vocabulary,
        {**first.aliases, **second.aliases},
        first.cases + second.cases,
    )


def _typo(rng: random.Random, name: str) -> str:
    words = name.split()
    i = rng.randrange(len(words))
    w = words[i]
    if len(w) > 5:
        j = rng.randrange(3, len(w) - 1)
        words[i] = w[:j] + w[j + 1] + w[j] + w[j + 2 :]
    return " ".join(words)


def _names(labelled: LabelledSet) -> tuple[list[str], list[str]]:
    """A catalog vocabulary and the queries to compare: every layer, ambiguity and no match."""
    rng = random.Random(7)
    canonical = list(labelled.vocabulary)
    words = sorted({w for name in canonical for w in name.split()})
    vocabulary = [typed for typed, _ in labelled.cases[::2]]
    for name in canonical:
        vocabulary += [name.upper(), f"{name} (advanced)", f"{name}s", f"{name} mgmt"]
    vocabulary += [" ".join(rng.sample(words, rng.randint(1, 3))) for _ in range(400)]
    vocabulary += ["", "the", "HR mgmt", "L&D", "l & d facilitation", "Kubernetes"]
    queries = [typed for typed, _ in labelled.cases] + vocabulary
    queries += [_typo(rng, name) for name in rng.sample(vocabulary[:-6], 150)]
    queries += [" ".join(rng.sample(words, rng.randint(1, 4))) for _ in range(150)]
    queries += ["analytics", "pm tools", "C++", "c#", "???", "advanced", "   "]
    return vocabulary, list(dict.fromkeys(queries))


@pytest.fixture(scope="module")
def taxonomy() -> Taxonomy:
    labelled = _labelled()
    return Taxonomy(labelled.taxonomy().skills + EXTRA, abbreviations=(("l&d", "learning and development"),))


@pytest.fixture(scope="module")
def built(taxonomy: Taxonomy) -> tuple[Matcher, list[str], list[str]]:
    vocabulary, queries = _names(_labelled())
    matcher = Matcher.build(taxonomy, dict.fromkeys(vocabulary))
    return matcher, vocabulary, queries


@pytest.fixture(scope="module")
def _round_trip(taxonomy: Taxonomy):  # type: ignore[no-untyped-def]
    return lambda matcher: cached.matcher(matcher, taxonomy)


def test_the_queries_cover_every_kind_of_decision(built: tuple[Matcher, list[str], list[str]]) -> None:
    matcher, _, queries = built
    kinds = {(r.via, bool(r.ambiguous)) for r in map(matcher.resolve, queries)}
    assert kinds >= {("exact", False), ("alias", False), ("fuzzy", False), ("none", False), ("none", True)}


def test_resolve_and_explain_survive_being_kept(built, _round_trip) -> None:  # type: ignore[no-untyped-def]
    matcher, vocabulary, queries = built
    original = {q: matcher.resolve(q) for q in queries}
    copy = _round_trip(matcher)
    assert copy.skills == matcher.skills
    assert all(copy.canonical_info(s) == matcher.canonical_info(s) for s in matcher.skills)
    assert copy.resolve_many(queries) == original
    for q in queries[::5]:
        assert copy.explain(q) == matcher.explain(q), q
    # kept again, before and after it rebuilt anything
    assert _round_trip(_round_trip(matcher)).resolve_many(queries) == original
    assert _round_trip(copy).resolve_many(queries) == original
    assert [copy.explain(q) for q in queries[1::7]] == [matcher.explain(q) for q in queries[1::7]]


def test_the_index_survives_being_kept(built, _round_trip) -> None:  # type: ignore[no-untyped-def]
    matcher = built[0]
    index, copy = matcher._index, _round_trip(matcher)._index
    assert len(copy.entries) == len(index.entries) > 0
    assert list(copy.entries) == list(index.entries)
    assert copy.entries[-1] == index.entries[-1] and copy.entries[3:9] == index.entries[3:9]
    assert copy.words == index.words


def test_the_memo_is_not_kept(built, taxonomy: Taxonomy) -> None:  # type: ignore[no-untyped-def]
    matcher, vocabulary, queries = built
    matcher.resolve_many(vocabulary + queries)
    data = parts.encode(matcher.to_data()).join()
    fresh = Matcher.build(taxonomy, dict.fromkeys(vocabulary))
    assert data == parts.encode(fresh.to_data()).join()  # what it resolved since leaves no trace
    copy = Matcher.from_data(parts.decode(data), taxonomy)
    assert not copy._cache and not copy._expander._shapes


def test_names_it_was_built_from_resolve_as_if_new(built, _round_trip) -> None:  # type: ignore[no-untyped-def]
    """Such names are looked up by the keys the index holds; a fresh form decides the same."""
    matcher, vocabulary, queries = built
    for candidate in (matcher, _round_trip(matcher)):
        for name in vocabulary + queries:
            fresh = candidate._decide(name, candidate._expander.form(name))
            assert candidate.resolve(name) == fresh, name


def test_a_fresh_copy_resolves_without_building(built, _round_trip) -> None:  # type: ignore[no-untyped-def]
    """Nothing only building needs is kept: there is no taxonomy index to place names with."""
    copy = _round_trip(built[0])
    assert not hasattr(copy, "_taxonomy_index")
    assert copy.resolve("Deep Learnig").via in ("fuzzy", "none")
    assert copy.resolve("PM tools").ambiguous == ("project management", "product management")


def test_a_row_that_holds_no_form_is_made_again(built, taxonomy: Taxonomy) -> None:  # type: ignore[no-untyped-def]
    """The rows only save working forms out again: one that cannot be a form (no stem for a word, a word
    no token names) is worked out from the name instead, and decides the same."""
    matcher, vocabulary, queries = built
    data = matcher.to_data()
    ends, codes = data["index.rows.ends"], data["index.rows"]
    ends[2] -= 1  # entry 0: one stem fewer than content words
    codes[ends[3]] = len(data["index.tokens"]) + 7  # entry 1: a token that is not there
    copy = Matcher.from_data(parts.decode(parts.encode(data).join()), taxonomy)
    index = matcher._index
    assert [copy._index.form(eid) for eid in range(3)] == [index.form(eid) for eid in range(3)]
    assert copy.resolve_many(queries) == matcher.resolve_many(queries)
