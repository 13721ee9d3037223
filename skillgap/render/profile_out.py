"""A profile read from a person's records, written as YAML (with a header asking them to review the
estimated levels) or JSON. JSON carries no comments: its `estimated: true` marks say the same."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from skillgap.resumes.types import Imported

if TYPE_CHECKING:
    from skillgap.resumes.document import Merged

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


def merged_yaml(original: str, name: str, merged: Merged, imported: Imported, command: str) -> str | None:
    """The person's own profile text (ORIGINAL, read from NAME) with the merged entries added where they
    belong, so that every comment, every line and the order they wrote stay as they were: the new skills
    and credentials after the last of theirs (or as a new list at the end), a `current_role` at the end.
    None when the text cannot be added to so plainly (a flow-style or shorthand list, a JSON file) or the
    result would not read back as the merged profile: the caller writes the merged data instead."""
    from skillgap.errors import InputError
    from skillgap.load.source import is_json, parse
    from skillgap.resumes.document import credential_entry, plain, skill_entry

    if is_json(name):
        return None
    lines = original.splitlines()
    note = f"# added by `{command}` from {_one_line(imported.source)}: {REVIEW}"
    additions = (
        ("skills", [skill_entry(c) for c in merged.skills]),
        ("credentials", [credential_entry(c) for c in merged.credentials]),
    )
    for key, entries in additions:
        if not entries:
            continue
        block = _block_list(lines, key)
        body = _dump(_cleaned(entries))
        if block is None:
            if any(_key_line(key).match(line) for line in lines):
                return None  # written some other way: not added to as text
            lines += [f"{key}:", note, *body]
            continue
        end, indent = block
        lines[end:end] = [indent + note, *(indent + line for line in body)]
    if "current_role" in merged.data and not any(_key_line("current_role").match(line) for line in lines):
        lines += _dump(_cleaned({"current_role": merged.data["current_role"]}))
    text = "\n".join(lines) + "\n"
    try:
        read_back = parse(text, name)
    except InputError:
        return None
    return text if plain(read_back) == plain(merged.data) else None


def _one_line(text: str) -> str:
    from skillgap.render.safe import clean

    return clean(text)


def _key_line(key: str) -> re.Pattern[str]:
    """A line that opens the top-level KEY."""
    return re.compile(rf"^{re.escape(key)}\s*:")


def _block_list(lines: list[str], key: str) -> tuple[int, str] | None:
    """Where new items of the top-level block list KEY go (after its last item, before the comments and
    blank lines that lead the next key) and their indentation; None when KEY is not such a list."""
    start = next(
        (i for i, line in enumerate(lines) if re.match(rf"^{re.escape(key)}\s*:\s*(?:#.*)?$", line)), None
    )
    if start is None:
        return None
    indent: str | None = None
    end = start + 1
    for index in range(start + 1, len(lines)):
        line = lines[index]
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if indent is None:
            found = re.match(r"^(\s*)- ", line) or re.match(r"^(\s*)-$", line)
            if found is None:
                return None  # a mapping (the shorthand), or something else
            indent = found.group(1)
        if line.startswith(" ") or (indent == "" and line.startswith("-")):
            end = index + 1
            continue
        break
    if indent is None:
        return None
    return end, indent


def _dump(value: Any) -> list[str]:
    from skillgap.inert import yaml_dump

    text = yaml_dump(value)
    return text.splitlines()
