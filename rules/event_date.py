from __future__ import annotations

import contextlib
import datetime as dt
from typing import Any

from checker.models import Claim, SlotClass
from checker.rule import Rule


class EventDate(Rule):
    """Different days given for one meeting ("on October 29" against "on Tuesday").

    Bad: "on October 29" (a Wednesday in 2014) against "on Tuesday" about the same vote.
    Good: "on the 16th day local time" and "on the 16th".
    """

    code = "FL401"
    name = "event-date"
    slot = "event-date"
    slot_class = SlotClass.PER_OCCURRENCE

    def compatible(self, a: Any, b: Any) -> bool:
        return dates_agree(a, b)

    def label(self, claim: Claim) -> str:
        year, month, day, _ = claim.value
        if year and month and day:
            with contextlib.suppress(ValueError):
                return f"{dt.date(year, month, day):%A %d %B %Y} ('{claim.display}')"
        return claim.display


def dates_agree(a: tuple, b: tuple) -> bool:
    """Compare (year, month, day, weekday) parts both sides state; a full date gives its weekday."""
    a, b = _with_weekday(a), _with_weekday(b)
    return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


def _with_weekday(value: tuple) -> tuple:
    year, month, day, weekday = value
    if year and month and day and weekday is None:
        with contextlib.suppress(ValueError):
            weekday = dt.date(year, month, day).weekday()
    return (year, month, day, weekday)
