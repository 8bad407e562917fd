"""Skipped occurrences: "no contest was held in 2020", "the 2020 race was cancelled". A series
that skipped a year counts one occurrence fewer from then on (CLAIM-MODEL)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.cache import compile_pattern
from checker.extract.base import Context, Draft, clause_around
from checker.text import Sentence

_YEAR = compile_pattern(r"(?<![\d,.])((?:19|20)\d\d)(?![\d,]\d|\d)")


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    text = sentence.text
    if not _YEAR.search(text):
        return
    for m in ctx.lex.phrase_re("skipped_phrases").finditer(text):
        a, b = clause_around(text, m.start(), m.end())
        year = _nearest_year(text, m.start(), m.end(), a, b)
        if year is None or _moved_to(text, year):
            continue
        start, end = min(m.start(), year.start()), max(m.end(), year.end())
        value = int(year.group(1))
        yield Draft(
            family="skipped",
            slot="skipped-year",
            value=value,
            display=text[start:end],
            span=(start, end),
            extra={"year": value},
        )


def _nearest_year(text: str, start: int, end: int, a: int, b: int) -> re.Match[str] | None:
    """The year the skipping is said of: the one nearest the words in their clause."""
    found = [y for y in _YEAR.finditer(text, a, b)]
    if not found:
        return None
    # "first staged in 2008, was not held in 2020": the year the words lead into is theirs
    led = next((y for y in found if _LEADS_INTO.fullmatch(text, end, y.start())), None)
    return led or min(found, key=lambda y: (max(y.start() - end, start - y.end(), 0), y.start()))


_LEADS_INTO = compile_pattern(r"\s+(?:in|during)\s+(?:the\s+)?")


def _moved_to(text: str, year: re.Match[str]) -> bool:
    """ "postponed to 2021": the year it moved to was held, not skipped."""
    before = text[max(0, year.start() - 12) : year.start()].lower()
    return re.search(r"\b(?:to|until|till|in favour of)\s+$", before) is not None
