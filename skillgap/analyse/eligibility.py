"""Whether a person may enrol: a credential's conditions (the catalog's `eligibility`) and the levels it
expects on entry (`requires`), judged against what the person has and what a plan puts before it.

A condition is met, not met, or cannot be judged:

* education: the profile's `education` against the degree asked for (or higher); without one, not judged;
* experience: the profile's `experience` years in the field or skill (compared by the skill it resolves
  to; of several fields the condition names, the most years given for any one, as fields overlap); a
  profile with an `experience` mapping that does not name the field has none of it; without the mapping,
  not judged;
* credential: held (by the profile, through a pathway or a badge) or planned before it; else not met;
* training: the hours of the credentials held or planned before it that teach the field; when they fall
  short it is not judged, not "not met" (a profile does not list every course a person took);
* other: never judged: it is shown as the provider words it.

A route holds when all its conditions do; the credential is open when any route holds. Unknowns combine
as people reason: a route with one condition not met is not met whatever else it has; a route with one
unknown and the rest met is unknown; so are the credential's routes together (three-valued logic).

A credential whose eligibility is given only as text cannot be judged at all: its text is shown instead.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum

from skillgap.analyse.gaps import Analysis, skill_key
from skillgap.model import DEGREES, Condition, Credential, degree_rank


class Verdict(str, Enum):
    MET = "met"
    UNKNOWN = "unknown"  # cannot be judged: the profile does not say, or skillgap cannot tell
    UNMET = "not met"


_ORDER = {Verdict.UNMET: 0, Verdict.UNKNOWN: 1, Verdict.MET: 2}


def _all(verdicts: Iterable[Verdict]) -> Verdict:
    return min(verdicts, key=_ORDER.__getitem__, default=Verdict.MET)


def _any(verdicts: Iterable[Verdict]) -> Verdict:
    return max(verdicts, key=_ORDER.__getitem__, default=Verdict.UNMET)


@dataclass(frozen=True)
class Facts:
    """What the person brings to a credential's conditions."""

    education: str | None  # one of DEGREES, None: not said
    experience: Mapping[str, float] | None  # skill key -> years; None: not said
    held: frozenset[str]  # catalog credential ids held
    before: tuple[Credential, ...] = ()  # held catalog credentials and planned steps before this one
    key: Callable[[str], str] = str  # a field's or skill's key
    titles: Mapping[str, str] | None = None  # credential id -> title, for the words

    def with_before(self, earlier: Iterable[Credential]) -> Facts:
        earlier = tuple(earlier)
        known = {c.id for c in self.before}
        return Facts(
            self.education,
            self.experience,
            self.held | {c.id for c in earlier},
            self.before + tuple(c for c in earlier if c.id not in known),
            self.key,
            self.titles,
        )


def facts_of(analysis: Analysis, titles: Mapping[str, str] | None = None) -> Facts:
    """The analysed person's facts, before any plan."""
    profile = analysis.profile

    def key(name: str) -> str:
        return skill_key(name, analysis.resolutions)

    experience: dict[str, float] | None = None
    if profile.experience is not None:
        experience = {}
        for entry in profile.experience:
            k = key(entry.field)
            experience[k] = max(experience.get(k, 0.0), entry.years)
    return Facts(
        profile.education, experience, frozenset(c.id for c in analysis.held), analysis.held, key, titles
    )


@dataclass(frozen=True)
class Judgement:
    """A credential's conditions judged for one person (at one point of a plan)."""

    verdict: Verdict
    missing: str = ""  # what is not met, in words (verdict UNMET)
    unjudged: str = ""  # what could not be judged, in words (verdict UNKNOWN)
    met_by: tuple[str, ...] = ()  # ids of the credentials, held or planned before, that meet a condition
    text_only: bool = False  # the catalog gives the conditions as text only: nothing could be judged

    @property
    def open(self) -> bool:
        """Whether the person may enrol as far as skillgap can tell (met, or not judged)."""
        return self.verdict is not Verdict.UNMET


def judge(credential: Credential, facts: Facts) -> Judgement | None:
    """The credential's conditions for this person; None when it sets none."""
    rule = credential.conditions
    if rule is None or not rule.routes:
        if credential.eligibility:
            return Judgement(Verdict.UNKNOWN, unjudged=credential.eligibility, text_only=True)
        return None
    judged = [[_condition(c, facts) for c in route.needs] for route in rule.routes]
    verdicts = [_all(v for v, *_ in route) for route in judged]
    verdict = _any(verdicts)
    if verdict is Verdict.MET:
        route = judged[verdicts.index(Verdict.MET)]
        met_by = tuple(dict.fromkeys(i for _, _, ids in route for i in ids))
        return Judgement(verdict, met_by=met_by)
    if verdict is Verdict.UNKNOWN:
        parts = [
            " and ".join(words for v, words, _ in route if v is Verdict.UNKNOWN)
            for route, v in zip(judged, verdicts, strict=True)
            if v is Verdict.UNKNOWN
        ]
        return Judgement(verdict, unjudged="; or ".join(parts))
    parts = [" and ".join(words for v, words, _ in route if v is Verdict.UNMET) for route in judged]
    return Judgement(verdict, missing="; or ".join(dict.fromkeys(parts)))


Judged = tuple[Verdict, str, tuple[str, ...]]  # verdict, the condition in words, credentials meeting it


def _condition(condition: Condition, facts: Facts) -> Judged:
    words = describe(condition, facts.titles)
    kind = condition.kind
    if kind == "education":
        assert condition.degree is not None
        if facts.education is None:
            return Verdict.UNKNOWN, f"{words} (your profile gives no education)", ()
        if degree_rank(facts.education) >= degree_rank(condition.degree):
            return Verdict.MET, words, ()
        return Verdict.UNMET, f"{words} (your profile: {DEGREE_WORDS[facts.education]})", ()
    if kind == "experience":
        assert condition.months is not None
        if facts.experience is None:
            return Verdict.UNKNOWN, f"{words} (your profile gives no experience)", ()
        years = max((facts.experience.get(facts.key(f), 0.0) for f in condition.fields), default=0.0)
        if years * 12 >= condition.months - 1e-9:
            return Verdict.MET, words, ()
        have = duration(years * 12) if years else "none"
        return Verdict.UNMET, f"{words} (your profile: {have})", ()
    if kind == "credential":
        for ident in condition.credentials:
            if ident in facts.held:
                return Verdict.MET, words, (ident,)
        return Verdict.UNMET, words, ()
    if kind == "training":
        assert condition.hours is not None
        keys = {facts.key(f) for f in condition.fields}
        counted = [c for c in facts.before if c.hours and any(facts.key(s.name) in keys for s in c.skills)]
        if sum(c.hours or 0.0 for c in counted) >= condition.hours - 1e-9:
            return Verdict.MET, words, tuple(c.id for c in counted)
        return Verdict.UNKNOWN, f"{words} (skillgap does not know your training hours)", ()
    if kind == "other":
        return Verdict.UNKNOWN, words, ()
    options = [_condition(o, facts) for o in condition.options]
    verdict = _any(v for v, *_ in options)
    if verdict is Verdict.MET:
        return verdict, words, next(ids for v, _, ids in options if v is Verdict.MET)
    return verdict, " or ".join(w for _, w, _ in options), ()  # none is met: any of them would do


DEGREE_WORDS = {
    "none": "no degree",
    "secondary": "a secondary diploma",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "doctorate": "a doctorate",
}
assert set(DEGREE_WORDS) == set(DEGREES)


def duration(months: float) -> str:
    """36 months as people say it: "3 years"; 18 months: "18 months"; 8.5: "8.5 months"."""
    if months >= 12 and abs(months / 12 - round(months / 12)) < 1e-9:
        years = round(months / 12)
        return f"{years} year" + ("s" if years != 1 else "")
    return f"{months:g} month" + ("s" if months != 1 else "")


def _either(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def describe(condition: Condition, titles: Mapping[str, str] | None = None) -> str:
    """A condition in words: "a bachelor's degree or higher", "3 years of experience in project
    management", "35 hours of training in project management", "the CAPM held first"."""
    kind = condition.kind
    if kind == "education":
        assert condition.degree is not None
        return DEGREE_WORDS[condition.degree] + ("" if condition.degree == "doctorate" else " or higher")
    if kind == "experience":
        return f"{duration(condition.months or 0)} of experience in {_either(condition.fields)}"
    if kind == "training":
        return f"{condition.hours or 0:g} hours of training in {_either(condition.fields)}"
    if kind == "credential":
        names = [(titles or {}).get(i, i) for i in condition.credentials]
        return f"{_either(names)} held first"
    if kind == "other":
        return condition.text or ""
    return " or ".join(describe(o, titles) for o in condition.options)


# --- entry level -----------------------------------------------------------------------------


@dataclass(frozen=True)
class EntryShortfall:
    """A skill a credential expects on entry at a level the person is below."""

    skill: str  # as the catalog names it
    key: str
    expected: int
    have: int

    def describe(self, first: bool = False) -> str:
        """FIRST speaks as the person, for a memo they send."""
        you = "I am" if first else "you are"
        return f"{self.skill} at level {self.expected} on entry ({you} at {self.have})"


def entry_shortfalls(
    credential: Credential, levels: Mapping[str, int], key: Callable[[str], str]
) -> tuple[EntryShortfall, ...]:
    """The skills CREDENTIAL expects on entry above the person's LEVELS (by skill key)."""
    out = []
    expected = credential.entry_level(key)
    names = {key(s.name): s.name for s in credential.requires}
    for k, level in expected.items():
        have = levels.get(k, 0)
        if have < level:
            out.append(EntryShortfall(names[k], k, level, have))
    return tuple(out)


def person_levels(analysis: Analysis) -> dict[str, int]:
    """The level that counts for each skill the person has something of, by skill key."""
    return {k: p.level for k, p in analysis.person.items()}
