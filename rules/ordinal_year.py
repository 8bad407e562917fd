from __future__ import annotations

from checker.models import Claim
from checker.rule import Rule


class OrdinalYear(Rule):
    """Recurrence counts ("for the 16th consecutive year") that imply different first years.

    Bad: a 2009 report says "for the 19th year in a row" and another 2009 report says
    "for the 18th year in a row": one of them miscounts.
    Good: "the 14th consecutive year" in 2018 and "the 16th" in 2020 both count from 2005
    (a time-shift, shown as info).
    """

    code = "FL101"
    name = "ordinal-year"
    slot = "ordinal"

    def subject(self, claim: Claim) -> str:
        return f"ordinal:{claim.counted or 'series'}"
