"""Which credentials teach each skill, and to what level: the index that ranking starts from.

The parent builds it from the credentials it read (world.py), or from what the child that builds the
matcher ahead noted by skill name while it walked the parsed files (ahead.py), joining the names of one
skill once the child has keyed them. Both give the same index. As plain data (`to_data`, `from_data`) it
is three blocks whatever its size: the cache keeps it so, and the child sends what it noted so.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Mapping

from skillgap.levels import MAX_LEVEL
from skillgap.model import Taught
from skillgap.parts import Part, Parts, below, ends, expect, strings

Entries = tuple["array[int]", bytearray]  # credential indexes, ascending, and the level each teaches


def add(found: dict[str, Entries], key: str, index: int, level: int) -> None:
    """Credential INDEX teaches KEY to LEVEL (credentials are added in index order; the highest level
    counts when one credential lists two names of a skill)."""
    entry = found.get(key)
    if entry is None:
        found[key] = (array("I", (index,)), bytearray((level,)))
        return
    indexes, levels = entry
    if indexes[-1] != index:
        indexes.append(index)
        levels.append(level)
    elif levels[-1] < level:
        levels[-1] = level


def index_teaching(rows: Iterable[Iterable[tuple[str, int]]]) -> dict[str, Taught]:
    """skill key -> the credentials (by index) that teach it, and the highest level each teaches it to,
    from each credential's (skill key, level) pairs in catalog order."""
    found: dict[str, Entries] = {}
    for index, row in enumerate(rows):
        for key, level in row:
            add(found, key, index, level)
    return {key: Taught(indexes, bytes(levels)) for key, (indexes, levels) in found.items()}


def join_names(by_name: Mapping[str, Taught], key_of: Mapping[str, str]) -> dict[str, Taught]:
    """The index by skill key from one by skill name (names in the order first met)."""
    names_of: dict[str, list[str]] = {}
    for name in by_name:
        names_of.setdefault(key_of[name], []).append(name)
    index: dict[str, Taught] = {}
    for key, names in names_of.items():
        if len(names) == 1:
            index[key] = by_name[names[0]]
            continue
        best: dict[int, int] = {}
        for name in names:
            for i, level in by_name[name].pairs():
                if best.get(i, -1) < level:
                    best[i] = level
        ordered = sorted(best)
        index[key] = Taught(array("I", ordered), bytes(best[i] for i in ordered))
    return index


def to_data(keys: list[str], taught: Iterable[tuple[array[int], bytes | bytearray]]) -> dict[str, Part]:
    """An index (each key's credential indexes and levels, in the keys' order) as plain data."""
    indexes, levels, found = array("I"), bytearray(), array("Q")
    for taught_indexes, taught_levels in taught:
        indexes.extend(taught_indexes)
        levels += taught_levels
        found.append(len(indexes))
    return {"keys": keys, "indexes": indexes, "levels": bytes(levels), "ends": found}


def from_data(parts: Parts, credentials: int) -> Kept:
    """The index in PARTS (from `to_data`), checked: every key teaches something, each an index into
    CREDENTIALS credentials, to a level in range."""
    keys = strings(parts.json("keys"), "keys")
    indexes, levels = parts.array("indexes", "I"), parts.bytes("levels")
    found = parts.array("ends", "Q")
    expect(len(levels) == len(indexes), "levels: not one per index")
    below(indexes, credentials, "indexes")
    below(levels, MAX_LEVEL + 1, "levels")  # (MIN_LEVEL is 0)
    ends(found, len(indexes), len(keys), "ends", strict=True)
    kept = Kept(keys, indexes, levels, found)
    expect(len(kept) == len(keys), "keys: a key twice")
    return kept


class Kept(Mapping[str, Taught]):
    """An index as `from_data` checked it: the credentials that teach a key are taken out of the blocks
    when that key is first asked for (ranking asks for the few a person lacks)."""

    def __init__(self, keys: list[str], indexes: array[int], levels: bytes, found: array[int]) -> None:
        self._at = dict(zip(keys, range(len(keys)), strict=True))
        self._indexes, self._levels, self._ends = indexes, levels, found
        self._made: dict[str, Taught] = {}

    def __getitem__(self, key: str) -> Taught:
        made = self._made.get(key)
        if made is None:
            at = self._at[key]
            start, end = self._ends[at - 1] if at else 0, self._ends[at]
            made = self._made[key] = Taught(self._indexes[start:end], self._levels[start:end])
        return made

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)
