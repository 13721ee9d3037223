"""Catalogs and taxonomies as the cache keeps them (plain data: `skillgap.parts`), and the checks that make
them model objects again.

`catalog_codec` and `TAXONOMY` are what `cache.cached` is given for the files the loaders read; the world's
entry (world.py) holds a catalog and a taxonomy packed by these same functions. Unpacking checks each value
as a reader checks a file (types, lengths, ranges, references) and raises `Unusable` for anything else, so
what comes out is always something the loaders could have made.
"""

from __future__ import annotations

from array import array
from collections.abc import Collection, Mapping
from itertools import accumulate, chain

from skillgap.load.cache import Codec
from skillgap.model import Catalog, Origin, Pathway, Taxonomy, TaxonomySkill
from skillgap.packed import Origins, PackedCredentials
from skillgap.parts import Part, Parts, ends, expect, nest, strings


def pack_catalog(catalog: Catalog) -> dict[str, Part]:
    pathways = catalog.pathways
    members = [p.credentials for p in pathways]
    return {
        **nest("credentials", PackedCredentials.pack(catalog.credentials)),
        "pathways": [[p.id, p.title, p.award] for p in pathways],
        **_pack_lists("pathways.members", members),
        **_origins("pathways.origin", [p.origin for p in pathways]),
        "about": [catalog.name, catalog.currency, list(catalog.files)],
        "domains": {provider: list(hosts) for provider, hosts in catalog.domains.items()},
    }


def unpack_catalog(parts: Parts, choices: Mapping[str, Collection[str]]) -> Catalog:
    """The catalog, its credentials built as asked for and its lookup made from their columns."""
    credentials = PackedCredentials.unpack(parts.sub("credentials"), choices)
    about = parts.json("about")
    expect(type(about) is list and len(about) == 3, "about: malformed")
    name, currency, files = about
    strings([name, currency], "about", optional=True)
    domains = parts.json("domains")
    expect(type(domains) is dict, "domains: not a mapping")
    hosts = {provider: tuple(strings(found, "domains")) for provider, found in domains.items()}
    expect(all(provider for provider in hosts), "domains: a provider without a name")
    files_read = tuple(strings(files, "files"))
    catalog = Catalog(credentials, _pathways(parts), name, currency, files_read, hosts)
    catalog.__dict__["lookup"] = credentials.lookup()  # (the cached property's place)
    return catalog


def _pathways(parts: Parts) -> tuple[Pathway, ...]:
    found = parts.json("pathways")
    expect(type(found) is list and all(type(p) is list and len(p) == 3 for p in found), "pathways")
    idents, titles, awards = zip(*found, strict=True) if found else ((), (), ())
    named = all(strings(list(idents), "pathway ids")) and all(strings(list(titles), "pathway titles"))
    expect(named, "pathways: one without an id or title")
    strings(list(awards), "pathway awards", optional=True)
    members = _lists("pathways.members", parts, len(found))
    origins = Origins.unpack("pathways.origin", parts, len(found)).all()
    return tuple(map(Pathway, idents, titles, members, awards, origins))


def catalog_codec(choices: Mapping[str, Collection[str]]) -> Codec[Catalog]:
    """How the cache keeps a catalog whose choice fields may hold CHOICES (field -> values)."""
    return Codec(pack_catalog, lambda parts: unpack_catalog(parts, choices))


def pack_taxonomy(taxonomy: Taxonomy) -> dict[str, Part]:
    skills = taxonomy.skills
    return {
        "skills": [[s.name, s.id] for s in skills],
        **_pack_lists("aliases", [s.aliases for s in skills]),
        **_pack_lists("related", [s.related for s in skills]),
        **_origins("origin", [s.origin for s in skills]),
        "abbreviations": [list(pair) for pair in taxonomy.abbreviations],
        "files": list(taxonomy.files),
    }


def unpack_taxonomy(parts: Parts) -> Taxonomy:
    found = parts.json("skills")
    expect(type(found) is list and all(type(s) is list and len(s) == 2 for s in found), "skills")
    names, idents = zip(*found, strict=True) if found else ((), ())
    expect(all(strings(list(names), "skill names")), "skill: no name")
    strings(list(idents), "skill ids", optional=True)
    aliases, related = _lists("aliases", parts, len(found)), _lists("related", parts, len(found))
    origins = Origins.unpack("origin", parts, len(found)).all()
    skills = tuple(map(TaxonomySkill, names, aliases, related, idents, origins))
    pairs = parts.json("abbreviations")
    expect(type(pairs) is list and all(type(p) is list and len(p) == 2 for p in pairs), "abbreviations")
    abbreviations = tuple((short, long) for short, long in (strings(p, "abbreviation") for p in pairs))
    return Taxonomy(skills, abbreviations, tuple(strings(parts.json("files"), "files")))


def _pack_lists(name: str, lists: list[tuple[str, ...]]) -> dict[str, Part]:
    """Lists of text, as all their items and where each list ends."""
    return {name: list(chain.from_iterable(lists)), f"{name}.ends": array("Q", accumulate(map(len, lists)))}


def _lists(name: str, parts: Parts, count: int) -> list[tuple[str, ...]]:
    items = strings(parts.json(name), name)
    found = parts.array(f"{name}.ends", "Q")
    ends(found, len(items), count, name)
    return [tuple(items[start:end]) for start, end in zip([0, *found][:-1], found, strict=True)]


TAXONOMY: Codec[Taxonomy] = Codec(pack_taxonomy, unpack_taxonomy)


def _origins(name: str, origins: list[Origin | None]) -> dict[str, Part]:
    found: dict[str, Part] = {}
    Origins.pack(name, origins, found)
    return found
