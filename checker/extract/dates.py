"""Event date: "on Thursday", "on Dec. 17", "on the 16th", "Wednesday [Oct 28 2009]"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cache

from checker.extract.base import Context, Draft
from checker.lexicon import Lexicon
from checker.text import Numbers, Sentence


@cache
def _date_re(n: Numbers) -> re.Pattern[str]:
    def mdy(suffix: str) -> str:
        return (
            rf"(?P<month{suffix}>{n.month})\.?\s+(?P<day{suffix}>\d{{1,2}})(?:st|nd|rd|th)?"
            rf"(?!\d)(?:,?\s*(?P<year{suffix}>(?:19|20)\d\d))?"
        )

    def dmy(suffix: str) -> str:
        return (
            rf"(?P<day{suffix}>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?"
            rf"(?P<month{suffix}>{n.month})\b\.?(?:,?\s*(?P<year{suffix}>(?:19|20)\d\d))?"
        )

    weekday = rf"(?P<weekday>{n.weekday})(?:'s)?"
    return re.compile(
        rf"\b(?:{weekday}(?:,?\s*\[?\(?\s*(?:{mdy('')}|{dmy('4')}))?"
        rf"|{mdy('2')}|{dmy('3')}"
        rf"|(?<=\bon )the (?P<dom>\d{{1,2}})(?:st|nd|rd|th)\b(?! (?:year|time|consecutive)))",
        re.IGNORECASE,
    )


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    """Yield the event's date: the first date in the first sentence that reports the event."""
    if index != ctx.event_index:
        return
    m = first_date(_date_re(ctx.numbers), sentence.text)
    draft = _draft(m, ctx) if m else None
    if draft:
        yield draft


# "NEW YORK, Dec. 18 (Yonhap) -": the wire's dateline dates the story, not the event.
_DATELINE = re.compile(
    r"^[A-Z][A-Za-z .'-]{1,40},\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?"
    r"\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014:]"
)


def first_date(pattern: re.Pattern[str], text: str) -> re.Match[str] | None:
    """The first date in a sentence that is not its dateline."""
    dateline = _DATELINE.match(text)
    return pattern.search(text, dateline.end() if dateline else 0)


def event_sentence(sentences: list[Sentence], lex: Lexicon, numbers: Numbers) -> int | None:
    """The index of the sentence that dates the event: one with an event verb, else a weekday."""
    verbs = lex.phrase_re("event_verbs")
    pattern = _date_re(numbers)
    for index, sentence in enumerate(sentences):
        if verbs.search(sentence.text) and first_date(pattern, sentence.text):
            return index
    nouns = lex.phrase_re("event_nouns")
    for index, sentence in enumerate(sentences):
        if nouns.search(sentence.text) and first_date(pattern, sentence.text):
            return index
    for index, sentence in enumerate(sentences):
        m = first_date(pattern, sentence.text)
        if m and m.group("weekday"):
            return index
    return None


def _possible(value: tuple) -> bool:
    """ "February 31" is a typo, not a date: it is not read."""
    year, month, day, _ = value
    if not (month and day):
        return day is None or 1 <= day <= 31
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: "February 29" may stand
    except ValueError:
        return False
    return True


def _draft(m: re.Match[str], ctx: Context) -> Draft | None:
    n = ctx.numbers
    weekday = n.lex.weekdays.get((m.group("weekday") or "").lower())

    def first(name: str) -> str | None:
        return next((m.group(name + k) for k in ("", "2", "3", "4") if m.group(name + k)), None)

    month_word = first("month")
    month = n.month_number(month_word) if month_word else None
    day = first("day") or m.group("dom")
    year = first("year")
    value = (int(year) if year else None, month, int(day) if day else None, weekday)
    if not _possible(value):
        return None
    return Draft(family="date", slot="event-date", value=value, display=m.group(0).strip(), span=m.span())
