"""A catalog's credentials as the cache keeps them: in columns, one per field, each credential built into a
`Credential` only when something asks for that one.

A warm run over a 100,000-credential catalog ranks the few hundred credentials that teach a gap skill; it
should not build the other 99,000 first. So the columns are plain data (`skillgap.parts`): text joined into
one string with where each piece ends, numbers in arrays, repeated values (providers, skill names, formats,
origins) as a table and an index into it per credential. Packing walks each field once, as a column, with
the loops in C where it can; unpacking checks every column whole (types, lengths, ranges, every index
inside its table, every choice one the readers accept) before anything is built, so a credential built
later from checked columns is always one the readers could have made, and building it cannot fail.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from datetime import date
from itertools import accumulate, chain, compress, repeat
from math import inf
from operator import attrgetter, is_, le, not_
from typing import Any, overload

from skillgap.dates import WrittenDate
from skillgap.levels import MAX_LEVEL, MIN_LEVEL
from skillgap.model import (
    CONDITION_KINDS,
    DEGREES,
    ESTIMABLE_FIELDS,
    PROVIDER_TYPES,
    CatalogLookup,
    Condition,
    Credential,
    CredentialSkill,
    Eligibility,
    Origin,
    Route,
    id_key,
)
from skillgap.parts import Part, Parts, below, codes, ends, expect, strings

assert MIN_LEVEL == 0  # (levels are checked as indexes into the levels there are)
_NONE = type(None)
_NO_NUMBER = inf  # a number column's None: no figure a reader accepts is infinite
_NO_POSITION = -1  # an origin's line or column that is not known


class Unpackable(ValueError):
    """Credentials holding something the columns have no place for (the cache then keeps no entry)."""


def _expect_types(values: Iterable[Any], kinds: set[type], name: str) -> None:
    if not set(map(type, values)) <= kinds:
        raise Unpackable(f"{name}: a value of a type the cache does not keep")


def _by_identity(values: list[Any]) -> tuple[list[Any], array[int]]:
    """Each distinct object among VALUES once (the reading shares one object per distinct skill entry
    and one origin per file), and the place of each value's object among them."""
    ids = list(map(id, values))
    objects = dict(zip(ids, values, strict=True))
    place = dict(zip(objects, range(len(objects)), strict=True))
    return list(objects.values()), codes(map(place.__getitem__, ids), len(place))


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

    def present(self) -> Iterator[int]:
        """The credentials that have a text in this column."""
        everyone = range(len(self._ends))
        return iter(everyone) if self._none is None else compress(everyone, map(not_, self._none))

    @staticmethod
    def pack(name: str, values: list[Any], out: dict[str, Part], optional: bool) -> None:
        if optional:
            none = bytes(map(is_, values, repeat(None)))
            if any(none):
                out[f"{name}.none"] = none
                values = ["" if v is None else v for v in values]
        try:
            out[name] = "".join(values)
        except TypeError:
            raise Unpackable(f"{name}: a value that is not text") from None
        out[f"{name}.ends"] = array("Q", accumulate(map(len, values)))

    @classmethod
    def unpack(cls, name: str, parts: Parts, count: int, optional: bool) -> _Texts:
        """(Where each text ends needs no more checking than its length: a slice of a string, wherever it
        starts and ends, is a string.)"""
        text, found = parts.text(name), parts.array(f"{name}.ends", "Q")
        expect(len(found) == count and (found[-1] if found else 0) == len(text), f"{name}: malformed")
        none = parts.bytes(f"{name}.none") if optional and f"{name}.none" in parts else None
        if none is not None:
            expect(len(none) == count and max(none, default=0) <= 1, f"{name}: a malformed list of None")
        return cls(text, found, none)


class _Choices:
    """One of a few values per credential: a table of the values and an index into it per credential."""

    __slots__ = ("table", "_codes")

    def __init__(self, table: list[Any], found: array[int]) -> None:
        self.table, self._codes = table, found

    def __getitem__(self, i: int) -> Any:
        return self.table[self._codes[i]]

    def all(self, count: int) -> list[Any]:
        """Every credential's value, in order (COUNT of them: the column's length)."""
        return list(map(self.table.__getitem__, self._codes[:count]))

    @staticmethod
    def pack(name: str, values: list[Any], out: dict[str, Part], optional: bool) -> None:
        table = list(dict.fromkeys(values))
        _expect_types(table, {str, _NONE} if optional else {str}, name)
        place = dict(zip(table, range(len(table)), strict=True))
        out[name] = table
        out[f"{name}.codes"] = codes(map(place.__getitem__, values), len(table))

    @classmethod
    def unpack(
        cls, name: str, parts: Parts, count: int, optional: bool, allowed: Collection[str] | None = None
    ) -> _Choices:
        table = strings(parts.json(name), name, optional=optional)
        expect("" not in table, f"{name}: an empty text")
        if allowed is not None:
            expect(set(table) - {None} <= set(allowed), f"{name}: a value the readers do not accept")
        found = parts.codes(f"{name}.codes")
        expect(len(found) == count, f"{name}: {len(found)} values, not {count}")
        below(found, len(table), name)
        return cls(table, found)


class _Lists:
    """A list of text per credential (prerequisites, pathways): every item as a column of choices, and the
    credential each item belongs to, in order."""

    __slots__ = ("_items", "_owners")

    def __init__(self, items: _Choices, owners: array[int]) -> None:
        self._items, self._owners = items, owners

    def __getitem__(self, i: int) -> tuple[str, ...]:
        start = bisect_left(self._owners, i)
        end = bisect_right(self._owners, i, start)
        return tuple(self._items[j] for j in range(start, end))

    def pairs(self) -> Iterator[tuple[int, str]]:
        """(credential, item) for every item."""
        return zip(self._owners, map(self._items.__getitem__, range(len(self._owners))), strict=True)

    @staticmethod
    def pack(name: str, values: list[Any], out: dict[str, Part]) -> None:
        _expect_types(values, {tuple}, name)
        _Choices.pack(name, list(chain.from_iterable(values)), out, optional=False)
        out[f"{name}.owners"] = array(
            "I", chain.from_iterable(map(repeat, range(len(values)), map(len, values)))
        )

    @classmethod
    def unpack(cls, name: str, parts: Parts, count: int) -> _Lists:
        owners = parts.array(f"{name}.owners", "I")
        below(owners, count, name)
        expect(all(map(le, owners, owners[1:])), f"{name}: out of order")
        return cls(_Choices.unpack(name, parts, len(owners), optional=False), owners)


class Origins:
    """Where each of a run of things (credentials, pathways, skills) was read: each distinct origin once
    (one per file, as the fast reading gives them), and an index into them for each thing."""

    __slots__ = ("_table", "_codes")

    def __init__(self, table: list[Origin | None], found: array[int]) -> None:
        self._table, self._codes = table, found

    def __getitem__(self, i: int) -> Origin | None:
        return self._table[self._codes[i]]

    def all(self) -> list[Origin | None]:
        return list(map(self._table.__getitem__, self._codes))

    @staticmethod
    def pack(name: str, origins: list[Any], out: dict[str, Part]) -> None:
        objects, by_object = _by_identity(origins)  # (in C: most share one object)
        _expect_types(objects, {Origin, _NONE}, name)
        values = [None if o is None else (o.file, o.line, o.col) for o in objects]
        distinct = list(dict.fromkeys(values))  # (equal origins made apart: a pathway's, a skill's)
        place = dict(zip(distinct, range(len(distinct)), strict=True))
        by_value = [place[value] for value in values]
        out[f"{name}.file"] = [None if o is None else o[0] for o in distinct]
        for at, field in ((1, "line"), (2, "col")):
            found = [None if o is None else o[at] for o in distinct]
            _expect_types(found, {int, _NONE}, f"{name}.{field}")
            try:
                out[f"{name}.{field}"] = array("q", [_NO_POSITION if v is None else v for v in found])
            except OverflowError:
                raise Unpackable(f"{name}.{field}: a position too large") from None
        out[f"{name}.codes"] = codes(map(by_value.__getitem__, by_object), len(distinct))

    @classmethod
    def unpack(cls, name: str, parts: Parts, count: int) -> Origins:
        files = strings(parts.json(f"{name}.file"), f"{name}.file", optional=True)
        lines, cols = parts.array(f"{name}.line", "q"), parts.array(f"{name}.col", "q")
        for found in (lines, cols):
            expect(len(found) == len(files) and min(found, default=0) >= _NO_POSITION, f"{name}: malformed")
        table = [
            None if file is None else Origin(file, None if line < 0 else line, None if col < 0 else col)
            for file, line, col in zip(files, lines, cols, strict=True)
        ]
        found = parts.codes(f"{name}.codes")
        expect(len(found) == count, f"{name}: not one each")
        below(found, len(table), name)
        return cls(table, found)


class _Skills:
    """The skills each credential teaches: each distinct skill entry once (name, level and id as columns),
    and each credential's as indexes into them."""

    __slots__ = ("_names", "_levels", "_ids", "_listed", "_ends", "_made")

    def __init__(
        self, names: _Choices, levels: bytes, ids: _Choices, listed: array[int], found: array[int]
    ) -> None:
        self._names, self._levels, self._ids = names, levels, ids
        self._listed, self._ends = listed, found
        self._made: list[CredentialSkill | None] = [None] * len(levels)  # each built once, then shared

    def __getitem__(self, i: int) -> tuple[CredentialSkill, ...]:
        start, end = self._ends[i - 1] if i else 0, self._ends[i]
        return tuple(map(self._skill, self._listed[start:end]))

    def _skill(self, j: int) -> CredentialSkill:
        made = self._made[j]
        if made is None:
            made = self._made[j] = CredentialSkill(self._names[j], self._levels[j], self._ids[j])
        return made

    @staticmethod
    def pack(name: str, skills: list[Any], out: dict[str, Part]) -> None:
        _expect_types(skills, {tuple}, name)
        distinct, listed = _by_identity(list(chain.from_iterable(skills)))
        _expect_types(distinct, {CredentialSkill}, name)
        _Choices.pack(f"{name}.name", list(map(attrgetter("name"), distinct)), out, optional=False)
        levels = list(map(attrgetter("level"), distinct))
        _expect_types(levels, {int}, f"{name}.level")
        if not MIN_LEVEL <= min(levels, default=MIN_LEVEL) <= max(levels, default=MIN_LEVEL) <= MAX_LEVEL:
            raise Unpackable(f"{name}.level: out of range")
        out[f"{name}.level"] = bytes(levels)  # (MIN_LEVEL is 0: a level is its own index into the levels)
        _Choices.pack(f"{name}.id", list(map(attrgetter("id"), distinct)), out, optional=True)
        out[name] = listed
        out[f"{name}.ends"] = array("Q", accumulate(map(len, skills)))

    @classmethod
    def unpack(cls, name: str, parts: Parts, count: int) -> _Skills:
        levels = parts.bytes(f"{name}.level")
        below(levels, MAX_LEVEL + 1, f"{name}.level")
        names = _Choices.unpack(f"{name}.name", parts, len(levels), optional=False)
        ids = _Choices.unpack(f"{name}.id", parts, len(levels), optional=True)
        listed = parts.codes(name)
        below(listed, len(levels), name)
        found = parts.array(f"{name}.ends", "Q")
        ends(found, len(listed), count, f"{name}.ends", strict=True)  # every credential teaches a skill
        return cls(names, levels, ids, listed, found)


def _numbers(values: list[Any], name: str) -> array[float]:
    _expect_types(dict.fromkeys(values), {float, int, _NONE}, name)
    try:
        return array("d", [_NO_NUMBER if v is None else v for v in values])
    except OverflowError:
        raise Unpackable(f"{name}: a number too large for a float") from None


_INFINITY, _MINUS_ZERO = array("Q", array("d", [inf, -0.0]).tobytes())  # their 64 bits, as whole numbers


def _unpack_numbers(name: str, parts: Parts, count: int) -> array[float]:
    """Every number 0 or more, or infinite (None): as 64-bit patterns, the patterns from 0.0's to
    infinity's (a negative number has its top bit set, and every NaN is above infinity), and -0.0's (which
    the readers take: it is not below 0)."""
    found = parts.array(name, "d")
    bits = array("Q", found.tobytes())
    expect(len(found) == count, f"{name}: not one each")
    if max(bits, default=0) > _INFINITY:
        expect(all(b <= _INFINITY or b == _MINUS_ZERO for b in bits), f"{name}: malformed numbers")
    return found


def _pack_dates(name: str, values: list[Any], out: dict[str, Part]) -> None:
    """Dates (or None) as the text they were written as ("2026-11" for a month): reading that text again
    gives the same date, of the same precision."""
    _expect_types(values, {date, WrittenDate, _NONE}, name)
    _Choices.pack(name, [None if v is None else v.isoformat() for v in values], out, optional=True)


def _unpack_dates(name: str, parts: Parts, count: int) -> _Choices:
    column = _Choices.unpack(name, parts, count, optional=True)
    dates = []
    for text in column.table:
        found = None if text is None else _written(text)
        expect(text is None or (found is not None and found.isoformat() == text), f"{name}: not a date")
        dates.append(found)
    column.table = dates
    return column


def _written(text: str) -> date | None:
    """The date TEXT is the isoformat of (YYYY, YYYY-MM: a WrittenDate; YYYY-MM-DD), or None."""
    parts = text.split("-")
    if not 1 <= len(parts) <= 3 or not all(p.isascii() and p.isdigit() for p in parts):
        return None
    try:
        if len(parts) == 3:
            return date(*map(int, parts))
        return WrittenDate(*map(int, parts))
    except ValueError:
        return None


def _number(value: float) -> float | None:
    return None if value == _NO_NUMBER else value


# --- the credentials -------------------------------------------------------------------------------------

# each field, and whether it may be None
_WHOLE = ("id", "title")  # text every lookup reads whole: a JSON list each (which reads fastest whole)
_TEXTS = {"url": True, "description": True, "source_id": True, "eligibility": True, "source": True,
          "note": True}  # fmt: skip
_CHOICES = {"provider": False, "provider_type": False, "type": True, "currency": True, "format": True,
            "assessment": True}  # fmt: skip
_NUMBERS = ("hours", "cost", "credits")
_LISTS = ("prerequisites", "stacks_into")
_ESTIMABLE = {name: 1 << bit for bit, name in enumerate(ESTIMABLE_FIELDS)}
_RARE = ("conditions", "requires")  # few credentials have them: kept by index, as checked plain data
_DATES = ("as_of",)  # a few distinct dates: a table of them as written, and an index into it per credential
_FIELDS = (*_WHOLE, *_TEXTS, *_CHOICES, *_NUMBERS, *_LISTS, *_DATES, "estimated", "origin", "skills", *_RARE)
assert set(_FIELDS) == set(Credential.__dataclass_fields__)  # (every field has its column)


class PackedCredentials(Sequence[Credential]):
    """An immutable sequence of credentials kept as columns; each is built on first access, then kept."""

    __slots__ = ("_count", "_whole", "_texts", "_choices", "_numbers", "_lists", "_dates", "_estimated",
                 "_origins", "_skills", "_rare", "_built")  # fmt: skip

    def __init__(self, count: int, columns: Mapping[str, Any]) -> None:
        self._count = count
        self._whole: dict[str, list[str]] = columns["whole"]
        self._texts: dict[str, _Texts] = columns["texts"]
        self._choices: dict[str, _Choices] = columns["choices"]
        self._numbers: dict[str, array[float]] = columns["numbers"]
        self._lists: dict[str, _Lists] = columns["lists"]
        self._dates: dict[str, _Choices] = columns["dates"]
        self._estimated: bytes = columns["estimated"]
        self._origins: Origins = columns["origins"]
        self._skills: _Skills = columns["skills"]
        self._rare: dict[str, dict[int, Any]] = columns["rare"]
        self._built: dict[int, Credential] = {}

    @staticmethod
    def pack(credentials: Sequence[Credential]) -> dict[str, Part]:
        """The columns of these credentials (Unpackable if a field holds what the readers never make)."""
        out: dict[str, Part] = {"count": len(credentials)}
        # every field as a column, in one walk of the credentials and one turn of the rows (both in C)
        rows = map(attrgetter(*_FIELDS), credentials)
        turned = [list(column) for column in zip(*rows, strict=True)] or [[] for _ in _FIELDS]
        columns = dict(zip(_FIELDS, turned, strict=True))
        for name in _WHOLE:
            out[name] = columns[name]
            _expect_types(out[name], {str}, name)
        out["title.casefold"] = list(map(str.casefold, out["title"]))  # (the lookup's, worked out once)
        for name, optional in _TEXTS.items():
            _Texts.pack(name, columns[name], out, optional)
        for name, optional in _CHOICES.items():
            _Choices.pack(name, columns[name], out, optional)
        for name in _NUMBERS:
            out[name] = _numbers(columns[name], name)
        for name in _LISTS:
            _Lists.pack(name, columns[name], out)
        for name in _DATES:
            _pack_dates(name, columns[name], out)
        estimated = columns["estimated"]
        masks = {fields: _mask(fields) for fields in dict.fromkeys(estimated)}
        out["estimated"] = bytes(map(masks.__getitem__, estimated))
        Origins.pack("origin", columns["origin"], out)
        out["conditions"] = {str(i): c.data() for i, c in enumerate(columns["conditions"]) if c is not None}
        out["requires"] = {
            str(i): [[s.name, s.level, s.id] for s in skills]
            for i, skills in enumerate(columns["requires"])
            if skills
        }
        _Skills.pack("skills", columns["skills"], out)
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
        expect(max(estimated, default=0) < 1 << len(ESTIMABLE_FIELDS), "estimated: an unknown field")
        whole = {name: strings(parts.json(name), name, count) for name in (*_WHOLE, "title.casefold")}
        expect(all(map(all, whole.values())), "an empty id or title")
        columns = {
            "whole": whole,
            "texts": {name: _Texts.unpack(name, parts, count, optional) for name, optional in _TEXTS.items()},
            "choices": {
                name: _Choices.unpack(name, parts, count, optional, allowed.get(name))
                for name, optional in _CHOICES.items()
            },
            "numbers": {name: _unpack_numbers(name, parts, count) for name in _NUMBERS},
            "lists": {name: _Lists.unpack(name, parts, count) for name in _LISTS},
            "dates": {name: _unpack_dates(name, parts, count) for name in _DATES},
            "estimated": estimated,
            "origins": Origins.unpack("origin", parts, count),
            "skills": _Skills.unpack("skills", parts, count),
            "rare": {
                "conditions": _by_index(parts.json("conditions"), count, _eligibility, "conditions"),
                "requires": _by_index(parts.json("requires"), count, _requires, "requires"),
            },
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
        values: dict[str, Any] = {name: self._whole[name][i] for name in _WHOLE}
        values.update((name, column[i]) for name, column in self._texts.items())
        values.update((name, column[i]) for name, column in self._choices.items())
        values.update((name, _number(column[i])) for name, column in self._numbers.items())
        values.update((name, column[i]) for name, column in self._lists.items())
        values.update((name, column[i]) for name, column in self._dates.items())
        mask = self._estimated[i]
        values["estimated"] = frozenset(name for name, bit in _ESTIMABLE.items() if mask & bit)
        values["origin"] = self._origins[i]
        values["skills"] = self._skills[i]
        values["conditions"] = self._rare["conditions"].get(i)
        values["requires"] = self._rare["requires"].get(i, ())
        return Credential.of(values)

    def titles_and_providers(self) -> list[tuple[str, str]]:
        """Each credential's title and provider, read from their columns without building a credential:
        what searching a large catalog reads of every credential."""
        return list(zip(self._whole["title"], self._choices["provider"].all(self._count), strict=True))

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
        count = self._count
        ids, titles = self._whole["id"], self._whole["title.casefold"]
        sources: dict[str, list[int]] = {}
        source_ids = self._texts["source_id"]
        for index in source_ids.present():
            source = id_key(source_ids[index] or "")
            if source:  # an id that is only a scheme or slashes is none
                sources.setdefault(source, []).append(index)
        stacks: dict[str, list[int]] = {}
        for index, pathway in self._lists["stacks_into"].pairs():
            stacks.setdefault(pathway, []).append(index)
        price = (array("d", self._numbers["cost"]), array("d", self._numbers["hours"]), tuple(ids))
        provider, format_ = self._choices["provider"], self._choices["format"]
        offers: dict[tuple[str, str | None], tuple[str, str | None]] = {}  # each distinct pair kept once
        pairs = zip(provider.all(count), format_.all(count), strict=True)
        offered = tuple(offers.setdefault(pair, pair) for pair in pairs)
        providers: dict[str, int] = {}
        for name, _ in offered:
            providers[name] = providers.get(name, 0) + 1
        return CatalogLookup(
            dict(zip(ids, range(count), strict=True)),
            dict(zip(titles, range(count), strict=True)),
            {key: tuple(found) for key, found in sources.items()},
            price,
            {key: tuple(found) for key, found in stacks.items()},
            providers,
            offered,
        )


def _by_index(data: Any, count: int, read: Any, name: str) -> dict[int, Any]:
    """A sparse column ({"index": value}) read back, each value checked by READ (Unusable otherwise)."""
    expect(type(data) is dict, f"{name}: not a mapping")
    found = {}
    for key, value in data.items():
        expect(key.isdigit() and int(key) < count, f"{name}: not a credential's index")
        found[int(key)] = read(value)
    return found


def _text_or_none(value: Any, name: str) -> str | None:
    expect(value is None or (type(value) is str and value != ""), f"{name}: not a text")
    return value  # type: ignore[no-any-return]


def _texts(value: Any, name: str) -> tuple[str, ...]:
    expect(type(value) is list and all(type(v) is str and v for v in value), f"{name}: not a list of texts")
    return tuple(value)


def _amount(value: Any, name: str) -> float | None:
    ok = value is None or (type(value) in (int, float) and 0 <= value < inf)
    expect(ok, f"{name}: not an amount")
    return value  # type: ignore[no-any-return]


def _condition(data: Any, depth: int = 0) -> Condition:
    """A condition from checked plain data: every field of the type and in the range the reader gives."""
    expect(type(data) is list and len(data) == 8 and depth < 8, "conditions: a malformed condition")
    kind, degree, fields, months, hours, credentials, text, options = data
    expect(kind in CONDITION_KINDS, "conditions: an unknown kind")
    expect(degree is None or degree in DEGREES, "conditions: an unknown degree")
    expect(type(options) is list, "conditions: malformed options")
    return Condition(
        kind,
        degree,
        _texts(fields, "conditions"),
        _amount(months, "conditions"),
        _amount(hours, "conditions"),
        _texts(credentials, "conditions"),
        _text_or_none(text, "conditions"),
        tuple(_condition(option, depth + 1) for option in options),
    )


def _eligibility(data: Any) -> Eligibility:
    expect(type(data) is list and len(data) == 3 and type(data[0]) is list, "conditions: malformed")
    routes, source, note = data
    found = []
    for route in routes:
        expect(type(route) is list and len(route) == 2 and type(route[0]) is list, "conditions: a bad route")
        needs, label = route
        found.append(Route(tuple(map(_condition, needs)), _text_or_none(label, "conditions")))
    return Eligibility(tuple(found), _text_or_none(source, "conditions"), _text_or_none(note, "conditions"))


def _requires(data: Any) -> tuple[CredentialSkill, ...]:
    expect(type(data) is list and len(data) > 0, "requires: not a list of skills")
    skills = []
    for item in data:
        expect(type(item) is list and len(item) == 3, "requires: a malformed skill")
        name, level, skill_id = item
        expect(type(name) is str and name != "", "requires: a skill without a name")
        expect(type(level) is int and MIN_LEVEL <= level <= MAX_LEVEL, "requires: a level out of range")
        skills.append(CredentialSkill(name, level, _text_or_none(skill_id, "requires")))
    return tuple(skills)


def _mask(fields: Any) -> int:
    if type(fields) is not frozenset or not fields <= _ESTIMABLE.keys():
        raise Unpackable("estimated: not a set of fields that may be estimated")
    return sum(_ESTIMABLE[name] for name in fields)
