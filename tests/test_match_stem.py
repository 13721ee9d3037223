"""The light stemmer joins word forms and keeps look-alikes apart."""

from __future__ import annotations

import pytest

from skillgap.match.stem import stem


@pytest.mark.parametrize(
    "words",
    [
        ("delivering", "delivery", "deliver", "delivered"),
        ("mentorship", "mentoring", "mentor"),
        ("transportation", "transport"),
        ("management", "manager", "managing", "manage"),
        ("development", "developer", "developing"),
        ("negotiation", "negotiating", "negotiate"),
        ("organization", "organizational", "organizing"),
        ("programming", "programmer", "program"),
        ("planning", "planner", "plan"),
        ("leadership", "leader"),
        ("warehousing", "warehouse"),
        ("facilitation", "facilitating", "facilitator"),
        ("analysis", "analyst", "analyzing", "analyze"),
        ("journalism", "journalist"),
    ],
)
def test_forms_share_a_stem(words: tuple[str, ...]) -> None:
    assert len({stem(w) for w in words}) == 1, [stem(w) for w in words]


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("product", "production"),
        ("project", "projection"),
        ("java", "javascript"),
        ("sql", "nosql"),
        ("facility", "facilitation"),
        ("signal", "sign"),
        ("engineer", "engine"),
        ("statistic", "static"),
        ("physical", "physic"),
        ("international", "intern"),
        ("policy", "police"),
    ],
)
def test_look_alikes_keep_apart(a: str, b: str) -> None:
    assert stem(a) != stem(b)


def test_symbols_and_short_words_untouched() -> None:
    assert stem("c++") == "c++"
    assert stem("sql") == "sql"
    assert stem("k8s") == "k8s"
