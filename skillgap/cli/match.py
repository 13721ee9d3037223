"""`skillgap match`: how each name resolves to a canonical skill, and why."""

from __future__ import annotations

from typing import Annotated

import typer

from skillgap.cli.common import (
    CatalogOpt,
    DebugOpt,
    ExtraCatalogOpt,
    ExtraTaxonomyOpt,
    NoCacheOpt,
    TaxonomyOpt,
    format_option,
)
from skillgap.render.formats import Format, TableOrJson


def match(
    queries: Annotated[
        list[str], typer.Argument(metavar="QUERY", help="Skill names to resolve.", show_default=False)
    ],
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    extra_taxonomy: ExtraTaxonomyOpt = None,
    explain: Annotated[
        bool, typer.Option("--explain", "-x", help="Show the candidates and why near misses lost.")
    ] = False,
    choice: Annotated[TableOrJson, format_option(TableOrJson)] = TableOrJson.TABLE,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Resolve each QUERY to a canonical skill (or none), saying how and with what score."""
    fmt = choice.as_format
    from skillgap.world import open_world

    world = open_world(catalog, taxonomy, extra_catalog, extra_taxonomy)
    results = [world.matcher.explain(q) if explain else world.matcher.resolve(q) for q in queries]
    if fmt is Format.JSON:
        from skillgap.render.json_out import to_json
        from skillgap.render.match_out import match_data
        from skillgap.render.output import write_output

        write_output(to_json(match_data(results, explain)), None)
        return
    from rich.console import Console

    from skillgap.render.fit import text_width
    from skillgap.render.match_out import render_match

    render_match(Console(highlight=False, width=text_width()), results, explain)
