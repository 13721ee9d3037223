"""From a posting's lines to the role it describes: skills with levels and importance, choices between
skills, the credentials it asks for, and the phrases that look like skills but match none.

Each sentence is read in the section it sits in (see :mod:`skillgap.postings.sections`) and its skills
found through the matcher (see :mod:`skillgap.postings.phrases`). Then:

- "X, Y or Z", "X and/or Y", and the examples after "such as", "e.g.", "for example" are one requirement
  with alternatives, any one of which meets it (two or more known skills; one is simply that skill);
- a skill the posting names several times is one requirement, at its strongest importance and the
  highest level stated for it;
- degrees, licences and certifications are credentials, and what a degree is in is not a skill;
- what the company merely uses ("we use dbt", "our data includes Salesforce") is not asked of anyone,
  nor is what the skills are for ("SEO to improve lead generation") or a condition of being hired
  ("must pass a background check").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from skillgap.levels import Importance
from skillgap.match import Matcher
from skillgap.postings.lexicon import CONJUNCTIONS, PEOPLE, STOP
from skillgap.postings.phrases import Scanner
from skillgap.postings.role import Mention, merge
from skillgap.postings.sections import (
    Placed,
    Section,
    cue_importance,
    level_at,
    level_cues,
    place,
    stated_title,
)
from skillgap.postings.tokens import Found, Token, tokenize
from skillgap.postings.types import CredentialAsk, Evidence, Extraction, Line, Posting, Unrecognised
from skillgap.postings.wording import phrases

DEFAULT_LEVEL = 3
MAX_EVIDENCE = 240  # characters of a sentence kept as evidence
MAX_TITLE_WORDS = 14
ABBREVIATED = frozenset(
    "e.g. eg. i.e. ie. etc. incl. approx. vs. inc. ltd. co. corp. dr. mr. mrs. ms. no. st. jr. sr. "
    "u.s. u.k. e.u. a.m. p.m. min. max. esp. dept.".split()
)

_SENTENCE_END = re.compile(
    r"(?<=[.!?])\s+(?=[\"'(\[]?[A-Z0-9])|;\s+|\s+[-\u2013\u2014]\s+(?=[A-Z0-9])|\s+\u2022\s+"
)
CREDENTIAL = phrases(
    r"bachelors?",
    r"bachelor['\u2019]s",
    r"master['\u2019]s",
    r"masters degree",
    r"associate(?:['\u2019]s|s)? degree",
    r"doctorate",
    r"doctoral",
    r"ph\.? ?d",
    r"mba",
    r"degree",
    r"diploma",
    r"ged",
    r"high school",
    r"certifications?",
    r"certified",
    r"certificate",
    r"licen[cs]e[ds]?",
    r"licensure",
    r"accredited",
    r"accreditation",
    r"chartered",
)
PLACEHOLDER = re.compile(
    r"\[(?:[A-Z]{1,3}|\$[A-Z0-9]{1,5}|\.\.\.|TBD|TBC)\]|\{\{[^}]*\}\}|<[A-Z_]{2,}>|\bX{3,}\b"
)
# what the company itself uses or does, not what it asks of a person (matched against words joined by
# single spaces)
COMPANY_USE = phrases(
    r"(?:we|our team|our teams|our company|our department|our organi[sz]ation) "
    r"(?:currently |also |mainly |mostly |primarily |heavily )?"
    r"(?:use|uses|used|are using|work with|rely on|run on|leverage|build with|build on)",
    r"(?:we|our team|our teams) (?:collaborates?|communicates?|chats?|meets?) (?:in|on|over|via|through)",
    r"our (?:data|stack|tech stack|technology stack|tools?|toolset|toolkit|platforms?|systems?|sources|"
    r"clients|customers|partners|products?) (?:includes?|are|is|consists? of|spans?|covers?)",
    r"(?:tools?|stack|platforms?|software) we use",
    r"(?:is|are|we're|we are|currently) (?:hiring|recruiting|seeking|looking for)",
    r"we (?:value|believe|offer|provide|celebrate|care|love|pride|support|invest)",
)
# the employer's statement of equal opportunity, which asks nothing of anyone
BOILERPLATE = phrases(
    r"equal (?:employment )?opportunity",
    r"affirmative action",
    r"without regard to",
    r"all qualified applicants",
    r"will receive consideration",
    r"(?:does|do) not discriminate",
)
# what the job teaches once hired, which nobody is asked to have: "you will learn our tooling during
# onboarding", "we will train you on Epic"
LEARNED_ON_THE_JOB = phrases(
    r"you(?:'ll| will) (?:learn|be trained|get trained|pick up)",
    r"we(?:'ll| will) (?:train|teach) you",
    r"(?:training|coaching) (?:is |will be )?provided",
)
# a condition of being hired, not a skill: "successful completion of a background check", "must pass a
# drug screen", "offers are contingent on references"
CONDITION = phrases(
    r"successful completion of",
    r"successfully pass(?:es|ing)?",
    r"subject to",
    r"contingent (?:up)?on",
    r"must (?:be able to )?pass",
    r"requires? (?:a|an) (?:background|credit|criminal|drug|pre-employment)",
    r"(?:pass|passing) (?:a|an|the)",
    r"(?:undergo|undergoes|undergoing)",
    r"consent to",
)
# verbs of what work is for: after "to", what follows is the outcome ("to improve lead generation")
OUTCOMES = frozenset(
    "improve improves drive drives generate grow increase boost deliver enable ensure reduce maximize "
    "maximise optimize optimise achieve inform support accelerate help".split()
)
CHOICE_CUE = phrases(
    r"such as",
    r"for example",
    r"for instance",
    r"one or more of",
    r"any of",
    r"at least one of",
    r"one of",
    r"either",
    r"e\. ?g",
    r"eg",
    r"like",
)
NOT_LIKE = ("would ", "'d ", "\u2019d ", "you ", "we ")  # "would like": a wish, not examples
_JOINER = re.compile(r"^(?:\s|,|/|&|\band\b|\bor\b)*$", re.IGNORECASE)
_OR = re.compile(r"\bor\b|and/or", re.IGNORECASE)
# a list of skills that goes on with "or" and one more item no known skill matched ("Tableau, Power BI or
# Looker", "Excel, SQL and/or similar")
_OR_MORE = re.compile(
    r"^\s*,?\s*(?:or|and/or)\s+[^,;:.()\[\]]{1,40}?(?=$|[,;:.)\]]|\s+(?:is|are|would|will|be)\b)", re.I
)
# words around an unknown skill-like phrase that are not part of it ("strong experience with X skills")
FILLER = frozenset(
    "experience experienced with in of using use the a an and or strong excellent good great solid proven "
    "demonstrated hands hands-on on working knowledge understanding ability able to skills skill "
    "proficiency proficient familiarity familiar expertise expert advanced basic deep extensive level "
    "tools tool software other similar related etc recent versions version various variety modern "
    "industry standard must be have has is are required preferred desired plus nice bonus years year "
    "background exposure comfort comfortable capability capabilities competency competence practical "
    "applied application applications previous prior relevant professional knowledgeable desirable".split()
)
LIST_WORDS = frozenset({"and", "or", "and/or", "nor"})
SPLITTERS = frozenset({"including", "such", "as", "like", "e.g", "eg", "i.e", "ie", "etc"})
PUFFERY = frozenset(
    "excellent outstanding exceptional passionate passion motivated self-motivated driven dynamic "
    "fast-paced rockstar ninja world-class best-in-class innovative energetic enthusiastic positive "
    "values mindset attitude team player".split()
)


@dataclass
class _Reading:
    mentions: list[Mention] = field(default_factory=list)
    credentials: list[CredentialAsk] = field(default_factory=list)
    unrecognised: dict[str, Unrecognised] = field(default_factory=dict)


def extract(
    posting: Posting, matcher: Matcher, default_level: int = DEFAULT_LEVEL, fuzzy: bool = True
) -> Extraction:
    """The role POSTING describes, its skills resolved by MATCHER; DEFAULT_LEVEL where it states none."""
    placed = list(place(posting.lines))
    title, title_line = _title(posting, placed)
    scanner = Scanner(matcher, fuzzy=fuzzy)
    reading = _Reading()
    for item in placed:
        if item.heading or item.meta or item.section is Section.SKIPPED or item.line is title_line:
            continue
        for sentence in split_sentences(item.line.text):
            _read_sentence(sentence, item, scanner, reading)
    asks, settled = merge(reading.mentions, default_level)
    found = {s for a in asks for s in a.skills}
    unrecognised = tuple(u for u in reading.unrecognised.values() if u.text not in found)
    return Extraction(
        title=title,
        source=posting.source,
        asks=asks,
        credentials=_distinct_credentials(reading.credentials),
        unrecognised=unrecognised,
        default_level=default_level,
        settled=settled,
    )


def split_sentences(text: str) -> list[str]:
    """The sentences (and ";"-separated clauses) of a line; never inside brackets nor after an
    abbreviation ("e.g. Python")."""
    parts: list[str] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        before = text[start : m.start()]
        if before.count("(") > before.count(")") or before.count("[") > before.count("]"):
            continue
        last_word = before.rsplit(None, 1)[-1].lower() if before.split() else ""
        if last_word in ABBREVIATED:
            continue
        parts.append(before.strip())
        start = m.end()
    parts.append(text[start:].strip())
    return [p for p in parts if p]


# --- one sentence ------------------------------------------------------------------------------


def _weighed(cue: Importance | None, section: Section) -> tuple[Importance, bool]:
    """How much what a sentence asks matters, from its cue word or else its section, and whether either
    said so (an unlabelled list says nothing)."""
    return cue or section.importance, cue is not None or section is not Section.NEUTRAL


def _read_sentence(sentence: str, item: Placed, scanner: Scanner, reading: _Reading) -> None:
    cue = cue_importance(sentence)
    importance, stated = _weighed(cue, item.section)
    line = item.line.number
    if PLACEHOLDER.search(sentence):
        return  # a template never filled in ("managing [X] suppliers") says nothing yet
    if CONDITION.search(sentence):
        return  # a condition of being hired ("must pass a background check") asks for no skill
    if LEARNED_ON_THE_JOB.search(sentence):
        return  # "you will learn our environment during a 60-day onboarding": taught, not asked
    if BOILERPLATE.search(sentence):
        return  # "... is an Equal Opportunity Employer", "without regard to race, color, ..."
    if CREDENTIAL.search(sentence):
        reading.credentials.append(CredentialAsk(_trim(sentence), importance, line))
        return  # what a degree or certificate is in is not a skill asked for
    tokens = tokenize(sentence)
    if not tokens:
        return
    used = _company_parts(sentence, tokens)
    found = [f for f in scanner.find(sentence, tokens) if tokens[f.first].paren not in used]
    found = _before_purpose(tokens, found)
    cues = level_cues(sentence)
    own = _bracket_cues(sentence, tokens, found)
    if own:  # the sentence's own cue, without what a bracket says of the skills inside it
        cue = cue_importance(_outside(sentence, tokens, set(own)))
        importance, stated = _weighed(cue, item.section)
    for group in _groups(sentence, tokens, found):
        levels = [level for f in group if (level := level_at(cues, f.start)) is not None]
        phrase = ", ".join(sentence[f.start : f.end] for f in group)
        skills = tuple(dict.fromkeys(f.skill for f in group))
        evidence = Evidence(_trim(sentence, group[0].start), line, phrase)
        inside = own.get(tokens[group[0].first].paren)
        reading.mentions.append(
            Mention(
                skills,
                inside or importance,
                max(levels) if levels else None,
                evidence,
                stated or inside is not None,
            )
        )
    if item.section in (Section.REQUIRED, Section.PREFERRED) or cue is not None:
        for text in _unknown(sentence, tokens, found, used):
            reading.unrecognised.setdefault(text.casefold(), Unrecognised(text, line))


def _bracket_cues(sentence: str, tokens: Sequence[Token], found: Sequence[Found]) -> dict[int, Importance]:
    """The cue of each bracketed part that names a skill itself ("a CRM (Salesforce preferred)"): it
    says how much that skill matters, not the sentence. A bracket of a cue alone ("Tableau (a plus)")
    speaks of the words before it, as part of the sentence."""
    named = {tokens[f.first].paren for f in found} - {0}
    out: dict[int, Importance] = {}
    for part in named:
        words = [t for t in tokens if t.paren == part]
        cue = cue_importance(sentence[words[0].start : words[-1].end])
        if cue is not None:
            out[part] = cue
    return out


def _outside(sentence: str, tokens: Sequence[Token], parts: set[int]) -> str:
    """SENTENCE without the words of the bracketed PARTS."""
    return " ".join(sentence[t.start : t.end] for t in tokens if t.paren not in parts)


def _before_purpose(tokens: Sequence[Token], found: list[Found]) -> list[Found]:
    """The skills named before the sentence says what they are for ("SEO and SEM to improve lead
    generation", "Python and JSON to drive better decision making"): the outcome the work serves is not a
    skill asked for, though a tool it names is still one the work uses ("to help deliver queries in
    Snowflake"). A purpose starts at "to" and a verb of outcome after the first skill named."""
    if not found:
        return found
    for k in range(found[0].last, len(tokens) - 1):
        if tokens[k].lower == "to" and tokens[k + 1].lower in OUTCOMES:
            return [f for f in found if f.first < k or _a_name(tokens[f.first : f.last])]
    return found


def _a_name(words: Sequence[Token]) -> bool:
    """Whether words are written as a name (a capital letter in them) rather than as common nouns."""
    return any(c.isupper() for t in words for c in t.text)


def _company_parts(sentence: str, tokens: Sequence[Token]) -> set[int]:
    """The parts of the sentence (outside brackets: 0; each bracketed part) that tell what the company
    itself uses ("we use dbt", "our data includes Salesforce"): nothing there is asked of anyone."""
    parts: dict[int, list[str]] = {}
    for t in tokens:
        parts.setdefault(t.paren, []).append(sentence[t.start : t.end])
    return {part for part, words in parts.items() if COMPANY_USE.search(" ".join(words))}


def _groups(sentence: str, tokens: Sequence[Token], found: list[Found]) -> list[list[Found]]:
    """The skills of a sentence, each alone or with its alternatives."""
    if not found:
        return []
    choice_of: dict[int, int] = {}  # index in FOUND -> group id
    group_id = 0
    for cue in CHOICE_CUE.finditer(sentence):
        if cue.group().lower() == "like" and sentence[: cue.start()].lower().endswith(NOT_LIKE):
            continue
        end = _cue_scope(sentence, tokens, cue.end())
        members = [k for k, f in enumerate(found) if cue.end() <= f.start < end and k not in choice_of]
        if len(members) >= 2:
            group_id += 1
            choice_of.update((k, group_id) for k in members)
    k = 0
    while k < len(found):  # "X, Y or Z", "X and/or Y"
        run = [k]
        while run[-1] + 1 < len(found) and _JOINER.match(
            sentence[found[run[-1]].end : found[run[-1] + 1].start]
        ):
            run.append(run[-1] + 1)
        last_joiner = sentence[found[run[-1] - 1].end : found[run[-1]].start] if len(run) > 1 else ""
        more = _OR_MORE.match(sentence[found[run[-1]].end :]) is not None
        if len(run) > 1 and (_OR.search(last_joiner) or more) and not any(m in choice_of for m in run):
            group_id += 1
            choice_of.update((m, group_id) for m in run)
        k = run[-1] + 1
    groups: list[list[Found]] = []
    seen: dict[int, list[Found]] = {}
    for k, f in enumerate(found):
        gid = choice_of.get(k)
        if gid is None:
            groups.append([f])
        elif gid in seen:
            seen[gid].append(f)
        else:
            seen[gid] = [f]
            groups.append(seen[gid])
    return groups


def _cue_scope(sentence: str, tokens: Sequence[Token], start: int) -> int:
    """Where the examples after a cue end: the closing bracket if the cue is in brackets, else the end
    of the sentence."""
    depth = 0
    for pos in range(start - 1, -1, -1):  # is the cue inside brackets?
        ch = sentence[pos]
        if ch in ")]":
            depth += 1
        elif ch in "([":
            if depth == 0:
                close = sentence.find(")" if ch == "(" else "]", start)
                return len(sentence) if close < 0 else close
            depth -= 1
    return len(sentence)


def _unknown(sentence: str, tokens: Sequence[Token], found: list[Found], skipped: set[int]) -> list[str]:
    """Phrases of a requirement sentence that read like skills but that no known skill matched: the words
    left between list separators, once filler ("experience with", "skills") is stripped, when they hold a
    name ("HTML5", "reveal.js", "GitLab") or are items of a list that also names a known skill."""
    covered = {k for f in found for k in range(f.first, f.last)}
    segments: list[tuple[list[int], bool]] = [([], False)]  # (tokens, whether a list separator began it)
    purpose = False  # "... to generate insights": what the skill is for, not a skill
    for k, token in enumerate(tokens):
        between = sentence[tokens[k - 1].end : token.start] if k else ""
        if token.lower in LIST_WORDS or (token.hard_before and "," in between):
            segments.append(([], True))
            purpose = False
        elif token.hard_before or token.lower in SPLITTERS or "/" in between:
            segments.append(([], False))
            purpose = False
        elif token.lower == "to" and segments[-1][0]:
            segments.append(([], False))
            purpose = True
        if (
            token.lower not in SPLITTERS
            and token.lower not in LIST_WORDS
            and not purpose
            and token.paren not in skipped
        ):
            segments[-1][0].append(k)
    lists: list[list[list[int]]] = []
    for words, joined in segments:
        if joined and lists:
            lists[-1].append(words)
        else:
            lists.append([words])
    out: list[str] = []
    for items in lists:
        if any(item and tokens[item[-1]].lower in PEOPLE for item in items):
            continue  # colleagues, teams and departments ("Project Managers, Business Analysts, QA")
        known = any(k in covered for item in items for k in item)
        for item in items:
            text = _skill_like(sentence, tokens, item, covered, beside_known=known and len(items) > 1)
            if text:
                out.append(text)
    return out


def _skill_like(
    sentence: str, tokens: Sequence[Token], item: list[int], covered: set[int], beside_known: bool
) -> str | None:
    if not item or any(k in covered for k in item):
        return None
    words = list(item)
    while words and tokens[words[0]].lower in FILLER | STOP | PUFFERY:
        words.pop(0)
    while words and tokens[words[-1]].lower in FILLER | STOP | PUFFERY:
        words.pop()
    if not words or len(words) > 4 or any(tokens[k].lower in PUFFERY for k in words):
        return None
    if not any(any(c.isalpha() for c in tokens[k].text) for k in words):
        return None
    if words == [0] and len(tokens) > 2 and tokens[1].lower in CONJUNCTIONS and not tokens[1].hard_before:
        return None  # "Develop and implement lesson plans": the first of two verbs, not a skill
    named = any(_names_something(tokens[k], k == 0) for k in words)
    if named or (beside_known and len(words) <= 3):
        return sentence[tokens[words[0]].start : tokens[words[-1]].end]
    return None


def _names_something(token: Token, initial: bool) -> bool:
    text = token.text
    if any(c.isdigit() for c in text) and any(c.isalpha() for c in text):
        return True  # HTML5, S/4HANA
    if any(c in text for c in ".+#") and any(c.isalpha() for c in text):
        return True  # reveal.js, C++
    if any(c.isupper() for c in text[1:]) and any(c.islower() for c in text):
        return True  # GitLab, vSphere
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return True  # JSON, DNS
    return text[0].isupper() and not initial and text.lower() not in STOP


# --- the whole posting ---------------------------------------------------------------------------


def _distinct_credentials(found: Sequence[CredentialAsk]) -> tuple[CredentialAsk, ...]:
    best: dict[str, CredentialAsk] = {}
    for credential in found:
        key = credential.text.casefold()
        if key not in best or credential.importance.rank < best[key].importance.rank:
            best[key] = credential
    return tuple(best.values())


def _title(posting: Posting, placed: Sequence[Placed]) -> tuple[str, Line | None]:
    """The job's title and the line it was read from (which is then not read for skills)."""
    if posting.title:
        return posting.title, None
    for item in placed:
        if item.meta:
            found = stated_title(item.line)
            if found:
                return found, item.line
    for item in placed:
        if item.heading and item.line.depth == 1:
            return item.line.text, item.line
    for item in placed[:1]:
        if len(item.line.text.split()) <= MAX_TITLE_WORDS and not item.line.text.endswith("."):
            return item.line.text.rstrip(":"), item.line
    stem = Path(posting.source).stem if posting.source != "-" else ""
    return stem.replace("-", " ").replace("_", " ").strip() or "Role from a job posting", None


def _trim(text: str, around: int = 0) -> str:
    """TEXT, or as much of it as evidence keeps, around the character AROUND (where the skill is named)."""
    if len(text) <= MAX_EVIDENCE:
        return " ".join(text.split())
    start = max(0, min(around - MAX_EVIDENCE // 3, len(text) - MAX_EVIDENCE))
    window = text[start : start + MAX_EVIDENCE]
    if start > 0:
        window = "\u2026" + window.split(" ", 1)[-1]
    if start + MAX_EVIDENCE < len(text):
        window = window.rsplit(" ", 1)[0] + "\u2026"
    return " ".join(window.split())
