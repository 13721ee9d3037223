"""Words for evidence, shared by the analysis renderers: what is proven, what is claimed, what is stale.

Everything here is plain text from input files; each renderer escapes it for its format.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import TYPE_CHECKING

from skillgap.analyse.eligibility import Judgement, Verdict
from skillgap.analyse.gaps import Analysis, Gap
from skillgap.dates import YEAR, WrittenDate
from skillgap.model import Badge, Credential
from skillgap.rank import Recommendation
from skillgap.rank.evidence import EvidenceSuggestion
from skillgap.render.money import ESTIMATE_MARK, cost_text, hours_text
from skillgap.verification import Verdict as VerificationVerdict

if TYPE_CHECKING:  # (the plan's types only name arguments here: not imported for an analyze run)
    from skillgap.plan.types import Plan, Step

BADGE_NOTE = (
    "Badges are verified offline (skillgap verify shows each check): a verified badge is evidence, one "
    "that cannot be verified offline counts only as a claim, and an invalid one counts for nothing. A "
    "status list or a key on the web is not checked."
)


def month(day: date | None) -> str:
    if isinstance(day, WrittenDate) and day.precision == YEAR:
        return str(day)  # "2023": no month was written
    return day.strftime("%Y-%m") if day else "?"


def basis_text(gap: Gap) -> str:
    """How the level that counts is known: "evidenced by ...", "claimed", or both with their levels."""
    person = gap.person
    if gap.basis == "none" or person is None:
        return "none"
    sources = ", ".join(person.evidenced_by)
    if gap.basis == "evidenced":
        return f"evidenced by {sources}"
    if gap.basis == "partly evidenced":
        return f"claimed {person.claimed}; evidenced to {person.evidenced} by {sources}"
    return "claimed"


def stale_text(gap: Gap) -> str:
    """Why a claim counts a level lower, or "" when it does not."""
    person = gap.person
    if person is None or not person.stale:
        return ""
    counted = max(person.claimed - 1, 0)
    return f"stale: last used {month(person.last_used)}, claimed {person.claimed} counts as {counted}"


def evidence_rows(analysis: Analysis) -> list[Gap]:
    """The requirements the person has something of, in the analysis's order (gaps, then strengths)."""
    return [g for g in analysis.requirements if g.current > 0 or (g.person is not None and g.person.stale)]


def suggestion_text(suggestion: EvidenceSuggestion) -> str:
    gap, credential = suggestion.gap, suggestion.credential
    head = f"{gap.skill} ({gap.importance.value}, level {gap.required}, claimed only)"
    if credential is None:
        return f"{head}: no credential in the catalog teaches it to level {gap.required}"
    cost = cost_text(credential) if credential.cost is not None else "cost unknown"
    hours = hours_text(credential) if credential.hours is not None else "hours unknown"
    figures = f"{cost}, {hours}"
    how = f", assessed by {credential.assessment}" if credential.assessment else ""
    what = f"{credential.title} ({credential.provider}; {figures}{how})"
    return f"{head}: {what} teaches it to level {suggestion.taught}"


def badge_text(badge: Badge, today: date | None) -> str:
    """One earned badge: what it is, who issued it, when, and whether it counts as evidence."""
    credential = badge.credential
    parts = [f"{credential.title} ({credential.provider}, issued {month(badge.issued)})"]
    if badge.revoked:
        parts.append("revoked: not counted")
    elif today is not None and not badge.counts_on(today):
        parts.append(f"expired {badge.expires}: not counted")
    skills = ", ".join(f"{s.name} {s.level}" for s in credential.skills)
    parts.append(f"proves {skills}" if skills else "proves nothing skillgap can read")
    parts.append(verification_text(badge))
    parts.extend(badge.notes)
    return "; ".join(parts)


def verification_text(badge: Badge) -> str:
    """What checking the badge found, and how it counts for it: evidence, a claim, or nothing."""
    verification = badge.verification
    if verification is None:
        return "not verified: counts as a claim"
    reason = verification.reason
    if verification.verdict is VerificationVerdict.VERIFIED:
        return "verified offline: counts as evidence"
    if verification.verdict is VerificationVerdict.INVALID:
        return f"invalid ({reason}): counts for nothing"
    return f"not verifiable offline ({reason}): counts as a claim"


def verdict_sentence(
    judged: Judgement | None, steps: Mapping[str, int] | None = None, first: bool = False
) -> str:
    """What skillgap makes of a credential's conditions, as a sentence ("" when it has none): met (by the
    profile, and by which earlier STEPS), not met, or not judged. FIRST speaks as the person ("my
    profile"), for a memo they send."""
    if judged is None:
        return ""
    your, you = ("my", "I") if first else ("your", "you")
    if judged.text_only:
        return f"skillgap cannot judge it from {your} profile: check it before enrolling."
    if judged.verdict is Verdict.MET:
        numbers = sorted({steps[i] for i in judged.met_by if steps and i in steps})
        if numbers:
            return f"It is met with step {', '.join(map(str, numbers))} of this plan."
        return f"{your.capitalize()} profile meets it."
    if judged.verdict is Verdict.UNMET:
        missing = judged.missing.replace("your profile", "my profile") if first else judged.missing
        return f"{you.capitalize()} {'am' if first else 'are'} not yet eligible: it needs {missing}."
    unjudged = judged.unjudged
    if first:
        unjudged = unjudged.replace("your profile", "my profile").replace("your training", "my training")
    return f"Not judged: {unjudged}. Check it before enrolling."


def eligibility_note(
    credential: Credential,
    where: str = "",
    judged: Judgement | None = None,
    steps: Mapping[str, int] | None = None,
) -> str:
    """Who may take a credential whose provider sets conditions (experience, a degree), and what skillgap
    makes of them for this person when JUDGED; WHERE says where it is shown ("step 2"). Plain text from
    the catalog: the caller escapes it for its format."""
    at = f" ({where})" if where else ""
    text = credential.eligibility or "conditions before enrolment"
    note = f"Before you enrol in {credential.title}{at}: the provider asks for {text}."
    verdict = verdict_sentence(judged, steps)
    return f"{note} {verdict}" if verdict else note


def eligibility_notes(credentials: Iterable[Credential]) -> list[str]:
    """Who may take the credentials shown, where the provider sets conditions (experience, a degree)."""
    return [eligibility_note(c) for c in credentials if c.eligibility]


def recommendation_notes(recommendations: Iterable[Recommendation]) -> list[str]:
    """The conditions of the recommended credentials, judged for the person, and the levels they expect on
    entry that the person is below."""
    notes = []
    for rec in recommendations:
        c = rec.credential
        if c.eligibility or rec.eligibility is not None:
            notes.append(eligibility_note(c, judged=rec.eligibility))
        if rec.entry:
            expects = "; ".join(short.describe() for short in rec.entry)
            notes.append(f"{c.title} expects {expects}: a course that gets you there comes first.")
        if rec.over_budget:
            notes.append(
                f"{c.title} is {rec.budget_note}" + (" (with its prerequisites)." if rec.needs_first else ".")
            )
    return notes


def step_eligibility(steps: Iterable[Step]) -> list[str]:
    """The conditions of a plan's steps, each note naming its step and saying what skillgap makes of them
    at that point of the plan; then the levels steps expect on entry, and the steps that bring them."""
    steps = list(steps)
    numbers = {s.credential.id: s.number for s in steps}
    notes = []
    for s in steps:
        if s.credential.eligibility or s.eligibility is not None:
            notes.append(eligibility_note(s.credential, f"step {s.number}", s.eligibility, numbers))
    for s in steps:
        for entry in s.entry:
            notes.append(f"{s.credential.title} (step {s.number}) {entry.describe()}.")
    return notes


def not_open_lines(plan: Plan) -> list[str]:
    """The credentials a plan leaves out because the person cannot enrol yet (conditions not met, or a
    level expected on entry that nothing the plan may use brings), each with what it needs."""
    return [f"{x.credential.title}: {x.reason}" for x in plan.left_out if x.kind in ("eligibility", "entry")]


def estimate_notes(credentials: Iterable[Credential]) -> list[str]:
    """What the marks of estimates mean, for the credentials shown: `~` figures, and unstated levels."""
    shown = list(credentials)
    notes = []
    if any(c.is_estimated("hours") or c.is_estimated("cost") for c in shown):
        notes.append(f"{ESTIMATE_MARK} marks an estimate, not a figure the provider publishes.")
    guessed = [c.title for c in shown if c.is_estimated("levels")]
    if guessed:
        notes.append(
            "The provider states no skill levels for " + "; ".join(guessed) + ": they are estimates."
        )
    return notes
