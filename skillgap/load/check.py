"""Check input files without using them: every problem in every file, and catalogs against each other.

This is what `skillgap validate` runs. Each file is read once, its kind detected from its content unless
given, and read by the same reader the other commands use, so a file that passes here loads there. The
catalogs among the files are then cross-checked together: ids unique across all of them, prerequisites
and pathways that name existing credentials, no prerequisite cycles.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skillgap.errors import InputError, Problem
from skillgap.kinds import Kind
from skillgap.load.catalog import cross_check, merge
from skillgap.load.detect import badge_problem, detect_kind, read_as
from skillgap.load.fields import Report, add_kind_hint, number_text
from skillgap.load.profile import BadgeReader, load_badges
from skillgap.load.source import PosList, PosMap, decode, display_name, is_json, parse, read_bytes
from skillgap.model import Catalog, Credential, Origin, Profile, Role, Taxonomy

KINDS_TEXT = "a profile, role, catalog or taxonomy"


@dataclass(frozen=True)
class Checked:
    """One file's verdict: its kind (None when it could not be told), its problems, what it holds."""

    file: str
    kind: Kind | None
    problems: tuple[Problem, ...]
    summary: str = ""
    warnings: tuple[Problem, ...] = ()  # what loads but will not work as meant (the file stays valid)

    @property
    def ok(self) -> bool:
        return not self.problems


def check_files(
    paths: Sequence[Path],
    kind: Kind | None = None,
    has_words: Callable[[str], bool] | None = None,
    read_awards: BadgeReader | None = None,
) -> list[Checked]:
    """Check each file (the same file named twice is checked once), then the catalogs together. With
    HAS_WORDS (the matcher's test), a skill name that normalises to nothing gets a warning; with
    READ_AWARDS (the Open Badges reader), a profile's badge files are read as the other commands read them.
    Both come from the layers above, which the loader does not import."""
    seen: set[str] = set()
    results: list[Checked] = []
    catalogs: dict[Path, Catalog] = {}
    for path in paths:
        key = _identity(path)
        if key in seen:
            continue
        seen.add(key)
        checked, model = check_file(path, kind, has_words=has_words, read_awards=read_awards)
        results.append(checked)
        if isinstance(model, Catalog):
            catalogs[path] = model
    if not catalogs:
        return results
    across = cross_check(merge(catalogs.values()))
    if any(problem.line is None for problem in across):  # read by a fast path: read again to locate them
        again = [check_file(path, Kind.CATALOG, located=True)[1] for path in catalogs]
        across = cross_check(merge(model for model in again if isinstance(model, Catalog)))
    return _attach(results, across)


def check_file(
    path: Path,
    kind: Kind | None = None,
    located: bool = False,
    has_words: Callable[[str], bool] | None = None,
    read_awards: BadgeReader | None = None,
) -> tuple[Checked, Any]:
    """One file's verdict, and what it was read as (for cross-checks); never raises InputError.

    Read as the loader reads it: YAML by the fast path where it can be, JSON by the json module, and read
    again with positions when there are problems (or with located=True from the start)."""
    name = display_name(path)
    found = kind
    try:
        text = decode(read_bytes(path), name)
        data = parse(text, name, located=located, fast=not located)
        badge = badge_problem(data, name, f"a {kind.value} file" if kind else KINDS_TEXT)
        if badge is not None:
            return Checked(name, kind, (badge,)), None
        found = kind or detect_kind(data, name)
        if found is None:
            return Checked(name, None, (_unknown_kind(data, name),)), None
        report = Report(name)
        model = read_as(found, data, report, name)
        badges = _badge_files(model, read_awards)
        if (report.problems or badges) and (is_json(name) or not _located(data)):  # again, for lines
            data = parse(text, name, located=True)  # (the careful reading, which may refuse the text)
            report = Report(name)
            model = read_as(found, data, report, name)
            badges = _badge_files(model, read_awards)
        if kind is not None:  # a kind the caller named: say first when the file is plainly another
            add_kind_hint(report, data, kind.value)
        problems = report.problems + badges
    except InputError as exc:
        return Checked(name, found, tuple(exc.problems)), None
    if isinstance(model, Catalog):
        model = _with_unreadable_ids(model, data, name)
    warnings = _wordless(found, data, text, name, has_words) if has_words is not None else ()
    return Checked(name, found, tuple(problems), _summary(model), warnings), model


def _badge_files(model: Any, read_awards: BadgeReader | None) -> list[Problem]:
    """The problems of the badge files a profile lists (`{badge: FILE}`), read as the other commands
    read them: a missing file, one that is not an awarded Open Badge, or one that cannot be read."""
    if read_awards is None or not isinstance(model, Profile):
        return []
    if not any(held.badge for held in model.credentials):
        return []
    try:
        load_badges(model, read_awards)
    except InputError as exc:
        return list(exc.problems)
    return []


def _wordless(
    kind: Kind, data: Any, text: str, name: str, has_words: Callable[[str], bool]
) -> tuple[Problem, ...]:
    """Warnings for skill names with nothing to match by, located (read again with positions if need be)."""
    from skillgap.load.names import wordless_names

    found = wordless_names(kind, data, has_words, name)
    if found and not _located(data):
        try:
            located = parse(text, name, located=True)
        except InputError:  # the careful reading refuses what the fast one took: warn without positions
            return tuple(found)
        found = wordless_names(kind, located, has_words, name)
    return tuple(found)


def _located(data: Any) -> bool:
    """Whether the parsed document carries positions (the fast YAML and JSON readers give none)."""
    return not isinstance(data, (PosMap, PosList)) or data.line is not None


def _identity(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, RuntimeError, ValueError):
        return str(path)


def _unknown_kind(data: Any, name: str) -> Problem:
    if data is None:
        message = "the file is empty; expected a profile, role, catalog or taxonomy"
    elif not isinstance(data, PosMap):
        what = "a list" if isinstance(data, list) else "a single value"
        message = f"expected `key: value` lines (a profile, role, catalog or taxonomy), not {what}"
    else:
        message = "cannot tell whether this is a profile, role, catalog or taxonomy"
    line = getattr(data, "line", None) or 1
    col = getattr(data, "col", None) or 1
    return Problem(name, message, line, col, hint="name the kind with --kind")


def _with_unreadable_ids(catalog: Catalog, data: Any, name: str) -> Catalog:
    """Add a placeholder for each credential that failed to read but has an id, so references to it are
    not reported as dangling on top of its own problems (its problems are reported already)."""
    raw = data.get("credentials") if isinstance(data, PosMap) else None
    if not isinstance(raw, list):
        return catalog
    read = {credential.id for credential in catalog.credentials}
    extra = []
    for index, item in enumerate(raw):
        ident = item.get("id") if isinstance(item, PosMap) else None
        if isinstance(ident, (int, float)) and not isinstance(ident, bool):  # as written (010, not 8)
            ident = item.text_of("id") or number_text(ident)
        if isinstance(ident, str) and ident.strip():
            ident = ident.strip()
            if ident not in read:
                line, col = raw.pos(index) if hasattr(raw, "pos") else (None, None)
                extra.append(Credential(ident, "?", "?", (), origin=Origin(name, line, col)))
    if not extra:
        return catalog
    return Catalog(
        (*catalog.credentials, *extra), catalog.pathways, catalog.name, catalog.currency, catalog.files
    )


def _attach(results: list[Checked], problems: list[Problem]) -> list[Checked]:
    """Give each cross-file problem to the file it points at."""
    if not problems:
        return results
    by_file: dict[str, list[Problem]] = {}
    for problem in problems:
        by_file.setdefault(problem.file, []).append(problem)
    known = {r.file for r in results}
    strays = [p for file, found in by_file.items() if file not in known for p in found]
    out = []
    for result in results:
        more = by_file.get(result.file, [])
        if strays and result.kind is Kind.CATALOG:
            more, strays = more + strays, []
        out.append(
            Checked(result.file, result.kind, result.problems + tuple(more), result.summary, result.warnings)
        )
    return out


def _summary(model: Any) -> str:
    def count(n: int, what: str) -> str:
        return f"{n} {what}" + ("" if n == 1 else "s")

    if isinstance(model, Profile):
        return count(len(model.skills), "skill")
    if isinstance(model, Role):
        return count(len(model.requirements), "required skill")
    if isinstance(model, Catalog):
        real = [c for c in model.credentials if c.skills]
        return count(len(real), "credential") + ", " + count(len(model.pathways), "pathway")
    if isinstance(model, Taxonomy):
        return count(len(model.skills), "skill")
    return ""
