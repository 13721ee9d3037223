"""--stale-after is one rule on every command that analyses a person: a coaching sheet, a plan, a role
comparison and a cohort see the same readiness as `analyze` for the same threshold."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import invoke

PROFILE = "name: Ola\nskills:\n  - {name: SQL, level: 3, last_used: 2015-06}\n"
ROLE = "title: Analyst\nrequirements:\n  - {skill: SQL, level: 3, importance: essential}\n"
CATALOG = """\
currency: USD
credentials:
  - {id: sql, title: SQL Course, provider: Acme, skills: [{name: SQL, level: 3}], cost: 10, hours: 5}
"""


@pytest.fixture
def files(write: Any) -> tuple[Path, list[str | Path]]:
    who = write("team/ola.yaml", PROFILE)
    world = ["--target", write("role.yaml", ROLE), "--catalog", write("c.yaml", CATALOG),
             "--taxonomy", write("s.yaml", "skills: [SQL]\n")]  # fmt: skip
    return who, world


def readiness(command: str, who: Path, world: list[str | Path], *extra: str) -> float:
    if command == "report":
        text = invoke("report", who, *world, *extra).out
        found = re.search(r"\*\*Readiness:\*\* (\d+)%", text) or re.search(r"readiness (\d+)%", text, re.I)
        assert found is not None, text
        return int(found.group(1)) / 100
    result = invoke(command, who.parent if command == "cohort" else who, *world, "-f", "json", *extra)
    assert result.code == 0, result.err
    data = result.json()
    if command == "plan":
        return float(data["readiness"]["now"])
    if command == "compare":
        return float(data[0]["readiness"])
    if command == "cohort":
        return float(data["people"][0]["readiness"])
    return float(data["readiness"])


@pytest.mark.parametrize("command", ["plan", "compare", "cohort", "report"])
def test_every_command_takes_the_staleness_rule_of_analyze(files: Any, command: str) -> None:
    """SQL claimed at 3, last used in 2015: stale by the default 3 years (counts 2 of 3), not with 0 (never)
    nor with 20 years; each command agrees with analyze on each threshold."""
    who, world = files
    for extra in ((), ("--stale-after", "0"), ("--stale-after", "20")):
        expected = readiness("analyze", who, world, *extra)
        assert readiness(command, who, world, *extra) == pytest.approx(expected, abs=0.006)
    assert readiness(command, who, world) < 1 and readiness(command, who, world, "--stale-after", "0") == 1


def test_the_plan_closes_a_stale_gap_only_when_it_is_stale(files: Any) -> None:
    who, world = files
    stale = invoke("plan", who, *world, "-f", "json").json()
    fresh = invoke("plan", who, *world, "--stale-after", "0", "-f", "json").json()
    assert [s["id"] for s in stale["steps"]] == ["sql"] and fresh["steps"] == []
