"""A catalog's credentials as the cache keeps them: in columns, one per field, each credential built into a
`Credential` only when something asks for that one.

A warm run over a 100,000-credential catalog ranks the few hundred credentials that teach a gap skill; it
should not build the other 99,000 first. So the columns are plain data (`skillgap.parts`): text joined into
one string with where each piece ends, numbers in arrays, repeated values (providers, skill names, formats)
as a table and an index into it per credential. Packing walks each field once, as a column, rather than
each credential; unpacking checks every column whole (types, lengths, ranges, every index inside its
table, every choice one the readers accept) before anything is built, so a credential built later from
checked columns is always a credential the readers could have made, and building it cannot fail.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from itertools import accumulate, repeat
from math import inf
from operator import is_
from typing import Any, overload

from skillgap.levels import MAX_LEVEL, MIN_LEVEL
from skillgap.model import (
    ESTIMABLE_FIELDS,
    PROVIDER_TYPES,
    CatalogLookup,
    Credential,
    CredentialSkill,
    Origin,
    id_key,
)
from skillgap.parts import Part, Parts, below, ends, expect, strings

_NONE = type(None)
_NO_NUMBER = inf  # a number column's None: no figure a reader accepts is infinite
_NO_POSITION = -1


class Unpackable(ValueError):
    """Credentials holding something the columns have no place for (the cache then keeps no entry)."""


# --- columns ---------------------------------------------------------------------------------------------


class _Texts:
    """One text (or None) per credential: all of them as one string, and where each ends in it."""

    __slots__ = ("_text", "_ends", "_none")

    def __init__(self, text: str, found: array[int], none: bytes | None) -> None:
        self._text, self._ends, self._none = text, found, none

    def __getitem__(self, i: int) -> str | None:
        if self._none is not None and self._none[i]:
            return None
        return self._text[self._ends[i - 1] if i else 0 : self._ends[i]]

    def all(self) -> list[str | None]:
        text, none = self._text, self._none
        starts = [0, *self._ends][:-1]
        found: list[str | None] = [text[a:b] for a, b in zip(starts, self._ends, strict=True)]
        if none is not None:
            found = [None if n else t for t, n in zip(found, none, strict=True)]
        return found

    @staticmethod
    def pack(name: str, values: list[Any], out: dict[str, Part], optional: bool) -> None:
        _expect_types(values, {str, _NONE} if optional else {str}, name)
        if optional and None in values:
            out[f"{name}.none"] = bytes(map(is_, values, repeat(None)))
            values = ["" if v is None else v for v in values]
        out[name] = "".join(values)
        out[f"{name}.ends"] = array("Q", accumulate(map(len, values)))

    @classmethod
    def unpack(cls, name: str, parts: Parts, count: int, optional: bool, blank: bool = False) -> _Texts:
        """BLANK: whether a text may be empty (the readers never keep an empty one in a required field)."""
        text, found = parts.text(name), parts.array(f"{name}.ends", "Q")
        ends(found, len(text), count, name, strict=not (optional or blank))
        none = parts.bytes(f"{name}.none") if optional and f"{name}.none" in parts else None
        if none is not None:
            expect(len(none) == count and (not count or max(none) <= 1), f"{name}: a malformed list of None")
        return cls(text, found, none)


class _Choices:
    """One of a few values per credential: a table of the values and an index into it per credential."""

    __slots__ = ("_table", "_codes")

    def __init__(self, table: list[Any], codes: array[int]) -> None:
        self._table, self._codes = table, codes

    def __getitem__(self, i: int) -> Any:
        return self._table[self._codes[i]]

    def all(self) -> list[Any]:
        return list(map(self._table.__getitem__, self._codes))

    @staticmethod
    def pack(name: str, values: list[Any], out: dict[str, Part], kinds: set[type]) -> None:
        _expect_types(values, kinds, name)
        table = list(dict.fromkeys(values))
        index = {value: i for i, value in enumerate(table)}
        out[name] = table
        out[f"{name}.codes"] = array("I", map(index.__getitem__, values))

    @classmethod
    def unpack(
        cls, name: str, parts: Parts, count: int, optional: bool, allowed: Collection[str] | None = None
    ) -> _Choices:
        table = strings(parts.json(name), name, optional=optional)
        if allowed is not None:
            expect(set(table) - {None} <= set(allowed), f"{name}: a value the readers do not accept")
        codes = parts.array(f"{name}.codes", "I")
        expect(len(codes) == count, f"{name}: {len(codes)} values, not {count}")
        below(codes, len(table), name)
        return cls(table, codes)


class _Lists:
    """A list of text per credential (prerequisites, pathways): the texts as a column of choices."""

    __slots__ = ("_items", "_ends")

    def __init__(self, items: _Choices, found: array[int]) -> None:
        self._items, self._ends = items, found

    def __getitem__(self, i: int) -> tuple[str, ...]:
        start, end = self._ends[i - 1] if i else 0, self._ends[i]
        if start == end:
            return ()
        return tuple(self._items[j] for j in range(start, end))

    @staticmethod
    def pack(name: str, values: list[Any], out: dict[str, Part]) -> None:
        _expect_types(values, {tuple}, name)
        _Choices.pack(name, [item for items in values for item in items], out, {str})
        out[f"{name}.ends"] = array("Q", accumulate(map(len, values)))

    @classmethod
    def unpack(cls, name: str, parts: Parts, count: int) -> _Lists:
        found = parts.array(f"{name}.ends", "Q")
        total = found[-1] if found else 0
        items = _Choices.unpack(name, parts, total, optional=False)
        ends(found, total, count, name)
        return cls(items, found)


def _numbers(values: list[Any], name: str) -> array[float]:
    _expect_types(values, {float, int, _NONE}, name)
    try:
        return array("d", [_NO_NUMBER if v is None else v for v in values])
    except OverflowError:
        raise Unpackable(f"{name}: a number too large for a float") from None


def _unpack_numbers(name: str, parts: Parts, count: int) -> array[float]:
    found = parts.array(name, "d")  # (NaN refused there)
    expect(len(found) == count and (not count or min(found) >= 0), f"{name}: a malformed column of numbers")
    return found


def _number(value: float) -> float | None:
    return None if value == _NO_NUMBER else value


def _expect_types(values: Iterable[Any], kinds: set[type], name: str) -> None:
    if not set(map(type, values)) <= kinds:
        raise Unpackable(f"{name}: a value of a type the cache does not keep")


# --- the credentials -------------------------------------------------------------------------------------

# each field, and whether it may be None
_TEXTS = {"id": False, "title": False, "url": True, "description": True, "source_id": True,
          "eligibility": True}  # fmt: skip
_CHOICES = {"provider": False, "provider_type": False, "type": True, "currency": True, "format": True,
            "assessment": True}  # fmt: skip
_NUMBERS = ("hours", "cost", "credits")
_LISTS = ("prerequisites", "stacks_into")
_ESTIMABLE = {name: 1 << bit for bit, name in enumerate(ESTIMABLE_FIELDS)}


class PackedCredentials(Sequence[Credential]):
    """An immutable sequence of credentials kept as columns; each is built on first access, then kept."""

    __slots__ = ("_count", "_texts", "_choices", "_numbers", "_lists", "_estimated", "_origins", "_skills",
                 "_skill_ends", "_made", "_built")  # fmt: skip

    def __init__(self, count: int, columns: Mapping[str, Any]) -> None:
        self._count = count
        self._texts: dict[str, _Texts] = columns["texts"]
        self._choices: dict[str, _Choices] = columns["choices"]
        self._numbers: dict[str, array[float]] = columns["numbers"]
        self._lists: dict[str, _Lists] = columns["lists"]
        self._estimated: bytes = columns["estimated"]
        self._origins: tuple[_Choices, array[int], array[int]] = columns["origins"]
        self._skills: tuple[_Choices, bytes, _Choices, array[int]] = columns["skills"]
        self._skill_ends: array[int] = columns["skill_ends"]
        self._made: list[CredentialSkill | None] = [None] * len(self._skills[1])  # each distinct skill, once
        self._built: dict[int, Credential] = {}

    # --- packing ---------------------------------------------------------------------------------------

    @staticmethod
    def pack(credentials: Sequence[Credential]) -> dict[str, Part]:
        """The columns of these credentials (Unpackable if a field holds what the readers never make)."""
        out: dict[str, Part] = {"count": len(credentials)}
        for name, optional in _TEXTS.items():
            _Texts.pack(name, [getattr(c, name) for c in credentials], out, optional)
        for name, optional in _CHOICES.items():
            _Choices.pack(
                name, [getattr(c, name) for c in credentials], out, {str, _NONE} if optional else {str}
            )
        for name in _NUMBERS:
            out[name] = _numbers([getattr(c, name) for c in credentials], name)
        for name in _LISTS:
            _Lists.pack(name, [getattr(c, name) for c in credentials], out)
        out["estimated"] = bytes(_estimated(c.estimated) for c in credentials)
        _pack_origins([c.origin for c in credentials], out)
        _pack_skills([c.skills for c in credentials], out)
        return out

    @classmethod
    def unpack(cls, parts: Parts, choices: Mapping[str, Collection[str]]) -> PackedCredentials:
        """Credentials from checked columns (Unusable for anything a reader would not have made); CHOICES
        names what each choice field may hold, besides the provider types the model names."""
        count = parts.json("count")
        expect(type(count) is int and count >= 0, "count: not a number of credentials")
        allowed = {"provider_type": PROVIDER_TYPES, **choices}
        estimated = parts.bytes("estimated")
        expect(len(estimated) == count, "estimated: not one per credential")
        expect(not count or max(estimated) < 1 << len(ESTIMABLE_FIELDS), "estimated: an unknown field")
        columns = {
            "texts": {name: _Texts.unpack(name, parts, count, opt) for name, opt in _TEXTS.items()},
            "choices": {
                name: _Choices.unpack(name, parts, count, opt, allowed.get(name))
                for name, opt in _CHOICES.items()
            },
            "numbers": {name: _unpack_numbers(name, parts, count) for name in _NUMBERS},
            "lists": {name: _Lists.unpack(name, parts, count) for name in _LISTS},
            "estimated": estimated,
            "origins": _unpack_origins(parts, count),
            **_unpack_skills(parts, count),
        }
        return cls(count, columns)

    # --- the sequence ----------------------------------------------------------------------------------

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Credential: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Credential, ...]: ...

    def __getitem__(self, index: int | slice) -> Credential | tuple[Credential, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._count)))
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("credential index out of range")
        built = self._built.get(index)
        if built is None:
            built = self._built[index] = self._build(index)
        return built

    def _build(self, i: int) -> Credential:
        values: dict[str, Any] = {name: column[i] for name, column in self._texts.items()}
        values.update((name, column[i]) for name, column in self._choices.items())
        values.update((name, _number(column[i])) for name, column in self._numbers.items())
        values.update((name, column[i]) for name, column in self._lists.items())
        mask = self._estimated[i]
        values["estimated"] = frozenset(name for name, bit in _ESTIMABLE.items() if mask & bit)
        files, lines, cols = self._origins
        file = files[i]
        if file is not None:
            line, col = lines[i], cols[i]
            values["origin"] = Origin(file, None if line < 0 else line, None if col < 0 else col)
        start, end = self._skill_ends[i - 1] if i else 0, self._skill_ends[i]
        values["skills"] = tuple(self._skill(self._skills[3][j]) for j in range(start, end))
        return Credential.of(values)

    def _skill(self, j: int) -> CredentialSkill:
        made = self._made[j]
        if made is None:
            names, levels, idents, _ = self._skills
            made = self._made[j] = CredentialSkill(names[j], levels[j], idents[j])
        return made

    def __iter__(self) -> Iterator[Credential]:
        return (self[i] for i in range(self._count))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<{self._count} packed credentials>"

    def lookup(self) -> CatalogLookup:
        """`CatalogLookup.of(self)`, from the columns: no credential is built."""
        ids: list[str] = self._texts["id"].all()  # type: ignore[assignment]
        titles: list[str] = self._texts["title"].all()  # type: ignore[assignment]
        sources: dict[str, list[int]] = {}
        for index, source in enumerate(self._texts["source_id"].all()):
            if source:
                sources.setdefault(id_key(source), []).append(index)
        stacks: dict[str, list[int]] = {}
        stacking = self._lists["stacks_into"]
        for index in range(self._count):
            for pathway in stacking[index]:
                stacks.setdefault(pathway, []).append(index)
        price = (array("d", self._numbers["cost"]), array("d", self._numbers["hours"]), tuple(ids))
        return CatalogLookup(
            dict(zip(ids, range(self._count), strict=True)),
            dict(zip(map(str.casefold, titles), range(self._count), strict=True)),
            {key: tuple(found) for key, found in sources.items()},
            price,
            {key: tuple(found) for key, found in stacks.items()},
        )


def _estimated(fields: frozenset[str]) -> int:
    if not fields:
        return 0
    if type(fields) is not frozenset or not fields <= _ESTIMABLE.keys():
        raise Unpackable("estimated: a field that cannot be estimated")
    return sum(_ESTIMABLE[name] for name in fields)


def _pack_origins(origins: list[Origin | None], out: dict[str, Part]) -> None:
    _expect_types(origins, {Origin, _NONE}, "origin")
    _Choices.pack("origin.file", [o.file if o else None for o in origins], out, {str, _NONE})
    for name in ("line", "col"):
        found = [getattr(o, name) if o else None for o in origins]
        _expect_types(found, {int, _NONE}, f"origin.{name}")
        try:
            out[f"origin.{name}"] = array("q", [_NO_POSITION if v is None else v for v in found])
        except OverflowError:
            raise Unpackable(f"origin.{name}: a position too large") from None


def _unpack_origins(parts: Parts, count: int) -> tuple[_Choices, array[int], array[int]]:
    files = _Choices.unpack("origin.file", parts, count, optional=True)
    lines, cols = parts.array("origin.line", "q"), parts.array("origin.col", "q")
    for name, found in (("line", lines), ("col", cols)):
        expect(len(found) == count and (not count or min(found) >= _NO_POSITION), f"origin.{name}: malformed")
    return files, lines, cols


def _pack_skills(skills: list[tuple[CredentialSkill, ...]], out: dict[str, Part]) -> None:
    """Each distinct skill entry once (the reading shares one object per distinct entry across a file),
    and each credential's skills as indexes into them."""
    _expect_types(skills, {tuple}, "skills")
    flat = [skill for entries in skills for skill in entries]
    _expect_types(flat, {CredentialSkill}, "skills")
    distinct = list({id(skill): skill for skill in flat}.values())
    index = {id(skill): i for i, skill in enumerate(distinct)}
    _Choices.pack("skill.name", [s.name for s in distinct], out, {str})
    levels = [s.level for s in distinct]
    _expect_types(levels, {int}, "skill.level")
    if levels and not (MIN_LEVEL <= min(levels) and max(levels) <= MAX_LEVEL):
        raise Unpackable("skill.level: out of range")
    out["skill.level"] = bytes(levels)
    _Choices.pack("skill.id", [s.id for s in distinct], out, {str, _NONE})
    out["skills"] = array("I", map(index.__getitem__, map(id, flat)))
    out["skills.ends"] = array("Q", accumulate(map(len, skills)))


def _unpack_skills(parts: Parts, count: int) -> dict[str, Any]:
    levels = parts.bytes("skill.level")
    distinct = len(levels)
    if distinct:
        expect(MIN_LEVEL <= min(levels) and max(levels) <= MAX_LEVEL, "skill.level: out of range")
    names = _Choices.unpack("skill.name", parts, distinct, optional=False)
    expect(all(names._table), "skill.name: an empty name")
    idents = _Choices.unpack("skill.id", parts, distinct, optional=True)
    listed = parts.array("skills", "I")
    below(listed, distinct, "skills")
    found = parts.array("skills.ends", "Q")
    ends(found, len(listed), count, "skills.ends", strict=True)  # every credential teaches a skill
    return {"skills": (names, levels, idents, listed), "skill_ends": found}
