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
    edition_names = "|".join(
        re.escape(w.title()) for w in sorted(lex.words("edition_nouns"), key=len, reverse=True)
    )
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
        # "the 21st Conference of the Parties": an edition noun written as a name, capitalised
        (re.compile(rf"\b(?i:the) ({o}) (?:{edition_names})\b"), EDITION),
        (re.compile(rf"\bits ({o}) (?:year|edition|season|time)\b", flags), True),
        (
            re.compile(rf"\b(?:passed|adopted|held|voted|approved)[^.;]{{0,60}}? for ({c}) years\b", flags),
            True,
        ),
    )


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    if not ctx.numbers.has_number(sentence.text):
        return
    yield from _edition_labels(sentence, index, ctx)
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


# "COP24", "Cop 26": the event's own name and the number of its edition
_LABEL = re.compile(r"(?<![\w'-])([A-Z]{2,5}|[A-Z][a-z]{2,})\s?(\d{1,3})(?![\w-])")
# a label said of another edition: the last, the next, one before or after this one
_ANOTHER_EDITION = re.compile(
    r"\b(?:last|next|previous|former|earlier|upcoming|ahead of|since|after|before|following|"
    r"until|host of|hosts? next)\b",
    re.I,
)


def _edition_labels(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    """The edition a report's lead or event sentence names by label ("COP24" in a report whose
    lead names the COP): the series' count. Labels elsewhere in a report name other editions
    as often as its own, and are left out; a label never dates its report."""
    if index not in (0, ctx.event_index):
        return
    words = _event_words(ctx.article.title or "", ctx.sentences[0].text, ctx.lex)
    for m in _LABEL.finditer(sentence.text):
        count = int(m.group(2))
        if m.group(1).lower() not in words or not 2 <= count <= 500:
            continue
        if _most_named(ctx.article.text, m.group(1).lower()) != count:
            continue  # "build on the work done at COP21" in a report about COP26
        a, b = clause_around(sentence.text, m.start(), m.end())
        if _ANOTHER_EDITION.search(sentence.text, a, b):
            continue
        yield Draft(
            family="recurrence",
            slot="ordinal",
            value=count,
            display=m.group(0),
            span=m.span(),
            extra={"consecutive": True, "label": True},
        )


def _most_named(text: str, name: str) -> int | None:
    """The edition a report names most often by label, where one is named most often."""
    counts: dict[int, int] = {}
    for m in _LABEL.finditer(text):
        if m.group(1).lower() == name:
            counts[int(m.group(2))] = counts.get(int(m.group(2)), 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or (len(ranked) > 1 and ranked[0][1] == ranked[1][1]):
        return None
    return ranked[0][0]


@cache
def _event_words(title: str, lead: str, lex: Lexicon) -> frozenset[str]:
    from checker.series import event_names

    return frozenset(w for name in event_names(f"{title} {lead}", lex) for w in name.split())


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
    return _other_streak(text, end, b, ctx, fronted=not text[a:start].strip(" ,\"'“"))


# After a count: "in which"/"that" and a clause say what the years have in common ("the second
# year in which voting came in two parts"); the series itself where that clause is about the
# event ("the 16th year that the resolution has been adopted").
_WHICH = re.compile(r"\s*(in which|during which|that|when)\s+(?:the\s+|its\s+|this\s+)?([\w-]+)", re.I)


def _other_streak(text: str, end: int, clause_end: int, ctx: Context, fronted: bool) -> str:
    """A count of something other than the series' own occurrences, read from what follows it:
    a country that acts ("the fourth year in a row Israel go to the final", "for the second
    year running, Malta failed") or a property of the years ("in which voting came in two
    parts"). "" where the count is the series' own."""
    after = text[end:clause_end]
    which = _WHICH.match(after)
    if which:
        event_words = ctx.lex.word_set("event_nouns") | ctx.lex.word_set("edition_nouns")
        if which.group(2).lower() in event_words:
            return ""
        named = [(s, e) for s, _, e in ctx.lex.find_entities(after[which.start(2) :][:60]) if s == 0]
        if named and named[0][1].kind == "country":
            return f"streak:{named[0][1].name}"  # "the fifth year that Israel reached the final"
        # "that the chamber has passed the plan" is the series; "in which voting came in two
        # parts" names a property of some years, a count of its own
        return "" if named or which.group(1).lower() in ("that", "when") else "years-in-which"
    head = re.match(r"[\s,]*(?:(?:in a row|running|straight|consecutive)\b[\s,]*)?", after)
    if "," in head.group() and not fronted:
        return ""  # "adopted for the 16th year, North Korea said": another clause's subject
    rest = after[head.end() :]
    for start, stop, entity in ctx.lex.find_entities(rest[:60]):
        if start > 0 and rest[:start].strip().lower() not in ("the",):
            break
        follows = rest[stop : stop + 20]
        verb = re.match(r"\s+(?:has |have |had |was |were )?([a-z]+)", follows)
        if entity.kind == "country" and verb and verb.group(1) not in ctx.lex.word_set("speech_verbs"):
            return f"streak:{entity.name}"
        break
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
