"""Progress since last time: `report --since` reads a saved `--format json` result and shows what changed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap.errors import InputError
from skillgap.progress import Level, Saved, compare, find_person, saved_results
from tests.conftest import invoke

DATA = Path(__file__).parent / "data"
CORE = DATA / "core"
WORLD = (
    "--target", CORE / "role.yaml", "--catalog", CORE / "catalog.yaml", "--taxonomy", CORE / "skills.yaml"
)  # fmt: skip
BEFORE = (
    "name: Ana Lima\nskills:\n  - {name: sql, level: 1}\n  - {name: excel, level: 4}\n"
    "  - {name: Statistics, level: 2}\n"
)
AFTER = (
    "name: Ana Lima\nskills:\n  - {name: sql, level: 4}\n  - {name: excel, level: 4}\n"
    "  - {name: Statistics, level: 1}\ncredentials:\n  - {id: python-intro, earned: 2027-01}\n"
)


def test_since_shows_gaps_closed_levels_gained_credentials_earned_and_readiness(tmp_path: Path) -> None:
    profile = tmp_path / "ana.yaml"
    profile.write_text(BEFORE)
    saved = tmp_path / "last-time.json"
    assert invoke("analyze", profile, *WORLD, "--format", "json", "-o", saved).code == 0
    profile.write_text(AFTER)
    result = invoke("report", profile, *WORLD, "--since", saved)
    assert result.code == 0, result.err
    since = result.out.split("## Since last time\n", 1)[1].split("\n## ", 1)[0]
    # before: SQL 1x3 + Excel 3x3 + statistics 2x1 = 14 of 33; after: SQL 4x3 + Excel 9 + Python 2x2 + stats 1
    assert f"**Readiness:** 42% \u2192 {26 / 33:.0%} (+37 points)" in since
    assert "**Gaps closed:** SQL (now 4 of 4), Python (now 2 of 2)" in since
    assert "**Levels gained:** SQL 1\u21924, Python 0\u21922" in since
    assert "**Credentials earned:** Python Introduction" in since
    assert "**Levels lower than last time:** statistics 2\u21921" in since
    assert "**New gaps:** statistics (1 of 2)" in since
    assert "Since last time you closed SQL and Python: what helped" in result.out


def test_since_in_html_too(tmp_path: Path) -> None:
    profile = tmp_path / "ana.yaml"
    profile.write_text(BEFORE)
    saved = tmp_path / "last.json"
    assert invoke("analyze", profile, *WORLD, "--format", "json", "-o", saved).code == 0
    profile.write_text(AFTER)
    html = invoke("report", profile, *WORLD, "--since", saved, "--format", "html").out
    assert "Since last time</h2>" in html and "<strong>Gaps closed:</strong> SQL (now 4 of 4)" in html


def test_a_saved_cohort_result_gives_each_person_their_own_progress(tmp_path: Path) -> None:
    folder = tmp_path / "people"
    folder.mkdir()
    (folder / "ana.yaml").write_text(BEFORE)
    (folder / "bo.yaml").write_text("name: Bo\nskills: {SQL: 4}\n")
    saved = tmp_path / "cohort.json"
    assert invoke("cohort", folder, *WORLD, "--format", "json", "-o", saved).code == 0
    (folder / "ana.yaml").write_text(AFTER)
    (folder / "cy.yaml").write_text("name: Cy\nskills: {SQL: 2}\n")
    out = tmp_path / "reports"
    result = invoke("report", folder, *WORLD, "--since", saved, "--output-dir", out)
    assert result.code == 0, result.err
    assert "**Gaps closed:** SQL (now 4 of 4), Python (now 2 of 2)" in (out / "ana.md").read_text()
    assert "Nothing has changed since the saved result." in (out / "bo.md").read_text()
    assert "The saved result holds no result for Cy." in (out / "cy.md").read_text()


def test_since_with_a_file_that_is_not_a_saved_result_exits_2(write) -> None:  # type: ignore[no-untyped-def]
    profile = write("p.yaml", BEFORE)
    bad = write("bad.json", '{"schema": 1,\n "readiness": 0.5,\n "gaps": [{"skill": "SQL"]}\n')
    result = invoke("report", profile, *WORLD, "--since", bad)
    assert result.code == 2 and f"{bad}:3:" in result.err and "not valid JSON" in result.err
    wrong = write("wrong.json", json.dumps({"schema": 1, "readiness": 0.5, "gaps": [{"skill": "SQL"}]}))
    result = invoke("report", profile, *WORLD, "--since", wrong)
    assert result.code == 2 and "gaps[0]: 'current' must be a whole number" in result.err
    assert "skillgap analyze" in result.err  # says how to make a good one
    missing = invoke("report", profile, *WORLD, "--since", "nowhere.json")
    assert missing.code == 2 and "nowhere.json: no such file" in missing.err


def level(skill: str, current: int, required: int = 3) -> Level:
    return Level(skill, current, required, "essential")


def saved(*levels: Level, readiness: float = 0.5, held: tuple[str, ...] = (), target: str = "r") -> Saved:
    return Saved("P", "p.yaml", target, target, readiness, levels, held)


def test_compare_by_skill_in_todays_order() -> None:
    before = saved(level("A", 1), level("B", 3), level("C", 0), held=("x",))
    after = saved(level("C", 3), level("A", 2), level("B", 2), level("D", 0), held=("x", "y"), readiness=0.6)
    p = compare(before, after)
    assert [c.skill for c in p.closed] == ["C"]
    assert [(c.skill, c.before, c.after) for c in p.gained] == [("C", 0, 3), ("A", 1, 2)]
    assert [(c.skill, c.before, c.after) for c in p.lost] == [("B", 3, 2)]
    assert [c.skill for c in p.new_gaps] == ["B", "D"]  # B fell below; D was not required before
    assert p.earned == ("y",) and p.same_target and p.anything
    assert round(p.readiness_change, 2) == 0.1


def test_compare_says_when_the_target_changed_and_when_nothing_did() -> None:
    same = compare(saved(level("A", 1)), saved(level("A", 1)))
    assert not same.anything
    assert not compare(saved(level("A", 1)), saved(level("A", 1), target="other")).same_target


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "expected a JSON object"),
        ({"schema": 2}, "unknown format version"),
        ({"schema": 1, "readiness": 2}, "'readiness' must be a number from 0 to 1"),
        ({"schema": 1, "readiness": 0.1, "gaps": {}}, "'gaps' must be a list"),
        ({"schema": 1, "readiness": 0.1, "held": [1]}, "'held' must be a list of credential ids"),
        ({"schema": 1, "people": [{"readiness": 0.1, "met": [{"skill": ""}]}]}, "people[0].met[0]: 'skill'"),
    ],
)
def test_saved_results_are_checked(data: object, message: str) -> None:
    with pytest.raises(InputError, match=message.replace("[", r"\[").replace("]", r"\]")):
        saved_results(data, "f.json")


def test_find_person_by_file_then_file_name_then_name() -> None:
    people = [
        Saved("Ana", "old/ana.yaml", "r", "r", 0.1, (), ()),
        Saved("Bo", "bo.yaml", "r", "r", 0.1, (), ()),
        Saved("Bo", "other/bo2.yaml", "r", "r", 0.1, (), ()),
    ]
    assert find_person(people, "Ana", "old/ana.yaml") is people[0]
    assert find_person(people, "Renamed", "new/ana.yaml") is people[0]
    assert find_person(people, "Bo", "bo2.yaml") is people[2]
    assert find_person(people, "Bo", "elsewhere.yaml") is None  # two people named Bo: no guessing
    assert find_person(people, "Cy", "cy.yaml") is None


BO = "name: Bo Chen\nskills:\n  - {name: sql, level: 3}\n"


def test_since_refuses_another_persons_saved_result_and_says_how_to_override(tmp_path: Path) -> None:
    ana, bo = tmp_path / "ana.yaml", tmp_path / "bo.yaml"
    ana.write_text(AFTER)
    bo.write_text(BO)
    saved = tmp_path / "bo-last-time.json"
    assert invoke("analyze", bo, *WORLD, "--format", "json", "-o", saved).code == 0
    result = invoke("report", ana, *WORLD, "--since", saved)
    assert result.code == 2 and result.out == ""
    assert f"{saved}: was saved for Bo Chen ({bo}), not for Ana Lima ({ana})" in result.err
    assert "--since-other-person" in result.err
    anyway = invoke("report", ana, *WORLD, "--since", saved, "--since-other-person")
    assert anyway.code == 0, anyway.err
    note = f"Last time's result was saved for Bo Chen ({bo}): the figures before are another person's."
    assert note in anyway.out.replace("\\", "")  # Markdown escapes the path's underscores
    html = invoke("report", ana, *WORLD, "--since", saved, "--since-other-person", "--format", "html").out
    assert "another person&#x27;s" in html or "another person's" in html


def test_since_accepts_the_same_person_by_file_or_by_name(tmp_path: Path) -> None:
    profile = tmp_path / "ana.yaml"
    profile.write_text(BEFORE)
    saved = tmp_path / "last.json"
    assert invoke("analyze", profile, *WORLD, "--format", "json", "-o", saved).code == 0
    moved = tmp_path / "moved" / "ana-lima.yaml"  # another file, the same name inside
    moved.parent.mkdir()
    moved.write_text(AFTER)
    for path in (profile, moved):
        result = invoke("report", path, *WORLD, "--since", saved)
        assert result.code == 0, result.err
        assert "## Since last time" in result.out and "another person" not in result.out


def test_since_with_a_cohort_result_that_lacks_the_person_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "people"
    folder.mkdir()
    (folder / "bo.yaml").write_text(BO)
    (folder / "cy.yaml").write_text("name: Cy\nskills: {SQL: 2}\n")
    saved = tmp_path / "cohort.json"
    assert invoke("cohort", folder, *WORLD, "--format", "json", "-o", saved).code == 0
    ana = tmp_path / "ana.yaml"
    ana.write_text(AFTER)
    result = invoke("report", ana, *WORLD, "--since", saved)
    assert result.code == 2
    assert f"{saved}: holds no result for Ana Lima ({ana}) among its 2 people" in result.err
    # a group none of whom the saved result holds: each sheet says so, and stderr warns once
    group = tmp_path / "group"
    group.mkdir()
    (group / "ana.yaml").write_text(AFTER)
    (group / "dee.yaml").write_text("name: Dee\nskills: {SQL: 1}\n")
    result = invoke("report", group, *WORLD, "--since", saved)
    assert result.code == 0 and "holds a result for none of these 2 people" in result.err


def test_progress_knows_whether_the_saved_result_is_the_same_persons() -> None:
    before = Saved("Bo", "bo.yaml", "r", "r", 0.5, (), ())
    assert compare(before, Saved("Bo", "elsewhere/bo-chen.yaml", "r", "r", 0.5, (), ())).same_person
    assert compare(before, Saved("Ana", "x/bo.yaml", "r", "r", 0.5, (), ())).same_person  # same file name
    assert not compare(before, Saved("Ana", "ana.yaml", "r", "r", 0.5, (), ())).same_person


def test_check_person_refuses_another_persons_result_unless_told_to_compare_anyway() -> None:
    from skillgap.progress import check_person

    bo = [Saved("Bo", "team/bo.yaml", "r", "r", 0.5, (), ())]
    check_person(bo, "Bo", "elsewhere/bo.yaml", "last.json")  # the same file name: Bo's
    check_person(bo, "bo", "renamed.yaml", "last.json")  # the same name: Bo's
    with pytest.raises(InputError, match=r"was saved for Bo \(team/bo.yaml\), not for Ana \(ana.yaml\)"):
        check_person(bo, "Ana", "ana.yaml", "last.json")
    check_person(bo, "Ana", "ana.yaml", "last.json", anyone=True)
    two = [*bo, Saved("Cy", "cy.yaml", "r", "r", 0.5, (), ())]
    with pytest.raises(InputError, match="holds no result for Ana"):
        check_person(two, "Ana", "ana.yaml", "last.json", anyone=True)  # which of them? no guessing


def test_todays_result_is_what_a_saved_json_result_would_read() -> None:
    """`report --since` compares a saved result with today's analysis taken straight from the core: the
    two must agree on every figure the saved JSON document carries, or unchanged people would show
    progress (or lose it) by the reading alone."""
    from datetime import date

    from skillgap.person import analyse_person, load_person, load_target, names_to_resolve
    from skillgap.progress import saved_now
    from skillgap.render.analysis_doc import analysis_document
    from skillgap.world import open_world
    from tests.conftest import EXAMPLES

    world = open_world()
    checked = 0
    for path in sorted((EXAMPLES / "profiles").glob("*.yaml")):
        person = load_person(path, world)
        for role_id in ("instructional-designer", "data-analyst", "project-manager"):
            role = load_target(role_id, world)
            names = world.resolve(names_to_resolve([person], [role]))
            analysis = analyse_person(world, person, role, names, today=date(2026, 6, 1))
            document = json.loads(json.dumps(analysis_document(analysis, ())))
            assert saved_now(analysis) == saved_results(document, "saved.json")[0], (path, role_id)
            progress = compare(saved_results(document, "saved.json")[0], saved_now(analysis))
            assert not (progress.closed or progress.gained or progress.lost or progress.new_gaps)
            checked += 1
    assert checked >= 6
