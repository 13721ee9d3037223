"""`skillgap showcase`: résumé lines for the credentials a profile holds and the badges it earned."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from skillgap.cli.common import (
    CatalogOpt,
    DebugOpt,
    ExtraCatalogOpt,
    ForceOpt,
    NoCacheOpt,
    OutputOpt,
    format_option,
    refuse_force_without_output,
)
from skillgap.render.formats import Format, ShowcaseFormat

if TYPE_CHECKING:
    from skillgap.model import Badge


def showcase(
    profile: Annotated[
        Path, typer.Argument(metavar="PROFILE", help="Your profile (YAML).", show_default=False)
    ],
    catalog: CatalogOpt = None,
    extra_catalog: ExtraCatalogOpt = None,
    choice: Annotated[ShowcaseFormat, format_option(ShowcaseFormat)] = ShowcaseFormat.MARKDOWN,
    output: OutputOpt = None,
    force: ForceOpt = False,
    debug: DebugOpt = False,
    no_cache: NoCacheOpt = False,
) -> None:
    """Write the "Certifications" and "Continuing education" lines for a résumé or an online profile from
    the credentials PROFILE holds and the badge files it lists: title, issuer, date, what each proves and
    how it was assessed."""
    fmt = choice.as_format
    refuse_force_without_output(force, output)
    from datetime import date

    from skillgap.analyse.held import holdings, mistyped_ids
    from skillgap.load import load_catalogs, load_profile
    from skillgap.load.paths import catalog_paths
    from skillgap.load.profile import load_badges
    from skillgap.render import showcase as view
    from skillgap.render.output import write_output
    from skillgap.render.safe import clean
    from skillgap.verification import Verdict
    from skillgap.verify.reader import verifying_reader

    person = load_profile(profile)
    badges = load_badges(person, verifying_reader())
    loaded = load_catalogs(catalog_paths(catalog, extra_catalog))
    found = holdings(person, loaded)
    entries = [entry for entry in map(view.from_holding, found) if entry is not None]
    revoked = [b for b in badges if b.revoked]
    invalid = [b for b in badges if not b.revoked and _proves_nothing(b)]
    cited = [b for b in badges if not b.revoked and not _proves_nothing(b)]
    entries += [view.from_badge(b) for b in cited]
    today = date.today()
    render = view.render_markdown if fmt is Format.MARKDOWN else view.render_text
    write_output(render(entries, today), output, force)
    err = typer.echo
    for problem in mistyped_ids(person, found, loaded):
        err(f"warning: {clean(str(problem))}", err=True)
    if not entries:
        err("note: the profile lists no credentials and no badge files", err=True)
    for badge in revoked:
        err(f"note: {clean(badge.file)} is marked revoked: left out", err=True)
    for badge in invalid:  # a badge that proves nothing is never cited
        reason = badge.verification.reason if badge.verification else ""
        err(f"note: {clean(badge.file)} is invalid ({clean(reason)}): left out", err=True)
    for badge in cited:  # cited, but nothing proves it: say so, and what was not checked
        if badge.verdict in (Verdict.UNVERIFIABLE, None):  # (an invalid one here only expired: it says so)
            reason = badge.verification.reason if badge.verification else "not checked"
            err(
                f"note: {clean(badge.file)} could not be verified offline ({clean(reason)}): check it "
                "before you cite it",
                err=True,
            )


def _proves_nothing(badge: Badge) -> bool:
    """Invalid for a reason other than its dates: changed, not the issuer's, not a badge. An expired badge
    whose proof holds is still cited (its line says it expired)."""
    from skillgap.verify.checks import VALIDITY

    verification = badge.verification
    return verification is not None and any(name != VALIDITY for name in verification.failed)
