from __future__ import annotations

from checker.rule import Rule


class AdoptionMethod(Rule):
    """Adopted by consensus in one report, by a recorded vote in another.

    Bad: "adopted by consensus without a vote" against "Norway and Chile voted against it"
    about the same meeting.
    Good: "without a vote" and "by consensus" (the same method), or a recorded vote in 2015
    and consensus in 2016 (a time-shift).
    """

    code = "FL301"
    name = "adoption-method"
    slot = "adoption"
    report_time_shifts = True
