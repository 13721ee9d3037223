"""Counting words: "1 node", "2 nodes", "1 of 3 people is". Every renderer counts with these, so that no
sentence says "1 days" or hedges with "(s)"."""

from __future__ import annotations

# plurals (and verb forms) that are not the word and an "s"
IRREGULAR = {"person": "people", "is": "are", "was": "were", "meets": "meet", "it": "them"}


def agree(count: float, one: str, many: str | None = None) -> str:
    """The form of a word (a noun, or a verb whose subject is counted) that agrees with COUNT: `one` for
    exactly 1, else `many` (by default the irregular form, or the word and an "s")."""
    if count == 1:
        return one
    return many if many is not None else IRREGULAR.get(one, one + "s")


def plural(count: float, one: str, many: str | None = None) -> str:
    """COUNT and the noun that agrees with it: "1 credential", "1,250 nodes", "2.5 hours"."""
    number = f"{count:,}" if isinstance(count, int) else f"{count:,g}"
    return f"{number} {agree(count, one, many)}"
