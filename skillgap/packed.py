"""A catalog's credentials as the cache keeps them: one compact record each, built into a `Credential` only
when something asks for that one.

A warm run over a 100,000-credential catalog ranks the few hundred credentials that teach a gap skill; it
should not build the other 99,000 first. Records are `marshal` data (plain tuples, text and numbers), which
loads far faster than pickled objects; the cache entry holding them is signed like every other (cache.py),
so nothing unsigned is ever read back.

A record is one of two kinds. Packed from a built credential, it holds the credential's fields. Kept from
a file's reading (`from_entries`), it is the credential's entry in the file as parsed, for a file whose every
credential the fast reading took whole: built again by that same reading, it gives the same credential,
and keeping it costs a cold run a fifth of packing the built credential.
"""

from __future__ import annotations

import marshal
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from itertools import accumulate
from typing import Any, overload

from skillgap.model import Credential, CredentialSkill, Eligibility, Origin


def _record(c: Credential) -> bytes:
    origin = (c.origin.file, c.origin.line, c.origin.col) if c.origin else None
    skills = tuple((s.name, s.level, s.id) for s in c.skills)
    return marshal.dumps(
        (
            c.id, c.title, c.provider, skills, c.provider_type, c.type, c.url, c.hours, c.cost, c.currency,
            c.format, c.assessment, c.prerequisites, c.stacks_into, tuple(sorted(c.estimated)),
            c.description, origin, c.source_id, c.credits, c.eligibility,
            c.conditions.data() if c.conditions else None, tuple((s.name, s.level, s.id) for s in c.requires),
        )
    )  # fmt: skip


def _joined(records: list[bytes]) -> tuple[bytes, array[int]]:
    return b"".join(records), array("Q", accumulate(map(len, records)))


def _credential(record: Any) -> Credential:
    (
        ident, title, provider, skills, provider_type, kind, url, hours, cost, currency, delivery,
        assessment, prerequisites, stacks_into, estimated, description, origin, source_id, credits,
        eligibility, conditions, requires,
    ) = record  # fmt: skip
    return Credential(
        id=ident,
        title=title,
        provider=provider,
        skills=tuple(CredentialSkill(*skill) for skill in skills),
        provider_type=provider_type,
        type=kind,
        url=url,
        hours=hours,
        cost=cost,
        currency=currency,
        format=delivery,
        assessment=assessment,
        prerequisites=prerequisites,
        stacks_into=stacks_into,
        estimated=frozenset(estimated),
        description=description,
        origin=Origin(*origin) if origin else None,
        source_id=source_id,
        credits=credits,
        eligibility=eligibility,
        conditions=Eligibility.from_data(conditions),
        requires=tuple(CredentialSkill(*skill) for skill in requires),
    )


Source = tuple[int, Origin, "str | None"]  # a file's first record, the file (as an origin), its currency


class PackedCredentials(Sequence[Credential]):
    """An immutable sequence of credentials kept as records; each is built on first access, then kept."""

    __slots__ = ("_blob", "_ends", "_built", "_sources", "_known")

    def __init__(
        self, blob: bytes | bytearray, ends: array[int], sources: tuple[Source, ...] | None = None
    ) -> None:
        self._blob = blob
        self._ends = ends  # where each record ends in the blob
        self._sources = sources  # None: records of fields; else the files whose entries the records are
        self._built: dict[int, Credential] = {}
        self._known: dict[Any, Any] = {}  # the reading's memo of skill entries, shared by every build

    @classmethod
    def pack(cls, credentials: Iterable[Credential]) -> PackedCredentials:
        return cls(*_joined([_record(c) for c in credentials]))

    @classmethod
    def from_entries(
        cls, blob: bytes | bytearray, ends: array[int], origin: Origin, currency: str | None
    ) -> PackedCredentials:
        """The entries of one file, marshalled one after another into BLOB, each ending where ENDS says;
        the fast reading took every one of them whole."""
        return cls(blob, ends, ((0, origin, currency),))

    @classmethod
    def join(cls, parts: Sequence[PackedCredentials]) -> PackedCredentials | None:
        """Several files' records as one sequence; None unless all are entries."""
        blobs: list[bytes | bytearray] = []
        ends = array("Q")
        sources: list[Source] = []
        offset = count = 0
        for part in parts:
            if part._sources is None:
                return None
            blobs.append(part._blob)
            ends.extend(end + offset for end in part._ends)
            sources.extend((first + count, origin, currency) for first, origin, currency in part._sources)
            offset += len(part._blob)
            count += len(part)
        return cls(b"".join(blobs), ends, tuple(sources))

    def __reduce__(self) -> tuple[Any, ...]:
        return (PackedCredentials, (self._blob, self._ends, self._sources))

    def __len__(self) -> int:
        return len(self._ends)

    @overload
    def __getitem__(self, index: int) -> Credential: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[Credential, ...]: ...

    def __getitem__(self, index: int | slice) -> Credential | tuple[Credential, ...]:
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(len(self))))
        size = len(self._ends)
        if index < 0:
            index += size
        if not 0 <= index < size:
            raise IndexError("credential index out of range")
        built = self._built.get(index)
        if built is None:
            start = self._ends[index - 1] if index else 0
            record = marshal.loads(memoryview(self._blob)[start : self._ends[index]])
            built = self._built[index] = self._build(index, record)
        return built

    def _build(self, index: int, record: Any) -> Credential:
        if self._sources is None:
            return _credential(record)
        from skillgap.load.catalog import plain_credential

        _, origin, currency = self._sources[bisect_right(self._sources, index, key=lambda s: s[0]) - 1]
        credential = plain_credential(record, currency, origin, self._known)
        assert credential is not None, "an entry the fast reading took whole once takes it again"
        return credential

    def titles_and_providers(self) -> list[tuple[str, str]]:
        """Each credential's title and provider, as the built credential has them, without building the
        ones not built yet: what searching a large catalog reads of every credential."""
        out: list[tuple[str, str]] = []
        blob, built, entries = memoryview(self._blob), self._built, self._sources is not None
        start = 0
        for index, end in enumerate(self._ends):
            credential = built.get(index)
            if credential is not None:
                out.append((credential.title, credential.provider))
            else:
                record = marshal.loads(blob[start:end])
                if entries:  # a plainly valid entry: its texts as the plain reading strips them
                    out.append((record["title"].strip(), record["provider"].strip()))
                else:
                    out.append((record[1], record[2]))
            start = end
        return out

    def __iter__(self) -> Iterator[Credential]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence) and not isinstance(other, (str, bytes)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"<{len(self)} packed credentials>"
