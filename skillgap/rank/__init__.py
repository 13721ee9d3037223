"""Stage 4: rank the credentials that close a person's gaps, each with its reason."""

from skillgap.rank.recommend import (
    Closure,
    LeftOutByPreference,
    Recommendation,
    Scoring,
    closures,
    left_out_by_preferences,
    recommend,
)

__all__ = [
    "Closure",
    "LeftOutByPreference",
    "Recommendation",
    "Scoring",
    "closures",
    "left_out_by_preferences",
    "recommend",
]
