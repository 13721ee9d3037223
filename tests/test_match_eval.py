"""Measured matching quality on the shared development set and on our own held-out set."""

from __future__ import annotations

from pathlib import Path

import pytest

from skillgap.match import Matcher
from skillgap.match.quality import Figures, evaluate, load_set

DEV_SET = Path(__file__).parents[2] / "shared/eval/matching-dev.yaml"
EXTRA_SET = Path(__file__).parent / "data/matching-extra.yaml"
MIN_ACCURACY = 0.95


def _figures(path: Path) -> Figures:
    labelled = load_set(path)
    matcher = Matcher.build(labelled.taxonomy())
    figures = evaluate(lambda name: matcher.resolve(name).skill, labelled.cases)
    print(f"\n{path.name}: {figures.summary()}")
    for miss in figures.misses:
        kind = "LOOK-ALIKE" if miss.look_alike else "unresolved"
        print(f"  {kind}: {miss.typed!r} -> {miss.got!r} (meant {miss.meant!r})")
    return figures


def _check(figures: Figures) -> None:
    wrong = [m for m in figures.misses if m.look_alike]
    assert not wrong, f"wrongly matched: {wrong}"
    assert figures.accuracy >= MIN_ACCURACY, figures.summary()


def test_dev_set() -> None:
    if not DEV_SET.exists():
        pytest.skip(f"{DEV_SET} not present (shared/ is checked out beside the repository)")
    _check(_figures(DEV_SET))


def test_extra_set() -> None:
    _check(_figures(EXTRA_SET))
