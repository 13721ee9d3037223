"""Plain data that cannot run: the one format the cache keeps entries in and the second core sends in.

A container holds named parts, each of one kind: a JSON value (objects, arrays, text, numbers, true, false,
null; NaN and Infinity refused), UTF-8 text, raw bytes, or a typed array of numbers. Reading one can only
ever give those values: nothing in the format names a class, a function or code (no pickle, no marshal),
so however a container was made, the worst it can do is hold data that the reader's checks refuse.

Layout: ``MAGIC``, the SHA-256 of everything after it (32 bytes), the header's length (8 bytes, little
endian), the header (JSON: ``{"order": byte order, "meta": {...}, "parts": [[name, kind, size], ...]}``),
then each part's bytes in the header's order. The hash tells a damaged container from a whole one; it is
no signature (anyone who can write the file can hash it), which is why every reader checks the values it
takes out (types, ranges, references) as it would check a file: `Parts` hands them out typed, and the
helpers below check the shapes the readers share.
"""

from __future__ import annotations

import hashlib
import json
import sys
from array import array
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice
from operator import le, lt
from typing import Any, BinaryIO

MAGIC = b"skillgap data 1\n"
_HASHED = len(MAGIC) + 32  # where the hashed part starts
_ARRAYS = frozenset("BbHhIiLlQqd")  # the array type codes a part may hold

Part = Any  # a JSON value, str (text), bytes, or array
Buffer = bytes | bytearray | memoryview


class Unusable(ValueError):
    """Data that cannot be what its reader expects: damaged, foreign, or made to mislead."""


class Encoded:
    """A container ready to write: its header and parts, hashed only when the chunks are asked for (on the
    thread that writes them: hashing lets other threads run)."""

    def __init__(self, header: bytes, blobs: list[Buffer]) -> None:
        self._header = header
        self._blobs = blobs

    @property
    def size(self) -> int:
        return _HASHED + 8 + len(self._header) + sum(len(blob) for blob in self._blobs)

    def chunks(self) -> Iterator[Buffer]:
        length = len(self._header).to_bytes(8, "little")
        digest = hashlib.sha256(length)
        digest.update(self._header)
        for blob in self._blobs:
            digest.update(blob)
        yield MAGIC + digest.digest() + length + self._header
        yield from self._blobs

    def join(self) -> bytes:
        return b"".join(self.chunks())


def encode(parts: Mapping[str, Part], meta: Mapping[str, Any] | None = None) -> Encoded:
    """PARTS (name -> value) in a container, with META (a JSON object) in its header."""
    table: list[list[Any]] = []
    blobs: list[Buffer] = []
    for name, value in parts.items():
        blob: Buffer
        if isinstance(value, array):
            kind, blob = value.typecode + str(value.itemsize), memoryview(value).cast("B")
        elif isinstance(value, (bytes, bytearray)):
            kind, blob = "bytes", value
        elif isinstance(value, str):
            kind, blob = "text", value.encode("utf-8", "surrogatepass")
        else:
            kind, blob = "json", _dumps(value).encode("utf-8", "surrogatepass")
        table.append([name, kind, len(blob)])
        blobs.append(blob)
    header = {"order": sys.byteorder, "meta": dict(meta or {}), "parts": table}
    return Encoded(_dumps(header).encode(), blobs)


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def decode(blob: bytes | bytearray) -> Parts:
    """The parts of one whole container (Unusable if it is not one, or damaged)."""
    view = memoryview(blob)
    if len(view) < _HASHED + 8 or view[: len(MAGIC)] != MAGIC:
        raise Unusable("not a skillgap data container")
    if hashlib.sha256(view[_HASHED:]).digest() != view[len(MAGIC) : _HASHED]:
        raise Unusable("damaged: its content does not match its hash")
    size = int.from_bytes(view[_HASHED : _HASHED + 8], "little")
    start = _HASHED + 8 + size
    header = _loads(view[_HASHED + 8 : start])
    if not isinstance(header, dict) or header.get("order") != sys.byteorder:
        raise Unusable("written on a machine of another byte order")
    meta, table = header.get("meta"), header.get("parts")
    if not isinstance(meta, dict) or not isinstance(table, list):
        raise Unusable("no table of parts")
    found: dict[str, tuple[str, memoryview]] = {}
    for entry in table:
        if not (isinstance(entry, list) and len(entry) == 3 and type(entry[2]) is int and entry[2] >= 0):
            raise Unusable("a malformed entry in the table of parts")
        name, kind, length = entry
        if not isinstance(name, str) or not isinstance(kind, str) or name in found:
            raise Unusable("a malformed entry in the table of parts")
        found[name] = (kind, view[start : start + length])
        start += length
    if start != len(view):
        raise Unusable("its parts do not fill it")
    return Parts(found, meta)


def read(stream: BinaryIO) -> Parts:
    """One container from STREAM (a pipe), read to its end and no further."""
    head = _exactly(stream, _HASHED + 8)
    if head[: len(MAGIC)] != MAGIC:
        raise Unusable("not a skillgap data container")
    header_bytes = _exactly(stream, int.from_bytes(head[_HASHED:], "little"))
    header = _loads(memoryview(header_bytes))
    table = header.get("parts") if isinstance(header, dict) else None
    if not isinstance(table, list) or not all(isinstance(e, list) and len(e) == 3 for e in table):
        raise Unusable("no table of parts")
    sizes = [e[2] for e in table]
    if not all(type(s) is int and s >= 0 for s in sizes):
        raise Unusable("a malformed entry in the table of parts")
    return decode(head + header_bytes + _exactly(stream, sum(sizes)))


def _exactly(stream: BinaryIO, size: int) -> bytes:
    data = stream.read(size)
    if data is None or len(data) != size:
        raise Unusable("cut short")
    return data


def _loads(view: memoryview) -> Any:
    try:
        return json.loads(str(view, "utf-8", "surrogatepass"), parse_constant=_refuse)
    except (ValueError, RecursionError) as exc:  # (UnicodeDecodeError and JSONDecodeError among them)
        raise Unusable(f"not JSON: {exc}") from None


def _refuse(constant: str) -> Any:
    raise Unusable(f"{constant} is not a number JSON may hold")


class Parts:
    """A container's parts, each decoded when it is first asked for, and only as the kind asked for."""

    def __init__(self, found: Mapping[str, tuple[str, memoryview]], meta: Mapping[str, Any]) -> None:
        self._found = found
        self.meta = meta

    def __contains__(self, name: str) -> bool:
        return name in self._found

    def _raw(self, name: str, kind: str) -> memoryview:
        entry = self._found.get(name)
        if entry is None:
            raise Unusable(f"no part {name!r}")
        if entry[0] != kind:
            raise Unusable(f"part {name!r} holds {entry[0]!r}, not {kind!r}")
        return entry[1]

    def json(self, name: str) -> Any:
        return _loads(self._raw(name, "json"))

    def text(self, name: str) -> str:
        try:
            return str(self._raw(name, "text"), "utf-8", "surrogatepass")
        except UnicodeDecodeError:
            raise Unusable(f"part {name!r} is not UTF-8 text") from None

    def bytes(self, name: str) -> bytes:
        return bytes(self._raw(name, "bytes"))

    def codes(self, name: str) -> array[int]:
        """Indexes into a table, in as few bytes each as the table needs (see `codes`)."""
        entry = self._found.get(name)
        typecode = entry[0][0] if entry else "I"
        expect(typecode in "BHI", f"part {name!r} holds no indexes")
        return self.array(name, typecode)

    def array(self, name: str, typecode: str) -> array[Any]:
        assert typecode in _ARRAYS, typecode
        found = array(typecode)
        raw = self._raw(name, typecode + str(found.itemsize))
        if len(raw) % found.itemsize:
            raise Unusable(f"part {name!r} is cut short")
        found.frombytes(raw)
        return found

    def with_json_prefix(self, old: str, new: str) -> Parts:
        """These parts with every JSON text in them that starts with OLD starting with NEW instead (OLD
        written so that no other text can hold it: it is looked for as JSON writes it)."""
        before, after = (_dumps(text)[:-1].encode("utf-8", "surrogatepass") for text in (old, new))
        found = dict(self._found)
        for name, (kind, view) in self._found.items():
            if kind == "json":
                raw = bytes(view)
                if before in raw:
                    found[name] = (kind, memoryview(raw.replace(before, after)))
        return Parts(found, self.meta)

    def sub(self, prefix: str) -> Parts:
        """The parts whose names start with PREFIX + ".", under the rest of their names."""
        start = len(prefix) + 1
        return Parts(
            {name[start:]: entry for name, entry in self._found.items() if name.startswith(prefix + ".")},
            self.meta,
        )


def nest(prefix: str, parts: Mapping[str, Part]) -> dict[str, Part]:
    """PARTS under PREFIX, for a container holding several things (`Parts.sub` takes them out again)."""
    return {f"{prefix}.{name}": value for name, value in parts.items()}


# --- checks shared by the readers ------------------------------------------------------------------------


def expect(condition: bool, what: str) -> None:
    if not condition:
        raise Unusable(what)


def strings(value: Any, what: str, size: int | None = None, optional: bool = False) -> list[Any]:
    """VALUE as a list of text (and None where OPTIONAL), SIZE long if given."""
    allowed = {str, type(None)} if optional else {str}
    expect(type(value) is list and set(map(type, value)) <= allowed, f"{what}: not a list of text")
    expect(size is None or len(value) == size, f"{what}: {len(value)} items, not {size}")
    return value  # type: ignore[no-any-return]


def integers(value: Any, what: str) -> list[int]:
    expect(type(value) is list and set(map(type, value)) <= {int}, f"{what}: not a list of whole numbers")
    return value  # type: ignore[no-any-return]


def codes(values: Iterable[int], size: int) -> array[int]:
    """Indexes into a table SIZE long, each in one, two or four bytes as SIZE allows (checking a column of
    single bytes costs next to nothing: see `below`)."""
    return array("B" if size <= 0x100 else "H" if size <= 0x10000 else "I", values)


_BYTES = bytes(range(256))


def below(values: Sequence[int], limit: int, what: str) -> None:
    """Every value an index into something LIMIT long (0 <= value < LIMIT)."""
    wrong: bool
    if isinstance(values, (bytes, bytearray)) or (isinstance(values, array) and values.typecode == "B"):
        wrong = bool(bytes(values).translate(None, _BYTES[: max(0, limit)]))  # (in C, no number per byte)
    elif isinstance(values, array) and values.typecode in "BHILQ":  # (unsigned: none below 0)
        wrong = bool(values) and max(values) >= limit
    else:
        wrong = bool(values) and (min(values) < 0 or max(values) >= limit)
    expect(not wrong, f"{what}: an index out of range")


def ends(found: Sequence[int], total: int, count: int, what: str, strict: bool = False) -> None:
    """FOUND says where each of COUNT pieces of something TOTAL long ends: in order (each piece at least
    one long if STRICT), the last ending at TOTAL."""
    expect(len(found) == count, f"{what}: {len(found)} ends, not {count}")
    if not count:
        expect(total == 0, f"{what}: data past the last end")
        return
    order = lt if strict else le
    expect((found[0] > 0 if strict else found[0] >= 0) and found[-1] == total, f"{what}: ends out of range")
    expect(all(map(order, found, islice(found, 1, None))), f"{what}: ends out of order")
