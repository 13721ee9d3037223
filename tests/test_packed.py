"""A catalog read from files comes back from the cache equal, credential by credential, however it was
packed: the files' own entries (every credential read whole by the fast reading) or the built fields."""

from __future__ import annotations

import json
import pickle
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from skillgap.errors import InputError
from skillgap.load.catalog import load_catalogs
from skillgap.packed import PackedCredentials
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
    }  # fmt: skip
    credential.update({k: v for n, (k, v) in enumerate(optional.items()) if (i + n) % 3})
    return credential


def write_json(folder: Path, name: str, credentials: list[dict[str, object]], currency: str) -> Path:
    path = folder / name
    path.write_text(json.dumps({"currency": currency, "credentials": credentials}), encoding="utf-8")
    return path


def test_a_files_entries_come_back_as_the_credentials_read(tmp_path: Path) -> None:
    first = write_json(tmp_path, "a.json", [entry(i) for i in range(40)], "USD")
    yaml = tmp_path / "b.yaml"
    yaml.write_text(
        "currency: GBP\ncredentials:\n"
        + "".join(
            f"  - {{id: y{i}, title: Y {i}, provider: P, skills: [{{name: Excel, level: 3}}]}}\n"
            for i in range(5)
        ),
        encoding="utf-8",
    )
    catalog = load_catalogs([first, yaml], use_cache=False)
    assert isinstance(catalog.packed, PackedCredentials) and catalog.packed._sources is not None
    cached = pickle.loads(pickle.dumps(catalog))
    credentials = cached.credentials
    assert isinstance(credentials, PackedCredentials)
    assert credentials[44] == catalog.credentials[44] and credentials[44].currency == "GBP"
    assert credentials[44].origin == catalog.credentials[44].origin
    assert str(credentials[0].origin).endswith("a.json")
    assert sorted(credentials._built) == [0, 44]  # built only as asked for
    assert list(credentials) == list(catalog.credentials)
    assert cached == catalog


def test_a_file_the_fast_reading_did_not_take_whole_is_packed_from_its_credentials(tmp_path: Path) -> None:
    credentials = [entry(i) for i in range(10)]
    credentials[4]["skills"] = [{"name": "SQL", "level": "3"}]  # a level the careful reading takes
    path = write_json(tmp_path, "a.json", credentials, "USD")
    catalog = load_catalogs([path], use_cache=False)
    assert catalog.credentials[4].skills[0].level == 3
    packed = catalog.packed
    assert isinstance(packed, PackedCredentials) and packed._sources is None
    assert list(pickle.loads(pickle.dumps(catalog)).credentials) == list(catalog.credentials)


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
def test_the_names_and_records_kept_while_reading_are_those_of_the_credentials(
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
        assert "skill_names" in catalog.__dict__ and "packed" in catalog.__dict__
    walked = list({s.name: None for c in catalog.credentials for s in c.skills})
    assert catalog.skill_names == walked  # kept while reading, when every credential was read whole
    assert list(pickle.loads(pickle.dumps(catalog)).credentials) == list(catalog.credentials)
