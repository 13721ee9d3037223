"""`skillgap catalog search`: acronyms, titles before mere teaching, providers, pathways, typos, and the
reasons each hit matched, in the JSON and the table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from skillgap.catalog_search import _Query
from skillgap.load.catalog import load_catalogs
from skillgap.packed import PackedCredentials
from tests import cached as kept
from tests.conftest import invoke
from tests.hypothesis_profiles import examples

CATALOG = """\
credentials:
  - id: pmi-pmp
    title: Project Management Professional (PMP)
    provider: Project Management Institute (PMI)
    skills: [{name: project management, level: 4}]
  - id: pmi-capm
    title: Certified Associate in Project Management (CAPM)
    provider: Project Management Institute (PMI)
    skills: [{name: project management, level: 2}]
  - id: excel-basics
    title: Excel Essentials
    provider: Duke University (Coursera)
    skills: [{name: Excel, level: 2}]
  - id: excel-for-finance
    title: Microsoft Excel for Financial Analysis
    provider: Acme Learning
    skills: [{name: Excel, level: 3}, {name: financial modelling, level: 2}]
  - id: fmva
    title: Financial Modeling and Valuation Analyst
    provider: CFI
    skills: [{name: MS Excel, level: 5}, {name: financial modelling, level: 4}]
  - id: da-foundations
    title: Foundations of Data
    provider: Google (Coursera)
    skills: [{name: data analysis, level: 1}]
  - id: da-capstone
    title: Capstone Case Study
    provider: Google (Coursera)
    skills: [{name: data analysis, level: 3}]
pathways:
  - id: google-da
    title: Google Data Analytics Professional Certificate
    credentials: [da-foundations, da-capstone]
"""
TAXONOMY = "skills:\n  - {name: Excel, aliases: [MS Excel]}\n  - project management\n  - data analysis\n"


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    catalog, taxonomy = tmp_path / "catalog.yaml", tmp_path / "skills.yaml"
    catalog.write_text(CATALOG, encoding="utf-8")
    taxonomy.write_text(TAXONOMY, encoding="utf-8")
    return catalog, taxonomy


def search(files: tuple[Path, Path], query: str, *more: str) -> list[dict[str, Any]]:
    catalog, taxonomy = files
    args = ("--catalog", catalog, "--taxonomy", taxonomy, "-f", "json", *more)
    result = invoke("catalog", "search", query, *args)
    assert result.code == 0, result.err
    hits = result.json()
    assert isinstance(hits, list)
    return hits


def test_an_acronym_in_parentheses_finds_its_credential(files: tuple[Path, Path]) -> None:
    hits = search(files, "pmp")
    assert hits[0]["id"] == "pmi-pmp" and hits[0]["kind"] == "credential"
    assert hits[0]["reasons"][0]["on"] == "acronym"
    assert hits[0]["matched"] == "'PMP' is the acronym in title 'Project Management Professional (PMP)'"
    assert [h["id"] for h in search(files, "P.M.P.")][:1] == ["pmi-pmp"]
    assert search(files, "CAPM")[0]["id"] == "pmi-capm"


def test_a_title_match_ranks_above_a_credential_that_only_teaches_the_skill(files: tuple[Path, Path]) -> None:
    hits = search(files, "excel")
    ids = [h["id"] for h in hits]
    # fmva teaches Excel to level 5, higher than either, but has no Excel in its title
    assert ids[:3] == ["excel-basics", "excel-for-finance", "fmva"]
    assert [h["reasons"][0]["on"] for h in hits[:3]] == ["title", "title", "skill"]
    assert hits[2]["matched"] == "teaches Excel to level 5"
    taught = {"on": "skill", "text": "Excel", "score": 83.0, "why": "teaches Excel to level 3"}
    assert taught in hits[1]["reasons"]


def test_a_provider_is_found_by_its_name_its_acronym_or_its_platform(files: tuple[Path, Path]) -> None:
    assert {h["id"] for h in search(files, "pmi")} == {"pmi-pmp", "pmi-capm"}
    assert {h["id"] for h in search(files, "project management institute")} >= {"pmi-pmp", "pmi-capm"}
    coursera = search(files, "coursera")
    assert {h["id"] for h in coursera} == {"excel-basics", "da-foundations", "da-capstone"}
    assert all(h["reasons"][0]["on"] == "provider" for h in coursera)
    assert coursera[0]["matched"].endswith("names 'Coursera' in parentheses")


def test_pathways_are_searched_and_bring_their_credentials(files: tuple[Path, Path]) -> None:
    hits = search(files, "google data analytics")
    assert hits[0]["kind"] == "pathway" and hits[0]["id"] == "google-da"
    assert hits[0]["credentials"] == ["da-capstone", "da-foundations"]
    assert hits[0]["reasons"][0]["on"] == "title"
    members = {h["id"]: h for h in hits[1:3]}
    assert set(members) == {"da-foundations", "da-capstone"}
    assert all(h["reasons"][0]["on"] in ("pathway", "provider") for h in members.values())
    assert any(r["on"] == "pathway" for r in members["da-capstone"]["reasons"])


def test_a_typo_is_found_as_similar_below_every_word_for_word_match(files: tuple[Path, Path]) -> None:
    hits = search(files, "exel")
    assert {h["id"] for h in hits} >= {"excel-basics", "excel-for-finance"}
    assert all(r["on"] == "similar" for h in hits for r in h["reasons"][:1])
    assert search(files, "zzzz qqqq") == []


def test_every_hit_says_why_in_the_table_too(files: tuple[Path, Path]) -> None:
    catalog, taxonomy = files
    result = invoke("catalog", "search", "google data analytics", *("--catalog", catalog),
                    "--taxonomy", taxonomy)
    assert result.code == 0, result.err
    assert "pathway google-da" in result.out
    assert "title 95:" in result.out and "pathway" in result.out
    assert "credentials:" in result.out and "da-capstone" in result.out


def test_the_limit_counts_pathways_and_credentials(files: tuple[Path, Path]) -> None:
    assert len(search(files, "google data analytics", "--limit", "2")) == 2


def test_a_cached_catalog_is_searched_as_a_fresh_one(files: tuple[Path, Path]) -> None:
    """Titles and providers are read from the cache's records without building the credentials."""
    first = search(files, "excel")
    again = search(files, "excel")  # from the cache
    assert again == first


def _entry(i: int) -> dict[str, object]:
    return {"id": f"c{i}", "title": f"  Course {i} ", "provider": " Acme " if i % 2 else "Beta U",
            "skills": [{"name": "SQL", "level": 2}]}  # fmt: skip


@pytest.mark.parametrize("careful", [False, True])
def test_titles_and_providers_come_from_records_as_built(tmp_path: Path, careful: bool) -> None:
    entries = [_entry(i) for i in range(12)]
    if careful:  # a level only the careful reading takes: the records are the built credentials' fields
        entries[3]["skills"] = [{"name": "SQL", "level": "3"}]
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"credentials": entries}), encoding="utf-8")
    catalog = load_catalogs([path], use_cache=False)
    cached = kept.catalog(catalog).credentials
    assert isinstance(cached, PackedCredentials)
    cached[5]  # noqa: B018  (one built already)
    expected = [(c.title, c.provider) for c in catalog.credentials]
    assert expected[1] == ("Course 1", "Acme")
    assert cached.titles_and_providers() == expected
    assert sorted(cached._built) == [5]  # and none other built


WORDS = ["paediatric", "pediatric", "anaemia", "anemia", "aeroplane", "airplane", "kerb", "curb", "grey",
         "gray", "colour", "color", "modelling", "modeling", "organisation", "organizations", "manager's",
         "managers", "R&D", "r and d", "C++", "c#", ".NET", "Excel", "excel365", "first", "aid", "data",
         "analysis", "analyses", "oesophagus", "esophagus", "foetal", "fetal", "haematology", "hematology",
         "O'Reilly", "oreilly", "&", "and", "(PMP)", "Café", "cafe", "Straße", "strasse", "python3",
         "烹饪"]  # fmt: skip
texts = st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=5).map(" ".join)


@settings(max_examples=examples(400), deadline=None)
@given(texts, texts)
@example("paediatric S", "paediatric")  # found by the fuzz profile: the words written together are one word
def test_the_quick_test_never_turns_a_title_away_that_has_the_words(query: str, title: str) -> None:
    """may_hold is only a shortcut: with or without it, a title has the query's words alike."""
    quick = _Query(query)
    slow = _Query(query)
    slow.starts = ()  # no quick test: every title is tokenised
    assert quick.in_words(title) == slow.in_words(title)
