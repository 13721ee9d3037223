"""Gap analysis: for each requirement, the person's level, the required level, the gap and its weight.

Every skill name (profile, role, catalog) is compared by the canonical skill it resolves to; a name that
resolves to nothing is compared with other unresolved names by its normalised form, so two identical
unknown names still meet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from skillgap.levels import Importance
from skillgap.match import Resolution, normalize
from skillgap.model import Catalog, Credential, Profile, Role


def skill_key(name: str, resolutions: Mapping[str, Resolution]) -> str:
    """The identity two names share when they mean the same skill."""
    resolution = resolutions.get(name)
    if resolution is not None and resolution.skill is not None:
        return resolution.skill
    return "?" + normalize(name)


def display(name: str, resolutions: Mapping[str, Resolution]) -> str:
    resolution = resolutions.get(name)
    return resolution.skill if resolution is not None and resolution.skill else name


@dataclass(frozen=True)
class PersonSkill:
    """What the person has of one canonical skill, and where that figure comes from."""

    skill: str
    level: int
    claimed_as: tuple[str, ...] = ()  # names in the profile that resolved here
    evidenced_by: tuple[str, ...] = ()  # held credentials that teach it


@dataclass(frozen=True)
class Gap:
    skill: str  # canonical name (or the role's own wording when it resolves to nothing)
    required: int
    current: int
    importance: Importance
    requested_as: str  # the role's wording
    resolved: bool  # False when the role's skill name matched no known skill
    person: PersonSkill | None = None

    @property
    def gap(self) -> int:
        return max(0, self.required - self.current)

    @property
    def weighted(self) -> int:
        return self.gap * self.importance.weight


@dataclass(frozen=True)
class Analysis:
    profile: Profile
    role: Role
    gaps: tuple[Gap, ...]  # requirements not met, most important and largest first
    met: tuple[Gap, ...]  # requirements met: the person's strengths for this role
    readiness: float  # 0-1: importance-weighted share of required levels the person meets
    resolutions: Mapping[str, Resolution]
    held: tuple[Credential, ...] = ()  # catalog credentials the person already holds

    @property
    def requirements(self) -> tuple[Gap, ...]:
        return self.gaps + self.met


def held_credentials(profile: Profile, catalog: Catalog) -> tuple[Credential, ...]:
    """Catalog credentials the profile says the person holds, found by id or by title."""
    by_id = catalog.by_id()
    by_title = {c.title.casefold(): c for c in catalog.credentials}
    found: dict[str, Credential] = {}
    for held in profile.credentials:
        credential = by_id.get(held.id or "") or by_title.get((held.title or "").casefold())
        if credential is None and held.id:
            credential = by_title.get(held.id.casefold())
        if credential is not None:
            found[credential.id] = credential
    return tuple(found.values())


def person_skills(
    profile: Profile, held: tuple[Credential, ...], resolutions: Mapping[str, Resolution]
) -> dict[str, PersonSkill]:
    """The person's level per skill: the best of what they claim and what a held credential teaches."""
    levels: dict[str, int] = {}
    claimed: dict[str, list[str]] = {}
    evidenced: dict[str, list[str]] = {}
    for skill in profile.skills:
        key = skill_key(skill.name, resolutions)
        levels[key] = max(levels.get(key, 0), skill.level)
        claimed.setdefault(key, []).append(skill.name)
    for credential in held:
        for taught in credential.skills:
            key = skill_key(taught.name, resolutions)
            levels[key] = max(levels.get(key, 0), taught.level)
            evidenced.setdefault(key, []).append(credential.title)
    return {
        key: PersonSkill(
            skill=key,
            level=level,
            claimed_as=tuple(claimed.get(key, ())),
            evidenced_by=tuple(evidenced.get(key, ())),
        )
        for key, level in levels.items()
    }


def analyse(
    profile: Profile, role: Role, catalog: Catalog, resolutions: Mapping[str, Resolution]
) -> Analysis:
    """Compare a person with a role. `resolutions` must cover every profile, role and catalog name."""
    held = held_credentials(profile, catalog)
    has = person_skills(profile, held, resolutions)
    rows: list[Gap] = []
    for requirement in role.requirements:
        key = skill_key(requirement.skill, resolutions)
        person = has.get(key)
        rows.append(
            Gap(
                skill=display(requirement.skill, resolutions),
                required=requirement.level,
                current=person.level if person else 0,
                importance=requirement.importance,
                requested_as=requirement.skill,
                resolved=not key.startswith("?"),
                person=person,
            )
        )
    total = sum(r.required * r.importance.weight for r in rows)
    met_weight = sum(min(r.current, r.required) * r.importance.weight for r in rows)
    readiness = met_weight / total if total else 1.0
    gaps = sorted((r for r in rows if r.gap > 0), key=lambda r: (r.importance.rank, -r.gap, r.skill))
    met = sorted((r for r in rows if r.gap == 0), key=lambda r: (r.importance.rank, -r.current, r.skill))
    return Analysis(profile, role, tuple(gaps), tuple(met), readiness, resolutions, held)
