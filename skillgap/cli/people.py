"""Reading many profiles for `cohort` and `report`: folders expanded, failures collected, not fatal.

A profile that fails to load is reported by file and line and the rest are still analysed. A progress bar
is drawn on stderr, and only when stderr is a terminal and there are many profiles.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from skillgap.limits import STALE_AFTER_YEARS

if TYPE_CHECKING:
    from skillgap.cohort import Cohort, LoadFailure
    from skillgap.person import Person
    from skillgap.world import World

PROGRESS_THRESHOLD = 20


def profile_paths(paths: Sequence[Path]) -> list[Path]:
    """Files as given, folders replaced by their .yaml/.yml/.json files; each file once."""
    from skillgap.load.paths import expand_paths

    seen: dict[Path, Path] = {}
    for path in expand_paths(paths):
        seen.setdefault(path.resolve(), path)
    return list(seen.values())


def load_people(
    files: Sequence[Path], world: World, tick: Callable[[], None] | None = None
) -> tuple[list[Person], list[LoadFailure]]:
    """Everyone whose profile (and badge files) load, and for every one that does not, its problems."""
    from skillgap.cli.notes import print_badge_notes
    from skillgap.cohort import LoadFailure
    from skillgap.errors import InputError
    from skillgap.person import load_person

    people: list[Person] = []
    failures: list[LoadFailure] = []
    for path in files:
        try:
            people.append(load_person(path, world))
            print_badge_notes(people[-1].badges)
        except InputError as exc:
            failures.append(LoadFailure(str(path), tuple(exc.problems)))
        if tick is not None:
            tick()
    return people, failures


@contextmanager
def progress(total: int, label: str) -> Iterator[Callable[[], None] | None]:
    """A tick function that advances a bar on stderr, or None when no bar is wanted."""
    if total <= PROGRESS_THRESHOLD or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    with bar:
        task = bar.add_task(label, total=total)
        yield lambda: bar.advance(task)


def report_failures(failures: Sequence[LoadFailure], total: int) -> None:
    """Each profile that did not load, on stderr, located; then how many were left out."""
    if not failures:
        return
    from skillgap.render.safe import clean

    for failure in failures:
        for problem in failure.problems:
            sys.stderr.write(f"error: {clean(str(problem))}\n")
    sys.stderr.write(f"skillgap: {len(failures)} of {total} profiles could not be read and were left out\n")
    sys.stderr.flush()


def analyse_people(
    paths: Sequence[Path],
    target: str,
    catalogs: Sequence[Path] | None,
    taxonomies: Sequence[Path] | None,
    top: int | None = None,
    extra_catalogs: Sequence[Path] | None = None,
    extra_taxonomies: Sequence[Path] | None = None,
    roles: Sequence[Path] | None = None,
    stale_after: float | None = STALE_AFTER_YEARS,
) -> tuple[Cohort, World]:
    """Load everyone who loads, build the world once, resolve every distinct name once, analyse each."""
    from skillgap.cli.common import note_posting
    from skillgap.cli.notes import print_warnings
    from skillgap.cohort import build_cohort
    from skillgap.errors import InputError
    from skillgap.person import analyse_person, load_target, names_to_resolve
    from skillgap.world import open_world

    world = open_world(catalogs, taxonomies, extra_catalogs, extra_taxonomies)
    role = load_target(target, world, roles or ())
    note_posting(role)
    files = profile_paths(paths)
    with progress(len(files), "Reading profiles") as tick:
        people, failures = load_people(files, world, tick)
    if not people:  # nothing to analyse: the problems are the whole answer
        raise InputError([problem for failure in failures for problem in failure.problems])
    report_failures(failures, len(files))
    resolutions = world.resolve(names_to_resolve(people, [role]))
    analyses = [analyse_person(world, person, role, resolutions, stale_after) for person in people]
    print_warnings(w for a in analyses for w in a.warnings)
    cohort = build_cohort(role, analyses, world.catalog.credentials, resolutions, failures, top)
    return cohort, world
