"""Fuzzy search of a catalog on title, provider and skill (the core of `skillgap catalog search`)."""

from __future__ import annotations

from dataclasses import dataclass

from skillgap.model import Credential
from skillgap.world import World

CUTOFF = 70.0


@dataclass(frozen=True)
class Hit:
    credential: Credential
    score: float
    why: str  # which field matched


def search_catalog(world: World, query: str, limit: int = 10) -> list[Hit]:
    """Credentials teaching the skill the query resolves to score 100; others by fuzzy title, provider
    or skill-name similarity (rapidfuzz WRatio on normalised text), best first, ties by id."""
    from rapidfuzz import fuzz, utils

    resolution = world.matcher.resolve(query)
    wanted = resolution.skill
    skill_of = world.resolve(s.name for c in world.catalog.credentials for s in c.skills)
    q = utils.default_process(query)
    scores: dict[str, float] = {}  # each distinct text scored once: a large catalog repeats its skills

    def score_of(text: str) -> float:
        score = scores.get(text)
        if score is None:
            score = scores[text] = fuzz.WRatio(q, utils.default_process(text))
        return score

    hits: list[Hit] = []
    for credential in world.catalog.credentials:
        teaches = {skill_of[s.name].skill for s in credential.skills}
        if wanted is not None and wanted in teaches:
            hits.append(Hit(credential, 100.0, f"teaches {wanted}"))
            continue
        fields = [("title", credential.title), ("provider", credential.provider)]
        fields += [("skill", s.name) for s in credential.skills]
        best, why = 0.0, ""
        for label, text in fields:
            score = score_of(text)
            if score > best:
                best, why = score, f"{label}: {text}"
        if best >= CUTOFF:
            hits.append(Hit(credential, round(best, 1), why))
    hits.sort(key=lambda h: (-h.score, h.credential.id))
    return hits[:limit]
