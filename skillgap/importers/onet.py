"""O*NET's tab-separated database files read into a skillgap role for one occupation.

Files are told apart by their columns: ratings files such as Skills.txt (also Knowledge.txt and
Abilities.txt: `O*NET-SOC Code`, `Element ID`, `Element Name`, `Scale ID`, `Data Value`, `Not Relevant`),
Technology Skills.txt (`Example`, `Hot Technology`, `In Demand`) and Occupation Data.txt (`Title`,
`Description`).

Importance (scale IM, 1-5) becomes essential from 4 ("very important"), important from 3, nice-to-have
from 2; level (scale LV, 0-7) is mapped onto 0-5 as round(LV x 5 / 7). A technology carries no rating:
one employers ask for ("In Demand") is important, a "Hot Technology" nice-to-have, at the level the caller
chooses; the others are left out unless every technology is asked for.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from skillgap.errors import InputError
from skillgap.importers.documents import Imported
from skillgap.importers.tables import Row, Table
from skillgap.limits import Range
from skillgap.load.fields import name_key
from skillgap.words import plural

ATTRIBUTION = (
    "This file includes information from the O*NET Database by the U.S. Department of Labor, Employment "
    "and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license. O*NET\u00ae is a trademark "
    "of USDOL/ETA."
)
MODIFIED = (
    "skillgap has modified all or some of this information: levels mapped from 0-7 onto 0-5, importance "
    "from 1-5 onto essential, important and nice-to-have. USDOL/ETA has not approved, endorsed, or tested "
    "these modifications."
)
CODE = "O*NET-SOC Code"
RATING_COLUMNS = (CODE, "Element ID", "Element Name", "Scale ID", "Data Value")
TECHNOLOGY_COLUMNS = (CODE, "Example", "Hot Technology")
OCCUPATION_COLUMNS = (CODE, "Title", "Description")
MIN_IMPORTANCE = 3.0  # O*NET OnLine's summary reports list the elements rated 3 ("important") and above
SCALES = {"IM": Range(1, 5), "LV": Range(0, 7)}  # O*NET's importance and level scales


def importance_of(value: float) -> str | None:
    """An O*NET importance rating (1-5) as a skillgap importance, or None below "somewhat important"."""
    if value >= 4.0:
        return "essential"
    if value >= 3.0:
        return "important"
    if value >= 2.0:
        return "nice-to-have"
    return None


def level_of(value: float) -> int:
    """An O*NET level rating (0-7) on skillgap's 0-5 scale, rounded half up."""
    return max(0, min(5, math.floor(value * 5 / 7 + 0.5)))


def kind_of(table: Table) -> str:
    if table.has(*RATING_COLUMNS):
        return "ratings"
    if table.has(*TECHNOLOGY_COLUMNS):
        return "technology"
    if table.has(*OCCUPATION_COLUMNS):
        return "occupations"
    raise InputError.at(
        table.file,
        "not an O*NET Skills, Technology Skills or Occupation Data file (tab-separated, with a header)",
        1,
        1,
        hint="its columns are: " + ", ".join(table.columns[:8]),
    )


@dataclass
class _Element:
    name: str
    ident: str
    importance: float | None = None
    level: float | None = None
    relevant: bool = True


def occupation_codes(tables: list[Table]) -> dict[str, str]:
    """Every occupation code in the files, with its title where one of them gives it."""
    codes: dict[str, str] = {}
    for table in tables:
        for row in table:
            code = row.get(CODE)
            if code and not codes.get(code):
                codes[code] = row.get("Title")
    return codes


def choose_code(tables: list[Table], wanted: str | None) -> str:
    codes = occupation_codes(tables)
    if wanted:
        if wanted in codes:
            return wanted
        by_title = [c for c, t in codes.items() if t and t.casefold() == wanted.casefold()]
        if len(by_title) == 1:
            return by_title[0]
        close = difflib.get_close_matches(wanted, list(codes), n=3, cutoff=0.6)
        hint = (
            "did you mean " + " or ".join(close) + "?"
            if close
            else "give an O*NET-SOC code such as 15-2051.00"
        )
        raise InputError.at(tables[0].file, f"no occupation {wanted!r} in these files", hint=hint)
    if len(codes) == 1:
        return next(iter(codes))
    shown = ", ".join(list(codes)[:5]) + (", ..." if len(codes) > 5 else "")
    raise InputError(f"these files describe {len(codes)} occupations ({shown}): choose one with --occupation")


def role(
    tables: list[Table], wanted: str | None, level: int, min_importance: float, all_technology: bool
) -> Imported:
    """A role for one occupation from any mix of ratings, technology and occupation-data files."""
    kinds = [(kind_of(t), t) for t in tables]
    if not any(k in ("ratings", "technology") for k, _ in kinds):
        raise InputError(
            "give a Skills (or Knowledge) file or a Technology Skills file, not only Occupation Data"
        )
    code = choose_code(tables, wanted)
    title, description = occupation_codes(tables).get(code) or "", ""
    elements: dict[str, _Element] = {}
    requirements: list[dict[str, Any]] = []
    notes: list[str] = []
    for kind, table in kinds:
        rows = [r for r in table if r.get(CODE) == code]
        if kind == "occupations" and rows:
            title, description = rows[0].get("Title") or title, rows[0].get("Description")
        elif kind == "ratings":
            _ratings(rows, elements)
        elif kind == "technology":
            requirements.extend(_technologies(rows, level, all_technology))
    rated, dropped = _rated(elements.values(), min_importance)
    if dropped:
        notes.append(
            f"{plural(dropped, 'element')} rated below importance {min_importance:g} or level 1 left out"
        )
    requirements = _unique(rated + requirements)
    if not requirements:
        raise InputError(f"nothing for {code} reaches importance {min_importance:g}: lower --min-importance")
    data: dict[str, Any] = {
        "title": title or f"O*NET-SOC {code}",
        "description": description or None,
        "source": f"{ATTRIBUTION} O*NET-SOC {code}.",
        "source_id": code,
        "requirements": requirements,
    }
    return Imported({k: v for k, v in data.items() if v is not None}, notes)


def _ratings(rows: list[Row], elements: dict[str, _Element]) -> None:
    for row in rows:
        ident = row.get("Element ID")
        element = elements.setdefault(ident, _Element(" ".join(row.get("Element Name").split()), ident))
        try:
            value = float(row.get("Data Value"))
        except ValueError:
            continue
        scale = row.get("Scale ID").upper()
        if scale in SCALES and not SCALES[scale].holds(value):  # nan, inf, 1e400, off the scale:
            continue  # no rating, so the element is left out as if it were not rated
        if scale == "IM":
            element.importance = value
        elif scale == "LV":
            element.level = value
            element.relevant = row.get("Not Relevant").upper() != "Y"


def _rated(elements: Iterable[_Element], min_importance: float) -> tuple[list[dict[str, Any]], int]:
    """Requirements from rated elements, most important first; and how many were left out."""
    kept: list[tuple[float, dict[str, Any]]] = []
    dropped = 0
    for element in elements:
        if element.importance is None or element.level is None:
            continue
        importance = importance_of(element.importance)
        level = level_of(element.level)
        if importance is None or element.importance < min_importance or level < 1 or not element.relevant:
            dropped += 1
            continue
        requirement = {"skill": element.name, "level": level, "importance": importance, "id": element.ident}
        kept.append((element.importance, requirement))
    kept.sort(key=lambda pair: -pair[0])
    return [requirement for _, requirement in kept], dropped


def _technologies(rows: list[Row], level: int, every: bool) -> list[dict[str, Any]]:
    out = []
    for row in rows:
        name = " ".join(row.get("Example").split())
        if not name:
            continue
        if row.get("In Demand").upper() == "Y":
            importance = "important"
        elif row.get("Hot Technology").upper() == "Y" or every:
            importance = "nice-to-have"
        else:
            continue
        out.append({"skill": name, "level": level, "importance": importance})
    order = {"important": 0, "nice-to-have": 1}
    return sorted(out, key=lambda r: (order[r["importance"]], r["skill"].casefold()))


def _unique(requirements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[str] = set()
    out = []
    for requirement in requirements:
        key = name_key(requirement["skill"])
        if key not in seen:
            seen.add(key)
            out.append(requirement)
    return out
