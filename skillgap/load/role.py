"""Role files: the target job, the skills it requires, at which level and how much each matters."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from skillgap.levels import IMPORTANCE_VALUES, Importance
from skillgap.load.fields import Fields, Once, Report, add_kind_hint, parse_level, top_mapping, type_name
from skillgap.load.source import PosMap, display_name, load_file
from skillgap.model import Origin, Requirement, Role, choice_label

ROLE_KEYS = (
    "id",
    "title",
    "field",
    "description",
    "source",
    "requirements",
    "required_credentials",
    "source_id",
)
REQUIREMENT_KEYS = ("skill", "any_of", "level", "importance", "id")


def load_role(path: Path) -> Role:
    report = Report(display_name(path))
    data = load_file(path)
    role = read_role(data, report, default_id=path.stem)
    add_kind_hint(report, data, "role")
    report.raise_if_any()
    assert role is not None
    return role


def read_role(data: Any, report: Report, default_id: str) -> Role | None:
    top = top_mapping(data, report, "role", "'title' and 'requirements'")
    if top is None:
        return None
    top.check_keys(ROLE_KEYS, required=("title", "requirements"))
    requirements = _requirements(top)
    if "requirements" in top.data and not requirements and not report.problems:
        top.problem("requirements", "must list at least one required skill")
    return Role(
        id=top.text("id") or default_id,
        title=top.text("title", required=True) or "?",
        description=top.text("description"),
        source=top.text("source"),
        requirements=requirements,
        required_credentials=top.text_list("required_credentials"),
        file=report.file,
        source_id=top.text("source_id"),
        field=top.text("field"),
    )


def _requirements(top: Fields) -> tuple[Requirement, ...]:
    out: list[Requirement] = []
    once = Once(top.report, "required skill")
    raw = top.data.get("requirements")
    if isinstance(raw, PosMap):  # shorthand: `skill: level`
        for key, value in raw.items():
            pos = raw.pos(key)
            level, message = parse_level(value)
            if not isinstance(key, str) or not key.strip():
                top.report.add(f"a skill name must be text, got {type_name(key)}", pos, "requirements")
            elif message:
                top.report.add(message, pos, f"requirements.{key}", "use 0-5 or a level name")
            elif not once.twice(key, pos, f"requirements.{key}"):
                origin = Origin(top.report.file, pos[0], pos[1])
                out.append(Requirement(skill=key.strip(), level=level or 0, origin=origin))
        return tuple(out)
    for _, item, path, pos in top.items("requirements"):
        fields = top.sub(item, path, pos)
        if fields is None:
            continue
        choice = "any_of" in fields.data
        fields.check_keys(REQUIREMENT_KEYS, required=("level",) if choice else ("skill", "level"))
        options = _alternatives(fields) if choice else ()
        if choice and "skill" in fields.data:
            fields.problem("skill", "give either 'skill' or 'any_of', not both", "any_of lists the choice")
        skill = choice_label(options) if options else None if choice else fields.text("skill", required=True)
        level = fields.level("level", required=False) if "level" in fields.data else None
        importance = fields.choice("importance", IMPORTANCE_VALUES, default="important")
        if skill is None or level is None or once.twice(skill, pos, path):
            continue
        out.append(
            Requirement(
                skill=skill,
                level=level,
                importance=Importance(importance),
                origin=fields.origin(),
                id=fields.text("id"),
                any_of=options,
            )
        )
    return tuple(out)


def _alternatives(fields: Fields) -> tuple[str, ...]:
    """A requirement's `any_of`: two or more distinct skill names, any one of which meets it."""
    before = len(fields.report.problems)
    names = fields.text_list("any_of")
    distinct = tuple(dict.fromkeys(names))
    if len(fields.report.problems) > before:
        return ()  # said already: not a list, or an item that is not text
    if len({n.casefold() for n in distinct}) < 2:
        fields.problem("any_of", "must list at least two different skills", "a single skill goes in 'skill'")
        return ()
    return distinct
