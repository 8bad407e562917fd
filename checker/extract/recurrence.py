"""Recurrence: "for the 16th consecutive year", "for 16 consecutive years", "the 7th time"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checker.extract.base import Context, Draft, clause_around, subjects_before
from checker.lexicon import Lexicon, phrases_re
from checker.text import Numbers, Sentence

_STREAK = r"(?:consecutive|straight|successive|running)"
EDITION = "edition"


@cache
def _patterns(n: Numbers, lex: Lexicon) -> tuple[tuple[re.Pattern[str], bool], ...]:
    """(pattern, kind) pairs; group 1 is the number. A streak (True) counts consecutive years;
    an EDITION ("the 45th Berlin Marathon") counts the event itself, whoever won it."""
    o, c = n.ordinal, n.cardinal
    edition = "|".join(re.escape(w) for w in sorted(lex.words("edition_nouns"), key=len, reverse=True))
    flags = re.IGNORECASE
    return (
        (
            re.compile(
                rf"\b(?:for|marks?|marked|marking|is|was) (?:the |a |an )?({o}) "
                rf"(?:{_STREAK} )?years?(?: in a row)?\b",
                flags,
            ),
            True,
        ),
        (
            re.compile(
                rf"\b(?:for|marks?|marked|marking|is|was) (?:the |a |an )?({o}) "
                rf"{_STREAK} times?\b",
                flags,
            ),
            True,
        ),
        (re.compile(rf"\bthe ({o}) (?:{_STREAK} )?year(?: in a row)?\b", flags), True),
        (re.compile(rf"\bfor ({c}) (?:{_STREAK} )years\b", flags), True),
        (re.compile(rf"\bfor ({c}) years in a row\b", flags), True),
        (re.compile(rf"\bthe ({o}) of its kind\b", flags), True),
        (re.compile(rf"\bthe ({o}) such\b(?: [\w.]+){{0,2}} (?:vote|resolution|edition)", flags), True),
        (re.compile(rf"\bthe ({o})(?: [A-Z][\w.]*){{0,2}} (?:no |yes )?(?:vote|edition)\b", flags), True),
        (re.compile(rf"\b(?:for )?the ({o}) times?\b", flags), False),
        (
            re.compile(
                rf"\b(?i:the) ({o})(?: (?:annual|edition of the|[A-Z][\w.'-]*)){{1,4}}? "
                rf"(?i:{edition})\b"
            ),
            EDITION,
        ),
        (re.compile(rf"\bits ({o}) (?:year|edition|season|time)\b", flags), True),
        (
            re.compile(rf"\b(?:passed|adopted|held|voted|approved)[^.;]{{0,60}}? for ({c}) years\b", flags),
            True,
        ),
    )


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    if not ctx.numbers.has_number(sentence.text):
        return
    taken: list[tuple[int, int]] = []
    for pattern, streak in _patterns(ctx.numbers, ctx.lex):
        for m in pattern.finditer(sentence.text):
            if any(a < m.end(1) and m.start(1) < b for a, b in taken):
                continue
            count = ctx.numbers.read_count(m.group(1))
            if not count or count < 2 or count > 500:
                continue  # "the first time since ..." starts nothing to count
            taken.append(m.span(1))
            counted = (
                "" if streak == EDITION else _counted(sentence.text, m.start(), m.end(), ctx, own_piece=True)
            )
            consecutive = bool(streak) or not counted
            yield Draft(
                family="recurrence",
                slot="ordinal",
                value=count,
                display=m.group(0).strip(),
                span=m.span(),
                counted=counted if consecutive else f"{counted} (total)",
                year_offsets=_when(sentence.text, m.start(), m.end(), ctx),
                extra={"consecutive": consecutive},
            )


def _when(text: str, start: int, end: int, ctx: Context) -> tuple[int, ...]:
    """ "Last year the resolution was adopted for the 15th consecutive year" speaks for last year."""
    a, b = clause_around(text, start, end)
    clause = text[a:b]
    if re.search(
        r"\b(?:last year|a year (?:ago|earlier)|the (?:previous|year before))\b", clause, re.I
    ) and not re.search(r"\bsince last year\b", clause, re.I):
        return (-1,)
    return (0,)


def _counted(text: str, start: int, end: int, ctx: Context, own_piece: bool = False) -> str:
    """Name what a count counts: "" for the series itself, else the sub-series marker."""
    a, b = clause_around(text, start, end)
    clause = text[a:b]
    markers = ctx.lex.vocab.get("subseries_markers") or {}
    piece = _comma_piece(text, start, end)
    for name in sorted(markers):
        found = phrases_re(markers[name]).search(clause)
        if not found:
            continue
        if own_piece and name == "consensus" and not phrases_re(markers[name]).search(piece):
            continue  # "adopted without a vote, the 16th consecutive year": a count of the series
        if name == "no-vote":  # a country's own no votes; "the Assembly voted against" is not
            actors = subjects_before(ctx, clause, 0, found.start(), ("country",))
            if not actors:
                continue
            return f"{name}:{actors[-1]}"
        actor = _actor(clause, ctx)
        return f"{name}:{actor}" if actor and name != "consensus" else name
    return ""


def _comma_piece(text: str, start: int, end: int) -> str:
    a = text.rfind(",", 0, start) + 1
    b = text.find(",", end)
    return text[a : b if b != -1 else len(text)]


_PERSON = re.compile(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\b")


def _actor(clause: str, ctx: Context) -> str:
    """Whose streak it is: the first country, else the first person-like name."""
    found = [e.name for _, _, e in ctx.lex.find_entities(clause) if e.kind == "country"]
    if found:
        return found[0]
    stop = ctx.lex.word_set("not_name_words")
    for m in _PERSON.finditer(ctx.lex.entity_re.sub(" ", clause)):
        if not any(part in stop for part in re.split(r"[ -]", m.group())):
            return m.group()
    return ""
