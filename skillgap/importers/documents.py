"""Imported data as skillgap files: mappings in the documented key order, dumped as commented YAML."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from skillgap.model import Credential


@dataclass
class Imported:
    """A document ready to write as a skillgap file, and what a reader should know about how it was made."""

    data: dict[str, Any]
    notes: list[str] = field(default_factory=list)


def slug(text: str, limit: int = 60) -> str:
    """A lower-case, hyphenated ASCII id for a name: "Data Analysis with SQL" -> data-analysis-with-sql."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    words = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return words[:limit].rstrip("-") or "item"


def unique_ids(names: Iterable[str], taken: Iterable[str] = ()) -> list[str]:
    """A distinct slug for each name, in order; a repeated slug gets -2, -3, ..."""
    used = set(taken)
    out = []
    for name in names:
        base = slug(name)
        candidate, n = base, 1
        while candidate in used:
            n += 1
            candidate = f"{base}-{n}"
        used.add(candidate)
        out.append(candidate)
    return out


def credential_entry(credential: Credential, ident: str) -> dict[str, Any]:
    """One catalog credential as written in a catalog file (empty fields left out)."""
    entry: dict[str, Any] = {
        "id": ident,
        "title": credential.title,
        "provider": credential.provider,
        "provider_type": credential.provider_type if credential.provider_type != "other" else None,
        "type": credential.type,
        "url": credential.url,
        "skills": [_skill(s.name, s.level, s.id) for s in credential.skills],
        "hours": credential.hours,
        "cost": credential.cost,
        "credits": credential.credits,
        "assessment": credential.assessment,
        "estimated": sorted(credential.estimated) or None,
        "description": credential.description,
        "source_id": credential.source_id,
    }
    return {k: v for k, v in entry.items() if v is not None}


def _skill(name: str, level: int, ident: str | None) -> dict[str, Any]:
    out: dict[str, Any] = {"name": name, "level": level}
    if ident:
        out["id"] = ident
    return out


def yaml_text(data: dict[str, Any], header: Sequence[str]) -> str:
    """YAML for a skillgap file, led by comment lines (attribution, provenance, what was assumed)."""
    import textwrap

    from skillgap.inert import yaml_dump

    lines: list[str] = []
    for paragraph in header:
        wrapped = textwrap.wrap(" ".join(paragraph.split()), width=100) or [""]
        lines.extend(f"# {line}".rstrip() for line in wrapped)
    body = yaml_dump(data)
    return "\n".join(lines) + "\n" + body
