"""`skillgap import linkedin|jsonresume|cv`: a person's own records in, a profile to review out."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
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
    TaxonomyOpt,
    format_option,
    refuse_force_without_output,
)
from skillgap.cli.importers import app
from skillgap.cli.usage import Command
from skillgap.render.formats import Format, ProfileFormat
from skillgap.words import plural

if TYPE_CHECKING:
    from skillgap.match import Matcher
    from skillgap.model import Catalog
    from skillgap.resumes.types import Imported

    Reader = Callable[[Path, Matcher, Catalog, date], Imported]

MergeOpt = Annotated[
    Path | None,
    typer.Option(
        "--merge",
        metavar="PROFILE",
        help="Add the skills and credentials PROFILE lacks to it, changing nothing it already says; the "
        "result goes to stdout or --output (which may be PROFILE itself, with --force).",
        show_default=False,
    ),
]
FormatOpt = Annotated[ProfileFormat, format_option(ProfileFormat)]


def _run(
    read: Reader,
    path: Path,
    command: str,
    choice: ProfileFormat,
    merge: Path | None,
    sources: tuple[list[Path] | None, ...],
    output: Path | None,
    force: bool,
) -> None:
    """Read PATH, then write the profile (or PROFILE merged with it) and the notes."""
    refuse_force_without_output(force, output)
    from skillgap.render.output import write_output
    from skillgap.render.profile_out import profile_json, profile_yaml
    from skillgap.render.safe import clean
    from skillgap.resumes.document import NO_NAME, profile_document
    from skillgap.world import open_world

    if not path.exists():  # said before the catalog and the matcher are built for nothing
        from skillgap.errors import InputError

        raise InputError.at(str(path), "no such file or folder", hint="check the path")
    world = open_world(*sources)  # --catalog, --taxonomy, --extra-catalog, --extra-taxonomy
    imported = read(path, world.matcher, world.catalog, date.today())
    json_out = choice.as_format is Format.JSON
    if merge is None:
        data = profile_document(imported)
        text = profile_json(data) if json_out else profile_yaml(data, imported, command)
        summary = (
            f"read {plural(len(imported.skills), 'skill')} and "
            f"{plural(len(imported.credentials), 'credential')} from {clean(imported.source)}"
        )
        extra = [] if imported.name else [f"no name was found: the profile says {NO_NAME!r}; write yours"]
    else:
        text, summary, extra = _merged(merge, imported, world.matcher, command, json_out)
    write_output(text, output, force)
    typer.echo(summary, err=True)
    for note in [*imported.notes, *extra]:
        typer.echo(f"note: {clean(note)}", err=True)
    if imported.skills:
        typer.echo("note: every level is an estimate marked `estimated: true`: review them", err=True)
    if output is not None:
        typer.echo(f"wrote the profile to {clean(str(output))}", err=True)


def _merged(
    merge: Path, imported: Imported, matcher: Matcher, command: str, json_out: bool
) -> tuple[str, str, list[str]]:
    """The person's profile MERGE with what IMPORTED adds: its text, the summary, and notes. As YAML, their
    own text is kept whole, comments and all, and the new entries added to it, wherever that can be done
    plainly; else the merged profile is written anew."""
    from skillgap.load.profile import load_profile
    from skillgap.load.source import display_name, load_file, read_text
    from skillgap.render.profile_out import merged_yaml, profile_json, profile_yaml
    from skillgap.render.safe import clean
    from skillgap.resumes.document import merged_document

    person = load_profile(merge)  # a profile that does not load is reported, not merged into
    original = read_text(merge)
    merged = merged_document(load_file(merge), person, imported, matcher)
    added = plural(len(merged.skills), "skill"), plural(len(merged.credentials), "credential")
    summary = f"added {added[0]} and {added[1]} to {clean(str(merge))}"
    if merged.kept:
        summary += f"; {plural(merged.kept, 'skill')} it already has kept as you wrote them"
    extra: list[str] = []
    if json_out:
        return profile_json(merged.data), summary, extra
    text = merged_yaml(original, display_name(merge), merged, imported, command)
    if text is None:
        text = profile_yaml(merged.data, imported, command)
        if any(line.lstrip().startswith("#") for line in original.splitlines()):
            extra.append(
                f"the comments in {clean(str(merge))} are not carried over: its skills or credentials are "
                "not written as block lists (`- name: ...` on lines of their own), so it was written anew"
            )
    return text, summary, extra


@app.command("linkedin", cls=Command)
def linkedin(
    path: Annotated[
        Path,
        typer.Argument(
            metavar="PATH",
            help="LinkedIn's data export: the .zip of 'Get a copy of your data', or its folder.",
            show_default=False,
        ),
    ],
    choice: FormatOpt = ProfileFormat.YAML,
    merge: MergeOpt = None,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    extra_taxonomy: ExtraTaxonomyOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Make a profile from a LinkedIn data export: its skills, each at a level estimated from the years of
    positions that name it and its endorsements (never above what they show, marked `estimated: true`),
    the open position as current_role, and its certifications, matched to catalog credentials by title
    and issuer."""
    from skillgap.resumes.linkedin import read_linkedin

    sources = (catalog, taxonomy, extra_catalog, extra_taxonomy)
    _run(read_linkedin, path, "skillgap import linkedin", choice, merge, sources, output, force)


@app.command("jsonresume", cls=Command)
def jsonresume(
    file: Annotated[
        Path,
        typer.Argument(metavar="FILE", help="A JSON Resume (resume.json).", show_default=False),
    ],
    choice: FormatOpt = ProfileFormat.YAML,
    merge: MergeOpt = None,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    extra_taxonomy: ExtraTaxonomyOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Make a profile from a JSON Resume (jsonresume.org): its skills and keywords, level words mapped onto
    skillgap's scale, the skills its work entries name with the years of them, and its certificates,
    matched to catalog credentials by title and issuer. Every level is marked `estimated: true`."""
    from skillgap.resumes.jsonresume import read_jsonresume

    sources = (catalog, taxonomy, extra_catalog, extra_taxonomy)
    _run(read_jsonresume, file, "skillgap import jsonresume", choice, merge, sources, output, force)


@app.command("cv", cls=Command)
def cv(
    file: Annotated[
        Path,
        typer.Argument(
            metavar="FILE",
            help="A CV: .txt, .md, .html, .docx, or .pdf (with `pip install 'skillgap[pdf]'`).",
            show_default=False,
        ),
    ],
    choice: FormatOpt = ProfileFormat.YAML,
    merge: MergeOpt = None,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    extra_taxonomy: ExtraTaxonomyOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Make a profile from a CV: the skills it names, found as `import posting` finds them, each with its
    sentence as evidence at the level the words beside it state (years, "advanced"), else 1; and the
    certifications it names, matched to catalog credentials. Every level is marked `estimated: true`."""
    from skillgap.resumes.cv import read_cv

    sources = (catalog, taxonomy, extra_catalog, extra_taxonomy)
    _run(read_cv, file, "skillgap import cv", choice, merge, sources, output, force)
