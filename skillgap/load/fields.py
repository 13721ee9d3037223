"""Field-by-field reading of a parsed file into typed values, collecting every problem found.

A `Fields` wraps one mapping of a file and knows its path inside the document (``credentials[3]``), so
each message reads ``FILE:LINE:COL: credentials[3].hours: must be a number from 0 to 100,000 hours, got -1``.
"""

from __future__ import annotations

import difflib
import math
import re
from collections.abc import Iterator, Sequence
from datetime import date
from typing import Any

from skillgap.errors import InputError, Problem
from skillgap.levels import LEVEL_WORDS_TEXT, MAX_LEVEL, MIN_LEVEL, level_named, suggest_level
from skillgap.limits import Range
from skillgap.load.source import PosList, PosMap
from skillgap.model import Origin

LEVEL_HINT = f"use 0-5 or a level name: {LEVEL_WORDS_TEXT}"


def number_text(value: float) -> str:
    """A number as text, even an integer too long for str() (Python refuses past 4,300 digits)."""
    try:
        text = str(value)
    except ValueError:
        return "more than 4,300 digits"
    return text if len(text) <= 40 else f"{text[:12]}...{text[-4:]} ({len(text.lstrip('-'))} digits)"


def shown(value: Any) -> str:
    """A value quoted for a message, short, and never failing (repr() of a huge integer does)."""
    try:
        text = repr(value)
    except ValueError:
        return type_name(value)
    return text if len(text) <= 60 else text[:57] + "..."


def type_name(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()}; YAML reads yes/no/on/off that way)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, (int, float)):
        return f"a number ({number_text(value)})"
    if isinstance(value, date):
        return f"a date ({value})"
    return f"text ({str(value)[:40]!r})"


class Report:
    """The problems found in one file so far."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(
        self,
        message: str,
        pos: tuple[int | None, int | None] = (None, None),
        path: str = "",
        hint: str = "",
    ) -> None:
        self.problems.append(Problem(self.file, message, pos[0], pos[1], path, hint))

    def raise_if_any(self) -> None:
        if self.problems:
            raise InputError(self.problems)


def join(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else str(key)


class Fields:
    """Typed accessors over one mapping; bad values are reported and read as absent."""

    def __init__(self, data: PosMap, report: Report, path: str = "") -> None:
        self.data = data
        self.report = report
        self.path = path

    # -- structure --------------------------------------------------------------------------

    def origin(self) -> Origin:
        return Origin(self.report.file, self.data.line, self.data.col)

    def pos(self, key: str) -> tuple[int | None, int | None]:
        return self.data.pos(key)

    def problem(self, key: str, message: str, hint: str = "") -> None:
        self.report.add(message, self.pos(key), join(self.path, key), hint)

    def check_keys(self, allowed: Sequence[str], required: Sequence[str] = ()) -> None:
        for key in self.data:
            if not isinstance(key, str):
                self.report.add(
                    f"key {shown(key)} must be text",
                    self.data.key_at(key),
                    self.path,
                    hint="quote it",
                )
            elif key not in allowed:
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = f"did you mean {close[0]!r}?" if close else "allowed: " + ", ".join(allowed)
                self.report.add(f"unknown key {key!r}", self.data.key_at(key), self.path, hint)
        for key in required:
            if key not in self.data:
                self.report.add(
                    f"missing required field {key!r}",
                    (self.data.line, self.data.col),
                    self.path,
                )

    # -- scalars ----------------------------------------------------------------------------

    def text(self, key: str, required: bool = False) -> str | None:
        if key not in self.data:
            return None
        value = self.data[key]
        if value is None and not required:
            return None
        return self.as_text(value, key)

    def as_text(self, value: Any, key: str) -> str | None:
        if isinstance(value, str):
            if not value.strip():
                self.problem(key, "must not be empty")
                return None
            return value.strip()
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            text = self.data.text_of(key) or self._number_as_text(value)
            if text is not None:
                return text
            if self.data.line is None:  # read without positions or written text: left to the careful reading
                self.problem(key, f"a number where text belongs ({number_text(value)})", "quote it")
                return None
        hint = "quote it" if isinstance(value, (bool, date)) or value is None else ""
        self.problem(key, f"expected text, got {type_name(value)}", hint)
        return None

    def _number_as_text(self, value: float) -> str | None:
        """A number where text belongs, as text: read with positions, the careful reading kept the text of
        any number not written as Python shows it (010, 0x1F, 1:30), so str() is what was written."""
        return _digits(value) if self.data.line is not None else None

    def number(self, key: str, within: Range) -> float | None:
        """A number in the range (skillgap/limits.py); NaN and infinity are never one."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.problem(key, f"expected a number, got {type_name(value)}")
            return None
        try:
            number = float(value)
        except OverflowError:  # an integer past what a float holds (over 308 digits)
            number = math.inf
        if not within.holds(number):
            self.problem(key, within.problem(number_text(value)))
            return None
        return number

    def level(self, key: str, required: bool = True) -> int | None:
        if key not in self.data:
            if required:
                self.problem(key, f"missing required field {key!r}", LEVEL_HINT)
            return None
        level, message = parse_level(self.data[key])
        if message:
            self.problem(key, message, LEVEL_HINT)
        return level

    def date(self, key: str, end: bool = True) -> date | None:
        """A date; one written as a month or a year stands for its last day (first, with end=False)."""
        value = self.data.get(key)
        if value is None:
            return None
        parsed, message, hint = read_date(value, end)
        if parsed is None:
            self.problem(key, message, hint)
        return parsed

    def choice(self, key: str, allowed: Sequence[str], default: str | None = None) -> str | None:
        value = self.text(key)
        if value is None:
            return default
        lowered = value.lower()
        if lowered not in allowed:
            close = difflib.get_close_matches(lowered, allowed, n=1, cutoff=0.6)
            hint = f"did you mean {close[0]!r}? " if close else ""
            self.problem(key, f"{value!r} is not allowed", hint + "allowed: " + ", ".join(allowed))
            return default
        return lowered

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            return (value.strip(),) if value.strip() else ()
        if not isinstance(value, list):
            self.problem(key, f"expected a list, got {type_name(value)}")
            return ()
        out: list[str] = []
        for index, item in enumerate(value):
            written = value.text_of(index) if isinstance(value, PosList) else None
            if isinstance(item, str) and item.strip():
                out.append(item.strip())
            elif isinstance(item, (int, float)) and not isinstance(item, bool) and written is not None:
                out.append(written)
            elif isinstance(item, (int, float)) and not isinstance(item, bool) and self.data.line is None:
                pos = value.pos(index) if isinstance(value, PosList) else self.pos(key)
                self.report.add(
                    f"a number where text belongs ({number_text(item)})",
                    pos,
                    join(join(self.path, key), index),
                    "quote it",
                )
            elif isinstance(item, (int, float)) and not isinstance(item, bool) and _digits(item) is not None:
                out.append(str(item))
            else:
                pos = value.pos(index) if isinstance(value, PosList) else self.pos(key)
                self.report.add(
                    f"expected text, got {type_name(item)}", pos, join(join(self.path, key), index)
                )
        return tuple(out)

    # -- nested -----------------------------------------------------------------------------

    def mapping(self, key: str) -> Fields | None:
        value = self.data.get(key)
        if value is None:
            return None
        if not isinstance(value, PosMap):
            self.problem(key, f"expected a mapping, got {type_name(value)}")
            return None
        return Fields(value, self.report, join(self.path, key))

    def items(self, key: str) -> Iterator[tuple[int, Any, str, tuple[int | None, int | None]]]:
        """Each item of a list field: (index, value, path, position)."""
        value = self.data.get(key)
        if value is None:
            return
        if not isinstance(value, list):
            self.problem(key, f"expected a list, got {type_name(value)}")
            return
        for index, item in enumerate(value):
            pos = value.pos(index) if isinstance(value, PosList) else self.pos(key)
            yield index, item, join(join(self.path, key), index), pos

    def sub(self, item: Any, path: str, pos: tuple[int | None, int | None]) -> Fields | None:
        if not isinstance(item, PosMap):
            self.report.add(f"expected a mapping, got {type_name(item)}", pos, path)
            return None
        return Fields(item, self.report, path)


def parse_level(value: Any) -> tuple[int | None, str]:
    """A level 0-5 from a number or a level word (skillgap.levels.LEVEL_NAMES); (None, message) when it is
    neither."""
    if isinstance(value, bool):
        return None, f"expected a level, got {type_name(value)}"
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        if MIN_LEVEL <= value <= MAX_LEVEL:
            return value, ""
        return None, f"level {number_text(value)} is out of range"
    if isinstance(value, str):
        if _INTEGER.fullmatch(value.strip()):  # "3", and "-3" is out of range, not 3
            return parse_level(int(value.strip()))
        level = level_named(value)
        if level is not None:
            return level, ""
        close = suggest_level(value)
        suggestion = f" (did you mean {close!r}, level {level_named(close)}?)" if close else ""
        return None, f"unknown level {value!r}{suggestion}"
    return None, f"expected a level, got {type_name(value)}"


def _digits(number: float) -> str | None:
    """A number written as text (an id such as 2024), or None past Python's 4,300-digit limit."""
    try:
        return str(number)
    except ValueError:
        return None


_INTEGER = re.compile(r"[+-]?[0-9]+", re.ASCII)
_DATE = re.compile(r"([0-9]{4})(?:-([0-9]{1,2})(?:-([0-9]{1,2}))?)?", re.ASCII)
YEARS = (1900, 2200)
DATE_HINT = "write YYYY-MM-DD, YYYY-MM or YYYY"


def read_date(value: Any, end: bool = True) -> tuple[date | None, str, str]:
    """A date from YYYY-MM-DD, YYYY-MM or YYYY (text, a YAML date or a year number), years 1900-2200, or
    (None, what is wrong, how to fix it). A month or a year alone is a WrittenDate: it shows as written
    and stands for the period's last day (its first with end=False); see skillgap/dates.py. A YAML
    timestamp (2024-05-01 10:00:00) is the day it names."""
    from datetime import datetime

    from skillgap.dates import WrittenDate

    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return _in_range(value.year, value)
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 9999:  # a year
        return _in_range(value, WrittenDate(value, end=end) if YEARS[0] <= value <= YEARS[1] else None)
    if not isinstance(value, str) or not (match := _DATE.fullmatch(value.strip())):
        return None, f"expected a date, got {type_name(value)}", DATE_HINT
    year, month, day = (int(part) if part else None for part in match.groups())
    assert year is not None
    if not YEARS[0] <= year <= YEARS[1]:
        return _in_range(year, None)
    if month is not None and not 1 <= month <= 12:
        return None, f"{value.strip()!r} is not a date: there is no month {month}", DATE_HINT
    if day is None:
        return WrittenDate(year, month, end=end), "", ""
    assert month is not None
    try:
        return date(year, month, day), "", ""
    except ValueError:
        return None, f"{value.strip()!r} is not a date: {_month_name(month)} {year} has no day {day}", ""


def _in_range(year: int, found: date | None) -> tuple[date | None, str, str]:
    if YEARS[0] <= year <= YEARS[1]:
        return found, "", ""
    return None, f"the year {year} is out of range", f"skillgap takes years {YEARS[0]} to {YEARS[1]}"


def _month_name(month: int) -> str:
    import calendar

    return calendar.month_name[month]


def parse_date(value: Any, end: bool = True) -> date | None:
    """read_date's date, or None."""
    return read_date(value, end)[0]


def top_mapping(data: Any, report: Report, kind: str, example: str) -> Fields | None:
    """The document's top-level mapping, or a problem saying what the file should contain."""
    if data is None:
        report.add(f"the file is empty; a {kind} file needs {example}", (1, 1))
        return None
    if not isinstance(data, PosMap):
        line = getattr(data, "line", 1)
        col = getattr(data, "col", 1)
        report.add(
            f"a {kind} file must be a mapping with {example}, not {type_name(data)}",
            (line, col),
        )
        return None
    return Fields(data, report)


def name_key(name: str) -> str:
    """What two names share when they are the same name, ignoring case and spacing."""
    return " ".join(name.casefold().split())


class Once:
    """Reports a name listed a second time in one list (compared ignoring case and spacing)."""

    def __init__(self, report: Report, what: str) -> None:
        self.report = report
        self.what = what
        self.seen: dict[str, int | None] = {}

    def twice(self, name: str, pos: tuple[int | None, int | None], path: str) -> bool:
        key = name_key(name)
        if key in self.seen:
            first = self.seen[key]
            where = f" (first at line {first})" if first else ""
            self.report.add(f"{self.what} {name!r} is listed twice{where}", pos, path, "keep one")
            return True
        self.seen[key] = pos[0]
        return False


def add_kind_hint(report: Report, data: Any, expected: str) -> None:
    """When a file with problems is plainly another kind of file, say so first: that is the real fix."""
    if not report.problems:
        return
    from skillgap.load.detect import badge_problem, other_kind

    badge = badge_problem(data, report.file, f"a {expected} file")
    if badge is not None:  # what else is wrong is that it is a badge
        report.problems[:] = [badge]
        return
    found = other_kind(data, expected)
    if found is not None:
        report.problems.insert(
            0,
            Problem(
                report.file,
                f"this looks like a {found} file, not a {expected} file",
                1,
                1,
                hint=f"pass it where a {found} belongs",
            ),
        )
