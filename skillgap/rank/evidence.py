"""Proving claims: for a requirement met only on the person's word, the cheapest credential proving it.

A credential proves a requirement when it teaches the skill to at least the required level. Credentials
the person holds, from providers they exclude, or in formats they did not ask for are left out, as in the
ranking. The cheapest is the lowest cost (an unknown cost last), then the fewest hours, then the id.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from skillgap.analyse.gaps import Analysis, Gap
from skillgap.analyse.preferences import Exclusions
from skillgap.model import Catalog, Credential, Taught
from skillgap.rank.recommend import SkillKeys


@dataclass(frozen=True)
class EvidenceSuggestion:
    """How to evidence one requirement met only by a claim (`credential` is None when nothing would)."""

    gap: Gap
    credential: Credential | None
    taught: int = 0  # the level the credential teaches


def evidence_suggestions(
    analysis: Analysis, catalog: Catalog, teaching: Mapping[str, Taught] | None = None
) -> tuple[EvidenceSuggestion, ...]:
    """One suggestion per requirement met only by a claim, most important first.

    Credentials are looked at cheapest first, so the first that proves a claim is the one to suggest and
    the walk ends once every claim has one. With `teaching` (the world's skill index) only those teaching
    a claimed skill to the required level are looked at, in the order the catalog's price columns give."""
    claims = sorted((g for g in analysis.met if g.claim_only), key=lambda g: (g.importance.rank, g.skill))
    if not claims:
        return ()
    held = {c.id for c in analysis.held}
    key_of, leave_out = SkillKeys(analysis), Exclusions(analysis.profile.preferences)
    wanted = {key_of(g.chosen or g.requested_as): g for g in claims}  # a choice: the alternative that counts
    if teaching is None:
        pool: Iterable[Credential] = sorted(catalog.credentials, key=Credential.price_key)
    else:
        able = {
            i for k, g in wanted.items() if k in teaching for i, lv in teaching[k].pairs() if lv >= g.required
        }
        pool = (catalog.credentials[i] for i in catalog.lookup.cheapest_first(able))
    best: dict[str, tuple[Credential, int]] = {}
    for credential in pool:
        if len(best) == len(wanted):
            break
        if credential.id in held or leave_out(credential):
            continue
        for taught in credential.skills:
            key = key_of(taught.name)
            gap = wanted.get(key)
            if gap is not None and key not in best and taught.level >= gap.required:
                best[key] = (credential, taught.level)
    out = []
    for key, gap in wanted.items():
        found = best.get(key)
        out.append(EvidenceSuggestion(gap, found[0], found[1]) if found else EvidenceSuggestion(gap, None))
    return tuple(out)
