"""Evidenced, claimed and stale skills, and how to evidence a claim: the analysis core, on fixed dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from skillgap.analyse import analyse
from skillgap.analyse.gaps import Analysis, is_stale
from skillgap.importers.openbadges import read_file
from skillgap.levels import Importance
from skillgap.load import load_role
from skillgap.model import Badge, HeldCredential, Profile, ProfileSkill, Requirement, Role
from skillgap.person import Person, names_to_resolve
from skillgap.rank.evidence import evidence_suggestions
from skillgap.verification import BadgeFormat, Check, Outcome, Verdict, Verification
from skillgap.world import World, open_world

CORE = Path(__file__).parent / "data" / "core"
BADGES = Path(__file__).parent / "data" / "openbadges"
TODAY = date(2026, 11, 29)


@pytest.fixture(scope="module")
def world() -> World:
    return open_world([CORE / "catalog.yaml"], [CORE / "skills.yaml"])


def person(*skills: ProfileSkill, held: tuple[HeldCredential, ...] = ()) -> Profile:
    return Profile(name="Test Person", skills=skills, credentials=held)


def run(
    world: World, profile: Profile, badges: tuple[Badge, ...] = (), stale_after: float | None = 3.0
) -> Analysis:
    role = load_role(CORE / "role.yaml")
    names = names_to_resolve([Person(profile, tuple(badges))], [role])
    resolutions = world.resolve(names)
    return analyse(
        profile, role, world.catalog, resolutions, badges=badges, today=TODAY, stale_after=stale_after
    )


def row(analysis: Analysis, skill: str):  # type: ignore[no-untyped-def]
    return next(g for g in analysis.requirements if g.skill == skill)


def checked(verdict: Verdict) -> Verification:
    """A verification with that verdict, as `skillgap.verify` would find it."""
    outcome = {
        Verdict.VERIFIED: Outcome.PASSED,
        Verdict.INVALID: Outcome.FAILED,
        Verdict.UNVERIFIABLE: Outcome.OFFLINE,
    }[verdict]
    return Verification(BadgeFormat.OB3_DATA_INTEGRITY, (Check("proof", outcome, "as the test says"),))


def sql_badge(verdict: Verdict | None = Verdict.VERIFIED) -> Badge:
    """SQL 5 (achieved), data visualisation 3; verified unless VERDICT says otherwise (None: not checked)."""
    (badge,) = read_file(BADGES / "ob3-credential-full.json").awards
    return replace(badge, verification=checked(verdict) if verdict else None)


def test_staleness_is_judged_against_the_threshold() -> None:
    assert is_stale(date(2023, 11, 1), TODAY, 3.0)
    assert not is_stale(date(2024, 1, 1), TODAY, 3.0)
    assert not is_stale(date(2010, 1, 1), TODAY, None)  # turned off
    assert not is_stale(None, TODAY, 3.0)  # never said: never stale


def test_a_stale_claim_counts_a_level_lower(world: World) -> None:
    old = ProfileSkill("excel", 4, last_used=date(2019, 5, 1))
    result = run(world, person(old))
    excel = row(result, "Excel")
    assert (excel.current, excel.required) == (3, 3)  # 4, last used 2019: counts as 3, still meets 3
    assert excel.person is not None and excel.person.stale and excel.person.claimed == 4
    assert excel.person.last_used == date(2019, 5, 1)
    fresh = run(world, person(replace(old, last_used=date(2026, 6, 1))))
    assert row(fresh, "Excel").current == 4 and not row(fresh, "Excel").person.stale  # type: ignore[union-attr]
    off = run(world, person(old), stale_after=None)
    assert row(off, "Excel").current == 4


def test_staleness_can_open_a_gap_and_lowers_readiness(world: World) -> None:
    stale = run(world, person(ProfileSkill("Statistics", 2, last_used=date(2015, 1, 1))))
    stats = row(stale, "statistics")
    assert (stats.current, stats.gap) == (1, 1)
    fresh = run(world, person(ProfileSkill("Statistics", 2, last_used=date(2025, 1, 1))))
    assert stale.readiness < fresh.readiness


def test_a_badge_evidences_the_skills_it_aligns_to(world: World) -> None:
    result = run(world, person(ProfileSkill("sql", 1), ProfileSkill("excel", 4)), badges=(sql_badge(),))
    sql = row(result, "SQL")
    assert (sql.current, sql.basis) == (5, "evidenced")  # the badge's achieved level beats the claim
    assert sql.person is not None and sql.person.evidenced_by == ("Data Analysis with SQL (badge)",)
    assert row(result, "data visualization").basis == "evidenced"  # aligned as "data visualisation"
    excel = row(result, "Excel")
    assert (excel.basis, excel.claim_only) == ("claimed", True)
    assert not row(result, "Python").person and row(result, "Python").basis == "none"


@pytest.mark.parametrize("verdict", [Verdict.UNVERIFIABLE, None], ids=["unverifiable", "not-checked"])
def test_a_badge_not_verified_counts_as_a_claim_never_as_evidence(world: World, verdict: Verdict) -> None:
    result = run(
        world, person(ProfileSkill("sql", 1), ProfileSkill("excel", 4)), badges=(sql_badge(verdict),)
    )
    sql = row(result, "SQL")
    assert (sql.current, sql.basis, sql.evidenced) == (5, "claimed", 0)  # the badge's level, on its word
    assert sql.person is not None and sql.person.evidenced_by == ()
    assert row(result, "data visualization").basis == "claimed"


def test_an_invalid_badge_counts_for_nothing(world: World) -> None:
    result = run(world, person(ProfileSkill("sql", 1)), badges=(sql_badge(Verdict.INVALID),))
    assert (row(result, "SQL").current, row(result, "SQL").basis) == (1, "claimed")  # the profile's own claim
    assert row(result, "data visualization").basis == "none"
    assert len(result.badges) == 1  # still listed, so the output can say why it does not count


def test_an_expired_or_revoked_badge_is_no_evidence(world: World) -> None:
    expired = replace(sql_badge(), expires=date(2026, 1, 1))
    revoked = replace(sql_badge(), revoked=True)
    for badge in (expired, revoked):
        result = run(world, person(ProfileSkill("sql", 1)), badges=(badge,))
        assert row(result, "SQL").current == 1 and row(result, "SQL").basis == "claimed"
        assert result.badges == (badge,)  # still listed, so the output can say why it does not count


def test_partly_evidenced_when_the_claim_is_higher_than_the_proof(world: World) -> None:
    held = (HeldCredential(id="sql-basics"),)  # teaches SQL 3
    result = run(world, person(ProfileSkill("sql", 4), held=held))
    sql = row(result, "SQL")
    assert (sql.current, sql.basis, sql.claim_only) == (4, "partly evidenced", True)


def test_the_cheapest_credential_that_proves_a_claim_is_suggested(world: World) -> None:
    result = run(
        world, person(ProfileSkill("sql", 4), ProfileSkill("excel", 4), ProfileSkill("Statistics", 2))
    )
    suggestions = {s.gap.skill: s for s in evidence_suggestions(result, world.catalog)}
    assert list(suggestions) == ["Excel", "SQL", "statistics"]  # essential first, then by name
    # SQL Basics teaches only 3 of the required 4, so it would not prove the claim: SQL Professional does
    assert suggestions["SQL"].credential is not None and suggestions["SQL"].credential.id == "sql-pro"
    assert suggestions["SQL"].taught == 5
    assert suggestions["statistics"].credential is not None
    assert suggestions["statistics"].credential.id == "stats-101"
    assert suggestions["Excel"].credential is None  # nothing in the catalog teaches Excel


def test_cheapest_means_lowest_cost_then_hours_then_id(world: World) -> None:
    role = Role("r", "SQL user", (Requirement("SQL", 3, Importance.ESSENTIAL),))
    profile = person(ProfileSkill("sql", 3))
    result = analyse(profile, role, world.catalog, world.resolve(["SQL", "sql"]), today=TODAY)
    (sql,) = evidence_suggestions(result, world.catalog)
    # sql-basics and same-as-sql-basics both teach SQL 3 for 100 USD in 20 hours: the id breaks the tie
    assert sql.credential is not None and sql.credential.id == "same-as-sql-basics"


def test_a_credential_from_an_excluded_provider_is_not_suggested(world: World) -> None:
    profile = person(ProfileSkill("Statistics", 2))
    (stats,) = evidence_suggestions(run(world, profile), world.catalog)
    assert stats.credential is not None and stats.credential.provider == "State University"
    preferences = replace(profile.preferences, exclude_providers=("state university",))
    (stats,) = evidence_suggestions(run(world, replace(profile, preferences=preferences)), world.catalog)
    assert stats.credential is None


def test_a_badge_that_is_a_catalog_credential_makes_it_held(world: World) -> None:
    """Ids before names: the badge's achievement id is the catalog credential's source_id."""
    credentials = tuple(
        replace(c, source_id="URN:X:VIZ") if c.id == "data-viz" else c for c in world.catalog.credentials
    )
    with_ids = replace(world, catalog=replace(world.catalog, credentials=credentials))
    badge = replace(sql_badge(), credential=replace(sql_badge().credential, source_id="urn:x:viz"))
    result = run(with_ids, person(ProfileSkill("sql", 1)), badges=(badge,))
    assert "data-viz" in {c.id for c in result.held}  # the same id, compared ignoring case: not recommended
    for verdict in (Verdict.UNVERIFIABLE, Verdict.INVALID, None):  # only a verified badge makes it held
        unproven = replace(badge, verification=checked(verdict) if verdict else None)
        assert "data-viz" not in {c.id for c in run(with_ids, person(), badges=(unproven,)).held}
