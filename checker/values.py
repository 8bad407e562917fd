"""Claim values as plain data: how each kind of value is written in JSON (the JSON report,
baselines and their fingerprints), apart from any renderer."""

from __future__ import annotations

from typing import Any

from checker.kinds import kind_of
from checker.models import Claim

__all__ = ["json_value"]


def json_value(claim: Claim) -> Any:
    """A claim's value as plain JSON, as its kind writes it (ranges as {min, max}, tallies and
    dates as objects)."""
    return kind_of(claim).json(claim)
