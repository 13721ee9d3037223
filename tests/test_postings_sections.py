"""Sections and cue words: what a heading says a list is, what a sentence's words say of how much it
matters, and which level its wording states."""

from __future__ import annotations

import pytest

from skillgap.levels import Importance
from skillgap.postings.sections import Section, cue_importance, heading_kind, level_at, level_cues, place
from skillgap.postings.types import Line, LineKind


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Requirements", Section.REQUIRED),
        ("Minimum Qualifications:", Section.REQUIRED),
        ("What you'll bring", Section.REQUIRED),
        ("About you", Section.REQUIRED),
        ("Qualifications Required:", Section.REQUIRED),
        ("Preferred Qualifications", Section.PREFERRED),
        ("Nice to have", Section.PREFERRED),
        ("Bonus points", Section.PREFERRED),
        ("Desirable:", Section.PREFERRED),
        ("Minimum and preferred qualifications", Section.REQUIRED),  # the items' own cues decide
        ("Responsibilities", Section.DUTIES),
        ("What you'll do", Section.DUTIES),
        ("About the role", Section.DUTIES),
        ("Job Description", Section.DUTIES),
        ("Benefits", Section.SKIPPED),
        ("What we offer", Section.SKIPPED),
        ("About Contoso", Section.SKIPPED),
        ("Company Description", Section.SKIPPED),
        ("How to apply", Section.SKIPPED),
        ("Physical requirements", Section.SKIPPED),
        ("Equal Opportunity Employer", Section.SKIPPED),
        ("Senior Data Analyst", None),
        ("Tools", None),
    ],
)
def test_heading_kinds(heading: str, kind: Section | None) -> None:
    assert heading_kind(heading) is kind


def test_a_heading_that_names_no_kind_keeps_the_kind_of_the_section_it_is_in() -> None:
    lines = [
        Line(1, "Requirements", LineKind.HEADING, 2),
        Line(2, "Technical", LineKind.HEADING, 3),  # deeper, names no kind: still requirements
        Line(3, "SQL", LineKind.ITEM),
        Line(4, "Technical skills:", LineKind.TEXT),  # no level of its own: keeps the kind too
        Line(5, "Python", LineKind.ITEM),
        Line(6, "Senior level", LineKind.HEADING, 2),  # as deep as Requirements: the section ends
        Line(7, "Excel", LineKind.ITEM),
        Line(8, "BENEFITS", LineKind.TEXT),  # a line in capitals is a heading
        Line(9, "Gym membership", LineKind.ITEM),
        Line(10, "Qualifications", LineKind.TEXT),  # a short plain line naming a kind of section
        Line(11, "Scrum", LineKind.ITEM),
    ]
    placed = {p.line.number: p for p in place(lines)}
    assert [placed[n].section for n in (3, 5, 7, 9, 11)] == [
        Section.REQUIRED,
        Section.REQUIRED,
        Section.NEUTRAL,
        Section.SKIPPED,
        Section.REQUIRED,
    ]
    assert placed[4].heading and placed[8].heading and placed[10].heading


def test_facts_about_the_job_are_not_read_as_requirements() -> None:
    placed = list(place([Line(1, "Reports to: Director of Supply Chain"), Line(2, "Location: Leeds")]))
    assert all(p.meta for p in placed)


@pytest.mark.parametrize(
    ("sentence", "importance"),
    [
        ("Must have 3 years of SQL", Importance.ESSENTIAL),
        ("SQL is required", Importance.ESSENTIAL),
        ("This role requires a deep understanding of networks", Importance.ESSENTIAL),
        ("Clear writing is essential", Importance.ESSENTIAL),
        ("A minimum of two years in logistics", Importance.ESSENTIAL),
        ("Tableau is a plus", Importance.NICE_TO_HAVE),
        ("Experience with Jira preferred", Importance.NICE_TO_HAVE),
        ("Knowledge of Python would be an advantage", Importance.NICE_TO_HAVE),
        ("Must know SQL; Python desired", Importance.NICE_TO_HAVE),  # the softer cue wins
        ("SQL (not required)", Importance.NICE_TO_HAVE),
        ("Finalise requirements with stakeholders", None),  # a noun, not a cue
        ("Minimum content coverage targets", None),
        ("Build dashboards", None),
    ],
)
def test_cue_words(sentence: str, importance: Importance | None) -> None:
    assert cue_importance(sentence) is importance


@pytest.mark.parametrize(
    ("sentence", "level"),
    [
        ("Expert in SQL", 5),
        ("expert-level SEO", 5),
        ("Advanced Excel", 4),
        ("Deep understanding of networks", 4),
        ("Fluent in SQL", 4),
        ("Proficiency in Python", 4),
        ("Working knowledge of Python", 3),
        ("Familiarity with statistics", 2),
        ("Basic Excel", 2),
        ("1+ years of Python", 3),
        ("2 years of Python", 3),
        ("3-5 years of SQL", 4),
        ("5+ years in project management", 4),
        ("Five (5) years of labor relations", 4),
        ("seven years of accounting", 5),
        ("10+ years experience", 5),
        ("Strong SQL skills", None),  # "strong", "solid", "proven" are not levels
        ("Serve as a subject matter expert for finance", None),  # a role, not how well
        ("a company 20 years old", None),
    ],
)
def test_levels_from_wording_and_years(sentence: str, level: int | None) -> None:
    cues = level_cues(sentence)
    assert (cues[0][2] if cues else None) == level


def test_each_skill_takes_the_nearest_level_cue_before_it_else_the_first_after() -> None:
    sentence = "2+ years of Google Analytics and Google Ads and expert-level SEO; SQL (3 years)"
    cues = level_cues(sentence)
    assert level_at(cues, sentence.index("Google Ads")) == 3
    assert level_at(cues, sentence.index("SEO")) == 5
    assert level_at(level_cues("SQL (3 years)"), 0) == 4
    assert level_at(level_cues("Python"), 0) is None
