"""The bundled catalog is the default behind every command: it must load, be consistent and be honest."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.levels import Importance
from skillgap.load import load_catalogs, load_profile, load_role, load_taxonomies
from skillgap.load.paths import bundled_catalog_paths, bundled_roles_dir, bundled_taxonomy_paths, expand_paths
from skillgap.model import PROVIDER_TYPES
from skillgap.world import World, open_world
from tests.conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def world() -> World:
    return open_world()


# The roles bundled before the catalog grew beyond its first ten fields; their every skill is taught.
ORIGINAL_ROLES = frozenset(
    """
    business-analyst change-management-specialist cloud-administrator corporate-trainer
    data-analyst digital-marketing-specialist elearning-developer financial-analyst
    hr-business-partner instructional-designer knowledge-management-specialist
    learning-analytics-specialist learning-experience-designer project-manager
    supply-chain-analyst talent-development-manager team-leader
    """.split()
)


def roles() -> list[Path]:
    return expand_paths([bundled_roles_dir()])


def test_counts(world: World) -> None:
    """Issue 17's breadth: at least 500 credentials (each sourced: see test_catalog_check) on 2,000 skills."""
    assert len(world.catalog.credentials) >= 500
    assert len(world.taxonomy.skills) >= 2000
    assert len(world.catalog.pathways) >= 3
    assert len(list((EXAMPLES / "profiles").glob("*.yaml"))) >= 3


def test_every_bundled_file_loads() -> None:
    load_catalogs(bundled_catalog_paths())
    load_taxonomies(bundled_taxonomy_paths())
    for path in roles():
        load_role(path)
    for path in (EXAMPLES / "profiles").glob("*.yaml"):
        load_profile(path)


def test_kinds_of_credential_are_mixed(world: World) -> None:
    kinds = {c.provider_type for c in world.catalog.credentials}
    assert {"university", "association", "mooc", "vendor"} <= kinds <= set(PROVIDER_TYPES)


def test_every_credential_is_complete_and_honest(world: World) -> None:
    for c in world.catalog.credentials:
        assert c.hours is not None and c.cost is not None, c.id
        assert c.currency, c.id
        assert c.format and c.assessment and c.type, c.id
        assert c.estimated <= {"hours", "cost"}


def taught_skills(world: World) -> set[str]:
    """The canonical skills some bundled credential teaches (each credential skill must resolve)."""
    taught: set[str] = set()
    for c in world.catalog.credentials:
        for s in c.skills:
            resolution = world.matcher.resolve(s.name)
            assert resolution.skill is not None, f"{c.id}: {s.name!r} does not resolve"
            taught.add(resolution.skill)
    return taught


def test_every_role_skill_is_a_bundled_skill_by_its_canonical_name(world: World) -> None:
    """Each alternative of each requirement of each role names a taxonomy skill exactly (its canonical name,
    as the matcher normalises it), never through an alias or a fuzzy match a taxonomy change could move."""
    names = {s.name for s in world.taxonomy.skills}
    for path in roles():
        role = load_role(path)
        for req in role.requirements:
            resolved = [world.matcher.resolve(name) for name in req.names]  # each alternative of a choice
            for name, resolution in zip(req.names, resolved, strict=True):
                assert resolution.via == "exact", f"{role.id}: {name!r}: {resolution.detail}"
                assert resolution.skill in names
            skills = [r.skill for r in resolved]
            assert len(set(skills)) == len(skills), f"{role.id}: {req.skill!r} offers one skill twice"


UNTAUGHT = ROOT / "tests" / "data" / "untaught-essentials.txt"


def recorded_untaught() -> set[tuple[str, str]]:
    lines = UNTAUGHT.read_text(encoding="utf-8").splitlines()
    pairs = [line.split(": ", 1) for line in lines if line.strip() and not line.startswith("#")]
    return {(role, skill) for role, skill in pairs}


def providers_by_skill(world: World) -> dict[str, set[str]]:
    """For each canonical skill, the providers (by name, any case) of the bundled credentials teaching it."""
    found: dict[str, set[str]] = {}
    for c in world.catalog.credentials:
        for s in c.skills:
            skill = world.matcher.resolve(s.name).skill
            assert skill is not None, f"{c.id}: {s.name!r} does not resolve"
            found.setdefault(skill, set()).add(" ".join(c.provider.casefold().split()))
    return found


def test_every_essential_skill_is_taught_by_two_providers_but_the_recorded_gaps(world: World) -> None:
    """Each role's essential requirement is taught by credentials of at least two different providers
    (a choice: its alternatives' providers together), so a person always has a choice of whom to learn
    from. The ones not there yet are recorded in tests/data/untaught-essentials.txt, the catalog's to-do
    list: a new gap must be recorded (or taught), and a gap the catalog closes must be struck off."""
    providers = providers_by_skill(world)
    found: set[tuple[str, str]] = set()
    for path in roles():
        role = load_role(path)
        for req in role.requirements:
            if req.importance is not Importance.ESSENTIAL:
                continue
            teaching: set[str] = set()
            for name in req.names:
                teaching |= providers.get(world.matcher.resolve(name).skill or "", set())
            if len(teaching) < 2:
                found.add((role.id, req.skill))
    recorded = recorded_untaught()
    new = sorted(found - recorded)
    closed = sorted(recorded - found)
    assert not new, f"essential skills taught by fewer than two providers, not in {UNTAUGHT.name}: {new}"
    assert not closed, f"now taught twice (or no longer required): strike them off {UNTAUGHT.name}: {closed}"


def test_the_talent_development_roles_are_taught_everything_they_ask_for(world: World) -> None:
    """The roles the catalog was built for (talent development and the fields it began with): every
    requirement, of any importance, is taught by some bundled credential (a choice through one of its
    alternatives at least), except the gaps recorded as such."""
    taught = taught_skills(world)
    recorded = recorded_untaught()
    for path in roles():
        role = load_role(path)
        if role.id not in ORIGINAL_ROLES:
            continue
        for req in role.requirements:
            if (role.id, req.skill) in recorded:
                continue
            skills = [world.matcher.resolve(name).skill for name in req.names]
            assert any(s in taught for s in skills), f"{role.id}: no credential teaches {req.skill!r}"


def test_taxonomy_covers_every_bundled_skill(world: World) -> None:
    names = {s.name for s in world.taxonomy.skills}
    for c in world.catalog.credentials:
        for s in c.skills:
            assert world.matcher.resolve(s.name).skill in names, s.name


def test_references_point_at_something_that_exists(world: World) -> None:
    ids = {c.id for c in world.catalog.credentials}
    pathway_ids = {p.id for p in world.catalog.pathways}
    assert len(ids) == len(world.catalog.credentials)
    for c in world.catalog.credentials:
        assert set(c.prerequisites) <= ids and set(c.stacks_into) <= pathway_ids
    for p in world.catalog.pathways:
        assert set(p.credentials) <= ids and len(p.credentials) >= 2
    related = {r for s in world.taxonomy.skills for r in s.related}
    assert related <= {s.name for s in world.taxonomy.skills}


def test_ranking_and_claims_from_the_skill_index_equal_walking_the_whole_catalog(world: World) -> None:
    from skillgap.person import analyse_person, load_person, load_target, names_to_resolve
    from skillgap.rank import recommend
    from skillgap.rank.evidence import evidence_suggestions

    for path in sorted((EXAMPLES / "profiles").glob("*.yaml")):
        person = load_person(path, world)
        for role_id in ("instructional-designer", "data-analyst", "project-manager"):
            role = load_target(role_id, world)
            result = analyse_person(
                world, person, role, world.resolve(names_to_resolve([person], [role]))
            )
            for top in (None, 1, 5):
                whole = recommend(result, world.catalog, top=top)
                indexed = recommend(result, world.catalog, top=top, teaching=world.teaching)
                assert [r.credential.id for r in indexed] == [r.credential.id for r in whole], (path, role_id)
                assert indexed == whole
            claims = evidence_suggestions(result, world.catalog)
            assert evidence_suggestions(result, world.catalog, world.teaching) == claims
