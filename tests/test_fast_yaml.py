"""The fast YAML path must read exactly what the careful PyYAML path reads, or step aside."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.errors import InputError
from skillgap.load import load_catalogs
from skillgap.load.fast_yaml import _Differs, check_plain, fast_parse, fast_parse_plain, positionless
from skillgap.load.paths import bundled_catalog_paths, expand_paths
from tests.hypothesis_profiles import examples
from tests.test_fast_yaml_scan import TRICKY, texts

yaml_rs = pytest.importorskip("yaml_rs")


def careful(text: str) -> object:
    return yaml.load(text, Loader=yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader)


def typed(value: Any) -> Any:
    """The value with every scalar's type spelled out: 1, 1.0 and True are equal in Python, not here."""
    if isinstance(value, dict):
        return {"dict": sorted((repr(typed(k)), typed(v)) for k, v in value.items())}
    if isinstance(value, list):
        return {"list": [typed(item) for item in value]}
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, repr(value))


def assert_same_as_careful(text: str, fast: object) -> None:
    """What the fast path read, if anything, is what PyYAML reads, type for type."""
    if fast is not None:
        assert typed(fast) == typed(careful(text))


@pytest.mark.parametrize("path", expand_paths(bundled_catalog_paths()), ids=lambda p: p.name)
def test_bundled_catalogs_read_the_same_on_both_paths(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = fast_parse(text)
    assert fast is not None, "the bundled catalogs should take the fast path"
    assert fast == careful(text)
    plain = fast_parse_plain(text)
    assert plain is not None and typed(plain) == typed(careful(text))
    assert type(plain) is dict and type(fast) is not dict  # plain dicts; PosMap on the other path


@pytest.mark.parametrize(
    "text",
    [
        "a: yes\n",  # YAML 1.1 reads a yes/no value, YAML 1.2 text
        "a: [No, 1]\n",
        "On: 1\n",
        "a: 010\n",  # octal in 1.1
        "a: 1:30\n",  # sexagesimal in 1.1
        "a: 1e3\n",  # text in PyYAML, a number in 1.2
        "a: &x 1\nb: *x\n",
        "a: !!str 1\n",
        "---\na: 1\n",
        "a: =\n",
        "a: 0o17\n",  # an int to yaml-rs, text to PyYAML; so are the next ones
        "a: 0X1F\n",
        "a: +.5\n",
        "a: .iNf\n",
        "a: 2e8_\n",
        '{"a":010}\n',  # no space needed after the ":" of a quoted key
        "a: [1,\t010]\n",
        "a: 0x_\n",  # PyYAML fails on it, yaml-rs reads text
        "? [a]\n: 1\n",  # a key that is a list: a tuple to yaml-rs, refused by PyYAML
        "{a: 1}: 2\n",
    ],
)
def test_texts_the_two_parsers_read_differently_take_the_careful_path(text: str) -> None:
    assert fast_parse(text) is None
    assert fast_parse_plain(text) is None


scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**6), 10**6),
    st.floats(allow_nan=False, allow_infinity=False, width=32),
    st.text(max_size=12),
    st.sampled_from(["yes", "No", "on", "OFF", "1:30", "010", "1e3", "=", "~", "null", "2024-03-01"]),
)
documents = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=12,
)


@settings(max_examples=examples(300), deadline=None)
@given(documents, st.booleans())
def test_fast_path_agrees_with_pyyaml_or_steps_aside(data: object, flow: bool) -> None:
    text = yaml.safe_dump({"doc": data}, default_flow_style=flow, allow_unicode=True)
    assert_same_as_careful(text, fast_parse(text))
    assert_same_as_careful(text, fast_parse_plain(text))


@settings(max_examples=examples(500), deadline=None)
@given(texts())
def test_tricky_texts_read_the_same_on_both_paths_or_take_the_careful_one(text: str) -> None:
    try:
        careful(text)
    except Exception:  # a YAMLError, or a ValueError on 0b_ or 2023-02-30: PyYAML refuses it, and yaml-rs
        return  # may read some of those (":x" in a flow list, an empty key), which is not promised
    assert_same_as_careful(text, fast_parse_plain(text))
    assert_same_as_careful(text, fast_parse(text))


PLACES = [
    "a: {}\n", "{}: a\n", "- {}\n", "a: [{}]\n", "a: [1,{}]\n", "a: [1, {}, 2]\n", "a: {{b: {}}}\n",
    '{{"a":{}}}\n', "a:\t{}\n", "a: \t{}\n", "a: {} # c\n", "a: {}\t\n", "? {}\n: 1\n", "- - {}\n",
]  # fmt: skip


@pytest.mark.parametrize("word", TRICKY)
def test_every_tricky_word_in_every_place_reads_the_same_or_takes_the_careful_path(word: str) -> None:
    for place in PLACES:
        text = place.format(word)
        try:
            careful(text)
        except Exception:
            continue
        assert_same_as_careful(text, fast_parse_plain(text))


def positionless_accepts(data: object) -> bool:
    """Whether the careful conversion takes yaml-rs's DATA as it is."""
    try:
        positionless(data)
    except _Differs:
        return False
    return True


@settings(max_examples=examples(500), deadline=None)
@given(texts())
def test_check_plain_accepts_exactly_what_positionless_accepts(text: str) -> None:
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:
        return
    assert check_plain(data) is positionless_accepts(data)


@settings(max_examples=examples(300), deadline=None)
@given(documents)
def test_check_plain_agrees_with_positionless_on_any_data(data: object) -> None:
    accepted = positionless_accepts(data)
    assert check_plain(data) is accepted
    assert check_plain([data, {"k": data}]) is accepted


@pytest.mark.parametrize("word", [w for w in TRICKY if w.lower() in ("yes", "no", "on", "off", "=")])
def test_check_plain_finds_risky_text_anywhere(word: str) -> None:
    assert check_plain({"a": [{"b": "x"}, {"c": ["y", 1, None, 2.5, True]}]})
    assert not check_plain({"a": [{"b": "x"}, {"c": ["y", 1, word]}]})
    assert not check_plain({"a": [{"b": "x"}, {word: 1}]})
    assert not check_plain(word)
    assert not check_plain({("a", 1): 1})


def test_problems_found_on_the_fast_path_still_name_their_line(write) -> None:  # type: ignore[no-untyped-def]
    body = "credentials:\n  - id: same\n    title: T\n    provider: P\n    skills: [{name: SQL, level: 2}]\n"
    a, b = write("a.yaml", body), write("b.yaml", body)
    with pytest.raises(InputError) as info:
        load_catalogs([a, b])
    (problem,) = info.value.problems
    assert (problem.file, problem.line) == (str(b), 2) and "duplicate credential id" in problem.message
    bad = write("c.yaml", body.replace("level: 2", "level: 9"))
    with pytest.raises(InputError) as info:
        load_catalogs([bad])
    assert info.value.problems[0].line == 5
