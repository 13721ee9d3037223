"""How benchmarks/postings.py scores an extraction against gold annotated for an older taxonomy: a gold
skill counts under the name the bundled taxonomy knows it by, and a skill the gold does not list is right
only where the review says so."""

from __future__ import annotations

from typing import Any

from skillgap.levels import Importance
from skillgap.match import Matcher
from skillgap.model import Taxonomy, TaxonomySkill
from skillgap.postings.types import Ask, Evidence, Extraction
from tests.test_postings_dev import benchmark


def extraction(*skills: str) -> Extraction:
    asks = tuple(Ask((s,), 3, Importance.ESSENTIAL, Evidence(s, 1, s), ("level",)) for s in skills)
    return Extraction("Role", "ad.txt", asks)


def test_gold_is_read_in_the_bundled_taxonomy_and_what_it_lacks_as_reviewed() -> None:
    bench = benchmark()
    taxonomy = Taxonomy(
        (
            TaxonomySkill("Vyond", aliases=("GoAnimate",)),
            TaxonomySkill("SQL"),
            TaxonomySkill("mentoring"),
            TaxonomySkill("diagnosis"),
            TaxonomySkill("sales"),
        )
    )
    matcher = Matcher.build(taxonomy)
    names = {s.name for s in taxonomy.skills}
    gold: dict[str, Any] = {
        "skills": [
            {"name": "GoAnimate", "in_taxonomy": False, "importance": "essential", "level": None},
            {"name": "SQL", "in_taxonomy": True, "importance": "essential", "level": 3},
            {"name": "coaching", "in_taxonomy": True, "importance": "important", "level": None},
        ]
    }
    review = {"ok": {"mentoring": "asked"}, "wrong": {"diagnosis": "not clinical"}}
    found = extraction("Vyond", "SQL", "mentoring", "diagnosis", "sales")
    score = bench.rescore("ad", found, gold, matcher, names, review)
    assert (score.found, score.gold) == (2, 2)  # GoAnimate is Vyond now; coaching is no skill here
    assert (score.correct, score.extracted) == (3, 5)
    assert score.accepted == ["mentoring"] and score.wrong == ["diagnosis"] and score.unreviewed == ["sales"]
    old = bench.score("ad", found, gold, names)
    assert (old.found, old.gold) == (1, 2)  # as written: SQL found, coaching not


def test_a_gold_skill_counts_as_found_through_the_narrower_skill_the_review_names() -> None:
    bench = benchmark()
    taxonomy = Taxonomy((TaxonomySkill("networking"), TaxonomySkill("DNS"), TaxonomySkill("coaching")))
    matcher = Matcher.build(taxonomy)
    names = {s.name for s in taxonomy.skills}
    gold: dict[str, Any] = {
        "skills": [
            {"name": "networking", "in_taxonomy": True, "importance": "essential", "level": None},
            {"name": "coaching", "in_taxonomy": True, "importance": "important", "level": None},
        ]
    }
    review = {"found_as": {"networking": {"as": "DNS", "why": "the ask names DNS"}}}
    score = bench.rescore("ad", extraction("DNS"), gold, matcher, names, review)
    assert (score.found, score.gold) == (1, 2) and score.found_as == ["networking as DNS"]
    assert (score.correct, score.extracted) == (1, 1)  # DNS is right: the review names it
    assert score.importance_right == 1  # the stand-in's importance is the one weighed
    none = bench.rescore("ad", extraction("coaching"), gold, matcher, names, review)
    assert none.missed == ["networking"] and none.found_as == []  # no DNS read: still missed
