"""The checks, in order, that decide whether an earned badge proves anything, made without the network:

1. **structure**: it is the kind of document it claims to be (contexts, types, issuer, subject, dates);
2. **proof**: the signature (a JWS, or a Data Integrity proof) is the signing key's over what is read;
3. **key controller**: the signing key is the issuer's: its controller (a did:key or did:jwk is its own
   controller) is the issuer's id;
4. **JWT claims** (VC-JWT only): `iss`, `jti` and `sub` agree with the credential inside;
5. **validity**: today is within `validFrom`..`validUntil` (`issuedOn`..`expires` in 2.0, and a JWT's
   `nbf`..`exp`), judged by the UTC date;
6. **revocation**: a 2.0 assertion marked `revoked` fails; a status list or a hosted assertion, which
   could say it was revoked since, is on the web.

A check that needs what only the network has (a key published at a URL or a did:web, a hosted assertion,
a status list) is `not checked offline`, and says what it would need. Nothing is fetched.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, datetime, timezone
from typing import Any

from skillgap.importers.jsonld import ident, is_url, many, text, types
from skillgap.verification import BadgeFormat, Check, Outcome, Verification
from skillgap.verify import jws as jose
from skillgap.verify.formats import Parsed, issuer_id, subjects
from skillgap.verify.integrity import MISSING, Broken, Unchecked, suite_of, verify_proof
from skillgap.verify.keys import KeyProblem, PublicKey, did_of, from_jwk, offline_key

STRUCTURE, PROOF, CONTROLLER, CLAIMS, VALIDITY, REVOCATION = (
    "structure", "proof", "key controller", "JWT claims", "validity", "revocation",
)  # fmt: skip
CREDENTIALS_V2 = "https://www.w3.org/ns/credentials/v2"
CREDENTIALS_V1 = "https://www.w3.org/2018/credentials/v1"
OB3_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context"
NO_PROOF = (
    "it carries no proof: an Open Badges 3.0 credential is signed, as a JWT or with an embedded proof, and "
    "anyone could have written this one"
)
CHANGED = "the signature does not match: the badge was changed after it was signed, or signed by another key"


def passed(name: str, detail: str) -> Check:
    return Check(name, Outcome.PASSED, detail)


def failed(name: str, detail: str) -> Check:
    return Check(name, Outcome.FAILED, detail)


def offline(name: str, detail: str) -> Check:
    return Check(name, Outcome.OFFLINE, f"needs {detail}")


def verify(parsed: Parsed, today: date, extra_contexts: Mapping[str, Any] | None = None) -> Verification:
    """Every check of one award, in order (after a structure that fails, none other is made)."""
    found = [structure(parsed)]
    if found[0].outcome is not Outcome.FAILED:
        if parsed.format is BadgeFormat.OB2_HOSTED:
            found.append(_hosted(parsed.document))
        elif parsed.format is BadgeFormat.OB2_SIGNED:
            found += _signed_assertion(parsed)
        elif parsed.format is BadgeFormat.OB3_JWT:
            found += _vc_jwt(parsed)
        elif parsed.format is BadgeFormat.OB3_DATA_INTEGRITY:
            found += _data_integrity(parsed.document, today, extra_contexts)
        else:
            found.append(failed(PROOF, NO_PROOF))
        found.append(validity(parsed, today))
        found.append(revocation(parsed))
    return Verification(parsed.format, tuple(found))


# --- 1. structure -------------------------------------------------------------------------------------


def structure(parsed: Parsed) -> Check:
    doc = parsed.document
    problems = _ob3_problems(doc) if parsed.format.value.startswith("ob3") else _ob2_problems(parsed)
    if problems:
        return failed(STRUCTURE, "; ".join(problems))
    kind = " and ".join(sorted(types(doc) & {"OpenBadgeCredential", "AchievementCredential", "Assertion"}))
    issuer = issuer_id(doc) if parsed.format.value.startswith("ob3") else ident(doc.get("badge"))
    said = f"issued by {issuer}" if parsed.format.value.startswith("ob3") else f"of the badge {issuer}"
    return passed(STRUCTURE, f"an Open Badges {kind} {said}")


def _ob3_problems(doc: Mapping[str, Any]) -> list[str]:
    problems = []
    contexts = many(doc.get("@context"))
    if not contexts or contexts[0] not in (CREDENTIALS_V2, CREDENTIALS_V1):
        problems.append(f"its first @context is not {CREDENTIALS_V2} (nor the 1.1 {CREDENTIALS_V1})")
    if not any(isinstance(c, str) and c.startswith(OB3_CONTEXT) for c in contexts):
        problems.append("its @context does not name the Open Badges 3.0 context")
    if "VerifiableCredential" not in types(doc):
        problems.append("its type does not include VerifiableCredential")
    if not issuer_id(doc):
        problems.append("it names no issuer id")
    subject = [s for s in subjects(doc) if isinstance(s, dict) and s.get("achievement")]
    if not subject:
        problems.append("its credentialSubject names no achievement")
    v2 = bool(contexts) and contexts[0] == CREDENTIALS_V2
    start = "validFrom" if v2 else "issuanceDate"
    if start not in doc:
        problems.append(f"it has no {start}")
    for key in ("validFrom", "validUntil", "issuanceDate", "expirationDate"):
        if key in doc and moment(doc[key]) is None:
            problems.append(f"its {key} {_shown(doc[key])} is not a date and time")
    return problems


def _ob2_problems(parsed: Parsed) -> list[str]:
    doc, problems = parsed.document, []
    recipient = doc.get("recipient")
    if not isinstance(recipient, dict) or not text(recipient.get("identity")):
        problems.append("it names no recipient identity")
    if not ident(doc.get("badge")):
        problems.append("it names no badge")
    if moment(doc.get("issuedOn")) is None:
        problems.append("its issuedOn is missing or not a date and time")
    if "expires" in doc and moment(doc["expires"]) is None:
        problems.append(f"its expires {_shown(doc['expires'])} is not a date and time")
    if parsed.format is BadgeFormat.OB2_HOSTED and not is_url(ident(doc)):
        problems.append("a hosted assertion's id is the URL it is published at, and this id is not a URL")
    return problems


def _shown(value: Any) -> str:
    return repr(value) if isinstance(value, str) else f"({type(value).__name__})"


_MOMENT = re.compile(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?")


def moment(value: Any) -> datetime | None:
    """An ISO 8601 date-time (or date) as UTC; a number is a Unix time (a JWT's nbf and exp)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value, tz=timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not _MOMENT.fullmatch(value.strip()):
        return None
    try:
        found = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return found.replace(tzinfo=timezone.utc) if found.tzinfo is None else found.astimezone(timezone.utc)


# --- 2, 3, 4. proofs and keys -----------------------------------------------------------------------


def _hosted(doc: Mapping[str, Any]) -> Check:
    url = ident(doc)
    return offline(PROOF, f"the hosted assertion at {url}: a hosted badge is verified by fetching it from "
                   "its issuer's site and comparing it with this file")  # fmt: skip


def _crypto_missing() -> bool:
    try:
        import cryptography  # noqa: F401
    except ImportError:
        return True
    return False


def _signed_assertion(parsed: Parsed) -> list[Check]:
    doc, token = parsed.document, parsed.jws
    said = doc.get("verification")
    creator = (
        text(said.get("creator") if isinstance(said, dict) else None)
        or "the key named by the issuer's profile"
    )
    issuer = _ob2_issuer(doc)
    owner = offline(CONTROLLER, f"the issuer's profile ({issuer}), which says which keys are its own")
    if token is None:
        return [failed(PROOF, "this is the JSON of a signed assertion without its signature: give the "
                       "signed form (the JWS) the issuer sent")]  # fmt: skip
    problem = jose.header_problem(token)
    if problem:
        return [failed(PROOF, problem), owner]
    if _crypto_missing():
        return [offline(PROOF, MISSING), owner]
    if "jwk" not in token.header:
        return [offline(PROOF, f"the issuer's public key, published at {creator}"), owner]
    try:
        key = from_jwk(token.header["jwk"])
        good = jose.verify(token, key)
    except (KeyProblem, jose.JwsProblem) as exc:
        return [failed(PROOF, str(exc)), owner]
    if not good:
        return [failed(PROOF, CHANGED), owner]
    return [passed(PROOF, f"{token.alg} signature by the key in its header"), owner]


def _ob2_issuer(doc: Mapping[str, Any]) -> str:
    badge = doc.get("badge")
    issuer = badge.get("issuer") if isinstance(badge, dict) else None
    return ident(issuer) or "named by its BadgeClass"


def _vc_jwt(parsed: Parsed) -> list[Check]:
    token, doc = parsed.jws, parsed.document
    assert token is not None
    issuer = issuer_id(doc) or "?"
    checks: list[Check] = []
    key, proof = _jwt_key(token, issuer)
    checks.append(proof)
    checks.append(_controller_of(key, issuer) if key else _unknown_controller(proof, issuer))
    checks.append(_claims(parsed.claims or {}, doc))
    return checks


def _jwt_key(token: jose.Jws, issuer: str) -> tuple[PublicKey | None, Check]:
    """The key that signed a VC-JWT (from its `kid`, when that is a did:key or did:jwk, else its `jwk`), and
    the proof check."""
    problem = jose.header_problem(token)
    if problem:
        return None, failed(PROOF, problem)
    if _crypto_missing():
        return None, offline(PROOF, MISSING)
    kid, jwk = token.header.get("kid"), token.header.get("jwk")
    try:
        key = offline_key(kid) if isinstance(kid, str) else None
        if jwk is not None:
            own = from_jwk(jwk)
            if key is not None and not key.same_key(own):
                return None, failed(PROOF, f"the header's jwk is not the key its kid ({kid}) names")
            key = key or own
    except KeyProblem as exc:
        return None, failed(PROOF, str(exc))
    if key is None:
        where = (
            f"the key {kid}, which is published on the web"
            if isinstance(kid, str)
            else (f"the issuer's published keys (the header names no key; the issuer is {issuer})")
        )
        return None, offline(PROOF, where)
    try:
        good = jose.verify(token, key)
    except jose.JwsProblem as exc:
        return None, failed(PROOF, str(exc))
    if not good:
        return None, failed(PROOF, CHANGED)
    by = key.controller or "the key in its header"
    return key, passed(PROOF, f"{token.alg} signature by {by}")


def _controller_of(key: PublicKey, issuer: str) -> Check:
    if key.controller is None:  # a bare JWK: it is the issuer's only if the issuer's DID is that key
        try:
            own = offline_key(issuer) if issuer.startswith("did:") else None
        except KeyProblem as exc:
            return failed(CONTROLLER, f"the issuer {issuer}: {exc}")
        if own is None:
            return offline(CONTROLLER, f"the issuer's published keys ({issuer}): the key in the header "
                           "says nothing of whose it is")  # fmt: skip
        if own.same_key(key):
            return passed(CONTROLLER, f"the key is the issuer's own ({issuer})")
        return failed(CONTROLLER, f"the key in the header is not the issuer's ({issuer})")
    if key.controller == issuer:
        return passed(CONTROLLER, f"the key is controlled by the issuer, {issuer}")
    return failed(CONTROLLER, f"the key is controlled by {key.controller}, not by the issuer {issuer}")


def _unknown_controller(proof: Check, issuer: str) -> Check:
    if proof.outcome is Outcome.OFFLINE:
        return Check(CONTROLLER, Outcome.OFFLINE, proof.detail)
    return offline(CONTROLLER, f"a key whose signature holds, to know if the issuer ({issuer}) controls it")


def _claims(claims: Mapping[str, Any], doc: Mapping[str, Any]) -> Check:
    wrong, compared = [], []
    pairs = [("iss", issuer_id(doc)), ("jti", ident(doc))]
    ids = [ident(s) for s in subjects(doc)]
    if len(ids) == 1:
        pairs.append(("sub", ids[0]))
    for claim, value in pairs:
        if claim in claims and value is not None:
            compared.append(claim)
            if claims[claim] != value:
                wrong.append(f"{claim} {_shown(claims[claim])} is not the credential's {value!r}")
    if wrong:
        return failed(CLAIMS, "; ".join(wrong))
    if not compared:
        return passed(CLAIMS, "none of iss, jti and sub is stated apart from the credential")
    return passed(CLAIMS, f"{', '.join(compared)} agree with the credential")


def _data_integrity(doc: Mapping[str, Any], today: date, extra: Mapping[str, Any] | None) -> list[Check]:
    issuer = issuer_id(doc) or "?"
    proofs = many(doc.get("proof"))
    results: list[tuple[Check, PublicKey | None]] = [_one_proof(doc, p, today, extra) for p in proofs]
    for check, _ in results:
        if check.outcome is Outcome.FAILED:
            return [check, _controllers(results, issuer)]
    for check, _ in results:
        if check.outcome is Outcome.OFFLINE:
            return [check, _controllers(results, issuer)]
    details = "; ".join(check.detail for check, _ in results)
    return [passed(PROOF, details), _controllers(results, issuer)]


def _one_proof(
    doc: Mapping[str, Any], proof: Any, today: date, extra: Mapping[str, Any] | None
) -> tuple[Check, PublicKey | None]:
    if not isinstance(proof, dict):
        return failed(PROOF, "a proof is a JSON object"), None
    suite = suite_of(proof)
    method = ident(proof.get("verificationMethod"))
    if proof.get("proofPurpose") != "assertionMethod":
        purpose = _shown(proof.get("proofPurpose"))
        return failed(PROOF, f"its proofPurpose is {purpose}, not assertionMethod"), None
    if not method:
        return failed(PROOF, "its proof names no verificationMethod"), None
    ends = moment(proof["expires"]) if "expires" in proof else None
    if ends is not None and ends.date() < today:
        return failed(PROOF, f"the proof expired on {ends.date()}"), None
    if _crypto_missing():
        return offline(PROOF, MISSING), None
    try:
        key = offline_key(method)
    except KeyProblem as exc:
        return failed(PROOF, str(exc)), None
    if key is None:
        return offline(PROOF, f"the key {method}, which is published on the web"), None
    try:
        good = verify_proof(doc, proof, key, extra)
    except Unchecked as exc:
        return offline(PROOF, str(exc)), key
    except Broken as exc:
        return failed(PROOF, str(exc)), key
    if not good:
        return failed(PROOF, CHANGED), key
    return passed(PROOF, f"{suite} signature by {did_of(method)}"), key


def _controllers(results: list[tuple[Check, PublicKey | None]], issuer: str) -> Check:
    keys = [key for check, key in results if key is not None and check.outcome is Outcome.PASSED]
    if not keys:
        first = results[0][0] if results else failed(PROOF, "no proof")
        return _unknown_controller(first, issuer)
    for key in keys:
        found = _controller_of(key, issuer)
        if found.outcome is not Outcome.PASSED:
            return found
    return _controller_of(keys[0], issuer)


# --- 5. validity ------------------------------------------------------------------------------------


def validity(parsed: Parsed, today: date) -> Check:
    doc, claims = parsed.document, parsed.claims or {}
    if parsed.format.value.startswith("ob3"):
        starts = [moment(doc.get(k)) for k in ("validFrom", "issuanceDate") if k in doc]
        ends = [moment(doc.get(k)) for k in ("validUntil", "expirationDate") if k in doc]
    else:
        starts, ends = [moment(doc.get("issuedOn"))], [moment(doc.get("expires"))] if "expires" in doc else []
    starts += [moment(claims["nbf"])] if "nbf" in claims else []
    ends += [moment(claims["exp"])] if "exp" in claims else []
    start = max((s.date() for s in starts if s is not None), default=None)
    end = min((e.date() for e in ends if e is not None), default=None)
    if start is not None and start > today:
        return failed(VALIDITY, f"not valid before {start}")
    if end is not None and end < today:
        return failed(VALIDITY, f"expired on {end}")
    since = f"valid from {start}" if start else "valid"
    return passed(VALIDITY, f"{since} until {end}" if end else f"{since}, with no end")


# --- 6. revocation ----------------------------------------------------------------------------------


def revocation(parsed: Parsed) -> Check:
    doc = parsed.document
    if parsed.format.value.startswith("ob2"):
        if doc.get("revoked") is True:
            why = text(doc.get("revocationReason"))
            return failed(REVOCATION, "it is marked revoked" + (f": {why}" if why else ""))
        if parsed.format is BadgeFormat.OB2_HOSTED:
            return offline(REVOCATION, f"the hosted assertion at {ident(doc)}, which says if it is revoked")
        return offline(REVOCATION, "the revocation list the issuer's profile names")
    statuses = [s for s in many(doc.get("credentialStatus")) if isinstance(s, dict)]
    if not statuses:
        return passed(REVOCATION, "it names no status list: nothing to check")
    said = ", ".join(
        f"{text(s.get('type')) or 'a status'} at {text(s.get('statusListCredential')) or ident(s) or '?'}"
        for s in statuses
    )
    return offline(REVOCATION, f"its status list ({said}), which is on the web")
