from __future__ import annotations

from checker.rule import Rule


class VotePosition(Rule):
    """An actor (a country, a named member) voting one way in one report, another in another.

    Bad: "Iceland voted against" and "Iceland abstained" about the same vote; "Councillor
    Maria Lopez voted against the budget" and "Maria Lopez voted in favour" at one meeting.
    Good: the United States voting against in 2015 and abstaining in 2016 (a time-shift).
    """

    code = "FL303"
    name = "vote-position"
    slot = "vote"
    report_time_shifts = True
