"""Options and helpers shared by the commands (kept import-light: heavy modules load inside)."""

from __future__ import annotations

import importlib
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from skillgap.errors import UsageError
from skillgap.limits import Range
from skillgap.render.formats import Formats

if TYPE_CHECKING:
    from rich.console import Console

    from skillgap.model import Role

CatalogOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        "-c",
        metavar="PATH",
        help="Catalog file or folder (repeatable). Replaces the bundled catalog.",
        show_default=False,
    ),
]
TaxonomyOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--taxonomy",
        "-t",
        metavar="PATH",
        help="Taxonomy file or folder (repeatable). Replaces the bundled taxonomy.",
        show_default=False,
    ),
]
ExtraCatalogOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--extra-catalog",
        metavar="PATH",
        help="Catalog file or folder added to the catalog (the bundled one, or --catalog's); repeatable.",
        show_default=False,
    ),
]
ExtraTaxonomyOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--extra-taxonomy",
        metavar="PATH",
        help="Taxonomy file or folder added to the taxonomy (the bundled one, or --taxonomy's): your own "
        "skills and aliases; repeatable.",
        show_default=False,
    ),
]
RolesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--roles",
        metavar="DIR",
        help="A folder of role files added to the bundled roles (repeatable): a target role may then be "
        "named by their ids or titles.",
        show_default=False,
    ),
]
TargetOpt = Annotated[
    str,
    typer.Option(
        "--target",
        "-r",
        metavar="ROLE",
        help="Target role: a role file, the id or title of a bundled role (or one in --roles), or a job "
        "posting (.txt, .md, .html, .pdf).",
    ),
]


def _dash_is_stdout(value: Path | None) -> Path | None:
    """`-o -` is stdout, as for most command-line tools (a file named - is given by its full path)."""
    return None if value is not None and str(value) == "-" else value


OutputOpt = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="FILE",
        callback=_dash_is_stdout,
        help="Write to this file (atomically) instead of stdout; - is stdout.",
        show_default=False,
    ),
]
RatesOpt = Annotated[
    Path | None,
    typer.Option(
        "--rates",
        metavar="FILE",
        help="Exchange rates (YAML or CSV: each currency's rate into one currency, and the rates' date) "
        "that convert costs in other currencies into the budget's. Without it costs in several currencies "
        "are kept apart.",
        show_default=False,
    ),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an existing --output file.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")]


def _no_cache(value: bool) -> bool:
    if value:
        from skillgap.load import cache

        cache.set_enabled(False)
    return value


NoCacheOpt = Annotated[
    bool,
    typer.Option(
        "--no-cache", callback=_no_cache, help="Neither read nor write the cache of parsed catalogs."
    ),
]


def choices_metavar(choices: type[Enum]) -> str:
    """How an option's choices show in its help: [table|json]."""
    return "[" + "|".join(str(member.value) for member in choices) + "]"


def format_option(choices: type[Formats]) -> Any:
    """The --format option of a command that renders CHOICES: its help and its errors name those only."""
    return typer.Option(
        "--format", "-f", metavar=choices_metavar(choices), help="The output format.", case_sensitive=False
    )


def refuse_force_without_output(force: bool, *outputs: Path | None) -> None:
    """--force replaces an output file: with none to write (stdout), it would do nothing, so say so."""
    if force and all(output is None for output in outputs):
        raise UsageError(
            "--force replaces an existing --output file: give --output FILE, or leave --force out"
        )


def number_option(*names: str, within: Range, help: str, whole: bool = False, metavar: str = "") -> Any:
    """A typer option for a number in WITHIN (skillgap/limits.py): anything else (NaN, infinity, a value
    out of the range, not a number at all) is a usage error naming the option. "{range}" in HELP becomes
    the range in words."""

    def parse(text: str) -> float | int:
        word = "a whole number" if whole else "a number"
        try:
            number: float | int = int(text) if whole else float(text)
        except (ValueError, OverflowError):
            raise typer.BadParameter(f"{text[:40]!r} is not {word} ({within.text()})") from None
        try:
            held = within.holds(float(number))
        except OverflowError:  # a whole number past what a float holds
            held = False
        if not held:
            raise typer.BadParameter(within.problem(text[:40], word))
        return number

    return typer.Option(
        *names,
        parser=parse,
        metavar=metavar or ("N" if whole else "NUMBER"),
        help=help.replace("{range}", within.text()),
    )


def money_option(*names: str, within: Range, help: str) -> Any:
    """A typer option for an amount of money: a number in WITHIN, with or without a three-letter currency
    before or after it ("500", "500 EUR", "EUR 500"). "{range}" in HELP becomes the range in words."""

    def parse(text: str) -> Any:
        from skillgap.money import Amount

        words = text.replace(",", "").split()
        codes = [
            w.upper()
            for w in words
            if len(w) == 3 and w.isalpha() and w.isascii() and w.upper() not in ("NAN", "INF")
        ]
        numbers = [w for w in words if w.upper() not in codes]
        if len(words) > 2 or len(codes) > 1 or len(numbers) != 1:
            raise typer.BadParameter(
                f"{text[:40]!r} is not an amount: write a number, with its currency or not (500, 500 EUR)"
            )
        try:
            value = float(numbers[0])
        except (ValueError, OverflowError):
            raise typer.BadParameter(f"{numbers[0][:40]!r} is not a number ({within.text()})") from None
        if not within.holds(value):
            raise typer.BadParameter(within.problem(numbers[0][:40]))
        return Amount(value, codes[0] if codes else None)

    return typer.Option(*names, parser=parse, metavar="AMOUNT", help=help.replace("{range}", within.text()))


def load_rates_option(path: Path | None) -> Any:
    """The rates file of --rates, read and checked (None without one)."""
    if path is None:
        return None
    from skillgap.load.rates import load_rates

    return load_rates(path)


def date_option(*names: str, end: bool, help: str) -> Any:
    """A typer option for a date: YYYY-MM-DD, YYYY-MM or YYYY, years 1900-2200, each refusal naming the
    option. A month or a year stands for its last day with END (a deadline), else its first (a start)."""

    def parse(text: str) -> date:
        from skillgap.load.fields import read_date

        found, problem, hint = read_date(text, end=end)
        if found is None:
            raise typer.BadParameter(problem + (f" ({hint})" if hint else ""))
        return found

    return typer.Option(*names, parser=parse, metavar="DATE", help=help)


def stale_after_option() -> Any:
    """--stale-after, the same on every command that analyses a person (analyze, plan, compare, cohort,
    report), so a coaching sheet and an analysis of the same person agree."""
    from skillgap.limits import STALE_AFTER

    return number_option(
        "--stale-after",
        within=STALE_AFTER,
        metavar="YEARS",
        help="A skill last used longer ago than this counts a level lower ({range}; 0: never).",
    )


def stdout_console(output: Path | None) -> Console:
    """A console for a table: the terminal (Rich decides colour) or plain text for a file, as wide as
    `text_width` says (COLUMNS first)."""
    import io

    from rich.console import Console

    from skillgap.render.fit import text_width

    if output is None:
        return Console(soft_wrap=False, highlight=False, width=text_width())
    return Console(file=io.StringIO(), width=text_width(to_file=True), color_system=None, highlight=False)


def finish_console(console: Console, output: Path | None, force: bool) -> None:
    """For --output, write what a file-backed console captured."""
    import io

    from skillgap.render.output import write_atomic

    if output is not None and isinstance(console.file, io.StringIO):
        write_atomic(output, console.file.getvalue(), force)


def click_exception_types() -> tuple[tuple[type[BaseException], ...], ...]:
    """Click's Exit, Abort and ClickException, from click itself and from the copy newer typers vendor."""
    modules = []
    for name in ("typer._click.exceptions", "click.exceptions"):
        try:
            modules.append(importlib.import_module(name))
        except ImportError:
            continue
    exits = tuple(m.Exit for m in modules if hasattr(m, "Exit")) + (typer.Exit,)
    aborts = tuple(m.Abort for m in modules if hasattr(m, "Abort")) + (typer.Abort,)
    errors = tuple(m.ClickException for m in modules if hasattr(m, "ClickException"))
    return exits, aborts, errors


def note_posting(role: Role) -> None:
    """On stderr: a target role read from a job posting says so, and names what in it matched no skill."""
    if role.posting is None:
        return
    from skillgap.render.safe import clean
    from skillgap.words import plural

    source = clean(role.posting)
    typer.echo(
        f"note: the target role '{clean(role.title)}' was read from the job posting {source} "
        f"({plural(len(role.requirements), 'requirement')}); "
        f"`skillgap import posting {source}` shows the evidence",
        err=True,
    )
    if role.unrecognised:
        listed = "; ".join(f"{clean(u.text)} (line {u.line})" for u in role.unrecognised)
        typer.echo(f"note: not recognised in {source}: {listed}", err=True)


def team_budget_options() -> tuple[Any, Any]:
    """--team-budget and --budget-per-person, for the commands that say who a cohort's shared credentials
    fund first (cohort, report)."""
    from skillgap.limits import MONEY

    team = money_option(
        "--team-budget",
        within=MONEY,
        help="What the team can spend ({range}), with its currency or not: says who the shared credentials "
        "fund first.",
    )
    person = money_option(
        "--budget-per-person",
        within=MONEY,
        help="The most to spend on one person ({range}), with its currency or not.",
    )
    return team, person


def funding_money(team: Any, person: Any, catalog_currency: str | None, rates: Any) -> Any:
    """The currency a team's budget is in (the one its amounts name, else the catalog's), with the rates."""
    from skillgap.money import Money, counting_currency

    named = {a.currency for a in (team, person) if a is not None and a.currency}
    if len(named) > 1:
        raise UsageError(
            f"--team-budget and --budget-per-person name different currencies ({', '.join(sorted(named))}): "
            "give both in one"
        )
    return Money(counting_currency(next(iter(named), None), None, catalog_currency, rates), rates)
