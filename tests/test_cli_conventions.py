"""The conventions of a well-behaved command line: pipes, options anywhere, help that tells the truth."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT, invoke

CORE = ROOT / "tests" / "data" / "core"
ONET = ROOT / "tests" / "data" / "onet"


def big_catalog(folder: Path, count: int = 3000) -> Path:
    """A catalog whose listing is megabytes long: far more than a pipe holds, whatever its size."""
    lines = ["name: Big", "currency: USD", "credentials:"]
    for n in range(count):
        lines += [
            f"  - id: course-{n:05d}",
            f"    title: Course number {n} in a long listing of courses",
            "    provider: Acme",
            "    provider_type: college",
            "    skills: [{name: SQL, level: 3}, {name: Python, level: 2}]",
            "    hours: 20",
            "    cost: 100",
        ]
    path = folder / "big.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def listing_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1", "COLUMNS": "120",
            "SKILLGAP_CACHE_DIR": str(tmp_path / "cache")}


def listing(catalog: Path, fmt: str) -> list[str]:
    return [sys.executable, "-m", "skillgap", "catalog", "list", "--catalog", str(catalog), "-f", fmt]


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_pipe_whose_reader_has_gone_is_not_a_failure(tmp_path: Path, fmt: str) -> None:
    """`skillgap catalog list | true`: the reader is gone before the first line; skillgap stops quietly."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # nobody will ever read: the first write fails, every time
    try:
        proc = subprocess.run(listing(big_catalog(tmp_path, 200), fmt), stdout=write_end,
                              stderr=subprocess.PIPE, env=listing_env(tmp_path), timeout=120)
    finally:
        os.close(write_end)
    assert (proc.returncode, proc.stderr.decode()) == (0, "")


@pytest.mark.parametrize("fmt", ["table", "json"])
def test_a_reader_that_stops_early_is_not_a_failure(tmp_path: Path, fmt: str) -> None:
    """`skillgap catalog list | head -1`: the reader goes after one line; skillgap stops quietly, status 0."""
    with subprocess.Popen(listing(big_catalog(tmp_path), fmt), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, env=listing_env(tmp_path)) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        first = proc.stdout.readline()
        proc.stdout.close()  # as `head -1` does once it has its line
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=120)
    assert first.strip(), "the listing started"
    assert (code, err) == (0, "")


# --- help that tells the truth -------------------------------------------------------------------------


def all_commands() -> dict[str, Any]:
    """Every command's click object by its path ("analyze", "catalog list", ...)."""
    import typer.main

    from skillgap.cli.main import app

    found: dict[str, Any] = {}

    def walk(prefix: str, command: Any) -> None:
        subcommands = getattr(command, "commands", None)
        if subcommands is None:
            found[prefix] = command
            return
        for name, sub in subcommands.items():
            walk(f"{prefix} {name}".strip(), sub)

    walk("", typer.main.get_command(app))
    return found


def help_text(path: str) -> str:
    result = invoke(*path.split(), "--help")
    assert result.code == 0, result.err
    return result.out


FORMATS = {
    "analyze": {"table", "json", "markdown"},
    "plan": {"table", "json", "markdown", "memo"},
    "compare": {"table", "json"},
    "cohort": {"table", "json", "csv"},
    "report": {"markdown", "html", "csv"},
    "showcase": {"markdown", "text"},
    "validate": {"text", "json"},
    "verify": {"table", "json"},
    "match": {"table", "json"},
    "roles": {"table", "json"},
    "catalog list": {"table", "json"},
    "catalog search": {"table", "json"},
    "catalog show": {"table", "json"},
    "catalog check": {"table", "json"},
    "import posting": {"yaml", "json"},
    "import linkedin": {"yaml", "json"},
    "import jsonresume": {"yaml", "json"},
    "import cv": {"yaml", "json"},
}


def test_every_command_with_a_format_option_is_listed_here() -> None:
    with_format = {path for path, command in all_commands().items()
                   if any("--format" in getattr(p, "opts", ()) for p in command.params)}
    assert with_format == set(FORMATS)


@pytest.mark.parametrize("path", sorted(FORMATS))
def test_help_lists_the_formats_the_command_accepts_and_no_other(path: str) -> None:
    from skillgap.render.formats import Format

    listed = re.search(r"--format \[([a-z|]+)\]", help_text(path))
    assert listed is not None
    assert set(listed.group(1).split("|")) == FORMATS[path]
    for other in {f.value for f in Format} - FORMATS[path]:  # refused as the usage error it is
        result = invoke(*path.split(), "--format", other)
        assert result.code == 2 and f"'{other}' is not one of" in result.err, result.err


@pytest.mark.parametrize("path", sorted(all_commands()))
def test_usage_and_options_name_their_values_in_capitals(path: str) -> None:
    """`skillgap analyze [OPTIONS] PROFILE` and `--target ROLE`, not `{profile}` and `<str>`."""
    text = help_text(path)
    usage = text.splitlines()[0]
    assert re.fullmatch(rf"Usage: skillgap {path} \[OPTIONS\]( \[?[A-Z]+(\.\.\.)?\]?)*", usage), usage
    assert not re.search(r"[{<][a-z _|-]+[>}]", text), text  # typer's own <str>, <int range>, {profile}
    for param in all_commands()[path].params:
        if getattr(param, "is_flag", False):
            continue
        metavar = param.metavar or ""
        assert re.fullmatch(r"[A-Z]+|\[[a-z|-]+\]", metavar), (param.name, metavar)


@pytest.mark.parametrize("path", sorted(all_commands()))
def test_help_mentions_only_options_the_command_has(path: str) -> None:
    """`init --force` must not speak of an --output that init does not have."""
    command = all_commands()[path]
    names = {opt for param in command.params for opt in (*param.opts, *param.secondary_opts)}
    for param in command.params:
        mentioned = set(re.findall(r"(?<![\w-])--[a-z][a-z-]*", getattr(param, "help", None) or ""))
        assert mentioned <= names, (param.name, mentioned - names)


@pytest.mark.parametrize("path", sorted(all_commands()))
def test_the_global_flags_work_after_any_command_too(path: str) -> None:
    """`skillgap analyze ... --no-cache` as well as `skillgap --no-cache analyze ...`; so for --debug."""
    command = all_commands()[path]
    names = {opt for param in command.params for opt in param.opts}
    assert {"--debug", "--no-cache"} <= names
    assert "--debug" in help_text(path) and "--no-cache" in help_text(path)


def test_debug_after_the_command_shows_the_traceback(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args: object, **kwargs: object) -> None:
        raise RuntimeError("kaboom")

    import skillgap.load.library  # noqa: F401 (bound to the real function before the patch, never to `boom`)

    # patched where it is defined and where it is imported, so no module keeps `boom` after this test
    monkeypatch.setattr("skillgap.load.paths.bundled_roles_dir", boom)
    monkeypatch.setattr("skillgap.load.library.bundled_roles_dir", boom)
    assert invoke("roles").code == 1
    with pytest.raises(RuntimeError, match="kaboom"):
        invoke("roles", "--debug")


# --- no option silently does nothing ----------------------------------------------------------------

WORLD = ("--catalog", CORE / "catalog.yaml", "--taxonomy", CORE / "skills.yaml")
PERSON = (CORE / "profile.yaml", "--target", CORE / "role.yaml", *WORLD)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["report", *PERSON, "--no-cohort-sheet"], "--no-cohort-sheet says what --output-dir holds"),
        (["report", *PERSON, "--cohort-sheet"], "--cohort-sheet says what --output-dir holds"),
        (["report", *PERSON, "-f", "csv", "--since", CORE / "profile.yaml"], "--format csv has none"),
        (["cohort", *PERSON, "-f", "csv", "--top", "3"], "--format csv shows none"),
        (["catalog", "list", "--provider-type", "vendr"],
         "'vendr': no such type (did you mean 'vendor'? Choose from university, college, association, mooc, "
         "vendor, employer, other.)"),
        (["catalog", "list", *WORLD[:2], "--provider", "Acmee"], "did you mean 'Acme'?"),
        (["catalog", "list", *WORLD[:2], "--provider", "Nobody"], "no credential in the catalog is from"),
        (["import", "onet", ONET / "Skills.txt", "--all-technology"],
         "--all-technology applies to a Technology Skills file, and none was given"),
        (["import", "onet", ONET / "Skills.txt", "--level", "2", "--all-technology"],
         "--all-technology and --level apply to a Technology Skills file"),
        (["import", "onet", ONET / "Technology Skills.txt", "--min-importance", "4"],
         "--min-importance applies to a Skills or Knowledge file, and none was given"),
    ],
)
def test_an_option_that_would_do_nothing_is_refused(args: list[str | Path], message: str) -> None:
    result = invoke(*args)
    assert result.code == 2 and result.out == ""
    assert result.err.startswith("error: ") and message in result.err, result.err


def test_provider_filters_take_any_case() -> None:
    listed = invoke("catalog", "list", *WORLD[:2], "--provider", "acme", "--provider-type", "COLLEGE",
                    "-f", "json")
    assert listed.code == 0, listed.err
    assert {c["id"] for c in listed.json()} == {"sql-basics", "sql-pro"}


def test_the_cohort_sheet_flags_choose_what_the_folder_holds(tmp_path: Path) -> None:
    two = [tmp_path / "a.yaml", tmp_path / "b.yaml"]
    for path in two:
        path.write_text((CORE / "profile.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    role = ("--target", CORE / "role.yaml", *WORLD)

    def sheets(*args: str | Path) -> set[str]:
        folder = tmp_path / f"out{len(list(tmp_path.iterdir()))}"
        result = invoke("report", *args, *role, "-d", folder)
        assert result.code == 0, result.err
        return {p.name for p in folder.iterdir()}

    assert sheets(*two) == {"a.md", "b.md", "cohort.md"}
    assert sheets(*two, "--no-cohort-sheet") == {"a.md", "b.md"}
    assert sheets(two[0]) == {"a.md"}  # one person: no cohort sheet unless asked for
    assert sheets(two[0], "--cohort-sheet") == {"a.md", "cohort.md"}


# --- every error line starts `error: ` -----------------------------------------------------------------


def error_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if "rror:" in line]


def test_a_wrong_answer_to_init_is_an_error_line_and_asked_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    path = tmp_path / "p.yaml"
    monkeypatch.setattr(sys, "stdin", io.StringIO("\nDana\n\nSQL\nlots\n3\n\nfree\n\n\n"))
    result = invoke("init", path)
    assert result.code == 0, result.err
    assert not error_lines(result.out), "errors go to stderr, not among the questions"
    errors = error_lines(result.err)
    assert len(errors) == 3 and all(line.startswith("error: ") for line in errors), errors
    assert errors[0] == "error: an answer is needed" and "'lots'" in errors[1]
    assert errors[2] == "error: write a number, or nothing to skip"
    assert "name: Dana" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("args", [[], ["catalog"], ["import"]])
def test_no_command_shows_the_help_not_an_error_of_it(args: list[str]) -> None:
    result = invoke(*args)
    assert result.code == 2
    assert result.err.startswith("Usage: skillgap ") and "Commands:" in result.err
    assert result.err.count("Usage:") == 1 and not error_lines(result.err), result.err


@pytest.mark.parametrize(
    "args",
    [["bogus"], ["analyze"], ["analyze", "p.yaml"], ["analyze", "p.yaml", "-r", "x", "--top", "zero"],
     ["catalog", "nope"], ["roles", "--bogus"], ["plan", "p.yaml", "-r", "x", "--objective", "fun"]],
)
def test_usage_errors_are_one_error_line_after_the_usage(args: list[str]) -> None:
    result = invoke(*args)
    assert result.code == 2 and result.out == ""
    lines = result.err.splitlines()
    assert lines[0].startswith("Usage: skillgap") and lines[1].startswith("Try 'skillgap")
    assert len(lines) == 3 and lines[2].startswith("error: "), lines
