"""A sentence cut into words (each with what stands before it and which bracketed part holds it), and the
one question about a word that the scan and its guards both ask: does it make the skill beside it part of
a longer name?"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from skillgap.match.lexicon import ABBREVIATIONS
from skillgap.postings.lexicon import (
    GENERIC,
    MARKETS,
    STOP,
)

_TOKEN = re.compile(r"\.[Nn][Ee][Tt]\b|[A-Za-z0-9][A-Za-z0-9+#]*(?:[.&'\u2019][A-Za-z0-9+#]+)*[+#]*")
_HARD = re.compile(r"[,;:()\[\]{}!?|\"\u201c\u201d\u2022]|\.(?!\w)|\s[-\u2013\u2014]\s|\s\u2013|\u2014")

_ABBREVIATION_KEYS = frozenset(ABBREVIATIONS)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    hard_before: bool  # punctuation (not only a space, hyphen or slash) separates it from the word before
    spaced_before: bool  # only white space (or a hyphen) separates it from the word before
    paren: int  # which bracketed part of the sentence it is in (0: outside brackets)
    lower: str


class Found(NamedTuple):
    """A phrase of a sentence that names a skill."""

    first: int  # token indexes: [first, last)
    last: int
    skill: str
    start: int  # character offsets in the sentence
    end: int
    via: str  # exact, alias, fuzzy


def tokenize(sentence: str) -> list[Token]:
    out: list[Token] = []
    paren, depth, previous_end = 0, 0, 0
    parts = 0
    for m in _TOKEN.finditer(sentence):
        between = sentence[previous_end : m.start()]
        for ch in between:
            if ch in "([":
                depth += 1
                if depth == 1:
                    parts += 1
                    paren = parts
            elif ch in ")]" and depth:
                depth -= 1
                if depth == 0:
                    paren = 0
        hard = not out or bool(_HARD.search(between))
        spaced = bool(out) and not hard and set(between) <= {" ", "-"}
        out.append(Token(m.start(), m.end(), m.group(), hard, spaced, paren, m.group().lower()))
        previous_end = m.end()
    return out


def is_title_case(tokens: Sequence[Token]) -> bool:
    """Whether the sentence is written in title case ("Strong Project Management Skills"): then a
    capital letter says nothing about a word being a name. Names themselves (DevOps, AWS) and the
    first word do not count."""
    words = [
        t.text
        for t in tokens[1:]
        if t.text.isalpha()
        and len(t.text) >= 4
        and t.lower not in STOP
        and not inner_capital(t.text)
        and not t.text.isupper()
    ]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def inner_capital(text: str) -> bool:
    return any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)


def name_like(token: Token, initial: bool, title_case: bool) -> bool:
    """Whether a word beside a skill makes the two one name: DevOps, vSphere, AWS, or a capitalised word
    mid-sentence in a line not written in title case."""
    text = token.text
    letters = [c for c in text if c.isalpha()]
    if not letters or token.lower in MARKETS:
        return False
    if inner_capital(text):
        return True
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return token.lower not in _ABBREVIATION_KEYS
    if text[0].isupper() and not initial and not title_case:
        return token.lower not in GENERIC and token.lower not in STOP
    return False
