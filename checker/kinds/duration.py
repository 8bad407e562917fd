"""Duration: a finishing time or a winning margin, as seconds and the precision it was written
with ("2:05:04" is 7504 s to the second, "2 hours 5 minutes" 7500 s to the minute). Generic
reader: a time in clock form (h:mm:ss, m:ss.f) or in units ("2h 05min 04s", "58.3 seconds"),
kept to the family's forms: a named finisher's time, a winning time, or a margin ("by 15
seconds", "23 seconds ahead of"). Clock times of day, dates and scores are never read.

A family that names units of time (``units: [day, week]``, ``[minute, hour]``) reads how long
an event is set to last instead: "the 11-day conference", "a two-week summit", "12 days of
scheduled talks", "a 74-minute address", to the unit (a week is said loosely: "two weeks"
holds 11 to 17 days); with lead verbs, also how long it ran ("the speech lasted 74 minutes")."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.base import Draft
from checker.extract.generic import avoided, category_key, clause_of, offsets_of
from checker.extract.subjects import Subject, previous_subject, subject_before
from checker.kinds import Kind
from checker.lexicon import phrase_alternation, phrases_re
from checker.models import Claim
from checker.text import LazyPattern, look

if TYPE_CHECKING:
    from checker.extract.base import Context
    from checker.families import Family
    from checker.text import Numbers, Sentence


@dataclass(frozen=True, slots=True)
class Span:
    """A duration read from text: seconds, the unit of its last written part, where it stands."""

    seconds: float
    precision: float
    start: int
    end: int


class Duration(Kind):
    name = "duration"
    summary = "a time or a margin, to the precision written: 2:05:04, 2 hours 5 minutes, 15 s"

    def json(self, claim: Claim) -> Any:
        seconds, precision = claim.value
        return {"seconds": _plain(seconds), "precision": _plain(precision)}

    def compact(self, claim: Claim) -> str:
        return _shown(claim)

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return _shown(claim)

    def label(self, claim: Claim) -> str:
        return _shown(claim)

    def compatible(self, a: Any, b: Any) -> bool:
        """Equal at the coarser precision of the two: "2 hours 5 minutes" holds 2:05:04, and
        "2:05:04.3" holds 2:05:04 (a writer may round or cut off)."""
        (sec_a, prec_a), (sec_b, prec_b) = a, b
        return abs(sec_a - sec_b) < max(prec_a, prec_b) - 1e-9 or sec_a == sec_b

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        seen = look(text)
        if any(f.units for f in families) and _LENGTH_GATE.search(text):
            return True
        return (seen.digit or seen.any_of(_UNIT_WORDS)) and _GATE.search(text) is not None

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        text = sentence.text
        if family.units:
            yield from _lengths(text, ctx, family)
            return
        if not _GATE.search(text):
            return
        if family.name == "margin":
            drafts = [_margin(text, found, ctx, family, index) for found in _durations_of(text, ctx.numbers)]
            yield from (d for d in drafts if d is not None)
            return
        drafts = [_result(text, found, ctx, family, index) for found in _durations_of(text, ctx.numbers)]
        yield from _finishing_times([d for d in drafts if d is not None], text, family)


def _finishing_times(drafts: list[Draft], text: str, family: Family) -> Iterator[Draft]:
    """Where a sentence gives one finisher several times ("out of the water in 48:12, rode
    4:22:51 and ran 2:48:09"), they are the splits of the legs: only one the sentence calls
    the finishing time ("for a winning time of 8:57:20") is a result."""
    by_slot: dict[str, list[Draft]] = {}
    for draft in drafts:
        by_slot.setdefault(draft.slot, []).append(draft)
    for same in by_slot.values():
        if len({d.value for d in same}) == 1:
            yield from same
            continue
        yield from (d for d in same if _lead(family).search(text, max(0, d.span[0] - _SPLIT_LEAD), d.span[0]))


_SPLIT_LEAD = 30  # how far before a time the words naming it the finishing one may stand


@cache
def _lead(family: Family) -> re.Pattern[str]:
    words = phrase_alternation(family.nouns + family.lead_nouns) or r"(?!x)x"
    return compile_pattern(rf"(?<![\w-])(?:{words})\s+(?:[\w']+\s+){{0,2}}?$", re.I)


def _shown(claim: Claim) -> str:
    seconds, precision = claim.value
    if claim.detail("unit") == "day":
        days = round(seconds / DAY)
        return f"{days} day" + ("s" if days != 1 else "") + (" or so" if precision > DAY else "")
    return clock(seconds, precision)


def _plain(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 3)


def clock(seconds: float, precision: float) -> str:
    """ "2:05:04", "2:05:04.3", "58.3 s", "2 h 05 min" (to the minute), as precise as written."""
    whole = int(seconds)
    frac = seconds - whole
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if precision >= 60:
        return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"
    tail = f"{secs:02d}" if hours or minutes else str(secs)
    if precision < 1:
        digits = max(1, round(-math.log10(precision)))
        tail += f"{frac:.{digits}f}"[1:]
    if hours:
        return f"{hours}:{minutes:02d}:{tail}"
    return f"{minutes}:{tail}" if minutes else f"{tail} s"


# A cheap first look: a digit-colon-digit, or a unit of time, run on after its digits or not
# ("2min 34.61sec").
_UNIT_WORDS = frozenset("hour hours hr hrs minute minutes min mins second seconds sec secs".split())
_GATE = LazyPattern(
    r"\d:\d|\b(?:hours?|hrs?|minutes?|mins?|seconds?|secs?)\b|\d\s?(?:[hms]|hrs?|mins?|secs?)\b", re.I
)

_DAYTIME_AFTER = LazyPattern(
    r"\s*(?:a\.?m\b\.?|p\.?m\b\.?|o'clock|hrs\b|GMT|UTC|CET|CEST|BST|EST|EDT|PST|local time|"
    r"in the (?:morning|afternoon|evening))",
    re.I,
)


@lru_cache(maxsize=64)
def _durations_of(text: str, numbers: Numbers) -> tuple[Span, ...]:
    """The durations of a sentence, read once for every family of the kind."""
    return tuple(durations(text, numbers))


def durations(text: str, numbers: Numbers) -> Iterator[Span]:
    """Every duration written in the text, in order, clock times of day left out."""
    taken: list[tuple[int, int]] = []
    for pattern, read in _readers(numbers):
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            value = read(m, numbers)
            if value is None or _DAYTIME_AFTER.match(text, m.end()):
                continue
            start, end = m.span("t") if "t" in m.re.groupindex else m.span()  # the time, not its lead word
            taken.append((start, end))
            yield Span(value[0], value[1], start, end)


@cache
def _readers(numbers: Numbers) -> tuple[tuple[re.Pattern[str], Any], ...]:
    words = rf"(?:{numbers.cardinal}|an?)"
    units = (
        # days lead a time at sea or on a long course: "1 day, 19 hours, 42 minutes", "1d 19h 42m"
        _unit_part("d", r"\d{1,2}", words, "d", r"days?")
        + r",?\s*(?:and\s+)?)?"
        + _unit_part("h", r"\d{1,3}", words, "h", r"hrs?|hours?")
        + r",?\s*(?:and\s+)?)?"
        + _unit_part("m", r"\d{1,3}", words, "m", r"mins?|minutes?")
        + r",?\s*(?:and\s+)?)?"
        + _unit_part("s", r"\d{1,3}(?:\.\d{1,3})?", words, "s", r"secs?|seconds?")
        + ")?"
    )
    return (
        (
            compile_pattern(r"(?<![\w:.,/-])(\d{1,2}):([0-5]\d):([0-5]\d)(?:\.(\d{1,3}))?(?![\w:/-]|[.,]\d)"),
            _hms,
        ),
        (compile_pattern(r"(?<![\w:.,/-])(\d{1,2}):([0-5]\d)\.(\d{1,3})(?![\w:/-]|[.,]\d)"), _ms_fraction),
        (
            compile_pattern(
                r"(?:\b(?:in|clocked|clocking|time of|timed at|record of|best of|margin of|by)\s+|\btime:\s*)"
                r"(?P<t>(\d{1,2}):([0-5]\d))(?![\w:/-]|[.,]\d)",
                re.I,
            ),
            _ms_after_word,
        ),
        (compile_pattern(rf"(?<![\w.,:-])(?=[\da-z])(?:{units})(?<=[a-z])(?![\w-])", re.I), _units),
    )


def _unit_part(name: str, digits: str, words: str, short: str, long: str) -> str:
    """One unit of a time in units, opened but not closed: digits before the unit or its letter
    ("2h", "58.3 seconds"), a number word only before the unit's word and a space ("two hours",
    "a minute"): "as" and "am" are no times."""
    return rf"(?:(?:(?P<{name}>{digits})\s*(?:{short}|{long})\b|(?P<{name}w>{words})\s+(?:{long})\b)"


def _hms(m: re.Match[str], numbers: Numbers) -> tuple[float, float] | None:
    hours, minutes, secs, frac = m.groups()
    seconds = int(hours) * 3600 + int(minutes) * 60 + int(secs)
    if frac:
        return seconds + int(frac) / 10 ** len(frac), 10.0 ** -len(frac)
    return float(seconds), 1.0


def _ms_fraction(m: re.Match[str], numbers: Numbers) -> tuple[float, float]:
    minutes, secs, frac = m.groups()
    return int(minutes) * 60 + int(secs) + int(frac) / 10 ** len(frac), 10.0 ** -len(frac)


def _ms_after_word(m: re.Match[str], numbers: Numbers) -> tuple[float, float]:
    """ "won in 3:58", "a time of 4:01": minutes and seconds, said to be a time."""
    return int(m.group(2)) * 60 + int(m.group(3)), 1.0


def _units(m: re.Match[str], numbers: Numbers) -> tuple[float, float] | None:
    sizes = (("d", 86400), ("h", 3600), ("m", 60), ("s", 1))
    found = ((m.group(g) or m.group(g + "w"), size) for g, size in sizes)
    parts = [(token, size) for token, size in found if token]
    if not parts:
        return None
    total = 0.0
    for token, size in parts:
        amount = _amount(token, numbers)
        if amount is None:
            return None
        total += amount * size
    token, size = parts[-1]
    precision = float(size) if "." not in token else 10.0 ** -len(token.split(".")[1])
    return total, precision


def _amount(token: str, numbers: Numbers) -> float | None:
    token = token.strip().lower()
    if token in ("a", "an"):
        return 1.0
    if re.fullmatch(r"\d+(?:\.\d+)?", token):
        return float(token)
    value = numbers.read_cardinal(token)
    return None if value is None else float(value)


# -- the families: a finisher's time, the winning time, the winning margin -----------------

_QUALIFIED = LazyPattern(
    r"(?:more than|over|nearly|almost|about|around|roughly|some|just|under|less than|up to|at least|"
    r"within)\s+$",
    re.I,
)
_MARGIN = LazyPattern(r"\s+(?:ahead of|clear of|in front of|clear)\b", re.I)
# a time after these is a finishing time even where "ahead of" follows it
_FINISH_TIME_BEFORE = LazyPattern(
    r"\b(?:in|clocked|clocking|time of|timed at)\s+(?:a\s+time\s+of\s+)?$", re.I
)
_MARGIN_BEFORE = LazyPattern(r"\b(?:by|margin of|winning margin of|gap of)\s+(?:a\s+|an\s+)?$", re.I)
_RESULT_BEFORE = LazyPattern(
    r"\b(?:in|clocked|clocking|clocks|time of|timed at|stopped the (?:clock|timer) at|crossed the line in|"
    r"finished in|ran|run|running|won in|wins in|winning in)\s+(?:a\s+(?:time|record)\s+of\s+)?$",
    re.I,
)


def _margin(text: str, found: Span, ctx: Context, family: Family, index: int) -> Draft | None:
    """ "won by 15 seconds", "23 seconds ahead of", "a winning margin of 1:12": keyed by the
    winner it is told of, where named ("Reuel won by two seconds", "She ... won by 40
    seconds"), so the men's and the women's gaps are never compared."""
    before = text[max(0, found.start - 30) : found.start]
    if _QUALIFIED.search(before) or _FINISH_TIME_BEFORE.search(before):
        return None  # "won in 2:21:10 ahead of Lena Holm": the winning time, not a gap
    if not (_MARGIN_BEFORE.search(before) or _MARGIN.match(text, found.end)):
        return None
    a, b, clause = clause_of(text, found.start, found.end)
    if avoided(family, clause) or not phrases_re(family.verbs).search(clause):
        return None
    joined = _JOINED_SUBJECT.search(text, a, found.start)
    who = _stood_for(
        text, a, subject_before(text, joined.end() if joined else a, found.start, ctx), index, ctx
    )
    slot = family.name + (f":{who.key}" if who else "")
    return _draft(text, found, ctx, family, slot + category_key(_own_part(text, found, 0, b), ctx.lex), a, b)


# a clause opened by a pronoun or a description of the one named before it
_STANDS_FOR = LazyPattern(r"\s*(?:(?:He|She|he|she)\b|The\s+(?:\d{1,2}|[a-z]+(?:-[a-z]+)?)-year-old\b)")


def _stood_for(text: str, a: int, who: Subject | None, index: int, ctx: Context) -> Subject | None:
    """The one named before, where the clause opens with a pronoun or a description of them
    ("He crossed the line in 2:05:04", "The 27-year-old Kenyan clocked 2:06:38": a demonym in
    a description is no name of its own); else the subject found."""
    described = _STANDS_FOR.match(text, a)
    if described is None or (who is not None and who.start > described.end() + 1):
        return who
    return previous_subject(index, ctx) or who


def _result(text: str, found: Span, ctx: Context, family: Family, index: int) -> Draft | None:
    """A named finisher's time ("Ana Ruiz won in 2:21:09"), else the winner's ("the winning
    time of 2:05:04", "the race was won in 2:05:04")."""
    before = text[max(0, found.start - 60) : found.start]
    gap = _MARGIN.match(text, found.end) and not _FINISH_TIME_BEFORE.search(before)
    if _QUALIFIED.search(before) or gap or _MARGIN_BEFORE.search(before):
        return None
    a, b, clause = clause_of(text, found.start, found.end)
    label = _TIME_LABEL.search(before)  # "Time: 2:34.61." in a results box: the winner's
    if avoided(family, _piece(text, found, a, b)) or not (
        label or _RESULT_BEFORE.search(before) or phrases_re(family.lead_nouns).search(before)
    ):
        return None
    if _another_time_in_relative(text, found, a) or _OTHER_RACE.search(_piece(text, found, a, b)):
        return None  # "Mendes, who ran 2:06:50 in Rotterhaven last autumn, won": another race's
    a, b = _relative_scope(text, found, a, b)
    joined = _JOINED_SUBJECT.search(text, a, found.start)
    who = subject_before(text, joined.end(), found.start, ctx) if joined else None
    who = _stood_for(text, a, who or subject_before(text, a, found.start, ctx), index, ctx)
    if who is not None:
        slot = f"{family.name}:{who.key}"
    elif label or phrases_re(family.nouns).search(clause):  # "winning time", "won in"
        slot = f"{family.name}:winner"
    else:
        return None
    return _draft(text, found, ctx, family, slot + category_key(_own_part(text, found, 0, b), ctx.lex), a, b)


# a results box's own label, opening its line or sentence ("Time: 17:42", "Winning time: 2:05:04"),
# not another time's ("Reading time: 1 minute")
_TIME_LABEL = LazyPattern(r"(?:^|[.;]\s+)(?:winning\s+)?time:\s*$", re.I)
# ", who won last year in 2:23:40": a relative clause about the name before it
_WHO = LazyPattern(r",\s+who\s+")
# ", with Jonas Feld third in 2:08:15": a result of its own, whose name follows "with"
_JOINED_SUBJECT = LazyPattern(r",\s+(?:with|and|while)\s+(?=[A-Z][^,;]{0,40}$)")
_OTHER_RACE_WORDS = (
    r"\b(?:last|previous)\s+(?:autumn|fall|spring|summer|winter|season|month|week|time|outing|race)\b|"
    r"\bin\s+the\s+(?:spring|summer|autumn|fall|winter)\b|\bearlier\s+this\s+(?:year|season|month)\b|"
    r"\b(?:personal|season'?s?)\s+best\b"
)
# words that tell a relative clause's time of another race or another time than the report's,
# one no year offset places (a year does: "who won last year in 2:23:40" is last year's)
_ANOTHER_TIME = LazyPattern(
    rf"{_OTHER_RACE_WORDS}|\bago\b|"
    r"\bin\s+(?:January|February|March|April|May|June|July|August|September|October|November|December)\b",
    re.I,
)
# ... and those that tell it so in the time's own clause ("Samsa ran 2:06:30 in Arden in the
# spring")
_OTHER_RACE = LazyPattern(_OTHER_RACE_WORDS, re.I)


def _another_time_in_relative(text: str, found: Span, a: int) -> bool:
    """Whether a time stands in a relative clause about the name before it that tells another
    race or another time ("Mendes, who ran 2:06:50 in Rotterhaven last autumn, won in
    2:05:10"); the clause runs to the next comma."""
    who = [m for m in _WHO.finditer(text, a, found.start) if "," not in text[m.end() : found.start]]
    if not who:
        return False
    comma = text.find(",", found.end)
    return _ANOTHER_TIME.search(text, who[-1].end(), comma if comma != -1 else len(text)) is not None


def _relative_scope(text: str, found: Span, a: int, b: int) -> tuple[int, int]:
    """The part of a clause a time speaks in: a relative clause it stands in runs from the name
    it is said of ("ahead of Rina Voss, who won last year in 2:23:40": Voss's, last year's); a
    relative clause after it is no part of its words ("won in 2:22:04, ahead of Rina Voss, who
    won last year ...")."""
    inside = [m for m in _WHO.finditer(text, a, found.start) if "," not in text[m.end() : found.start]]
    if inside:
        start = max(a, text.rfind(",", a, inside[-1].start()) + 1)
        return _antecedent_start(text, start, inside[-1].start()), b
    after = _WHO.search(text, found.end, b)
    return a, (after.start() if after else b)


def _antecedent_start(text: str, start: int, end: int) -> int:
    """Where the name a relative clause is said of begins: the last capitalised run before it."""
    m = re.search(r"(?:[A-Z][\w'\u2019-]*\s+)*[A-Z][\w'\u2019-]*\s*$", text[start:end])
    return start + m.start() if m else start


def _own_part(text: str, found: Span, a: int, b: int) -> str:
    """The part of a sentence a time's category is read from, from a (the sentence's start:
    "won the women's race in 2:21:02, beating Chelang by 40 seconds"): another result joined by
    ", as" or ", while" has its own ("won the men's race in 2:10:55, as Chebet won the women's
    in 2:24:10")."""
    cuts = [m.span() for m in _JOINED_RESULT.finditer(text, a, b)]
    start = max([a, *(after for _, after in cuts if after <= found.start)])
    end = min([b, *(before for before, _ in cuts if before >= found.end)])
    return text[start:end]


_JOINED_RESULT = LazyPattern(r",\s+(?=(?:as|while|whereas|when|and)\s)", re.I)


def _piece(text: str, found: Span, a: int, b: int) -> str:
    """The words between the commas around a time: "won in 2:05:41, breaking the course
    record" is the winning time; the record is said of it in the next piece."""
    start = max(a, text.rfind(",", a, found.start) + 1)
    comma = text.find(",", found.end, b)
    return text[start : comma if comma != -1 else b]


def _draft(text: str, found: Span, ctx: Context, family: Family, slot: str, a: int, b: int) -> Draft:
    return Draft(
        family=family.name,
        slot=slot,
        value=(found.seconds, found.precision),
        display=text[found.start : found.end],
        span=(found.start, found.end),
        year_offsets=offsets_of(text, found.start, found.end, a, b, ctx),
    )


# -- the length of an event: "the 11-day conference", "12 days of scheduled talks" -------------

DAY = 86400.0
_UNIT_SECONDS = {"minute": 60.0, "hour": 3600.0, "day": DAY, "week": 7 * DAY}
_LENGTH_GATE = LazyPattern(r"\b(?:minutes?|hours?|days?|weeks?)\b", re.I)
# a week is said loosely ("the two-week summit" of twelve days): four days either way
_WEEK_PRECISION = 4 * DAY
_SCHEDULED = LazyPattern(r"(?:scheduled|planned|official|allotted)\s+$", re.I)


@cache
def _length_re(family: Family, numbers: Numbers) -> re.Pattern[str]:
    nouns = phrase_alternation(list(family.nouns)) or r"(?!x)x"
    units = "|".join(u for u in family.units if u in _UNIT_SECONDS) or r"(?!x)x"
    n = rf"\d{{1,3}}|{numbers.cardinal}"
    words = r"(?:[\w'-]+\s+){0,2}?"
    lasted = phrase_alternation(list(family.lead_verbs)) or r"(?!x)x"
    return compile_pattern(
        rf"(?<![\w.,-])(?P<n>{n})[- ](?P<unit>{units})(?:-long)?\s+{words}(?:{nouns})\b"
        rf"|(?<![\w.,-])(?P<n2>{n}) (?P<unit2>(?:{units})s) of (?P<sched>(?:\w+\s+)?){words}(?:{nouns})\b"
        # "The speech lasted 74 minutes", "the address ran for 81 minutes": its noun the subject
        rf"|\b(?:{nouns})\s+(?:[^,.;:]{{0,40}}?\b(?:which|that)\s+)?(?:(?:had|has|was)\s+)?(?:{lasted})\s+"
        rf"(?P<n3>{n})\s+(?P<unit3>(?:{units})s?)\b",
        re.I,
    )


def _lengths(text: str, ctx: Context, family: Family) -> Iterator[Draft]:
    """How long the event is set to last: an adjective of its noun ("the 11-day conference",
    "a 74-minute address"), days of it said to be scheduled ("12 days of scheduled talks"), or,
    for a family whose lead verbs tell it, the length it ran ("the speech lasted 74 minutes");
    "after 13 days of talks" tells how long talks ran, a fact of their own, and is not read."""
    for m in _length_re(family, ctx.numbers).finditer(text):
        if m.group("unit2") and not _SCHEDULED.match(m.group("sched") or ""):
            continue
        count = _amount(m.group("n") or m.group("n2") or m.group("n3"), ctx.numbers)
        unit = (m.group("unit") or m.group("unit2") or m.group("unit3")).lower().rstrip("s")
        if not count or count > 400:
            continue
        a, b, clause = clause_of(text, m.start(), m.end())
        if avoided(family, clause):
            continue
        start = m.start("n3") if m.group("n3") else m.start()
        yield Draft(
            family=family.name,
            slot=family.name,
            value=(count * _UNIT_SECONDS[unit], _WEEK_PRECISION if unit == "week" else _UNIT_SECONDS[unit]),
            display=text[start : m.end()],
            span=(start, m.end()),
            year_offsets=offsets_of(text, m.start(), m.end(), a, b, ctx),
            extra={"unit": "day" if unit == "week" else unit},
        )


KIND = Duration()
