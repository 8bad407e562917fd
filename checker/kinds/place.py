"""Place: the rank a named person, team or country finished in (2 for "finished second" and
"runner-up", 1 for "won the men's race", 'last' for "finished last"). Generic reader: an
ordinal right after a finishing verb with its subject right before ("Ana Ruiz came 24th",
"Kenya, the favourite, was placed fourth", "Ruiz took third place"), a place that names its
holder after it ("in 11th place, Ana Ruiz", "second place went to Peru", "runner-up Ana
Ruiz"), or a win of one of the family's nouns ("Peru won the televote": first in the
televote). Ordinals that count something else ("the second time", "third consecutive",
"second-largest", "first round") are not places."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.extract.base import Draft
from checker.extract.generic import avoided, category_key, clause_of, offsets_of
from checker.extract.subjects import Subject, subject_ending_at, subject_starting_at
from checker.kinds import Kind
from checker.models import Claim
from checker.text import look
from checker.wording import ordinal

if TYPE_CHECKING:
    from checker.extract.base import Context
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Numbers, Sentence


class Place(Kind):
    name = "place"
    summary = "a rank at the finish: 1st, 2nd, 24th, last"

    def json(self, claim: Claim) -> Any:
        return claim.value

    def compact(self, claim: Claim) -> str:
        return _said(claim.value)

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return _said(claim.value)

    def label(self, claim: Claim) -> str:
        return _said(claim.value)

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        if _RANKED.match(text):
            return True  # a line of a ranked table: "2. Russia – 303 points"
        seen = look(text)
        if not (seen.any_of(_place_words(ctx.lex)) or (seen.digit and _DIGIT_ORDINAL.search(text))):
            return False
        return _gate(ctx.numbers).search(text) is not None

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        text = sentence.text
        if _RANKED.match(text):
            yield from _ranked_line(index, ctx, family)
            return
        if not _gate(ctx.numbers).search(text):
            return
        seen: set[int] = set()
        for m, value, who, category_text in _matches(text, ctx, family):
            a, b, clause = clause_of(text, m.start(), m.end())
            if who is None or m.start() in seen or avoided(family, clause):
                continue
            seen.add(m.start())
            said = m.end("noun") if m.groupdict().get("noun") else m.end("ord")
            start, end = min(who.start, m.start("ord")), max(who.end, said)
            yield Draft(
                family=family.name,
                slot=f"{family.name}:{who.key}"
                + category_key(category_text or _outside(text, a, b, who, m), ctx.lex),
                value=value,
                display=text[start:end],
                span=(start, end),
                year_offsets=offsets_of(text, start, end, a, b, ctx),
                extra={"subject": who.name},
            )


# "1. Sweden. Mans Zelmerlow - Heroes. 365 points", "24 - UK. Electro Velvet ...": a rank, then
# the name of who holds it
_RANKED = re.compile(r"\s*(?P<rank>\d{1,2})\s*(?:[.)]|\s[\u2013\u2014-])\s+(?P<rest>[A-Z].*)")
_RANK_WINDOW = 3  # sentences either side where the next or the previous rank is looked for


def _ranked_line(index: int, ctx: Context, family: Family) -> Iterator[Draft]:
    """The place of one line of a ranked table: its rank, held by the country its line opens
    with, in a run of lines whose ranks follow one another."""
    lines = ctx.sentences
    m = _RANKED.match(lines[index].text)
    assert m is not None
    rank = int(m.group("rank"))
    # the lines around it, a line cut in sentences at its stops ("24 - UK. Electro Velvet ...")
    window = range(max(0, index - _RANK_WINDOW), min(len(lines), index + _RANK_WINDOW + 1))
    near = [_RANKED.match(lines[i].text) for i in window if i != index]
    if not any(n and abs(int(n.group("rank")) - rank) == 1 for n in near):
        return  # one numbered line is a paragraph, not a table
    who = ctx.lex.find_entities(m.group("rest")[:60])
    if not who or who[0][0] > 4 or who[0][2].kind != "country":
        return  # "1. The vote ...": no country opens the line
    start = m.start("rest") + who[0][1]
    yield Draft(
        family=family.name,
        slot=f"{family.name}:{who[0][2].name.lower()}",
        value=rank,
        display=lines[index].text[:start].strip(),
        span=(m.start("rank"), start),
        extra={"subject": who[0][2].name},
    )


def _outside(text: str, a: int, b: int, who: Subject, m: re.Match[str]) -> str:
    """The clause without what stands between the subject and its verb: an aside there
    ("Peru, which led after the jury vote, ended third") names no category of the place."""
    if who.end <= m.start():
        return text[a : who.end] + " " + text[m.start() : b]
    return text[a:b]


def _said(value: Any) -> str:
    return ordinal(int(value)) if isinstance(value, int) else str(value)


_DIGIT_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b", re.I)


@cache
def _place_words(lex: Lexicon) -> frozenset[str]:
    """Words a place is said with: ordinal words ("second", "twenty"), last, runner-up, won."""
    return frozenset(w for o in lex.ordinals for w in o.split("-")) | {
        "last",
        "runner",
        "runners",
        "won",
        "wins",
        "win",
    }


@cache
def _gate(n: Numbers) -> re.Pattern[str]:
    """A cheap first look: a place is an ordinal, "last", "runner-up" or a win."""
    return re.compile(rf"(?<![\w-])(?:{n.ordinal}|last|runners?-up|won|wins|win)(?![\w])", re.I)


# After an ordinal that is a place: the end of the clause or a word that goes on about the
# place; anything else ("time", "consecutive", "-largest", "to") makes it count something else.
_PLACE_END = (
    r"(?=\s*(?:[,.;:!?)\u2014\u2013]|$)|\s+(?:overall|in|with|behind|after|on|at|ahead|out|"
    r"of\s+(?:the\s+)?\d|and|for|among|while|as|place|position|spot)\b)"
)


@cache
def _patterns(family: Family, n: Numbers) -> tuple[re.Pattern[str], ...]:
    ords = rf"(?P<ord>{n.ordinal}|last|runner-up|runners-up)"
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(family.verbs, key=len, reverse=True))
    lead = "|".join(re.escape(v) for v in sorted(family.lead_nouns, key=len, reverse=True))
    nouns = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in sorted(family.nouns, key=len, reverse=True))
    return (
        # "Ruiz finished second", "Peru came in 11th place", "Ruiz was the runner-up"
        re.compile(
            rf"(?<![\w-])(?P<verb>{verbs})\s+(?:(?:in|at)\s+)?(?:the\s+(?=runner))?(?:joint[- ])?"
            rf"{ords}(?P<noun>\s+(?:{lead}))?{_PLACE_END}",
            re.I,
        ),
        # "in 11th place, Ana Ruiz"; "second place went to Peru"
        re.compile(rf"(?<![\w-])(?:in\s+)?{ords}\s+(?:{lead})(?:,\s*|\s+went\s+to\s+|\s+was\s+)", re.I),
        # "runner-up Ana Ruiz"
        re.compile(r"(?<![\w-])(?P<ord>(?i:runner-up|runners-up))\s+(?=[A-Z])"),
        # "Peru won the televote", "Ruiz won the women's race"
        re.compile(
            rf"(?<![\w-])(?P<ord>won|wins|has\s+won|have\s+won|win)\s+(?:the\s+|this\s+year's\s+)?"
            rf"(?P<obj>(?:[\w'’-]+\s+){{0,3}}?(?:{nouns}))(?![\w-])",
            re.I,
        ),
    )


def _matches(
    text: str, ctx: Context, family: Family
) -> Iterator[tuple[re.Match[str], int | str, Subject | None, str]]:
    """Each place in the text: its match, its value, who holds it, the words naming its category."""
    verb_place, place_first, runner_up, win = _patterns(family, ctx.numbers)
    for m in verb_place.finditer(text):
        value = _value(m.group("ord"), ctx)
        if value is None or (_needs_noun(m.group("verb")) and not m.group("noun")):
            continue
        yield m, value, subject_ending_at(text, clause_of(text, m.start(), m.end())[0], m.start(), ctx), ""
    for pattern in (place_first, runner_up):
        for m in pattern.finditer(text):
            value = _value(m.group("ord"), ctx)
            if value is not None:
                end = clause_of(text, m.start(), m.end())[1]
                yield m, value, subject_starting_at(text, m.end(), end, ctx), ""
    for m in win.finditer(text):
        who = subject_ending_at(text, clause_of(text, m.start(), m.end())[0], m.start(), ctx)
        yield m, 1, who, m.group("obj")


def _needs_noun(verb: str) -> bool:
    """ "took third place", not "took third": these verbs make a place only with its noun."""
    return verb.lower().split()[0] in (
        "took",
        "takes",
        "take",
        "claimed",
        "claims",
        "secured",
        "grabbed",
        "landed",
    )


def _value(token: str, ctx: Context) -> int | str | None:
    token = token.lower()
    if token.startswith("runner"):
        return 2
    if token == "last":
        return "last"
    value = ctx.numbers.read_ordinal(token)
    return value if value and value < 200 else None


KIND = Place()
