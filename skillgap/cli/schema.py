"""`skillgap schema`: the JSON Schema of a file kind, for editors that check YAML as you type."""

from __future__ import annotations

from typing import Annotated

import typer

from skillgap.cli.common import DebugOpt, ForceOpt, OutputOpt
from skillgap.schema.kinds import Kind


def schema(
    kind: Annotated[
        Kind,
        typer.Option("--kind", "-k", help="profile, role, catalog or taxonomy.", case_sensitive=False),
    ],
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Print the JSON Schema (draft 2020-12) of one kind of file."""
    from skillgap.render.output import write_output
    from skillgap.schema.build import schema_text

    write_output(schema_text(kind), output, force)
