"""The JSON Schemas: shipped as built, complete, and in agreement with the loader on valid and invalid files.

An editor underlines what the schema rejects, and `skillgap` refuses what the loader rejects; these tests
keep the two telling a user the same thing. Some checks only the loader can make (a skill listed twice,
duplicate keys, references between credentials, February 30th): those are listed in LOADER_ONLY.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft7Validator, Draft202012Validator

from skillgap.kinds import KINDS, Kind
from skillgap.load.detect import detect_kind, read_as
from skillgap.load.fields import Report
from skillgap.load.source import load_file, parse
from skillgap.schema.build import UNDESCRIBED, schema_for, schema_text, shipped_path
from tests.conftest import CATALOGS, EXAMPLES, invoke

BUNDLED = sorted(CATALOGS.rglob("*.yaml")) + sorted((EXAMPLES / "profiles").glob("*.yaml"))


def jsonable(value: Any) -> Any:
    """The document as an editor's YAML server sees it: dates are text."""
    if isinstance(value, dict):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [jsonable(v) for v in value]
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def schema_accepts(kind: Kind, data: Any) -> bool:
    return Draft202012Validator(schema_for(kind)).is_valid(jsonable(data))


def loader_accepts(kind: Kind, data: Any) -> bool:
    report = Report("x.yaml")
    read_as(kind, data, report, "x.yaml")
    return not report.problems


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_shipped_schema_files_are_the_built_ones(kind: Kind) -> None:
    assert shipped_path(kind).read_text(encoding="utf-8") == schema_text(kind), (
        "the shipped schema is stale: run `python -m skillgap.schema.build`"
    )


def test_every_key_the_loader_accepts_is_described() -> None:
    for kind in KINDS:
        schema_for(kind)
    assert not UNDESCRIBED, f"describe these keys in skillgap/schema/build.py: {sorted(UNDESCRIBED)}"


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.value)
def test_schemas_are_valid_in_draft_2020_12_and_mean_the_same_in_draft_7(kind: Kind) -> None:
    schema = schema_for(kind)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    Draft202012Validator.check_schema(schema)
    Draft7Validator.check_schema(schema)  # the YAML language server validates with draft 7
    text = json.dumps(schema)
    assert '"$ref"' in text
    for node in re.findall(r"\{[^{}]*\"\$ref\"[^{}]*\}", text):
        assert list(json.loads(node)) == ["$ref"], "a $ref with siblings means different things in draft 7"


def test_patterns_work_in_javascript_strict_mode_too() -> None:
    """Editors compile `pattern` as a JavaScript regex with the u flag, which refuses escapes like \\-."""
    patterns = {p for kind in KINDS for p in re.findall(r'"pattern": ("(?:[^"\\]|\\.)*")', schema_text(kind))}
    for pattern in map(json.loads, patterns):
        re.compile(pattern)
        assert not re.search(r"\\[^sS\^$\\.*+?()\[\]{}|/]", pattern), pattern
    node = shutil.which("node")
    if node:
        script = "for (const p of JSON.parse(process.argv[1])) new RegExp(p, 'u');"
        subprocess.run([node, "-e", script, json.dumps(sorted(map(json.loads, patterns)))], check=True)


@pytest.mark.parametrize("path", BUNDLED, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_bundled_file_validates_against_its_schema(path: Path) -> None:
    data = load_file(path)
    kind = detect_kind(data, str(path))
    assert kind is not None
    assert loader_accepts(kind, data)
    errors = [e.message for e in Draft202012Validator(schema_for(kind)).iter_errors(jsonable(data))]
    assert not errors, errors[:3]


PROFILE = "name: Ann\n"
ROLE = "title: Analyst\n"
CRED = "credentials:\n  - {id: a, title: A, provider: P, skills: [{name: SQL, level: 3}]"

VALID = [
    ("profile", PROFILE + "skills: {SQL: 3, Python: Advanced-Beginner, R: ' expert '}"),
    ("profile", PROFILE + "skills:\n  - {name: SQL, level: '4', last_used: 2024-03, evidence: x}"),
    ("profile", PROFILE + "skills:\n  - {name: SQL, level: 0.0}\ncurrent_role: 42"),
    ("profile", PROFILE + "skills:\n  - {name: SQL, level: 2, estimated: true}\n  - {name: R, level: 1}"),
    ("profile", PROFILE + "skills:\n  - {name: SQL, level: 2, estimated: false}"),
    ("profile", PROFILE + "credentials: [atd-aptd, {title: First Aid, earned: 2022}, {badge: b.json}]"),
    ("profile", PROFILE + "preferences: {budget: 0, hours_per_week: 0.5, formats: Online, deadline: 2027}"),
    ("profile", PROFILE + "preferences: {formats: [online, In-Person], exclude_providers: Acme}"),
    ("role", ROLE + "requirements: {SQL: 3}"),
    ("role", ROLE + "requirements:\n  - {skill: SQL, level: competent, importance: Nice-To-Have}"),
    ("role", ROLE + "requirements: [{skill: SQL, level: 2, importance: ~}]\nrequired_credentials: CPA"),
    ("catalog", CRED + "}"),
    ("catalog", CRED + ", hours: 0, cost: 12.5, format: Hybrid, assessment: Completion Only}"),
    ("catalog", CRED + ", estimated: [hours, cost], prerequisites: b, provider_type: MOOC}"),
    ("catalog", "as_of: 2026-11\ncredentials: ~\npathways: [{id: p, title: P, credentials: [a]}]"),
    ("taxonomy", "skills: [SQL, {name: Python, aliases: [py], related: data}]\nabbreviations: {mgmt: mgmt2}"),
    ("taxonomy", "skills: []"),
    ("profile", PROFILE + "education: Bachelor's degree\nexperience: {project management: 3, retail: 0.5}"),
    ("profile", PROFILE + "education: high school\nexperience: {}"),
    ("catalog", CRED + ", eligibility: {text: 'a degree', needs: [education: bachelor]}}"),
    ("catalog", CRED + ", eligibility: {text: t, source: s, routes: [{name: r, needs: [{experience: [a, b], "
     "years: 2}, {any_of: [{training: x, hours: 35}, {credential: a}]}]}, {needs: [other: words]}]}}"),
    ("catalog", CRED + ", eligibility: {text: 'not confirmed', note: 'the rule could not be checked'}}"),
    ("catalog", CRED + ", requires: {SQL: 2, Python: intermediate}}"),
    ("catalog", CRED + ", requires: [{name: SQL, level: 2}]}"),
]

INVALID = [
    # missing required fields, null or blank where text belongs
    ("profile", "skills: {SQL: 3}"),
    ("profile", "name: ~"),
    ("profile", "name: '   '"),
    ("role", "requirements: {SQL: 3}"),
    ("role", ROLE),
    ("role", ROLE + "requirements: []"),
    ("role", ROLE + "requirements: ~"),
    ("catalog", "name: x"),
    ("catalog", "credentials:\n  - {id: a, title: A, skills: [{name: SQL, level: 3}]}"),
    ("catalog", "credentials:\n  - {id: a, title: A, provider: P, skills: []}"),
    ("catalog", "credentials:\n  - {id: a, title: A, provider: P}"),
    ("taxonomy", "name: x"),
    # a list or a scalar where a mapping belongs
    ("profile", PROFILE + "preferences: [online]"),
    ("profile", PROFILE + "skills:\n  - SQL"),
    ("catalog", "credentials: [just-an-id]"),
    ("role", ROLE + "requirements: [SQL]"),
    # levels: out of range, negative, unknown names, YAML 1.1 booleans, fractions
    ("profile", PROFILE + "skills: {SQL: 6}"),
    ("profile", PROFILE + "skills: {SQL: -1}"),
    ("profile", PROFILE + "skills: {SQL: '-1'}"),
    ("profile", PROFILE + "skills: {SQL: wizard}"),
    ("profile", PROFILE + "skills: {SQL: yes}"),
    ("profile", PROFILE + "skills: {SQL: 2.5}"),
    ("role", ROLE + "requirements:\n  - {skill: SQL}"),
    ("role", ROLE + "requirements:\n  - {skill: SQL, level: on}"),
    ("catalog", "credentials:\n  - {id: a, title: A, provider: P, skills: [{name: SQL, level: 9}]}"),
    # misspelt or unknown keys
    ("profile", PROFILE + "skils: {SQL: 3}"),
    ("role", ROLE + "requirements: {SQL: 3}\ndescripton: x"),
    ("catalog", CRED + ", hourz: 3}"),
    ("taxonomy", "skills: [{name: SQL, alias: [x]}]"),
    # negative or non-numeric hours and costs
    ("catalog", CRED + ", hours: -1}"),
    ("catalog", CRED + ", cost: free}"),
    ("catalog", CRED + ", cost: yes}"),
    ("profile", PROFILE + "preferences: {budget: -5}"),
    ("profile", PROFILE + "preferences: {hours_per_week: 0}"),
    # enumerations and dates
    ("role", ROLE + "requirements:\n  - {skill: SQL, level: 2, importance: critical}"),
    ("catalog", CRED + ", format: onlin}"),
    ("catalog", CRED + ", assessment: quiz}"),
    ("catalog", CRED + ", provider_type: startup}"),
    ("catalog", CRED + ", estimated: [price]}"),
    ("profile", PROFILE + "preferences: {formats: [online, carrier-pigeon]}"),
    ("profile", PROFILE + "skills:\n  - {name: SQL, level: 2, last_used: 24-03}"),
    ("profile", PROFILE + "skills:\n  - {name: SQL, level: 2, last_used: 2024-13}"),
    ("profile", PROFILE + "skills:\n  - {name: SQL, level: 2, estimated: yes please}"),
    ("profile", PROFILE + "skills:\n  - {name: SQL, level: 2, estimated: 1}"),
    ("catalog", "as_of: soon\ncredentials: []"),
    # a held credential with nothing to identify it; wrong types in lists
    ("profile", PROFILE + "credentials: [{earned: 2020}]"),
    ("profile", PROFILE + "credentials: [{id: ~}]"),
    ("catalog", CRED + ", prerequisites: [[a]]}"),
    ("taxonomy", "skills: [SQL, 42]"),
    ("taxonomy", "skills: [SQL]\nabbreviations: [mgmt]"),
    # education, experience and the conditions a catalog sets
    ("profile", PROFILE + "education: wizardry"),
    ("profile", PROFILE + "experience: {project management: -1}"),
    ("profile", PROFILE + "experience: {project management: lots}"),
    ("profile", PROFILE + "experience: [project management]"),
    ("catalog", CRED + ", eligibility: {needs: [education: bachelor]}}"),
    ("catalog", CRED + ", eligibility: {text: t, needs: [education: bachelors-ish]}}"),
    ("catalog", CRED + ", eligibility: {text: t, needs: [{experience: x}]}}"),
    ("catalog", CRED + ", eligibility: {text: t, needs: [{experience: x, months: 3, years: 1}]}}"),
    ("catalog", CRED + ", eligibility: {text: t, needs: [{experience: x, hours: 3}]}}"),
    ("catalog", CRED + ", eligibility: {text: t, needs: [{training: x, months: 3}]}}"),
    ("catalog", CRED + ", eligibility: {text: t, needs: [{education: bachelor, credential: a}]}}"),
    ("catalog", CRED + ", eligibility: {text: t, needs: [{any_of: [{credential: a}]}]}}"),
    ("catalog", CRED + ", eligibility: {text: t, needs: [{experience: x, months: 0}]}}"),
    ("catalog", CRED + ", eligibility: {text: t, needs: [other: o], routes: [{needs: [other: o]}]}}"),
    ("catalog", CRED + ", eligibility: {text: t, routes: []}}"),
    ("catalog", CRED + ", eligibility: {text: t, needs: []}}"),
    ("catalog", CRED + ", requires: {SQL: 7}}"),
    ("catalog", CRED + ", requires: SQL}"),
]

# What only the loader checks: the schema language cannot express it, so the editor stays quiet here.
LOADER_ONLY = [
    ("profile", PROFILE + "skills:\n  - {name: SQL, level: 2}\n  - {name: sql, level: 3}"),  # listed twice
    ("profile", PROFILE + "skills:\n  - {name: SQL, level: 2, last_used: '2023-02-30'}"),  # no such day
    ("profile", PROFILE + "preferences: {budget: .nan}"),
]


@pytest.mark.parametrize(("kind", "text"), VALID)
def test_schema_and_loader_both_accept(kind: str, text: str) -> None:
    data = parse(text, "x.yaml")
    assert loader_accepts(Kind(kind), data)
    assert schema_accepts(Kind(kind), data)


@pytest.mark.parametrize(("kind", "text"), INVALID)
def test_schema_and_loader_both_reject(kind: str, text: str) -> None:
    data = parse(text, "x.yaml")
    assert not loader_accepts(Kind(kind), data), "the loader accepts it"
    assert not schema_accepts(Kind(kind), data), "the schema accepts it"


@pytest.mark.parametrize(("kind", "text"), LOADER_ONLY)
def test_what_only_the_loader_catches(kind: str, text: str) -> None:
    data = parse(text, "x.yaml")
    assert not loader_accepts(Kind(kind), data)
    assert schema_accepts(Kind(kind), data)


def test_schema_command_prints_the_shipped_schema() -> None:
    result = invoke("schema", "--kind", "profile")
    assert result.code == 0, result.err
    assert result.out == shipped_path("profile").read_text(encoding="utf-8")
    assert json.loads(result.out)["title"] == "skillgap profile (version 1)"


def test_schema_command_writes_a_file_and_never_replaces_one_without_force(tmp_path: Path) -> None:
    target = tmp_path / "role.schema.json"
    assert invoke("schema", "--kind", "ROLE", "-o", target).code == 0
    assert json.loads(target.read_text(encoding="utf-8"))["title"] == "skillgap role (version 1)"
    target.write_text("mine", encoding="utf-8")
    refused = invoke("schema", "--kind", "role", "-o", target)
    assert refused.code == 2 and "already exists" in refused.err and "--force" in refused.err
    assert target.read_text(encoding="utf-8") == "mine"
    assert invoke("schema", "--kind", "role", "-o", target, "--force").code == 0
    assert target.read_text(encoding="utf-8") == shipped_path("role").read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["role.schema.json"]


def test_schema_command_needs_a_known_kind() -> None:
    for args in (("schema",), ("schema", "--kind", "resume")):
        result = invoke(*args)
        assert result.code == 2 and "--kind" in result.err and "Traceback" not in result.err


def test_schema_and_loader_agree_on_every_level_word() -> None:
    """The one table of level words (skillgap.levels) is what both accept, in any case and hyphenated."""
    from skillgap.levels import LEVEL_NAMES

    for word in LEVEL_NAMES:
        for written in (word, word.upper(), word.title().replace(" ", "-")):
            data = parse(PROFILE + f"skills: {{SQL: '{written}'}}", "x.yaml")
            assert loader_accepts(Kind.PROFILE, data) and schema_accepts(Kind.PROFILE, data), written
    data = parse(PROFILE + "skills: {SQL: advanced beginners}", "x.yaml")
    assert not loader_accepts(Kind.PROFILE, data) and not schema_accepts(Kind.PROFILE, data)
