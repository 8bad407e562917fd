"""Year: a calendar year a claim names ("since 2005", "first held in 1956")."""

from __future__ import annotations

from checker.kinds import Kind
from checker.models import Claim


class Year(Kind):
    name = "year"
    summary = "a calendar year: 2005"

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return str(int(claim.value))

    def label(self, claim: Claim) -> str:
        return f"first year {claim.value}"


KIND = Year()
