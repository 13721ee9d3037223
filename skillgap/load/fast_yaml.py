"""The fast path for large YAML files: yaml-rs (a Rust YAML parser) where it gives the same data.

PyYAML reads YAML 1.1 and yaml-rs YAML 1.2 (leniently); they agree on everything except a few plain
scalars (yes/no/on/off, octal and sexagesimal numbers, exponents without a dot, underscores, 0o and 0X
prefixes, a sign before a dot), merge keys, anchors and tags. A file containing any of those, or anything
yaml-rs rejects, goes to the careful PyYAML path instead, which also gives every error its line and column.
Values come back without positions: when a file read this way has a problem, the loader reads it again on
the careful path to say where.

Two checks decide, one on each side of yaml-rs. `differs` scans the text for what only the text shows
(anchors, tags, document markers, and numbers, which yaml-rs hands over as ints and floats like any other).
`check_plain` (or `positionless`) then looks at every string yaml-rs produced for text that YAML 1.1 would
have read as a yes/no, a number, a date or a "=", and at every integer for one too long for PyYAML to read
(yaml-rs builds integers of any length; Python refuses to read one past 4,300 digits from text).
"""

from __future__ import annotations

import re
import string
from typing import Any

from skillgap.load.source import positioned

# --- the text ----------------------------------------------------------------------------------------------
#
# Each scan below starts with a literal character, so Python's re engine jumps to the next occurrence at
# memchr-like speed; a pattern starting with a character class (or with nothing fixed, like "0[0-9_]|e[0-9]")
# is tried at every position, ten times slower on a large file. What a scan finds is only a candidate,
# confirmed or dropped in Python; a normal catalog has almost none.


def differs(text: str) -> bool:
    """Whether the text holds anything the two parsers could read differently (before parsing)."""
    return bool(
        _MERGE_KEY.search(text)
        or text.startswith(("---", "..."))
        or _DOCUMENT_MARK.search(text)
        or _DOCUMENT_END.search(text)
        or _marks_a_node(text)
        or _number_differs(text)
        or _special_character(text)
    )


_MERGE_KEY = re.compile("<<")  # the re engine finds a literal faster than `in` does
_DOCUMENT_MARK = re.compile(r"---(?<=\n---)")  # at a line's start
_DOCUMENT_END = re.compile(r"\.\.\.(?<=\n\.\.\.)")


def _marks_a_node(text: str) -> bool:
    """Whether an anchor, alias or tag appears (a & * or ! where a node may start: not "L&D", "Great!")."""
    for mark in "&*!":
        at = text.find(mark)  # memchr: these characters are rare, so look at each one
        while at != -1:
            if _marks_node(text, at):
                return True
            at = text.find(mark, at + 1)
    return False


def _marks_node(text: str, at: int) -> bool:
    """Whether the & * or ! at this offset starts an anchor, alias or tag (not "L&D", "Great!")."""
    before = text[at - 1] if at else "\n"
    after = text[at + 1] if at + 1 < len(text) else " "
    return before in " \t\n[{,:-?" and after not in " \t\n,]}"


# Numbers. A plain scalar is a "word" below: a run of letters, digits and . _ + - that starts where a plain
# scalar may start (see _starts_scalar) and ends where one ends (blanks, then the end of the line or text, or
# one of , ] } # :). "c-000001", "10,000 people" or "v1.0e3" are not whole words there; "010" in "a: 010" is.
# A word differs when either parser may read it as a number and it is not one of the forms both read alike.
_WORD_CHARS = frozenset(string.ascii_letters + string.digits + "._+-")
_SCALAR_END = frozenset("\n,]}#:")
# What either parser may read as a number (a superset: yaml-rs takes underscores anywhere, 0x 0X 0o 0O 0b 0B,
# any case of .inf and .nan; PyYAML's int and float patterns all fit in here too).
_NUMBER_EITHER = re.compile(
    r"[-+]?(?:0[xXoObB][0-9a-fA-F_]+"  # radix prefixes (even "0x_", on which PyYAML fails)
    r"|(?=[0-9_.]*[0-9])[0-9_]*(?:\.[0-9_]*)?(?:[eE][-+]?[0-9_]+)?"  # a digit before any exponent
    r"|\.(?:[iI][nN][fF]|[nN][aA][nN]))"
)
# ...and the forms both read alike: decimal integers without a leading zero, floats with a dot and no
# exponent (.5 only without a sign), hexadecimal 0x and binary 0b without underscores, .inf and .nan as YAML
# 1.1 spells them.
_SAME_NUMBER = re.compile(
    r"[-+]?(?:0|[1-9][0-9]*|[0-9]+\.[0-9]*|0x[0-9a-fA-F]+|0b[01]+|\.(?:inf|Inf|INF))|\.[0-9]+|\.(?:nan|NaN|NAN)"
)
# The first version of this check, kept so that nothing it sent to the careful path goes fast now: a word
# with a leading zero, an exponent or an underscore, which has one of _CANDIDATE in it.
_RISKY_NUMBER = re.compile(r"[-+]?(?:0[0-9_]+|[0-9._]*[0-9][0-9._]*[eE][-+]?[0-9]+|[0-9._]*_[0-9._]*)")
_CANDIDATE = re.compile(r"0[0-9_]|[eE][-+]?[0-9]|_[0-9]|[0-9]_")
# Every word that differs holds one of these marks, each led by a literal: a word either parser reads as a
# number but not in one of the forms both read alike has a radix prefix or a leading zero before a digit, an
# exponent, an underscore, a sign before its dot, or an .inf or .nan (and so has every _RISKY_NUMBER word).
# (tests/test_fast_yaml_scan.py compares the marks with a look at every word.)
_NUMBER_MARKS = (
    # a 0 first (after a sign), then a digit, _ or a radix letter: 010, 0_1, 0o17, 0X1F
    re.compile(r"0(?:(?<=[ \t\n\[{,:]0)|(?<=[ \t\n\[{,:][-+]0))[0-9_xXoObB]"),
    # an exponent: e or E after a digit, . or _, before a sign, digit or _
    re.compile(r"e(?<=[0-9._]e)[-+0-9_]"),
    re.compile(r"E(?<=[0-9._]E)[-+0-9_]"),
    # an underscore, followed by number characters to the end of the word
    re.compile(r"_[-+0-9a-fA-F._]*(?![^ \t\n,\]}#:])"),
    # a dot after a sign (+.5), or .inf or .nan ending the word
    re.compile(r"\.(?:(?<=[-+]\.)|(?:[iI][nN][fF]|[nN][aA][nN])(?![^ \t\n,\]}#:]))"),
)


def _number_differs(text: str) -> bool:
    first = 0  # a word at the very start has nothing before it for the first mark to look at
    while first < len(text) and text[first] in " \t":
        first += 1
    if first < len(text) and text[first] in _WORD_CHARS and _word_differs(text, first):
        return True
    return any(_word_differs(text, m.start()) for mark in _NUMBER_MARKS for m in mark.finditer(text))


def _word_differs(text: str, at: int) -> bool:
    """Whether the word around this offset is a whole plain scalar that may be read as two numbers."""
    start = end = at
    while start and text[start - 1] in _WORD_CHARS:
        start -= 1
    size = len(text)
    while end < size and text[end] in _WORD_CHARS:
        end += 1
    after = end
    while after < size and text[after] in " \t":
        after += 1  # "000 people" goes on as text: only a number alone is a number
    if after < size and text[after] not in _SCALAR_END:
        return False
    word = text[start:end]
    if _SAME_NUMBER.fullmatch(word) or not (
        _NUMBER_EITHER.fullmatch(word) or (_RISKY_NUMBER.fullmatch(word) and _CANDIDATE.search(word))
    ):
        return False
    return _starts_scalar(text, start)


def _starts_scalar(text: str, at: int) -> bool:
    """Whether a plain scalar may start at this offset: at a line's start (after its indentation), after
    ": ", "- ", "? " (a tab counts as a space), after "[", "{", "," (flow), or right after the ":" of a
    quoted key or a flow collection ({"a":1}, where YAML needs no space)."""
    i = at - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i < 0 or text[i] in "\n[{,":
        return True
    if text[i] in ":?-" and i + 1 < at:
        return True
    return text[i] == ":" and i > 0 and text[i - 1] in "\"']}"


# Characters YAML 1.1 treats as line breaks or refuses, where YAML 1.2 may not; a carriage return too: the
# scans above take only "\n" for a line end (the loader makes every line end one before parsing).
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
_PLAIN_ASCII = bytes(range(0x20, 0x7F)) + b"\t\n"


def _special_character(text: str) -> bool:
    # bytes.translate drops the printable ASCII fast; only what remains (any other character, whole in UTF-8)
    # is searched, far faster than searching the whole text for a character class
    rest = text.encode("utf-8", "surrogatepass").translate(None, _PLAIN_ASCII)
    return bool(rest) and _SPECIAL.search(rest.decode("utf-8", "surrogatepass")) is not None


# --- the data ----------------------------------------------------------------------------------------------

# text yaml-rs keeps as text but PyYAML may not: 1:30 (a number), '=' (a value), dates and times
_NUMBERISH = re.compile(r"[-+]?[0-9.][0-9_.:]*[_:][0-9_.:]*|=|[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}")
_BOOLEAN_WORDS = frozenset({"yes", "no", "on", "off"})
_RISKY_FIRST = frozenset("+-.0123456789=yYnNoO")  # the first characters of all of the above
# An integer this many bits long may have more digits than Python reads from text (4,300 unless
# PYTHONINTMAXSTRDIGITS says otherwise; 14,000 bits is some 4,214 digits): the careful path reads it, and
# refuses it where Python would, with its line and column. Only a huge integer pays for this check.
_LONG_BITS = 14_000


class _Differs(Exception):
    """Raised inside the conversion when a value would read differently in YAML 1.1."""


def _load(text: str) -> Any | None:
    """yaml-rs's reading of the text, or None when the careful parser must read it (as far as the text
    shows: the data is checked after)."""
    try:
        import yaml_rs
    except ImportError:
        return None
    if differs(text):
        return None
    try:
        return yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # the careful path reports it, with a line and column
        return None


def fast_parse(text: str) -> Any | None:
    """The document's data as PosMap and PosList without positions, or None when the careful parser must
    read it."""
    data = _load(text)
    if data is None:
        return None
    try:
        return positionless(data)
    except Exception:  # _Differs, or data too deep to convert: the careful path reads it
        return None


def fast_parse_plain(text: str) -> Any | None:
    """The document's data as yaml-rs builds it (plain dicts, lists, str, int, float, bool, None; what
    fast_parse gives, without converting to PosMap and PosList), or None when the careful parser must read it.
    """
    data = _load(text)
    return data if data is not None and check_plain(data) else None


def check_plain(data: Any) -> bool:
    """Whether yaml-rs's data reads the same in YAML 1.1: no string (key or value) that PyYAML would read as
    a yes/no, a number, a date or a "=" (the check positionless makes, without building anything), and no
    key that is a list or mapping (yaml-rs makes those a tuple or frozenset; PyYAML refuses them)."""
    risky, stack = _RISKY_FIRST, [data]
    safe_keys: set[Any] = set()  # keys repeat: each is checked once
    pop, push = stack.pop, stack.append
    while stack:
        node = pop()
        if type(node) is dict:
            if not safe_keys.issuperset(node):
                for key in node:
                    kind = type(key)
                    if kind is str:
                        if key and key[0] in risky and _reads_differently(key):
                            return False
                    elif kind is tuple or kind is frozenset:
                        return False
                    elif kind is int and key.bit_length() > _LONG_BITS:
                        return False
                    safe_keys.add(key)
            node = node.values()
        elif type(node) is not list:  # a scalar at the top
            return _scalar_same(node)
        for item in node:
            kind = type(item)
            if kind is str:
                if item and item[0] in risky and _reads_differently(item):
                    return False
            elif kind is dict or kind is list:
                push(item)
            elif kind is int and item.bit_length() > _LONG_BITS:
                return False
    return True


def _scalar_same(value: Any) -> bool:
    try:
        _scalar(value)
    except _Differs:
        return False
    return True


def _reads_differently(text: str) -> bool:
    """Whether PyYAML may read this text (were it a plain scalar) as something other than a string."""
    return text.lower() in _BOOLEAN_WORDS or _NUMBERISH.match(text) is not None


def _scalar(value: Any) -> Any:
    kind = type(value)
    if kind is str:
        if value and value[0] in _RISKY_FIRST and _reads_differently(value):
            raise _Differs
    elif kind is tuple or kind is frozenset:  # a key that is a list or mapping, which PyYAML refuses
        raise _Differs
    elif kind is int and value.bit_length() > _LONG_BITS:
        raise _Differs
    return value


def positionless(value: Any) -> Any:
    """Plain dicts and lists as the loader's PosMap and PosList (with no positions), checking on the way
    that no plain text would have been read as a yes/no or a number by YAML 1.1."""
    return positioned(value, _scalar)
