from __future__ import annotations

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
    report_time_shifts = True
