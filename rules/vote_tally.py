from __future__ import annotations

from typing import Any

from checker.models import Claim, SlotClass
from checker.rule import Rule


class VoteTally(Rule):
    """Different vote tallies for one meeting ("116-20-52" against "116-20-53").

    Bad: "by 116 votes to 20, with 52 abstentions" and "116 for, 20 against, 53 abstentions"
    about the same plenary vote.
    Good: "187-3" and "187-3, with 2 abstentions": a tally that leaves a part out agrees.
    """

    code = "FL302"
    name = "vote-tally"
    slot = "tally"
    slot_class = SlotClass.PER_OCCURRENCE

    def compatible(self, a: Any, b: Any) -> bool:
        return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))

    def label(self, claim: Claim) -> str:
        yes, no, abstain = claim.value
        parts = [
            f"{yes} for" if yes is not None else None,
            f"{no} against" if no is not None else None,
            f"{abstain} abstaining" if abstain is not None else None,
        ]
        return ", ".join(p for p in parts if p)
