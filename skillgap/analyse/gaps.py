"""Gap analysis: for each requirement, the person's level, the required level, the gap and its weight.

Every skill name (profile, role, catalog) is compared by the canonical skill it resolves to; a name that
resolves to nothing is compared with other unresolved names by its normalised form, so two identical
unknown names still meet. A name that normalises to nothing (symbols or emoji only) is compared as written
(case aside), never by its empty key: "🍳" meets "🍳", not "★".

A level is *claimed* (the profile says so) or *evidenced* (a held credential, a credential of a held
pathway, or an earned badge teaches it). A claim whose `last_used` is older than the staleness threshold
counts a level lower.

A requirement may be a choice (`any_of`): any one of its skills at the level meets it. It is judged here
and nowhere else: the skill the person is closest on counts (the smallest gap), and a credential closes
it through whichever alternative it teaches (`gap_names`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from skillgap.analyse.held import held_credentials, profile_warnings
from skillgap.errors import Problem
from skillgap.levels import Importance
from skillgap.limits import STALE_AFTER_YEARS
from skillgap.match import Resolution, normalize
from skillgap.match.text import literal_key
from skillgap.model import (
    Badge,
    Catalog,
    Credential,
    Profile,
    Requirement,
    Role,
    choice_label,
    id_key,
)


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
    """One requirement of a role against the person: the level it asks for and the level they have."""

    skill: str  # canonical name (or the role's own wording when it resolves to nothing)
    required: int
    current: int
    importance: Importance
    requested_as: str  # the role's wording (for a choice, its alternatives joined)
    resolved: bool  # False when the role's skill name matched no known skill
    person: PersonSkill | None = None
    options: tuple[str, ...] = ()  # a choice's alternatives, as the role words them
    chosen: str | None = None  # of those, the one whose level counts (the person's best)

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


def gap_names(gap: Gap) -> tuple[str, ...]:
    """The role's names for what closes a gap: each alternative of a choice, else its one skill."""
    return gap.options or (gap.requested_as,)


def requirement_label(requirement: Requirement, resolutions: Mapping[str, Resolution]) -> str:
    """A requirement as shown: its canonical skill, or a choice's canonical skills joined."""
    if requirement.any_of:
        return choice_label(display(n, resolutions) for n in requirement.any_of)
    return display(requirement.skill, resolutions)


@dataclass(frozen=True)
class Analysis:
    """A person against a role: the gaps, the requirements met and the readiness."""

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
    warnings: tuple[Problem, ...] = ()  # what in the profile names nothing in the catalog (see held.py)
    person: Mapping[str, PersonSkill] = field(default_factory=dict)  # skill key -> what they have of it

    @property
    def requirements(self) -> tuple[Gap, ...]:
        return self.gaps + self.met


def is_stale(last_used: date | None, today: date, years: float | None) -> bool:
    """Last used longer ago than `years` (never when the date is unknown or `years` is None or 0)."""
    if last_used is None or not years:
        return False
    return (today - last_used).days > years * 365.25


def held_by_badges(badges: Sequence[Badge], catalog: Catalog, today: date) -> tuple[Credential, ...]:
    """Catalog credentials a verified earned badge is (the badge's achievement id is the credential's
    source_id); a badge not verified makes nothing held."""
    proven = [b for b in badges if b.evidences_on(today)]
    earned = {id_key(b.credential.source_id) for b in proven if b.credential.source_id}
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
    and what a held credential or a verified badge that still counts (not expired, not revoked) teaches.
    A badge that could not be verified offline (or was not checked) is a claim, not evidence; an invalid
    one counts for nothing."""
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
    for badge in badges:
        if not badge.claims_on(today):
            continue
        for taught in badge.credential.skills:  # claimed with a badge: as the profile's word, never stale
            key = skill_key(taught.name, resolutions)
            claimed[key] = max(claimed.get(key, 0), taught.level)
            counted[key] = max(counted.get(key, 0), taught.level)
            label = f"{taught.name} ({badge.credential.title}, badge not verified)"
            if label not in names.setdefault(key, []):
                names[key].append(label)
    evidenced: dict[str, int] = {}
    sources: dict[str, list[str]] = {}
    teaching = [(c.title, c) for c in held]
    teaching += [(f"{b.credential.title} (badge)", b.credential) for b in badges if b.evidences_on(today)]
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


def judge(
    requirement: Requirement, has: Mapping[str, PersonSkill], resolutions: Mapping[str, Resolution]
) -> Gap:
    """How far the person is from one requirement; for a choice, from the alternative they are closest
    to (the first listed, between equals)."""
    keys = [skill_key(name, resolutions) for name in requirement.names]
    levels = [has[k].level if k in has else 0 for k in keys]
    best = max(range(len(keys)), key=lambda i: (levels[i], -i))
    person = has.get(keys[best])
    return Gap(
        skill=requirement_label(requirement, resolutions),
        required=requirement.level,
        current=levels[best],
        importance=requirement.importance,
        requested_as=requirement.skill,
        resolved=any(not k.startswith("?") for k in keys),
        person=person,
        options=requirement.any_of,
        chosen=requirement.names[best] if requirement.any_of else None,
    )


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
    rows = [judge(requirement, has, resolutions) for requirement in role.requirements]
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
        profile_warnings(profile, catalog),
        has,
    )
