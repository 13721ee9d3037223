"""A catalog comes back from the cache equal, credential by credential and lookup by lookup, built only as
asked for; what the columns cannot hold is never kept."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap import parts
from skillgap.dates import WrittenDate
from skillgap.errors import InputError
from skillgap.load import cache
from skillgap.load.catalog import CODEC, load_catalogs
from skillgap.model import Catalog, CatalogLookup, Credential, CredentialSkill, Origin, Pathway
from skillgap.packed import PackedCredentials, Unpackable
from tests import cached
from tests.hypothesis_profiles import examples


def entry(i: int) -> dict[str, object]:
    credential: dict[str, object] = {
        "id": f"c{i}",
        "title": f"  Course {i} ",
        "provider": "Acme" if i % 2 else "Beta U",
        "skills": [
            {"name": f" skill {i % 7} ", "level": 1 + i % 5},
            {"name": "SQL", "level": 2, "id": "x:sql"},
        ],
    }
    optional = {
        "hours": i * 1.5, "cost": i, "currency": "eur" if i % 3 == 0 else None, "format": "Online",
        "assessment": "Completion only", "estimated": ["hours"], "prerequisites": "c0" if i > 2 else None,
        "provider_type": "University", "url": f"https://example.org/{i}", "credits": 3,
        "description": "Ünïcödé and \u202e too", "source_id": f"urn:{i}" if i % 4 else None,
        "eligibility": "anyone", "stacks_into": ["p1"] if i % 5 == 0 else None,
        "source": f"https://example.org/{i}/fees", "as_of": ["2026-11", "2025", "2026-10-02"][i // 3 % 3],
        "note": "the fee is not confirmed" if i % 2 else None,
    }  # fmt: skip
    credential.update({k: v for n, (k, v) in enumerate(optional.items()) if (i + n) % 3})
    return credential


def write_json(folder: Path, name: str, credentials: list[dict[str, object]], currency: str) -> Path:
    path = folder / name
    pathways = [{"id": "p1", "title": "Path", "credentials": ["c0"], "award": "Diploma"}]
    data = {"currency": currency, "credentials": credentials, "pathways": pathways}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_catalog_comes_back_equal_and_builds_only_what_is_asked_for(tmp_path: Path) -> None:
    first = write_json(tmp_path, "a.json", [entry(i) for i in range(40)], "USD")
    careful = [entry(i) for i in range(40, 45)]
    careful[1]["skills"] = [{"name": "Excel", "level": "3"}]  # a level only the careful reading takes
    second = write_json(tmp_path, "b.json", careful, "GBP")
    second.write_text(second.read_text().replace('"p1"', '"p2"'))
    catalog = load_catalogs([first, second], use_cache=False)
    assert catalog.credentials[41].skills[0].level == 3
    kept = cached.catalog(catalog)
    credentials = kept.credentials
    assert isinstance(credentials, PackedCredentials) and not credentials._built
    assert kept.lookup == CatalogLookup.of(catalog.credentials)  # made from the columns
    assert not credentials._built
    assert credentials[41] == catalog.credentials[41] and credentials[41].currency == "GBP"
    assert credentials[41].origin == catalog.credentials[41].origin
    assert sorted(credentials._built) == [41]
    assert list(credentials) == list(catalog.credentials) and credentials[-1] == catalog.credentials[-1]
    assert kept == catalog and kept.pathways == catalog.pathways and kept.files == catalog.files


def test_a_value_the_columns_cannot_hold_is_never_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SKILLGAP_CACHE_DIR", str(tmp_path / "cache"))
    odd = Catalog((Credential("c", "T", "P", (CredentialSkill("SQL", 2),), hours="ten"),))  # type: ignore[arg-type]
    with pytest.raises(Unpackable):
        CODEC.pack(odd)
    assert cache.cached("catalog", [("odd", b"")], lambda: odd, CODEC) is odd
    assert not list((tmp_path / "cache").iterdir())  # nothing kept, and no temporary file left


texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=8)
optional_texts = st.one_of(st.none(), texts)
numbers = st.one_of(st.none(), st.floats(0, 1e6), st.integers(0, 10**6))
positions = st.one_of(st.none(), st.integers(1, 10**6))
origins = st.one_of(st.none(), st.builds(Origin, st.sampled_from(["a.yaml", "b.json"]), positions, positions))
skill = st.builds(CredentialSkill, texts, st.integers(0, 5), optional_texts)
credentials = st.builds(
    Credential,
    id=texts, title=texts, provider=texts,
    skills=st.lists(skill, min_size=1, max_size=4).map(tuple),
    provider_type=st.sampled_from(["university", "mooc", "other"]), type=optional_texts, url=optional_texts,
    hours=numbers, cost=numbers, currency=st.sampled_from([None, "EUR", "USD"]),
    format=st.sampled_from([None, "online", "hybrid"]), assessment=st.sampled_from([None, "exam"]),
    prerequisites=st.lists(texts, max_size=3).map(tuple), stacks_into=st.lists(texts, max_size=2).map(tuple),
    estimated=st.frozensets(st.sampled_from(["hours", "cost", "levels"])), description=optional_texts,
    origin=origins, source_id=optional_texts, credits=numbers, eligibility=optional_texts,
    source=optional_texts, note=optional_texts, as_of=st.one_of(
        st.none(), st.dates(date(1900, 1, 1), date(2200, 12, 31)),
        st.builds(WrittenDate, st.integers(1900, 2200), st.one_of(st.none(), st.integers(1, 12))),
    ),
)  # fmt: skip
pathways = st.builds(Pathway, texts, texts, st.lists(texts, max_size=3).map(tuple), optional_texts, origins)


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(credentials, max_size=12), st.lists(pathways, max_size=3), optional_texts)
def test_any_catalog_the_model_holds_comes_back_equal(
    found: list[Credential], paths: list[Pathway], name: str | None
) -> None:
    catalog = Catalog(tuple(found), tuple(paths), name, "EUR", ("a.yaml",))
    kept = cached.catalog(catalog)
    assert list(kept.credentials) == list(catalog.credentials)
    assert kept.lookup == CatalogLookup.of(catalog.credentials)
    assert (kept.pathways, kept.name, kept.currency, kept.files) == (paths_of(catalog))
    as_written = [c.as_of.isoformat() if c.as_of else None for c in catalog.credentials]
    assert [c.as_of.isoformat() if c.as_of else None for c in kept.credentials] == as_written


def paths_of(catalog: Catalog) -> tuple[object, ...]:
    return catalog.pathways, catalog.name, catalog.currency, catalog.files


skill_entries = st.fixed_dictionaries(
    {"name": st.sampled_from(["SQL", " SQL ", "sql", "Python", "Excel ", "data viz"])},
    optional={"level": st.sampled_from([0, 2, 5, 3, 3, 4, "3", 6, True]), "id": st.sampled_from(["p", " "])},
)
catalog_files = st.lists(
    st.lists(st.lists(skill_entries, min_size=1, max_size=3), min_size=1, max_size=6), min_size=1, max_size=2
)


@settings(
    max_examples=examples(120), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(catalog_files)
def test_the_names_kept_while_reading_are_those_of_the_credentials(
    tmp_path: Path, files: list[list[list[dict[str, object]]]]
) -> None:
    paths = []
    for f, skill_lists in enumerate(files):
        entries = [{"id": f"f{f}c{i}", "title": "T", "provider": "P", "skills": skills}
                   for i, skills in enumerate(skill_lists)]  # fmt: skip
        paths.append(write_json(tmp_path, f"{f}.json", entries, "USD"))
    try:
        catalog = load_catalogs(paths, use_cache=False)
    except InputError:
        return  # a level out of range, a blank id, a skill listed twice: reported, nothing kept
    levels = [entry.get("level") for skill_lists in files for skills in skill_lists for entry in skills]
    if all(type(level) is int for level in levels):  # every credential read whole
        assert "skill_names" in catalog.__dict__
    walked = list({s.name: None for c in catalog.credentials for s in c.skills})
    assert catalog.skill_names == walked  # kept while reading, when every credential was read whole
    assert list(cached.catalog(catalog).credentials) == list(catalog.credentials)


def test_the_container_holds_only_plain_values() -> None:
    found = parts.decode(parts.encode({"a": [1, "x", None, {"k": 2.5}], "b": "text", "c": b"\0\1"}).join())
    assert found.json("a") == [1, "x", None, {"k": 2.5}] and found.text("b") == "text"
    assert found.bytes("c") == b"\0\1"
    with pytest.raises(parts.Unusable):
        found.text("a")  # a part is only ever what it was written as


def test_the_bundled_catalog_comes_back_with_its_conditions_and_entry_levels() -> None:
    """Conditions to enrol and the levels expected on entry are what plans are built on: a warm run must
    read them back exactly as a cold one reads them."""
    from skillgap.load.paths import bundled_catalog_paths

    catalog = load_catalogs(bundled_catalog_paths(), use_cache=False)
    with_rules = [c for c in catalog.credentials if c.conditions is not None or c.requires]
    assert any(c.conditions for c in with_rules) and any(c.requires for c in with_rules)
    kept = cached.catalog(catalog)
    for credential in with_rules:
        back = kept.credentials[catalog.lookup.ids[credential.id]]
        assert (back.conditions, back.requires) == (credential.conditions, credential.requires)
    assert list(kept.credentials) == list(catalog.credentials)


@pytest.mark.parametrize(
    "damage",
    [
        lambda c: c[0][0][0][0].__setitem__(0, "bribe"),  # a kind of condition no reader makes
        lambda c: c[0][0][0][0].__setitem__(1, "phd-ish"),  # a degree no reader takes
        lambda c: c[0][0][0][0].__setitem__(3, -5),  # negative months
        lambda c: c[0][0][0][0].__setitem__(2, "not a list"),
    ],
)
def test_a_condition_no_reader_would_make_makes_the_entry_a_miss(damage: object) -> None:
    from skillgap.load.paths import bundled_catalog_paths

    catalog = load_catalogs(bundled_catalog_paths(), use_cache=False)
    packed = CODEC.pack(catalog)
    conditions = json.loads(json.dumps(packed["credentials.conditions"]))  # as a file would hold them
    first = next(iter(conditions))
    damage(conditions[first])  # type: ignore[operator]
    packed["credentials.conditions"] = conditions
    with pytest.raises(parts.Unusable):
        CODEC.unpack(parts.decode(parts.encode(packed).join()))


def test_the_dates_sources_and_domains_of_a_catalog_come_back_as_written(tmp_path: Path) -> None:
    first = write_json(tmp_path, "a.json", [entry(i) for i in range(12)], "USD")
    data = json.loads(first.read_text())
    data["domains"] = {"Acme": ["acme.example", "Acme-Learn.example."], "Beta U": "beta.example"}
    first.write_text(json.dumps(data), encoding="utf-8")
    second = write_json(tmp_path, "b.json", [entry(20)], "USD")
    data = json.loads(second.read_text())
    data["domains"], data["pathways"] = {"Acme": "acme.example"}, []
    second.write_text(json.dumps(data), encoding="utf-8")
    catalog = load_catalogs([first, second], use_cache=False)
    assert catalog.domains == {"Acme": ("acme.example", "acme-learn.example"), "Beta U": ("beta.example",)}
    kept = cached.catalog(catalog)
    assert kept.domains == catalog.domains
    written = [(c.source, c.as_of.isoformat() if c.as_of else None, c.note) for c in catalog.credentials]
    assert [(c.source, c.as_of.isoformat() if c.as_of else None, c.note) for c in kept.credentials] == written
    assert {w[1] for w in written} == {None, "2025", "2026-11", "2026-10-02"}  # a month stays a month
    assert {w[2] for w in written} == {None, "the fee is not confirmed"}


def test_a_domain_that_is_not_a_host_name_is_refused_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(
        "domains:\n  Acme: https://acme.example/page\ncredentials:\n"
        "  - {id: c, title: T, provider: Acme, skills: [{name: SQL, level: 2}], as_of: 2026-13}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as caught:
        load_catalogs([path], use_cache=False)
    text = "\n".join(map(str, caught.value.problems))
    assert "c.yaml:2:" in text and "is not a web domain" in text
    assert "c.yaml:4:" in text and "no month 13" in text
