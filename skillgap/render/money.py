"""Cost and hours as people read them, with estimates marked as estimates."""

from __future__ import annotations

from skillgap.model import Credential

ESTIMATE_MARK = "~"


def money(amount: float | None, currency: str | None) -> str:
    if amount is None:
        return "?"
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{text} {currency}" if currency else text


def hours(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:g} h"


def cost_text(credential: Credential) -> str:
    mark = ESTIMATE_MARK if credential.is_estimated("cost") and credential.cost is not None else ""
    return mark + money(credential.cost, credential.currency)


def hours_text(credential: Credential) -> str:
    mark = ESTIMATE_MARK if credential.is_estimated("hours") and credential.hours is not None else ""
    return mark + hours(credential.hours)
