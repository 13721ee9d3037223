"""The default test run is reproducible: the same commit tries the same examples on every run, and nothing
an earlier run stored can change the result; the long fuzz run scales every property test."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import settings

from tests.conftest import ROOT
from tests.hypothesis_profiles import FUZZ_FACTOR, PROFILE_VARIABLE, examples, selected

TESTS = ROOT / "tests"


@pytest.mark.skipif(selected() != "ci", reason="checks the default profile")
def test_the_default_profile_is_derandomized_and_keeps_no_database() -> None:
    current = settings()
    assert current.derandomize is True
    assert current.database is None
    assert current.deadline is None
    assert examples(300) == 300


def test_every_property_test_scales_with_the_fuzz_profile() -> None:
    """A test that gives Hypothesis a bare number of examples would try only that many in the fuzz run too."""
    bare = []
    for path in sorted(TESTS.glob("test_*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"max_examples\s*=\s*(?!examples\()", line):
                bare.append(f"{path.name}:{number}: {line.strip()}")
    assert bare == [], "use max_examples=examples(N) from tests.hypothesis_profiles"


def _run_pytest(
    folder: Path, *, profile: str = "", extra: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1", **(extra or {})}
    if profile:
        env[PROFILE_VARIABLE] = profile
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", str(folder)],
        cwd=folder,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


RARE_FAILURE = """
import os
from hypothesis import given, settings, strategies as st
from hypothesis.database import DirectoryBasedExampleDatabase
from tests.hypothesis_profiles import examples

# PLANT=1: an old-style run with Hypothesis' default example database finds that every n from 996 up fails,
# shrinks that to 996 and stores it; the property proper fails on 996 alone, which the default run's own
# examples do not reach.
PLANT = settings(database=DirectoryBasedExampleDatabase(".hypothesis/examples"), **{"max_examples": 200})
PLAIN = settings(max_examples=examples(20))

@(PLANT if os.environ.get("PLANT") else PLAIN)
@given(st.integers(min_value=0, max_value=10**6))
def test_rare(n):
    assert (n < 996) if os.environ.get("PLANT") else (n != 996)
"""


def test_a_failure_stored_by_an_earlier_run_does_not_change_the_default_run(tmp_path: Path) -> None:
    """The issue's case: an earlier run stored a failing example in `.hypothesis/`; the default run (same
    folder) tries its own fixed examples and gives the same answer every time, whatever is stored."""
    (tmp_path / "conftest.py").write_text("import tests.hypothesis_profiles  # noqa: F401\n")
    (tmp_path / "test_rare.py").write_text(RARE_FAILURE)
    planted = _run_pytest(tmp_path, extra={"PLANT": "1"})
    assert "1 failed" in planted.stdout, planted.stdout + planted.stderr
    assert list((tmp_path / ".hypothesis" / "examples").rglob("*")), "the failing example was stored"
    for _ in range(2):
        again = _run_pytest(tmp_path)
        assert again.returncode == 0 and "1 passed" in again.stdout, again.stdout + again.stderr


def test_an_unknown_profile_name_is_refused(tmp_path: Path) -> None:
    (tmp_path / "conftest.py").write_text("import tests.hypothesis_profiles  # noqa: F401\n")
    (tmp_path / "test_x.py").write_text("def test_x():\n    pass\n")
    result = _run_pytest(tmp_path, profile="fuzzz")
    assert result.returncode != 0
    assert "SKILLGAP_HYPOTHESIS='fuzzz'" in result.stdout + result.stderr


def test_the_fuzz_factor_multiplies_the_examples() -> None:
    assert FUZZ_FACTOR >= 10
