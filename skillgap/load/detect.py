"""Tell what kind of file a parsed document is (profile, role, catalog or taxonomy), and read it as that.

The signs are the top-level keys (a key only one kind has counts most; a misspelt key counts as the key it
is closest to) and the shape of the two keys kinds share: `skills` (levels mean a profile, aliases or plain
names a taxonomy) and `credentials` (a provider or hours mean a catalog, `earned` or plain titles a
profile). A tie is broken by the file name, then by which kind's reader finds fewest problems, then by
the order profile, role, catalog, taxonomy. A mapping with not one known key is no kind (None).
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from skillgap.errors import Problem
from skillgap.kinds import KINDS, Kind
from skillgap.load.catalog import CATALOG_KEYS, read_catalog
from skillgap.load.fields import Report
from skillgap.load.profile import PROFILE_KEYS, read_profile
from skillgap.load.role import ROLE_KEYS, read_role
from skillgap.load.source import PosMap
from skillgap.load.taxonomy import TAXONOMY_KEYS, read_taxonomy

TOP_KEYS: dict[Kind, tuple[str, ...]] = {
    Kind.PROFILE: PROFILE_KEYS,
    Kind.ROLE: ROLE_KEYS,
    Kind.CATALOG: CATALOG_KEYS,
    Kind.TAXONOMY: TAXONOMY_KEYS,
}
ALL_KEYS = sorted({key for keys in TOP_KEYS.values() for key in keys})
SAMPLE = 20  # list items looked at for the shape of `skills` and `credentials`

CATALOG_SIGNS = ("provider", "provider_type", "skills", "hours", "cost", "url", "format", "assessment")
PROFILE_HELD_SIGNS = ("earned", "badge")
PROFILE_SKILL_SIGNS = ("level", "last_used", "evidence")
TAXONOMY_SKILL_SIGNS = ("aliases", "related")


def detect_kind(data: Any, name: str = "") -> Kind | None:
    """The kind DATA most looks like; None when it cannot tell (the caller asks for --kind)."""
    if not isinstance(data, PosMap):
        return kind_from_name(name)
    scores = dict.fromkeys(KINDS, 0)
    for key, value in data.items():
        if not isinstance(key, str):
            continue
        canonical = key if key in ALL_KEYS else _closest(key)
        if canonical is None:
            continue
        owners = [kind for kind in KINDS if canonical in TOP_KEYS[kind]]
        weight = 4 if len(owners) == 1 else 1
        for kind in owners:
            scores[kind] += weight if canonical == key else weight // 2
        for kind, points in _shape_signs(canonical, value):
            scores[kind] += points
    best = max(scores.values())
    leaders = [kind for kind in KINDS if scores[kind] == best]
    if best > 0 and len(leaders) == 1:
        return leaders[0]
    hinted = kind_from_name(name)
    if hinted is not None and (hinted in leaders or best == 0):
        return hinted
    if best == 0:
        return None  # not one key any kind has: say so rather than guess
    return _fewest_problems(data, name, leaders)


def kind_from_name(name: str) -> Kind | None:
    """A kind named by the file or its folder: `my-profile.yaml`, `roles/x.yaml`, `skills.yaml`."""
    path = Path(name)
    stem = path.stem.lower()
    for kind in KINDS:
        if kind.value in stem:
            return kind
    folders = {part.lower() for part in path.parts[:-1]}
    for folder, kind in (("roles", Kind.ROLE), ("credentials", Kind.CATALOG), ("profiles", Kind.PROFILE)):
        if folder in folders:
            return kind
    if stem in ("skills", "taxonomies"):
        return Kind.TAXONOMY
    return None


def read_as(kind: Kind, data: Any, report: Report, name: str) -> Any:
    """Read DATA as KIND, adding every problem to REPORT; the model, or None when the file is unusable."""
    if kind is Kind.PROFILE:
        return read_profile(data, report)
    if kind is Kind.ROLE:
        return read_role(data, report, default_id=Path(name).stem)
    if kind is Kind.CATALOG:
        return read_catalog(data, report)
    return read_taxonomy(data, report)


def _closest(key: str) -> str | None:
    close = difflib.get_close_matches(key.lower(), ALL_KEYS, n=1, cutoff=0.75)
    return close[0] if close else None


def _shape_signs(key: str, value: Any) -> list[tuple[Kind, int]]:
    if key == "skills":
        if isinstance(value, PosMap):
            return [(Kind.PROFILE, 4)]  # the `skill: level` shorthand
        for item in _sample(value):
            if isinstance(item, str):
                return [(Kind.TAXONOMY, 4)]
            if isinstance(item, PosMap) and any(k in item for k in PROFILE_SKILL_SIGNS):
                return [(Kind.PROFILE, 4)]
            if isinstance(item, PosMap) and any(k in item for k in TAXONOMY_SKILL_SIGNS):
                return [(Kind.TAXONOMY, 4)]
    if key == "credentials":
        for item in _sample(value):
            if isinstance(item, str):
                return [(Kind.PROFILE, 4)]
            if isinstance(item, PosMap) and any(k in item for k in CATALOG_SIGNS):
                return [(Kind.CATALOG, 4)]
            if isinstance(item, PosMap) and any(k in item for k in PROFILE_HELD_SIGNS):
                return [(Kind.PROFILE, 4)]
    return []


def _sample(value: Any) -> list[Any]:
    return value[:SAMPLE] if isinstance(value, list) else []


def _fewest_problems(data: PosMap, name: str, candidates: list[Kind]) -> Kind:
    """Break a tie by reading the document as each candidate: the kind with fewest problems wins, and
    between equals the first of profile, role, catalog, taxonomy (a profile is what people write most)."""
    counts: dict[Kind, int] = {}
    for kind in candidates:
        report = Report(name)
        read_as(kind, data, report, name)
        counts[kind] = len(report.problems)
    return min(candidates, key=lambda kind: (counts[kind], KINDS.index(kind)))


# Open Badges: what each type of object is, in words, and what to do with a file of it instead
BADGE_DESCRIPTIONS = {"BadgeClass": "the description of a badge", "Achievement": "the description of a badge"}
BADGE_AWARDS = {
    "Assertion": "a badge awarded to someone",
    "OpenBadgeCredential": "a badge awarded to someone",
    "AchievementCredential": "a badge awarded to someone",
}
_BADGE_CONTEXTS = ("openbadges", "purl.imsglobal.org/spec/ob")


def open_badge(data: Any) -> tuple[str, bool] | None:
    """When DATA is an Open Badges object (or a list of them), its type and whether it is an award (an
    Assertion or OpenBadgeCredential, which a profile lists) rather than a badge's description (a
    BadgeClass or Achievement, which `skillgap import openbadges` makes a catalog of); else None."""
    items = data if isinstance(data, list) else [data]
    found: tuple[str, bool] | None = None
    for item in items[:SAMPLE]:
        if not isinstance(item, dict):
            return None
        kinds = _badge_types(item)
        award = next((k for k in kinds if k in BADGE_AWARDS), None)
        described = next((k for k in kinds if k in BADGE_DESCRIPTIONS), None)
        if award is None and described is None:
            return None
        found = found or (award or described or "", award is not None)
    return found


def _badge_types(item: dict[Any, Any]) -> list[str]:
    """The short type names of a JSON-LD object ("Assertion" for ".../openbadges#Assertion"), when its
    context is Open Badges' or it names an Open Badges type."""
    names = []
    for key in ("type", "@type"):
        value = item.get(key)
        for one in value if isinstance(value, list) else [value]:
            if isinstance(one, str) and one.strip():
                names.append(one.strip().replace("#", "/").replace(":", "/").rsplit("/", 1)[-1])
    context = item.get("@context")
    contexts = context if isinstance(context, list) else [context]
    ours = any(isinstance(c, str) and any(mark in c for mark in _BADGE_CONTEXTS) for c in contexts)
    known = [n for n in names if n in BADGE_AWARDS or n in BADGE_DESCRIPTIONS]
    return known if ours or known else []


def badge_problem(data: Any, file: str, expected: str) -> Problem | None:
    """The problem to report first when an Open Badges file is given where EXPECTED belongs ("a catalog
    file"), saying what it is and what to do with it; None when DATA is not a badge."""
    found = open_badge(data)
    if found is None:
        return None
    kind, award = found
    what = BADGE_AWARDS[kind] if award else BADGE_DESCRIPTIONS[kind]
    hint = (
        "list it in your profile under credentials as `- {badge: PATH}`, PATH leading from the profile's "
        f"folder to this file; or make a catalog of its badge with `skillgap import openbadges {file}`"
        if award
        else f"make a catalog of it with `skillgap import openbadges {file} -o catalog.yaml`"
    )
    return Problem(file, f"this is an Open Badges {kind} ({what}), not {expected}", 1, 1, hint=hint)


def other_kind(data: Any, expected: str) -> str | None:
    """The kind of file DATA plainly is when that is not EXPECTED (a profile given as --catalog), else None.

    Only the content decides here, so a file's name cannot make a wrong guess look certain."""
    if not isinstance(data, PosMap):
        return None
    found = detect_kind(data)
    return found.value if found is not None and found.value != expected else None
