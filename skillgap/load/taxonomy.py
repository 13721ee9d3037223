"""Taxonomy files: canonical skill names, what else people call them, and user abbreviations."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from skillgap.errors import InputError, Problem
from skillgap.load.fields import Once, Report, top_mapping, type_name
from skillgap.load.paths import expand_paths
from skillgap.load.reading import read_model
from skillgap.load.source import PosMap
from skillgap.load.stored import TAXONOMY
from skillgap.model import Taxonomy, TaxonomySkill

TAXONOMY_KEYS = ("name", "description", "source", "skills", "abbreviations")
SKILL_KEYS = ("name", "aliases", "related", "id", "description")


def load_taxonomies(paths: Sequence[Path]) -> Taxonomy:
    skills: list[TaxonomySkill] = []
    abbreviations: list[tuple[str, str]] = []
    files: list[str] = []
    problems: list[Problem] = []
    for path in expand_paths(paths):
        try:
            taxonomy = read_model(path, "taxonomy", read_taxonomy, fast=True, codec=TAXONOMY)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        skills.extend(taxonomy.skills)
        abbreviations.extend(taxonomy.abbreviations)
        files.extend(taxonomy.files)
    if problems:
        raise InputError(problems)
    return Taxonomy(tuple(skills), tuple(abbreviations), tuple(files))


def read_taxonomy(data: Any, report: Report) -> Taxonomy | None:
    top = top_mapping(data, report, "taxonomy", "a 'skills' list")
    if top is None:
        return None
    top.check_keys(TAXONOMY_KEYS, required=("skills",))
    top.text("name"), top.text("description"), top.text("source")  # checked, not kept
    skills: list[TaxonomySkill] = []
    once = Once(report, "skill")
    for _, item, path, pos in top.items("skills"):
        if isinstance(item, str) and item.strip():
            if not once.twice(item, pos, path):
                skills.append(TaxonomySkill(item.strip()))
            continue
        fields = top.sub(item, path, pos)
        if fields is None:
            continue
        fields.check_keys(SKILL_KEYS, required=("name",))
        name = fields.text("name", required=True)
        fields.text("description")
        if name is None or once.twice(name, pos, path):
            continue
        skills.append(
            TaxonomySkill(
                name=name,
                aliases=fields.text_list("aliases"),
                related=fields.text_list("related"),
                id=fields.text("id"),
                origin=fields.origin(),
            )
        )
    abbreviations: list[tuple[str, str]] = []
    raw = top.data.get("abbreviations")
    if raw is not None:
        if not isinstance(raw, PosMap):
            top.problem(
                "abbreviations", f"expected a mapping, got {type_name(raw)}", "write `short: long form` pairs"
            )
        else:
            for short, long in raw.items():
                if isinstance(short, str) and isinstance(long, str) and short.strip() and long.strip():
                    abbreviations.append((short.strip(), long.strip()))
                else:
                    report.add(
                        "an abbreviation maps text to text",
                        raw.pos(short),
                        f"abbreviations.{short}" if isinstance(short, str) else "abbreviations",
                        "write `short: long form`",
                    )
    return Taxonomy(tuple(skills), tuple(abbreviations), (report.file,))
