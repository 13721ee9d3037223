"""`skillgap plan`: the set of credentials that closes the gaps best within a budget and a deadline.

The core is pure: it builds a plan from an analysis, a catalog and a request, and never prints.
"""

from skillgap.plan.build import make_plan
from skillgap.plan.types import Objective, OpenGap, Plan, Request, Shortfall, Step

__all__ = ["Objective", "OpenGap", "Plan", "Request", "Shortfall", "Step", "make_plan"]
