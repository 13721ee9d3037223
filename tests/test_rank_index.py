"""Ranking (and proving claims) from the world's skill index, with its early stops, gives what walking the
whole catalog gives: on random catalogs full of ties, prerequisites and unknown costs, and from a world read
back from the cache (its credentials packed, built only as ranking asks for them)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.analyse import analyse
from skillgap.levels import Importance
from skillgap.model import (
    Catalog,
    Credential,
    CredentialSkill,
    HeldCredential,
    Preferences,
    Profile,
    ProfileSkill,
    Requirement,
    Role,
    Taxonomy,
    TaxonomySkill,
)
from skillgap.packed import PackedCredentials
from skillgap.person import Person, names_to_resolve
from skillgap.rank import left_out_by_preferences, recommend
from skillgap.rank.evidence import evidence_suggestions
from skillgap.world import build_world
from tests import cached
from tests.hypothesis_profiles import examples

SKILLS = ["SQL", "Python", "data visualisation", "statistics", "storytelling", "Excel"]
WRITTEN = {"SQL": ["sql", "Structured Query Language"], "data visualisation": ["Data Visualization"]}
TAXONOMY = Taxonomy((TaxonomySkill("SQL", ("structured query language",)), TaxonomySkill("statistics")))

costs = st.one_of(st.none(), st.sampled_from([0.0, 50.0, 100.0, 400.0, 1000.0, 5000.0]))


@st.composite
def catalogs(draw: st.DrawFn) -> Catalog:
    size = draw(st.integers(1, 30))
    credentials = []
    for i in range(size):
        chosen = draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=3, unique=True))
        skills = tuple(
            CredentialSkill(draw(st.sampled_from([name, *WRITTEN.get(name, [])])), draw(st.integers(1, 5)))
            for name in chosen
        )
        earlier = [f"c{j}" for j in range(i)]
        prerequisites = tuple(draw(st.lists(st.sampled_from(earlier), max_size=2))) if i else ()
        credentials.append(
            Credential(
                f"c{i}", f"Course {i % 7}", draw(st.sampled_from(["Acme", "Globex", "Initech"])), skills,
                hours=draw(costs), cost=draw(costs), prerequisites=prerequisites,
                format=draw(st.sampled_from([None, "online", "in-person"])),
            )
        )  # fmt: skip
    return Catalog(tuple(credentials))


@st.composite
def people(draw: st.DrawFn) -> tuple[Profile, Role]:
    skills = tuple(
        ProfileSkill(name, draw(st.integers(0, 4)))
        for name in draw(st.lists(st.sampled_from(SKILLS), max_size=3, unique=True))
    )
    held = tuple(HeldCredential(id=f"c{i}") for i in draw(st.lists(st.integers(0, 29), max_size=3)))
    preferences = Preferences(
        budget=draw(st.one_of(st.none(), st.sampled_from([100.0, 2000.0]))),
        formats=tuple(draw(st.lists(st.sampled_from(["online", "in-person"]), max_size=1))),
        exclude_providers=tuple(draw(st.lists(st.sampled_from(["acme", "Globex"]), max_size=1))),
    )
    requirements = tuple(
        Requirement(name, draw(st.integers(1, 5)), draw(st.sampled_from(list(Importance))))
        for name in draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=5, unique=True))
    )
    profile = Profile("P", skills=skills, credentials=held, preferences=preferences)
    return profile, Role("r", "R", requirements)


@settings(max_examples=examples(150), deadline=None)
@given(catalogs(), people(), st.sampled_from([1, 2, 3, 5, None]))
def test_ranking_from_the_index_equals_ranking_everything(
    catalog: Catalog, person: tuple[Profile, Role], top: int | None
) -> None:
    profile, role = person
    world = build_world(catalog, TAXONOMY)
    kept = cached.world(world)
    assert isinstance(kept.catalog.credentials, PackedCredentials)
    results, claims = [], []
    for w in (world, kept):
        analysis = analyse(profile, role, w.catalog, w.resolve(names_to_resolve([Person(profile)], [role])))
        results.append(recommend(analysis, w.catalog, top=top))
        results.append(recommend(analysis, w.catalog, top=top, teaching=w.teaching))
        claims.append(evidence_suggestions(analysis, w.catalog))
        claims.append(evidence_suggestions(analysis, w.catalog, w.teaching))
    assert all(r == results[0] for r in results), [[x.credential.id for x in r] for r in results]
    assert all(c == claims[0] for c in claims)


@settings(max_examples=examples(100), deadline=None)
@given(catalogs(), people())
def test_what_preferences_leave_out_from_the_index_equals_walking_everything(
    catalog: Catalog, person: tuple[Profile, Role]
) -> None:
    profile, role = person
    world = build_world(catalog, TAXONOMY)
    kept = cached.world(world)
    found = []
    for w in (kept, world):
        analysis = analyse(profile, role, w.catalog, w.resolve(names_to_resolve([Person(profile)], [role])))
        if w is kept:  # from the index and the catalog's columns: no credential is built for it
            built = set(kept.catalog.credentials._built)  # type: ignore[attr-defined]
            found.append(left_out_by_preferences(analysis, w.catalog, w.teaching))
            assert set(kept.catalog.credentials._built) == built  # type: ignore[attr-defined]
        else:
            found.append(left_out_by_preferences(analysis, w.catalog, w.teaching))
        found.append(left_out_by_preferences(analysis, w.catalog))
    assert all(f == found[0] for f in found), found


def test_a_packed_catalog_builds_only_the_credentials_asked_for() -> None:
    catalog = Catalog(
        tuple(Credential(f"c{i}", f"T{i}", "P", (CredentialSkill("SQL", 3),), hours=i) for i in range(50))
    )
    packed = cached.catalog(catalog)
    credentials = packed.credentials
    assert isinstance(credentials, PackedCredentials) and len(credentials._built) == 0
    assert packed.by_id()["c7"] == catalog.credentials[7] and packed.titled("t9") == catalog.credentials[9]
    assert sorted(credentials._built) == [7, 9]
    assert packed == catalog and list(credentials) == list(catalog.credentials)
    assert credentials[-1] == catalog.credentials[-1] and credentials[2:4] == catalog.credentials[2:4]


def test_a_warm_ranking_builds_few_of_the_credentials_that_teach_the_gap() -> None:
    """500 credentials teach the one gap skill; the best three close it fully, so ranking stops there."""
    levels = [5 if i % 100 == 0 else 2 for i in range(500)]
    skills = [(CredentialSkill("SQL", level),) for level in levels]
    catalog = Catalog(tuple(Credential(f"c{i}", f"T{i}", "P", s, hours=10) for i, s in enumerate(skills)))
    world = cached.world(build_world(catalog, TAXONOMY))
    profile, role = Profile("P"), Role("r", "R", (Requirement("SQL", 4),))
    analysis = analyse(profile, role, world.catalog, world.resolve(["SQL"]))
    best = recommend(analysis, world.catalog, top=3, teaching=world.teaching)
    assert [r.credential.id for r in best] == ["c0", "c100", "c200"]
    assert len(world.catalog.credentials._built) < 10


@settings(max_examples=examples(100), deadline=None)
@given(catalogs(), people(), st.sampled_from([None, 60.0, 200.0]))
def test_a_plan_from_the_index_equals_a_plan_from_the_whole_catalog(
    catalog: Catalog, person: tuple[Profile, Role], budget: float | None
) -> None:
    from skillgap.plan import Request, make_plan

    profile, role = person
    world = build_world(catalog, TAXONOMY)
    plans = []
    for w in (world, cached.world(world)):
        analysis = analyse(profile, role, w.catalog, w.resolve(names_to_resolve([Person(profile)], [role])))
        plans.append(make_plan(analysis, w.catalog, Request(budget=budget)))
        plans.append(make_plan(analysis, w.catalog, Request(budget=budget), w.teaching))
    assert all(p == plans[0] for p in plans)


def test_pathway_members_come_from_the_lookup_as_from_the_credentials() -> None:
    from skillgap.model import Pathway

    credentials = tuple(
        Credential(f"c{i}", f"T{i}", "P", (CredentialSkill("SQL", 2),), stacks_into=("p1",) * (i % 2))
        for i in range(6)
    )
    catalog = Catalog(credentials, (Pathway("p1", "One", ("c0",)), Pathway("p2", "Two", ("c2", "c4"))))
    expected = {"p1": frozenset({"c0", "c1", "c3", "c5"}), "p2": frozenset({"c2", "c4"})}
    assert catalog.pathway_members == expected
    assert cached.catalog(catalog).pathway_members == expected
