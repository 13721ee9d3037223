"""skillgap: a personal skills-gap analysis against a catalog of microcredentials."""

from __future__ import annotations


def version() -> str:
    """The installed version, read from package metadata (no second copy in the code)."""
    from importlib.metadata import PackageNotFoundError
    from importlib.metadata import version as _version

    try:
        return _version("skillgap")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0+unknown"
