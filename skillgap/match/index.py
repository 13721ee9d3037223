"""Hash keys and an inverted index over every name a matcher knows.

Exact layers are dictionary look-ups; the fuzzy layer only aligns a shortlist: the names that
have a counterpart for every non-qualifier word of the query (intersecting posting lists,
smallest first), so it stays fast with hundreds of thousands of names.
"""

from __future__ import annotations

from dataclasses import dataclass

from skillgap.match.forms import Form, is_droppable
from skillgap.match.stem import stem
from skillgap.match.text import join_words
from skillgap.match.typo import MIN_TYPO_LENGTH, typo_score

KIND_NAME = "name"
KIND_ALIAS = "alias"
KIND_VOCABULARY = "vocabulary"

TYPO_PREFILTER = 70
TYPO_LIMIT = 25
LOOSE_POSTING_MAX = 2000
LOOSE_LIMIT = 200
UNION_FACTOR = 32


@dataclass(frozen=True, slots=True)
class Entry:
    """One name of a canonical skill: its own name, a taxonomy alias or a vocabulary name."""

    skill: int
    form: Form
    kind: str


Hit = dict[int, int]  # canonical id -> entry id


class Index:
    def __init__(self) -> None:
        self.entries: list[Entry] = []
        self._exact: dict[str, Hit] = {}
        self._alias: dict[str, Hit] = {}
        self._postings: dict[str, set[int]] = {}
        self._joins: dict[str, set[int]] = {}
        self.words: set[str] = set()
        self._word_list: list[str] | None = None
        self._typos: dict[str, list[str]] = {}

    # --- building ------------------------------------------------------------------------

    def add(self, skill: int, form: Form, kind: str) -> None:
        if not form.content:
            return
        eid = len(self.entries)
        self.entries.append(Entry(skill, form, kind))
        own = self._exact if kind == KIND_NAME else self._alias
        self._put(own, form.key, skill, eid)
        self._put(own, form.compact, skill, eid)
        if form.expanded != form.words:
            self._put(self._alias, form.expanded_key, skill, eid)
            self._put(self._alias, form.expanded_compact, skill, eid)
        postings = self._postings
        for s in form.stems:
            posting = postings.get(s)
            if posting is None:
                postings[s] = {eid}
            else:
                posting.add(eid)
        words = form.content
        for j in range(len(words) - 1):
            if words[j].isalpha() and words[j + 1].isalpha():
                self._joins.setdefault(join_words(words[j], words[j + 1]), set()).add(eid)
        if not self.words.issuperset(words):
            self.words.update(words)
            self._word_list = None
            self._typos.clear()

    @staticmethod
    def _put(keys: dict[str, Hit], key: str, skill: int, eid: int) -> None:
        hit = keys.get(key)
        if hit is None:
            keys[key] = {skill: eid}
        elif skill not in hit:
            hit[skill] = eid

    # --- exact layers --------------------------------------------------------------------

    def exact(self, form: Form) -> Hit:
        return self._exact.get(form.key) or self._exact.get(form.compact) or {}

    def alias(self, form: Form) -> Hit:
        hit = self._alias.get(form.key) or self._alias.get(form.compact)
        if hit or form.expanded == form.words:
            return hit or {}
        for key in (form.expanded_key, form.expanded_compact):
            hit = self._alias.get(key) or self._exact.get(key)
            if hit:
                return hit
        return {}

    # --- shortlists ----------------------------------------------------------------------

    def _typo_variants(self, word: str) -> list[str]:
        """Known words that ``word`` may be a typo of (an unknown word only)."""
        if len(word) < MIN_TYPO_LENGTH or not word.isalpha() or word in self.words:
            return []
        cached = self._typos.get(word)
        if cached is None:
            from rapidfuzz import fuzz, process

            if self._word_list is None:
                self._word_list = sorted(self.words)
            found = process.extract(
                word,
                self._word_list,
                scorer=fuzz.ratio,
                score_cutoff=TYPO_PREFILTER,
                limit=TYPO_LIMIT,
            )
            cached = [w for w, _, _ in found if typo_score(word, w) is not None]
            self._typos[word] = cached
        return cached

    def _alternatives(self, form: Form, i: int) -> list[set[int]]:
        """Posting lists of the names that have a counterpart for query word ``i``."""
        words, stems = form.content, form.stems
        keys = [stems[i]]
        if words[i].isalpha():
            if i + 1 < len(words) and words[i + 1].isalpha():
                keys.append(stem(join_words(words[i], words[i + 1])))
            if i > 0 and words[i - 1].isalpha():
                keys.append(stem(join_words(words[i - 1], words[i])))
        variants = self._typo_variants(words[i])
        if variants:
            keys.extend(map(stem, variants))
        found = [p for p in map(self._postings.get, keys) if p]
        join = self._joins.get(words[i])
        if join:
            found.append(join)
        return found

    def shortlist(self, form: Form) -> set[int]:
        """Names that could pass the guard: each has a counterpart for every required word.

        Intersects per-word posting lists starting from the smallest, testing membership
        rather than building unions of long lists (such as the one for "management").
        """
        required: list[list[set[int]]] = []
        optional: set[int] = set()
        for i, word in enumerate(form.content):
            alternatives = self._alternatives(form, i)
            if is_droppable(word):
                for posting in alternatives:
                    optional |= posting
            elif not alternatives:
                return set()
            else:
                required.append(alternatives)
        if not required:
            return optional
        required.sort(key=lambda group: sum(map(len, group)))
        result: set[int] = set().union(*required[0])
        for group in required[1:]:
            if not result:
                break
            if len(group) == 1:
                result &= group[0]
            elif sum(map(len, group)) <= UNION_FACTOR * len(result):
                result &= set().union(*group)
            else:
                result = {e for e in result if any(e in posting for posting in group)}
        return result

    def loose(self, form: Form) -> list[int]:
        """Names sharing any word with the query, for reporting near misses."""
        found: set[int] = set()
        for s in form.stems:
            posting = self._postings.get(s, set())
            if len(posting) <= LOOSE_POSTING_MAX:
                found |= posting
        return sorted(found)[:LOOSE_LIMIT]
