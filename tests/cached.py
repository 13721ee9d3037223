"""Values as the cache gives them back: packed by their codec, written as a container, read back, checked
and unpacked (everything an entry goes through but the file)."""

from __future__ import annotations

from typing import TypeVar

from skillgap import parts
from skillgap.load.cache import Codec
from skillgap.load.catalog import CODEC
from skillgap.match import Matcher
from skillgap.model import Catalog, Taxonomy
from skillgap.world import WORLD, World, _Made

T = TypeVar("T")


def round_trip(value: T, codec: Codec[T]) -> T:
    return codec.unpack(parts.decode(parts.encode(codec.pack(value)).join()))


def world(value: World) -> World:
    return round_trip(_Made(value), WORLD).world


def catalog(value: Catalog) -> Catalog:
    return round_trip(value, CODEC)


def matcher(value: Matcher, taxonomy: Taxonomy) -> Matcher:
    return Matcher.from_data(parts.decode(parts.encode(value.to_data()).join()), taxonomy)
