"""`skillgap validate`: every problem in every file as FILE:LINE:COL, kinds told from content, catalogs
cross-checked together, exit 2 when anything is wrong."""

from __future__ import annotations

import re

import pytest

from skillgap.kinds import Kind
from skillgap.load.detect import detect_kind
from skillgap.load.source import parse
from tests.conftest import CATALOGS, EXAMPLES, invoke

LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>\d+):(?P<col>\d+): (?P<message>.+)$")

CREDENTIAL = "  - {{id: {id}, title: T, provider: P, skills: [{{name: SQL, level: 2}}]{extra}}}\n"


def catalog(*entries: tuple[str, str]) -> str:
    return "credentials:\n" + "".join(CREDENTIAL.format(id=i, extra=extra) for i, extra in entries)


def located(err: str) -> list[dict[str, str]]:
    """The FILE:LINE:COL lines of stderr, parsed."""
    return [m.groupdict() for line in err.splitlines() if (m := LOCATED.match(line))]


def test_bundled_files_are_valid_with_one_ok_line_each_on_stdout() -> None:
    files = [
        *sorted((EXAMPLES / "profiles").glob("*.yaml")),
        *sorted((CATALOGS / "roles").glob("*.yaml")),
        *sorted((CATALOGS / "credentials").glob("*.yaml")),
        *sorted((CATALOGS / "skills").glob("*.yaml")),
    ]
    result = invoke("validate", *files)
    assert result.code == 0, result.err
    assert result.err == ""
    lines = result.out.splitlines()
    assert len(lines) == len(files)
    kinds = {"profiles": "profile", "roles": "role", "credentials": "catalog"}
    for path, line in zip(files, lines, strict=True):
        kind = kinds.get(path.parent.name, "taxonomy")
        assert line.startswith(f"{path}: ok ({kind}, ")


def test_every_problem_is_reported_with_file_line_and_column(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "ann.yaml",
        "name: Ann\nskills:\n  - {name: SQL, level: 9}\n  - {name: Excel, level: wizard}\n"
        "  - {name: R, level: 2}\n  - {name: r, level: 3}\npreferences:\n  budget: -1\n  formts: [online]\n",
    )
    result = invoke("validate", path)
    assert result.code == 2
    found = located(result.err)
    assert [(f["file"], f["line"]) for f in found] == [
        (str(path), "3"), (str(path), "4"), (str(path), "6"), (str(path), "8"), (str(path), "9")
    ]
    messages = "\n".join(f["message"] for f in found)
    assert "out of range" in messages and "unknown level 'wizard'" in messages
    assert "listed twice" in messages and "preferences.budget" in messages
    assert "did you mean 'formats'?" in messages
    assert result.err.splitlines()[-1] == "5 problems in 1 of 1 file"
    assert result.out == "" and "Traceback" not in result.err


def test_valid_and_invalid_files_together(write) -> None:  # type: ignore[no-untyped-def]
    good = write("good.yaml", "name: Bo\nskills: {SQL: 3}\n")
    bad = write("bad.yaml", "title: X\nrequirements: {SQL: yes}\n")
    result = invoke("validate", good, bad)
    assert result.code == 2
    assert result.out == f"{good}: ok (profile, 1 skill)\n"
    assert located(result.err)[0]["file"] == str(bad) and "1 problem in 1 of 2 files" in result.err


def test_catalogs_given_together_are_cross_checked_together(write) -> None:  # type: ignore[no-untyped-def]
    base = write("base.yaml", catalog(("sql-1", "")))
    more = write("more.yaml", catalog(("sql-2", ", prerequisites: [sql-1]")))
    assert invoke("validate", base, more).code == 0
    alone = invoke("validate", more)
    assert alone.code == 2 and "prerequisite 'sql-1' is not a credential id" in alone.err
    assert located(alone.err)[0]["line"] == "2"
    clash = write("clash.yaml", catalog(("sql-1", "")))
    both = invoke("validate", base, clash)
    assert both.code == 2
    (problem,) = located(both.err)
    assert problem["file"] == str(clash) and problem["line"] == "2"
    assert "duplicate credential id 'sql-1'" in problem["message"] and str(base) in problem["message"]


def test_prerequisite_cycles_and_dangling_pathways(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "c.yaml",
        catalog(("a", ", prerequisites: [b]"), ("b", ", prerequisites: [c]"), ("c", ", prerequisites: [a]"))
        + "pathways:\n  - {id: p, title: P, credentials: [a, nope]}\n",
    )
    result = invoke("validate", path)
    assert result.code == 2
    messages = [f["message"] for f in located(result.err)]
    assert any("prerequisite cycle: a -> b -> c -> a" in m for m in messages)
    assert any("pathway credential 'nope' is not a credential id" in m for m in messages)


def test_a_broken_credential_is_not_also_reported_as_a_dangling_reference(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "c.yaml",
        "credentials:\n  - {id: a, title: A, skills: [{name: SQL, level: 2}]}\n"
        + CREDENTIAL.format(id="b", extra=", prerequisites: [a]"),
    )
    result = invoke("validate", path)
    assert result.code == 2
    (problem,) = located(result.err)
    assert "missing required field 'provider'" in problem["message"] and problem["line"] == "2"


def test_the_same_file_twice_is_checked_once(write) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", catalog(("a", "")))
    result = invoke("validate", path, path)
    assert result.code == 0 and result.out.count("ok (catalog") == 1


def test_json_catalogs_are_located_too(write) -> None:  # type: ignore[no-untyped-def]
    path = write(
        "c.json",
        '{"credentials": [\n  {"id": "a", "title": "A", "provider": "P",\n'
        '   "skills": [{"name": "SQL", "level": 2}], "hours": -4}\n]}\n',
    )
    result = invoke("validate", path)
    assert result.code == 2
    (problem,) = located(result.err)
    assert problem["line"] == "3" and "credentials[0].hours" in problem["message"]


def test_format_json_lists_every_file_and_problem(write) -> None:  # type: ignore[no-untyped-def]
    good = write("good.yaml", "name: Bo\n")
    bad = write("bad.yaml", "name: Ann\nskills: {SQL: 6}\n")
    result = invoke("validate", "--format", "json", good, bad)
    assert result.code == 2
    report = result.json()
    assert report["valid"] is False
    assert [(f["file"], f["kind"], f["valid"]) for f in report["files"]] == [
        (str(good), "profile", True), (str(bad), "profile", False)
    ]
    (problem,) = report["files"][1]["problems"]
    assert (problem["line"], problem["col"], problem["path"]) == (2, 15, "skills.SQL")
    assert "out of range" in problem["message"] and problem["hint"]
    assert invoke("validate", "-f", "json", good).json()["valid"] is True


def test_kind_can_be_given(write) -> None:  # type: ignore[no-untyped-def]
    path = write("x.yaml", "name: Bo\nskills: {SQL: 3}\n")
    as_taxonomy = invoke("validate", "--kind", "taxonomy", path)
    assert as_taxonomy.code == 2 and "unknown key" not in as_taxonomy.err
    assert "skills" in as_taxonomy.err
    assert invoke("validate", "-k", "Profile", path).code == 0


def test_a_file_that_is_no_known_kind_asks_for_kind(write) -> None:  # type: ignore[no-untyped-def]
    path = write("x.yaml", "colour: blue\nsize: 3\n")
    result = invoke("validate", path)
    assert result.code == 2
    (problem,) = located(result.err)
    assert problem["line"] == "1" and "cannot tell" in problem["message"] and "--kind" in problem["message"]


def test_no_files_is_a_usage_error() -> None:
    result = invoke("validate")
    assert result.code == 2 and "Traceback" not in result.err


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("name: Ann\nskills: {SQL: 3}", Kind.PROFILE),
        ("name: Ann\nskills:\n  - {name: SQL, level: 3}", Kind.PROFILE),
        ("name: Ann\ncredentials: [{title: First Aid, earned: 2020}]", Kind.PROFILE),
        ("name: Ann", Kind.PROFILE),  # valid only as a profile
        ("name: Ann\nskills:", Kind.PROFILE),  # valid as a profile or a taxonomy: profiles come first
        ("nmae: Ann\nskils: {SQL: 3}\ncurent_role: Trainer", Kind.PROFILE),  # misspelt, still a profile
        ("title: Analyst\nrequirements: {SQL: 3}", Kind.ROLE),
        ("titel: Analyst\nrequirments: {SQL: 3}", Kind.ROLE),
        ("name: C\ncredentials: [{id: a, title: A, provider: P}]", Kind.CATALOG),
        ("credentials: []\npathways: []", Kind.CATALOG),
        ("skills: [SQL, Python]", Kind.TAXONOMY),
        ("skills:\n  - {name: SQL, aliases: [sequel]}", Kind.TAXONOMY),
        ("skills:\n  - {name: SQL}", Kind.TAXONOMY),
        ("abbreviations: {mgmt: management}", Kind.TAXONOMY),
        ("colour: blue", None),
        ("[a, b]", None),
        ("", None),
    ],
)
def test_kind_is_told_from_content(text: str, kind: Kind | None) -> None:
    assert detect_kind(parse(text, "x.yaml"), "x.yaml") is kind


def test_the_file_name_breaks_a_tie_and_names_a_kind_for_a_broken_file() -> None:
    assert detect_kind(parse("name: X", "x.yaml"), "teams/skills.yaml") is Kind.TAXONOMY
    assert detect_kind(parse("- a", "x.yaml"), "catalogs/roles/pm.yaml") is Kind.ROLE
    assert detect_kind(None, "my-profile.yaml") is Kind.PROFILE
