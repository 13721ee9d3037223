"""Fuzzing the loader: whatever the bytes, it returns a valid model or raises InputError, nothing else.

Three sources of input: arbitrary text and bytes (weighted towards YAML's punctuation), arbitrary
documents written out by a YAML or JSON writer, and valid bundled files mutated (lines dropped,
duplicated, swapped, re-indented, truncated, YAML tokens spliced in). Each is read as every kind.
"""

from __future__ import annotations

import json
import math
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from skillgap.errors import InputError
from skillgap.kinds import KINDS, Kind
from skillgap.levels import MAX_LEVEL, MIN_LEVEL
from skillgap.load.detect import detect_kind, read_as
from skillgap.load.fields import Report
from skillgap.load.source import decode, parse
from skillgap.model import Catalog, Profile, Role, Taxonomy
from tests.conftest import CATALOGS, EXAMPLES, ROOT, invoke
from tests.hypothesis_profiles import examples

FUZZ = settings(
    max_examples=examples(200),  # SKILLGAP_HYPOTHESIS=fuzz tries many more
    suppress_health_check=[HealthCheck.filter_too_much],
)

YAML_PUNCTUATION = list("-:[]{},#&*!|>'\"%@`?~.\\/ \t\n\r=<+") + ["\x00", "\x1b", "\x85", "\u2028", "\ufeff"]
TOKENS = [
    ": ", "- ", "? ", "&a ", "*a", "!!python/object:os.system ", "!x ", "{", "}", "[", "]", "\t", "yes", "no",
    "~", "null", "---\n", "...\n", "<<: *a", "'", '"', "#", "|\n", ">-\n", "%YAML 1.1\n", "0x_", "2023-02-30",
    "1e999", ".nan", "-3", "9" * 5000, "\\ud800", "\x1b[2J", "\u202e", "\n  ", "\n", ":",
]
SEEDS = {
    Kind.PROFILE: EXAMPLES / "profiles" / "trainer-to-elearning.yaml",
    Kind.ROLE: CATALOGS / "roles" / "instructional-designer.yaml",
    Kind.CATALOG: ROOT / "tests" / "data" / "core" / "catalog.yaml",
    Kind.TAXONOMY: ROOT / "tests" / "data" / "core" / "skills.yaml",
}
MODEL = {Kind.PROFILE: Profile, Kind.ROLE: Role, Kind.CATALOG: Catalog, Kind.TAXONOMY: Taxonomy}


def load(raw: bytes | str, kind: Kind, name: str = "fuzz.yaml") -> Any:
    """What the loader makes of RAW as KIND: the model, or InputError; anything else fails the test.

    As skillgap.load.reading does it: catalogs and taxonomies by the fast path (yaml-rs, when installed),
    and a file with problems read again with positions."""
    text = raw if isinstance(raw, str) else decode(raw, name)
    fast = kind in (Kind.CATALOG, Kind.TAXONOMY)
    data = parse(text, name, fast=fast)
    detect_kind(data, name)  # telling the kind must never fail either
    report = Report(name)
    model = read_as(kind, data, report, name)
    if report.problems and (fast or name.endswith(".json")):
        report = Report(name)
        read_as(kind, parse(text, name, located=True), report, name)
    report.raise_if_any()
    return model


def assert_loads_or_refuses(raw: bytes | str, name: str = "fuzz.yaml") -> None:
    for kind in KINDS:
        try:
            model = load(raw, kind, name)
        except InputError as exc:
            assert exc.problems
            assert all(p.file in (name, "") and p.message for p in exc.problems)
            continue
        assert isinstance(model, MODEL[kind])
        assert_valid(model)


def assert_valid(model: Any) -> None:
    """What the rest of skillgap relies on in a model the loader accepted."""

    def text(value: Any) -> None:
        assert isinstance(value, str) and value.strip() == value and value

    def level(value: Any) -> None:
        assert isinstance(value, int) and not isinstance(value, bool) and MIN_LEVEL <= value <= MAX_LEVEL

    def amount(value: Any) -> None:
        assert value is None or (isinstance(value, float) and math.isfinite(value) and value >= 0)

    if isinstance(model, Profile):
        text(model.name)
        names = [" ".join(s.name.casefold().split()) for s in model.skills]
        assert len(names) == len(set(names))
        for skill in model.skills:
            text(skill.name)
            level(skill.level)
            assert skill.last_used is None or isinstance(skill.last_used, date)
        amount(model.preferences.budget)
        assert model.preferences.hours_per_week is None or model.preferences.hours_per_week > 0
    elif isinstance(model, Role):
        text(model.title)
        assert model.requirements
        for requirement in model.requirements:
            text(requirement.skill)
            level(requirement.level)
    elif isinstance(model, Catalog):
        for credential in model.credentials:
            text(credential.id)
            assert credential.skills
            for taught in credential.skills:
                text(taught.name)
                level(taught.level)
            amount(credential.hours)
            amount(credential.cost)
    else:
        for canonical in model.skills:
            text(canonical.name)


# --- arbitrary text and bytes -----------------------------------------------------------------------

yamlish = st.text(
    alphabet=st.one_of(st.sampled_from(YAML_PUNCTUATION), st.characters(codec="utf-8")), max_size=300
)


@FUZZ
@given(text=yamlish)
def test_arbitrary_text(text: str) -> None:
    assert_loads_or_refuses(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(raw=st.binary(max_size=300))
def test_arbitrary_bytes(raw: bytes) -> None:
    assert_loads_or_refuses(raw)
    assert_loads_or_refuses(raw, "fuzz.json")


JSON_PIECES = list('{}[]":,-0123456789.eE \n') + ["true", "null", '"id"', '"skills"', "\\ud800", "1" * 5000]


@FUZZ
@given(text=st.lists(st.sampled_from(JSON_PIECES), max_size=80).map("".join))
def test_arbitrary_json_ish_text(text: str) -> None:
    assert_loads_or_refuses(text.encode("utf-8", "surrogatepass"), "fuzz.json")


# --- arbitrary documents ------------------------------------------------------------------------

KEYS = sorted(
    {"name", "skills", "level", "title", "requirements", "credentials", "id", "provider", "hours", "cost",
     "preferences", "budget", "formats", "aliases", "abbreviations", "prerequisites", "importance",
     "last_used", "earned", "pathways", "estimated", "format", "assessment", "<<"}
)
# Values as written in a file, unquoted: what a YAML writer would never produce but a person (or an
# attacker) might, each read by PyYAML's own scalar and tag readers.
RAW_VALUES = [
    "", "3", "-3", "'-3'", "9", "2.5", "yes", "No", "on", "~", "null", ".inf", "-.inf", ".nan", "0x_", "0b_",
    "0o9", "1_000", "1:30", "190:20:30", "2024-03", "2023-02-30", "2024-01-01 10:00:00", "1e999", "9" * 5000,
    "!!int abc", "!!float x", "!!bool maybe", "!!timestamp soon", "!!map x", "!!seq {a: 1}", "!!str [a]",
    "!!binary aGk=", "!!set {a}", "!!omap [{a: 1}]", "!!python/none", "!foo bar", "&a [x, y]", "*a",
    "{a: 1, a: 2}", "[1, [2, [3]]]", "{name: SQL, level: expert}", "expert", "Advanced-Beginner", "'\u00b2'",
    "\"\\e[2J\"", "\"\\ud800\"", "|\n  text", ">-\n  folded", "- a", "? x", "@x", "`x`", "%x", "\t3",
]

scalars = st.one_of(
    st.none(), st.booleans(), st.integers(-10, 10), st.integers(), st.floats(allow_nan=True),
    st.text(max_size=20), st.sampled_from(["expert", "Novice", " 3 ", "-1", "online", "2024-02", "yes"]),
    st.dates(),
)
document_keys = st.one_of(st.sampled_from(KEYS), st.text(max_size=8), st.integers(), st.booleans())
documents = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=5),
        st.dictionaries(document_keys, inner, max_size=6),
    ),
    max_leaves=40,
)


@FUZZ
@given(document=documents)
def test_arbitrary_yaml_documents(document: Any) -> None:
    assert_loads_or_refuses(yaml.safe_dump(document, allow_unicode=True))


@FUZZ
@given(document=documents)
def test_arbitrary_json_documents(document: Any) -> None:
    assert_loads_or_refuses(json.dumps(document, default=str), "fuzz.json")


@st.composite
def raw_lines(draw: st.DrawFn) -> str:
    """A well-formed document of raw values: keys at the top, each with a value, a nested block or a list."""
    value = st.sampled_from(RAW_VALUES)
    keys = st.one_of(st.sampled_from(KEYS), st.text(alphabet="abcxyz_", min_size=1, max_size=6))
    lines = []
    for key in draw(st.lists(keys, min_size=1, max_size=8, unique=True)):
        shape = draw(st.sampled_from(["value", "value", "block", "list", "records"]))
        if shape == "value":
            lines.append(f"{key}: {draw(value)}\n")
            continue
        lines.append(f"{key}:\n")
        if shape == "block":
            subs = draw(st.lists(keys, min_size=1, max_size=4, unique=True))
            lines += [f"  {sub}: {draw(value)}\n" for sub in subs]
        elif shape == "list":
            lines += [f"  - {draw(value)}\n" for _ in range(draw(st.integers(1, 3)))]
        else:
            for _ in range(draw(st.integers(1, 3))):
                fields = draw(st.lists(keys, min_size=1, max_size=3, unique=True))
                lines += [f"  {' -'[i == 0]} {sub}: {draw(value)}\n" for i, sub in enumerate(fields)]
    return "".join(lines)


@FUZZ
@given(text=raw_lines())
def test_documents_of_raw_values(text: str) -> None:
    assert_loads_or_refuses(text.encode("utf-8", "surrogatepass"))


# --- valid files, mutated ---------------------------------------------------------------------------


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Kind, str]:
    kind = draw(st.sampled_from(KINDS))
    lines = SEEDS[kind].read_text(encoding="utf-8").splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        how = draw(
            st.sampled_from(["drop", "copy", "swap", "indent", "dedent", "splice", "replace", "value", "cut"])
        )
        if how == "drop":
            del lines[at]
        elif how == "copy":
            lines.insert(at, lines[at])
        elif how == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[at], lines[other] = lines[other], lines[at]
        elif how == "indent":
            lines[at] = " " * draw(st.integers(1, 5)) + lines[at]
        elif how == "dedent":
            lines[at] = lines[at].lstrip(" ")
        elif how == "value" and ": " in lines[at]:
            key = lines[at].split(": ", 1)[0]
            lines[at] = f"{key}: {draw(st.sampled_from(RAW_VALUES))}\n"
        elif how in ("splice", "replace", "value"):
            line = lines[at]
            cut = draw(st.integers(0, len(line)))
            token = draw(st.one_of(st.sampled_from(TOKENS), st.text(max_size=3)))
            lines[at] = line[:cut] + token + line[cut + (1 if how == "replace" else 0):]
        else:
            lines = lines[: at + 1]
            lines[at] = lines[at][: draw(st.integers(0, len(lines[at])))]
    return kind, "".join(lines)


@FUZZ
@given(case=mutated())
def test_mutated_valid_files(case: tuple[Kind, str]) -> None:
    kind, text = case
    assert_loads_or_refuses(text.encode("utf-8", "surrogatepass"))


def test_the_seeds_are_valid() -> None:
    for kind, path in SEEDS.items():
        assert_valid(load(path.read_bytes(), kind, str(path)))


# --- the whole command line ---------------------------------------------------------------------


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=mutated(), suffix=st.sampled_from([".yaml", ".json"]))
def test_validate_never_fails_unexpectedly(scratch: Path, case: tuple[Kind, str], suffix: str) -> None:
    kind, text = case
    assume(text.strip())
    path = scratch / f"mutated{suffix}"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    result = invoke("validate", path)
    assert result.code in (0, 2), result.err
    assert "Traceback" not in result.err
    if result.code == 2:
        assert result.err.splitlines()[0].startswith(f"{path}:")
