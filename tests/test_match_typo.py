"""Typos are one edit in a long word, and never a real-word look-alike."""

from __future__ import annotations

import pytest

from skillgap.match.typo import typo_score


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("learnig", "learning"),
        ("managment", "management"),
        ("kuberentes", "kubernetes"),
        ("pyhton", "python"),
        ("excell", "excel"),
        ("desgin", "design"),
        ("acounting", "accounting"),
        ("comunication", "communication"),
        ("kubernates", "kubernetes"),
        ("markrting", "marketing"),
    ],
)
def test_typos(typed: str, word: str) -> None:
    score = typo_score(typed, word)
    assert score is not None and 80 <= score < 100


@pytest.mark.parametrize(
    ("typed", "word"),
    [
        ("baking", "banking"),
        ("coding", "coping"),
        ("hiring", "wiring"),
        ("mining", "dining"),
        ("painting", "printing"),
        ("mentoring", "monitoring"),
        ("production", "protection"),
        ("java", "jave"),
        ("germany", "german"),
        ("planting", "planning"),
        ("miner", "mine"),
        ("javascript", "typescript"),
        ("python", "python"),
        ("c++", "c#"),
    ],
)
def test_not_typos(typed: str, word: str) -> None:
    assert typo_score(typed, word) is None
