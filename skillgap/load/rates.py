"""Exchange-rate files (`--rates FILE`): YAML (or JSON) or CSV, each rate the value of one unit of a
currency in the file's `to` currency, with the day the rates are from.

    to: EUR               # every rate converts into this currency
    as_of: 2026-05-01     # the day of the rates, shown with every converted figure
    rates:
      USD: 0.92           # one US dollar is 0.92 euros
      GBP: 1.17

or, as CSV, one row per currency (the `to` column the same on every row; the oldest `as_of` is the table's):

    currency,rate,to,as_of
    USD,0.92,EUR,2026-05-01
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date
from pathlib import Path
from typing import Any

from skillgap.errors import InputError, Problem
from skillgap.limits import RATE
from skillgap.load.fields import Fields, Report, number_text, read_date, top_mapping, type_name
from skillgap.load.source import PosMap, display_name, load_file, read_text
from skillgap.money import Rates

RATES_KEYS = ("to", "as_of", "rates", "source")
CSV_COLUMNS = ("currency", "rate", "to", "as_of")
CODE = re.compile(r"[A-Za-z]{3}")
CODE_HINT = "a three-letter currency code, such as USD, EUR or GBP"


def currency_code(text: str) -> str | None:
    """TEXT as a currency code (upper case), or None when it is not three letters."""
    text = text.strip()
    return text.upper() if CODE.fullmatch(text) else None


def load_rates(path: Path) -> Rates:
    if path.suffix.lower() == ".csv":
        return _csv_rates(path)
    name = display_name(path)
    report = Report(name)
    data = load_file(path)
    top = top_mapping(data, report, "rates", "'to', 'as_of' and 'rates'")
    rates: dict[str, float] = {}
    to = as_of = None
    if top is not None:
        top.check_keys(RATES_KEYS, required=("to", "as_of", "rates"))
        top.text("source")
        to = _code(top, "to")
        as_of = top.date("as_of", end=False)
        raw = top.data.get("rates")
        if isinstance(raw, PosMap):
            for key, value in raw.items():
                pos, path_ = raw.pos(key), f"rates.{key}"
                code = currency_code(key) if isinstance(key, str) else None
                if code is None:
                    report.add(f"{key!r} is not a currency code", raw.key_at(key), "rates", CODE_HINT)
                    continue
                rate = _rate(value)
                if isinstance(rate, str):
                    report.add(rate, pos, path_, "write how many of the 'to' currency one unit is worth")
                elif code in rates:
                    report.add(f"{code} is listed twice", pos, path_, "keep one")
                elif code == to and rate != 1:
                    report.add(
                        f"the rate of {code} into itself must be 1, got {number_text(rate)}", pos, path_
                    )
                else:
                    rates[code] = rate
            if not raw:
                top.problem("rates", "must list at least one currency", "for example `USD: 0.92`")
        elif "rates" in top.data:
            top.problem("rates", f"expected a mapping of currency: rate, got {type_name(raw)}")
    report.raise_if_any()
    assert to is not None and as_of is not None
    return Rates(to, rates, as_of, name)


def _code(fields: Fields, key: str) -> str | None:
    text = fields.text(key, required=True)
    if text is None:
        return None
    code = currency_code(text)
    if code is None:
        fields.problem(key, f"{text!r} is not a currency code", CODE_HINT)
    return code


def _rate(value: Any) -> float | str:
    """A rate, or what is wrong with it."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return f"expected a rate (a number), got {type_name(value)}"
    rate = float(value)
    if not RATE.holds(rate):
        return RATE.problem(number_text(value))
    return rate


def _csv_rates(path: Path) -> Rates:
    name = display_name(path)
    problems: list[Problem] = []

    def problem(message: str, line: int, col: int = 1, hint: str = "") -> None:
        problems.append(Problem(name, message, line, col, hint=hint))

    reader = csv.reader(io.StringIO(read_text(path)))
    header = [c.strip().lower() for c in next(reader, [])]
    missing = [c for c in ("currency", "rate", "to", "as_of") if c not in header]
    if missing:
        columns = ", ".join(CSV_COLUMNS)
        raise InputError.at(
            name, f"missing column {', '.join(map(repr, missing))}", 1, 1, f"the columns are {columns}"
        )
    where = {c: header.index(c) for c in CSV_COLUMNS}
    rates: dict[str, float] = {}
    targets: set[str] = set()
    days: list[date] = []
    try:
        for cells in reader:
            line = reader.line_num
            if not any(c.strip() for c in cells):
                continue
            cell = {c: (cells[i].strip() if i < len(cells) else "") for c, i in where.items()}
            code, to = currency_code(cell["currency"]), currency_code(cell["to"])
            if code is None or to is None:
                bad = "currency" if code is None else "to"
                problem(f"{cell[bad]!r} is not a currency code", line, where[bad] + 1, CODE_HINT)
                continue
            targets.add(to)
            try:
                rate = _rate(float(cell["rate"]))
            except ValueError:
                rate = f"expected a rate (a number), got {cell['rate']!r}"
            day, message, hint = read_date(cell["as_of"], end=False)
            if isinstance(rate, str):
                problem(rate, line, where["rate"] + 1)
            elif day is None:
                problem(f"as_of: {message}", line, where["as_of"] + 1, hint)
            elif code in rates:
                problem(f"{code} is listed twice", line, where["currency"] + 1, "keep one")
            else:
                rates[code] = rate
                days.append(day)
    except csv.Error as exc:
        problem(f"not valid CSV: {exc}", reader.line_num)
    if len(targets) > 1:
        problem(
            f"every row must convert into one currency, got {', '.join(sorted(targets))}", 2, where["to"] + 1
        )
    if not rates and not problems:
        problem("the file lists no rate", 2)
    if problems:
        raise InputError(problems)
    to = targets.pop()
    rates.pop(to, None)
    return Rates(to, rates, min(days), name)
