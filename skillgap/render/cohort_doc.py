"""The cohort as plain data: the structure behind `skillgap cohort --format json`."""

from __future__ import annotations

from typing import Any

from skillgap.cohort import Cohort, CommonGap, LoadFailure, SharedRecommendation
from skillgap.cohort.funding import Funding
from skillgap.render.analysis_doc import SCHEMA_VERSION, gap_data, warnings_data
from skillgap.render.funding_out import funding_data
from skillgap.render.posting_out import target_posting


def common_gap_data(cohort: Cohort, common: CommonGap) -> dict[str, Any]:
    return {
        "skill": common.column.skill,
        "requested_as": common.column.requested_as,
        **({"any_of": list(common.column.options)} if common.column.options else {}),
        "importance": common.column.importance.value,
        "required": common.column.required,
        "people": common.count,
        "share": round(common.count / len(cohort.people), 4),
        "average_gap": round(common.average_gap, 2),
        "names": [cohort.people[i].profile.name for i in common.people],
    }


def shared_data(cohort: Cohort, rec: SharedRecommendation) -> dict[str, Any]:
    c = rec.credential
    return {
        "rank": rec.rank,
        "id": c.id,
        "title": c.title,
        "provider": c.provider,
        "url": c.url,
        "helps": rec.helps,
        "people": [cohort.people[i].profile.name for i in rec.people],
        "closes": [{"skill": skill, "people": n} for skill, n in rec.closes],
        "cost": c.cost,
        "currency": c.currency,
        "hours": c.hours,
        "estimated": sorted(c.estimated),
        "eligibility": c.eligibility,
        "needs_first": [{"id": p.id, "title": p.title, "people": k} for p, k in rec.needs_first],
        "not_open": [{"person": cohort.people[i].profile.name, "needs": why} for i, why in rec.not_open],
        "cost_per_person_helped": _round(rec.cost_per_person_helped),
        "total_cost": _round(rec.total_cost),
        "hours_per_person_helped": _round(rec.hours_per_person_helped),
        "total_hours": _round(rec.total_hours),
    }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def failure_data(failure: LoadFailure) -> dict[str, Any]:
    first = failure.problems[0] if failure.problems else None
    return {
        "file": failure.file,
        "line": first.line if first else None,
        "col": first.col if first else None,
        "message": failure.message,
        "problems": [str(p) for p in failure.problems],
    }


def cohort_document(cohort: Cohort, funding: Funding | None = None) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "target": cohort.role.title,
        "target_id": cohort.role.id,
        "target_file": cohort.role.file,
        "target_posting": target_posting(cohort.role),
        "average_readiness": round(cohort.average_readiness, 4),
        "requirements": [
            {
                "skill": c.skill,
                "requested_as": c.requested_as,
                **({"any_of": list(c.options)} if c.options else {}),
                "required": c.required,
                "importance": c.importance.value,
            }
            for c in cohort.columns
        ],
        "people": [
            {
                "name": a.profile.name,
                "file": a.profile.file,
                "readiness": round(a.readiness, 4),
                "gaps": [gap_data(g) for g in a.gaps],
                "met": [gap_data(g) for g in a.met],
                "held": [c.id for c in a.held],
                "warnings": warnings_data(a),
            }
            for a in cohort.people
        ],
        "common_gaps": [common_gap_data(cohort, g) for g in cohort.common_gaps],
        "shared_recommendations": [shared_data(cohort, r) for r in cohort.shared],
        "funding": None if funding is None else funding_data(funding, cohort),
        "errors": [failure_data(f) for f in cohort.errors],
    }
