"""Level words: the words people write for a level, read the same by every reader, and the suggestion for a
mistyped one never pointing at another level."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skillgap.importers.words import level_in_words
from skillgap.levels import LEVEL_NAMES, level_in_text, level_named, suggest_level
from skillgap.load import load_catalogs, load_profile, load_role
from skillgap.load.fields import parse_level
from tests.conftest import invoke

# The words the issue asks for, at the levels a user means by them.
COMMON = {
    "none": 0,
    "novice": 1,
    "basic": 1,
    "awareness": 1,
    "beginner": 2,
    "advanced beginner": 2,
    "elementary": 2,
    "intermediate": 3,
    "competent": 3,
    "working": 3,
    "advanced": 4,
    "proficient": 4,
    "expert": 5,
    "master": 5,
}
BADGES = Path(__file__).parent / "data" / "openbadges"
NEGATIONS = ("in", "un", "non-", "non ", "not ", "im", "no ")


@pytest.mark.parametrize(("word", "level"), COMMON.items())
def test_common_level_words_in_any_case(word: str, level: int) -> None:
    for written in (word, word.upper(), word.title(), f"  {word.replace(' ', '-')} "):
        assert parse_level(written) == (level, ""), written


def test_a_profile_and_a_role_read_the_words_people_write(write) -> None:  # type: ignore[no-untyped-def]
    profile = write(
        "p.yaml",
        "name: Ann\nskills:\n  SQL: Intermediate\n  Excel: basic\n  Python: ADVANCED\n  R: working\n",
    )
    levels = {s.name: s.level for s in load_profile(profile).skills}
    assert levels == {"SQL": 3, "Excel": 1, "Python": 4, "R": 3}
    role = write(
        "r.yaml",
        "title: Analyst\nrequirements:\n  - {skill: SQL, level: Master}\n  - {skill: R, level: elementary}\n",
    )
    assert {r.skill: r.level for r in load_role(role).requirements} == {"SQL": 5, "R": 2}
    result = invoke("validate", profile, role)
    assert result.code == 0, result.err


def test_advanced_is_proficient_not_the_advanced_beginner(write) -> None:  # type: ignore[no-untyped-def]
    assert parse_level("advanced") == (4, "")
    path = write("p.yaml", "name: Ann\nskills:\n  SQL: advnced\n")
    result = invoke("validate", path)
    assert result.code == 2
    assert f"{path}:3:8:" in result.err
    assert "unknown level 'advnced' (did you mean 'advanced', level 4?)" in result.err
    assert "advanced beginner'" not in result.err


@pytest.mark.parametrize("word", sorted(w for w in LEVEL_NAMES if len(w.replace(" ", "")) >= 6))
def test_a_mistyped_level_word_is_suggested_at_its_own_level(word: str) -> None:
    """Every one-letter slip inside a word (a letter dropped or doubled) is read back as that word's level."""
    for k in range(1, len(word) - 1):
        if word[k] == " ":
            continue
        for typo in (word[:k] + word[k + 1 :], word[:k] + word[k] + word[k:]):
            level, message = parse_level(typo)
            assert level is None and "did you mean" in message, typo
            suggestion = suggest_level(typo)
            assert suggestion is not None and LEVEL_NAMES[suggestion] == LEVEL_NAMES[word], (typo, suggestion)


@pytest.mark.parametrize("word", sorted(LEVEL_NAMES))
def test_a_negated_level_word_is_never_suggested_as_that_level(word: str) -> None:
    for prefix in NEGATIONS:
        written = prefix + word
        if level_named(written) is not None:
            continue
        suggestion = suggest_level(written)
        assert suggestion is None, (written, suggestion)


def test_two_levels_in_one_phrase_get_no_suggestion() -> None:
    assert suggest_level("expert beginner") is None
    assert suggest_level("basic advanced") is None
    assert suggest_level("advanced beginer") == "advanced beginner"  # the written level word is kept


@pytest.mark.parametrize(("word", "level"), LEVEL_NAMES.items())
def test_one_table_for_every_reader(word: str, level: int) -> None:
    """What a profile reads a word as, an imported badge's rubric level reads it as too."""
    assert parse_level(word.title()) == (level, "")
    assert level_in_words(word.title()) == level
    if word != "none":
        assert level_in_words(f"Rubric level: {word.title()} (see criteria)") == level


def test_a_free_text_level_is_its_longest_phrase() -> None:
    assert level_in_text("Level: Advanced Beginner") == 2
    assert level_in_text("advanced") == 4
    assert level_in_text("no level stated") is None


@pytest.mark.parametrize(
    ("name", "level"),
    [("Basic", 1), ("Intermediate", 3), ("Advanced", 4), ("Stage 2: Advanced Beginner", 2), ("Master", 5)],
)
def test_an_imported_badge_reads_its_rubric_level_as_a_profile_would(
    tmp_path: Path, name: str, level: int
) -> None:
    """The Open Badges importer used to read "Basic" as 2 and "Stage 2: Advanced Beginner" as 4."""
    badge = json.loads((BADGES / "ob3-achievement.json").read_text(encoding="utf-8"))
    rubric = badge["resultDescription"][0]["rubricCriterionLevel"]
    required = badge["resultDescription"][0]["requiredLevel"]
    for entry in rubric:
        if entry["id"] == required:
            entry["level"] = entry["name"] = name
    path = tmp_path / "badge.json"
    path.write_text(json.dumps(badge), encoding="utf-8")
    out = tmp_path / "catalog.yaml"
    result = invoke("import", "openbadges", path, "-o", out)
    assert result.code == 0, result.err
    (credential,) = load_catalogs([out]).credentials
    assert {s.name: s.level for s in credential.skills}["SQL"] == level
