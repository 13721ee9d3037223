"""The data every command works against: catalog, taxonomy and the matcher built from both."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from skillgap.ahead import Ahead
from skillgap.analyse.gaps import skill_key
from skillgap.analyse.ids import link_catalog, link_credential, link_role, names_by_id
from skillgap.gc_pause import gc_paused
from skillgap.load import cache, paths
from skillgap.load.catalog import load_catalogs
from skillgap.load.paths import expand_paths
from skillgap.load.taxonomy import load_taxonomies
from skillgap.match import Matcher, Resolution
from skillgap.model import Badge, Catalog, Role, Taught, Taxonomy
from skillgap.teaching import index_teaching


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
    catalog: Catalog  # skills that share an id with a taxonomy skill already carry that skill's name
    taxonomy: Taxonomy
    matcher: Matcher
    shared_ids: Mapping[str, str] = field(default_factory=dict)  # taxonomy id -> canonical name
    teaching: Mapping[str, Taught] = field(default_factory=dict)  # skill key -> who teaches it

    def link_role(self, role: Role) -> Role:
        """A shared id names a skill before its wording does (ESCO URI, O*NET code, badge alignment)."""
        return link_role(role, self.shared_ids)

    def link_badges(self, badges: Iterable[Badge]) -> tuple[Badge, ...]:
        return tuple(replace(b, credential=link_credential(b.credential, self.shared_ids)) for b in badges)

    def resolve(self, names: Iterable[str]) -> Resolutions:
        """Each distinct name resolved once (the matcher memoises across calls too); a catalog name looked
        up later is resolved then."""
        return Resolutions(self.matcher, dict.fromkeys(names))


def open_world(
    catalogs: Sequence[Path] | None = None,
    taxonomies: Sequence[Path] | None = None,
    extra_catalogs: Sequence[Path] | None = None,
    extra_taxonomies: Sequence[Path] | None = None,
) -> World:
    """Load catalogs and taxonomies (bundled ones where none are given, and the EXTRA ones added to either)
    and build the matcher.

    The whole result, with every catalog skill name already resolved, is cached by the content of the
    files, so a warm run of a large catalog neither parses YAML nor builds the matcher again.
    """
    catalog_paths = expand_paths(paths.catalog_paths(catalogs, extra_catalogs))
    taxonomy_paths = expand_paths(paths.taxonomy_paths(taxonomies, extra_taxonomies))

    def build() -> World:
        # Hundreds of thousands of new objects that live as long as the run: collecting garbage while they
        # are made only walks them again and again (at 100,000 credentials it made the build 3x slower).
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
            if ahead is not None and cache.enabled():
                catalog.lookup, catalog.packed  # noqa: B018  (the cache entry's, made while the child builds)
            return build_world(catalog, taxonomy, ahead)

    if not cache.enabled():
        return build()
    name, key = cache.fingerprint([*catalog_paths, *taxonomy_paths])
    world = cache.cached("world", name, key, build)
    assert world is not None
    return world


def build_world(catalog: Catalog, taxonomy: Taxonomy, ahead: Ahead | None = None) -> World:
    """The world of a loaded catalog and taxonomy: shared ids linked, the matcher and the skill index
    (AHEAD's, if built from these very names and credentials)."""
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
