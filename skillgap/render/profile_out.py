"""A profile read from a person's records, written as YAML (with a header asking them to review the
estimated levels) or JSON. JSON carries no comments: its `estimated: true` marks say the same."""

from __future__ import annotations

from typing import Any

from skillgap.resumes.types import Imported

REVIEW = "review the estimated levels"


def header(imported: Imported, command: str) -> list[str]:
    """The comment lines that lead the YAML: what to review, where it came from, what was left out."""
    lines = [
        f"{REVIEW}: each skill's level was estimated from your {imported.kind}, never above what it shows "
        "(its evidence says why), and is marked `estimated: true`. Check each one, change the level where "
        "it is wrong, then delete `estimated: true`. Levels: 1 novice, 2 advanced beginner, 3 competent, "
        "4 proficient, 5 expert.",
        f"Imported by `{command}` from {imported.source}. These are your claims, not proof of them.",
    ]
    lines.extend(f"note: {note}" for note in imported.notes)
    return lines


def profile_yaml(data: dict[str, Any], imported: Imported, command: str) -> str:
    from skillgap.importers.documents import yaml_text
    from skillgap.render.safe import clean

    return yaml_text(_cleaned(data), [clean(line) for line in header(imported, command)])


def profile_json(data: dict[str, Any]) -> str:
    from skillgap.render.json_out import to_json

    return to_json(_cleaned(data))


def _cleaned(value: Any) -> Any:
    """Every text in VALUE without the escape sequences and control characters a source may hold: the
    file is read in a terminal and an editor, and goes on into every later command."""
    from skillgap.render.safe import clean

    if isinstance(value, dict):
        return {_cleaned(key): _cleaned(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    return clean(value) if isinstance(value, str) else value
