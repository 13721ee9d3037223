"""Hash keys and an inverted index over every name a matcher knows.

Exact layers are dictionary look-ups; the fuzzy layer only aligns a shortlist: the names that
have a counterpart for every non-qualifier word of the query (intersecting posting lists,
smallest first), so it stays fast with hundreds of thousands of names.
"""

from __future__ import annotations

import marshal
from array import array
from collections.abc import Iterator, Sequence
from functools import lru_cache
from typing import Any, NamedTuple, cast, overload

from skillgap.gc_pause import gc_paused
from skillgap.match.forms import Form, Keys, is_droppable, joined_stem
from skillgap.match.stem import stem
from skillgap.match.text import join_pair
from skillgap.match.typo import may_be_typo, typo_score

KIND_NAME = "name"
KIND_ALIAS = "alias"
KIND_VOCABULARY = "vocabulary"

TYPO_PREFILTER = 70
TYPO_LIMIT = 25
LOOSE_POSTING_MAX = 2000
LOOSE_LIMIT = 200
UNION_FACTOR = 32

STATE_VERSION = 1  # of what a pickled Index holds (see Index.__getstate__)
_IDS = "i"  # array type of the entry ids in a pickled posting list


class Entry(NamedTuple):
    """One name of a canonical skill: its own name, a taxonomy alias or a vocabulary name."""

    skill: int
    form: Form
    kind: str


Hit = dict[int, int]  # canonical id -> entry id
# The entries under one key, one per canonical skill: an entry id, or a list when several skills
# share the key. The skill of an entry is known, so a hit needs no dictionary of its own.
Slot = int | list[int]
# A posting list; in an unpickled index, packed (an array's bytes) until it is first used.
_Posting = set[int] | bytes
# A pickled Form's words, expanded, content and stems (its keys and text are kept apart, see
# Index._key); equal fields are one object (see Expander._shape), which marshal stores once.
_Row = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[str, ...]]


class Entries(Sequence[Entry]):
    """The entries of an index, by entry id; each Entry is made when asked for."""

    def __init__(self, index: Index) -> None:
        self._index = index

    def __len__(self) -> int:
        return len(self._index._skill)

    @overload
    def __getitem__(self, eid: int) -> Entry: ...

    @overload
    def __getitem__(self, eid: slice) -> list[Entry]: ...

    def __getitem__(self, eid: int | slice) -> Entry | list[Entry]:
        if isinstance(eid, slice):
            return [self[i] for i in range(len(self))[eid]]
        index = self._index
        eid = range(len(self))[eid]  # IndexError past the end, like a list
        return Entry(index._skill[eid], index.form(eid), index._kind[eid])

    def __iter__(self) -> Iterator[Entry]:
        return (self[eid] for eid in range(len(self)))


class Index:
    """Entries are kept as parallel lists (skill, kind, text, form) indexed by entry id.

    Pickling stores them compactly (see :meth:`__getstate__`). An unpickled index has every
    entry's keys at once (what resolving a name it holds needs), rebuilds a form only when it
    is first needed, and a posting list only when it is first used.
    """

    def __init__(self) -> None:
        self._skill: list[int] = []
        self._kind: list[str] = []
        self._text: list[str] = []
        self._forms: list[Form | None] = []  # None: an unpickled entry's, not rebuilt yet
        # an unpickled entry's keys (expanded ones only where abbreviations were expanded)
        self._key: list[str] = []
        self._compact: list[str] = []
        self._expanded: dict[int, tuple[str, str]] = {}
        self._rows: list[_Row] | None = None  # the rest of an unpickled entry's form
        self._packed_rows: bytes | None = None  # the same, before they are first needed
        self._by_text: dict[str, int] | None = {}  # None: not rebuilt yet from _text
        self._exact: dict[str, Slot] = {}
        self._alias: dict[str, Slot] = {}
        self._postings: dict[str, _Posting] = {}
        self._joins: dict[str, _Posting] = {}
        self.words: set[str] = set()
        self._word_list: list[str] | None = None
        self._typos: dict[str, list[str]] = {}

    # --- entries -------------------------------------------------------------------------

    @property
    def entries(self) -> Entries:
        return Entries(self)

    def skill(self, eid: int) -> int:
        return self._skill[eid]

    def kind(self, eid: int) -> str:
        return self._kind[eid]

    def text(self, eid: int) -> str:
        return self._text[eid]

    def form(self, eid: int) -> Form:
        form = self._forms[eid]
        if form is None:
            form = self._forms[eid] = self._unpack(eid)
        return form

    def keys_of(self, eid: int) -> Form | Keys:
        """What the exact and alias layers need of an entry's form, without rebuilding it."""
        form = self._forms[eid]
        if form is not None:
            return form
        key, compact = self._key[eid], self._compact[eid]
        expanded = self._expanded.get(eid)
        if expanded is None:
            return Keys(key, compact, key, compact, False)
        return Keys(key, compact, *expanded, True)

    def known(self, text: str) -> int | None:
        """An entry added under exactly this text, if any: its form is that text's form (the
        same expander made it), so resolving the names a matcher was built from need not
        compute their forms again."""
        by_text = self._by_text
        if by_text is None:
            with gc_paused():
                by_text = self._by_text = {text: eid for eid, text in enumerate(self._text)}
        return by_text.get(text)

    def known_form(self, text: str) -> Form | None:
        """The form of ``text`` if this index holds it (see :meth:`known`)."""
        eid = self.known(text)
        return None if eid is None else self.form(eid)

    def texts(self) -> list[str]:
        """Every entry's text, by entry id."""
        return self._text

    def kinds(self) -> list[str]:
        return self._kind

    def skills(self) -> list[int]:
        """Every entry's canonical skill id, by entry id."""
        return self._skill

    def keys(self) -> list[str]:
        """Every entry's key, by entry id (without rebuilding forms)."""
        stored = self._key
        return [stored[eid] if form is None else form.key for eid, form in enumerate(self._forms)]

    # --- building ------------------------------------------------------------------------

    def add(self, skill: int, form: Form, kind: str) -> None:
        text, words, expanded, content, stems, key, compact, long_key, long_compact = form
        if not content:
            return
        eid = len(self._skill)
        self._skill.append(skill)
        self._kind.append(kind)
        if text == key:  # one string, which a pickled index stores once
            text = key
        self._text.append(text)
        self._forms.append(form)
        if self._by_text is not None:
            self._by_text.setdefault(text, eid)
        # (a key put twice for one skill is kept once: a second put of an equal key is skipped)
        own = self._exact if kind == KIND_NAME else self._alias
        if key in own:
            self._put(own, key, skill, eid)
        else:
            own[key] = eid
        if compact != key:
            if compact in own:
                self._put(own, compact, skill, eid)
            else:
                own[compact] = eid
        if expanded != words:
            self._put(self._alias, long_key, skill, eid)
            if long_compact != long_key:
                self._put(self._alias, long_compact, skill, eid)
        _post(self._postings, stems, eid)
        if len(content) > 1:
            _post(self._joins, _join_keys(content), eid)
        if not self.words.issuperset(content):
            self.words.update(content)
            self._word_list = None
            self._typos.clear()

    def _put(self, keys: dict[str, Slot], key: str, skill: int, eid: int) -> None:
        slot = keys.get(key)
        if slot is None:
            keys[key] = eid
        elif isinstance(slot, int):
            if self._skill[slot] != skill:
                keys[key] = [slot, eid]
        elif all(self._skill[e] != skill for e in slot):
            slot.append(eid)

    # --- pickling ------------------------------------------------------------------------

    def __getstate__(self) -> dict[str, Any]:
        """Plain lists, dictionaries and bytes under marshal, which loads them several times
        faster than pickle loads objects. What the index holds is stored as it is: names
        written several ways share their keys and word tuples (see Expander._shape), and
        marshal stores an object it meets again as a reference."""
        stored = len(self._key)  # entries an unpickled index holds keys and rows of
        # the forms of the rest (every entry, in an index built here), never None
        forms = cast(list[Form], self._forms[stored:])
        abbreviated = {
            eid: (form.expanded_key, form.expanded_compact)
            for eid, form in enumerate(forms, stored)
            if form.expanded != form.words
        }
        if self._expanded:
            abbreviated = self._expanded | abbreviated
        tables = (
            self._text,
            array(_IDS, self._skill).tobytes(),
            self._kind,
            self._key + [form.key for form in forms],
            self._compact + [form.compact for form in forms],
            abbreviated,
            self._exact,
            self._alias,
            {key: _pack(posting) for key, posting in self._postings.items()},
            {key: _pack(posting) for key, posting in self._joins.items()},
            sorted(self.words),
        )
        if not stored:
            rows = marshal.dumps([form[1:5] for form in forms])
        elif not forms and self._packed_rows is not None:
            rows = self._packed_rows
        else:
            rows = marshal.dumps(self._unpacked_rows() + [form[1:5] for form in forms])
        return {"version": STATE_VERSION, "tables": marshal.dumps(tables), "rows": rows}

    def __setstate__(self, state: dict[str, Any]) -> None:
        if state.get("version") != STATE_VERSION:
            raise ValueError(f"an index pickled in another layout ({state.get('version')!r})")
        tables = marshal.loads(state["tables"])
        texts, skills, self._kind, self._key, self._compact, self._expanded = tables[:6]
        exact, alias, postings, joins, words = tables[6:]
        self._text = texts
        self._skill = array(_IDS, skills).tolist()
        self._forms = [None] * len(texts)
        self._rows = None
        self._packed_rows = state["rows"]
        self._by_text = None
        self._exact = exact
        self._alias = alias
        self._postings = postings
        self._joins = joins
        self.words = set(words)
        self._word_list = None
        self._typos = {}

    def _unpacked_rows(self) -> list[_Row]:
        rows = self._rows
        if rows is None:
            assert self._packed_rows is not None
            with gc_paused():
                rows = self._rows = marshal.loads(self._packed_rows)
            self._packed_rows = None
        return rows

    def _unpack(self, eid: int) -> Form:
        words, expanded, content, stems = self._unpacked_rows()[eid]
        key, compact = self._key[eid], self._compact[eid]
        expanded_key, expanded_compact = self._expanded.get(eid, (key, compact))
        text = self._text[eid]
        return Form(text, words, expanded, content, stems, key, compact, expanded_key, expanded_compact)

    # --- exact layers --------------------------------------------------------------------

    def hit(self, slot: Slot | None) -> Hit:
        """A slot (see :meth:`exact_slot`) as canonical id -> entry id."""
        if slot is None:
            return {}
        if isinstance(slot, int):
            return {self._skill[slot]: slot}
        return {self._skill[eid]: eid for eid in slot}

    def exact(self, form: Form) -> Hit:
        return self.hit(self.exact_slot(form))

    def alias(self, form: Form) -> Hit:
        return self.hit(self.alias_slot(form))

    def exact_slot(self, form: Form | Keys) -> Slot | None:
        """What :meth:`exact` finds, undecoded: None, one entry id, or a list of entry ids of
        distinct canonical skills."""
        keys = self._exact
        slot = keys.get(form.key)
        return keys.get(form.compact) if slot is None else slot

    def alias_slot(self, form: Form | Keys) -> Slot | None:
        """What :meth:`alias` finds, undecoded (see :meth:`exact_slot`)."""
        keys = self._alias
        slot = keys.get(form.key)
        if slot is None:
            slot = keys.get(form.compact)
        if slot is not None or not form.abbreviated:
            return slot
        for key in (form.expanded_key, form.expanded_compact):
            slot = keys.get(key)
            if slot is None:
                slot = self._exact.get(key)
            if slot is not None:
                return slot
        return None

    # --- shortlists ----------------------------------------------------------------------

    def _typo_variants(self, word: str) -> list[str]:
        """Known words that ``word`` may be a typo of (an unknown word only)."""
        if not may_be_typo(word) or word in self.words:
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
                keys.append(joined_stem(words[i], words[i + 1]))
            if i > 0 and words[i - 1].isalpha():
                keys.append(joined_stem(words[i - 1], words[i]))
        variants = self._typo_variants(words[i])
        if variants:
            keys.extend(map(stem, variants))
        postings = self._postings
        found = [_posting(postings, key) for key in keys if key in postings]
        if words[i] in self._joins:
            found.append(_posting(self._joins, words[i]))
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
        postings = self._postings
        for s in form.stems:
            if s in postings:
                posting = _posting(postings, s)
                if len(posting) <= LOOSE_POSTING_MAX:
                    found |= posting
        return sorted(found)[:LOOSE_LIMIT]


def _post(table: dict[str, _Posting], keys: tuple[str, ...], eid: int) -> None:
    """Put an entry in the posting lists under these keys."""
    get = table.get
    for key in keys:
        posting = get(key)
        if posting is None:
            table[key] = {eid}
        elif type(posting) is set:
            posting.add(eid)
        else:
            _posting(table, key, posting).add(eid)


@lru_cache(maxsize=65536)
def _join_keys(words: tuple[str, ...]) -> tuple[str, ...]:
    """What neighbouring words of a name are indexed under, written as one ("dev ops": "devop")."""
    pairs = zip(words, words[1:], strict=False)
    return tuple(join_pair(a, b) for a, b in pairs if a.isalpha() and b.isalpha())


def _posting(table: dict[str, _Posting], key: str, posting: _Posting | None = None) -> set[int]:
    """The posting list under ``key`` (which the table holds) as a set, unpacked on first use."""
    if posting is None:
        posting = table[key]
    if isinstance(posting, set):
        return posting
    unpacked = table[key] = set(array(_IDS, posting))
    return unpacked


def _pack(posting: _Posting) -> bytes:
    return posting if isinstance(posting, bytes) else array(_IDS, sorted(posting)).tobytes()
