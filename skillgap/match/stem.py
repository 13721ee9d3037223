"""A light stemmer for word-form variants: "delivering"/"delivery", "mentorship"/"mentoring".

Deliberately conservative: a bare "-ion" is never stripped (product/production and
project/projection stay apart), symbol tokens and short words are left alone, and a stem is
never shorter than four letters.
"""

from __future__ import annotations

from functools import lru_cache

MIN_STEM = 4

# (suffix, replacement), longest first; the first that leaves a long enough stem applies.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ysis", "yz"),
    ("ative", ""),
    ("ation", ""),
    ("ating", ""),
    ("ated", ""),
    ("ator", ""),
    ("ment", ""),
    ("ship", ""),
    ("yst", "yz"),
    ("ist", ""),
    ("ism", ""),
    ("ate", ""),
    ("ing", ""),
    ("ery", "er"),
    ("er", ""),
    ("ed", ""),
    ("al", ""),
    ("e", ""),
)
_UNDOUBLE_AFTER = frozenset({"ing", "ed", "er", "ery"})
_DOUBLABLE = frozenset("bdgmnprt")

# Words ending in "-al" that are not adjectives of a shorter word ("signal" is not "sign").
_KEEP_AL = frozenset(
    {
        "signal",
        "portal",
        "journal",
        "animal",
        "crystal",
        "metal",
        "pedal",
        "canal",
        "cereal",
        "interval",
        "festival",
        "hospital",
        "capital",
        "digital",
        "mineral",
        "general",
        "internal",
        "external",
        "manual",
        "annual",
        "casual",
        "normal",
        "formal",
        "moral",
        "mortal",
        "physical",
        "international",
    }
)


def _strip_once(word: str) -> str:
    for suffix, replacement in _SUFFIXES:
        if not word.endswith(suffix):
            continue
        if suffix == "er" and word.endswith("eer"):
            continue
        if suffix == "al" and word in _KEEP_AL:
            continue
        stem = word[: len(word) - len(suffix)] + replacement
        if len(stem) < MIN_STEM:
            continue
        if (
            suffix in _UNDOUBLE_AFTER
            and len(stem) > MIN_STEM
            and stem[-1] == stem[-2]
            and stem[-1] in _DOUBLABLE
        ):
            stem = stem[:-1]
        return stem
    return word


@lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """The stem of one normalised token; tokens with symbols or digits are their own stem."""
    if len(token) <= MIN_STEM or not token.isalpha():
        return token
    word = token
    for _ in range(3):
        shorter = _strip_once(word)
        if shorter == word:
            break
        word = shorter
    return word
