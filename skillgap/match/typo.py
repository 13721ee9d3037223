"""Typo tolerance for single words, restricted so real words are not confused.

A typo is one edit (insert, delete, substitute, or swap two neighbours) in a word of at least
five letters. Swaps and doubled letters may happen anywhere but the first letter; other edits
must leave the first three letters alone, because real-word look-alikes mostly differ early
("baking"/"banking", "coding"/"coping", "hiring"/"wiring") while slips of the finger happen
later ("learnig"). A letter added or lost at the very end is not a typo either: that usually
makes another word ("German"/"Germany"). A substituted letter must be a neighbouring key or a
vowel for a vowel ("managemant"), not any letter ("planting" is not "planning").

Only words in Latin letters are read as typos (after normalisation they are ASCII): the rules above
are about them, and in other scripts one letter more or less is as often another word ("烹饪" and
"烹饪学" are different things), so a word there matches only as written.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

MIN_TYPO_LENGTH = 5
KEEP_PREFIX = 3
VOWELS = frozenset("aeiouy")
_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")


def _neighbours() -> dict[str, frozenset[str]]:
    where = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
    near: dict[str, frozenset[str]] = {}
    for ch, (r, c) in where.items():
        # rows are staggered: a key touches two keys on the row above and two below
        spots = {(r, c - 1), (r, c + 1), (r - 1, c), (r - 1, c + 1), (r + 1, c - 1), (r + 1, c)}
        near[ch] = frozenset(o for o, pos in where.items() if pos in spots)
    return near


KEY_NEIGHBOURS = _neighbours()


def _plausible_substitution(a: str, b: str) -> bool:
    """For equal-length words differing in one letter: a slip of the finger, or vowel for vowel."""
    k = next(k for k in range(len(a)) if a[k] != b[k])
    x, y = a[k], b[k]
    return (x in VOWELS and y in VOWELS) or y in KEY_NEIGHBOURS.get(x, frozenset())


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


def _is_doubling(a: str, b: str) -> bool:
    """One word is the other with a doubled letter undoubled ("acounting"/"accounting")."""
    short, long = (a, b) if len(a) < len(b) else (b, a)
    if len(long) != len(short) + 1:
        return False
    k = next((k for k in range(len(short)) if short[k] != long[k]), len(short))
    return k > 0 and long[k] == long[k - 1] and long[:k] + long[k + 1 :] == short


@cache
def _measures() -> tuple[Callable[..., float], Callable[..., int]]:
    """rapidfuzz's ratio and OSA distance, imported on first use (a `from` import of a package
    inside a function that runs tens of thousands of times costs more than the comparison)."""
    from rapidfuzz import fuzz
    from rapidfuzz.distance import OSA

    return fuzz.ratio, OSA.distance


def may_be_typo(word: str) -> bool:
    """Whether a normalised word is one that typo tolerance applies to: Latin letters, five or more."""
    return len(word) >= MIN_TYPO_LENGTH and word.isascii() and word.isalpha()


def typo_score(typed: str, word: str) -> float | None:
    """rapidfuzz's ratio for ``typed`` vs ``word`` when one looks like a typo of the other."""
    if typed == word or not (may_be_typo(typed) and may_be_typo(word)):
        return None
    if abs(len(typed) - len(word)) > 1:
        return None
    ratio, distance = _measures()
    if distance(typed, word, score_cutoff=1) > 1:
        return None
    natural = _is_swap(typed, word) or _is_doubling(typed, word)
    early = typed[:KEEP_PREFIX] != word[:KEEP_PREFIX]
    # a letter added or lost at the end usually makes another word ("German"/"Germany")
    last = len(typed) != len(word) and (typed[:-1] == word or word[:-1] == typed)
    if (early or last) and not natural:
        return None
    if len(typed) == len(word) and not natural and not _plausible_substitution(typed, word):
        return None
    return float(ratio(typed, word))
