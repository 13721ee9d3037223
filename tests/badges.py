"""Badges signed in the tests, with keys made here: Open Badges 3.0 credentials with a Data Integrity proof
(eddsa-rdfc-2022), VC-JWTs (EdDSA, ES256, RS256) and Open Badges 2.0 signed assertions.

Run as `python -m tests.badges FILE...` to sign example badge files again with a new key (each becomes
issued by a new did:key; the private key is not kept): the examples' badges are made that way.
"""

from __future__ import annotations

import base64
import copy
import json
import sys
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature

V2 = "https://www.w3.org/ns/credentials/v2"
OB3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def base58(data: bytes) -> str:
    value = int.from_bytes(data, "big")
    out = ""
    while value:
        value, digit = divmod(value, 58)
        out = ALPHABET[digit] + out
    return "1" * (len(data) - len(data.lstrip(b"\0"))) + out


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


class Ed25519:
    """An Ed25519 key made for one test, and its did:key."""

    def __init__(self) -> None:
        self.private = Ed25519PrivateKey.generate()
        raw = self.private.public_key().public_bytes(
            serialization.Encoding.Raw, serialization.PublicFormat.Raw
        )
        self.raw = raw
        self.did = "did:key:z" + base58(b"\xed\x01" + raw)
        self.method = f"{self.did}#{self.did[len('did:key:') :]}"
        self.jwk = {"kty": "OKP", "crv": "Ed25519", "x": b64url(raw)}

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data)


class P256:
    def __init__(self) -> None:
        self.private = ec.generate_private_key(ec.SECP256R1())
        point = self.private.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.CompressedPoint
        )
        self.did = "did:key:z" + base58(b"\x80\x24" + point)
        self.method = f"{self.did}#{self.did[len('did:key:') :]}"
        numbers = self.private.public_key().public_numbers()
        self.jwk = {"kty": "EC", "crv": "P-256", "x": b64url(numbers.x.to_bytes(32, "big")),
                    "y": b64url(numbers.y.to_bytes(32, "big"))}  # fmt: skip

    def sign(self, data: bytes) -> bytes:
        r, s = decode_dss_signature(self.private.sign(data, ec.ECDSA(hashes.SHA256())))
        return r.to_bytes(32, "big") + s.to_bytes(32, "big")


class Rsa:
    def __init__(self) -> None:
        self.private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        numbers = self.private.public_key().public_numbers()
        self.jwk = {"kty": "RSA", "n": b64url(numbers.n.to_bytes(256, "big")), "e": b64url(b"\x01\x00\x01")}

    def sign(self, data: bytes) -> bytes:
        return self.private.sign(data, padding.PKCS1v15(), hashes.SHA256())


def credential(issuer: str, **changes: Any) -> dict[str, Any]:
    """An Open Badges 3.0 credential awarding "Data Analysis with SQL" (SQL at an achieved level, data
    visualisation), issued by ISSUER; CHANGES replace top-level members (None removes one)."""
    doc: dict[str, Any] = {
        "@context": [V2, OB3],
        "id": "urn:uuid:0b0d4f3e-5a32-4d38-9f0e-3c1e8e5b7a10",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": "Data Analysis with SQL, awarded to Ann",
        "issuer": {"id": issuer, "type": ["Profile"], "name": "Example Data School"},
        "validFrom": "2025-06-01T09:00:00Z",
        "credentialSubject": {
            "id": "mailto:ann@example.com",
            "type": ["AchievementSubject"],
            "achievement": {
                "id": "https://school.example.org/achievements/sql",
                "type": ["Achievement"],
                "name": "Data Analysis with SQL",
                "description": "Querying and charting data.",
                "criteria": {"narrative": "Pass the practical exam."},
                "alignment": [
                    {
                        "type": ["Alignment"],
                        "targetName": "SQL",
                        "targetUrl": "https://skills.example.org/sql",
                    },
                    {"type": ["Alignment"], "targetName": "data visualisation"},
                ],
            },
        },
    }
    for key, value in changes.items():
        if value is None:
            doc.pop(key, None)
        else:
            doc[key] = value
    return doc


def with_proof(
    doc: dict[str, Any], key: Ed25519, method: str | None = None, suite: str = "eddsa-rdfc-2022"
) -> dict[str, Any]:
    """DOC with a Data Integrity proof by KEY (its verificationMethod METHOD, by default the did:key's)."""
    from skillgap.verify.integrity import signed_data

    proof: dict[str, Any] = {
        "type": "DataIntegrityProof",
        "cryptosuite": suite,
        "created": "2025-06-01T09:00:00Z",
        "verificationMethod": method or key.method,
        "proofPurpose": "assertionMethod",
    }
    if suite == "Ed25519Signature2020":
        proof = {k: v for k, v in proof.items() if k != "cryptosuite"} | {"type": "Ed25519Signature2020"}
    unsigned = {k: v for k, v in doc.items() if k != "proof"}
    signature = key.sign(signed_data(unsigned, proof))
    return {**copy.deepcopy(unsigned), "proof": {**proof, "proofValue": "z" + base58(signature)}}


def jws(payload: Any, key: Any, alg: str, **header: Any) -> str:
    """A compact JWS of PAYLOAD (JSON, or bytes as they are) signed by KEY."""
    head = b64url(json.dumps({"alg": alg, **header}).encode())
    body = b64url(payload if isinstance(payload, bytes) else json.dumps(payload).encode())
    signature = key.sign(f"{head}.{body}".encode())
    return f"{head}.{body}.{b64url(signature)}"


def vc_jwt(doc: dict[str, Any], key: Any, alg: str, **header: Any) -> str:
    """DOC as a VC-JWT (in the `vc` claim, with iss, jti and sub as Open Badges 3.0 writes them)."""
    claims = {"vc": doc, "iss": doc["issuer"]["id"], "jti": doc["id"], "sub": doc["credentialSubject"]["id"],
              "nbf": 1748768400}  # fmt: skip
    return jws(claims, key, alg, **header)


def assertion(**changes: Any) -> dict[str, Any]:
    """An Open Badges 2.0 signed Assertion (its BadgeClass and issuer embedded)."""
    doc: dict[str, Any] = {
        "@context": "https://w3id.org/openbadges/v2",
        "type": "Assertion",
        "id": "urn:uuid:a3f1e2c4-1111-4e5b-8c9d-0a1b2c3d4e5f",
        "recipient": {"type": "email", "hashed": False, "identity": "ann@example.com"},
        "issuedOn": "2024-03-01T12:00:00Z",
        "verification": {"type": "SignedBadge", "creator": "https://school.example.org/keys/1"},
        "badge": {
            "type": "BadgeClass",
            "id": "https://school.example.org/badges/sql",
            "name": "SQL Basics",
            "description": "Basic queries.",
            "criteria": {"narrative": "Pass the quiz."},
            "issuer": {
                "type": "Profile",
                "id": "https://school.example.org/issuer",
                "name": "Example Data School",
            },
            "alignment": [{"targetName": "SQL", "targetUrl": "https://skills.example.org/sql"}],
        },
    }
    doc.update(changes)
    return doc


def sign_example(path: Path) -> None:
    """Sign an example badge again: issued by a new did:key, with a new eddsa-rdfc-2022 proof."""
    doc = json.loads(path.read_text(encoding="utf-8"))
    key = Ed25519()
    doc.pop("proof", None)
    issuer = doc["issuer"] if isinstance(doc["issuer"], dict) else {"id": doc["issuer"]}
    doc["issuer"] = {**issuer, "id": key.did}
    path.write_text(json.dumps(with_proof(doc, key), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    for name in sys.argv[1:]:
        sign_example(Path(name))
        print(f"signed {name}")
