"""Hypothesis profiles: a reproducible default run, and a long fuzzing run a developer asks for.

`ci` (the default, what `python -m pytest` and CI use): derandomized, so the same commit tries the same
examples on every run; no example database, so a failure stored by an earlier run (or another profile)
never changes the result; no deadline and no timing-based health check, so a loaded machine cannot fail a
test either. The examples each test tries are the numbers written beside it.

`fuzz` (`SKILLGAP_HYPOTHESIS=fuzz python -m pytest`): random examples, FUZZ_FACTOR times as many per test
(`SKILLGAP_FUZZ_FACTOR` to change it), and failures kept in `.hypothesis/` so that a failing example is
tried first when the fuzz run is repeated. The default run never reads that database.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings
from hypothesis.database import DirectoryBasedExampleDatabase

PROFILE_VARIABLE = "SKILLGAP_HYPOTHESIS"
PROFILES = ("ci", "fuzz")
FUZZ_FACTOR = int(os.environ.get("SKILLGAP_FUZZ_FACTOR", "20"))
_TIMING = [HealthCheck.too_slow]  # timing depends on the machine's load, never on the code

settings.register_profile(
    "ci",
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=True,
    suppress_health_check=_TIMING,
)
settings.register_profile(
    "fuzz",
    derandomize=False,
    database=DirectoryBasedExampleDatabase(".hypothesis/fuzz"),
    deadline=None,
    print_blob=True,
    suppress_health_check=_TIMING,
)


def selected() -> str:
    """The profile this run uses (the environment's choice, else `ci`); an unknown name is an error."""
    name = os.environ.get(PROFILE_VARIABLE, "ci") or "ci"
    if name not in PROFILES:
        raise SystemExit(f"error: {PROFILE_VARIABLE}={name!r}: use one of {', '.join(PROFILES)}")
    return name


def examples(n: int) -> int:
    """How many examples a test that asks for N tries under the selected profile."""
    return n * FUZZ_FACTOR if selected() == "fuzz" else n


settings.load_profile(selected())
