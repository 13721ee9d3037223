"""The matcher built on a second core while a large catalog is read.

A cold run over a large catalog spends about as long reading and checking the catalog as building the
matcher over its skill names (3.5 s and 3.4 s at 100,000 credentials), and the names can be taken from the
parsed files long before the reading is done. So a forked child parses the files, takes the names, builds
the matcher, keys the names and notes who teaches each name, while the parent reads the catalog as usual.
It sends the names, keys and notes first, and packs the matcher while the parent joins the notes into
the skill index. The parent uses that matcher only if the names it was built from are
exactly the names the reading found, in the same order (the build is deterministic, so it is then the
matcher the parent would have built); if they differ, or the child fails, or fork is missing, the parent
builds it itself. Nothing is started for small catalogs.

The child sends plain data (`skillgap.parts`, as the cache keeps it: never pickles), which the parent
checks as it takes it: what comes through the pipe can only be data.

The interface, all that world.py uses: ``Ahead.start(taxonomy, paths)`` (None where a child would not
pay), then either ``result(vocabulary, credentials)`` (a `Built`, or None: build it here) or ``cancel()``.

The child's index counts on what a successful reading guarantees: every credential in the files became
one Credential, in order, with its skills in order. So it is used only when the reading found exactly as
many credentials, and only when every level was written as a whole number in range (the careful reading
accepts other spellings: then the parent indexes the skills itself).
"""

from __future__ import annotations

import json
import os
import signal
import threading
import time
from array import array
from collections.abc import Sequence
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

from skillgap import parts
from skillgap.analyse.gaps import skill_key
from skillgap.levels import MAX_LEVEL, MIN_LEVEL
from skillgap.match import Matcher
from skillgap.model import Taught, Taxonomy
from skillgap.teaching import Entries, from_data, join_names, to_data

MIN_BYTES = 2_000_000  # below this a second process costs about what it saves
PARENT_CHECK_SECONDS = 0.05  # how often the child looks whether its parent is still there


class Built(NamedTuple):
    """What the child built: the matcher, each name's skill key, and the skill index if it could tell
    who teaches each name (the parent joins the names of one skill: `teaching.join_names`)."""

    matcher: Matcher
    keys: list[str]
    teaching: dict[str, Taught] | None


class Predicted(NamedTuple):
    """What the parsed files say, read the way the catalog reading will read them."""

    names: list[str]  # the distinct skill names, stripped, in order
    taught: dict[str, Entries] | None  # who teaches each name, to what level; None: odd levels
    credentials: int


class Ahead:
    """A matcher being built in a child process."""

    def __init__(self, pid: int, fd: int, taxonomy: Taxonomy) -> None:
        self._pid, self._fd, self._taxonomy = pid, fd, taxonomy

    @classmethod
    def start(cls, taxonomy: Taxonomy, paths: Sequence[Path], min_bytes: int = MIN_BYTES) -> Ahead | None:
        """Start the child, or None where it would not pay (a small catalog, no fork, ids to link)."""
        if not hasattr(os, "fork") or any(s.id for s in taxonomy.skills):
            return None  # skills named through shared ids take their names only once linked
        try:
            if sum(path.stat().st_size for path in paths) < min_bytes:
                return None
        except OSError:
            return None
        read_end, write_end = os.pipe()
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:  # the child: never returns, never runs the parent's clean-up
            os.close(read_end)
            threading.Thread(target=_follow, args=(parent,), daemon=True).start()
            code = 1
            try:
                found = predicted(paths)
                if found is not None:
                    names, taught, count = found
                    matcher = Matcher.build(taxonomy, names)
                    resolutions = matcher.resolve_many(names)
                    keys = [skill_key(name, resolutions) for name in names]
                    first: dict[str, Any] = {"names": names, "count": count, "keys": keys}
                    if taught is not None:
                        first.update(parts.nest("taught", to_data(names, taught.values())))
                    # first what the parent checks and joins, sent on a thread while the matcher, the
                    # larger part, is packed: the parent's join and this packing then overlap
                    with os.fdopen(write_end, "wb") as out:
                        sent: list[bool] = []
                        sending = threading.Thread(target=_send, args=(out, parts.encode(first), sent))
                        sending.start()
                        rest = parts.encode(matcher.to_data())
                        sending.join()
                        if sent:
                            for chunk in rest.chunks():
                                out.write(chunk)
                            code = 0
            finally:
                os._exit(code)
        os.close(write_end)
        return cls(pid, read_end, taxonomy)

    def result(self, vocabulary: Sequence[str], credentials: int) -> Built | None:
        """What the child built, if from exactly these names (else None); the skill index only if the
        reading found as many credentials as the child counted."""
        built = None
        with os.fdopen(self._fd, "rb") as found:
            try:
                built = self._read(found, vocabulary, credentials)
            except Exception:  # noqa: BLE001  (a child that failed part way: the parent builds)
                built = None
        _, status = os.waitpid(self._pid, 0)  # a child cut short by the closed pipe exits too
        return built if status == 0 else None

    def _read(self, found: BinaryIO, vocabulary: Sequence[str], credentials: int) -> Built | None:
        first = parts.read(found)
        names = parts.strings(first.json("names"), "names")
        if names != list(vocabulary):
            return None
        keys = parts.strings(first.json("keys"), "keys", len(names))
        teaching = None
        if "taught.keys" in first and first.json("count") == credentials:
            by_name = from_data(first.sub("taught"), credentials)
            parts.expect(list(by_name) == names, "taught: not the names")
            teaching = join_names(by_name, dict(zip(names, keys, strict=True)))
        return Built(Matcher.from_data(parts.read(found), self._taxonomy), keys, teaching)

    def cancel(self) -> None:
        try:
            os.kill(self._pid, signal.SIGKILL)
            os.waitpid(self._pid, 0)
        except OSError:
            pass
        try:
            os.close(self._fd)
        except OSError:
            pass


def _follow(parent: int) -> None:
    """In the child: end as soon as the parent has gone (killed, SIGTERM'd), rather than finish for no
    one. The parent's death makes the child an orphan, whose parent id is then no longer PARENT."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def _send(out: Any, encoded: parts.Encoded, sent: list[bool]) -> None:
    """Write ENCODED to the parent (on a thread: nothing may print there); SENT says it went."""
    try:
        for chunk in encoded.chunks():
            out.write(chunk)
        out.flush()
        sent.append(True)
    except OSError:  # the parent has stopped listening: the names were not its own
        pass


def predicted(paths: Sequence[Path]) -> Predicted | None:
    """The distinct skill names of these catalog files, in order, as reading them will give them (names
    stripped), which credentials teach each name and to what level, and how many credentials there are;
    None for anything unusual, which the reading will judge."""
    from skillgap.load.paths import expand_paths
    from skillgap.load.source import decode, display_name, is_json, parse, read_bytes

    taught: dict[str, Entries] = {}  # by name, in the order met: the names
    plain_levels = True
    index = 0
    for path in expand_paths(paths):
        shown = display_name(path)
        text = decode(read_bytes(path), shown)
        # JSON without the duplicate-key check: the parent's reading makes it, and the names are compared
        data: Any = json.loads(text) if is_json(shown) else parse(text, shown, fast=True, plain=True)
        credentials = data.get("credentials") if isinstance(data, dict) else None
        if not isinstance(credentials, list):
            return None
        for credential in credentials:
            skills = credential.get("skills") if isinstance(credential, dict) else None
            if not isinstance(skills, list):
                return None
            for skill in skills:
                written = skill.get("name") if isinstance(skill, dict) else None
                if not isinstance(written, str) or not written.strip():
                    return None
                level = skill.get("level")
                if type(level) is not int or not MIN_LEVEL <= level <= MAX_LEVEL:
                    plain_levels, level = False, 0
                name = written.strip()
                entry = taught.get(name)  # teaching.add, inline: it runs once per skill entry
                if entry is None:
                    taught[name] = (array("I", (index,)), bytearray((level,)))
                elif entry[0][-1] != index:
                    entry[0].append(index)
                    entry[1].append(level)
                elif entry[1][-1] < level:
                    entry[1][-1] = level
            index += 1
    return Predicted(list(taught), taught if plain_levels else None, index)
