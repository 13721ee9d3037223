"""Names prepared for matching: normalised words, abbreviations expanded, stems."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import lru_cache
from typing import Any, NamedTuple

from skillgap.match.lexicon import (
    ABBREVIATIONS,
    GENERIC_WORDS,
    LEVEL_WORDS,
    QUALIFIER_WORDS,
    STOP_WORDS,
    VENDOR_WORDS,
)
from skillgap.match.stem import stem
from skillgap.match.text import compact, join_pair, normalize_token, tokens
from skillgap.parts import expect, strings

MAX_ABBREVIATION_WORDS = 3
SHAPES_KEPT = 1 << 16  # forms' word-derived fields remembered by an Expander, at most


def _norm_set(words: Iterable[str]) -> frozenset[str]:
    return frozenset(normalize_token(w) for w in words)


VENDORS = _norm_set(VENDOR_WORDS)
QUALIFIERS = _norm_set(QUALIFIER_WORDS)
LEVELS = _norm_set(LEVEL_WORDS)
STOPS = _norm_set(STOP_WORDS)
GENERIC_STEMS = frozenset(stem(w) for w in _norm_set(GENERIC_WORDS))


def is_droppable(word: str) -> bool:
    """Vendor and qualifier words may go unmatched (at a cost)."""
    return word in VENDORS or word in QUALIFIERS


def is_generic(word: str) -> bool:
    return stem(word) in GENERIC_STEMS or word in QUALIFIERS


@lru_cache(maxsize=65536)
def joined_stem(first: str, second: str) -> str:
    """The stem of two words written as one."""
    return stem(join_pair(first, second))


def _compact(words: tuple[str, ...]) -> str:
    """``compact(words)``; for two words, the very string they are indexed under as a pair
    (see Index.add): one string in memory, not two equal ones."""
    return join_pair(*words) if len(words) == 2 else compact(words)


class Form(NamedTuple):
    """One name (a query, a canonical name or an alias) as the matcher sees it.

    A named tuple rather than a dataclass: an index holds one per name, and a tuple is built
    (and rebuilt from an index kept as data) several times faster.
    """

    text: str
    words: tuple[str, ...]  # normalised (see skillgap.match.text)
    expanded: tuple[str, ...]  # abbreviations expanded
    content: tuple[str, ...]  # expanded, without stop words
    stems: tuple[str, ...]  # one per content word
    key: str
    compact: str
    expanded_key: str
    expanded_compact: str

    @property
    def abbreviated(self) -> bool:
        """Whether expanding abbreviations changed the words."""
        return self.expanded != self.words


class Keys(NamedTuple):
    """What the exact and alias layers look a name up by: a Form's keys, without its words
    (an index made from data has these at hand before it has rebuilt the forms)."""

    key: str
    compact: str
    expanded_key: str
    expanded_compact: str
    abbreviated: bool


# a Form's fields after its text; equal word tuples are one object (see Expander._shape)
_Shape = tuple[
    tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...], str, str, str, str
]


class Expander:
    """Expands abbreviations word by word, longest match first ("hr mgmt" -> "human resource
    management"). Keys and expansions are normalised like any name."""

    def __init__(self, *tables: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        found: dict[tuple[str, ...], tuple[str, ...]] = {}
        for table in (ABBREVIATIONS, *tables):
            pairs = table.items() if isinstance(table, Mapping) else table
            for short, long in pairs:
                key, value = tokens(short), tokens(long)
                if key and value and key != value and len(key) <= MAX_ABBREVIATION_WORDS:
                    found[key] = value
        self._use(found)

    def _use(self, table: dict[tuple[str, ...], tuple[str, ...]]) -> None:
        self._table = table
        self._longest = max((len(k) for k in table), default=0)
        self._firsts = frozenset(k[0] for k in table)
        self._shapes: dict[tuple[str, ...], _Shape] = {}

    def to_data(self) -> list[list[list[str]]]:
        """The abbreviations as plain data (each as normalised words), for :meth:`from_data`."""
        return [[list(short), list(long)] for short, long in self._table.items()]

    @classmethod
    def from_data(cls, found: Any) -> Expander:
        """The expander of :meth:`to_data`'s data, checked: Unusable for what no table holds."""
        table = {}
        expect(type(found) is list, "abbreviations: not a list")
        for entry in found:
            expect(type(entry) is list and len(entry) == 2, "abbreviations: malformed")
            short, long = (tuple(strings(words, "abbreviation")) for words in entry)
            ok = short and long and short != long and len(short) <= MAX_ABBREVIATION_WORDS
            expect(bool(ok) and all(short) and all(long), "abbreviations: not an abbreviation")
            table[short] = long
        expander = cls.__new__(cls)
        expander._use(table)
        return expander

    def expand(self, words: tuple[str, ...]) -> tuple[str, ...]:
        if self._firsts.isdisjoint(words):
            return words
        out: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(self._longest, len(words) - i), 0, -1):
                value = self._table.get(words[i : i + size])
                if value is not None:
                    out.extend(value)
                    i += size
                    break
            else:
                out.append(words[i])
                i += 1
        return tuple(out)

    def form(self, text: str) -> Form:
        words = tokens(text)
        shape = self._shapes.get(words)
        if shape is None:
            # names written several ways ("Data analysis", "data-analysis") share their words
            if len(self._shapes) >= SHAPES_KEPT:
                self._shapes.clear()
            shape = self._shapes[words] = self._shape(words)
        return Form(text, *shape)

    def keys(self, text: str) -> Keys | None:
        """What the exact and alias layers look TEXT up by: its form's keys without the rest (no stems),
        for scanning running text, where most phrases tried match nothing; None for a text without words."""
        words = tokens(text)
        if not words:
            return None
        shape = self._shapes.get(words)
        if shape is not None:
            return Keys(shape[4], shape[5], shape[6], shape[7], shape[1] != words)
        expanded = self.expand(words)
        key, short = " ".join(words), _compact(words)
        if expanded == words:
            return Keys(key, short, key, short, False)
        return Keys(key, short, " ".join(expanded), _compact(expanded), True)

    def _shape(self, words: tuple[str, ...]) -> _Shape:
        """A form's fields after ``text``: they depend on the words alone.

        Forms of one shape share its tuples, and equal fields of a shape are one tuple, so an
        index holds each of them once in memory.
        """
        expanded = self.expand(words)
        if expanded == words:
            expanded = words
        content = tuple(w for w in expanded if w not in STOPS)
        if not content or content == expanded:
            content = expanded
        key, short = " ".join(words), _compact(words)
        if expanded == words:
            long_key, long_short = key, short
        else:
            long_key, long_short = " ".join(expanded), _compact(expanded)
        stems = tuple(map(stem, content))
        if stems == content:
            stems = content
        return (words, expanded, content, stems, key, short, long_key, long_short)
