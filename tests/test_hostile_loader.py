"""Loader fixes found by hostile inputs: each input used to crash, be misread, or lose its line number."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from skillgap.errors import InputError
from skillgap.load import load_catalogs, load_profile, load_taxonomies
from skillgap.load.fields import parse_date, parse_level
from skillgap.load.source import parse, read_bytes


def problems(fn, arg) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as info:
        fn(arg)
    return [str(p) for p in info.value.problems]


@pytest.mark.parametrize("text", ["'\u00b2'", "'\u0663'", "'\u2155'"])
def test_a_digit_int_cannot_read_is_an_unknown_level(write, text: str) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", f"name: Ann\nskills:\n  SQL: {text}\n")
    (msg,) = problems(load_profile, path)
    assert msg.startswith(f"{path}:3:") and "unknown level" in msg


def test_a_quoted_negative_level_is_out_of_range_not_its_absolute_value(write) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", "name: Ann\nskills:\n  SQL: '-3'\n")
    (msg,) = problems(load_profile, path)
    assert msg.startswith(f"{path}:3:") and "level -3 is out of range" in msg


@pytest.mark.parametrize(
    ("value", "level"),
    [("3", 3), (" +3 ", 3), ("05", 5), ("Advanced-Beginner", 2), ("6", None), ("3.0", None)],
)
def test_levels_written_as_text(value: str, level: int | None) -> None:
    assert parse_level(value)[0] == level


@pytest.mark.parametrize(
    ("value", "ok"),
    [
        ("2024-03", True),
        ("2024-3-9", True),
        ("2024", True),
        (2024, True),
        ("24-03", False),
        ("2024-13", False),
        ("2024-02-30", False),
        ("1850-01", False),
        ("2024-1_2", False),
        (True, False),
    ],
)
def test_dates_need_a_four_digit_year_in_range(value: object, ok: bool) -> None:
    assert (parse_date(value) is not None) is ok


@pytest.mark.parametrize("tag", ["!!binary aGVsbG8=", "!!set {a, b}", "!!omap [{a: 1}]", "!!pairs [{a: 1}]"])
def test_core_tags_that_build_other_types_are_refused_like_any_tag(write, tag: str) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", f"name: Ann\nskills: {tag}\n")
    (msg,) = problems(load_profile, path)
    assert msg.startswith(f"{path}:2:9:") and "is not allowed" in msg and tag.split()[0] in msg


def test_an_alias_inside_the_node_it_names_is_refused(write) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", "name: Ann\npreferences: &p\n  formats: *p\n")
    (msg,) = problems(load_profile, path)
    assert msg.startswith(f"{path}:2:") and "refers to a node that contains it" in msg


def test_aliases_cannot_build_nesting_the_text_does_not_show(write) -> None:  # type: ignore[no-untyped-def]
    chain = "".join(f"a{i}: &a{i} [*a{i - 1}]\n" for i in range(1, 150))
    path = write("p.yaml", "a0: &a0 [x]\n" + chain)
    (msg,) = problems(load_profile, path)
    assert msg.startswith(f"{path}:") and "nest more than 100 levels" in msg


def test_a_control_character_is_located(write) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", "name: Ann\ncurrent_role: Tr\x07iner\n")
    (msg,) = problems(load_profile, path)
    assert msg.startswith(f"{path}:2:17:") and "U+0007" in msg


def test_two_documents_in_one_file(write) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", "name: a\n---\nname: b\n")
    (msg,) = problems(load_profile, path)
    assert msg.startswith(f"{path}:2:") and "more than one document" in msg


@pytest.mark.parametrize(
    ("raw", "says"),
    [
        ("name: Ann\n".encode("utf-16"), "UTF-16"),
        ("name: Ann\n".encode("utf-16-le"), "UTF-16"),
        ("name: Ann\n".encode("utf-32"), "UTF-32"),
    ],
)
def test_wide_encodings_are_named(write, raw: bytes, says: str) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", raw)
    (msg,) = problems(load_profile, path)
    assert msg.startswith(f"{path}:1:1:") and says in msg and "UTF-8" in msg


def test_a_line_of_spaces_is_not_deep_nesting(write) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", "name: Ann\n" + " " * 300 + "\nskills: {SQL: 3}\n")
    assert load_profile(path).name == "Ann"


def test_deep_json_is_located_where_it_goes_too_deep(write) -> None:  # type: ignore[no-untyped-def]
    path = write("c.json", '{"credentials": [\n' + "[" * 5000 + "]" * 5000 + "]}")
    (msg,) = problems(load_catalogs, [path])
    assert msg.startswith(f"{path}:2:") and "nested more than 100 levels" in msg


def test_json_read_again_for_positions_types_numbers_as_json_does(write) -> None:  # type: ignore[no-untyped-def]
    """1e2 is a number in JSON; the YAML parser used for line numbers must not call it text."""
    path = write(
        "c.json",
        '{"credentials": [{"id": "a", "title": "A", "provider": "P", "hours": 1e2,\n'
        '  "skills": [{"name": "SQL", "level": 9}]}]}',
    )
    msgs = problems(load_catalogs, [path])
    assert any(m.startswith(f"{path}:2:39:") and "level 9 is out of range" in m for m in msgs)
    assert not any("hours" in m for m in msgs)
    assert parse('{"a": 1e2, "b": -0.5E-1, "c": true}', "x.json", located=True) == {
        "a": 100.0,
        "b": -0.05,
        "c": True,
    }


def test_json_with_a_key_yaml_cannot_take_still_reports_its_problems(write) -> None:  # type: ignore[no-untyped-def]
    path = write("c.json", '{"credentials": [], "' + "k" * 1100 + '": 1}')
    (msg,) = problems(load_catalogs, [path])
    assert "unknown key" in msg and "not valid YAML" not in msg


def test_a_credential_format_must_be_one_of_the_documented_ones(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "c.yaml",
        "credentials:\n  - {id: a, title: A, provider: P, skills: [{name: x, level: 1}], format: onlin}\n",
    )
    (msg,) = problems(load_catalogs, [path])
    assert msg.startswith(f"{path}:2:") and "did you mean 'online'?" in msg


def test_every_declared_key_is_type_checked(write) -> None:  # type: ignore[no-untyped-def]
    catalog = write("c.yaml", "as_of: [2026]\ndescription: {a: 1}\ncredentials: []\n")
    msgs = problems(load_catalogs, [catalog])
    assert any(m.startswith(f"{catalog}:1:") and "as_of" in m for m in msgs)
    assert any(m.startswith(f"{catalog}:2:") and "description" in m for m in msgs)
    taxonomy = write(
        "s.yaml", "source: [x]\nskills:\n  - {name: SQL, description: [y]}\nabbreviations: {' ': x}\n"
    )
    msgs = problems(load_taxonomies, [taxonomy])
    assert len(msgs) == 3 and all(m.startswith(f"{taxonomy}:") for m in msgs)


def test_a_device_that_never_ends_is_refused_at_the_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    monkeypatch.setenv("SKILLGAP_MAX_FILE_MB", "1")
    with pytest.raises(InputError, match="larger than the 1 MB limit"):
        read_bytes(Path("/dev/zero"))


def test_a_bad_size_setting_is_an_input_error(monkeypatch: pytest.MonkeyPatch, write) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("SKILLGAP_MAX_FILE_MB", "lots")
    with pytest.raises(InputError, match="SKILLGAP_MAX_FILE_MB"):
        read_bytes(write("p.yaml", "name: Ann\n"))


@pytest.mark.parametrize(
    ("value", "says"),
    [
        ("2023-02-30", "is not a real date"),
        ("0b_", "is not a whole number"),
        ("!!int abc", "is not a whole number"),
        ("!!float abc", "is not a number"),
        ("!!bool maybe", "is not yes or no"),
        ("!!timestamp soon", "is not a real date"),
        ("!!map abc", "!!map needs a mapping"),
        ("!!seq {a: 1}", "!!seq needs a list"),
        ("1" * 5000, "a whole number of 5,000 digits is too long to read"),
    ],
)
def test_values_pyyaml_cannot_build_are_located(write, value: str, says: str) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", f"name: Ann\ncurrent_role: {value}\n")
    (msg,) = problems(load_profile, path)
    assert msg.startswith(f"{path}:2:15:") and says in msg


def test_a_json_number_too_long_for_python_is_located(write) -> None:  # type: ignore[no-untyped-def]
    path = write("c.json", '{"credentials": [],\n "x": ' + "1" * 5000 + "}")
    (msg,) = problems(load_catalogs, [path])
    assert msg.startswith(f"{path}:2:7:") and "more than 4,300 digits" in msg


def test_a_json_escape_for_half_a_character_is_located(write) -> None:  # type: ignore[no-untyped-def]
    path = write("c.json", '{"credentials": [],\n "name": "bad \\ud800 half"}')
    (msg,) = problems(load_catalogs, [path])
    assert msg.startswith(f"{path}:2:15:") and "lone surrogate" in msg
    emoji = write("d.json", '{"credentials": [], "name": "ok \\ud83d\\ude00"}')
    assert load_catalogs([emoji]).name == "ok \U0001f600"


def test_numbers_too_big_for_a_float_or_for_text_are_problems(write) -> None:  # type: ignore[no-untyped-def]
    big = "1" + "0" * 400  # over 308 digits: float() overflows
    path = write(
        "c.yaml",
        "credentials:\n  - {id: a, title: A, provider: P, skills: [{name: SQL, level: 3}],\n"
        f"     hours: {big}, cost: -{big}}}\n",
    )
    msgs = problems(load_catalogs, [path])
    assert len(msgs) == 2 and all(m.startswith(f"{path}:3:") and "(401 digits)" in m for m in msgs)


def test_integers_past_the_text_limit_never_crash_a_message() -> None:
    """The fast YAML path (yaml-rs) builds integers Python cannot print; every reader must still report."""
    import sys

    from skillgap.limits import CREDENTIAL_HOURS
    from skillgap.load.fields import Fields, Report, parse_level
    from skillgap.load.source import PosMap

    limit = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(0)
    try:
        huge = int("7" * 5000)
    finally:
        sys.set_int_max_str_digits(limit)
    for key, value in (("name", huge), ("hours", huge), ("formats", [huge]), (huge, 1)):
        data = PosMap()
        data.line = data.col = 1
        data[key] = value
        report = Report("x.yaml")
        fields = Fields(data, report)
        fields.check_keys(("name", "hours", "formats"))
        fields.text("name"), fields.number("hours", CREDENTIAL_HOURS), fields.text_list("formats")
        assert len(report.problems) == 1 and "more than 4,300 digits" in str(report.problems[0])
    assert "more than 4,300 digits" in parse_level(huge)[1]


def test_a_merged_value_may_be_overridden_but_a_key_written_twice_may_not(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "p.yaml",
        "name: Ann\nskills:\n  - &base {name: SQL, level: 3}\n  - {<<: *base, name: Python}\n"
        "  - {<<: *base, name: R, level: 1}\n",
    )
    assert [(s.name, s.level) for s in load_profile(path).skills] == [("SQL", 3), ("Python", 3), ("R", 1)]
    text = "name: Ann\nskills:\n  - &b {name: SQL, level: 3}\n  - {<<: *b, name: R, name: S}\n"
    twice = write("q.yaml", text)
    (msg,) = problems(load_profile, twice)
    assert msg.startswith(f"{twice}:4:") and "duplicate key 'name'" in msg
