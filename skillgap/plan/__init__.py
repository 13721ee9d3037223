"""`skillgap plan`: the set of credentials that closes the gaps best within a budget and a deadline.

The core is pure: it builds a plan from an analysis, a catalog and a request, and never prints.

The names below are imported when first asked for, so that a command that only shows a plan's types
(`analyze`'s evidence suggestions name `Plan` and `Step`) does not load the solver.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from skillgap.lazy import lazy_names

if TYPE_CHECKING:
    from skillgap.plan.build import make_plan
    from skillgap.plan.types import Objective, OpenGap, Plan, Request, Shortfall, Step

__all__ = ["Objective", "OpenGap", "Plan", "Request", "Shortfall", "Step", "make_plan"]

_HOMES = dict.fromkeys(__all__, "skillgap.plan.types") | {"make_plan": "skillgap.plan.build"}


__getattr__ = lazy_names(__name__, _HOMES)
