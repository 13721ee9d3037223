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

from collections.abc import Sequence

from skillgap.match import Matcher
from skillgap.match.matcher import LookUp
from skillgap.match.text import tokens as name_words
from skillgap.postings.forms import WordForms
from skillgap.postings.lexicon import (
    ARTICLES,
    DETERMINERS,
    GOVERNING,
    INTENSIFIERS,
    MAKING,
    NEGATORS,
    PARTNERING,
    PREPOSITIONS,
    ROLE_NOUNS,
    SENIOR,
    SETTINGS,
    STOP,
    VERB_FOLLOWERS,
    VERB_NAMES,
)
from skillgap.postings.shapes import (
    FUZZY_WORDS,
    OBJECT_WORDS,
    THING_REACH,
    a_product,
    a_verb_word,
    all_describing,
    alone_in_list,
    among_people,
    among_those_told,
    chunks,
    dealt_with,
    ends_phrase,
    has_object,
    heads_compound,
    is_stop_word,
    last_of_verbs,
    makes_code,
    names_data,
    past_an_amount,
    phrase_goes_on,
    restates_words_before,
    turns_into,
    verb_for_its_noun,
    verb_object_names,
    verb_place,
)
from skillgap.postings.tokens import Found, Token, is_title_case, name_like

MAX_WORDS = 6

SHORT = 2  # a name this short (letters) counts only as a list item of its own ("R", "ID")


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
        title_case = is_title_case(tokens)
        covered = [False] * len(tokens)
        found: list[Found] = []
        for first, last in chunks(tokens):
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
        if is_stop_word(tokens[i]) and not hyphenated:
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
            if not dealt_with(tokens, k) or heads_compound(tokens, k):
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
            if not verb_place(tokens, k):
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
            if covered[k] or not verb_place(tokens, k) or not a_verb_word(tokens[k]):
                continue
            last = last_of_verbs(tokens, k)
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
        start = past_an_amount(tokens, start)
        end = start
        while (
            end < len(tokens)
            and end - start < OBJECT_WORDS
            and not (tokens[end].hard_before and not all_describing(tokens, start, end))
            and (shared or not covered[end])
            and tokens[end].lower not in STOP
            and tokens[end].lower not in PREPOSITIONS
            and not (end > start and ends_phrase(tokens, end))
        ):
            end += 1
        if end == start or phrase_goes_on(tokens, end):
            return None
        if not shared and end < len(tokens) and covered[end]:
            return None
        if any(name_like(t, False, title_case) for t in tokens[start:end]):
            return None
        if self._blocked_after(tokens, end, title_case):
            return None
        first = start
        while first < end - 1 and all_describing(tokens, first, first + 1) and tokens[first + 1].hard_before:
            first += 1  # "raw, disorganized data": the describing words before a comma are not the name
        return first, end

    def _verb_object(self, tokens: Sequence[Token], k: int, start: int, end: int) -> Found | None:
        """The skill the verb K and its object (START to END) name, the first of `verb_object_names`
        the matcher's exact and alias layers know."""
        for phrase in verb_object_names(tokens, k, start, end):
            looked = self.look_up(phrase)
            if looked is not None and looked.resolution.skill is not None and not looked.abbreviated:
                skill = looked.resolution.skill
                return Found(k, end, skill, tokens[k].start, tokens[end - 1].end, "reordered")
        return None

    def _fuzzy(
        self, sentence: str, tokens: Sequence[Token], covered: list[bool], title_case: bool
    ) -> list[Found]:
        """Word forms the exact layers miss ("troubleshoot", "negotiate"): a short phrase no exact name
        covers that is a taxonomy name or alias in other forms of the same words is that name, resolved
        through the matcher's exact layers (the posting's words are never guessed at: several skills
        fitting, none is taken)."""
        out: list[Found] = []
        for first, last in chunks(tokens):
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
                    noun = j - i == 1 and not verb_place(tokens, i)
                    if noun and verb_for_its_noun(tokens[i], entry.text):
                        continue  # "account health", "against budget": a noun, not the activity's verb
                    if j - i == 1 and tokens[i].lower in MAKING:
                        if self._makes_a_skill(tokens, j, covered) or makes_code(tokens, j):
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
            if (i == 0 or words[0].hard_before) and words[0].lower in VERB_NAMES and has_object(tokens, j):
                return False  # a verb before its object: "Spark curiosity", "Sketch ideas"
        if abbreviated and any(t.text.islower() and len(t.text) <= 4 for t in words):
            return False  # "it", "ms", "pr" as words, not abbreviations
        if j - i == 1 and sum(c.isalpha() for c in words[0].text) <= SHORT and not alone_in_list(tokens, i):
            return False
        if restates_words_before(tokens, i, j, sentence) or among_people(tokens, i, j, sentence):
            return False
        if i >= 2 and tokens[i - 1].lower == "with" and tokens[i - 2].lower in PARTNERING:
            return False  # "partner with customer success": a team to work with, not a skill asked
        if j - i == 1 and i > 0 and tokens[i - 1].lower in SENIOR and words[0].lower in GOVERNING:
            return False  # "senior leadership", "executive management": the people who lead
        if i > 0 and tokens[i - 1].lower == "plain" and words[0].lower == "english":
            return False  # "in plain English": clear words, not the language
        if among_those_told(tokens, i):
            return False  # "present findings to senior leadership": who is told, not a skill asked
        if j - i == 1 and entry[:1].islower() and names_data(tokens, j):
            return False  # "analyze sales data": what the data is about, not a skill asked
        if j - i == 1 and turns_into(tokens, i, entry):
            return False
        if i > 0 and sentence[tokens[i - 1].end : tokens[i].start] == "-":
            return False  # the end of a hyphenated word: "lead-time tracking" is not time tracking
        # part of a longer name, a job title, a department, or an adjective
        if i > 0 and tokens[i].spaced_before:
            left = tokens[i - 1]
            initial = i - 1 == 0 or left.hard_before
            if name_like(left, initial, title_case) or (j - i == 1 and left.lower in INTENSIFIERS):
                return False
            if i >= 2 and left.hard_before and a_product(left, words[0], entry, title_case):
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
        return name_like(right, False, title_case)
