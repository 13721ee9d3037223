"""Who a team budget funds first: the shared recommendations, best first, each place given to the people it
helps who are furthest from ready, within the team's budget and a cap per person.

A place costs what the person would pay: the credential and the prerequisites they lack, counted in the
budget's currency (a cost no exchange rate converts, or one the catalog does not give, is not funded: it
cannot be held against the budget). A person is funded for a credential only while it still raises one of
their gaps above what the credentials funded for them before reach: two courses that close the same gap are
not both paid for. Nothing is spent past the team budget or a person's cap; a place that would go past
either is listed with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass

from skillgap.cohort.build import Cohort
from skillgap.cohort.shared import SharedRecommendation
from skillgap.model import Credential
from skillgap.money import Money
from skillgap.rank.recommend import closures


@dataclass(frozen=True)
class Place:
    person: int  # index in cohort.people
    cost: float  # in the budget's currency, prerequisites the person lacks included


@dataclass(frozen=True)
class Funded:
    recommendation: SharedRecommendation
    places: tuple[Place, ...]

    @property
    def total(self) -> float:
        return sum(p.cost for p in self.places)


@dataclass(frozen=True)
class NotFunded:
    recommendation: SharedRecommendation
    person: int
    reason: str


@dataclass(frozen=True)
class Funding:
    money: Money
    team_budget: float | None
    per_person: float | None
    funded: tuple[Funded, ...]
    not_funded: tuple[NotFunded, ...]
    by_person: tuple[float, ...]  # spent on each person, in cohort order

    @property
    def spent(self) -> float:
        return sum(f.total for f in self.funded)

    @property
    def left(self) -> float | None:
        return None if self.team_budget is None else self.team_budget - self.spent


def fund(cohort: Cohort, money: Money, team_budget: float | None, per_person: float | None) -> Funding:
    """The places the budget funds, in order (see the module's docstring)."""
    people = cohort.people
    levels = [[g.current for g in a.gaps] for a in people]
    spent = [0.0] * len(people)
    total = 0.0
    funded: list[Funded] = []
    refused: list[NotFunded] = []
    for rec in cohort.shared:
        routes = dict(zip(rec.people, rec.routes(), strict=True))
        places = []
        for p in sorted(rec.people, key=lambda i: (people[i].readiness, i)):
            analysis = people[p]
            index = {id(g): j for j, g in enumerate(analysis.gaps)}
            raises = [
                c
                for c in closures(rec.credential, analysis.gaps, analysis)
                if c.to_level > levels[p][index[id(c.gap)]]
            ]
            if not raises:
                continue  # what is funded for them already takes those gaps as far
            cost, why = _cost(routes[p], money)
            if cost is None:
                refused.append(NotFunded(rec, p, why))
                continue
            if per_person is not None and spent[p] + cost > per_person + 1e-9:
                refused.append(NotFunded(rec, p, _over_cap(cost, spent[p], per_person, money)))
                continue
            if team_budget is not None and total + cost > team_budget + 1e-9:
                left = _money(team_budget - total, money)
                refused.append(
                    NotFunded(
                        rec, p, f"a place costs {_money(cost, money)} and the team budget has {left} left"
                    )
                )
                continue
            spent[p] += cost
            total += cost
            for c in raises:
                levels[p][index[id(c.gap)]] = max(levels[p][index[id(c.gap)]], c.to_level)
            places.append(Place(p, cost))
        if places:
            funded.append(Funded(rec, tuple(places)))
    return Funding(money, team_budget, per_person, tuple(funded), tuple(refused), tuple(spent))


def _cost(route: tuple[Credential, ...], money: Money) -> tuple[float | None, str]:
    total = 0.0
    for c in route:
        if c.cost is None:
            return None, f"the cost of {c.title} is unknown"
        converted = money.convert(c.cost, c.currency)
        if converted is None:
            return None, (
                f"{c.title} is priced in {c.currency} and the budget is in {money.currency}: no exchange "
                "rate converts it" + (" (--rates FILE gives them)" if money.rates is None else "")
            )
        total += converted
    return total, ""


def _over_cap(cost: float, spent: float, cap: float, money: Money) -> str:
    text = f"a place costs {_money(cost, money)}, over the {_money(cap, money)} a person"
    return text + (f" with {_money(spent, money)} funded already" if spent else "")


def _money(amount: float, money: Money) -> str:
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{text} {money.currency}" if money.currency else text
