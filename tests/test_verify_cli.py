"""`skillgap verify FILE...`: the verdict on each badge, the checks behind it, and an exit status that says
the worst found (0 all verified, 2 any invalid or unreadable, 3 some not checkable offline)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("cryptography")
pytest.importorskip("pyld")

from tests import badges  # noqa: E402
from tests.conftest import invoke  # noqa: E402


@pytest.fixture(scope="module")
def key() -> badges.Ed25519:
    return badges.Ed25519()


@pytest.fixture
def files(tmp_path: Path, key: badges.Ed25519) -> dict[str, Path]:
    """A good badge, one changed after signing, an expired one, one signed by a key that is not the
    issuer's, one whose key is on the web, and a good VC-JWT."""
    other = badges.Ed25519()
    good = badges.with_proof(badges.credential(key.did), key)
    tampered = json.loads(json.dumps(good))
    tampered["credentialSubject"]["achievement"]["name"] = "Data Science Mastery"
    docs: dict[str, Any] = {
        "good.json": good,
        "tampered.json": tampered,
        "expired.json": badges.with_proof(badges.credential(key.did, validUntil="2025-12-31T00:00:00Z"), key),
        "not-the-issuers.json": badges.with_proof(badges.credential(other.did), key),
        "on-the-web.json": badges.with_proof(
            badges.credential("did:web:school.example.org"), key, method="did:web:school.example.org#key-1"
        ),
    }
    found = {}
    for name, doc in docs.items():
        found[name] = tmp_path / name
        found[name].write_text(json.dumps(doc), encoding="utf-8")
    found["good.jwt"] = tmp_path / "good.jwt"
    found["good.jwt"].write_text(badges.vc_jwt(badges.credential(key.did), key, "EdDSA", kid=key.method))
    return found


def verdicts(result: Any) -> dict[str, str]:
    return {Path(b["file"]).name: b["verdict"] for b in result.json()["badges"]}


def test_every_badge_verified_exits_0(files: dict[str, Path]) -> None:
    result = invoke("verify", files["good.json"], files["good.jwt"], "--format", "json")
    assert result.code == 0, result.err
    data = result.json()
    assert data["verdict"] == "verified" and verdicts(result) == {
        "good.json": "verified",
        "good.jwt": "verified",
    }
    first = data["badges"][0]
    assert first["format"] == "ob3-data-integrity" and first["reason"] is None
    assert [c["check"] for c in first["checks"]] == [
        "structure",
        "proof",
        "key controller",
        "validity",
        "revocation",
    ]
    assert {c["outcome"] for c in first["checks"]} == {"passed"}
    assert first["awards"] == [
        {
            "title": "Data Analysis with SQL",
            "issuer": "Example Data School",
            "source_id": "https://school.example.org/achievements/sql",
        }
    ]
    assert "2 badges checked: 2 verified" in result.err


@pytest.mark.parametrize(
    ("name", "check"),
    [("tampered.json", "proof"), ("expired.json", "validity"), ("not-the-issuers.json", "key controller")],
)
def test_an_invalid_badge_exits_2_and_says_which_check_failed(
    files: dict[str, Path], name: str, check: str
) -> None:
    result = invoke("verify", files["good.json"], files[name], "--format", "json")
    assert result.code == 2
    data = result.json()
    assert data["verdict"] == "invalid" and verdicts(result)[name] == "invalid"
    bad = data["badges"][1]
    assert bad["reason"].startswith(f"{check}: ")
    assert [c["outcome"] for c in bad["checks"] if c["check"] == check] == ["failed"]


def test_a_badge_only_the_network_could_check_exits_3(files: dict[str, Path]) -> None:
    result = invoke("verify", files["good.json"], files["on-the-web.json"], "--format", "json")
    assert result.code == 3
    assert result.json()["verdict"] == "unverifiable offline"
    assert "did:web:school.example.org#key-1" in result.json()["badges"][1]["reason"]
    worse = invoke("verify", files["on-the-web.json"], files["tampered.json"], "--format", "json")
    assert worse.code == 2 and worse.json()["verdict"] == "invalid"  # invalid outranks unverifiable


def test_an_unreadable_file_exits_2_and_the_others_are_still_verified(
    files: dict[str, Path], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"type": "Assertion", "type": "x"}', encoding="utf-8")
    result = invoke("verify", tmp_path / "missing.json", broken, files["good.json"], "--format", "json")
    assert result.code == 2
    assert verdicts(result) == {
        "missing.json": "unreadable",
        "broken.json": "unreadable",
        "good.json": "verified",
    }
    assert f"error: {tmp_path / 'missing.json'}" in result.err
    assert f"error: {broken}:1:" in result.err and "duplicate" in result.err.lower()
    assert "Traceback" not in result.err


def test_a_profile_has_each_badge_it_lists_verified(files: dict[str, Path], tmp_path: Path) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text(
        "name: Ann\nskills:\n  - {name: SQL, level: 3}\ncredentials:\n"
        "  - {badge: good.json}\n  - {badge: tampered.json}\n  - {id: some-course}\n",
        encoding="utf-8",
    )
    result = invoke("verify", profile, "--format", "json")
    assert result.code == 2
    assert verdicts(result) == {"good.json": "verified", "tampered.json": "invalid"}


def test_the_table_shows_each_check_and_escapes_what_the_badge_says(
    tmp_path: Path, key: badges.Ed25519
) -> None:
    doc = badges.credential(key.did)
    doc["credentialSubject"]["achievement"]["name"] = "[bold red]SQL[/] \x1b[31mAce"
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(badges.with_proof(doc, key)), encoding="utf-8")
    result = invoke("verify", path)
    assert result.code == 0, result.err
    words = " ".join(result.out.split())
    assert f"{path}: verified (Open Badges 3.0, Data Integrity proof)" in words
    assert "[bold red]SQL[/]" in result.out and "\x1b" not in result.out
    for check in ("structure", "proof", "key controller", "validity", "revocation"):
        assert check in result.out


def test_without_the_optional_libraries_a_proof_is_not_checked_and_it_says_how_to_install_them(
    files: dict[str, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(__import__("sys").modules, "pyld", None)  # as if not installed
    result = invoke("verify", files["good.json"], "--format", "json")
    assert result.code == 3
    assert "pyld not installed" in result.err and "pip install 'skillgap[verify]'" in result.err
    (badge,) = result.json()["badges"]
    assert badge["verdict"] == "unverifiable offline" and "skillgap[verify]" in badge["reason"]


def test_validate_reads_a_profiles_vc_jwt_badge_as_analyze_does(
    files: dict[str, Path], tmp_path: Path
) -> None:
    profile = tmp_path / "me.yaml"
    profile.write_text("name: Ann\nskills: {SQL: 2}\ncredentials:\n  - {badge: good.jwt}\n", encoding="utf-8")
    result = invoke("validate", profile)
    assert result.code == 0, result.err
    assert f"{profile}: ok (profile" in result.out


def test_a_file_holding_a_list_of_awards_has_each_verified_on_its_own(
    files: dict[str, Path], tmp_path: Path
) -> None:
    good = json.loads(files["good.json"].read_text(encoding="utf-8"))
    tampered = json.loads(files["tampered.json"].read_text(encoding="utf-8"))
    both = tmp_path / "both.json"
    both.write_text(json.dumps([good, {"type": "BadgeClass"}, tampered]), encoding="utf-8")
    result = invoke("verify", both, "--format", "json")
    assert result.code == 2
    found = [(b["item"], b["verdict"]) for b in result.json()["badges"]]
    assert found == [(1, "verified"), (3, "invalid")]  # the BadgeClass describes a badge: nobody's award
    assert f"{both} (item 3): invalid" in " ".join(invoke("verify", both).out.split())
