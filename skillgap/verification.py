"""What checking an earned badge found: the form it came in, each check in order and its outcome, and the
verdict. A leaf module (vocabulary, like levels.py): the model holds a verification on each badge, the
analysis counts a badge by its verdict, and the renderers say both; the checking itself is in verify/.

The verdict follows from the outcomes: any check failed makes the badge **invalid**; otherwise any check
that could not be made without the network (a key published on the web, a hosted assertion, a status
list) leaves it **unverifiable offline**; a badge every check passed is **verified**.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Outcome(str, Enum):
    PASSED = "passed"
    FAILED = "failed"
    OFFLINE = "not checked offline"  # what it would need is said in the check's detail


class Verdict(str, Enum):
    VERIFIED = "verified"
    INVALID = "invalid"
    UNVERIFIABLE = "unverifiable offline"


class BadgeFormat(str, Enum):
    """How an award is written down, which decides what can be checked."""

    OB2_HOSTED = "ob2-hosted"
    OB2_SIGNED = "ob2-signed"
    OB3_JWT = "ob3-jwt"
    OB3_DATA_INTEGRITY = "ob3-data-integrity"
    OB3_NO_PROOF = "ob3-no-proof"

    @property
    def label(self) -> str:
        return _LABELS[self]


_LABELS = {
    BadgeFormat.OB2_HOSTED: "Open Badges 2.0, hosted",
    BadgeFormat.OB2_SIGNED: "Open Badges 2.0, signed (JWS)",
    BadgeFormat.OB3_JWT: "Open Badges 3.0, VC-JWT",
    BadgeFormat.OB3_DATA_INTEGRITY: "Open Badges 3.0, Data Integrity proof",
    BadgeFormat.OB3_NO_PROOF: "Open Badges 3.0, no proof",
}


@dataclass(frozen=True)
class Check:
    """One check made of a badge: what was checked, its outcome, and why (for a failure, what is wrong;
    for a check not made offline, what it would need)."""

    name: str
    outcome: Outcome
    detail: str


@dataclass(frozen=True)
class Verification:
    """What was checked of one badge offline, check by check, in one format."""

    format: BadgeFormat
    checks: tuple[Check, ...]

    @property
    def verdict(self) -> Verdict:
        outcomes = {check.outcome for check in self.checks}
        if Outcome.FAILED in outcomes:
            return Verdict.INVALID
        if Outcome.OFFLINE in outcomes or not self.checks:
            return Verdict.UNVERIFIABLE
        return Verdict.VERIFIED

    @property
    def failed(self) -> tuple[str, ...]:
        """The names of the checks that failed."""
        return tuple(check.name for check in self.checks if check.outcome is Outcome.FAILED)

    @property
    def reason(self) -> str:
        """Why the verdict is what it is, in a few words: the first failed check (or the first not made
        offline), or "" for a verified badge."""
        wanted = {Verdict.INVALID: Outcome.FAILED, Verdict.UNVERIFIABLE: Outcome.OFFLINE}.get(self.verdict)
        for check in self.checks:
            if check.outcome is wanted:
                return f"{check.name}: {check.detail}"
        return ""
