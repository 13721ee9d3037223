"""A content-keyed cache of parsed catalogs and taxonomies, so a large catalog is parsed once.

Entries live in the user's cache folder (``$SKILLGAP_CACHE_DIR``, else ``$XDG_CACHE_HOME/skillgap``, else
``~/.cache/skillgap``), named by the SHA-256 of the file's bytes together with the loader's version, so an
edited file is never served stale. Each entry is a pickle signed with HMAC-SHA256 under a key kept in the
cache folder (mode 0600): a damaged, truncated or foreign entry fails the check and is ignored and rebuilt,
and nothing unsigned is ever unpickled.

A large entry is signed and written on a second thread while the command goes on (both release the
interpreter's lock), so a cold run's answer is not held up by tens of megabytes going to disk; the write
is finished before the process exits, and before any entry is read (`finish_writes`).
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import sys
import tempfile
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from skillgap.gc_pause import gc_paused

T = TypeVar("T")

FORMAT = b"skillgap-cache-2\n"
LOADER_VERSION = "5"  # bump when what the loaders build or accept changes
_DISABLED = False
BACKGROUND_BYTES = 1_000_000  # an entry this large is written on a second thread
_writing: list[threading.Thread] = []


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


def _key(folder: Path) -> bytes | None:
    path = folder / "key"
    try:
        key = path.read_bytes()
        if len(key) == 32:
            return key
    except OSError:
        pass
    try:
        folder.mkdir(parents=True, exist_ok=True)
        key = os.urandom(32)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)
        return key
    except OSError:
        return None


def entry_name(kind: str, name: str, raw: bytes) -> str:
    """Keyed by content and by the name the file was given as (messages and origins carry it)."""
    digest = hashlib.sha256()
    for part in (kind.encode(), name.encode(), LOADER_VERSION.encode(), sys.version.encode(), raw):
        digest.update(len(part).to_bytes(8, "little"))
        digest.update(part)
    return f"{kind}-{digest.hexdigest()}.pickle"


def cached(kind: str, name: str, raw: bytes, build: Callable[[], T | None]) -> T | None:
    """The cached result for these bytes, or `build()` (stored when it returns a value)."""
    if not enabled():
        return build()
    finish_writes()
    folder = cache_dir()
    key = _key(folder)
    if key is None:
        return build()
    path = folder / entry_name(kind, name, raw)
    found = _read(path, key)
    if found is not None:
        return found  # type: ignore[no-any-return]
    value = build()
    if value is not None:
        _write(path, key, value)
    return value


def _read(path: Path, key: bytes) -> Any:
    try:
        blob = path.read_bytes()
    except OSError:
        return None
    head = len(FORMAT)
    if len(blob) < head + 32 or not blob.startswith(FORMAT):
        return None
    signature, payload = blob[head : head + 32], blob[head + 32 :]
    if not hmac.compare_digest(signature, hmac.new(key, payload, hashlib.sha256).digest()):
        return None
    try:
        with gc_paused():  # a large tree of new objects: no collections while it is built
            return pickle.loads(payload)
    except Exception:  # a signed but unreadable entry (another version of skillgap): rebuild
        return None


def _write(path: Path, key: bytes, value: Any) -> None:
    try:
        with gc_paused():
            payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, RecursionError):
        return  # a cache that cannot be written is only slower
    if len(payload) < BACKGROUND_BYTES:
        _store(path, key, payload)
        return
    writer = threading.Thread(target=_store_quietly, args=(path, key, payload), name="skillgap-cache-write")
    writer.start()
    _writing.append(writer)


def _store_quietly(path: Path, key: bytes, payload: bytes) -> None:
    """_store on another thread, where nothing may print a traceback: a failed write only costs speed."""
    try:
        _store(path, key, payload)
    except Exception:  # noqa: BLE001, S110
        pass


def _store(path: Path, key: bytes, payload: bytes) -> None:
    """Sign PAYLOAD and put it at PATH atomically: written to a temporary file beside it, then renamed."""
    signature = hmac.new(key, payload, hashlib.sha256).digest()
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(FORMAT + signature)
            handle.write(payload)  # not joined to the header: that would copy tens of megabytes
        os.replace(tmp, path)
    except OSError:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def fingerprint(paths: Sequence[Path]) -> tuple[str, bytes]:
    """A name and a content key for several files at once: each file's name and SHA-256, in order.

    The key also covers the modules that build what is cached, so an upgraded skillgap never reads an
    entry built by older code."""
    from skillgap.load.source import display_name, read_bytes

    digest = hashlib.sha256(_code_stamp())
    names = []
    for path in paths:
        name = display_name(path)
        names.append(name)
        digest.update(name.encode() + b"\0" + hashlib.sha256(read_bytes(path)).digest())
    return "|".join(names), digest.digest()


def _code_stamp() -> bytes:
    package = Path(__file__).resolve().parent.parent
    stamp = []
    for module in sorted(package.rglob("*.py")):
        try:
            info = module.stat()
        except OSError:
            continue
        stamp.append(f"{module.relative_to(package)}:{info.st_size}:{info.st_mtime_ns}")
    return "\n".join(stamp).encode()
