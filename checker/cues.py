"""Cues to a report's date that lie outside its claims: a date in its address, and the year
its title or lead gives the edition it reports ("Eurovision 2019", "from 2 to 14 December
2018")."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import math
import re
from collections.abc import Iterable
from functools import cache

from checker.cache import compile_pattern
from checker.lexicon import longest_first

# /2018/11/23/, /2018/11/, 2018-11-23, _20181123_ in an address; a ten-digit Unix time
_PATH_DATE = compile_pattern(
    r"(?<!\d)((?:19|20)\d\d)([/_-])(0?[1-9]|1[0-2])(?:\2(0?[1-9]|[12]\d|3[01]))?(?!\d)"
)
_COMPACT_DATE = compile_pattern(r"(?<!\d)((?:19|20)\d\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)")
_UNIX_TIME = compile_pattern(r"(?<!\d)(1[0-9]{9})(?!\d)")
FIRST_YEAR, LAST_YEAR = 1990, 2100


def url_date(url: str | None) -> tuple[dt.date, bool] | None:
    """The date an address gives, and whether it gives the day (else the first of its month)."""
    if not url:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip(), flags=re.I)
    for pattern in (_PATH_DATE, _COMPACT_DATE):
        m = pattern.search(path)
        if m:
            year, month = int(m.group(1)), int(m.group(3) if pattern is _PATH_DATE else m.group(2))
            day = m.group(4) if pattern is _PATH_DATE else m.group(3)
            found = _date(year, month, int(day) if day else 1)
            if found:
                return found, day is not None
    m = _UNIX_TIME.search(path)
    if m:
        stamp = dt.datetime.fromtimestamp(int(m.group(1)), tz=dt.UTC).date()
        if FIRST_YEAR <= stamp.year <= LAST_YEAR:
            return stamp, True
    return None


def _date(year: int, month: int, day: int) -> dt.date | None:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


# "Eurovision 2019", "the Lakeside Marathon 2024": a capitalised name and the edition's year
_LABELLED = compile_pattern(
    r"(?<![\w'-])([A-Z][\w'-]{2,}(?:\s+[A-Z][\w'-]+){0,3})\s+((?:19|20)\d\d)(?![\w-])"
)


def labelled_year(text: str, event_words: set[str]) -> tuple[int, str] | None:
    """The year an edition label of the report's own event gives ("Eurovision 2019" in a report
    about Eurovision), with the label as written; None unless the label names the event."""
    for m in _LABELLED.finditer(text):
        words = m.group(1).split()
        named = [i for i, w in enumerate(words) if w.lower() in event_words]
        if named and FIRST_YEAR <= int(m.group(2)) <= LAST_YEAR:
            return int(m.group(2)), " ".join([*words[named[0] :], m.group(2)])  # "Wins" left out
    return None


def span_year(text: str, event_words: set[str], months: str) -> tuple[int, str] | None:
    """The year the report gives its own event's span ("the Conference ... from 30 November to
    11 December 2015", "May 12-14, 2024"), with the span as written; None unless the text
    names the event."""
    if not event_words or event_words.isdisjoint(re.findall(r"[a-z]+", text.lower())):
        return None
    for m in _span_re(months).finditer(text):
        year = int(m.group("year"))
        if FIRST_YEAR <= year <= LAST_YEAR:
            return year, m.group(0).strip()
    return None


@cache
def _span_re(months: str) -> re.Pattern[str]:
    day, to = r"\d{1,2}(?:st|nd|rd|th)?", r"\s*(?:-|\u2013|\u2014|to|until|till|through|and)\s*"
    month = rf"(?:{months})\.?"
    day_first = rf"(?:from\s+)?{day}(?:\s+{month})?{to}{day}\s+{month},?\s+"
    month_first = rf"(?:from\s+)?{month}\s+{day}{to}(?:{month}\s+)?{day},?\s+"
    return compile_pattern(rf"\b(?:{day_first}|{month_first})(?P<year>(?:19|20)\d\d)(?!\d)", re.I)


_SLUG_WORD = compile_pattern(r"[a-z0-9]+")


def slug_year(url: str | None, event_words: set[str]) -> tuple[int, str] | None:
    """The year an address gives beside the event's own name ("/eurovision-song-contest-2022-
    winner", "/2016-eurovision-song-contest-..."), with those words; None elsewhere."""
    if not url or not event_words:
        return None
    path = re.sub(r"^[a-z]+://[^/]*", "", url.strip().lower())
    for segment in path.split("/"):  # one slug: words of one title, not folders of a site
        words = _SLUG_WORD.findall(segment)
        for i, word in enumerate(words):
            if len(word) == 4 and word.isdigit() and FIRST_YEAR <= int(word) <= LAST_YEAR:
                near = words[max(0, i - 3) : i] + words[i + 1 : i + 4]
                if event_words & set(near):
                    return int(word), "-".join(words[max(0, i - 3) : i + 4])
    return None


_YEAR = compile_pattern(r"(?<![\d,.])((?:19|20)\d\d)(?!\d|[,.]\d)")


_DEADLINE = compile_pattern(r"\b(?:by|until|before)\s+$", re.I)


def latest_year(sentences: Iterable[str], future: re.Pattern[str]) -> int | None:
    """The latest year a text narrates: a report narrating 2016 is not a report of 1958. A
    year told as to come ("will be operational in 2020", "by 2030") is narrated by no one."""
    years = [
        int(m.group(1))
        for text in sentences
        for m in _YEAR.finditer(text)
        if FIRST_YEAR <= int(m.group(1)) <= LAST_YEAR
        and not future.search(text, 0, m.start())
        and not _DEADLINE.search(text, 0, m.start())
    ]
    return max(years) if years else None


# Distinctive content: sentences long enough that two reports share one only by copying it.
# Digits are kept apart from words so a changed number changes the sentence's print.
_TOKEN = compile_pattern(r"[^\W_]+", re.UNICODE)
PRINT_WORDS = 10  # a sentence shorter than this is too common to tell a story apart


# A proper name inside a sentence (not its first word): "in Dubai", "Sultan al-Jaber said"
_INNER_NAME = compile_pattern(r"(?<=[\w,;:)] )([A-Z][a-z\u00e0-\u00ff]{2,}|[A-Z]{3,})\b")


def lead_names(lines: Iterable[str], stop: frozenset[str], other_edition: re.Pattern[str]) -> tuple[str, ...]:
    """The proper names a report's title and lead use inside their sentences, lower-cased and
    sorted: the places and people of its own edition, which a report of another year rarely
    gives in its lead. A sentence that tells of another edition ("last year's host") gives none."""
    found = {
        m.group(1).lower()
        for text in lines
        if not other_edition.search(text)
        for m in _INNER_NAME.finditer(text)
    }
    return tuple(sorted(w for w in found if w not in stop))


# "MADRID -", "VALDORA, Ruritania, ...", "LE BOURGET, France (AP) --": the place a story was
# filed from, in capitals at the very start of its body
_PLACE_DATELINE = compile_pattern(
    r"([A-Z][A-Z'.-]*[A-Z.](?: [A-Z][A-Z'.-]+){0,3})(?=\s*[,(]|\s+[-\u2013\u2014])"
)


def dateline_place(lines: Iterable[str]) -> str | None:
    """The place a report's dateline names, lower-cased: the first of its opening lines that is
    not a caption or export junk ("[Photo] ...") decides."""
    for text in lines:
        if text.startswith("["):
            continue
        m = _PLACE_DATELINE.match(text)
        return m.group(1).lower() if m and sum(ch.isalpha() for ch in m.group(1)) >= 3 else None
    return None


def fingerprints(sentences: Iterable[str]) -> tuple[str, ...]:
    """Short prints of a report's long sentences (lower-cased words, punctuation ignored), in
    order and without repeats: wire copies of one story share most of them."""
    seen: dict[str, None] = {}
    for text in sentences:
        words = _TOKEN.findall(text.lower())
        if len(words) >= PRINT_WORDS:
            seen.setdefault(hashlib.sha1(" ".join(words).encode("utf-8")).hexdigest()[:12], None)
    return tuple(seen)


# 13.05.17, 13/05/2017: a date in figures, day and month in either order
_FIGURES_DATE = compile_pattern(r"(?<![\d./])(\d{1,2})([./])(\d{1,2})\2(\d{4}|\d\d)(?![\d]|[./]\d)")
_WEEKDAY_NEAR = 30  # characters either side: "on Saturday (13.05.17)"


def weekday_date(text: str, weekdays: dict[str, int]) -> tuple[dt.date, str] | None:
    """A date written in figures beside the name of the weekday it fell on ("on Saturday
    (13.05.17)"), with the figures as written. The weekday says whether day or month comes
    first and confirms the reading: figures that fit no weekday named beside them, or fit it
    both ways, give nothing."""
    names = compile_pattern(r"\b(" + "|".join(map(re.escape, longest_first(weekdays))) + r")\b", re.I)
    for m in _FIGURES_DATE.finditer(text):
        near = text[max(0, m.start() - _WEEKDAY_NEAR) : m.end() + _WEEKDAY_NEAR]
        named = {weekdays[w.lower()] for w in names.findall(near) if w.lower() in weekdays}
        year = int(m.group(4)) + (2000 if len(m.group(4)) == 2 else 0)
        a, b = int(m.group(1)), int(m.group(3))
        readings = {d for d in (_date(year, b, a), _date(year, a, b)) if d and d.weekday() in named}
        if len(readings) == 1:
            return readings.pop(), m.group(0)
    return None


def held_every(years: Iterable[int]) -> int:
    """How many years apart a series' editions are: where three dated years or more are all an
    even number of years apart ("2021, 2023, 2025"), every two years (or more); else every year,
    a year with no report being only unseen."""
    ordered = sorted(set(years))
    if len(ordered) < 3:
        return 1
    return math.gcd(*(b - a for a, b in itertools.pairwise(ordered)))
