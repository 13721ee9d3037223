"""Rendering `skillgap catalog check`: its findings as a table (stdout) or one JSON report."""

from __future__ import annotations

import sys
from typing import Any

from skillgap.catalog_check import CatalogCheck, Finding
from skillgap.render.fit import fit_table, text_width
from skillgap.render.formats import Format
from skillgap.render.json_out import to_json
from skillgap.render.output import write_output
from skillgap.render.safe import clean
from skillgap.words import plural


def check_data(result: CatalogCheck) -> dict[str, Any]:
    return {
        "as_of": result.as_of.isoformat(),
        "oldest_allowed": result.oldest.isoformat(),
        "checked": result.checked,
        "ok": not result.findings,
        "findings": [_finding_data(f) for f in result.findings],
        "secondary_sources": list(result.secondary),
    }


def _finding_data(finding: Finding) -> dict[str, Any]:
    origin = finding.origin
    return {
        "kind": finding.kind,
        "id": finding.credential,
        "title": finding.title,
        "file": origin.file if origin else None,
        "line": origin.line if origin else None,
        "message": finding.message,
        "hint": finding.hint,
    }


def summary(result: CatalogCheck) -> str:
    checked = plural(result.checked, "credential")
    secondary = (
        f"; {len(result.secondary):,} cite a page on another domain than the provider's (`--format json` "
        "lists them under secondary_sources)"
        if result.secondary
        else ""
    )
    if not result.findings:
        return f"{checked} checked as of {result.as_of.isoformat()}: every one sourced and current{secondary}"
    ids = len({f.credential for f in result.findings})
    return (
        f"{plural(len(result.findings), 'finding')} about {ids:,} of {checked}, "
        f"as of {result.as_of.isoformat()}{secondary}"
    )


def show_check(result: CatalogCheck, fmt: Format) -> None:
    """The findings on stdout (none: nothing), and a line on stderr that sums them up."""
    if fmt is Format.JSON:
        write_output(to_json(check_data(result)), None)
    elif result.findings:
        from rich.console import Console
        from rich.table import Table
        from rich.text import Text

        table = Table(expand=True)
        table.add_column("Credential (where)", overflow="fold", ratio=2)
        table.add_column("Finding (fix)", overflow="fold", ratio=3)
        for f in result.findings:
            origin = f.origin
            where = "?" if origin is None else origin.file + (f":{origin.line}" if origin.line else "")
            table.add_row(
                Text.assemble(
                    Text(clean(f.credential), style="bold"), Text("\n" + clean(where), style="dim")
                ),
                Text.assemble(Text(clean(f"{f.kind}: {f.message}")), Text("\n" + clean(f.hint), style="dim")),
            )
        console = Console(highlight=False, width=text_width())
        console.print(fit_table(console, table))
    sys.stderr.write(clean(summary(result)) + "\n")
    sys.stderr.flush()
