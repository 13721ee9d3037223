"""Offline verification of earned Open Badges (2.0 and 3.0): what can be checked without a network is
checked, and what could not be is said (see `checks` for the checks, in order).

`verify_file` reads one badge file into its awards, each with its verification and the badges skillgap
reads from it; `skillgap.verify.reader` hands those to a profile's `{badge: FILE}` entries.

The signature checks use the optional `cryptography` and `pyld` libraries (`pip install
'skillgap[verify]'`); without them those checks are reported as not made, with how to install them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from skillgap.errors import InputError, Problem
from skillgap.model import Badge
from skillgap.verification import BadgeFormat, Verdict, Verification
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

    @property
    def verdict(self) -> Verdict:
        return self.verification.verdict


@dataclass(frozen=True)
class Unreadable:
    """A file that could not be read as badges (or a profile), and why: nothing in it is verified."""

    file: str
    problems: tuple[Problem, ...]


Result = Verified | Unreadable
PROFILE_SUFFIXES = (".yaml", ".yml")


def verify_paths(paths: Iterable[Path], today: date | None = None) -> list[Result]:
    """Every award in each file verified, in order: a badge file's awards, or for a profile (YAML) the
    awards of each badge file it lists under `credentials` as `{badge: FILE}`. A file that cannot be read
    is Unreadable and never stops the others."""
    from skillgap.load.profile import badge_file, load_profile
    from skillgap.load.source import display_name

    found: list[Result] = []
    for path in paths:
        if path.suffix.lower() not in PROFILE_SUFFIXES:
            found += _verified_or_not(path, today)
            continue
        try:
            profile = load_profile(path)
        except InputError as exc:
            found.append(Unreadable(display_name(path), tuple(exc.problems)))
            continue
        listed = [badge_file(profile, held) for held in profile.credentials]
        for badge_path in (p for p in listed if p is not None):
            found += _verified_or_not(badge_path, today)
    return found


def _verified_or_not(path: Path, today: date | None) -> list[Result]:
    from skillgap.load.source import display_name

    try:
        return list(verify_file(path, today))
    except InputError as exc:
        return [Unreadable(display_name(path), tuple(exc.problems))]


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
