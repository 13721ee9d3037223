"""What a coaching sheet says, whatever the format: strengths, priority gaps, the plan, and questions to
discuss. The Markdown, HTML and CSV renderers only lay this out.

The questions are written from the person's own figures (hours a week, deadline, budget, what the plan
costs and takes, which credentials it earns), so a coach starts from facts, not a blank page.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from skillgap.analyse import Analysis, Gap
from skillgap.coaching import Coached
from skillgap.cohort import Cohort, CommonGap
from skillgap.model import Catalog, Credential
from skillgap.plan import Plan
from skillgap.progress import Progress
from skillgap.render.evidence import not_open_lines, step_eligibility
from skillgap.render.money import hours as hours_text
from skillgap.render.money import money
from skillgap.render.plan_words import amounts_text, budget_currency, total_cost_text
from skillgap.words import agree, plural

SHOW_OFF_LIMIT = 3


@dataclass(frozen=True)
class PlanStep:
    number: int
    credential: Credential
    closes: tuple[str, ...]  # e.g. "SQL 1→4 (essential)"
    start: date | None = None
    finish: date | None = None
    skills: tuple[str, ...] = ()  # the requirements it raises, by their skill names


@dataclass(frozen=True)
class PlanView:
    """The plan as a coaching sheet shows it: ordered steps, totals, what stays open and why."""

    steps: tuple[PlanStep, ...]
    total_cost: float
    total_hours: float
    currency: str | None  # None when the steps are priced in several currencies (or none)
    readiness_after: float
    open_gaps: tuple[tuple[str, str], ...] = ()  # (skill, where the plan leaves it and why)
    notes: tuple[str, ...] = ()
    unknown_cost: bool = False  # a step's cost is not published
    unknown_hours: bool = False
    beyond: str = ""  # what closing every gap would take, when the person's limits stop the plan
    finish: date | None = None  # when the last step ends, at the person's hours a week
    meets_deadline: bool | None = None  # None without a deadline or a pace to date the plan by
    budget_currency: str | None = None  # the person's budget's (see plan_words.budget_currency)
    costs_text: str = ""  # the total as `plan_words.total_cost_text` says it (by currency, or converted)
    counted_cost: float | None = None  # the total in the budget's currency (None: no rate converts it)
    conditions: tuple[str, ...] = ()  # what the steps' providers ask before enrolment, judged (evidence.py)
    not_open: tuple[str, ...] = ()  # credentials left out because the person cannot enrol yet, and why

    @property
    def cost_text(self) -> str:
        text = self.costs_text or money(self.total_cost, self.currency)
        return text + (" + unknown" if self.unknown_cost else "")

    @property
    def hours_text(self) -> str:
        return hours_text(self.total_hours) + (" + unknown" if self.unknown_hours else "")


@dataclass(frozen=True)
class Sheet:
    analysis: Analysis
    plan: PlanView
    questions: tuple[str, ...]
    progress: Progress | None = None
    since_note: str = ""  # why there is no progress section, when --since was given but did not match
    unresolved: tuple[str, ...] = ()  # profile skill names that matched no known skill
    titles: Mapping[str, str] = field(default_factory=dict)  # credential id -> title, for what was earned

    def title(self, credential_id: str) -> str:
        return self.titles.get(credential_id, credential_id)

    @property
    def priority_gaps(self) -> tuple[Gap, ...]:
        return self.analysis.gaps

    @property
    def strengths(self) -> tuple[Gap, ...]:
        return self.analysis.met


def sheet(
    analysis: Analysis,
    plan: PlanView,
    progress: Progress | None = None,
    since_note: str = "",
    unresolved: Sequence[str] = (),
    titles: Mapping[str, str] | None = None,
) -> Sheet:
    return Sheet(
        analysis,
        plan,
        questions(analysis, plan, progress, unresolved),
        progress,
        since_note,
        tuple(unresolved),
        titles or {},
    )


def sheets(coached: Sequence[Coached], catalog: Catalog) -> list[Sheet]:
    """Each person's sheet, from what `skillgap.coaching` made for them."""
    titles = {c.id: c.title for c in catalog.credentials}
    return [
        sheet(
            one.analysis,
            plan_view(one.plan, one.analysis.profile.preferences.currency),
            one.progress,
            one.since_note,
            one.unresolved,
            titles,
        )
        for one in coached
    ]


def _list(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def questions(
    analysis: Analysis,
    plan: PlanView,
    progress: Progress | None = None,
    unresolved: Sequence[str] = (),
) -> tuple[str, ...]:
    """Questions to discuss: time available, employer support, credentials to show off once earned, and
    whatever the figures leave open."""
    prefs = analysis.profile.preferences
    out: list[str] = []
    if progress is not None and progress.closed:
        out.append(
            f"Since last time you closed {_list([c.skill for c in progress.closed])}: what helped, and can "
            "you do more of it?"
        )
    if not analysis.gaps:
        out.append(
            "Every requirement is met. What evidence (projects, results, references) shows it to an "
            "employer, and what role comes next?"
        )
    out.append(_time_question(plan, prefs.hours_per_week, prefs.deadline))
    out.append(_support_question(analysis, plan, prefs.budget))
    earned = [s.credential.title for s in plan.steps[:SHOW_OFF_LIMIT]]
    if earned:
        more = len(plan.steps) - len(earned)
        tail = f" (and {more} more)" if more > 0 else ""
        out.append(
            f"Once you earn {_list(earned)}{tail}, where will you show them: your CV, LinkedIn, a digital "
            "badge wallet, your next performance review? Who should hear about it?"
        )
    if analysis.held:
        out.append(
            f"You already hold {_list([c.title for c in analysis.held])}: is it on your CV and profile, "
            "with what you did to earn it?"
        )
    if plan.open_gaps:
        skills = [skill for skill, _ in plan.open_gaps]
        out.append(
            f"The plan leaves {_list(skills)} open: what work project, stretch assignment, mentor or "
            f"practice could build {'it' if len(skills) == 1 else 'them'} instead?"
        )
    if analysis.met:
        top = [g.skill for g in analysis.met[:SHOW_OFF_LIMIT]]
        out.append(f"What can you point to that proves {_list(top)}: a project, a portfolio piece, a result?")
    if unresolved:
        out.append(
            f"These skills in the profile matched no known skill: {_list(list(unresolved))}. What do they "
            "mean, and do they count toward the role?"
        )
    return tuple(out)


def _time_question(plan: PlanView, per_week: float | None, deadline: date | None) -> str:
    needs = f"the plan takes about {plan.hours_text}"
    if not plan.steps:
        return "How much time a week can you give to learning and practice, and until when?"
    if per_week is None:
        return (
            f"Time available: {needs}. How many hours a week can you give to it, and is there a date you "
            "are working toward?"
        )
    text = f"Time available: at {hours_text(per_week)} a week, {needs}"
    if plan.finish is not None:
        text += f", finishing around {plan.finish.isoformat()}"
    if deadline is not None and plan.meets_deadline is not None:
        text += f", {'before' if plan.meets_deadline else 'after'} your deadline of {deadline.isoformat()}"
    return text + ". Is that still realistic? What could get in the way, and what could you drop?"


def _support_question(analysis: Analysis, plan: PlanView, budget: float | None) -> str:
    practice = analysis.gaps[0].skill if analysis.gaps else None
    where = f", or a project at work where you could practise {practice}" if practice else ""
    if not plan.steps:
        return f"Employer support: is there a mentor, study time{where}?"
    cost = f"the plan costs {plan.cost_text}"
    if budget is not None:
        currency = plan.budget_currency
        over = plan.counted_cost is not None and plan.counted_cost > budget + 1e-9
        cost += f" against your budget of {money(budget, currency)}" + (" (over it)" if over else "")
    beyond = f" {plan.beyond}" if plan.beyond else ""
    return (
        f"Employer support: {cost}.{beyond} Will your employer pay for any of it, give study time, or count "
        f"it in your development plan? Is there a mentor{where}?"
    )


def plan_view(plan: Plan, profile_currency: str | None = None) -> PlanView:
    """The planner's plan, as a coaching sheet shows it; PROFILE_CURRENCY is the person's budget's."""
    steps = tuple(
        PlanStep(
            s.number,
            s.credential,
            tuple(r.describe() for r in s.raises),
            s.start,
            s.finish,
            tuple(r.gap.skill for r in s.raises),
        )
        for s in plan.steps
    )
    currencies = plan.currencies
    budget = budget_currency(plan, profile_currency)
    notes = [*plan.notes]
    notes += [r.describe() for r in plan.required_credentials if not r.held]
    return PlanView(
        steps=steps,
        total_cost=plan.total_cost,
        total_hours=plan.total_hours,
        currency=currencies[0] if len(currencies) == 1 else None,
        readiness_after=plan.readiness_after,
        open_gaps=tuple(
            (g.gap.skill, f"{g.after} of {g.gap.required} after the plan; {g.reason}") for g in plan.open_gaps
        ),
        notes=tuple(notes),
        unknown_cost=any(s.credential.cost is None for s in plan.steps),
        unknown_hours=any(s.credential.hours is None for s in plan.steps),
        beyond=beyond_text(plan, budget),
        finish=plan.finish if plan.steps else None,
        meets_deadline=plan.meets_deadline,
        budget_currency=budget,
        costs_text=total_cost_text(plan),
        counted_cost=plan.converted_cost,
        conditions=tuple(step_eligibility(plan.steps)),
        not_open=tuple(not_open_lines(plan)),
    )


def beyond_text(plan: Plan, currency: str | None) -> str:
    """What closing every gap would take, in words; CURRENCY is the budget's."""
    short = plan.shortfall
    if short is None:
        return ""
    ways = []
    if short.extra_budget is not None:
        ways.append(f"{money(short.extra_budget, currency)} more budget")
    if short.extra_hours is not None:
        when = f" (finishing around {short.deadline_needed.isoformat()})" if short.deadline_needed else ""
        ways.append(f"{hours_text(short.extra_hours)} more study time{when}")
    text = "Closing every gap the catalog can close " + (
        "would take " + " or ".join(ways) if ways else "needs both more budget and more time"
    )
    if short.both_cost is not None and short.both_hours is not None:
        full = amounts_text(short.both_costs, plan.request.money)
        text += f"; with no limits, the full plan costs {full} and takes {hours_text(short.both_hours)}"
    return text + "."


def peers(cohort: Cohort, common: CommonGap, limit: int = SHOW_OFF_LIMIT) -> tuple[str, ...]:
    """People in the cohort who already meet a requirement others miss: candidate peer coaches."""
    j = cohort.columns.index(common.column)
    best = sorted(
        (i for i, row in enumerate(cohort.rows) if row[j].met),
        key=lambda i: (-cohort.rows[i][j].current, cohort.people[i].profile.name.casefold()),
    )
    return tuple(cohort.people[i].profile.name for i in best[:limit])


def cohort_questions(cohort: Cohort) -> tuple[str, ...]:
    """Questions for a trainer to take to the group, or to the people who fund it."""
    n = len(cohort.people)
    who = "this person" if n == 1 else f"these {plural(n, 'person')}"
    out = [f"Time: how many hours a week can the organisation give {who} for learning, and until when?"]
    if cohort.shared:
        top = cohort.shared[0]
        c = top.credential
        each = (
            f"{money(c.cost, c.currency)} a place"
            if not top.needs_first
            else f"{money(top.cost_per_person_helped, c.currency)} a person with the prerequisites they lack"
        )
        price = f"{money(top.total_cost, c.currency)} for all of them at {each}" if top.helps > 1 else each
        out.append(
            f"{c.title} helps {top.helps} of {plural(n, 'person')} ({price}): does {c.provider} offer a "
            "group rate, or could the group take it together?"
        )
    for common in cohort.common_gaps[:SHOW_OFF_LIMIT]:
        coaches = peers(cohort, common)
        if coaches:
            out.append(
                f"{common.count} of {plural(n, 'person')} {agree(common.count, 'is')} short of "
                f"{common.column.skill}; {_list(list(coaches))} already {agree(len(coaches), 'meets')} it. "
                "Could they coach the others, or share how they learned it?"
            )
    out.append(
        "Once people earn credentials, how will the organisation recognise them: in reviews, on an "
        "internal skills profile, in who gets which projects?"
    )
    return tuple(out)
