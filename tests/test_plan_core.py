"""`make_plan` on small instances built in code, whose best plan is worked out by hand: budget-bound,
time-bound, prerequisite chains, pathway ties, infeasible limits, skills nobody teaches, required
credentials. (Helpers here are shared with the other plan tests.)

Skill names are compared by their normalised form (no taxonomy), so a credential's skill "A" meets a
role's requirement "A".
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pytest

from skillgap.analyse import Analysis, Gap
from skillgap.levels import Importance
from skillgap.model import (
    Catalog,
    Credential,
    CredentialSkill,
    Pathway,
    Preferences,
    Profile,
    Requirement,
    Role,
)
from skillgap.money import Money, Rates
from skillgap.plan import Objective, Plan, Request, make_plan


def gap(skill: str, required: int, current: int = 0, importance: str = "essential") -> Gap:
    return Gap(skill, required, current, Importance(importance), requested_as=skill, resolved=True)


def cred(
    ident: str,
    skills: dict[str, int],
    cost: float | None = 100,
    hours: float | None = 10,
    prerequisites: Sequence[str] = (),
    stacks_into: Sequence[str] = (),
    provider: str = "Acme",
    fmt: str = "online",
    assessment: str = "exam",
    currency: str = "USD",
    estimated: Sequence[str] = (),
) -> Credential:
    return Credential(
        id=ident,
        title=f"Course {ident}",
        provider=provider,
        skills=tuple(CredentialSkill(name, level) for name, level in skills.items()),
        hours=hours,
        cost=cost,
        currency=currency,
        format=fmt,
        assessment=assessment,
        prerequisites=tuple(prerequisites),
        stacks_into=tuple(stacks_into),
        estimated=frozenset(estimated),
    )


def analysis(
    gaps: Sequence[Gap],
    held: Sequence[Credential] = (),
    preferences: Preferences | None = None,
    required_credentials: Sequence[str] = (),
) -> Analysis:
    role = Role(
        id="role",
        title="Target Role",
        requirements=tuple(Requirement(g.skill, g.required, g.importance) for g in gaps),
        required_credentials=tuple(required_credentials),
    )
    profile = Profile(name="Pat", preferences=preferences or Preferences())
    total = sum(g.required * g.importance.weight for g in gaps)
    met = sum(g.current * g.importance.weight for g in gaps)
    return Analysis(profile, role, tuple(gaps), (), met / total, {}, tuple(held))


def plan_for(
    gaps: Sequence[Gap],
    credentials: Sequence[Credential],
    budget: float | None = None,
    hours_per_week: float | None = None,
    deadline: date | None = None,
    start: date | None = date(2027, 1, 1),
    objective: Objective = Objective.COST,
    held: Sequence[Credential] = (),
    pathways: Sequence[Pathway] = (),
    preferences: Preferences | None = None,
    required_credentials: Sequence[str] = (),
) -> Plan:
    catalog = Catalog(credentials=tuple(credentials) + tuple(held), pathways=tuple(pathways))
    request = Request(objective, budget, hours_per_week, deadline, start)
    return make_plan(analysis(gaps, held, preferences, required_credentials), catalog, request)


def ids(plan: Plan) -> list[str]:
    return [s.credential.id for s in plan.steps]


# --- budget-bound ------------------------------------------------------------------------------

BUDGET_GAPS = [gap("A", 3), gap("B", 2, importance="important"), gap("C", 2, importance="nice-to-have")]
BUDGET_CREDS = [
    cred("a1", {"A": 3}, cost=300),
    cred("a2", {"A": 3, "B": 2}, cost=500),
    cred("b1", {"B": 2}, cost=150),
    cred("c1", {"C": 2}, cost=100),
]


def test_budget_bound_closes_the_essential_gap_then_the_most_weighted_levels() -> None:
    # 450 buys a1 + b1 (A and B: the essential gap and 4 weighted levels) or a1 + c1 (A and C: 2 levels);
    # a2 alone is over budget.
    plan = plan_for(BUDGET_GAPS, BUDGET_CREDS, budget=450)
    assert sorted(ids(plan)) == ["a1", "b1"]
    assert plan.total_cost == 450 and plan.solver.optimal
    (open_gap,) = plan.open_gaps
    assert open_gap.gap.skill == "C" and "budget" in open_gap.reason
    assert plan.shortfall is not None
    assert plan.shortfall.extra_budget == 100  # a1 + b1 + c1 = 550 closes everything


def test_without_a_budget_the_cheapest_plan_closes_everything() -> None:
    plan = plan_for(BUDGET_GAPS, BUDGET_CREDS)
    assert sorted(ids(plan)) == ["a1", "b1", "c1"]  # 550, against a2 + c1 = 600
    assert plan.open_gaps == () and plan.shortfall is None


def test_a_budget_too_small_for_any_credential_says_what_is_missing() -> None:
    plan = plan_for(BUDGET_GAPS, BUDGET_CREDS, budget=50)
    assert plan.steps == ()
    assert [g.gap.skill for g in plan.open_gaps] == ["A", "B", "C"]
    assert [g.gap.skill for g in plan.essential_open] == ["A"]
    assert all("budget" in g.reason for g in plan.open_gaps)
    assert plan.shortfall is not None and plan.shortfall.extra_budget == 500


# --- time-bound --------------------------------------------------------------------------------

TIME_GAPS = [gap("A", 3), gap("B", 2, importance="important")]
TIME_CREDS = [
    cred("x", {"A": 3}, cost=100, hours=30),
    cred("y", {"A": 3}, cost=400, hours=20),
    cred("z", {"B": 2}, cost=50, hours=20),
]


def test_time_bound_plan_pays_more_to_fit_the_deadline_and_is_dated() -> None:
    # 4 weeks at 10 h/week = 40 hours: x + z (cheapest, 50 h) does not fit, y + z (40 h) does.
    plan = plan_for(TIME_GAPS, TIME_CREDS, hours_per_week=10, deadline=date(2027, 1, 29))
    assert ids(plan) == ["y", "z"]  # the essential gap first
    assert plan.request.available_hours == 40
    assert [(s.start, s.finish) for s in plan.steps] == [
        (date(2027, 1, 1), date(2027, 1, 15)),
        (date(2027, 1, 15), date(2027, 1, 29)),
    ]
    assert plan.meets_deadline is True and plan.open_gaps == ()


def test_time_bound_shortfall_says_how_many_hours_and_which_deadline() -> None:
    # 2 weeks at 10 h/week = 20 hours: y (A) fits, z does not.
    plan = plan_for(TIME_GAPS, TIME_CREDS, hours_per_week=10, deadline=date(2027, 1, 15))
    assert ids(plan) == ["y"]
    (open_gap,) = plan.open_gaps
    assert open_gap.gap.skill == "B" and "time to the deadline" in open_gap.reason
    short = plan.shortfall
    assert short is not None
    assert short.extra_hours == 20  # the fewest hours that close both: y + z = 40 h
    assert short.deadline_needed == date(2027, 1, 29)  # 40 h at 10 h/week = 28 days


def test_hours_objective_prefers_fewer_hours_over_cost() -> None:
    plan = plan_for(TIME_GAPS, TIME_CREDS, objective=Objective.HOURS)
    assert sorted(ids(plan)) == ["y", "z"]


def test_readiness_climbs_after_each_step() -> None:
    plan = plan_for(TIME_GAPS, TIME_CREDS)
    after = [s.readiness_after for s in plan.steps]
    assert after == sorted(after) and plan.readiness_before < after[0]
    assert after[-1] == pytest.approx(plan.readiness_after) == pytest.approx(1.0)


# --- prerequisites -----------------------------------------------------------------------------

CHAIN = [
    cred("intro", {"A": 1}, cost=50),
    cred("mid", {"A": 2}, cost=100, prerequisites=["intro"]),
    cred("adv", {"A": 4}, cost=200, prerequisites=["mid"]),
    cred("alt", {"A": 4}, cost=400),
]


def test_prerequisite_chain_is_taken_whole_and_in_order() -> None:
    plan = plan_for([gap("A", 4)], CHAIN)
    assert ids(plan) == ["intro", "mid", "adv"]  # 350 against alt's 400; prerequisites first
    assert plan.steps[2].needs == ("mid",)
    assert [r.describe() for r in plan.steps[2].raises] == ["A 2\u21924 (essential)"]


def test_a_held_prerequisite_is_not_taken_again() -> None:
    plan = plan_for([gap("A", 4, current=1)], CHAIN[1:], held=[CHAIN[0]])
    assert ids(plan) == ["mid", "adv"]


def test_a_chain_over_budget_takes_what_fits_and_says_what_the_rest_costs() -> None:
    plan = plan_for([gap("A", 4)], CHAIN, budget=300)
    assert ids(plan) == ["intro", "mid"]  # adv needs mid first; alt is over budget
    assert plan.open_gaps[0].after == 2
    assert plan.shortfall is not None and plan.shortfall.extra_budget == 50


def test_a_credential_whose_prerequisite_is_excluded_is_left_out_with_the_reason() -> None:
    creds = [cred("intro", {"A": 1}, provider="Shunned"), cred("adv", {"A": 4}, prerequisites=["intro"])]
    plan = plan_for([gap("A", 4)], creds, preferences=Preferences(exclude_providers=("shunned",)))
    assert plan.steps == ()
    (open_gap,) = plan.open_gaps
    assert "Course adv" in open_gap.reason and "provider Shunned is excluded" in open_gap.reason


# --- pathways ----------------------------------------------------------------------------------

PATH = Pathway("p", "Path Certificate", ("p1", "p2", "p3"), award="Big Award")


def test_a_pathway_breaks_a_tie_at_equal_cost_and_the_plan_says_so() -> None:
    creds = [
        cred("a-plain", {"A": 2}, cost=100, hours=5),  # wins on id and on hours without the preference
        cred("p1", {"A": 2}, cost=100, hours=20, stacks_into=["p"]),
        cred("p3", {"Z": 1}, cost=100),
    ]
    plan = plan_for(
        [gap("A", 2, importance="important")], creds, held=[cred("p2", {"Y": 1})], pathways=[PATH]
    )
    assert ids(plan) == ["p1"]
    assert [p.describe() for p in plan.steps[0].pathways] == ["2 of 3 toward Path Certificate"]
    (note,) = plan.notes
    assert "Course p1 rather than Course a-plain" in note and "Path Certificate" in note


def test_a_pathway_does_not_outweigh_cost() -> None:
    creds = [cred("plain", {"A": 2}, cost=90), cred("p1", {"A": 2}, cost=100, stacks_into=["p"])]
    plan = plan_for([gap("A", 2)], creds, pathways=[PATH])
    assert ids(plan) == ["plain"] and plan.notes == ()


# --- what no credential closes -----------------------------------------------------------------


def test_a_skill_nobody_teaches_is_named() -> None:
    plan = plan_for([gap("A", 2), gap("underwater welding", 3)], [cred("a", {"A": 2})])
    assert ids(plan) == ["a"]
    (open_gap,) = plan.open_gaps
    assert open_gap.untaught
    assert open_gap.reason == "no credential in the catalog teaches underwater welding"


def test_a_skill_taught_only_to_a_lower_level_says_how_far_it_goes() -> None:
    plan = plan_for([gap("A", 4)], [cred("a", {"A": 2})])
    (open_gap,) = plan.open_gaps
    assert open_gap.after == 2 and not open_gap.untaught
    assert "only up to level 2" in open_gap.reason


def test_left_out_credentials_are_named_when_only_they_would_close_a_gap() -> None:
    creds = [
        cred("room", {"A": 3}, fmt="in-person"),
        cred("mystery", {"A": 3}, cost=None),
        cred("vendor", {"A": 3}, provider="Shunned"),
    ]
    prefs = Preferences(formats=("online",), exclude_providers=("Shunned",))
    plan = plan_for([gap("A", 3)], creds, preferences=prefs)
    assert plan.steps == ()
    reason = plan.open_gaps[0].reason
    assert "Course room (format in-person is not among the preferred formats)" in reason
    assert "Course mystery (cost unknown)" in reason
    assert "Course vendor (provider Shunned is excluded)" in reason


def test_required_credentials_are_never_counted_as_closed() -> None:
    creds = [cred("cptd", {"A": 3}, cost=5000), cred("a", {"A": 3})]
    creds[0] = Credential(
        **{**creds[0].__dict__, "title": "Certified Professional in Talent Development (CPTD)"}
    )
    plan = plan_for([gap("A", 3)], creds, required_credentials=["CPTD", "Bachelor's degree"])
    assert ids(plan) == ["a"]
    cptd, degree = plan.required_credentials
    assert not cptd.held and cptd.routes == ("Certified Professional in Talent Development (CPTD)",)
    assert "no microcredential replaces it" in cptd.describe()
    assert "offers a route" in cptd.describe()
    assert degree.routes == () and "offers no route" in degree.describe()


def test_a_required_credential_the_person_holds_is_said_to_be_held() -> None:
    held = Credential(**{**cred("cert", {"A": 1}).__dict__, "title": "Project Management Professional (PMP)"})
    plan = plan_for([gap("A", 3)], [cred("a", {"A": 3})], held=[held], required_credentials=["PMP"])
    assert plan.required_credentials[0].held
    assert plan.required_credentials[0].describe() == "PMP: you hold it."


def test_no_gaps_gives_an_empty_plan() -> None:
    plan = plan_for([gap("A", 2, current=2)], [cred("a", {"A": 3})])
    assert plan.steps == () and plan.open_gaps == () and plan.meets_deadline is None


def money_plan(budget: float | None, money: Money) -> Plan:
    creds = [cred("a", {"A": 2}, cost=100, currency="USD"), cred("b", {"B": 2}, cost=80, currency="EUR")]
    catalog = Catalog(credentials=tuple(creds))
    request = Request(budget=budget, start=date(2027, 1, 1), money=money)
    return make_plan(analysis([gap("A", 2), gap("B", 2)], (), Preferences(currency="USD")), catalog, request)


def test_costs_in_several_currencies_are_kept_apart_without_rates() -> None:
    """No budget: both are planned, and the total is 100 USD + 80 EUR, never 180."""
    plan = money_plan(None, Money("USD"))
    assert plan.costs.parts == (("EUR", 80.0), ("USD", 100.0)) and plan.converted_cost is None
    assert any("several currencies (EUR, USD)" in n and "never added up" in n for n in plan.notes)


def test_a_budget_in_dollars_leaves_out_a_cost_in_euros_it_cannot_compare() -> None:
    plan = money_plan(500, Money("USD"))
    assert ids(plan) == ["a"]
    (left,) = plan.left_out
    assert left.kind == "currency" and "its cost is in EUR and your budget in USD" in left.reason
    assert any("1 credential priced in EUR is left out" in n for n in plan.notes)


def test_rates_convert_a_cost_into_the_budgets_currency() -> None:
    """80 EUR at 1.25 USD a euro is 100 USD: both fit 200 USD, not 199."""
    rates = Rates("USD", {"EUR": 1.25}, date(2026, 5, 1), "rates.yaml")
    plan = money_plan(200, Money("USD", rates))
    assert ids(plan) == ["a", "b"] and plan.converted_cost == 200
    assert [x.credential.id for x in money_plan(199, Money("USD", rates)).steps] == ["a"]


def test_a_deadline_before_the_start_is_missed_not_met() -> None:
    plan = plan_for(TIME_GAPS, TIME_CREDS, hours_per_week=5, deadline=date(2026, 12, 1))
    assert plan.steps == () and plan.meets_deadline is False
    assert plan.request.available_hours == 0


def test_without_hours_per_week_the_plan_has_no_dates_and_says_so() -> None:
    plan = plan_for(TIME_GAPS, TIME_CREDS, deadline=date(2027, 2, 1))
    assert all(s.start is None and s.finish is None for s in plan.steps)
    assert plan.meets_deadline is None
    assert any("No hours per week given" in n for n in plan.notes)
