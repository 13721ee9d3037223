"""`skillgap import openbadges|esco|esco-role|onet|posting`: standard formats and job ads in, skillgap files
out. (`import linkedin|jsonresume|cv`, a person's own records in, are in `import_profile`.)"""

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
    TaxonomyOpt,
    format_option,
    number_option,
    refuse_force_without_output,
)
from skillgap.cli.usage import Command
from skillgap.limits import IMPORTANCE
from skillgap.render.formats import Format, PostingFormat
from skillgap.words import agree, plural

if TYPE_CHECKING:
    from skillgap.importers.documents import Imported
    from skillgap.model import Credential

app = typer.Typer(
    help="Turn standard formats into skillgap files: Open Badges into a catalog, ESCO into a taxonomy or "
    "a role, O*NET or a job posting into a role, a LinkedIn export, a JSON Resume or a CV into a profile. "
    "Nothing is fetched over the network.",
    rich_markup_mode=None,
    no_args_is_help=True,
)

LevelOpt = Annotated[
    int,
    typer.Option(
        "--level",
        min=1,
        max=5,
        metavar="LEVEL",
        help="The level (1-5) to require where the source states none.",
    ),
]


def _write(imported: Imported, header: list[str], output: Path | None, force: bool, what: str) -> None:
    """Write the document (stdout, or a file never replaced without --force); notes go to stderr."""
    from skillgap.importers.documents import yaml_text
    from skillgap.render.output import write_output

    write_output(yaml_text(imported.data, header), output, force)
    err = typer.echo
    for note in imported.notes:
        err(f"note: {_clean(note)}", err=True)
    if output is not None:
        err(f"wrote {what} to {_clean(str(output))}", err=True)


def _clean(text: str) -> str:
    from skillgap.render.safe import clean

    return clean(text)


@app.command("openbadges", cls=Command)
def openbadges(
    paths: Annotated[
        list[Path],
        typer.Argument(
            metavar="PATH", help="Open Badges JSON files, or folders of them.", show_default=False
        ),
    ],
    taxonomy: TaxonomyOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Make a catalog from Open Badges 2.0 BadgeClasses and Assertions and 3.0 Achievements and
    OpenBadgeCredentials: one credential per badge, its alignments and tags as skills.

    With --taxonomy, a skill aligned to a taxonomy skill's id takes that skill's name.
    """
    refuse_force_without_output(force, output)
    from skillgap.errors import InputError, Problem
    from skillgap.importers import openbadges as ob

    files = _json_files(paths)
    achievements: list[Credential] = []
    notes: list[str] = []
    problems: list[Problem] = []
    for file in files:
        try:
            found = ob.read_file(file)
        except InputError as exc:  # every file is read, then every problem reported at once
            problems.extend(exc.problems)
            continue
        achievements.extend(found.achievements)
        notes.extend(f"{file}: {note}" for note in found.notes)
        if not found.achievements:
            notes.append(f"{file}: holds no badge whose skills can be read")
    if not problems and not achievements:
        problems.append(Problem("", "no badge to import: " + "; ".join(notes)))
    if problems:
        raise InputError(problems)
    if taxonomy:
        from skillgap.analyse.ids import link_credential, names_by_id
        from skillgap.load.taxonomy import load_taxonomies

        names = names_by_id(load_taxonomies(taxonomy))
        achievements = [link_credential(c, names) for c in achievements]
    imported = ob.catalog(achievements, [str(f) for f in files])
    imported.notes[:0] = notes
    count = len(imported.data["credentials"])
    _write(imported, [ob.HEADER], output, force, plural(count, "credential"))


def _json_files(paths: list[Path]) -> list[Path]:
    from skillgap.errors import InputError

    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() == ".json" and p.is_file())
            if not found:
                raise InputError.at(str(path), "folder holds no .json files")
            files.extend(found)
        else:
            files.append(path)
    return files


@app.command("esco", cls=Command)
def esco(
    skills: Annotated[
        Path,
        typer.Argument(metavar="SKILLS", help="ESCO's skills file (skills_en.csv).", show_default=False),
    ],
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Make a taxonomy from ESCO's skills file: preferredLabel as the name, altLabels as aliases,
    conceptUri as the id."""
    refuse_force_without_output(force, output)
    from skillgap.importers import esco as imp
    from skillgap.importers.tables import read_table

    imported = imp.taxonomy(read_table(skills))
    header = [imp.ATTRIBUTION, f"Imported by `skillgap import esco` from {skills}."]
    _write(imported, header, output, force, plural(len(imported.data["skills"]), "skill"))


@app.command("esco-role", cls=Command)
def esco_role(
    occupations: Annotated[
        Path,
        typer.Argument(
            metavar="OCCUPATIONS", help="ESCO's occupations file (occupations_en.csv).", show_default=False
        ),
    ],
    relations: Annotated[
        Path,
        typer.Argument(
            metavar="RELATIONS",
            help="ESCO's occupation-skill relations (occupationSkillRelations_en.csv).",
            show_default=False,
        ),
    ],
    occupation: Annotated[
        str,
        typer.Option(
            "--occupation",
            metavar="NAME",
            help="The occupation: its preferredLabel, an altLabel or its conceptUri.",
        ),
    ],
    skills: Annotated[
        Path | None,
        typer.Option(
            "--skills",
            metavar="FILE",
            help="ESCO's skills file, for skill names the relations file lacks.",
            show_default=False,
        ),
    ] = None,
    level: LevelOpt = 3,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Make a role from one ESCO occupation: its essential skills as essential, its optional skills as
    nice-to-have, each at --level (ESCO states no levels)."""
    refuse_force_without_output(force, output)
    from skillgap.importers import esco as imp
    from skillgap.importers.tables import read_table

    found = imp.find_occupation(read_table(occupations), occupation)
    names = imp.skill_labels(read_table(skills)) if skills else {}
    imported = imp.role(found, read_table(relations), names, level)
    header = [
        imp.ATTRIBUTION,
        f"Imported by `skillgap import esco-role` from {occupations} and {relations}. ESCO states no "
        f"proficiency levels: every requirement is set to level {level}.",
    ]
    _write(imported, header, output, force, plural(len(imported.data["requirements"]), "requirement"))


@app.command("onet", cls=Command)
def onet(
    files: Annotated[
        list[Path],
        typer.Argument(
            metavar="FILE",
            help="O*NET text files: Skills.txt (or Knowledge.txt), Technology Skills.txt, Occupation Data.",
            show_default=False,
        ),
    ],
    occupation: Annotated[
        str | None,
        typer.Option(
            "--occupation",
            metavar="NAME",
            help="An O*NET-SOC code (15-2051.00) or title; needed when files hold several.",
        ),
    ] = None,
    min_importance: Annotated[
        float | None,
        number_option(
            "--min-importance",
            within=IMPORTANCE,
            metavar="IMPORTANCE",
            help="Leave out Skills or Knowledge elements rated less important ({range}; default 3).",
        ),
    ] = None,
    all_technology: Annotated[
        bool,
        typer.Option("--all-technology", help="Keep every technology, not only hot and in-demand ones."),
    ] = False,
    level: Annotated[
        int | None,
        typer.Option(
            "--level",
            min=1,
            max=5,
            metavar="LEVEL",
            help="The level (1-5) to require of technologies (default 3).",
        ),
    ] = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Make a role from O*NET ratings: importance 1-5 as essential (4+), important (3+) or nice-to-have
    (2+), level 0-7 mapped onto 0-5; technologies at --level."""
    refuse_force_without_output(force, output)
    from skillgap.importers import onet as imp
    from skillgap.importers.tables import read_table

    tables = [read_table(f, tab=True) for f in files]
    refuse_unused_onet_options(
        {imp.kind_of(t) for t in tables}, min_importance is not None, all_technology, level is not None
    )
    imported = imp.role(
        tables,
        occupation,
        ONET_LEVEL if level is None else level,
        ONET_MIN_IMPORTANCE if min_importance is None else min_importance,
        all_technology,
    )
    names = ", ".join(str(f) for f in files)
    header = [imp.ATTRIBUTION, imp.MODIFIED, f"Imported by `skillgap import onet` from {names}."]
    _write(imported, header, output, force, plural(len(imported.data["requirements"]), "requirement"))


ONET_LEVEL = 3
ONET_MIN_IMPORTANCE = 3.0


def refuse_unused_onet_options(
    kinds: set[str], min_importance: bool, all_technology: bool, level: bool
) -> None:
    """An option for a kind of O*NET file that was not given would do nothing: say so."""
    from skillgap.errors import UsageError

    if "technology" not in kinds and (all_technology or level):
        given = [o for o, on in (("--all-technology", all_technology), ("--level", level)) if on]
        verb = "apply" if len(given) > 1 else "applies"
        raise UsageError(f"{' and '.join(given)} {verb} to a Technology Skills file, and none was given")
    if "ratings" not in kinds and min_importance:
        raise UsageError("--min-importance applies to a Skills or Knowledge file, and none was given")


@app.command("posting", cls=Command)
def posting(
    file: Annotated[
        str,
        typer.Argument(
            help="The job posting: a .txt, .md, .html or .pdf file, or - to read standard input.",
            metavar="FILE",
            show_default=False,
        ),
    ],
    choice: Annotated[PostingFormat, format_option(PostingFormat)] = PostingFormat.YAML,
    level: LevelOpt = 3,
    catalog: CatalogOpt = None,
    taxonomy: TaxonomyOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    extra_taxonomy: ExtraTaxonomyOpt = None,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Make a role from a job posting (plain text, Markdown, HTML, or PDF with `pip install
    'skillgap[pdf]'`): the skills it asks for, through the same matcher every command uses, each with
    a level, an importance and the posting's own words and line; choices ("X or Y") as any_of; the
    degrees and certifications it asks for as required_credentials; and the skill-like phrases no
    known skill matches. --format yaml (the default) writes a role file with the evidence as comments."""
    fmt = choice.as_format
    refuse_force_without_output(force, output)
    from skillgap.postings import extract, load_posting, read_posting
    from skillgap.render.output import write_output
    from skillgap.world import open_world

    if file == "-":
        import sys

        from skillgap.postings.read import MAX_BYTES

        posting_read = read_posting(sys.stdin.buffer.read(MAX_BYTES + 1), "standard input")
    else:
        posting_read = load_posting(Path(file))
    world = open_world(catalog, taxonomy, extra_catalog, extra_taxonomy)
    extraction = extract(posting_read, world.matcher, default_level=level)
    if fmt is Format.JSON:
        from skillgap.render.json_out import to_json
        from skillgap.render.posting_out import posting_document

        text = to_json(posting_document(extraction))
    else:
        from skillgap.render.posting_out import posting_yaml

        text = posting_yaml(extraction)
    write_output(text, output, force)
    choices = sum(a.is_choice for a in extraction.asks)
    summary = f"read {plural(len(extraction.asks), 'requirement')}"
    if choices:
        summary += f", {choices} of them {agree(choices, 'a choice', 'choices')}"
    summary += f" and {plural(len(extraction.credentials), 'credential')} from {_clean(extraction.source)}"
    if extraction.unrecognised:
        summary += f"; {plural(len(extraction.unrecognised), 'skill-like phrase')} not recognised"
    typer.echo(summary, err=True)
    if not extraction.asks:
        typer.echo("note: no skill the taxonomy knows was found; is this a job posting?", err=True)
    if output is not None:
        typer.echo(f"wrote the role to {_clean(str(output))}", err=True)
