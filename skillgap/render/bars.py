"""Level bars for people: current level filled, the missing levels up to the requirement shaded."""

from __future__ import annotations

from skillgap.levels import MAX_LEVEL


def level_bar(current: int, required: int, width: int = MAX_LEVEL) -> str:
    have = min(current, width)
    missing = max(0, min(required, width) - have)
    return "\u2588" * have + "\u2591" * missing + "\u00b7" * (width - have - missing)


def share_bar(share: float, width: int = 20) -> str:
    filled = round(max(0.0, min(1.0, share)) * width)
    return "\u2588" * filled + "\u2591" * (width - filled)
