"""Options and helpers shared by the commands (kept import-light: heavy modules load inside)."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from skillgap.errors import UsageError
from skillgap.render.formats import Format

if TYPE_CHECKING:
    from rich.console import Console

    from skillgap.model import Role

CatalogOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--catalog",
        "-c",
        help="Catalog file or folder (repeatable). Replaces the bundled catalog.",
        show_default=False,
    ),
]
TaxonomyOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--taxonomy",
        "-t",
        help="Taxonomy file or folder (repeatable). Replaces the bundled taxonomy.",
        show_default=False,
    ),
]
TargetOpt = Annotated[
    str,
    typer.Option(
        "--target",
        "-r",
        help="Target role: a role file, the id of a bundled role, or a job posting (.txt, .md, .html, .pdf).",
    ),
]
OutputOpt = Annotated[
    Path | None,
    typer.Option("--output", "-o", help="Write to this file (atomically) instead of stdout."),
]
ForceOpt = Annotated[bool, typer.Option("--force", help="Replace an existing --output file.")]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")]


def check_format(fmt: Format, allowed: tuple[Format, ...]) -> None:
    if fmt not in allowed:
        names = ", ".join(f.value for f in allowed)
        raise UsageError(f"--format {fmt.value} is not available here (choose from {names})")


def stdout_console(output: Path | None) -> Console:
    """A console for a table: the terminal (Rich decides colour) or plain text for a file."""
    import io

    from rich.console import Console

    if output is None:
        return Console(soft_wrap=False, highlight=False)
    return Console(file=io.StringIO(), width=100, color_system=None, highlight=False)


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

    source = clean(role.posting)
    typer.echo(
        f"note: the target role '{clean(role.title)}' was read from the job posting {source} "
        f"({len(role.requirements)} requirement(s)); `skillgap import posting {source}` shows the evidence",
        err=True,
    )
    if role.unrecognised:
        listed = "; ".join(f"{clean(u.text)} (line {u.line})" for u in role.unrecognised)
        typer.echo(f"note: not recognised in {source}: {listed}", err=True)
