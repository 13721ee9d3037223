"""Money: costs in several currencies, converted only with exchange rates the user supplies, and never added
up across currencies without them.

`Rates` is a table of `currency: rate to X` (how many units of X one unit of the currency is worth) with
the day the rates are from. `Money` is how one run counts costs: in one currency (the budget's), converting
what the rates cover; a cost in another currency that no rate converts cannot be compared with a budget in
it, so a plan within a budget leaves it out, and totals keep it apart (`Amounts`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class Rates:
    """Exchange rates into TO: RATES[c] is how many TO one unit of c is worth; AS_OF the rates' day (the
    oldest, where a file dates its rows)."""

    to: str
    rates: Mapping[str, float]
    as_of: date | None = None
    file: str = ""

    def rate(self, currency: str) -> float | None:
        """How many TO one unit of CURRENCY is worth (1 for TO itself), or None when the table lacks it."""
        return 1.0 if currency == self.to else self.rates.get(currency)

    def convert(self, amount: float, source: str, target: str) -> float | None:
        """AMOUNT of SOURCE in TARGET, through the rates to TO; None when either rate is missing."""
        if source == target:
            return amount
        a, b = self.rate(source), self.rate(target)
        return None if a is None or b is None or b == 0 else amount * a / b


@dataclass(frozen=True)
class Money:
    """How a run counts costs: in CURRENCY (None: as written, in whatever currency each cost is), with
    RATES to convert the others where given."""

    currency: str | None = None
    rates: Rates | None = None

    def convert(self, amount: float, currency: str | None) -> float | None:
        """AMOUNT (in CURRENCY) counted in this run's currency; None when no rate converts it. A cost with
        no currency at all is taken as written."""
        if currency is None or self.currency is None or currency == self.currency:
            return amount
        if self.rates is None:
            return None
        return self.rates.convert(amount, currency, self.currency)

    def converts(self, currency: str | None) -> bool:
        return self.convert(1.0, currency) is not None


@dataclass(frozen=True)
class Amounts:
    """Sums kept apart by currency (None: a cost the catalog gives without a currency)."""

    parts: tuple[tuple[str | None, float], ...] = ()  # sorted by currency, no currency first

    @classmethod
    def of(cls, costs: Iterable[tuple[float, str | None]]) -> Amounts:
        sums: dict[str | None, float] = {}
        for amount, currency in costs:
            sums[currency] = sums.get(currency, 0.0) + amount
        return cls(tuple(sorted(sums.items(), key=lambda kv: (kv[0] is not None, kv[0] or ""))))

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.parts if c)

    @property
    def single(self) -> bool:
        """Whether it is one sum (in one currency, or all without one)."""
        return len(self.parts) <= 1

    def total_in(self, money: Money) -> float | None:
        """The sum counted in MONEY's currency, or None when some part cannot be converted."""
        total = 0.0
        for currency, amount in self.parts:
            converted = money.convert(amount, currency)
            if converted is None:
                return None
            total += converted
        return total

    def as_dict(self) -> dict[str, float]:
        """By currency ("" for the part without one), for JSON."""
        return {currency or "": round(amount, 2) for currency, amount in self.parts}


@dataclass(frozen=True)
class Amount:
    """An amount of money as given on the command line: a number, and its currency when one was named."""

    value: float
    currency: str | None = None


def counting_currency(
    stated: str | None, profile: str | None, catalog: str | None, rates: Rates | None = None
) -> str | None:
    """The currency a budget is in, and costs are counted in: the one named with the amount, else the
    profile's, else the catalog's (a budget without a currency is read in the costs' currency, as it always
    was), else the one the rates convert into."""
    return stated or profile or catalog or (rates.to if rates is not None else None)
