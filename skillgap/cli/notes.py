"""Warnings about the inputs, on stderr: what a profile names that the catalog does not have, and the
badges that are not evidence."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

from skillgap.errors import Problem

if TYPE_CHECKING:
    from skillgap.model import Badge


def print_warnings(problems: Iterable[Problem]) -> None:
    """Each problem once, as `warning: FILE:LINE:COL: path: message (hint)`, with control characters
    taken out (the text comes from the files)."""
    from skillgap.render.safe import clean

    for problem in dict.fromkeys(problems):
        sys.stderr.write(f"warning: {clean(str(problem))}\n")
    sys.stderr.flush()


def print_badge_notes(badges: Iterable[Badge]) -> None:
    """For each badge file that is not evidence, why, on stderr: `note: FILE: invalid (reason): counts for
    nothing`, or `...: not verifiable offline (reason): counts as a claim` (each file once)."""
    from skillgap.render.evidence import verification_text
    from skillgap.render.safe import clean
    from skillgap.verification import Verdict

    said: dict[str, str] = {}
    for badge in badges:
        if badge.verdict is not Verdict.VERIFIED:
            said.setdefault(badge.file, verification_text(badge))
    for file, text in said.items():
        sys.stderr.write(f"note: {clean(file)}: badge {clean(text)}\n")
    sys.stderr.flush()
