"""What the cohort core says about a profile that could not be read."""

from __future__ import annotations

from dataclasses import dataclass

from skillgap.errors import Problem


@dataclass(frozen=True)
class LoadFailure:
    """One profile file that did not load, with every problem found in it (file, line, column)."""

    file: str
    problems: tuple[Problem, ...]

    @property
    def message(self) -> str:
        """The first problem, located: `FILE:LINE:COL: what is wrong (hint)`."""
        return str(self.problems[0]) if self.problems else f"{self.file}: could not be read"
