"""An import as a profile document (plain data, ready for YAML or JSON), alone or added to a profile the
person already has.

Every skill written is marked `estimated: true` with its evidence, so the person knows which levels to
review. Merged into an existing profile, an import adds the skills and the credentials the profile does
not have, and changes nothing the person wrote: their skills keep their levels, their words and their
order, whatever the import estimated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from skillgap.match import Matcher
from skillgap.model import Profile
from skillgap.resumes.types import Certification, Claim, Imported

NO_NAME = "Your name"  # a profile needs a name; a source without one gets this, and a note


def skill_entry(claim: Claim) -> dict[str, Any]:
    entry: dict[str, Any] = {"name": claim.skill, "level": claim.level, "estimated": True}
    if claim.last_used is not None:
        entry["last_used"] = claim.last_used.isoformat()
    entry["evidence"] = claim.evidence
    return entry


def credential_entry(held: Certification) -> dict[str, Any]:
    """A held credential: the catalog's id where it was matched, the source's title (with its issuer
    where it was not, so the person can tell what it is), and when it was earned."""
    entry: dict[str, Any] = {}
    if held.id:
        entry["id"] = held.id
        entry["title"] = held.title
    else:
        entry["title"] = f"{held.title} ({held.issuer})" if held.issuer else held.title
    if held.earned is not None:
        entry["earned"] = held.earned.isoformat()
    return entry


def profile_document(imported: Imported) -> dict[str, Any]:
    """The profile an import makes on its own."""
    data: dict[str, Any] = {"name": imported.name or NO_NAME}
    if imported.current_role:
        data["current_role"] = imported.current_role
    data["skills"] = [skill_entry(c) for c in imported.skills]
    if imported.credentials:
        data["credentials"] = [credential_entry(c) for c in imported.credentials]
    return data


@dataclass(frozen=True)
class Merged:
    data: dict[str, Any]
    skills: tuple[Claim, ...]  # the skills added
    credentials: tuple[Certification, ...]  # the credentials added
    kept: int  # skills of the import the profile already has (left as the person wrote them)


def merged_document(
    written: Mapping[str, Any], profile: Profile, imported: Imported, matcher: Matcher
) -> Merged:
    """WRITTEN (the data of the person's profile file, PROFILE as loaded) with what IMPORTED adds: the
    skills no skill of the profile resolves to, the credentials it does not list by id or title."""
    data = {key: plain(value) for key, value in written.items()}
    have = {_key(s.name, matcher) for s in profile.skills}
    new_skills = tuple(c for c in imported.skills if _key(c.skill, matcher) not in have)
    ids = {h.id for h in profile.credentials if h.id}
    titles = {t.casefold() for h in profile.credentials for t in (h.title, h.id) if t}
    new_held = tuple(c for c in imported.credentials if not _held(c, ids, titles))
    if new_skills:
        data["skills"] = _as_list(data.get("skills")) + [skill_entry(c) for c in new_skills]
    if new_held:
        listed = data.get("credentials")
        data["credentials"] = (list(listed) if isinstance(listed, list) else []) + [
            credential_entry(c) for c in new_held
        ]
    if "current_role" not in data and imported.current_role:
        data["current_role"] = imported.current_role
    return Merged(data, new_skills, new_held, len(imported.skills) - len(new_skills))


def _key(name: str, matcher: Matcher) -> str:
    return (matcher.resolve(name).skill or " ".join(name.split())).casefold()


def _held(held: Certification, ids: set[str], titles: set[str]) -> bool:
    if held.id and (held.id in ids or held.id.casefold() in titles):
        return True
    return any(t and t.casefold() in titles for t in (held.title, held.catalog_title))


def _as_list(skills: Any) -> list[Any]:
    """A profile's skills as a list: the shorthand `{name: level}` written out as `- {name, level}`
    entries, each level as the person wrote it."""
    if isinstance(skills, Mapping):
        return [{"name": name, "level": level} for name, level in skills.items()]
    return list(skills) if isinstance(skills, Sequence) and not isinstance(skills, str) else []


def plain(value: Any) -> Any:
    """VALUE as plain data (the loader's located mappings and lists as dicts and lists), for a writer."""
    if isinstance(value, Mapping):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value
