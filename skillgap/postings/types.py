"""What reading a job posting yields: its lines, then the role a recruiter would read out of it.

Frozen dataclasses only: the reader builds a Posting, the extractor an Extraction; nothing mutates them.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from skillgap.levels import Importance
from skillgap.model import Unmatched


class LineKind(str, Enum):
    HEADING = "heading"
    ITEM = "item"  # a list item (a bullet, a number, an HTML <li>)
    TEXT = "text"  # a paragraph or any other line


@dataclass(frozen=True)
class Line:
    """One line of a posting as a person reads it: markup gone, its place in the file kept."""

    number: int  # 1-based line in the file as given (for a PDF: in the text extracted from it)
    text: str
    kind: LineKind = LineKind.TEXT
    depth: int = 0  # a heading's level (1 for `#` or <h1>); 0 for a heading with no level of its own


@dataclass(frozen=True)
class Posting:
    """A job posting as read: its lines, what format it came in, and its title if it states one."""

    source: str  # the file as given ("-" for standard input)
    format: str  # text, markdown, html or pdf
    lines: tuple[Line, ...]
    title: str | None = None  # stated as such (front matter, <title>, <h1>, "Job title:"), if anywhere


@dataclass(frozen=True)
class Evidence:
    """Where a posting asks for something: the sentence (or list item) and its line."""

    text: str
    line: int
    phrase: str = ""  # the posting's own words that named the skill, within TEXT


@dataclass(frozen=True)
class Ask:
    """A requirement read from a posting: one skill, or a choice of skills (any one will do)."""

    skills: tuple[str, ...]  # canonical names; several for a choice ("X, Y or Z", "such as X or Y")
    level: int
    importance: Importance
    evidence: Evidence
    estimated: tuple[str, ...] = ()  # "level", "importance": what the posting did not state
    lines: tuple[int, ...] = ()  # every line that mentions it, the evidence's first

    @property
    def is_choice(self) -> bool:
        return len(self.skills) > 1


@dataclass(frozen=True)
class CredentialAsk:
    """A degree, licence or certification the posting asks for, in its own words."""

    text: str
    importance: Importance
    line: int


Unrecognised = Unmatched  # a phrase in a requirement list that reads like a skill but matches no skill


@dataclass(frozen=True)
class Settled:
    """A choice the posting names that one of its skills, asked for outright at least as strongly and
    as highly, already settles: left out of the role, kept to show what the posting said."""

    ask: Ask
    by: str  # the skill asked for outright


@dataclass(frozen=True)
class Extraction:
    """The role read from one posting."""

    title: str
    source: str
    asks: tuple[Ask, ...]
    credentials: tuple[CredentialAsk, ...] = ()
    unrecognised: tuple[Unrecognised, ...] = ()
    default_level: int = 3  # the level set where the posting states none
    settled: tuple[Settled, ...] = ()  # choices left out of the role: an outright ask settles each
