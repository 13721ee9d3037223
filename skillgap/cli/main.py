"""The `skillgap` command: the typer app, its commands, and the one error boundary.

Nothing heavy is imported here: each command imports what it needs when it runs, so `skillgap --help`
starts fast (a test checks that it loads neither rapidfuzz, yaml nor rich tables).
"""

from __future__ import annotations

import errno
import gc
import sys
from typing import Annotated

import typer

import skillgap.cli.import_profile as profile_imports  # noqa: F401 (its commands join `import`)
import skillgap.cli.init as init_cli
import skillgap.cli.schema as schema_cli
import skillgap.cli.validate as validate_cli
import skillgap.cli.verify as verify_cli
from skillgap.cli import analyze, catalog, cohort, compare, importers, match, plan, report, roles, showcase
from skillgap.cli.common import click_exception_types
from skillgap.cli.usage import Command
from skillgap.errors import ExitCode, SkillgapError

# What the system says when output cannot be written for reasons of the machine, not of skillgap.
_CANNOT_WRITE = frozenset(
    getattr(errno, name) for name in ("ENOSPC", "EDQUOT", "EFBIG", "EROFS", "EIO") if hasattr(errno, name)
)


def _new_app() -> typer.Typer:
    return typer.Typer(
        name="skillgap",
        help="Personal skills-gap analysis: compare your skills with a target role and rank the "
        "microcredentials that close the gap.",
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        no_args_is_help=True,
        add_completion=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )


app = _new_app()


def _version(value: bool) -> None:
    if value:
        from skillgap import version

        typer.echo(f"skillgap {version()}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show a traceback when something goes wrong.")
    ] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Neither read nor write the cache of parsed catalogs.")
    ] = False,
) -> None:
    """Personal skills-gap analysis: compare your skills with a target role and rank the
    microcredentials that close the gap.

    Exit codes: 0 ok, 2 invalid input or usage, 1 unexpected failure, 130 interrupted; `verify`: 3 some
    badge not checkable offline.
    """
    if no_cache or "skillgap.load.cache" in sys.modules:
        from skillgap.load import cache

        cache.set_enabled(not no_cache)


app.command("analyze", cls=Command)(analyze.analyze)
app.command("match", cls=Command)(match.match)
app.command("plan", cls=Command)(plan.plan)
app.command("roles", cls=Command)(roles.roles)
app.command("compare", cls=Command)(compare.compare)
app.command("cohort", cls=Command)(cohort.cohort)
app.command("report", cls=Command)(report.report)
app.command("showcase", cls=Command)(showcase.showcase)
app.command("init", cls=Command)(init_cli.init)
app.command("validate", cls=Command)(validate_cli.validate)
app.command("verify", cls=Command)(verify_cli.verify)
app.command("schema", cls=Command)(schema_cli.schema)
app.add_typer(catalog.app, name="catalog")
app.add_typer(importers.app, name="import")


GLOBAL_FLAGS = ("--debug", "--no-cache")  # the options before a command that take no value


def app_for(args: list[str]) -> typer.Typer:
    """The app to run ARGS with: for a known command, an app that holds only that command, else the whole
    app. Typer builds the click command of every command an app holds on each run (40 ms here for all of
    them, a tenth of a quick command's time); the one asked for gives the same usage, help and errors."""
    name = next((arg for arg in args if arg not in GLOBAL_FLAGS), None)
    if name is None or name.startswith("-"):
        return app  # --help, --version, or nothing: the whole app
    commands = [info for info in app.registered_commands if info.name == name]
    groups = [info for info in app.registered_groups if info.name == name]
    if not commands and not groups:
        return app  # a mistyped command: the whole app names the ones there are
    one = _new_app()
    one.registered_callback = app.registered_callback
    one.registered_commands, one.registered_groups = commands, groups
    return one


def _stderr(message: str) -> None:
    from skillgap.render.safe import clean

    for line in message.splitlines() or [""]:
        sys.stderr.write(clean(line) + "\n")
    sys.stderr.flush()


def run(argv: list[str] | None = None) -> None:
    """Entry point: the one place errors become messages and exit statuses.

    Called without ARGV (the console script, `python -m skillgap`) the process is skillgap's own: the
    cyclic garbage collector stays off, as nothing a run builds needs it (reference counting frees the
    rest) and at 100,000 credentials each of its passes over the loaded world took most of a second; what
    is left is frozen before exit, so that shutdown does not walk it once more."""
    if argv is not None:
        _run(argv)
        return
    gc.disable()
    try:
        _run(sys.argv[1:])
    finally:
        gc.freeze()


def _run(args: list[str]) -> None:
    """Run the app on ARGS and exit with its status (errors as messages, no traceback without --debug)."""
    exit_types, abort_types, click_types = click_exception_types()
    debug = "--debug" in args
    try:
        try:
            result = app_for(args)(args=args, prog_name="skillgap", standalone_mode=False)
        finally:
            _finish_cache_writes()
        code = result if isinstance(result, int) else ExitCode.OK
        if code == ExitCode.INTERRUPTED:  # typer turns Ctrl-C into a return of status 130
            _stderr("skillgap: interrupted")
    except exit_types as exc:
        code = getattr(exc, "exit_code", 0)
    except abort_types:
        _stderr("skillgap: interrupted")
        code = ExitCode.INTERRUPTED
    except click_types as exc:
        ctx = getattr(exc, "ctx", None)
        if type(exc).__name__ == "NoArgsIsHelpError":  # `skillgap` or `skillgap catalog` alone: the help
            _stderr(exc.format_message())  # type: ignore[attr-defined]
        else:
            if ctx is not None:
                _stderr(ctx.get_usage())
                _stderr(f"Try '{ctx.command_path} --help' for help.")
            _stderr(f"error: {exc.format_message()}")  # type: ignore[attr-defined]
        code = ExitCode.INVALID_INPUT
    except SkillgapError as exc:
        if debug:
            raise
        _stderr(f"error: {exc}" if not getattr(exc, "problems", None) else _problems(exc))
        code = exc.exit_code
    except KeyboardInterrupt:
        if debug:
            raise
        _stderr("skillgap: interrupted")
        code = ExitCode.INTERRUPTED
    except BrokenPipeError:
        code = ExitCode.OK
        _silence_stdout()
    except SystemExit as exc:
        if not _reader_gone(exc):
            raise
        code = ExitCode.OK  # `skillgap ... | head`: the reader had what it wanted; not a failure
        _silence_stdout()
    except OSError as exc:
        if debug:
            raise
        if exc.errno in _CANNOT_WRITE:  # stdout on a full disk, over quota, read-only: not a bug
            _stderr(f"error: cannot write the output: {exc.strerror or exc}")
            _silence_stdout()  # (what is still buffered for stdout would fail again at exit)
            code = ExitCode.INVALID_INPUT
        else:
            code = _bug(exc)
    except Exception as exc:  # the boundary: anything unexpected is a bug, reported without a traceback
        if debug:
            raise
        code = _bug(exc)
    sys.exit(int(code))


def _bug(exc: BaseException) -> ExitCode:
    _stderr(f"error: unexpected {type(exc).__name__}: {exc}")
    _stderr("This is a bug in skillgap. Run again with --debug to see the traceback.")
    return ExitCode.UNEXPECTED


def _finish_cache_writes() -> None:
    """Wait for a cache entry still being written on another thread, and say what the cache refused this
    run (if the cache was used at all: it is not imported for --help)."""
    cache = sys.modules.get("skillgap.load.cache")
    if cache is not None:
        cache.finish_writes()
        for note in cache.notes():
            _stderr(note)


def _problems(exc: SkillgapError) -> str:
    problems = getattr(exc, "problems", [])
    lines = [f"error: {p}" for p in problems]
    if len(problems) > 1:
        lines.append(f"{len(problems)} problems found.")
    return "\n".join(lines)


def _reader_gone(exc: SystemExit) -> bool:
    """Whether this exit is how a library reports that stdout's reader went away: click (and typer's copy
    of it) and Rich's console both exit with status 1 while handling the BrokenPipeError."""
    return isinstance(exc.__context__, BrokenPipeError)


def _silence_stdout() -> None:
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass
