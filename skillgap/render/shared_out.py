"""A cohort's shared recommendation in words: its figures per person (prerequisites included, estimates
marked), the prerequisites some of the people must take first, and who may not enrol yet. Used by every
cohort renderer."""

from __future__ import annotations

from collections.abc import Sequence

from skillgap.cohort import SharedRecommendation
from skillgap.render.money import ESTIMATE_MARK, hours, money


def _mark(rec: SharedRecommendation, field_name: str, value: float | None) -> str:
    return ESTIMATE_MARK if value is not None and rec.estimated(field_name) else ""


def per_person_cost(rec: SharedRecommendation) -> str:
    value = rec.cost_per_person_helped
    return _mark(rec, "cost", value) + money(value, rec.credential.currency)


def total_cost(rec: SharedRecommendation) -> str:
    value = rec.total_cost
    return _mark(rec, "cost", value) + money(value, rec.credential.currency)


def per_person_hours(rec: SharedRecommendation) -> str:
    value = rec.hours_per_person_helped
    return _mark(rec, "hours", value) + hours(None if value is None else round(value, 1))


def needs_first(rec: SharedRecommendation) -> str:
    """"needs Kirkpatrick Four Levels Bronze first (2 of 3); counted in cost and hours", or ""."""
    if not rec.needs_first:
        return ""
    parts = [
        f"{c.title} ({k} of {rec.helps})" if k != rec.helps else c.title for c, k in rec.needs_first
    ]
    return "needs " + ", ".join(parts) + " first; counted in cost and hours"


def not_open(rec: SharedRecommendation, names: Sequence[str]) -> str:
    """"not yet open to Sam (it needs 36 months of project management experience)", or "": the people it
    would help whom the provider's conditions do not admit yet, by NAMES (the cohort's, in its order)."""
    if not rec.not_open:
        return ""
    return "not yet open to " + "; ".join(f"{names[i]} (it needs {missing})" for i, missing in rec.not_open)
