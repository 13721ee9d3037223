"""`skillgap init`: a starter profile from a few answers (or a role's skills), never over an existing file."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.cli.init import profile_text
from skillgap.load import load_profile
from skillgap.load.fields import Report
from skillgap.load.profile import read_profile
from skillgap.load.source import parse
from tests.conftest import CATALOGS, Result, invoke
from tests.hypothesis_profiles import examples


def init(monkeypatch: pytest.MonkeyPatch, answers: str, *args: str | Path) -> Result:
    """Run `skillgap init ARGS` through the real error boundary, typing ANSWERS on stdin."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(answers))
    return invoke("init", *args)


def test_answers_become_a_profile_that_loads(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "me.yaml"
    answers = "Dana Okafor\nCorporate trainer\nSQL\n3\nsql\nExcel\nwizard\nexpert\n\n1,500\n5\n"
    result = init(monkeypatch, answers, path)
    assert result.code == 0, result.err
    assert "Your name" in result.out and "error: unknown level 'wizard'" in result.err
    assert "listed already" in result.out
    assert f"Wrote {path} (2 skills)" in result.err
    profile = load_profile(path)
    assert (profile.name, profile.current_role) == ("Dana Okafor", "Corporate trainer")
    assert [(s.name, s.level) for s in profile.skills] == [("SQL", 3), ("Excel", 5)]
    assert (profile.preferences.budget, profile.preferences.hours_per_week) == (1500, 5)
    assert invoke("validate", path).code == 0


def test_from_a_bundled_role_every_skill_is_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from skillgap.load import load_role

    role = load_role(CATALOGS / "roles" / "data-analyst.yaml")
    path = tmp_path / "p.yaml"
    names = [name for r in role.requirements for name in r.names]  # each alternative of a choice is asked
    levels = ["4", "", "competent", "9", "2"] + [""] * (len(names) - 4)
    result = init(monkeypatch, "Sam\n\n" + "\n".join(levels) + "\n\n\n", path, "--from-role", "data-analyst")
    assert result.code == 0, result.err
    assert "error: level 9 is out of range" in result.err
    for name in names:
        assert name in result.out
    profile = load_profile(path)
    assert [s.name for s in profile.skills] == names
    assert [s.level for s in profile.skills][:4] == [4, 0, 3, 2]
    assert "--target data-analyst" in result.err


def test_from_a_role_file_without_questions(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    role = write("team/lead.yaml", "title: Team lead\nrequirements: {coaching: 3, budgeting: 2}\n")
    path = tmp_path / "p.yaml"
    result = invoke("init", path, "--from-role", role, "--name", "Lee", "--no-input")
    assert result.code == 0, result.err
    assert result.out == ""
    profile = load_profile(path)
    assert profile.name == "Lee" and [(s.name, s.level) for s in profile.skills] == [
        ("coaching", 0),
        ("budgeting", 0),
    ]


def test_an_existing_file_is_never_replaced(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = init(monkeypatch, "Dana\n\n\n\n\n", path)
    assert result.code == 2 and "already exists" in result.err and "--force" in result.err
    assert result.out == "", "refused before asking anything"
    assert path.read_text(encoding="utf-8") == "mine\n"
    forced = init(monkeypatch, "Dana\n\n\n\n\n", path, "--force")
    assert forced.code == 0, forced.err
    assert load_profile(path).name == "Dana"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.yaml"], "no temporary file left behind"


def test_a_folder_is_not_a_profile(tmp_path: Path) -> None:
    result = invoke("init", tmp_path, "--name", "X", "--no-input")
    assert result.code == 2 and "is a folder" in result.err


def test_input_that_ends_early_is_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "p.yaml"
    result = init(monkeypatch, "Dana\n", path)
    assert result.code == 2 and "the input ended" in result.err and "--no-input" in result.err
    assert not path.exists() and "Traceback" not in result.err


def test_ctrl_c_at_a_question(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    class Interrupted(io.StringIO):
        def readline(self, *args: object) -> str:
            raise KeyboardInterrupt

    monkeypatch.setattr(sys, "stdin", Interrupted())
    result = invoke("init", tmp_path / "p.yaml")
    assert result.code == 130
    assert result.err.strip().splitlines() == ["skillgap: interrupted"]
    assert not (tmp_path / "p.yaml").exists()


def test_no_input_needs_a_name(tmp_path: Path) -> None:
    for args in (("--no-input",), ("--no-input", "--name", "  ")):
        result = invoke("init", tmp_path / "p.yaml", *args)
        assert result.code == 2 and "--name" in result.err


def test_an_unknown_role_suggests_one(tmp_path: Path) -> None:
    result = invoke("init", tmp_path / "p.yaml", "--from-role", "data-analist", "--name", "X", "--no-input")
    assert result.code == 2 and "did you mean 'data-analyst'?" in result.err


def test_text_that_yaml_would_misread_is_written_so_it_reads_back(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    result = invoke(
        "init",
        path,
        "--name",
        "yes",
        "--current-role",
        "- [x]: #y \x1b]0;evil\x07 *a &b !!python/none",
        "--no-input",
    )
    assert result.code == 0, result.err
    profile = load_profile(path)
    assert profile.name == "yes" and profile.current_role == "- [x]: #y *a &b !!python/none"


@settings(max_examples=examples(150), deadline=None)
@given(
    name=st.text(min_size=1, max_size=40).filter(lambda t: t.split()),
    skills=st.lists(
        st.tuples(st.text(min_size=1, max_size=30).filter(lambda t: t.split()), st.integers(0, 5)),
        max_size=5,
        unique_by=lambda s: " ".join(s[0].casefold().split()),
    ),
)
def test_any_answers_round_trip_through_the_written_file(name: str, skills: list[tuple[str, int]]) -> None:
    from skillgap.cli.init import _clean_text

    name = _clean_text(name)
    skills = [(_clean_text(s), level) for s, level in skills]
    if not name or any(not s for s, _ in skills):
        return
    if len({" ".join(s.casefold().split()) for s, _ in skills}) < len(skills):
        return
    text = profile_text({"name": name, "current_role": None}, skills, {}, None, Path("p.yaml"))
    report = Report("p.yaml")
    profile = read_profile(parse(text, "p.yaml"), report)
    assert not report.problems, report.problems
    assert profile is not None and profile.name == name
    assert [(s.name, s.level) for s in profile.skills] == skills


def test_dash_writes_the_profile_to_stdout_and_asks_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`init -` is a profile on stdout for a pipe or a redirect: no file named "-", and every question
    and note on stderr so that stdout holds the profile alone."""
    monkeypatch.chdir(tmp_path)
    answers = "Dana Okafor\n\nSQL\n3\n\n\n\n"
    result = init(monkeypatch, answers, "-")
    assert result.code == 0, result.err
    assert not (tmp_path / "-").exists()
    assert "Your name" in result.err and "Your name" not in result.out
    assert "List the skills you have" in result.err
    assert "standard output" in result.err
    written = tmp_path / "me.yaml"
    written.write_text(result.out, encoding="utf-8")
    profile = load_profile(written)
    assert (profile.name, [(s.name, s.level) for s in profile.skills]) == ("Dana Okafor", [("SQL", 3)])
    assert "skillgap validate FILE" in result.out


def test_dash_with_force_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = init(monkeypatch, "", "-", "--force", "--no-input", "--name", "Dana")
    assert result.code == 2
    assert "--force" in result.err and not result.out
    assert not (tmp_path / "-").exists()
