"""The fast YAML path's scan of the text (`differs`), against its first, slow version and against yaml-rs.

`differs` decides, before yaml-rs reads a file, whether the two parsers could read it differently. It was
rewritten for speed (scans led by a literal, candidates confirmed in Python) and made to see more (tabs, a
sign before a dot, 0o and 0X prefixes, underscores next to letters, {"a":010}). Here:

- everything the first version sent to the careful path, the new one sends too (the first version is kept
  below, as it was, for that);
- the literal-led scans find every word that differs (compared with a look at every word of the text);
- the number forms it lets through really read the same in both parsers.
"""

from __future__ import annotations

import re
import sys

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.load import fast_yaml
from skillgap.load.fast_yaml import differs
from tests.hypothesis_profiles import examples

yaml_rs = pytest.importorskip("yaml_rs")


# --- the first version of differs, verbatim (the oracle: never less safe than this) ------------------------

_OLD_ANCHOR_OR_TAG = re.compile(r"[&*!]")
_OLD_CANDIDATE = re.compile(r"0[0-9_]|e[-+]?[0-9]|_[0-9]|[0-9]_")
_OLD_NUMBER_CHARS = frozenset("0123456789._+-e")
_OLD_RISKY_NUMBER = re.compile(r"[-+]?(?:0[0-9_]+|[0-9._]*[0-9][0-9._]*e[-+]?[0-9]+|[0-9._]*_[0-9._]*)")
_OLD_SCALAR_END = frozenset("\n,]}#:")
_OLD_SPECIAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _old_starts_scalar(text: str, at: int) -> bool:
    i = at - 1
    while i >= 0 and text[i] == " ":
        i -= 1
    if i < 0 or text[i] == "\n":
        return True
    if text[i] in "[{,":
        return True
    return text[i] in ":?-" and i + 1 < at


def _old_number_differs(text: str) -> bool:
    lowered = text.lower() if "E" in text else text
    size = len(lowered)
    checked: set[int] = set()
    for match in _OLD_CANDIDATE.finditer(lowered):
        start, end = match.start(), match.end()
        while start and lowered[start - 1] in _OLD_NUMBER_CHARS:
            start -= 1
        if start in checked:
            continue
        checked.add(start)
        while end < size and lowered[end] in _OLD_NUMBER_CHARS:
            end += 1
        while end < size and lowered[end] == " ":
            end += 1
        token = lowered[start:end].rstrip(" ")
        if (
            (end == size or lowered[end] in _OLD_SCALAR_END)
            and _OLD_RISKY_NUMBER.fullmatch(token)
            and _old_starts_scalar(lowered, start)
        ):
            return True
    return False


def _old_marks_node(text: str, at: int) -> bool:
    before = text[at - 1] if at else "\n"
    after = text[at + 1] if at + 1 < len(text) else " "
    return before in " \t\n[{,:-?" and after not in " \t\n,]}"


def old_differs(text: str) -> bool:
    return bool(
        "<<" in text
        or text.startswith(("---", "..."))
        or "\n---" in text
        or "\n..." in text
        or any(_old_marks_node(text, m.start()) for m in _OLD_ANCHOR_OR_TAG.finditer(text))
        or _old_number_differs(text)
        or _OLD_SPECIAL.search(text)
    )


# --- generated texts, heavy on what the scan looks for -----------------------------------------------------

TRICKY = [
    # leading zeros, exponents, underscores, radix prefixes, signs before dots, odd .inf/.nan
    "010", "-010", "+017", "00", "0", "-0", "0.", "00.5", "09", "0_1", "1e3", "1E3", "1e+3", "1.5e3",
    "1.5e+3", "1.5E-3_", "2e8_", "0e0", "1e1000", "12e", "1.2.3e5", "1_000", "_1", "1_", "_", "._5", "_.2",
    "0o17", "0O7", "+0o7", "0X1F", "0x1f", "+0x1f", "0x_", "0x", "0b101", "0B1", "0b_", "-.5", "+.5", ".5",
    "-1.5", ".inf", "-.Inf", ".iNf", "+.inf", ".NaN", "+.nan", ".nAn", "99999999999999999999",
    # text PyYAML reads otherwise
    "1:30", "-1:30", "190:20:30.15", "2024-01-01", "=", "yes", "No", "ON", "off", "y", "true", "null", "~",
    # look-alikes that are text to both
    "c-000001", "indigo-000000", "v1.0e3", "10,000 people", "2026-11", "3D", "1st", "as_of", "a_1", "0x1g",
    "L&D", "Great!", "R&D_2", "x!", "e5", "E_1", "1.0 e5",
]  # fmt: skip
NUMBERISH = st.from_regex(r"\A[-+]?[0-9._]{0,4}(?:[eE][-+]?[0-9_]{0,3})?\Z")
RADIX = st.from_regex(r"\A[-+]?0[xXoObB][0-9a-fA-F_]{0,4}\Z")
NOISE = st.text(alphabet="0123456789._+-eExXoObBiInNaAfF:=yYsS&*!", min_size=1, max_size=6)
tokens = st.one_of(st.sampled_from(TRICKY), NUMBERISH, RADIX, NOISE)
blank = st.sampled_from([" ", " ", "  ", "\t", " \t", ""])


@st.composite
def texts(draw: st.DrawFn) -> str:
    """Lines of YAML-ish text putting tokens where a plain scalar starts (and where it does not)."""
    lines = []
    for _ in range(draw(st.integers(1, 4))):
        key, value, other, gap = draw(tokens), draw(tokens), draw(tokens), draw(blank)
        form = draw(st.integers(0, 13))
        lines.append(
            [
                f"{key}:{gap}{value}",
                f"- {value}",
                f"-{gap}{value}",
                f"key: [{value},{gap}{other}]",
                f"key: {{a:{gap}{value}, {key}: {other}}}",
                f'{{"{key}":{value}}}',
                f"{{'{key}':{value}}}",
                f"key: {value} # {other}",
                f"key: {value}{gap}#{other}",
                f"? {key}\n: {value}",
                f"key:\n  {value}\n  {other}",
                f"{gap}{value}",
                f"key: x{value} {other}{gap}",
                f"key: {value}{gap}{other}",
            ][form]
        )
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", " "]))


@settings(max_examples=examples(500), deadline=None)
@given(texts())
def test_whatever_the_first_version_sent_to_the_careful_path_still_goes_there(text: str) -> None:
    if old_differs(text):
        assert differs(text)


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("0123456789._+-eE _:,[]{}#\n\t&*!x")), max_size=30))
def test_the_same_on_arbitrary_runs_of_the_characters_the_scan_looks_at(text: str) -> None:
    if old_differs(text):
        assert differs(text)


WORD = re.compile(r"[A-Za-z0-9._+-]+")


def every_word_differs(text: str) -> bool:
    """The slow way: look at every word of the text."""
    return any(fast_yaml._word_differs(text, m.start()) for m in WORD.finditer(text))


@settings(max_examples=examples(500), deadline=None)
@given(texts())
def test_the_literal_led_scans_find_every_word_that_differs(text: str) -> None:
    assert fast_yaml._number_differs(text) == every_word_differs(text)


@settings(max_examples=examples(300), deadline=None)
@given(st.from_regex(fast_yaml._SAME_NUMBER, fullmatch=True), st.sampled_from(["a: {}", "- {}", "[{}]"]))
def test_the_number_forms_let_through_read_the_same_in_both_parsers(word: str, form: str) -> None:
    text = form.format(word) + "\n"
    assert not differs(text)
    fast, careful = yaml_rs.loads(text, parse_datetime=False), yaml.safe_load(text)
    assert repr(fast) == repr(careful) and type(fast) is type(careful)


MISSED_BEFORE = [
    "a: 0o17\n", "a: 0X1F\n", "a: 0B1\n", "a: +.5\n", "a: -.5\n", "a: .iNf\n", "a: 2e8_\n", "a: _.2\n",
    "a: 1.5E-3_\n", "a: 0x_\n", "a: 0b_\n", "a: \t010\n", "a: [1,\t010]\n", "a: 010\t\n", "a: 010\t# c\n",
    '{"a":010}\n', "{'a':1e3}\n", '["a":-.5]\n', "a: 010\r\n", "- \t010\n",
]  # fmt: skip


@pytest.mark.parametrize("text", MISSED_BEFORE)
def test_what_the_first_version_missed_now_takes_the_careful_path(text: str) -> None:
    assert differs(text) and not old_differs(text)


ORDINARY = [
    "id: c-000001\n", "id: indigo-000000\n", "url: https://x.org/c/000000\n", "name: L&D\n", "a: Great!\n",
    "a: 10,000 people\n", "as_of: 2026-11\n", "a: [1, 2.5, -3, .5, 0, 0.5]\n", "a: 0x1f\n", "a: 0b101\n",
    "a: .inf\n", "a: -.Inf\n", "a: .NaN\n", "a: v1.0e3\n", "a: 3D printing\n", "a: {b: 1,c: 2}\n",
    "a: 10:05\n", "a: x_1\n", "provider_type: x\n",
]  # fmt: skip


@pytest.mark.parametrize("text", ORDINARY)
def test_ordinary_text_keeps_the_fast_path(text: str) -> None:
    assert not differs(text)


def test_the_first_version_lowered_only_e_among_the_characters_it_looks_at() -> None:
    """The first version lowercased the text to read E as e; no other character lowercases into one the
    scan looks at, so the new scan reading [eE] is the same thing."""
    looked_at = set("0123456789._+-e \n,]}#:[{?")
    for code in range(sys.maxunicode + 1):
        char = chr(code)
        if char != "E" and char not in looked_at:
            assert not looked_at & set(char.lower()), repr(char)
