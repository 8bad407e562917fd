"""Tally: the parts of a vote (for, against, abstaining); a part left unsaid is None."""

from __future__ import annotations

from typing import Any

from checker.kinds import Kind
from checker.models import Claim

PARTS = ("for", "against", "abstain")


class Tally(Kind):
    name = "tally"
    summary = "the parts of a vote: 116-20-53"

    def json(self, claim: Claim) -> Any:
        return dict(zip(PARTS, claim.value, strict=True))

    def compact(self, claim: Claim) -> str:
        return claim.display

    def chart(self, claim: Claim, year: int | None = None) -> str:
        parts = ["?" if v is None else str(v) for v in claim.value]
        while parts and parts[-1] == "?":
            parts.pop()
        return "\u2013".join(parts) or claim.display

    def label(self, claim: Claim) -> str:
        yes, no, abstain = claim.value
        parts = [
            f"{yes} for" if yes is not None else None,
            f"{no} against" if no is not None else None,
            f"{abstain} abstaining" if abstain is not None else None,
        ]
        return ", ".join(p for p in parts if p)

    def compatible(self, a: Any, b: Any) -> bool:
        """A tally that leaves a part out agrees with one that gives it."""
        return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


KIND = Tally()
