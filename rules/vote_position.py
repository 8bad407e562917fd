from __future__ import annotations

from checker.rule import Rule


class VotePosition(Rule):
    """A country said to vote one way in one report and another way in another.

    Bad: "Iceland voted against" and "Iceland abstained" about the same vote.
    Good: the United States voting against in 2015 and abstaining in 2016 (a time-shift).
    """

    code = "FL303"
    name = "vote-position"
    slot = "vote"
    report_time_shifts = True
