"""Where rendered text goes: stdout, or a file written whole or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from skillgap.errors import InputError, OutputExistsError


def write_output(text: str, output: Path | None, force: bool = False) -> None:
    if output is None:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
        return
    write_atomic(output, text, force)


def write_atomic(path: Path, text: str, force: bool = False) -> None:
    """Write to a temporary file beside the target, then rename it into place.

    An interrupted run leaves the old file (or none), never half a file. An existing file is replaced
    only with force.
    """
    if path.is_dir():
        raise InputError.at(str(path), "is a folder", hint="give a file name for --output")
    if path.exists() and not force:
        raise OutputExistsError.at(str(path), "already exists", hint="use --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError.at(str(path), "its folder does not exist", hint=f"create {folder} first")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:  # a folder we may not write to, a full or read-only disk
        raise InputError.at(str(path), f"cannot write here: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            if text and not text.endswith("\n"):
                handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        if force:
            os.replace(tmp, path)
        else:
            _link_no_clobber(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


def _link_no_clobber(tmp: str, path: Path) -> None:
    """Put the file in place only if nothing is there yet, even if another process races us."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputExistsError.at(str(path), "already exists", hint="use --force to replace it") from None
    except OSError:  # a file system without hard links
        if path.exists():
            raise OutputExistsError.at(str(path), "already exists", hint="use --force") from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)
