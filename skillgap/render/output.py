"""Where rendered text goes: stdout, or files written whole or not at all.

A file is written to a hidden temporary file beside it, flushed to disk, then renamed into place, so an
interrupted run leaves the old file (or none), never half a file. What a killed run leaves behind (its
temporary file: nothing else ever reads it) the next write to the same folder removes. Only regular files
are written: a device, a pipe or a socket at the name is refused, with or without --force, so that
`-o /dev/null --force` can never replace /dev/null. A symbolic link at the name is replaced itself with
--force (the file it points to is left as it was). A write the disk refuses (full, read-only, over quota)
is invalid input's status, 2, with the reason, not a bug.
"""

from __future__ import annotations

import os
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import partial
from pathlib import Path

from skillgap.errors import InputError, OutputExistsError
from skillgap.processes import is_running

NEW_FILE_MODE = 0o666  # before the umask, as for any file a program creates (the umask takes 022 off)
STALE_SECONDS = 24 * 3600  # a temporary file this old is a killed run's, whatever its process id says


class WriteError(InputError):
    """An output the system would not let skillgap write (a full disk, no permission): exit status 2."""


def write_output(text: str, output: Path | None, force: bool = False) -> None:
    if output is None:
        try:
            sys.stdout.write(text)
            if text and not text.endswith("\n"):
                sys.stdout.write("\n")
            sys.stdout.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise WriteError(f"cannot write the output: {exc.strerror or exc}") from None
        return
    write_atomic(output, text, force)


def write_atomic(path: Path, text: str, force: bool = False) -> None:
    """Write TEXT to PATH whole or not at all. An existing file is replaced only with FORCE, and keeps its
    permissions; a new file gets the ones the umask allows, as with any other program."""
    write_all([(path, text)], force)


def write_all(files: Sequence[tuple[Path, str]], force: bool = False) -> None:
    """Write every file whole, or none of them: each is staged as a temporary file first, and only when all
    are on disk are they renamed into place; a rename that still fails puts back what was there."""
    for path, _ in files:
        check_target(path, force)
    staged: list[tuple[str, Path]] = []
    try:
        for path, text in files:
            staged.append((_stage(path, text, force), path))
        _commit(staged, force)
    finally:
        for tmp, _ in staged:
            _remove(tmp)


def check_target(path: Path, force: bool) -> None:
    """Refuse a name that is a folder, a device or a pipe, in a folder that does not exist, or an existing
    file without FORCE."""
    shown = str(path)
    try:
        link = os.lstat(path)
    except FileNotFoundError:
        link = None
    except OSError as exc:
        raise WriteError.at(shown, f"cannot write here: {exc.strerror or exc}") from None
    if link is not None:
        try:
            target = os.stat(path)
        except OSError:
            target = None  # a link to nothing: only the link is there, and --force replaces it
        if target is not None and stat.S_ISDIR(target.st_mode):
            raise InputError.at(shown, "is a folder", hint="give a file name for --output")
        if target is not None and not stat.S_ISREG(target.st_mode):
            raise InputError.at(
                shown,
                "is a device, a pipe or a socket, not a file: skillgap writes only files",
                hint="leave out --output and redirect stdout instead, e.g. > /dev/null",
            )
        if not force:
            raise OutputExistsError.at(shown, "already exists", hint="use --force to replace it")
    folder = _folder(path)
    if not folder.is_dir():
        raise InputError.at(shown, "its folder does not exist", hint=f"create {folder} first")


def _folder(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def _stage(path: Path, text: str, force: bool) -> str:
    """A temporary file beside PATH holding TEXT, on disk (fsync'd), with the permissions it will keep."""
    folder = _folder(path)
    _sweep(folder, path.name)
    keep = _mode_of(path) if force else None
    fd, tmp = _create_beside(path, folder)
    with _undone_on_failure(path, partial(_remove, tmp)):
        if keep is not None and hasattr(os, "fchmod"):
            os.fchmod(fd, keep)
        elif keep is not None:
            os.chmod(tmp, keep)
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            if text and not text.endswith("\n"):
                handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
    return tmp


def _commit(staged: list[tuple[str, Path]], force: bool) -> None:
    """Rename each staged file into place; if one fails, undo the ones already placed."""
    placed: list[tuple[Path, str | None]] = []  # (the name, the temporary name its old file was kept as)
    for tmp, path in staged:
        kept = _keep_old(path) if force else None
        with _undone_on_failure(path, partial(_roll_back, placed, kept)):
            if force:
                os.replace(tmp, path)
            else:
                _link_no_clobber(tmp, path)
        placed.append((path, kept))
    for _, kept in placed:
        if kept is not None:
            _remove(kept)


@contextmanager
def _undone_on_failure(path: Path, undo: Callable[[], None]) -> Iterator[None]:
    """Run UNDO when the block fails; a refusal of the system's (a full disk) becomes a WriteError."""
    try:
        yield
    except OSError as exc:
        undo()
        raise WriteError.at(str(path), f"cannot write: {exc.strerror or exc}") from None
    except BaseException:
        undo()
        raise


def _roll_back(placed: list[tuple[Path, str | None]], kept: str | None) -> None:
    """Put back what the files already placed replaced (or remove them), and drop the copy KEPT."""
    if kept is not None:
        _remove(kept)
    for path, old in reversed(placed):
        try:
            if old is not None:
                os.replace(old, path)
            else:
                os.unlink(path)
        except OSError:
            pass


def _keep_old(path: Path) -> str | None:
    """A second name (a hard link) for the file about to be replaced, so that it can be put back."""
    if not os.path.lexists(path):
        return None
    folder = _folder(path)
    for _ in range(100):
        name = str(folder / _temporary_name(path.name))
        try:
            os.link(path, name, follow_symlinks=False)
            return name
        except FileExistsError:
            continue
        except (OSError, NotImplementedError):
            return None  # (no hard links here: the old file cannot be kept, only replaced)
    return None


def _mode_of(path: Path) -> int | None:
    """The permissions of the file about to be replaced (not its set-id bits), or None for a new file."""
    try:
        return stat.S_IMODE(os.stat(path).st_mode) & 0o777
    except OSError:
        return None


def _temporary_name(name: str) -> str:
    """`.NAME.PID-RANDOM.tmp`: hidden, never a name a user gives, and telling which process made it."""
    return f".{name}.{os.getpid()}-{secrets.token_hex(4)}.tmp"


def _create_beside(path: Path, folder: Path) -> tuple[int, str]:
    """A new, empty temporary file in FOLDER, created with NEW_FILE_MODE so that the umask applies to it
    (tempfile.mkstemp would make it 0600, and that mode would reach the output)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOFOLLOW", 0)
    while True:
        tmp = str(folder / _temporary_name(path.name))
        try:
            return os.open(tmp, flags | getattr(os, "O_BINARY", 0), NEW_FILE_MODE), tmp
        except FileExistsError:
            continue  # another run's temporary file: draw another name
        except OSError as exc:  # a folder we may not write to, a full or read-only disk
            raise WriteError.at(str(path), f"cannot write here: {exc.strerror or exc}") from None


def _sweep(folder: Path, name: str) -> None:
    """Remove the temporary files that killed runs left for NAME: ours, regular, and either a day old or
    made by a process that is no longer running."""
    prefix, now = f".{name}.", time.time()
    try:
        found = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(".tmp")]
    except OSError:
        return
    for entry in found:
        pid = entry[len(prefix) : -len(".tmp")].partition("-")[0]
        full = folder / entry
        try:
            info = os.lstat(full)
            if not stat.S_ISREG(info.st_mode) or (hasattr(os, "geteuid") and info.st_uid != os.geteuid()):
                continue  # (not ours to remove)
            if now - info.st_mtime < STALE_SECONDS and is_running(pid):
                continue  # another run may be writing it now
            os.unlink(full)
        except OSError:
            continue


def _remove(name: str) -> None:
    try:
        os.unlink(name)
    except OSError:
        pass


def _link_no_clobber(tmp: str, path: Path) -> None:
    """Put the file in place only if nothing is there yet, even if another process races us."""
    try:
        os.link(tmp, path)
    except FileExistsError:
        raise OutputExistsError.at(str(path), "already exists", hint="use --force to replace it") from None
    except OSError:  # a file system without hard links
        if os.path.lexists(path):
            raise OutputExistsError.at(str(path), "already exists", hint="use --force") from None
        os.replace(tmp, path)

