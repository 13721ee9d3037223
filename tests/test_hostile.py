"""The inputs that break naive tools, through the real command line (`validate` and `analyze`).

Every case must exit with status 2, name the file (and the line, where there is one) in a message that
says what is wrong, print no traceback, and finish in well under the time a user would wait. The fixed
cases are files in tests/data/hostile/ (named by what they break); the large or generated ones are made
in a temporary folder. A few run as a real subprocess, where peak memory is measured too.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.conftest import ROOT, Result, invoke

HOSTILE = ROOT / "tests" / "data" / "hostile"
CORE = ROOT / "tests" / "data" / "core"
SECONDS = 5.0  # each case takes well under half a second; the bound leaves room for a slow CI machine
PEAK_MB = 400  # a Python with typer, rich and PyYAML loaded is ~60 MB


@dataclass(frozen=True)
class Case:
    file: str
    line: int | None  # None: the problem has no line (a missing path, a folder)
    says: str

    @property
    def role(self) -> str:
        """Where the file goes in `analyze`: as the profile, the target role, a catalog or a taxonomy."""
        for role in ("role", "catalog", "taxonomy"):
            if self.file.startswith(role + "-"):
                return role
        return "profile"


CASES = [
    # empty, and not YAML at all
    Case("empty.yaml", 1, "empty"),
    Case("only-comments.yaml", 1, "empty"),
    Case("syntax-error.yaml", 3, "not valid YAML"),
    Case("unquoted-colon.yaml", 2, "must be quoted"),
    Case("tabs.yaml", 3, "indent with spaces, not tabs"),
    Case("two-documents.yaml", 3, "more than one document"),
    Case("control-character.yaml", 2, "control character U+001B"),
    # a list or a scalar where a mapping belongs
    Case("top-level-list.yaml", 1, "not a list"),
    Case("top-level-scalar.yaml", 1, "not "),
    Case("preferences-list.yaml", 4, "expected a mapping, got a list"),
    Case("skill-scalar.yaml", 4, "expected a mapping, got text ('Python')"),
    Case("catalog-credentials-mapping.yaml", 2, "expected a list, got a mapping"),
    Case("role-requirement-scalar.yaml", 3, "expected a mapping, got text ('SQL')"),
    Case("taxonomy-skills-scalar.yaml", 1, "expected a list, got text"),
    Case("taxonomy-abbreviation-list.yaml", 3, "expected a mapping, got a list"),
    # missing required fields, null where text belongs
    Case("missing-name.yaml", 1, "missing required field 'name'"),
    Case("missing-level.yaml", 4, "missing required field 'level'"),
    Case("null-name.yaml", 1, "expected text, got nothing (null)"),
    Case("role-missing-requirements.yaml", 1, "missing required field 'requirements'"),
    Case("role-empty-requirements.yaml", 2, "at least one required skill"),
    Case("role-null-title.yaml", 1, "expected text, got nothing (null)"),
    Case("catalog-missing-provider.yaml", 2, "missing required field 'provider'"),
    # levels: out of range, negative, unknown names, YAML 1.1 booleans, fractions
    Case("level-out-of-range.yaml", 4, "level 7 is out of range"),
    Case("level-negative.yaml", 3, "level -2 is out of range"),
    Case("level-unknown-name.yaml", 3, "unknown level 'guru'"),
    Case("level-yes.yaml", 3, "yes/no value"),
    Case("level-fraction.yaml", 3, "got a number (2.5)"),
    Case("role-bad-importance.yaml", 3, "'critical' is not allowed"),
    Case("impossible-date.yaml", 3, "'2023-02-30' is not a real date"),
    # duplicates and misspellings
    Case("duplicate-key.yaml", 3, "duplicate key 'name' (first at line 1)"),
    Case("same-skill-twice.yaml", 5, "skill 'sql' is listed twice (first at line 3)"),
    Case("misspelt-key.yaml", 2, "unknown key 'skils' (did you mean 'skills'?)"),
    Case("catalog-duplicate-key.json", 3, "duplicate key 'name'"),
    # tags: refused, never run
    Case("python-tag.yaml", 1, "the tag !!python/object/apply:os.system is not allowed"),
    Case("python-name-tag.yaml", 2, "the tag !!python/name:os.system is not allowed"),
    Case("custom-tag.yaml", 2, "the tag !include is not allowed"),
    # aliases
    Case("alias-bomb.yaml", 8, "alias bomb"),
    Case("alias-loop.yaml", 2, "refers to a node that contains it"),
    # bytes that are not UTF-8 text
    Case("binary.yaml", 3, "binary file"),
    Case("latin-1.yaml", 1, "not valid UTF-8 (byte 0xeb)"),
    Case("utf-16.yaml", 1, "UTF-16"),
    # numbers
    Case("budget-negative.yaml", 4, "preferences.budget: must be a number from 0 to 1,000,000,000,000"),
    Case("catalog-hours-negative.yaml", 6, "hours: must be a number from 0 to 100,000 hours, got -10"),
    Case("catalog-hours-negative.json", 3, "hours: must be a number from 0 to 100,000 hours, got -1"),
    Case("catalog-cost-text.yaml", 6, "cost: expected a number, got text ('free')"),
    Case("catalog-cost-yes.yaml", 6, "cost: expected a number, got a yes/no value"),
    Case("catalog-syntax.json", 2, "not valid JSON"),
    # references between credentials
    Case("catalog-duplicate-ids.yaml", 3, "duplicate credential id 'sql-1'"),
    Case("catalog-cycle.yaml", 2, "prerequisite cycle: a -> b -> a"),
    Case("catalog-self-prerequisite.yaml", 2, "prerequisite cycle: a -> a"),
    Case("catalog-dangling-prerequisite.yaml", 2, "prerequisite 'nope' is not a credential id"),
]


def analyze_args(path: Path, role: str) -> list[str | Path]:
    """`analyze` with PATH in ROLE and the small core files everywhere else."""
    files: dict[str, list[str | Path]] = {
        "profile": [CORE / "profile.yaml"],
        "role": ["--target", CORE / "role.yaml"],
        "catalog": ["--catalog", CORE / "catalog.yaml"],
        "taxonomy": ["--taxonomy", CORE / "skills.yaml"],
    }
    files[role] = [path] if role == "profile" else [files[role][0], path]
    return ["analyze", *files["profile"], *files["role"], *files["catalog"], *files["taxonomy"]]


def timed(*args: str | Path) -> tuple[Result, float]:
    start = time.perf_counter()
    result = invoke(*args)
    return result, time.perf_counter() - start


def assert_refused(result: Result, seconds: float, path: Path, line: int | None, says: str) -> None:
    assert result.code == 2, f"exit {result.code}\n{result.err}"
    assert "Traceback" not in result.err and "Traceback" not in result.out
    where = f"{path}:{line}:" if line is not None else f"{path}:"
    lines = [text.removeprefix("error: ") for text in result.err.splitlines()]
    assert any(text.startswith(where) and says in text for text in lines), result.err
    assert seconds < SECONDS, f"took {seconds:.1f}s"


def test_every_fixture_has_a_case() -> None:
    assert sorted(p.name for p in HOSTILE.iterdir()) == sorted(c.file for c in CASES)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.file)
def test_validate_refuses(case: Case) -> None:
    path = HOSTILE / case.file
    assert_refused(*timed("validate", path), path, case.line, case.says)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.file)
def test_analyze_refuses(case: Case) -> None:
    path = HOSTILE / case.file
    assert_refused(*timed(*analyze_args(path, case.role)), path, case.line, case.says)


def test_a_python_tag_is_never_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    path = HOSTILE / "python-tag.yaml"
    for args in (("validate", path), analyze_args(path, "profile")):
        assert invoke(*args).code == 2
    assert not (tmp_path / "HOSTILE_PWNED").exists()


# --- generated: too big to keep as files, or made per run --------------------------------------


def _deep_flow(folder: Path) -> tuple[Path, int | None, str]:
    path = folder / "deep-flow.yaml"
    path.write_text("name: Ann\nskills: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    return path, 2, "nested more than 100 levels deep"


def _deep_alternating(folder: Path) -> tuple[Path, int | None, str]:
    """Nesting with an empty list at every level: no long run of brackets, so no shortcut finds it."""
    path = folder / "deep-alternating.yaml"
    path.write_text("name: Ann\nskills: " + "[[], " * 500_000 + "]" * 500_000 + "\n", encoding="utf-8")
    return path, 2, "nested more than 100 levels deep"


def _deep_block(folder: Path) -> tuple[Path, int | None, str]:
    path = folder / "deep-block.yaml"
    path.write_text("".join(" " * i + f"k{i}:\n" for i in range(3000)), encoding="utf-8")
    return path, None, "nested more than 100 levels deep"


def _deep_compact(folder: Path) -> tuple[Path, int | None, str]:
    path = folder / "deep-compact.yaml"
    path.write_text("name: Ann\nskills:\n" + "- " * 20_000 + "x\n", encoding="utf-8")
    return path, 3, "nested more than 100 levels deep"


def _deep_mixed(folder: Path) -> tuple[Path, int | None, str]:
    block = "".join(" " * i + "-\n" for i in range(1, 90))
    path = folder / "deep-mixed.yaml"
    deep = "{a: " * 5000 + "x" + "}" * 5000
    path.write_text("skills:\n" + block + " " * 90 + deep + "\n", encoding="utf-8")
    return path, 91, "nested more than 100 levels deep"


def _deep_json(folder: Path) -> tuple[Path, int | None, str]:
    path = folder / "catalog-deep.json"
    path.write_text('{"credentials":\n' + "[" * 50_000 + "]" * 50_000 + "}", encoding="utf-8")
    return path, 2, "nested more than 100 levels deep"


def _long_chain(folder: Path) -> tuple[Path, int | None, str]:
    """Each credential requires the next: 150 deep. Ranking follows prerequisites; the loader stops at 100."""
    credential = "  - {id: c%d, title: T, provider: P, skills: [{name: x, level: 3}], prerequisites: [c%d]}\n"
    path = folder / "catalog-chain.yaml"
    path.write_text(
        "credentials:\n" + "".join(credential % (i, i + 1) for i in range(149))
        + "  - {id: c149, title: T, provider: P, skills: [{name: SQL, level: 3}]}\n",
        encoding="utf-8",
    )
    return path, 51, "a prerequisite chain more than 100 credentials long"


def _too_large(folder: Path) -> tuple[Path, int | None, str]:
    path = folder / "huge.yaml"
    with path.open("wb") as handle:  # sparse: 1 GB on paper, nothing on disk
        handle.write(b"name: Ann\n")
        handle.truncate(1024**3)
    return path, None, "larger than the 64 MB limit"


def _folder(folder: Path) -> tuple[Path, int | None, str]:
    path = folder / "profiles"
    path.mkdir()
    return path, None, "is a folder, not a file"


def _missing(folder: Path) -> tuple[Path, int | None, str]:
    return folder / "nowhere" / "profile.yaml", None, "no such file"


GENERATED: dict[str, tuple[Callable[[Path], tuple[Path, int | None, str]], str]] = {
    "deep-flow": (_deep_flow, "profile"),
    "deep-alternating": (_deep_alternating, "profile"),
    "deep-block": (_deep_block, "profile"),
    "deep-compact": (_deep_compact, "profile"),
    "deep-mixed": (_deep_mixed, "taxonomy"),
    "deep-json": (_deep_json, "catalog"),
    "long-chain": (_long_chain, "catalog"),
    "too-large": (_too_large, "profile"),
    "folder": (_folder, "profile"),
    "missing": (_missing, "profile"),
}


@pytest.mark.parametrize("command", ["validate", "analyze"])
@pytest.mark.parametrize("name", GENERATED)
def test_generated_inputs_are_refused(name: str, command: str, tmp_path: Path) -> None:
    make, role = GENERATED[name]
    path, line, says = make(tmp_path)
    args = ("validate", path) if command == "validate" else analyze_args(path, role)
    assert_refused(*timed(*args), path, line, says)


def test_the_size_limit_can_be_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "catalog-big.yaml"
    path.write_text("credentials:\n" + "# filler\n" * 250_000, encoding="utf-8")
    monkeypatch.setenv("SKILLGAP_MAX_FILE_MB", "1")
    assert_refused(*timed("validate", path), path, None, "larger than the 1 MB limit")
    monkeypatch.setenv("SKILLGAP_MAX_FILE_MB", "5")
    assert invoke("validate", path).code == 0


def test_a_device_that_never_ends(tmp_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    assert_refused(*timed("validate", "/dev/zero"), Path("/dev/zero"), None, "larger than the 64 MB limit")


def test_duplicate_ids_across_catalog_files(tmp_path: Path) -> None:
    body = "credentials:\n  - {id: same, title: T, provider: P, skills: [{name: SQL, level: 2}]}\n"
    first, second = tmp_path / "a.yaml", tmp_path / "b.yaml"
    first.write_text(body, encoding="utf-8")
    second.write_text(body, encoding="utf-8")
    for args in (
        ("validate", first, second),
        analyze_args(first, "catalog") + ["--catalog", second],
    ):
        assert_refused(*timed(*args), second, 2, "duplicate credential id 'same'")


# --- as a real process: the installed entry point, and its peak memory ----------------------------

PROBE = """
import resource, sys
sys.argv = ["skillgap", *sys.argv[1:]]
try:
    from skillgap.cli.main import run
    run()
finally:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    sys.stderr.write("\\npeak-kb %d\\n" % (peak if sys.platform != "darwin" else peak // 1024))
"""


def run_process(*args: str | Path, probe: bool = False) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-c", PROBE] if probe else [sys.executable, "-m", "skillgap"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_COLOR": "1"}
    return subprocess.run(
        [*command, *map(str, args)], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    "case",
    [c for c in CASES if c.file in ("python-tag.yaml", "alias-bomb.yaml", "binary.yaml", "tabs.yaml")],
    ids=lambda c: c.file,
)
def test_as_a_real_process(case: Case) -> None:
    path = HOSTILE / case.file
    for args in (("validate", path), analyze_args(path, case.role)):
        proc = run_process(*args)
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr and f"{path}:{case.line}:" in proc.stderr


@pytest.mark.slow
@pytest.mark.parametrize("name", ["alias-bomb", "deep-flow", "deep-block", "too-large", "dev-zero"])
def test_peak_memory_stays_modest(name: str, tmp_path: Path) -> None:
    if name == "alias-bomb":
        path = HOSTILE / "alias-bomb.yaml"
    elif name == "dev-zero":
        if not Path("/dev/zero").exists():
            pytest.skip("no /dev/zero")
        path = Path("/dev/zero")
    else:
        path = GENERATED[name][0](tmp_path)[0]
    proc = run_process("validate", path, probe=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    peak_mb = int(proc.stderr.rsplit("peak-kb", 1)[1]) / 1024
    assert peak_mb < PEAK_MB, f"{peak_mb:.0f} MB"


@pytest.mark.slow
def test_a_real_process_reports_json_problems_too(tmp_path: Path) -> None:
    proc = run_process("validate", "--format", "json", HOSTILE / "level-yes.yaml")
    assert proc.returncode == 2 and proc.stderr == ""
    (problem,) = json.loads(proc.stdout)["files"][0]["problems"]
    assert problem["line"] == 3 and "yes/no" in problem["message"]
