"""Open Badges 2.0 and 3.0 read into the model: what a badge is, and who was awarded it.

An achievement (a 2.0 BadgeClass or a 3.0 Achievement) becomes a :class:`Credential`: its name, its
description, its issuer as provider, its `achievementType` as type, and as skills the targets it aligns
to (`alignment`) and its tags. A level comes from a result description's rubric level where the badge
states one; otherwise a skill is given :data:`DEFAULT_LEVEL` and the credential lists "levels" under
`estimated`. An award (a 2.0 Assertion, a 3.0 OpenBadgeCredential) becomes a :class:`Badge`.

Linked objects named only by a URL stay URLs: nothing is fetched over the network, and no signature is
checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Any

from skillgap.errors import InputError
from skillgap.importers.documents import Imported, credential_entry, unique_ids
from skillgap.importers.jsonld import ident, is_url, many, name_or_url, number, one_line, text, types, when
from skillgap.importers.words import level_in_words
from skillgap.limits import CREDITS
from skillgap.load.fields import name_key, shown
from skillgap.model import Badge, Credential, CredentialSkill
from skillgap.words import agree, plural

DEFAULT_LEVEL = 3
UNKNOWN_ISSUER = "unknown issuer"
ACHIEVEMENT_TYPES = frozenset({"BadgeClass", "Achievement"})
CREDENTIAL_TYPES = frozenset({"OpenBadgeCredential", "AchievementCredential"})  # 3.0 awards


@dataclass
class Found:
    """What one file holds: achievements a catalog can offer, awards a person holds, and notes."""

    achievements: list[Credential] = field(default_factory=list)
    awards: list[Badge] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


# --- achievements -----------------------------------------------------------------------------


def achievement(
    obj: Mapping[str, Any], issuer: str | None = None, achieved: Mapping[str, str] | None = None
) -> Credential:
    """A BadgeClass or Achievement as a credential. `issuer` names the provider when the object does not;
    `achieved` maps a result description's id to the rubric level an earner achieved in it."""
    name = one_line(obj.get("name")) or ident(obj) or "unnamed badge"
    skills, defaulted = _skills(obj, name, achieved or {})
    provider = name_or_url(obj.get("creator")) or name_or_url(obj.get("issuer")) or issuer
    criteria_url = ident(obj.get("criteria"))
    source_id = ident(obj)
    return Credential(
        id=source_id or name,
        title=name,
        provider=provider or UNKNOWN_ISSUER,
        skills=skills,
        type=one_line(obj.get("achievementType")) or "badge",
        url=_url(criteria_url) or _url(source_id),
        description=text(obj.get("description")),
        estimated=frozenset({"levels"}) if defaulted else frozenset(),
        source_id=source_id,
        credits=number(obj.get("creditsAvailable"), CREDITS),
    )


def criteria_of(obj: Mapping[str, Any]) -> str | None:
    """How the badge is earned: the criteria narrative, else the criteria URL."""
    criteria = obj.get("criteria")
    if isinstance(criteria, dict):
        return one_line(criteria.get("narrative")) or ident(criteria)
    return ident(criteria)


def _skills(
    obj: Mapping[str, Any], name: str, achieved: Mapping[str, str]
) -> tuple[tuple[CredentialSkill, ...], bool]:
    """The skills an achievement aligns to, with a level where one is stated; (skills, any defaulted)."""
    by_target: dict[str, int] = {}
    overall: int | None = None
    alignments = [a for a in many(obj.get("alignment")) if isinstance(a, dict)]
    for description in many(obj.get("resultDescription")):
        if not isinstance(description, dict):
            continue
        level = _stated_level(description, achieved.get(ident(description) or ""))
        aligned = [a for a in many(description.get("alignment")) if isinstance(a, dict)]
        alignments.extend(aligned)
        if level is None:
            continue
        if not aligned:
            overall = max(overall or 0, level)
        for target in aligned:
            key = _target_key(target)
            by_target[key] = max(by_target.get(key, 0), level)
    found: dict[str, tuple[str, int | None, str | None]] = {}  # by name ignoring case

    def add(skill: str | None, level: int | None, skill_id: str | None = None) -> None:
        if not skill:
            return
        first, old, old_id = found.get(name_key(skill), (skill, None, None))
        if old is not None:
            level = old if level is None else max(level, old)
        found[name_key(skill)] = (first, level, old_id or skill_id)

    for target in alignments:
        level = by_target.get(_target_key(target), overall)
        add(one_line(target.get("targetName")), level, _target_id(target))
    for tag in many(obj.get("tags")) + many(obj.get("tag")):
        add(one_line(tag), overall)
    if not found:  # a badge that names no skill proves the thing it is named for
        add(name, overall)
    skills = tuple(CredentialSkill(n, DEFAULT_LEVEL if lv is None else lv, i) for n, lv, i in found.values())
    return skills, any(lv is None for _, lv, _ in found.values())


def _target_id(target: Mapping[str, Any]) -> str | None:
    return one_line(target.get("targetUrl")) or one_line(target.get("targetCode"))


def _target_key(target: Mapping[str, Any]) -> str:
    return _target_id(target) or (one_line(target.get("targetName")) or "").casefold()


def _stated_level(description: Mapping[str, Any], achieved: str | None) -> int | None:
    """The level a result description requires (or that an earner achieved), when it says so in words."""
    rubric = {ident(level): level for level in many(description.get("rubricCriterionLevel"))}
    chosen = achieved or ident(description.get("requiredLevel"))
    level = rubric.get(chosen) if chosen else None
    if isinstance(level, dict):
        found = level_in_words(text(level.get("level")), text(level.get("name")))
        if found is not None:
            return found
    return level_in_words(text(description.get("requiredValue")))


# --- awards -----------------------------------------------------------------------------------


def award_2(obj: Mapping[str, Any], file: str) -> Badge:
    """An Open Badges 2.0 Assertion."""
    badge = obj.get("badge")
    notes: list[str] = []
    if isinstance(badge, dict):
        credential = achievement(badge, name_or_url(badge.get("issuer")))
        criteria = criteria_of(badge)
    else:
        url = ident(badge) or "?"
        credential = Credential(id=url, title=url, provider=UNKNOWN_ISSUER, skills=(), source_id=url)
        criteria = None
        notes.append(_only_a_url("BadgeClass", url))
    verification = obj.get("verification") or obj.get("verify")
    kind = text(verification.get("type")) if isinstance(verification, dict) else None
    return Badge(
        file=file,
        credential=credential,
        issued=when(obj.get("issuedOn")),
        expires=when(obj.get("expires")),
        revoked=obj.get("revoked") is True,
        criteria=criteria,
        evidence=_evidence(obj.get("evidence"), obj.get("narrative")),
        signed=(kind or "").casefold() in ("signed", "signedbadge"),
        notes=tuple(notes),
        url=_url(ident(obj)),
    )


def awards_3(obj: Mapping[str, Any], file: str) -> list[Badge]:
    """An Open Badges 3.0 OpenBadgeCredential: one award per credential subject with an achievement."""
    issuer = name_or_url(obj.get("issuer"))
    out = []
    for subject in many(obj.get("credentialSubject")):
        if not isinstance(subject, dict):
            continue
        results = [r for r in many(subject.get("result")) if isinstance(r, dict)]
        achieved = {
            ident(r.get("resultDescription")) or "": ident(r.get("achievedLevel")) or ""
            for r in results
            if ident(r.get("achievedLevel"))
        }
        found = subject.get("achievement")
        notes: list[str] = []
        if isinstance(found, dict):
            credential = achievement(found, issuer, achieved)
            criteria = criteria_of(found)
        else:
            url = ident(found) or ident(obj) or "?"
            title = one_line(obj.get("name")) or url
            credential = Credential(id=url, title=title, provider=issuer or UNKNOWN_ISSUER, skills=())
            criteria = None
            notes.append(_only_a_url("Achievement", url))
        out.append(
            Badge(
                file=file,
                credential=credential,
                issued=_first_date(obj, "awardedDate", "validFrom", "issuanceDate"),
                expires=_first_date(obj, "validUntil", "expirationDate"),
                criteria=criteria,
                evidence=_evidence(obj.get("evidence"), subject.get("narrative")),
                signed=bool(obj.get("proof")),
                notes=tuple(notes),
                url=_url(ident(obj)),
            )
        )
    return out


def _url(value: str | None) -> str | None:
    return value if is_url(value) else None


def _only_a_url(kind: str, url: str) -> str:
    return f"its {kind} is only a URL ({url}), which is not fetched: what it proves is unknown"


def _first_date(obj: Mapping[str, Any], *keys: str) -> date | None:
    for key in keys:
        found = when(obj.get(key))
        if found is not None:
            return found
    return None


def _evidence(evidence: Any, narrative: Any) -> tuple[str, ...]:
    out = []
    for item in many(evidence):
        if isinstance(item, dict):
            found = (
                one_line(item.get("narrative"))
                or one_line(item.get("name"))
                or one_line(item.get("description"))
            )
            url = ident(item)
            if found and is_url(url):
                found = f"{found} ({url})"
            found = found or url
        else:
            found = ident(item)
        if found:
            out.append(found)
    told = one_line(narrative)
    return tuple(([told] if told else []) + out)


# --- documents and files ----------------------------------------------------------------------


def read_document(data: Any, file: str) -> Found:
    """Every achievement and award in a parsed file (one object, or a list of them).

    An award's achievement is offered as an achievement too, at the levels it requires of everyone (an
    award's own levels are what one earner achieved)."""
    found = Found()
    objects = many(data)
    for index, obj in enumerate(objects):
        where = f"item {index + 1}: " if isinstance(data, list) else ""
        kinds = types(obj)
        if kinds & CREDENTIAL_TYPES:
            awards = awards_3(obj, file)
            issuer = name_or_url(obj.get("issuer"))
            embedded = [
                s.get("achievement") for s in many(obj.get("credentialSubject")) if isinstance(s, dict)
            ]
            found.achievements.extend(achievement(a, issuer) for a in embedded if isinstance(a, dict))
        elif "Assertion" in kinds:
            awards = [award_2(obj, file)]
            badge = obj.get("badge")
            if isinstance(badge, dict):
                found.achievements.append(achievement(badge))
        elif kinds & ACHIEVEMENT_TYPES:
            awards = []
            found.achievements.append(achievement(obj))
            credits = obj.get("creditsAvailable")
            if credits is not None and found.achievements[-1].credits is None:
                found.notes.append(
                    f"{where}creditsAvailable {shown(credits)} left out: not a number of credits "
                    f"{CREDITS.text()}"
                )
        else:
            said = ", ".join(sorted(kinds)) or "none"
            found.notes.append(
                f"{where}not an Open Badges BadgeClass, Achievement, Assertion or OpenBadgeCredential "
                f"(type: {said})"
            )
            continue
        found.awards.extend(awards)
        found.notes.extend(where + note for award in awards for note in award.notes)
    return found


def awarded_badges(path: Path) -> tuple[Badge, ...]:
    """The badges one badge file awards (none for a BadgeClass or an Achievement, which only describe one):
    the reader a profile's `{badge: FILE}` entries are read with (`skillgap.load.profile.load_badges`)."""
    return tuple(read_file(path).awards)


def read_file(path: Path) -> Found:
    """Read one badge JSON file safely (size limits, positions in every error); never fetch anything."""
    from skillgap.load.source import display_name, parse, read_text

    name = display_name(path)
    if path.suffix.lower() != ".json":
        raise InputError.at(name, "an Open Badges file must be JSON", hint="give it a .json name")
    content = read_text(path)
    try:
        data = parse(content, name)
    except InputError as exc:
        if "Invalid control character" not in str(exc):
            raise
        # A line break inside a quoted text is not valid JSON, but published examples contain them.
        data = parse(escape_controls_in_strings(content), name)
    if not isinstance(data, (dict, list)):
        raise InputError.at(name, "an Open Badges file holds a JSON object (or a list of them)")
    return read_document(data, name)


def escape_controls_in_strings(content: str) -> str:
    """JSON text with raw control characters inside strings written as escapes."""
    out: list[str] = []
    in_string = escaped = False
    for char in content:
        if in_string:
            if escaped:
                escaped = False
            elif char == "\\":
                escaped = True
            elif char == '"':
                in_string = False
            elif char < " ":
                char = f"\\u{ord(char):04x}"
        elif char == '"':
            in_string = True
        out.append(char)
    return "".join(out)


# --- a catalog of what was read ---------------------------------------------------------------


def catalog(achievements: Iterable[Credential], files: Sequence[str]) -> Imported:
    """A catalog of achievements (each once, by its id), as a document with the notes a reader needs."""
    unique: dict[str, Credential] = {}
    for credential in achievements:
        key = credential.source_id or f"{credential.title}\n{credential.provider}"
        unique[key] = merged(unique[key], credential) if key in unique else credential
    credentials = list(unique.values())
    ids = unique_ids(c.title for c in credentials)
    data = {
        "name": "Imported Open Badges",
        "source": "Open Badges files: " + ", ".join(files),
        "credentials": [credential_entry(c, i) for c, i in zip(credentials, ids, strict=True)],
    }
    estimated = sum(1 for c in credentials if c.is_estimated("levels"))
    notes = []
    if estimated:
        notes.append(
            f"{plural(estimated, 'credential')} {agree(estimated, 'states', 'state')} no level for some "
            f"skills: those are set to {DEFAULT_LEVEL} "
            "and 'levels' is listed under 'estimated'"
        )
    return Imported(data, notes)


def merged(first: Credential, second: Credential) -> Credential:
    """One achievement read twice (a BadgeClass, and an Assertion embedding it): every skill either
    names, at the higher level, and the first one's other fields unless only the second has them."""
    skills = {name_key(s.name): s for s in first.skills}
    for skill in second.skills:
        known = skills.get(name_key(skill.name))
        if known is None or known.level < skill.level:
            skills[name_key(skill.name)] = skill
    provider = first.provider
    if provider == UNKNOWN_ISSUER or (is_url(provider) and not is_url(second.provider)):
        provider = second.provider
    return replace(
        first,
        skills=tuple(skills.values()),
        provider=provider,
        url=first.url or second.url,
        description=first.description or second.description,
        credits=first.credits if first.credits is not None else second.credits,
        estimated=first.estimated | second.estimated,
    )


HEADER = (
    "Imported by `skillgap import openbadges`. Nothing was fetched over the network and no signature was "
    "checked. Skills are the badges' alignments and tags; a level the badge does not state is set to "
    f"{DEFAULT_LEVEL} (competent) and the credential lists 'levels' under 'estimated'. Costs and hours are "
    "not part of Open Badges: add them where you know them."
)
