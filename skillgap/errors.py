"""Domain errors and exit codes: the one place the command line turns failures into statuses."""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class ExitCode(IntEnum):
    """Documented exit statuses (README, "Exit codes")."""

    OK = 0
    UNEXPECTED = 1
    INVALID_INPUT = 2
    UNVERIFIABLE = 3  # `skillgap verify`: no badge invalid, but some could not be checked offline
    INTERRUPTED = 130


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file, located as precisely as the file allows."""

    file: str
    message: str
    line: int | None = None
    col: int | None = None
    path: str = ""
    hint: str = ""

    def __str__(self) -> str:
        if not self.file:
            return self.message + (f" ({self.hint})" if self.hint else "")
        where = self.file
        if self.line is not None:
            where += f":{self.line}"
            if self.col is not None:
                where += f":{self.col}"
        text = f"{where}: "
        if self.path:
            text += f"{self.path}: "
        text += self.message
        if self.hint:
            text += f" ({self.hint})"
        return text


class SkillgapError(Exception):
    """Base of every error the command line reports without a traceback."""

    exit_code: ExitCode = ExitCode.UNEXPECTED


class InputError(SkillgapError):
    """One or more problems with the user's input files or arguments (exit status 2)."""

    exit_code = ExitCode.INVALID_INPUT

    def __init__(self, problems: Problem | list[Problem] | str) -> None:
        if isinstance(problems, str):
            problems = [Problem(file="", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))

    @classmethod
    def at(
        cls,
        file: str,
        message: str,
        line: int | None = None,
        col: int | None = None,
        path: str = "",
        hint: str = "",
    ) -> InputError:
        return cls(Problem(file=file, message=message, line=line, col=col, path=path, hint=hint))


class UsageError(InputError):
    """A command-line argument that cannot be used (exit status 2)."""


class OutputExistsError(InputError):
    """Refusing to replace an existing output file without --force (exit status 2)."""
