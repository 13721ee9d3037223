"""Proving claims: for a requirement met only on the person's word, the cheapest credential proving it.

A credential proves a requirement when it teaches the skill to at least the required level. Credentials
the person holds, from providers they exclude, or in formats they did not ask for are left out, as in the
ranking. The cheapest is the lowest cost (an unknown cost last), then the fewest hours, then the id.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from skillgap.analyse.gaps import Analysis, Gap
from skillgap.model import Credential
from skillgap.rank.recommend import Exclusions, SkillKeys


@dataclass(frozen=True)
class EvidenceSuggestion:
    """How to evidence one requirement met only by a claim (`credential` is None when nothing would)."""

    gap: Gap
    credential: Credential | None
    taught: int = 0  # the level the credential teaches


def _cheapest_first(credential: Credential) -> tuple[float, float, str]:
    cost = credential.cost if credential.cost is not None else float("inf")
    hours = credential.hours if credential.hours is not None else float("inf")
    return cost, hours, credential.id


def evidence_suggestions(
    analysis: Analysis, credentials: Iterable[Credential]
) -> tuple[EvidenceSuggestion, ...]:
    """One suggestion per requirement met only by a claim, most important first. `credentials` may be
    only those that teach a claimed skill: no other credential could prove one."""
    claims = sorted((g for g in analysis.met if g.claim_only), key=lambda g: (g.importance.rank, g.skill))
    if not claims:
        return ()
    held = {c.id for c in analysis.held}
    key_of, leave_out = SkillKeys(analysis), Exclusions(analysis)
    wanted = {key_of(g.requested_as): g for g in claims}
    best: dict[str, tuple[Credential, int]] = {}
    for credential in credentials:
        if not any(key_of(s.name) in wanted for s in credential.skills):
            continue
        if credential.id in held or leave_out(credential):
            continue
        for taught in credential.skills:
            key = key_of(taught.name)
            gap = wanted.get(key)
            if gap is None or taught.level < gap.required:
                continue
            known = best.get(key)
            if known is None or _cheapest_first(credential) < _cheapest_first(known[0]):
                best[key] = (credential, taught.level)
    out = []
    for key, gap in wanted.items():
        found = best.get(key)
        out.append(EvidenceSuggestion(gap, found[0], found[1]) if found else EvidenceSuggestion(gap, None))
    return tuple(out)
