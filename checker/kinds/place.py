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
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.base import Draft
from checker.extract.generic import avoided, category_key, clause_of, offsets_of
from checker.extract.subjects import (
    Subject,
    list_after,
    pair_before,
    ranked_holder,
    ranked_match,
    stage_key,
    subject_ending_at,
    subject_right_before,
    subject_starting_at,
)
from checker.kinds import Kind
from checker.lexicon import longest_first
from checker.models import Claim
from checker.text import LazyPattern, gate_words, look
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

    def compatible(self, a: Any, b: Any) -> bool:
        """ "last" is as many places as the field is large, which a report rarely says beside
        it: it agrees with any place but the first ("finished last" and "came 26th")."""
        if a == b:
            return True
        if "last" in (a, b):
            other = b if a == "last" else a
            return isinstance(other, int) and other > 1
        return False

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        if ranked_match(text):
            return True  # a line of a ranked table: "2. Russia – 303 points"
        seen = look(text)
        if not (seen.any_of(_place_words(ctx.lex)) or (seen.digit and _DIGIT_ORDINAL.search(text))):
            return False
        return _gate(ctx.numbers).search(text) is not None

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        text = sentence.text
        if ranked_match(text):
            yield from _ranked_line(index, ctx, family)
            return
        if not _gate(ctx.numbers).search(text):
            return
        seen: set[tuple[int, int]] = set()
        for m, value, who, category_text in _matches(text, index, ctx, family):
            a, b, _ = clause_of(text, m.start(), m.end())
            if who is None or (m.start(), who.start) in seen:
                continue
            first, stop = _scope(text, a, b, who, m)
            if avoided(family, text[first:stop]):
                continue
            seen.add((m.start(), who.start))
            said = m.end("noun") if m.groupdict().get("noun") else m.end("ord")
            start, end = min(who.start, m.start("ord")), max(who.end, said)
            own = _outside(text, first, stop, who, m)
            yield Draft(
                family=family.name,
                slot=f"{family.name}:{who.key}"
                + _category(category_text or own, ctx.lex)
                + stage_key(text[first:stop], ctx.lex),
                value=value,
                display=text[start:end],
                span=(start, end),
                year_offsets=offsets_of(_unowned(text, a, start), start, end, a, b, ctx),
                extra={"subject": who.name, **(_edition(m) or _year_in(own))},
            )


def _ranked_line(index: int, ctx: Context, family: Family) -> Iterator[Draft]:
    """The place of one line of a ranked table: its rank, held by the country its line opens
    with, in a run of lines whose ranks follow one another."""
    lines = ctx.sentences
    m = ranked_match(lines[index].text)
    assert m is not None
    rank = int(m.group("rank"))
    held = ranked_holder(index, ctx)
    if held is None:
        return
    who, start = held
    yield Draft(
        family=family.name,
        slot=f"{family.name}:{who.lower()}",
        value=rank,
        display=lines[index].text[:start].strip(),
        span=(m.start("rank"), start),
        extra={"subject": who},
    )


# ", and the UK finished ...": a new subject and verb joined to what went before; the words
# before it ("at the end of the running order") are about something else
# (", which was enough to push Finland ...": a relative clause has its own subject and scope)
_CONJUNCT = LazyPattern(r"[,;]\s+(?:and|but|while|whereas|as|so|which|who|whose)\s+|;\s+", re.I)


def _scope(text: str, a: int, b: int, who: Subject, m: re.Match[str]) -> tuple[int, int]:
    """The words that say what a place is: from the start of the conjunct that holds its
    subject to the first comma after it ("Sweden won the contest, with the singer bearing out
    what the bookies had predicted" is a result; "Peru was tipped to finish second" is not)."""
    first = min(who.start, m.start())
    starts = [c.end() for c in _CONJUNCT.finditer(text, a, first) if c.end() <= first]
    stop = compile_pattern(r"[,;]").search(text, max(who.end, m.end()), b)
    return (starts[-1] if starts else a), (stop.start() if stop else b)


def _category(text: str, lex: Lexicon) -> str:
    """The category key of a place; a text naming both parts of a vote ("after the viewers'
    voting and the jury voting") speaks of the whole result."""
    from checker.kinds.score import vote_parts

    key = category_key(text, lex)
    if len(vote_parts(text, lex)) > 1:
        key = "".join(f":{k}" for k in key.split(":")[1:] if k not in ("jury", "televote"))
    return key


def _outside(text: str, a: int, b: int, who: Subject, m: re.Match[str]) -> str:
    """The clause without what stands between the subject and its verb: an aside there
    ("Peru, which led after the jury vote, ended third") names no category of the place."""
    if who.end <= m.start():
        return text[a : max(a, who.end)] + " " + text[m.start() : b]
    return text[a:b]


def _edition(m: re.Match[str]) -> dict[str, int]:
    """{"year": Y} where a win names its edition ("won the 2019 edition of the contest"): the
    place is that edition's, whatever year the report is."""
    year = re.search(r"\b(?:19|20)\d\d\b", m.groupdict().get("obj") or "")
    return {"year": int(year.group())} if year else {}


# "Last year's runner-up Chile came fifth": a time said of another noun before the place's
_OWNED_TIME = LazyPattern(
    r"\b(?:last\s+year|the\s+previous\s+year|a\s+year\s+ago|(?:19|20)\d\d)['’]s\s+(?=\S)", re.I
)
_IN_YEAR = LazyPattern(r"\b(?:in|during)\s+((?:19|20)\d\d)\b(?!\s*(?:-|–|to)\s*\d)")


def _unowned(text: str, a: int, start: int) -> str:
    """The text with the possessive times before a place blanked, unless one opens the place's
    own words ("last year's runner-up Chile")."""

    def blank(m: re.Match[str]) -> str:
        return m.group() if a + m.end() == start else " " * len(m.group())

    return text[:a] + _OWNED_TIME.sub(blank, text[a:start]) + text[start:]


def _year_in(words: str) -> dict[str, int]:
    """{"year": Y} where the place's own words name its year ("Italy came third in 2019")."""
    m = _IN_YEAR.search(words)
    return {"year": int(m.group(1))} if m else {}


def _said(value: Any) -> str:
    return ordinal(int(value)) if isinstance(value, int) else str(value)


_DIGIT_ORDINAL = LazyPattern(r"\d(?:st|nd|rd|th)\b", re.I)


@cache
def _place_words(lex: Lexicon) -> frozenset[str]:
    """Words a place is said with: ordinal words ("second", "twenty"), last, runner-up, won,
    top, winner, next, followed."""
    return frozenset(w for o in lex.ordinals for w in o.split("-")) | {
        "last",
        "runner",
        "runners",
        "won",
        "wins",
        "win",
        "top",
        "topped",
        "tops",
        "winner",
        "winners",
        "next",
        "followed",
        "led",
    }


@cache
def _gate(n: Numbers) -> re.Pattern[str]:
    """A cheap first look: a place is an ordinal, "last", "runner-up", a win or a winner,
    "top", or the next place after one ("followed by", "came next")."""
    return compile_pattern(
        rf"(?<![\w-])(?:{n.ordinal}|last|runners?-up|won|wins|win|top|topped|tops|winners?|next|followed|led)"
        r"(?![\w])",
        re.I,
    )


# After an ordinal that is a place: the end of the clause or a word that goes on about the
# place; anything else ("time", "consecutive", "-largest", "to") makes it count something else.
_PLACE_END = (
    r"(?=\s*(?:[,.;:!?)\u2014\u2013]|$)|\s+(?:overall|in|with|behind|after|on|at|ahead|out|"
    r"of\s+(?:the\s+)?\d|and|for|among|while|as|place|position|spot|before|"
    # "top of the scoreboard", "top of the jury vote"
    r"of\s+the\s+(?:[\w'’-]+\s+){0,2}?(?:scoreboard|leaderboard|standings|vote|voting|televote))\b)"
)
# a winner's adjective: "the surprise winner of the jury vote"
_WINNER_ADJ = r"(?:(?:surprise|clear|outright|eventual|overall|deserved|worthy|runaway|convincing)\s+)?"
# what stands between a subject and its place said without a verb ("and France second",
# "Moldova (374 points) third", "Spain, third on 459")
_GAP_BEFORE = LazyPattern(r"(?:^|[,;]|\band|\bwith|\bwhile|\bwhereas|\bthen|\bbut)\s+(?:the\s+)?$", re.I)
_GAP_BETWEEN = compile_pattern(r"\s*(?:\([^()]{1,40}\)\s*)?,?\s*")
_APPOSITION = LazyPattern(r",\s*$")
_SCORED = LazyPattern(r"\s+(?:on|with)\s+\d")
_SCORE_IN = LazyPattern(r"\d[\d,]*\s+(?:points|votes|pts)\b|\b(?:on|with)\s+\d{1,4}\b", re.I)


# each compiled when first used: a sentence of one report tries few of them
@dataclass(frozen=True, slots=True)
class _Patterns:
    verb_place: LazyPattern
    place_first: LazyPattern
    runner_up: LazyPattern
    placed: LazyPattern
    inverted: LazyPattern
    win: LazyPattern
    took: LazyPattern
    winner_of: LazyPattern
    gapped: LazyPattern
    next_verb: LazyPattern
    followed_by: LazyPattern
    respectively: LazyPattern
    pair_first: LazyPattern
    led_part: LazyPattern
    top_list: LazyPattern
    ordinal: LazyPattern
    needs: dict[str, frozenset[str]]  # by pattern: the words one of which it cannot match without


# The words one of which each pattern cannot match without, as a look sees them (each ends a
# word where the pattern matches): a pattern runs only on a sentence holding one, and is
# compiled the first time one does. A pattern not named runs on every sentence.
_NEEDS = {
    "runner_up": frozenset({"runner", "runners"}),
    "placed": frozenset({"placed", "place"}),
    "inverted": frozenset({"was", "were", "came", "went", "is"}),
    "win": frozenset({"won", "wins", "win", "topped", "tops"}),
    "took": frozenset({"took", "takes", "taken"}),
    "winner_of": frozenset({"winner", "winners"}),
    "respectively": frozenset({"respectively"}),
    "pair_first": frozenset({"and"}),
    "led_part": frozenset({"led", "topped"}),
    "top_list": frozenset({"top"}),
    "next_verb": frozenset({"followed", "next"}),
    "followed_by": frozenset({"followed"}),
}


@cache
def _patterns(family: Family, n: Numbers) -> _Patterns:
    needs = {**_NEEDS, "verb_place": gate_words(family.verbs), "place_first": gate_words(family.lead_nouns)}
    return _Patterns(**_said_patterns(family, n), **_order_patterns(family, n), needs=needs)


def _finditer(text: str, p: _Patterns, name: str) -> Iterator[re.Match[str]]:
    """The matches of one of the patterns; none, and nothing compiled, where the sentence holds
    none of its words."""
    needs = p.needs.get(name)
    if needs and not look(text).any_of(needs):
        return iter(())
    return getattr(p, name).finditer(text)


def _said_patterns(family: Family, n: Numbers) -> dict[str, LazyPattern]:
    """Places said with a verb, a place noun, a win or a winner."""
    ords = rf"(?P<ord>{n.ordinal}|last|runner-up|runners-up|top)"
    verbs = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in longest_first(family.verbs))
    lead = "|".join(re.escape(v) for v in longest_first(family.lead_nouns))
    nouns = "|".join(re.escape(v).replace(r"\ ", r"\s+") for v in longest_first(family.nouns))
    obj = rf"(?:the\s+|this\s+year's\s+)?(?P<obj>(?:[\w'’-]+\s+){{0,3}}?(?:{nouns}))(?![\w-])"
    return dict(
        # "Ruiz finished second", "Peru came in 11th place", "Ruiz was the runner-up", "came top"
        verb_place=LazyPattern(
            rf"(?<![\w-])(?P<verb>{verbs})\s+(?:(?:in|at)\s+(?:the\s+)?)?(?:the\s+(?=runner))?(?:joint[- ])?"
            rf"{ords}(?P<noun>\s+(?:{lead}))?{_PLACE_END}",
            re.I,
        ),
        # "in 11th place, Ana Ruiz"; "second place went to Peru"
        place_first=LazyPattern(
            rf"(?<![\w-])(?:in\s+)?{ords}\s+(?:{lead})(?:,\s*|\s+went\s+to\s+|\s+was\s+|\s+to\s+)", re.I
        ),
        # "runner-up Ana Ruiz"
        runner_up=LazyPattern(r"(?<![\w-])(?P<ord>(?i:runner-up|runners-up))\s+(?=[A-Z])"),
        # "second-placed France", "beating second place Bulgaria"
        placed=LazyPattern(
            rf"(?<![\w-])(?P<ord>(?i:{n.ordinal}))(?i:[-\s]placed|\s+place|-place)\s+(?=[A-Z])"
        ),
        # "Third was Italy's trio", "Second came France"
        inverted=LazyPattern(
            rf"(?:^|(?<=[,;:]\s))(?P<ord>(?i:{n.ordinal}|last))\s+(?:was|were|came|went\s+to|is)\s+(?=[A-Z])"
        ),
        # "Peru won the televote", "Ruiz won the women's race", "the UK topped the jury vote"
        win=LazyPattern(
            rf"(?<![\w-])(?P<ord>won|wins|has\s+won|have\s+won|win|topped|tops|has\s+topped)\s+{obj}", re.I
        ),
        # "Sweden took its sixth contest", "has taken this year's title"
        took=LazyPattern(
            rf"(?<![\w-])(?P<ord>took|takes|has\s+taken|have\s+taken)\s+(?=the\s|its\s|their\s|this\s+year's\s)"
            rf"(?:its\s+|their\s+)?{obj}",
            re.I,
        ),
        # "Peru is the winner of the song contest", "was the surprise winner of the jury vote"
        winner_of=LazyPattern(
            rf"(?<![\w-])(?:is|was|were|are|became|has\s+been|had\s+been)\s+"
            rf"(?:(?:declared|crowned|named|announced|confirmed)\s+(?:as\s+)?)?the\s+{_WINNER_ADJ}"
            rf"(?P<ord>winners?)\s+of\s+{obj}",
            re.I,
        ),
    )


def _order_patterns(family: Family, n: Numbers) -> dict[str, LazyPattern]:
    """Places said by a list's order (a verb said once, "next", "followed by", "respectively")
    or by a lead after one part of the vote."""
    lead = "|".join(re.escape(v) for v in longest_first(family.lead_nouns))
    return dict(
        # a place with its verb left out: "and France second", "with Italy in the fourth place"
        gapped=LazyPattern(
            rf"(?<![\w-])(?:in\s+(?:the\s+)?)?(?P<ord>{n.ordinal}|last|next)(?P<noun>\s+(?:{lead}))?{_PLACE_END}",
            re.I,
        ),
        # "Russia followed suit with 491 points", "Belgium came next": the place after the last
        next_verb=LazyPattern(
            r"(?<![\w-])(?P<ord>followed(?:\s+suit)?|(?:came|was|were|finished|ended)\s+next)"
            r"(?=\s+(?:with|on)\s+\d|\s*[,.;]|\s+in\s+(?:the\s+)?(?:[\w-]+\s+)?"
            r"(?:standings|scoreboard|leaderboard|voting|vote|televote|table))",
            re.I,
        ),
        # "push Finland and Israel into second and third place respectively"
        respectively=LazyPattern(
            rf"(?<![\w-])(?P<ord>{n.ordinal})\s+and\s+(?P<second>{n.ordinal})"
            r"(?:\s+(?:place|places|position|positions|spots?))?,?\s+respectively\b",
            re.I,
        ),
        # "Second and third came France's song ..., and Switzerland's ..."
        pair_first=LazyPattern(
            rf"(?:^|(?<=[,;:]\s))(?P<ord>(?i:{n.ordinal}))\s+and\s+(?P<second>(?i:{n.ordinal}))\s+"
            r"(?:came|were|went\s+to)\s+(?=(?:the\s+)?[A-Z])"
        ),
        # "Sam Ryder led the standings after the jury vote": first in that part of the vote
        led_part=LazyPattern(
            r"(?<![\w-])(?P<ord>led|topped)\s+the\s+(?:[\w'’-]+\s+){0,4}?(?:standings|scoreboard|leaderboard)\s+"
            r"(?P<obj>after\s+the\s+(?:[\w'’-]+\s+){0,2}?"
            r"(?:jury|juries|televote|public\s+vote|viewers')[\w'’ -]{0,20})",
            re.I,
        ),
        # "the top three were Peru, Chile and Norway", "The top three: ..."
        top_list=LazyPattern(
            r"(?<![\w-])(?P<ord>top)\s+(?P<count>two|three|four|five|[2-5])\s*(?::|\s+were|,?\s+in\s+order,?)\s+",
            re.I,
        ),
        ordinal=LazyPattern(rf"(?P<ord>{n.ordinal})", re.I),
        # "Switzerland was first, followed by France and Malta"
        followed_by=LazyPattern(
            r"(?<![\w-])(?P<ord>followed\s+(?:closely\s+)?by)\s+(?=(?:the\s+)?[A-Z])", re.I
        ),
    )


Found = tuple[re.Match[str], int | str, Subject | None, str]
_NEXT = "next"  # a place one after the place named before it


def _matches(text: str, index: int, ctx: Context, family: Family) -> list[Found]:
    """Each place in the text, in order: its match, its value, who holds it, the words naming
    its category."""
    p = _patterns(family, ctx.numbers)
    found = sorted(_explicit(text, ctx, p), key=lambda f: f[0].start())
    found = _elided(text, found, ctx)
    found = [(m, v, who or _pronoun(text, m.start(), index, ctx), c) for m, v, who, c in found]
    if any(who is not None for _, _, who, _ in found) or _SCORE_IN.search(text):
        found = sorted(
            found + list(_gapped(text, ctx, p, {f[0].start("ord") for f in found})),
            key=lambda f: f[0].start(),
        )
    found = sorted(found + list(_followed(text, ctx, p)), key=lambda f: f[0].start())
    return _resolve_next(found, _last_place(index, ctx, family))


def _explicit(text: str, ctx: Context, p: _Patterns) -> Iterator[Found]:
    """Places said with a verb, a place noun or a win."""
    for m in _finditer(text, p, "verb_place"):
        value = _value(m.group("ord"), ctx)
        if value is None or (_needs_noun(m.group("verb")) and not m.group("noun")):
            continue
        if look(text).any_of(p.needs["respectively"]) and p.respectively.match(text, m.start("ord")):
            continue  # "Chile and Peru finished second and third respectively": read as a pair
        yield m, value, subject_ending_at(text, clause_of(text, m.start(), m.end())[0], m.start(), ctx), ""
    for name in ("place_first", "runner_up", "placed", "inverted"):
        for m in _finditer(text, p, name):
            value = _value(m.group("ord"), ctx)
            if value is not None:
                end = clause_of(text, m.start(), m.end())[1]
                yield m, value, subject_starting_at(text, m.end(), end, ctx), ""
    for name in ("win", "took", "winner_of"):
        for m in _finditer(text, p, name):
            who = subject_ending_at(text, clause_of(text, m.start(), m.end())[0], m.start(), ctx)
            yield m, 1, who, m.group("obj")
    yield from _respectively(text, ctx, p)
    yield from _pair_first(text, ctx, p)
    for m in _finditer(text, p, "led_part"):
        who = subject_ending_at(text, clause_of(text, m.start(), m.end())[0], m.start(), ctx)
        yield m, 1, who, m.group("obj")
    yield from _top_list(text, ctx, p)
    for m in _finditer(text, p, "next_verb"):
        yield m, _NEXT, subject_ending_at(text, clause_of(text, m.start(), m.end())[0], m.start(), ctx), ""


def _respectively(text: str, ctx: Context, p: _Patterns) -> Iterator[Found]:
    """ "Finland and Israel ... second and third place respectively": each its place."""
    for m in _finditer(text, p, "respectively"):
        pair = pair_before(text, clause_of(text, m.start(), m.end())[0], m.start(), ctx)
        second = p.ordinal.match(text, m.start("second"))
        first_value, second_value = _value(m.group("ord"), ctx), _value(m.group("second"), ctx)
        if pair is None or second is None or first_value is None or second_value is None:
            continue
        yield m, first_value, pair[0], ""
        yield second, second_value, pair[1], ""


def _pair_first(text: str, ctx: Context, p: _Patterns) -> Iterator[Found]:
    """ "Second and third came France's song, with 499 points, and Switzerland's, with 432"."""
    for m in _finditer(text, p, "pair_first"):
        first_value, second_value = _value(m.group("ord"), ctx), _value(m.group("second"), ctx)
        first = subject_starting_at(text, m.end(), len(text), ctx)
        if first is None or first_value is None or second_value is None:
            continue
        then = compile_pattern(r",\s+and\s+(?=(?:the\s+)?[A-Z])").search(text, first.end)
        second = subject_starting_at(text, then.end(), len(text), ctx) if then else None
        if second is None:
            continue
        yield m, first_value, first, ""
        yield p.ordinal.match(text, m.start("second")) or m, second_value, second, ""


_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5}


def _top_list(text: str, ctx: Context, p: _Patterns) -> Iterator[Found]:
    """ "The top three were Peru, Chile and Norway": places 1 to 3 in the list's order, when
    the list is as long as its count."""
    for m in _finditer(text, p, "top_list"):
        count = _COUNTS.get(m.group("count").lower()) or int(m.group("count"))
        listed = list_after(text, m.end(), clause_of(text, m.start(), m.end())[1], ctx)
        if len(listed) == count:
            yield from ((m, rank, who, "") for rank, who in enumerate(listed, 1))


# "it finished fourth": a pronoun for an entry, right before the verb of its place
_PRONOUN = LazyPattern(
    r"(?:^|[;,]\s*|\band\s+)(?P<it>it|they)\s+(?:(?:had|has|then|eventually|finally)\s+)?$", re.I
)


def _pronoun(text: str, pos: int, index: int, ctx: Context) -> Subject | None:
    """The country "it" or "they" stands for: the one country named before it in its sentence
    and the sentence before, when there is exactly one."""
    said = _PRONOUN.search(text, 0, pos)
    if said is None:
        return None
    before = (ctx.sentences[index - 1].text + " " if index > 0 else "") + text[: said.start()]
    named = {e.name for _, _, e in ctx.lex.find_entities(before) if e.kind == "country"}
    if len(named) != 1:
        return None
    name = next(iter(named))
    return Subject(name.lower(), name, said.start("it"), said.end("it"))


# "..., and came third overall": a verb whose subject is the one of the verb before it
_ELIDED = LazyPattern(
    r"(?:,\s*|\s+)(?:and|but)\s+(?:then\s+|later\s+|eventually\s+|also\s+|finally\s+)?$", re.I
)


def _elided(text: str, found: list[Found], ctx: Context) -> list[Found]:
    """A place whose subject is left out after "and" or "but" holds the subject of the place
    before, else the subject the sentence opens with ("Ukraine had been the favourite, but
    were in eighth place")."""
    out: list[Found] = []
    for m, value, who, category in found:
        if who is None and _ELIDED.search(text, 0, m.start()):
            if out and out[-1][2] is not None:
                last = out[-1]
                if last[0].end() <= m.start() and not re.search(r"[.;:]", text[last[0].end() : m.start()]):
                    who = last[2]
            else:
                who = _opening(text, m.start(), ctx)
        out.append((m, value, who, category))
    return out


# a sentence that opens with its subject and its verb: "Ukraine had been ...", "The UK's
# Sam Ryder gave ..."
_OPENING_VERB = LazyPattern(
    r"\s+(?:[a-z]+ly\s+)?(?:had|has|have|was|were|is|are|[a-z]+ed|gave|took|won|beat)\b"
)


def _opening(text: str, pos: int, ctx: Context) -> Subject | None:
    """The subject a sentence opens with, where it is right before the sentence's first verb."""
    verb = _OPENING_VERB.search(text, 0, pos)
    if verb is None:
        return None
    who = subject_right_before(text, 0, verb.start(), ctx, _NOTHING)
    if who is None or not _OPENER.fullmatch(text, 0, who.start):
        return None
    return who


# what may open a sentence before its subject: "The", an owner ("Finland's", "The UK's singer")
_OPENER = LazyPattern(
    r"\s*(?:(?i:the)\s+)?(?:[A-Z][\w.-]*\s+and\s+)?"
    r"(?:[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,2})?"
)


_NOTHING = compile_pattern(
    r"(?:['’]s\s+(?:[A-Z][\w'’\u00c0-\u024f-]*\s*){1,3})?(?:,\s*[a-z][a-z ]{1,30},)?\s*"
)


def _gapped(text: str, ctx: Context, p: _Patterns, taken: set[int]) -> Iterator[Found]:
    """Places in a list whose verb is said once: "Switzerland came top and France second",
    "Bulgaria (615 points) took second place and Moldova (374 points) third", and the
    apposition "ahead of Spain, third on 459"."""
    for m in p.gapped.finditer(text):
        if m.start("ord") in taken:
            continue
        a = clause_of(text, m.start(), m.end())[0]
        who = subject_right_before(text, a, m.start(), ctx, _GAP_BETWEEN)
        if who is None:
            continue
        listed = _GAP_BEFORE.search(text, 0, who.start) is not None or who.start == 0
        apposed = _APPOSITION.search(text, who.end, m.start()) and _SCORED.match(text, m.end())
        value = _NEXT if m.group("ord").lower() == "next" else _value(m.group("ord"), ctx)
        if value is not None and (listed or apposed):
            yield m, value, who, ""


def _followed(text: str, ctx: Context, p: _Patterns) -> Iterator[Found]:
    """ "Switzerland was first, followed by France and Malta": the places after the last, in
    the order the list names them; not what one of them did ("followed by Chile's protest")."""
    for m in _finditer(text, p, "followed_by"):
        listed = list_after(text, m.end(), clause_of(text, m.start(), m.end())[1], ctx)
        if any(_OWNS.match(text, who.end) for who in listed):
            continue
        yield from ((m, _NEXT, who, "") for who in listed)


_OWNS = LazyPattern(r"['’]s?\s+[a-z]")


def _resolve_next(found: list[Found], before: int | None) -> list[Found]:
    """Each "next" place made a number: one after the place named before it (in its
    category: "won the televote, and Chile came next"), in this sentence or, for its first,
    the sentence before; none when no place comes before."""
    out: list[Found] = []
    last, last_category = before, ""
    for m, value, who, category in found:
        if value == _NEXT:
            if last is None:
                continue
            value, category = last + 1, category or last_category
        if isinstance(value, int) and who is not None:
            last, last_category = value, category
        out.append((m, value, who, category))
    return out


def _last_place(index: int, ctx: Context, family: Family) -> int | None:
    """The last numeric place the sentence before names (one with its subject)."""
    if index <= 0:
        return None
    text = ctx.sentences[index - 1].text
    if not _gate(ctx.numbers).search(text):
        return None
    found = sorted(_explicit(text, ctx, _patterns(family, ctx.numbers)), key=lambda f: f[0].start())
    places = [v for _, v, who, _ in found if isinstance(v, int) and who is not None]
    return places[-1] if places else None


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
        "pulled",
        "pulls",
    )


def _value(token: str, ctx: Context) -> int | str | None:
    token = token.lower()
    if token.startswith("runner"):
        return 2
    if token == "last":
        return "last"
    if token == "top":
        return 1
    value = ctx.numbers.read_ordinal(token)
    return value if value and value < 200 else None


KIND = Place()
