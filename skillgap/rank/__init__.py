"""Stage 4: rank the credentials that close a person's gaps, each with its reason."""

from skillgap.rank.recommend import Closure, Recommendation, Scoring, closures, recommend

__all__ = ["Closure", "Recommendation", "Scoring", "closures", "recommend"]
