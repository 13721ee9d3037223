"""Odd inputs and outputs: pipes, devices, links, full disks, killed runs and report folders.

Every case here once went wrong: a named pipe as input hung for ever, `-o PIPE --force` replaced the pipe
with a file (and as root `-o /dev/null --force` would have replaced /dev/null), a full disk exited 1 as if
skillgap had a bug, and `report --output-dir` could stop half way through a cohort.
"""

from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, invoke

CORE = ROOT / "tests" / "data" / "core"
WORLD = ("--catalog", CORE / "catalog.yaml", "--taxonomy", CORE / "skills.yaml")
PEOPLE = ROOT / "tests" / "data" / "cohort" / "profiles"

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX pipes and links")


def analyze(*extra: str | Path) -> list[str | Path]:
    return ["analyze", CORE / "profile.yaml", "--target", CORE / "role.yaml", *WORLD, "-f", "json", *extra]


def report(*extra: str | Path) -> list[str | Path]:
    return ["report", PEOPLE, "--target", CORE / "role.yaml", *WORLD, *extra]


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# --- a pipe as input ---------------------------------------------------------------------------------


def test_a_named_pipe_nothing_writes_to_is_refused_not_waited_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import skillgap.load.source as source

    monkeypatch.setattr(source, "PIPE_WAIT_SECONDS", 0.2)
    pipe = tmp_path / "profile.yaml"
    os.mkfifo(pipe)
    started = time.monotonic()
    result = invoke("validate", pipe)
    assert result.code == 2
    assert f"{pipe}: is a named pipe that nothing wrote to" in result.err
    assert time.monotonic() - started < 30


def test_a_pipe_something_writes_to_is_read(tmp_path: Path) -> None:
    pipe = tmp_path / "profile.yaml"
    os.mkfifo(pipe)
    text = (CORE / "profile.yaml").read_bytes()

    def feed() -> None:
        with open(pipe, "wb") as writer:  # blocks until skillgap opens the pipe to read
            writer.write(text)

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    result = invoke("analyze", pipe, "--target", CORE / "role.yaml", *WORLD, "-f", "json")
    feeder.join(timeout=30)
    assert result.code == 0, result.err
    assert result.out.replace(str(pipe), str(CORE / "profile.yaml")) == invoke(*analyze()).out


def test_a_posting_read_from_a_pipe(tmp_path: Path) -> None:
    pipe = tmp_path / "ad.txt"
    os.mkfifo(pipe)

    def feed() -> None:
        with open(pipe, "w", encoding="utf-8") as writer:
            writer.write("Data Analyst\n\nRequirements\n- SQL\n- Python\n")

    feeder = threading.Thread(target=feed, daemon=True)
    feeder.start()
    result = invoke("import", "posting", pipe, *WORLD, "--format", "json")
    feeder.join(timeout=30)
    assert result.code == 0, result.err
    assert '"skill": "SQL"' in result.out


def test_a_zip_export_that_is_a_pipe_is_refused_at_once(tmp_path: Path) -> None:
    pipe = tmp_path / "export.zip"
    os.mkfifo(pipe)
    result = invoke("import", "linkedin", pipe)
    assert result.code == 2
    assert "is not a regular file" in result.err


# --- what --output may name --------------------------------------------------------------------------


@pytest.mark.parametrize("force", [(), ("--force",)])
def test_output_onto_a_pipe_is_refused_and_the_pipe_kept(tmp_path: Path, force: tuple[str, ...]) -> None:
    pipe = tmp_path / "out.json"
    os.mkfifo(pipe)
    result = invoke(*analyze("-o", pipe, *force))
    assert result.code == 2
    assert "is a device, a pipe or a socket, not a file" in result.err
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)
    assert listing(tmp_path) == ["out.json"]


def test_output_through_a_link_to_a_device_is_refused_and_the_device_untouched(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(os.devnull)
    before = os.stat(os.devnull)
    result = invoke(*analyze("-o", link, "--force"))
    assert result.code == 2
    assert "not a file" in result.err
    assert os.readlink(link) == os.devnull
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and (after.st_ino, after.st_rdev) == (before.st_ino, before.st_rdev)


def test_force_replaces_a_link_itself_never_the_file_it_points_to(tmp_path: Path) -> None:
    kept = tmp_path / "someone-elses.json"
    kept.write_text("not yours\n", encoding="utf-8")
    link = tmp_path / "out.json"
    link.symlink_to(kept)
    assert invoke(*analyze("-o", link)).code == 2, "a link is an existing file: refused without --force"
    assert invoke(*analyze("-o", link, "--force")).code == 0
    assert not link.is_symlink() and link.read_text(encoding="utf-8").startswith("{")
    assert kept.read_text(encoding="utf-8") == "not yours\n"


def test_a_dangling_link_is_not_followed(tmp_path: Path) -> None:
    link = tmp_path / "out.json"
    link.symlink_to(tmp_path / "elsewhere" / "made.json")
    assert invoke(*analyze("-o", link)).code == 2
    assert invoke(*analyze("-o", link, "--force")).code == 0
    assert not link.is_symlink() and not (tmp_path / "elsewhere").exists()


# --- full disks --------------------------------------------------------------------------------------


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("fmt", ["table", "json", "markdown"])
def test_stdout_on_a_full_disk_exits_2_with_one_line(fmt: str) -> None:
    args = [str(a) for a in analyze()[:-2]]
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [sys.executable, "-m", "skillgap", *args, "-f", fmt],
            stdout=full, stderr=subprocess.PIPE, text=True, timeout=120, check=False,
        )
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip().splitlines() == ["error: cannot write the output: No space left on device"]


def _full_disk_after(calls: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """os.fsync reports a full disk from its CALLS-th call on (the way a disk that fills up mid-run does)."""
    real, seen = os.fsync, [0]

    def fsync(fd: int) -> None:
        seen[0] += 1
        if seen[0] >= calls:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        real(fd)

    monkeypatch.setattr(os, "fsync", fsync)


def test_an_output_file_on_a_full_disk_exits_2_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path / "cache"))
    target = tmp_path / "out" / "gap.json"
    target.parent.mkdir()
    _full_disk_after(1, monkeypatch)
    result = invoke(*analyze("-o", target))
    assert result.code == 2
    assert result.err.strip() == f"error: {target}: cannot write: No space left on device"
    assert listing(target.parent) == []


def test_a_full_disk_keeps_the_old_file_when_forcing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path / "cache"))
    target = tmp_path / "gap.json"
    target.write_text("last week's\n", encoding="utf-8")
    _full_disk_after(1, monkeypatch)
    assert invoke(*analyze("-o", target, "--force")).code == 2
    assert target.read_text(encoding="utf-8") == "last week's\n"
    assert listing(tmp_path) == ["cache", "gap.json"] or listing(tmp_path) == ["gap.json"]


# --- report --output-dir: all sheets or none ---------------------------------------------------------


def test_a_full_disk_half_way_through_a_cohort_writes_no_sheet(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "sheets"
    _full_disk_after(3, monkeypatch)  # two sheets on disk, then the disk is full
    result = invoke(*report("--output-dir", out))
    assert result.code == 2 and "No space left on device" in result.err
    assert listing(out) == []


def test_a_failed_rename_half_way_puts_every_old_sheet_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path / "cache"))
    out = tmp_path / "sheets"
    assert invoke(*report("--output-dir", out)).code == 0
    before = {name: (out / name).read_bytes() for name in listing(out)}
    assert len(before) >= 3
    for name in before:
        (out / name).write_text(f"coach's copy of {name}\n", encoding="utf-8")
    edited = {name: (out / name).read_bytes() for name in before}
    real, renames = os.replace, [0]

    def replace(src: str, dst: str, **options: object) -> None:
        if Path(dst).parent == out and not Path(dst).name.startswith("."):
            renames[0] += 1
            if renames[0] == 2:
                raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))
        real(src, dst, **options)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    result = invoke(*report("--output-dir", out, "--force"))
    assert result.code == 2
    assert {name: (out / name).read_bytes() for name in listing(out)} == edited


def test_output_dir_names_never_leave_the_folder(write, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    hostile = ["...yaml", "..", "\u202eevil.yaml", "con\u0000.yaml", "a/../../up.yaml", "/etc/passwd.yaml"]
    from skillgap.cli.report import file_names

    names = file_names(hostile, ".md", reserved={"cohort.md"})
    assert len({n.casefold() for n in names}) == len(names)
    for name in names:
        assert "/" not in name and "\x00" not in name and not name.startswith(".")
        assert "\u202e" not in name
        assert (tmp_path / name).resolve().parent == tmp_path.resolve()
    people = tmp_path / "people"
    write("people/\u202eevil..yaml", "name: Dot Dot\nskills: {SQL: 1}\n")
    out = tmp_path / "out\u202e\x1b[2J"
    result = invoke("report", people, "--target", CORE / "role.yaml", *WORLD, "--output-dir", out)
    assert result.code == 0, result.err
    assert all(p.parent == out for p in out.iterdir())
    assert "\x1b" not in result.err and "\u202e" not in result.err


# --- what killed runs leave --------------------------------------------------------------------------


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_a_killed_runs_temporary_file_is_removed_by_the_next_write(tmp_path: Path) -> None:
    target = tmp_path / "gap.json"
    left = tmp_path / f".gap.json.{_dead_pid()}-0badf00d.tmp"
    left.write_bytes(b"\0" * 4096)
    alive = tmp_path / f".gap.json.{os.getpid()}-c0ffee00.tmp"  # a run still writing: not touched
    alive.write_bytes(b"half")
    other = tmp_path / f".notes.md.{_dead_pid()}-0badf00d.tmp"  # another output's: not this write's
    other.write_bytes(b"x")
    assert invoke(*analyze("-o", target)).code == 0
    assert listing(tmp_path) == sorted([alive.name, other.name, "gap.json"])


def test_sigkill_during_an_output_write_leaves_no_file_a_later_run_shows(tmp_path: Path) -> None:
    """Kill the writer while its temporary file exists (it is stopped just before the rename): the target is
    never there half written, and the next run cleans up and writes it whole."""
    target = tmp_path / "gap.json"
    script = (
        "import os, sys, time\n"
        "real = os.link\n"
        "def link(*a, **k):\n"
        "    print('staged', flush=True); time.sleep(60)\n"
        "os.link = link\n"
        "from skillgap.cli.main import run\n"
        "run(sys.argv[1:])\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, *[str(a) for a in analyze("-o", target)]],
        stdout=subprocess.PIPE, text=True, env={**os.environ, "SKILLGAP_CACHE_DIR": str(tmp_path / "c")},
    )
    assert child.stdout is not None
    assert child.stdout.readline().strip() == "staged"
    child.kill()
    child.wait(timeout=30)
    child.stdout.close()
    left = [n for n in listing(tmp_path) if n.startswith(".gap.json.")]
    assert len(left) == 1 and not target.exists()
    assert invoke(*analyze("-o", target)).code == 0
    assert listing(tmp_path) == ["c", "gap.json"]
    assert target.read_text(encoding="utf-8") == invoke(*analyze()).out
