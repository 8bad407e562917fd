"""Date: (year, month, day, weekday), any part unknown; "on Tuesday", "October 29, 2014".

Generic reader: the day a named text takes effect ("the Paris Agreement entered into force on 4
November 2016"), for the families of this kind that have no reader of their own
(checker/extract/effective.py). The event's own day is read by checker/extract/dates.py."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from checker.extract import effective
from checker.kinds import Kind
from checker.models import Claim
from checker.wording import ordinal

if TYPE_CHECKING:
    from checker.extract.base import Context, Draft
    from checker.families import Family
    from checker.text import Sentence

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
PARTS = ("year", "month", "day", "weekday")


class Date(Kind):
    name = "date"
    summary = "a day, or the parts of it a report gives: Tuesday 16 December"

    def json(self, claim: Claim) -> Any:
        return dict(zip(PARTS, claim.value, strict=True))

    def compact(self, claim: Claim) -> str:
        year, month, day, _ = claim.value
        if year and month and day:
            return f"{year:04d}-{month:02d}-{day:02d}"
        return claim.display

    def chart(self, claim: Claim, year: int | None = None) -> str:
        parts = list(claim.value)
        if year is not None and parts[0] == year and (parts[1] or parts[2]):
            parts[0] = None
        return _short(*parts) or claim.display

    def label(self, claim: Claim) -> str:
        year, month, day, _ = claim.value
        if year and month and day:
            with contextlib.suppress(ValueError):
                return f"{dt.date(year, month, day):%A %d %B %Y} ('{claim.display}')"
        return claim.display

    def compatible(self, a: Any, b: Any) -> bool:
        return dates_agree(a, b)

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        return effective.wants(text, ctx)

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        return effective.read(sentence, index, ctx, family)


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


def _short(year: int | None, month: int | None, day: int | None, weekday: int | None) -> str:
    if month is None and day is None and year is None:
        return WEEKDAYS[weekday] if weekday is not None else ""
    parts = []
    if weekday is not None:
        parts.append(WEEKDAYS[weekday][:3])
    if day is not None:
        parts.append(str(day) if month else f"the {ordinal(day)}")
    if month is not None:
        parts.append(MONTHS[month - 1])
    if year is not None:
        parts.append(str(year))
    return " ".join(parts)


KIND = Date()
