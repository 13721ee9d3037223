"""`validate` checks every file it is given and locates every problem, even where the fast reading and the
careful one would part (issue 14, item 2)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from skillgap.load.fast_yaml import check_plain, fast_parse, fast_parse_plain
from tests.conftest import EXAMPLES, invoke

LONG = "1" * 5000  # whole, and past Python's 4,300-digit limit for reading an integer from text
GOOD = EXAMPLES / "profiles" / "career-changer.yaml"


def test_a_number_too_long_to_read_does_not_stop_the_other_files(write) -> None:  # type: ignore[no-untyped-def]
    bad = write("bad.yaml", f"name: Ann\nskills:\n  - name: SQL\n    level: {LONG}\n")
    result = invoke("validate", bad, GOOD)
    assert result.code == 2
    assert result.out == f"{GOOD}: ok (profile, 11 skills)\n"
    first = result.err.splitlines()[0]
    assert first.startswith(f"{bad}:4:12: ")
    assert "a whole number of 5,000 digits is too long to read (at most 4,300 digits)" in first
    assert "not a whole number" not in result.err

    report = invoke("validate", "--format", "json", bad, GOOD).json()
    assert [f["valid"] for f in report["files"]] == [False, True]
    (problem,) = report["files"][0]["problems"]
    assert (problem["line"], problem["col"]) == (4, 12) and "too long" in problem["message"]


def test_the_careful_reading_refusing_what_the_fast_one_took_is_a_located_problem(
    write, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    """check_file never raises: should the two readings ever part again, the careful one is reported."""
    from skillgap.load import check, fast_yaml

    bad = write("bad.yaml", "name: Ann\nskills:\n  - {name: SQL, level: 9}\n  - {name: R, level: 0x_}\n")

    def lenient(text: str) -> Any:  # a fast reading that takes the text the careful one refuses
        return fast_yaml.positionless({"name": "Ann", "skills": [{"name": "SQL", "level": 9}]})

    monkeypatch.setattr(fast_yaml, "fast_parse", lenient)
    checked, good = check.check_files([bad, GOOD])
    (problem,) = checked.problems
    assert (problem.file, problem.line, problem.col) == (str(bad), 4, 22) and good.ok


@pytest.mark.parametrize(
    "text",
    [
        f"a: {LONG}\n",
        f"a: [1, {LONG}]\n",
        f"{LONG}: a\n",
        f"{LONG}\n",
        f"a: -{LONG}\n",
        f"a: {{b: {{c: {LONG}}}}}\n",
    ],
)
def test_the_fast_reading_leaves_integers_too_long_to_read_to_the_careful_one(text: str) -> None:
    assert fast_parse(text) is None
    assert fast_parse_plain(text) is None


def test_long_but_readable_integers_stay_on_the_fast_path() -> None:
    text = "a: " + "9" * 300 + "\n"
    assert fast_parse_plain(text) == {"a": int("9" * 300)}
    assert check_plain({"a": [1, 2**64]})


def test_the_message_for_a_long_number_in_any_file_kind(tmp_path: Path) -> None:
    from skillgap.errors import InputError
    from skillgap.load import load_catalogs

    path = tmp_path / "c.yaml"
    path.write_text(
        "credentials:\n  - {id: a, title: A, provider: P, skills: [{name: SQL, level: 3}], hours: "
        + LONG
        + "}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        load_catalogs([path])
    (problem,) = info.value.problems
    assert problem.line == 2 and "too long to read" in problem.message
