"""Where an occurrence is held, read after the event's own phrase: "the summit in Bonn,
Germany", "COP29 in Baku", "the contest, staged at the Harbour Arena in Lakeside", "talks in
the Egyptian resort of Sharm el-Sheikh".

The event's phrase ends in one of a host family's ``nouns`` ("summit", "final") or in an
edition label ("COP29", "Eurovision 2023"); the place is the capitalised name after "in" or
"at" (after a venue, the city the venue stands in), with the country after a comma. A city
is a `place`, a country a `country`, a part of a country the entity list does not know as one
a `region` (places.yaml): holders of different actors never disagree, so "Bonn" agrees with
"Germany". Read only in a report whose title or lead names such an event, and never where
the phrase is another occurrence's or a meeting beside it ("last year's contest in Turin",
"preparatory talks in Bonn", "COP28 in Dubai" in a report of COP29, "was meant to take place
in Glasgow").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from checker.cache import compile_pattern
from checker.extract.base import Draft, clause_around, sentence_frame
from checker.lexicon import Lexicon, phrase_alternation, phrases_re
from checker.wording import name_key

if TYPE_CHECKING:
    from checker.extract.base import Context
    from checker.families import Family

Holder = tuple[str, str]  # (actor, key)

LEAD_SENTENCES = 5  # the opening that must name a hosted event: a title and five sentences
OPENING_SENTENCES = 2  # where a label named once is the report's own

_TOKEN = (
    r"(?:(?:St|Ste|Mt|Ft)\.|[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019&-]*"
    r"|(?:al|el)-[A-Z][\w\u00c0-\u024f'\u2019-]*)"
)
# an edition's label: a name and its number written on ("COP29") or a name and its year
# ("Eurovision 2023"), as checker/series.py reads them
_LABEL = r"(?:[A-Z]{2,5}|[A-Z][a-z]{2,})\d{1,3}(?![\w-])|[A-Z][A-Za-z]{2,}\s+(?:19|20)\d\d(?![\w-])"
_LABELS = compile_pattern(_LABEL)
_NUMBERED = compile_pattern(r"(?<![\w'-])((?:[A-Z]{2,5}|[A-Z][a-z]{2,})\d{1,3})(?![\w-])")
_GROUP_CODE = compile_pattern(r"(?<![\w-])[A-Z]\d{1,2}(?![\w-])")
_A_YEAR = compile_pattern(r"(?<![\w$€£.,/-])((?:19|20)\d\d)(?![\w/-])")
# the words of an event's phrase before its noun: a determiner and a few words, no clause break
_PHRASE = compile_pattern(
    r"(?:^|(?<=[\s(\"\u201c]))(?P<det>the|this|its|an?|[\w\u2019'-]+['\u2019]s)\s+(?P<mods>(?:[^\s,;:]+\s+){0,6})$",
    re.I,
)
# what may follow a place's country: its phrase ends ("in Malmo, Sweden, on Saturday", "in Bonn,
# Germany with"), where a demonym goes on to its noun ("in Liverpool, the Swedish singer")
_BOUNDARY = compile_pattern(
    r"\s*(?:$|[,.;:!?)(\u2013\u2014-]|(?:on|in|at|and|with|for|this|last|from|during|where|which|"
    r"when|after|before|to|until|between|over|as|early|late|earlier|later)\b)"
)
_NEAR = compile_pattern(
    r",?\s+(?:(?:about|some|just|around|roughly)\s+)?(?:[\d,.]+\s+(?:miles|km|kilometres|kilometers)\s+)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|near|outside|"
    r"on\s+the\s+outskirts\s+of|just\s+outside)\s+"
)
_BARE_MODS = compile_pattern(r"(?:[^\s,;:()]+\s+){0,4}$")
_AUXILIARY = (
    r"(?:is|was|were|are|has\s+been|had\s+been|have\s+been|has|had|have|will\s+be|would\s+be|could|"
    r"can|will|would|to|being|be)"
)
# a meeting that was to be held somewhere but was not, or a bid for one
UNREAL = compile_pattern(
    r"\b(?:meant|supposed|due|scheduled|originally|planned|planning|plans?|bid|bids|offered|offer|"
    r"would\s+have|candidate|candidacy|vying|hoping|hopes|wants?|proposed|set\s+to|was\s+to|were\s+to)\b",
    re.I,
)


def place_drafts(text: str, ctx: Context, family: Family, taken: list[tuple[int, int]]) -> Iterator[Draft]:
    """The places of the occurrence a sentence names after the event's own phrase."""
    if not family.nouns or not _hosted_event(ctx, family):
        return
    for m in event_phrase_re(family, ctx.lex).finditer(text):
        draft = _draft(text, m, ctx, family)
        if draft is not None and not any(a < draft.span[1] and draft.span[0] < b for a, b in taken):
            taken.append(draft.span)
            yield draft


def result_place_drafts(
    text: str, ctx: Context, family: Family, taken: list[tuple[int, int]]
) -> Iterator[Draft]:
    """The place a sentence tells its event's result or meeting in, without the event's phrase
    before it: an opening place before a verb of winning ("In Kyiv, on Saturday, Ana Ruiz was
    crowned winner", "On Saturday night in Lakeside Peru won the contest"), a place right after
    one ("finishing runner-up in Turin"), or where a meeting was held, named before the event's
    phrase ("delegates met for two weeks in Velden, at the 24th conference"). Not a place
    somebody watched or celebrated from ("In Lima, fans watched as Peru won")."""
    if not family.nouns or not _hosted_event(ctx, family):
        return
    frame, framed = sentence_frame(text, ctx.numbers)
    if frame not in (None, (0,)) or framed.get("year"):
        return
    opening, after_result, before_event, venue = _result_place_res(family, ctx.lex)
    readings = ((opening, _WINS_LATER), (after_result, None), (before_event, _EVENT_AFTER), (venue, _VENUE))
    for pattern, follows in readings:
        for m in pattern.finditer(text):
            draft = _result_place(text, m, ctx, family, follows)
            if draft is not None and not any(a < draft.span[1] and draft.span[0] < b for a, b in taken):
                taken.append(draft.span)
                yield draft
    for draft in _labelled_places(text, ctx, family):
        if not any(a < draft.span[1] and draft.span[0] < b for a, b in taken):
            taken.append(draft.span)
            yield draft


def _labelled_places(text: str, ctx: Context, family: Family) -> Iterator[Draft]:
    """The place the report's own edition label runs on into before the event's noun: "the COP
    24 Katowice climate conference", "the COP41 Velden Summit" (another edition's label names
    another place)."""
    own = _own_label(ctx)
    if own is None:
        return
    for m in _labelled_re(family).finditer(text):
        name = m.group("place")
        if "".join(m.group("label").split()).lower() != own or _kind(name, ctx) != "place":
            continue
        if re.search(rf"\b{re.escape(name.lower())}\b", ctx.article.text):
            continue  # "the COP24 Climate Change Conference": a word the report also writes lower-case
        if UNREAL.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        yield Draft(
            family=family.name,
            slot=family.name,
            value=(_holder(name, "place", ctx),),
            display=name,
            span=m.span("place"),
        )


@cache
def _labelled_re(family: Family) -> re.Pattern[str]:
    nouns = phrase_alternation(family.nouns)
    return compile_pattern(
        rf"(?<![\w-])(?P<label>(?:[A-Z]{{2,5}}|[A-Z][a-z]{{2,}})\s?\d{{1,3}})\s+(?P<place>{_TOKEN})\s+"
        rf"(?:[\w-]+\s+){{0,2}}?(?i:{nouns})(?![\w-])"
    )


_RELATIVE = compile_pattern(
    r"\b(?:where|which|who|whom|whose|when|that|after|before|because|while|as)\b", re.I
)
_WINS_LATER = "wins later"
_EVENT_AFTER = "event after"
_VENUE = "venue"


def _result_place(
    text: str, m: re.Match[str], ctx: Context, family: Family, follows: str | None
) -> Draft | None:
    place = _place(text, m.end(), ctx)
    if place is None:
        return None
    holders, display, span = place
    rest = text[span[1] :]
    if _told_of_another(rest, ctx.lex) or UNREAL.search(text[max(0, m.start() - 40) : m.end()]):
        return None
    if follows is _WINS_LATER and not _opening_place_of_win(text[: span[1]], rest, ctx.lex):
        return None
    if follows in (None, _VENUE) and _SUBORDINATE_BEFORE.search(text[max(0, m.start() - 30) : m.start()]):
        return None  # "Ruiz, who finished second in Arden, ...", "after it won in Arden"
    if follows is None and _ANOTHER_YEAR_BEFORE.search(text[max(0, m.start() - 60) : m.start()]):
        return None  # "because last year's winner, Jorin Vask, won in Tallmere"
    if follows is _VENUE and ctx.lex.phrase_re("place_remote_words").search(text):
        return None  # "fans gathered at the Harbour Arena in Lakeside to watch"
    if follows is _EVENT_AFTER:
        event = _event_after_re(family, ctx.lex).match(rest)
        if event is None or _told_of_another(rest[event.start() :], ctx.lex, 8):
            return None  # "met in Geneva, at the summit's side event"
    return Draft(
        family=family.name, slot=family.name, value=tuple(sorted(set(holders))), display=display, span=span
    )


def _told_of_another(rest: str, lex: Lexicon, words: int = 6) -> bool:
    """Whether the words after a place tell of another occurrence or meeting: "in Turin last
    year", "in Turin in 2022", "two weeks ago", "at the national final", "the mid-year session"."""
    after = " ".join(rest[:80].split()[:words])
    other = lex.phrase_re("place_other_event")
    return bool(
        other.search(after)
        or other.search(after.replace("-", " "))
        or _tail_year(rest[:40])
        or _AGO.search(after)
    )


def _opening_place_of_win(before: str, rest: str, lex: Lexicon) -> bool:
    """Whether a sentence's opening place is where its result was won: the place ends its
    phrase ("In Kyiv, ...", "in Tel Aviv the ..."; not "in Tel Aviv Lena Holm won", a name run
    on), a verb of winning follows within a few words, and nothing between makes the win told
    by someone there, watched from there or another result ("In Lima, thousands poured out
    after Peru won", "In Kyiv, the president said the band won")."""
    won = lex.phrase_re("place_result_verbs").search(rest)
    if won is None or not _PHRASE_ENDS.match(rest):
        return False
    between = rest[: won.start()]
    if len(between.split()) > OPENING_WIN_WORDS or _RELATIVE.search(between):
        return False
    return not (
        lex.phrase_re("place_remote_words").search(before + between)
        or lex.phrase_re("speech_verbs").search(between)
    )


OPENING_WIN_WORDS = 12  # words between an opening place and the verb of winning
_PHRASE_ENDS = compile_pattern(r"\s*(?:[,(]|(?:on|at|the|late|early)\b)")
_AGO = compile_pattern(r"\bago\b", re.I)
_ANOTHER_YEAR_BEFORE = compile_pattern(
    r"\b(?:last|previous|next)\s+year(?:['\u2019]s)?\b|\ba\s+year\s+(?:earlier|ago|before)\b|\bin\s+(?:19|20)\d\d\b",
    re.I,
)
_SUBORDINATE_BEFORE = compile_pattern(
    r"\b(?:who|which|that|where|when|after|before|since|until|whom|whose)\s+(?:[\w'-]+\s+){0,2}$", re.I
)


@cache
def _result_place_res(
    family: Family, lex: Lexicon
) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(an opening "In" or "On <day> in", a verb of a result then "in", a verb of meeting then
    "in", "in" or "at" before a named venue: "the audience in the Globe Arena, Lakeside", as a
    venue named with its city is where the report's event is held)."""
    results = phrase_alternation(lex.words("place_result_verbs"))
    meets = phrase_alternation(lex.words("place_verbs"))
    venues = phrase_alternation(lex.words("place_venue_words"))
    opening = compile_pattern(
        r"^(?:On\s+[A-Z][a-z]+(?:\s+(?:night|evening|morning|afternoon))?,?\s+in|In)\s+"
    )
    after_result = compile_pattern(rf"(?<![\w-])(?i:{results})\s+in\s+")
    before_event = compile_pattern(
        rf"(?<![\w-])(?i:{meets})(?:\s+(?:for|over)(?:\s+[\w-]+){{1,3}}?)?\s+in\s+"
    )
    venue = compile_pattern(rf"(?<![\w-])(?:in|at)\s+(?=(?:the\s+)?(?:{_TOKEN}\s+){{0,3}}(?:{venues})\b)")
    return opening, after_result, before_event, venue


@cache
def _event_after_re(family: Family, lex: Lexicon) -> re.Pattern[str]:
    """The event's phrase right after a place: ", at the 24th conference", ", for the summit"."""
    nouns = phrase_alternation(family.nouns)
    return compile_pattern(rf",?\s+(?:at|for)\s+(?:the|its)\s+(?:[\w'-]+\s+){{0,5}}?(?i:{nouns})(?![\w-])")


def _hosted_event(ctx: Context, family: Family) -> bool:
    """Whether the report's title or lead names an event a place hosts (a noun of the family or
    an edition label): a report of a vote or a budget names none, and no place is read there."""
    lead = (ctx.article.title or "",) + tuple(s.text for s in ctx.sentences[:LEAD_SENTENCES])
    return _names_event(lead, family, ctx.lex)


@lru_cache(maxsize=256)
def _names_event(lead: tuple[str, ...], family: Family, lex: Lexicon) -> bool:
    """Whether the lead names a hosted event, and none held in many places at once (an
    election's "race" is won district by district)."""
    words = phrases_re(family.nouns)
    spread = lex.phrase_re("place_spread_events")
    return not any(spread.search(part) for part in lead) and any(
        words.search(part) or _LABELS.search(part) for part in lead
    )


@cache
def event_phrase_re(family: Family, lex: Lexicon) -> re.Pattern[str]:
    """An event's noun or label, the verb that may join it to its place, and "in" or "at"."""
    nouns = phrase_alternation((*family.nouns, *lex.words("place_result_nouns")))
    verbs = phrase_alternation(lex.words("place_verbs"))
    head = rf"(?P<head>(?<![\w-])(?i:{nouns})(?![\w-])|(?<![\w'-])(?P<label>{_LABEL}))"
    paren = r"(?:\)|\s*\([^()]{1,40}\))?"
    # what the event is about ("talks on climate opened in Bonn") and when ("on Wednesday, in")
    about = r"(?:\s+(?:on|over|about)\s+[a-z]+(?:\s+[a-z]+)?(?=\s+(?:{verbs})\b))?".replace("{verbs}", verbs)
    when = r"(?:,?\s+on\s+[A-Z]\w+(?:\s+(?:night|evening|morning|afternoon))?)?"
    joined = (
        rf"{about}{when}(?:,?\s+(?:which\s+|that\s+)?(?:{_AUXILIARY}\s+)?(?:now\s+|finally\s+|officially\s+)?"
        rf"(?P<verb>{verbs})(?:\s+(?!in\b|at\b)[\w'\u2019.-]+){{0,3}}?)?"
    )
    return compile_pattern(rf"{head}{paren}(?P<joined>{joined}),?\s+(?P<prep>in|at)\s+")


def _draft(text: str, m: re.Match[str], ctx: Context, family: Family) -> Draft | None:
    """The claim of one event phrase and the place after it, unless about another occurrence."""
    a, b = clause_around(text, m.start(), m.end())
    year = _phrase_year(text[a : m.start("head")], m, ctx)
    if (
        year == -1
        or UNREAL.search(m.group("joined"))
        or UNREAL.search(text[max(a, m.start() - 40) : m.start()])
    ):
        return None
    frame, framed = sentence_frame(text, ctx.numbers)
    if frame not in (None, (0,)):
        return None  # "Last year, the contest in Turin ..."
    place = _place(text, m.end(), ctx, m.group("prep") == "at")
    if place is None:
        return None
    holders, display, span = place
    tail = text[span[1] : b][:40]
    if ctx.lex.phrase_re("place_other_event").search(" ".join(tail.split()[:3])):
        return None  # "in Glasgow last November", "in Bonn next year"
    year = year or framed.get("year") or _tail_year(tail)
    return Draft(
        family=family.name,
        slot=family.name,
        value=tuple(sorted(set(holders))),
        display=display,
        span=span,
        extra={"year": year} if year else {},
    )


def _phrase_year(before: str, m: re.Match[str], ctx: Context) -> int | None:
    """The year the event's phrase names ("the 2023 final"), None when none, -1 when the phrase
    is not this occurrence's: an indefinite one ("a show in Lisbon"), another's ("last year's
    contest", "preparatory talks"), another edition's label ("COP28" in a report of COP29)."""
    phrase = _PHRASE.search(before)
    if _result_noun(m.group("head"), ctx.lex) and (phrase is None or phrase.group("det").lower() not in _OWN):
        return -1  # "Ruiz's win in Arden", "Ruiz win in Arden" may be another race's
    if phrase is None:
        bare = _BARE_MODS.search(before).group()
        if not (m.group("label") or m.group("head").lower().endswith("s") or re.search(r"[A-Z]|\d{4}", bare)):
            return -1  # a bare noun: "Sweden won final in ..." is no phrase of an event ("2024 final" is)
        words = bare
    elif phrase.group("det").lower() in ("a", "an"):
        return -1
    else:
        words = phrase.group()
        if phrase.group("det").lower().endswith(("'s", "\u2019s")):
            words = before[max(0, phrase.start() - 12) : phrase.end()]  # "last year's", "this year's"
    if ctx.lex.phrase_re("place_other_event").search(words.replace("-", " ")):
        return -1
    named = words + " " + m.group("head")
    if any(label.lower() != _own_label(ctx) for label in _NUMBERED.findall(named)):
        return -1
    if _foreign(words):
        return -1
    years = {int(y) for y in _A_YEAR.findall(named)}
    return -1 if len(years) > 1 else (years.pop() if years else None)


_OWN = ("the", "this", "its")  # the determiners of the report's own result


def _result_noun(head: str, lex: Lexicon) -> bool:
    return head.lower() in lex.word_set("place_result_nouns")


def _foreign(words: str) -> bool:
    """Whether the phrase names a group's meeting by its code ("the G20 meeting", "the C40
    summit"): another event than the report's, whose labels have two letters or more."""
    return _GROUP_CODE.search(words) is not None


def _own_label(ctx: Context) -> str | None:
    """The label of the report's own edition: the numbered label it names most ("COP29"), the
    first so named on a tie, if its title or opening names it or it is named twice; else none
    (a label named once in passing, "after the failure of COP15", is no report's own)."""
    lead = " ".join(s.text for s in ctx.sentences[:OPENING_SENTENCES])
    return _most_named(ctx.article.title or "", lead, ctx.article.text[ctx.article.body_start :])


@lru_cache(maxsize=64)
def _most_named(title: str, lead: str, text: str) -> str | None:
    found = Counter(label.lower() for label in _NUMBERED.findall(title + "\n" + text))
    if not found:
        return None
    top = max(found.values())
    label = next(label for label in found if found[label] == top)
    opening = {x.lower() for x in _NUMBERED.findall(title + "\n" + lead)}
    return label if top > 1 or label in opening else None


def _tail_year(tail: str) -> int | None:
    m = re.match(r"\s*,?\s*(?:in\s+)?((?:19|20)\d\d)\b", tail)
    return int(m.group(1)) if m else None


@cache
def _place_re(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(a description before a place's name, a name, what joins a venue to its city or a
    place to its country)."""
    particles = phrase_alternation(lex.words("holder_particles"))
    descriptions = phrase_alternation(lex.words("place_descriptions"))
    described = rf"(?:the\s+)?(?:[\w'\u2019-]+\s+){{0,4}}?(?i:{descriptions})\s+of\s+"
    venue = phrase_alternation(w.lower() for w in lex.words("place_venue_words"))
    name = (
        rf"(?P<the>the\s+)?(?P<name>{_TOKEN}(?:\s+(?:(?:{particles})\s+)?{_TOKEN}){{0,3}}"
        rf"(?:\s+(?:{venue})\b)?)"
    )
    return compile_pattern(described), compile_pattern(name), compile_pattern(r"\s+(?:in|at)\s+|,\s+")


def _place(
    text: str, pos: int, ctx: Context, at: bool = False
) -> tuple[list[Holder], str, tuple[int, int]] | None:
    """The holders the words at pos name: a city (after its venue) and its country, and the
    city a suburb or a town is said to be near ("the Paris suburb of Le Bourget", "Le Bourget,
    north of Paris"), with which it agrees. A name alone after "at" is a venue's ("the final
    at Wembley"), no city."""
    described, name_re, joint = _place_re(ctx.lex)
    d = described.match(text, pos)
    first = name_re.match(text, d.end() if d else pos)
    if first is None:
        return None
    names, kinds = [first], [_kind(first.group("name"), ctx)]
    while (j := joint.match(text, names[-1].end())) and (n := name_re.match(text, j.end())):
        kind = _kind(n.group("name"), ctx)
        if j.group().startswith(","):
            # "in Bonn, Germany", "in the Globe Arena, Stockholm"; not "in Vienna, Conchita Wurst
            # won", "in Liverpool, the Swedish singer", nor a region ("in Barcelona, Catalonia")
            if (
                kind == "country"
                and _BOUNDARY.match(text, n.end())
                or kinds[-1] == "venue"
                and kind == "place"
            ):
                names.append(n)
                kinds.append(kind)
            break
        names.append(n)
        kinds.append(kind)
    if at and len(names) == 1 and not d and kinds[0] != "country":
        return None
    found = _holders(text, names, kinds, d is not None, ctx)
    if found is None:
        return None
    holders, display, span = found
    return holders + _near(text, d.group() if d else "", span[1], ctx), display, span


def _near(text: str, described: str, end: int, ctx: Context) -> list[Holder]:
    """The cities a place is said to be near, before it ("the Paris suburb of") or after it
    (", about 65 miles north of Paris", ", outside Paris")."""
    names = [n.group("name") for n in _place_re(ctx.lex)[1].finditer(described)]
    after = _NEAR.match(text, end)
    if after:
        names += [n.group("name") for n in [_place_re(ctx.lex)[1].match(text, after.end())] if n]
    return [_holder(name, "place", ctx) for name in names if _kind(name, ctx) == "place"]


def _holders(
    text: str, names: list[re.Match[str]], kinds: list[str | None], described: bool, ctx: Context
) -> tuple[list[Holder], str, tuple[int, int]] | None:
    """A city and a country from names in a row: "the Ahoy Arena in Rotterdam, the Netherlands"
    gives Rotterdam and the Netherlands; a venue alone ("at the Malmo Arena") names no city."""
    city_at = len(names) - 2 if kinds[-1] == "country" and len(names) > 1 else len(names) - 1
    city = names[city_at]
    if kinds[city_at] in (None, "venue") or city_at == 0 and not described and _venue(city, ctx):
        return None
    holders = [_holder(city.group("name"), kinds[city_at], ctx)]
    end = city.end()
    if city_at < len(names) - 1:  # ", Sweden": the city's country
        holders.append(_holder(names[-1].group("name"), "country", ctx))
        end = names[-1].end()
    start = city.start("name")
    return holders, text[start:end], (start, end)


def _venue(name: re.Match[str], ctx: Context) -> bool:
    """A venue: "the" before a name the entity list does not know, or a venue's word in it."""
    return (
        _kind(name.group("name"), ctx) == "venue"
        or bool(name.group("the"))
        and _entity_kind(name.group("name"), ctx) is None
    )


def _kind(name: str, ctx: Context) -> str | None:
    """country, region, venue or place; None for words that name no place ("in May", "at
    Eurovision", "in English")."""
    words = name.split()
    stop = ctx.lex.word_set("not_name_words") | ctx.lex.word_set("holder_not_name")
    entity = _entity_kind(name, ctx)
    if entity is not None:
        return "country" if entity == "country" else None
    if any(w in stop or w.lower() in ctx.lex.months or w.lower() in ctx.lex.weekdays for w in words):
        return None
    if name in ctx.lex.word_set("place_regions"):
        return "region"
    if any(w.capitalize() in ctx.lex.word_set("place_venue_words") for w in words):
        return "venue"
    return "place"


def _entity_kind(name: str, ctx: Context) -> str | None:
    entity = ctx.lex.entity(name)
    if entity is not None:
        return entity.kind
    return "name" if ctx.lex.find_entities(name) else None  # "Kalush Ukraine": no place


def _holder(name: str, kind: str | None, ctx: Context) -> Holder:
    if kind == "country":
        entity = ctx.lex.entity(name)
        return ("country", entity.name if entity else name)
    english = (ctx.lex.vocab.get("place_names") or {}).get(name, name)  # "Torino" is Turin
    return (kind or "place", name_key(str(english)))
