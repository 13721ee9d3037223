"""The matcher: resolves the skill names people write to canonical skill names.

Layers, cheapest and surest first, each reported in the resolution:

1. exact: equal to a canonical name after normalisation (:func:`skillgap.match.normalize`);
2. alias: equal to a taxonomy alias or vocabulary name, or equal once abbreviations are expanded;
3. fuzzy: word alignment with a look-alike guard (:mod:`skillgap.match.align`) over a shortlist
   from the inverted index; two near-equal winners make the result ambiguous, never a guess.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from skillgap.match.align import Verdict, align
from skillgap.match.forms import Expander, Form
from skillgap.match.index import KIND_ALIAS, KIND_NAME, KIND_VOCABULARY, Hit, Index
from skillgap.match.types import VIA_ALIAS, VIA_EXACT, VIA_FUZZY, VIA_NONE, Candidate, Resolution
from skillgap.model import Taxonomy, TaxonomySkill

AMBIGUITY_MARGIN = 2.0
NEAR_MISS_SCAN = 8

Scored = tuple[int, Verdict]  # entry id, verdict


class Matcher:
    """Resolves skill names against canonical skills; build one with :meth:`build`."""

    def __init__(self, expander: Expander) -> None:
        self._expander = expander
        self._index = Index()
        self._taxonomy_index = Index()  # taxonomy names and aliases only, for placing vocabulary
        self._names: list[str] = []
        self._ids: dict[str, int] = {}
        self._info: dict[int, TaxonomySkill] = {}
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
        matcher._load(taxonomy, vocabulary)
        return matcher

    def _load(self, taxonomy: Taxonomy, vocabulary: Iterable[str]) -> None:
        matcher = self
        for skill in taxonomy.skills:
            sid = matcher._canonical(skill.name, taxonomy=True)
            matcher._info.setdefault(sid, skill)
            for alias in skill.aliases:
                form = matcher._expander.form(alias)
                matcher._index.add(sid, form, KIND_ALIAS)
                matcher._taxonomy_index.add(sid, form, KIND_ALIAS)
        for name in vocabulary:
            if name in matcher._ids:
                continue
            form = matcher._expander.form(name)
            target = matcher._place(form)
            if target is None:
                matcher._canonical(name, form=form)
            else:
                matcher._index.add(target, form, KIND_VOCABULARY)

    def _canonical(self, name: str, form: Form | None = None, taxonomy: bool = False) -> int:
        sid = self._ids.get(name)
        if sid is None:
            sid = len(self._names)
            self._names.append(name)
            self._ids[name] = sid
            form = form or self._expander.form(name)
            self._index.add(sid, form, KIND_NAME)
            if taxonomy:
                self._taxonomy_index.add(sid, form, KIND_NAME)
        return sid

    def _place(self, form: Form) -> int | None:
        """Where a vocabulary name belongs: an existing skill, or None for a new one.

        Equal keys merge with any known skill; fuzzy matches only with taxonomy skills.
        """
        hit = self._index.exact(form) or self._index.alias(form)
        if hit:
            return next(iter(hit)) if len(hit) == 1 else None
        index = self._taxonomy_index
        if not index.entries:
            return None
        accepted = self._accepted(index, self._score(index, form, index.shortlist(form)))
        if not accepted or self._tied(accepted):
            return None
        return index.entries[accepted[0][0]].skill

    # --- public interface ----------------------------------------------------------------

    @property
    def skills(self) -> tuple[str, ...]:
        """Canonical skill names: the taxonomy's, then vocabulary names of their own."""
        return tuple(self._names)

    def canonical_info(self, skill: str) -> TaxonomySkill | None:
        """The taxonomy record of a canonical skill; None if it is not from the taxonomy."""
        sid = self._ids.get(skill)
        return None if sid is None else self._info.get(sid)

    def resolve(self, name: str) -> Resolution:
        """The canonical skill meant by ``name``, decided once per distinct name."""
        cached = self._cache.get(name)
        if cached is None:
            cached = self._decide(name, self._expander.form(name))
            self._cache[name] = cached
        return cached

    def resolve_many(self, names: Iterable[str]) -> dict[str, Resolution]:
        return {name: self.resolve(name) for name in names}

    def explain(self, name: str, limit: int = 8) -> Resolution:
        """The same decision as :meth:`resolve`, with the candidates weighed and why."""
        decision = self.resolve(name)
        form = self._expander.form(name)
        scored = self._score(self._index, form, self._explain_pool(form))
        best: dict[str, Candidate] = {}
        if decision.skill is not None and decision.via in (VIA_EXACT, VIA_ALIAS):
            best[decision.skill] = Candidate(decision.skill, 100.0, True, decision.detail)
        for eid, verdict in scored:
            skill = self._names[self._skill_of(eid)]
            old = best.get(skill)
            if old is None or (verdict.accepted, verdict.score) > (old.accepted, old.score):
                reason = verdict.reason
                entry = self._index.entries[eid]
                if entry.form.text != skill:
                    reason = f"via '{entry.form.text}': {reason}"
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

    def _skill_of(self, eid: int) -> int:
        return self._index.entries[eid].skill

    @staticmethod
    def _score(index: Index, form: Form, entry_ids: Iterable[int]) -> list[Scored]:
        entries, known = index.entries, index.words
        return [(eid, align(form, entries[eid].form, known)) for eid in sorted(set(entry_ids))]

    def _accepted(self, index: Index, scored: list[Scored]) -> list[Scored]:
        """Accepted verdicts, the best per canonical skill, best first."""
        best: dict[int, Scored] = {}
        for eid, verdict in scored:
            if not verdict.accepted:
                continue
            sid = index.entries[eid].skill
            if sid not in best or verdict.score > best[sid][1].score:
                best[sid] = (eid, verdict)
        return sorted(
            best.values(), key=lambda s: (-s[1].score, self._names[index.entries[s[0]].skill])
        )

    @staticmethod
    def _tied(accepted: list[Scored]) -> bool:
        return len(accepted) > 1 and accepted[1][1].score >= accepted[0][1].score - AMBIGUITY_MARGIN

    def _explain_pool(self, form: Form) -> set[int]:
        pool = set(self._index.shortlist(form)) | set(self._index.loose(form))
        if form.key:
            from rapidfuzz import fuzz, process

            keys = [e.form.key for e in self._index.entries]
            near = process.extract(form.key, keys, scorer=fuzz.WRatio, limit=NEAR_MISS_SCAN)
            pool.update(eid for _, _, eid in near)
        return pool

    def _decide(self, query: str, form: Form) -> Resolution:
        if not form.content:
            return Resolution(
                query, None, VIA_NONE, 0.0, "nothing left to match after normalisation"
            )
        hit = self._index.exact(form)
        if hit:
            return self._from_hit(query, form, hit, VIA_EXACT)
        hit = self._index.alias(form)
        if hit:
            return self._from_hit(query, form, hit, VIA_ALIAS)
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
        entry = self._index.entries[eid]
        skill = self._names[entry.skill]
        via = "" if entry.form.text == skill else f" via '{entry.form.text}'"
        detail = f"matched '{skill}'{via} ({verdict.score:.0f}): {verdict.reason}"
        return Resolution(query, skill, VIA_FUZZY, round(verdict.score, 1), detail)

    def _from_hit(self, query: str, form: Form, hit: Hit, via: str) -> Resolution:
        if len(hit) > 1:
            names = tuple(self._names[sid] for sid in sorted(hit))
            listed = ", ".join(f"'{n}'" for n in names)
            return Resolution(
                query, None, VIA_NONE, 100.0, f"{listed} all have this name; not guessing", names
            )
        sid, eid = next(iter(hit.items()))
        skill = self._names[sid]
        entry = self._index.entries[eid]
        if via == VIA_EXACT:
            detail = f"equals '{skill}' after normalisation"
        elif entry.kind == KIND_NAME:
            detail = f"'{form.expanded_key}' (abbreviations expanded) equals '{skill}'"
        else:
            what = "an alias" if entry.kind == KIND_ALIAS else "a catalog name"
            detail = f"equals '{entry.form.text}', {what} of '{skill}'"
            if form.expanded != form.words:
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
