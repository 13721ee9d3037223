"""The parsed-catalog cache: keyed by content, never stale, never trusting a damaged or foreign entry."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest

import skillgap.load.reading as reading
from skillgap.errors import InputError
from skillgap.load import cache, load_catalogs

CATALOG = """credentials:
  - id: a
    title: A course
    provider: P
    skills: [{name: SQL, level: 2}]
    hours: 10
"""


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


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("catalog-*.pickle"))


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


def test_a_damaged_entry_is_ignored_and_rebuilt(write, cache_dir: Path, parses: list[str]) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", CATALOG)
    expected = load_catalogs([path])
    (entry,) = entries(cache_dir)
    entry.write_bytes(entry.read_bytes()[:-7])  # truncated
    assert load_catalogs([path]) == expected
    assert len(parses) == 2
    assert load_catalogs([path]) == expected and len(parses) == 2  # rebuilt entry is good again


class Boom:
    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (exec, ("raise SystemExit('foreign pickle was executed')",))


def test_a_foreign_unsigned_entry_is_never_unpickled(write, cache_dir: Path) -> None:  # type: ignore[no-untyped-def]
    path = write("c.yaml", CATALOG)
    expected = load_catalogs([path])
    (entry,) = entries(cache_dir)
    entry.write_bytes(cache.FORMAT + b"\0" * 32 + pickle.dumps(Boom()))
    assert load_catalogs([path]) == expected


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
    assert entries(cache_dir) == []
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
    taxonomy = write("s.yaml", "skills:\n  - name: SQL\n    aliases: [structured query language]\n")
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
    taxonomy.write_text("skills:\n  - name: SQL\n    aliases: [sequel]\n", encoding="utf-8")
    edited = open_world([catalog], [taxonomy])
    assert builds == [1] and edited.matcher.resolve("sequel").skill == "SQL"


def test_a_large_entry_written_in_the_background_is_whole_before_the_next_read(
    cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "BACKGROUND_BYTES", 1000)
    big = {"names": [f"skill {i}" for i in range(20_000)]}
    built: list[int] = []

    def build() -> dict[str, list[str]]:
        built.append(1)
        return big

    assert cache.cached("demo", "big", b"content", build) == big
    assert cache.cached("demo", "big", b"content", build) == big  # waits for the write, then reads it
    assert built == [1]
    assert not list(cache_dir.glob(".tmp-*"))  # written to a temporary file, then renamed into place


def test_the_command_waits_for_a_background_write_before_it_exits(  # type: ignore[no-untyped-def]
    write, cache_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from skillgap.cli.main import run

    monkeypatch.setattr(cache, "BACKGROUND_BYTES", 100)
    threads: list[str] = []
    real = cache._store

    def store(*args: object) -> None:
        threads.append(threading.current_thread().name)
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(cache, "_store", store)
    path = write("c.yaml", CATALOG)
    with pytest.raises(SystemExit) as done:
        run(["catalog", "list", "--catalog", str(path)])
    assert done.value.code == 0
    assert threads == ["skillgap-cache-write"]
    assert not cache._writing and len(entries(cache_dir)) == 1
