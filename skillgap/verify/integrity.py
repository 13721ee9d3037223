"""Data Integrity proofs over RDF: `eddsa-rdfc-2022` (a DataIntegrityProof) and `Ed25519Signature2020`.

Both sign the RDF a credential means rather than its JSON text: the credential (without its proof) and
the proof's options are each turned into RDF by a JSON-LD processor (pyld), put in canonical form by RDF
Dataset Canonicalization (RDFC-1.0, formerly URDNA2015), hashed with SHA-256, and the two hashes (the
options' first) are what the Ed25519 key signed.

Two rules keep the signature covering what skillgap reads:
- Contexts are never fetched. Only the contexts shipped in `contexts/` (see its NOTICE.md) are served;
  a credential that names another, or defines terms inline, is not checked (`Unchecked`).
- A term no context defines would be dropped from the RDF, so no signature covers it, while a JSON reader
  still reads it. Such a credential fails (`Broken`), as JSON-LD's "safe mode" requires.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

from skillgap.verify.keys import KeyProblem, PublicKey, multibase_decode

CONTEXT_FOLDER = Path(__file__).with_name("contexts")
CONTEXTS = {
    "https://www.w3.org/ns/credentials/v2": "credentials-v2.jsonld",
    "https://www.w3.org/2018/credentials/v1": "credentials-v1.jsonld",
    "https://w3id.org/security/data-integrity/v2": "data-integrity-v2.jsonld",
    "https://w3id.org/security/data-integrity/v1": "data-integrity-v1.jsonld",
    "https://w3id.org/security/suites/ed25519-2020/v1": "ed25519-signature-2020-v1.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "ob-v3p0-context-3.0.3.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json": "ob-v3p0-context-3.0.2.json",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json": "ob-v3p0-context-3.0.1.json",
}
SUITES = ("eddsa-rdfc-2022", "Ed25519Signature2020")


class Unchecked(Exception):
    """The proof cannot be checked here; the message says what it would need."""


class Broken(Exception):
    """The proof cannot be right; the message says why."""


def suite_of(proof: Mapping[str, Any]) -> str:
    """`eddsa-rdfc-2022`, `Ed25519Signature2020`, or what else the proof names (its cryptosuite, or type)."""
    kind = proof.get("type")
    if kind == "DataIntegrityProof":
        return str(proof.get("cryptosuite"))
    return str(kind)


def verify_proof(
    document: Mapping[str, Any],
    proof: Mapping[str, Any],
    key: PublicKey,
    extra_contexts: Mapping[str, Any] | None = None,
) -> bool:
    """Whether PROOF (one of DOCUMENT's proofs) is KEY's signature of DOCUMENT. EXTRA_CONTEXTS serves more
    contexts by URL (tests use it for the contexts of the W3C test vectors)."""
    suite = suite_of(proof)
    if suite not in SUITES:
        raise Unchecked(f"a {suite} proof, which skillgap cannot check (it checks {' and '.join(SUITES)})")
    if key.kind != "Ed25519":
        raise Broken(f"a {suite} proof is made with an Ed25519 key, and this key is {key.kind}")
    value = proof.get("proofValue")
    try:
        signature = multibase_decode(value) if isinstance(value, str) else b""
    except KeyProblem:
        signature = b""
    if len(signature) != 64:
        raise Broken("its proofValue is not a base58btc Ed25519 signature")
    data = signed_data(document, proof, extra_contexts)
    from cryptography.exceptions import InvalidSignature

    try:
        key.key.verify(signature, data)
    except InvalidSignature:
        return False
    return True


def signed_data(
    document: Mapping[str, Any], proof: Mapping[str, Any], extra_contexts: Mapping[str, Any] | None = None
) -> bytes:
    """What the key signed: SHA-256 of the canonical proof options, then SHA-256 of the canonical
    credential without its proofs."""
    context = document.get("@context")
    options = {k: v for k, v in proof.items() if k != "proofValue"}
    if "@context" in options and options["@context"] != context:
        raise Broken("the proof names other contexts than the credential does")
    options["@context"] = context
    unsecured = {k: v for k, v in document.items() if k != "proof"}
    proof_hash = hashlib.sha256(canonical(options, extra_contexts).encode("utf-8")).digest()
    document_hash = hashlib.sha256(canonical(unsecured, extra_contexts).encode("utf-8")).digest()
    return proof_hash + document_hash


def canonical(document: Mapping[str, Any], extra_contexts: Mapping[str, Any] | None = None) -> str:
    """The document's RDF as canonical N-Quads (RDFC-1.0), from the shipped contexts only; a term that
    would be dropped is `Broken`, a context not shipped is `Unchecked`."""
    served = dict(extra_contexts or {})
    for url in context_urls(document):
        if url not in served and shipped(url) is None:
            raise Unchecked(f"the JSON-LD context {url}, which skillgap does not ship and does not fetch")
    try:
        from pyld import jsonld
        from pyld.context_resolver import ContextResolver
    except ImportError:
        raise Unchecked(MISSING) from None

    dropped: list[str] = []

    def load(url: str, options: Any = None) -> dict[str, Any]:
        found = served.get(url) or shipped(url)
        if found is None:
            raise Unchecked(f"the JSON-LD context {url}, which skillgap does not ship and does not fetch")
        return {"contextUrl": None, "documentUrl": url, "document": found}

    processor = jsonld.JsonLdProcessor(on_property_dropped=lambda term: dropped.append(str(term)))
    options = {
        "algorithm": "URDNA2015",
        "format": "application/n-quads",
        "documentLoader": load,
        "contextResolver": ContextResolver(_resolved_cache(), load),
        "base": None,  # relative IRIs stay relative (left out of the RDF, and refused), as no base is named
    }
    try:
        expanded = processor.expand(json.loads(json.dumps(document)), options)
        if not dropped:
            unsigned = sorted(set(_not_in_rdf(expanded)))
            if unsigned:
                said = ", ".join(repr(x) for x in unsigned[:5])
                raise Broken(f"it holds ids or types that are not absolute IRIs ({said}): what they name is "
                             "left out of what is signed")  # fmt: skip
        quads = processor.normalize(expanded, options)
    except Unchecked:
        raise
    except jsonld.JsonLdError as exc:
        cause = _root_cause(exc)
        if isinstance(cause, Unchecked):
            raise cause from None
        raise Broken(f"it is not JSON-LD its contexts can read: {cause}") from None
    if dropped:
        terms = ", ".join(sorted(set(dropped)))
        raise Broken(f"it holds terms its contexts do not define, which no signature covers: {terms}")
    return str(quads)


_ABSOLUTE_IRI = re.compile(r"([A-Za-z][A-Za-z0-9+\-.]*|_):\S*")  # as JSON-LD to RDF tells them


def _not_in_rdf(node: Any) -> Iterator[str]:
    """What in an expanded JSON-LD document JSON-LD to RDF would leave out without a word, while a JSON
    reader still reads it: a node or reference whose @id, a node @type, a value's datatype or a property
    that is not an absolute IRI (or a blank node). Each such is yielded."""
    if isinstance(node, list):
        for item in node:
            yield from _not_in_rdf(item)
        return
    if not isinstance(node, dict):
        return
    is_value = "@value" in node
    for key, value in node.items():
        if key == "@id" and not (isinstance(value, str) and _ABSOLUTE_IRI.fullmatch(value)):
            yield str(value)
        elif key == "@type":
            for kind in value if isinstance(value, list) else [value]:
                if not (
                    isinstance(kind, str)
                    and (_ABSOLUTE_IRI.fullmatch(kind) or (is_value and kind == "@json"))
                ):
                    yield str(kind)
        elif is_value:
            continue  # a literal's @value, @language, @direction: in the RDF as they are
        elif not key.startswith("@"):
            if not _ABSOLUTE_IRI.fullmatch(key) or key.startswith("_:"):
                yield key
            yield from _not_in_rdf(value)
        elif key in ("@graph", "@list", "@set", "@included", "@reverse"):
            yield from _not_in_rdf(value if key != "@reverse" else list(value.values()))


INLINE = "contexts of the published standards only; this credential defines terms of its own inline"
MISSING = "the pyld and cryptography libraries: pip install 'skillgap[verify]'"


def _root_cause(exc: BaseException) -> BaseException:
    while exc.__cause__ is not None:
        exc = exc.__cause__
    return exc


def context_urls(node: Any) -> Iterator[str]:
    """Every context a JSON-LD document names, wherever it names one; an inline context (an object) is
    `Unchecked`, as only the published contexts are trusted to mean what the issuer meant."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "@context":
                for item in value if isinstance(value, list) else [value]:
                    if isinstance(item, str):
                        yield item
                    elif item is not None:
                        raise Unchecked(INLINE)
            else:
                yield from context_urls(value)
    elif isinstance(node, list):
        for item in node:
            yield from context_urls(item)


@cache
def _resolved_cache() -> Any:
    from cachetools import LRUCache

    return LRUCache(maxsize=100)


@cache
def _shipped(url: str) -> str | None:
    name = CONTEXTS.get(url)
    return (CONTEXT_FOLDER / name).read_text(encoding="utf-8") if name else None


def shipped(url: str) -> Any:
    """The shipped context served for URL (a fresh copy), or None."""
    text = _shipped(url)
    return json.loads(text) if text is not None else None
