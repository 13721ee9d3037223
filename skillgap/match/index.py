"""Hash keys and an inverted index over every name a matcher knows.

Exact layers are dictionary look-ups; the fuzzy layer only aligns a shortlist: the names that
have a counterpart for every non-qualifier word of the query (intersecting posting lists,
smallest first), so it stays fast with hundreds of thousands of names.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, chain
from typing import NamedTuple, cast, overload

from skillgap.gc_pause import gc_paused
from skillgap.match.forms import Form, Keys, is_droppable, joined_stem
from skillgap.match.stem import stem
from skillgap.match.text import join_pair
from skillgap.match.typo import may_be_typo, typo_score
from skillgap.parts import Part, Parts, below, ends, expect, integers, strings

KIND_NAME = "name"
KIND_ALIAS = "alias"
KIND_VOCABULARY = "vocabulary"

TYPO_PREFILTER = 70
TYPO_LIMIT = 25
LOOSE_POSTING_MAX = 2000
LOOSE_LIMIT = 200
UNION_FACTOR = 32

_KINDS = (KIND_NAME, KIND_ALIAS, KIND_VOCABULARY)
_IDS = "I"  # array type of the entry ids in a posting list kept as data


class Entry(NamedTuple):
    """One name of a canonical skill: its own name, a taxonomy alias or a vocabulary name."""

    skill: int
    form: Form
    kind: str


Hit = dict[int, int]  # canonical id -> entry id
# The entries under one key, one per canonical skill: an entry id, or a list when several skills
# share the key. The skill of an entry is known, so a hit needs no dictionary of its own.
Slot = int | list[int]
# A posting list; in an index made from data, its place in that data (see _Packed) until it is first used.
_Posting = set[int] | int


class _Packed(dict[str, _Posting]):
    """Posting lists read from data: each key's place among them, its entries taken out of the one block
    they are kept in (ENTRIES, the list of place P ending at ENDS[P]) when first used."""

    def __init__(self, keys: Sequence[str], entries: array[int], found: array[int]) -> None:
        super().__init__(zip(keys, range(len(keys)), strict=True))
        self.entries, self.ends = entries, found

    def entries_of(self, place: int) -> array[int]:
        return self.entries[self.ends[place - 1] if place else 0 : self.ends[place]]


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

    As plain data (see :meth:`to_data`) they are kept compactly. An index made from data has
    every entry's keys at once (what resolving a name it holds needs), rebuilds a form only when
    it is first needed, and a posting list only when it is first used.
    """

    def __init__(self) -> None:
        self._skill: list[int] = []
        self._kind: list[str] = []
        self._text: list[str] = []
        self._forms: list[Form | None] = []  # None: an entry from data, its form not rebuilt yet
        # an entry from data's keys (expanded ones only where abbreviations were expanded)
        self._key: list[str] = []
        self._compact: list[str] = []
        self._expanded: dict[int, tuple[str, str]] = {}
        # the rest of such an entry's form: its words, expanded, content and stems, as indexes into
        # the tokens, each of the four ending where the row ends say
        self._tokens: list[str] = []
        self._codes: array[int] = array("I")
        self._row_ends: array[int] = array("Q")
        self._reform: Callable[[str], Form] | None = None  # the expander's forms, for a row that is not
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
        if text == key:  # one string in memory, not two equal ones
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

    # --- as plain data (the cache, the second core) ------------------------------------

    def to_data(self) -> dict[str, Part]:
        """The index as plain data (`skillgap.parts`), which :meth:`from_data` checks and takes
        back. Repeated words are one token: the rows of forms are indexes into the tokens."""
        stored = len(self._key)  # entries made from data (the first ones) hold keys, not forms
        forms = cast(list[Form], self._forms[stored:])  # the rest, never None
        abbreviated = dict(self._expanded)
        abbreviated.update(
            (eid, (form.expanded_key, form.expanded_compact))
            for eid, form in enumerate(forms, stored)
            if form.expanded != form.words
        )
        # the rows of entries from data as they are, then those of the forms added since
        fields = list(chain.from_iterable(form[1:5] for form in forms))
        tokens = list(self._tokens)
        token = dict(zip(tokens, range(len(tokens)), strict=True))
        for word in dict.fromkeys(chain.from_iterable(fields)):
            if word not in token:
                token[word] = len(tokens)
                tokens.append(word)
        codes = self._codes + array("I", map(token.__getitem__, chain.from_iterable(fields)))
        last = self._row_ends[-1] if self._row_ends else 0
        row_ends = self._row_ends + array("Q", accumulate(map(len, fields), initial=last))[1:]
        return {
            "text": self._text,
            "skill": array("I", self._skill),
            "kind": bytes(map(_KINDS.index, self._kind)),
            "key": self._key + [form.key for form in forms],
            "compact": self._compact + [form.compact for form in forms],
            **_expanded_data(abbreviated),
            "tokens": tokens,
            "rows": codes,
            "rows.ends": row_ends,
            **_slots_data("exact", self._exact),
            **_slots_data("alias", self._alias),
            **_postings_data("postings", self._postings),
            **_postings_data("joins", self._joins),
            "words": sorted(self.words),
        }

    @classmethod
    def from_data(cls, parts: Parts, skills: int, reform: Callable[[str], Form]) -> Index:
        """The index in PARTS (from :meth:`to_data`), each part checked: Unusable for anything
        an index could not hold. SKILLS is how many canonical skills its entries may name;
        REFORM makes a name's form (the matcher's expander), for a row that does not hold one:
        the rows are only the forms worked out already, each checked when it is first used."""
        index = cls()
        index._reform = reform
        index._text = texts = strings(parts.json("text"), "text")
        size = len(texts)
        index._skill = parts.array("skill", "I").tolist()
        expect(len(index._skill) == size, "skill: not one per entry")
        below(index._skill, skills, "skill")
        kinds = parts.bytes("kind")
        expect(len(kinds) == size, "kind: not one per entry")
        below(kinds, len(_KINDS), "kind")
        index._kind = list(map(_KINDS.__getitem__, kinds))
        index._key = strings(parts.json("key"), "key", size)
        index._compact = strings(parts.json("compact"), "compact", size)
        index._expanded = _expanded(parts, size)
        index._tokens = strings(parts.json("tokens"), "tokens")
        index._codes = parts.array("rows", "I")
        index._row_ends = parts.array("rows.ends", "Q")
        expect(len(index._row_ends) == 4 * size, "rows.ends: not four for each entry")
        index._forms = [None] * size
        index._by_text = None
        index._exact = _slots("exact", parts, size)
        index._alias = _slots("alias", parts, size)
        index._postings = _postings("postings", parts, size)
        index._joins = _postings("joins", parts, size)
        index.words = set(strings(parts.json("words"), "words"))
        return index

    def _row(self, eid: int) -> tuple[tuple[str, ...], ...] | None:
        """An entry from data's words, expanded, content and stems; None unless each of the first
        three holds a word and there is a stem for each content word, every one a known token."""
        tokens, codes, found = self._tokens, self._codes, self._row_ends
        start = found[4 * eid - 1] if eid else 0
        bounds = [start, *found[4 * eid : 4 * eid + 4]]
        first, words, expanded, content, stems = bounds
        if not first < words < expanded < content < stems <= len(codes):
            return None
        if stems - content != content - expanded or max(codes[first:stems]) >= len(tokens):
            return None
        get = tokens.__getitem__
        return tuple(tuple(map(get, codes[a:b])) for a, b in zip(bounds, bounds[1:], strict=False))

    def _unpack(self, eid: int) -> Form:
        text = self._text[eid]
        row = self._row(eid)
        if row is None:  # (not a form the expander made: made again, as building would)
            assert self._reform is not None
            return self._reform(text)
        words, expanded, content, stems = row
        key, compact = self._key[eid], self._compact[eid]
        expanded_key, expanded_compact = self._expanded.get(eid, (key, compact))
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
    assert isinstance(table, _Packed)
    unpacked = table[key] = set(table.entries_of(posting))
    return unpacked


def _pack(table: dict[str, _Posting], posting: _Posting) -> bytes:
    if isinstance(posting, set):
        return array(_IDS, sorted(posting)).tobytes()
    assert isinstance(table, _Packed)
    return table.entries_of(posting).tobytes()


# --- checking an index's data --------------------------------------------------------------


def _expanded_data(expanded: dict[int, tuple[str, str]]) -> dict[str, Part]:
    eids = sorted(expanded)
    return {
        "expanded": array("I", eids),
        "expanded.key": [expanded[eid][0] for eid in eids],
        "expanded.compact": [expanded[eid][1] for eid in eids],
    }


def _expanded(parts: Parts, size: int) -> dict[int, tuple[str, str]]:
    eids = parts.array("expanded", "I")
    below(eids, size, "expanded")
    keys = strings(parts.json("expanded.key"), "expanded", len(eids))
    compacts = strings(parts.json("expanded.compact"), "expanded", len(eids))
    return dict(zip(eids, zip(keys, compacts, strict=True), strict=True))


def _slots_data(name: str, slots: dict[str, Slot]) -> dict[str, Part]:
    """Keys of one entry each, and the keys several skills share (with their entries)."""
    single = {key: slot for key, slot in slots.items() if type(slot) is int}
    shared = [[key, slot] for key, slot in slots.items() if type(slot) is not int]
    return {name: list(single), f"{name}.entries": array("I", single.values()), f"{name}.shared": shared}


def _slots(name: str, parts: Parts, size: int) -> dict[str, Slot]:
    keys = strings(parts.json(name), name)
    found = parts.array(f"{name}.entries", "I")
    expect(len(found) == len(keys), f"{name}: not an entry for each key")
    below(found, size, name)
    slots: dict[str, Slot] = dict(zip(keys, found, strict=True))
    shared = parts.json(f"{name}.shared")
    expect(type(shared) is list, f"{name}: malformed")
    for entry in shared:
        expect(type(entry) is list and len(entry) == 2 and type(entry[0]) is str, f"{name}: malformed")
        key, entries = entry
        expect(len(integers(entries, name)) > 1, f"{name}: a shared key of one entry")
        below(entries, size, name)
        slots[key] = entries
    expect(len(slots) == len(keys) + len(shared), f"{name}: a key twice")
    return slots


def _postings_data(name: str, postings: dict[str, _Posting]) -> dict[str, Part]:
    packed = [_pack(postings, posting) for posting in postings.values()]
    size = array(_IDS).itemsize
    return {
        name: list(postings),
        f"{name}.entries": b"".join(packed),
        f"{name}.ends": array("Q", accumulate(len(p) // size for p in packed)),
    }


def _postings(name: str, parts: Parts, size: int) -> dict[str, _Posting]:
    keys = strings(parts.json(name), name)
    blob = parts.bytes(f"{name}.entries")
    entries = array(_IDS)
    expect(len(blob) % entries.itemsize == 0, f"{name}: cut short")
    entries.frombytes(blob)
    below(entries, size, name)
    found = parts.array(f"{name}.ends", "Q")
    ends(found, len(entries), len(keys), name, strict=True)  # (no key without an entry)
    postings = _Packed(keys, entries, found)
    expect(len(postings) == len(keys), f"{name}: a key twice")
    return postings
