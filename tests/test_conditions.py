"""A provider's conditions as a constraint: a plan never schedules a credential the person cannot enrol in
(not a degree they lack, not years they do not have), unless an earlier step meets the condition; it says
what it left out and why; a condition the profile says nothing about is planned with the condition shown.
`analyze` marks the credentials the person is not yet eligible for."""

from __future__ import annotations

import json
import pickle
from pathlib import Path
from typing import Any

import pytest

from skillgap.analyse.eligibility import Facts, Verdict, judge
from skillgap.errors import InputError
from skillgap.load.catalog import load_catalogs, plain_credential
from skillgap.model import Origin
from tests.conftest import EXAMPLES, invoke

ROLE = """\
title: Project Lead
requirements:
  - {skill: project management, level: 4, importance: essential}
  - {skill: scheduling, level: 2, importance: important}
"""
# the certification asks for a degree, 3 years and the Associate; or 5 years and 35 hours of training or
# the Associate
CATALOG = """\
name: Conditions
currency: USD
credentials:
  - id: lead-cert
    title: Lead Certification
    provider: Guild
    skills: [{name: project management, level: 4}]
    cost: 300
    hours: 30
    eligibility:
      text: "a degree, 3 years leading projects and the Associate; or 5 years and 35 hours of training"
      source: https://example.org/lead-cert
      routes:
        - name: degree
          needs:
            - education: bachelor
            - {experience: project management, years: 3}
            - credential: associate
        - name: no degree
          needs:
            - {experience: project management, years: 5}
            - any_of: [{training: project management, hours: 35}, {credential: associate}]
  - id: associate
    title: Associate Certificate
    provider: Guild
    skills: [{name: project management, level: 2}]
    cost: 150
    hours: 20
    eligibility:
      text: "a secondary diploma"
      needs: [education: secondary]
  - id: schedule-course
    title: Scheduling Course
    provider: Acme
    skills: [{name: scheduling, level: 2}]
    cost: 20
    hours: 5
"""
SKILLS = "skills:\n  - {name: project management}\n  - {name: scheduling}\n"


def profile(education: str | None, experience: str | None) -> str:
    text = "name: Pat Doe\nskills:\n  - {name: project management, level: 1}\n"
    if education is not None:
        text += f"education: {education}\n"
    if experience is not None:
        text += f"experience: {experience}\n"
    return text


@pytest.fixture
def world(write: Any) -> list[str | Path]:
    return [
        "--target", write("role.yaml", ROLE), "--catalog", write("catalog.yaml", CATALOG),
        "--taxonomy", write("skills.yaml", SKILLS),
    ]  # fmt: skip


def plan(write: Any, world: list[str | Path], who: str, *extra: str) -> Any:
    result = invoke("plan", write("pat.yaml", who), *world, "--format", "json", *extra)
    assert result.code == 0, result.err
    return result.json()


def test_a_person_who_cannot_enrol_is_never_given_the_certification(write: Any, world: Any) -> None:
    """A secondary diploma and a year of experience: neither route is open, and no step can open one."""
    data = plan(write, world, profile("secondary", "{project management: 1}"))
    assert "lead-cert" not in [s["id"] for s in data["steps"]]
    (left,) = [x for x in data["left_out"] if x["id"] == "lead-cert"]
    assert left["kind"] == "eligibility"
    assert left["reason"] == (
        "not yet eligible: it needs a bachelor's degree or higher (your profile: a secondary diploma) and "
        "3 years of experience in project management (your profile: 1 year) and Associate Certificate held "
        "first; or 5 years of experience in project management (your profile: 1 year)"
    )
    gap = next(g for g in data["open_gaps"] if g["skill"] == "project management")
    assert "Lead Certification (not yet eligible" in gap["reason"]


def test_the_table_and_the_memo_say_what_was_left_out_and_what_it_needs(write: Any, world: Any) -> None:
    who = write("pat.yaml", profile("secondary", "{project management: 1}"))
    table = " ".join(invoke("plan", who, *world).out.split())
    assert (
        "Left out: not yet open to you Lead Certification: not yet eligible: it needs a bachelor's" in table
    )
    memo = " ".join(invoke("plan", who, *world, "--format", "memo").out.split())
    assert (
        "The plan leaves out Lead Certification: I am not yet eligible: it needs a bachelor's degree" in memo
    )
    assert "(my profile: a secondary diploma)" in memo


def test_an_eligible_person_gets_it_with_the_associate_planned_first(write: Any, world: Any) -> None:
    """A degree and 4 years: the degree route is open once the Associate comes first, and the step says
    which step met it."""
    data = plan(write, world, profile("master", "{project management: 4}"))
    ids = [s["id"] for s in data["steps"]]
    assert ids.index("associate") < ids.index("lead-cert")
    step = data["steps"][ids.index("lead-cert")]
    assert step["eligible"] == {
        "verdict": "met", "missing": None, "not_judged": None, "met_by": ["associate"], "text_only": False,
    }  # fmt: skip
    number = step["step"]
    table = " ".join(invoke("plan", write("pat.yaml", profile("master", "{project management: 4}")),
                            *world).out.split())  # fmt: skip
    assert f"Before you enrol in Lead Certification (step {number}): the provider asks for a degree" in table
    assert f"It is met with step {ids.index('associate') + 1} of this plan." in table


def test_a_held_associate_meets_the_condition_and_nothing_is_added(write: Any, world: Any) -> None:
    who = profile("bachelor", "{project management: 3}") + "credentials: [associate]\n"
    data = plan(write, world, who)
    assert [s["id"] for s in data["steps"]] == ["lead-cert", "schedule-course"]
    assert data["steps"][0]["eligible"]["verdict"] == "met"


def test_a_profile_that_says_nothing_gets_it_with_the_condition_on_the_step_and_in_the_memo(
    write: Any, world: Any
) -> None:
    """No education and no experience in the profile: the conditions cannot be judged, so the certification
    is planned, and the step and the memo print what to check."""
    data = plan(write, world, profile(None, None))
    step = next(s for s in data["steps"] if s["id"] == "lead-cert")
    assert step["eligible"]["verdict"] == "unknown"
    assert step["eligible"]["not_judged"] == (
        "5 years of experience in project management (your profile gives no experience) and 35 hours of "
        "training in project management (skillgap does not know your training hours) or Associate "
        "Certificate held first"
    )
    memo = " ".join(invoke("plan", write("pat.yaml", profile(None, None)), *world, "-f", "memo").out.split())
    line = next(x for x in memo.split("- **") if x.startswith("Lead Certification**"))
    assert "Before I can enrol, the provider asks for a degree, 3 years leading projects" in line
    assert "Not judged: 5 years of experience in project management (my profile gives no experience)" in line
    assert "Check it before enrolling." in line


def test_analyze_marks_a_credential_the_person_is_not_yet_eligible_for(write: Any, world: Any) -> None:
    who = write("pat.yaml", profile("secondary", "{project management: 1}"))
    result = invoke("analyze", who, *world, "--format", "json")
    assert result.code == 0, result.err
    rec = next(r for r in result.json()["recommendations"] if r["id"] == "lead-cert")
    assert rec["eligible"]["verdict"] == "not met"
    assert "not yet eligible: it needs a bachelor's degree" in rec["reason"]
    table = " ".join(invoke("analyze", who, *world).out.split())
    assert "You are not yet eligible: it needs a bachelor's degree or higher" in table


def test_the_retail_manager_of_the_examples_is_not_sent_to_the_pmp() -> None:
    """The bundled example: a store manager with a secondary diploma and no project-management years."""
    person = EXAMPLES / "profiles" / "retail-to-project-manager.yaml"
    result = invoke("plan", person, "--target", "project-manager", "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert "pmi-pmp" not in [s["id"] for s in data["steps"]]
    pmp = next(x for x in data["left_out"] if x["id"] == "pmi-pmp")
    assert pmp["reason"].startswith("not yet eligible: it needs a bachelor's degree or higher")


def test_the_same_person_with_a_degree_and_the_years_gets_the_pmp(write: Any) -> None:
    text = (EXAMPLES / "profiles" / "retail-to-project-manager.yaml").read_text(encoding="utf-8")
    text = text.replace("education: secondary", "education: bachelor").replace(
        "  retail management: 9", "  retail management: 9\n  project management: 4"
    )
    result = invoke("plan", write("tomas.yaml", text), "--target", "project-manager", "--budget", "2000",
                    "--deadline", "2028-06", "--format", "json")  # fmt: skip
    assert result.code == 0, result.err
    steps = result.json()["steps"]
    assert "pmi-pmp" in [s["id"] for s in steps]


# --- the core --------------------------------------------------------------------------------------


def credential(write: Any, text: str) -> Any:
    return load_catalogs([write("c.yaml", text)], use_cache=False).by_id()


def test_three_valued_judgement() -> None:
    from skillgap.model import Condition, Credential, CredentialSkill, Eligibility, Route

    degree = Condition("education", degree="bachelor")
    years = Condition("experience", fields=("sales",), months=24)
    cert = Credential(
        "c", "C", "P", (CredentialSkill("sales", 3),),
        conditions=Eligibility((Route((degree, years)),)),
    )  # fmt: skip

    def verdict(education: str | None, experience: dict[str, float] | None) -> Verdict:
        found = judge(cert, Facts(education, experience, frozenset()))
        assert found is not None
        return found.verdict

    assert verdict("master", {"sales": 2}) is Verdict.MET
    assert verdict("master", {"sales": 1.5}) is Verdict.UNMET
    assert verdict("secondary", None) is Verdict.UNMET  # one condition not met: whatever the other is
    assert verdict(None, {"sales": 3}) is Verdict.UNKNOWN
    assert verdict("bachelor", {}) is Verdict.UNMET  # an experience mapping without the field: none of it


def test_a_catalog_condition_that_names_no_credential_is_refused_where_it_is(write: Any) -> None:
    text = CATALOG.replace("- credential: associate", "- credential: asociate")
    with pytest.raises(InputError) as caught:
        load_catalogs([write("c.yaml", text)], use_cache=False)
    assert "c.yaml:4:" in str(caught.value)
    assert "eligibility credential 'asociate' is not a credential id" in str(caught.value)


@pytest.mark.parametrize(
    ("condition", "message"),
    [
        ("{experience: x}", "give 'months' or 'years'"),
        ("{experience: x, months: 3, years: 1}", "give 'months' or 'years', not both"),
        ("{training: x, years: 1}", "'years' belongs to an experience condition"),
        ("{education: wizardry}", "unknown degree 'wizardry'"),
        ("{education: bachelor, other: x}", "a condition names one kind, got 'education' and 'other'"),
        ("{any_of: [{other: x}]}", "must list at least two conditions"),
        ("{experience: x, months: 0}", "must be more than 0"),
    ],
)
def test_a_malformed_condition_is_located_and_explained(write: Any, condition: str, message: str) -> None:
    text = (
        "credentials:\n  - id: a\n    title: A\n    provider: P\n    skills: [{name: SQL, level: 3}]\n"
        f"    eligibility:\n      text: t\n      needs:\n        - {condition}\n"
    )
    with pytest.raises(InputError) as caught:
        load_catalogs([write("c.yaml", text)], use_cache=False)
    problems = [str(p) for p in caught.value.problems]
    assert any("c.yaml:9:" in p and message in p for p in problems), problems


def test_the_fast_reading_and_the_cache_keep_the_conditions(write: Any) -> None:
    data = {
        "id": "a", "title": "A", "provider": "P", "skills": [{"name": "SQL", "level": 3}],
        "eligibility": {"text": "t", "routes": [{"needs": [
            {"experience": ["x", "y"], "years": 2}, {"any_of": [{"other": "o"}, {"credential": "a"}]},
        ]}]},
        "requires": {"SQL": 2},
    }  # fmt: skip
    fast = plain_credential(json.loads(json.dumps(data)), "USD", Origin("c.json"))
    assert fast is not None and fast.conditions is not None and fast.eligibility == "t"
    assert fast.conditions.routes[0].needs[0].months == 24.0
    path = write(
        "c.json",
        json.dumps({"credentials": [data, {**data, "id": "b", "skills": [{"name": "SQL", "level": "3"}]}]}),
    )
    catalog = load_catalogs([path], use_cache=False)  # b is read the careful way: records are packed
    back = pickle.loads(pickle.dumps(catalog)).credentials
    assert list(back) == list(catalog.credentials)
    assert back[0].conditions == fast.conditions and back[1].requires == fast.requires


def test_profile_education_and_experience_are_read_and_checked(write: Any) -> None:
    from skillgap.load import load_profile

    read = load_profile(write("p.yaml", profile("Bachelor's degree", "{sales: 2, SQL: 0.5}")))
    assert read.education == "bachelor"
    assert [(e.field, e.years) for e in read.experience or ()] == [("sales", 2.0), ("SQL", 0.5)]
    assert load_profile(write("q.yaml", profile(None, None))).experience is None
    with pytest.raises(InputError) as caught:
        load_profile(write("r.yaml", profile("none", "{sales: 200}")))
    assert "r.yaml:5:" in str(caught.value) and "experience.sales" in str(caught.value)


def test_catalog_show_gives_the_conditions_route_by_route_with_their_source() -> None:
    data = invoke("catalog", "show", "pmi-pmp", "--format", "json").json()
    assert [r["name"] for r in data["conditions"]["routes"]] == ["four-year degree", "secondary diploma"]
    assert data["conditions"]["routes"][0]["needs"][0] == "a bachelor's degree or higher"
    assert data["conditions"]["source"].startswith("https://")
    table = " ".join(invoke("catalog", "show", "google-advanced-data-analytics").out.split())
    assert "expects on entry │ data analysis at level 3" in table


def test_a_cohort_counts_only_the_people_the_provider_admits(write: Any, world: Any, tmp_path: Path) -> None:
    """A trainer buying places: the certification helps the person with the degree and the years (the
    Associate it asks for is a course they can take first), not the one without the degree or the years,
    who is named with what they lack; the shared figures and the team budget count only who may enrol."""
    folder = tmp_path / "team"
    folder.mkdir()
    (folder / "ann.yaml").write_text(
        profile("bachelor", "{project management: 4}").replace("Pat Doe", "Ann"), encoding="utf-8"
    )
    (folder / "bob.yaml").write_text(
        profile("secondary", "{project management: 1}").replace("Pat Doe", "Bob"), encoding="utf-8"
    )
    result = invoke("cohort", folder, *world, "--format", "json", "--team-budget", "2000")
    assert result.code == 0, result.err
    shared = {r["id"]: r for r in result.json()["shared_recommendations"]}
    lead = shared["lead-cert"]
    assert (lead["helps"], lead["people"]) == (1, ["Ann"])
    (bob,) = lead["not_open"]
    assert bob["person"] == "Bob" and bob["needs"].startswith("a bachelor's degree or higher")
    assert lead["total_cost"] == 300  # Ann's place, not Bob's
    assert shared["associate"]["helps"] == 2 and shared["associate"]["not_open"] == []
    table = invoke("cohort", folder, *world)
    assert table.code == 0, table.err
    words = " ".join(w for w in table.out.split() if w != "\u2502")
    assert "not yet open to Bob (it needs a bachelor's degree" in words
    funded = result.json()["funding"]
    places = [(f["id"], p["name"]) for f in funded["funded"] for p in f["people"]]
    assert ("lead-cert", "Ann") in places and ("lead-cert", "Bob") not in places
