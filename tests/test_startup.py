"""`skillgap --help` and `--version` start fast: they must not import the heavy modules."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("rapidfuzz", "yaml", "rich.table", "skillgap.match", "skillgap.load")

PROBE = """
import json, sys
sys.argv = ["skillgap", *ARGS]
try:
    from skillgap.cli.main import run
    run()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules)), file=sys.stderr)
"""


def loaded_modules(*args: str) -> set[str]:
    code = PROBE.replace("ARGS", repr(list(args)))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return set(json.loads(proc.stderr.strip().splitlines()[-1]))


def test_help_imports_nothing_heavy() -> None:
    loaded = loaded_modules("--help")
    assert not [m for m in HEAVY if m in loaded]


def test_version_imports_nothing_heavy() -> None:
    loaded = loaded_modules("--version")
    assert not [m for m in HEAVY if m in loaded]


def test_command_help_imports_nothing_heavy() -> None:
    loaded = loaded_modules("analyze", "--help")
    assert not [m for m in HEAVY if m in loaded]


def _commands() -> list[list[str]]:
    from skillgap.cli.main import app

    names = [[info.name] for info in app.registered_commands if info.name]
    groups = [[info.name] for info in app.registered_groups if info.name]
    return names + groups


@pytest.mark.parametrize(
    "argv",
    [[*name, "--help"] for name in _commands()]
    + [["catalog", "show", "--help"], ["import", "esco", "--help"], ["--no-cache", "match", "--help"]]
    + [["analyze"], ["analyze", "--bogus"], ["catalog", "nope"], ["schema", "--kind", "x"], ["roles"]],
)
def test_a_command_run_on_its_own_says_what_the_whole_app_says(argv: list[str]) -> None:
    """Each run builds only the command it names; usage, help and errors must not change for it."""
    from typer.testing import CliRunner

    from skillgap.cli.main import app, app_for

    one_app = app_for(argv)
    assert one_app is not app
    assert len(one_app.registered_commands) + len(one_app.registered_groups) == 1
    whole = CliRunner().invoke(app, argv, prog_name="skillgap")
    one = CliRunner().invoke(one_app, argv, prog_name="skillgap")
    assert (one.exit_code, one.output) == (whole.exit_code, whole.output)


@pytest.mark.parametrize("argv", [[], ["--help"], ["--version"], ["-h"], ["anlyze"], ["--debug", "--help"]])
def test_help_version_and_unknown_commands_get_the_whole_app(argv: list[str]) -> None:
    from skillgap.cli.main import app, app_for

    assert app_for(argv) is app
