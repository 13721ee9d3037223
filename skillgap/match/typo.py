"""Typo tolerance for single words, restricted so real words are not confused.

A typo is one edit (insert, delete, substitute, or swap two neighbours) in a word of at least
five letters. Swaps may happen anywhere but the first letter; other edits must leave the first
three letters alone, because real-word look-alikes mostly differ early ("baking"/"banking",
"coding"/"coping", "hiring"/"wiring") while slips of the finger happen later ("learnig").
"""

from __future__ import annotations

MIN_TYPO_LENGTH = 5
KEEP_PREFIX = 3


def _is_swap(a: str, b: str) -> bool:
    if len(a) != len(b):
        return False
    diffs = [k for k in range(len(a)) if a[k] != b[k]]
    return (
        len(diffs) == 2
        and diffs[1] == diffs[0] + 1
        and diffs[0] > 0
        and a[diffs[0]] == b[diffs[1]]
        and a[diffs[1]] == b[diffs[0]]
    )


def typo_score(typed: str, word: str) -> float | None:
    """rapidfuzz's ratio for ``typed`` vs ``word`` when one looks like a typo of the other."""
    if typed == word or not (typed.isalpha() and word.isalpha()):
        return None
    if min(len(typed), len(word)) < MIN_TYPO_LENGTH or abs(len(typed) - len(word)) > 1:
        return None
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    if OSA.distance(typed, word, score_cutoff=1) > 1:
        return None
    if not _is_swap(typed, word) and typed[:KEEP_PREFIX] != word[:KEEP_PREFIX]:
        return None
    return float(fuzz.ratio(typed, word))
