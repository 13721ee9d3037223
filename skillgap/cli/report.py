"""`skillgap report`: coaching sheets for one person or everyone in a folder, as Markdown, HTML or CSV."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from skillgap.cli.common import (
    CatalogOpt,
    DebugOpt,
    ExtraCatalogOpt,
    ExtraTaxonomyOpt,
    NoCacheOpt,
    OutputOpt,
    RatesOpt,
    RolesOpt,
    TargetOpt,
    TaxonomyOpt,
    format_option,
    refuse_force_without_output,
    stale_after_option,
    team_budget_options,
)
from skillgap.limits import STALE_AFTER_YEARS
from skillgap.money import Amount
from skillgap.render.formats import Format, ReportFormat

TEAM_BUDGET, PER_PERSON = team_budget_options()

if TYPE_CHECKING:
    from skillgap.cohort import Cohort
    from skillgap.cohort.funding import Funding
    from skillgap.progress import Saved
    from skillgap.render.report_sheet import Sheet


def report(
    profiles: Annotated[
        list[Path],
        typer.Argument(
            metavar="PROFILES", help="A profile, or several, or folders of them.", show_default=False
        ),
    ],
    target: TargetOpt,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    extra_taxonomy: ExtraTaxonomyOpt = None,
    roles: RolesOpt = None,
    rates: RatesOpt = None,
    team_budget: Annotated[Amount | None, TEAM_BUDGET] = None,
    budget_per_person: Annotated[Amount | None, PER_PERSON] = None,
    stale_after: Annotated[float, stale_after_option()] = STALE_AFTER_YEARS,
    choice: Annotated[ReportFormat, format_option(ReportFormat)] = ReportFormat.MARKDOWN,
    output: OutputOpt = None,
    output_dir: Annotated[
        Path | None,
        typer.Option(
            "--output-dir",
            "-d",
            metavar="FOLDER",
            help="Write one sheet per person into this folder (created if missing), plus a cohort sheet.",
            file_okay=False,
        ),
    ] = None,
    cohort_sheet: Annotated[
        bool | None,
        typer.Option(
            "--cohort-sheet/--no-cohort-sheet",
            help="With --output-dir: write cohort.EXT too, or not (default: when there is more than one "
            "person).",
            show_default=False,
        ),
    ] = None,
    since: Annotated[
        Path | None,
        typer.Option(
            "--since",
            metavar="FILE",
            help="A saved `analyze --format json` (or `cohort --format json`) result: show what changed.",
        ),
    ] = None,
    since_other_person: Annotated[
        bool,
        typer.Option(
            "--since-other-person",
            help="Compare with the --since result even when it was saved for another person.",
        ),
    ] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Replace existing files: the --output file, or the sheets in --output-dir."
        ),
    ] = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write a coaching sheet (strengths, priority gaps, the plan, questions to discuss) for one person,
    or for everyone in PROFILES: one page for the cohort, or one file per person with --output-dir."""
    fmt = choice.as_format
    from skillgap.errors import UsageError

    refuse_force_without_output(force, output, output_dir)
    if output is not None and output_dir is not None:
        raise UsageError("give --output (one file) or --output-dir (one file per person), not both")
    if cohort_sheet is not None and output_dir is None:
        flag = "--cohort-sheet" if cohort_sheet else "--no-cohort-sheet"
        raise UsageError(
            f"{flag} says what --output-dir holds: give --output-dir FOLDER too, or leave it out"
        )
    if since is not None and fmt is Format.CSV:
        raise UsageError(
            "--since adds 'Since last time' to a sheet, and --format csv has none: use markdown or html"
        )
    budgets = (team_budget, budget_per_person)
    if any(budgets) and fmt is Format.CSV:
        raise UsageError(
            "--team-budget and --budget-per-person say who the cohort sheet's shared credentials fund, and "
            "--format csv has no cohort sheet: use markdown or html"
        )
    if any(budgets) and cohort_sheet is False:
        raise UsageError(
            "--team-budget and --budget-per-person go on the cohort sheet, which --no-cohort-sheet leaves out"
        )
    run_report(
        profiles, target, catalog, taxonomy, fmt, output, output_dir, cohort_sheet, since, force,
        since_other_person, rates, budgets, (extra_catalog, extra_taxonomy, roles), stale_after or None,
    )  # fmt: skip


def read_saved(path: Path) -> list[Saved]:
    """A saved JSON result, with JSON errors located by line and column."""
    import json

    from skillgap.errors import InputError
    from skillgap.load.source import display_name, read_text
    from skillgap.progress import HINT, saved_results

    name = display_name(path)
    text = read_text(path)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError.at(name, f"not valid JSON: {exc.msg}", exc.lineno, exc.colno, hint=HINT) from None
    return saved_results(data, name)


def check_since(since: Path, saved: list[Saved], group: Cohort, anyone: bool) -> None:
    """One person's report refuses another person's saved result (unless ANYONE); a group's warns when the
    result is nobody's in the group (each sheet says so too)."""
    import sys

    from skillgap.load.source import display_name
    from skillgap.progress import check_person, find_person
    from skillgap.render.safe import clean

    if len(group.people) == 1:
        profile = group.people[0].profile
        check_person(saved, profile.name, profile.file, display_name(since), anyone)
    elif not any(find_person(saved, a.profile.name, a.profile.file) for a in group.people):
        sys.stderr.write(
            f"warning: {clean(display_name(since))}: holds a result for none of these "
            f"{len(group.people)} people: no sheet shows progress\n"
        )


def run_report(
    paths: list[Path],
    target: str,
    catalogs: list[Path] | None,
    taxonomies: list[Path] | None,
    fmt: Format,
    output: Path | None,
    output_dir: Path | None,
    cohort_sheet: bool | None,
    since: Path | None,
    force: bool,
    since_other_person: bool = False,
    rates: Path | None = None,
    budgets: tuple[Amount | None, Amount | None] = (None, None),
    extras: tuple[list[Path] | None, list[Path] | None, list[Path] | None] = (None, None, None),
    stale_after: float | None = STALE_AFTER_YEARS,
) -> None:
    from datetime import date

    from skillgap.cli.common import funding_money, load_rates_option
    from skillgap.cli.people import analyse_people
    from skillgap.coaching import coach_cohort
    from skillgap.errors import UsageError
    from skillgap.render.report_sheet import sheets as coaching_sheets

    saved = read_saved(since) if since is not None else None
    table = load_rates_option(rates)
    group, world = analyse_people(paths, target, catalogs, taxonomies, None, *extras, stale_after)
    if since is not None and saved is not None:
        check_since(since, saved, group, since_other_person)
    sheets = coaching_sheets(coach_cohort(group, world.catalog, saved, date.today(), table), world.catalog)
    single = len(group.people) == 1 and len(paths) == 1 and not paths[0].is_dir() and not group.errors
    funding = None
    if any(budgets):
        if single and not (output_dir is not None and cohort_sheet):
            raise UsageError(
                "--team-budget and --budget-per-person go on the cohort sheet, and one person's report has "
                "none: give several profiles (or a folder), or --output-dir with --cohort-sheet"
            )
        from skillgap.cohort.funding import fund

        money = funding_money(*budgets, world.catalog.currency, table)
        funding = fund(group, money, *(a.value if a else None for a in budgets))
    if output_dir is not None:
        with_cohort = not single if cohort_sheet is None else cohort_sheet
        write_folder(group, sheets, fmt, output_dir, with_cohort, force, funding)
        return
    from skillgap.render.output import write_output

    write_output(render_one(group, sheets, fmt, single, funding), output, force)


def render_one(
    group: Cohort, sheets: list[Sheet], fmt: Format, single: bool, funding: Funding | None = None
) -> str:
    """One document: a person's sheet, or the cohort sheet with everyone's sheet after it."""
    return (
        render_person(sheets[0], fmt) if single else render_cohort(group, fmt, sheets=sheets, funding=funding)
    )


def write_folder(
    group: Cohort,
    sheets: list[Sheet],
    fmt: Format,
    folder: Path,
    with_cohort: bool,
    force: bool,
    funding: Funding | None = None,
) -> None:
    """One file per person (named after the profile file) and the cohort sheet, each written whole. No file
    is written when any would replace an existing one without --force."""
    import sys

    from skillgap.errors import OutputExistsError
    from skillgap.render.output import write_all
    from skillgap.render.safe import clean

    ext = {Format.MARKDOWN: ".md", Format.HTML: ".html", Format.CSV: ".csv"}[fmt]
    names = file_names([s.analysis.profile.file for s in sheets], ext, reserved={"cohort" + ext})
    files = {s.analysis.profile.file: name for s, name in zip(sheets, names, strict=True)}
    texts = [(folder / name, render_person(s, fmt)) for s, name in zip(sheets, names, strict=True)]
    if with_cohort:
        everyone = sheets if fmt is Format.CSV else ()  # a CSV has no links: everyone's rows, plans and all
        cohort_text = render_cohort(group, fmt, links=files, sheets=everyone, funding=funding)
        texts.append((folder / ("cohort" + ext), cohort_text))
    existing = [str(p) for p, _ in texts if p.exists()]
    if existing and not force:
        more = f" and {len(existing) - 1} more" if len(existing) > 1 else ""
        raise OutputExistsError.at(existing[0], f"already exists{more}", hint="use --force to replace them")
    folder.mkdir(parents=True, exist_ok=True)
    write_all(texts, force)
    what = f"{len(sheets)} sheet{'s' if len(sheets) != 1 else ''}" + (
        " and the cohort sheet" if with_cohort else ""
    )
    sys.stderr.write(f"skillgap: wrote {what} to {clean(str(folder))}\n")


def render_person(s: Sheet, fmt: Format) -> str:
    if fmt is Format.CSV:
        from skillgap.render.report_csv import sheets_csv

        return sheets_csv([s])
    if fmt is Format.HTML:
        from skillgap.render.report_html import person_html

        return person_html(s)
    from skillgap.render.report_md import person_markdown

    return person_markdown(s)


def render_cohort(
    group: Cohort,
    fmt: Format,
    links: dict[str, str] | None = None,
    sheets: Sequence[Sheet] = (),
    funding: Funding | None = None,
) -> str:
    """The cohort sheet, linking to the people's own files (`links`) or with their sheets after it. As CSV
    it is everyone's rows, with their plans when their sheets are given."""
    if fmt is Format.CSV:
        from skillgap.render.report_csv import cohort_csv, sheets_csv

        return sheets_csv(sheets) if sheets else cohort_csv(group)
    if fmt is Format.HTML:
        from skillgap.render.report_html import cohort_html

        return cohort_html(group, sheets, links, funding)
    from skillgap.render.report_md import cohort_markdown

    return cohort_markdown(group, sheets, links, funding)


def file_names(profile_files: list[str], ext: str, reserved: set[str]) -> list[str]:
    """A safe, distinct file name per profile, the same from run to run: its file name's stem; where two
    profiles' stems are the same (a/dana.yaml, b/dana.yaml), the end of the path that tells them apart
    (a-dana, b-dana); then -2, -3 ... only for a name still taken (a reserved one, or names that differ
    only in case or in characters a file name is not given)."""
    import re
    from collections import Counter

    from skillgap.pathnames import distinct_tails

    def safe(text: str) -> str:
        return re.sub(r"[^\w.-]+", "-", text).strip(".-") or "profile"

    stems = [safe(Path(file).stem) for file in profile_files]
    counts = Counter(stem.casefold() for stem in stems)
    shared = [file for file, stem in zip(profile_files, stems, strict=True) if counts[stem.casefold()] > 1]
    tails = dict(zip(shared, distinct_tails(shared), strict=True))
    taken = {name.casefold() for name in reserved}
    out = []
    for file, stem in zip(profile_files, stems, strict=True):
        base = safe(tails[file].replace("/", "-")) if file in tails else stem
        name, n = base + ext, 1
        while name.casefold() in taken:
            n += 1
            name = f"{base}-{n}{ext}"
        taken.add(name.casefold())
        out.append(name)
    return out
