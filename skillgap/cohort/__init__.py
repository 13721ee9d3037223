"""A cohort: many people against one role. The skills matrix, the most common gaps, and the credentials
that close gaps for the most people. Pure: takes loaded profiles and analyses, returns frozen objects."""

from skillgap.cohort.build import Cohort, build_cohort
from skillgap.cohort.common import CommonGap, common_gaps
from skillgap.cohort.matrix import Cell, Column, columns, matrix_row
from skillgap.cohort.shared import SharedRecommendation, shared_recommendations
from skillgap.cohort.types import LoadFailure

__all__ = [
    "Cell",
    "Cohort",
    "Column",
    "CommonGap",
    "LoadFailure",
    "SharedRecommendation",
    "build_cohort",
    "columns",
    "common_gaps",
    "matrix_row",
    "shared_recommendations",
]
