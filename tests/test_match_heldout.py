"""A second held-out matching set, written by another engineer without seeing the matcher's scores."""

from __future__ import annotations

from pathlib import Path

from tests.test_match_eval import _check, _figures

HELDOUT_SET = Path(__file__).parent / "data/matching-heldout.yaml"


def test_heldout_set() -> None:
    _check(_figures(HELDOUT_SET))
