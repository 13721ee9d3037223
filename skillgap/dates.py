"""Dates as people write them, and the end of the calendar.

A profile says `deadline: 2027-06` or `last_used: 2023`: a month or a year, not a day. Such a date is a
`WrittenDate`: a `date` (so it compares, subtracts and sorts like any other) that stands for one day of the
period, chosen by what the field means, and shows itself as written ("2027-06", never "2027-06-30").

- A deadline, a last use and an earning date stand for the period's last day: a deadline of June 2027 is
  met by 30 June; a skill last used in December 2023 was in use until the month's end, so its staleness is
  counted from then (the generous reading: the person may have used it on the 31st); a credential earned in
  2021 was held by the end of that year.
- A start stands for the period's first day: a plan starting in June 2027 starts on 1 June.

`BEYOND` is the day after the calendar ends: Python's dates stop at 9999-12-31, and a plan at a few minutes
a week can finish later than that. It compares after every real date and shows as "beyond 9999".
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any

MONTH = "month"
YEAR = "year"


class WrittenDate(date):
    """A date written as a year and month, or a year alone: the day it stands for, shown as written."""

    __slots__ = ("precision",)
    precision: str  # MONTH or YEAR

    def __new__(cls, year: int, month: int | None = None, *, end: bool = True) -> WrittenDate:
        if month is None:
            day_month, day = (12, 31) if end else (1, 1)
        else:
            day_month, day = month, (calendar.monthrange(year, month)[1] if end else 1)
        self = super().__new__(cls, year, day_month, day)
        self.precision = YEAR if month is None else MONTH
        return self

    def isoformat(self) -> str:
        return f"{self.year:04d}" if self.precision == YEAR else f"{self.year:04d}-{self.month:02d}"

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"WrittenDate({self.isoformat()!r}, standing for {date(self.year, self.month, self.day)})"

    def __reduce__(self) -> tuple[Any, ...]:
        month = None if self.precision == YEAR else self.month
        return (_rebuild, (self.year, month, self.day != 1))  # a period's first day is day 1, its last not

    def replace(self, *args: Any, **kwargs: Any) -> date:  # type: ignore[override]
        """A plain date: a changed day is no longer the one written."""
        return date(self.year, self.month, self.day).replace(*args, **kwargs)


def _rebuild(year: int, month: int | None, end: bool) -> WrittenDate:
    return WrittenDate(year, month, end=end)


class _Beyond(date):
    """The day after the calendar's last: later than every real date, shown as "beyond 9999"."""

    __slots__ = ()

    def __new__(cls) -> _Beyond:
        return super().__new__(cls, date.max.year, date.max.month, date.max.day)

    def isoformat(self) -> str:
        return f"beyond {date.max.year}"

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return "BEYOND"

    def __reduce__(self) -> str:
        return "BEYOND"

    def __eq__(self, other: object) -> bool:
        return other is self

    def __ne__(self, other: object) -> bool:
        return other is not self

    def __hash__(self) -> int:
        return hash("skillgap.dates.BEYOND")

    def __lt__(self, other: date) -> bool:
        return False

    def __le__(self, other: date) -> bool:
        return other is self

    def __gt__(self, other: date) -> bool:
        return other is not self

    def __ge__(self, other: date) -> bool:
        return True


BEYOND = _Beyond()


def beyond(day: date | None) -> bool:
    """Whether DAY is past the end of the calendar."""
    return day is BEYOND


def later(day: date, days: int) -> date:
    """DAY plus DAYS days, or BEYOND when that falls after the calendar's last day (9999-12-31)."""
    if day is BEYOND or days > (date.max - day).days:
        return BEYOND
    return day + timedelta(days=days)
