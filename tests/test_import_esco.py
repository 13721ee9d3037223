"""`skillgap import esco` and `esco-role`: ESCO's CSV files into a taxonomy and a role that load."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from skillgap.importers.esco import ATTRIBUTION
from skillgap.load import load_role, load_taxonomies
from tests.conftest import invoke

DATA = Path(__file__).parent / "data" / "esco"
OCCUPATIONS = DATA / "occupations_en.csv"
RELATIONS = DATA / "occupationSkillRelations_en.csv"
SKILLS = DATA / "skills_en.csv"
ROLE_ARGS = (OCCUPATIONS, RELATIONS, "--skills", SKILLS, "--occupation", "data analyst")


def test_skills_become_a_taxonomy_with_aliases_and_uris(tmp_path: Path) -> None:
    out = tmp_path / "skills.yaml"
    result = invoke("import", "esco", SKILLS, "-o", out)
    assert result.code == 0, result.err
    taxonomy = load_taxonomies([out])
    by_name = {s.name: s for s in taxonomy.skills}
    sql = by_name["SQL"]
    # altLabels: one label per line inside one quoted cell; the label equal to the name is dropped, and the
    # second concept labelled "sql" is merged into the first, its alternative label kept
    assert sql.aliases == ("structured query language", "SQL querying", "SQL dialects")
    assert sql.id == "http://data.europa.eu/esco/skill/test-0001-sql"
    visualise = by_name["visualise data"]
    assert visualise.aliases == ("data visualisation", "data visualization", "present data visually")
    assert "a stray occupation row" not in by_name  # not a skill: left out, and said so
    assert "'Occupation' left out" in result.err and "merged" in result.err


def test_the_attribution_is_kept_in_every_esco_file(tmp_path: Path) -> None:
    taxonomy, role = tmp_path / "skills.yaml", tmp_path / "role.yaml"
    assert invoke("import", "esco", SKILLS, "-o", taxonomy).code == 0
    assert invoke("import", "esco-role", *ROLE_ARGS, "-o", role).code == 0
    for path in (taxonomy, role):
        text = path.read_text(encoding="utf-8")
        assert text.startswith(f"# {ATTRIBUTION}\n")
        assert ATTRIBUTION in text.split("\n", 1)[1]  # also in the data (`source`), not only a comment


def test_an_occupation_becomes_a_role_with_essential_and_optional_skills(tmp_path: Path) -> None:
    out = tmp_path / "data-analyst.yaml"
    result = invoke(
        "import", "esco-role", OCCUPATIONS, RELATIONS, "--skills", SKILLS, "--occupation", "data analyst",
        "--level", "2", "-o", out,
    )  # fmt: skip
    assert result.code == 0, result.err
    role = load_role(out)
    assert role.title == "data analyst" and role.id == "data-analyst"
    assert role.source_id == "http://data.europa.eu/esco/occupation/test-occ-data-analyst"
    got = {r.skill: (r.level, r.importance.value) for r in role.requirements}
    assert got == {
        "SQL": (2, "essential"),  # listed as essential and as optional: essential wins
        "statistics": (2, "essential"),
        "visualise data": (2, "essential"),
        "solve problems": (2, "nice-to-have"),
        "use spreadsheets software": (2, "nice-to-have"),
    }
    ids = {r.skill: r.id for r in role.requirements}
    assert ids["SQL"] == "http://data.europa.eu/esco/skill/test-0001-sql"
    assert "1 related skill left out: not in the skills file" in result.err


def test_occupations_are_found_by_alt_label_or_uri_and_ambiguity_is_refused() -> None:
    by_alt = invoke("import", "esco-role", OCCUPATIONS, RELATIONS, "--skills", SKILLS,
                    "--occupation", "Data Analysis Specialist")  # fmt: skip
    assert by_alt.code == 0 and "title: data analyst" in by_alt.out
    by_uri = invoke("import", "esco-role", OCCUPATIONS, RELATIONS, "--skills", SKILLS,
                    "--occupation", "http://data.europa.eu/esco/occupation/test-occ-ict-ba")  # fmt: skip
    assert by_uri.code == 0 and "title: ICT business analyst" in by_uri.out
    shared = invoke("import", "esco-role", OCCUPATIONS, RELATIONS, "--occupation", "information analyst")
    assert shared.code == 2 and "names several occupations" in shared.err
    typo = invoke("import", "esco-role", OCCUPATIONS, RELATIONS, "--occupation", "data analist")
    assert typo.code == 2 and "did you mean 'data analyst'" in typo.err


def test_relations_that_carry_labels_need_no_skills_file(write: Any) -> None:
    relations = write(
        "relations.csv",
        "occupationUri,occupationLabel,relationType,skillType,skillUri,skillLabel\n"
        "http://data.europa.eu/esco/occupation/test-occ-ict-ba,ICT business analyst,essential,"
        "skill/competence,http://data.europa.eu/esco/skill/x,model business processes\n",
    )
    result = invoke("import", "esco-role", OCCUPATIONS, relations, "--occupation", "ICT business analyst")
    assert result.code == 0, result.err
    assert "skill: model business processes" in result.out


def test_the_wrong_file_is_named_with_what_was_expected() -> None:
    result = invoke("import", "esco", RELATIONS)
    assert result.code == 2
    assert f"{RELATIONS}:1:1: missing column 'conceptUri'" in result.err and "skills file" in result.err
    result = invoke("import", "esco-role", SKILLS, RELATIONS, "--occupation", "data analyst")
    assert result.code == 2 and "no occupation is called" in result.err


def test_a_badge_aligned_to_an_esco_uri_matches_by_id_in_analyze(write: Any, tmp_path: Path) -> None:
    """Ids before names: the badge calls the skill something the taxonomy does not know, by the same URI."""
    taxonomy, role, catalog = tmp_path / "skills.yaml", tmp_path / "role.yaml", tmp_path / "badges.yaml"
    assert invoke("import", "esco", SKILLS, "-o", taxonomy).code == 0
    assert invoke("import", "esco-role", *ROLE_ARGS, "-o", role).code == 0
    badge = write(
        "badge.json",
        '{"type": "Achievement", "id": "urn:x:rdb", "name": "Relational Databases",'
        ' "creator": {"name": "Org"}, "alignment": [{"targetName": "Querying relational stores",'
        ' "targetUrl": "https://data.europa.eu/esco/skill/test-0001-sql"}]}',
    )
    assert invoke("import", "openbadges", badge, "-o", catalog).code == 0
    profile = write("me.yaml", "name: Sam\nskills: {statistics: 3}\n")
    result = invoke("analyze", profile, "--target", role, "--catalog", catalog, "--taxonomy", taxonomy,
                    "--format", "json")  # fmt: skip
    assert result.code == 0, result.err
    (rec,) = result.json()["recommendations"]
    assert rec["title"] == "Relational Databases"
    assert [c["skill"] for c in rec["closes"]] == ["SQL"]


def test_a_relations_file_without_skill_labels_asks_for_the_skills_file(write: Any) -> None:
    """Issue 14, item 16: without --skills the skills have no names; the relations file is not to blame."""
    result = invoke("import", "esco-role", OCCUPATIONS, RELATIONS, "--occupation", "data analyst")
    assert result.code == 2 and result.out == ""
    (line,) = result.err.splitlines()
    assert line.startswith(f"error: {RELATIONS}: the ") and "related to 'data analyst' have no names" in line
    assert "this relations file has no skillLabel column" in line
    assert line.endswith("(pass ESCO's skills file for their names: --skills skills_en.csv)")
    assert "no skill is related" not in line


def test_a_skills_file_that_names_none_of_the_skills_says_so(write: Any) -> None:
    other = write(
        "skills.csv",
        "conceptType,conceptUri,preferredLabel,altLabels\n"
        "KnowledgeSkillCompetence,http://data.europa.eu/esco/skill/elsewhere,something else,\n",
    )
    args = (OCCUPATIONS, RELATIONS, "--skills", other, "--occupation", "data analyst")
    result = invoke("import", "esco-role", *args)
    assert result.code == 2
    assert "is in the skills file (--skills)" in result.err and "same ESCO release" in result.err
