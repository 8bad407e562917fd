"""Event date: "on Thursday", "on Dec. 17", "on the 16th", "Wednesday [Oct 28 2009]",
"November 22, Saturday"; in a sentence that tells the event decided, closed or won, the date
beside that verb ("wrapped up Friday", "gavelled the decision a little after 4 am on Sunday")."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Iterator
from functools import cache

from checker.cache import compile_pattern
from checker.extract.base import Context, Draft
from checker.lexicon import Lexicon, phrase_alternation, phrases_re
from checker.text import Numbers, Sentence, look


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
    # "on the 20th anniversary", "on the 16th consecutive year": an ordinal of something else
    not_days = "|".join(re.escape(w) for w in n.lex.words("ordinal_not_day_nouns")) or "(?!x)x"

    # a weekday may follow the day too: "on November 22, Saturday, with a compromise"
    def after(suffix: str) -> str:
        return rf"(?:,?\s*(?P<weekday{suffix}>{n.weekday})\b)?"

    return compile_pattern(
        rf"\b(?:{weekday}(?:,?\s*\[?\(?\s*(?:{mdy('')}|{dmy('4')}))?"
        rf"|{mdy('2')}{after('2')}|{dmy('3')}{after('3')}"
        rf"|(?<=\bon )the (?P<dom>\d{{1,2}})(?:st|nd|rd|th)\b(?! (?:{not_days})\b))",
        re.IGNORECASE,
    )


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    """Yield the event's date, from the first sentence that reports the event, and the day an
    event of several days opened, from the first sentence that tells it ("The summit, which
    opened on Monday, ...") when the event's own sentence gives another day."""
    draft = _sentence_draft(sentence, index, ctx) if index == ctx.event_index else None
    if draft and draft.slot == "event-date" and _several_days(ctx):
        return  # "drew 170,000 visitors over three days, organisers said on Sunday": one of its days
    if draft:
        yield draft
    elif ctx.event_index is not None and index > ctx.event_index:
        opening = _opening_draft(sentence, index, ctx)
        if opening and _first_opening(index, ctx):
            yield opening


def _several_days(ctx: Context) -> bool:
    """Whether the report tells an event of several days: the day its event sentence names is
    then one of them ("the only blemish came on Saturday"), no date of the event."""
    text = ctx.article.text
    return bool(ctx.lex.phrase_re("several_days_markers").search(text) or _days_span_re(ctx.lex).search(text))


@cache
def _days_span_re(lex: Lexicon) -> re.Pattern[str]:
    """Two weekdays as the ends of a stretch: "between Saturday and Tuesday", "from Friday to Sunday"."""
    day = phrase_alternation(list(lex.weekdays))
    ends = rf"between\s+(?:{day})\s+and|from\s+(?:{day})\s+(?:to|until|till)"
    return compile_pattern(rf"\b(?:{ends})\s+(?:{day})\b", re.I)


def _sentence_draft(sentence: Sentence, index: int, ctx: Context) -> Draft | None:
    text, lex, numbers = sentence.text, ctx.lex, ctx.numbers
    m = event_date(text, lex, numbers, ctx.article.published) or event_date(text, lex, numbers)
    return _draft(m, ctx) if m else None


def _opening_draft(sentence: Sentence, index: int, ctx: Context) -> Draft | None:
    """The opening day a sentence after the event's tells, as a whole day counted from
    publication: the report is placed by its event's day, which says nothing of this one's."""
    if ctx.article.published is None or not _opening_re(ctx.lex).search(sentence.text):
        return None  # most sentences name no opening: cheap to pass by
    for m in _dates(_date_re(ctx.numbers), sentence.text, ctx.numbers):
        if _other_day(sentence.text, m, ctx.lex) or _stale(m, ctx.numbers, ctx.article.published):
            continue
        draft = _draft(m, ctx)
        if draft and draft.slot == "event-date:opening":
            if ctx.lex.phrase_re("opening_other_subjects").search(sentence.text, 0, m.start()):
                return None  # "early voting began on Tuesday": another thing's start
            value = past(draft.value, ctx.article.published)
            return dataclasses.replace(draft, value=value) if value else None
    return None


def _first_opening(index: int, ctx: Context) -> bool:
    """Whether the event's own sentence gives its day, not its opening, and no sentence between
    it and this one tells an opening day."""
    event = ctx.event_index
    own = _sentence_draft(ctx.sentences[event], event, ctx) if event is not None else None
    if own is None or own.slot != "event-date" or event is None:
        return False
    return not any(
        _opening_draft(s, i, ctx) for i, s in enumerate(ctx.sentences[event + 1 : index], event + 1)
    )


# "NEW YORK, Dec. 18 (Yonhap) -", "MARISOL, Spain, Sept 14 (AFP) -", "GENEVA, 12 December
# (IPS) -": the wire's dateline is the day the story was filed, not a claim of the event's day
_PLACE = r"[A-Z\u00c0-\u00de](?:[^\W\d_]|[ .'\u2019-]){0,40}"
_DATELINE = compile_pattern(
    rf"^{_PLACE}(?:,\s+{_PLACE}){{0,2}},\s+"
    r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:st|nd|rd|th)?(?!\d)(?:,?\s*\d{4})?"
    r"\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014:]"
)


def event_date(
    text: str, lex: Lexicon, numbers: Numbers, published: dt.date | None = None
) -> re.Match[str] | None:
    """The event's date in a sentence: the date nearest a verb of the event, else its first
    date; never the dateline, a deadline's weekday, the day something was said or a date
    of a year long past."""
    seen = look(text)  # every date has a digit or a weekday: most sentences have neither
    if not seen.digit and seen.words.isdisjoint(numbers.lex.weekdays):
        return None
    found = [
        m
        for m in _dates(_date_re(numbers), text, numbers)
        if not _other_day(text, m, lex) and not _stale(m, numbers, published)
    ]
    if not found:
        return None
    verbs = _event_verbs(text, lex)
    near = [(_gap(m.span(), v), m.start(), m) for m in found for v in verbs]
    near = [x for x in near if x[0] <= _NEAR]
    if near:
        return min(near, key=lambda x: x[:2])[2]
    return found[0] if found else None


# news tells of days just past: a full date this long before publication is another event's
# (the edition that chose this year's host, a treaty's signing)
_STALE_DAYS = 60


def _stale(m: re.Match[str], numbers: Numbers, published: dt.date | None) -> bool:
    year, month, day, _ = _value(m, numbers)
    if not (published and year and month and day) or not possible_date((year, month, day, None)):
        return False
    return (published - dt.date(year, month, day)).days > _STALE_DAYS


# a sentence of this many words besides its date is a date line, not a report of the event
_DATE_LINE_WORDS = 3

# how far (in characters) a date may stand from the verb it dates: within one clause or so
_NEAR = 90


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


def _dates(pattern: re.Pattern[str], text: str, numbers: Numbers) -> list[re.Match[str]]:
    """Every date in a sentence after its dateline."""
    dateline = _DATELINE.match(text)
    # "On Saturday, May 11 -": a weekday names no place, so this is the sentence, not a dateline
    if dateline and not numbers.lex.weekdays.keys() & {w.lower() for w in re.findall(r"\w+", dateline[0])}:
        return list(pattern.finditer(text, dateline.end()))
    return list(pattern.finditer(text))


def _other_day(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """A date that is not the event's: "the Friday deadline", "said on Thursday", or a line
    that is little but a date ("Sunday, 12 May 2024", "Gazette , Sunday 20 Nov 2022"): the
    page's own date, which places the report but does not say when the event was."""
    if m.group("weekday") and _other_noun_re(lex).match(text, m.end()):
        return True
    # "founded on 3 June 1998", "the previous vote, on Nov. 20, 2019": another event's day
    if _another_events_re(lex).search(text, max(0, m.start() - 40), m.start()):
        return True
    if _date_line(text[: m.start()] + " " + text[m.end() :]):
        return True
    # "greeted her at the airport on Sunday, a day after she won": the day of something told
    # after the event, where the event's verb follows the phrase and none comes before the day
    # ("voted on the 16th, two days after the talks opened" is the vote's day)
    if _told_before_the_event(text, m, lex):
        return True
    return bool(_said_re(lex).search(text, max(0, m.start() - 60), m.start()))


def _told_before_the_event(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    relative = _relative_day_re(lex).match(text, m.end())
    if relative is None or _verbs_re(lex).search(text, 0, m.start()):
        return False
    return _verbs_re(lex).search(text, relative.end(), relative.end() + _NEAR) is not None


@cache
def _relative_day_re(lex: Lexicon) -> re.Pattern[str]:
    body = phrase_alternation(lex.words("relative_day_phrases"))
    return compile_pattern(rf"\s*,?\s*(?:{body or '(?!x)x'})(?![\w-])", re.I)


def _date_line(rest: str) -> bool:
    """What a sentence says besides its date is a few names ("Gazette , MENA ,"), no verb or
    noun in lower case as "It ended Sunday" has."""
    words = re.findall(r"\w+", rest)
    return len(words) <= _DATE_LINE_WORDS and not any(w.islower() and len(w) > 3 for w in words)


def _event_verbs(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Where a sentence tells the event happening; "will be held" tells it to come, so a date
    beside it is not yet the event's day."""
    future = _future_re(lex)
    return [v.span() for v in _verbs_re(lex).finditer(text) if not future.search(text, 0, v.start())]


@cache
def _future_re(lex: Lexicon) -> re.Pattern[str]:
    words = sorted(lex.words("future_markers"), key=lambda w: (-len(w), w))
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) or r"(?!x)x"
    return compile_pattern(rf"(?<![\w-])(?:{body})(?:\s+(?:not|be|have\s+been|then))*\s+$", re.IGNORECASE)


@cache
def _verbs_re(lex: Lexicon) -> re.Pattern[str]:
    """The event's verbs: those that report it happening and those that tell it decided,
    closed or won ("..." in a phrase stands for up to four words)."""
    phrases = sorted(
        set(lex.words("event_verbs")) | set(lex.words("event_date_verbs")), key=lambda p: (-len(p), p)
    )
    body = "|".join(_phrase(p) for p in phrases) or r"(?!x)x"
    return compile_pattern(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)


def _phrase(phrase: str) -> str:
    words = [re.escape(part.strip()).replace(r"\ ", r"\s+") for part in phrase.split("...")]
    return r"(?:\s+[\w'’-]+){0,4}?\s+".join(words)


@cache
def _another_events_re(lex: Lexicon) -> re.Pattern[str]:
    """Words just before a date that make it another event's: a founding ("founded on"), an
    earlier edition ("the previous vote, on")."""
    words = [*lex.words("origin_verbs"), *lex.words("earlier_event_phrases")]
    body = phrase_alternation(words)
    return compile_pattern(rf"(?<![\w-])(?:{body or '(?!x)x'})(?![\w-])[^.;\d]{{0,20}}$", re.I)


@cache
def _other_noun_re(lex: Lexicon) -> re.Pattern[str]:
    # "the Friday deadline", "Friday afternoon's deadline"
    nouns = "|".join(map(re.escape, lex.words("weekday_other_nouns"))) or r"(?!x)x"
    parts = "|".join(map(re.escape, lex.words("day_parts"))) or r"(?!x)x"
    return compile_pattern(rf"(?:['’]s)?\s+(?:(?:{parts})(?:['’]s)?\s+)?(?:{nouns})\b", re.IGNORECASE)


@cache
def _said_re(lex: Lexicon) -> re.Pattern[str]:
    """A speech verb just before a date: "said on Thursday", "told reporters Thursday". A verb
    that also reports the event ("condemned") is the event's, not speech."""
    event = {w.lower() for w in lex.words("event_verbs")} | {w.lower() for w in lex.words("event_date_verbs")}
    said = sorted(
        (w for w in lex.words("speech_verbs") if w.lower() not in event), key=lambda w: (-len(w), w)
    )
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in said) or r"(?!x)x"
    # where it was said may stand between: "said in a statement on Thursday"
    setting = phrase_alternation(lex.words("speech_settings")) or r"(?!x)x"
    # a passive ("the result was announced on Saturday") tells of the event, not of a speaker
    passive = r"(?<!\bwas )(?<!\bwere )(?<!\bbeen )(?<!\bis )(?<!\bare )"
    return compile_pattern(
        rf"(?<![\w-]){passive}(?:{body})(?:\s+(?:{setting})|\s+[a-z][\w'’-]*)?(?:\s+on)?\s+$",
        re.IGNORECASE,
    )


def event_sentence(
    sentences: list[Sentence], lex: Lexicon, numbers: Numbers, published: dt.date | None = None
) -> int | None:
    """The index of the sentence that dates the event: one with a verb of the event, else an
    event noun, else a weekday; a date long before publication only when the report gives no
    other (placing the report then tells it is another event's)."""
    found = _event_sentence(sentences, lex, numbers, published)
    return found if found is not None or published is None else _event_sentence(sentences, lex, numbers)


def _event_sentence(
    sentences: list[Sentence], lex: Lexicon, numbers: Numbers, published: dt.date | None = None
) -> int | None:
    dated = [event_date(s.text, lex, numbers, published) for s in sentences]
    for index, sentence in enumerate(sentences):
        if dated[index] and _event_verbs(sentence.text, lex):
            return index
    nouns = lex.phrase_re("event_nouns")
    for index, sentence in enumerate(sentences):
        if dated[index] and nouns.search(sentence.text):
            return index
    for index, m in enumerate(dated):
        if m and _weekday_word(m):
            return index
    return None


def possible_date(value: tuple) -> bool:
    """ "February 31" is a typo, not a date: it is not read."""
    year, month, day, _ = value
    if not (month and day):
        return day is None or 1 <= day <= 31
    try:
        dt.date(year or 2000, month, day)  # 2000 is a leap year: "February 29" may stand
    except ValueError:
        return False
    return True


def _weekday_word(m: re.Match[str]) -> str:
    """The weekday a date names, before or after the day ("" for none)."""
    return m.group("weekday") or m.group("weekday2") or m.group("weekday3") or ""


def _value(m: re.Match[str], n: Numbers) -> tuple:
    """(year, month, day, weekday) of a date as written, None for a part not said."""
    weekday = n.lex.weekdays.get(_weekday_word(m).lower())

    def first(name: str) -> str | None:
        return next((m.group(name + k) for k in ("", "2", "3", "4") if m.group(name + k)), None)

    month_word = first("month")
    month = n.month_number(month_word) if month_word else None
    day = first("day") or m.group("dom")
    year = first("year")
    return (int(year) if year else None, month, int(day) if day else None, weekday)


def _draft(m: re.Match[str], ctx: Context) -> Draft | None:
    value = _value(m, ctx.numbers)
    if not possible_date(value):
        return None
    ahead = _ahead(m.string, m.start(), ctx.lex)
    if ahead is not None:
        # told as to come: the coming day of that name, which only the publication date finds
        # ("next Sunday" said on a Sunday is a week on)
        published = ctx.article.published
        if published is not None and _NEXT.match(ahead):
            published += dt.timedelta(days=1)
        value = coming(value, published)
        if value is None:
            return None
    elif _possessive_day(m, ctx.lex) and not _verbs_re(ctx.lex).search(
        m.string, max(0, m.start() - 60), m.start()
    ):
        value = nearest(value, ctx.article.published)
    display, end = m.group(0).rstrip(), m.end() - (len(m.group(0)) - len(m.group(0).rstrip()))
    if display.endswith(".") and re.search(r"[A-Za-z]{5,}\.$", display):
        display, end = display[:-1], end - 1  # "on 9 April.": the sentence's stop, not an abbreviation
    phase = (
        "opening" if ahead and _opening_re(ctx.lex).search(ahead) else _phase(m.string, m.start(), ctx.lex)
    )
    if phase == "continuing":
        return None
    slot = "event-date:opening" if phase == "opening" else "event-date"
    days = _days_range(m, value, end)
    if days is not None:  # "on 20 and 21 January": an event of two days, told by its first
        value, (start, end) = days
        display, slot = m.string[start:end], "event-date:opening"
        return Draft(family="date", slot=slot, value=value, display=display, span=(start, end))
    return Draft(family="date", slot=slot, value=value, display=display.strip(), span=(m.start(), end))


# the first day of a range before a date's day ("20-21 January", "20 and 21 January") or the
# last day after it ("January 27-28", "July 4 to 6")
_RANGE_BEFORE = compile_pattern(r"(?<![\d.,:])(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|\u2013|\u2014|to|and|&)\s*$")
_RANGE_AFTER = compile_pattern(
    r"\s*(?:-|\u2013|\u2014|to|and|&)\s*(\d{1,2})(?:st|nd|rd|th)?\b(?!\s*(?:[ap]\.?m\b|[:.]\d|,\s*\d{3}))"
)


def _days_range(m: re.Match[str], value: tuple, end: int) -> tuple[tuple, tuple[int, int]] | None:
    """A date written as a range of days of one month: its first day (no weekday: that was
    the last's, or none) and the span of the whole range; None for one day."""
    year, month, day, _ = value
    if day is None or month is None or _weekday_word(m):
        return None
    text = m.string
    before = _RANGE_BEFORE.search(text, max(0, m.start() - 12), m.start())
    if before and m.group("day3") and 1 <= int(before.group(1)) < day:
        return (year, month, int(before.group(1)), None), (before.start(), end)
    after = _RANGE_AFTER.match(text, m.end())
    if after and m.group("day2") and day < int(after.group(1)) <= 31:
        return (year, month, day, None), (m.start(), after.end())
    return None


def _phase(text: str, start: int, lex: Lexicon) -> str | None:
    """ "opening" for the day an event of several days opened ("opened on Friday", "leaders
    gathered in Tarn on Monday"), "continuing" for a day it went on ("talks resumed on
    Tuesday"), else None."""
    before = text[max(0, start - 60) : start]
    for phase in ("opening", "continuing"):
        if _phase_re(lex, phase).search(before):
            return phase
    return None


# where the event met may stand between its verb and its day: "opened in Lisbon on Monday"
_WHERE = r"(?:\s+(?:in|at)\s+(?:the\s+)?[A-Z][\w'\u2019-]*(?:\s+[A-Z][\w'\u2019-]*){0,3})?"


@cache
def _phase_re(lex: Lexicon, phase: str) -> re.Pattern[str]:
    body = phrase_alternation(lex.words(f"{phase}_verbs"))
    return compile_pattern(rf"(?<![\w-])(?:{body or '(?!x)x'})(?![\w-]){_WHERE}\s+(?:on\s+)?$", re.I)


def _opening_re(lex: Lexicon) -> re.Pattern[str]:
    """A verb of opening, of a day past or to come ("opened", "will open", "are set to gather")."""
    return phrases_re((*lex.words("opening_verbs"), *lex.words("opening_verbs_ahead")))


# how many words a day to come may stand after its future marker: "will gather in Lisbon on"
_AHEAD_WORDS = 8


def _ahead(text: str, start: int, lex: Lexicon) -> str | None:
    """The words from a future marker to a date told as to come ("are expected to line up on
    Sunday", "will gather in Lisbon on Monday", "begins on Friday"), else None. The words between
    are one verb phrase: no comma, no relative clause ("will appeal the ruling that came on
    Friday") and no verb in the past but after "be" ("is due to be adopted on Friday")."""
    right_before = _ahead_before_day_re(lex).search(text, max(0, start - 40), start)
    if right_before:
        return right_before.group(0)
    found = _ahead_re(lex).search(text, max(0, start - 120), start)
    if not found:
        return None
    words = re.findall(r"[\w'\u2019-]+", found.group("between"))
    breakers = lex.word_set("ahead_breakers")
    for i, word in enumerate(words):
        if word.lower() in breakers:
            return None
        # a name is no verb ("will meet Ahmed on Friday")
        past = word.islower() and word.endswith("ed")
        if past and (i == 0 or words[i - 1].lower() not in _BE):
            return None
    return found.group(0)


_BE = frozenset({"be", "been", "being", "get", "gets"})
_NEXT = compile_pattern(r"next\b", re.I)


@cache
def _ahead_before_day_re(lex: Lexicon) -> re.Pattern[str]:
    words = phrase_alternation(lex.words("ahead_before_day")) or r"(?!x)x"
    # "the next Sunday" narrates the day after another, past or to come
    return compile_pattern(rf"(?<![\w'\u2019-])(?<!the\s)(?:{words})\s+(?:on\s+)?$", re.IGNORECASE)


@cache
def _ahead_re(lex: Lexicon) -> re.Pattern[str]:
    markers = phrase_alternation(lex.words("ahead_markers")) or r"(?!x)x"
    return compile_pattern(
        rf"(?<![\w'\u2019-])(?:{markers})(?![\w-])(?P<between>(?:\s+[\w'\u2019-]+(?:[,.]\d+)*){{0,{_AHEAD_WORDS}}}?)"
        r"\s*$",
        re.IGNORECASE,
    )


# a day to come is at most this far after publication: a year
_AHEAD_DAYS = 370


def past(value: tuple, published: dt.date) -> tuple | None:
    """A date without its year as the last day on or before publication that fits it (a date
    with its year as said)."""
    return _fitting(value, published, -1)


def nearest(value: tuple, published: dt.date | None) -> tuple:
    """A weekday alone as the day of that name nearest publication: the coming one where it
    is nearer ("Saturday's race" in a report of Thursday is two days on), else as written, a
    day past as every weekday is read (in a report of Tuesday, three days back)."""
    back, ahead = (past(value, published), coming(value, published)) if published else (None, None)
    if back is None or ahead is None:
        return value
    days = [abs((dt.date(*v[:3]) - published).days) for v in (back, ahead)]
    return ahead if days[1] < days[0] else value


def _possessive_day(m: re.Match[str], lex: Lexicon) -> bool:
    """A weekday alone, as an event's owner: "Saturday's race"."""
    written = m.group(0).strip()
    return written.endswith(("'s", "\u2019s")) and written[:-2].lower() in lex.weekdays


def coming(value: tuple, published: dt.date | None) -> tuple | None:
    """A date without its year, told as to come, as the first day on or after publication that
    fits it ("on Sunday" in a preview of Thursday 10 April is Sunday 13 April); a date with its
    year as said; None when no publication date tells which day is coming."""
    if published is None and not value[0]:
        return None
    return _fitting(value, published, 1)


def _fitting(value: tuple, published: dt.date | None, step: int) -> tuple | None:
    """The nearest day from publication, counting by step (back -1, ahead 1), that the date
    fits; a date with its year as said."""
    year, month, day, weekday = value
    if year or published is None:
        return value if year else None
    for n in range(_AHEAD_DAYS):
        d = published + dt.timedelta(days=step * n)
        if (month and d.month != month) or (day and d.day != day):
            continue
        if weekday is not None and d.weekday() != weekday and not (month and day):
            continue
        return (d.year, d.month, d.day, weekday)
    return None
