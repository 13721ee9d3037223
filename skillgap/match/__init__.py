"""Skill matching: resolve the names people write to canonical skill names, explainably.

Importing this package is cheap: rapidfuzz is only imported when a fuzzy comparison runs.
"""

from __future__ import annotations

from skillgap.match.matcher import Matcher
from skillgap.match.text import normalize
from skillgap.match.types import Candidate, Resolution

__all__ = ["Candidate", "Matcher", "Resolution", "normalize"]
