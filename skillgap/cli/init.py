"""`skillgap init`: ask a few questions (or list a role's skills to rate) and write a starter profile.

The file is written whole or not at all, never over an existing file without --force (checked before the
first question, and again when writing), and is read back by the profile loader before it is written, so
what `init` writes always loads.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from skillgap.cli.common import DebugOpt, NoCacheOpt
from skillgap.errors import OutputExistsError, UsageError
from skillgap.limits import HOURS_PER_WEEK, MONEY, Range

if TYPE_CHECKING:
    from skillgap.model import Role

NO_INPUT_HINT = "answer the questions, or pass --no-input with --name"


def init(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH", help="The profile to write; - for standard output.", show_default=True
        ),
    ] = Path("profile.yaml"),
    from_role: Annotated[
        str | None,
        typer.Option(
            "--from-role",
            "-r",
            metavar="ROLE",
            help="List this role's skills to rate: a role file, the id of a bundled role, or a job posting.",
            show_default=False,
        ),
    ] = None,
    name: Annotated[
        str | None, typer.Option("--name", metavar="NAME", help="Your name (not asked).", show_default=False)
    ] = None,
    current_role: Annotated[
        str | None,
        typer.Option("--current-role", metavar="JOB", help="Your job now (not asked).", show_default=False),
    ] = None,
    no_input: Annotated[
        bool, typer.Option("--no-input", help="Ask nothing: a role's skills are written at level 0 to edit.")
    ] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace PATH if it exists.")] = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write a starter profile to PATH (default profile.yaml; - for standard output), asking a few
    questions."""
    from skillgap.render.output import write_atomic
    from skillgap.render.safe import clean

    to_stdout = str(path) == "-"
    if to_stdout and force:
        raise UsageError("--force replaces an existing PATH: with - the profile goes to standard output")
    if not to_stdout:
        refuse_to_replace(path, force)
    given = _clean_text(name) if name is not None else None
    if name is not None and not given:
        raise UsageError("--name must not be empty")
    if no_input and not given:
        raise UsageError("--no-input needs --name")
    role = _role(from_role) if from_role else None
    answers = Answers(no_input, to_stderr=to_stdout)
    person = {
        "name": given or answers.text("Your name"),
        "current_role": _clean_text(current_role)
        if current_role is not None
        else answers.text("Your current job (Enter to skip)", required=False),
    }
    skills = _rate(role, answers) if role else _list_skills(answers)
    preferences = {
        "budget": answers.number("Budget for training (Enter to skip)", MONEY),
        "hours_per_week": answers.number("Hours a week to study (Enter to skip)", HOURS_PER_WEEK),
    }
    text = profile_text(person, skills, preferences, role, path)
    check_loads(text, path)
    counted = f"{len(skills)} skill{'s' * (len(skills) != 1)}"
    if to_stdout:  # the profile is the data on stdout; questions and this note went to stderr
        sys.stdout.write(text)
        sys.stdout.flush()
        sys.stderr.write(f"Wrote the profile ({counted}) to standard output.\n")
        return
    write_atomic(path, text, force)
    target = f" --target {role.posting or role.id}" if role else " --target ROLE"
    shown = clean(str(path))
    sys.stderr.write(f"Wrote {shown} ({counted}). Next: skillgap analyze {shown}{clean(target)}\n")


def refuse_to_replace(path: Path, force: bool) -> None:
    """Before asking anything: a folder, or an existing file without --force, is refused."""
    if path.is_dir():
        raise UsageError(f"{path} is a folder: give the name of the profile file to write")
    if path.exists() and not force:
        raise OutputExistsError.at(str(path), "already exists", hint="use --force to replace it")


class Answers:
    """Questions on stdin (the prompts on stdout, or on stderr when the profile itself goes to stdout);
    with --no-input every optional answer is empty."""

    def __init__(self, no_input: bool, to_stderr: bool = False) -> None:
        self.no_input = no_input
        self.to_stderr = to_stderr

    def say(self, text: str) -> None:
        """A line of guidance among the questions, where the questions go."""
        typer.echo(text, err=self.to_stderr)

    def ask(self, question: str, default: str = "", convert: Any = None) -> Any:
        """The answer, converted; a wrong one is an `error: ` line on stderr and the question again (click's
        own prompt loop would print `Error: ` among the questions)."""
        from skillgap.cli.common import click_exception_types
        from skillgap.render.safe import clean

        aborts = click_exception_types()[1]
        if self.no_input:
            return convert(default) if convert else default
        while True:
            try:
                answer = typer.prompt(
                    question, default=default, show_default=bool(default), err=self.to_stderr
                )
            except aborts as exc:
                if isinstance(exc.__context__, EOFError):
                    ended = f"no answer to {question!r}: the input ended ({NO_INPUT_HINT})"
                    raise UsageError(ended) from None
                raise
            if convert is None:
                return answer
            try:
                return convert(answer)
            except typer.BadParameter as exc:
                sys.stderr.write(f"error: {clean(exc.message)}\n")
                sys.stderr.flush()

    def text(self, question: str, required: bool = True) -> str | None:
        def convert(value: str) -> str | None:
            cleaned = _clean_text(value)
            if required and not cleaned:
                raise typer.BadParameter("an answer is needed")
            return cleaned or None

        return self.ask(question, convert=convert)  # type: ignore[no-any-return]

    def number(self, question: str, within: Range) -> float | None:
        def convert(value: str) -> float | None:
            if not value.strip():
                return None
            try:
                number = float(value.replace(",", ""))
            except ValueError:
                raise typer.BadParameter("write a number, or nothing to skip") from None
            if not within.holds(number):
                raise typer.BadParameter(f"write a number {within.text()}, or nothing to skip")
            return int(number) if number.is_integer() else number

        return self.ask(question, convert=convert)  # type: ignore[no-any-return]

    def level(self, question: str, default: str = "0") -> int:
        from skillgap.load.fields import LEVEL_HINT, parse_level

        def convert(value: str) -> int:
            level, problem = parse_level(value.strip() or default)
            if level is None:
                raise typer.BadParameter(f"{problem} ({LEVEL_HINT})")
            return level

        return self.ask(question, default=default, convert=convert)  # type: ignore[no-any-return]


def _clean_text(value: str) -> str:
    """What was typed, without control characters or escape sequences, on one line."""
    from skillgap.render.safe import clean

    return " ".join(clean(value).split())


def _role(target: str) -> Role:
    from skillgap.postings.kinds import is_posting

    if is_posting(target):  # read through the bundled matcher, as `import posting` reads it
        from skillgap.cli.common import note_posting
        from skillgap.person import load_target
        from skillgap.world import open_world

        role = load_target(target, open_world())
        note_posting(role)
        return role
    from skillgap.load import load_role
    from skillgap.load.paths import resolve_role_path

    return load_role(resolve_role_path(target))


def _rate(role: Role, answers: Answers) -> list[tuple[str, int]]:
    from skillgap.levels import level_label
    from skillgap.render.safe import clean

    if not answers.no_input:
        count = len({n.casefold() for r in role.requirements for n in r.names})
        answers.say(f"Rate yourself on the {count} skills {clean(role.title)} needs:")
        answers.say(
            "0 none, 1 novice, 2 advanced beginner, 3 competent, 4 proficient, 5 expert; Enter for 0."
        )
    rated = []
    asked: set[str] = set()
    for requirement in role.requirements:
        needs = f"{requirement.level} {level_label(requirement.level)}"
        if requirement.any_of:
            needs += f"; any one of {clean(requirement.skill)} will do"
        for name in requirement.names:  # a choice: each alternative, as a skill of its own
            if name.casefold() not in asked:
                asked.add(name.casefold())
                rated.append((name, answers.level(f"{clean(name)} (needs {needs})")))
    return rated


def _list_skills(answers: Answers) -> list[tuple[str, int]]:
    if answers.no_input:
        return []
    answers.say("List the skills you have, one at a time; Enter on its own when done.")
    skills: list[tuple[str, int]] = []
    seen: set[str] = set()
    while True:
        skill = answers.text("Skill (Enter when done)", required=False)
        if not skill:
            return skills
        key = " ".join(skill.casefold().split())
        if key in seen:
            answers.say(f"{skill} is listed already.")
            continue
        seen.add(key)
        skills.append((skill, answers.level(f"Your level in {skill} (0-5 or a name)", default="")))


def profile_text(
    person: dict[str, Any],
    skills: list[tuple[str, int]],
    preferences: dict[str, Any],
    role: Role | None,
    path: Path,
) -> str:
    """The profile as commented YAML (values quoted and escaped by the YAML writer)."""
    from skillgap.inert import yaml_dump
    from skillgap.levels import level_label

    data: dict[str, Any] = {key: value for key, value in person.items() if value}
    data["skills"] = [{"name": skill, "level": level_label(level)} for skill, level in skills]
    kept = {key: value for key, value in preferences.items() if value is not None}
    if kept:
        data["preferences"] = kept
    body = yaml_dump(data, width=1000)
    source = f" from the role {role.title!r}" if role else ""
    if role is not None and role.posting is not None:
        source += f" (read from the job posting {role.posting})"
    header = [
        f"# A skillgap profile, started by `skillgap init`{source} on {date.today().isoformat()}.",
        "# Levels: 0 none, 1 novice, 2 advanced beginner, 3 competent, 4 proficient, 5 expert",
        "# (a number or a name). Optional per skill: last_used (YYYY-MM) and evidence; the README's",
        f"# 'File formats' lists the rest. Check it with `skillgap validate {_file_name(path)}`.",
    ]
    from skillgap.render.safe import clean

    return "\n".join(clean(line) for line in header) + "\n" + body


def _file_name(path: Path) -> str:
    return "FILE" if str(path) == "-" else path.name


def check_loads(text: str, path: Path) -> None:
    """Read the profile back as the loader will: writing a file skillgap itself refuses would be a bug."""
    from skillgap.load.fields import Report
    from skillgap.load.profile import read_profile
    from skillgap.load.source import parse

    report = Report(str(path))
    read_profile(parse(text, str(path)), report)
    if report.problems:
        raise RuntimeError("init built a profile the loader refuses: " + "; ".join(map(str, report.problems)))
