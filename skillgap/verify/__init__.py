"""Offline verification of earned Open Badges (2.0 and 3.0): what can be checked without a network is
checked, and what could not be is said (see `checks` for the checks, in order).

`verify_file` reads one badge file into its awards, each with its verification and the badges skillgap
reads from it; `skillgap.verify.reader` hands those to a profile's `{badge: FILE}` entries.

The signature checks use the optional `cryptography` and `pyld` libraries (`pip install
'skillgap[verify]'`); without them those checks are reported as not made, with how to install them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from skillgap.model import Badge
from skillgap.verification import BadgeFormat, Verification
from skillgap.verify.formats import Parsed

LIBRARIES = ("cryptography", "pyld")


@dataclass(frozen=True)
class Verified:
    """One award in one file: its verification, and the badges skillgap reads from it (one per subject)."""

    file: str
    item: int | None  # its place (from 1) in a file that holds a list of awards
    verification: Verification
    awards: tuple[Badge, ...]

    @property
    def name(self) -> str:
        return self.file if self.item is None else f"{self.file} (item {self.item})"

    @property
    def format(self) -> BadgeFormat:
        return self.verification.format


def verify_file(
    path: Path, today: date | None = None, extra_contexts: Mapping[str, Any] | None = None
) -> list[Verified]:
    """Read and verify every award in one badge file; an unreadable file, or one that awards nothing, is an
    InputError, located."""
    from skillgap.load.source import display_name
    from skillgap.verify.formats import no_award, read

    name = display_name(path)
    found = [verify_parsed(parsed, name, today, extra_contexts) for parsed in read(path)]
    if not found:
        raise no_award(name)
    return found


def verify_parsed(
    parsed: Parsed, name: str, today: date | None = None, extra_contexts: Mapping[str, Any] | None = None
) -> Verified:
    from skillgap.verify.checks import verify

    verification = verify(parsed, today or date.today(), extra_contexts)
    return Verified(name, parsed.item, verification, awards_of(parsed, name, verification))


def awards_of(parsed: Parsed, name: str, verification: Verification | None) -> tuple[Badge, ...]:
    """The badges one award gives, as the Open Badges reader reads them, with this verification."""
    from skillgap.importers.openbadges import read_document

    signed = parsed.jws is not None or bool(parsed.document.get("proof"))
    return tuple(
        replace(badge, verification=verification, signed=signed)
        for badge in read_document(parsed.document, name).awards
    )


def missing_libraries() -> list[str]:
    """The optional libraries the signature checks need that are not installed."""
    import importlib.util

    return [name for name in LIBRARIES if importlib.util.find_spec(name) is None]
