"""`skillgap import onet`: O*NET's tab-separated ratings and technology files into a role that loads."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from skillgap.importers.onet import ATTRIBUTION, importance_of, level_of
from skillgap.load import load_role
from tests.conftest import invoke

DATA = Path(__file__).parent / "data" / "onet"
SKILLS = DATA / "Skills.txt"
TECHNOLOGY = DATA / "Technology Skills.txt"
OCCUPATIONS = DATA / "Occupation Data.txt"


@pytest.mark.parametrize(
    ("rating", "expected"), [(0.0, 0), (1.0, 1), (3.5, 3), (4.88, 3), (5.12, 4), (7.0, 5)]
)
def test_levels_0_to_7_map_onto_0_to_5_rounding_half_up(rating: float, expected: int) -> None:
    assert level_of(rating) == expected  # 3.5 x 5/7 = 2.5 rounds up to 3


@pytest.mark.parametrize(
    ("rating", "expected"),
    [(5.0, "essential"), (4.0, "essential"), (3.99, "important"), (3.0, "important"), (2.5, "nice-to-have"),
     (1.99, None)],
)  # fmt: skip
def test_importance_1_to_5_maps_onto_skillgap_importance(rating: float, expected: str | None) -> None:
    assert importance_of(rating) == expected


def test_an_occupation_becomes_a_role(tmp_path: Path) -> None:
    out = tmp_path / "data-scientist.yaml"
    files = (SKILLS, TECHNOLOGY, OCCUPATIONS)
    result = invoke("import", "onet", *files, "--occupation", "15-2051.00", "-o", out)
    assert result.code == 0, result.err
    role = load_role(out)
    assert (role.title, role.source_id) == ("Data Scientists", "15-2051.00")
    got = {r.skill: (r.level, r.importance.value) for r in role.requirements}
    assert got == {
        "Mathematics": (4, "essential"),  # IM 4.25, LV 5.12
        "Programming": (3, "essential"),  # IM 4.12, LV 4.88
        "Critical Thinking": (3, "important"),
        "Reading Comprehension": (3, "important"),
        "Speaking": (3, "important"),  # LV 3.50 -> 2.5 -> 3
        "Python": (3, "important"),  # in demand
        "Structured query language SQL": (3, "important"),
        "Tableau": (3, "nice-to-have"),  # hot technology, not in demand
    }  # Writing (IM 2.88), Science (1.75), Equipment Maintenance (not relevant) and Apache Spark are left out
    assert [r.skill for r in role.requirements][:2] == ["Mathematics", "Programming"]  # most important first
    assert {r.skill: r.id for r in role.requirements}["Programming"] == "2.B.3.e"
    assert "3 elements rated below importance 3" in result.err


def test_options_widen_the_role(tmp_path: Path) -> None:
    options = ("--min-importance", "2", "--all-technology", "--level", "2")
    result = invoke("import", "onet", SKILLS, TECHNOLOGY, "--occupation", "15-2051.00", *options)
    assert result.code == 0, result.err
    assert "skill: Writing\n  level: 3\n  importance: nice-to-have" in result.out
    assert "skill: Apache Spark\n  level: 2\n  importance: nice-to-have" in result.out
    assert "Science" not in result.out  # below "somewhat important" whatever the minimum
    assert "title: O*NET-SOC 15-2051.00" in result.out  # no Occupation Data file: the code stands in


def test_the_attribution_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "role.yaml"
    result = invoke("import", "onet", SKILLS, OCCUPATIONS, "--occupation", "Software Developers", "-o", out)
    assert result.code == 0, result.err
    text = out.read_text(encoding="utf-8")
    assert "CC BY 4.0" in text.split("title:")[0] and "has modified" in text.split("title:")[0]
    assert load_role(out).source is not None and ATTRIBUTION in (load_role(out).source or "")


def test_several_occupations_need_a_choice_and_an_unknown_one_is_refused() -> None:
    result = invoke("import", "onet", SKILLS)
    assert result.code == 2 and "2 occupations" in result.err and "--occupation" in result.err
    result = invoke("import", "onet", SKILLS, "--occupation", "15-2051.01")
    assert result.code == 2 and "did you mean 15-2051.00" in result.err


def test_a_file_of_another_kind_is_refused_with_its_columns(write: Any) -> None:
    other = write("Tasks.txt", "O*NET-SOC Code\tTask ID\tTask\n15-2051.00\t1\tClean data\n")
    result = invoke("import", "onet", other)
    assert result.code == 2 and "not an O*NET Skills" in result.err and "Task ID" in result.err


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400", "9", "-1"])
@pytest.mark.parametrize("scale", ["IM", "LV"])
def test_a_rating_that_cannot_be_one_leaves_the_element_out(write: Any, value: str, scale: str) -> None:
    """Issue 20: NaN, infinity or a value off O*NET's scale used to crash the importer (exit 1)."""
    lines = SKILLS.read_text(encoding="utf-8").splitlines()
    programming = [i for i, line in enumerate(lines) if "\tProgramming\t" in line and f"\t{scale}\t" in line]
    cells = lines[programming[0]].split("\t")
    cells[4] = value
    lines[programming[0]] = "\t".join(cells)
    skills = write("Skills.txt", "\n".join(lines) + "\n")
    result = invoke("import", "onet", skills, "--occupation", "15-2051.00")
    assert result.code == 0, result.err
    assert "skill: Programming" not in result.out and "skill: " in result.out
