"""What every reader collects of each skill, turned into claims at the level the evidence supports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from skillgap.match import Matcher
from skillgap.resumes.estimate import Evidence, estimate, years_of
from skillgap.resumes.types import Claim

MAX_EVIDENCE = 300  # characters of evidence written for one skill
MAX_PLACES = 3  # positions named in it; the rest counted


@dataclass
class Work:
    """A job (a LinkedIn position, a JSON Resume work entry) as evidence."""

    label: str  # "Data Analyst at Acme"
    start: date | None
    end: date | None  # the last day worked, or today for a job still held
    last_used: date | None = None  # as a profile writes it: the month or year it ended (this month, if held)


@dataclass
class _Skill:
    written: str = ""
    known: bool = True
    sources: list[str] = field(default_factory=list)  # "LinkedIn skills", "CV line 12: 'sentence'"
    work: list[Work] = field(default_factory=list)
    endorsements: int = 0
    stated: int | None = None
    stated_as: str = ""
    years: float = 0.0  # of experience the person states for it ("6 years of payroll")


class Claims:
    """Evidence gathered skill by skill, each name resolved once by the matcher."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self._skills: dict[str, _Skill] = {}
        self.unknown: list[str] = []  # names the matcher resolved to no skill, as written

    def _entry(self, name: str, resolve: bool = True) -> _Skill | None:
        name = " ".join(name.split())
        if not name:
            return None
        skill = self.matcher.resolve(name).skill if resolve else name
        known = skill is not None
        if skill is None:  # kept as written: the person listed it, and the review decides
            skill = name
            if name.casefold() not in {u.casefold() for u in self.unknown}:
                self.unknown.append(name)
        key = skill.casefold()
        entry = self._skills.get(key)
        if entry is None:
            entry = self._skills[key] = _Skill(written=skill, known=known)
        return entry

    def listed(self, name: str, source: str, stated: int | None = None, stated_as: str = "") -> None:
        """NAME is on a list of the person's skills (at a level they wrote, if STATED)."""
        entry = self._entry(name)
        if entry is None:
            return
        if source not in entry.sources:
            entry.sources.append(source)
        if stated is not None and (entry.stated is None or stated > entry.stated):
            entry.stated, entry.stated_as = stated, stated_as

    def named(self, skill: str, source: str, stated: int | None = None, years: float = 0.0) -> None:
        """The canonical SKILL is named in running text (SOURCE says where), at the level its words state
        (STATED), or with the YEARS of experience they state."""
        entry = self._entry(skill, resolve=False)
        if entry is None:
            return
        if source not in entry.sources and len(entry.sources) < MAX_PLACES + 1:
            entry.sources.append(source)
        if years:
            entry.years = max(entry.years, years)
        elif stated is not None and (entry.stated is None or stated > entry.stated):
            entry.stated = stated

    def worked(self, skill: str, work: Work) -> None:
        """The canonical SKILL is named by WORK (its title or description)."""
        entry = self._entry(skill, resolve=False)
        if entry is not None and all(w is not work for w in entry.work):
            entry.work.append(work)

    def endorsed(self, name: str) -> None:
        entry = self._entry(name)
        if entry is not None:
            entry.endorsements += 1

    def claims(self) -> tuple[Claim, ...]:
        """Each skill at the level its evidence supports, the best supported first."""
        out: list[Claim] = []
        for skill in self._skills.values():
            periods = [(w.start, w.end) for w in skill.work if w.start is not None and w.end is not None]
            years = max(skill.years, years_of((s, e) for s, e in periods if s is not None and e is not None))
            level, why = estimate(Evidence(years, skill.endorsements, skill.stated, skill.stated_as))
            ends = [w.last_used for w in skill.work if w.last_used is not None]
            last_used = max(ends) if ends else None
            out.append(
                Claim(skill.written, level, _evidence(skill, years, why), last_used, known=skill.known)
            )
        out.sort(key=lambda c: (-c.level, c.skill.casefold()))
        return tuple(out)


def _evidence(skill: _Skill, years: float, why: str) -> str:
    from skillgap.resumes.estimate import years_text
    from skillgap.words import plural

    parts = list(skill.sources)
    if skill.work:
        shown = ", ".join(w.label for w in skill.work[:MAX_PLACES])
        more = len(skill.work) - MAX_PLACES
        if more > 0:
            shown += f" and {plural(more, 'more position')}"
        parts.append(f"named by {shown}: {years_text(years)} in all" if years else f"named by {shown}")
    if skill.endorsements:
        parts.append(plural(skill.endorsements, "endorsement"))
    text = "; ".join(parts)
    if why:
        text += f". Level from: {why}"
    else:
        text += ". Level 1: named, with no evidence of use"
    return text if len(text) <= MAX_EVIDENCE else text[: MAX_EVIDENCE - 1].rsplit(" ", 1)[0] + "\u2026"
