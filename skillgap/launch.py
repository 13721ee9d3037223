"""The console script's entry point: Ctrl-C is a quiet exit 130 even while the command line is still
being imported (the first tens of milliseconds, before `run()` and its error boundary exist)."""

from __future__ import annotations

import sys


def main() -> None:
    try:
        from skillgap.cli.main import run
    except KeyboardInterrupt:
        sys.stderr.write("skillgap: interrupted\n")
        raise SystemExit(130) from None
    run()
