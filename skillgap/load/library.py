"""The roles a run knows by id or title: the bundled ones and the folders `--roles DIR` adds.

A role's id is its `id` key, else its file name without the extension. A role in an added folder hides a
bundled role with the same id (a team's own version of it); two roles of the added folders with one id are
refused, as `--target ID` could not tell them apart. `--target` takes a role file, an id, or a title (any
case): a title two roles share is refused with both ids, so the choice is the person's.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from skillgap.errors import InputError, Problem
from skillgap.load.paths import DATA_SUFFIXES, bundled_roles_dir, expand_paths
from skillgap.model import Role


@dataclass(frozen=True)
class Library:
    roles: tuple[Role, ...]  # by id, the added folders' hiding the bundled ones of the same id

    def by_id(self, ident: str) -> Role | None:
        return next((r for r in self.roles if r.id == ident), None)

    def by_title(self, title: str) -> list[Role]:
        wanted = " ".join(title.casefold().split())
        return [r for r in self.roles if " ".join(r.title.casefold().split()) == wanted]


def load_library(folders: Sequence[Path] = ()) -> Library:
    """The bundled roles and every role file in FOLDERS (read, checked), sorted by id."""
    from skillgap.load.role import load_role

    for folder in folders:
        if not folder.is_dir():
            raise InputError.at(str(folder), "--roles takes a folder of role files", hint="name a folder")
    added: dict[str, Role] = {}
    problems: list[Problem] = []
    for path in expand_paths(folders):
        role = load_role(path)
        first = added.get(role.id)
        if first is not None:
            problems.append(
                Problem(role.file, f"role id {role.id!r} is used twice", 1, 1, hint=f"first in {first.file}")
            )
            continue
        added[role.id] = role
    if problems:
        raise InputError(problems)
    bundled = [load_role(p) for p in expand_paths([bundled_roles_dir()])]
    roles = {r.id: r for r in bundled}
    roles.update(added)
    return Library(tuple(sorted(roles.values(), key=lambda r: r.id)))


def find_role(target: str, folders: Sequence[Path] = ()) -> Role:
    """The role TARGET names: a role file, or the id or title of a bundled role or one in FOLDERS."""
    from skillgap.load.role import load_role

    path = Path(target)
    if path.exists() or path.suffix.lower() in DATA_SUFFIXES or "/" in target:
        return load_role(path)
    if not folders:  # a bundled role's file name first: no other file is read
        for suffix in DATA_SUFFIXES:
            candidate = bundled_roles_dir() / f"{target}{suffix}"
            if candidate.is_file():
                return load_role(candidate)
    library = load_library(folders)
    found = library.by_id(target)
    if found is not None:
        return found
    titled = library.by_title(target)
    if len(titled) == 1:
        return titled[0]
    if titled:
        ids = ", ".join(r.id for r in titled)
        raise InputError.at(target, f"{len(titled)} roles have this title: {ids}", hint="give the id instead")
    names = [r.id for r in library.roles] + [r.title for r in library.roles]
    close = difflib.get_close_matches(target, names, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]!r}?" if close else "run `skillgap roles` to list them"
    where = "no bundled role" if not folders else "no role, bundled or in --roles,"
    raise InputError.at(target, f"no such role file, and {where} has this id or title", hint=hint)
