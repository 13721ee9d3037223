"""Rendering `skillgap verify`: for each award, its form, each check and its outcome, and the verdict; a
file that could not be read is said to be unreadable (its problems go to stderr, as every error does)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from skillgap.verification import Check, Outcome, Verdict, Verification
from skillgap.words import plural

if TYPE_CHECKING:
    from rich.console import Console

    from skillgap.verify import Result

UNREADABLE = "unreadable"
OUTCOME_STYLES = {Outcome.PASSED: "green", Outcome.FAILED: "bold red", Outcome.OFFLINE: "yellow"}
VERDICT_STYLES = {Verdict.VERIFIED: "bold green", Verdict.INVALID: "bold red", Verdict.UNVERIFIABLE: "yellow"}


def overall(results: Sequence[Result]) -> str | None:
    """The verdict on all of them: unreadable or invalid if any is, else unverifiable offline if any is,
    else verified; None when there is no badge at all."""
    from skillgap.verify import Unreadable

    if not results:
        return None
    verdicts = {UNREADABLE if isinstance(r, Unreadable) else r.verdict.value for r in results}
    for worst in (UNREADABLE, Verdict.INVALID.value, Verdict.UNVERIFIABLE.value):
        if worst in verdicts:
            return worst
    return Verdict.VERIFIED.value


def check_data(check: Check) -> dict[str, Any]:
    return {"check": check.name, "outcome": check.outcome.value, "detail": check.detail}


def verification_data(verification: Verification) -> dict[str, Any]:
    """A verification as JSON: its form, verdict and the reason for it, and each check (also used for the
    per-badge `verification` of the analysis)."""
    return {
        "format": verification.format.value,
        "format_name": verification.format.label,
        "verdict": verification.verdict.value,
        "reason": verification.reason or None,
        "checks": [check_data(c) for c in verification.checks],
    }


def verify_data(results: Sequence[Result]) -> dict[str, Any]:
    from skillgap.verify import Unreadable

    files: list[dict[str, Any]] = []
    for result in results:
        if isinstance(result, Unreadable):
            problems = [str(p) for p in result.problems]
            files.append({"file": result.file, "item": None, "verdict": UNREADABLE, "problems": problems})
            continue
        data: dict[str, Any] = {"file": result.file, "item": result.item}
        data.update(verification_data(result.verification))
        data["awards"] = [
            {
                "title": b.credential.title,
                "issuer": b.credential.provider,
                "source_id": b.credential.source_id,
            }
            for b in result.awards
        ]
        files.append(data)
    return {"verdict": overall(results), "counts": dict(_counts(results)), "badges": files}


def _counts(results: Sequence[Result]) -> Counter[str]:
    from skillgap.verify import Unreadable

    found: Counter[str] = Counter()
    for result in results:
        found[UNREADABLE if isinstance(result, Unreadable) else result.verdict.value] += 1
    return found


def summary(results: Sequence[Result]) -> str:
    """As "3 badges checked: 1 verified, 1 invalid, 1 unverifiable offline" (kinds none is of left out)."""
    counts = _counts(results)
    order = [v.value for v in (Verdict.VERIFIED, Verdict.INVALID, Verdict.UNVERIFIABLE)] + [UNREADABLE]
    said = ", ".join(f"{counts[v]:,} {v}" for v in order if counts[v])
    return f"{plural(len(results), 'badge')} checked: {said}" if results else "no badge found to verify"


def render_verify(console: Console, results: Sequence[Result]) -> None:
    from rich.table import Table
    from rich.text import Text

    from skillgap.render.fit import fit_table
    from skillgap.render.safe import clean
    from skillgap.verify import Unreadable

    for index, result in enumerate(results):
        if index:
            console.print()
        head = Text(clean(result.file if isinstance(result, Unreadable) else result.name), style="bold")
        if isinstance(result, Unreadable):
            console.print(Text.assemble(head, ": ", (UNREADABLE, "bold red"), " (the error is above)"))
            continue
        verdict = result.verdict
        titles = ", ".join(dict.fromkeys(clean(b.credential.title) for b in result.awards))
        console.print(
            Text.assemble(
                head,
                ": ",
                (verdict.value, VERDICT_STYLES[verdict]),
                f" ({result.format.label})",
                f"\n{titles}" if titles else "",
            )
        )
        table = Table()
        table.add_column("Check", no_wrap=True)
        table.add_column("Outcome", no_wrap=True)
        table.add_column("Detail", overflow="fold")
        for check in result.verification.checks:
            table.add_row(
                check.name,
                Text(check.outcome.value, style=OUTCOME_STYLES[check.outcome]),
                Text(clean(check.detail)),
            )
        console.print(fit_table(console, table))
