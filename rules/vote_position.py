from __future__ import annotations

from checker.models import Claim, SlotClass
from checker.rule import Rule


class VotePosition(Rule):
    """A country said to vote one way in one report and another way in another.

    Bad: "Iceland voted against" and "Iceland abstained" about the same vote.
    Good: the United States voting against in 2015 and abstaining in 2016 (a time-shift).
    """

    code = "FL303"
    name = "vote-position"
    slot = "vote"
    slot_class = SlotClass.PER_OCCURRENCE
    report_time_shifts = True

    def label(self, claim: Claim) -> str:
        verb = {"against": "voted against", "abstain": "abstained", "for": "voted in favour"}
        return f"{claim.detail('actor')} {verb.get(claim.value, claim.value)}"
