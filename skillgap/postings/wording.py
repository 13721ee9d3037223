"""Word lists that are quick to build and to search.

The cue lists read best written like patterns, with optional parts ("benefits?", "what you(?:'ll|
will)? bring"), but compiling some sixty such regular expressions took a good part of a run's time
(every run compiles them afresh). So each phrase is spelt out (its choices, optional parts and
character classes expanded) and looked for word by word: case, punctuation and hyphens between words do
not count ("nice-to-have" is "Nice to have"), and a phrase matches whole words only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import product
from typing import NamedTuple

MAX_FORMS = 512  # spellings one phrase may expand to: a larger list is a mistake in the phrase
_WORD = re.compile(r"[^\W_]+")


class Hit(NamedTuple):
    """Where a phrase was found: the same calls as a regular expression's match."""

    begin: int
    finish: int
    text: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return (self.begin, self.finish)

    def group(self) -> str:
        return self.text


@lru_cache(maxsize=1024)
def words(text: str) -> tuple[tuple[int, int, str], ...]:
    """The words of TEXT in lower case, with where each is (worked out once per text: every word list
    looks at the same sentences)."""
    return tuple((m.start(), m.end(), m.group().lower()) for m in _WORD.finditer(text))


@lru_cache(maxsize=1024)
def word_set(text: str) -> frozenset[str]:
    return frozenset(w for _, _, w in words(text))


class Phrases:
    """Phrases looked for word by word in a text, the longest first where several start at one word."""

    def __init__(self, forms: set[str]) -> None:
        by_size: dict[str, dict[int, set[tuple[str, ...]]]] = {}
        for form in forms:
            key = tuple(w for _, _, w in words(form))
            if key:
                by_size.setdefault(key[0], {}).setdefault(len(key), set()).add(key)
        # first word -> (number of words, the phrases of that many words), longest first
        self._starts = {
            first: sorted(((size, frozenset(keys)) for size, keys in sizes.items()), reverse=True)
            for first, sizes in by_size.items()
        }

    def finditer(self, text: str) -> Iterator[Hit]:
        starts = self._starts
        if starts.keys().isdisjoint(word_set(text)):
            return  # what most sentences hold of most lists
        found = words(text)
        names = [w for _, _, w in found]
        i = 0
        while i < len(found):
            sizes = starts.get(names[i])
            if sizes is None:
                i += 1
                continue
            for size, keys in sizes:
                if tuple(names[i : i + size]) in keys:
                    begin, finish = found[i][0], found[i + size - 1][1]
                    yield Hit(begin, finish, text[begin:finish])
                    i += size
                    break
            else:
                i += 1

    def search(self, text: str) -> Hit | None:
        return next(self.finditer(text), None)

    def match(self, text: str) -> Hit | None:
        """A phrase that starts TEXT (after any punctuation or space)."""
        hit = self.search(text)
        first = _WORD.search(text)
        return hit if hit is not None and first is not None and hit.begin == first.start() else None


def phrases(*specs: str) -> Phrases:
    """The phrases SPECS spell (see :func:`spell`), to look for word by word."""
    return Phrases({form for spec in specs for form in spell(spec)})


def spell(spec: str) -> list[str]:
    """Every spelling of SPEC: literal text with `(?:a|b)` choices, `[ab]` character classes and `?`
    after a character, class or choice ("colou?r" -> color, colour)."""
    forms, end = _sequence(spec, 0)
    if end != len(spec):
        raise ValueError(f"unbalanced ')' in {spec!r}")
    if len(forms) > MAX_FORMS:
        raise ValueError(f"{spec!r} spells {len(forms)} phrases")
    return [f.strip() for f in forms if f.strip()]


def _sequence(spec: str, i: int) -> tuple[list[str], int]:
    """The spellings of SPEC from I up to a top-level '|' or ')' (or its end), and where that is."""
    parts: list[list[str]] = []
    while i < len(spec) and spec[i] not in "|)":
        atom, i = _atom(spec, i)
        if i < len(spec) and spec[i] == "?":
            atom = [*atom, ""]
            i += 1
        parts.append(atom)
    return ["".join(p) for p in product(*parts)] if parts else [""], i


def _atom(spec: str, i: int) -> tuple[list[str], int]:
    ch = spec[i]
    if spec.startswith("(?:", i):
        choices: list[str] = []
        i += 3
        while True:
            forms, i = _sequence(spec, i)
            choices.extend(forms)
            if i >= len(spec):
                raise ValueError(f"unclosed '(' in {spec!r}")
            if spec[i] == ")":
                return choices, i + 1
            i += 1  # past '|'
    if ch == "[":
        close = spec.index("]", i)
        return _class(spec[i + 1 : close]), close + 1
    if ch == "\\":
        if spec[i + 1 : i + 2].isalnum():
            raise ValueError(f"{spec!r}: '\\{spec[i + 1]}' is not spelt out here (use a pattern of its own)")
        return [spec[i + 1]], i + 2
    if ch in "(*+{}.^$":
        raise ValueError(f"{spec!r}: {ch!r} is not spelt out here (use a pattern of its own)")
    return [ch], i + 1


def _class(body: str) -> list[str]:
    """The characters of a class: "- " is a hyphen and a space, "0-9" the digits."""
    out: list[str] = []
    k = 0
    while k < len(body):
        if k + 2 < len(body) and body[k + 1] == "-":
            out.extend(chr(c) for c in range(ord(body[k]), ord(body[k + 2]) + 1))
            k += 3
        else:
            out.append(body[k])
            k += 1
    return out
