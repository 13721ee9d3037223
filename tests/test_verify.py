"""Offline verification of earned badges: the project's own signed fixtures (keys made here) and the W3C
Data Integrity EdDSA test vectors, each with the checks a verifier makes and the verdict they give."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("cryptography")
pytest.importorskip("pyld")

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from skillgap.verification import BadgeFormat, Outcome, Verdict, Verification  # noqa: E402
from skillgap.verify import checks, formats, integrity, keys  # noqa: E402
from tests import badges  # noqa: E402
from tests.hypothesis_profiles import examples  # noqa: E402

TODAY = date(2026, 1, 15)
VECTORS = Path(__file__).parent / "data" / "vectors"
EXAMPLES_CONTEXT = {
    "https://www.w3.org/ns/credentials/examples/v2": json.loads(
        (VECTORS / "credentials-examples-v2.jsonld").read_text(encoding="utf-8")
    )
}


def verified(content: Any, today: date = TODAY) -> Verification:
    text = content if isinstance(content, str) else json.dumps(content)
    (parsed,) = formats.parse_text(text, "badge.json")
    return checks.verify(parsed, today)


def outcomes(found: Verification) -> dict[str, Outcome]:
    return {check.name: check.outcome for check in found.checks}


def detail(found: Verification, name: str) -> str:
    return next(check.detail for check in found.checks if check.name == name)


@pytest.fixture(scope="module")
def key() -> badges.Ed25519:
    return badges.Ed25519()


@pytest.fixture(scope="module")
def good(key: badges.Ed25519) -> dict[str, Any]:
    return badges.with_proof(badges.credential(key.did), key)


# --- Open Badges 3.0 with a Data Integrity proof -------------------------------------------------------


def test_a_credential_signed_by_its_issuers_did_key_is_verified(good: dict[str, Any]) -> None:
    found = verified(good)
    assert found.format is BadgeFormat.OB3_DATA_INTEGRITY
    assert [c.name for c in found.checks] == [
        "structure",
        "proof",
        "key controller",
        "validity",
        "revocation",
    ]
    assert set(outcomes(found).values()) == {Outcome.PASSED}
    assert found.verdict is Verdict.VERIFIED and found.reason == ""


@pytest.mark.parametrize(
    "tamper",
    [
        lambda d: d["credentialSubject"]["achievement"].update(name="Data Science Mastery"),
        lambda d: d["credentialSubject"]["achievement"]["alignment"].append(
            {"type": ["Alignment"], "targetName": "Kubernetes"}
        ),
        lambda d: d["credentialSubject"].update(id="mailto:mallory@example.com"),
        lambda d: d.update(validFrom="2020-06-01T09:00:00Z"),
        lambda d: d["issuer"].update(name="A Famous University"),
    ],
    ids=["name", "skill-added", "recipient", "date", "issuer-name"],
)
def test_a_credential_changed_after_signing_is_invalid(good: dict[str, Any], tamper: Any) -> None:
    changed = json.loads(json.dumps(good))
    tamper(changed)
    found = verified(changed)
    assert outcomes(found)["proof"] is Outcome.FAILED and found.verdict is Verdict.INVALID
    assert "changed after it was signed" in detail(found, "proof")


def test_a_term_no_context_defines_fails_as_no_signature_covers_it(good: dict[str, Any]) -> None:
    """JSON-LD drops an undefined term from the RDF that is signed, but a JSON reader still reads it."""
    changed = json.loads(json.dumps(good))
    changed["credentialSubject"]["achievement"]["tags"] = ["Kubernetes"]
    found = verified(changed)
    assert outcomes(found)["proof"] is Outcome.FAILED
    assert "do not define" in detail(found, "proof") and "tags" in detail(found, "proof")


@pytest.mark.parametrize(
    "alignment",
    [
        {
            "id": "https://skills.example.org/k8s kubernetes",
            "type": ["Alignment"],
            "targetName": "Kubernetes",
        },
        {"type": ["Alignment", "an alignment"], "targetName": "Kubernetes"},
        {"id": "k8s", "type": ["Alignment"], "targetName": "Kubernetes"},
    ],
    ids=["id-with-a-space", "type-not-an-iri", "relative-id"],
)
def test_what_json_ld_to_rdf_would_leave_out_unsigned_fails(good: dict[str, Any], alignment: Any) -> None:
    """A node whose id or type is not an IRI is left out of the RDF that is signed, and still read as
    JSON: a skill added so after signing would ride on a signature that holds."""
    changed = json.loads(json.dumps(good))
    changed["credentialSubject"]["achievement"]["alignment"].append(alignment)
    found = verified(changed)
    assert outcomes(found)["proof"] is Outcome.FAILED and found.verdict is Verdict.INVALID
    assert "not absolute IRIs" in detail(found, "proof")


def test_an_expired_credential_is_invalid_though_its_proof_holds(key: badges.Ed25519) -> None:
    doc = badges.with_proof(badges.credential(key.did, validUntil="2025-12-31T23:59:59Z"), key)
    found = verified(doc)
    assert outcomes(found)["proof"] is Outcome.PASSED
    assert (
        outcomes(found)["validity"] is Outcome.FAILED and detail(found, "validity") == "expired on 2025-12-31"
    )
    assert found.verdict is Verdict.INVALID
    assert verified(doc, date(2025, 12, 31)).verdict is Verdict.VERIFIED  # valid through its last day


def test_a_credential_not_yet_valid_is_invalid(key: badges.Ed25519) -> None:
    found = verified(badges.with_proof(badges.credential(key.did, validFrom="2026-02-01T00:00:00Z"), key))
    assert detail(found, "validity") == "not valid before 2026-02-01" and found.verdict is Verdict.INVALID


def test_a_key_whose_controller_is_not_the_issuer_makes_it_invalid(key: badges.Ed25519) -> None:
    other = badges.Ed25519()
    for issuer in (other.did, "https://school.example.org/issuer"):
        found = verified(badges.with_proof(badges.credential(issuer), key))
        assert outcomes(found)["proof"] is Outcome.PASSED
        assert outcomes(found)["key controller"] is Outcome.FAILED and found.verdict is Verdict.INVALID
        assert f"controlled by {key.did}, not by the issuer {issuer}" in detail(found, "key controller")


def test_a_did_key_url_naming_another_key_fails(key: badges.Ed25519) -> None:
    other = badges.Ed25519()
    method = f"{key.did}#{other.did[len('did:key:') :]}"
    found = verified(badges.with_proof(badges.credential(key.did), key, method=method))
    assert outcomes(found)["proof"] is Outcome.FAILED and "does not hold" in detail(found, "proof")


def test_a_key_published_on_the_web_is_not_checked_offline(key: badges.Ed25519) -> None:
    for method in ("did:web:school.example.org#key-1", "https://school.example.org/issuer#key-1"):
        doc = badges.with_proof(badges.credential("did:web:school.example.org"), key, method=method)
        found = verified(doc)
        assert outcomes(found)["proof"] is Outcome.OFFLINE and method in detail(found, "proof")
        assert outcomes(found)["key controller"] is Outcome.OFFLINE
        assert found.verdict is Verdict.UNVERIFIABLE


def test_contexts_are_never_fetched(good: dict[str, Any]) -> None:
    """A context skillgap does not ship, or one written inline, leaves the proof unchecked (whatever the
    signature: the issuer could not have signed these, as skillgap cannot read them either)."""
    unknown = "https://contexts.example.org/extra.json"
    for extra, said in [(unknown, unknown), ({"tags": "https://schema.org/keywords"}, "inline")]:
        doc = {**good, "@context": [badges.V2, badges.OB3, extra]}
        found = verified(doc)
        assert outcomes(found)["proof"] is Outcome.OFFLINE and said in detail(found, "proof")
        assert found.verdict is Verdict.UNVERIFIABLE


def test_a_status_list_is_not_checked_offline(key: badges.Ed25519) -> None:
    status = {"id": "https://school.example.org/status/1#94567", "type": "BitstringStatusListEntry",
              "statusPurpose": "revocation", "statusListIndex": "94567",
              "statusListCredential": "https://school.example.org/status/1"}  # fmt: skip
    found = verified(badges.with_proof(badges.credential(key.did, credentialStatus=status), key))
    assert outcomes(found)["revocation"] is Outcome.OFFLINE
    assert "https://school.example.org/status/1" in detail(found, "revocation")
    assert found.verdict is Verdict.UNVERIFIABLE


def test_a_credential_without_a_proof_is_invalid(key: badges.Ed25519) -> None:
    found = verified(badges.credential(key.did))
    assert found.format is BadgeFormat.OB3_NO_PROOF
    assert outcomes(found)["proof"] is Outcome.FAILED and found.verdict is Verdict.INVALID


def test_a_proof_for_another_purpose_or_of_an_unknown_suite(
    key: badges.Ed25519, good: dict[str, Any]
) -> None:
    other = json.loads(json.dumps(good))
    other["proof"]["proofPurpose"] = "authentication"
    assert outcomes(verified(other))["proof"] is Outcome.FAILED
    unknown = json.loads(json.dumps(good))
    unknown["proof"]["cryptosuite"] = "ecdsa-sd-2023"
    found = verified(unknown)
    assert outcomes(found)["proof"] is Outcome.OFFLINE and "ecdsa-sd-2023" in detail(found, "proof")


def test_an_ed25519_signature_2020_proof_is_checked(key: badges.Ed25519) -> None:
    context = [badges.V2, badges.OB3, "https://w3id.org/security/suites/ed25519-2020/v1"]
    doc = badges.with_proof(
        badges.credential(key.did, **{"@context": context}), key, suite="Ed25519Signature2020"
    )
    assert verified(doc).verdict is Verdict.VERIFIED
    doc["name"] = "Changed"
    assert outcomes(verified(doc))["proof"] is Outcome.FAILED


def test_the_structure_is_checked_first(key: badges.Ed25519) -> None:
    doc = badges.credential(key.did, validFrom=None, **{"@context": [badges.V2]})
    doc["issuer"] = {"name": "Nobody"}
    found = verified(doc)
    assert [c.name for c in found.checks] == ["structure"] and found.verdict is Verdict.INVALID
    said = detail(found, "structure")
    assert "Open Badges 3.0 context" in said and "no issuer" in said and "no validFrom" in said


@settings(max_examples=examples(60), deadline=None)
@given(st.data())
def test_no_change_to_a_signed_credential_leaves_it_verified(
    good: dict[str, Any], data: st.DataObject
) -> None:
    """Any one text of the credential changed, by one character or wholly: never verified."""
    texts = list(_texts(good))
    path = data.draw(st.sampled_from(texts))
    changed = json.loads(json.dumps(good))
    node = changed
    for step in path[:-1]:
        node = node[step]
    old = node[path[-1]]
    new = data.draw(st.text(min_size=1, max_size=8).filter(lambda t: t != old))
    node[path[-1]] = new
    awards = formats.parse_text(json.dumps(changed), "badge.json")  # none: its type is no longer an award's
    assert all(checks.verify(p, TODAY).verdict is not Verdict.VERIFIED for p in awards), (path, new)


def _texts(node: Any, path: tuple[Any, ...] = ()) -> Any:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _texts(v, (*path, k))
    elif isinstance(node, list):
        for i, v in enumerate(node):
            yield from _texts(v, (*path, i))
    elif isinstance(node, str) and (path[:1] != ("proof",) or path[-1:] == ("proofValue",)):
        yield path


# --- the W3C Data Integrity EdDSA test vectors ------------------------------------------------------------


def _vector(name: str) -> dict[str, Any]:
    return json.loads((VECTORS / name).read_text(encoding="utf-8"))


def _vector_key() -> keys.PublicKey:
    found = keys.offline_key("did:key:" + _vector("public-key.json")["publicKeyMultibase"])
    assert found is not None
    return found


def test_the_eddsa_rdfc_2022_vector_canonicalizes_to_its_published_hashes() -> None:
    """What is signed is the proof options' hash then the credential's, as the vector publishes them."""
    doc = _vector("eddsa-rdfc-2022-signed.json")
    signed = integrity.signed_data(doc, doc["proof"], EXAMPLES_CONTEXT)
    proof_hash = (VECTORS / "eddsa-rdfc-2022-proof-hash.txt").read_text(encoding="utf-8").strip()
    doc_hash = (VECTORS / "eddsa-rdfc-2022-doc-hash.txt").read_text(encoding="utf-8").strip()
    assert signed.hex() == proof_hash + doc_hash


@pytest.mark.parametrize("name", ["eddsa-rdfc-2022-signed.json", "ed25519-signature-2020-signed.json"])
def test_the_w3c_vectors_proofs_hold_and_fail_once_changed(name: str) -> None:
    doc = _vector(name)
    assert integrity.verify_proof(doc, doc["proof"], _vector_key(), EXAMPLES_CONTEXT)
    changed = {**doc, "credentialSubject": {**doc["credentialSubject"], "alumniOf": "Another School"}}
    assert not integrity.verify_proof(changed, doc["proof"], _vector_key(), EXAMPLES_CONTEXT)


def test_the_w3c_vectors_are_not_checked_without_the_examples_context() -> None:
    """The vectors name the W3C examples context, which skillgap does not ship: never fetched."""
    doc = _vector("eddsa-rdfc-2022-signed.json")
    with pytest.raises(integrity.Unchecked, match="credentials/examples/v2"):
        integrity.verify_proof(doc, doc["proof"], _vector_key())


# --- VC-JWT and Open Badges 2.0 signed assertions (JWS compact) ---------------------------------------


@pytest.mark.parametrize("make", [badges.Ed25519, badges.P256], ids=["EdDSA", "ES256"])
def test_a_vc_jwt_signed_by_its_issuers_did_key_is_verified(make: Any) -> None:
    signer = make()
    alg = "EdDSA" if make is badges.Ed25519 else "ES256"
    token = badges.vc_jwt(badges.credential(signer.did), signer, alg, kid=signer.method)
    found = verified(token)
    assert found.format is BadgeFormat.OB3_JWT
    assert [c.name for c in found.checks] == [
        "structure",
        "proof",
        "key controller",
        "JWT claims",
        "validity",
        "revocation",
    ]
    assert found.verdict is Verdict.VERIFIED, found.reason
    head, body, signature = token.split(".")
    flipped = signature[:-2] + ("A" if signature[-2] != "A" else "B") + signature[-1]
    assert outcomes(verified(f"{head}.{body}.{flipped}"))["proof"] is Outcome.FAILED


def test_a_vc_jwt_whose_payload_was_changed_is_invalid(key: badges.Ed25519) -> None:
    token = badges.vc_jwt(badges.credential(key.did), key, "EdDSA", kid=key.method)
    head, _, signature = token.split(".")
    claims = json.loads(keys.base64url_decode(token.split(".")[1]))
    claims["vc"]["credentialSubject"]["achievement"]["name"] = "Data Science Mastery"
    found = verified(f"{head}.{badges.b64url(json.dumps(claims).encode())}.{signature}")
    assert outcomes(found)["proof"] is Outcome.FAILED and "changed after it was signed" in detail(
        found, "proof"
    )


def test_a_vc_jwt_with_a_bare_jwk_is_the_issuers_only_if_the_issuer_is_that_key() -> None:
    signer = badges.Rsa()
    token = badges.vc_jwt(
        badges.credential("https://school.example.org/issuer"), signer, "RS256", jwk=signer.jwk
    )
    found = verified(token)
    assert outcomes(found)["proof"] is Outcome.PASSED
    assert outcomes(found)["key controller"] is Outcome.OFFLINE and found.verdict is Verdict.UNVERIFIABLE
    ed = badges.Ed25519()
    own = verified(badges.vc_jwt(badges.credential(ed.did), ed, "EdDSA", jwk=ed.jwk))
    assert own.verdict is Verdict.VERIFIED, own.reason
    other = badges.Ed25519()
    theirs = verified(badges.vc_jwt(badges.credential(other.did), ed, "EdDSA", jwk=ed.jwk))
    assert outcomes(theirs)["key controller"] is Outcome.FAILED and theirs.verdict is Verdict.INVALID


def test_a_vc_jwt_header_that_names_two_keys_or_no_real_algorithm_fails(key: badges.Ed25519) -> None:
    other = badges.Ed25519()
    doc = badges.credential(key.did)
    two = verified(badges.vc_jwt(doc, key, "EdDSA", kid=key.method, jwk=other.jwk))
    assert outcomes(two)["proof"] is Outcome.FAILED and "is not the key its kid" in detail(two, "proof")
    for alg in ("none", "HS256"):
        found = verified(badges.vc_jwt(doc, key, alg, kid=key.method))
        assert outcomes(found)["proof"] is Outcome.FAILED and alg in detail(found, "proof")
    mismatch = verified(badges.vc_jwt(doc, key, "ES256", kid=key.method))
    assert outcomes(mismatch)["proof"] is Outcome.FAILED and "needs a P-256 key" in detail(mismatch, "proof")


def test_a_vc_jwt_whose_claims_disagree_with_its_credential_is_invalid(key: badges.Ed25519) -> None:
    doc = badges.credential(key.did)
    claims = {"vc": doc, "iss": key.did, "jti": doc["id"], "sub": "mailto:mallory@example.com"}
    found = verified(badges.jws(claims, key, "EdDSA", kid=key.method))
    assert outcomes(found)["proof"] is Outcome.PASSED
    assert outcomes(found)["JWT claims"] is Outcome.FAILED and "sub" in detail(found, "JWT claims")
    expired = {**claims, "sub": doc["credentialSubject"]["id"], "exp": 1767139200}  # 2025-12-31
    late = verified(badges.jws(expired, key, "EdDSA", kid=key.method))
    assert detail(late, "validity") == "expired on 2025-12-31" and late.verdict is Verdict.INVALID


def test_an_ob2_signed_assertion_has_its_signature_checked_but_its_key_is_the_issuers_profiles() -> None:
    signer = badges.Ed25519()
    token = badges.jws(badges.assertion(), signer, "EdDSA", jwk=signer.jwk)
    found = verified(token)
    assert found.format is BadgeFormat.OB2_SIGNED
    assert outcomes(found)["proof"] is Outcome.PASSED
    assert outcomes(found)["key controller"] is Outcome.OFFLINE and found.verdict is Verdict.UNVERIFIABLE
    revoked = verified(badges.jws(badges.assertion(revoked=True), signer, "EdDSA", jwk=signer.jwk))
    assert outcomes(revoked)["revocation"] is Outcome.FAILED and revoked.verdict is Verdict.INVALID
    head, _, signature = token.split(".")
    changed = badges.b64url(json.dumps(badges.assertion(issuedOn="2020-01-01T00:00:00Z")).encode())
    assert outcomes(verified(f"{head}.{changed}.{signature}"))["proof"] is Outcome.FAILED


def test_a_hosted_ob2_assertion_is_not_checked_offline() -> None:
    hosted = badges.assertion(
        id="https://school.example.org/assertions/1", verification={"type": "HostedBadge"}
    )
    found = verified(hosted)
    assert found.format is BadgeFormat.OB2_HOSTED and found.verdict is Verdict.UNVERIFIABLE
    assert "https://school.example.org/assertions/1" in detail(found, "proof")


_IDS = st.sampled_from(
    [None, "https://skills.example.org/k8s", "k8s", "_:b0", "urn:x:k 8 s", "did:key:", "#k8s", "@id"]
)
_TYPES = st.lists(st.sampled_from(["Alignment", "alignment", "https://x.example/T", "_:t", "a b", "@json"]))


@settings(max_examples=examples(60), deadline=None)
@given(
    identity=_IDS,
    kinds=_TYPES,
    name=st.text(min_size=1, max_size=6),
    where=st.sampled_from(["alignment", "tag"]),
)
def test_a_verified_credential_reads_as_it_was_signed(
    good: dict[str, Any], identity: str | None, kinds: list[str], name: str, where: str
) -> None:
    """Whatever is added after signing (an alignment, a tag), a credential still verified gives the skills
    it was signed with, and no other."""
    changed = json.loads(json.dumps(good))
    achievement = changed["credentialSubject"]["achievement"]
    if where == "alignment":
        added: dict[str, Any] = {"targetName": name, "type": kinds}
        if identity is not None:
            added["id"] = identity
        achievement["alignment"].append(added)
    else:
        achievement["tag"] = [name]
    signed = _skills(good)
    for parsed in formats.parse_text(json.dumps(changed), "badge.json"):
        if checks.verify(parsed, TODAY).verdict is Verdict.VERIFIED:
            assert _skills(parsed.document) == signed, added if where == "alignment" else name


def _skills(doc: dict[str, Any]) -> set[tuple[str, int]]:
    from skillgap.importers.openbadges import read_document

    return {(s.name, s.level) for b in read_document(doc, "badge.json").awards for s in b.credential.skills}
