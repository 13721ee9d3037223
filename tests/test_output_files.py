"""Output files: whole or not at all, with the permissions a user expects, and `-o -` meaning stdout."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, invoke

CORE = ROOT / "tests" / "data" / "core"
WORLD = ("--catalog", CORE / "catalog.yaml", "--taxonomy", CORE / "skills.yaml")

posix_only = pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")


def analyze_to(output: Path | str, *extra: str) -> list[str | Path]:
    return ["analyze", CORE / "profile.yaml", "--target", CORE / "role.yaml", *WORLD, "-f", "json",
            "-o", output, *extra]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def umask() -> Iterator[None]:
    """A umask other than the usual 022, so that a test can tell it was applied."""
    old = os.umask(0o027)
    try:
        yield
    finally:
        os.umask(old)


@posix_only
def test_a_new_output_file_gets_the_mode_the_umask_allows(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "gap.json"
    assert invoke(*analyze_to(target)).code == 0
    assert mode(target) == 0o640  # 0666 less the umask 027, as `>` in a shell would give


@posix_only
def test_every_command_that_writes_a_file_honours_the_umask(tmp_path: Path, umask: None) -> None:
    runs: list[list[str | Path]] = [
        ["schema", "--kind", "role", "-o", tmp_path / "role.schema.json"],
        ["import", "esco", ROOT / "tests" / "data" / "esco" / "skills_en.csv", "-o", tmp_path / "t.yaml"],
        ["init", tmp_path / "profile.yaml", "--no-input", "--name", "Dana"],
        ["report", CORE / "profile.yaml", "--target", CORE / "role.yaml", *WORLD, "-d", tmp_path / "sheets"],
    ]
    for args in runs:
        result = invoke(*args)
        assert result.code == 0, (args, result.err)
    written = [p for p in tmp_path.rglob("*") if p.is_file()]
    assert len(written) == 4
    assert {p.name: mode(p) for p in written} == {p.name: 0o640 for p in written}


@posix_only
def test_force_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "gap.json"
    target.write_text("old\n", encoding="utf-8")
    target.chmod(0o604)
    assert invoke(*analyze_to(target, "--force")).code == 0
    assert target.read_text(encoding="utf-8").startswith("{")
    assert mode(target) == 0o604
    target.chmod(0o600)  # a private file stays private
    assert invoke(*analyze_to(target, "--force")).code == 0
    assert mode(target) == 0o600


@posix_only
def test_force_on_a_missing_file_writes_a_new_one(tmp_path: Path, umask: None) -> None:
    target = tmp_path / "gap.json"
    assert invoke(*analyze_to(target, "--force")).code == 0
    assert mode(target) == 0o640


def test_a_failed_write_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    from skillgap.render.output import write_atomic

    target = tmp_path / "gap.md"
    target.write_text("the old report\n", encoding="utf-8")
    with pytest.raises(UnicodeEncodeError):
        write_atomic(target, "half a report \udc80 that cannot be encoded", force=True)
    assert target.read_text(encoding="utf-8") == "the old report\n"
    assert [p.name for p in tmp_path.iterdir()] == ["gap.md"]


# --- `-o -` is stdout --------------------------------------------------------------------------------

PERSON = (CORE / "profile.yaml", "--target", CORE / "role.yaml", *WORLD)
WRITERS: dict[str, list[str | Path]] = {
    "analyze": ["analyze", *PERSON, "-f", "json"],
    "plan": ["plan", *PERSON, "-f", "json"],
    "compare": ["compare", *PERSON, "-f", "json"],
    "cohort": ["cohort", *PERSON, "-f", "json"],
    "report": ["report", *PERSON],
    "showcase": ["showcase", ROOT / "examples" / "profiles" / "trainer-with-badges.yaml"],
    "schema": ["schema", "--kind", "role"],
    "import": ["import", "esco", ROOT / "tests" / "data" / "esco" / "skills_en.csv"],
}


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_output_dash_is_stdout(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    plain = invoke(*WRITERS[name])
    dashed = invoke(*WRITERS[name], "-o", "-")
    assert plain.code == 0, plain.err
    assert dashed.code == 0, dashed.err
    assert dashed.out == plain.out and dashed.out.strip()
    assert list(tmp_path.iterdir()) == [], "no file named -"
    assert invoke(*WRITERS[name], "-o", tmp_path / "-").code == 0  # a file really named -, by its path
    assert (tmp_path / "-").read_text(encoding="utf-8") == plain.out


@pytest.mark.parametrize("name", sorted(WRITERS))
def test_force_without_an_output_file_is_refused(name: str, tmp_path: Path) -> None:
    """--force replaces a file; with stdout it would silently do nothing."""
    for extra in (["--force"], ["--force", "-o", "-"]):
        result = invoke(*WRITERS[name], *extra)
        assert result.code == 2 and result.out == ""
        assert "error: --force replaces an existing --output file" in result.err
    if name != "report":
        assert invoke(*WRITERS[name], "--force", "-o", tmp_path / "new").code == 0
