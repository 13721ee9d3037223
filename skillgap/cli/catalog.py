"""`skillgap catalog list|search|show|check`: browse the bundled or loaded catalogs, and check their facts
are sourced and current."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from skillgap.cli.common import (
    CatalogOpt,
    DebugOpt,
    ExtraCatalogOpt,
    ExtraTaxonomyOpt,
    NoCacheOpt,
    TaxonomyOpt,
    date_option,
    format_option,
    number_option,
)
from skillgap.cli.usage import Command
from skillgap.limits import COUNT
from skillgap.render.formats import TableOrJson

app = typer.Typer(
    help="Browse the credentials in the bundled catalog (or the ones given with --catalog).",
    rich_markup_mode=None,
    no_args_is_help=True,
)

FormatOpt = Annotated[TableOrJson, format_option(TableOrJson)]


@app.command("list", cls=Command)
def list_(
    catalog: CatalogOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    provider: Annotated[
        str | None, typer.Option("--provider", metavar="NAME", help="Only this provider (any case).")
    ] = None,
    provider_type: Annotated[
        str | None,
        typer.Option(
            "--provider-type", metavar="TYPE", help="Only this type: university, college, association, ..."
        ),
    ] = None,
    choice: FormatOpt = TableOrJson.TABLE,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """List every credential, sorted by id."""
    fmt = choice.as_format
    from skillgap.load.catalog import load_catalogs
    from skillgap.load.paths import catalog_paths
    from skillgap.model import PROVIDER_TYPES

    kind = None
    if provider_type is not None:
        kind = one_of("--provider-type", provider_type, PROVIDER_TYPES, "no such type", list_all=True)
    loaded = load_catalogs(catalog_paths(catalog, extra_catalog))
    items = sorted(loaded.credentials, key=lambda c: c.id)
    if provider is not None:
        providers = sorted({c.provider for c in loaded.credentials})
        name = one_of("--provider", provider, providers, "no credential in the catalog is from this provider")
        items = [c for c in items if c.provider == name]
    if kind is not None:
        items = [c for c in items if c.provider_type == kind]
    from skillgap.render.catalog_out import show_list

    show_list(items, fmt, loaded.pathways)


def one_of(option: str, value: str, known: Iterable[str], what: str, list_all: bool = False) -> str:
    """The one of KNOWN that VALUE names (in any case), or a usage error that says what it could have
    meant: a filter that matches nothing because of a typo must not look like an empty result."""
    import difflib

    from skillgap.errors import UsageError

    by_key = {k.casefold(): k for k in known}
    wanted = value.strip().casefold()
    if wanted in by_key:
        return by_key[wanted]
    close = [by_key[k] for k in difflib.get_close_matches(wanted, list(by_key), n=3, cutoff=0.6)]
    hints = [f"did you mean {' or '.join(repr(c) for c in close)}?"] if close else []
    if list_all:
        hints.append("Choose from " + ", ".join(by_key.values()) + ".")
    elif not close:
        hints.append("`skillgap catalog list` shows every credential with its provider")
    raise UsageError(f"{option} {value!r}: {what} ({' '.join(hints)})")


@app.command("search", cls=Command)
def search(
    query: Annotated[str, typer.Argument(metavar="QUERY", help="Words, an acronym or a skill to look for.")],
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    extra_taxonomy: ExtraTaxonomyOpt = None,
    limit: Annotated[
        int, number_option("--limit", "-n", within=COUNT, whole=True, help="Most results to show ({range}).")
    ] = 10,
    choice: FormatOpt = TableOrJson.TABLE,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Search credentials and pathways by title, acronym, skill taught and provider, saying why each matched;
    title matches come first, then credentials teaching the skill QUERY names."""
    fmt = choice.as_format
    from skillgap.catalog_search import search_catalog
    from skillgap.render.catalog_out import show_hits
    from skillgap.world import open_world

    world = open_world(catalog, taxonomy, extra_catalog, extra_taxonomy)
    show_hits(search_catalog(world, query, limit), fmt)


@app.command("show", cls=Command)
def show(
    credential_id: Annotated[str, typer.Argument(metavar="ID", help="A credential id.")],
    catalog: CatalogOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    choice: FormatOpt = TableOrJson.TABLE,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Everything the catalog says about one credential."""
    fmt = choice.as_format
    import difflib

    from skillgap.errors import InputError
    from skillgap.load.catalog import load_catalogs
    from skillgap.load.paths import catalog_paths
    from skillgap.render.catalog_out import show_one

    loaded = load_catalogs(catalog_paths(catalog, extra_catalog))
    by_id = loaded.by_id()
    if credential_id not in by_id:
        close = difflib.get_close_matches(credential_id, by_id, n=3, cutoff=0.5)
        hint = ("did you mean " + ", ".join(close) + "?") if close else "try `skillgap catalog search`"
        raise InputError.at(credential_id, "no credential has this id", hint=hint)
    show_one(by_id[credential_id], loaded.pathways, fmt)


@app.command("check", cls=Command)
def check(
    files: Annotated[
        list[Path] | None,
        typer.Argument(
            metavar="FILE",
            help="Catalog files or folders to check (default: the bundled catalog).",
            show_default=False,
        ),
    ] = None,
    as_of: Annotated[
        date | None,
        date_option(
            "--as-of",
            end=True,
            help="The day to judge ages on: an as_of a year older is out of date. Default: today.",
        ),
    ] = None,
    choice: FormatOpt = TableOrJson.TABLE,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Check every credential's facts are sourced and current: flags entries without source or as_of, an
    as_of more than a year old, a url whose domain is not the provider's or its platform's, and titles
    used twice; exit 2 if any is found."""
    fmt = choice.as_format
    from skillgap.catalog_check import check_catalog
    from skillgap.errors import ExitCode
    from skillgap.load.catalog import load_catalogs_located
    from skillgap.load.paths import catalog_paths
    from skillgap.render.check_out import show_check

    loaded = load_catalogs_located(catalog_paths(files or None))
    result = check_catalog(loaded, as_of or date.today())
    show_check(result, fmt)
    if result.findings:
        raise typer.Exit(ExitCode.INVALID_INPUT)
