"""Series start: "since 2005" beside a recurrence, "began in 2005", "first adopted in 2005"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checker.cache import compile_pattern
from checker.extract.base import Context, Draft, clause_around
from checker.extract.recurrence import _counted
from checker.lexicon import Lexicon, phrase_alternation
from checker.text import LazyPattern, Sentence

_YEAR = r"((?:1[89]|20)\d\d)"
_ANY_YEAR = LazyPattern(r"(?:1[89]|20)\d\d")
_SINCE_WHEN = LazyPattern(
    rf"\bsince {_YEAR}, when\b[^.;]{{0,80}}?\b(?:voted|adopted|passed|"
    rf"approved|held|first)\b",
    re.I,
)
# "from 1940 to 1945" is a stretch of years (a break), not a start
_SINCE = LazyPattern(rf"\b(?:since|from) {_YEAR}\b(?!\s*(?:[-\u2013]|to|until|till|through)\s*\d)", re.I)


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    text = sentence.text
    if not _ANY_YEAR.search(text):
        return
    starts = ctx.lex.phrase_re("series_start_verbs")
    for m in starts.finditer(text):
        y = _year_after_re(ctx.lex).match(text, m.end())
        if y:
            yield _draft(text, m.start(), y.end(), int(y.group(1)), ctx)
    for m in ctx.lex.phrase_re("series_start_weak_verbs").finditer(text):
        y = _year_after_re(ctx.lex).match(text, m.end())
        if y and _edition_subject(ctx.lex).search(text, max(0, m.start() - 40), m.start()):
            yield _draft(text, m.start(), y.end(), int(y.group(1)), ctx)
    for m in _SINCE_WHEN.finditer(text):  # "since 1992, when 59 countries voted in favor"
        yield _draft(text, m.start(), m.start() + len(m.group(0).split(",")[0]), int(m.group(1)), ctx)
    for m in _first_edition_re(ctx.lex).finditer(text):  # "the first contest was held in 1956"
        # what it counts is read from its own words: "Arcadia won the first contest in 1962"
        # tells when the series began, "the first referral in 2014" a sub-series
        yield _draft(m.group(), 0, len(m.group()), int(m.group("year")), ctx, span=m.span())
    cues = ctx.lex.phrase_re("series_start_cues")
    for m in _SINCE.finditer(text):
        if _record_before(ctx.lex).search(text, 0, m.start()):
            continue  # "its first title since 2011": a record, not the series' first year
        if _AT_PLACE_AFTER.match(text, m.end()):
            continue  # "every year since 2001 in the Grand Meridian Theatre": the venue's years
        a, b = clause_around(text, m.start(), m.end())
        near = text[max(a, m.start() - 120) : min(b, m.end() + 120)]
        # a relative clause speaks of its antecedent: "the resolution, which has come up ..."
        told = text[max(0, a - 60) : b] if re.match(r"\W*(?:which|that)\b", text[a:b]) else near
        # and a count or cue outside it tells of something else: "Holt, who has held the office
        # since 2009, did not seek a third term"; "running 2:05:39 ... a record that had stood
        # since 2019"
        said = _relative_clause(text, a, b, m.start()) or near
        if _WHO.match(said):
            continue  # "Father Quill, who has blessed the floats every year since 1995": a person's years
        if _has_count(said, ctx) or (cues.search(said) and _about_the_event(told, ctx)):
            yield _draft(text, m.start(), m.end(), int(m.group(1)), ctx)


@cache
def _year_after_re(lex: Lexicon) -> re.Pattern[str]:
    """The year after a verb of starting: "first adopted in 2010", "... in December 2010"."""
    months = phrase_alternation(list(lex.months))
    return compile_pattern(rf"\s*(?:(?:{months})\s+)?{_YEAR}\b", re.I)


@cache
def _record_before(lex: Lexicon) -> re.Pattern[str]:
    words = phrase_alternation(lex.words("record_since_words"))
    # "the first local runner on the podium of his home race since 2016": within its piece
    return compile_pattern(rf"\b(?:{words})\b(?:\s+[\w'’-]+){{0,12}}\s+$", re.I)


_AT_PLACE_AFTER = LazyPattern(r"\s+(?:in|at)\s+(?:the\s+)?[A-Z]")
_RELATIVE = compile_pattern(r"\b(?:which|that|who|whose)\b", re.I)
_WHO = compile_pattern(r"who\b", re.I)


def _relative_clause(text: str, a: int, b: int, start: int) -> str | None:
    """The relative clause "since" stands in, up to its comma, if it stands in one."""
    opening = text.rfind(",", a, start) + 1 or a
    found = list(_RELATIVE.finditer(text, max(a, opening), start))
    if not found:
        return None
    end = text.find(",", start, b)
    return text[found[-1].start() : end if end != -1 else b]


@cache
def _first_edition_re(lex: Lexicon) -> re.Pattern[str]:
    """The year of the first edition: "the first <event noun> ... in [March] YEAR", the noun
    one of the words that recur or name an edition, within one clause and four words of
    "first" ("The first Song Fair was held in Lindau in March 1971")."""
    nouns = phrase_alternation([*lex.words("recurring_nouns"), *lex.words("edition_nouns"), "event"])
    months = phrase_alternation(list(lex.months))
    return compile_pattern(
        rf"\bthe (?:very )?(?:first|inaugural) (?:[\w'-]+ ){{0,3}}(?:{nouns})s?\b"
        rf"(?![\w-])[^.;:,()]{{0,60}}?\b(?:back )?in (?:(?:{months}) )?(?P<year>{_YEAR[1:-1]})\b",
        re.I,
    )


@cache
def _edition_subject(lex: Lexicon) -> re.Pattern[str]:
    """An edition noun just before a verb, or before ", which" opening its relative clause."""
    nouns = phrase_alternation(lex.words("edition_nouns"))
    return compile_pattern(rf"(?<![\w-])(?:{nouns})s?\b(?:,\s*(?:which|that))?\s*$", re.I)


def _about_the_event(clause: str, ctx: Context) -> bool:
    """Whether a clause tells the event recurring ("the resolution has been adopted every year
    since 2005"), not something else that grew or fell every year ("prices have risen every
    year since 2012"): it names the event or an edition, or a verb that reports it held."""
    lex = ctx.lex
    return any(
        lex.phrase_re(key).search(clause) for key in ("recurring_nouns", "edition_nouns", "event_verbs")
    )


def _has_count(text: str, ctx: Context) -> bool:
    """True when the text holds an ordinal count of two or more ("16th", "twentieth")."""
    for m in re.finditer(rf"\b({ctx.numbers.ordinal})\b", text, re.I):
        fraction = _FRACTION_BEFORE.search(text, 0, m.start()) and _FRACTION_AFTER.match(text, m.end())
        if (ctx.numbers.read_ordinal(m.group(1)) or 0) >= 2 and not fraction:
            return True
    return False


# "grown by a third since 2017": a share, no count
_FRACTION_BEFORE = LazyPattern(r"\b(?:a|one|by|roughly|about|nearly|almost|over)\s+$", re.I)
# "more than a second quicker than his pole time from 2019": a time, no count
_FRACTION_AFTER = LazyPattern(
    r"\s*(?:of\b|since\b|in\b|over\b|[,.;:)]|$)|\s+(?:[a-z]+er|behind|ahead|clear|off|back)\b", re.I
)


def _draft(
    text: str, start: int, end: int, year: int, ctx: Context, span: tuple[int, int] | None = None
) -> Draft:
    # what started is read from the comma-piece around "since": in "the 25th no vote on the
    # resolution, which has come up every year since 1991" the resolution came up since 1991
    piece_start = text.rfind(",", 0, start) + 1
    piece_end = text.find(",", end)
    piece = text[piece_start : piece_end if piece_end != -1 else len(text)]
    # ... and from an aside that tells the name before it began: "The Wexley Cup, first
    # contested in 1912, ..." (not "Halvard's wins" later in the sentence)
    if re.match(r"\s*(?:which|that|who|first|founded|launched|inaugurated|established|created)\b", piece):
        counted = _counted(piece, start - piece_start, end - piece_start, ctx)
    else:
        counted = _counted(text, start, end, ctx)
    return Draft(
        family="series-start",
        slot="start-year",
        value=year,
        display=text[start:end],
        span=span or (start, end),
        counted=counted,
    )
