"""Certifications a person holds, found in the catalog by title and issuer.

A title is looked up through the catalog's lookup: the same words (case, punctuation and a bracketed
acronym aside), the same acronym ("PMP" is "Project Management Professional (PMP)"), or close wording
(a word order or a spelling apart). Then the issuer, where the record names one, must be the catalog's
provider ("PMI" and "Project Management Institute (PMI)" agree; "Coursera" agrees with "Google
(Coursera)"): a course that prepares for a certification shares its title but not its issuer, and is not
the certification. A title two catalog credentials fit equally well names neither. A certificate made of
several courses is found as the catalog's pathway of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cached_property

from skillgap.model import Catalog
from skillgap.resumes.types import Certification

CLOSE = 90  # how alike two titles must read (rapidfuzz's token sort ratio, 0-100)
ISSUER_CLOSE = 85
_BRACKETED = re.compile(r"\(([^()]*)\)")
_WORD = re.compile(r"[^\W_]+")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&+-]{1,9}$")


def words(text: str) -> str:
    """TEXT as the words compared: casefolded, "&" as "and", punctuation gone."""
    return " ".join(_WORD.findall(text.casefold().replace("&", " and ")))


def bare(text: str) -> str:
    """TEXT without its bracketed parts ("Project Management Professional (PMP)" without "(PMP)")."""
    return _BRACKETED.sub(" ", text)


def acronyms(text: str) -> frozenset[str]:
    """The acronyms TEXT gives: in brackets ("(PMP)"), or the whole of it ("PMP", "CAPM")."""
    found = {inner.strip() for inner in _BRACKETED.findall(text)}
    found.add(text.strip())
    return frozenset(a.casefold() for a in found if _ACRONYM.match(a))


def issuer_agrees(issuer: str, provider: str) -> bool:
    """Whether the issuer a record names is the catalog's provider."""
    from rapidfuzz import fuzz

    said, known = words(issuer), words(provider)
    if not said:
        return True
    if acronyms(issuer) & acronyms(provider) or said in {words(a) for a in acronyms(provider)}:
        return True
    return fuzz.token_set_ratio(said, known) >= ISSUER_CLOSE


@dataclass(frozen=True)
class Found:
    certification: Certification
    note: str = ""  # why a certification was not matched, when something nearly was


class Finder:
    """Finds certifications in one catalog (its titles read once)."""

    def __init__(self, catalog: Catalog) -> None:
        self.catalog = catalog

    @cached_property
    def _titles(self) -> tuple[list[str], list[int], dict[str, list[int]]]:
        """The catalog's titles as compared (bracketed parts left out), their indexes, and the
        credentials by acronym."""
        texts: list[str] = []
        indexes: list[int] = []
        by_acronym: dict[str, list[int]] = {}
        credentials = self.catalog.credentials
        for index in sorted(self.catalog.lookup.titles.values()):
            title = credentials[index].title
            texts.append(words(bare(title)))
            indexes.append(index)
            for acronym in acronyms(title):
                by_acronym.setdefault(acronym, []).append(index)
        return texts, indexes, by_acronym

    def find(self, held: Certification) -> Found:
        """HELD, with the catalog credential it is (id and title) when one fits its title and issuer."""
        from rapidfuzz import fuzz, process

        texts, indexes, by_acronym = self._titles
        scores: dict[int, float] = {}
        wanted = words(bare(held.title))
        for acronym in acronyms(held.title):
            for index in by_acronym.get(acronym, ()):
                scores[index] = max(scores.get(index, 0.0), 96.0)
        if wanted:
            for _, score, at in process.extract(
                wanted, texts, scorer=fuzz.token_sort_ratio, score_cutoff=CLOSE, limit=8
            ):
                index = indexes[at]
                scores[index] = max(scores.get(index, 0.0), float(score))
        providers = self.catalog.lookup.offered
        if not scores:
            return self._pathway(held)
        agreeing = {
            i: s for i, s in scores.items() if not held.issuer or issuer_agrees(held.issuer, providers[i][0])
        }
        if not agreeing:
            if scores:
                best = self.catalog.credentials[max(scores, key=lambda i: (scores[i], -i))]
                return Found(held, f"its title is that of {best.id} ({best.title}), but {best.provider} "
                                   f"issues that, not {held.issuer}")  # fmt: skip
            return Found(held)
        top = max(agreeing.values())
        best_ones = sorted(i for i, s in agreeing.items() if s == top)
        if len(best_ones) > 1:
            ids = ", ".join(self.catalog.credentials[i].id for i in best_ones[:4])
            return Found(held, f"it could be any of {ids}: write the one you hold as `id:`")
        credential = self.catalog.credentials[best_ones[0]]
        return Found(replace(held, id=credential.id, catalog_title=credential.title))

    def _pathway(self, held: Certification) -> Found:
        """HELD as a pathway of the catalog (a multi-course certificate: holding it holds its courses),
        by title, its issuer one of its courses' providers."""
        from rapidfuzz import fuzz

        wanted = words(bare(held.title))
        best: tuple[float, str, str] | None = None
        for pathway in self.catalog.pathways:
            score = float(fuzz.token_sort_ratio(wanted, words(bare(pathway.title))))
            if score < CLOSE or (best is not None and score <= best[0]):
                continue
            if held.issuer:
                ids = self.catalog.lookup.ids
                members = [ids[i] for i in self.catalog.pathway_members.get(pathway.id, ()) if i in ids]
                offered = self.catalog.lookup.offered
                if not any(issuer_agrees(held.issuer, offered[i][0]) for i in members):
                    continue
            best = (score, pathway.id, pathway.title)
        if best is None:
            return Found(held)
        return Found(replace(held, id=best[1], catalog_title=best[2]))


def find_all(catalog: Catalog, held: Iterable[Certification]) -> tuple[list[Certification], list[str]]:
    """Each certification, matched where the catalog has it, and a note on each left unmatched."""
    finder = Finder(catalog)
    out: list[Certification] = []
    unmatched: list[str] = []
    for certification in held:
        found = finder.find(certification)
        out.append(found.certification)
        if found.certification.id is None:
            label = certification.title + (f" ({certification.issuer})" if certification.issuer else "")
            unmatched.append(label + (f": {found.note}" if found.note else ""))
    return out, unmatched
