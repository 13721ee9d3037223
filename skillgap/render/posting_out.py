"""A role read from a job posting, as a role file to review (YAML, the evidence in comments) or as JSON.

The YAML is a role file every command reads (`--target`), so each value is written as a quoted scalar
where it has to be, and every comment is one clean line: text from a posting is data, never markup.
"""

from __future__ import annotations

import json
import re
from typing import Any

from skillgap.model import Role
from skillgap.postings.types import Ask, Extraction
from skillgap.render.safe import clean, json_safe

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._+#&/()'\u2019-]*")
_RESERVED = frozenset("y n yes no true false on off null".split())
MAX_COMMENT = 96


def target_posting(role: Role) -> dict[str, Any] | None:
    """For a JSON document: the job posting a target role was read from and what in it matched no
    known skill (None for a role file)."""
    if role.posting is None:
        return None
    unrecognised = [{"text": u.text, "line": u.line} for u in role.unrecognised]
    return {"file": role.posting, "unrecognised": unrecognised}


def posting_document(extraction: Extraction) -> dict[str, Any]:
    """The JSON document of `skillgap import posting --format json`."""
    return {
        "title": extraction.title,
        "source": extraction.source,
        "requirements": [_requirement(ask) for ask in extraction.asks],
        "credentials": [
            {"text": c.text, "importance": c.importance.value, "line": c.line} for c in extraction.credentials
        ],
        "unrecognised": [{"text": u.text, "line": u.line} for u in extraction.unrecognised],
        "settled": [{**_requirement(s.ask), "settled_by": s.by} for s in extraction.settled],
        "default_level": extraction.default_level,
    }


def _requirement(ask: Ask) -> dict[str, Any]:
    entry: dict[str, Any] = {"any_of": list(ask.skills)} if ask.is_choice else {"skill": ask.skills[0]}
    entry.update(
        level=ask.level,
        importance=ask.importance.value,
        evidence={"text": ask.evidence.text, "line": ask.evidence.line, "phrase": ask.evidence.phrase},
        estimated=list(ask.estimated),
        lines=list(ask.lines),
    )
    return entry


def posting_yaml(extraction: Extraction) -> str:
    """A role file: what the posting asks for, each requirement under a comment quoting the posting."""
    level = extraction.default_level
    out = [
        f"# Read from {_comment(extraction.source)} by `skillgap import posting`: review it before use.",
        "# Each requirement's comment quotes the posting and its line; 'estimated' marks what the posting",
        f"# does not state (a level set to {level}, an importance no heading or cue word gives).",
        f"title: {scalar(extraction.title)}",
        f"source: {scalar(extraction.source)}",
        "requirements:",
    ]
    for ask in extraction.asks:
        note = f'line {ask.evidence.line}: "{_comment(ask.evidence.text)}"'
        if ask.evidence.phrase:
            note += f" ({_comment(ask.evidence.phrase)})"
        if ask.estimated:
            note += "; estimated: " + ", ".join(ask.estimated)
        out.extend(f"  # {part}" for part in _wrap(note))
        if ask.is_choice:
            out.append("  - any_of: [" + ", ".join(scalar(s) for s in ask.skills) + "]")
        else:
            out.append(f"  - skill: {scalar(ask.skills[0])}")
        out.append(f"    level: {ask.level}")
        out.append(f"    importance: {ask.importance.value}")
    if extraction.credentials:
        out.append("required_credentials:")
        for credential in extraction.credentials:
            note = f"line {credential.line}, {credential.importance.value}"
            out.append(f"  # {note}")
            out.append(f"  - {scalar(credential.text)}")
    else:
        out.append("required_credentials: []")
    if extraction.settled:
        out.append("# Also named, as a choice a requirement above already settles (left out of the role):")
        for done in extraction.settled:
            choice = ", ".join(_comment(s) for s in done.ask.skills)
            out.append(f"#   line {done.ask.evidence.line}: any of {choice} (settled by {_comment(done.by)})")
    if extraction.unrecognised:
        out.append("# Not recognised: phrases in requirement lists that no known skill matches. If one is a")
        out.append("# skill, add it above, or as an alias in your taxonomy so the next posting finds it:")
        for item in extraction.unrecognised:
            out.append(f"#   line {item.line}: {_comment(item.text)}")
    return "\n".join(out) + "\n"


def scalar(text: str) -> str:
    """TEXT as a YAML scalar: plain where that reads back as the same string, else double-quoted."""
    if _PLAIN.fullmatch(text) and text.strip() == text and text.lower() not in _RESERVED and " #" not in text:
        return text
    return json_safe(json.dumps(text, ensure_ascii=False))


def _comment(text: str) -> str:
    return " ".join(clean(text).split())


def _wrap(text: str) -> list[str]:
    import textwrap

    return textwrap.wrap(text, width=MAX_COMMENT, break_on_hyphens=False) or [""]
