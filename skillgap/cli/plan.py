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
    ForceOpt,
    OutputOpt,
    TargetOpt,
    TaxonomyOpt,
    check_format,
    finish_console,
    note_posting,
    stdout_console,
)
from skillgap.errors import UsageError
from skillgap.render.formats import Format

FORMATS = (Format.TABLE, Format.JSON, Format.MARKDOWN, Format.MEMO)


class ObjectiveChoice(str, Enum):
    COST = "cost"
    HOURS = "hours"
    CREDENTIALS = "credentials"


def parse_day(option: str, value: str | None) -> date | None:
    if value is None:
        return None
    from skillgap.load.fields import parse_date

    parsed = parse_date(value)
    if parsed is None:
        raise UsageError(f"{option} {value!r} is not a date (write YYYY-MM-DD, YYYY-MM or YYYY)")
    return parsed


def plan(
    profile: Annotated[Path, typer.Argument(help="Your profile (YAML).", show_default=False)],
    target: TargetOpt,
    budget: Annotated[
        float | None,
        typer.Option("--budget", min=0.0, help="Most the plan may cost in total. Default: the profile's."),
    ] = None,
    hours_per_week: Annotated[
        float | None,
        typer.Option("--hours-per-week", min=0.0, help="Study hours a week. Default: the profile's."),
    ] = None,
    deadline: Annotated[
        str | None,
        typer.Option("--deadline", metavar="DATE", help="Finish by this date. Default: the profile's."),
    ] = None,
    start: Annotated[
        str | None, typer.Option("--start", metavar="DATE", help="Start date of the plan. Default: today.")
    ] = None,
    objective: Annotated[
        ObjectiveChoice,
        typer.Option(
            "--objective", help="What to minimise: cost, hours or credentials.", case_sensitive=False
        ),
    ] = ObjectiveChoice.COST,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    fmt: Annotated[
        Format,
        typer.Option("--format", "-f", help="table, json, markdown or memo.", case_sensitive=False),
    ] = Format.TABLE,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
) -> None:
    """Plan the credentials that close the gaps to a target role: optimal within your budget and time,
    prerequisites first, with dates and readiness after each step."""
    check_format(fmt, FORMATS)
    if hours_per_week is not None and hours_per_week <= 0:
        raise UsageError("--hours-per-week must be more than 0")
    deadline_day = parse_day("--deadline", deadline)
    start_day = parse_day("--start", start) or date.today()
    from skillgap.person import analyse_person, load_person, load_target, names_to_resolve
    from skillgap.plan import Objective, Request, make_plan
    from skillgap.world import open_world

    world = open_world(catalog, taxonomy)
    subject = load_person(profile, world)
    role = load_target(target, world)
    note_posting(role)
    resolutions = world.resolve(names_to_resolve([subject], [role]))
    result = analyse_person(world, subject, role, resolutions)
    person = subject.profile
    prefs = person.preferences
    request = Request(
        objective=Objective(objective.value),
        budget=budget if budget is not None else prefs.budget,
        hours_per_week=hours_per_week if hours_per_week is not None else prefs.hours_per_week,
        deadline=deadline_day or prefs.deadline,
        start=start_day,
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
