"""The matcher built ahead in a child process is used only when it is exactly the one the parent would
build; anything else falls back to building it in the parent."""

from __future__ import annotations

import json
import os
import pickle
from pathlib import Path

import pytest

from skillgap.ahead import Ahead, predicted
from skillgap.analyse.gaps import skill_key
from skillgap.load.catalog import load_catalogs
from skillgap.match import Matcher
from skillgap.model import Taxonomy, TaxonomySkill
from skillgap.world import build_world, teaching_index

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this platform")

TAXONOMY = Taxonomy(
    (TaxonomySkill("SQL", ("structured query language",)), TaxonomySkill("data visualisation"))
)
WRITTEN = ["SQL", " sql ", "Structured Query Language", "Data Visualization", "data viz", "Excel 365",
           "statistics", "Statistcs", "project mgmt", "Project Management", "power bi reporting"]  # fmt: skip


def catalog_file(folder: Path, size: int = 120) -> Path:
    credentials = [
        {
            "id": f"c{i}",
            "title": f"Course {i}",
            "provider": "Acme",
            # three names 4 apart in WRITTEN: never two spellings of one name in a credential
            "skills": [
                {"name": WRITTEN[(i + 4 * j) % len(WRITTEN)], "level": 1 + (i + j) % 5} for j in range(3)
            ],
            "hours": i % 40,
        }
        for i in range(size)
    ]
    path = folder / "catalog.json"
    path.write_text(json.dumps({"credentials": credentials}), encoding="utf-8")
    return path


def test_the_matcher_built_ahead_is_the_one_the_parent_would_build(tmp_path: Path) -> None:
    path = catalog_file(tmp_path)
    ahead = Ahead.start(TAXONOMY, [path], min_bytes=0)
    assert ahead is not None
    catalog = load_catalogs([path], use_cache=False)
    vocabulary = list(dict.fromkeys(s.name for c in catalog.credentials for s in c.skills))
    found = predicted([path])
    assert found is not None and found.names == vocabulary
    built = ahead.result(vocabulary, len(catalog.credentials))
    assert built is not None
    built_ahead, keys = built.matcher, built.keys
    here = Matcher.build(TAXONOMY, vocabulary)
    resolutions = here.resolve_many(vocabulary)
    assert keys == [skill_key(name, resolutions) for name in vocabulary]
    assert built.teaching == teaching_index(catalog, here, vocabulary)
    assert built_ahead.skills == here.skills
    queries = [*vocabulary, "structured query lang", "visualisation of data", "stats", "cooking"]
    assert built_ahead.resolve_many(queries) == here.resolve_many(queries)
    assert [built_ahead.explain(q) for q in queries[-4:]] == [here.explain(q) for q in queries[-4:]]
    world = build_world(catalog, TAXONOMY, Ahead.start(TAXONOMY, [path], min_bytes=0))
    assert world.teaching == build_world(catalog, TAXONOMY).teaching


def test_other_names_a_failed_child_or_ids_to_link_mean_the_parent_builds(tmp_path: Path) -> None:
    path = catalog_file(tmp_path)
    ahead = Ahead.start(TAXONOMY, [path], min_bytes=0)
    assert ahead is not None and ahead.result(["SQL", "something else"], 120) is None
    broken = tmp_path / "broken.json"
    broken.write_text('{"credentials": [' * 3, encoding="utf-8")
    ahead = Ahead.start(TAXONOMY, [broken], min_bytes=0)
    assert ahead is not None and ahead.result(["SQL"], 1) is None  # the child failed: nothing came back
    with_ids = Taxonomy((TaxonomySkill("SQL", id="http://data.europa.eu/esco/skill/sql"),))
    assert Ahead.start(with_ids, [path], min_bytes=0) is None
    assert Ahead.start(TAXONOMY, [path]) is None  # a small catalog: not worth a second process
    odd = tmp_path / "odd.json"
    odd.write_text(json.dumps({"credentials": [{"skills": [{"name": 2024, "level": 3}]}]}), encoding="utf-8")
    assert predicted([odd]) is None


def test_a_cancelled_child_is_reaped(tmp_path: Path) -> None:
    ahead = Ahead.start(TAXONOMY, [catalog_file(tmp_path, 2000)], min_bytes=0)
    assert ahead is not None
    pid = ahead._pid
    ahead.cancel()
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def test_the_teaching_index_built_ahead_is_used_only_where_it_is_the_parents(tmp_path: Path) -> None:
    """Two names of one skill in a credential (its higher level counts), levels the careful reading
    takes in other spellings, and a reading that found another number of credentials."""
    credentials = [
        {"id": "a", "title": "A", "provider": "P",
         "skills": [{"name": "SQL", "level": 2}, {"name": "structured query language", "level": 4}]},
        {"id": "b", "title": "B", "provider": "P", "skills": [{"name": " Data viz ", "level": 3}]},
        {"id": "c", "title": "C", "provider": "P",
         "skills": [{"name": "statistics", "level": 1}, {"name": "SQL", "level": 5}]},
    ]  # fmt: skip
    path = tmp_path / "catalog.json"
    path.write_text(json.dumps({"credentials": credentials}), encoding="utf-8")
    catalog = load_catalogs([path], use_cache=False)
    own = build_world(catalog, TAXONOMY).teaching
    assert [(i, lv) for i, lv in own["SQL"].pairs()] == [(0, 4), (2, 5)]
    assert build_world(catalog, TAXONOMY, Ahead.start(TAXONOMY, [path], min_bytes=0)).teaching == own
    vocabulary = list({s.name: None for c in catalog.credentials for s in c.skills})
    ahead = Ahead.start(TAXONOMY, [path], min_bytes=0)
    assert ahead is not None
    built = ahead.result(vocabulary, 2)  # not what the child counted: its matcher, not its index
    assert built is not None and built.teaching is None

    credentials[1]["skills"] = [{"name": "Data viz", "level": "3"}]  # read by the careful reading
    path.write_text(json.dumps({"credentials": credentials}), encoding="utf-8")
    found = predicted([path])
    assert found is not None and found.taught is None
    catalog = load_catalogs([path], use_cache=False)
    world = build_world(catalog, TAXONOMY, Ahead.start(TAXONOMY, [path], min_bytes=0))
    assert world.teaching == build_world(catalog, TAXONOMY).teaching


class Planted:
    """A pickle that writes MARKER when it is unpickled."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self):  # type: ignore[no-untyped-def]
        return (exec, (f"open({str(self.marker)!r}, 'w').write('ran')",))


@pytest.mark.parametrize("sent", ["pickle", "half a container"])
def test_what_comes_through_the_pipe_is_only_ever_data(tmp_path: Path, sent: str) -> None:
    """The parent takes the child's work as data it checks: a pickle, or a container cut short, is
    nothing it uses (and the pickle is never run)."""
    marker = tmp_path / "marker"
    blob = pickle.dumps(Planted(marker))
    if sent != "pickle":
        from skillgap import parts

        blob = parts.encode({"names": ["SQL"], "count": 1, "keys": ["sql"]}).join()[:-3]
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # a child that sends BLOB
        try:
            os.close(read_end)
            os.write(write_end, blob)
        finally:
            os._exit(0)
    os.close(write_end)
    assert Ahead(pid, read_end, TAXONOMY).result(["SQL"], 1) is None
    assert not marker.exists()


def test_a_world_built_with_the_child_comes_back_from_the_cache_as_built(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cold run packs its catalog for the cache while the child builds, and the warm run reads back
    the world the cold run used (and that a run without the cache builds)."""
    from skillgap import world as world_module
    from skillgap.load import cache

    real = Ahead.start.__func__  # type: ignore[attr-defined]
    started: list[bool] = []

    def start(cls, taxonomy, paths, min_bytes=0):  # type: ignore[no-untyped-def]
        found = real(cls, taxonomy, paths, 0)
        started.append(found is not None)
        return found

    monkeypatch.setattr(Ahead, "start", classmethod(start))
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path / "cache"))
    path, taxonomy = catalog_file(tmp_path), tmp_path / "skills.yaml"
    taxonomy.write_text("skills:\n  - name: SQL\n    aliases: [structured query language]\n")
    monkeypatch.setattr(cache, "_DISABLED", True)  # (restored after the test)
    alone = world_module.open_world([path], [taxonomy])
    cache.set_enabled(True)
    cold = world_module.open_world([path], [taxonomy])
    cache.finish_writes()
    warm = world_module.open_world([path], [taxonomy])
    assert started == [True, True]  # (the warm run started no child: it built nothing)
    for world in (cold, warm):
        assert world.catalog == alone.catalog and dict(world.teaching) == dict(alone.teaching)
        assert world.matcher.resolve_many(WRITTEN) == alone.matcher.resolve_many(WRITTEN)
    assert type(warm.catalog.credentials).__name__ == "PackedCredentials"


def test_the_child_ends_when_its_parent_is_terminated(tmp_path: Path) -> None:
    """SIGTERM (or SIGKILL) to skillgap must not leave the child building a matcher for no one."""
    import signal
    import subprocess
    import sys
    import time

    catalog = catalog_file(tmp_path, 2000)
    script = (
        "import sys, time\n"
        "from skillgap.match import Matcher\n"
        "Matcher.build = staticmethod(lambda *a, **k: time.sleep(120))  # a child that would run long\n"
        "from skillgap.ahead import Ahead\n"
        "from tests.test_ahead import TAXONOMY\n"
        "from pathlib import Path\n"
        "ahead = Ahead.start(TAXONOMY, [Path(sys.argv[1])], min_bytes=0)\n"
        "print(ahead._pid, flush=True)\n"
        "time.sleep(120)\n"
    )
    parent = subprocess.Popen(
        [sys.executable, "-c", script, str(catalog)],
        stdout=subprocess.PIPE, text=True, cwd=Path(__file__).parent.parent,
    )
    assert parent.stdout is not None
    child = int(parent.stdout.readline())
    parent.stdout.close()
    parent.send_signal(signal.SIGTERM)
    parent.wait(timeout=30)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        if _ended(child):
            break
        time.sleep(0.05)
    else:
        os.kill(child, signal.SIGKILL)
        pytest.fail("the child outlived its parent by 20 seconds")


def _ended(pid: int) -> bool:
    """An orphan that has exited stays a zombie until its new parent reaps it (in a container, nothing
    may): ended all the same."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[0] in ("Z", "X")
