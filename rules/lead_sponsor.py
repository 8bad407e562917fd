from __future__ import annotations

from typing import Any

from checker.models import Claim
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
    report_time_shifts = True

    def value(self, claim: Claim) -> Any:
        return (claim.value, claim.qualifier)
