"""Reading JSON-LD as Open Badges writes it, without a JSON-LD processor.

A property may hold one value or a list of them; a linked object may be embedded or named only by its
URL; a text may be a plain string or a language-tagged value. These helpers accept each form.
"""

from __future__ import annotations

import math
import re
from datetime import date, datetime, timezone
from typing import Any

from skillgap.limits import Range

ANY_AMOUNT = Range(0, math.inf)  # any finite number, 0 or more

_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def many(value: Any) -> list[Any]:
    """One value or a list of them, as a list (nothing becomes an empty list)."""
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def types(obj: Any) -> set[str]:
    """The object's types, by their short names ("Assertion", not ".../openbadges#Assertion")."""
    if not isinstance(obj, dict):
        return set()
    out = set()
    for value in many(obj.get("type")) + many(obj.get("@type")):
        if isinstance(value, str) and value.strip():
            out.add(re.split(r"[/#:]", value.strip())[-1])
    return out


def text(value: Any) -> str | None:
    """A plain text from a string, a language-tagged value, or the first usable item of a list."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return text(value.get("@value"))
    if isinstance(value, list):
        for item in value:
            found = text(item)
            if found:
                return found
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return None


def one_line(value: Any) -> str | None:
    """A text with its runs of white space (line breaks included) collapsed to single spaces."""
    found = text(value)
    return " ".join(found.split()) if found else None


def ident(value: Any) -> str | None:
    """The id of a linked object: the string itself, or the object's `id` (or `@id`)."""
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return text(value.get("id")) or text(value.get("@id"))
    return None


def name_or_url(value: Any) -> str | None:
    """What to call a linked object: its name when embedded, else its URL as written (never fetched)."""
    if isinstance(value, dict):
        return one_line(value.get("name")) or ident(value)
    if isinstance(value, list):
        for item in value:
            found = name_or_url(item)
            if found:
                return found
        return None
    return ident(value)


def number(value: Any, within: Range = ANY_AMOUNT) -> float | None:
    """A number (or the text of one) in WITHIN; None for anything else: text that is not a number, NaN,
    infinity, an integer past what a float holds, a value out of the range."""
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        parsed = float(value.strip() if isinstance(value, str) else value)
    except (ValueError, OverflowError):
        return None
    return parsed if within.holds(parsed) else None


def when(value: Any) -> date | None:
    """The date of an ISO 8601 date or date-time (the time is dropped), or of a Unix timestamp."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc).date()
        except (OverflowError, OSError, ValueError):
            return None
    found = text(value)
    if not found:
        return None
    match = _ISO_DATE.match(found)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def is_url(value: str | None) -> bool:
    return bool(value) and str(value).lower().startswith(("http://", "https://"))
