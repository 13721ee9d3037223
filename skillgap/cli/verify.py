"""`skillgap verify`: check earned Open Badges offline and say, for each, what holds and what could not be
checked without the network.

The exit status says the worst found: 2 when any badge is invalid or any file unreadable, else 3 when any
could not be checked offline, else 0 (every badge verified).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from skillgap.cli.common import DebugOpt, NoCacheOpt, format_option
from skillgap.errors import ExitCode
from skillgap.render.formats import Format, TableOrJson


def verify(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE",
            help="Badge files (Open Badges JSON, or a JWS: .json, .jwt, .jws), or profiles (.yaml) whose "
            "{badge: FILE} entries to verify.",
            show_default=False,
        ),
    ],
    choice: Annotated[TableOrJson, format_option(TableOrJson)] = TableOrJson.TABLE,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Verify each badge offline: its signature or proof, that the signing key is the issuer's, its dates
    and revocation. Exit 0 all verified, 2 any invalid or unreadable, 3 some not checkable offline."""
    fmt = choice.as_format
    from skillgap.render.safe import clean
    from skillgap.render.verify_out import UNREADABLE, overall, render_verify, summary, verify_data
    from skillgap.verification import Verdict
    from skillgap.verify import Unreadable, missing_libraries, verify_paths

    missing = missing_libraries()
    if missing:
        sys.stderr.write(
            f"note: {' and '.join(missing)} not installed: signatures and proofs are not checked "
            "(pip install 'skillgap[verify]')\n"
        )
    results = verify_paths(files)
    for result in results:
        if isinstance(result, Unreadable):
            for problem in result.problems:
                sys.stderr.write(clean(f"error: {problem}") + "\n")
    sys.stderr.flush()
    if fmt is Format.JSON:
        from skillgap.render.json_out import to_json
        from skillgap.render.output import write_output

        write_output(to_json(verify_data(results)), None)
    else:
        from skillgap.cli.common import stdout_console

        render_verify(stdout_console(None), results)
        sys.stdout.flush()
    sys.stderr.write(clean(summary(results)) + "\n")
    verdict = overall(results)
    if verdict in (UNREADABLE, Verdict.INVALID.value):
        raise typer.Exit(ExitCode.INVALID_INPUT)
    if verdict == Verdict.UNVERIFIABLE.value:
        raise typer.Exit(ExitCode.UNVERIFIABLE)
