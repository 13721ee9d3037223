"""Files that share a name never hide one another: compared roles, people in a cohort, sheets in a folder."""

from __future__ import annotations

import random
from pathlib import Path, PurePath
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.pathnames import distinct_tails
from tests.conftest import ROOT, invoke
from tests.hypothesis_profiles import examples

CORE = ROOT / "tests" / "data" / "core"
WORLD = ("--catalog", CORE / "catalog.yaml", "--taxonomy", CORE / "skills.yaml")


def role(title: str, skill: str, extra: str = "") -> str:
    return f"{extra}title: {title}\nrequirements:\n  - {{skill: {skill}, level: 3, importance: essential}}\n"


# --- the rule ---------------------------------------------------------------------------------------

paths = st.lists(
    st.lists(st.sampled_from(["a", "b", "team", "x"]), min_size=0, max_size=3).flatmap(
        lambda folders: st.sampled_from(["dana.yaml", "dana.json", "role.yaml", "sam.yml"]).map(
            lambda name: "/".join([*folders, name])
        )
    ),
    min_size=1,
    max_size=8,
    unique_by=lambda p: PurePath(p),
)


@settings(max_examples=examples(300))
@given(paths)
def test_tails_tell_every_path_apart_and_each_is_the_end_of_its_path(files: list[str]) -> None:
    tails = distinct_tails(files)
    assert len(set(tails)) == len(files)
    for file, tail in zip(files, tails, strict=True):
        parts = PurePath(file).parts
        written = tail.split("/")
        assert list(parts[-len(written):-1]) == written[:-1]
        assert written[-1] in (PurePath(file).stem, PurePath(file).name)


@settings(max_examples=examples(200))
@given(paths, st.randoms(use_true_random=False))
def test_tails_do_not_depend_on_the_order_of_the_paths(files: list[str], rnd: random.Random) -> None:
    shuffled = list(files)
    rnd.shuffle(shuffled)
    assert dict(zip(shuffled, distinct_tails(shuffled), strict=True)) == dict(
        zip(files, distinct_tails(files), strict=True)
    )


def test_the_shortest_end_that_tells_them_apart() -> None:
    assert distinct_tails(["a/role.yaml", "b/role.yaml"]) == ["a/role", "b/role"]
    three = ["t/x/dana.yaml", "t/y/dana.yaml", "dana.yaml"]
    assert distinct_tails(three) == ["x/dana", "y/dana", "dana.yaml"]  # the bare one is written whole
    assert distinct_tails(["sam.yaml", "x/dana.yaml"]) == ["sam", "dana"]


# --- compare -------------------------------------------------------------------------------------------


def compare(*targets: str | Path) -> Any:
    args: list[str | Path] = ["compare", CORE / "profile.yaml", *WORLD, "-f", "json"]
    for target in targets:
        args += ["--target", target]
    result = invoke(*args)
    assert result.code == 0, result.err
    return {fit["target_id"]: fit["target"] for fit in result.json()}


def test_compare_keeps_two_roles_whose_files_share_a_name(write: Any) -> None:
    first = write("a/role.yaml", role("Spreadsheet Clerk", "Excel"))
    second = write("b/role.yaml", role("Database Clerk", "SQL"))
    assert compare(first, second) == {"a/role": "Spreadsheet Clerk", "b/role": "Database Clerk"}
    assert compare(second, first) == {"a/role": "Spreadsheet Clerk", "b/role": "Database Clerk"}


def test_compare_keeps_two_roles_that_declare_the_same_id(write: Any) -> None:
    first = write("one.yaml", role("Spreadsheet Clerk", "Excel", extra="id: clerk\n"))
    second = write("two.yaml", role("Database Clerk", "SQL", extra="id: clerk\n"))
    third = write("clerk.yaml", role("Filing Clerk", "Excel"))
    assert compare(first, second, third) == {
        "one": "Spreadsheet Clerk",
        "two": "Database Clerk",
        "clerk": "Filing Clerk",
    }


def test_compare_counts_one_file_once_however_it_is_named(write: Any, tmp_path: Path) -> None:
    first = write("a/role.yaml", role("Spreadsheet Clerk", "Excel"))
    again = tmp_path / "a" / ".." / "a" / "role.yaml"
    assert compare(first, again) == {"role": "Spreadsheet Clerk"}


# --- cohort and report ----------------------------------------------------------------------------------


def two_danas(write: Any) -> list[Path]:
    text = (CORE / "profile.yaml").read_text(encoding="utf-8").replace("Test Person", "Dana Okafor")
    return [write("x/dana.yaml", text), write("y/dana.yaml", text.replace("level: 4", "level: 2"))]


def test_the_cohort_names_two_people_who_share_a_name_and_a_file_name_apart(write: Any) -> None:
    people = two_danas(write)
    result = invoke("cohort", *people, "--target", CORE / "role.yaml", *WORLD)
    assert result.code == 0, result.err
    assert "Dana Okafor (x/dana)" in result.out and "Dana Okafor (y/dana)" in result.out


def test_report_writes_one_sheet_each_named_by_the_folder_that_tells_them_apart(
    write: Any, tmp_path: Path
) -> None:
    people = two_danas(write)
    out = tmp_path / "sheets"
    for order in (people, people[::-1]):  # the same names whatever the order
        result = invoke("report", *order, "--target", CORE / "role.yaml", *WORLD, "-d", out, "--force")
        assert result.code == 0, result.err
        assert sorted(p.name for p in out.iterdir()) == ["cohort.md", "x-dana.md", "y-dana.md"]
    cohort = (out / "cohort.md").read_text(encoding="utf-8")
    assert "[Dana Okafor (x/dana)](x-dana.md)" in cohort and "[Dana Okafor (y/dana)](y-dana.md)" in cohort
    for name, mine, theirs in (("x-dana.md", "x/dana", "y/dana"), ("y-dana.md", "y/dana", "x/dana")):
        sheet = (out / name).read_text(encoding="utf-8").replace("\\", "")  # Markdown escapes _ in paths
        assert mine in sheet and theirs not in sheet
