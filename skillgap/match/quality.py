"""Measuring a matcher against a labelled set (the layout of shared/eval/matching-dev.yaml).

Used by the test suite and by benchmarks/matching_quality.py; not needed at run time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skillgap.model import Taxonomy, TaxonomySkill

Resolver = Callable[[str], "str | None"]


@dataclass(frozen=True)
class LabelledSet:
    vocabulary: tuple[str, ...]
    aliases: Mapping[str, tuple[str, ...]]
    cases: tuple[tuple[str, str | None], ...]

    def taxonomy(self) -> Taxonomy:
        return Taxonomy(
            tuple(TaxonomySkill(name, self.aliases.get(name, ())) for name in self.vocabulary)
        )


@dataclass(frozen=True)
class Miss:
    typed: str
    meant: str | None
    got: str | None

    @property
    def look_alike(self) -> bool:
        """A wrong match, which silently hides a gap (worse than no match)."""
        return self.got is not None


@dataclass(frozen=True)
class Figures:
    total: int
    correct: int
    resolved: int
    resolved_correctly: int
    misses: tuple[Miss, ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 1.0

    @property
    def precision(self) -> float:
        """Of the names resolved to a skill, the share resolved to the right one."""
        return self.resolved_correctly / self.resolved if self.resolved else 1.0

    @property
    def look_alikes(self) -> int:
        return sum(1 for m in self.misses if m.look_alike)

    def summary(self) -> str:
        return (
            f"accuracy {self.accuracy:.1%} ({self.correct}/{self.total}), "
            f"precision on matches {self.precision:.1%} ({self.resolved_correctly}/"
            f"{self.resolved}), look-alikes matched {self.look_alikes}"
        )


def load_set(path: Path) -> LabelledSet:
    import yaml

    data: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    aliases = {
        str(k): tuple(str(a) for a in v or ()) for k, v in (data.get("aliases") or {}).items()
    }
    cases = tuple(
        (str(typed), None if meant is None else str(meant)) for typed, meant in data["cases"]
    )
    return LabelledSet(tuple(str(v) for v in data["vocabulary"]), aliases, cases)


def evaluate(resolve: Resolver, cases: tuple[tuple[str, str | None], ...]) -> Figures:
    correct = resolved = resolved_correctly = 0
    misses: list[Miss] = []
    for typed, meant in cases:
        got = resolve(typed)
        if got is not None:
            resolved += 1
            resolved_correctly += got == meant
        if got == meant:
            correct += 1
        else:
            misses.append(Miss(typed, meant, got))
    return Figures(len(cases), correct, resolved, resolved_correctly, tuple(misses))
