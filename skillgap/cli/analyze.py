"""`skillgap analyze`: the main job, from files to gaps and ranked, explained credentials."""

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
    note_posting,
    stdout_console,
)
from skillgap.render.formats import Format

FORMATS = (Format.TABLE, Format.JSON, Format.MARKDOWN)


def analyze(
    profile: Annotated[Path, typer.Argument(help="Your profile (YAML).", show_default=False)],
    target: TargetOpt,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    top: Annotated[int, typer.Option("--top", "-n", min=1, help="How many credentials to show.")] = 5,
    fmt: Annotated[
        Format, typer.Option("--format", "-f", help="table, json or markdown.", case_sensitive=False)
    ] = Format.TABLE,
    stale_after: Annotated[
        float,
        typer.Option(
            "--stale-after",
            min=0.0,
            metavar="YEARS",
            help="A skill last used longer ago than this counts a level lower (0: never).",
        ),
    ] = 3.0,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Show the gaps between PROFILE and a target role, and rank the credentials that close them."""
    check_format(fmt, FORMATS)
    from skillgap.analyse.evidence import evidence_suggestions
    from skillgap.person import analyse_person, load_person, load_target, names_to_resolve
    from skillgap.rank import recommend
    from skillgap.world import fuzzy_and_unresolved, open_world

    world = open_world(catalog, taxonomy)
    person = load_person(profile, world)
    role = load_target(target, world)
    note_posting(role)
    resolutions = world.resolve(names_to_resolve([person], [role]))
    result = analyse_person(world, person, role, resolutions, stale_after=stale_after or None)
    recommendations = recommend(result, world.catalog, top=top, teaching=world.teaching)
    suggestions = evidence_suggestions(result, world.catalog, world.teaching)
    own_names = [s.name for s in person.profile.skills] + [n for r in role.requirements for n in r.names]
    fuzzy, unresolved = fuzzy_and_unresolved(resolutions, own_names)

    if fmt is Format.TABLE:
        from skillgap.render.analysis_table import render_analysis

        console = stdout_console(output)
        render_analysis(console, result, recommendations, fuzzy, unresolved, suggestions)
        finish_console(console, output, force)
        return
    from skillgap.render.output import write_output

    if fmt is Format.JSON:
        from skillgap.render.analysis_doc import analysis_document
        from skillgap.render.json_out import to_json

        text = to_json(analysis_document(result, recommendations, fuzzy, unresolved, suggestions))
    else:
        from skillgap.render.analysis_md import render_analysis_markdown

        text = render_analysis_markdown(result, recommendations, fuzzy, unresolved, suggestions)
    write_output(text, output, force)
