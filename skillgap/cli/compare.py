"""`skillgap compare`: which of several target roles is closest, and what closing the gap would take."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from skillgap.cli.common import (
    CatalogOpt,
    DebugOpt,
    ExtraCatalogOpt,
    ExtraTaxonomyOpt,
    ForceOpt,
    NoCacheOpt,
    OutputOpt,
    RatesOpt,
    RolesOpt,
    TaxonomyOpt,
    finish_console,
    format_option,
    load_rates_option,
    note_posting,
    refuse_force_without_output,
    stale_after_option,
    stdout_console,
)
from skillgap.limits import STALE_AFTER_YEARS
from skillgap.render.formats import Format, TableOrJson

if TYPE_CHECKING:
    from skillgap.model import Role


def compare(
    profile: Annotated[
        Path, typer.Argument(metavar="PROFILE", help="Your profile (YAML).", show_default=False)
    ],
    targets: Annotated[
        list[str] | None,
        typer.Option(
            "--target",
            "-r",
            metavar="ROLE",
            help="A role file, or the id or title of a bundled role or one in --roles (repeatable).",
            show_default=False,
        ),
    ] = None,
    all_roles: Annotated[
        bool, typer.Option("--all", help="Compare every bundled role, and every role in --roles.")
    ] = False,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    extra_taxonomy: ExtraTaxonomyOpt = None,
    role_dirs: RolesOpt = None,
    rates: RatesOpt = None,
    stale_after: Annotated[float, stale_after_option()] = STALE_AFTER_YEARS,
    choice: Annotated[TableOrJson, format_option(TableOrJson)] = TableOrJson.TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Rank target roles by your readiness, each with its essential gaps and the cost and hours of the
    plan that would close them."""
    fmt = choice.as_format
    refuse_force_without_output(force, output)
    from skillgap.errors import UsageError

    if not targets and not all_roles:
        raise UsageError("name roles with --target (repeat it), or compare every bundled role with --all")
    from skillgap.cli.notes import print_badge_notes, print_warnings
    from skillgap.compare import compare_roles, with_distinct_ids
    from skillgap.load.library import load_library
    from skillgap.money import Money, counting_currency
    from skillgap.person import analyse_person, load_person, load_target, names_to_resolve
    from skillgap.world import open_world

    table = load_rates_option(rates)
    world = open_world(catalog, taxonomy, extra_catalog, extra_taxonomy)
    subject = load_person(profile, world)
    print_badge_notes(subject.badges)
    given = [load_target(t, world, role_dirs or ()) for t in targets or []]  # files, ids, titles, postings
    for role in given:
        note_posting(role)
    if all_roles:
        given += [world.link_role(r) for r in load_library(role_dirs or ()).roles]
    files: dict[object, Role] = {}  # each file once, however often it is named (an id and --all, say)
    for role in given:
        files.setdefault(Path(role.file).resolve() if role.file else id(role), role)
    roles = with_distinct_ids(list(files.values()))
    resolutions = world.resolve(names_to_resolve([subject], roles))
    analyses = [
        analyse_person(world, subject, role, resolutions, stale_after=stale_after or None) for role in roles
    ]
    print_warnings(w for a in analyses for w in a.warnings)
    person = subject.profile
    money = Money(counting_currency(None, person.preferences.currency, world.catalog.currency, table), table)
    fits = compare_roles(analyses, world.catalog, world.teaching, money)

    if fmt is Format.TABLE:
        from skillgap.render.compare_table import render_compare

        console = stdout_console(output)
        render_compare(console, person, fits)
        finish_console(console, output, force)
        return
    from skillgap.render.compare_doc import compare_document
    from skillgap.render.json_out import to_json
    from skillgap.render.output import write_output

    write_output(to_json(compare_document(fits)), output, force)
