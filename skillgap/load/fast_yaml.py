"""The fast path for large YAML files: yaml-rs (a Rust YAML parser) where it gives the same data.

PyYAML reads YAML 1.1 and yaml-rs YAML 1.2; they agree on everything except a few plain scalars
(yes/no/on/off, octal and sexagesimal numbers, exponents without a dot), merge keys, anchors and tags.
A file containing any of those, or anything yaml-rs rejects, goes to the careful PyYAML path instead, which
also gives every error its line and column. Values come back without positions: when a file read this way
has a problem, the loader reads it again on the careful path to say where.
"""

from __future__ import annotations

import re
from typing import Any

from skillgap.load.source import PosList, PosMap

# Cheap scans of the text, each led by a literal so the regular expression engine skips ahead fast.
_ANCHOR_OR_TAG = re.compile(r"[&*!]")
# Numbers the two read differently: a plain scalar made of number characters with a leading zero (octal in
# YAML 1.1, ten in 1.2), an exponent (text to PyYAML without a dot, a number to yaml-rs) or an underscore.
# Found in two steps so that a large file scans fast: a regular expression finds candidates, then the
# characters around each say whether they make a whole plain scalar ("c-000001" or "10,000 people" do not).
_CANDIDATE = re.compile(r"0[0-9_]|e[-+]?[0-9]|_[0-9]|[0-9]_")
_NUMBER_CHARS = frozenset("0123456789._+-e")
_RISKY_NUMBER = re.compile(r"[-+]?(?:0[0-9_]+|[0-9._]*[0-9][0-9._]*e[-+]?[0-9]+|[0-9._]*_[0-9._]*)")
_SCALAR_END = frozenset("\n,]}#:")


def _starts_scalar(text: str, at: int) -> bool:
    """Whether a plain scalar starts at this offset: at a line's start (after its indentation), after
    ": ", "- ", "? ", or after "[", "{", "," (flow)."""
    i = at - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True  # a key, or a scalar on a line of its own
    if text[i] in "[{,":
        return True
    return text[i] in ":?-" and i + 1 < at


def _number_differs(text: str) -> bool:
    lowered = text.lower() if "E" in text else text
    size = len(lowered)
    checked: set[int] = set()
    for match in _CANDIDATE.finditer(lowered):
        start, end = match.start(), match.end()
        while start and lowered[start - 1] in _NUMBER_CHARS:
            start -= 1
        if start in checked:
            continue
        checked.add(start)
        while end < size and lowered[end] in _NUMBER_CHARS:
            end += 1
        while end < size and lowered[end] == " ":
            end += 1  # "000 people" goes on as text: only a number alone is a number
        token = lowered[start:end].rstrip(" ")
        if (
            (end == size or lowered[end] in _SCALAR_END)
            and _RISKY_NUMBER.fullmatch(token)
            and _starts_scalar(lowered, start)
        ):
            return True
    return False


# characters YAML 1.1 treats as line breaks or refuses, where YAML 1.2 may not
_SPECIAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# text yaml-rs keeps as text but PyYAML may not: 1:30 (a number), '=' (a value), dates and times
_NUMBERISH = re.compile(r"[-+]?[0-9.][0-9_.:]*[_:][0-9_.:]*|=|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")


class _Differs(Exception):
    """Raised inside the conversion when a value would read differently in YAML 1.1."""


def differs(text: str) -> bool:
    """Whether the text holds anything the two parsers could read differently (before parsing)."""
    return bool(
        "<<" in text
        or text.startswith(("---", "..."))
        or "\n---" in text
        or "\n..." in text
        or any(_marks_node(text, m.start()) for m in _ANCHOR_OR_TAG.finditer(text))
        or _number_differs(text)
        or _SPECIAL.search(text)
    )


def _marks_node(text: str, at: int) -> bool:
    """Whether the & * or ! at this offset starts an anchor, alias or tag (not "L&D", "Great!")."""
    before = text[at - 1] if at else "\n"
    after = text[at + 1] if at + 1 < len(text) else " "
    return before in " \t\n[{,:-?" and after not in " \t\n,]}"


_BOOLEAN_WORDS = frozenset({"yes", "no", "on", "off"})


def fast_parse(text: str) -> Any | None:
    """The document's data without positions, or None when the careful parser must read it."""
    try:
        import yaml_rs
    except ImportError:
        return None
    if differs(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
        return positionless(data) if data is not None else None
    except _Differs:
        return None
    except Exception:  # the careful path reports it, with a line and column
        return None


def _scalar(value: Any) -> Any:
    if type(value) is str and value and (value[0] in "+-.0123456789=yYnNoO"):
        if value.lower() in _BOOLEAN_WORDS or _NUMBERISH.match(value):
            raise _Differs
    return value


def positionless(value: Any) -> Any:
    """Plain dicts and lists as the loader's PosMap and PosList (with no positions), checking on the way
    that no plain text would have been read as a yes/no or a number by YAML 1.1."""
    kind = type(value)
    if kind is dict:
        out = PosMap.__new__(PosMap)
        for key, item in value.items():
            out[_scalar(key)] = positionless(item)
        out.line = out.col = None
        out.value_pos = out.key_pos = _NO_POSITIONS
        return out
    if kind is list:
        seq = PosList.__new__(PosList)
        seq.extend([positionless(item) for item in value])
        seq.line = seq.col = None
        seq.item_pos = _NO_ITEMS
        return seq
    return _scalar(value)


_NO_POSITIONS: dict[Any, tuple[int, int]] = {}
_NO_ITEMS: list[tuple[int, int]] = []
