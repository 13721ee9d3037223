"""Profile files: who the person is, the skills they have, what they hold, what they can spend."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from skillgap.errors import InputError, Problem
from skillgap.limits import EXPERIENCE_YEARS, HOURS_PER_WEEK, MONEY
from skillgap.load.conditions import read_degree
from skillgap.load.fields import (
    Fields,
    Once,
    Report,
    add_kind_hint,
    number_text,
    parse_level,
    top_mapping,
    type_name,
)
from skillgap.load.source import PosMap, display_name, load_file
from skillgap.model import Badge, Experience, HeldCredential, Origin, Preferences, Profile, ProfileSkill

PROFILE_KEYS = ("name", "current_role", "education", "experience", "skills", "credentials", "preferences")
SKILL_KEYS = ("name", "level", "last_used", "evidence", "estimated")
HELD_KEYS = ("id", "title", "earned", "badge")
PREFERENCE_KEYS = ("budget", "currency", "hours_per_week", "deadline", "formats", "exclude_providers")
FORMATS = ("online", "in-person", "hybrid")


def load_profile(path: Path) -> Profile:
    report = Report(display_name(path))
    data = load_file(path)
    profile = read_profile(data, report)
    add_kind_hint(report, data, "profile")
    report.raise_if_any()
    assert profile is not None
    return profile


BadgeReader = Callable[[Path], Sequence[Badge]]
"""Reads one badge file into the badges it awards (the Open Badges reader, which sits above this layer and
is handed in by whoever loads a person: `skillgap.verify.reader.verifying_reader()`, or to only read
them, `unverified_awards`)."""


def badge_file(profile: Profile, held: HeldCredential) -> Path | None:
    """The file a `{badge: FILE}` entry names (relative to the profile file), or None for another entry."""
    if not held.badge:
        return None
    return Path(os.path.normpath(Path(profile.file).parent / held.badge))


def load_badges(profile: Profile, read_awards: BadgeReader) -> tuple[Badge, ...]:
    """The earned badges a profile lists under `credentials` (`badge: FILE`, relative to the profile file),
    each read from its JSON file by READ_AWARDS; every problem is reported, located, before any badge is
    used."""
    badges: list[Badge] = []
    problems: list[Problem] = []
    for index, held in enumerate(profile.credentials):
        path = badge_file(profile, held)
        if path is None:
            continue
        origin = held.origin or Origin(profile.file)

        def problem(message: str, hint: str, at: Origin = origin, index: int = index) -> None:
            problems.append(Problem(at.file, message, at.line, at.col, f"credentials[{index}].badge", hint))

        if not path.is_file():
            problem(f"badge file {path} not found", "a badge path is relative to the profile file")
            continue
        try:
            awards = read_awards(path)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if not awards:
            problem(
                f"{path} holds no awarded badge (an Open Badges Assertion or OpenBadgeCredential)",
                "a BadgeClass or Achievement describes a badge; list the one you were awarded",
            )
            continue
        badges.extend(replace(b, origin=origin, issued=b.issued or held.earned) for b in awards)
    if problems:
        raise InputError(problems)
    return tuple(badges)


def read_profile(data: Any, report: Report) -> Profile | None:
    top = top_mapping(data, report, "profile", "at least 'name' and 'skills'")
    if top is None:
        return None
    top.check_keys(PROFILE_KEYS, required=("name",))
    name = top.text("name", required=True)
    return Profile(
        name=name or "?",
        current_role=top.text("current_role"),
        skills=_skills(top),
        credentials=_held(top),
        preferences=_preferences(top.mapping("preferences")),
        file=report.file,
        education=read_degree(top, "education"),
        experience=_experience(top),
    )


def _experience(top: Fields) -> tuple[Experience, ...] | None:
    """`experience: {field or skill: years}`; None when the profile does not say (an empty mapping says
    the person has none)."""
    if "experience" not in top.data:
        return None
    raw = top.data["experience"]
    if raw is None:
        return ()
    if not isinstance(raw, PosMap):
        top.problem("experience", f"expected a mapping of field: years, got {type_name(raw)}",
                    "write `project management: 3` for three years")  # fmt: skip
        return None
    out: list[Experience] = []
    once = Once(top.report, "field")
    for key, value in raw.items():
        pos = raw.pos(key)
        path = f"experience.{key}" if isinstance(key, str) else "experience"
        if not isinstance(key, str) or not key.strip():
            top.report.add(f"a field or skill must be text, got {type_name(key)}", pos, "experience")
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            top.report.add(f"expected years (a number), got {type_name(value)}", pos, path,
                           "write `project management: 1.5` for a year and a half")  # fmt: skip
            continue
        if not EXPERIENCE_YEARS.holds(float(value)):
            top.report.add(EXPERIENCE_YEARS.problem(number_text(value)), pos, path)
            continue
        if not once.twice(key, pos, path):
            out.append(Experience(key.strip(), float(value), Origin(top.report.file, pos[0], pos[1])))
    return tuple(out)


def _skills(top: Fields) -> tuple[ProfileSkill, ...]:
    skills: list[ProfileSkill] = []
    once = Once(top.report, "skill")
    raw = top.data.get("skills")
    if isinstance(raw, PosMap):  # shorthand: `skill name: level`
        for key, value in raw.items():
            pos = raw.pos(key)
            path = f"skills.{key}" if isinstance(key, str) else "skills"
            level, message = parse_level(value)
            if not isinstance(key, str) or not key.strip():
                top.report.add(f"a skill name must be text, got {type_name(key)}", pos, "skills")
                continue
            if message:
                top.report.add(message, pos, path, "use 0-5 or a level name")
                continue
            if once.twice(key, pos, path):
                continue
            origin = Origin(top.report.file, pos[0], pos[1])
            skills.append(ProfileSkill(name=key.strip(), level=level or 0, origin=origin))
        return tuple(skills)
    for _, item, path, pos in top.items("skills"):
        fields = top.sub(item, path, pos)
        if fields is None:
            continue
        fields.check_keys(SKILL_KEYS, required=("name", "level"))
        name = fields.text("name", required=True)
        level = fields.level("level", required=False) if "level" in fields.data else None
        if name is None or level is None:
            continue
        if once.twice(name, pos, path):
            continue
        skills.append(
            ProfileSkill(
                name=name,
                level=level,
                last_used=fields.date("last_used"),
                evidence=fields.text("evidence"),
                origin=fields.origin(),
                estimated=_estimated(fields),
            )
        )
    return tuple(skills)


def _estimated(fields: Fields) -> bool:
    """`estimated: true`: the level is a guess (an import's) the person has yet to review."""
    value = fields.data.get("estimated")
    if value is None:
        return False
    if not isinstance(value, bool):
        fields.problem(
            "estimated",
            f"expected true or false, got {type_name(value)}",
            "an import writes `estimated: true`; remove it once you have checked the level",
        )
        return False
    return value


def _held(top: Fields) -> tuple[HeldCredential, ...]:
    held: list[HeldCredential] = []
    for _, item, path, pos in top.items("credentials"):
        origin = Origin(top.report.file, pos[0], pos[1])
        if isinstance(item, str) and item.strip():
            held.append(HeldCredential(id=item.strip(), title=item.strip(), origin=origin))
            continue
        fields = top.sub(item, path, pos)
        if fields is None:
            continue
        fields.check_keys(HELD_KEYS)
        ident, title, badge = fields.text("id"), fields.text("title"), fields.text("badge")
        if not (ident or title or badge):
            top.report.add("a held credential needs an 'id', a 'title' or a 'badge' file", pos, path)
            continue
        held.append(
            HeldCredential(id=ident, title=title, earned=fields.date("earned"), badge=badge, origin=origin)
        )
    return tuple(held)


def _preferences(fields: Fields | None) -> Preferences:
    if fields is None:
        return Preferences()
    fields.check_keys(PREFERENCE_KEYS)
    hours = fields.number("hours_per_week", HOURS_PER_WEEK)
    formats = tuple(f.lower() for f in fields.text_list("formats"))
    for fmt in formats:
        if fmt not in FORMATS:
            fields.problem("formats", f"unknown format {fmt!r}", "allowed: " + ", ".join(FORMATS))
    currency = fields.text("currency")
    return Preferences(
        budget=fields.number("budget", MONEY),
        currency=currency.upper() if currency else None,
        hours_per_week=hours,
        deadline=fields.date("deadline"),
        formats=formats,
        exclude_providers=fields.text_list("exclude_providers"),
    )
