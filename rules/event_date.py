from __future__ import annotations

from checker.rule import Rule


class EventDate(Rule):
    """Different days given for one meeting ("on October 29" against "on Tuesday").

    Bad: "on October 29" (a Wednesday in 2014) against "on Tuesday" about the same vote.
    Good: "on the 16th day local time" and "on the 16th".
    """

    code = "FL401"
    name = "event-date"
    slot = "event-date"
