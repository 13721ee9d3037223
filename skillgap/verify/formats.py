"""Which form an earned badge is written in, told from the file's content:

- a JSON Open Badges 2.0 Assertion: **hosted** (its `verification.type` is `hosted`, or it says nothing),
  or the bare JSON of a **signed** one (the signature travels as a JWS, so the JSON alone proves nothing);
- a JWS in compact form whose payload is an OB 2.0 Assertion: a **signed** assertion;
- a JWS whose payload is an OB 3.0 credential (in its `vc` claim, or the payload itself): **VC-JWT**;
- a JSON OB 3.0 OpenBadgeCredential (or AchievementCredential) with a `proof`: **Data Integrity**; without
  one: **no proof**.

A JWS may be the file's whole text, or a JSON string. A JSON file may hold a list of awards: each is read,
and verified, on its own. Descriptions of a badge (a BadgeClass, an Achievement) are nobody's award and
are skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from skillgap.errors import InputError
from skillgap.importers.jsonld import many, text, types
from skillgap.importers.openbadges import CREDENTIAL_TYPES
from skillgap.verification import BadgeFormat
from skillgap.verify import jws as jose

SUFFIXES = (".json", ".jwt", ".jws")
SIGNED_TYPES = ("signed", "signedbadge")


@dataclass(frozen=True)
class Parsed:
    """One award as written: its form, the assertion or credential itself, and the JWS it came in."""

    format: BadgeFormat
    document: dict[str, Any]
    jws: jose.Jws | None = None
    claims: dict[str, Any] | None = None  # a VC-JWT's payload, which holds the credential in `vc`
    item: int | None = None  # its place (from 1) in a file that holds a list


def read(path: Path) -> list[Parsed]:
    """The awards in one badge file (JSON, or a JWS), read with the safe reader; nothing is fetched."""
    from skillgap.load.source import display_name, read_text

    name = display_name(path)
    if path.suffix.lower() not in SUFFIXES:
        raise InputError.at(name, "an Open Badges file is JSON, or a JWS (.jwt, .jws)",
                            hint="give it a .json, .jwt or .jws name")  # fmt: skip
    return parse_text(read_text(path), name)


def parse_text(content: str, name: str) -> list[Parsed]:
    stripped = content.strip()
    if jose.looks_compact(stripped):
        return [from_jws(stripped, name)]
    data = parse_json(content, name)
    if isinstance(data, str) and jose.looks_compact(data):
        return [from_jws(data, name)]
    objects = data if isinstance(data, list) else [data]
    found = []
    for index, obj in enumerate(objects):
        item = index + 1 if isinstance(data, list) else None
        if isinstance(obj, str) and jose.looks_compact(obj):
            found.append(_at(from_jws(obj, name), item))
        elif isinstance(obj, dict) and (types(obj) & CREDENTIAL_TYPES or "Assertion" in types(obj)):
            found.append(from_json(obj, item))
    return found


def no_award(name: str) -> InputError:
    return InputError.at(
        name,
        "holds no awarded badge (an Open Badges Assertion or OpenBadgeCredential)",
        hint="a BadgeClass or Achievement describes a badge; give the one awarded",
    )


def _at(parsed: Parsed, item: int | None) -> Parsed:
    from dataclasses import replace

    return replace(parsed, item=item)


def parse_json(content: str, name: str) -> Any:
    """JSON with duplicate keys refused, as every input file is read (raw line breaks inside strings, which
    published examples contain, read as escapes)."""
    from skillgap.importers.openbadges import escape_controls_in_strings
    from skillgap.load.source import parse

    json_name = name if name.lower().endswith(".json") else f"{name}.json"
    try:
        return parse(content, json_name, fast=True, plain=True)
    except InputError as exc:
        if "Invalid control character" not in str(exc):
            raise InputError([_renamed(p, json_name, name) for p in exc.problems]) from None
        return parse(escape_controls_in_strings(content), json_name, fast=True, plain=True)


def _renamed(problem: Any, used: str, name: str) -> Any:
    from dataclasses import replace

    return replace(problem, file=name) if problem.file == used else problem


def from_json(obj: dict[str, Any], item: int | None = None) -> Parsed:
    if types(obj) & CREDENTIAL_TYPES:
        kind = BadgeFormat.OB3_DATA_INTEGRITY if obj.get("proof") else BadgeFormat.OB3_NO_PROOF
        return Parsed(kind, obj, item=item)
    verification = obj.get("verification") or obj.get("verify")
    said = text(verification.get("type")) if isinstance(verification, dict) else None
    signed = (said or "").casefold() in SIGNED_TYPES
    return Parsed(BadgeFormat.OB2_SIGNED if signed else BadgeFormat.OB2_HOSTED, obj, item=item)


def from_jws(compact: str, name: str) -> Parsed:
    try:
        token = jose.parse(compact)
        payload = jose.payload_json(token)
    except jose.JwsProblem as exc:
        raise InputError.at(name, f"a JWS that cannot be read: {exc}") from None
    if not isinstance(payload, dict):
        raise InputError.at(name, "a JWS whose payload is not a JSON object")
    vc = payload.get("vc")
    if isinstance(vc, dict) and types(vc) & CREDENTIAL_TYPES:
        return Parsed(BadgeFormat.OB3_JWT, vc, token, payload)
    if types(payload) & CREDENTIAL_TYPES:
        return Parsed(BadgeFormat.OB3_JWT, payload, token, payload)
    if "Assertion" in types(payload):
        return Parsed(BadgeFormat.OB2_SIGNED, payload, token)
    said = ", ".join(sorted(types(vc if isinstance(vc, dict) else payload))) or "none"
    raise InputError.at(name, f"a JWS whose payload is not an Open Badges Assertion or OpenBadgeCredential "
                        f"(type: {said})")  # fmt: skip


def issuer_id(document: Mapping[str, Any]) -> str | None:
    """The issuer's id: the `issuer` URL, or the id of the issuer object."""
    issuer = document.get("issuer")
    if isinstance(issuer, dict):
        found = issuer.get("id")
        return found if isinstance(found, str) else None
    return issuer if isinstance(issuer, str) else None


def subjects(document: Mapping[str, Any]) -> list[Any]:
    return many(document.get("credentialSubject"))
