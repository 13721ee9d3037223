"""Extraction: each rule of reading a posting held by a posting written for it (the bundled taxonomy
and catalog, through the same matcher every command uses)."""

from __future__ import annotations

from typing import Any

import pytest

from skillgap.levels import Importance
from skillgap.match import Matcher
from skillgap.model import Taxonomy, TaxonomySkill
from skillgap.postings import extract, load_posting, read_posting
from skillgap.postings.types import Ask, Extraction
from tests.conftest import ROOT

POSTINGS = ROOT / "tests" / "data" / "postings"
ESSENTIAL, IMPORTANT, NICE = Importance.ESSENTIAL, Importance.IMPORTANT, Importance.NICE_TO_HAVE


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    from skillgap.world import open_world

    return open_world().matcher


def read(text: str, matcher: Matcher, **kwargs: Any) -> Extraction:
    return extract(read_posting(text.encode("utf-8"), "ad.txt"), matcher, **kwargs)


def asks(extraction: Extraction) -> dict[tuple[str, ...], Ask]:
    return {a.skills: a for a in extraction.asks}


def skills(extraction: Extraction) -> set[str]:
    return {s for a in extraction.asks for s in a.skills}


# --- importance from headings and cue words ----------------------------------------------------


def test_headings_and_cue_words_set_importance(matcher: Matcher) -> None:
    found = asks(
        read(
            "Analyst\n\nResponsibilities\n- Build dashboards for finance\n\nRequirements\n- SQL\n"
            "- Tableau is a plus\n\nPreferred\n- Python\n- Must know Excel\n",
            matcher,
        )
    )
    assert found[("data visualization",)].importance is IMPORTANT  # a duty
    assert found[("SQL",)].importance is ESSENTIAL
    assert found[("Tableau",)].importance is NICE  # a softer cue inside a required list wins for that item
    assert found[("Python",)].importance is NICE
    assert found[("Microsoft Excel",)].importance is ESSENTIAL  # "must" anywhere


def test_a_cue_in_brackets_speaks_of_the_skill_in_them_or_else_of_the_item(matcher: Matcher) -> None:
    found = asks(
        read("Requirements\n- Experience with a CRM (Salesforce preferred)\n- Tableau (a plus)\n", matcher)
    )
    assert found[("CRM systems",)].importance is ESSENTIAL  # the requirement itself
    assert found[("Salesforce",)].importance is NICE  # the bracket's own skill
    assert found[("Tableau",)].importance is NICE  # a bracket of a cue alone: the item before it


def test_an_unlabelled_list_is_important_and_marked_as_estimated(matcher: Matcher) -> None:
    found = asks(read("Analyst\n\n- SQL\n", matcher))
    ask = found[("SQL",)]
    assert ask.importance is IMPORTANT and ask.estimated == ("level", "importance")


def test_benefits_and_the_company_story_are_not_requirements(matcher: Matcher) -> None:
    extraction = load_posting(POSTINGS / "data-analyst.md")
    found = skills(extract(extraction, matcher))
    assert "project management" not in found  # a training budget under Benefits
    assert "Google Analytics" not in found  # "our data includes ...": what the company uses
    assert "Salesforce" not in found  # "We use Snowflake, Salesforce and Fivetran"
    assert "talent acquisition" not in found  # "Northwind Outfitters is hiring ..."
    designer = skills(extract(load_posting(POSTINGS / "learning-designer.txt"), matcher))
    assert "coaching" not in designer and "e-learning development" not in designer  # About us, How to apply


def test_facts_lines_equal_opportunity_and_why_youll_love_it_are_not_requirements(matcher: Matcher) -> None:
    found = skills(
        read(
            "Financial Analyst\nOrrin Medical Devices, Inc. - Minneapolis, MN\n"
            "Loomwise · Remote (US) · Full-time · OTE $105,000 + equity\n\nRequirements\n- SQL\n\n"
            "Why Acme\n- Four weeks PTO and on-call compensation\n\n"
            "Requirements\n- SQL\n\n"
            "Why you'll love it here\n- $1,500 annual learning budget\n- Meaningful equity\n\n"
            "Acme is an Equal Opportunity Employer: qualified applicants are considered without regard to "
            "race, color or religion; offers follow a background check.\n",
            matcher,
        )
    )
    assert found == {"SQL"}  # not medical devices, capital markets, budgeting nor background checks


def test_what_the_company_uses_or_teaches_and_conditions_of_hiring_ask_nothing(matcher: Matcher) -> None:
    found = skills(
        read(
            "Requirements\n- SQL\n\nOur team collaborates in Microsoft Teams and tracks work in Jira. "
            "You will learn our tooling during a structured 60-day onboarding. This position requires a "
            "background check.\n",
            matcher,
        )
    )
    assert found == {"SQL"}


def test_a_requirement_that_shares_words_with_equal_opportunity_statements_is_read(matcher: Matcher) -> None:
    found = skills(
        read(
            "Requirements\n- Qualified applicants will have 3+ years of SQL\n"
            "- Ability to lift 50 lbs with or without reasonable accommodation\n",
            matcher,
        )
    )
    assert {"SQL", "physical stamina"} <= found


def test_a_duty_done_in_a_tool_is_not_what_the_company_uses(matcher: Matcher) -> None:
    found = skills(read("Duties\n- Manage projects in Smartsheet and track tasks in Jira\n", matcher))
    assert {"Smartsheet", "Jira"} <= found


def test_a_line_that_only_looks_like_a_place_is_still_read(matcher: Matcher) -> None:
    found = skills(read("Requirements\n- Experience with Python, JavaScript and SQL\n", matcher))
    assert {"Python", "JavaScript", "SQL"} <= found


# --- levels --------------------------------------------------------------------------------------


def test_levels_come_from_wording_else_the_default_marked_as_estimated(matcher: Matcher) -> None:
    found = asks(
        read(
            "Requirements\n- Expert knowledge of SQL\n- Working knowledge of Tableau\n- 6+ years of Python\n"
            "- Familiarity with statistics\n- Microsoft Excel\n",
            matcher,
            default_level=2,
        )
    )
    assert found[("SQL",)].level == 5
    assert found[("Tableau",)].level == 3
    assert found[("Python",)].level == 5
    assert found[("statistics",)].level == 2
    assert found[("Microsoft Excel",)].level == 2 and "level" in found[("Microsoft Excel",)].estimated
    assert "level" not in found[("SQL",)].estimated


def test_a_skill_named_twice_is_one_requirement_at_its_strongest(matcher: Matcher) -> None:
    extraction = read(
        "Duties\n- Write SQL reports\n\nRequirements\n- 3+ years of SQL\n\nNice to have\n- Expert in SQL\n",
        matcher,
    )
    [sql] = [a for a in extraction.asks if a.skills == ("SQL",)]
    assert sql.importance is ESSENTIAL and sql.level == 5  # the strongest importance, the highest level
    assert sql.evidence.line == 5 and sql.lines == (5, 2, 8)


# --- choices -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Experience with Python or R",
        "Python and/or R",
        "A language such as Python or R",
        "Analysis in a language (e.g. Python, R)",
        "Tableau, Power BI or Looker",  # the list goes on with one no skill matches
        "Excel, Tableau, SQL and/or similar",
    ],
)
def test_alternatives_are_one_requirement_with_any_of(sentence: str, matcher: Matcher) -> None:
    extraction = read(f"Requirements\n- {sentence}\n", matcher)
    [choice] = [a for a in extraction.asks if a.is_choice]
    assert len(choice.skills) >= 2 and choice.importance is ESSENTIAL
    assert len(extraction.asks) == 1


def test_a_plain_list_is_several_requirements_and_including_gives_no_choice(matcher: Matcher) -> None:
    extraction = read(
        "Requirements\n- Python, SQL and Excel\n- Enterprise systems, including Linux and networking\n",
        matcher,
    )
    assert not any(a.is_choice for a in extraction.asks)
    assert skills(extraction) >= {"Python", "SQL", "Microsoft Excel", "Linux", "networking"}


def test_a_choice_is_left_out_when_one_of_its_skills_is_asked_outright(matcher: Matcher) -> None:
    extraction = read("Requirements\n- Must know Python\n- Python or R\n", matcher)
    assert [a.skills for a in extraction.asks] == [("Python",)]


def test_a_choice_asked_at_a_higher_level_than_its_outright_skill_is_kept(matcher: Matcher) -> None:
    extraction = read("Requirements\n- Working knowledge of SQL\n- 6+ years of SQL or Python\n", matcher)
    found = asks(extraction)
    assert found[("SQL",)].level == 3 and found[("SQL", "Python")].level == 5


def test_a_single_known_example_is_the_skill_itself(matcher: Matcher) -> None:
    extraction = read("Requirements\n- Command-line tools (e.g. PowerShell, Nushell)\n", matcher)
    assert [a.skills for a in extraction.asks] == [("PowerShell",)]


def test_a_known_kind_before_its_examples_is_a_requirement_of_its_own(matcher: Matcher) -> None:
    # as the annotated postings read "scripting (e.g., PowerShell)": the kind, and a choice of its examples
    extraction = read("Requirements\n- Scripting (e.g. PowerShell, Groovy)\n", matcher)
    assert [a.skills for a in extraction.asks] == [("scripting",), ("PowerShell", "Groovy")]


# --- what is not a skill -----------------------------------------------------------------------


def test_look_alikes_never_match_azure_devops_is_neither_azure_nor_devops(matcher: Matcher) -> None:
    taxonomy = Taxonomy(
        (TaxonomySkill("Microsoft Azure", aliases=("Azure",)), TaxonomySkill("DevOps"), TaxonomySkill("Git"))
    )
    extraction = read("Requirements\n- Experience with Azure DevOps and Git\n", Matcher.build(taxonomy))
    assert skills(extraction) == {"Git"}
    assert "Azure DevOps" in [u.text for u in extraction.unrecognised]
    bundled = read("Requirements\n- Experience with Azure DevOps and Git\n", matcher)
    assert skills(bundled) == {"Azure DevOps", "Git"}  # a skill of its own there


def test_javascript_is_not_java() -> None:
    taxonomy = Taxonomy((TaxonomySkill("Java"), TaxonomySkill("SQL")))
    small = Matcher.build(taxonomy)
    extraction = read("Requirements\n- JavaScript and SQL\n- Java Script is not Java either\n", small)
    assert [a.skills for a in extraction.asks] == [("SQL",), ("Java",)]
    assert asks(extraction)[("Java",)].evidence.line == 3


def test_job_titles_departments_and_committees_are_not_skills(matcher: Matcher) -> None:
    extraction = read(
        "Duties\n- Report to the Learning & Development Manager\n- Work for the Director of Supply Chain\n"
        "- Partner with the project management team\n",
        matcher,
    )
    assert not skills(extraction)


def test_an_adjective_and_what_a_job_needs_little_of_are_not_skills(matcher: Matcher) -> None:
    extraction = read(
        "Requirements\n- Comfort in a highly agile environment\n- Works with minimal supervision\n"
        "- Thrives in an agile culture\n",
        matcher,
    )
    assert not skills(extraction)
    assert asks(read("Requirements\n- Agile and Scrum\n", matcher)).keys() >= {("agile project management",)}


def test_acronyms_count_only_in_capitals_and_short_ones_only_as_list_items(matcher: Matcher) -> None:
    lower = read("Requirements\n- Use it well and id the issues\n- Write sql by hand\n", matcher)
    assert not skills(lower)
    job_id = read("Requirements\n- Quote the Job ID 4471 when applying\n", matcher)
    assert "instructional design" not in skills(job_id)
    listed = read("Requirements\n- Python or R for analysis\n- LMS administration\n", matcher)
    assert {"R", "learning management systems"} <= skills(listed)


def test_an_acronym_in_brackets_restates_the_words_before_it() -> None:
    taxonomy = Taxonomy((TaxonomySkill("project management", aliases=("PM",)),))
    small = Matcher.build(taxonomy)
    assert not read("Duties\n- Collaborate with Program Managers (PMs) and vendors\n", small).asks
    assert read("Requirements\n- Tools: Jira, PM, Excel\n", small).asks  # a list item is not a restatement


def test_a_name_in_lower_case_or_a_verb_that_starts_a_sentence_is_the_common_word(matcher: Matcher) -> None:
    words = read(
        "Duties\n- Use the data to make decisions quickly\n- Tune queries with window functions\n"
        "- You excel at planning\n- Resolve the tickets on time\n- React to incidents\n"
        "- Go above and beyond\n",
        matcher,
    )
    common = {"build systems", "Windows administration", "Microsoft Excel", "DaVinci Resolve", "React", "Go"}
    assert not common & skills(words)
    assert {"decision making", "planning"} <= skills(words)
    names = read("Requirements\n- Advanced Excel\n- React, Vue\n- Windows and Linux\n- Go or Rust\n", matcher)
    assert {"Microsoft Excel", "React", "Windows administration", "Go"} <= skills(names)


def test_skills_may_go_unsaid_for_an_activity_never_for_a_thing_or_a_trait(matcher: Matcher) -> None:
    things = read(
        "Requirements\n- You are analytical\n- Set up computer accounts\n"
        "- People come first here\n- Thrive in a fully remote organization\n- Follow the latest research\n",
        matcher,
    )
    assert not skills(things)  # not analytical, computer, people, organisation or research skills
    said = read("Duties\n- Communicate clearly\n- Strong organisation and research skills\n", matcher)
    assert {"business communication", "organizational skills", "research skills"} <= skills(said)
    trait = read("Requirements\n- You are curious and dependable\n", matcher)
    assert skills(trait) == {"curiosity", "work ethic"}  # traits the taxonomy names as skills


def test_the_end_of_a_hyphenated_word_names_nothing(matcher: Matcher) -> None:
    assert not read("Duties\n- Supplier lead-time tracking\n", matcher).asks  # not time tracking
    assert skills(read("Requirements\n- e-learning development\n", matcher)) == {"e-learning development"}


def test_an_item_in_a_list_of_people_is_a_team_not_a_skill(matcher: Matcher) -> None:
    extraction = read(
        "Duties\n- Collaborate with Project Managers, Business Analysts, Architects, QA\n"
        "- Work with engineers, designers and QA\n",
        matcher,
    )
    assert "quality assurance" not in skills(extraction)
    assert not extraction.unrecognised  # nor are the job titles skill-like phrases
    assert "quality assurance" in skills(read("Requirements\n- QA, Python and SQL\n", matcher))


def test_a_verb_of_making_makes_the_skill_it_names(matcher: Matcher) -> None:
    assert skills(read("Duties\n- Write complex SQL\n- Write sql by hand\n", matcher)) == {"SQL"}
    assert skills(read("Duties\n- Write clearly for executives\n", matcher)) == {"written communication"}


def test_turning_one_thing_into_another_is_a_figure_of_speech(matcher: Matcher) -> None:
    assert not read("Duties\n- Translate business needs into requirements\n", matcher).asks
    assert "translation" in skills(read("Requirements\n- Translate documents from French\n", matcher))


def test_a_condition_of_being_hired_asks_for_no_skill(matcher: Matcher) -> None:
    conditions = "Requirements\n- Successful completion of a background check\n- Must pass a drug screen\n"
    assert not read(conditions, matcher).asks
    assert skills(read("Duties\n- Run background checks on new hires\n", matcher)) == {"background checks"}


def test_what_the_skills_are_for_is_not_asked(matcher: Matcher) -> None:
    extraction = read("Requirements\n- SEO and SEM to improve lead generation and sales\n", matcher)
    assert skills(extraction) == {"search engine optimization", "search engine marketing"}
    tools = read("Requirements\n- Deep SQL to help drive product design in Snowflake\n", matcher)
    assert skills(tools) == {"SQL", "Snowflake"}  # a tool named in the purpose is still used


def test_degrees_and_certifications_are_credentials_and_their_subjects_are_not_skills(
    matcher: Matcher,
) -> None:
    extraction = read(
        "Requirements\n- Bachelor's degree in Human Resources or Organization Development\n"
        "- PMP certification preferred\n- Negotiation\n",
        matcher,
    )
    assert skills(extraction) == {"negotiation"}
    assert [(c.text, c.importance) for c in extraction.credentials] == [
        ("Bachelor's degree in Human Resources or Organization Development", ESSENTIAL),
        ("PMP certification preferred", NICE),
    ]


# --- reading more than the exact words ---------------------------------------------------------


def test_words_sharing_a_head_noun_are_each_read(matcher: Matcher) -> None:
    extraction = read("Requirements\n- Extensive knowledge of labor and employee laws\n", matcher)
    assert asks(extraction)[("employment law",)].level == 4


def test_word_forms_of_a_known_name_count_but_a_plural_noun_is_not_the_activity(matcher: Matcher) -> None:
    duties = read(
        "Duties\n- Troubleshoot faults and negotiate\n- Negotiate contracts\n- Negotiate with suppliers\n",
        matcher,
    )
    negotiations = {"negotiation", "contract negotiation", "supplier negotiation"}
    assert {"troubleshooting", *negotiations} <= skills(duties)
    values = read(
        "Requirements\n- You share our values\n- Ability to thrive in a remote organization\n", matcher
    )
    assert not skills(values)


def test_unrecognised_phrases_are_reported_with_their_line(matcher: Matcher) -> None:
    extraction = read(
        "Requirements\n- Experience with Python, Dagster and Prefect\n- Excellent team player\n", matcher
    )
    assert [(u.text, u.line) for u in extraction.unrecognised] == [("Dagster", 2), ("Prefect", 2)]


def test_what_postings_write_for_known_skills_reaches_them(matcher: Matcher) -> None:
    extraction = read(
        "Requirements\n- Training in live classroom and virtual learning formats\n"
        "- Knowledge of cloud technologies\n- Proven ability to meet deadlines\n"
        "- An assessment strategy for each course\n- Administer the virtual learning environment\n"
        "- A strong design sensibility\n- Provide training to new managers\n",
        matcher,
    )
    assert skills(extraction) == {
        "training delivery",
        "virtual training delivery",
        "cloud computing",
        "time management",
        "assessment design",
        "learning management systems",  # a virtual learning environment is not virtual learning
        "graphic design",
    }


def test_the_title_comes_from_the_posting(matcher: Matcher) -> None:
    assert (
        read("Job title: Payroll Officer\nDepartment: Finance\n\n- Excel\n", matcher).title
        == "Payroll Officer"
    )
    assert read("# Buyer\n\nSome text.\n", matcher).title == "Buyer"
    assert read("Purchasing Analyst\nAcme Ltd\n", matcher).title == "Purchasing Analyst"


def test_the_test_postings_read_as_a_recruiter_would(matcher: Matcher) -> None:
    cloud = asks(extract(load_posting(POSTINGS / "cloud-administrator.html"), matcher))
    assert cloud[("Linux",)].level == 5 and cloud[("Linux",)].importance is ESSENTIAL
    assert cloud[("PowerShell", "Bash")].importance is IMPORTANT
    assert cloud[("Kubernetes",)].importance is NICE
    designer = asks(extract(load_posting(POSTINGS / "learning-designer.txt"), matcher))
    assert designer[("instructional design",)].level == 4
    assert ("Articulate Storyline", "Adobe Captivate") in designer
    assert designer[("digital accessibility",)].importance is NICE


def test_the_people_or_things_a_management_skill_manages_name_it(matcher: Matcher) -> None:
    found = skills(
        read("Duties\n- Work with internal customers and stakeholders\n- Identify risks early\n", matcher)
    )
    assert {"stakeholder management", "risk management"} <= found
    not_objects = read(
        "Duties\n- A stakeholder in every release\n- With a keen eye when reviewing risks\n", matcher
    )
    assert not skills(not_objects)  # singular, or after a word that starts another clause


def test_only_people_and_things_a_noun_names_by_itself_are_managed(matcher: Matcher) -> None:
    assert not read("Duties\n- Manage server resources\n- Evaluate learning programs\n", matcher).asks
    found = skills(read("Duties\n- Manage IT projects\n- Select external vendors\n", matcher))
    assert {"project management", "vendor management"} <= found


def test_a_template_never_filled_in_says_nothing(matcher: Matcher) -> None:
    assert not read("Duties\n- Support a team managing [X] suppliers and [$YYM] of inventory\n", matcher).asks


def test_a_word_before_and_shares_the_head_of_the_phrase_after_it(matcher: Matcher) -> None:
    found = skills(read("Duties\n- Apply visual and instructional design principles\n", matcher))
    assert {"graphic design", "instructional design"} <= found  # visual design, instructional design


def test_a_word_form_may_leave_out_a_qualifier_but_not_what_the_name_is_about(matcher: Matcher) -> None:
    assert "business communication" in skills(read("Duties\n- Communicate clearly with clients\n", matcher))
    assert "organizational development" not in skills(read("Duties\n- Grow the organization\n", matcher))


def test_a_word_form_is_the_same_word_with_an_english_suffix_never_a_look_alike(matcher: Matcher) -> None:
    forms = read("Duties\n- Coach new hires and facilitate workshops\n", matcher)
    assert {"coaching", "facilitation"} <= skills(forms)
    look_alikes = read(
        "Duties\n- Work in a team\n- Join table data\n- Product management of our apps\n- Desk support\n"
        "- Add value for clients\n",
        matcher,
    )
    assert not {"HRIS", "Tableau", "operations management", "IT support", "valuation"} & skills(look_alikes)


def test_a_verb_and_its_object_name_the_skill_they_make(matcher: Matcher) -> None:
    found = skills(
        read("Duties\n- Solve problems and make business decisions\n- Map business processes\n", matcher)
    )
    assert {"problem solving", "decision making", "business process modeling"} <= found
    assert not skills(read("Duties\n- Make coffee for the team\n", matcher))
    # the object's head, in a verb's place: not site monitoring, growth marketing nor channel marketing
    heads = read(
        "Duties\n- Monitor marketing site growth\n- Plan budgets across marketing channels\n", matcher
    )
    assert skills(heads) == {"budgeting"}
    both = skills(read("Duties\n- Analyze and report data\n", matcher))  # each verb with the one object
    assert both == {"data analytics reporting", "data analysis"}
    # the verb's noun, and an object to the end of its noun phrase (a verb in -ing before "the" ends it)
    nouns = read(
        "Duties\n- Create and curate team member learning content\n"
        "- Make business decisions supporting the grievance process\n",
        matcher,
    )
    assert skills(nouns) == {"learning content curation", "decision making"}
    assert not read("Duties\n- Develop new Trusted Data Tests\n", matcher).asks  # a name: not test design


def test_evidence_of_a_long_sentence_keeps_the_words_that_named_the_skill(matcher: Matcher) -> None:
    filler = "in a team that builds weekly reports for the stores in the north of the country " * 4
    extraction = read(f"Requirements\n- {filler}and who have five years of SQL {filler}\n", matcher)
    [ask] = extraction.asks
    assert "five years of SQL" in ask.evidence.text and len(ask.evidence.text) <= 242
    assert ask.evidence.text.startswith("\u2026") and ask.evidence.text.endswith("\u2026")


@pytest.mark.parametrize(
    "duty",
    [
        "Write clean, well-tested code and review pull requests",
        "Write and maintain automated tests for our services",
        "Writing scripts and queries to automate reporting",
    ],
)
def test_writing_code_is_programming_not_written_communication(duty: str, matcher: Matcher) -> None:
    extraction = read(f"What you'll do\n- {duty}\n", matcher)
    assert "written communication" not in skills(extraction)


def test_writing_what_people_read_is_still_writing(matcher: Matcher) -> None:
    extraction = read("What you'll do\n- Write clear weekly reports for the leadership team\n", matcher)
    assert "written communication" in skills(extraction)


def test_acute_care_is_a_nursing_setting_not_emergency_medicine(matcher: Matcher) -> None:
    posting = "Required\n- 1+ years of acute care nursing experience\n- Join rapid response events\n"
    extraction = read(posting, matcher)
    assert skills(extraction) >= {"acute care nursing"}
    assert not skills(extraction) & {"emergency medicine", "early warning scores"}


@pytest.mark.parametrize("market", ["B2B SaaS", "SaaS", "B2C"])
def test_a_market_before_a_skill_is_no_product_name(market: str, matcher: Matcher) -> None:
    extraction = read(f"You have\n- 3+ years of {market} sales experience\n", matcher)
    found = {s: a for a in extraction.asks for s in a.skills}
    named = [s for s in found if s.endswith("sales")]  # sales, or the taxonomy's B2B or B2C sales
    assert len(named) == 1
    assert found[named[0]].importance is ESSENTIAL and found[named[0]].level == 4


def test_the_people_a_teacher_serves_are_no_skill(matcher: Matcher) -> None:
    text = "Duties\n- Differentiate instruction for diverse learners, including English language learners\n"
    assert "English" not in skills(read(text, matcher))


def test_the_team_a_job_partners_with_is_no_skill(matcher: Matcher) -> None:
    extraction = read("You will\n- Partner with customer success to ensure smooth onboarding\n", matcher)
    assert "customer success" not in skills(extraction)


def test_building_a_sales_pipeline_is_not_a_talent_pipeline(matcher: Matcher) -> None:
    found = skills(read("You will\n- Build and manage a pipeline of qualified opportunities\n", matcher))
    assert "pipeline management" in found and "talent pipelining" not in found


@pytest.mark.parametrize(
    ("requirement", "wanted"),
    [
        ("Experience cleaning and modeling large quantities of raw, disorganized data",
         {"data cleaning", "data modeling"}),
        ("Analyze large amounts of data", {"data analysis"}),
        ("Clean and model data", {"data cleaning", "data modeling"}),
    ],
)  # fmt: skip
def test_an_object_is_read_past_an_amount_and_the_words_describing_it(
    requirement: str, wanted: set[str], matcher: Matcher
) -> None:
    assert wanted <= skills(read(f"Requirements\n- {requirement}\n", matcher))


def test_the_first_of_two_verbs_is_not_an_unrecognised_skill(matcher: Matcher) -> None:
    extraction = read("Duties\n- Develop and implement daily lesson plans in mathematics\n", matcher)
    assert "lesson planning" in skills(extraction)
    assert "Develop" not in [u.text for u in extraction.unrecognised]


VERB_OBJECTS = {  # a verb and its object, read as the skill they name
    "a participle": ("Differentiate instruction for diverse learners", "differentiated instruction"),
    "a participle, an alias": ("Automate testing of our public APIs", "test automation"),
    "a participle, another alias": ("Personalize learning for each student", "differentiated instruction"),
    "past an article": ("Build and manage a pipeline of qualified opportunities", "pipeline management"),
    "past a possessive": ("Improve our processes and workflows", "process improvement"),
    "verbs sharing an object": ("Assess, plan, implement and evaluate patient care", "care planning"),
    "three verbs, one object": ("Plan, schedule and track projects", "project scheduling"),
    "a verb's noun in -ion": ("Resolve conflicts between team members", "conflict resolution"),
    "a verb's irregular noun": ("Enter data into the billing system", "data entry"),
    "lead: leadership": ("Lead a team of five technicians", "team leadership"),
    "reconcile: reconciliation": ("Reconcile bank statements every month", "account reconciliation"),
    "the verb first, past a describing word": ("Must meet tight deadlines", "time management"),
    "the verb first, past 'all'": ("Meet all deadlines on every project", "time management"),
    "a noun past a describing word": ("Manage multiple priorities at once", "multitasking"),
    "a verb before the people it acts on": ("Mentor junior analysts", "mentoring"),
    "a verb after its subject": ("You manage several deadlines at once", "time management"),
    "an irregular plural": ("Run scenario and sensitivity analyses", "scenario planning"),
    "a trait with its intensifier": ("Highly organized and calm", "organizational skills"),
    "a describing word ('hard')": ("Able to meet hard deadlines", "time management"),
    "reconcile: reconciliation, as a word form": ("Reconcile payroll registers", "account reconciliation"),
    "prioritize: prioritization": ("Prioritize ruthlessly", "prioritization skills"),
}


@pytest.mark.parametrize(("duty", "skill"), VERB_OBJECTS.values(), ids=VERB_OBJECTS.keys())
def test_a_verb_and_its_object_name_a_skill(duty: str, skill: str, matcher: Matcher) -> None:
    assert skill in skills(read(f"You will\n- {duty}\n", matcher))


@pytest.mark.parametrize(
    ("duty", "not_a_skill"),
    [
        ("Spark curiosity in every learner", "Apache Spark"),  # a verb that is also a product's name
        ("Resolve customer complaints quickly", "DaVinci Resolve"),
        ("Interpret data and trends for the team", "language interpreting"),
        ("Present findings to senior leadership", "executive leadership"),  # who is told
        ("Report progress to the leadership team", "leadership"),
        ("Analyze sales data to identify trends", "sales"),  # what the data is about
        ("Monitor account health scores in Gainsight", "accounting"),  # a noun, not the verb of an activity
        ("Analyze monthly results against budget", "budgeting"),
        ("Service rooftop package units", "packaging"),
        ("Explain the variances in plain English", "English"),
        ("Communicate clearly with patients and front desk staff", "reception duties"),  # people
        ("Lead the contract negotiation with procurement", "procurement"),  # the other side
        ("Brief stakeholders up to and including senior leadership", "executive leadership"),
        ("Take on analysis requests from senior leadership", "leadership"),
        ("Answer questions from upper management", "management"),
    ],
)
def test_a_verb_a_product_shares_or_the_people_told_are_no_skill(
    duty: str, not_a_skill: str, matcher: Matcher
) -> None:
    assert not_a_skill not in skills(read(f"You will\n- {duty}\n", matcher))


def test_what_a_verb_of_telling_explains_is_still_read(matcher: Matcher) -> None:
    assert "Microsoft Excel" in skills(read("Duties\n- Explain to new staff how to use Excel\n", matcher))


def test_a_product_named_with_a_skills_word_is_the_product(matcher: Matcher) -> None:
    posting = "Preferred\n- A planning tool such as Anaplan, Adaptive Planning or Hyperion\n"
    found = asks(read(posting, matcher))
    assert ("Anaplan", "Oracle Hyperion") in found  # "Adaptive Planning" is a product, not planning
    listed = skills(read("Skills\n- Leadership, Strategic Planning, Budgeting\n", matcher))
    assert {"leadership", "strategic planning", "budgeting"} <= listed  # a list in capitals is not


def test_a_product_named_like_a_verb_still_counts_where_it_is_a_name(matcher: Matcher) -> None:
    found = skills(
        read("Requirements\n- Spark and Kafka experience\n- Sketch experience is a plus\n", matcher)
    )
    assert {"Apache Spark", "Apache Kafka", "Sketch"} <= found
    assert "Apache Spark" in skills(read("Duties\n- Spark jobs on Databricks\n", matcher))  # its own work
