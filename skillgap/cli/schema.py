"""`skillgap schema`: the JSON Schema of a file kind, for editors that check YAML as you type."""

from __future__ import annotations

from typing import Annotated

import typer

from skillgap.cli.common import (
    DebugOpt,
    ForceOpt,
    NoCacheOpt,
    OutputOpt,
    choices_metavar,
    refuse_force_without_output,
)
from skillgap.kinds import Kind


def schema(
    kind: Annotated[
        Kind,
        typer.Option(
            "--kind",
            "-k",
            metavar=choices_metavar(Kind),
            help="The kind of file.",
            case_sensitive=False,
        ),
    ],
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Print the JSON Schema (draft 2020-12) of one kind of file."""
    refuse_force_without_output(force, output)
    from skillgap.render.output import write_output
    from skillgap.schema.build import schema_text

    write_output(schema_text(kind), output, force)
