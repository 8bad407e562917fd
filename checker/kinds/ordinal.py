"""Ordinal: the how-manieth of a recurrence ("the 16th consecutive year", "the 65th edition")."""

from __future__ import annotations

from typing import Any

from checker.kinds import Kind
from checker.models import Claim
from checker.wording import ordinal


class Ordinal(Kind):
    name = "ordinal"
    summary = "a position in a series: 16th"

    def json(self, claim: Claim) -> Any:
        return claim.value

    def compact(self, claim: Claim) -> str:
        return ordinal(int(claim.value))

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return ordinal(int(claim.value))

    def label(self, claim: Claim) -> str:
        return ordinal(int(claim.value))


KIND = Ordinal()
