"""Where inputs come from: folders expanded to their data files, bundled defaults located."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from skillgap.errors import InputError

DATA_SUFFIXES = (".yaml", ".yml", ".json")


def left_behind(name: str) -> bool:
    """A file or folder name that is nobody's input: hidden (`.hidden.yaml`, `.git`, an editor's lock file
    `.#profile.yaml`) or an editor's backup or autosave (`profile.yaml~`, `#profile.yaml#`, `~$profile`)."""
    return name.startswith((".", "~", "#")) or name.endswith(("~", "#"))


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """Files as given; folders replaced by their data files, sorted, searched recursively. Inside a folder,
    hidden files and folders and editors' backups are not inputs (`left_behind`); a file named on its own
    is always read."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p
                for p in path.rglob("*")
                if p.suffix.lower() in DATA_SUFFIXES
                and not any(left_behind(part) for part in p.relative_to(path).parts)
                and p.is_file()
            )
            if not found:
                raise InputError.at(str(path), "folder holds no .yaml, .yml or .json files")
            out.extend(found)
        else:
            out.append(path)
    return out


def bundled_dir() -> Path:
    """The bundled catalogs: inside the installed package, or beside it in a source checkout."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "_bundled", here.parent / "catalogs"):
        if candidate.is_dir():
            return candidate
    raise InputError.at(str(here / "_bundled"), "bundled catalogs are missing from this install")


def bundled_catalog_paths() -> list[Path]:
    return [bundled_dir() / "credentials"]


def bundled_taxonomy_paths() -> list[Path]:
    """The bundled taxonomy: a folder of one file per field (software and data, health care, ...)."""
    return [bundled_dir() / "skills"]


def catalog_paths(catalogs: Sequence[Path] | None, extra: Sequence[Path] | None = None) -> list[Path]:
    """The catalogs a run reads: those given (--catalog), else the bundled one, and then the extra ones
    (--extra-catalog), which add to either."""
    return [*(catalogs or bundled_catalog_paths()), *(extra or ())]


def taxonomy_paths(taxonomies: Sequence[Path] | None, extra: Sequence[Path] | None = None) -> list[Path]:
    """The taxonomies a run reads: those given (--taxonomy), else the bundled one, then --extra-taxonomy's."""
    return [*(taxonomies or bundled_taxonomy_paths()), *(extra or ())]


def bundled_roles_dir() -> Path:
    return bundled_dir() / "roles"


def resolve_role_path(target: str) -> Path:
    """A role file path, or the id of a bundled role."""
    path = Path(target)
    if path.exists() or path.suffix.lower() in DATA_SUFFIXES or "/" in target:
        return path
    roles = bundled_roles_dir()
    for suffix in DATA_SUFFIXES:
        candidate = roles / f"{target}{suffix}"
        if candidate.is_file():
            return candidate
    known = sorted(p.stem for p in roles.glob("*.y*ml")) if roles.is_dir() else []
    import difflib

    close = difflib.get_close_matches(target, known, n=1, cutoff=0.5)
    hint = f"did you mean {close[0]!r}?" if close else "run `skillgap roles` to list them"
    raise InputError.at(target, "no such role file, and no bundled role has this id", hint=hint)
