"""The readers a profile's `{badge: FILE}` entries are read with (`skillgap.load.profile.load_badges`
takes one): with every badge verified offline, or only read (for `skillgap validate`, which checks that
the files can be read, not what they prove)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from skillgap.load.profile import BadgeReader
from skillgap.model import Badge


def verifying_reader(today: date | None = None) -> BadgeReader:
    """A reader that verifies each badge, validity dates judged on TODAY (the current date when None); a file
    that awards nothing gives no badge (load_badges says so at the profile's line)."""

    def read(path: Path) -> tuple[Badge, ...]:
        from skillgap.load.source import display_name
        from skillgap.verify import verify_parsed
        from skillgap.verify.formats import read as read_awards

        name = display_name(path)
        return tuple(b for parsed in read_awards(path) for b in verify_parsed(parsed, name, today).awards)

    return read


def unverified_awards(path: Path) -> tuple[Badge, ...]:
    """The badges one file awards, read (JSON or a JWS) but not verified: their verification is None."""
    from skillgap.load.source import display_name
    from skillgap.verify import awards_of
    from skillgap.verify.formats import read

    name = display_name(path)
    return tuple(badge for parsed in read(path) for badge in awards_of(parsed, name, None))
