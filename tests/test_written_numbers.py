"""A number written where text belongs keeps the text as written (issue 20): unquoted 010, 0x1F, 1:30 are
never the "8", "31" and "90" YAML 1.1 makes of them in a name, a title or an id, and the fast reading
(yaml-rs) and the careful one (PyYAML) give the same credentials."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from skillgap.errors import InputError
from skillgap.load import load_catalogs, load_profile, load_role
from skillgap.load.catalog import read_catalog
from skillgap.load.reading import read_model
from tests.test_fast_yaml_scan import TRICKY

# every word of the scan's list that YAML 1.1 reads as a number (the rest stay text, or are not numbers)
NUMBERS = [
    "010", "-010", "+017", "00", "-0", "0.", "00.5", "09", "0_1", "1_000", "0x1f", "+0x1f", "0X1F", "0b101",
    "-.5", "+.5", ".5", "-1.5", ".inf", "-.Inf", ".NaN", "1:30", "-1:30", "190:20:30.15", "1.50", "+5",
    "12.0", "7", "2024", "1.5e+3", "99999999999999999999",
]  # fmt: skip


def catalog_text(word: str) -> str:
    return (
        "credentials:\n"
        f"  - {{id: {word}, title: {word}, provider: {word}, skills: [{{name: SQL, level: 2}}],\n"
        f"     prerequisites: [x-{1}], stacks_into: [{word}]}}\n"
        "  - {id: x-1, title: X, provider: P, skills: [{name: SQL, level: 2}]}\n"
        f"pathways:\n  - {{id: {word}, title: {word}, credentials: [{word}, x-1]}}\n"
    )


def unplaced(credentials: object) -> list[object]:
    """The credentials without their origins (the fast reading knows no lines)."""
    return [replace(c, origin=None) for c in credentials]  # type: ignore[attr-defined]


def both_readings(path: Path) -> tuple[object, object]:
    fast = load_catalogs([path], use_cache=False)
    careful = read_model(path, "catalog", read_catalog, located=True)
    return fast, careful


@pytest.mark.parametrize("word", NUMBERS)
def test_a_number_in_a_catalog_text_field_keeps_its_text_on_both_readings(tmp_path: Path, word: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(catalog_text(word), encoding="utf-8")
    fast, careful = both_readings(path)
    assert unplaced(fast.credentials) == unplaced(careful.credentials)  # type: ignore[attr-defined]
    assert [p.id for p in fast.pathways] == [p.id for p in careful.pathways]  # type: ignore[attr-defined]
    first = fast.credentials[0]  # type: ignore[attr-defined]
    assert (first.id, first.title, first.provider, first.stacks_into) == (word, word, word, (word,))
    (pathway,) = fast.pathways  # type: ignore[attr-defined]
    assert (pathway.id, pathway.title, pathway.credentials) == (word, word, (word, "x-1"))


@pytest.mark.parametrize("word", ["1.50", "10", "1.0e2", "-0", "1E400"])
def test_a_number_in_a_json_catalog_keeps_its_text(tmp_path: Path, word: str) -> None:
    path = tmp_path / "c.json"
    entry = '{"id": ID, "title": "T", "provider": "P", "skills": [{"name": "SQL", "level": 2}]}'
    path.write_text('{"credentials": [' + entry.replace("ID", word) + "]}", encoding="utf-8")
    fast, careful = both_readings(path)
    assert fast.credentials[0].id == careful.credentials[0].id == word  # type: ignore[attr-defined]


@pytest.mark.parametrize(("word", "yaml_11"), [("010", "8"), ("0x1F", "31"), ("1:30", "90"), ("1.50", "1.5")])
def test_a_profile_and_a_role_keep_the_text_of_a_number_as_written(
    write, word: str, yaml_11: str
) -> None:  # type: ignore[no-untyped-def]
    profile = load_profile(
        write(
            "p.yaml",
            f"name: {word}\ncurrent_role: {word}\nskills: {{SQL: 2}}\ncredentials:\n  - {{id: {word}}}\n",
        )
    )
    assert (profile.name, profile.current_role, profile.credentials[0].id) == (word, word, word)
    role = load_role(
        write("r.yaml", f"id: {word}\ntitle: {word}\nrequirements:\n  - {{skill: SQL, level: 2}}\n"
              f"required_credentials: [{word}]\n")
    )
    assert (role.id, role.title, role.required_credentials) == (word, word, (word,))
    assert yaml_11 not in (profile.name, role.title)


@given(st.sampled_from(TRICKY + NUMBERS), st.sampled_from(["title", "provider", "id", "description"]))
def test_the_fast_and_careful_readings_agree_on_a_tricky_word_in_a_text_field(word: str, field: str) -> None:
    import tempfile

    text = (
        "credentials:\n"
        f"  - {{id: c-1, title: T, provider: P, skills: [{{name: SQL, level: 2}}], {field}: {word}}}\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            careful = read_model(path, "catalog", read_catalog, located=True)
        except InputError as exc:
            with pytest.raises(InputError) as again:
                load_catalogs([path], use_cache=False)
            assert [str(p) for p in again.value.problems] == [str(p) for p in exc.problems]
            return
        fast = load_catalogs([path], use_cache=False)
        assert unplaced(fast.credentials) == unplaced(careful.credentials)


def test_numbers_where_numbers_belong_are_still_numbers(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "credentials:\n  - {id: a, title: A, provider: P, skills: [{name: SQL, level: 2}], hours: 0x10,"
        " cost: 49.50, credits: 1_0}\n",
        encoding="utf-8",
    )
    (credential,) = load_catalogs([path], use_cache=False).credentials
    assert (credential.hours, credential.cost, credential.credits) == (16.0, 49.5, 10.0)
    assert json.dumps(credential.cost) == "49.5"
