"""The fast YAML path must read exactly what the careful PyYAML path reads, or step aside."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.errors import InputError
from skillgap.load import load_catalogs
from skillgap.load.fast_yaml import fast_parse
from skillgap.load.paths import bundled_catalog_paths, expand_paths

pytest.importorskip("yaml_rs")


def careful(text: str) -> object:
    return yaml.load(text, Loader=yaml.CSafeLoader if hasattr(yaml, "CSafeLoader") else yaml.SafeLoader)


@pytest.mark.parametrize("path", expand_paths(bundled_catalog_paths()), ids=lambda p: p.name)
def test_bundled_catalogs_read_the_same_on_both_paths(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    fast = fast_parse(text)
    assert fast is not None, "the bundled catalogs should take the fast path"
    assert fast == careful(text)


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
    ],
)
def test_texts_the_two_parsers_read_differently_take_the_careful_path(text: str) -> None:
    assert fast_parse(text) is None


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


@settings(max_examples=300, deadline=None)
@given(documents, st.booleans())
def test_fast_path_agrees_with_pyyaml_or_steps_aside(data: object, flow: bool) -> None:
    text = yaml.safe_dump({"doc": data}, default_flow_style=flow, allow_unicode=True)
    fast = fast_parse(text)
    if fast is not None:
        assert fast == careful(text)


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
