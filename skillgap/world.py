"""The data every command works against: catalog, taxonomy and the matcher built from both."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from skillgap.errors import SkillgapError
from skillgap.gc_pause import gc_paused
from skillgap.load import cache, paths, stored
from skillgap.load.catalog import CODEC
from skillgap.load.paths import expand_paths
from skillgap.match import Matcher, Resolution
from skillgap.model import Badge, Catalog, Role, Taught, Taxonomy
from skillgap.parts import Part, Parts, expect, nest
from skillgap.teaching import from_data, index_teaching, to_data

if TYPE_CHECKING:
    from skillgap.ahead import Ahead

# (what only building a world needs, and linking ids, is imported where it is used: a run that reads its
# world, shipped or cached, and only scans a posting never loads the analysis)


class Resolutions(dict[str, Resolution]):
    """The resolutions of the names a run asked for; any other name looked up (a catalog credential's,
    when ranking) is resolved then, by the same matcher, and kept."""

    def __init__(self, matcher: Matcher, names: Iterable[str]) -> None:
        super().__init__(matcher.resolve_many(names))
        self._matcher = matcher

    def __missing__(self, name: str) -> Resolution:
        resolution = self[name] = self._matcher.resolve(name)
        return resolution

    def get(self, name: str, default: Any = None) -> Any:
        return self[name] if isinstance(name, str) else default


@dataclass(frozen=True)
class World:
    """What every command works against: catalog, taxonomy, the matcher built from both, the skill index."""

    catalog: Catalog  # skills that share an id with a taxonomy skill already carry that skill's name
    taxonomy: Taxonomy
    matcher: Matcher
    shared_ids: Mapping[str, str] = field(default_factory=dict)  # taxonomy id -> canonical name
    teaching: Mapping[str, Taught] = field(default_factory=dict)  # skill key -> who teaches it

    def link_role(self, role: Role) -> Role:
        """A shared id names a skill before its wording does (ESCO URI, O*NET code, badge alignment)."""
        from skillgap.analyse.ids import link_role

        return link_role(role, self.shared_ids)

    def link_badges(self, badges: Iterable[Badge]) -> tuple[Badge, ...]:
        from skillgap.analyse.ids import link_credential

        return tuple(replace(b, credential=link_credential(b.credential, self.shared_ids)) for b in badges)

    def resolve(self, names: Iterable[str]) -> Resolutions:
        """Each distinct name resolved once (the matcher memoises across calls too); a catalog name looked
        up later is resolved then."""
        return Resolutions(self.matcher, dict.fromkeys(names))


SHIPPED = Path(__file__).with_name("bundled-world.sgc")  # the bundled world, built ahead of time
SHIPPED_VERSION = "world-1"  # bump when what a world packs changes (a test fails until the file is rebuilt)


def open_world(
    catalogs: Sequence[Path] | None = None,
    taxonomies: Sequence[Path] | None = None,
    extra_catalogs: Sequence[Path] | None = None,
    extra_taxonomies: Sequence[Path] | None = None,
) -> World:
    """Load catalogs and taxonomies (bundled ones where none are given, and the EXTRA ones added to either)
    and build the matcher.

    The bundled world comes built ahead of time with skillgap (`SHIPPED`, used while it was built from
    exactly the bundled files' bytes). Any other world, with every catalog skill name already resolved, is
    cached by the content of the files, so a warm run of a large catalog neither parses YAML nor builds the
    matcher again.
    """
    catalog_paths = expand_paths(paths.catalog_paths(catalogs, extra_catalogs))
    taxonomy_paths = expand_paths(paths.taxonomy_paths(taxonomies, extra_taxonomies))
    if not (catalogs or taxonomies or extra_catalogs or extra_taxonomies):
        found = _shipped(catalog_paths, taxonomy_paths)
        if found is not None:
            return found.world

    def build() -> _Made:
        return _build(catalog_paths, taxonomy_paths)

    if not cache.enabled():
        return build().world
    made = cache.cached("world", cache.files([*catalog_paths, *taxonomy_paths]), build, WORLD)
    assert made is not None
    return made.world


def _build(catalog_paths: Sequence[Path], taxonomy_paths: Sequence[Path]) -> _Made:
    # Hundreds of thousands of new objects that live as long as the run: collecting garbage while they
    # are made only walks them again and again (at 100,000 credentials it made the build 3x slower).
    from skillgap.ahead import Ahead
    from skillgap.load.catalog import load_catalogs
    from skillgap.load.taxonomy import load_taxonomies

    with gc_paused():
        taxonomy = load_taxonomies(taxonomy_paths)
        ahead = Ahead.start(taxonomy, catalog_paths)  # the matcher, on a second core meanwhile
        try:
            # the world is cached whole: caching each catalog file as well would only write it twice
            catalog = load_catalogs(catalog_paths, use_cache=False)
        except BaseException:
            if ahead is not None:
                ahead.cancel()
            raise
        packed = None
        if ahead is not None:  # while the child builds: ranking's lookups, and the cache entry's catalog
            catalog.lookup  # noqa: B018
            packed = _packed(catalog) if cache.enabled() else None
        return _Made(build_world(catalog, taxonomy, ahead), catalog, packed)


def _shipped_key(catalog_paths: Sequence[Path], taxonomy_paths: Sequence[Path]) -> tuple[str, str] | None:
    """The key of the bundled world made of these files, and the folder they are in (with its separator);
    None where a shipped world cannot stand for them (a file outside the bundled folder, unreadable)."""
    if os.sep != "/":
        return None  # (it names its files with /; where the separator differs, build as before)
    try:
        home = paths.bundled_dir()
        files = (*catalog_paths, *taxonomy_paths)
        sources = [(path.relative_to(home).as_posix(), path.read_bytes()) for path in files]
    except (OSError, ValueError, SkillgapError):
        return None
    return cache.shipped_key("world", SHIPPED_VERSION, sources), f"{home}{os.sep}"


def _shipped(catalog_paths: Sequence[Path], taxonomy_paths: Sequence[Path]) -> _Made | None:
    found = _shipped_key(catalog_paths, taxonomy_paths)
    return None if found is None else cache.shipped(SHIPPED, "world", found[0], WORLD, found[1])


def ship_bundled_world() -> bytes:
    """The bytes of `SHIPPED` for the bundled files as they are now (`scripts/prebuild.py` writes them)."""
    catalog_paths = expand_paths(paths.catalog_paths(None))
    taxonomy_paths = expand_paths(paths.taxonomy_paths(None))
    found = _shipped_key(catalog_paths, taxonomy_paths)
    if found is None:
        raise ValueError("the bundled files cannot be shipped prebuilt here")
    key, home = found
    return cache.ship(_build(catalog_paths, taxonomy_paths), "world", key, WORLD, home)


def build_world(catalog: Catalog, taxonomy: Taxonomy, ahead: Ahead | None = None) -> World:
    """The world of a loaded catalog and taxonomy: shared ids linked, the matcher and the skill index
    (AHEAD's, if built from these very names and credentials)."""
    from skillgap.analyse.ids import link_catalog, names_by_id

    shared_ids = names_by_id(taxonomy)
    catalog = link_catalog(catalog, shared_ids)
    vocabulary = catalog.skill_names
    built = ahead.result(vocabulary, len(catalog.credentials)) if ahead else None
    if built is None:
        matcher = Matcher.build(taxonomy, vocabulary)
        teaching = teaching_index(catalog, matcher, vocabulary)
    else:
        matcher = built.matcher
        teaching = built.teaching or teaching_index(catalog, matcher, vocabulary, built.keys)
    return World(catalog, taxonomy, matcher, shared_ids, teaching)


def teaching_index(
    catalog: Catalog, matcher: Matcher, vocabulary: Sequence[str], keys: Sequence[str] | None = None
) -> dict[str, Taught]:
    """skill key -> the credentials that teach it, and to what level (the highest, if listed twice).
    KEYS, when given, are the vocabulary's skill keys, worked out already."""
    if keys is None:
        from skillgap.analyse.gaps import skill_key

        resolutions = matcher.resolve_many(vocabulary)
        keys = [skill_key(name, resolutions) for name in vocabulary]
    key_of = dict(zip(vocabulary, keys, strict=True))
    return index_teaching([(key_of[s.name], s.level) for s in c.skills] for c in catalog.credentials)


def fuzzy_and_unresolved(
    resolutions: Mapping[str, Resolution], names: Iterable[str]
) -> tuple[list[Resolution], list[Resolution]]:
    """The resolutions a user should check (fuzzy) and the names nothing matched, for these names."""
    fuzzy, unresolved = [], []
    for name in dict.fromkeys(names):
        resolution = resolutions[name]
        if resolution.skill is None:
            unresolved.append(resolution)
        elif resolution.via == "fuzzy":
            fuzzy.append(resolution)
    return fuzzy, unresolved


class _Made(NamedTuple):
    """A world as the cache keeps it: with its catalog packed already, if it was (PACKED is CATALOG's)."""

    world: World
    catalog: Catalog | None = None
    packed: Mapping[str, Part] | None = None


def _packed(catalog: Catalog) -> Mapping[str, Part] | None:
    try:
        return CODEC.pack(catalog)
    except (ValueError, TypeError, OverflowError):  # (what the cache cannot keep: no entry, said later)
        return None


def _pack(made: _Made) -> dict[str, Part]:
    world, teaching = made.world, made.world.teaching
    catalog = made.packed if made.packed is not None and made.catalog is world.catalog else None
    return {
        **nest("catalog", catalog if catalog is not None else CODEC.pack(world.catalog)),
        **nest("taxonomy", stored.TAXONOMY.pack(world.taxonomy)),
        **nest("matcher", world.matcher.to_data()),
        "shared_ids": dict(world.shared_ids),
        **nest("teaching", to_data(list(teaching), ((t.indexes, t.levels) for t in teaching.values()))),
    }


def _unpack(parts: Parts) -> _Made:
    catalog = CODEC.unpack(parts.sub("catalog"))
    taxonomy = stored.TAXONOMY.unpack(parts.sub("taxonomy"))
    shared_ids = parts.json("shared_ids")
    expect(type(shared_ids) is dict and set(map(type, shared_ids.values())) <= {str}, "shared_ids: malformed")
    matcher = Matcher.from_data(parts.sub("matcher"), taxonomy)
    teaching = from_data(parts.sub("teaching"), len(catalog.credentials))
    return _Made(World(catalog, taxonomy, matcher, shared_ids, teaching))


WORLD = cache.Codec(_pack, _unpack)  # how the cache keeps a world: its parts, each packed as its own
