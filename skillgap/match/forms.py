"""Names prepared for matching: normalised words, abbreviations expanded, stems."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from skillgap.match.lexicon import (
    ABBREVIATIONS,
    GENERIC_WORDS,
    LEVEL_WORDS,
    QUALIFIER_WORDS,
    STOP_WORDS,
    VENDOR_WORDS,
)
from skillgap.match.stem import stem
from skillgap.match.text import compact, normalize_token, tokens

MAX_ABBREVIATION_WORDS = 3


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


@dataclass(frozen=True, slots=True)
class Form:
    """One name (a query, a canonical name or an alias) as the matcher sees it."""

    text: str
    words: tuple[str, ...]  # normalised (see skillgap.match.text)
    expanded: tuple[str, ...]  # abbreviations expanded
    content: tuple[str, ...]  # expanded, without stop words
    stems: tuple[str, ...]  # one per content word
    key: str
    compact: str
    expanded_key: str
    expanded_compact: str


class Expander:
    """Expands abbreviations word by word, longest match first ("hr mgmt" -> "human resource
    management"). Keys and expansions are normalised like any name."""

    def __init__(self, *tables: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
        self._table: dict[tuple[str, ...], tuple[str, ...]] = {}
        for table in (ABBREVIATIONS, *tables):
            pairs = table.items() if isinstance(table, Mapping) else table
            for short, long in pairs:
                key, value = tokens(short), tokens(long)
                if key and value and key != value and len(key) <= MAX_ABBREVIATION_WORDS:
                    self._table[key] = value
        self._longest = max((len(k) for k in self._table), default=0)
        self._firsts = frozenset(k[0] for k in self._table)

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
        expanded = self.expand(words)
        content = tuple(w for w in expanded if w not in STOPS) or expanded
        key, short = " ".join(words), compact(words)
        if expanded == words:
            long_key, long_short = key, short
        else:
            long_key, long_short = " ".join(expanded), compact(expanded)
        stems = tuple(map(stem, content))
        return Form(text, words, expanded, content, stems, key, short, long_key, long_short)
