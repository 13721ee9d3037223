"""Warnings about the inputs, on stderr: what a profile names that the catalog does not have."""

from __future__ import annotations

import sys
from collections.abc import Iterable

from skillgap.errors import Problem


def print_warnings(problems: Iterable[Problem]) -> None:
    """Each problem once, as `warning: FILE:LINE:COL: path: message (hint)`, with control characters
    taken out (the text comes from the files)."""
    from skillgap.render.safe import clean

    for problem in dict.fromkeys(problems):
        sys.stderr.write(f"warning: {clean(str(problem))}\n")
    sys.stderr.flush()
