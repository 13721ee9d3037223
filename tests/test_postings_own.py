"""Postings the project wrote in the wording of real ads for fields the annotated ones lack (a nurse, a
software engineer, an accountant, an account executive, a teacher): what a recruiter reads in each, and
the look-alikes and non-skills no one would."""

from __future__ import annotations

import pytest

from skillgap.levels import Importance
from skillgap.match import Matcher
from skillgap.postings import extract, load_posting
from tests.conftest import ROOT

POSTINGS = ROOT / "tests" / "data" / "postings"
ESSENTIAL, IMPORTANT, NICE = Importance.ESSENTIAL, Importance.IMPORTANT, Importance.NICE_TO_HAVE

READS = {
    "registered-nurse.txt": (
        {"acute care nursing": ESSENTIAL, "critical thinking": ESSENTIAL, "time management": ESSENTIAL,
         "patient care": IMPORTANT, "medication administration": IMPORTANT, "IV therapy": IMPORTANT,
         "electronic health records": IMPORTANT, "patient education": IMPORTANT, "delegation": IMPORTANT,
         "care planning": IMPORTANT, "wound care": NICE},
        {"emergency medicine", "early warning scores"},
    ),
    "software-engineer.txt": (
        {"Java": ESSENTIAL, "Spring Boot": ESSENTIAL, "REST APIs": ESSENTIAL,
         "distributed systems": ESSENTIAL, "microservices": ESSENTIAL, "Docker": ESSENTIAL,
         "Kubernetes": ESSENTIAL, "CI/CD": ESSENTIAL, "PCI DSS": NICE},
        {"written communication", "Jira", "Slack", "GitHub"},
    ),
    "staff-accountant.txt": (
        {"US GAAP": ESSENTIAL, "Microsoft Excel": ESSENTIAL, "pivot tables": ESSENTIAL,
         "account reconciliation": IMPORTANT, "month-end close": IMPORTANT, "accounts payable": IMPORTANT,
         "accounts receivable": IMPORTANT, "cost accounting": NICE},
        {"health insurance"},
    ),
    "account-executive.txt": (
        {"sales": ESSENTIAL, "presentation skills": ESSENTIAL, "solution selling": ESSENTIAL,
         "sales prospecting": IMPORTANT, "pipeline management": IMPORTANT, "contract negotiation": IMPORTANT,
         "Salesforce": IMPORTANT, "Spanish": NICE},
        {"customer success", "talent pipelining"},
    ),
    "grade-4-teacher.txt": (
        {"lesson planning": ESSENTIAL, "differentiated instruction": ESSENTIAL,
         "student assessment": ESSENTIAL, "classroom management": ESSENTIAL,
         "Google Classroom": ESSENTIAL, "learning technology": ESSENTIAL},
        {"English"},
    ),
}  # fmt: skip


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    from skillgap.world import open_world

    return open_world().matcher


@pytest.mark.parametrize("name", READS)
def test_what_a_recruiter_reads_in_the_projects_own_postings(name: str, matcher: Matcher) -> None:
    wanted, never = READS[name]
    extraction = extract(load_posting(POSTINGS / name), matcher)
    found: dict[str, Importance] = {}
    for ask in extraction.asks:
        for skill in ask.skills:
            found.setdefault(skill, ask.importance)
    missing = sorted(set(wanted) - set(found))
    assert not missing, f"{name}: not read: {missing}"
    wrong = {s: (found[s].value, want.value) for s, want in wanted.items() if found[s] is not want}
    assert not wrong, f"{name}: importance (read, wanted): {wrong}"
    assert not never & set(found), f"{name}: read what it does not ask: {sorted(never & set(found))}"


def test_the_credentials_they_ask_for_are_credentials_not_skills(matcher: Matcher) -> None:
    nurse = extract(load_posting(POSTINGS / "registered-nurse.txt"), matcher)
    texts = [c.text for c in nurse.credentials]
    assert any("RN license" in t for t in texts) and any("BLS" in t for t in texts)
    assert any("ACLS" in t for t in texts) and any("BSN" in t for t in texts)
    teacher = extract(load_posting(POSTINGS / "grade-4-teacher.txt"), matcher)
    assert any("teaching certificate" in c.text for c in teacher.credentials)

