"""The bundled world built ahead of time (skillgap/bundled-world.sgc, written by scripts/prebuild.py): it is
what a build of the bundled files gives today, a run over the bundled data uses it instead of building, and
a file made from other bytes, or damaged, is never used: the run builds as before."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import skillgap.world as world_module
from skillgap.load import paths
from skillgap.world import SHIPPED, open_world, ship_bundled_world
from tests.conftest import CATALOGS, EXAMPLES, ROOT

PROFILE = EXAMPLES / "profiles" / "career-changer.yaml"


def test_the_committed_file_is_what_the_bundled_files_build_today() -> None:
    """Fails after a catalog, the taxonomy or what a world packs changed: run `python scripts/prebuild.py`."""
    assert SHIPPED.is_file(), "missing: run python scripts/prebuild.py"
    assert SHIPPED.read_bytes() == ship_bundled_world(), "out of date: run python scripts/prebuild.py"


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the worlds built from files (rather than taken from the shipped file or the cache)."""
    built: list[int] = []
    real = world_module._build

    def counting(*args: object) -> object:
        built.append(1)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(world_module, "_build", counting)
    return built


def test_a_run_over_the_bundled_data_builds_nothing(builds: list[int], cli: object) -> None:
    world = open_world()
    assert builds == []
    fresh = world_module._build(
        paths.expand_paths(paths.catalog_paths(None)), paths.expand_paths(paths.taxonomy_paths(None))
    ).world
    # the same answers, down to the files named in messages (those of this install, not the builder's)
    assert world.catalog.files == fresh.catalog.files
    assert all(Path(name).is_file() for name in world.catalog.files + world.taxonomy.files)
    assert [c.origin for c in world.catalog.credentials] == [c.origin for c in fresh.catalog.credentials]
    assert world.catalog.credentials == fresh.catalog.credentials
    assert world.taxonomy == fresh.taxonomy
    names = ["python", "Instructional design", "storyboarding", "excel pivot tables", "welding"]
    assert world.resolve(names) == fresh.resolve(names)
    assert dict(world.teaching) == dict(fresh.teaching)


def test_a_catalog_edited_since_is_read_not_the_shipped_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    copy = tmp_path / "catalogs"
    shutil.copytree(CATALOGS, copy)
    edited = sorted((copy / "credentials").glob("*.yaml"))[0]
    text = edited.read_text(encoding="utf-8")
    first = open_world().catalog.credentials[0]
    assert first.origin is not None and Path(first.origin.file).name == edited.name
    line = next(line for line in text.splitlines(keepends=True) if "title:" in line and first.title in line)
    edited.write_text(text.replace(line, line.replace(first.title, "Edited since it was shipped"), 1))
    monkeypatch.setattr(paths, "bundled_dir", lambda: copy)

    world = open_world()
    assert builds == [1]
    assert world.catalog.credentials[0].title == "Edited since it was shipped"
    assert world.catalog.files[0].startswith(str(copy))


@pytest.mark.parametrize("damage", ["flip a byte", "cut short", "empty"])
def test_a_damaged_shipped_file_is_never_used(
    damage: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, builds: list[int]
) -> None:
    blob = bytearray(SHIPPED.read_bytes())
    if damage == "flip a byte":
        blob[len(blob) // 2] ^= 0x20
    elif damage == "cut short":
        del blob[-100:]
    else:
        blob.clear()
    damaged = tmp_path / "bundled-world.sgc"
    damaged.write_bytes(bytes(blob))
    expected = open_world()
    monkeypatch.setattr(world_module, "SHIPPED", damaged)
    monkeypatch.setenv("SKILLGAP_NO_CACHE", "1")

    world = open_world()
    assert builds == [1]
    assert world.catalog.credentials == expected.catalog.credentials
    assert world.resolve(["storyboarding"]) == expected.resolve(["storyboarding"])


def test_analyze_gives_the_same_answer_with_or_without_the_shipped_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, cli: object
) -> None:
    args = ["--no-cache", "analyze", PROFILE, "--target", "instructional-designer", "--format", "json"]
    shipped = cli(*args)  # type: ignore[operator]
    monkeypatch.setattr(world_module, "SHIPPED", tmp_path / "missing.sgc")
    built = cli(*args)  # type: ignore[operator]
    assert shipped.code == built.code == 0
    assert shipped.json() == built.json()


@pytest.mark.slow  # (builds a wheel: a few seconds)
def test_a_wheel_ships_the_file_and_the_installed_package_uses_it(tmp_path: Path) -> None:
    built = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "wheel"), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert built.returncode == 0, built.stderr
    wheel = next((tmp_path / "wheel").glob("skillgap-*.whl"))
    with zipfile.ZipFile(wheel) as archive:
        assert "skillgap/bundled-world.sgc" in archive.namelist()
        archive.extractall(tmp_path / "site")
    program = (
        "import skillgap.world as w\n"
        "def built(*args): raise SystemExit('built the world instead of reading the shipped one')\n"
        "w._build = built\n"
        "world = w.open_world()\n"
        "print(w.__file__)\n"
        "print(world.catalog.files[0])\n"
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site"), "SKILLGAP_NO_CACHE": "1"}
    ran = subprocess.run(
        [sys.executable, "-c", program], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert ran.returncode == 0, ran.stderr
    module, first = ran.stdout.splitlines()
    installed = tmp_path / "site" / "skillgap"
    assert Path(module).parent == installed  # the installed copy ran, not this checkout
    assert first.startswith(f"{installed / '_bundled' / 'credentials'}{os.sep}") and Path(first).is_file()
