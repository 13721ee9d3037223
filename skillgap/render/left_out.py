"""What a person's preferences leave out of the ranking, in one sentence (table and Markdown) and as data."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from skillgap.rank import LeftOutByPreference


def left_out_sentence(groups: Sequence[LeftOutByPreference], formats: Sequence[str]) -> str:
    """"Your preferences leave out 3 credentials that would close a gap: 1 hybrid, 1 in-person (your
    formats: online); 1 from 'Coursera' (in your exclude_providers).", or "" when they leave out none."""
    total = sum(len(g.ids) for g in groups)
    if not total:
        return ""
    parts = []
    by_format = [g for g in groups if g.preference == "formats"]
    if by_format:
        counts = ", ".join(f"{len(g.ids)} {g.value}" for g in by_format)
        parts.append(f"{counts} (your formats: {', '.join(formats)})")
    by_provider = [g for g in groups if g.preference == "exclude_providers"]
    if by_provider:
        counts = ", ".join(f"{len(g.ids)} from {g.value!r}" for g in by_provider)
        parts.append(f"{counts} (in your exclude_providers)")
    noun = "credential" if total == 1 else "credentials"
    return f"Your preferences leave out {total} {noun} that would close a gap: {'; '.join(parts)}."


def left_out_data(groups: Sequence[LeftOutByPreference]) -> list[dict[str, Any]]:
    return [
        {
            "preference": g.preference,
            "value": g.value,
            "count": len(g.ids),
            "credentials": list(g.ids),
        }
        for g in groups
    ]
