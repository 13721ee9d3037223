"""The matcher: resolves the skill names people write to canonical skill names.

Layers, cheapest and surest first, each reported in the resolution:

1. exact: equal to a canonical name after normalisation (:func:`skillgap.match.normalize`);
2. alias: equal to a taxonomy alias or vocabulary name, or equal once abbreviations are expanded;
3. fuzzy: word alignment with a look-alike guard (:mod:`skillgap.match.align`) over a shortlist
   from the inverted index; two near-equal winners make the result ambiguous, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import NamedTuple

from skillgap.gc_pause import gc_paused
from skillgap.match.align import Reach, Verdict, align
from skillgap.match.forms import Expander, Form, Keys
from skillgap.match.index import KIND_ALIAS, KIND_NAME, KIND_VOCABULARY, Index, Slot
from skillgap.match.types import VIA_ALIAS, VIA_EXACT, VIA_FUZZY, VIA_NONE, Candidate, Resolution
from skillgap.model import Taxonomy, TaxonomySkill
from skillgap.parts import Part, Parts, expect, integers, nest, strings

AMBIGUITY_MARGIN = 2.0
NEAR_MISS_SCAN = 8

Scored = tuple[int, Verdict]  # entry id, verdict


class LookUp(NamedTuple):
    """What the exact and alias layers found for a name (see :meth:`Matcher.look_up`)."""

    resolution: Resolution  # its skill is None when several skills have this very name
    text: str  # the canonical name or alias the name equals, as the taxonomy or catalog writes it
    abbreviated: bool  # found only once abbreviations were expanded ("HR" for "human resources")


class Matcher:
    """Resolves skill names against canonical skills; build one with :meth:`build`."""

    def __init__(self, expander: Expander) -> None:
        self._expander = expander
        self._index = Index()
        self._names: list[str] = []
        self._ids: dict[str, int] = {}
        self._info: dict[int, TaxonomySkill] = {}
        self._info_at: dict[int, int] = {}  # where each skill of _info is in the taxonomy
        self._cache: dict[str, Resolution] = {}

    # --- construction --------------------------------------------------------------------

    @classmethod
    def build(
        cls,
        taxonomy: Taxonomy,
        vocabulary: Iterable[str] = (),
        abbreviations: Mapping[str, str] | None = None,
    ) -> Matcher:
        """Canonical skills are the taxonomy's names; each vocabulary name is resolved against
        the taxonomy first and becomes a canonical skill of its own only if it does not resolve.
        """
        matcher = cls(Expander(taxonomy.abbreviations, abbreviations or {}))
        with gc_paused():
            matcher._load(taxonomy, vocabulary)
        return matcher

    def _load(self, taxonomy: Taxonomy, vocabulary: Iterable[str]) -> None:
        index, expander = self._index, self._expander
        placing = Index()  # taxonomy names and aliases only, for placing vocabulary; not kept
        for place, skill in enumerate(taxonomy.skills):
            sid = self._canonical(skill.name, taxonomy=placing)
            if sid not in self._info:
                self._info[sid], self._info_at[sid] = skill, place
            for alias in skill.aliases:
                form = index.known_form(alias) or expander.form(alias)
                index.add(sid, form, KIND_ALIAS)
                placing.add(sid, form, KIND_ALIAS)
        for name in vocabulary:
            if name in self._ids:
                continue
            form = index.known_form(name) or expander.form(name)
            target = self._place(form, placing)
            if target is None:
                self._canonical(name, form=form)
            else:
                index.add(target, form, KIND_VOCABULARY)

    def _canonical(
        self, name: str, form: Form | None = None, taxonomy: Index | None = None
    ) -> int:
        sid = self._ids.get(name)
        if sid is None:
            sid = len(self._names)
            self._names.append(name)
            self._ids[name] = sid
            form = form or self._form(name)
            self._index.add(sid, form, KIND_NAME)
            if taxonomy is not None:
                taxonomy.add(sid, form, KIND_NAME)
        return sid

    def _place(self, form: Form, taxonomy: Index) -> int | None:
        """Where a vocabulary name belongs: an existing skill, or None for a new one.

        Equal keys merge with any known skill; fuzzy matches only with taxonomy skills
        (``taxonomy`` indexes their names and aliases alone).
        """
        index = self._index
        slot = index.exact_slot(form)
        if slot is None:
            slot = index.alias_slot(form)
        if slot is not None:  # an entry id, or entries of several skills
            return index.skill(slot) if isinstance(slot, int) else None
        shortlist = taxonomy.shortlist(form)
        if not shortlist:
            return None
        reach = Reach(form, taxonomy.words)  # only accepted names count: the rest need no aligning
        candidates = [eid for eid in shortlist if reach.admits(taxonomy.form(eid))]
        accepted = self._accepted(taxonomy, self._score(taxonomy, form, candidates))
        if not accepted or self._tied(accepted):
            return None
        return taxonomy.skill(accepted[0][0])

    # --- as plain data (the cache, the second core) ------------------------------------

    def to_data(self) -> dict[str, Part]:
        """The matcher as plain data (`skillgap.parts`): neither the memo of resolutions (every
        name the matcher was built from resolves again by a dictionary look-up) nor anything only
        building needs. Its taxonomy's skills are named by their place in the taxonomy."""
        return {
            "names": self._names,
            "info": [[sid, self._info_at[sid]] for sid in self._info],
            "abbreviations": self._expander.to_data(),
            **nest("index", self._index.to_data()),
        }

    @classmethod
    def from_data(cls, parts: Parts, taxonomy: Taxonomy) -> Matcher:
        """The matcher in PARTS (from :meth:`to_data` of a matcher built from TAXONOMY), each part
        checked: Unusable for anything a matcher could not hold."""
        matcher = cls(Expander.from_data(parts.json("abbreviations")))
        matcher._names = names = strings(parts.json("names"), "names")
        matcher._ids = {name: sid for sid, name in enumerate(names)}
        expect(len(matcher._ids) == len(names), "names: a name twice")
        skills, info = taxonomy.skills, parts.json("info")
        expect(type(info) is list, "info: not a list")
        for entry in info:
            expect(len(integers(entry, "info")) == 2, "info: malformed")
            sid, place = entry
            expect(0 <= sid < len(names) and 0 <= place < len(skills), "info: out of range")
            expect(skills[place].name == names[sid], "info: not the taxonomy's skill")
            matcher._info[sid], matcher._info_at[sid] = skills[place], place
        matcher._index = Index.from_data(parts.sub("index"), len(names), matcher._expander.form)
        return matcher

    # --- public interface ----------------------------------------------------------------

    @property
    def skills(self) -> tuple[str, ...]:
        """Canonical skill names: the taxonomy's, then vocabulary names of their own."""
        return tuple(self._names)

    def canonical_info(self, skill: str) -> TaxonomySkill | None:
        """The taxonomy record of a canonical skill; None if it is not from the taxonomy."""
        sid = self._ids.get(skill)
        return None if sid is None else self._info.get(sid)

    def taxonomy_names(self) -> list[tuple[str, tuple[str, ...]]]:
        """Each name and alias of the taxonomy's skills as written, with its normalised words (see
        :func:`skillgap.match.normalize`); no catalog or vocabulary name. Read from the index, so a
        matcher loaded from the cache tokenises nothing again."""
        return [(text, tuple(key.split())) for text, key in self.taxonomy_keys()]

    def taxonomy_keys(self) -> list[tuple[str, str]]:
        """`taxonomy_names` with each name's words as one text, joined by single spaces (not split)."""
        index, info = self._index, self._info
        entries = zip(index.texts(), index.kinds(), index.skills(), index.keys(), strict=True)
        return [
            (text, key) for text, kind, skill, key in entries if kind != KIND_VOCABULARY and skill in info
        ]

    def resolve(self, name: str) -> Resolution:
        """The canonical skill meant by ``name``, decided once per distinct name."""
        cached = self._cache.get(name)
        if cached is None:
            eid = self._index.known(name)
            if eid is None:
                cached = self._decide(name, self._expander.form(name))
            else:  # a name the matcher was built from, found by its keys alone
                keys = self._index.keys_of(eid)
                cached = self._look_up(name, keys) or self._decide(name, self._index.form(eid))
            self._cache[name] = cached
        return cached

    def look_up(self, name: str) -> LookUp | None:
        """The exact and alias layers alone, never a fuzzy guess: what NAME equals (a resolution, and the
        text of the name or alias it equals), or None when neither layer knows it. For scanning running
        text, where every phrase is a candidate and only a name or alias written out should count."""
        index = self._index
        eid = index.known(name)  # (an entry has words: see Index.add)
        form = index.keys_of(eid) if eid is not None else self._expander.keys(name)
        if form is None:
            return None
        slot, via = index.exact_slot(form), VIA_EXACT
        if slot is None:
            slot, via = index.alias_slot(form), VIA_ALIAS
            if slot is None:
                return None
        resolution = self._from_slot(name, form, slot, via)
        text = index.text(slot) if isinstance(slot, int) else name
        expanded = via == VIA_ALIAS and form.abbreviated
        if expanded:  # or was it found as written, before expanding?
            expanded = index.alias_slot(Keys(form.key, form.compact, form.key, form.compact, False)) is None
        return LookUp(resolution, text, expanded)

    def resolve_many(self, names: Iterable[str]) -> dict[str, Resolution]:
        return {name: self.resolve(name) for name in names}

    def explain(self, name: str, limit: int = 8) -> Resolution:
        """The same decision as :meth:`resolve`, with the candidates weighed and why."""
        decision = self.resolve(name)
        form = self._form(name)
        scored = self._score(self._index, form, self._explain_pool(form))
        best: dict[str, Candidate] = {}
        if decision.skill is not None and decision.via in (VIA_EXACT, VIA_ALIAS):
            best[decision.skill] = Candidate(decision.skill, 100.0, True, decision.detail)
        for eid, verdict in scored:
            skill = self._names[self._skill_of(eid)]
            old = best.get(skill)
            if old is None or (verdict.accepted, verdict.score) > (old.accepted, old.score):
                reason = verdict.reason
                text = self._index.text(eid)
                if text != skill:
                    reason = f"via '{text}': {reason}"
                best[skill] = Candidate(skill, round(verdict.score, 1), verdict.accepted, reason)
        ranked = sorted(best.values(), key=lambda c: (c.skill != decision.skill, -c.score, c.skill))
        return Resolution(
            decision.query,
            decision.skill,
            decision.via,
            decision.score,
            decision.detail,
            decision.ambiguous,
            tuple(ranked[: max(0, limit)]),
        )

    # --- deciding ------------------------------------------------------------------------

    def _form(self, name: str) -> Form:
        """The form of ``name``: the index's when the matcher was built from that very name."""
        form = self._index.known_form(name)
        return self._expander.form(name) if form is None else form

    def _skill_of(self, eid: int) -> int:
        return self._index.skill(eid)

    @staticmethod
    def _score(index: Index, form: Form, entry_ids: Iterable[int]) -> list[Scored]:
        form_of, known = index.form, index.words
        return [(eid, align(form, form_of(eid), known)) for eid in sorted(set(entry_ids))]

    def _accepted(self, index: Index, scored: list[Scored]) -> list[Scored]:
        """Accepted verdicts, the best per canonical skill, best first."""
        best: dict[int, Scored] = {}
        for eid, verdict in scored:
            if not verdict.accepted:
                continue
            sid = index.skill(eid)
            if sid not in best or verdict.score > best[sid][1].score:
                best[sid] = (eid, verdict)
        return sorted(
            best.values(), key=lambda s: (-s[1].score, self._names[index.skill(s[0])])
        )

    @staticmethod
    def _tied(accepted: list[Scored]) -> bool:
        return len(accepted) > 1 and accepted[1][1].score >= accepted[0][1].score - AMBIGUITY_MARGIN

    def _explain_pool(self, form: Form) -> set[int]:
        pool = set(self._index.shortlist(form)) | set(self._index.loose(form))
        if form.key:
            from rapidfuzz import fuzz, process

            keys = self._index.keys()
            near = process.extract(form.key, keys, scorer=fuzz.WRatio, limit=NEAR_MISS_SCAN)
            pool.update(eid for _, _, eid in near)
        return pool

    def _decide(self, query: str, form: Form) -> Resolution:
        if not form.content:
            return Resolution(
                query, None, VIA_NONE, 0.0, "nothing left to match after normalisation"
            )
        found = self._look_up(query, form)
        if found is not None:
            return found
        scored = self._score(self._index, form, self._index.shortlist(form))
        accepted = self._accepted(self._index, scored)
        if not accepted:
            return self._unresolved(query, form, scored)
        if self._tied(accepted):
            top = accepted[0][1].score
            tied = [s for s in accepted if s[1].score >= top - AMBIGUITY_MARGIN]
            names = tuple(self._names[self._skill_of(eid)] for eid, _ in tied)
            listed = ", ".join(f"'{n}'" for n in names)
            detail = f"{listed} match almost equally well ({top:.0f}); not guessing"
            return Resolution(query, None, VIA_NONE, top, detail, names)
        eid, verdict = accepted[0]
        skill, text = self._names[self._skill_of(eid)], self._index.text(eid)
        via = "" if text == skill else f" via '{text}'"
        detail = f"matched '{skill}'{via} ({verdict.score:.0f}): {verdict.reason}"
        return Resolution(query, skill, VIA_FUZZY, round(verdict.score, 1), detail)

    def _look_up(self, query: str, form: Form | Keys) -> Resolution | None:
        """The exact and alias layers (for a form with content)."""
        slot, via = self._index.exact_slot(form), VIA_EXACT
        if slot is None:
            slot, via = self._index.alias_slot(form), VIA_ALIAS
            if slot is None:
                return None
        return self._from_slot(query, form, slot, via)

    def _from_slot(self, query: str, form: Form | Keys, slot: Slot, via: str) -> Resolution:
        index = self._index
        if not isinstance(slot, int):  # entries of several skills
            names = tuple(self._names[sid] for sid in sorted(index.hit(slot)))
            listed = ", ".join(f"'{n}'" for n in names)
            return Resolution(
                query, None, VIA_NONE, 100.0, f"{listed} all have this name; not guessing", names
            )
        eid = slot
        skill = self._names[index.skill(eid)]
        kind = index.kind(eid)
        if via == VIA_EXACT:
            detail = f"equals '{skill}' after normalisation"
        elif kind == KIND_NAME:
            detail = f"'{form.expanded_key}' (abbreviations expanded) equals '{skill}'"
        else:
            what = "an alias" if kind == KIND_ALIAS else "a catalog name"
            detail = f"equals '{index.text(eid)}', {what} of '{skill}'"
            if form.abbreviated:
                detail += " (abbreviations expanded)"
        return Resolution(query, skill, via, 100.0, detail)

    def _unresolved(self, query: str, form: Form, scored: list[Scored]) -> Resolution:
        pool = scored + self._score(self._index, form, self._index.loose(form))
        if not pool:
            return Resolution(query, None, VIA_NONE, 0.0, "no known skill shares a word with it")
        eid, verdict = max(pool, key=lambda s: (s[1].score, -s[0]))
        skill = self._names[self._skill_of(eid)]
        detail = f"no match; nearest '{skill}' ({verdict.score:.0f}) rejected: {verdict.reason}"
        return Resolution(query, None, VIA_NONE, round(verdict.score, 1), detail)
