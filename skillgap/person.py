"""One person against one role, set up the same way by every command (analyze, plan, compare, cohort,
report): the profile with its badge files, the target role, every name resolved once, then the analysis."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from skillgap.analyse import Analysis, analyse
from skillgap.limits import STALE_AFTER_YEARS
from skillgap.match import Resolution
from skillgap.model import Badge, Profile, Role
from skillgap.world import World


@dataclass(frozen=True)
class Person:
    """One person as a run reads them: the profile and its badges."""

    profile: Profile
    badges: tuple[Badge, ...] = ()  # earned badge files the profile lists, their ids linked to the taxonomy


def load_person(path: Path, world: World) -> Person:
    """The profile and the badge files it lists, each badge verified offline (every problem in either is
    reported, located)."""
    from skillgap.load import load_profile
    from skillgap.load.profile import load_badges

    profile = load_profile(path)
    return Person(profile, world.link_badges(load_badges(profile, _verified)))


def _verified(path: Path) -> Sequence[Badge]:
    """The badges a file awards, each verified offline (the verifier is imported only for a profile that
    lists a badge file)."""
    from skillgap.verify.reader import verifying_reader

    return verifying_reader()(path)


def load_target(target: str, world: World, roles: Sequence[Path] = ()) -> Role:
    """A role file, the id or title of a bundled role or of one in the ROLES folders (--roles), or a job
    posting (.txt, .md, .html, .pdf) read into a role through the world's matcher; shared ids linked to the
    taxonomy."""
    from skillgap.postings.kinds import is_posting

    if is_posting(target):
        from skillgap.postings import extract, load_posting, posting_role

        return posting_role(extract(load_posting(Path(target)), world.matcher))
    from skillgap.load.library import find_role

    return world.link_role(find_role(target, roles))


def names_to_resolve(people: Iterable[Person], roles: Sequence[Role]) -> list[str]:
    """The skill names the run brings, each once: people's, their badges' and the roles'. (A catalog's are
    resolved as ranking looks at them: see `World.resolve`.)"""
    names: dict[str, None] = {}
    for person in people:
        names.update((s.name, None) for s in person.profile.skills)
        names.update((s.name, None) for b in person.badges for s in b.credential.skills)
    for role in roles:
        names.update((name, None) for r in role.requirements for name in r.names)
    return list(names)


def analyse_person(
    world: World,
    person: Person,
    role: Role,
    resolutions: dict[str, Resolution],
    stale_after: float | None = STALE_AFTER_YEARS,
    today: date | None = None,
) -> Analysis:
    return analyse(
        person.profile,
        role,
        world.catalog,
        resolutions,
        badges=person.badges,
        stale_after=stale_after,
        today=today,
    )
