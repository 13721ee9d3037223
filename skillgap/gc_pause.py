"""Pausing the cyclic garbage collector while a large tree of objects is built.

Parsing a large catalog, building the matcher or unpacking a cached index makes hundreds of thousands of
objects that all stay alive; each collection the allocations trigger walks them again and frees nothing.
Reference counting still frees whatever is dropped meanwhile.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
