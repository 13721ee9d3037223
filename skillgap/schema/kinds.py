"""The four kinds of input file. A leaf module: the command line imports it without loading anything."""

from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    PROFILE = "profile"
    ROLE = "role"
    CATALOG = "catalog"
    TAXONOMY = "taxonomy"


KINDS: tuple[Kind, ...] = tuple(Kind)
