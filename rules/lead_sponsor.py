from __future__ import annotations

from typing import Any

from checker.models import Claim, SlotClass
from checker.rule import Rule


class LeadSponsor(Rule):
    """Different lead authors for one text ("led by Chile" / "co-authored by Chile and Ghana").

    Bad: "the resolution, led by Chile" against "drafted by Ghana and Chile" about the same
    vote.
    Good: "submitted by Ghana, Chile and others" agrees with "led by Ghana and Chile".
    """

    code = "FL202"
    name = "lead-sponsor"
    slot = "lead-sponsor"
    slot_class = SlotClass.PER_OCCURRENCE
    report_time_shifts = True

    def value(self, claim: Claim) -> Any:
        return (claim.value, claim.qualifier)

    def compatible(self, a: Any, b: Any) -> bool:
        (names_a, qual_a), (names_b, qual_b) = a, b
        if set(names_a) == set(names_b):
            return True
        if qual_a == "at-least" and set(names_a) <= set(names_b):
            return True
        return qual_b == "at-least" and set(names_b) <= set(names_a)
