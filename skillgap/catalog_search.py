"""Searching a catalog (the core of `skillgap catalog search`): credentials and pathways, each hit with the
reasons it matched, ranked by the strongest.

What a hit can match on, strongest first (a hit keeps every reason it has, best first):

1. ``title``: every word of the query is a word of the title (as the matcher normalises words: case,
   accents, plurals and spellings aside), a title equal to the query first, then the titles the query
   covers most of; ``acronym``: the query is an acronym the title gives in parentheses ("Project
   Management Professional (PMP)" is found by "pmp"). A pathway's title counts the same way.
2. ``skill``: the credential teaches the skill the query resolves to (by the matcher), higher levels first.
3. ``provider``: every word of the query is a word of the provider's name, or its acronym in parentheses.
4. ``pathway``: the credential is part of a pathway whose title matched.
5. ``similar``: no word-for-word match, but the title, the provider or a skill taught is close to the
   query (rapidfuzz WRatio, at least 80, for a query of four characters or more): a typo or part of a word.

So "excel" lists the credentials with Excel in their title before those that merely teach Excel.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from skillgap.analyse.gaps import skill_key
from skillgap.match.stem import stem
from skillgap.match.text import compact, fold, tokens, written_starts
from skillgap.model import Credential, Pathway, Taught
from skillgap.packed import PackedCredentials
from skillgap.world import World

SIMILAR_CUTOFF = 80.0  # WRatio for a text to count as close to the query (below, short words look alike)
SIMILAR_MIN_LENGTH = 4  # a shorter query is close to too much ("pmi" to "Microsoft"): words only

ON_TITLE = "title"
ON_ACRONYM = "acronym"
ON_SKILL = "skill"
ON_PROVIDER = "provider"
ON_PATHWAY = "pathway"
ON_SIMILAR = "similar"
# How strong each kind of reason is: a hit ranks by its strongest reason, then by that reason's score.
TIERS = {ON_TITLE: 0, ON_ACRONYM: 0, ON_SKILL: 1, ON_PROVIDER: 2, ON_PATHWAY: 3, ON_SIMILAR: 4}

_PARENTHESISED = re.compile(r"\(([^()]*)\)")
_NOT_ALNUM = re.compile(r"[\W_]+")


@dataclass(frozen=True)
class Reason:
    """One reason a hit matched: on what (see TIERS), the catalog's text that matched, how closely."""

    on: str
    text: str
    score: float  # 0-100
    why: str  # in words, for people

    @property
    def tier(self) -> int:
        return TIERS[self.on]


@dataclass(frozen=True)
class Hit:
    """A credential or a pathway found, with every reason it matched, strongest first."""

    credential: Credential | None
    reasons: tuple[Reason, ...]
    pathway: Pathway | None = None
    members: tuple[str, ...] = ()  # a pathway's credentials: those it lists and those that stack into it

    @property
    def kind(self) -> str:
        return "credential" if self.credential is not None else "pathway"

    @property
    def id(self) -> str:
        if self.credential is not None:
            return self.credential.id
        assert self.pathway is not None
        return self.pathway.id

    @property
    def score(self) -> float:
        return self.reasons[0].score

    @property
    def why(self) -> str:
        return self.reasons[0].why


@dataclass
class _Found:
    """The reasons found so far for one credential (by index) or pathway (by id)."""

    reasons: list[Reason] = field(default_factory=list)

    def add(self, reason: Reason) -> None:
        self.reasons.append(reason)

    def ranked(self) -> tuple[Reason, ...]:
        best: dict[tuple[str, str], Reason] = {}  # one reason per kind and text: the closest
        for reason in self.reasons:
            key = (reason.on, reason.text)
            if key not in best or reason.score > best[key].score:
                best[key] = reason
        return tuple(sorted(best.values(), key=lambda r: (r.tier, -r.score, r.on, r.text)))


class _Query:
    """The query as each kind of reason compares it."""

    def __init__(self, query: str) -> None:
        self.text = query.strip()
        self.words = tokens(self.text)
        self.stems = frozenset(map(stem, self.words))
        self.joined = compact(self.words) if len(self.words) > 1 else ""
        self.acronym = _acronym(self.text)
        # how each word of the query can start in a text that holds it ("and" may be written "&", and a
        # symbol such as "l&d" spaced: those are left to the tokenising)
        self.starts = tuple(written_starts(w) for w in self.words if w.isalnum() and w != "and")
        # the words written together may be one word of a text ("power point": "PowerPoint"), which the
        # normalising may shorten further ("paediatric s" is "paediatrics", so "paediatric")
        self.joined_starts = written_starts(self.joined) if self.joined.isalnum() else frozenset()

    def may_hold(self, text: str) -> bool:
        """False when TEXT cannot hold every word of the query: a cheap test on its folded letters that
        spares tokenising most of a large catalog's titles."""
        folded = fold(text)
        if "'" in folded:
            folded = folded.replace("'", "")
        if any(start in folded for start in self.joined_starts):
            return True
        return all(any(start in folded for start in starts) for starts in self.starts)

    def in_words(self, text: str) -> float | None:
        """How much of TEXT the query's words cover (0-1), when every one of them is a word of TEXT (the
        same word, the same stem, or the query's words written together as one of TEXT's)."""
        if not self.words or not self.may_hold(text):
            return None
        words = tokens(text)
        if not words:
            return None
        if self.joined and self.joined in words:
            return len(self.words) / max(len(words), len(self.words))
        stems = {stem(w) for w in words}
        if not self.stems <= stems:
            return None
        return len(self.stems) / len(stems)

    def is_acronym_of(self, text: str) -> str | None:
        """The acronym TEXT gives in parentheses that the query is, if any ("PMP" in "... (PMP)")."""
        if not self.acronym or "(" not in text:
            return None
        for inside in _PARENTHESISED.findall(text):
            if _acronym(inside) == self.acronym:
                return str(inside).strip()
        return None


def _acronym(text: str) -> str:
    """An acronym as compared: letters and digits only, case folded ("P.M.P." is "pmp")."""
    return _NOT_ALNUM.sub("", fold(text))


def _word_reason(query: _Query, on: str, text: str) -> Reason | None:
    """A title or provider reason for TEXT: the query's words are words of it, or its acronym."""
    covered = query.in_words(text)
    if covered is not None:
        if covered >= 1.0 and tokens(text) == query.words:
            return Reason(on, text, 100.0, f"{on} '{text}' is what you searched for")
        score = round(90.0 + 9.0 * min(covered, 1.0), 1)
        return Reason(on, text, score, f"{on} '{text}' has every word of '{query.text}'")
    acronym = query.is_acronym_of(text)
    if acronym is not None:
        if on == ON_PROVIDER:  # an acronym, or the platform it teaches on ("Duke University (Coursera)")
            return Reason(ON_PROVIDER, text, 99.0, f"provider '{text}' names '{acronym}' in parentheses")
        return Reason(ON_ACRONYM, text, 99.0, f"'{acronym}' is the acronym in {on} '{text}'")
    return None


def search_catalog(world: World, query: str, limit: int = 10) -> list[Hit]:
    """The credentials and pathways QUERY finds, strongest reason first, then closest, then by id."""
    catalog = world.catalog
    q = _Query(query)
    credentials = catalog.credentials
    found: dict[int, _Found] = {}
    paths: dict[str, _Found] = {}

    def credential(index: int) -> _Found:
        entry = found.get(index)
        if entry is None:
            entry = found[index] = _Found()
        return entry

    # titles and providers: each distinct text compared once (a large catalog repeats them)
    by_title: dict[str, list[int]] = {}
    by_provider: dict[str, list[int]] = {}
    for index, (title, provider) in enumerate(_titles_and_providers(credentials)):
        by_title.setdefault(title, []).append(index)
        by_provider.setdefault(provider, []).append(index)
    for texts, on in ((by_title, ON_TITLE), (by_provider, ON_PROVIDER)):
        for text, indexes in texts.items():
            reason = _word_reason(q, on, text)
            if reason is not None:
                for index in indexes:
                    credential(index).add(reason)

    # the skill the query names, and who teaches it
    teaching = world.teaching or _teaching(world)
    for skill, how in _skills_meant(world, q.text):
        taught = teaching.get(skill_key(skill, {}) if how is None else skill)
        if taught is None:
            continue
        for index, level in taught.pairs():
            note = f"teaches {skill} to level {level}" + (f" ({how})" if how else "")
            credential(index).add(Reason(ON_SKILL, skill, 80.0 + level, note))

    # pathways: found by their title; their credentials come with them
    ids = catalog.lookup.ids
    members: Mapping[str, frozenset[str]] = catalog.pathway_members if catalog.pathways else {}
    for pathway in catalog.pathways:
        best = _word_reason(q, ON_TITLE, pathway.title)
        if best is None:
            continue
        paths[pathway.id] = _Found([best])
        for member in sorted(members.get(pathway.id, ())):
            at = ids.get(member)
            if at is not None:
                why = f"part of pathway '{pathway.title}' ({best.why})"
                credential(at).add(Reason(ON_PATHWAY, pathway.title, best.score - 30.0, why))

    # close but not word for word: titles, providers and the skills taught
    _similar(q, by_title, "title", credential)
    _similar(q, by_provider, "provider", credential)
    _similar_skills(q, teaching, credential)
    by_text: dict[str, list[str]] = {}
    for pathway in catalog.pathways:
        if pathway.id not in paths:
            by_text.setdefault(pathway.title, []).append(pathway.id)
    for text, score in _extract(q, list(by_text)):
        for ident in by_text[text]:
            why = f"pathway title close to '{q.text}': '{text}'"
            paths.setdefault(ident, _Found()).add(Reason(ON_SIMILAR, text, score, why))

    ranked: list[tuple[tuple[int, float, int, str], int | str, tuple[Reason, ...]]] = []
    price_ids = catalog.lookup.price[2]
    for index, entry in found.items():
        reasons = entry.ranked()
        ranked.append(((reasons[0].tier, -reasons[0].score, 1, price_ids[index]), index, reasons))
    by_id = {p.id: p for p in catalog.pathways}
    for ident, entry in paths.items():
        reasons = entry.ranked()
        ranked.append(((reasons[0].tier, -reasons[0].score, 0, ident), ident, reasons))
    ranked.sort(key=lambda item: item[0])
    hits: list[Hit] = []
    for _, what, reasons in ranked[: max(0, limit)]:
        if isinstance(what, int):
            hits.append(Hit(credentials[what], reasons))
        else:
            hits.append(Hit(None, reasons, by_id[what], tuple(sorted(members.get(what, ())))))
    return hits


def _titles_and_providers(credentials: Sequence[Credential]) -> list[tuple[str, str]]:
    """Every credential's title and provider; a cached catalog's without building its credentials."""
    if isinstance(credentials, PackedCredentials):
        return credentials.titles_and_providers()
    return [(c.title, c.provider) for c in credentials]


def _skills_meant(world: World, query: str) -> list[tuple[str, str | None]]:
    """The skills a query names, each with a note on how it was read: the skill it resolves to (a fuzzy
    resolution says so), else each of the skills it could equally mean, else the query as an unknown
    skill (None: looked up by its own key, as a catalog's unknown skill names are)."""
    resolution = world.matcher.resolve(query)
    if resolution.skill is not None:
        how = "" if resolution.via != "fuzzy" else f"your words read as '{resolution.skill}'"
        return [(resolution.skill, how)]
    if resolution.ambiguous:
        listed = ", ".join(f"'{s}'" for s in resolution.ambiguous)
        return [(s, f"one of {listed}, which your words match equally") for s in resolution.ambiguous]
    return [(query, None)] if query else []


def _teaching(world: World) -> Mapping[str, Taught]:
    from skillgap.world import teaching_index

    return teaching_index(world.catalog, world.matcher, world.catalog.skill_names)


def _extract(q: _Query, texts: Sequence[str]) -> list[tuple[str, float]]:
    """The texts close to the query (WRatio on rapidfuzz's default processing), with their scores."""
    from rapidfuzz import fuzz, process, utils

    if len(q.text) < SIMILAR_MIN_LENGTH or not texts:
        return []
    found = process.extract(
        q.text,
        texts,
        scorer=fuzz.WRatio,
        processor=utils.default_process,
        score_cutoff=SIMILAR_CUTOFF,
        limit=None,
    )
    return [(text, round(score, 1)) for text, score, _ in found]


Add = Callable[[int], _Found]  # the reasons found for a credential, by its index (made on first use)


def _similar(q: _Query, texts: Mapping[str, list[int]], what: str, credential: Add) -> None:
    for text, score in _extract(q, list(texts)):
        reason = Reason(ON_SIMILAR, text, score, f"{what} close to '{q.text}': '{text}'")
        for index in texts[text]:
            credential(index).add(reason)


def _similar_skills(q: _Query, teaching: Mapping[str, Taught], credential: Add) -> None:
    """Credentials teaching a skill whose name is close to the query (the skill index's keys: canonical
    names, or an unknown name's normalised form)."""
    shown = {key: key[2:] if key.startswith("?!") else key.removeprefix("?") for key in teaching}
    by_text: dict[str, list[str]] = {}
    for key, text in shown.items():
        by_text.setdefault(text, []).append(key)
    for text, score in _extract(q, list(by_text)):
        for key in by_text[text]:
            reason = Reason(ON_SIMILAR, text, score, f"teaches a skill close to '{q.text}': '{text}'")
            for index, _ in teaching[key].pairs():
                credential(index).add(reason)
