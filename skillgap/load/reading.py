"""Reading one file into one model object: bytes, cache, parse, typed read, located problems."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from skillgap.errors import InputError
from skillgap.load import cache
from skillgap.load.cache import Codec
from skillgap.load.fields import Report, add_kind_hint
from skillgap.load.source import decode, display_name, is_json, parse, read_bytes

T = TypeVar("T")


def read_model(
    path: Path,
    kind: str,
    reader: Callable[[Any, Report], T | None],
    fast: bool = False,
    located: bool = False,
    plain: bool = False,
    use_cache: bool = True,
    codec: Codec[T] | None = None,
) -> T:
    """Read PATH with READER, through the cache (which keeps values as CODEC says) when caching is on and
    a codec is given; raise every problem found.

    Only a file read without problems is cached, so errors are always reported from the file itself.
    `fast` and `plain` are passed on to `parse`: READER must then take plain dicts and lists too.
    """
    name = display_name(path)
    raw = read_bytes(path)

    def build() -> T | None:
        text = decode(raw, name)
        report = Report(name)
        data = parse(text, name, located=located, fast=fast, plain=plain)
        value = reader(data, report)
        if report.problems and not located and (is_json(name) or fast):
            report = Report(name)  # read again with positions, so each problem names its line,
            data = parse(text, name, located=True)
            value = reader(data, report)  # and the careful reading decides
        add_kind_hint(report, data, kind)
        report.raise_if_any()
        return value

    if located or not use_cache or codec is None:
        value = build()
    else:
        value = cache.cached(kind, [(name, raw)], build, codec)
    if value is None:  # an empty-but-valid document never gets here: readers report it
        raise InputError.at(name, f"could not be read as a {kind}")
    return value
