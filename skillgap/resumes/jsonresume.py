"""A JSON Resume (the jsonresume.org schema) into a profile.

Read: `basics.name` and `basics.label`; `work[]` (`name`, or `company` as older versions of the schema
call it, `position`, `startDate`, `endDate`, `summary`, `highlights`); `skills[]` (`name`, `level`,
`keywords`); `certificates[]` (`name`, `date`, `issuer`). Dates are ISO 8601, `2020`, `2020-06` or
`2020-06-29`. A skill's `level` is mapped onto skillgap's scale where it is a level word ("Beginner",
"Intermediate", "Advanced", "Master"); its keywords are skills of their own, named without a level.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from skillgap.dates import WrittenDate
from skillgap.errors import InputError
from skillgap.levels import level_in_text
from skillgap.match import Matcher
from skillgap.model import Catalog
from skillgap.resumes.claims import Claims, Work
from skillgap.resumes.credentials import find_all
from skillgap.resumes.mentions import skills_in
from skillgap.resumes.types import Certification, Imported
from skillgap.words import plural

KIND = "JSON Resume"


class _Notes(list[str]):
    def text(self, value: Any, where: str) -> str:
        """VALUE as text ("" when absent); anything else is noted and left out."""
        if value is None:
            return ""
        if isinstance(value, str):
            return " ".join(value.split())
        self.append(f"{where} is not text; left out")
        return ""

    def items(self, value: Any, where: str) -> list[Any]:
        if value is None:
            return []
        if isinstance(value, list):
            return value
        self.append(f"{where} is not a list; left out")
        return []

    def date(self, value: Any, where: str, end: bool) -> date | None:
        from skillgap.load.fields import read_date

        text = self.text(value, where) if not isinstance(value, int) else value
        if text == "":
            return None
        found, message, _ = read_date(text, end)
        if found is None:
            self.append(f"{where}: {message}; left out")
        return found


def read_jsonresume(path: Path, matcher: Matcher, catalog: Catalog, today: date) -> Imported:
    """The profile the JSON Resume at PATH describes."""
    from skillgap.load.source import display_name, load_file

    name = display_name(path)
    data = load_file(path)
    if not isinstance(data, dict):
        raise InputError.at(name, "is not a JSON Resume: expected an object with `basics`, `work`, `skills`")
    if not any(key in data for key in ("basics", "work", "skills", "certificates")):
        raise InputError.at(
            name, "is not a JSON Resume: it has none of `basics`, `work`, `skills`, `certificates`"
        )
    return resume_profile(data, name, matcher, catalog, today)


def resume_profile(
    data: dict[str, Any], source: str, matcher: Matcher, catalog: Catalog, today: date
) -> Imported:
    notes = _Notes()
    claims = Claims(matcher)
    found = data.get("basics")
    basics: dict[str, Any] = found if isinstance(found, dict) else {}
    person = notes.text(basics.get("name"), "basics.name") or None
    label = notes.text(basics.get("label"), "basics.label") or None
    current = _work(data, notes, claims, matcher, today)
    _skills(data, notes, claims)
    held, unmatched = find_all(catalog, _certificates(data, notes))
    if claims.unknown:
        shown = ", ".join(claims.unknown[:10]) + (", ..." if len(claims.unknown) > 10 else "")
        count = plural(len(claims.unknown), "skill")
        notes.append(f"{count} no known skill matches, kept as written: {shown}")
    if unmatched:
        notes.append(f"{plural(len(unmatched), 'certificate')} the catalog does not have, kept by title: "
                     + "; ".join(unmatched))  # fmt: skip
    return Imported(source, KIND, person, current or label, claims.claims(), tuple(held), tuple(notes))


def _work(data: dict[str, Any], notes: _Notes, claims: Claims, matcher: Matcher, today: date) -> str | None:
    current: tuple[date, str] | None = None
    for index, entry in enumerate(notes.items(data.get("work"), "work")):
        where = f"work[{index}]"
        if not isinstance(entry, dict):
            notes.append(f"{where} is not an object; left out")
            continue
        position = notes.text(entry.get("position"), f"{where}.position")
        company = notes.text(entry.get("name", entry.get("company")), f"{where}.name")
        started = notes.date(entry.get("startDate"), f"{where}.startDate", end=False)
        finished = notes.date(entry.get("endDate"), f"{where}.endDate", end=True)
        still = entry.get("endDate") in (None, "")
        label = " at ".join(p for p in (position, company) if p) or where
        if started is not None:
            label += f" ({started} to {'now' if still else finished or '?'})"
        this_month = WrittenDate(today.year, today.month)
        work = Work(label, started, today if still else finished, this_month if still else finished)
        if still and position and (current is None or (started or date.min) > current[0]):
            current = (started or date.min, position)
        texts = [position, notes.text(entry.get("summary"), f"{where}.summary")]
        for k, highlight in enumerate(notes.items(entry.get("highlights"), f"{where}.highlights")):
            texts.append(notes.text(highlight, f"{where}.highlights[{k}]"))
        for mention in skills_in(texts, label, matcher).mentions:
            claims.worked(mention.skill, work)
    return current[1] if current else None


def _skills(data: dict[str, Any], notes: _Notes, claims: Claims) -> None:
    for index, entry in enumerate(notes.items(data.get("skills"), "skills")):
        where = f"skills[{index}]"
        if not isinstance(entry, dict):
            notes.append(f"{where} is not an object; left out")
            continue
        name = notes.text(entry.get("name"), f"{where}.name")
        written = notes.text(entry.get("level"), f"{where}.level")
        stated = level_in_text(written) if written else None
        if written and stated is None:
            notes.append(f"{where}: level {written!r} is not a level word; {name or 'it'} is named only")
        claims.listed(name, "JSON Resume skills", stated, written)
        for k, keyword in enumerate(notes.items(entry.get("keywords"), f"{where}.keywords")):
            claims.listed(notes.text(keyword, f"{where}.keywords[{k}]"), f"JSON Resume skills ({name})")


def _certificates(data: dict[str, Any], notes: _Notes) -> list[Certification]:
    out: list[Certification] = []
    for index, entry in enumerate(notes.items(data.get("certificates"), "certificates")):
        where = f"certificates[{index}]"
        if not isinstance(entry, dict):
            notes.append(f"{where} is not an object; left out")
            continue
        title = notes.text(entry.get("name"), f"{where}.name")
        if not title:
            continue
        issuer = notes.text(entry.get("issuer"), f"{where}.issuer") or None
        earned = notes.date(entry.get("date"), f"{where}.date", end=True)
        out.append(Certification(title, issuer, earned))
    return out
