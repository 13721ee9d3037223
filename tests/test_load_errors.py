"""Loader errors: every problem names the file, the line and column, the field, and a fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.errors import InputError
from skillgap.load import load_catalogs, load_profile, load_role, load_taxonomies


def problems(fn, path: Path) -> list[str]:  # type: ignore[no-untyped-def]
    with pytest.raises(InputError) as info:
        fn(path)
    return [str(p) for p in info.value.problems]


def test_misspelt_key_gets_a_suggestion_and_its_line(write) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", "name: Ann\nskils:\n  Python: 3\n")
    (msg,) = problems(load_profile, path)
    assert msg.startswith(f"{path}:2:")
    assert "unknown key 'skils'" in msg and "did you mean 'skills'?" in msg


def test_every_problem_is_reported_not_only_the_first(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "p.yaml",
        "name: Ann\nskills:\n  - {name: SQL, level: 9}\n  - {name: Excel, level: wizard}\n"
        "preferences:\n  budget: -1\n",
    )
    msgs = problems(load_profile, path)
    assert len(msgs) == 3
    assert any(m.startswith(f"{path}:3:") and "skills[0].level" in m and "out of range" in m for m in msgs)
    assert any(m.startswith(f"{path}:4:") and "unknown level 'wizard'" in m for m in msgs)
    assert any(m.startswith(f"{path}:6:") and "preferences.budget" in m for m in msgs)


def test_duplicate_keys_are_rejected_with_both_lines(write) -> None:  # type: ignore[no-untyped-def]
    path = write("r.yaml", "title: A\ntitle: B\nrequirements: {SQL: 3}\n")
    (msg,) = problems(load_role, path)
    assert msg.startswith(f"{path}:2:") and "duplicate key 'title'" in msg and "line 1" in msg


def test_enum_errors_list_the_allowed_values(write) -> None:  # type: ignore[no-untyped-def]
    path = write("r.yaml", "title: A\nrequirements:\n  - {skill: SQL, level: 3, importance: critical}\n")
    (msg,) = problems(load_role, path)
    assert msg.startswith(f"{path}:3:")
    assert "essential, important, nice-to-have" in msg


def test_yaml_booleans_are_not_levels(write) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", "name: Ann\nskills:\n  SQL: yes\n")
    (msg,) = problems(load_profile, path)
    assert msg.startswith(f"{path}:3:") and "yes/no" in msg


def test_byte_order_mark_and_crlf_are_accepted(write) -> None:  # type: ignore[no-untyped-def]
    path = write("p.yaml", "\ufeffname: Ann\r\nskills:\r\n  SQL: competent\r\n".encode())
    profile = load_profile(path)
    assert profile.name == "Ann"
    assert [(s.name, s.level) for s in profile.skills] == [("SQL", 3)]


def test_level_names_are_case_insensitive(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "p.yaml",
        "name: A\nskills:\n  a: Expert\n  b: ADVANCED BEGINNER\n  c: novice\n  d: 0\n  e: Proficient\n",
    )
    assert [s.level for s in load_profile(path).skills] == [5, 2, 1, 0, 4]


def test_role_requirements_must_not_be_empty(write) -> None:  # type: ignore[no-untyped-def]
    path = write("r.yaml", "title: A\nrequirements: []\n")
    (msg,) = problems(load_role, path)
    assert "at least one" in msg


def test_missing_required_catalog_fields(write) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", "credentials:\n  - id: x\n    title: X\n    skills: []\n")
    msgs = problems(load_catalogs, [path])  # type: ignore[arg-type]
    assert any("missing required field 'provider'" in m and m.startswith(f"{path}:2:") for m in msgs)
    assert any("at least one skill" in m for m in msgs)


def test_duplicate_credential_ids_across_files(write) -> None:  # type: ignore[no-untyped-def]
    body = "credentials:\n  - id: same\n    title: T\n    provider: P\n    skills: [{name: SQL, level: 2}]\n"
    a, b = write("a.yaml", body), write("b.yaml", body)
    msgs = problems(load_catalogs, [a, b])  # type: ignore[arg-type]
    assert len(msgs) == 1
    assert msgs[0].startswith(f"{b}:2:") and "duplicate credential id 'same'" in msgs[0]
    assert str(a) in msgs[0]


def test_prerequisite_cycles_and_dangling_references(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "c.yaml",
        "credentials:\n"
        "  - {id: a, title: A, provider: P, skills: [{name: x, level: 1}], prerequisites: [b]}\n"
        "  - {id: b, title: B, provider: P, skills: [{name: x, level: 1}], prerequisites: [a]}\n"
        "  - {id: c, title: C, provider: P, skills: [{name: x, level: 1}], prerequisites: [zz]}\n",
    )
    msgs = problems(load_catalogs, [path])  # type: ignore[arg-type]
    assert any("prerequisite 'zz' is not a credential id" in m and f"{path}:4:" in m for m in msgs)
    assert any("prerequisite cycle: a -> b -> a" in m for m in msgs)


def test_taxonomy_alias_lists(write) -> None:  # type: ignore[no-untyped-def]
    path = write("s.yaml", "skills:\n  - name: SQL\n    aliases: [structured query language]\n  - Python\n")
    taxonomy = load_taxonomies([path])
    assert [s.name for s in taxonomy.skills] == ["SQL", "Python"]
    assert taxonomy.skills[0].aliases == ("structured query language",)


def test_a_file_of_another_kind_is_named_as_such_first(write) -> None:  # type: ignore[no-untyped-def]
    profile = write("me.yaml", "name: Ann\nskills:\n  SQL: 3\n  Python: 2\n")
    msgs = problems(load_catalogs, [profile])  # type: ignore[arg-type]
    expected = "this looks like a profile file, not a catalog file (pass it where a profile belongs)"
    assert msgs[0] == f"{profile}:1:1: {expected}"
    role = write(
        "r.yaml", "title: Analyst\nrequirements:\n  - {skill: SQL, level: 3, importance: essential}\n"
    )
    msgs = problems(load_profile, role)
    assert "this looks like a role file, not a profile file" in msgs[0]
    bad_profile = write("p.yaml", "name: Ann\nskills:\n  SQL: 9\n")
    assert not any("looks like" in m for m in problems(load_profile, bad_profile))  # a profile's own mistake
