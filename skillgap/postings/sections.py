"""Reading a posting like a recruiter: what each section is for, and what its cue words say.

Headings decide a section's kind: requirements ("Requirements", "Minimum qualifications", "What you
bring") make what they list essential, preferences ("Preferred", "Nice to have", "Bonus") nice-to-have,
duties ("Responsibilities", "What you'll do") and unlabelled text important; benefits, the company's own
story, pay, how to apply and legal text are not read for skills at all. Within a sentence, cue words
override the section: "must", "required", "is essential" make it essential, a softer "preferred", "a
plus", "desired" wins over both. Levels come from wording ("expert", "advanced", "working knowledge",
"familiarity with") and from years of experience (1-2 years 3, 3-5 years 4, 6 or more 5).

These are general word lists of how job ads are written, not tuned to any one ad.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from enum import Enum
from typing import NamedTuple

from skillgap.levels import Importance
from skillgap.postings.types import Line, LineKind
from skillgap.postings.wording import Phrases, phrases, spell


class Section(str, Enum):
    REQUIRED = "required"
    PREFERRED = "preferred"
    DUTIES = "duties"
    NEUTRAL = "neutral"  # no heading says (an intro, a heading that names no kind of section)
    SKIPPED = "skipped"  # not the job's requirements: benefits, the company, pay, how to apply

    @property
    def importance(self) -> Importance:
        if self is Section.REQUIRED:
            return Importance.ESSENTIAL
        if self is Section.PREFERRED:
            return Importance.NICE_TO_HAVE
        return Importance.IMPORTANT


_words = phrases  # word lists, spelt out: see skillgap.postings.wording


# --- headings ------------------------------------------------------------------------------

SKIPPED_HEADING = _words(
    r"benefits?",
    r"perks",
    r"what we offer",
    r"we offer",
    r"(?:total )?compensation",
    r"salary",
    r"pay(?: range| scale| rate)?",
    r"rewards",
    r"about us",
    r"about the (?:company|organi[sz]ation|employer|firm|business)",
    r"company (?:description|overview|profile|information)",
    r"who we are",
    r"our (?:company|culture|values|mission|story|team|benefits)",
    r"why (?:join|work)",
    r"why you(?:'ll| will)? love",
    r"what'?s in it for you",
    r"why us",
    r"life at",
    r"equal (?:employment )?opportunity",
    r"eeo",
    r"diversity (?:statement|commitment)",
    r"how to apply",
    r"to apply",
    r"(?:application|hiring|interview|recruitment|selection) process",
    r"next steps",
    r"additional information",
    r"other information",
    r"job grade",
    r"grade",
    r"location",
    r"working (?:hours|conditions)",
    r"physical (?:requirements|demands)",
    r"work environment",
    r"disclaimer",
    r"legal",
    r"privacy",
    r"share this (?:job|posting)",
    r"similar jobs",
    r"apply now",
    r"performance indicators",
    r"career (?:ladder|path)",
    r"hiring manager",
    r"contact",
)
PREFERRED_HEADING = _words(
    r"preferred",
    r"nice[- ]to[- ]haves?",
    r"bonus(?: points)?",
    r"desired",
    r"desirable",
    r"a plus",
    r"pluses",
    r"plus points",
    r"extra credit",
    r"ideally",
    r"advantageous",
    r"optional",
    r"helpful",
)
STRONG_HEADING = _words(r"required", r"minimum", r"basic", r"must[- ]haves?", r"essential", r"mandatory")
REQUIRED_HEADING = _words(
    r"requirements?",
    r"required",
    r"qualifications?",
    r"must[- ]haves?",
    r"minimum",
    r"essential",
    r"mandatory",
    r"what you(?:'ll| will)? (?:bring|need)",
    r"what (?:you|we)(?:'ll| will)? need",
    r"you(?:'ll| will)? (?:have|bring|need)",
    r"about you",
    r"who you are",
    r"(?:what|who) we(?:'re| are) looking for",
    r"we(?:'re| are) looking for",
    r"ideal candidate",
    r"your (?:profile|background|skills|experience|qualifications)",
    r"skills(?:,)? (?:and|&) (?:experience|expertise|abilities|knowledge|qualifications)",
    r"knowledge(?:,)? skills",
    r"experience (?:and|&) skills",
    r"competenc(?:y|ies)",
    r"what it takes",
    r"is this you",
    r"profile",
)
DUTIES_HEADING = _words(
    r"responsibilit(?:y|ies)",
    r"duties",
    r"what you(?:'ll| will) do",
    r"what you(?:'ll| will) be doing",
    r"your (?:role|impact|day|mission|tasks|job)",
    r"the (?:role|job|position|opportunity)",
    r"role (?:overview|description|summary|purpose)",
    r"about the (?:role|job|position|team|opportunity)",
    r"(?:job|position) (?:description|summary|overview|purpose|details)",
    r"summary",
    r"overview",
    r"day[- ]to[- ]day",
    r"key (?:tasks|activities|accountabilities|areas)",
    r"accountabilities",
    r"in this role",
    r"you will",
    r"scope",
    r"purpose",
)

# "Reports to: ...", "Location: ...": facts about the job, not what it asks of a person
META_KEYS = frozenset(
    spell(
        r"(?:job title|title|position(?: title)?|role|department|division|team|reports? to|direct reports|"
        r"location|work location|flsa(?: status)?|employment type|job type|type|contract|salary|pay|"
        r"compensation|duration|start date|posted(?: on)?|date posted|posting (?:close )?date|closing date|"
        r"close date|job id|job number|req(?:uisition)?(?: id| number)?|reference|ref|schedule|shift|"
        r"travel|hours|category|grade|level|remote|company|employer|industry|openings?|vacancies)"
    )
)
_KEY_VALUE = re.compile(r"^([A-Za-z][A-Za-z ]{0,30}?)\s*[:\-\u2013]\s*\S")


# A line of facts set apart by dots or bars: "Acme · Remote (US) · Full-time · $105,000"
_FACT_SEPARATORS = re.compile(r"\s[\u00b7|\u2022]\s")
# "Boise, ID", "Minneapolis, MN": a place, in a short line that names the employer and where it is
_STATES = (
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY "
    "NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)
_PLACE = re.compile(r"\b[A-Z][a-z]+,\s(?:" + "|".join(_STATES.split()) + r")\b")
MAX_PLACE_LINE_WORDS = 14


def is_meta(text: str) -> bool:
    """Whether a line states a fact about the job: "Key: value" ("Reports to: ...", "Location: ..."), a
    line of facts set apart by dots or bars, or a short line that says where the employer is
    ("Orrin Medical Devices, Inc. - Minneapolis, MN")."""
    found = _KEY_VALUE.match(text)
    if found is not None and " ".join(found.group(1).lower().split()) in META_KEYS:
        return True
    if len(_FACT_SEPARATORS.findall(text)) >= 2:
        return True
    return len(text.split()) <= MAX_PLACE_LINE_WORDS and _PLACE.search(text) is not None


TITLE_LINE = re.compile(r"^(?:job title|position(?: title)?|role)\s*:\s*(.+)$", re.IGNORECASE)

MAX_HEADING_WORDS = 8
MAX_BARE_HEADING_WORDS = 4  # a plain line taken for a heading only when it names a kind of section


def heading_kind(text: str) -> Section | None:
    """The kind of section a heading opens, or None when it names none ("Data Analyst", "Tools")."""
    text = text.strip().rstrip(":").strip()
    if not text:
        return None
    if PREFERRED_HEADING.search(text) and not STRONG_HEADING.search(text):
        return Section.PREFERRED
    if REQUIRED_HEADING.search(text) and not SKIPPED_HEADING.search(text):
        return Section.REQUIRED
    if SKIPPED_HEADING.search(text) or _about_other(text) or _WHY_EMPLOYER.match(text):
        return Section.SKIPPED
    if DUTIES_HEADING.search(text):
        return Section.DUTIES
    return None


_ABOUT = re.compile(r"^about\s+(\S.*)$", re.IGNORECASE)
_WHY_EMPLOYER = re.compile(r"^[Ww]hy\s+[A-Z][\w&.'-]*(?:\s+[A-Z][\w&.'-]*)?\??$")  # "Why Bellwether"
_ABOUT_JOB = _words(r"you", r"the (?:role|job|position|team|opportunity)", r"this (?:role|job|position)")


def _about_other(text: str) -> bool:
    """ "About Acme" (the company), but not "About you" or "About the role"."""
    found = _ABOUT.match(text)
    return found is not None and not _ABOUT_JOB.match(found.group(1))


def _is_upper(text: str) -> bool:
    """A line in capitals with a word of five letters or more ("BENEFITS", but not "SQL, AWS")."""
    letters = [c for c in text if c.isalpha()]
    long_word = any(sum(c.isalpha() for c in word) >= 5 for word in text.split())
    return long_word and all(c.isupper() for c in letters)


def _word_count(text: str) -> int:
    return len(text.split())


def as_heading(line: Line) -> bool:
    """Whether a line reads as a heading: marked up as one, a short line ending in a colon, a short
    line in capitals, or a short plain line that names a kind of section ("Qualifications")."""
    if line.kind is LineKind.HEADING:
        return True
    text = line.text
    words = _word_count(text)
    if text.endswith(":") and words <= MAX_HEADING_WORDS:
        return True
    if _is_upper(text) and words <= MAX_HEADING_WORDS and not text.endswith("."):
        return True
    if line.kind is not LineKind.TEXT or text.endswith((".", ",", ";", "!", "?")):
        return False
    kind = heading_kind(text) if words <= MAX_HEADING_WORDS else None
    if kind is Section.SKIPPED and SKIPPED_HEADING.match(text):
        return True  # a heading of what the job is not, however long: "Why you'll love working here"
    return words <= MAX_BARE_HEADING_WORDS and kind is not None


class Placed(NamedTuple):
    """A line of the posting with the kind of section it sits in."""

    line: Line
    section: Section
    heading: bool = False
    meta: bool = False  # a "Key: value" fact about the job


def place(lines: Iterable[Line]) -> Iterator[Placed]:
    """Each line with its section. A heading that names no kind of section keeps the kind of the one it
    sits in (a deeper Markdown or HTML heading, or one with no level such as "Technical skills:")."""
    stack: list[tuple[int, Section]] = []  # open headings with a level: (depth, kind)
    current = Section.NEUTRAL
    for line in lines:
        if is_meta(line.text) and not line.text.endswith(":"):
            yield Placed(line, current, meta=True)
            continue
        if as_heading(line):
            kind = heading_kind(line.text)
            depth = line.depth
            if depth:
                while stack and stack[-1][0] >= depth:
                    stack.pop()
                parent = stack[-1][1] if stack else Section.NEUTRAL
                current = kind or parent
                stack.append((depth, current))
            elif kind is not None:
                current = kind
            yield Placed(line, current, heading=True)
            continue
        yield Placed(line, current)


def stated_title(line: Line) -> str | None:
    found = TITLE_LINE.match(line.text)
    return found.group(1).strip() if found else None


# --- cue words in a sentence -----------------------------------------------------------------

NICE_CUES = _words(
    r"preferred",
    r"preferably",
    r"an? (?:big |huge |definite |strong |real )?(?:plus|bonus|advantage)",
    r"plus points?",
    r"bonus points?",
    r"nice[- ]to[- ]haves?",
    r"desired",
    r"desirable",
    r"ideally",
    r"advantageous",
    r"beneficial",
    r"welcomed?",
    r"optional",
    r"not (?:required|essential|mandatory)",
    r"helpful",
    r"appreciated",
)
STRONG_CUES = _words(
    r"required",
    r"requires?",
    r"must",
    r"mandatory",
    r"essential",
    r"(?:a|at a) minimum of",
    r"at a minimum",
    r"minimum (?:of )?(?:[0-9]|[1-9][0-9]|one|two|three|four|five|six|seven|eight|nine|ten)",
    r"at least",
    r"you(?:'ll| will)? (?:have|bring|need|possess)",
    r"you(?:'ve| have) got",
    r"necessary",
)


def cue_importance(text: str) -> Importance | None:
    """What a sentence's own words say of how much it matters (the softer cue wins), or None."""
    if NICE_CUES.search(text):
        return Importance.NICE_TO_HAVE
    if STRONG_CUES.search(text):
        return Importance.ESSENTIAL
    return None


# --- levels ----------------------------------------------------------------------------------

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
    "fifteen": 15,
}
_NUMBER = r"(?:\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
YEARS = re.compile(
    rf"\b(?P<low>{_NUMBER})(?:\s*\(\d{{1,2}}\))?\s*(?:\+|plus)?\s*(?:(?:-|\u2013|to)\s*(?:{_NUMBER})\s*\+?\s*)?"
    r"(?:\+\s*)?years?\b(?!\s+(?:old|ago|from now))",
    re.IGNORECASE,
)
LEVEL_WORDS: tuple[tuple[Phrases, int], ...] = (
    (_words(r"expert(?:-level| level)?", r"expertise", r"mastery", r"master(?:ed)?"), 5),
    (
        _words(
            r"advanced",
            r"deep",
            r"in[- ]depth",
            r"extensive",
            r"proficien(?:t|cy)",
            r"highly proficient",
            r"fluen(?:t|cy)",
            r"thorough",
        ),
        4,
    ),
    (_words(r"working knowledge", r"working experience", r"competent", r"intermediate"), 3),
    (_words(r"familiar(?:ity)?", r"exposure", r"basic", r"awareness", r"some experience"), 2),
    (_words(r"novice", r"beginner"), 1),
)
NOT_LEVELS = _words(r"subject matter experts?", r"smes?")  # a role, not how well


def level_for_years(years: int) -> int:
    """N years of experience as a level: 1-2 years 3, 3-5 years 4, 6 or more 5 (0: 2)."""
    if years >= 6:
        return 5
    if years >= 3:
        return 4
    return 3 if years >= 1 else 2


def years_stated(text: str) -> int | None:
    """The most years of experience a sentence states ("6 years", "three years"; the low end of "3-5
    years"), or None when it states none. A CV's "6 years of payroll" is read with this."""
    found = [m.group("low").lower() for m in YEARS.finditer(text)]
    counts = [_NUMBER_WORDS.get(low) or int(low) for low in found if low in _NUMBER_WORDS or low.isdigit()]
    return max(counts) if counts else None


def level_cues(text: str) -> list[tuple[int, int, int]]:
    """The level cues in a sentence as (start, end, level), in order."""
    found: list[tuple[int, int, int]] = []
    blocked = [m.span() for m in NOT_LEVELS.finditer(text)]
    for words, level in LEVEL_WORDS:
        for hit in words.finditer(text):
            if not any(a <= hit.start() < b for a, b in blocked):
                found.append((hit.start(), hit.end(), level))
    for m in YEARS.finditer(text):
        low = m.group("low").lower()
        years = _NUMBER_WORDS.get(low)
        found.append((m.start(), m.end(), level_for_years(years if years is not None else int(low))))
    found.sort()
    return found


def level_at(cues: list[tuple[int, int, int]], position: int) -> int | None:
    """The level a skill named at POSITION takes: the nearest cue before it in the sentence, else the
    first after it."""
    before = [level for start, _, level in cues if start < position]
    if before:
        return before[-1]
    after = [level for start, _, level in cues if start >= position]
    return after[0] if after else None
