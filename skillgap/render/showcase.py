"""The "Certifications" and "Continuing education" lines of a résumé or an online profile.

Each line comes from a credential or pathway the person holds (found in the catalog by id or title) or an
Open Badge they earned: its title, who issued it, when, what it proves and how it was assessed. A
credential that ends in an assessment (an exam, a project, a portfolio, a practical test, or a badge's
criteria) is a certification; one completed without an assessment, or a course, is continuing education.
A held pathway is one award, a certification.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from skillgap.analyse.held import Holding
from skillgap.dates import YEAR, WrittenDate
from skillgap.levels import level_label
from skillgap.model import Badge, Credential, CredentialSkill, HeldCredential
from skillgap.render.analysis_md import link
from skillgap.render.safe import clean, is_web
from skillgap.render.safe import markdown as md

CERTIFICATIONS = "Certifications"
CONTINUING = "Continuing education"
ASSESSED = {
    "exam": "exam",
    "project": "graded project",
    "portfolio": "portfolio review",
    "practical": "practical assessment",
    "completion": "none (completion only)",
}


@dataclass(frozen=True)
class Entry:
    section: str
    title: str
    issuer: str | None
    when: date | None
    proves: tuple[str, ...] = ()
    assessed: str | None = None
    evidence: tuple[str, ...] = ()
    url: str | None = None
    expires: date | None = None


def _proves(credential: Credential) -> tuple[str, ...]:
    if credential.is_estimated("levels"):  # the issuer states no levels: name the skills only
        return tuple(s.name for s in credential.skills)
    return tuple(f"{s.name} ({level_label(s.level)})" for s in credential.skills)


def _section(kind: str | None, assessment: str | None) -> str:
    if assessment == "completion" or "course" in (kind or "").casefold():
        return CONTINUING
    return CERTIFICATIONS


def from_catalog(held: HeldCredential, credential: Credential | None) -> Entry:
    """A held credential: as the catalog describes it, or only as the profile names it."""
    if credential is None:
        return Entry(CERTIFICATIONS, held.label, None, held.earned)
    how = ASSESSED.get(credential.assessment or "")
    return Entry(
        section=_section(credential.type, credential.assessment),
        title=credential.title,
        issuer=credential.provider,
        when=held.earned,
        proves=_proves(credential),
        assessed=how,
        url=credential.url,
    )


def from_holding(holding: Holding) -> Entry | None:
    """A held credential or pathway as the catalog describes it; one from outside the catalog by the title
    the profile gives; None for an id the catalog does not have (a typo, not a credential to list)."""
    if holding.pathway is not None:
        return from_pathway(holding)
    if holding.credential is None and holding.mistyped_id:
        return None
    return from_catalog(holding.held, holding.credential)


def from_pathway(holding: Holding) -> Entry:
    """A held pathway: one award, issued by its credentials' provider, proving what they teach."""
    assert holding.pathway is not None
    members = holding.members
    providers = {c.provider for c in members}
    best: dict[str, CredentialSkill] = {}
    for credential in members:
        for skill in credential.skills:
            if skill.name not in best or best[skill.name].level < skill.level:
                best[skill.name] = skill
    stated = all(not c.is_estimated("levels") for c in members)
    proves = tuple(f"{s.name} ({level_label(s.level)})" if stated else s.name for s in best.values())
    return Entry(
        section=CERTIFICATIONS,
        title=holding.pathway.title,
        issuer=providers.pop() if len(providers) == 1 else None,
        when=holding.held.earned,
        proves=proves,
    )


def from_badge(badge: Badge) -> Entry:
    credential = badge.credential
    return Entry(
        section=_section(credential.type, None),
        title=credential.title,
        issuer=credential.provider,
        when=badge.issued,
        proves=_proves(credential),
        assessed=badge.criteria,
        evidence=badge.evidence,
        url=badge.url or credential.url,
        expires=badge.expires,
    )


def ordered(entries: Iterable[Entry]) -> dict[str, list[Entry]]:
    """Entries by section (certifications first), most recent first, undated last."""
    out: dict[str, list[Entry]] = {CERTIFICATIONS: [], CONTINUING: []}
    for entry in sorted(entries, key=lambda e: (-(e.when.toordinal() if e.when else 0), e.title.casefold())):
        out[entry.section].append(entry)
    return {k: v for k, v in out.items() if v}


def month(day: date | None) -> str:
    if isinstance(day, WrittenDate) and day.precision == YEAR:
        return str(day)  # "2021": no month was written
    return day.strftime("%b %Y") if day else ""


def _headline(entry: Entry, today: date) -> list[str]:
    """Issuer, date and expiry, as the parts after the title."""
    parts = [p for p in (entry.issuer, month(entry.when)) if p]
    if entry.expires is not None:
        parts.append(("expired " if entry.expires < today else "expires ") + month(entry.expires))
    return parts


def render_text(entries: Sequence[Entry], today: date) -> str:
    lines: list[str] = []
    for section, items in ordered(entries).items():
        lines += [section] if not lines else ["", section]
        for e in items:
            head = [clean(e.title)] + [clean(p) for p in _headline(e, today)]
            lines.append("  " + " \u2014 ".join(head[:2]) + (", " + ", ".join(head[2:]) if head[2:] else ""))
            if e.proves:
                lines.append("    Proves: " + clean(", ".join(e.proves)))
            if e.assessed:
                lines.append("    How assessed: " + clean(e.assessed))
            if e.evidence:
                lines.append("    Evidence: " + clean("; ".join(e.evidence)))
            if e.url:
                lines.append("    " + clean(e.url))
    return "\n".join(lines) + "\n" if lines else ""


def render_markdown(entries: Sequence[Entry], today: date) -> str:
    lines: list[str] = []
    for section, items in ordered(entries).items():
        lines += [f"## {section}", ""] if not lines else ["", f"## {section}", ""]
        for e in items:
            title = f"[{md(e.title)}]({link(e.url)})" if e.url and is_web(e.url) else md(e.title)
            text = f"- **{title}**"
            head = _headline(e, today)
            if head:
                text += ", " + ", ".join(md(p) for p in head)
            text += "."
            if e.proves:
                text += f" Proves {md(', '.join(e.proves))}."
            if e.assessed:
                text += f" How assessed: {md(e.assessed.rstrip('.'))}."
            if e.evidence:
                text += f" Evidence: {md('; '.join(e.evidence))}."
            lines.append(text)
    return "\n".join(lines) + "\n" if lines else ""
