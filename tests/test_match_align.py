"""Word alignment and the look-alike guard, one comparison at a time."""

from __future__ import annotations

import pytest

from skillgap.match.align import align
from skillgap.match.forms import Expander

EXPAND = Expander()


def _verdict(query: str, name: str) -> tuple[bool, float, str]:
    v = align(EXPAND.form(query), EXPAND.form(name))
    return v.accepted, v.score, v.reason


@pytest.mark.parametrize(
    ("query", "name", "reason_part"),
    [
        ("PowerPoint", "Microsoft PowerPoint", "vendor word 'microsoft'"),
        ("kubernetes administration", "Kubernetes", "qualifier 'administration'"),
        ("Python", "Python programming", "qualifier 'programming'"),
        ("delivering training", "training delivery", "word forms"),
        ("Deep Learnig", "deep learning", "typo: 'learnig' ~ 'learning'"),
        ("power point", "PowerPoint", "written as"),
        ("data analysis skills", "data analysis", "qualifier"),
        ("marketing fundamentals", "marketing", "qualifier 'fundamental'"),
        ("Acounting", "accounting", "typo"),
        ("analysing data", "data analysis", "word forms"),
        ("Premiere", "Adobe Premiere Pro", "qualifier 'pro'"),
    ],
)
def test_accepts(query: str, name: str, reason_part: str) -> None:
    accepted, score, reason = _verdict(query, name)
    assert accepted, reason
    assert 70 <= score < 100
    assert reason_part in reason


@pytest.mark.parametrize(
    ("query", "name", "reason_part"),
    [
        ("German shepherd training", "German", "word 'shepherd' has no counterpart in 'German'"),
        ("Java", "JavaScript", "no word in common"),
        ("C#", "C++", "no word in common"),
        ("NoSQL", "SQL", "no word in common"),
        ("Go programming", "R programming", "lacks"),
        ("product management", "project management", "lacks"),
        ("Excel", "Excel VBA", "needs 'vba'"),
        ("network security", "network engineering", "lacks"),
        ("public relations", "public speaking", "lacks"),
        ("advanced analytics", "Google Analytics", "only generic"),
        ("network administration", "networking", "only generic"),
        ("office administration", "Microsoft Office", "only generic"),
        ("healthcare", "health care administration", "only generic"),
        ("Germany", "German", "no word in common"),
    ],
)
def test_rejects(query: str, name: str, reason_part: str) -> None:
    accepted, score, reason = _verdict(query, name)
    assert not accepted
    assert 0 <= score <= 100
    assert reason_part in reason


def test_identical_names_score_100() -> None:
    assert _verdict("Training delivery", "training delivery") == (
        True,
        100.0,
        "same words after normalisation",
    )


def test_known_words_are_not_typos() -> None:
    query, name = EXPAND.form("learnig design"), EXPAND.form("learning design")
    assert align(query, name).accepted
    assert not align(query, name, known={"learnig"}).accepted
