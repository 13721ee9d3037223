"""A cache of what skillgap builds from its input files, so a large catalog is parsed once.

The interface, which is all the rest of skillgap sees of the cache:

- ``cached(kind, sources, build, codec)``: the value cached for these sources (each file's name as shown
  and its bytes), else ``build()``, kept when it returns a value. CODEC says how a value of this kind
  becomes plain parts and back (`Codec`).
- ``files(paths)``: the sources of a value built from these files.
- ``enabled()`` and ``set_enabled(on)``: ``--no-cache`` and ``$SKILLGAP_NO_CACHE`` turn it off.
- ``finish_writes()``: wait for entries still being written on another thread (before the process exits).
- ``notes()``: what the user should be told about the cache this run (a folder or an entry refused), at
  most one note a run; the command line prints it. This module never prints.
- ``shipped(path, kind, key, codec, home)``, ``shipped_key(kind, version, sources)`` and
  ``ship(value, kind, key, codec, home)``: a value built ahead of time and shipped inside the package
  (the bundled world, made by ``scripts/prebuild.py``), in the same container as an entry, checked the
  same way, and keyed by its sources' names and bytes and a version its builder gives, not by the
  installed code's files, so that it holds wherever skillgap is installed. A shipped file that is missing,
  damaged or made from other sources is a miss like any entry's.

Where: ``$SKILLGAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/skillgap``, else ``~/.cache/skillgap``.

What an entry holds: plain data only, a `skillgap.parts` container (JSON values, text, bytes and arrays of
numbers), never pickles or marshal data, so reading an entry, however it was made, cannot run code. The
container's SHA-256 tells a damaged entry from a whole one; the codec then checks every value it takes out
as a reader checks a file, and anything it cannot use is a miss: the value is built again, and the entry
replaced.

Keys: each entry is keyed by the SHA-256 of its kind, this format, the code that reads and builds (the size
and modification time of every module of skillgap), the Python version and every source's name and
content. The key names the file and is stored inside it, and a read compares the two, so one catalog's
entry copied under another's name is never served, and an upgraded skillgap never reads an older reading.

Trust: the folder is created private (0700). A folder or an entry that is not owned by the user, or that
its group or others may write, is refused with a note (and the run goes on without it), as is an entry
that is not a regular file: entries are opened relative to the folder, never following a symbolic link
(the folder itself may be a link, if the user owns it, to a folder the user owns).
An entry is written to a new temporary file beside it (0600), flushed to disk and renamed into place, so a
reader sees the old entry or the new one, never part of one; the temporary file is removed if anything
fails, and temporary files that runs killed part way left behind are removed by the next write. A cache
that cannot be read or written only makes a run slower.

A large entry is written on a second thread while the command goes on (hashing and writing let the other
thread run), so a cold run's answer is not held up by tens of megabytes going to disk; the write is
finished before the process exits, and before any entry is read (`finish_writes`).
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

from skillgap.gc_pause import gc_paused
from skillgap.parts import Encoded, Part, Parts, decode, encode
from skillgap.processes import is_running

T = TypeVar("T")

FORMAT = b"skillgap-cache-3"  # what an entry is: bump when the layout of entries changes
SUFFIX = ".sgc"
TEMPORARY = ".tmp-"  # temporary files: .tmp-PID-RANDOM.part
BACKGROUND_BYTES = 1_000_000  # an entry this large is written on a second thread
STALE_SECONDS = 3600  # a temporary file this old is a killed run's, whoever wrote it
_writing: list[threading.Thread] = []
_DISABLED = False
_note: str | None = None
_SECURE = os.name == "posix" and {os.open, os.stat, os.rename, os.unlink} <= os.supports_dir_fd


class Codec(Generic[T]):
    """How one kind of value becomes plain parts and back. PACK may raise ValueError or TypeError for a
    value it has no place for (then nothing is kept); UNPACK raises for anything it cannot use (a miss)."""

    __slots__ = ("pack", "unpack")  # (a plain class: a dataclass costs every run a millisecond to make)

    def __init__(self, pack: Callable[[T], Mapping[str, Part]], unpack: Callable[[Parts], T]) -> None:
        self.pack, self.unpack = pack, unpack


def finish_writes() -> None:
    """Wait for the entries being written on other threads."""
    while _writing:
        _writing.pop().join()


def set_enabled(on: bool) -> None:
    """--no-cache turns it off: neither read nor write entries in this process."""
    global _DISABLED
    _DISABLED = not on


def enabled() -> bool:
    return not _DISABLED and os.environ.get("SKILLGAP_NO_CACHE", "") in ("", "0")


def notes() -> list[str]:
    """The note for the user this run (a refused folder or entry), if any, given once."""
    global _note
    found, _note = _note, None
    return [found] if found else []


def _tell(message: str) -> None:
    global _note
    if _note is None:  # one note a run: the first thing refused says what to fix
        _note = message


def cache_dir() -> Path:
    explicit = os.environ.get("SKILLGAP_CACHE_DIR")
    if explicit:
        return Path(explicit)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local"))
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    return base / "skillgap"


def files(paths: Sequence[Path]) -> Iterator[tuple[str, bytes]]:
    """Each file's name as shown and its bytes (read one at a time, as the key is worked out)."""
    from skillgap.load.source import display_name, read_bytes

    for path in paths:
        yield display_name(path), read_bytes(path)


def cached(
    kind: str, sources: Iterable[tuple[str, bytes]], build: Callable[[], T | None], codec: Codec[T]
) -> T | None:
    """The cached value of this KIND made from SOURCES, or `build()` (kept when it returns a value)."""
    if not enabled():
        return build()
    finish_writes()
    key = entry_key(kind, sources)
    folder = _Folder.open()
    if folder is None:
        return build()
    name = f"{kind}-{key}{SUFFIX}"
    try:
        found = folder.read(name, kind, key, codec)
        if found is not None:
            return found
        value = build()
    except BaseException:
        folder.close()
        raise
    if value is None:
        folder.close()
    else:
        folder.write(name, kind, key, value, codec)  # (closes the folder once written)
    return value


def entry_key(kind: str, sources: Iterable[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for part in (FORMAT, kind.encode(), _code_stamp(), sys.version.encode()):
        digest.update(len(part).to_bytes(8, "little") + part)
    for name, content in sources:
        encoded = name.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "little") + encoded + hashlib.sha256(content).digest())
    return digest.hexdigest()


def shipped_key(kind: str, version: str, sources: Iterable[tuple[str, bytes]]) -> str:
    """The key of a value shipped with skillgap: its kind, this format, the VERSION of the code that builds
    it and every source's name (relative to the folder it is shipped for) and content."""
    digest = hashlib.sha256()
    for part in (FORMAT, b"shipped", kind.encode(), version.encode()):
        digest.update(len(part).to_bytes(8, "little") + part)
    for name, content in sources:
        encoded = name.encode("utf-8", "surrogatepass")
        digest.update(len(encoded).to_bytes(8, "little") + encoded + hashlib.sha256(content).digest())
    return digest.hexdigest()


HOME = "\x00skillgap-home/"  # what a shipped file holds in place of the folder its sources were read from


def ship(value: T, kind: str, key: str, codec: Codec[T], home: str) -> bytes:
    """VALUE as a shipped file's bytes: every JSON text that starts with HOME (the folder the sources were
    read from, with its separator) starts with a placeholder instead, which `shipped` turns into the folder
    they are in where it runs. Raises ValueError if HOME is still named anywhere in it."""
    with gc_paused():
        packed = {name: _rehomed(part, home) for name, part in codec.pack(value).items()}
        blob = encode(packed, {"kind": kind, "key": key}).join()
    if home.encode("utf-8", "surrogatepass") in blob:
        raise ValueError(f"{home} is still named in what was packed (not in a JSON part?)")
    return blob


def _rehomed(part: Part, home: str) -> Part:
    if isinstance(part, list):
        return [_rehomed(item, home) for item in part]
    if isinstance(part, dict):
        return {name: _rehomed(item, home) for name, item in part.items()}
    if isinstance(part, str) and part.startswith(home):
        return HOME + part[len(home) :]
    return part


def shipped(path: Path, kind: str, key: str, codec: Codec[T], home: str) -> T | None:
    """The value shipped in the file at PATH, if it is whole and of this KIND and KEY (`shipped_key`),
    with the names it holds of its sources' folder made HOME's; else None (build it as usual)."""
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    try:
        parts = decode(blob)
        if parts.meta.get("kind") != kind or parts.meta.get("key") != key:
            return None  # made from other sources (a catalog edited since): not this run's
        with gc_paused():
            return codec.unpack(parts.with_json_prefix(HOME, home))
    except Exception:  # noqa: BLE001  (whatever it holds that cannot be used: a miss)
        return None


@cache
def _code_stamp() -> bytes:
    """What the code that builds and reads entries is: every module's path, size and modification time
    (walked with plain names: the walk is part of every run's time)."""
    package = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    stamp: list[str] = []
    folders = [""]
    while folders:
        folder = folders.pop()
        try:
            found = sorted(os.scandir(os.path.join(package, folder)), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in found:
            name = f"{folder}/{entry.name}" if folder else entry.name
            try:
                if entry.is_dir(follow_symlinks=False):
                    if entry.name != "__pycache__":
                        folders.append(name)
                elif entry.name.endswith(".py"):
                    info = entry.stat()
                    stamp.append(f"{name}:{info.st_size}:{info.st_mtime_ns}")
            except OSError:
                continue
    return "\n".join(stamp).encode()


class _Folder:
    """The cache folder, checked and held open: every entry is opened relative to it (on POSIX)."""

    def __init__(self, path: Path, fd: int | None) -> None:
        self.path, self._fd = path, fd

    @classmethod
    def open(cls) -> _Folder | None:
        """The cache folder, made private if new; None (with a note where the user should act) when it
        cannot be made or is refused."""
        path = cache_dir()
        try:
            path.mkdir(mode=0o700, parents=True, exist_ok=True)
        except FileExistsError:
            _refused(path, "it is not a folder")
            return None
        except OSError:  # (no right to make it, a read-only disk: quietly without a cache)
            return None
        if not _SECURE:
            return cls(path, None)
        try:
            fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        except OSError:
            return None
        try:
            problem = _untrusted(os.fstat(fd), "folder")
            link = os.lstat(path)
            if problem is None and stat.S_ISLNK(link.st_mode) and link.st_uid != os.geteuid():
                problem = f"it is a symbolic link owned by another user (uid {link.st_uid})"
        except OSError:
            problem = "it cannot be examined"
        if problem is not None:
            os.close(fd)
            _refused(path, problem)
            return None
        return cls(path, fd)

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def _at(self, name: str) -> str:
        return name if self._fd is not None else str(self.path / name)

    # --- reading ---------------------------------------------------------------------------------------

    def read(self, name: str, kind: str, key: str, codec: Codec[T]) -> T | None:
        blob = self._bytes(name)
        if blob is None:
            return None
        try:
            parts = decode(blob)
            if parts.meta.get("kind") != kind or parts.meta.get("key") != key:
                return None  # another entry's content under this name
            with gc_paused():  # a large tree of new objects: no collections while it is built
                return codec.unpack(parts)
        except Exception:  # noqa: BLE001  (whatever an entry holds that cannot be used: a miss)
            return None

    def _bytes(self, name: str) -> bytes | None:
        """The entry's bytes, if it is a regular file the user owns and only the user may write."""
        try:
            found = os.stat(self._at(name), dir_fd=self._fd, follow_symlinks=False)
        except OSError:
            return None
        problem = _untrusted(found, "entry")
        if problem is not None:
            _tell(f"note: ignored the cache entry {self.path / name}: {problem}; it is built again")
            return None
        flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
        try:
            fd = os.open(self._at(name), flags | getattr(os, "O_CLOEXEC", 0), dir_fd=self._fd)
        except OSError:
            return None
        with os.fdopen(fd, "rb") as entry:
            opened = os.fstat(entry.fileno())
            if (opened.st_dev, opened.st_ino) != (found.st_dev, found.st_ino):
                return None  # replaced since it was looked at: whatever it is now, not this run
            try:
                return entry.read()
            except OSError:
                return None

    # --- writing ---------------------------------------------------------------------------------------

    def write(self, name: str, kind: str, key: str, value: T, codec: Codec[T]) -> None:
        """Keep VALUE as entry NAME (on another thread if it is large); a value that cannot be kept, or a
        write that fails, only costs speed."""
        try:
            with gc_paused():
                encoded = encode(codec.pack(value), {"kind": kind, "key": key})
        except (ValueError, TypeError, OverflowError, RecursionError):
            self.close()
            return
        if encoded.size < BACKGROUND_BYTES:
            self._store_quietly(name, encoded)
            return
        writer = threading.Thread(
            target=self._store_quietly, args=(name, encoded), name="skillgap-cache-write"
        )
        writer.start()
        _writing.append(writer)

    def _store_quietly(self, name: str, encoded: Encoded) -> None:
        """`_store`, then close the folder; may run on another thread, where nothing may print a traceback."""
        try:
            self._sweep()
            self._store(name, encoded)
        except OSError:
            pass  # (a full disk, a folder made read-only: the next run builds again)
        finally:
            self.close()

    def _store(self, name: str, encoded: Encoded) -> None:
        """Write ENCODED to a new temporary file beside NAME, flush it to disk, and rename it into place."""
        temporary = f"{TEMPORARY}{os.getpid()}-{os.urandom(8).hex()}.part"
        flags = (
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        )
        fd = os.open(self._at(temporary), flags, 0o600, dir_fd=self._fd)
        try:
            with os.fdopen(fd, "wb") as out:
                for chunk in encoded.chunks():  # (not joined: that would copy tens of megabytes)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.rename(self._at(temporary), self._at(name), src_dir_fd=self._fd, dst_dir_fd=self._fd)
        except BaseException:
            try:
                os.unlink(self._at(temporary), dir_fd=self._fd)
            except OSError:
                pass
            raise

    def _sweep(self) -> None:
        """Remove what killed runs and older versions of skillgap left: stale temporary files, and entries
        and the signing key of the pickle format this one replaced."""
        try:
            names = os.listdir(self._fd if self._fd is not None else self.path)
        except OSError:
            return
        now = time.time()
        for name in names:
            temporary = name.startswith(TEMPORARY) and name.endswith(".part")
            if not (temporary or name == "key" or name.endswith(".pickle")):
                continue
            try:
                found = os.stat(self._at(name), dir_fd=self._fd, follow_symlinks=False)
                if not stat.S_ISREG(found.st_mode) or _untrusted(found, "entry") is not None:
                    continue  # (not ours to remove)
                age = now - found.st_mtime
                if temporary and age < STALE_SECONDS:
                    writer = name[len(TEMPORARY) :].partition("-")[0]
                    if age < 60 or is_running(writer):
                        continue  # another run may be writing it now
                os.unlink(self._at(name), dir_fd=self._fd)
            except OSError:
                continue


def _refused(path: Path, problem: str) -> None:
    _tell(
        f"note: not using the cache folder {path}: {problem}; this run goes without the cache "
        "(make it a folder of your own that only you may write, e.g. chmod 700, or set SKILLGAP_CACHE_DIR)"
    )


def _untrusted(found: os.stat_result, what: str) -> str | None:
    """Why a folder or entry with this status is not to be used, or None."""
    wanted = stat.S_ISDIR if what == "folder" else stat.S_ISREG
    if not wanted(found.st_mode):
        return "it is not a folder" if what == "folder" else "it is not a regular file (a link, a device?)"
    if not hasattr(os, "geteuid"):
        return None  # (no owners to compare on this platform)
    if found.st_uid != os.geteuid():
        return f"it is owned by another user (uid {found.st_uid})"
    if found.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return "its group or others may write it"
    return None
