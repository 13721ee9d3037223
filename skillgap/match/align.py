"""Word alignment with a look-alike guard: the careful comparison of a query with one name.

Every word of the name must be matched by a word of the query (equal, same stem, written
together or apart, or a one-letter typo), except vendor words and qualifiers; every word of the
query must be matched too, except qualifiers and vendor words. So "kubernetes administration"
matches "Kubernetes", while "German shepherd training" does not match "German" and "Java" does
not match "JavaScript". Symbol tokens ("c++", "c#") only ever match themselves.
"""

from __future__ import annotations

from collections.abc import Container
from dataclasses import dataclass

from skillgap.match.forms import LEVELS, QUALIFIERS, VENDORS, Form, is_generic, joined_stem
from skillgap.match.typo import may_be_typo, typo_score
from skillgap.words import agree

ACCEPT_MIN = 70.0
COST_VARIANT = 3.0
COST_JOIN = 1.0
COST_REORDER = 2.0
COST_VENDOR = 4.0
COST_QUALIFIER_QUERY = 5.0
COST_QUALIFIER_NAME = 6.0
COST_MISSING = 30.0
TYPO_BASE = 3.0
NO_COMMON_WORD_WEIGHT = 0.5


@dataclass(frozen=True)
class Verdict:
    """The outcome of comparing a query with one name."""

    accepted: bool
    score: float
    reason: str


@dataclass
class _Work:
    query: Form
    name: Form
    known: Container[str]
    used_q: list[bool]
    of_name: list[int | None]
    cost: float = 0.0

    def link(self, j: int, i: int) -> None:
        self.used_q[i] = True
        self.of_name[j] = i


def _exact_pass(w: _Work, notes: list[str]) -> None:
    q, c = w.query.content, w.name.content
    for j, word in enumerate(c):
        for i, qword in enumerate(q):
            if not w.used_q[i] and qword == word:
                w.link(j, i)
                break


def _join_pass(w: _Work, notes: list[str]) -> None:
    q, c = w.query.content, w.name.content
    q_stems = w.query.stems  # stem(q[i]), as for every form
    for j in range(len(c) - 1):
        if w.of_name[j] is not None or w.of_name[j + 1] is not None:
            continue
        joined = joined_stem(c[j], c[j + 1])
        for i, qword in enumerate(q):
            if not w.used_q[i] and q_stems[i] == joined:
                w.link(j, i)
                w.of_name[j + 1] = i
                w.cost += COST_JOIN
                notes.append(f"'{c[j]} {c[j + 1]}' written as '{qword}'")
                break
    for j, word in enumerate(c):
        if w.of_name[j] is not None:
            continue
        target = w.name.stems[j]
        for i in range(len(q) - 1):
            if w.used_q[i] or w.used_q[i + 1]:
                continue
            if joined_stem(q[i], q[i + 1]) == target:
                w.link(j, i)
                w.used_q[i + 1] = True
                w.cost += COST_JOIN
                notes.append(f"'{q[i]} {q[i + 1]}' written as '{word}'")
                break


def _variant_pass(w: _Work, notes: list[str]) -> None:
    q, c = w.query, w.name
    for j, word in enumerate(c.content):
        if w.of_name[j] is not None or not word.isalpha():
            continue
        for i, qword in enumerate(q.content):
            if not w.used_q[i] and qword.isalpha() and q.stems[i] == c.stems[j]:
                w.link(j, i)
                w.cost += COST_VARIANT
                notes.append(f"word forms '{qword}' ~ '{word}'")
                break


def _typo_pass(w: _Work, notes: list[str]) -> None:
    q, c = w.query.content, w.name.content
    for j, word in enumerate(c):
        if w.of_name[j] is not None:
            continue
        for i, qword in enumerate(q):
            if w.used_q[i] or qword in w.known:
                continue
            score = typo_score(qword, word)
            if score is not None:
                w.link(j, i)
                w.cost += TYPO_BASE + (100.0 - score) / 2.0
                notes.append(f"typo: '{qword}' ~ '{word}' ({score:.0f})")
                break


def _order_cost(w: _Work) -> float:
    seen = [i for i in w.of_name if i is not None]
    return COST_REORDER if seen != sorted(seen) else 0.0


def _resemblance(query: Form, name: Form) -> float:
    """For names with no word in common: half their character similarity, so a look-alike
    ("Java"/"JavaScript") ranks above an unrelated name but far below any accepted match."""
    from rapidfuzz import fuzz

    return round(NO_COMMON_WORD_WEIGHT * fuzz.ratio(query.key, name.key), 1)


class Reach:
    """What the words of one query can stand for in any pass of :func:`align`.

    A name with a word that is neither within reach nor a vendor word or qualifier is never
    accepted, so a caller that only wants accepted names (placing vocabulary) can skip
    aligning it. Each pass's test is loosened here (which query words are still free is
    ignored), so nothing align could accept is ruled out.
    """

    def __init__(self, query: Form, known: Container[str] = ()) -> None:
        words, stems = query.content, query.stems
        self._words = frozenset(words)  # equal words
        self._stems = frozenset(stems)  # word forms; two name words written as this one
        self._joined = frozenset(joined_stem(a, b) for a, b in zip(words, words[1:], strict=False))
        self._typo_lengths = frozenset(
            len(word) + change
            for word in words
            if may_be_typo(word) and word not in known
            for change in (-1, 0, 1)
        )

    def admits(self, name: Form) -> bool:
        """Whether align may accept ``name`` for the query."""
        words, stems = name.content, name.stems
        last = len(words) - 1
        for j, word in enumerate(words):
            if word in self._words or stems[j] in self._stems or stems[j] in self._joined:
                continue
            if word in VENDORS or word in QUALIFIERS:
                continue
            if len(word) in self._typo_lengths and may_be_typo(word):
                continue
            if j < last and joined_stem(word, words[j + 1]) in self._stems:
                continue
            if j > 0 and joined_stem(words[j - 1], word) in self._stems:
                continue
            return False
        return True


def align(query: Form, name: Form, known: Container[str] = ()) -> Verdict:
    """Compare a query with one name; ``known`` holds words that are never taken as typos."""
    w = _Work(query, name, known, [False] * len(query.content), [None] * len(name.content))
    notes: list[str] = []
    for step in (_exact_pass, _join_pass, _variant_pass, _typo_pass):
        step(w, notes)
        if None not in w.of_name:  # every word of the name has its counterpart: nothing left to do
            break
    reorder = _order_cost(w)
    if reorder:
        w.cost += reorder
        notes.append("words in a different order")

    problems: list[str] = []
    dropped_vendor = False
    dropped_narrowing = False  # a qualifier that may turn a broad word into a field of its own
    for j, word in enumerate(name.content):
        if w.of_name[j] is not None:
            continue
        if word in VENDORS:
            w.cost += COST_VENDOR
            dropped_vendor = True
            notes.append(f"without vendor word '{word}'")
        elif word in QUALIFIERS:
            w.cost += COST_QUALIFIER_NAME
            dropped_narrowing |= word not in LEVELS
            notes.append(f"without qualifier '{word}'")
        else:
            problems.append(f"'{name.text}' needs '{word}', which '{query.text}' lacks")
    for i, qword in enumerate(query.content):
        if w.used_q[i]:
            continue
        if qword in QUALIFIERS:
            w.cost += COST_QUALIFIER_QUERY
            dropped_narrowing |= qword not in LEVELS
            notes.append(f"ignoring qualifier '{qword}'")
        elif qword in VENDORS:
            w.cost += COST_VENDOR
            dropped_vendor = True
            notes.append(f"ignoring vendor word '{qword}'")
        else:
            problems.append(f"word '{qword}' has no counterpart in '{name.text}'")

    matched = [word for j, word in enumerate(name.content) if w.of_name[j] is not None]
    score = max(0.0, 100.0 - w.cost - COST_MISSING * len(problems))
    if not matched:
        return Verdict(False, _resemblance(query, name), f"no word in common with '{name.text}'")
    if problems:
        return Verdict(False, score, problems[0])
    specific = [word for word in matched if not is_generic(word)]
    matched_query_words = sum(w.used_q)
    if not specific and (dropped_vendor or (dropped_narrowing and matched_query_words < 2)):
        common = ", ".join(f"'{m}'" for m in matched)
        return Verdict(False, score, f"only generic {agree(len(matched), 'word')} {common} in common")
    if score < ACCEPT_MIN:
        return Verdict(False, score, f"too many differences: {'; '.join(notes)}")
    if not notes:
        return Verdict(True, score, "same words after normalisation")
    return Verdict(True, score, "; ".join(notes))
