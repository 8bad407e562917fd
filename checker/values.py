"""Claim values as plain data: how each kind of value is written in JSON (the JSON report,
baselines and their fingerprints), apart from any renderer."""

from __future__ import annotations

import math
from typing import Any

from checker.models import Claim

__all__ = ["json_value"]


def json_value(claim: Claim) -> Any:
    """Claim values as plain JSON: ranges as {min, max}, tallies and dates as objects."""
    value = claim.value
    if claim.slot == "sponsor-count":
        low, high = value
        return {"min": int(low), "max": None if math.isinf(high) else int(high)}
    if claim.slot == "tally":
        return dict(zip(("for", "against", "abstain"), value, strict=True))
    if claim.slot == "event-date":
        return dict(zip(("year", "month", "day", "weekday"), value, strict=True))
    if isinstance(value, tuple):
        return list(value)
    return value
