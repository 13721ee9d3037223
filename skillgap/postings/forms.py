"""Other forms of the words of a known skill's name: "troubleshoot" for troubleshooting, "negotiate" for
negotiation, "communication" for communication skills; and the -ing forms of a verb.

A form is the same word with an English suffix, never a word that merely starts the same: "work" is not
Workday, "table" is not Tableau. What a form names is then resolved through the matcher's exact layers.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from operator import itemgetter

from skillgap.match import Matcher
from skillgap.match.text import tokens as name_words

MINOR_WORDS = frozenset({"skill", "pro"})  # "communication skills", "Premiere Pro": the same thing without
# coach -> coaching, reconcile -> reconciliation, ...
FORM_SUFFIXES = ("ing", "ion", "ation", "iation", "ment", "ship", "ance", "ence", "al")
# What a name's last word ends with when it names an activity ("communication", "writing", "leadership",
# "analysis"): only then is "X skills" the same as X. "Analytical skills", "computer skills", "people
# skills" and "electrician skills" without "skills" are an adjective, a thing, people and a job title.
ACTIVITY_ENDINGS = ("ing", "ion", "ment", "ship", "ance", "ence", "sis")


def gerunds(verb: str) -> list[str]:
    """The -ing forms a verb may have: solve solving, plan planning, map mapping, map maping (never
    wrong to try: only a name the taxonomy has is taken)."""
    if verb.endswith("ing"):
        return [verb]
    forms = [verb + "ing"]
    if verb.endswith("e") and not verb.endswith("ee"):
        forms.insert(0, verb[:-1] + "ing")
    if len(verb) >= 3 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        forms.append(verb + verb[-1] + "ing")
    return forms


# Verbs whose noun no suffix rule makes ("resolve conflicts": conflict resolution; "enter data": data
# entry), and verbs that are their own noun ("design assessments": assessment design)
IRREGULAR_NOUNS = {
    "analyze": "analysis",
    "analyse": "analysis",
    "diagnose": "diagnosis",
    "deliver": "delivery",
    "lead": "leadership",
    "resolve": "resolution",
    "reconcile": "reconciliation",
    "maintain": "maintenance",
    "prepare": "preparation",
    "enter": "entry",
    "produce": "production",
    "reduce": "reduction",
    "retain": "retention",
    "acquire": "acquisition",
    "document": "documentation",
    "present": "presentation",
    "interpret": "interpretation",
    "explain": "explanation",
    "install": "installation",
    "configure": "configuration",
    "administer": "administration",
    "distribute": "distribution",
    "execute": "execution",
    "transcribe": "transcription",
    "describe": "description",
    "design": "design",
    "audit": "audit",
    "research": "research",
    "control": "control",
    "review": "review",
    "forecast": "forecast",
}


def participles(verb: str) -> list[str]:
    """The -ed forms a verb may have: differentiate differentiated, plan planned, automate automated
    (never wrong to try: only a name the taxonomy has is taken)."""
    if len(verb) < 4 or verb.endswith(("ing", "ed")):
        return []
    if verb.endswith("e"):
        return [verb + "d"]
    if verb.endswith("y") and verb[-2] not in "aeiou":
        return [verb[:-1] + "ied"]
    forms = [verb + "ed"]
    if verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        forms.append(verb + verb[-1] + "ed")
    return forms


def nominals(verb: str) -> list[str]:
    """The nouns a verb may make with an English suffix: curate curation, evaluate evaluation, develop
    development, organise organisation (never wrong to try: only a name the taxonomy has is taken)."""
    if len(verb) < 4 or verb.endswith("ing"):
        return []
    if verb in IRREGULAR_NOUNS:
        return [IRREGULAR_NOUNS[verb]]
    forms = [verb + "ment"]
    if verb.endswith("ate"):
        forms.append(verb[:-1] + "ion")
    elif verb.endswith(("ize", "ise")):
        forms.append(verb[:-1] + "ation")
    elif verb.endswith(("ct", "ss")):
        forms.append(verb + "ion")
    return forms


def _core(words: tuple[str, ...]) -> tuple[str, ...]:
    """A name's words without the few qualifiers that never change what it names ("skills", "pro"; not
    "development", as in organizational development, nor a vendor: "project" is not Microsoft Project)."""
    if MINOR_WORDS.isdisjoint(words):
        return words
    kept = tuple(w for w in words if w not in MINOR_WORDS)
    return kept or words


def _bare(words: tuple[str, ...], core: tuple[str, ...]) -> bool | None:
    """Whether CORE is a name without its "skills" (True), the name itself (False), or nothing to look
    for (None): "X skills" stands for X only where X is an activity ("communication skills")."""
    if "skill" not in words or core == words:
        return False
    return True if core[-1].endswith(ACTIVITY_ENDINGS) else None


def _same_word(query: str, name: str) -> bool:
    """QUERY is NAME, or a form of the same word: NAME is QUERY (less a final "e") and an English
    suffix ("coach" for coaching, "negotiate" for negotiation, "mentor" for mentorship; "work" is not
    Workday, "table" not Tableau, "product" not production)."""
    if query == name:
        return True
    stem = query[:-1] if query.endswith("e") else query
    suffix = name[len(stem) :]
    if suffix == "ion" and not query.endswith("e"):
        return False  # a verb in -ate is its -ation noun, but "product" is not production
    if suffix in ("ion", "ation") and len(stem) < 5:
        return False  # "value" is not valuation
    return len(stem) >= 4 and name.startswith(stem) and suffix in FORM_SUFFIXES


_LAST = chr(0x10FFFF)  # after every character: TEXT + _LAST comes after every text that starts with TEXT


def _has_minor(key: str) -> bool:
    """Whether words joined by spaces hold a minor word (a search for the letters first: most hold none)."""
    for word in MINOR_WORDS:
        if word in key:
            return not MINOR_WORDS.isdisjoint(key.split())
    return False


_Name = tuple[str, tuple[str, ...], bool]  # a name or alias as written, its core words, whether bare
_Group = tuple[int, str]  # the number of a name's core words, and the first four letters of the first


class WordForms:
    """The taxonomy's names and aliases by (number of words, first four letters), built when first asked."""

    def __init__(self, matcher: Matcher) -> None:
        self.matcher = matcher
        self._names: dict[_Group, list[_Name]] | None = None  # the groups worked out so far
        self._done: set[_Group] = set()
        self._keys: list[str] = []  # the words of the names without a minor word, as one text, sorted
        self._plain: list[tuple[str, str]] = []  # those names as written, with those words, in that order
        self._found: dict[tuple[tuple[str, ...], bool], set[str]] = {}  # a posting says the same again

    def _index(self) -> dict[_Group, list[_Name]]:
        """Each taxonomy name and alias (as written) with its core words. A name with a minor word is
        grouped now; the others, most of them, are their own core words and not bare, so they are only
        sorted by their words' text, and a group of them is taken out of that order when a phrase asks
        for it (`_group`)."""
        names: dict[_Group, list[_Name]] = {}
        # the taxonomy's own names only: the fuzzy layer is not for a catalog's names
        entries = self.matcher.taxonomy_keys()
        minor = [(name, key) for name, key in entries if _has_minor(key)]
        for name, key in minor:
            written = tuple(key.split())
            words = _core(written)
            bare = _bare(written, words)
            if words and bare is not None:
                names.setdefault((len(words), words[0][:4]), []).append((name, words, bare))
        chosen = set(minor)
        plain = [entry for entry in entries if entry[1] and entry not in chosen] if chosen else entries
        plain = sorted((entry for entry in plain if entry[1]), key=itemgetter(1))
        self._plain, self._keys = plain, [key for _, key in plain]
        self._names = names
        return names

    def _group(self, group: _Group) -> list[_Name]:
        """The names of one group: those with a minor word, then the others (see `_index`)."""
        names = self._names if self._names is not None else self._index()
        if group not in self._done:
            self._done.add(group)
            size, start = group
            keys = self._keys
            low, high = bisect_left(keys, start), bisect_left(keys, start + _LAST)
            if len(start) < 4:  # a first word shorter than four letters is all of it
                ahead = start + " "
                members = [i for i in range(low, high) if keys[i] == start or keys[i].startswith(ahead)]
            else:
                members = list(range(low, high))
            found = [
                (self._plain[i][0], tuple(keys[i].split()), False)
                for i in members
                if keys[i].count(" ") == size - 1
            ]
            if found:
                names.setdefault(group, []).extend(found)
        return names.get(group, [])

    def names(self, phrase: str, written: Sequence[str], a_thing: bool = False) -> set[str]:
        """The taxonomy names and aliases PHRASE is word for word, some words in another form of the
        same word ("troubleshoot" for troubleshooting, "manage projects" for managing projects), none
        of them a plural noun standing for an activity ("values" is not valuation). Qualifier and
        vendor words may be missing on either side ("communication" for communication skills), but
        not "skills" where the posting's words are A_THING ("a remote organization" is not
        organisation skills, "the latest research" not research skills)."""
        if len(written) == 1:
            raw = written[0].lower()
            if raw.endswith("s") and not raw.endswith("ss") and len(raw) > 3:
                return set()
        words = name_words(phrase)
        found = self._found.get((words, a_thing))
        if found is not None:
            return found
        query = _core(words)
        said = "skill" in words  # the posting wrote "skills" itself
        found = self._found[words, a_thing] = {
            name
            for name, core, bare in (self._group((len(query), query[0][:4])) if query else ())
            if not (bare and a_thing and not said)
            and all(_same_word(a, b) for a, b in zip(query, core, strict=True))
        }
        return found
