"""Gap analysis: for each requirement, the person's level, the required level, the gap and its weight.

Every skill name (profile, role, catalog) is compared by the canonical skill it resolves to; a name that
resolves to nothing is compared with other unresolved names by its normalised form, so two identical
unknown names still meet. A name that normalises to nothing (symbols or emoji only) is compared as written
(case aside), never by its empty key: "🍳" meets "🍳", not "★".

A level is *claimed* (the profile says so) or *evidenced* (a held credential or an earned badge teaches
it). A claim whose `last_used` is older than the staleness threshold counts a level lower.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from skillgap.levels import Importance
from skillgap.match import Resolution, normalize
from skillgap.match.text import literal_key
from skillgap.model import Badge, Catalog, Credential, HeldCredential, Profile, Role, id_key

STALE_AFTER_YEARS = 3.0


def skill_key(name: str, resolutions: Mapping[str, Resolution]) -> str:
    """The identity two names share when they mean the same skill."""
    resolution = resolutions.get(name)
    if resolution is not None and resolution.skill is not None:
        return resolution.skill
    key = normalize(name)
    return "?" + key if key else "?!" + literal_key(name)  # a key never starts with "!"


def display(name: str, resolutions: Mapping[str, Resolution]) -> str:
    resolution = resolutions.get(name)
    return resolution.skill if resolution is not None and resolution.skill else name


@dataclass(frozen=True)
class PersonSkill:
    """What the person has of one canonical skill, and where that figure comes from."""

    skill: str
    level: int  # what counts: the best of the claimed level (a level lower when stale) and the evidenced
    claimed_as: tuple[str, ...] = ()  # names in the profile that resolved here
    evidenced_by: tuple[str, ...] = ()  # held credentials and earned badges that teach it
    claimed: int = 0  # the highest level the profile claims, as written
    evidenced: int = 0  # the highest level a held credential or a counted badge teaches
    stale: bool = False  # the claim was last used longer ago than the threshold, so counts a level lower
    last_used: date | None = None  # the latest `last_used` among the claims


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

    @property
    def evidenced(self) -> int:
        return self.person.evidenced if self.person is not None else 0

    @property
    def basis(self) -> str:
        """How the level that counts here is known: evidenced, partly evidenced, claimed, or none."""
        if self.person is None or self.current == 0:
            return "none"
        if self.evidenced >= min(self.current, self.required):
            return "evidenced"
        return "partly evidenced" if self.evidenced > 0 else "claimed"

    @property
    def claim_only(self) -> bool:
        """Met, but only on the person's word: no held credential or badge proves the required level."""
        return self.gap == 0 and self.evidenced < self.required


@dataclass(frozen=True)
class Analysis:
    profile: Profile
    role: Role
    gaps: tuple[Gap, ...]  # requirements not met, most important and largest first
    met: tuple[Gap, ...]  # requirements met: the person's strengths for this role
    readiness: float  # 0-1: importance-weighted share of required levels the person meets
    resolutions: Mapping[str, Resolution]
    held: tuple[Credential, ...] = ()  # catalog credentials the person already holds
    badges: tuple[Badge, ...] = ()  # earned badges the profile lists (expired or revoked ones included)
    today: date | None = None  # the day staleness and badge expiry were judged on
    stale_after: float | None = None  # years after which a claim counts a level lower (None: never)

    @property
    def requirements(self) -> tuple[Gap, ...]:
        return self.gaps + self.met


def held_credentials(profile: Profile, catalog: Catalog) -> tuple[Credential, ...]:
    """Catalog credentials the profile says the person holds, found by id or by title."""
    found = {c.id: c for _, c in held_in_catalog(profile, catalog) if c is not None}
    return tuple(found.values())


def held_in_catalog(profile: Profile, catalog: Catalog) -> list[tuple[HeldCredential, Credential | None]]:
    """Each credential the profile lists (badge files aside) with the catalog credential it names, if any."""
    by_id = catalog.by_id()
    out: list[tuple[HeldCredential, Credential | None]] = []
    for held in profile.credentials:
        if held.badge and not (held.id or held.title):
            continue
        credential = by_id.get(held.id or "") or catalog.titled(held.title or "")
        if credential is None and held.id:
            credential = catalog.titled(held.id)
        out.append((held, credential))
    return out


def is_stale(last_used: date | None, today: date, years: float | None) -> bool:
    """Last used longer ago than `years` (never when the date is unknown or `years` is None or 0)."""
    if last_used is None or not years:
        return False
    return (today - last_used).days > years * 365.25


def held_by_badges(badges: Sequence[Badge], catalog: Catalog, today: date) -> tuple[Credential, ...]:
    """Catalog credentials an earned badge is (the badge's achievement id is the credential's source_id)."""
    earned = {id_key(b.credential.source_id) for b in badges if b.credential.source_id and b.counts_on(today)}
    earned.discard("")  # an id that is only a scheme or slashes names no credential
    return catalog.from_sources(earned)


def person_skills(
    profile: Profile,
    held: tuple[Credential, ...],
    resolutions: Mapping[str, Resolution],
    *,
    badges: Sequence[Badge] = (),
    today: date | None = None,
    stale_after: float | None = STALE_AFTER_YEARS,
) -> dict[str, PersonSkill]:
    """The person's level per skill: the best of what they claim (a level lower when the claim is stale)
    and what a held credential or a badge that still counts (not expired, not revoked) teaches."""
    today = today or date.today()
    claimed: dict[str, int] = {}
    counted: dict[str, int] = {}
    last_used: dict[str, date] = {}
    names: dict[str, list[str]] = {}
    for skill in profile.skills:
        key = skill_key(skill.name, resolutions)
        stale = is_stale(skill.last_used, today, stale_after)
        claimed[key] = max(claimed.get(key, 0), skill.level)
        counted[key] = max(counted.get(key, 0), skill.level - 1 if stale and skill.level > 0 else skill.level)
        names.setdefault(key, []).append(skill.name)
        if skill.last_used is not None and (key not in last_used or skill.last_used > last_used[key]):
            last_used[key] = skill.last_used
    evidenced: dict[str, int] = {}
    sources: dict[str, list[str]] = {}
    teaching = [(c.title, c) for c in held]
    teaching += [(f"{b.credential.title} (badge)", b.credential) for b in badges if b.counts_on(today)]
    for label, credential in teaching:
        for taught in credential.skills:
            key = skill_key(taught.name, resolutions)
            evidenced[key] = max(evidenced.get(key, 0), taught.level)
            if label not in sources.setdefault(key, []):
                sources[key].append(label)
    return {
        key: PersonSkill(
            skill=key,
            level=max(counted.get(key, 0), evidenced.get(key, 0)),
            claimed_as=tuple(names.get(key, ())),
            evidenced_by=tuple(sources.get(key, ())),
            claimed=claimed.get(key, 0),
            evidenced=evidenced.get(key, 0),
            stale=counted.get(key, 0) < claimed.get(key, 0),
            last_used=last_used.get(key),
        )
        for key in dict.fromkeys([*claimed, *evidenced])
    }


def analyse(
    profile: Profile,
    role: Role,
    catalog: Catalog,
    resolutions: Mapping[str, Resolution],
    *,
    badges: Sequence[Badge] = (),
    today: date | None = None,
    stale_after: float | None = STALE_AFTER_YEARS,
) -> Analysis:
    """Compare a person with a role. `resolutions` must cover every profile, role and badge skill name, and
    resolve a catalog's names as they are looked up (`World.resolve` gives such a mapping). Staleness and
    badge expiry are judged on `today` (the current date when not given)."""
    today = today or date.today()
    held = held_credentials(profile, catalog)
    has = person_skills(profile, held, resolutions, badges=badges, today=today, stale_after=stale_after)
    held = held + tuple(c for c in held_by_badges(badges, catalog, today) if c not in held)
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
    return Analysis(
        profile,
        role,
        tuple(gaps),
        tuple(met),
        readiness,
        resolutions,
        held,
        tuple(badges),
        today,
        stale_after,
    )
