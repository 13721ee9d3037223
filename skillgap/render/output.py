"""Where rendered text goes: stdout, or a file written whole or not at all."""

from __future__ import annotations

import os
import secrets
import stat
import sys
from pathlib import Path

from skillgap.errors import InputError, OutputExistsError

NEW_FILE_MODE = 0o666  # before the umask, as for any file a program creates (the umask takes 022 off)


def write_output(text: str, output: Path | None, force: bool = False) -> None:
    if output is None:
        sys.stdout.write(text)
        if text and not text.endswith("\n"):
            sys.stdout.write("\n")
        sys.stdout.flush()
        return
    write_atomic(output, text, force)


def write_atomic(path: Path, text: str, force: bool = False) -> None:
    """Write to a temporary file beside the target, flush it to disk, then rename it into place.

    An interrupted run leaves the old file (or none), never half a file, and no temporary file. An existing
    file is replaced only with force, and keeps its permissions; a new file gets the ones the umask allows,
    as with any other program.
    """
    if path.is_dir():
        raise InputError.at(str(path), "is a folder", hint="give a file name for --output")
    if path.exists() and not force:
        raise OutputExistsError.at(str(path), "already exists", hint="use --force to replace it")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise InputError.at(str(path), "its folder does not exist", hint=f"create {folder} first")
    keep = _mode_of(path) if force else None
    fd, tmp = _create_beside(path, folder)
    try:
        if keep is not None:
            os.chmod(tmp, keep)
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


def _mode_of(path: Path) -> int | None:
    """The permissions of the file about to be replaced (not its set-id bits), or None for a new file."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode) & 0o777
    except OSError:
        return None


def _create_beside(path: Path, folder: Path) -> tuple[int, str]:
    """A new, empty temporary file in FOLDER, created with NEW_FILE_MODE so that the umask applies to it
    (tempfile.mkstemp would make it 0600, and that mode would reach the output)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    while True:
        tmp = str(folder / f".{path.name}.{secrets.token_hex(4)}.tmp")
        try:
            return os.open(tmp, flags, NEW_FILE_MODE), tmp
        except FileExistsError:
            continue  # another run's temporary file: draw another name
        except OSError as exc:  # a folder we may not write to, a full or read-only disk
            raise InputError.at(str(path), f"cannot write here: {exc.strerror or exc}") from None


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
