"""Every table command fits the width it is given: at 60, 80 and 120 columns no line is longer than the
width, no id (what people copy into --target or `catalog show`) is split across lines, and no word of a
title or name is broken. Output that reaches no terminal follows COLUMNS, and is not squeezed to 80."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from rich.cells import cell_len

from skillgap.load import load_role
from tests.conftest import CATALOGS, EXAMPLES, ROOT, invoke

WIDTHS = (60, 80, 120)
PROFILES = EXAMPLES / "profiles"
BORDERS = re.compile(r"[\u2500-\u257f]")  # box drawing: table borders


def tokens(out: str) -> set[str]:
    """Every word of the output, table borders taken out."""
    return set(BORDERS.sub(" ", out).split())


def json_of(*args: str | Path) -> object:
    result = invoke(*args, "--format", "json")
    assert result.code == 0, result.err
    return json.loads(result.out)


@dataclass
class Case:
    args: tuple[str | Path, ...]
    ids: Callable[[], list[str]] = lambda: []  # what must appear whole on one line
    words: Callable[[], list[str]] = lambda: []  # what must appear as whole words
    extra: tuple[str, ...] = field(default=())


def _recommended(profile: str, role: str) -> dict[str, list[str]]:
    data = json_of("analyze", PROFILES / profile, "--target", role)
    assert isinstance(data, dict)
    recs = data["recommendations"]
    return {
        "ids": [i for r in recs for i in r["needs_first"]],
        "words": [w for r in recs for w in (r["title"] + " " + r["provider"]).split()],
    }


def _planned(profile: str, role: str) -> list[str]:
    data = json_of("plan", PROFILES / profile, "--target", role)
    assert isinstance(data, dict)
    words = [w for s in data["steps"] for w in (s["title"] + " " + s["provider"]).split()]
    return words + [f"({c['importance']})" for s in data["steps"] for c in s["closes"]]


def _roles() -> list[dict[str, str]]:
    data = json_of("roles")
    assert isinstance(data, list)
    return data


def _catalog(*args: str) -> list[dict[str, str]]:
    data = json_of("catalog", *args)
    return data if isinstance(data, list) else [data]  # type: ignore[list-item]


CASES = {
    "analyze": Case(
        ("analyze", PROFILES / "analyst-to-supply-chain.yaml", "--target", "supply-chain-analyst"),
        ids=lambda: _recommended("analyst-to-supply-chain.yaml", "supply-chain-analyst")["ids"],
        words=lambda: _recommended("analyst-to-supply-chain.yaml", "supply-chain-analyst")["words"],
    ),
    "plan": Case(
        ("plan", PROFILES / "trainer-to-elearning.yaml", "--target", "instructional-designer"),
        words=lambda: _planned("trainer-to-elearning.yaml", "instructional-designer"),
    ),
    "compare": Case(
        ("compare", PROFILES / "career-changer.yaml", "--all"),
        ids=lambda: [r["id"] for r in _roles()],
        words=lambda: [w for r in _roles() for w in r["title"].split()],
    ),
    "cohort": Case(
        ("cohort", PROFILES, "--target", "instructional-designer"),
        ids=lambda: ["(trainer-to-elearning)", "(trainer-with-badges)"],  # two Danas, told apart by file
        words=lambda: ["Priya", "Raman", "Tomás", "Silva", "Marcus", "Bell"],
    ),
    "catalog list": Case(
        ("catalog", "list"),
        ids=lambda: [c["id"] for c in _catalog("list")],
        words=lambda: [w for c in _catalog("list") for w in c["title"].split()],
    ),
    "catalog search": Case(
        ("catalog", "search", "excel"),
        ids=lambda: [c["id"] for c in _catalog("search", "excel")],
        words=lambda: [w for c in _catalog("search", "excel") for w in c["title"].split()],
    ),
    "catalog show": Case(
        ("catalog", "show", "atd-elearning-instructional-design-certificate"),  # the longest id bundled
        ids=lambda: [c["id"] for c in _catalog("show", "atd-elearning-instructional-design-certificate")],
        words=lambda: [
            w
            for c in _catalog("show", "atd-elearning-instructional-design-certificate")
            for w in (c["title"] + " " + (c["description"] or "")).split()
        ],
    ),
    "roles": Case(
        ("roles",),
        ids=lambda: [r["id"] for r in _roles()],
        words=lambda: [w for r in _roles() for w in r["title"].split()],
    ),
    "match": Case(
        ("match", "MS Excel", "Change Mgmt", "data visualisation", "Storyline 360"),
        words=lambda: ["Microsoft", "Excel", "change", "management", "visualization", "Articulate"],
    ),
}


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("name", sorted(CASES))
def test_tables_fit_the_width_and_keep_ids_and_words_whole(
    name: str, width: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    case = CASES[name]
    ids, words = case.ids(), case.words()  # at the default width, from JSON where there is one
    monkeypatch.setenv("COLUMNS", str(width))
    result = invoke(*case.args)
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    too_long = [line for line in lines if cell_len(line) > width]
    assert not too_long, f"{len(too_long)} lines longer than {width}, the first: {too_long[0]!r}"
    split = [i for i in ids if not any(i in line for line in lines)]
    assert not split, f"ids split across lines at {width} columns: {split[:5]}"
    shown = tokens(result.out)
    broken = sorted({w for w in words if w not in shown})
    assert not broken, f"words broken at {width} columns: {broken[:5]}"


@pytest.mark.parametrize("width", (40, 60, 80))
def test_the_heat_map_fits_a_narrow_terminal_in_pages(width: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    out = invoke("cohort", PROFILES, "--target", "instructional-designer").out
    assert max(cell_len(line) for line in out.splitlines()) <= width
    rows = [line for line in out.splitlines() if line.startswith("Priya Raman")]
    cells = [c for row in rows for c in re.findall(r"\d/\d|\d \u2713", row)]
    count = len(load_role(CATALOGS / "roles" / "instructional-designer.yaml").requirements)
    assert len(cells) == count, "every requirement's cell, over however many pages it takes"
    if width < 80:
        assert "Skills matrix, requirements 1-" in out and f"of {count}" in out
    assert "\u2026" not in out  # no name is cut short


def _run(*args: str, env: dict[str, str], cwd: Path) -> str:
    """The installed command in a child process whose stdout is a pipe and which has no terminal."""
    proc = subprocess.run(
        [sys.executable, "-m", "skillgap", *args],
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=True,
    )
    return proc.stdout


@pytest.fixture
def child_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    env["SKILLGAP_CACHE_DIR"] = str(tmp_path / "cache")
    return env


PLAN = ("plan", str(PROFILES / "trainer-to-elearning.yaml"), "--target", "instructional-designer")


def test_a_pipe_follows_columns(child_env: dict[str, str]) -> None:
    out = _run(*PLAN, env={**child_env, "COLUMNS": "132"}, cwd=ROOT)
    assert max(cell_len(line) for line in out.splitlines()) == 132  # the plan's table takes the width


def test_a_pipe_with_no_terminal_and_no_columns_is_not_squeezed_to_80(child_env: dict[str, str]) -> None:
    out = _run(*PLAN, env=child_env, cwd=ROOT)
    assert 80 < max(cell_len(line) for line in out.splitlines()) <= 100


def test_an_output_file_follows_columns(child_env: dict[str, str], tmp_path: Path) -> None:
    target = tmp_path / "plan.txt"
    _run(*PLAN, "--output", str(target), env={**child_env, "COLUMNS": "72"}, cwd=ROOT)
    widths = [cell_len(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert max(widths) <= 72
