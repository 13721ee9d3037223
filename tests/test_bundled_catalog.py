"""The bundled catalog is the default behind every command: it must load, be consistent and be honest."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.load import load_catalogs, load_profile, load_role, load_taxonomies
from skillgap.load.paths import bundled_catalog_paths, bundled_roles_dir, bundled_taxonomy_paths, expand_paths
from skillgap.model import PROVIDER_TYPES
from skillgap.world import World, open_world
from tests.conftest import EXAMPLES


@pytest.fixture(scope="module")
def world() -> World:
    return open_world()


def roles() -> list[Path]:
    return expand_paths([bundled_roles_dir()])


def test_counts(world: World) -> None:
    assert len(world.catalog.credentials) >= 80
    assert len(world.catalog.pathways) >= 3
    assert len(roles()) >= 15
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


def test_every_role_skill_resolves_and_is_taught(world: World) -> None:
    taught: set[str] = set()
    for c in world.catalog.credentials:
        for s in c.skills:
            resolution = world.matcher.resolve(s.name)
            assert resolution.skill is not None, f"{c.id}: {s.name!r} does not resolve"
            taught.add(resolution.skill)
    for path in roles():
        role = load_role(path)
        for name in (name for req in role.requirements for name in req.names):  # each alternative of a choice
            resolution = world.matcher.resolve(name)
            assert resolution.skill is not None, f"{role.id}: {name!r} does not resolve"
            assert resolution.skill in taught, f"{role.id}: no credential teaches {resolution.skill!r}"


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
