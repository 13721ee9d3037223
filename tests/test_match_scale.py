"""Large vocabularies: resolution uses the inverted index, not a scan of every name."""

from __future__ import annotations

import random
import time

from skillgap.match import Matcher
from skillgap.model import Taxonomy, TaxonomySkill

WORDS = (
    "data analysis design management marketing cloud security network project product quality "
    "risk finance payroll patient care clinical nursing python java excel tableau training "
    "coaching learning leadership strategy sales brand content social media research statistics "
    "budget audit tax compliance policy writing editing video audio graphic mobile web testing"
).split()


def _vocabulary(size: int) -> list[str]:
    rng = random.Random(3)
    names = {
        " ".join(rng.sample(WORDS, rng.randint(1, 3))) + f" lab{rng.randint(0, 99999)}"
        for _ in range(size)
    }
    return sorted(names)


def test_fifty_names_against_a_large_vocabulary() -> None:
    vocabulary = _vocabulary(20_000)
    taxonomy = Taxonomy((TaxonomySkill("data analysis", aliases=("DA",)),))
    matcher = Matcher.build(taxonomy, vocabulary)
    assert len(matcher.skills) == len(vocabulary) + 1
    rng = random.Random(5)
    picked = rng.sample(vocabulary, 25)
    queries = [name.upper() for name in picked] + [
        " ".join(rng.sample(WORDS, 2)) for _ in range(25)
    ]
    start = time.perf_counter()
    got = matcher.resolve_many(queries)
    elapsed = time.perf_counter() - start
    for name in picked:
        assert got[name.upper()].skill == name
    assert elapsed < 2.0, f"50 names took {elapsed:.2f}s"


def test_vocabulary_merges_into_taxonomy_only_when_guarded() -> None:
    taxonomy = Taxonomy((TaxonomySkill("Microsoft Excel"), TaxonomySkill("JavaScript")))
    matcher = Matcher.build(
        taxonomy, ["Excel", "MS Excel", "excel 2016", "Java", "Excel VBA", "Java script"]
    )
    assert matcher.skills == ("Microsoft Excel", "JavaScript", "Java", "Excel VBA")
    assert matcher.resolve("excel 2016").skill == "Microsoft Excel"
    assert matcher.resolve("Java").via == "exact"
