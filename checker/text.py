"""Sentences with offsets, and number, ordinal and date phrases read into values."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from checker.cache import compile_pattern
from checker.lexicon import Lexicon, default_lexicon, longest_first


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    text: str  # the cleaned text of the span (same length as the original span)
    quoted: tuple[tuple[int, int], ...] = ()  # spans (relative) inside quotation marks

    def is_quoted(self, rel_start: int) -> bool:
        return any(a <= rel_start < b for a, b in self.quoted)


# A sentence ends at . ! ? followed by space and an upper-case letter, a quote or a digit,
# unless the word before the stop is a known abbreviation or a single capital (U.N., Dec.).
_ABBREVIATIONS = {
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "vs",
    "gen",
    "gov",
    "sen",
    "rep",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "h.e",
    "u.s",
    "u.n",
    "u.k",
    "e.u",
    "inc",
    "co",
    "corp",
    "jr",
    "sr",
    "prof",
    "lt",
    "col",
    "amb",
}
# A line break ends a sentence only after end punctuation or a short (title-like) line, so a
# hard-wrapped paragraph reads as one text.
_BOUNDARY = compile_pattern(
    r"(?<![.!?])[.!?]++[\"'\u201d\u2019)\]]*+(?=\s+[\"'\u201c\u2018(\[]?[A-Z0-9])|\n\s*\n|"
    r"(?<=[.!?:;\"'\u201d\u2019)\]])[ \t]*\n|(?m:^.{0,60}$)\n|"
    # a line that opens a numbered item ("25 - France. Lisa Angell ...") starts a sentence
    r"\n(?=[ \t]*\d{1,3}[ \t]*(?:[.)]|[ \t][-\u2013\u2014])[ \t]+[A-Z])"
)


MAX_SENTENCE = 2000  # longer runs without a stop are cut at white space: extraction stays linear


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split text[start:end] into sentences, keeping absolute offsets."""
    end = len(text) if end is None else end
    quotes = [m.span() for m in _QUOTE_PAIRS.finditer(text, start, end)]
    spans: list[tuple[int, int]] = []
    cursor = start
    for m in _BOUNDARY.finditer(text, start, end):
        if m.group().startswith((".",)) and _is_abbreviation(text, m.start()):
            continue
        spans.extend(_bounded(text, cursor, m.end()))
        cursor = m.end()
    spans.extend(_bounded(text, cursor, end))
    sentences: list[Sentence] = []
    first_quote = 0
    for a, b in spans:
        while first_quote < len(quotes) and quotes[first_quote][1] <= a:
            first_quote += 1
        _add(sentences, text, a, b, quotes, first_quote)
    return sentences


def _bounded(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Cut a span longer than MAX_SENTENCE at the last white space before each limit."""
    out = []
    while b - a > MAX_SENTENCE:
        cut = text.rfind(" ", a + MAX_SENTENCE // 2, a + MAX_SENTENCE)
        cut = cut + 1 if cut != -1 else a + MAX_SENTENCE
        out.append((a, cut))
        a = cut
    out.append((a, b))
    return out


def _is_abbreviation(text: str, dot: int) -> bool:
    word_start = dot
    while word_start > 0 and (text[word_start - 1].isalpha() or text[word_start - 1] == "."):
        word_start -= 1
    word = text[word_start:dot].lower()
    if len(word) == 1 and word_start > 0 and text[word_start - 1].isdigit():
        return False  # "2,980 in the 10K." ends a sentence: a unit after a number is no initial
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def _add(
    out: list[Sentence], text: str, a: int, b: int, quotes: list[tuple[int, int]], first_quote: int = 0
) -> None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    if b - a >= 3 and any(c.isalnum() for c in text[a:b]):
        chunk = text[a:b]
        # a quotation may run over several sentences: clip the article's quotes to this one
        inside = []
        for qa, qb in quotes[first_quote:]:
            if qa >= b:
                break
            if qb > a:
                inside.append((max(qa, a) - a, min(qb, b) - a))
        out.append(Sentence(a, b, chunk, tuple(sorted(inside + _reported_spans(chunk)))))


# A quotation may run over sentences and single line breaks, never over a blank line.
_QUOTE_PAIRS = compile_pattern(
    r"\u201c(?:[^\u201d\n]|\n(?!\s*\n)){0,2000}\u201d"
    r"|\"(?:[^\"\n]|\n(?!\s*\n)){0,2000}\""
)
# Reported speech: what follows "X argued that" is X's claim, not the report's.
_REPORTED = compile_pattern(
    r"\b(?:argued|argues|arguing|claimed|claims|alleged|alleges|insisted|insists|"
    r"contended|complained|accused\s+\w+\s+of)\b(?:\s+that)?"
)


def _reported_spans(chunk: str) -> list[tuple[int, int]]:
    reported = _REPORTED.search(chunk)
    return [(reported.end(), len(chunk))] if reported else []


class LazyPattern:
    """A regular expression compiled the first time it is used. A reader builds its patterns
    from the vocabulary; one report meets few of them, and compiling all of them was the
    largest cost of checking one new report. Once compiled, its search, match and finditer
    are the compiled pattern's own (bound on the object: no cost per call)."""

    _METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "split")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name not in self._METHODS:
            raise AttributeError(name)
        compiled = compile_pattern(self.pattern, self.flags)
        for method in self._METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


_DIGIT = compile_pattern(r"\d")
_LETTERS = compile_pattern(r"[a-z]+")


@dataclass(frozen=True, slots=True)
class Look:
    """What a first look at a sentence sees: its lower-case words and whether it has a digit.
    Readers ask it before their patterns: most sentences hold none of a reader's words."""

    words: frozenset[str]
    digit: bool

    def any_of(self, firsts: frozenset[str]) -> bool:
        return not self.words.isdisjoint(firsts)


@lru_cache(maxsize=512)  # every reader of a report looks at each of its sentences in turn
def look(text: str) -> Look:
    return Look(frozenset(_LETTERS.findall(text.lower())), _DIGIT.search(text) is not None)


def key_words(phrases: Iterable[str]) -> frozenset[str]:
    """One word each phrase cannot match without, as Look.words holds it: its longest ("the
    winner was" gives "winner", "co-sponsor" gives "sponsor"), so a look rules out the most."""
    found = set()
    for phrase in phrases:
        words = _LETTERS.findall(str(phrase).lower())
        if words:
            found.add(max(words, key=len))
    return frozenset(found)


def gate_words(phrases: Iterable[str]) -> frozenset[str]:
    """The key words of phrases a pattern is built from, for a gate before it runs; none (no
    gate: every sentence is tried) when there are no phrases or one has no letter to look for."""
    listed = [str(p) for p in phrases]
    if not listed or not all(_LETTERS.search(p.lower()) for p in listed):
        return frozenset()
    return key_words(listed)


class Numbers:
    """Regexes and readers for cardinals, ordinals and dates written in digits or words."""

    def __init__(self, lex: Lexicon) -> None:
        self.lex = lex
        units = longest_first((w for w, v in lex.cardinals.items() if v < 10))
        teens_tens = longest_first((w for w, v in lex.cardinals.items() if v >= 10))
        tens = [w for w, v in lex.cardinals.items() if v >= 20 and v % 10 == 0 and v < 100]
        ord_units = [w for w, v in lex.ordinals.items() if v < 10]
        ord_all = longest_first(lex.ordinals)
        word_card = (
            rf"(?:(?:{'|'.join(tens)})[- ](?:{'|'.join(units)})"
            rf"|{'|'.join(teens_tens)}|{'|'.join(units)})"
        )
        word_ord = rf"(?:(?:{'|'.join(tens)})[- ](?:{'|'.join(ord_units)})|{'|'.join(ord_all)})"
        # thousands set apart by commas, or by points or spaces as many languages write them
        # ("1.302 athletes": a count is whole, so three digits after a point group thousands)
        grouped = (
            r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:\.\d{3})+(?![\d,.]?\d)"
            r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.]?\d)"
        )
        self.cardinal = rf"(?:{grouped}|\d{{1,6}}(?![\d,]\d)|{word_card})"
        self.ordinal = rf"(?:\d{{1,4}}(?:st|nd|rd|th)|{word_ord})"
        self._number_words = frozenset(lex.cardinals) | frozenset(lex.ordinals)
        self.month = "|".join(longest_first(lex.months))
        self.weekday = "|".join(lex.weekdays)

    def has_number(self, text: str) -> bool:
        """A cheap first look: sentences with no number at all hold no count and no tally."""
        seen = look(text)
        return seen.digit or not self._number_words.isdisjoint(seen.words)

    def read_cardinal(self, token: str) -> int | None:
        token = token.strip().lower()
        if re.fullmatch(r"[\d,]+", token):
            return int(token.replace(",", ""))
        if re.fullmatch(r"\d{1,3}(?:[. \u00a0\u202f]\d{3})+", token):
            return int(re.sub(r"[. \u00a0\u202f]", "", token))
        parts = re.split(r"[- ]", token)
        if all(p in self.lex.cardinals for p in parts):
            return sum(self.lex.cardinals[p] for p in parts)
        return None

    def read_ordinal(self, token: str) -> int | None:
        token = token.strip().lower()
        m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", token)
        if m:
            return int(m.group(1))
        parts = re.split(r"[- ]", token)
        if len(parts) == 2 and parts[0] in self.lex.cardinals and parts[1] in self.lex.ordinals:
            return self.lex.cardinals[parts[0]] + self.lex.ordinals[parts[1]]
        return self.lex.ordinals.get(token)

    def read_count(self, token: str) -> int | None:
        """Read a cardinal or an ordinal."""
        value = self.read_cardinal(token)
        return value if value is not None else self.read_ordinal(token)

    def month_number(self, word: str) -> int | None:
        return self.lex.months.get(word.lower().rstrip("."))


@cache
def numbers_for(lex: Lexicon) -> Numbers:
    """The number readers of a lexicon, built once (each holds a few large patterns)."""
    return Numbers(lex)


def default_numbers() -> Numbers:
    return numbers_for(default_lexicon())
