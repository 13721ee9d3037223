"""`skillgap analyze`: the main job, from files to gaps and ranked, explained credentials."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

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
    TargetOpt,
    TaxonomyOpt,
    finish_console,
    format_option,
    load_rates_option,
    note_posting,
    number_option,
    refuse_force_without_output,
    stale_after_option,
    stdout_console,
)
from skillgap.limits import COUNT, STALE_AFTER_YEARS
from skillgap.render.formats import AnalyzeFormat, Format


def analyze(
    profile: Annotated[
        Path, typer.Argument(metavar="PROFILE", help="Your profile (YAML).", show_default=False)
    ],
    target: TargetOpt,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    extra_taxonomy: ExtraTaxonomyOpt = None,
    roles: RolesOpt = None,
    rates: RatesOpt = None,
    top: Annotated[
        int,
        number_option(
            "--top", "-n", within=COUNT, whole=True, help="How many credentials to show ({range})."
        ),
    ] = 5,
    choice: Annotated[AnalyzeFormat, format_option(AnalyzeFormat)] = AnalyzeFormat.TABLE,
    stale_after: Annotated[float, stale_after_option()] = STALE_AFTER_YEARS,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Show the gaps between PROFILE and a target role, and rank the credentials that close them."""
    fmt = choice.as_format
    refuse_force_without_output(force, output)
    from skillgap.cli.notes import print_warnings
    from skillgap.money import Money, counting_currency
    from skillgap.person import analyse_person, load_person, load_target, names_to_resolve
    from skillgap.rank import left_out_by_preferences, recommend
    from skillgap.rank.evidence import evidence_suggestions
    from skillgap.world import fuzzy_and_unresolved, open_world

    table = load_rates_option(rates)
    world = open_world(catalog, taxonomy, extra_catalog, extra_taxonomy)
    person = load_person(profile, world)
    role = load_target(target, world, roles or ())
    note_posting(role)
    resolutions = world.resolve(names_to_resolve([person], [role]))
    result = analyse_person(world, person, role, resolutions, stale_after=stale_after or None)
    print_warnings(result.warnings)
    currency = counting_currency(None, person.profile.preferences.currency, world.catalog.currency, table)
    money = Money(currency, table)
    recommendations = recommend(result, world.catalog, top=top, teaching=world.teaching, money=money)
    left_out = left_out_by_preferences(result, world.catalog, world.teaching)
    suggestions = evidence_suggestions(result, world.catalog, world.teaching)
    own_names = [s.name for s in person.profile.skills] + [n for r in role.requirements for n in r.names]
    fuzzy, unresolved = fuzzy_and_unresolved(resolutions, own_names)

    if fmt is Format.TABLE:
        from skillgap.render.analysis_table import render_analysis

        console = stdout_console(output)
        render_analysis(console, result, recommendations, fuzzy, unresolved, suggestions, left_out)
        finish_console(console, output, force)
        return
    from skillgap.render.output import write_output

    if fmt is Format.JSON:
        from skillgap.render.analysis_doc import analysis_document
        from skillgap.render.json_out import to_json

        text = to_json(analysis_document(result, recommendations, fuzzy, unresolved, suggestions, left_out))
    else:
        from skillgap.render.analysis_md import render_analysis_markdown

        text = render_analysis_markdown(result, recommendations, fuzzy, unresolved, suggestions, left_out)
    write_output(text, output, force)
