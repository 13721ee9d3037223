"""The four kinds of input file. A leaf module (the vocabulary under every layer, like levels.py): the
command line imports it without loading anything, the loader and the schemas both name kinds by it."""

from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    PROFILE = "profile"
    ROLE = "role"
    CATALOG = "catalog"
    TAXONOMY = "taxonomy"


KINDS: tuple[Kind, ...] = tuple(Kind)
