"""`skillgap --help` and `--version` start fast: they must not import the heavy modules."""

from __future__ import annotations

import json
import subprocess
import sys

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
