"""`skillgap plan`: the set of credentials that closes the gaps best within a budget, a pace and a deadline,
in order, with dates."""

from __future__ import annotations

from datetime import date
from enum import Enum
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
    choices_metavar,
    date_option,
    finish_console,
    format_option,
    load_rates_option,
    money_option,
    note_posting,
    number_option,
    refuse_force_without_output,
    stale_after_option,
    stdout_console,
)
from skillgap.limits import HOURS_PER_WEEK, MONEY, STALE_AFTER_YEARS
from skillgap.money import Amount
from skillgap.render.formats import Format, PlanFormat


class ObjectiveChoice(str, Enum):
    COST = "cost"
    HOURS = "hours"
    CREDENTIALS = "credentials"


def plan(
    profile: Annotated[
        Path, typer.Argument(metavar="PROFILE", help="Your profile (YAML).", show_default=False)
    ],
    target: TargetOpt,
    budget: Annotated[
        Amount | None,
        money_option(
            "--budget",
            within=MONEY,
            help="Most the plan may cost in total ({range}), with its currency or not (500 EUR). "
            "Default: the profile's.",
        ),
    ] = None,
    hours_per_week: Annotated[
        float | None,
        number_option(
            "--hours-per-week",
            within=HOURS_PER_WEEK,
            metavar="HOURS",
            help="Study hours a week ({range}). Default: the profile's.",
        ),
    ] = None,
    deadline: Annotated[
        date | None,
        date_option(
            "--deadline", end=True, help="Finish by this date (a month: by its end). Default: the profile's."
        ),
    ] = None,
    start: Annotated[
        date | None, date_option("--start", end=False, help="Start date of the plan. Default: today.")
    ] = None,
    objective: Annotated[
        ObjectiveChoice,
        typer.Option(
            "--objective",
            metavar=choices_metavar(ObjectiveChoice),
            help="What to minimise: cost, hours or credentials.",
            case_sensitive=False,
        ),
    ] = ObjectiveChoice.COST,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    extra_taxonomy: ExtraTaxonomyOpt = None,
    roles: RolesOpt = None,
    rates: RatesOpt = None,
    stale_after: Annotated[float, stale_after_option()] = STALE_AFTER_YEARS,
    choice: Annotated[PlanFormat, format_option(PlanFormat)] = PlanFormat.TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Plan the credentials that close the gaps to a target role: optimal within your budget and time,
    prerequisites first, with dates and readiness after each step."""
    fmt = choice.as_format
    refuse_force_without_output(force, output)
    start_day = start or date.today()
    from skillgap.cli.notes import print_badge_notes, print_warnings
    from skillgap.money import Money, counting_currency
    from skillgap.person import analyse_person, load_person, load_target, names_to_resolve
    from skillgap.plan import Objective, Request, make_plan
    from skillgap.world import open_world

    table = load_rates_option(rates)
    world = open_world(catalog, taxonomy, extra_catalog, extra_taxonomy)
    subject = load_person(profile, world)
    print_badge_notes(subject.badges)
    role = load_target(target, world, roles or ())
    note_posting(role)
    resolutions = world.resolve(names_to_resolve([subject], [role]))
    result = analyse_person(world, subject, role, resolutions, stale_after=stale_after or None)
    print_warnings(result.warnings)
    person = subject.profile
    prefs = person.preferences
    stated = budget.currency if budget is not None else None
    currency = counting_currency(stated, prefs.currency, world.catalog.currency, table)
    request = Request(
        objective=Objective(objective.value),
        budget=budget.value if budget is not None else prefs.budget,
        hours_per_week=hours_per_week if hours_per_week is not None else prefs.hours_per_week,
        deadline=deadline or prefs.deadline,
        start=start_day,
        money=Money(currency, table),
    )
    found = make_plan(result, world.catalog, request, world.teaching)

    if fmt is Format.TABLE:
        from skillgap.render.plan_table import render_plan

        console = stdout_console(output)
        render_plan(console, result, found)
        finish_console(console, output, force)
        return
    from skillgap.render.output import write_output

    if fmt is Format.JSON:
        from skillgap.render.json_out import to_json
        from skillgap.render.plan_doc import plan_document

        text = to_json(plan_document(result, found))
    elif fmt is Format.MEMO:
        from skillgap.render.plan_memo import render_plan_memo

        text = render_plan_memo(result, found)
    else:
        from skillgap.render.plan_md import render_plan_markdown

        text = render_plan_markdown(result, found)
    write_output(text, output, force)
