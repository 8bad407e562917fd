"""Vicinity: how far the place an event is held lies from a city, as a range of kilometres,
keyed by the city. "The talks in the town of Velden, about 40 miles north of Lakeside" are 45
to 84 km from Lakeside (distances are said by road or as the crow flies, and rounded: one said
"about" is taken as 30 % either way, a bare one as 20 %); "bargaining in a Lakeside suburb",
"the summit in Velden, a suburb of Lakeside" or "in suburban Lakeside" are within a suburb's
reach of it. Two ranges of one occurrence that do not meet conflict: the venue is not both a
suburb and 65 miles away.

Generic reader: the words after the event's own phrase and its "in" or "at" (the host's phrase,
checker/places.py: "the conference in ...", "the negotiations that had gone on for two weeks
in ..."). Not an indefinite phrase ("a show in ..."), another occurrence's ("last year's final",
"the pre-summit meeting"), one of a named year ("the 2029 final", "held there until 2020"), one
planned, bid for or not held, one joined to the place by a verb of a part of it ("the race
starts in ..."), nor a clause with one of the family's avoid words up to the place and a few
words after it (a home, a hotel, a screen, "until"). The words of nearness are data (``vicinity_*`` in
checker/data/en/places.yaml), the units those of lengths (``amount_lengths``)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.base import Draft, sentence_frame
from checker.extract.generic import avoided, clause_of, offsets_of
from checker.kinds import Kind
from checker.kinds.amount import length_units
from checker.lexicon import phrase_alternation, phrases_re
from checker.models import Claim
from checker.places import UNREAL, event_phrase_re

if TYPE_CHECKING:
    from checker.extract.base import Context
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Numbers, Sentence

SUBURB_KM = 50.0  # how far from its city a suburb or its outskirts may lie
LOOSE_SHARE = 0.3  # "about 65 miles"
BARE_SHARE = 0.2  # "65 miles"


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
        frame, framed = sentence_frame(text, ctx.numbers)
        if frame not in (None, (0,)) or framed.get("year"):
            return  # "Last year, the contest in a Lakeside suburb ..."
        for event in event_phrase_re(family, ctx.lex).finditer(text):
            found = _vicinity_at(text, event.start("prep"), ctx)
            if found is None:
                continue
            a, b, _ = clause_of(text, event.start(), found.end())
            told = text[a : found.end()] + " " + " ".join(text[found.end() : b].split()[:3])
            if avoided(family, told) or not _own_event(text, event, a, ctx):
                continue
            draft = _draft(text, found, ctx, family, (a, b))
            if draft is not None:
                yield draft


def _own_event(text: str, event: re.Match[str], a: int, ctx: Context) -> bool:
    """Whether the event's phrase is this occurrence's, told as held."""
    before = text[max(a, event.start("head") - 40) : event.start("head")]
    if _INDEFINITE.search(before) or ctx.lex.phrase_re("place_other_event").search(
        " ".join(before.split()[-3:])
    ):
        return False
    if UNREAL.search(text[max(a, event.start() - 40) : event.end()]):
        return False
    if ctx.lex.phrase_re("vicinity_part_verbs").search(event.group("joined")):
        return False  # "the marathon, which begins in Arden": where a part of it is
    return not _A_YEAR.search(text[a : event.end() + 120])


_INDEFINITE = compile_pattern(r"(?<![\w-])(?:an?|another|some)\s+(?:[\w'-]+\s+){0,2}$", re.I)
_A_YEAR = compile_pattern(r"(?<![\w$\u20ac\u00a3.,/-])(?:19|20)\d\d(?![\w/-])")


def _draft(
    text: str, found: re.Match[str], ctx: Context, family: Family, clause: tuple[int, int]
) -> Draft | None:
    reach = _reach(found, ctx)
    if reach is None:
        return None
    start, end = found.span()
    return Draft(
        family=family.name,
        slot=f"{family.name}:{' '.join(found.group('city').lower().split())}",
        value=reach,
        display=text[start:end],
        span=(start, end),
        year_offsets=offsets_of(text, start, end, *clause, ctx),
    )


def _reach(found: re.Match[str], ctx: Context) -> tuple[float, float] | None:
    """(nearest, farthest) km the words allow."""
    if found.groupdict().get("n") is None:
        return (0.0, SUBURB_KM)
    amount = _amount(found.group("n"), ctx.numbers)
    if not amount:
        return None
    km = amount * length_units(ctx.lex)[found.group("unit").lower()]
    share = LOOSE_SHARE if found.group("loose") else BARE_SHARE
    return (round(km * (1 - share), 3), round(km * (1 + share), 3))


def _amount(token: str, numbers: Numbers) -> float | None:
    if re.fullmatch(r"\d{1,4}(?:\.\d+)?", token):
        return float(token)
    value = numbers.read_cardinal(token.lower())
    return None if value is None else float(value)


def _vicinity_at(text: str, pos: int, ctx: Context) -> re.Match[str] | None:
    """The longest phrase of nearness that starts at pos."""
    found = [m for pattern in _vicinity_res(ctx.lex, ctx.numbers) if (m := pattern.match(text, pos))]
    return max(found, key=lambda m: m.end(), default=None)


_NAME = (
    r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019-]*(?:\s+[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019-]*){0,2}"
)


@cache
def _vicinity_res(lex: Lexicon, numbers: Numbers) -> tuple[re.Pattern[str], ...]:
    """After "in" or "at": a place and how far it lies from a city ("in Velden, about 40 miles
    (64 km) north of Lakeside"), a suburb named by its city ("in a Lakeside suburb"), a place on
    a city's edge ("in Velden, a suburb of Lakeside"), or "in suburban Lakeside"."""
    units = phrase_alternation(length_units(lex))
    loose = phrase_alternation(lex.words("vicinity_loose"))
    sides = phrase_alternation(lex.words("vicinity_sides"))
    away = phrase_alternation(lex.words("vicinity_away"))
    suburb = phrase_alternation(lex.words("vicinity_suburbs"))
    edges = phrase_alternation(lex.words("vicinity_edges"))
    desc = phrase_alternation(lex.words("place_descriptions"))
    city = rf"(?P<city>{_NAME})"
    place = rf"(?:the\s+(?i:{desc})\s+of\s+)?{_NAME}"
    number = rf"\d{{1,4}}(?:\.\d+)?|(?i:{numbers.cardinal})"
    aside = r"(?:\s*\([^()]{1,30}\))?"  # "40 kilometres (25 miles)"
    at = r"(?:in|at)\s+"
    return (
        compile_pattern(
            rf"{at}{place},?\s+(?:(?P<loose>(?i:{loose}))\s+)?(?P<n>{number})\s+(?P<unit>(?i:{units})){aside}\s+"
            rf"(?:(?i:{sides})\s+of|(?i:{away}))\s+{city}(?![\w-])"
        ),
        compile_pattern(rf"{at}(?:an?|the)\s+{city}\s+(?i:{suburb})(?![\w-])"),
        compile_pattern(
            rf"{at}(?:{place},?\s+)?(?:an?\s+|the\s+)?(?:[a-z]+\s+)?(?i:{edges})\s+{city}(?![\w-])"
        ),
        compile_pattern(rf"{at}(?i:suburban)\s+{city}(?![\w-])"),
    )


@cache
def _gate(lex: Lexicon) -> re.Pattern[str]:
    words = [*lex.words("vicinity_suburbs"), *lex.words("vicinity_edges"), "suburban", *length_units(lex)]
    return phrases_re(tuple(words))


def _shown(value: tuple[float, float]) -> str:
    low, high = value
    return f"within {_plain(high)} km" if low == 0 else f"{_plain(low)}-{_plain(high)} km"


def _plain(x: float) -> int | float:
    shown = round(x, 1)
    return int(shown) if shown.is_integer() else shown


KIND = Vicinity()
