"""Catalogs and taxonomies as the cache keeps them (plain data: `skillgap.parts`), and the checks that make
them model objects again.

`catalog_codec` and `TAXONOMY` are what `cache.cached` is given for the files the loaders read; the world's
entry (world.py) holds a catalog and a taxonomy packed by these same functions. Unpacking checks each value
as a reader checks a file (types, lengths, ranges, references) and raises `Unusable` for anything else, so
what comes out is always something the loaders could have made.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import Any

from skillgap.load.cache import Codec
from skillgap.model import Catalog, Origin, Pathway, Taxonomy, TaxonomySkill
from skillgap.packed import PackedCredentials
from skillgap.parts import Part, Parts, expect, nest, strings


def pack_catalog(catalog: Catalog) -> dict[str, Part]:
    pathways = [
        [p.id, p.title, list(p.credentials), p.award, _origin_data(p.origin)] for p in catalog.pathways
    ]
    return {
        **nest("credentials", PackedCredentials.pack(catalog.credentials)),
        "pathways": pathways,
        "about": [catalog.name, catalog.currency, list(catalog.files)],
    }


def unpack_catalog(parts: Parts, choices: Mapping[str, Collection[str]]) -> Catalog:
    """The catalog, its credentials built as asked for and its lookup made from their columns."""
    credentials = PackedCredentials.unpack(parts.sub("credentials"), choices)
    about = parts.json("about")
    expect(type(about) is list and len(about) == 3, "about: malformed")
    name, currency, files = about
    strings([name, currency], "about", optional=True)
    catalog = Catalog(
        credentials, _pathways(parts.json("pathways")), name, currency, tuple(strings(files, "files"))
    )
    catalog.__dict__["lookup"] = credentials.lookup()  # (the cached property's place)
    return catalog


def _pathways(found: Any) -> tuple[Pathway, ...]:
    expect(type(found) is list, "pathways: not a list")
    pathways = []
    for entry in found:
        expect(type(entry) is list and len(entry) == 5, "pathways: a malformed pathway")
        ident, title, members, award, origin = entry
        strings([ident, title], "pathway")
        expect(bool(ident and title), "pathway: no id or title")
        strings([award], "pathway award", optional=True)
        pathways.append(
            Pathway(ident, title, tuple(strings(members, "pathway members")), award, _origin(origin))
        )
    return tuple(pathways)


def catalog_codec(choices: Mapping[str, Collection[str]]) -> Codec[Catalog]:
    """How the cache keeps a catalog whose choice fields may hold CHOICES (field -> values)."""
    return Codec(pack_catalog, lambda parts: unpack_catalog(parts, choices))


def pack_taxonomy(taxonomy: Taxonomy) -> dict[str, Part]:
    skills = [
        [s.name, list(s.aliases), list(s.related), s.id, _origin_data(s.origin)] for s in taxonomy.skills
    ]
    return {
        "skills": skills,
        "abbreviations": [list(pair) for pair in taxonomy.abbreviations],
        "files": list(taxonomy.files),
    }


def unpack_taxonomy(parts: Parts) -> Taxonomy:
    found = parts.json("skills")
    expect(type(found) is list, "skills: not a list")
    skills = []
    for entry in found:
        expect(type(entry) is list and len(entry) == 5, "skills: a malformed skill")
        name, aliases, related, ident, origin = entry
        expect(type(name) is str and bool(name), "skill: no name")
        strings([ident], "skill id", optional=True)
        skills.append(
            TaxonomySkill(
                name,
                tuple(strings(aliases, "aliases")),
                tuple(strings(related, "related")),
                ident,
                _origin(origin),
            )
        )
    pairs = parts.json("abbreviations")
    expect(type(pairs) is list and all(type(p) is list and len(p) == 2 for p in pairs), "abbreviations")
    abbreviations = tuple((short, long) for short, long in (strings(p, "abbreviation") for p in pairs))
    return Taxonomy(tuple(skills), abbreviations, tuple(strings(parts.json("files"), "files")))


TAXONOMY: Codec[Taxonomy] = Codec(pack_taxonomy, unpack_taxonomy)


def _origin_data(origin: Origin | None) -> list[Any] | None:
    return None if origin is None else [origin.file, origin.line, origin.col]


def _origin(found: Any) -> Origin | None:
    if found is None:
        return None
    expect(type(found) is list and len(found) == 3, "origin: malformed")
    file, line, col = found
    expect(type(file) is str, "origin: no file")
    for position in (line, col):
        expect(position is None or (type(position) is int and position >= 0), "origin: a malformed position")
    return Origin(file, line, col)
