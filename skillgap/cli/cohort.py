"""`skillgap cohort`: many profiles against one role, for a trainer preparing a group."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from skillgap.cli.common import (
    CatalogOpt,
    DebugOpt,
    ForceOpt,
    OutputOpt,
    TargetOpt,
    TaxonomyOpt,
    check_format,
    finish_console,
    number_option,
    stdout_console,
)
from skillgap.limits import COUNT
from skillgap.render.formats import Format

FORMATS = (Format.TABLE, Format.JSON, Format.CSV)


def cohort(
    profiles: Annotated[
        list[Path],
        typer.Argument(help="Profile files, or folders of them (.yaml, .yml, .json).", show_default=False),
    ],
    target: TargetOpt,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    top: Annotated[
        int,
        number_option(
            "--top", "-n", within=COUNT, whole=True, help="How many shared credentials to show ({range})."
        ),
    ] = 10,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, json or csv.", case_sensitive=False)
    ] = Format.TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
) -> None:
    """A skills matrix of everyone in PROFILES against a role, the most common gaps, and the credentials
    that close gaps for the most people. Profiles that fail to load are reported; the rest are analysed."""
    check_format(fmt, FORMATS)
    from skillgap.cli.people import analyse_people

    group, _ = analyse_people(profiles, target, catalog, taxonomy, top)
    if fmt is Format.TABLE:
        from skillgap.render.cohort_table import render_cohort

        console = stdout_console(output)
        render_cohort(console, group)
        finish_console(console, output, force)
        return
    from skillgap.render.output import write_output

    if fmt is Format.JSON:
        from skillgap.render.cohort_doc import cohort_document
        from skillgap.render.json_out import to_json

        text = to_json(cohort_document(group))
    else:
        from skillgap.render.report_csv import cohort_csv

        text = cohort_csv(group)
    write_output(text, output, force)
