"""The trainer's job end to end: a folder of 30 profiles, one broken, against a bundled role and the bundled
catalog: the matrix and shared recommendations with one command, one sheet per person with another."""

from __future__ import annotations

import io
import random
import sys
from pathlib import Path

import pytest

from tests.conftest import invoke

ROLE = "instructional-designer"
SKILLS = (
    "instructional design", "needs analysis", "adult learning theory", "storyboarding", "assessment design",
    "e-learning development", "Storyline 360", "learning evaluation", "stakeholder mgmt", "accessibility",
    "Project mgmt", "generative AI", "public speaking", "MS Excel", "facilitation", "coaching skills",
)  # fmt: skip


def make_folder(folder: Path, people: int, seed: int = 30) -> None:
    rng = random.Random(seed)
    folder.mkdir()
    for i in range(people):
        skills = rng.sample(SKILLS, rng.randint(3, 10))
        lines = [f"name: Person {i:02d}", "skills:"] + [
            f'  - {{name: "{s}", level: {rng.randint(0, 5)}}}' for s in skills
        ]
        (folder / f"person-{i:02d}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (folder / "person-07.yaml").write_text("name: Person 07\nskills:\n  - {name: SQL, level: expert-ish}\n")


def test_thirty_profiles_one_broken_matrix_recommendations_and_a_sheet_each(tmp_path: Path) -> None:
    folder = tmp_path / "group"
    make_folder(folder, 30)

    result = invoke("cohort", folder, "--target", ROLE, "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert len(data["people"]) == 29
    assert [e["file"] for e in data["errors"]] == [str(folder / "person-07.yaml")]
    assert data["errors"][0]["line"] == 3 and "person-07.yaml:3:" in result.err
    assert data["common_gaps"] and data["shared_recommendations"]
    top = data["shared_recommendations"][0]
    assert 1 <= top["helps"] <= 29 and top["helps"] == len(top["people"])
    helps = [r["helps"] for r in data["shared_recommendations"]]
    assert helps == sorted(helps, reverse=True)

    table = invoke("cohort", folder, "--target", ROLE)
    assert table.code == 0 and "Person 00" in table.out and "Person 29" in table.out

    out = tmp_path / "reports"
    sheets = invoke("report", folder, "--target", ROLE, "--format", "html", "--output-dir", out)
    assert sheets.code == 0, sheets.err
    files = sorted(p.name for p in out.iterdir())
    assert len(files) == 30 and "cohort.html" in files and "person-07.html" not in files
    assert "Coaching sheet: Person 12" in (out / "person-12.html").read_text(encoding="utf-8")


def test_help_for_the_trainer_commands_imports_nothing_heavy() -> None:
    from tests.test_startup import HEAVY, loaded_modules

    for command in ("cohort", "report", "compare"):
        loaded = loaded_modules(command, "--help")
        assert not [m for m in HEAVY if m in loaded], command


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_only_on_a_terminal_and_only_for_many_profiles(monkeypatch: pytest.MonkeyPatch) -> None:
    from skillgap.cli.people import PROGRESS_THRESHOLD, progress

    monkeypatch.setattr(sys, "stderr", Terminal())
    with progress(PROGRESS_THRESHOLD, "Reading profiles") as tick:
        assert tick is None  # a handful: no bar
    with progress(PROGRESS_THRESHOLD + 1, "Reading profiles") as tick:
        assert tick is not None
        for _ in range(PROGRESS_THRESHOLD + 1):
            tick()
    assert "Reading profiles" in sys.stderr.getvalue()  # type: ignore[attr-defined]
    monkeypatch.setattr(sys, "stderr", io.StringIO())  # not a terminal: never a bar
    with progress(1000, "Reading profiles") as tick:
        assert tick is None


def test_no_progress_bar_in_captured_stderr(tmp_path: Path) -> None:
    folder = tmp_path / "group"
    make_folder(folder, 25)
    result = invoke("cohort", folder, "--target", ROLE, "--format", "json")
    assert "Reading profiles" not in result.err
