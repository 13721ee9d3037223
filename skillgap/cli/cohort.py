"""`skillgap cohort`: many profiles against one role, for a trainer preparing a group."""

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
    funding_money,
    load_rates_option,
    number_option,
    refuse_force_without_output,
    stale_after_option,
    stdout_console,
    team_budget_options,
)
from skillgap.limits import COUNT, STALE_AFTER_YEARS
from skillgap.money import Amount
from skillgap.render.formats import CohortFormat, Format

DEFAULT_TOP = 10
TEAM_BUDGET, PER_PERSON = team_budget_options()


def cohort(
    profiles: Annotated[
        list[Path],
        typer.Argument(
            metavar="PROFILES",
            help="Profile files, or folders of them (.yaml, .yml, .json).",
            show_default=False,
        ),
    ],
    target: TargetOpt,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    extra_taxonomy: ExtraTaxonomyOpt = None,
    roles: RolesOpt = None,
    top: Annotated[
        int | None,
        number_option(
            "--top",
            "-n",
            within=COUNT,
            whole=True,
            help="How many shared credentials to show (default 10; {range}).",
        ),
    ] = None,
    rates: RatesOpt = None,
    team_budget: Annotated[Amount | None, TEAM_BUDGET] = None,
    budget_per_person: Annotated[Amount | None, PER_PERSON] = None,
    stale_after: Annotated[float, stale_after_option()] = STALE_AFTER_YEARS,
    choice: Annotated[CohortFormat, format_option(CohortFormat)] = CohortFormat.TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """A skills matrix of everyone in PROFILES against a role, the most common gaps, and the credentials
    that close gaps for the most people. Profiles that fail to load are reported; the rest are analysed."""
    fmt = choice.as_format
    refuse_force_without_output(force, output)
    if top is not None and fmt is Format.CSV:
        from skillgap.errors import UsageError

        raise UsageError("--top sets how many shared credentials to show, and --format csv shows none")
    budgets = team_budget is not None or budget_per_person is not None
    if budgets and fmt is Format.CSV:
        from skillgap.errors import UsageError

        raise UsageError("--team-budget and --budget-per-person say who the shared credentials fund, and "
                         "--format csv shows none: use table or json")  # fmt: skip
    from skillgap.cli.people import analyse_people

    table = load_rates_option(rates)
    group, world = analyse_people(
        profiles, target, catalog, taxonomy, DEFAULT_TOP if top is None else top,
        extra_catalog, extra_taxonomy, roles, stale_after or None,
    )  # fmt: skip
    funding = None
    if budgets:
        from skillgap.cohort.funding import fund

        money = funding_money(team_budget, budget_per_person, world.catalog.currency, table)
        funding = fund(group, money, *(a.value if a else None for a in (team_budget, budget_per_person)))
    if fmt is Format.TABLE:
        from skillgap.render.cohort_table import render_cohort

        console = stdout_console(output)
        render_cohort(console, group, funding)
        finish_console(console, output, force)
        return
    from skillgap.render.output import write_output

    if fmt is Format.JSON:
        from skillgap.render.cohort_doc import cohort_document
        from skillgap.render.json_out import to_json

        text = to_json(cohort_document(group, funding))
    else:
        from skillgap.render.report_csv import cohort_csv

        text = cohort_csv(group)
    write_output(text, output, force)
