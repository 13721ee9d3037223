"""`skillgap catalog list|search|show`: browse the bundled or loaded catalogs."""

from __future__ import annotations

from typing import Annotated

import typer

from skillgap.cli.common import CatalogOpt, TaxonomyOpt, check_format
from skillgap.render.formats import Format

app = typer.Typer(
    help="Browse the credentials in the bundled catalog (or the ones given with --catalog).",
    rich_markup_mode=None,
    no_args_is_help=True,
)

FormatOpt = Annotated[Format, typer.Option("--format", "-f", help="table or json.", case_sensitive=False)]


@app.command("list")
def list_(
    catalog: CatalogOpt = None,
    provider: Annotated[str | None, typer.Option(help="Only this provider (any case).")] = None,
    provider_type: Annotated[
        str | None, typer.Option("--provider-type", help="university, college, association, mooc, ...")
    ] = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """List every credential, sorted by id."""
    check_format(fmt, (Format.TABLE, Format.JSON))
    from skillgap.load.catalog import load_catalogs
    from skillgap.load.paths import bundled_catalog_paths

    loaded = load_catalogs(list(catalog) if catalog else bundled_catalog_paths())
    items = sorted(loaded.credentials, key=lambda c: c.id)
    if provider:
        items = [c for c in items if c.provider.casefold() == provider.casefold()]
    if provider_type:
        items = [c for c in items if c.provider_type == provider_type.lower()]
    from skillgap.render.catalog_out import show_list

    show_list(items, fmt, loaded.pathways)


@app.command("search")
def search(
    query: Annotated[str, typer.Argument(help="Words, an acronym or a skill to look for.")],
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most results to show.")] = 10,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Search credentials and pathways by title, acronym, skill taught and provider, saying why each matched;
    title matches come first, then credentials teaching the skill QUERY names."""
    check_format(fmt, (Format.TABLE, Format.JSON))
    from skillgap.catalog_search import search_catalog
    from skillgap.render.catalog_out import show_hits
    from skillgap.world import open_world

    world = open_world(catalog, taxonomy)
    show_hits(search_catalog(world, query, limit), fmt)


@app.command("show")
def show(
    credential_id: Annotated[str, typer.Argument(metavar="ID", help="A credential id.")],
    catalog: CatalogOpt = None,
    fmt: FormatOpt = Format.TABLE,
) -> None:
    """Everything the catalog says about one credential."""
    check_format(fmt, (Format.TABLE, Format.JSON))
    import difflib

    from skillgap.errors import InputError
    from skillgap.load.catalog import load_catalogs
    from skillgap.load.paths import bundled_catalog_paths
    from skillgap.render.catalog_out import show_one

    loaded = load_catalogs(list(catalog) if catalog else bundled_catalog_paths())
    by_id = loaded.by_id()
    if credential_id not in by_id:
        close = difflib.get_close_matches(credential_id, by_id, n=3, cutoff=0.5)
        hint = ("did you mean " + ", ".join(close) + "?") if close else "try `skillgap catalog search`"
        raise InputError.at(credential_id, "no credential has this id", hint=hint)
    show_one(by_id[credential_id], loaded.pathways, fmt)
