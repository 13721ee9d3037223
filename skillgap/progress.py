"""Progress since last time: what changed between a saved `--format json` result and today's analysis.

Pure: reads decoded JSON (a saved `analyze` result, or a saved `cohort` result holding many people) and
compares two results of the same person: gaps closed, levels gained (and lost), credentials earned, gaps
that are new, and readiness before and after. Skills are compared by the canonical name the results
carry, so "sql" last time and "SQL" today are the same skill. A saved result is a person's when it was
saved from the same profile file, else from a file of the same name, else for the same name
(`find_person`); another person's result is refused unless the caller says to compare anyway
(`check_person`), and the progress then says whose it was.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

from skillgap.errors import InputError

if TYPE_CHECKING:
    from skillgap.analyse import Analysis

HINT = "give a file saved with `skillgap analyze ... --format json -o FILE` (or `skillgap cohort`)"


@dataclass(frozen=True)
class Level:
    """One requirement in a saved result."""

    skill: str
    current: int
    required: int
    importance: str

    @property
    def met(self) -> bool:
        return self.current >= self.required


@dataclass(frozen=True)
class Saved:
    """One person's result, as saved (or as it stands today)."""

    profile: str
    profile_file: str
    target: str
    target_id: str
    readiness: float
    levels: tuple[Level, ...]
    held: tuple[str, ...]

    def by_skill(self) -> dict[str, Level]:
        return {level.skill: level for level in self.levels}


@dataclass(frozen=True)
class Change:
    skill: str
    before: int
    after: int
    required: int
    importance: str


@dataclass(frozen=True)
class Progress:
    before: Saved
    after: Saved
    closed: tuple[Change, ...]  # gaps last time, met now
    gained: tuple[Change, ...]  # required skills whose level rose (closed ones included)
    lost: tuple[Change, ...]  # required skills whose level fell
    new_gaps: tuple[Change, ...]  # met last time (or not required), a gap now
    earned: tuple[str, ...]  # catalog credentials held now and not last time

    @property
    def readiness_change(self) -> float:
        return self.after.readiness - self.before.readiness

    @property
    def points(self) -> int:
        """The change in readiness in percentage points, as the rounded percentages shown read."""
        return int(f"{self.after.readiness:.0%}"[:-1]) - int(f"{self.before.readiness:.0%}"[:-1])

    @property
    def same_target(self) -> bool:
        return self.before.target_id == self.after.target_id and self.before.target == self.after.target

    @property
    def same_person(self) -> bool:
        """Whether last time's result is this person's (by profile file, file name or name)."""
        return find_person([self.before], self.after.profile, self.after.profile_file) is not None

    @property
    def anything(self) -> bool:
        return bool(self.closed or self.gained or self.lost or self.new_gaps or self.earned) or (
            round(self.readiness_change, 4) != 0
        )


def compare(before: Saved, after: Saved) -> Progress:
    """What changed from `before` to `after`, in the order of today's requirements."""
    old = before.by_skill()
    closed, gained, lost, new_gaps = [], [], [], []
    for now in after.levels:
        then = old.get(now.skill)
        was = then.current if then is not None else None
        change = Change(
            now.skill, was if was is not None else now.current, now.current, now.required, now.importance
        )
        if was is not None and now.current > was:
            gained.append(change)
        elif was is not None and now.current < was:
            lost.append(change)
        if then is not None and not then.met and now.met:
            closed.append(change)
        elif not now.met and (then is None or then.met):
            new_gaps.append(change)
    earned = tuple(c for c in after.held if c not in set(before.held))
    return Progress(before, after, tuple(closed), tuple(gained), tuple(lost), tuple(new_gaps), earned)


# --- reading saved results ---------------------------------------------------------------------------


def saved_results(data: Any, name: str) -> list[Saved]:
    """The people in a decoded saved result: one for `analyze`, everyone for `cohort`."""
    if not isinstance(data, Mapping):
        raise InputError.at(name, "is not a saved skillgap result (expected a JSON object)", hint=HINT)
    _check_schema(data, name)
    if "people" in data:
        people = data["people"]
        if not isinstance(people, list):
            raise InputError.at(name, "'people' must be a list", hint=HINT)
        return [_person(p, data, name, f"people[{i}]") for i, p in enumerate(people)]
    return [_person(data, data, name, "")]


def _check_schema(data: Mapping[str, Any], name: str) -> None:
    schema = data.get("schema")
    if schema != 1:
        message = f"saved with an unknown format version ({schema!r}); this skillgap reads version 1"
        raise InputError.at(name, message, hint=HINT)


def _person(item: Any, top: Mapping[str, Any], name: str, path: str) -> Saved:
    where = path or "top level"
    if not isinstance(item, Mapping):
        raise InputError.at(name, f"{where}: expected an object", hint=HINT)
    readiness = item.get("readiness")
    if not isinstance(readiness, (int, float)) or isinstance(readiness, bool) or not 0 <= readiness <= 1:
        raise InputError.at(name, f"{where}: 'readiness' must be a number from 0 to 1", hint=HINT)
    levels: list[Level] = []
    for key in ("gaps", "met"):
        rows = item.get(key, [])
        if not isinstance(rows, list):
            raise InputError.at(name, f"{where}: '{key}' must be a list", hint=HINT)
        prefix = f"{path}.{key}" if path else key
        levels.extend(_level(row, name, f"{prefix}[{i}]") for i, row in enumerate(rows))
    held = item.get("held", [])
    if not isinstance(held, list) or not all(isinstance(h, str) for h in held):
        raise InputError.at(name, f"{where}: 'held' must be a list of credential ids", hint=HINT)
    return Saved(
        profile=_text(item.get("profile", item.get("name"))),
        profile_file=_text(item.get("profile_file", item.get("file"))),
        target=_text(top.get("target")),
        target_id=_text(top.get("target_id")),
        readiness=float(readiness),
        levels=tuple(levels),
        held=tuple(held),
    )


def _level(row: Any, name: str, path: str) -> Level:
    if not isinstance(row, Mapping):
        raise InputError.at(name, f"{path}: expected an object", hint=HINT)
    skill = row.get("skill")
    if not isinstance(skill, str) or not skill:
        raise InputError.at(name, f"{path}: 'skill' must be text", hint=HINT)
    return Level(
        skill,
        _whole(row, "current", name, path),
        _whole(row, "required", name, path),
        _text(row.get("importance")),
    )


def _whole(row: Mapping[str, Any], key: str, name: str, path: str) -> int:
    value = row.get(key)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InputError.at(name, f"{path}: '{key}' must be a whole number", hint=HINT)
    return value


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def find_person(saved: Sequence[Saved], name: str, file: str) -> Saved | None:
    """This person's saved result: the one saved from the same file, else from a file of the same name,
    else the one person with the same name; None when there is none, or no way to tell which."""
    base = PurePath(file).name
    tests = (
        lambda s: bool(s.profile_file) and s.profile_file == file,
        lambda s: bool(s.profile_file) and PurePath(s.profile_file).name == base,
        lambda s: s.profile.casefold() == name.casefold(),
    )
    for test in tests:
        found = [s for s in saved if test(s)]
        if len(found) == 1:
            return found[0]
    return None


OTHER_PERSON_OPTION = "--since-other-person"


def other_person_note(progress: Progress) -> str:
    """What a sheet says when it compares with a result saved for someone else (asked for by the option)."""
    before = progress.before
    where = f" ({before.profile_file})" if before.profile_file else ""
    who = before.profile or "someone else"
    return f"Last time's result was saved for {who}{where}: the figures before are another person's."


def check_person(saved: Sequence[Saved], name: str, file: str, source: str, anyone: bool = False) -> None:
    """Refuse a saved result (read from SOURCE) that is not this person's: it holds one result, saved from
    another profile file for another name (unless ANYONE: compare with it all the same), or several and
    none of them is this person's."""
    if find_person(saved, name, file) is not None or (anyone and len(saved) == 1):
        return
    if len(saved) == 1:
        other = saved[0]
        who = other.profile or "someone else"
        where = f" ({other.profile_file})" if other.profile_file else ""
        message = f"was saved for {who}{where}, not for {name} ({file})"
        hint = f"give a result saved for {name}, or pass {OTHER_PERSON_OPTION} to compare with it anyway"
    else:
        message = f"holds no result for {name} ({file}) among its {len(saved)} people"
        hint = f"give a result saved for {name}: one from their profile file, file name or name"
    raise InputError.at(source, message, hint=hint)


def saved_now(analysis: Analysis) -> Saved:
    """Today's result of ANALYSIS as a saved one reads (the same figures a `--format json` document
    carries, readiness rounded as there), to compare with a saved result."""
    return Saved(
        profile=analysis.profile.name,
        profile_file=analysis.profile.file,
        target=analysis.role.title,
        target_id=analysis.role.id,
        readiness=round(analysis.readiness, 4),
        levels=tuple(
            Level(gap.skill, gap.current, gap.required, gap.importance.value)
            for gap in (*analysis.gaps, *analysis.met)
        ),
        held=tuple(credential.id for credential in analysis.held),
    )
