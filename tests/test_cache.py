"""The cache of what skillgap builds from its files: keyed by content and code, never stale, never running
what an entry holds, never trusting a damaged, foreign or planted entry, a folder others may write, or a
link; its writes are atomic and a failed one only costs speed."""

from __future__ import annotations

import ast
import hashlib
import hmac
import json
import os
import pickle
import shutil
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import skillgap
import skillgap.load.reading as reading
from skillgap import parts
from skillgap.errors import InputError
from skillgap.load import cache, load_catalogs
from tests.conftest import EXAMPLES, ROOT, Result

CATALOG = """credentials:
  - id: a
    title: A course
    provider: P
    skills: [{name: SQL, level: 2}]
    hours: 10
"""
OTHER = CATALOG.replace("id: a", "id: b").replace("A course", "Course from the other catalog")
TAXONOMY = "skills:\n  - name: SQL\n    aliases: [structured query language]\n"
PROFILE = "name: P\nskills:\n  - {name: structured query language, level: 1}\n"
ROLE = "id: r\ntitle: R\nrequirements:\n  - {skill: SQL, level: 3}\n"


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(folder))
    cache.set_enabled(True)
    return folder


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    calls: list[str] = []
    real = reading.parse

    def counting(text: str, name: str, **options: bool):  # type: ignore[no-untyped-def]
        calls.append(name)
        return real(text, name, **options)

    monkeypatch.setattr(reading, "parse", counting)
    return calls


def entries(folder: Path, kind: str = "catalog") -> list[Path]:
    return sorted(folder.glob(f"{kind}-*{cache.SUFFIX}"))


def analyze(cli: Callable[..., Result], write: Callable[..., Path], catalog: Path, *flags: str) -> Result:
    profile, role = write("p.yaml", PROFILE), write("r.yaml", ROLE)
    taxonomy = write("s.yaml", TAXONOMY)
    args = ("analyze", profile, "--target", role, "--catalog", catalog, "--taxonomy", taxonomy, "-f", "json")
    return cli(*flags, *args)


# --- keyed by content and code ------------------------------------------------------------------------


def test_second_load_comes_from_the_cache(write, cache_dir: Path, parses: list[str]) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", CATALOG)
    first = load_catalogs([path])
    second = load_catalogs([path])
    assert first == second
    assert len(parses) == 1 and len(entries(cache_dir)) == 1


def test_an_edited_file_is_never_served_stale(write, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", CATALOG)
    assert load_catalogs([path]).credentials[0].hours == 10
    path.write_text(CATALOG.replace("hours: 10", "hours: 12"), encoding="utf-8")
    assert load_catalogs([path]).credentials[0].hours == 12


def test_a_catalog_with_every_kind_of_number_a_reader_takes_is_served(  # type: ignore[no-untyped-def]
    write, cache_dir: Path, parses: list[str]
) -> None:
    """-0.0 is not below 0, so the readers take it, and 1.0e+3 credits is the most they take: the entry that
    holds them must be read back too."""
    path = write("c.yaml", CATALOG.replace("hours: 10", "hours: -0.0\n    cost: 0\n    credits: 1.0e+3"))
    first = load_catalogs([path])
    assert load_catalogs([path]) == first and len(parses) == 1
    assert str(load_catalogs([path]).credentials[0].hours) == "-0.0"


def test_other_code_never_reads_an_entry(  # type: ignore[no-untyped-def]
    write, cache_dir: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A changed loader must read the file again: a file's entry is keyed by the code as a world's is."""
    path = write("c.yaml", CATALOG)
    load_catalogs([path])
    monkeypatch.setattr(cache, "_code_stamp", lambda: b"another version of skillgap")
    load_catalogs([path])
    assert len(parses) == 2 and len(entries(cache_dir)) == 2


def test_an_entry_copied_from_another_catalog_is_never_served(write, cache_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    mine, theirs = write("a.yaml", CATALOG), write("b.yaml", OTHER)
    expected = analyze(cli, write, mine, "--no-cache")
    for catalog in (theirs, mine):  # a world entry and a file entry for each
        assert analyze(cli, write, catalog).code == 0
        assert cli("catalog", "list", "--catalog", catalog, "--format", "json").code == 0
    for kind in ("world", "catalog"):
        (their_entry,) = [e for e in entries(cache_dir, kind) if b"Course from the other" in e.read_bytes()]
        (my_entry,) = set(entries(cache_dir, kind)) - {their_entry}
        shutil.copyfile(their_entry, my_entry)  # B's entry under A's name
    result = analyze(cli, write, mine)
    assert result.code == 0 and result.out == expected.out and "other catalog" not in result.out
    listed = cli("catalog", "list", "--catalog", mine, "--format", "json")
    assert "other catalog" not in listed.out and "A course" in listed.out


# --- damaged entries -----------------------------------------------------------------------------------


@pytest.mark.parametrize("damage", ["truncated", "first byte", "middle", "last byte", "empty"])
def test_a_damaged_entry_is_a_miss_and_is_rebuilt(
    write, cache_dir: Path, parses: list[str], damage: str
) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", CATALOG)
    expected = load_catalogs([path])
    (entry,) = entries(cache_dir)
    blob = bytearray(entry.read_bytes())
    if damage == "truncated":
        del blob[-7:]
    elif damage == "empty":
        blob.clear()
    else:
        at = {"first byte": 0, "middle": len(blob) // 2, "last byte": len(blob) - 1}[damage]
        blob[at] ^= 0x10
    entry.write_bytes(bytes(blob))
    assert load_catalogs([path]) == expected
    assert len(parses) == 2
    assert load_catalogs([path]) == expected and len(parses) == 2  # the rebuilt entry is good again


def test_an_entry_whose_data_its_reader_refuses_is_a_miss(write, cache_dir: Path, parses: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Whole and correctly hashed, but holding what no reading makes (here a level of 9): refused."""
    path = write("c.yaml", CATALOG)
    expected = load_catalogs([path])
    (entry,) = entries(cache_dir)
    found = parts.decode(entry.read_bytes())
    forged = {name: _part(found, name, kind) for name, (kind, _) in found._found.items()}
    forged["credentials.skills.level"] = b"\x09"
    entry.write_bytes(parts.encode(forged, found.meta).join())
    assert load_catalogs([path]) == expected and len(parses) == 2


def _part(found: parts.Parts, name: str, kind: str) -> Any:
    if kind in ("json", "text", "bytes"):
        return getattr(found, kind)(name)
    return found.array(name, kind[0])


# --- never code ----------------------------------------------------------------------------------------


class Planted:
    """What an attacker would put in a pickle: unpickling it writes MARKER."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


OLD_FORMAT = b"skillgap-cache-2\n"  # the pickles skillgap kept before: this header, an HMAC, a pickle


def test_a_planted_pickle_is_never_run_wherever_it_is_put(
    write, cache_dir: Path, cli, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Every entry a run reads, and every name the pickle format used, holding a pickle that writes a
    marker when unpickled: signed with the old format's key (kept in the folder, as it was) and bare."""
    catalog = write("c.yaml", CATALOG)
    expected = analyze(cli, write, catalog, "--no-cache")
    assert analyze(cli, write, catalog).code == 0
    assert cli("catalog", "list", "--catalog", catalog, "--format", "json").code == 0
    marker = tmp_path / "marker"
    payload = pickle.dumps(Planted(marker))
    key = os.urandom(32)
    (cache_dir / "key").write_bytes(key)
    signed = OLD_FORMAT + hmac.new(key, payload, hashlib.sha256).digest() + payload
    used = [e for kind in ("world", "catalog", "taxonomy") for e in entries(cache_dir, kind)]
    assert sorted(e.name.split("-")[0] for e in used) == ["catalog", "taxonomy", "world"]
    for planted in (signed, payload):
        for entry in used:
            entry.write_bytes(planted)
            entry.with_suffix(".pickle").write_bytes(planted)
        result = analyze(cli, write, catalog)
        listed = cli("catalog", "list", "--catalog", catalog, "--format", "json")
        assert not marker.exists()
        assert result.code == 0 and result.out == expected.out and listed.code == 0
    assert (
        not list(cache_dir.glob("*.pickle")) and not (cache_dir / "key").exists()
    )  # the old format's, cleared


def test_no_module_of_skillgap_can_unpickle_or_unmarshal() -> None:
    """What turns bytes into code or objects of any class is never imported, anywhere in the package."""
    package = Path(skillgap.__file__).parent
    refused = {
        "pickle",
        "_pickle",
        "cPickle",
        "marshal",
        "shelve",
        "dill",
        "cloudpickle",
        "joblib",
        "copyreg",
    }
    found = []
    for module in package.rglob("*.py"):
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{module.relative_to(package)}: {n}" for n in names if n.split(".")[0] in refused]
    assert found == []


# --- whose folder, whose entries ----------------------------------------------------------------------


def test_the_folder_is_made_private_and_entries_readable_only_by_their_owner(write, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    old = os.umask(0)
    try:
        load_catalogs([write("c.yaml", CATALOG)])
    finally:
        os.umask(old)
    assert stat.S_IMODE(cache_dir.stat().st_mode) == 0o700
    assert {stat.S_IMODE(e.stat().st_mode) for e in cache_dir.iterdir()} == {0o600}


def _someone_else(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PATH is owned by another user: really (as root), or as the owner check sees it."""
    if os.geteuid() == 0:
        os.chown(path, 4242, -1, follow_symlinks=False)
    else:
        real = os.geteuid()
        monkeypatch.setattr(os, "geteuid", lambda: real + 1)


def _world_run(cli, write, catalog: Path) -> tuple[Result, Result]:  # type: ignore[no-untyped-def]
    return analyze(cli, write, catalog, "--no-cache"), analyze(cli, write, catalog)


@pytest.mark.parametrize("problem", ["writable by others", "writable by its group", "owned by someone else"])
def test_a_folder_others_may_write_is_not_used_and_the_run_says_so_once(  # type: ignore[no-untyped-def]
    write, cache_dir: Path, cli, parses: list[str], monkeypatch: pytest.MonkeyPatch, problem: str
) -> None:
    catalog = write("c.yaml", CATALOG)
    expected, warm = _world_run(cli, write, catalog)
    before = {e.name: e.read_bytes() for e in cache_dir.iterdir()}
    if problem == "owned by someone else":
        _someone_else(cache_dir, monkeypatch)
    else:
        cache_dir.chmod(0o707 if problem == "writable by others" else 0o770)
    parsed = len(parses)
    result = analyze(cli, write, catalog)
    assert result.code == 0 and result.out == expected.out == warm.out
    assert len(parses) > parsed  # read from the files: nothing taken from that folder
    assert {e.name: e.read_bytes() for e in cache_dir.iterdir()} == before  # and nothing written there
    notes = [line for line in result.err.splitlines() if line.startswith("note:")]
    assert len(notes) == 1 and str(cache_dir) in notes[0] and "without the cache" in notes[0], result.err


def test_a_file_where_the_folder_should_be_is_left_alone_and_named(write, cache_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    catalog = write("c.yaml", CATALOG)
    expected = analyze(cli, write, catalog, "--no-cache")
    cache_dir.write_text("not a folder", encoding="utf-8")
    result = analyze(cli, write, catalog)
    assert result.code == 0 and result.out == expected.out
    assert cache_dir.read_text(encoding="utf-8") == "not a folder"
    (note,) = [line for line in result.err.splitlines() if line.startswith("note:")]
    assert str(cache_dir) in note and "not a folder" in note


@pytest.mark.parametrize("problem", ["writable by others", "owned by someone else"])
def test_an_entry_others_wrote_is_not_read_and_is_replaced(  # type: ignore[no-untyped-def]
    write, cache_dir: Path, cli, parses: list[str], monkeypatch: pytest.MonkeyPatch, problem: str
) -> None:
    catalog = write("c.yaml", CATALOG)
    expected, _ = _world_run(cli, write, catalog)
    (entry,) = entries(cache_dir, "world")
    if problem == "writable by others":
        entry.chmod(0o666)
    elif os.geteuid() == 0:
        os.chown(entry, 4242, -1)
    else:  # not root: the owner check sees the entry as someone else's
        real = os.stat
        monkeypatch.setattr(
            os,
            "stat",
            lambda p, **k: _as_owned_by(real(p, **k), 4242) if str(p) == entry.name else real(p, **k),
        )
    parsed = len(parses)
    result = analyze(cli, write, catalog)
    assert result.code == 0 and result.out == expected.out and len(parses) > parsed
    (note,) = [line for line in result.err.splitlines() if line.startswith("note:")]
    assert entry.name in note
    monkeypatch.undo()
    cache.set_enabled(True)
    fixed = entry.stat()
    assert fixed.st_uid == os.geteuid() and stat.S_IMODE(fixed.st_mode) == 0o600  # replaced by our own


def _as_owned_by(found: os.stat_result, uid: int) -> os.stat_result:
    values = list(found)
    values[stat.ST_UID] = uid
    return os.stat_result(values)


@pytest.mark.parametrize("planted", ["link to a file", "link to nowhere", "fifo"])
def test_nothing_planted_in_the_folder_is_followed_or_opened(  # type: ignore[no-untyped-def]
    write, cache_dir: Path, cli, tmp_path: Path, planted: str
) -> None:
    catalog = write("c.yaml", CATALOG)
    expected = analyze(cli, write, catalog, "--no-cache")
    assert analyze(cli, write, catalog).code == 0
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    names = [e.name for e in cache_dir.iterdir()]
    for name in [*names, "key"]:
        (cache_dir / name).unlink(missing_ok=True)
        if planted == "fifo":
            os.mkfifo(cache_dir / name)
        else:
            (cache_dir / name).symlink_to(victim if planted == "link to a file" else tmp_path / "nowhere")
    result = analyze(cli, write, catalog)  # (a FIFO opened for reading would wait here for ever)
    assert result.code == 0 and result.out == expected.out
    assert victim.read_text(encoding="utf-8") == "precious" and not (tmp_path / "nowhere").exists()
    assert "note: ignored the cache entry" in result.err
    for name in names:  # each replaced by an entry of our own, the link itself and never its target
        assert stat.S_ISREG((cache_dir / name).lstat().st_mode)


# --- writes ---------------------------------------------------------------------------------------------


def test_a_failed_write_is_only_slower_and_leaves_nothing(  # type: ignore[no-untyped-def]
    write, cache_dir: Path, cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    catalog = write("c.yaml", CATALOG)
    expected = analyze(cli, write, catalog, "--no-cache")

    def full(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)
    result = analyze(cli, write, catalog)
    assert result.code == 0 and result.out == expected.out and result.err == expected.err
    assert list(cache_dir.iterdir()) == []  # no entry, and no temporary file


def test_what_killed_runs_left_is_removed_and_a_live_write_is_not(write, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    load_catalogs([write("a.yaml", CATALOG)])
    hour_ago = time.time() - 3700
    dead = cache_dir / f"{cache.TEMPORARY}999999999-0123456789abcdef.part"  # (no such process)
    minutes_ago = cache_dir / f"{cache.TEMPORARY}999999999-fedcba9876543210.part"
    live = cache_dir / f"{cache.TEMPORARY}{os.getpid()}-00112233aabbccdd.part"
    for path, when in ((dead, hour_ago), (minutes_ago, time.time() - 120), (live, time.time() - 120)):
        path.write_bytes(b"half an entry")
        os.utime(path, (when, when))
    load_catalogs([write("b.yaml", OTHER)])  # the next write sweeps
    assert not dead.exists() and not minutes_ago.exists() and live.exists()


@pytest.mark.slow  # (ten processes at once: about 10 s on a busy two-core machine)
def test_ten_cold_runs_at_once_all_answer_right_and_leave_one_good_entry(tmp_path: Path) -> None:
    """Ten processes started together on one empty cache: every answer is --no-cache's; one entry of
    each kind is left, whole, and no temporary file."""
    env = {**os.environ, "SKILLGAP_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    profile = EXAMPLES / "profiles" / "trainer-to-elearning.yaml"
    command = [
        sys.executable,
        "-m",
        "skillgap",
        "analyze",
        str(profile),
        "--target",
        "instructional-designer",
        # named, so the world is built and cached (the bundled one, unnamed, comes prebuilt)
        "--catalog",
        str(ROOT / "catalogs" / "credentials"),
    ]
    command += ["--format", "json"]
    expected = subprocess.run(
        [*command[:3], "--no-cache", *command[3:]], env=env, capture_output=True, timeout=120
    )
    assert expected.returncode == 0, expected.stderr
    runs = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(10)
    ]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0] * 10, [err for _, err in outputs]
    assert all(out == expected.stdout for out, _ in outputs)
    from skillgap.load.paths import bundled_taxonomy_paths, expand_paths

    left = sorted(p.name.split("-")[0] for p in (tmp_path / "cache").iterdir())
    files = len(expand_paths(bundled_taxonomy_paths()))  # one entry for each taxonomy file, one world
    assert left == ["taxonomy"] * files + ["world"]
    for entry in (tmp_path / "cache").iterdir():
        found = parts.decode(entry.read_bytes())
        assert entry.name == f"{found.meta['kind']}-{found.meta['key']}{cache.SUFFIX}"
    again = subprocess.run(command, env=env, capture_output=True, timeout=120)
    assert again.stdout == expected.stdout and again.stderr == expected.stderr


# --- as before ------------------------------------------------------------------------------------------


def test_errors_are_never_cached(write, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", CATALOG.replace("hours: 10", "hours: -1"))
    for _ in range(2):
        with pytest.raises(InputError) as info:
            load_catalogs([path])
        assert f"{path}:6:" in str(info.value)
    assert entries(cache_dir) == []


def test_no_cache_neither_reads_nor_writes(write, cache_dir: Path, cli) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", CATALOG)
    result = cli("--no-cache", "catalog", "list", "--catalog", path, "--format", "json")
    assert result.code == 0, result.err
    assert not cache_dir.exists()
    assert cli("catalog", "list", "--catalog", path, "--format", "json").code == 0
    assert len(entries(cache_dir)) == 1


@pytest.mark.parametrize("where", ["before", "after"])
def test_no_cache_works_before_or_after_the_command(write, cache_dir: Path, cli, where: str) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", CATALOG)
    args = ["catalog", "list", "--catalog", path, "--format", "json"]
    result = cli(*(["--no-cache", *args] if where == "before" else [*args, "--no-cache"]))
    assert result.code == 0, result.err
    assert entries(cache_dir) == []
    profile = write("p.yaml", "name: P\nskills: [{name: SQL, level: 1}]\n")
    role = write("r.yaml", "title: R\nrequirements: [{skill: SQL, level: 3}]\n")
    assert cli("analyze", profile, "-r", role, "-c", path, "--no-cache").code == 0
    assert entries(cache_dir) == []


def test_json_catalogs_load_and_their_errors_name_the_line(write, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    import yaml

    data = yaml.safe_load(CATALOG)
    good = write("c.json", json.dumps(data, indent=2))
    assert load_catalogs([good]).credentials[0].title == "A course"
    data["credentials"][0]["hours"] = "ten"
    bad = write("bad.json", json.dumps(data, indent=2))
    with pytest.raises(InputError) as info:
        load_catalogs([bad])
    (problem,) = info.value.problems
    assert problem.line is not None and "hours" in str(problem) and "expected a number" in str(problem)
    assert bad.read_text().splitlines()[problem.line - 1].strip().startswith('"hours"')


def test_a_warm_world_neither_parses_nor_builds_the_matcher(  # type: ignore[no-untyped-def]
    write, cache_dir: Path, parses: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from skillgap.match import Matcher
    from skillgap.world import open_world

    catalog = write("c.yaml", CATALOG)
    taxonomy = write("s.yaml", TAXONOMY)
    cold = open_world([catalog], [taxonomy])
    assert cold.matcher.resolve("structured query language").skill == "SQL"
    builds: list[int] = []
    real_build = Matcher.build.__func__  # type: ignore[attr-defined]
    monkeypatch.setattr(
        Matcher, "build", classmethod(lambda cls, *a, **k: builds.append(1) or real_build(cls, *a, **k))
    )
    parsed_before = len(parses)
    warm = open_world([catalog], [taxonomy])
    assert warm.catalog == cold.catalog and builds == [] and len(parses) == parsed_before
    assert warm.matcher.resolve("structured query language") == cold.matcher.resolve(
        "structured query language"
    )
    taxonomy.write_text("skills:\n  - name: SQL\n    aliases: [sequel]\n", encoding="utf-8")
    edited = open_world([catalog], [taxonomy])
    assert builds == [1] and edited.matcher.resolve("sequel").skill == "SQL"


NAMES = cache.Codec(lambda value: {"names": value["names"]}, lambda found: {"names": found.json("names")})


def test_a_large_entry_written_in_the_background_is_whole_before_the_next_read(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "BACKGROUND_BYTES", 1000)
    big = {"names": [f"skill {i}" for i in range(20_000)]}
    built: list[int] = []

    def build() -> dict[str, list[str]]:
        built.append(1)
        return big

    assert cache.cached("demo", [("big", b"content")], build, NAMES) == big
    assert (
        cache.cached("demo", [("big", b"content")], build, NAMES) == big
    )  # waits for the write, then reads it
    assert built == [1]
    assert not list(cache_dir.glob(f"{cache.TEMPORARY}*"))  # written to a temporary file, then renamed


def test_the_command_waits_for_a_background_write_before_it_exits(  # type: ignore[no-untyped-def]
    write, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from skillgap.cli.main import run

    monkeypatch.setattr(cache, "BACKGROUND_BYTES", 100)
    threads: list[str] = []
    real = cache._Folder._store

    def store(*args: Any) -> None:
        threads.append(threading.current_thread().name)
        real(*args)

    monkeypatch.setattr(cache._Folder, "_store", store)
    path = write("c.yaml", CATALOG)
    with pytest.raises(SystemExit) as done:
        run(["catalog", "list", "--catalog", str(path)])
    assert done.value.code == 0
    assert threads == ["skillgap-cache-write"]
    assert not cache._writing and len(entries(cache_dir)) == 1


@pytest.mark.slow  # (two processes and a bundled cold start: a few seconds)
def test_sigkill_during_a_cache_write_leaves_nothing_a_later_run_uses(tmp_path: Path) -> None:
    """Killed while an entry is half written (stopped just before its rename): the next run answers as
    --no-cache does, never reads the half entry, and a later write sweeps it once it is stale."""
    folder = tmp_path / "cache"
    env = {**os.environ, "SKILLGAP_CACHE_DIR": str(folder), "PYTHONPATH": str(ROOT)}
    args = ["analyze", str(EXAMPLES / "profiles" / "trainer-to-elearning.yaml"), "--target",
            "instructional-designer", "--format", "json",
            "--catalog", str(ROOT / "catalogs" / "credentials")]  # fmt: skip  (named: not the shipped world)
    script = (
        "import os, sys, time\n"
        "import skillgap.load.cache as cache\n"
        "real = os.rename\n"
        "def rename(*a, **k):\n"
        "    print('half', flush=True); time.sleep(120)\n"
        "cache.os.rename = rename\n"
        "from skillgap.cli.main import run\n"
        "run(sys.argv[1:])\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
        text=True,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    child.kill()
    child.wait(timeout=30)
    child.stdout.close()
    assert line.strip() == "half"
    left = [p for p in folder.iterdir() if p.name.startswith(cache.TEMPORARY)]
    assert left and all(p.stat().st_size > 0 for p in left), "the killed run was stopped mid-write"
    def skillgap(*extra: str) -> subprocess.CompletedProcess[bytes]:
        command = [sys.executable, "-m", "skillgap", *extra, *args]
        return subprocess.run(command, env=env, capture_output=True, timeout=120, check=False)

    expected = skillgap("--no-cache")
    after = skillgap()
    assert after.returncode == 0 and after.stdout == expected.stdout
    stale = time.time() - 2 * cache.STALE_SECONDS
    for path in left:
        if path.exists():
            os.utime(path, (stale, stale))
    for entry in folder.iterdir():  # a later run writes again, and its write sweeps
        if not entry.name.startswith(cache.TEMPORARY):
            entry.unlink()
    again = skillgap()
    assert again.stdout == expected.stdout
    assert not [p for p in folder.iterdir() if p.name.startswith(cache.TEMPORARY)]
