"""Vicinity: how far the place an event is held lies from a city, as a range of kilometres,
keyed by the city. "In the town of Velden, about 40 miles north of Lakeside" is 48 to 80 km
from Lakeside (a distance said "about" is a quarter either way, one said bare a tenth); "in a
Lakeside suburb", "in the Lakeside suburb of Velden", "in Velden, a suburb of Lakeside" or "on
the outskirts of Lakeside" are within a suburb's reach of it. Two ranges of one occurrence
that do not meet conflict: the venue is not both a suburb and 65 miles away.

Generic reader: the words after "in" or "at" in a clause that names the event (one of the
family's nouns or verbs before the place: "the conference in ...", "adopted ... in a Paris
suburb"); a clause
about another occurrence ("last year's final in ...") or with one of the family's avoid words
is not read. The words of nearness are data (``vicinity_*`` in checker/data/en/places.yaml),
the units those of lengths (``amount_lengths``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.extract.base import Draft, sentence_frame
from checker.extract.generic import avoided, clause_of, offsets_of
from checker.kinds import Kind
from checker.lexicon import phrase_alternation, phrases_re
from checker.models import Claim

if TYPE_CHECKING:
    from checker.extract.base import Context
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Numbers, Sentence

SUBURB_KM = 40.0  # how far from its city a suburb, its outskirts or its edge may lie
LOOSE_SHARE = 0.25  # "about 65 miles": a quarter either way
BARE_SHARE = 0.1  # "65 miles": a round figure, a tenth either way


class Vicinity(Kind):
    name = "vicinity"
    summary = "how far an event's place lies from a city: about 65 miles north of it, a suburb of it"

    def json(self, claim: Claim) -> Any:
        low, high = claim.value
        return {"km_from": _plain(low), "km_to": _plain(high)}

    def compact(self, claim: Claim) -> str:
        return _shown(claim.value)

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return _shown(claim.value)

    def label(self, claim: Claim) -> str:
        return f"{claim.display} ({_shown(claim.value)})"

    def compatible(self, a: Any, b: Any) -> bool:
        """Two ranges that meet: "30 km north of Lakeside" may be a suburb of it."""
        return a[0] <= b[1] and b[0] <= a[1]

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        return _gate(ctx.lex).search(text) is not None

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        text = sentence.text
        frame, _ = sentence_frame(text, ctx.numbers)
        if frame not in (None, (0,)):
            return  # "Last year, the contest in a Lakeside suburb ..."
        for found in _found(text, ctx):
            a, b, clause = clause_of(text, found.start(), found.end())
            if not _names_event(text[a : found.start()], family) or avoided(family, clause):
                continue
            if ctx.lex.phrase_re("place_other_event").search(
                text[max(a, found.start() - 60) : found.start()]
            ):
                continue  # "last year's final in a suburb of ..."
            yield from _draft(text, found, ctx, family, (a, b))


def _draft(
    text: str, found: re.Match[str], ctx: Context, family: Family, clause: tuple[int, int]
) -> Iterator[Draft]:
    span = found.span()
    reach = _reach(found, ctx)
    if reach is None:
        return
    yield Draft(
        family=family.name,
        slot=f"{family.name}:{' '.join(found.group('city').lower().split())}",
        value=reach,
        display=text[span[0] : span[1]],
        span=span,
        year_offsets=offsets_of(text, span[0], span[1], *clause, ctx),
    )


def _reach(found: re.Match[str], ctx: Context) -> tuple[float, float] | None:
    """(nearest, farthest) km the words allow."""
    if found.groupdict().get("n") is None:
        return (0.0, SUBURB_KM)
    amount = _amount(found.group("n"), ctx.numbers)
    if not amount:
        return None
    km = amount * _lengths(ctx.lex)[found.group("unit").lower()]
    share = LOOSE_SHARE if found.group("loose") else BARE_SHARE
    return (round(km * (1 - share), 3), round(km * (1 + share), 3))


def _amount(token: str, numbers: Numbers) -> float | None:
    if re.fullmatch(r"\d{1,4}(?:\.\d+)?", token):
        return float(token)
    value = numbers.read_cardinal(token.lower())
    return None if value is None else float(value)


def _names_event(clause: str, family: Family) -> bool:
    return phrases_re(family.nouns + family.verbs).search(clause) is not None


def _found(text: str, ctx: Context) -> Iterator[re.Match[str]]:
    """Every phrase of nearness in the text, in order, none inside another."""
    found = sorted(
        (m for pattern in _vicinity_res(ctx.lex, ctx.numbers) for m in pattern.finditer(text)),
        key=lambda m: (m.start(), -m.end()),
    )
    end = -1
    for m in found:
        if m.start() >= end:
            end = m.end()
            yield m


_NAME = (
    r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019-]*(?:\s+[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019-]*){0,2}"
)


@cache
def _vicinity_res(lex: Lexicon, numbers: Numbers) -> tuple[re.Pattern[str], ...]:
    """After "in" or "at": a place and how far it lies from a city ("in Velden, about 40 miles
    north of Lakeside"), a suburb named by its city ("in a Lakeside suburb"), a place on a
    city's edge ("in Velden, a suburb of Lakeside"); or a city's edge alone ("on the outskirts
    of Lakeside")."""
    units = phrase_alternation(_lengths(lex))
    loose = phrase_alternation(lex.words("vicinity_loose"))
    sides = phrase_alternation(lex.words("vicinity_sides"))
    away = phrase_alternation(lex.words("vicinity_away"))
    suburb = phrase_alternation(lex.words("vicinity_suburbs"))
    edges = phrase_alternation(lex.words("vicinity_edges"))
    desc = phrase_alternation(lex.words("place_descriptions"))
    city = rf"(?P<city>{_NAME})"
    place = rf"(?:the\s+(?i:{desc})\s+of\s+)?{_NAME}"
    number = rf"\d{{1,4}}(?:\.\d+)?|(?i:{numbers.cardinal})"
    at = r"(?<![\w-])(?:in|at)\s+"
    return (
        re.compile(
            rf"{at}{place},?\s+(?:(?P<loose>(?i:{loose}))\s+)?(?P<n>{number})\s+(?P<unit>(?i:{units}))\s+"
            rf"(?:(?i:{sides})\s+of|(?i:{away}))\s+{city}(?![\w-])"
        ),
        re.compile(rf"{at}(?:an?|the)\s+{city}\s+(?i:{suburb})(?![\w-])"),
        re.compile(rf"{at}(?:{place},?\s+)?(?:an?\s+|the\s+)?(?:[a-z]+\s+)?(?i:{edges})\s+{city}(?![\w-])"),
        re.compile(rf"(?<![\w-])(?i:on\s+the\s+(?:outskirts|edge)\s+of)\s+{city}(?![\w-])"),
    )


@cache
def _lengths(lex: Lexicon) -> dict[str, float]:
    return {str(k).lower(): float(v) for k, v in (lex.vocab.get("amount_lengths") or {}).items()}


@cache
def _gate(lex: Lexicon) -> re.Pattern[str]:
    words = [*lex.words("vicinity_suburbs"), *lex.words("vicinity_edges"), *_lengths(lex)]
    return phrases_re(tuple(words))


def _shown(value: tuple[float, float]) -> str:
    low, high = value
    return f"within {_plain(high)} km" if low == 0 else f"{_plain(low)}-{_plain(high)} km"


def _plain(x: float) -> int | float:
    return int(x) if float(x).is_integer() else round(x, 1)


KIND = Vicinity()
