"""What every claim family shares: the reading context, drafts, clauses and periods."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from checker.cache import compile_pattern
from checker.lexicon import Lexicon, default_lexicon, phrase_alternation
from checker.models import Article
from checker.text import Numbers, Sentence


@dataclass(frozen=True, slots=True)
class Context:
    article: Article
    sentences: list[Sentence]
    lex: Lexicon
    numbers: Numbers
    event_index: int | None = None  # the sentence that dates the event


@dataclass(frozen=True, slots=True)
class Draft:
    """A claim as a family reads it, before it is placed in its file."""

    family: str
    slot: str
    value: Any
    display: str
    span: tuple[int, int]  # relative to the sentence
    qualifier: str = "exact"
    polarity: bool = True
    counted: str = ""
    year_offsets: tuple[int, ...] = (0,)
    extra: dict[str, Any] = field(default_factory=dict)


# Clause breaks; ", and" before a name continues a list ("Japan, the UK, and Canada").
_CLAUSE_BREAK = compile_pattern(
    r";|,\s+and\s+(?!the\s+[A-Z]|[A-Z])|,\s+(?:but|while|whereas)\s+|"
    r"\s+(?:while|whereas|but)\s+"
)


def clause_around(text: str, start: int, end: int) -> tuple[int, int]:
    """Return the span of the clause that holds text[start:end]."""
    a, b = 0, len(text)
    for m in _CLAUSE_BREAK.finditer(text):
        if m.end() <= start:
            a = m.end()
        elif m.start() >= end:
            b = m.start()
            break
    return a, b


_PERIOD_WORDS = r"(?:consecutive|straight|successive)"


def period_offsets(clause: str, numbers: Numbers) -> tuple[int, ...] | None:
    """Years a clause speaks for, relative to the report's year; None when it does not say."""
    n = numbers
    m = re.search(rf"\bfor (?:the |a )?({n.ordinal}) {_PERIOD_WORDS}? ?years?(?: in a row)?", clause, re.I)
    if m:
        count = n.read_ordinal(m.group(1))
        if count and count < 200:
            return tuple(range(-(count - 1), 1))
    m = re.search(rf"\bfor ({n.cardinal}) {_PERIOD_WORDS} years\b", clause, re.I)
    if m:
        count = n.read_cardinal(m.group(1))
        if count and count < 200:
            return tuple(range(-(count - 1), 1))
    m = re.search(rf"\b(?:for )?the (?:past|last) ({n.cardinal}) years\b", clause, re.I)
    if m:
        count = n.read_cardinal(m.group(1))
        if count and count < 200:
            return tuple(range(-count, 0))
    if re.search(r"\bsince last year\b|\bas (?:in |with )?last year\b", clause, re.I):
        return (-1, 0)
    if _YEAR_BEFORE.search(clause):
        return (-1,)
    return None


# "his last year at the front of the field" is his final one, not the one before
_OWNER_BEFORE = "".join(f"(?<!{w} )" for w in ("his", "her", "its", "my", "our", "your", "their"))
_YEAR_BEFORE = compile_pattern(
    rf"\b{_OWNER_BEFORE}(?:last year|the previous year|a year earlier|a year ago)\b", re.I
)


# A relative clause set off by commas: "Norway, which sat out last year's ballot, backed it";
# a comparison with another year: "58 co-sponsors, up from 51 last year"
# up to its comma or its clause's end; a comma inside a number ("1,140") ends nothing
RELATIVE_CLAUSE = compile_pattern(r",\s+(?:which|who|whose|that)\b(?:[^,;]|,(?=\d{3}))*(?:,|$)")
_COMPARED = compile_pattern(
    r"(?:\b(?:up|down|rising|falling|rose|fell|compared|against|more than|fewer than|less than)"
    r"\s+(?:from|with|to|than)"
    # "a minute faster than last year", "higher than in 2019", "fewer exhibitors than last
    # year's record": a comparative's other term
    r"|\b(?:[a-z]+er|more|less)\s+(?:[a-z]+\s+){0,2}?than"
    # "reached 856,400, beating last year's 812,000": the figure beaten
    r"|\b(?:beating|topping|surpassing|eclipsing|exceeding|bettering|overtaking)\b)"
    # "up from 45,000 last year": a comma inside a number does not end the comparison
    r"\s+(?:[^,;]|,(?=\d{3}))*",
    re.I,
)


def scope_of(text: str, start: int, end: int, a: int, b: int) -> str:
    """The words a match's time phrases come from: its relative clause when it stands in one,
    else its clause without the relative clauses and comparisons inside it ("last year" said
    of the relative clause, or of the figure compared with, does not date the match)."""
    clause = text[a:b]
    for m in RELATIVE_CLAUSE.finditer(clause):
        if a + m.start() <= start and end <= a + m.end():
            return m.group()
    for pattern in (RELATIVE_CLAUSE, _COMPARED):
        clause = pattern.sub(lambda m: _blank_unless_holding(m, a, start, end), clause)
    return _years_own(clause, start, end, a)


# "ahead of last year's winner Marguerite Dallaire (8:55:31)", "did not match last year's
# record attendance of 176,500": a year's possessive dates the noun phrase it opens (a role
# and the name given it, a figure), not the clause around it; "won last year's race" and
# "beaten in last year's final" date the clause, whose event or stage it names
_WORDS_OF_A_CLAUSE = (
    r"(?:and|or|but|was|were|is|are|has|had|have|who|which|that|with|of|the|in|at|on|to|by|for|as|while)"
)


def _years_own(text: str, start: int, end: int, a: int) -> str:
    """A clause less the noun phrases a year's possessive opens, but the one holding the match."""
    return _years_own_re().sub(lambda m: _blank_unless_holding(m, a, start, end), text)


@cache
def _years_own_re() -> re.Pattern[str]:
    from checker.stages import stages

    lex = default_lexicon()  # the language's words: scope_of is asked without a lexicon
    stage_words = tuple(w for stage in stages(lex) for w in stage.words)
    events = phrase_alternation(lex.words("event_nouns") + lex.words("edition_nouns") + stage_words)
    # a word, or a number joined to its unit ("last year's 74-minute address")
    word = rf"(?:(?!{_WORDS_OF_A_CLAUSE}\b)[a-z][\w-]*|\d[\d,.]*-[a-z][\w-]*)"
    return compile_pattern(
        r"\b(?:last|the previous|the preceding)\s+year['\u2019]s\s+"
        rf"(?!(?:[a-z][\w-]*\s+){{0,2}}(?:{events})\b)"
        rf"(?:(?:{word}\s+){{0,2}}{word}(?:\s+of\s+[$\u20ac\u00a3]?\d[\d,.:]*)?|[$\u20ac\u00a3]?\d[\d,.:]*)"
        r"(?:\s+(?:[A-Z][\w'\u2019-]+\s+){0,2}[A-Z][\w'\u2019-]+)?"
    )


def _blank_unless_holding(m: re.Match[str], a: int, start: int, end: int) -> str:
    if a + m.start() <= start and end <= a + m.end():
        return m.group()
    return " " * len(m.group())


def piece_around(text: str, start: int, end: int, a: int, b: int) -> str:
    """The comma-piece of a clause that holds a match: "Of the 39 countries taking part" apart
    from ", 26 countries competed in the final"."""
    left = text.rfind(",", a, start) + 1 or a
    right = text.find(",", end, b)
    return text[max(a, left) : right if right != -1 else b]


def local_offsets(text: str, start: int, end: int, a: int, b: int, ctx: Context) -> tuple[int, ...]:
    """Years spoken for, read from the comma-piece around a match, else from its clause."""
    piece = piece_around(text, start, end, a, b)
    if re.search(r"\bthis year\b", piece, re.I):
        return (0,)
    return period_offsets(piece, ctx.numbers) or period_offsets(text[a:b], ctx.numbers) or (0,)


_ASIDE = compile_pattern(
    r",\s+(?:close to|a close|an ally|allies|long|traditional|permanent|both|"
    r"which|who|also|together)[^,]{0,80},"
)


# A sentence framed in another year: "Last year, ...", "In 1992, when it passed by 59 to 3, ..."
_FRAME_RELATIVE = compile_pattern(
    r"\s*(?:(?:in|at|during)\s+(?=(?:last|the\s+previous)\s+year['\u2019]s\s))?"
    r"(?:last year|the previous year|a year (?:earlier|ago)|the year before)\b",
    re.I,
)
# A subject that says nobody took the position: "not even Palau voted against", "none of the
# delegates voted against", "no country abstained"
NEGATED_SUBJECT = compile_pattern(
    r"\b(?:not even|none of|neither|nor|no one|nobody|no country|no nation|no state)\b", re.I
)
# not a price basis ("In 2030 terms, the budget is ...")
_FRAME_YEAR = compile_pattern(
    r"\s*In (?:(?:its|the|their) (?:first|inaugural|opening) (?:year|edition|session|outing),\s+)?"
    r"((?:19|20)\d\d)\b(?!\s*(?:-|–|to)\s*\d)"
    r"(?!\s+(?:terms|prices|money|dollars|euros|pounds|values?)\b)"
)


@cache
def _frame_event_year(lex: Lexicon) -> re.Pattern[str]:
    """ "In the 2021 election", "At the 2019 song contest", "During the 2022 Harbour Race": a
    year naming an event held in it (the event's nouns are vocabulary), a few words between."""
    nouns = phrase_alternation(lex.words("event_nouns") + lex.words("edition_nouns"))
    return compile_pattern(
        rf"\s*(?:In|At|During) the ((?:19|20)\d\d)\s+(?:[A-Za-z][\w'-]*\s+){{0,3}}?(?i:{nouns})s?\b"
    )


def sentence_frame(text: str, numbers: Numbers) -> tuple[tuple[int, ...] | None, dict[str, int]]:
    """The year a sentence's opening frames it in: year offsets ("Last year," gives -1) or an
    absolute year ({"year": 1992} for "In 1992," and for "In the 2021 election,"); (None, {})
    when it opens with neither."""
    relative = _FRAME_RELATIVE.match(text)
    if relative:
        return period_offsets(relative.group(), numbers), {}
    absolute = _FRAME_YEAR.match(text) or _frame_event_year(numbers.lex).match(text)
    return (None, {"year": int(absolute.group(1))}) if absolute else (None, {})


def month_meeting(clause: str, ctx: Context) -> tuple[int, dict[str, Any]] | None:
    """The meeting of another month a clause names ("at its December meeting", "at the March
    session", "the Bonn session in June"), as (year offset, the claim's details): the series'
    calendar names its meetings by the month they start in ("December meeting"), and the claim
    is marked as told of a month's meeting (checker/engine.py drops it where the series meets
    once a year); a month after publication's is last year's. None where the clause names none,
    or the month of publication (or of the days just before it: the report's own)."""
    published = ctx.article.published
    if published is None:
        return None
    for m in _month_meeting_re(ctx.lex).finditer(clause):
        month = ctx.lex.months.get((m.group("month") or m.group("after")).lower())
        just_before = month == (published.month - 2) % 12 + 1 and published.day <= _EARLY_DAYS
        if month and month != published.month and not just_before:
            name = dt.date(2001, month, 1).strftime("%B")
            return (-1 if month > published.month else 0), {"meeting": f"{name} meeting", MONTH_MEETING: True}
    return None


def another_body(before: str, ctx: Context) -> bool:
    """Whether the words before a figure make it another body's decision: a body named as the
    subject of a verb of deciding where the report's title and first sentence name a body of
    another kind ("The school board adopted an $84 million budget" in a report of the city
    council, "the Human Rights Council adopted it by 31 votes to nine" in one of the General
    Assembly); where they name none, the words cannot tell."""
    own = _lead_bodies(ctx.article.title or "", ctx.sentences[0].text if ctx.sentences else "", ctx.lex)
    if not own:
        return False
    return any(m.group("noun").lower() not in own for m in _body_subject_re(ctx.lex).finditer(before))


@lru_cache(maxsize=64)
def _lead_bodies(title: str, first: str, lex: Lexicon) -> frozenset[str]:
    """The kinds of body a report's title and first sentence name (asked once a report)."""
    return frozenset(m.group().lower() for m in lex.phrase_re("body_nouns").finditer(f"{title} {first}"))


@cache
def _body_subject_re(lex: Lexicon) -> re.Pattern[str]:
    nouns = phrase_alternation(lex.words("body_nouns"))
    verbs = phrase_alternation(lex.words("body_decision_verbs"))
    # an aside may stand between the body and its verb ("the school board, which sets its own
    # budget, adopted")
    return compile_pattern(
        rf"\b(?P<noun>{nouns})(?:,[^,;]{{1,60}},)?\s+(?:[\w-]+\s+){{0,2}}?(?:{verbs})\b", re.I
    )


MONTH_MEETING = "month_meeting"  # a claim's detail: told of a meeting named by its month
_EARLY_DAYS = 7  # a report this early in a month may tell the meeting at the end of the one before


@cache
def _month_meeting_re(lex: Lexicon) -> re.Pattern[str]:
    months = phrase_alternation(lex.months)
    nouns = phrase_alternation(lex.words("month_meeting_nouns"))
    return compile_pattern(
        rf"\b(?:at|in|during)\s+(?:its|their|the|a)\s+(?P<month>{months})\s+(?:{nouns})\b|"
        rf"\b(?:{nouns})\s+in\s+(?P<after>{months})\b",
        re.I,
    )


def drop_asides(text: str, lex: Lexicon | None = None) -> str:
    """Blank out appositive asides (', close to the North,') keeping offsets; with the
    vocabulary, every aside that describes the name before it ("Russia, favourite of the
    televoters, was placed fourth"; "Fiji, long a holdout, abstained")."""
    spans = [m.span() for m in _ASIDE.finditer(text)]
    if lex is not None:
        spans += aside_spans(text, lex)
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


# ", favourite of the televoters and the bookies,": a short piece set off by commas after a name
_APPOSITION = compile_pattern(r"(?<=[A-Za-z\u00c0-\u024f'.)])(,\s+([^,;:()\"“”\d]{2,70}?),)(?=\s)")
_APPOSITION_WORDS = 10
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "our"})


def aside_spans(text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """Asides that describe the name just before them: a piece of ten words or fewer, set off
    by commas, that opens in lower case, past a determiner too ("the host", not "the United
    States", a name in a list), and holds no verb of its own and no word that joins clauses
    ("which", "when", "said") nor opens with one that joins lists ("and", "including"): those
    make it a clause or a list item, not a description."""
    found = []
    for m in _APPOSITION.finditer(text):
        before = text[: m.start()].split()
        piece = m.group(2)
        words = piece.split()
        if not before or not before[-1][:1].isupper() or len(words) > _APPOSITION_WORDS:
            continue
        if not _after_a_name(text[: m.start()], lex):
            continue
        head = words[1:] if words[0].lower() in _DETERMINERS and len(words) > 1 else words
        if not words[0][:1].islower() or not head[0][:1].islower() or _breaks_aside(words, lex):
            continue  # "the United States": a name in a list, not a description
        found.append(m.span(1))
    return found


def _after_a_name(before: str, lex: Lexicon) -> bool:
    """Whether the piece before an aside is a name: not a day or a month ("On Saturday,") and
    not a phrase that sets the scene ("In Vienna,")."""
    piece = re.split(r"[,;:]", before)[-1].split()
    last = piece[-1].strip(".'’").lower()
    if last in lex.weekdays or last in lex.months:
        return False
    return piece[0].lower() not in lex.word_set("aside_openers")


def _breaks_aside(words: list[str], lex: Lexicon) -> bool:
    """Whether a piece is a clause or a list item: it opens with a joining word ("and later
    Tonga", "including Fiji") or holds a verb or a clause's joint ("which", "when", "said")."""
    joints = lex.word_set("aside_breakers") | lex.word_set("speech_verbs") | lex.word_set("event_verbs")
    lowered = [w.strip(".,'’").lower() for w in words]
    opening = lex.word_set("opening_words") | lex.word_set("aside_openers")
    return lowered[0] in opening or any(w in joints for w in lowered)


_LIST_LEAD = compile_pattern(
    r"\s*(?:and\s+|or\s+|as well as\s+|the\s+|including\s+|such as\s+|"
    r"only\s+|both\s+|also\s+)*",
    re.I,
)


def subjects_before(
    ctx: Context,
    text: str,
    clause_start: int,
    verb_start: int,
    kinds: tuple[str, ...] = ("country", "organization"),
) -> list[str]:
    """Entities named as the subject list just before a verb ("China, Russia and Iran were")."""
    region = drop_asides(text[clause_start:verb_start], ctx.lex)
    pieces = region.split(",")
    names: list[str] = []
    for position, piece in enumerate(reversed(pieces)):
        found = [
            e.name
            for a, b, e in ctx.lex.find_entities(piece)
            if e.kind in kinds and not _modifies_noun(piece, a, b)
        ]
        lead = _LIST_LEAD.match(piece)
        starts_with_entity = any(a == lead.end() for a, _, _ in ctx.lex.find_entities(piece))
        if "including" in piece.lower() or "such as" in piece.lower():
            tail = re.split(r"including|such as", piece, flags=re.I)[-1]
            names[:0] = [e.name for _, _, e in ctx.lex.find_entities(tail) if e.kind in kinds]
            break
        if position > 0 and not starts_with_entity:
            if found and _ends_with_entity(ctx, piece):  # "the island states of Micronesia"
                names[:0] = found[-1:]
            break
        names[:0] = found
    return list(dict.fromkeys(names))


def objects_after(
    ctx: Context, text: str, start: int, end: int, kinds: tuple[str, ...] = ("country", "organization")
) -> list[str]:
    """Entities listed right after a phrase ("sponsored by X and Y, including Z")."""
    names: list[str] = []
    for position, piece in enumerate(text[start:end].split(",")):
        lead = _LIST_LEAD.match(piece)
        mentions = ctx.lex.find_entities(piece)
        if (
            position > 0
            and not any(a == lead.end() for a, _, _ in mentions)
            and not re.match(r"\s*(?:including|such as)\b", piece, re.I)
        ):
            break
        # "sponsored by Norway's largest bank": a possessive names the owner, not the actor
        names.extend(e.name for a, b, e in mentions if e.kind in kinds and not _POSSESSIVE.match(piece, b))
    return list(dict.fromkeys(names))


_POSSESSIVE = compile_pattern(r"['’]s?\s+[a-z]")


# Words that may follow an actor's name; any other lower-case word makes the name a modifier.
_AFTER_ACTOR = frozenset(
    "and or but as to in on at with was were is are has have had did does will would could should "
    "may might must went cast stood also again alone only then itself themselves together along "
    "both too who which that".split()
)


def _modifies_noun(text: str, start: int, end: int) -> bool:
    """ "the Chilean fishing quota": a name used as an adjective, not an actor."""
    if re.search(r"\bthe\s+$", text[max(0, start - 5) : start], re.I) is None:
        return False
    following = re.match(r"\s+([a-z][a-z'-]*)", text[end : end + 30])
    if following is None:
        return False
    word = following.group(1)
    return word not in _AFTER_ACTOR and not word.endswith("ed")


_GROUP_OF = compile_pattern(
    r"\b(?:states|nations|countries|members|neighbou?rs|allies|islands?)\s+"
    r"(?:of\s+)?(?:the\s+)?$",
    re.I,
)


def _ends_with_entity(ctx: Context, piece: str) -> bool:
    """A piece like "the Pacific island states of Micronesia" ends a list with a name."""
    mentions = ctx.lex.find_entities(piece)
    if not mentions or mentions[-1][1] < len(piece.rstrip()):
        return False
    return _GROUP_OF.search(piece[: mentions[-1][0]]) is not None
