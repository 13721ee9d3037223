"""Shared ids before names: a skill carrying the id of a taxonomy skill is that skill, whatever its name.

An imported badge aligns to "http://data.europa.eu/esco/skill/..." and an ESCO taxonomy lists the same URI
as a skill's id: the badge's skill takes the taxonomy's name, so it matches exactly instead of by wording.
Ids are compared ignoring the URL scheme, a trailing slash and case.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace

from skillgap.load.fields import name_key
from skillgap.model import Catalog, Credential, CredentialSkill, Requirement, Role, Taxonomy, id_key


def names_by_id(taxonomy: Taxonomy) -> dict[str, str]:
    """Each taxonomy skill's name by its id (skills without an id, or with one that is only a scheme or
    slashes such as "https://", are left out: an empty id is no id, and links nothing)."""
    names: dict[str, str] = {}
    for skill in taxonomy.skills:
        key = id_key(skill.id) if skill.id else ""
        if key:
            names[key] = skill.name
    return names


def linked(name: str, ident: str | None, names: Mapping[str, str]) -> str:
    """The taxonomy's name for a skill with this id, else the name as written."""
    key = id_key(ident) if ident else ""
    return names.get(key, name) if key else name


def link_credential(credential: Credential, names: Mapping[str, str]) -> Credential:
    if not names or not any(s.id for s in credential.skills):
        return credential
    skills: dict[str, CredentialSkill] = {}  # two names for one skill: the higher level stands
    for skill in credential.skills:
        renamed = replace(skill, name=linked(skill.name, skill.id, names))
        key = name_key(renamed.name)
        if key not in skills or skills[key].level < renamed.level:
            skills[key] = renamed
    return replace(credential, skills=tuple(skills.values()))


def link_catalog(catalog: Catalog, names: Mapping[str, str]) -> Catalog:
    if not names:
        return catalog
    return replace(catalog, credentials=tuple(link_credential(c, names) for c in catalog.credentials))


def link_role(role: Role, names: Mapping[str, str]) -> Role:
    if not names or not any(r.id for r in role.requirements):
        return role
    requirements: dict[str, Requirement] = {}  # two names for one skill: the first requirement stands
    for requirement in role.requirements:
        name = linked(requirement.skill, requirement.id, names)
        requirements.setdefault(name_key(name), replace(requirement, skill=name))
    return replace(role, requirements=tuple(requirements.values()))
