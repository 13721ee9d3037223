"""An entry made by hand, correctly hashed, holding anything: it is refused as it is read, or what is built
from it works, every credential, lookup and name of it, and never fails later in the run."""

from __future__ import annotations

from array import array
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap import parts
from skillgap.model import Catalog, Credential, CredentialSkill, Origin, Pathway, Taxonomy, TaxonomySkill
from skillgap.world import WORLD, _Made, build_world
from tests.hypothesis_profiles import examples

TAXONOMY = Taxonomy(
    (TaxonomySkill("SQL", ("structured query language",)), TaxonomySkill("data visualisation", ("dataviz",))),
    abbreviations=(("viz", "visualisation"),),
)
CATALOG = Catalog(
    tuple(
        Credential(
            f"c{i}", f"Course {i}", "Acme" if i % 2 else "Beta", (CredentialSkill(name, 1 + i % 5),),
            hours=float(i) if i % 3 else None, url=f"https://example.org/{i}" if i % 2 else None,
            prerequisites=("c0",) if i > 1 else (), stacks_into=("p",) if i % 4 == 0 else (),
            estimated=frozenset({"hours"}) if i % 5 == 0 else frozenset(), origin=Origin("c.yaml"),
        )
        for i, name in enumerate(["SQL", "data viz", "Excel", "sql", "statistics", "Data Visualisation"] * 2)
    ),
    (Pathway("p", "Path", ("c0", "c4"), "Diploma", Origin("c.yaml")),),
    "Catalog",
    "EUR",
    ("c.yaml",),
)  # fmt: skip


@pytest.fixture(scope="module")
def found() -> dict[str, Any]:
    kept = parts.decode(parts.encode(WORLD.pack(_Made(build_world(CATALOG, TAXONOMY)))).join())
    return {name: _value(kept, name, kind) for name, (kind, _) in kept._found.items()}


def _value(kept: parts.Parts, name: str, kind: str) -> Any:
    if kind in ("json", "text", "bytes"):
        return getattr(kept, kind)(name)
    return kept.array(name, kind[0])


ODD = [None, "", "x", 0, -1, 1, 2**31, 10**20, 1.5, [], {}, [0], ["x"], [[]], True]


def _forge(value: Any, where: int, odd: Any) -> Any:
    """VALUE with one thing in it changed to something it should not hold."""
    if isinstance(value, array):
        copy = array(value.typecode, value)
        if copy:
            width = 8 * copy.itemsize - (copy.typecode.islower())
            number = odd if type(odd) is int else 2**31
            top = float("inf") if copy.typecode == "d" else 2**width - 1
            copy[where % len(copy)] = min(abs(number), top) if copy.typecode != "d" else -1.0
        else:
            copy.append(1)
        return copy
    if isinstance(value, (bytes, str)):
        if not value:
            return value + value[:0].__class__("\x07" if isinstance(value, str) else b"\x07")
        at = where % len(value)
        return value[:at] + value[at + 1 :] if where % 2 else value + value[:1]
    if isinstance(value, list):
        if not value:
            return [odd]
        copy = list(value)
        copy[where % len(copy)] = odd
        return copy
    return odd


@settings(
    max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.data())
def test_a_forged_entry_is_refused_or_works(found: dict[str, Any], data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(sorted(found)))
    forged = dict(found)
    forged[name] = _forge(found[name], data.draw(st.integers(0, 10**6)), data.draw(st.sampled_from(ODD)))
    try:
        world = WORLD.unpack(parts.decode(parts.encode(forged).join())).world
    except Exception:  # noqa: BLE001  (refused as it is read: a miss, and the files are read again)
        return
    # taken: everything in it must work, however wrong the values it gives
    catalog = world.catalog
    for credential in catalog.credentials:
        assert credential.skills and isinstance(credential.title, str)
    assert catalog.by_id() is not None and catalog.pathway_members is not None
    catalog.lookup.cheapest_first(range(len(catalog.credentials)))
    for key, taught in world.teaching.items():
        assert all(0 <= i < len(catalog.credentials) for i, _ in taught.pairs()), key
    for name in ["SQL", "structured query language", "data viz", "statistcs", "viz", "Excel 365", "cooking"]:
        world.matcher.resolve(name)
        world.matcher.explain(name)
    for skill in world.matcher.skills:
        world.matcher.canonical_info(skill)
