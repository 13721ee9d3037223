"""A recommendation's score stays within its documented range, 0 to 100, however little it closes and
however much it costs (README, "How the analysis works", step 4)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from skillgap.analyse import analyse
from skillgap.levels import Importance
from skillgap.model import (
    Catalog,
    Credential,
    CredentialSkill,
    Preferences,
    Profile,
    ProfileSkill,
    Requirement,
    Role,
    Taxonomy,
)
from skillgap.person import Person, names_to_resolve
from skillgap.rank import recommend
from skillgap.world import build_world
from tests.conftest import EXAMPLES, invoke
from tests.hypothesis_profiles import examples

SKILLS = [f"skill {i}" for i in range(40)]
amounts = st.one_of(st.none(), st.sampled_from([0.0, 1.0, 99.0, 5000.0, 1e6, 1e12]))


@st.composite
def cases(draw: st.DrawFn) -> tuple[Catalog, Profile, Role]:
    credentials = tuple(
        Credential(
            f"c{i}",
            f"Course {i}",
            "Acme",
            tuple(
                CredentialSkill(name, draw(st.integers(1, 5)))
                for name in draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=4, unique=True))
            ),
            cost=draw(amounts),
            hours=draw(amounts),
            prerequisites=(f"c{i - 1}",) if i and draw(st.booleans()) else (),
        )
        for i in range(draw(st.integers(1, 12)))
    )
    # many requirements, so that one credential may close a very small share of the gap
    requirements = tuple(
        Requirement(name, draw(st.integers(1, 5)), draw(st.sampled_from(list(Importance))))
        for name in draw(st.lists(st.sampled_from(SKILLS), min_size=1, max_size=40, unique=True))
    )
    skills = tuple(ProfileSkill(name, draw(st.integers(0, 4))) for name in SKILLS[: draw(st.integers(0, 5))])
    budget = draw(st.one_of(st.none(), st.sampled_from([1.0, 100.0, 1e9])))
    profile = Profile("P", skills=skills, preferences=Preferences(budget=budget))
    return Catalog(credentials), profile, Role("r", "R", requirements)


@settings(max_examples=examples(200), deadline=None)
@given(cases())
def test_scores_stay_between_0_and_100_and_penalties_within_a_tenth_of_coverage(
    case: tuple[Catalog, Profile, Role],
) -> None:
    catalog, profile, role = case
    world = build_world(catalog, Taxonomy())
    resolutions = world.resolve(names_to_resolve([Person(profile)], [role]))
    analysis = analyse(profile, role, world.catalog, resolutions)
    for rec in recommend(analysis, world.catalog, top=None):
        scoring = rec.scoring
        assert rec.closes and 0 < scoring.coverage <= 1
        assert 0 <= rec.score <= 100
        points = 100 * scoring.coverage
        for part in (scoring.cost_penalty, scoring.hours_penalty):
            assert 0 <= part <= points / 10 + 0.005  # rounded to 2 places
        assert rec.score >= round(0.8 * points, 2) - 0.02  # (three figures each rounded to 2 places)


def test_a_long_list_scores_every_credential_within_range_through_the_cli() -> None:
    """At --top 50 the tail closes little and may cost much; its scores used to fall below zero."""
    result = invoke(
        "analyze",
        EXAMPLES / "profiles" / "trainer-to-elearning.yaml",
        "--target",
        "instructional-designer",
        "--top",
        "50",
        "--format",
        "json",
    )
    assert result.code == 0, result.err
    recommendations = result.json()["recommendations"]
    assert len(recommendations) > 20
    assert all(0 < r["score"] <= 100 for r in recommendations), [r["score"] for r in recommendations]
    scores = [r["score"] for r in recommendations]
    assert scores == sorted(scores, reverse=True)
