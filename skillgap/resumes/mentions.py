"""The skills running text names (a position's description, a CV), found by the job-posting reader.

The words of a CV or of a job description are read as `skillgap import posting` reads an ad: the same
lines, the same sentences, the same extractor and matcher, so a skill is found in a CV exactly when it
would be found in a posting. What the extractor reads as asked for, a CV states as held.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from skillgap.match import Matcher
from skillgap.postings.types import Posting


@dataclass(frozen=True)
class Mention:
    """A skill named in a text: the sentence, and the level its wording states, if any."""

    skill: str  # canonical
    sentence: str
    line: int
    level: int | None = None  # "advanced Excel", "5 years of SQL"; None where the words state none


@dataclass(frozen=True)
class Reading:
    mentions: tuple[Mention, ...]
    credentials: tuple[tuple[str, int], ...] = ()  # sentences naming a degree or a certification, by line
    title: str = ""  # the text's first line or heading, which is not read for skills (a CV: the name)


def read_posting_text(posting: Posting, matcher: Matcher) -> Reading:
    """The skills and the credential sentences of a text already read into lines."""
    from skillgap.postings import extract

    # exact names and aliases only: a claim the person never made is worse than one they have to add
    extraction = extract(posting, matcher, default_level=1, fuzzy=False)
    found: list[Mention] = []
    for ask in extraction.asks:
        stated = None if "level" in ask.estimated else ask.level
        for skill in ask.skills:  # each skill of "X or Y" is named
            found.append(Mention(skill, ask.evidence.text, ask.evidence.line, stated))
    credentials = tuple((c.text, c.line) for c in extraction.credentials)
    return Reading(tuple(found), credentials, extraction.title)


def skills_in(texts: Sequence[str], source: str, matcher: Matcher) -> Reading:
    """The skills TEXTS (lines of plain text: a title, a description, highlights) name."""
    from skillgap.postings.read import text_lines

    lines, _ = text_lines("\n".join(t for t in texts if t))
    if not lines:
        return Reading(())
    # a title given: no line of the text is taken for the job's title and left unread
    return read_posting_text(Posting(source, "text", lines, title=source), matcher)
