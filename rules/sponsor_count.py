from __future__ import annotations

from typing import Any

from checker.models import Claim, SlotClass
from checker.rule import Rule


class SponsorCount(Rule):
    """Different numbers of co-sponsors for one occurrence ("58" against "61").

    Bad: "58 member states participated as joint proposers" and "one of the 61 co-sponsors"
    about the same vote.
    Good: "more than 50 other nations" agrees with both 58 and 61.
    """

    code = "FL103"
    name = "sponsor-count"
    slot = "sponsor-count"
    slot_class = SlotClass.PER_OCCURRENCE
    report_time_shifts = True

    def compatible(self, a: Any, b: Any) -> bool:
        (lo_a, hi_a), (lo_b, hi_b) = a, b
        return lo_a <= hi_b and lo_b <= hi_a

    def label(self, claim: Claim) -> str:
        words = {
            "exact": "",
            "more-than": "more than ",
            "at-least": "at least ",
            "about": "about ",
            "nearly": "nearly ",
            "less-than": "fewer than ",
            "at-most": "at most ",
        }
        return f"{words.get(claim.qualifier, '')}{claim.detail('number')} co-sponsors"
