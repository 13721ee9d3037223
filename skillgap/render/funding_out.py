"""What a team budget funds first (`cohort --team-budget`, `--budget-per-person`), in sentences and as data.
Plain text from input files; each renderer escapes it for its format."""

from __future__ import annotations

from typing import Any

from skillgap.cohort import Cohort
from skillgap.cohort.funding import Funding
from skillgap.render.money import money
from skillgap.words import plural


def funding_head(funding: Funding) -> str:
    """ "Team budget 5,000 USD, at most 1,000 USD a person: 3,150 USD funds 7 places, 1,850 USD left."""
    currency = funding.money.currency
    limits = []
    if funding.team_budget is not None:
        limits.append(f"team budget {money(funding.team_budget, currency)}")
    if funding.per_person is not None:
        limits.append(f"at most {money(funding.per_person, currency)} a person")
    places = sum(len(f.places) for f in funding.funded)
    said = ", ".join(limits)
    text = (
        f"{said[:1].upper()}{said[1:]}: {money(funding.spent, currency)} funds {plural(places, 'place')}"
    )
    if funding.left is not None:
        text += f", {money(funding.left, currency)} left"
    rates = funding.money.rates
    if rates is not None:
        day = f" (as of {rates.as_of.isoformat()})" if rates.as_of else ""
        text += f"; costs in {currency} at the rates of {rates.file}{day}"
    return text + "."


def funding_lines(funding: Funding, cohort: Cohort) -> list[str]:
    """Each funded credential with who it funds first, then the places it could not fund and why (people
    named as the matrix names them: two of one name with their file)."""
    from skillgap.render.cohort_table import person_labels

    names = person_labels(cohort)
    currency = funding.money.currency
    lines = []
    for f in funding.funded:
        who = ", ".join(f"{names[p.person]} ({money(p.cost, currency)})" for p in f.places)
        lines.append(f"{f.recommendation.credential.title}: {who}")
    for x in funding.not_funded:
        lines.append(f"Not funded: {names[x.person]} for {x.recommendation.credential.title}: {x.reason}")
    return lines


def funding_data(funding: Funding, cohort: Cohort) -> dict[str, Any]:
    names = [a.profile.name for a in cohort.people]
    return {
        "currency": funding.money.currency,
        "team_budget": funding.team_budget,
        "budget_per_person": funding.per_person,
        "spent": round(funding.spent, 2),
        "left": None if funding.left is None else round(funding.left, 2),
        "funded": [
            {
                "rank": f.recommendation.rank,
                "id": f.recommendation.credential.id,
                "title": f.recommendation.credential.title,
                "people": [{"name": names[p.person], "cost": round(p.cost, 2)} for p in f.places],
                "total": round(f.total, 2),
            }
            for f in funding.funded
        ],
        "not_funded": [
            {"id": x.recommendation.credential.id, "person": names[x.person], "reason": x.reason}
            for x in funding.not_funded
        ],
        "by_person": [
            {"name": names[i], "file": cohort.people[i].profile.file, "spent": round(v, 2)}
            for i, v in enumerate(funding.by_person)
        ],
    }
