"""`skillgap cohort`: a trainer's view of many people against one role, with broken files left out."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Result, invoke

DATA = Path(__file__).parent / "data"
CORE = DATA / "core"
PEOPLE = DATA / "cohort" / "profiles"
WORLD = (
    "--target",
    CORE / "role.yaml",
    "--catalog",
    CORE / "catalog.yaml",
    "--taxonomy",
    CORE / "skills.yaml",
)


def cohort(*extra: str | Path, paths: tuple[str | Path, ...] = (PEOPLE,)) -> Result:
    return invoke("cohort", *paths, *WORLD, *extra)


def test_json_has_people_common_gaps_shared_recommendations_and_errors() -> None:
    result = cohort("--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert [p["name"] for p in data["people"]] == ["Ana Lima", "Ben Okoro", "Cara Dunne", "Dev Patel"]
    ana = data["people"][0]
    # weighted levels met / required: SQL 1x3 + Excel 3x3 + statistics 2x1 = 14 of 4x3 + 3x3 + 2x2 + 3x2 + 2x1
    assert ana["file"].endswith("ana.yaml") and ana["readiness"] == round(14 / 33, 4)
    assert [(g["skill"], g["current"], g["required"]) for g in ana["gaps"]] == [
        ("SQL", 1, 4),
        ("data visualization", 0, 3),
        ("Python", 0, 2),
    ]
    common = [(g["skill"], g["people"]) for g in data["common_gaps"]]
    assert common == [("SQL", 3), ("data visualization", 3), ("Excel", 2), ("Python", 2), ("statistics", 2)]
    assert data["common_gaps"][0]["names"] == ["Ana Lima", "Cara Dunne", "Dev Patel"]
    shared = [(r["id"], r["helps"]) for r in data["shared_recommendations"]]
    assert shared == [
        ("data-viz", 3),
        ("sql-pro", 2),
        ("same-as-sql-basics", 2),
        ("sql-basics", 2),
        ("python-intro", 1),
        ("stats-101", 1),
    ]
    viz = data["shared_recommendations"][0]
    assert viz["people"] == ["Ana Lima", "Ben Okoro", "Dev Patel"]
    assert viz["cost_per_person_helped"] == 250 and viz["total_cost"] == 750
    assert viz["estimated"] == ["cost"]
    [error] = data["errors"]
    assert error["file"].endswith("broken.yaml") and error["line"] == 3
    assert "out of range" in error["message"]


def test_shared_recommendations_respect_what_each_person_holds_and_prefers() -> None:
    data = cohort("--format", "json").json()
    by_id = {r["id"]: r for r in data["shared_recommendations"]}
    # Cara holds python-intro; Dev only takes in-person courses, so the online ones do not count for him.
    assert by_id["python-intro"]["people"] == ["Ana Lima"]
    assert "Dev Patel" not in by_id["sql-basics"]["people"]
    assert "Dev Patel" in by_id["data-viz"]["people"]  # the in-person one


def test_a_broken_profile_is_reported_by_file_and_line_and_the_rest_are_analysed() -> None:
    result = cohort()
    assert result.code == 0
    assert f"error: {PEOPLE / 'broken.yaml'}:3:" in result.err
    assert "1 of 5 profiles could not be read" in result.err
    assert "Traceback" not in result.err
    assert "Ana Lima" in result.out and "Dev Patel" in result.out
    assert "Broken Profile" not in result.out


def test_missing_file_among_others_is_reported_not_fatal() -> None:
    result = cohort("--format", "json", paths=(PEOPLE / "ana.yaml", PEOPLE / "nobody.yaml"))
    assert result.code == 0, result.err
    data = result.json()
    assert [p["name"] for p in data["people"]] == ["Ana Lima"]
    [error] = data["errors"]
    assert error["file"].endswith("nobody.yaml") and "no such file" in error["message"]


def test_no_profile_loads_exits_2() -> None:
    result = cohort(paths=(PEOPLE / "broken.yaml",))
    assert result.code == 2
    assert result.err.startswith(f"error: {PEOPLE / 'broken.yaml'}:3:24:") and "out of range" in result.err
    assert result.err.count("broken.yaml:3:24") == 1 and result.out == ""


def test_heat_map_shows_numbers_not_only_colour() -> None:
    out = cohort().out
    assert "\x1b[" not in out  # NO_COLOR (set for every test) and not a terminal
    row = next(line for line in out.splitlines() if line.strip().startswith("Dev Patel"))
    # Dev: SQL 0 of 4, Excel 1 of 3, Python 0 of 2, data visualization 0 of 3, statistics 0 of 2.
    assert row.split()[2:] == ["9%", "0/4", "1/3", "0/2", "0/3", "0/2"]
    ana = next(line for line in out.splitlines() if line.strip().startswith("Ana Lima"))
    assert ana.split()[2:] == ["42%", "1/4", "4", "\u2713", "0/2", "0/3", "2", "\u2713"]


def test_heat_map_colours_cells_by_the_gap_when_colour_is_on() -> None:
    import io

    from rich.console import Console

    from skillgap.cli.people import analyse_people
    from skillgap.render.cohort_table import heat_style, render_matrix

    group, _ = analyse_people(
        [PEOPLE / "ana.yaml"], str(CORE / "role.yaml"), [CORE / "catalog.yaml"], [CORE / "skills.yaml"]
    )
    console = Console(file=io.StringIO(), force_terminal=True, color_system="truecolor", width=120)
    render_matrix(console, group)
    text = console.file.getvalue()  # type: ignore[attr-defined]
    assert "\x1b[" in text
    assert heat_style(0) != heat_style(-1) != heat_style(-2) != heat_style(-3)
    assert heat_style(1) == heat_style(0)


def test_csv_has_one_row_per_person_and_requirement() -> None:
    import csv
    import io

    result = cohort("--format", "csv")
    assert result.code == 0, result.err
    rows = list(csv.DictReader(io.StringIO(result.out)))
    assert len(rows) == 4 * 5
    dev_sql = next(r for r in rows if r["name"] == "Dev Patel" and r["skill"] == "SQL")
    assert (dev_sql["current"], dev_sql["required"], dev_sql["gap"], dev_sql["importance"]) == (
        "0",
        "4",
        "4",
        "essential",
    )


def test_text_from_files_is_not_markup(write) -> None:  # type: ignore[no-untyped-def]
    person = write("p.yaml", 'name: "[bold red]Eve[/] \\x1b[2J"\nskills: {SQL: 1}\n')
    result = cohort(paths=(person,))
    assert result.code == 0, result.err
    assert "[bold red]Eve[/]" in result.out and "\x1b[2J" not in result.out


def test_output_file_is_never_replaced_without_force(tmp_path: Path) -> None:
    target = tmp_path / "cohort.json"
    assert cohort("--format", "json", "-o", target).code == 0
    target.write_text("keep")
    assert cohort("--format", "json", "-o", target).code == 2
    assert target.read_text() == "keep"


def test_people_who_share_a_name_are_told_apart_by_file(write) -> None:  # type: ignore[no-untyped-def]
    a = write("sam-ops.yaml", "name: Sam Lee\nskills: {SQL: 1}\n")
    b = write("sam-hr.yaml", "name: Sam Lee\nskills: {SQL: 4}\n")
    out = cohort(paths=(a, b)).out
    assert "Sam Lee (sam-hr)" in out and "Sam Lee (sam-ops)" in out


def test_matrix_cells_sit_under_their_columns() -> None:
    import io

    from rich.console import Console

    from skillgap.cli.people import analyse_people
    from skillgap.render.cohort_table import render_matrix

    group, _ = analyse_people(
        [PEOPLE], str(CORE / "role.yaml"), [CORE / "catalog.yaml"], [CORE / "skills.yaml"]
    )
    console = Console(file=io.StringIO(), width=100, color_system=None)
    render_matrix(console, group)
    lines = console.file.getvalue().splitlines()  # type: ignore[attr-defined]
    rows = [line for line in lines if line.startswith(("Ana", "Ben", "Cara", "Dev"))]
    header = next(line for line in lines if "SQL" in line)
    # every cell sits under its column's heading
    for row in rows:
        assert row[header.index("SQL") - 1 : header.index("SQL") + 4].strip() in {
            "1/4",
            "4 \u2713",
            "2/4",
            "0/4",
        }


def test_hidden_files_and_editor_leftovers_in_a_folder_are_not_profiles(tmp_path: Path) -> None:
    folder = tmp_path / "group"
    (folder / "team").mkdir(parents=True)
    (folder / ".git").mkdir()
    person = "name: {}\nskills: {{SQL: 2}}\n"
    (folder / "ana.yaml").write_text(person.format("Ana"))
    (folder / "team" / "bo.yml").write_text(person.format("Bo"))
    leftovers = {
        ".hidden.yaml": "Hidden",
        ".#ana.yaml": "Emacs lock",
        "#ana.yaml#": "Emacs autosave",
        "ana.yaml~": "Backup",
        ".ana.yaml.swp": "Vim swap",
        "~$ana.yaml": "Office lock",
        ".git/config.yaml": "In a hidden folder",
    }
    for name, who in leftovers.items():
        (folder / name).write_text(person.format(who))
    result = cohort("--format", "json", paths=(folder,))
    assert result.code == 0, result.err
    assert [p["name"] for p in result.json()["people"]] == ["Ana", "Bo"]
    assert result.err == ""
    # a hidden file named on its own is still read: the person asked for it
    named = cohort("--format", "json", paths=(folder / ".hidden.yaml",))
    assert [p["name"] for p in named.json()["people"]] == ["Hidden"]


def test_people_are_sorted_as_people_read_numbers(tmp_path: Path) -> None:
    folder = tmp_path / "group"
    folder.mkdir()
    for n in (10, 2, 1, 21):
        (folder / f"p{n}.yaml").write_text(f"name: Person {n}\nskills: {{SQL: 2}}\n")
    (folder / "lower.yaml").write_text("name: person 3\nskills: {SQL: 2}\n")
    result = cohort("--format", "json", paths=(folder,))
    assert result.code == 0, result.err
    names = [p["name"] for p in result.json()["people"]]
    assert names == ["Person 1", "Person 2", "person 3", "Person 10", "Person 21"]
    table = cohort(paths=(folder,)).out
    assert [table.index(n) for n in names] == sorted(table.index(n) for n in names)


def test_natural_key_compares_digit_runs_as_numbers() -> None:
    from skillgap.cohort.build import natural_key

    names = ["Team B 10", "team b 9", "Team A 100", "Team A 20", "x" + "9" * 5000, "x1"]
    assert sorted(names, key=natural_key) == [
        "Team A 20", "Team A 100", "team b 9", "Team B 10", "x1", "x" + "9" * 5000,
    ]  # fmt: skip
    assert natural_key("Person 02") == natural_key("person 2")


PREREQUISITE_CATALOG = (
    "credentials:\n"
    "  - {id: intro, title: SQL Intro, provider: P, skills: [{name: statistics, level: 1}], cost: 100,"
    " hours: 10}\n"
    "  - {id: advanced, title: SQL Advanced, provider: P, skills: [{name: SQL, level: 4}], cost: 300,"
    " hours: 30, prerequisites: [intro]}\n"
    "  - {id: direct, title: SQL Direct, provider: Q, skills: [{name: SQL, level: 4}], cost: 320,"
    " hours: 40}\n"
)


def prerequisite_cohort(tmp_path: Path, *extra: str) -> Result:
    catalog = tmp_path / "catalog.yaml"
    catalog.write_text(PREREQUISITE_CATALOG)
    folder = tmp_path / "people"
    folder.mkdir()
    (folder / "ana.yaml").write_text("name: Ana\nskills: {SQL: 1}\n")
    (folder / "bo.yaml").write_text("name: Bo\nskills: {SQL: 1}\ncredentials: [intro]\n")
    args = ("--target", CORE / "role.yaml", "--catalog", catalog, "--taxonomy", CORE / "skills.yaml")
    return invoke("cohort", folder, *args, *extra)


def test_shared_recommendations_count_the_prerequisites_each_person_lacks(tmp_path: Path) -> None:
    result = prerequisite_cohort(tmp_path, "--format", "json")
    assert result.code == 0, result.err
    shared = {r["id"]: r for r in result.json()["shared_recommendations"]}
    advanced = shared["advanced"]
    # Ana takes intro (100, 10 h) then advanced (300, 30 h); Bo holds intro and takes advanced only
    assert advanced["needs_first"] == [{"id": "intro", "title": "SQL Intro", "people": 1}]
    assert (advanced["total_cost"], advanced["cost_per_person_helped"]) == (700, 350)
    assert (advanced["total_hours"], advanced["hours_per_person_helped"]) == (70, 35)
    assert advanced["cost"] == 300  # the credential's own price stays as the catalog gives it
    direct = shared["direct"]
    assert (direct["needs_first"], direct["total_cost"], direct["hours_per_person_helped"]) == ([], 640, 40)
    # both close the same gap for both people: the cheaper per person, prerequisites included, ranks first
    assert [r["id"] for r in result.json()["shared_recommendations"]][:2] == ["direct", "advanced"]


def test_the_cohort_table_says_a_prerequisite_comes_first(tmp_path: Path) -> None:
    result = prerequisite_cohort(tmp_path)
    assert result.code == 0, result.err
    row = result.out.split("SQL Advanced", 1)[1].split("SQL Direct", 1)[0]
    words = " ".join(word for word in row.split() if word != "\u2502")  # the cells' text, borders taken out
    assert "needs SQL Intro (1 of 2) first; counted in cost and hours" in words
    assert words.startswith("2 of 2 SQL (2) 350")  # the figures column: per person, total, hours per person
    figures = [w for w in words.split("SQL (2)", 1)[1].split(" 3 ", 1)[0].split() if w.isdigit()]
    assert figures == ["350", "700", "35"], words


def test_shared_recommendation_figures_at_the_core() -> None:
    from skillgap.cohort.shared import SharedRecommendation
    from skillgap.model import Credential, CredentialSkill

    first = Credential("a", "A", "P", (CredentialSkill("x", 1),), cost=100.0, hours=10.0)
    then = Credential("b", "B", "P", (CredentialSkill("x", 3),), cost=300.0, hours=None, prerequisites=("a",))
    rec = SharedRecommendation(1, then, (0, 1, 2), (("x", 3),), 9, first=((first,), (), (first,)))
    assert rec.total_cost == 1100 and rec.cost_per_person_helped == pytest.approx(1100 / 3)
    assert rec.total_hours is None and rec.hours_per_person_helped is None  # an hour figure is unknown
    assert rec.needs_first == ((first, 2),)


def test_expand_paths_skips_leftovers_only_inside_folders(tmp_path: Path) -> None:
    from skillgap.load.paths import expand_paths, left_behind

    assert [n for n in ("a.yaml", ".a.yaml", "a.yaml~", "#a.yaml#", ".#a.yaml", "~$a.yaml", "a~b.yaml")
            if not left_behind(n)] == ["a.yaml", "a~b.yaml"]  # fmt: skip
    (tmp_path / "keep").mkdir()
    (tmp_path / ".cache").mkdir()
    for name in ("keep/a.yaml", ".cache/b.yaml", ".c.yaml", "d.json"):
        (tmp_path / name).write_text("{}")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])] == ["d.json", "keep/a.yaml"]
    assert expand_paths([tmp_path / ".c.yaml"]) == [tmp_path / ".c.yaml"]
