"""Which credentials teach each skill, and to what level: the index that ranking starts from.

The parent builds it from the credentials it read (world.py), or from what the child that builds the
matcher ahead noted by skill name while it walked the parsed files (ahead.py), joining the names of one
skill once the child has keyed them. Both give the same index.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Mapping

from skillgap.model import Taught

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


def join_names(by_name: Mapping[str, Entries], key_of: Mapping[str, str]) -> dict[str, Taught]:
    """The index by skill key from one by skill name (names in the order first met)."""
    names_of: dict[str, list[str]] = {}
    for name in by_name:
        names_of.setdefault(key_of[name], []).append(name)
    index: dict[str, Taught] = {}
    for key, names in names_of.items():
        if len(names) == 1:
            indexes, levels = by_name[names[0]]
            index[key] = Taught(indexes, bytes(levels))
            continue
        best: dict[int, int] = {}
        for name in names:
            for i, level in zip(*by_name[name], strict=True):
                if best.get(i, -1) < level:
                    best[i] = level
        ordered = sorted(best)
        index[key] = Taught(array("I", ordered), bytes(best[i] for i in ordered))
    return index
