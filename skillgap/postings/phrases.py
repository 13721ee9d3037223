"""A sentence cut into words, and the phrases in it that name skills, found through the matcher.

Every run of up to MAX_WORDS words not broken by punctuation is a candidate; the matcher's exact and
alias layers decide which name a skill (longest first, left to right), so a look-alike never matches:
"JavaScript" is one word and is not "Java". Guards then drop what only looks like a skill in running
text: part of a longer product name ("Azure" in "Azure DevOps") or of a hyphenated word ("lead-time
tracking"), a job title or a department ("Learning & Development Manager", "Director of Supply Chain"),
a team in a list of people ("Project Managers, Business Analysts, QA"), an adjective ("a highly agile
environment"), an acronym or a one-word name written in lower case ("it", "id", "make", "excel at"), such
a name as the verb that starts a sentence ("Resolve the issue", "React to incidents"), a one- or
two-letter name that is not a list item of its own, an acronym in brackets that only restates the words
before it ("Program Managers (PMs)"), and a verb that turns one thing into another ("translate needs into
requirements").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from skillgap.match import Matcher
from skillgap.match.lexicon import ABBREVIATIONS
from skillgap.match.matcher import LookUp
from skillgap.match.text import tokens as name_words
from skillgap.postings.forms import ACTIVITY_ENDINGS, WordForms, gerunds, nominals, participles
from skillgap.postings.lexicon import (
    ADJECTIVE_ENDINGS,
    ADJECTIVES,
    CLAUSE_WORDS,
    CONJUNCTIONS,
    DEALING,
    DEALING_REACH,
    DETERMINERS,
    GENERIC,
    INTENSIFIERS,
    MARKETS,
    NEGATORS,
    PEOPLE,
    PREPOSITIONS,
    ROLE_NOUNS,
    SETTINGS,
    STOP,
)

MAX_WORDS = 6

_TOKEN = re.compile(r"\.[Nn][Ee][Tt]\b|[A-Za-z0-9][A-Za-z0-9+#]*(?:[.&'\u2019][A-Za-z0-9+#]+)*[+#]*")
_HARD = re.compile(r"[,;:()\[\]{}!?|\"\u201c\u201d\u2022]|\.(?!\w)|\s[-\u2013\u2014]\s|\s\u2013|\u2014")

SHORT = 2  # a name this short (letters) counts only as a list item of its own ("R", "ID")
_ABBREVIATION_KEYS = frozenset(ABBREVIATIONS)


class Token(NamedTuple):
    start: int
    end: int
    text: str
    hard_before: bool  # punctuation (not only a space, hyphen or slash) separates it from the word before
    spaced_before: bool  # only white space (or a hyphen) separates it from the word before
    paren: int  # which bracketed part of the sentence it is in (0: outside brackets)
    lower: str


class Found(NamedTuple):
    """A phrase of a sentence that names a skill."""

    first: int  # token indexes: [first, last)
    last: int
    skill: str
    start: int  # character offsets in the sentence
    end: int
    via: str  # exact, alias, fuzzy


def tokenize(sentence: str) -> list[Token]:
    out: list[Token] = []
    paren, depth, previous_end = 0, 0, 0
    parts = 0
    for m in _TOKEN.finditer(sentence):
        between = sentence[previous_end : m.start()]
        for ch in between:
            if ch in "([":
                depth += 1
                if depth == 1:
                    parts += 1
                    paren = parts
            elif ch in ")]" and depth:
                depth -= 1
                if depth == 0:
                    paren = 0
        hard = not out or bool(_HARD.search(between))
        spaced = bool(out) and not hard and set(between) <= {" ", "-"}
        out.append(Token(m.start(), m.end(), m.group(), hard, spaced, paren, m.group().lower()))
        previous_end = m.end()
    return out


def _is_title_case(tokens: Sequence[Token]) -> bool:
    """Whether the sentence is written in title case ("Strong Project Management Skills"): then a
    capital letter says nothing about a word being a name. Names themselves (DevOps, AWS) and the
    first word do not count."""
    words = [
        t.text
        for t in tokens[1:]
        if t.text.isalpha()
        and len(t.text) >= 4
        and t.lower not in STOP
        and not _inner_capital(t.text)
        and not t.text.isupper()
    ]
    if len(words) < 3:
        return False
    return sum(w[0].isupper() for w in words) >= 0.7 * len(words)


def _inner_capital(text: str) -> bool:
    return any(c.isupper() for c in text[1:]) and any(c.islower() for c in text)


def _name_like(token: Token, initial: bool, title_case: bool) -> bool:
    """Whether a word beside a skill makes the two one name: DevOps, vSphere, AWS, or a capitalised word
    mid-sentence in a line not written in title case."""
    text = token.text
    letters = [c for c in text if c.isalpha()]
    if not letters or token.lower in MARKETS:
        return False
    if _inner_capital(text):
        return True
    if len(letters) >= 2 and all(c.isupper() for c in letters):
        return token.lower not in _ABBREVIATION_KEYS
    if text[0].isupper() and not initial and not title_case:
        return token.lower not in GENERIC and token.lower not in STOP
    return False


class Scanner:
    """Finds the skills named in sentences, through one matcher."""

    def __init__(self, matcher: Matcher, fuzzy: bool = True) -> None:
        self.matcher = matcher
        self.fuzzy = fuzzy
        self.forms = WordForms(matcher)
        self._looked: dict[str, LookUp | None] = {}  # each distinct phrase looked up once a posting

    def look_up(self, phrase: str) -> LookUp | None:
        """What the matcher's exact and alias layers make of PHRASE (`Matcher.look_up`), asked once."""
        try:
            return self._looked[phrase]
        except KeyError:
            found = self._looked[phrase] = self.matcher.look_up(phrase)
            return found

    def find(self, sentence: str, tokens: Sequence[Token]) -> list[Found]:
        """The skills SENTENCE names, each phrase once, in order."""
        title_case = _is_title_case(tokens)
        covered = [False] * len(tokens)
        found: list[Found] = []
        for first, last in _chunks(tokens):
            i = first
            while i < last:
                hit = self._longest(sentence, tokens, i, last, title_case)
                if hit is None:
                    i += 1
                    continue
                found.append(hit)
                for k in range(hit.first, hit.last):
                    covered[k] = True
                i = hit.last
        found.extend(self._elliptic(sentence, tokens, covered, title_case))
        found.extend(self._managed(sentence, tokens, covered, title_case))
        found.extend(self._reordered(sentence, tokens, covered, title_case))
        if self.fuzzy:
            found.extend(self._fuzzy(sentence, tokens, covered, title_case))
        found.sort(key=lambda f: f.start)
        return found

    def _longest(
        self, sentence: str, tokens: Sequence[Token], i: int, last: int, title_case: bool
    ) -> Found | None:
        hyphenated = i + 1 < len(tokens) and sentence[tokens[i].end : tokens[i + 1].start] == "-"
        if _stop(tokens[i]) and not hyphenated:
            return None  # (but for a hyphenated word: "e-learning")
        for j in range(min(last, i + MAX_WORDS), i, -1):
            if tokens[j - 1].lower in STOP:
                continue
            phrase = sentence[tokens[i].start : tokens[j - 1].end]
            looked = self.look_up(phrase)
            if looked is None or looked.resolution.skill is None:
                continue
            if not self._acceptable(tokens, i, j, looked.text, looked.abbreviated, title_case, sentence):
                continue
            return Found(
                i, j, looked.resolution.skill, tokens[i].start, tokens[j - 1].end, looked.resolution.via
            )
        return None

    def _elliptic(
        self, sentence: str, tokens: Sequence[Token], covered: list[bool], title_case: bool
    ) -> list[Found]:
        """ "labor and employee laws" also names labor laws, "Learning Management and Learning Experience
        Systems" learning management systems: words joined by "and"/"or" to a phrase share its last
        words."""
        out: list[Found] = []
        for k in range(1, len(tokens) - 1):
            conj = tokens[k]
            if conj.lower not in ("and", "or") or conj.hard_before or tokens[k + 1].hard_before:
                continue
            after_end = k + 1
            while (
                after_end < len(tokens)
                and not tokens[after_end].hard_before
                and tokens[after_end].lower not in STOP
            ):
                after_end += 1
            after = range(k + 1, after_end)
            for size in (2, 1):
                first = k - size
                if first < 0 or any(covered[first:k]) or any(t.lower in STOP for t in tokens[first:k]):
                    continue
                if any(tokens[m].hard_before for m in range(first + 1, k)):
                    continue
                hit = self._shared_tail(sentence, tokens, first, k, after, title_case)
                if hit is not None:
                    for m in range(first, k):
                        covered[m] = True
                    out.append(hit)
                    break
        return out

    def _shared_tail(
        self, sentence: str, tokens: Sequence[Token], first: int, k: int, after: range, title_case: bool
    ) -> Found | None:
        """The skill named by the words before the conjunction and words of the phrase after it, less
        its first word: its head ("laws" of "employee laws", "design" of "instructional design
        principles"), longest first."""
        head = sentence[tokens[first].start : tokens[k - 1].end]
        room = MAX_WORDS - (k - first)
        slices = [(a, b) for a in range(1, len(after)) for b in range(a + 1, len(after) + 1) if b - a <= room]
        slices.sort(key=lambda ab: (ab[0] - ab[1], ab[0]))
        for a, b in slices:
            tail = sentence[tokens[after[a]].start : tokens[after[b - 1]].end]
            looked = self.look_up(f"{head} {tail}")
            if looked is None or looked.resolution.skill is None or looked.abbreviated:
                continue
            if self._blocked_after(tokens, after[b - 1] + 1, title_case) and b == len(after):
                continue
            end = tokens[after[b - 1]].end
            return Found(first, k, looked.resolution.skill, tokens[first].start, end, looked.resolution.via)
        return None

    def _managed(
        self, sentence: str, tokens: Sequence[Token], covered: list[bool], title_case: bool
    ) -> list[Found]:
        """ "Work with stakeholders", "identify risks", "select vendors": the people or things a
        "<noun> management" skill manages, in the plural after a word of dealing with them, name it."""
        out: list[Found] = []
        for k, token in enumerate(tokens):
            word = token.lower
            if (
                covered[k]
                or len(word) <= 4
                or not word.endswith("s")
                or word.endswith("ss")
                or not word.isalpha()
            ):
                continue
            if not _dealt_with(tokens, k) or _compound(tokens, k):
                continue
            singular = name_words(token.text)
            if len(singular) != 1 or singular[0] == word:
                continue
            looked = self.look_up(f"{singular[0]} management")
            if looked is None or looked.resolution.skill is None or looked.abbreviated:
                continue
            if name_words(looked.resolution.skill) != (singular[0], "management"):
                continue  # only a skill named for managing this very thing (not an alias of another)
            if self._blocked_after(tokens, k + 1, title_case):
                continue
            covered[k] = True
            out.append(Found(k, k + 1, looked.resolution.skill, token.start, token.end, "alias"))
        return out

    def _reordered(
        self, sentence: str, tokens: Sequence[Token], covered: list[bool], title_case: bool
    ) -> list[Found]:
        """ "solve problems" names problem solving, "make business decisions" decision making, "mapping
        business processes" business process mapping, "curate team member learning content" learning
        content curation: a verb and its object, read as the skill's name (the object's last words
        first, the verb in -ing or as its noun in -ion, -ation, -ment)."""
        out: list[Found] = []
        for k, verb in enumerate(tokens[:-1]):
            if covered[k] or not verb.lower.isalpha() or len(verb.lower) < 3 or verb.lower in STOP:
                continue
            if not _verb_place(tokens, k):
                continue
            span = self._object(tokens, k + 1, covered, title_case)
            if span is None:
                continue
            start, end = span
            hit = self._verb_object(tokens, k, start, end)
            if hit is not None:
                for m in range(k, end):
                    covered[m] = True
                out.append(hit)
        out += self._shared_objects(tokens, covered, title_case)
        return out

    def _shared_objects(self, tokens: Sequence[Token], covered: list[bool], title_case: bool) -> list[Found]:
        """Verbs before one object ("assess and plan patient care", "design, build and test data
        pipelines"): each earlier verb with the object the last one takes. Only the earlier verb's own
        word is taken, so the last verb and its object keep their reading."""
        out: list[Found] = []
        for k in range(len(tokens) - 3):
            if covered[k] or not _verb_place(tokens, k) or not _a_verb_word(tokens[k]):
                continue
            last = _last_of_verbs(tokens, k)
            if last is None:
                continue
            span = self._object(tokens, last + 1, covered, title_case, shared=True)
            if span is None:
                continue
            start, end = span
            hit = self._verb_object(tokens, k, start, end)
            if hit is not None:
                covered[k] = True
                out.append(Found(k, k + 1, hit.skill, tokens[k].start, tokens[end - 1].end, "reordered"))
        return out

    def _object(
        self, tokens: Sequence[Token], start: int, covered: list[bool], title_case: bool, shared: bool = False
    ) -> tuple[int, int] | None:
        """Where the object of a verb that stands just before START begins and ends: past an article and
        an amount ("a pipeline", "large quantities of raw, disorganized data") up to the end of its noun
        phrase; None where there is none this run holds whole, or it is a name ("Develop new Trusted Data
        Tests": what it is, not what is done). SHARED: the verb's words are another verb's, so the words
        the other verb's reading covers may be part of it."""
        if start < len(tokens) and tokens[start].lower in ARTICLES and not tokens[start].hard_before:
            start += 1  # "manage a pipeline": pipeline management
        start = _past_an_amount(tokens, start)
        end = start
        while (
            end < len(tokens)
            and end - start < OBJECT_WORDS
            and not (tokens[end].hard_before and not _describing(tokens, start, end))
            and (shared or not covered[end])
            and tokens[end].lower not in STOP
            and tokens[end].lower not in PREPOSITIONS
            and not (end > start and _ends_phrase(tokens, end))
        ):
            end += 1
        if end == start or _phrase_goes_on(tokens, end):
            return None
        if not shared and end < len(tokens) and covered[end]:
            return None
        if any(_name_like(t, False, title_case) for t in tokens[start:end]):
            return None
        if self._blocked_after(tokens, end, title_case):
            return None
        first = start
        while first < end - 1 and _describing(tokens, first, first + 1) and tokens[first + 1].hard_before:
            first += 1  # "raw, disorganized data": the describing words before a comma are not the name
        return first, end

    def _verb_object(self, tokens: Sequence[Token], k: int, start: int, end: int) -> Found | None:
        """The skill the verb K and its object (START to END) name: the whole object first, then its
        last words ("make business decisions": decision making). The verb's noun takes two of them at
        least once the first are left out ("curate team member learning content": learning content
        curation), as one word with it names too little ("manage server resources" is not resource
        management)."""
        verb = tokens[k].lower
        whole = " ".join(t.text for t in tokens[start:end])
        for form in participles(verb):  # "differentiate instruction": differentiated instruction
            looked = self.look_up(f"{form} {whole}")
            if looked is not None and looked.resolution.skill is not None and not looked.abbreviated:
                skill = looked.resolution.skill
                return Found(k, end, skill, tokens[k].start, tokens[end - 1].end, "reordered")
        for first in range(start, end):
            thing = " ".join(t.text for t in tokens[first:end])
            described = _describing(tokens, start, first)  # only describing words left out: "top employees"
            short = first > start and end - first < 2 and not described
            for form in gerunds(verb) if short else [*gerunds(verb), *nominals(verb)]:
                looked = self.look_up(f"{thing} {form}")
                if looked is None or looked.resolution.skill is None or looked.abbreviated:
                    continue
                skill = looked.resolution.skill
                return Found(k, end, skill, tokens[k].start, tokens[end - 1].end, "reordered")
        first = start  # "meet all deadlines", "meet tight deadlines": meet deadlines
        while first < end and (first == start or _describing(tokens, start, first)):
            if first == k + 1:  # (the verb and its object as written are the scan's to read)
                first += 1
                continue
            thing = " ".join(t.text for t in tokens[first:end])
            for form in (verb, *gerunds(verb)):
                looked = self.look_up(f"{form} {thing}")
                if looked is not None and looked.resolution.skill is not None and not looked.abbreviated:
                    skill = looked.resolution.skill
                    return Found(k, end, skill, tokens[k].start, tokens[end - 1].end, "reordered")
            first += 1
        return None

    def _fuzzy(
        self, sentence: str, tokens: Sequence[Token], covered: list[bool], title_case: bool
    ) -> list[Found]:
        """Word forms the exact layers miss ("troubleshoot", "negotiate"): a short phrase no exact name
        covers that is a taxonomy name or alias in other forms of the same words is that name, resolved
        through the matcher's exact layers (the posting's words are never guessed at: several skills
        fitting, none is taken)."""
        out: list[Found] = []
        for first, last in _chunks(tokens):
            i = first
            while i < last:
                if covered[i] or tokens[i].lower in STOP or not tokens[i].text[0].isalpha():
                    i += 1
                    continue
                hit = None
                for j in range(min(last, i + FUZZY_WORDS), i, -1):
                    if any(covered[i:j]) or tokens[j - 1].lower in STOP or tokens[j - 1].lower in ROLE_NOUNS:
                        continue
                    phrase = sentence[tokens[i].start : tokens[j - 1].end]
                    a_thing = any(t.lower in DETERMINERS for t in tokens[max(first, i - THING_REACH) : i])
                    names = sorted(self.forms.names(phrase, [t.text for t in tokens[i:j]], a_thing))
                    looked = [found for found in map(self.look_up, names) if found is not None]
                    skills = {found.resolution.skill for found in looked}
                    if len(skills) != 1 or None in skills:
                        continue
                    entry = looked[0]
                    doing = j - i == 1 and (i == 0 or tokens[i].hard_before)  # "Mentor junior analysts"
                    if not self._acceptable(tokens, i, j, entry.text, False, title_case, sentence, doing):
                        continue
                    noun = j - i == 1 and not _verb_place(tokens, i)
                    if noun and _verb_for_its_noun(tokens[i], entry.text):
                        continue  # "account health", "against budget": a noun, not the activity's verb
                    if j - i == 1 and tokens[i].lower in MAKING:
                        if self._makes_a_skill(tokens, j, covered) or _makes_code(tokens, j):
                            continue  # "write complex SQL" is SQL, "write clean code" programming
                    skill = entry.resolution.skill
                    assert skill is not None
                    hit = Found(i, j, skill, tokens[i].start, tokens[j - 1].end, "form")
                    break
                if hit is None:
                    i += 1
                    continue
                out.append(hit)
                for k in range(hit.first, hit.last):
                    covered[k] = True
                i = hit.last
        return out

    # --- guards ----------------------------------------------------------------------------

    def _makes_a_skill(self, tokens: Sequence[Token], j: int, covered: list[bool]) -> bool:
        """Whether the verb before token J has a skill for its object, a few words on in its run of
        words ("write complex SQL", "write sql by hand"): a verb of making (see MAKING) then makes
        that, and is no skill of its own."""
        for k in range(j, min(len(tokens), j + OBJECT_WORDS)):
            if tokens[k].hard_before or tokens[k].lower in STOP:
                return False
            if covered[k]:
                return True
            looked = self.look_up(tokens[k].text)
            if looked is not None and looked.resolution.skill is not None:
                return True
        return False

    def _acceptable(
        self,
        tokens: Sequence[Token],
        i: int,
        j: int,
        entry: str,
        abbreviated: bool,
        title_case: bool,
        sentence: str,
        doing: bool = False,
    ) -> bool:
        """Whether the words I to J, which equal ENTRY (a taxonomy name or alias), name that skill here.
        DOING: they are a verb that starts its sentence, so people after it are its object ("Mentor
        junior analysts"), not the people it names ("English language learners")."""
        words = tokens[i:j]
        written = "".join(t.text for t in words)
        letters = [c for c in entry if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters) and not any(c.isupper() for c in written):
            return False  # an acronym written in lower case is a word ("it", "id", "sap")
        if j - i == 1 and entry[:1].isupper() and not entry.isupper():
            if written.islower():
                return False  # so is a one-word name written in lower case ("react", "excel at")
            if i == 0 and j < len(tokens) and not tokens[j].hard_before and tokens[j].lower in VERB_FOLLOWERS:
                return False  # a sentence's first word before "the", "to", "in": "Resolve the issue"
            if (i == 0 or words[0].hard_before) and words[0].lower in VERB_NAMES and _has_object(tokens, j):
                return False  # a verb before its object: "Spark curiosity", "Sketch ideas"
        if abbreviated and any(t.text.islower() and len(t.text) <= 4 for t in words):
            return False  # "it", "ms", "pr" as words, not abbreviations
        if j - i == 1 and sum(c.isalpha() for c in words[0].text) <= SHORT and not _alone(tokens, i):
            return False
        if _restates(tokens, i, j, sentence) or _among_people(tokens, i, j, sentence):
            return False
        if i >= 2 and tokens[i - 1].lower == "with" and tokens[i - 2].lower in PARTNERING:
            return False  # "partner with customer success": a team to work with, not a skill asked
        if j - i == 1 and i > 0 and tokens[i - 1].lower in SENIOR and words[0].lower in GOVERNING:
            return False  # "senior leadership", "executive management": the people who lead
        if i > 0 and tokens[i - 1].lower == "plain" and words[0].lower == "english":
            return False  # "in plain English": clear words, not the language
        if _told(tokens, i):
            return False  # "present findings to senior leadership": who is told, not a skill asked
        if j - i == 1 and entry[:1].islower() and _names_data(tokens, j):
            return False  # "analyze sales data": what the data is about, not a skill asked
        if j - i == 1 and _turns_into(tokens, i, entry):
            return False
        if i > 0 and sentence[tokens[i - 1].end : tokens[i].start] == "-":
            return False  # the end of a hyphenated word: "lead-time tracking" is not time tracking
        # part of a longer name, a job title, a department, or an adjective
        if i > 0 and tokens[i].spaced_before:
            left = tokens[i - 1]
            initial = i - 1 == 0 or left.hard_before
            if _name_like(left, initial, title_case) or (j - i == 1 and left.lower in INTENSIFIERS):
                return False
            if i >= 2 and left.hard_before and _a_product(left, words[0], entry, title_case):
                return False  # "Anaplan, Adaptive Planning or Hyperion": a product, not planning
        if i > 0 and not tokens[i].hard_before and tokens[i - 1].lower in NEGATORS:
            return False
        if (
            i > 1
            and tokens[i - 1].lower == "of"
            and not tokens[i].hard_before
            and not tokens[i - 1].hard_before
        ):
            if tokens[i - 2].lower in ROLE_NOUNS:
                return False  # "Director of Supply Chain"
        return not self._blocked_after(tokens, j, title_case, single=j - i == 1, doing=doing)

    @staticmethod
    def _blocked_after(
        tokens: Sequence[Token], j: int, title_case: bool, single: bool = False, doing: bool = False
    ) -> bool:
        if j >= len(tokens) or not tokens[j].spaced_before:
            return False
        right = tokens[j]
        if right.lower in ROLE_NOUNS:
            return not doing
        if not doing and (  # one more word of the same noun phrase, then people: "English language learners"
            j + 1 < len(tokens)
            and right.text.isalpha()
            and right.text.islower()
            and right.lower not in STOP
            and right.lower not in PREPOSITIONS
            and tokens[j + 1].spaced_before
            and tokens[j + 1].lower in ROLE_NOUNS
        ):
            return True
        if single and right.lower in SETTINGS:
            return True  # "agile environment": a manner, not the method
        return _name_like(right, False, title_case)


FUZZY_WORDS = 3
# after a verb that starts a sentence, not after a name: "Resolve the issue", "React to", "Excel in"
VERB_FOLLOWERS = DETERMINERS | PREPOSITIONS | frozenset("to in at on up out off sure it them into by".split())
# Verbs of making: what they make decides the skill ("write SQL" is SQL, "write reports" writing)
MAKING = frozenset("write writes writing build builds building create creates creating code coding".split())
# Verbs of working alongside: what follows "with" is a team ("partner with customer success")
PARTNERING = frozenset(
    "partner partners partnering liaise liaises liaising collaborate collaborates collaborating "
    "negotiate negotiates negotiating negotiation negotiations".split()
)
# What a verb of making makes when it is programming: "write clean code" is no writing skill
CODE = frozenset("code tests test software programs scripts queries applications apps services".split())
THING_REACH = 3  # words back a determiner makes what follows a thing ("a fully remote organization")
ARTICLES = frozenset("a an the our your their all".split())  # what may stand between a verb and its object
OBJECT_WORDS = 4  # words of a verb's object read as a skill's name ("make business decisions")


# Who does what the verb after them says: "you manage several deadlines"
SUBJECTS = frozenset("you we they i".split())
# Who "leadership" and "management" are after these words: the people at the top, not a skill
SENIOR = frozenset("senior executive upper top".split())
GOVERNING = frozenset("leadership management".split())
# Product names that are also verbs taking an object: first in a sentence before one, they are the verb
VERB_NAMES = frozenset("resolve spark sketch stitch torch buffer lever".split())
# Verbs of telling: who follows "to" is the audience ("report progress to senior leadership")
TELLING = frozenset(
    "present presents presenting report reports reporting communicate communicates communicating "
    "explain explains explaining escalate escalates escalating pitch pitches pitching".split()
)
AUDIENCE_REACH = 6  # words back from "to" a verb of telling may stand
# What a single word before "data" describes: the data's subject ("sales data", "patient data")
DATA_WORDS = frozenset("data dataset datasets".split())


def _has_object(tokens: Sequence[Token], j: int) -> bool:
    """Whether token J goes on the phrase before it as its object: a plain lower-case word, no generic
    one ("Spark curiosity" does; "Spark experience", "Spark, Kafka" do not)."""
    if j >= len(tokens) or tokens[j].hard_before:
        return False
    word = tokens[j]
    return (
        word.text.isalpha() and word.text.islower() and word.lower not in GENERIC and word.lower not in STOP
    )


def _told(tokens: Sequence[Token], i: int) -> bool:
    """Whether token I begins or is in the noun phrase after "to" that follows a verb of telling: the
    people told ("report progress to senior leadership", "present to the executive team")."""
    k = i - 1
    while k >= 0 and i - k <= 3 and not tokens[k + 1].hard_before and tokens[k].lower != "to":
        k -= 1
    if k < 0 or tokens[k].lower != "to" or tokens[k + 1].hard_before:
        return False
    return any(t.lower in TELLING for t in tokens[max(0, k - AUDIENCE_REACH) : k])


def _verb_for_its_noun(token: Token, entry: str) -> bool:
    """Whether TOKEN stands for ENTRY, a one-word name of an activity, by the bare word the activity is
    named from ("account" for accounting, "budget" for budgeting, "present" for presentation): then only
    where a verb stands is it that activity."""
    name = entry.lower().split()
    return len(name) == 1 and name[0] != token.lower and name[0].endswith(ACTIVITY_ENDINGS)


def _a_product(left: Token, first: Token, entry: str, title_case: bool) -> bool:
    """Whether LEFT, first in an item of a list, and FIRST, the first word of a name written in lower
    case (ENTRY), both capitalised, make a product's name rather than the skill."""
    return (
        not title_case
        and left.text[:1].isupper()
        and left.lower not in STOP
        and first.text[:1].isupper()
        and entry[:1].islower()
    )


def _names_data(tokens: Sequence[Token], j: int) -> bool:
    """Whether token J is "data" right after the word before it, which then says what the data is of."""
    return (
        j < len(tokens)
        and tokens[j].spaced_before
        and not tokens[j].hard_before
        and tokens[j].lower in DATA_WORDS
    )


def _makes_code(tokens: Sequence[Token], j: int) -> bool:
    """Whether what the verb before token J makes is code, past the words that describe it, commas
    between them included ("write clean, well-tested code"), up to a word that starts something else."""
    for k in range(j, min(len(tokens), j + OBJECT_WORDS + 2)):
        word = tokens[k].lower
        if word in CODE:
            return True
        if word in PREPOSITIONS or word in CLAUSE_WORDS:
            return False  # ("write reports for the code review board": what is written is reports)
    return False


def _dealt_with(tokens: Sequence[Token], k: int) -> bool:
    """Whether token K is the object of a word of dealing: one stands before it, close enough, with no
    word between that starts another clause ("with a keen eye when creating materials")."""
    for m in range(k - 1, max(-1, k - 1 - DEALING_REACH), -1):
        word = tokens[m].lower
        if word in DEALING:
            return True
        if word in CLAUSE_WORDS:
            return False
    return False


# The states data and material come in, which describe what follows ("raw, disorganized data")
STATES = frozenset("raw clean messy unstructured structured".split())
# How much of a thing, before what the thing is: "large quantities of data" is data
AMOUNTS = frozenset("quantities quantity amounts amount volumes volume numbers variety range lots".split())


def _past_an_amount(tokens: Sequence[Token], start: int) -> int:
    """START, or past "large quantities of", "a wide range of" that begins the object there."""
    j = start
    if j < len(tokens) and tokens[j].lower in ADJECTIVES:
        j += 1
    if j + 1 < len(tokens) and tokens[j].lower in AMOUNTS and tokens[j + 1].lower == "of":
        return j + 2
    return start


def _describing(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether the words START to END are all words that describe ("raw", "disorganized", "large"), so
    that a comma after them goes on to more of them or to the noun."""
    return end > start and all(
        t.lower in ADJECTIVES
        or t.lower in STATES
        or (t.lower.endswith(ADJECTIVE_ENDINGS) and not t.lower.endswith("ing"))
        for t in tokens[start:end]
    )


def _a_verb_word(token: Token) -> bool:
    return token.lower.isalpha() and len(token.lower) >= 3 and token.lower not in STOP


def _last_of_verbs(tokens: Sequence[Token], k: int) -> int | None:
    """Where a run of verbs that starts at K ends, when it is one ("assess, plan and evaluate", "design
    and build"): the last verb's index, or None. Each verb is one word; they are joined by commas and a
    final "and" or "or"."""
    j, verbs = k, 1
    while j + 1 < len(tokens) and verbs <= 4:
        nxt = tokens[j + 1]
        if nxt.lower in ("and", "or") and (not nxt.hard_before or verbs > 1):
            if j + 2 < len(tokens) and _a_verb_word(tokens[j + 2]) and not tokens[j + 2].hard_before:
                return j + 2 if j + 3 < len(tokens) and not tokens[j + 3].hard_before else None
            return None
        if nxt.hard_before and _a_verb_word(nxt) and not tokens[j].text.isupper():
            j, verbs = j + 1, verbs + 1  # ", plan" (a comma before the next verb)
            continue
        return None
    return None


def _verb_place(tokens: Sequence[Token], k: int) -> bool:
    """Whether token K stands where a verb does: first in its run of words, or after a small word
    ("to make", "and report", "in mapping") or an adverb ("clearly define"); after another word it is a
    noun's modifier or an object ("monitor marketing site growth", "data model changes", "across
    marketing channels")."""
    if k == 0 or tokens[k].hard_before:
        return True
    before = tokens[k - 1].lower
    if tokens[k].lower.endswith("ing") and before in ("experience", "experienced"):
        return True  # "experience building dashboards": what the experience is in doing
    return before in STOP or before in SUBJECTS or before.endswith("ly")


def _phrase_goes_on(tokens: Sequence[Token], j: int) -> bool:
    """Whether the noun phrase before token J goes on with it, so that the word before is not its head:
    "monitor marketing site growth" monitors growth, not a site. A small word, a verb form in -ing or
    -ed, an adverb in -ly or punctuation ends it."""
    if j >= len(tokens) or tokens[j].hard_before:
        return False
    word = tokens[j].lower
    if word in STOP or word in PREPOSITIONS or not word.isalpha():
        return False
    return not _ends_phrase(tokens, j)


def _ends_phrase(tokens: Sequence[Token], j: int) -> bool:
    """Whether token J, after a noun, ends its phrase: an adverb, or a verb form in -ing or -ed that a
    small word or punctuation follows ("decisions supporting the process"; not "learning content")."""
    word = tokens[j].lower
    if word.endswith("ly"):
        return True
    if not word.endswith(("ing", "ed")):
        return False
    after = j + 1
    return after >= len(tokens) or tokens[after].hard_before or tokens[after].lower in STOP


def _compound(tokens: Sequence[Token], k: int) -> bool:
    """Whether the noun K is the head of a compound, another noun before it, and so names another
    thing: "server resources" are not resources to manage, "learning programs" not programs. An
    adjective before it ("key stakeholders", "external vendors") leaves it the same thing."""
    if k == 0 or not tokens[k].spaced_before:
        return False
    word = tokens[k - 1].lower
    if word in STOP or word in DEALING or word in ADJECTIVES or not word.isalpha():
        return False
    if tokens[k - 1].text.isupper():
        return False  # a field's acronym: "IT projects" are projects
    return not word.endswith(ADJECTIVE_ENDINGS)


def _chunks(tokens: Sequence[Token]) -> list[tuple[int, int]]:
    """Runs of words not broken by punctuation, as [first, last) token indexes."""
    out: list[tuple[int, int]] = []
    start = 0
    for k in range(1, len(tokens) + 1):
        if k == len(tokens) or tokens[k].hard_before:
            out.append((start, k))
            start = k
    return out


def _run(tokens: Sequence[Token], k: int) -> int:
    """Where the run of words holding token K ends."""
    end = k + 1
    while end < len(tokens) and not tokens[end].hard_before:
        end += 1
    return end


def _stop(token: Token) -> bool:
    """A word no skill's name starts or ends with (a capital letter alone, as in "A/B", is not "a")."""
    return token.lower in STOP and not (len(token.text) == 1 and token.text.isupper() and token.text != "I")


def _alone(tokens: Sequence[Token], i: int) -> bool:
    """Whether token I is a list item by itself: punctuation, a conjunction or a preposition on both sides
    ("Python or R for analysis", but not "Job ID 123")."""
    left_ok = i == 0 or tokens[i].hard_before or tokens[i - 1].lower in STOP
    right_ok = i + 1 >= len(tokens) or tokens[i + 1].hard_before or tokens[i + 1].lower in STOP
    return left_ok and right_ok


def _turns_into(tokens: Sequence[Token], i: int, entry: str) -> bool:
    """Whether token I, a verb (in -ing, or another form of the name ENTRY), turns one thing into
    another later in its sentence ("translate requirements into documents", "translating signals into
    audits"): a figure of speech, not the skill its name shares."""
    word = tokens[i].lower
    if not word.isalpha() or not (word.endswith("ing") or name_words(word) != name_words(entry)):
        return False
    return any(t.lower == "into" for t in tokens[i + 1 :])


def _among_people(tokens: Sequence[Token], i: int, j: int, sentence: str) -> bool:
    """Whether tokens [I, J) are an item of a list of people ("Project Managers, Business Analysts, QA",
    "engineers, designers and marketing"): a team or a department there, not a skill. The item next to
    it ends in a word for people."""
    before = i - 1
    if before >= 0 and tokens[before].lower in CONJUNCTIONS and not tokens[i].hard_before:
        before -= 1
    elif not (i > 0 and "," in sentence[tokens[i - 1].end : tokens[i].start]):
        before = -1
    if before >= 0 and tokens[before].lower in PEOPLE:
        return True
    after = j
    if after >= len(tokens):
        return False
    if tokens[after].lower in CONJUNCTIONS or "," in sentence[tokens[j - 1].end : tokens[after].start]:
        after += 1 if tokens[after].lower in CONJUNCTIONS else 0
        end = after + 1
        while end < len(tokens) and not tokens[end].hard_before and tokens[end].lower not in CONJUNCTIONS:
            end += 1
        return end - 1 < len(tokens) and tokens[end - 1].lower in PEOPLE
    return False


def _restates(tokens: Sequence[Token], i: int, j: int, sentence: str) -> bool:
    """An acronym alone in brackets right after words: "Program Managers (PMs)" restates them."""
    if j - i != 1 or tokens[i].paren == 0 or i == 0 or tokens[i - 1].paren == tokens[i].paren:
        return False
    if j < len(tokens) and tokens[j].paren == tokens[i].paren:
        return False
    letters = [c for c in tokens[i].text if c.isalpha()]
    capitals = sum(c.isupper() for c in letters)
    return capitals >= 2 and sentence[tokens[i - 1].end : tokens[i].start].strip() in ("(", "[")
