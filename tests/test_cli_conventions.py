"""The conventions of a well-behaved command line: pipes, options anywhere, help that tells the truth."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

CORE = ROOT / "tests" / "data" / "core"


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
