"""Telling same-named files apart: for each path, the shortest end of it that no other path ends with.

`a/role.yaml` and `b/role.yaml` are `a/role` and `b/role`; `team/x/dana.yaml`, `team/y/dana.yaml` and
`dana.yaml` are `x/dana`, `y/dana` and `dana.yaml`. The answer depends only on the paths, not on their order,
so a name stays the same from one run to the next. Pure: the paths are compared as written.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import PurePath


def _candidates(path: str) -> list[str]:
    """The ends of PATH from the shortest: without the extension, then with it, the whole path last."""
    pure = PurePath(path)
    parts = list(pure.parts) or [""]
    out = []
    for last in (pure.stem, pure.name):
        names = [*parts[:-1], last]
        out += ["/".join(names[-k:]) for k in range(1, len(names) + 1)]
    out.append(str(pure))
    return list(dict.fromkeys(out))


def distinct_tails(paths: Sequence[str]) -> list[str]:
    """Each path's shortest end (folders and file name joined by /, without the extension where that is
    enough) that is no end of any other path. A path that is itself the end of another one (`dana.yaml`
    beside `team/dana.yaml`) is written whole, and no other takes that name. Equal paths get equal tails.

    No two distinct paths get the same tail: a path only takes a name that is none of the others' ends,
    and the whole of a path is one of its own ends."""
    unique = list(dict.fromkeys(PurePath(p) for p in paths))
    ends = {p: _candidates(str(p)) for p in unique}
    chosen: dict[PurePath, str] = {}
    for path in unique:
        others = {end for other in unique if other != path for end in ends[other]}
        chosen[path] = next((end for end in ends[path] if end not in others), str(path))
    return [chosen[PurePath(p)] for p in paths]
