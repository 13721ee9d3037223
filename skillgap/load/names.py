"""Where a file names skills: each skill name, alias and required skill, with its path and position.

`skillgap validate` warns about a name that has nothing to match by (symbols or emoji only): such a name
matches no other name. Whether a name has words is the matcher's to say, so the caller passes the test
in (the loading layer does not import the matcher).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from skillgap.errors import Problem
from skillgap.kinds import Kind
from skillgap.load.fields import join
from skillgap.load.source import PosList, PosMap

Pos = tuple[int | None, int | None]
Named = tuple[str, str, str, Pos]  # what it is, the name, its path in the document, where it is

HINT = "name the skill in words, in any script"


def named_skills(kind: Kind, data: Any) -> Iterator[Named]:
    """Every skill name a parsed document of KIND gives, as written (shorthand mappings included)."""
    if not isinstance(data, PosMap):
        return
    if kind is Kind.PROFILE:
        yield from _names(data, "skills", "name", "skill name")
    elif kind is Kind.ROLE:
        yield from _names(data, "requirements", "skill", "required skill")
    elif kind is Kind.CATALOG:
        credentials = data.get("credentials")
        for index, item in _items(credentials):
            if isinstance(item, PosMap):
                path = join("credentials", index)
                yield from _names(item, "skills", "name", "skill name", path, shorthand=False)
    elif kind is Kind.TAXONOMY:
        skills = data.get("skills")
        for index, item in _items(skills):
            path = join("skills", index)
            if isinstance(item, str):
                yield "skill name", item, path, _item_pos(skills, index)
            elif isinstance(item, PosMap):
                name = item.get("name")
                if isinstance(name, str):
                    yield "skill name", name, join(path, "name"), item.pos("name")
                aliases = item.get("aliases")
                if isinstance(aliases, str):
                    yield "alias", aliases, join(path, "aliases"), item.pos("aliases")
                for k, alias in _items(aliases):
                    if isinstance(alias, str):
                        yield "alias", alias, join(join(path, "aliases"), k), _item_pos(aliases, k)


def wordless_names(kind: Kind, data: Any, has_words: Callable[[str], bool], file: str) -> list[Problem]:
    """A warning for each skill name, alias or required skill that normalises to nothing."""
    verdicts: dict[str, bool] = {}  # a large catalog repeats its names: each is judged once
    found: list[Problem] = []
    for what, name, path, pos in named_skills(kind, data):
        name = name.strip()
        if not name:
            continue  # the reader reports an empty name already
        ok = verdicts.get(name)
        if ok is None:
            ok = verdicts[name] = has_words(name)
        if not ok:
            message = f"{what} {name!r} has no letters or digits, so it matches no other name"
            found.append(Problem(file, message, pos[0], pos[1], path, HINT))
    return found


def _names(
    data: PosMap, key: str, field: str, what: str, prefix: str = "", shorthand: bool = True
) -> Iterator[Named]:
    raw = data.get(key)
    path = join(prefix, key) if prefix else key
    if isinstance(raw, PosMap) and shorthand:  # `skill name: level`
        for name in raw:
            if isinstance(name, str):
                yield what, name, f"{path}.{name}", raw.key_at(name)
        return
    for index, item in _items(raw):
        if isinstance(item, PosMap) and isinstance(item.get(field), str):
            yield what, item[field], join(join(path, index), field), item.pos(field)


def _items(value: Any) -> Iterator[tuple[int, Any]]:
    return enumerate(value) if isinstance(value, list) else iter(())


def _item_pos(value: Any, index: int) -> Pos:
    return value.pos(index) if isinstance(value, PosList) else (None, None)
