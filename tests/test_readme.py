"""The README is part of the product: its commands run, and CI runs its test command as written."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import ROOT, invoke

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```(?:sh|console)\n(.*?)```", README, flags=re.DOTALL)


def readme_commands() -> list[str]:
    """Every `skillgap ...` command shown in a shell block (a `$ ` prompt is dropped)."""
    commands = []
    for block in BLOCKS:
        for line in block.splitlines():
            line = line.strip().removeprefix("$ ")
            for part in line.split("&&"):
                part = part.strip()
                if part.startswith("skillgap "):
                    commands.append(part)
    return commands


def test_quick_start_has_the_two_commands_and_ci_runs_the_second() -> None:
    quick = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", quick, flags=re.DOTALL)
    install_run, install_test = blocks[0].strip(), blocks[1].strip()
    assert install_run.startswith("pip install . && skillgap analyze examples/profiles/")
    assert "pytest" in install_test and "[test]" in install_test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert install_test in ci.splitlines()


def test_readme_documents_every_command() -> None:
    import typer.main

    from skillgap.cli.main import app

    group = typer.main.get_command(app)
    names = sorted(group.commands)  # type: ignore[attr-defined]
    assert names
    for name in names:
        assert f"skillgap {name}" in README, f"README does not document `skillgap {name}`"


@pytest.mark.parametrize("command", readme_commands())
def test_readme_command_runs(command: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from a scratch folder holding the repository's examples and catalogs, as a reader would."""
    for name in ("examples", "catalogs"):
        os.symlink(ROOT / name, tmp_path / name)
    monkeypatch.chdir(tmp_path)
    args = shlex.split(command)[1:]
    expected = 0
    result = invoke(*args)
    assert result.code == expected, f"{command}\n{result.err}"
    assert "Traceback" not in result.err
