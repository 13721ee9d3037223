"""What the credentials a profile lists are in the catalog, and what in the profile names nothing there.

A held credential is found by its id, else by its title (case ignored); a pathway is held the same way, by
its id or title, and holding it holds every credential in it, so none of its own courses is recommended
again. An id that names no credential and no pathway is reported with the closest catalog id (a typo hides
what the person holds); an entry with a title of its own that the catalog does not know is a credential from
outside the catalog (a first-aid certificate), and is only listed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from skillgap.analyse.preferences import unused_exclusions
from skillgap.errors import Problem
from skillgap.model import Catalog, Credential, HeldCredential, Pathway, Profile


@dataclass(frozen=True)
class Holding:
    """One entry of a profile's `credentials` (badge files aside) and what it is in the catalog."""

    held: HeldCredential
    index: int  # its place in the profile's `credentials`
    credential: Credential | None = None
    pathway: Pathway | None = None
    members: tuple[Credential, ...] = ()  # a held pathway's credentials, in catalog order

    @property
    def credentials(self) -> tuple[Credential, ...]:
        """The catalog credentials this entry makes held."""
        return (self.credential,) if self.credential is not None else self.members

    @property
    def found(self) -> bool:
        return self.credential is not None or self.pathway is not None

    @property
    def titled(self) -> bool:
        """It gives a title of its own: written `{title: ...}`, or as plain text with a space in it (an id
        never has one)."""
        title = self.held.title
        return bool(title) and (title != self.held.id or any(c.isspace() for c in title or ""))

    @property
    def mistyped_id(self) -> bool:
        """It gives an id that no credential or pathway in the catalog has."""
        if self.found or not self.held.id:
            return False
        return not (self.held.title == self.held.id and self.titled)


def _pathways_by(catalog: Catalog) -> tuple[dict[str, Pathway], dict[str, Pathway]]:
    return {p.id: p for p in catalog.pathways}, {p.title.casefold(): p for p in catalog.pathways}


def holdings(profile: Profile, catalog: Catalog) -> tuple[Holding, ...]:
    """Each credential the profile lists (badge files aside), with what it names in the catalog."""
    by_id = catalog.by_id()
    pathway_ids, pathway_titles = _pathways_by(catalog)
    out: list[Holding] = []
    for index, held in enumerate(profile.credentials):
        if held.badge and not (held.id or held.title):
            continue
        ident, title = held.id or "", held.title or ""
        credential = by_id.get(ident) if ident else None
        pathway = pathway_ids.get(ident) if credential is None and ident else None
        for text in (title, ident):  # by title, then an id that is a title (`- Some Title` as plain text)
            if credential is None and pathway is None and text:
                credential = catalog.titled(text)
                pathway = pathway_titles.get(text.casefold()) if credential is None else None
        members: tuple[Credential, ...] = ()
        if pathway is not None:
            ids = catalog.lookup.ids
            inside = sorted(ids[i] for i in catalog.pathway_members.get(pathway.id, ()) if i in ids)
            members = tuple(catalog.credentials[i] for i in inside)
        out.append(Holding(held, index, credential, pathway, members))
    return tuple(out)


def held_credentials(profile: Profile, catalog: Catalog) -> tuple[Credential, ...]:
    """Catalog credentials the profile says the person holds, by id or title, or through a held pathway."""
    found = {c.id: c for holding in holdings(profile, catalog) for c in holding.credentials}
    return tuple(found.values())


def profile_warnings(profile: Profile, catalog: Catalog) -> tuple[Problem, ...]:
    """What in the profile names nothing in the catalog: a held credential's id no credential or pathway
    has, an `exclude_providers` entry that excludes no provider. Each with the closest name, located."""
    return (
        *mistyped_ids(profile, holdings(profile, catalog), catalog),
        *unused_provider_entries(profile, catalog),
    )


def mistyped_ids(profile: Profile, found: Iterable[Holding], catalog: Catalog) -> list[Problem]:
    problems = []
    for holding in found:
        if not holding.mistyped_id:
            continue
        held = holding.held
        ident = held.id or ""
        close = closest_id(ident, catalog)
        hint = f"did you mean {close!r}?" if close else "`skillgap catalog search WORDS` finds an id"
        if held.title == held.id:  # written as plain text
            path = f"credentials[{holding.index}]"
            hint += " A credential from outside the catalog is written {title: ...}"
        else:
            path = f"credentials[{holding.index}].id"
        origin = held.origin
        problems.append(
            Problem(
                file=origin.file if origin else profile.file,
                message=f"no credential or pathway in the catalog has the id {ident!r}, so it is left out",
                line=origin.line if origin else None,
                col=origin.col if origin else None,
                path=path,
                hint=hint,
            )
        )
    return problems


def closest_id(ident: str, catalog: Catalog) -> str | None:
    """The catalog id (of a credential or a pathway) spelt most like IDENT, when one is close."""
    from rapidfuzz import fuzz, process, utils

    choices = [*catalog.lookup.ids, *(p.id for p in catalog.pathways)]
    found = process.extractOne(
        ident, choices, scorer=fuzz.ratio, processor=utils.default_process, score_cutoff=75
    )
    return found[0] if found else None


def unused_provider_entries(profile: Profile, catalog: Catalog) -> list[Problem]:
    preferences = profile.preferences
    problems = []
    for unused in unused_exclusions(preferences, catalog.lookup.providers):
        hint = (
            f"did you mean {unused.suggestion!r}?"
            if unused.suggestion
            else "`skillgap catalog list` shows each credential's provider"
        )
        problems.append(
            Problem(
                file=profile.file,
                message=f"{unused.entry!r} excludes no provider in the catalog",
                path=f"preferences.exclude_providers[{unused.index}]",
                hint=hint,
            )
        )
    return problems
