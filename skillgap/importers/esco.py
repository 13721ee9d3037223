"""ESCO's CSV downloads read into a skillgap taxonomy (skills) and a role (an occupation's skills).

Columns read (ESCO v1.1 and v1.2 layouts): skills and occupations files `conceptUri`, `preferredLabel`,
`altLabels` (several labels in one cell, one per line) and `conceptType`; the relations file
`occupationUri`, `relationType` (essential or optional), `skillUri`, and `skillLabel` where a release has it.
ESCO states no proficiency levels, so every requirement gets one level chosen by the caller.
"""

from __future__ import annotations

import difflib
from typing import Any

from skillgap.errors import InputError
from skillgap.importers.documents import Imported
from skillgap.importers.tables import Row, Table, require
from skillgap.load.fields import name_key
from skillgap.words import agree, plural

ATTRIBUTION = "This service uses the ESCO classification of the European Commission."
SKILL_COLUMNS = ("conceptUri", "preferredLabel", "altLabels")
OCCUPATION_COLUMNS = ("conceptUri", "preferredLabel")
RELATION_COLUMNS = ("occupationUri", "relationType", "skillUri")
SKILL_TYPES = ("KnowledgeSkillCompetence", "SkillGroup")
IMPORTANCE = {"essential": "essential", "optional": "nice-to-have"}


def labels(cell: str) -> list[str]:
    """The labels in one cell: one per line (ESCO's layout), or separated by " | " (its collections)."""
    out: dict[str, str] = {}
    for line in cell.replace(" | ", "\n").split("\n"):
        label = " ".join(line.split())
        if label:
            out.setdefault(name_key(label), label)
    return list(out.values())


def taxonomy(table: Table) -> Imported:
    """A taxonomy: preferredLabel as the name, altLabels as aliases, conceptUri as the id."""
    require(table, SKILL_COLUMNS, "ESCO's skills file (skills_en.csv)")
    skills: dict[str, dict[str, Any]] = {}
    skipped: dict[str, int] = {}
    merged = 0
    for row in table:
        kind = row.get("conceptType")
        name = " ".join(row.get("preferredLabel").split())
        if (kind and kind not in SKILL_TYPES) or not name:
            skipped[kind or "no preferredLabel"] = skipped.get(kind or "no preferredLabel", 0) + 1
            continue
        aliases = [a for a in labels(row.get("altLabels")) if name_key(a) != name_key(name)]
        entry = skills.get(name_key(name))
        if entry is not None:  # two concepts with one label: one skill, the first concept's id
            merged += 1
            known = {name_key(a) for a in entry.get("aliases", [])}
            entry.setdefault("aliases", []).extend(a for a in aliases if name_key(a) not in known)
            continue
        entry = {"name": name}
        if aliases:
            entry["aliases"] = aliases
        if row.get("conceptUri"):
            entry["id"] = row.get("conceptUri")
        skills[name_key(name)] = entry
    if not skills:
        raise InputError.at(table.file, "no skill found", hint="this reads ESCO's skills_en.csv")
    notes = [f"{plural(n, 'row')} of type {kind!r} left out" for kind, n in sorted(skipped.items())]
    if merged:
        notes.append(
            f"{plural(merged, 'concept')} sharing a preferredLabel with another {agree(merged, 'was')} "
            "merged into it"
        )
    data = {
        "name": "ESCO skills",
        "source": f"{ATTRIBUTION} Imported from {table.file}.",
        "skills": list(skills.values()),
    }
    return Imported(data, notes)


def find_occupation(table: Table, wanted: str) -> Row:
    """The occupation a user named: by its conceptUri, its preferredLabel or one of its altLabels."""
    require(table, OCCUPATION_COLUMNS, "ESCO's occupations file (occupations_en.csv)")
    key = name_key(wanted)
    by_alt = []
    for row in table:
        if row.get("conceptUri") == wanted.strip() or name_key(row.get("preferredLabel")) == key:
            return row
        if key in {name_key(a) for a in labels(row.get("altLabels"))}:
            by_alt.append(row)
    if len(by_alt) == 1:
        return by_alt[0]
    if by_alt:
        names = ", ".join(sorted(r.get("preferredLabel") for r in by_alt)[:5])
        raise InputError.at(table.file, f"{wanted!r} names several occupations: {names}", hint="use one")
    known = [r.get("preferredLabel") for r in table]
    close = difflib.get_close_matches(wanted, known, n=3, cutoff=0.6)
    hint = "did you mean " + " or ".join(repr(c) for c in close) + "?" if close else "give its conceptUri"
    raise InputError.at(table.file, f"no occupation is called {wanted!r}", hint=hint)


def skill_labels(table: Table) -> dict[str, str]:
    """Each skill's preferredLabel by its conceptUri."""
    require(table, SKILL_COLUMNS, "ESCO's skills file (skills_en.csv)")
    return {row.get("conceptUri"): " ".join(row.get("preferredLabel").split()) for row in table}


def role(occupation: Row, relations: Table, names: dict[str, str], level: int) -> Imported:
    """A role for one occupation: its essential and optional skills, at `level`, with their URIs."""
    require(
        relations,
        RELATION_COLUMNS,
        "ESCO's occupation-skill relations file (occupationSkillRelations_en.csv)",
    )
    uri = occupation.get("conceptUri")
    found: dict[str, dict[str, Any]] = {}
    unnamed: list[str] = []
    for row in relations:
        if row.get("occupationUri") != uri:
            continue
        importance = IMPORTANCE.get(row.get("relationType").casefold())
        skill_uri = row.get("skillUri")
        name = " ".join(row.get("skillLabel").split()) or names.get(skill_uri, "")
        if importance is None:
            continue
        if not name:
            unnamed.append(skill_uri)
            continue
        known = found.get(name_key(name))
        if known is not None and known["importance"] == "essential":
            continue
        found[name_key(name)] = {"skill": name, "level": level, "importance": importance, "id": skill_uri}
    if not found and unnamed:  # skills are related to it, but none has a name
        title = occupation.get("preferredLabel")
        if names:
            raise InputError.at(
                relations.file,
                f"none of the {len(unnamed)} skills related to {title!r} is in the skills file (--skills)",
                hint="pass the skills file of the same ESCO release as the relations file",
            )
        why = "has no skillLabel column" if not relations.has("skillLabel") else "has empty skillLabel cells"
        raise InputError.at(
            relations.file,
            f"the {len(unnamed)} skills related to {title!r} have no names: this relations file {why}",
            hint="pass ESCO's skills file for their names: --skills skills_en.csv",
        )
    if not found:
        raise InputError.at(
            relations.file,
            f"no skill is related to {occupation.get('preferredLabel')!r} ({uri})",
            hint="pass the occupationSkillRelations file of the same ESCO release",
        )
    order = {"essential": 0, "nice-to-have": 1}
    requirements = sorted(found.values(), key=lambda r: (order[r["importance"]], name_key(r["skill"])))
    data: dict[str, Any] = {
        "title": " ".join(occupation.get("preferredLabel").split()),
        "description": occupation.get("description") or None,
        "source": f"{ATTRIBUTION} ESCO occupation {uri}.",
        "source_id": uri,
        "requirements": requirements,
    }
    notes = []
    if unnamed:
        why = "not in the skills file" if names else "no label for them (pass --skills skills_en.csv)"
        notes.append(f"{plural(len(unnamed), 'related skill')} left out: {why}")
    return Imported({k: v for k, v in data.items() if v is not None}, notes)
