"""JWS compact serialization (RFC 7515), as VC-JWT credentials and Open Badges 2.0 signed assertions are
written: `header.payload.signature`, each part unpadded base64url.

Only asymmetric algorithms are accepted (EdDSA, ES256, ES384, RS256, PS256), each with the one kind of key
it is defined for: `none`, HMAC and an algorithm that does not fit the key are refused, as is any header
parameter listed in `crit` (this reader implements none) and an unencoded payload (`b64: false`).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from skillgap.verify.keys import KeyProblem, PublicKey, base64url_decode

COMPACT = re.compile(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*")
KEY_KINDS = {"EdDSA": "Ed25519", "Ed25519": "Ed25519", "ES256": "P-256", "ES384": "P-384",
             "RS256": "RSA", "PS256": "RSA"}  # fmt: skip


class JwsProblem(ValueError):
    """A JWS that cannot be read or checked, and why."""


@dataclass(frozen=True)
class Jws:
    header: dict[str, Any]
    payload: bytes
    signing_input: bytes  # what was signed: the first two parts, as written
    signature: bytes

    @property
    def alg(self) -> str:
        return str(self.header.get("alg"))


def looks_compact(text: str) -> bool:
    return COMPACT.fullmatch(text.strip()) is not None


def parse(text: str) -> Jws:
    """A compact JWS, its header read as a JSON object (the payload stays bytes)."""
    text = text.strip()
    if not looks_compact(text):
        raise JwsProblem("not a JWS in compact form (three base64url parts joined by dots)")
    head, body, signature = text.split(".")
    try:
        header = json.loads(base64url_decode(head))
        payload, sig = base64url_decode(body), base64url_decode(signature)
    except (KeyProblem, ValueError):
        raise JwsProblem("its header is not base64url-encoded JSON") from None
    if not isinstance(header, dict):
        raise JwsProblem("its header is not a JSON object")
    return Jws(header, payload, f"{head}.{body}".encode("ascii"), sig)


def payload_json(jws: Jws) -> Any:
    try:
        return json.loads(jws.payload.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise JwsProblem("its payload is not JSON") from None


def header_problem(jws: Jws) -> str | None:
    """What in the header stops the signature from being checked, or None."""
    alg = jws.header.get("alg")
    if alg not in KEY_KINDS:
        said = "no alg" if alg is None else f"alg {alg!r}"
        return f"{said}: only {', '.join(KEY_KINDS)} are accepted"
    if jws.header.get("b64") is False:
        return "an unencoded payload (b64: false) is not accepted"
    if "crit" in jws.header:
        return f"it requires header parameters this reader does not implement (crit: {jws.header['crit']})"
    return None


def verify(jws: Jws, key: PublicKey) -> bool:
    """Whether the signature is the header's algorithm's signature of the signing input under KEY; a key of
    the wrong kind for the algorithm is a JwsProblem."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

    problem = header_problem(jws)
    if problem:
        raise JwsProblem(problem)
    if KEY_KINDS[jws.alg] != key.kind:
        raise JwsProblem(f"alg {jws.alg} needs a {KEY_KINDS[jws.alg]} key, and the key is {key.kind}")
    data, signature = jws.signing_input, jws.signature
    try:
        if key.kind == "Ed25519":
            key.key.verify(signature, data)
        elif key.kind in ("P-256", "P-384"):
            size = 32 if key.kind == "P-256" else 48
            if len(signature) != 2 * size:
                return False
            r, s = int.from_bytes(signature[:size], "big"), int.from_bytes(signature[size:], "big")
            digest = hashes.SHA256() if key.kind == "P-256" else hashes.SHA384()
            key.key.verify(encode_dss_signature(r, s), data, ec.ECDSA(digest))
        elif jws.alg == "RS256":
            key.key.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
        else:
            pss = padding.PSS(mgf=padding.MGF1(hashes.SHA256()), salt_length=32)
            key.key.verify(signature, data, pss, hashes.SHA256())
    except InvalidSignature:
        return False
    return True
