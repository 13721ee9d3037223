"""Public keys from what a badge names, and never from the network: a JWK written in a JWS header, or a
`did:key` / `did:jwk` identifier, whose text is the key itself. Any other key (a `did:web`, a key URL) is
published on the web: `offline_key` returns None for it, and the caller says what it would need.

Keys are Ed25519, ECDSA on P-256 or P-384, or RSA of at least 2,048 bits; anything else is refused with a
reason (`KeyProblem`).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

# multicodec prefixes (unsigned varints) of the public keys a did:key may hold
_ED25519 = b"\xed\x01"
_P256 = b"\x80\x24"
_P384 = b"\x81\x24"
_CURVES = {"P-256": (_P256, 33), "P-384": (_P384, 49)}  # the curve, its prefix, its compressed point's size
_BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_BASE58_INDEX = {char: value for value, char in enumerate(_BASE58)}
_BASE64URL = re.compile(r"[A-Za-z0-9_-]*")
MIN_RSA_BITS = 2048


class KeyProblem(ValueError):
    """A key that cannot be used, and why."""


@dataclass(frozen=True)
class PublicKey:
    """A public key, what kind it is, and the DID that controls it (None for a bare JWK: nothing in a JWK
    says whose it is)."""

    key: Any  # a `cryptography` public key
    kind: str  # "Ed25519", "P-256", "P-384" or "RSA"
    controller: str | None = None

    def same_key(self, other: PublicKey) -> bool:
        return self.kind == other.kind and _public_bytes(self.key) == _public_bytes(other.key)


def base58_decode(text: str) -> bytes:
    """Bitcoin's base58 alphabet, as multibase's `z` prefix uses it."""
    value = 0
    for char in text:
        digit = _BASE58_INDEX.get(char)
        if digit is None:
            raise KeyProblem(f"{char!r} is not a base58 character")
        value = value * 58 + digit
    body = value.to_bytes((value.bit_length() + 7) // 8, "big") if value else b""
    zeros = len(text) - len(text.lstrip("1"))
    return b"\x00" * zeros + body


def base64url_decode(text: str) -> bytes:
    """Unpadded base64url (RFC 7515), strictly: any other character, or a stray padding, is refused."""
    if not isinstance(text, str) or not _BASE64URL.fullmatch(text) or len(text) % 4 == 1:
        raise KeyProblem("not unpadded base64url")
    try:
        return base64.b64decode(text + "=" * (-len(text) % 4), altchars=b"-_", validate=True)
    except (binascii.Error, ValueError):
        raise KeyProblem("not unpadded base64url") from None


def multibase_decode(text: str) -> bytes:
    """A multibase value in base58btc (`z...`, what Data Integrity proofs and did:key use) or base64url
    (`u...`)."""
    if not isinstance(text, str) or len(text) < 2:
        raise KeyProblem("not a multibase value")
    if text[0] == "z":
        return base58_decode(text[1:])
    if text[0] == "u":
        return base64url_decode(text[1:])
    raise KeyProblem(f"multibase prefix {text[0]!r} is not base58btc (z) or base64url (u)")


def from_jwk(jwk: Any, controller: str | None = None) -> PublicKey:
    """The public key a JWK states (its private part, if any, is ignored)."""
    if not isinstance(jwk, Mapping):
        raise KeyProblem("a JWK is a JSON object")
    kty, crv = jwk.get("kty"), jwk.get("crv")
    try:
        if kty == "OKP" and crv == "Ed25519":
            from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

            raw = base64url_decode(_member(jwk, "x"))
            if len(raw) != 32:
                raise KeyProblem("an Ed25519 key is 32 bytes")
            return PublicKey(Ed25519PublicKey.from_public_bytes(raw), "Ed25519", controller)
        if kty == "EC" and crv in _CURVES:
            from cryptography.hazmat.primitives.asymmetric import ec

            size = _CURVES[crv][1] - 1
            x, y = (base64url_decode(_member(jwk, name)) for name in ("x", "y"))
            if len(x) != size or len(y) != size:
                raise KeyProblem(f"a {crv} key's x and y are {size} bytes each")
            curve = ec.SECP256R1() if crv == "P-256" else ec.SECP384R1()
            numbers = ec.EllipticCurvePublicNumbers(int.from_bytes(x, "big"), int.from_bytes(y, "big"), curve)
            return PublicKey(numbers.public_key(), crv, controller)
        if kty == "RSA":
            from cryptography.hazmat.primitives.asymmetric import rsa

            n, e = (int.from_bytes(base64url_decode(_member(jwk, name)), "big") for name in ("n", "e"))
            if n.bit_length() < MIN_RSA_BITS:
                bits = n.bit_length()
                raise KeyProblem(f"an RSA key of {bits} bits is too short (at least {MIN_RSA_BITS})")
            return PublicKey(rsa.RSAPublicNumbers(e, n).public_key(), "RSA", controller)
    except ValueError as exc:  # a point not on the curve, an RSA exponent that cannot be
        if isinstance(exc, KeyProblem):
            raise
        raise KeyProblem(f"not a usable key: {exc}") from None
    raise KeyProblem(f"a {kty or '?'} key{f' on {crv}' if crv else ''} is not Ed25519, P-256, P-384 or RSA")


def _member(jwk: Mapping[str, Any], name: str) -> str:
    value = jwk.get(name)
    if not isinstance(value, str):
        raise KeyProblem(f"the JWK has no {name!r}")
    return value


def did_of(url: str) -> str:
    """The DID a DID URL names (`did:key:z6Mk...#z6Mk...` -> `did:key:z6Mk...`)."""
    return url.split("#", 1)[0].split("?", 1)[0]


def offline_key(url: str) -> PublicKey | None:
    """The key a `did:key` or `did:jwk` URL (or DID) names, its controller the DID; None for anything else,
    which only the network could answer. A did:key URL's fragment, when given, must be the key itself."""
    did = did_of(url)
    fragment = url[len(did) + 1 :] if url.startswith(did + "#") else None
    if did.startswith("did:key:"):
        found = did_key(did)
        if fragment is not None and fragment != did[len("did:key:") :]:
            raise KeyProblem(f"{url} names a key that {did} does not hold")
        return found
    if did.startswith("did:jwk:"):
        if fragment not in (None, "0"):
            raise KeyProblem(f"{url}: a did:jwk holds one key, #0")
        try:
            jwk = json.loads(base64url_decode(did[len("did:jwk:") :]))
        except (KeyProblem, ValueError):
            raise KeyProblem(f"{did} does not hold a JWK") from None
        return from_jwk(jwk, did)
    return None


def did_key(did: str) -> PublicKey:
    """The key of a `did:key` DID: multibase base58btc of a multicodec-prefixed public key."""
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    encoded = did[len("did:key:") :]
    if not encoded.startswith("z"):
        raise KeyProblem(f"{did}: a did:key is base58btc (it starts with z)")
    raw = multibase_decode(encoded)
    try:
        if raw.startswith(_ED25519) and len(raw) == 34:
            return PublicKey(Ed25519PublicKey.from_public_bytes(raw[2:]), "Ed25519", did)
        for crv, (prefix, size) in _CURVES.items():
            if raw.startswith(prefix) and len(raw) == size + 2:
                curve = ec.SECP256R1() if crv == "P-256" else ec.SECP384R1()
                return PublicKey(ec.EllipticCurvePublicKey.from_encoded_point(curve, raw[2:]), crv, did)
    except ValueError:
        raise KeyProblem(f"{did} holds a point that is not on its curve") from None
    raise KeyProblem(f"{did} holds no Ed25519, P-256 or P-384 key")


def _public_bytes(key: Any) -> bytes:
    from cryptography.hazmat.primitives import serialization

    return bytes(
        key.public_bytes(serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo)
    )
