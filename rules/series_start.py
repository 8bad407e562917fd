from __future__ import annotations

from checker.models import Claim
from checker.rule import Rule


class SeriesStart(Rule):
    """Reports that name different first years for one series ("since 2003" / "since 2005").

    Bad: "every year since 2003" against "every year since 2005" about the same resolution.
    Good: "since 2005" in a 2020 report and "began in 2005" in a 2024 report.
    """

    code = "FL102"
    name = "series-start"
    slot = "start-year"

    def subject(self, claim: Claim) -> str:
        return f"start-year:{claim.counted or 'series'}"
