"""Requirements out of a posting's mentions, and the role they make.

A skill the posting names several times is one requirement, at its strongest importance and the highest
level stated; a choice one of whose skills is asked for outright, at least as strongly and at a level at
least as high, is left out; and
the role reads like any role file (`--target ad.txt`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from skillgap.errors import InputError
from skillgap.levels import Importance
from skillgap.model import Origin, Requirement, Role, choice_label
from skillgap.postings.types import Ask, Evidence, Extraction, Settled


class Mention(NamedTuple):
    """One place a posting names a skill, or a choice of skills, read in its sentence and section."""

    skills: tuple[str, ...]
    importance: Importance
    level: int | None
    evidence: Evidence
    importance_stated: bool


def merge(mentions: Iterable[Mention], default_level: int) -> tuple[tuple[Ask, ...], tuple[Settled, ...]]:
    """One requirement per skill (or per choice): its strongest importance, the highest level stated,
    the evidence of its strongest mention. A choice one of whose skills the posting asks for outright,
    at least as strongly and at a level at least as high, says nothing more: it is left out of the
    requirements and returned, with the skill that settles it, as the second part."""
    by_key: dict[tuple[str, ...], list[Mention]] = {}
    for mention in mentions:
        key = tuple(sorted(mention.skills))
        by_key.setdefault(key, []).append(mention)
    asks: list[Ask] = []
    for group in by_key.values():
        strongest = min(group, key=lambda m: (m.importance.rank, not m.importance_stated, m.evidence.line))
        levels = [m.level for m in group if m.level is not None]
        estimated = []
        if not levels:
            estimated.append("level")
        if not any(m.importance_stated for m in group):
            estimated.append("importance")
        lines = tuple(dict.fromkeys([strongest.evidence.line, *sorted(m.evidence.line for m in group)]))
        asks.append(
            Ask(
                skills=strongest.skills if len(strongest.skills) > 1 else group[0].skills,
                level=max(levels) if levels else default_level,
                importance=strongest.importance,
                evidence=strongest.evidence,
                estimated=tuple(estimated),
                lines=lines,
            )
        )
    single = {a.skills[0]: a for a in asks if not a.is_choice}
    kept: list[Ask] = []
    settled: list[Settled] = []
    for a in asks:
        by = None
        if a.is_choice:
            by = next(
                (
                    s
                    for s in a.skills
                    if s in single
                    and single[s].importance.rank <= a.importance.rank
                    and single[s].level >= a.level
                ),
                None,
            )
        if by is None:
            kept.append(a)
        else:
            settled.append(Settled(a, by))
    kept.sort(key=lambda a: (a.importance.rank, min(a.lines)))
    settled.sort(key=lambda s: min(s.ask.lines))
    return tuple(kept), tuple(settled)


def posting_role(extraction: Extraction) -> Role:
    """The role a posting describes, as every command reads a role (`--target ad.txt`)."""
    if not extraction.asks:
        raise InputError.at(
            extraction.source,
            "no skill the taxonomy knows was found in this posting",
            hint="is it a job posting? `skillgap import posting` shows what was read",
        )
    requirements = tuple(
        Requirement(
            skill=choice_label(ask.skills) if ask.is_choice else ask.skills[0],
            level=ask.level,
            importance=ask.importance,
            origin=Origin(extraction.source, ask.evidence.line),
            any_of=ask.skills if ask.is_choice else (),
        )
        for ask in extraction.asks
    )
    stem = Path(extraction.source).stem if extraction.source != "standard input" else "posting"
    return Role(
        id=stem,
        title=extraction.title,
        requirements=requirements,
        source=f"the job posting {extraction.source}, read by skillgap",
        required_credentials=tuple(c.text for c in extraction.credentials),
        file=extraction.source,
        posting=extraction.source,
        unrecognised=extraction.unrecognised,
    )
