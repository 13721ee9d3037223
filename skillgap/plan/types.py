"""What a plan is made of: the request (limits and objective) and the answer (ordered, dated steps, the
gaps left open and why, what it would take to close them, and how the answer was found)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import Enum

from skillgap.analyse.eligibility import EntryShortfall, Judgement
from skillgap.analyse.gaps import Gap
from skillgap.model import Credential
from skillgap.money import Amounts, Money


class Objective(str, Enum):
    """What the plan minimises once it closes as much as the limits allow."""

    COST = "cost"
    HOURS = "hours"
    CREDENTIALS = "credentials"


@dataclass(frozen=True)
class Request:
    """The limits a plan must respect; None means no limit (or, for hours_per_week, no dates)."""

    objective: Objective = Objective.COST
    budget: float | None = None
    hours_per_week: float | None = None
    deadline: date | None = None
    start: date | None = None  # None: no dates are put on the plan
    money: Money = field(default_factory=Money)  # the budget's currency and the rates that convert into it

    def counted(self, credential: Credential) -> float | None:
        """A credential's cost counted against the budget (in its currency), or None when it is unknown or
        no rate converts it."""
        if credential.cost is None:
            return None
        return self.money.convert(credential.cost, credential.currency)

    @property
    def deadline_passed(self) -> bool:
        """Whether the deadline is before the start: no time at all is left for the plan."""
        return self.deadline is not None and self.start is not None and self.deadline < self.start

    @property
    def available_hours(self) -> float | None:
        """Study hours between start and deadline at hours_per_week, when all three are known."""
        if self.hours_per_week is None or self.deadline is None or self.start is None:
            return None
        days = max(0, (self.deadline - self.start).days)
        return self.hours_per_week * days / 7


@dataclass(frozen=True)
class Raise:
    """One gap a step moves: from the level before the step to the level after it."""

    gap: Gap
    before: int
    after: int

    @property
    def complete(self) -> bool:
        return self.after >= self.gap.required

    def describe(self) -> str:
        text = f"{self.gap.skill} {self.before}\u2192{self.after}"
        if not self.complete:
            text += f" of {self.gap.required}"
        return f"{text} ({self.gap.importance.value})"


@dataclass(frozen=True)
class PathwayProgress:
    """How far a pathway is once the plan reaches a step: credentials done of its total."""

    id: str
    title: str
    award: str | None
    done: int  # held, plus planned steps up to this point
    total: int

    def describe(self) -> str:
        return f"{self.done} of {self.total} toward {self.title}"


@dataclass(frozen=True)
class EntryLevel:
    """A level a step expects on entry that the person is below today, and the earlier steps that get them
    there."""

    shortfall: EntryShortfall
    by_steps: tuple[int, ...]

    def describe(self) -> str:
        steps = ", ".join(str(n) for n in self.by_steps)
        return f"expects {self.shortfall.describe()}: step {steps} gets you there"


@dataclass(frozen=True)
class Step:
    """One credential of a plan, in order: the gaps it moves and the readiness after it."""

    number: int
    credential: Credential
    raises: tuple[Raise, ...]  # the gaps this step moves, given the steps before it
    readiness_after: float
    pathways: tuple[PathwayProgress, ...] = ()
    needs: tuple[str, ...] = ()  # ids of earlier steps that are its prerequisites
    start: date | None = None
    finish: date | None = None
    eligibility: Judgement | None = None  # its conditions, judged with the steps before it
    entry: tuple[EntryLevel, ...] = ()  # levels it expects on entry that earlier steps bring

    @property
    def cost(self) -> float:
        return self.credential.cost or 0.0

    @property
    def hours(self) -> float:
        return self.credential.hours or 0.0


@dataclass(frozen=True)
class OpenGap:
    """A gap the plan does not close fully, with the reason in words."""

    gap: Gap
    after: int  # the level the plan reaches
    reason: str
    untaught: bool = False  # no credential in the catalog teaches the skill at all


@dataclass(frozen=True)
class Shortfall:
    """What it would take to close every gap the catalog can close, when the limits stop the plan."""

    extra_budget: float | None = None  # with the time limit kept; None when more money alone won't do
    extra_hours: float | None = None  # with the budget kept; None when more time alone won't do
    deadline_needed: date | None = None  # the earliest finish with extra_hours at the same pace
    both_cost: float | None = None  # with neither limit: the cheapest full plan's cost and hours
    both_hours: float | None = None
    both_costs: Amounts = field(default_factory=Amounts)  # that plan's costs by currency, as priced


@dataclass(frozen=True)
class RequiredCredential:
    """A licence, certification or degree the role requires; no short course stands in for it."""

    name: str
    held: bool
    routes: tuple[str, ...]  # titles of catalog credentials or pathways that lead to it

    def describe(self) -> str:
        if self.held:
            return f"{self.name}: you hold it."
        text = f"{self.name}: no microcredential replaces it; the plan does not count it as met."
        if self.routes:
            return text + " The catalog offers a route to it: " + "; ".join(self.routes) + "."
        return text + " The catalog offers no route to it."


@dataclass(frozen=True)
class LeftOut:
    """A credential the plan could not take, and why."""

    credential: Credential
    reason: str
    kind: str = ""  # "eligibility": not yet eligible; "entry": below the level it expects on entry


@dataclass(frozen=True)
class SolverReport:
    """How the plan was found: exactly or approximately, over how many candidates."""

    optimal: bool
    method: str  # "exact" (branch and bound) or "approximate" (greedy with local improvement)
    candidates: int  # credentials considered after filtering and reduction
    dominated: int  # dropped because another credential is at least as good on every count
    nodes: int  # branch-and-bound nodes searched (0 for the approximation)
    reason: str = ""  # why the approximation was used


@dataclass(frozen=True)
class Plan:
    """The credentials to take, in order, for a request: what they close and what stays open."""

    request: Request
    steps: tuple[Step, ...]
    open_gaps: tuple[OpenGap, ...]
    readiness_before: float
    readiness_after: float
    solver: SolverReport
    shortfall: Shortfall | None = None
    required_credentials: tuple[RequiredCredential, ...] = ()
    left_out: tuple[LeftOut, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def costs(self) -> Amounts:
        """The steps' costs summed by currency, as the catalog prices them."""
        return Amounts.of((s.cost, s.credential.currency) for s in self.steps)

    @property
    def converted_cost(self) -> float | None:
        """The total in the budget's currency, when every cost is in it or a rate converts it."""
        return self.costs.total_in(self.request.money)

    @property
    def total_cost(self) -> float:
        """The total as the plan was chosen by: in the budget's currency where a rate converts a cost, else
        as written (use `costs` to show it: costs in several currencies are never added for display)."""
        return sum(self.request.money.convert(s.cost, s.credential.currency) or s.cost for s in self.steps)

    @property
    def total_hours(self) -> float:
        return sum(s.hours for s in self.steps)

    @property
    def currencies(self) -> tuple[str, ...]:
        return tuple(sorted({s.credential.currency for s in self.steps if s.credential.currency}))

    @property
    def finish(self) -> date | None:
        return self.steps[-1].finish if self.steps else self.request.start

    @property
    def meets_deadline(self) -> bool | None:
        """None when there is no deadline or no pace to date the plan by."""
        if self.request.deadline is None:
            return None
        finish = self.finish  # with no steps, the start date
        return None if finish is None else finish <= self.request.deadline

    @property
    def essential_open(self) -> tuple[OpenGap, ...]:
        return tuple(g for g in self.open_gaps if g.gap.importance.value == "essential")
