"""The range of every number a person gives skillgap, in a file or on the command line.

One table, read by the loaders (a file's value is refused at its line and column), by the command line (an
option's value is refused naming the option) and by the JSON Schemas, so all three say the same. The
ranges are wide enough for any real use and narrow enough that nothing downstream overflows or turns to
nonsense: an hour a week is a pace, a millionth of one is not; a budget holds any currency's figures (a
Vietnamese dong or an Indonesian rupiah budget runs to billions), not a number past what a float can add.
NaN and infinity are never a value.

README, "What is refused", lists the same ranges.
"""

from __future__ import annotations

import math
from dataclasses import dataclass


@dataclass(frozen=True)
class Range:
    """LOW to HIGH (more than LOW when LOW is excluded), of something measured in UNIT."""

    low: float
    high: float
    unit: str = ""
    low_excluded: bool = False
    why_high: str = ""  # what the upper end is, when it is not arbitrary ("the hours in a week")

    def holds(self, value: float) -> bool:
        if not math.isfinite(value) or value > self.high:
            return False
        return value > self.low if self.low_excluded else value >= self.low

    def text(self) -> str:
        """The range in words: "from 0.25 to 168 hours", "from 0 to 1,000,000,000,000"."""
        unit = f" {self.unit}" if self.unit else ""
        if self.low_excluded:
            return f"more than {_figure(self.low)} and at most {_figure(self.high)}{unit}"
        return f"from {_figure(self.low)} to {_figure(self.high)}{unit}"

    def problem(self, shown: str, what: str = "a number") -> str:
        """The message for a value outside the range."""
        why = f" ({self.why_high})" if self.why_high else ""
        return f"must be {what} {self.text()}{why}, got {shown}"


def _figure(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


HOURS_PER_WEEK = Range(0.25, 168, "hours", why_high="168 is every hour of the week")
MONEY = Range(0, 1e12)  # a budget, or a credential's cost, in any currency
CREDENTIAL_HOURS = Range(0, 100_000, "hours")  # some fifty years of full-time study
CREDITS = Range(0, 1_000)  # a doctorate is a few hundred credits in any system
STALE_AFTER = Range(0, 100, "years")
STALE_AFTER_YEARS = 3.0  # the default: a claim last used longer ago counts a level lower
COUNT = Range(1, 1_000_000)  # how many results to show (--top, --limit)
IMPORTANCE = Range(1, 5)  # O*NET's importance scale (--min-importance)
EXPERIENCE_YEARS = Range(0, 100, "years")  # a profile's years of work in a field
CONDITION_MONTHS = Range(0, 1200, "months")  # a provider's months of experience (a hundred years)
CONDITION_YEARS = Range(0, 100, "years")
CONDITION_HOURS = Range(0, 100_000, "hours")  # hours of training a provider asks for
RATE = Range(0, 1e12, low_excluded=True)  # how many of one currency a unit of another is worth
