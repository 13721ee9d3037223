"""The analysis as plain data: the one structure behind `--format json` (and what --since reads back)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from skillgap.analyse import Analysis, Gap
from skillgap.analyse.eligibility import EntryShortfall, Judgement, Verdict
from skillgap.match import Resolution
from skillgap.model import Badge, Credential
from skillgap.rank import LeftOutByPreference, Recommendation
from skillgap.rank.evidence import EvidenceSuggestion
from skillgap.render.left_out import left_out_data
from skillgap.render.posting_out import target_posting
from skillgap.render.verify_out import verification_data

SCHEMA_VERSION = 1


def gap_data(gap: Gap) -> dict[str, Any]:
    choice = {"any_of": list(gap.options), "counted": gap.chosen} if gap.options else {}
    return {
        "skill": gap.skill,
        "requested_as": gap.requested_as,
        **choice,
        "required": gap.required,
        "current": gap.current,
        "gap": gap.gap,
        "importance": gap.importance.value,
        "resolved": gap.resolved,
        **evidence_data(gap),
    }


def evidence_data(gap: Gap) -> dict[str, Any]:
    """How the level that counts is known: claimed, evidenced (by what), stale."""
    person = gap.person
    return {
        "basis": gap.basis,
        "claimed": person.claimed if person else 0,
        "evidenced": person.evidenced if person else 0,
        "evidenced_by": list(person.evidenced_by) if person else [],
        "stale": bool(person and person.stale),
        "last_used": person.last_used.isoformat() if person and person.last_used else None,
    }


def suggestion_data(suggestion: EvidenceSuggestion) -> dict[str, Any]:
    gap, credential = suggestion.gap, suggestion.credential
    return {
        "skill": gap.skill,
        "importance": gap.importance.value,
        "required": gap.required,
        "claimed": gap.person.claimed if gap.person else 0,
        "credential": credential_data(credential) if credential else None,
        "teaches": suggestion.taught if credential else None,
    }


def badge_data(badge: Badge, today: date | None) -> dict[str, Any]:
    credential = badge.credential
    return {
        "file": badge.file,
        "title": credential.title,
        "issuer": credential.provider,
        "source_id": credential.source_id,
        "issued": badge.issued.isoformat() if badge.issued else None,
        "expires": badge.expires.isoformat() if badge.expires else None,
        "counted": today is None or badge.counts_on(today),
        "counts_as": counts_as(badge, today),
        "verification": verification_data(badge.verification) if badge.verification else None,
        "skills": [{"name": s.name, "level": s.level, "id": s.id} for s in credential.skills],
        "criteria": badge.criteria,
        "evidence": list(badge.evidence),
        "signed": badge.signed,
        "notes": list(badge.notes),
    }


def counts_as(badge: Badge, today: date | None) -> str:
    """As "evidence" (verified, and it stands), "claim" (not verifiable offline, or not checked) or
    "nothing" (invalid, expired or revoked)."""
    day = today or date.today()
    if badge.evidences_on(day):
        return "evidence"
    return "claim" if badge.claims_on(day) else "nothing"


def credential_data(credential: Credential) -> dict[str, Any]:
    return {
        "id": credential.id,
        "title": credential.title,
        "provider": credential.provider,
        "provider_type": credential.provider_type,
        "type": credential.type,
        "url": credential.url,
        "hours": credential.hours,
        "cost": credential.cost,
        "currency": credential.currency,
        "estimated": sorted(credential.estimated),
        "format": credential.format,
        "assessment": credential.assessment,
        "eligibility": credential.eligibility,
    }


def recommendation_data(rec: Recommendation) -> dict[str, Any]:
    data: dict[str, Any] = {"rank": rec.rank}
    data.update(credential_data(rec.credential))
    data.update(
        {
            "score": rec.score,
            "score_parts": {
                "coverage": round(rec.scoring.coverage, 4),
                "cost_penalty": rec.scoring.cost_penalty,
                "hours_penalty": rec.scoring.hours_penalty,
            },
            "closes": [
                {
                    "skill": c.gap.skill,
                    "from": c.gap.current,
                    "to": c.to_level,
                    "required": c.gap.required,
                    "importance": c.gap.importance.value,
                }
                for c in rec.closes
            ],
            "reason": rec.reason,
            "needs_first": [c.id for c in rec.needs_first],
            "eligible": judgement_data(rec.eligibility),
            "entry": [entry_data(short) for short in rec.entry],
            "over_budget": rec.over_budget,
            "budget_note": rec.budget_note or None,
        }
    )
    return data


def judgement_data(judged: Judgement | None) -> dict[str, Any] | None:
    """What skillgap makes of a credential's conditions: null when it sets none."""
    if judged is None:
        return None
    return {
        "verdict": "unknown" if judged.verdict is Verdict.UNKNOWN else judged.verdict.value,
        "missing": judged.missing or None,
        "not_judged": judged.unjudged or None,
        "met_by": list(judged.met_by),
        "text_only": judged.text_only,
    }


def entry_data(short: EntryShortfall, by_steps: Sequence[int] | None = None) -> dict[str, Any]:
    data: dict[str, Any] = {"skill": short.skill, "expected": short.expected, "have": short.have}
    if by_steps is not None:
        data["by_steps"] = list(by_steps)
    return data


def resolution_data(resolution: Resolution) -> dict[str, Any]:
    return {
        "query": resolution.query,
        "skill": resolution.skill,
        "via": resolution.via,
        "score": round(resolution.score, 1),
        "detail": resolution.detail,
        "ambiguous": list(resolution.ambiguous),
    }


def analysis_document(
    analysis: Analysis,
    recommendations: Sequence[Recommendation],
    fuzzy: Sequence[Resolution] = (),
    unresolved: Sequence[Resolution] = (),
    suggestions: Sequence[EvidenceSuggestion] = (),
    left_out: Sequence[LeftOutByPreference] = (),
) -> dict[str, Any]:
    return {
        "schema": SCHEMA_VERSION,
        "profile": analysis.profile.name,
        "profile_file": analysis.profile.file,
        "target": analysis.role.title,
        "target_id": analysis.role.id,
        "target_file": analysis.role.file,
        "target_posting": target_posting(analysis.role),
        "readiness": round(analysis.readiness, 4),
        "gaps": [gap_data(g) for g in analysis.gaps],
        "met": [gap_data(g) for g in analysis.met],
        "held": [c.id for c in analysis.held],
        "recommendations": [recommendation_data(r) for r in recommendations],
        "left_out_by_preferences": left_out_data(left_out),
        "matching": {
            "fuzzy": [resolution_data(r) for r in fuzzy],
            "unresolved": [resolution_data(r) for r in unresolved],
        },
        "evidence_suggestions": [suggestion_data(x) for x in suggestions],
        "badges": [badge_data(b, analysis.today) for b in analysis.badges],
        "stale_after_years": analysis.stale_after,
        "as_of": analysis.today.isoformat() if analysis.today else None,
        "warnings": warnings_data(analysis),
    }


def warnings_data(analysis: Analysis) -> list[dict[str, Any]]:
    """What the profile names that the catalog does not have, located as validate's problems are."""
    return [
        {"file": w.file, "line": w.line, "col": w.col, "path": w.path, "message": w.message, "hint": w.hint}
        for w in analysis.warnings
    ]
