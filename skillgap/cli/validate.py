"""`skillgap validate`: check profiles, roles, catalogs and taxonomies, reporting every problem found.

Problems go to stderr as ``FILE:LINE:COL: field: message (hint)``, the form editors and CI annotate; a
valid file gets one ``FILE: ok (...)`` line on stdout. `--format json` writes one report on stdout instead.
The exit status is 2 when any file is invalid.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from skillgap.cli.common import DebugOpt, NoCacheOpt, choices_metavar, format_option
from skillgap.errors import ExitCode, Problem
from skillgap.kinds import Kind
from skillgap.render.formats import Format, ValidateFormat

if TYPE_CHECKING:
    from skillgap.load.check import Checked


def validate(
    files: Annotated[
        list[Path],
        typer.Argument(metavar="FILE", help="Files to check (YAML, or JSON).", show_default=False),
    ],
    kind: Annotated[
        Kind | None,
        typer.Option(
            "--kind",
            "-k",
            metavar=choices_metavar(Kind),
            help="Read every FILE as this kind instead of telling from its content.",
            case_sensitive=False,
            show_default=False,
        ),
    ] = None,
    choice: Annotated[ValidateFormat, format_option(ValidateFormat)] = ValidateFormat.TEXT,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Check each FILE (a profile, role, catalog or taxonomy) and report every problem; exit 2 if any."""
    fmt = choice.as_format
    from skillgap.load.check import check_files
    from skillgap.match.text import has_words
    from skillgap.verify.reader import unverified_awards

    results = check_files(files, kind, has_words, unverified_awards)  # read as analyze reads them
    if fmt is Format.JSON:
        from skillgap.render.json_out import to_json
        from skillgap.render.output import write_output

        write_output(to_json(report_data(results)), None)
    else:
        write_text(results)
    if not all(r.ok for r in results):
        raise typer.Exit(ExitCode.INVALID_INPUT)


def write_text(results: list[Checked]) -> None:
    from skillgap.render.safe import clean

    for result in results:
        for warning in in_file_order(result, result.warnings):
            sys.stderr.write(clean(warning_text(warning)) + "\n")
        if result.ok:
            what = f"{result.kind.value}, {result.summary}" if result.kind else result.summary
            sys.stdout.write(f"{clean(result.file)}: ok ({what})\n")
            sys.stdout.flush()
            continue
        for problem in in_file_order(result):
            sys.stderr.write(clean(str(problem)) + "\n")
        sys.stderr.flush()
    bad = [r for r in results if not r.ok]
    if bad:
        count = sum(len(r.problems) for r in bad)
        sys.stderr.write(
            f"{count} problem{'s' * (count != 1)} in {len(bad)} of {len(results)} "
            f"file{'s' * (len(results) != 1)}\n"
        )
        sys.stderr.flush()


def in_file_order(result: Checked, problems: Sequence[Problem] | None = None) -> list[Any]:
    found = result.problems if problems is None else problems
    return sorted(found, key=lambda p: (p.file != result.file, p.line or 0, p.col or 0))


def warning_text(warning: Problem) -> str:
    """``FILE:LINE:COL: warning: field: message (hint)``."""
    where = f"{warning.path}: " if warning.path else ""
    return str(replace(warning, message=f"warning: {where}{warning.message}", path=""))


def _problem_data(p: Problem) -> dict[str, Any]:
    return {
        "file": p.file,
        "line": p.line,
        "col": p.col,
        "path": p.path or None,
        "message": p.message,
        "hint": p.hint or None,
    }


def report_data(results: list[Checked]) -> dict[str, Any]:
    return {
        "valid": all(r.ok for r in results),
        "files": [
            {
                "file": r.file,
                "kind": r.kind.value if r.kind else None,
                "valid": r.ok,
                "summary": r.summary or None,
                "problems": [_problem_data(p) for p in in_file_order(r)],
                "warnings": [_problem_data(p) for p in in_file_order(r, r.warnings)],
            }
            for r in results
        ],
    }
