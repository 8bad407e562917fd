"""Recurrence: "for the 16th consecutive year", "for 16 consecutive years", "the 7th time"."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from checker.cache import compile_pattern
from checker.extract.base import Context, Draft, clause_around, piece_around, scope_of, subjects_before
from checker.families import Family, family_of_slot
from checker.lexicon import Lexicon, longest_first, phrase_alternation, phrases_re
from checker.text import LazyPattern, Numbers, Sentence, gate_words, look

_STREAK = r"(?:consecutive|straight|successive|running)"
EDITION = "edition"


@cache
def _patterns(n: Numbers, lex: Lexicon) -> tuple[tuple[LazyPattern, bool | str, frozenset[str]], ...]:
    """(pattern, kind, words) triples; group 1 is the number. A streak (True) counts consecutive
    years; an EDITION ("the 45th Berlin Marathon") counts the event itself, whoever won it. A
    pattern runs only on a sentence holding one of its words (each ends a word where the
    pattern matches; none: any sentence), and is compiled the first time one does: every one
    holds a long alternation of number words."""
    o, c = n.ordinal, n.cardinal
    flags = re.IGNORECASE
    year, years, times = frozenset({"year", "years"}), frozenset({"years"}), frozenset({"time", "times"})
    return (
        (
            LazyPattern(
                rf"\b(?:for|marks?|marked|marking|is|was) (?:the |a |an )?({o}) "
                rf"(?:{_STREAK} )?years?(?: in a row)?\b",
                flags,
            ),
            True,
            year,
        ),
        (
            LazyPattern(
                rf"\b(?:for|marks?|marked|marking|is|was) (?:the |a |an )?({o}) "
                rf"{_STREAK} times?\b",
                flags,
            ),
            True,
            times,
        ),
        (LazyPattern(rf"\bthe ({o}) (?:{_STREAK} )?year(?: in a row)?\b", flags), True, frozenset({"year"})),
        (LazyPattern(rf"\bfor ({c}) (?:{_STREAK} )years\b", flags), True, years),
        (LazyPattern(rf"\bfor ({c}) years in a row\b", flags), True, years),
        (LazyPattern(rf"\bthe ({o}) of its kind\b", flags), True, frozenset({"kind"})),
        (
            LazyPattern(rf"\bthe ({o}) such\b(?: [\w.]+){{0,2}} (?:vote|resolution|edition)", flags),
            True,
            frozenset({"such"}),
        ),
        # "the 41st edition" is the event's own count, read below with the other edition nouns
        (
            LazyPattern(rf"\bthe ({o})(?: [A-Z][\w.]*){{0,2}} (?:no |yes )?vote\b", flags),
            True,
            frozenset({"vote"}),
        ),
        (LazyPattern(rf"\b(?:for )?the ({o}) times?\b", flags), False, times),
        *_edition_patterns(o, lex),
        (
            LazyPattern(rf"\bits ({o}) (?:year|edition|season|time)\b", flags),
            True,
            frozenset({"year", "edition", "season", "time"}),
        ),
        _held_for_years(c, lex),
    )


def _held_for_years(c: str, lex: Lexicon) -> tuple[LazyPattern, bool, frozenset[str]]:
    """ "passed similar resolutions for 11 years"; a state kept for years ("held its tax rate
    steady for three years") counts the years of that state, not the event's."""
    kept = _alt_words(lex, "kept_state_words")
    return (
        LazyPattern(
            rf"\b(?:passed|adopted|held|voted|approved)(?:(?!\b(?:{kept})\b)[^.;]){{0,60}}? "
            rf"for ({c}) years\b",
            re.IGNORECASE,
        ),
        True,
        frozenset({"years"}),
    )


# words after an event's name that end it: a verb, a preposition, a conjunction
_NAME_ENDS = (
    r"is|was|were|has|had|will|would|drew|draws|opened|opens|closed|closes|began|begins|ended|ends|"
    r"took|takes|saw|sees|kicked|got|gets|returned|returns|on|in|at|and|with|for|to|from|by|this|last"
)


def _edition_patterns(o: str, lex: Lexicon) -> tuple[tuple[LazyPattern, bool | str, frozenset[str]], ...]:
    """Counts of the event itself, whoever won it: "the 45th Berlin Marathon", "the 9th annual
    book fair", "the 45th running of the race", "the 21st Conference of the Parties"."""
    edition = "|".join(re.escape(w) for w in longest_first(lex.words("edition_nouns")))
    edition_names = "|".join(re.escape(w.title()) for w in longest_first(lex.words("edition_nouns")))
    nouns, annual = gate_words(lex.words("edition_nouns")), frozenset({"annual"})
    flags = re.IGNORECASE
    return (
        (
            LazyPattern(
                rf"\b(?i:the) ({o})(?: (?:annual|edition of the|[A-Z][\w.'-]*)){{1,6}}? "
                rf"(?i:{edition})\b"
            ),
            EDITION,
            nouns,
        ),
        # "the 9th annual book fair", "its 9th annual fair": "annual" and an edition noun within
        # three words make it a count of the event, whatever the words between
        (
            LazyPattern(rf"\b(?:the|its) ({o}) annual(?: [\w'-]+){{0,3}}? (?:{edition})\b", flags),
            EDITION,
            annual,
        ),
        # "The 44th annual Dalloway's is done", "the 12th annual Lakeside Chili Cook-Off on
        # Saturday": "annual" before a name, whatever the name's last word, where the name ends
        # the phrase (not "the 2nd annual Smith Foundation grant")
        (
            LazyPattern(
                rf"\b(?i:the|its) ({o}) annual(?: [A-Z][\w.'\u2019-]*){{1,6}}"
                rf"(?=\s*(?:[,.;:!?)]|$)|\s+(?:{_NAME_ENDS})\b)"
            ),
            EDITION,
            annual,
        ),
        # "the 45th running of the race", "the 30th staging of the Harbour Festival"
        (
            LazyPattern(
                rf"\bthe ({o}) (?:{_alt_words(lex, 'edition_acts')}) of "
                rf"(?:the )?(?:[\w'-]+ ){{0,3}}?(?:{edition})\b",
                flags,
            ),
            EDITION,
            nouns,
        ),
        # "the 23rd round of annual talks": a round of something held every year is an edition
        (
            LazyPattern(rf"\b(?i:the) ({o}) (?:round|session|meeting) of (?:the )?annual\b", flags),
            EDITION,
            annual,
        ),
        # "the 21st Conference of the Parties": an edition noun written as a name, capitalised
        (LazyPattern(rf"\b(?i:the) ({o}) (?:{edition_names})\b"), EDITION, nouns),
        # "the 41st edition", "this year's 46th edition", whoever won it and whatever the
        # sentence says of it
        (
            LazyPattern(rf"\b(?:the|this year's|this year’s) ({o}) edition\b", flags),
            EDITION,
            frozenset({"edition"}),
        ),
    )


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    if not ctx.numbers.has_number(sentence.text):
        return
    yield from _implausible_years(sentence, ctx)
    yield from _edition_labels(sentence, index, ctx)
    taken: list[tuple[int, int]] = []
    if look(sentence.text).words.isdisjoint(_counting_words(ctx.lex)):
        yield from _named_editions(sentence, ctx, taken)
        return  # every pattern below needs an ordinal ("16th", "twenty-first") or "years"
    seen = look(sentence.text)
    for pattern, streak, needs in _patterns(ctx.numbers, ctx.lex):
        if needs and not seen.any_of(needs):
            continue  # the pattern cannot match here: it is not compiled for this sentence
        for m in pattern.finditer(sentence.text):
            if any(a < m.end(1) and m.start(1) < b for a, b in taken):
                continue
            count = ctx.numbers.read_count(m.group(1))
            if not count or count < 2 or count > 500:
                continue  # "the first time since ..." starts nothing to count
            if streak == EDITION and _outcome_after(sentence.text, m.end(), ctx.lex):
                continue  # "the fifth World Cup victory of his career": wins counted, not editions
            counted = _count_of(sentence.text, m, streak, ctx)
            if counted is None:
                continue  # a count of wins whose winner the clause does not name
            taken.append(m.span(1))
            consecutive = bool(streak) or not counted
            yield Draft(
                family="recurrence",
                slot="ordinal",
                value=count,
                display=m.group(0).strip(),
                span=m.span(),
                counted=counted if consecutive else f"{counted} (total)",
                year_offsets=_when(sentence.text, m.start(), m.end(), ctx),
                # "for the 16th consecutive year" leaves no year out; "the 94th final" may have
                extra={
                    "consecutive": consecutive,
                    **({"in_a_row": True} if streak is True else {}),
                    **(_future_year(sentence.text, m.start(), m.end(), ctx) if streak == EDITION else {}),
                },
            )
    yield from _named_editions(sentence, ctx, taken)


def _count_of(text: str, m: re.Match[str], streak: bool | str, ctx: Context) -> str | None:
    """What a count counts (see _counted); a count of times a winner the clause opens with has
    won is theirs ("Kestrel Bay are champions for the seventh time"); None for a count of wins
    whose winner the clause does not name."""
    if streak == EDITION:
        return ""
    counted = _counted(text, m.start(), m.end(), ctx, own_piece=True)
    if counted or not _TIMES.search(m.group(0)):
        return counted
    winner = _winner_counted(text, m.start(), ctx)
    if winner == _NO_ONE:
        return None
    return f"achievement:{winner}" if winner else ""


_NO_ONE = "-"
_TIMES = LazyPattern(r"\btimes?\b", re.I)  # "for the seventh time": a count of times, not of years


def _winner_counted(text: str, start: int, ctx: Context) -> str:
    """Whose wins a count before which a clause says "won" or "champions" counts ("Kestrel Bay
    are Aldercott Cup champions for the seventh time"): the name the clause opens with, _NO_ONE
    where it opens with none; "" where no win is said (a count of the event itself)."""
    a, _ = clause_around(text, start, start)
    before = text[a:start]
    if not _WIN_SAID.search(before):
        return ""
    opening = _OPENING_NAMES.match(before)
    if opening is None or opening.group(1).split()[0].lower() in ctx.lex.word_set("stopwords"):
        return _NO_ONE
    return opening.group(1)


_WIN_SAID = LazyPattern(r"\b(?:won|wins?|winners?|champions?|title|titles|crown|trophy|lifted)\b", re.I)
# the subject a clause opens with: a name and its verb ("Kestrel Bay are", "Ruiz won")
_OPENING_NAMES = LazyPattern(
    r"\W*((?:[A-Z][\w'\u2019-]+\s+){0,2}[A-Z][\w'\u2019-]+)\s+"
    r"(?:are|is|were|was|have|has|had|became|become|won|win|wins|lifted|took|claimed)\b"
)


def _outcome_after(text: str, end: int, lex: Lexicon) -> bool:
    """Whether an outcome one has ("victory", "last-place finish") follows the event's name:
    "the 94th Wexley Cup final" is an edition, "the fifth World Cup victory" a win."""
    return _outcome_noun_re(lex).match(text, end) is not None


@cache
def _outcome_noun_re(lex: Lexicon) -> re.Pattern[str]:
    nouns = phrase_alternation(lex.table_words("record_outcome_noun_ones")) or "(?!x)x"
    return compile_pattern(rf"\s+(?:{nouns})\b", re.I)


def _alt_words(lex: Lexicon, key: str) -> str:
    return "|".join(re.escape(w) for w in longest_first(lex.words(key))) or r"(?!x)x"


@cache
def _counting_words(lex: Lexicon) -> frozenset[str]:
    """Words one of the count patterns cannot match without, as a look sees them: the ordinal
    words, the letters after a numeral ("16th" shows "th"), and "years"."""
    return frozenset(lex.ordinals) | {"st", "nd", "rd", "th", "years"}


def _named_editions(sentence: Sentence, ctx: Context, taken: list[tuple[int, int]]) -> Iterator[Draft]:
    """ "Israel won the 63rd Eurovision song contest", "the 26th COP was postponed": an ordinal
    before the name of the report's event counts its editions."""
    from checker.series import ordinal_name_at  # late: the series module imports the readers

    text = sentence.text
    body = ctx.article.text[ctx.article.body_start :]
    title, lead = ctx.article.title or "", ctx.sentences[0].text
    # an event's name starts the words after the ordinal: its first word, not any of its words
    words = _label_names(title, lead, body, ctx.lex) - _event_words(title, lead, ctx.lex)
    names = words | _first_words(title, lead, ctx.lex)
    units = phrases_re(family_of_slot("ordinal").units)
    for m in _named_ordinal_re(ctx.numbers).finditer(text):
        if any(a < m.end(1) and m.start(1) < b for a, b in taken):
            continue
        counted, end = "", m.end()
        if m.group(2).split()[0].lower().strip(".'") not in names:
            # "the second City Council vote" in a report on the Lakeside City Marathon; a whole
            # name of two words or more counts that named event's editions, apart from the
            # series' own ("Results of the 40th Winter Garden Bird Count, published ...")
            counted, end = ordinal_name_at(text, m.start(), ctx.lex)
            if len(counted.split()) < 2:
                continue
        count = ctx.numbers.read_ordinal(m.group(1))
        if not count or not 2 <= count <= 500 or _other_edition(text, m.start(), m.end()):
            continue
        if units.match(text[m.end() :].lstrip()):
            continue  # "Sweden's seventh Eurovision win"
        if _another_year(text, m.start(), m.end(), ctx):
            continue  # "the 12th Eurovision, held there in 1970"
        display = text[m.start() : end].rstrip(".")
        yield Draft(
            family="recurrence",
            slot="ordinal",
            value=count,
            display=display,
            span=(m.start(), m.start() + len(display)),
            year_offsets=_when(text, m.start(), m.end(), ctx),
            counted=counted,
            extra={"consecutive": True, **_future_year(text, m.start(), m.end(), ctx)},
        )


def _another_year(text: str, start: int, end: int, ctx: Context) -> bool:
    """True when the clause of a match dates it before the report's year ("held there in 1970",
    "decided on December 11, 2023"); a later year is a target ("by 2035"), and a year naming
    something else ("the 2015 Paris Agreement") dates nothing here."""
    if not ctx.article.published:
        return False
    a, b = clause_around(text, start, end)
    return any(int(y) < ctx.article.published.year for y in _dated_re(ctx.numbers).findall(text, a, b))


@cache
def _dated_re(n: Numbers) -> re.Pattern[str]:
    # "in 1970", "in June 1992", "on December 11, 2023": a year as a date, not as a name's part
    return compile_pattern(rf"(?:\bin\s+|\b(?i:{n.month})\.?\s+(?:\d{{1,2}},?\s+)?)((?:19|20)\d\d)\b")


@cache
def _named_ordinal_re(n: Numbers) -> re.Pattern[str]:
    # the ordinal, then up to three capitalised words: "the 65th Eurovision", "the 26th COP"
    return compile_pattern(rf"\b(?i:the) ({n.ordinal}) ((?:[A-Z][\w.'-]*\s+){{0,2}}[A-Z][\w.'-]*)")


# "COP24", "Cop 26": the event's own name and the number of its edition
_LABEL = LazyPattern(r"(?<![\w'-])([A-Z]{2,5}|[A-Z][a-z]{2,})\s?(\d{1,3})(?![\w-])")
# a label or an event held before or after its edition ("Pre-COP29"): which edition a report is about
_LABEL_OR_ITS_EVENTS = LazyPattern(
    r"(?<![\w'-])(?:[Pp]re-|[Pp]ost-)?([A-Z]{2,5}|[A-Z][a-z]{2,})\s?(\d{1,3})(?![\w-])"
)
# words between a label and what it is attached to: "the COP 24 Katowice climate conference"
_NAME_WORDS = r"(?:(?:[A-Z][\w.'-]*|climate|change)\s+){0,3}"
# "at COP29", "during COP23", "the president of COP26", "sealed by COP26 ...": the label is the
# place or the body of what happened
_ATTACHED_BEFORE = LazyPattern(r"\b(?:at|during|of|by)\s+(?:the\s+)?$", re.I)
# a place right after a label: "at COP29 in Baku, Azerbaijan, the world agreed"
_IN_PLACE = r"(?:,?\s+in\s+(?:the\s+)?[A-Z][\w-]*(?:,\s+[A-Z][\w-]*)?,?)?"


@cache
def _attachment(family: Family) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(after, before, avoid): a label followed by what it heads ("COP24 president", "the COP28
    summit") or by the event's own verb ("COP30 closed in Belém", "(COP25) ended on Sunday");
    an event noun before a label ("the Climate Change Conference (COP25)"); words
    that make a mention about another edition ("last year's COP27", "ahead of COP29")."""
    nouns, verbs = phrase_alternation(family.nouns), phrase_alternation(family.verbs)
    after = compile_pattern(
        rf"\)?(?:\s+{_NAME_WORDS}(?:{nouns})\b|{_IN_PLACE}\s+(?:has\s+|had\s+|was\s+|have\s+)?(?:{verbs})\b)",
        re.I,
    )
    before = compile_pattern(rf"\b(?:{phrase_alternation(family.lead_nouns)})\s*\(?\s*$", re.I)
    return after, before, phrases_re(family.avoid)


def _edition_labels(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    """Every mention of an edition label ("COP24") attached to the edition a report is about
    ("COP24 president X said", "at COP24 in Katowice", "COP24 ended"), so a report that names
    its edition two ways disagrees with itself. A label of an edition before the one the report
    names most is history it cites ("the work done at COP21"); a mention scoped to another
    edition ("next year's COP30", "ahead of COP29", "Pre-COP29") is left out. A label never
    dates its report."""
    text = sentence.text
    if not _LABEL.search(text):
        return
    body = ctx.article.text[ctx.article.body_start :]
    names = _label_names(ctx.article.title or "", ctx.sentences[0].text, body, ctx.lex)
    years = _short_years(ctx)
    for m in _LABEL.finditer(text):
        name, count = m.group(1).lower(), int(m.group(2))
        if name not in names or not 2 <= count <= 500 or count in years:
            continue  # "ESC24" in a 2024 report names the year, not a count
        head = f"{ctx.article.title or ''} {ctx.sentences[0].text}"
        own = _most_named(body, name, head)
        if own is not None and count < own:
            continue  # an earlier edition: history the report cites
        if own is not None and count > own and _held_elsewhere(text, m.end(), body, name, own, head):
            continue  # "Chile, host of COP25 in Santiago" in a report from Katowice
        if not _attached(text, m.start(), m.end()) or _other_edition(text, m.start(), m.end()):
            continue
        if _another_year(text, m.start(), m.end(), ctx) or _held_in_another_year(text, m.end(), ctx):
            continue  # "as decided at the COP28 plenary in Dubai in December 2023", "COP33 in 2028"
        yield _label_draft(count, m.group(0), m.span())
        spelled = _SPELLED_OUT.search(text, max(0, m.start() - 40), m.start())
        if spelled and 2 <= int(spelled.group(2)) <= 500:  # "Conference of Parties 28 (COP28)"
            yield _label_draft(int(spelled.group(2)), spelled.group(1), spelled.span(1))


_LABEL_YEAR = LazyPattern(r"\)?\s+in\s+((?:19|20)\d\d)\b")


def _held_in_another_year(text: str, end: int, ctx: Context) -> bool:
    """Whether a label is followed by the year of its edition, not the report's ("a review at
    COP33 in 2028" in a report of 2026): a later edition, which the report only looks ahead to."""
    m = _LABEL_YEAR.match(text, end)
    published = ctx.article.published
    return bool(m and published and int(m.group(1)) not in (published.year, published.year - 1))


def _short_years(ctx: Context) -> frozenset[int]:
    """The report's own years written short ("24" of 2024), one either side: its date, and years
    its title, lead or address name."""
    a = ctx.article
    head = f"{a.title or ''} {ctx.sentences[0].text} {a.url or ''}"
    years = {int(y) % 100 for y in re.findall(r"(?<!\d)20\d\d(?!\d)", head)}
    years |= {a.published.year % 100} if a.published else set()
    # a year either side too: "FY25" in a 2024 report is a fiscal year, not a 25th edition
    return frozenset(y + d for y in years for d in (-1, 0, 1))


_HELD_IN = LazyPattern(r",?\s+in\s+([A-Z][\w-]+)")


def _held_elsewhere(text: str, end: int, body: str, name: str, own: int, head: str) -> bool:
    """True when a label is said to be held in a place ("COP25 in Santiago") that neither the
    report's own edition ("COP24 in Katowice") nor its title or lead names."""
    place = _HELD_IN.match(text, end)
    if not place:
        return False
    own_places = {
        held.group(1).lower()
        for m in _LABEL.finditer(body)
        if m.group(1).lower() == name and int(m.group(2)) == own and (held := _HELD_IN.match(body, m.end()))
    }
    return place.group(1).lower() not in own_places and place.group(1).lower() not in head.lower()


# the edition's number after its name written out, before its label: "Parties 28 (COP28)"
_SPELLED_OUT = LazyPattern(r"\b([A-Z][\w-]*\s+(\d{1,3}))\s*\(\s*$")


def _label_draft(count: int, display: str, span: tuple[int, int]) -> Draft:
    return Draft(
        family="recurrence",
        slot="ordinal",
        value=count,
        display=display,
        span=span,
        extra={"consecutive": True, "label": True},
    )


def _attached(text: str, start: int, end: int) -> bool:
    """True when a label names the edition something happens at or to, not a mere topic."""
    after, before, _ = _attachment(family_of_slot("ordinal"))
    head = text[max(0, start - 40) : start]
    return bool(after.match(text, end) or _ATTACHED_BEFORE.search(head) or before.search(head))


def _other_edition(text: str, start: int, end: int) -> bool:
    """True when the words around a label put it in another edition: "last year's COP27",
    "since COP21", "COP30 next year", "the COP 21 Official website"."""
    avoid = _attachment(family_of_slot("ordinal"))[2]
    a, b = clause_around(text, start, end)
    before = " ".join(text[a:start].split()[-3:])
    after = " ".join(text[end:b].split()[:3])
    return bool(avoid.search(before) or avoid.search(after))


# "At COP29 in Baku", "a deal gavelled through at Cop30": where something is held
_HELD_AT = LazyPattern(r"\b(?:at|during)\s+(?:the\s+)?$", re.I)


@lru_cache(maxsize=256)
def _label_names(title: str, lead: str, text: str, lex: Lexicon) -> frozenset[str]:
    """Names whose labels number an event's editions: the event names of the title or lead;
    where they name none, the label name the report uses most of those written as one word
    ("COP24", not "Article 6") that head an event noun or verb or say where something is held
    ("at COP29 in Baku", "during COP23"). One name only: a report about the climate talks
    that mentions "SB60 talks" is not about two series."""
    names = set(_event_words(title, lead, lex)) | _named_before_edition_noun(f"{title}. {lead}", lex)
    if names:
        return frozenset(names)
    after = _attachment(family_of_slot("ordinal"))[0]
    evidenced: set[str] = set()
    mentions: dict[str, int] = defaultdict(int)
    for m in _LABEL.finditer(text):
        name = m.group(1).lower()
        mentions[name] += 1
        if " " in m.group(0) or lex.entity(m.group(1)):
            continue
        if after.match(text, m.end()) or _HELD_AT.search(text, max(0, m.start() - 10), m.start()):
            evidenced.add(name)
    ranked = sorted(evidenced, key=lambda n: (-mentions[n], n))
    if len(ranked) > 1 and mentions[ranked[0]] == mentions[ranked[1]]:
        return frozenset()  # two names as often: which one the report is about is unknown
    return frozenset(ranked[:1])


@lru_cache(maxsize=256)
def _most_named(text: str, name: str, head: str) -> int | None:
    """The edition a report names most often by label, its side events included ("Pre-COP29"),
    leaving out mentions of another edition ("next year's COP30"); of those named most, the one
    its title or lead names, else the latest (the others are history it cites)."""
    counts: dict[int, int] = {}
    for m in _LABEL_OR_ITS_EVENTS.finditer(text):
        a = max(0, m.start() - 200)
        if m.group(1).lower() == name and not _other_edition(
            text[a : m.end() + 200], m.start() - a, m.end() - a
        ):
            counts[int(m.group(2))] = counts.get(int(m.group(2)), 0) + 1
    if not counts:
        return None
    in_head = {int(m.group(2)) for m in _LABEL.finditer(head) if m.group(1).lower() == name}
    return max(counts, key=lambda n: (counts[n], n in in_head, n))


def _named_before_edition_noun(text: str, lex: Lexicon) -> set[str]:
    """A capitalised name before an edition noun written in lower case: "the Eurovision song
    contest" names "eurovision"."""
    nouns = phrase_alternation(lex.words("edition_nouns"))
    stop = lex.word_set("stopwords")
    found = re.finditer(rf"(?<![.!?]\s)\b([A-Z][\w'-]+)\s+(?:[a-z]+\s+)?(?:{nouns})\b", text)
    return {
        m.group(1).lower() for m in found if m.group(1).lower() not in stop and not lex.entity(m.group(1))
    }


# a report's sentences ask for its title's and lead's event words again and again; bounded, for
# a whole archive is read in one process
@lru_cache(maxsize=512)
def _first_words(title: str, lead: str, lex: Lexicon) -> frozenset[str]:
    from checker.series import event_names

    return frozenset(name.split()[0] for name in event_names(f"{title} {lead}", lex) if name.split())


@lru_cache(maxsize=512)
def _event_words(title: str, lead: str, lex: Lexicon) -> frozenset[str]:
    from checker.series import event_names

    return frozenset(w for name in event_names(f"{title} {lead}", lex) for w in name.split())


def _when(text: str, start: int, end: int, ctx: Context) -> tuple[int, ...]:
    """ "Last year the resolution was adopted for the 15th consecutive year" speaks for last year;
    a relative clause or a comparison that does not hold the count speaks for itself ("the
    43rd edition ..., a minute faster than last year")."""
    a, b = clause_around(text, start, end)
    clause = scope_of(text, start, end, a, b)
    if re.search(
        r"\b(?:last year|a year (?:ago|earlier)|the (?:previous|year before))\b", clause, re.I
    ) and not re.search(r"\bsince last year\b", clause, re.I):
        return (-1,)
    if _next_time_re(ctx.numbers).search(clause):
        return (1,)  # "The 93rd edition will be played at Saltmarsh Point next June"
    return (0,)


@cache
def _next_time_re(n: Numbers) -> re.Pattern[str]:
    return compile_pattern(
        rf"\b(?:next|the following)\s+(?:year|spring|summer|autumn|fall|winter|(?i:{n.month}))\b", re.I
    )


def _future_year(text: str, start: int, end: int, ctx: Context) -> dict[str, int]:
    """{"year": 2024} where the clause of a count tells an edition to come in a year it names
    ("the 94th edition would be held at Kilbarrow in June 2024"); {} elsewhere."""
    a, b = clause_around(text, start, end)
    if not _FUTURE.search(text, a, b):
        return {}
    published = ctx.article.published
    years = [int(y) for y in _dated_re(ctx.numbers).findall(text, a, b)]
    later = [y for y in years if published is None or y > published.year]
    return {"year": later[0]} if len(later) == 1 and len(years) == 1 else {}


_FUTURE = LazyPattern(
    r"\b(?:will|would|is to be|are to be|is due|are due|is set to|is scheduled|is planned)\b", re.I
)


def _counted(text: str, start: int, end: int, ctx: Context, own_piece: bool = False) -> str:
    """Name what a count counts: "" for the series itself, else the sub-series marker."""
    if _of_the_event(ctx.lex).match(text, end):
        return ""  # "what it billed as the 36th year of the prize": the prize's, whoever bills it
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
        if own_piece and not phrases_re(markers[name]).search(piece) and _tells_it_held(piece, ctx):
            continue  # "The contest, held for the 63rd time, was won by Norway": the contest's
        if name == "no-vote":  # a country's or a member's own no votes; "the Assembly voted against" is not
            actors = subjects_before(ctx, clause, 0, found.start(), ("country",))
            member = "" if actors else _actor(clause[: found.start()], ctx) or _named_subject(clause, ctx)
            if not actors and not member:
                continue
            return f"{name}:{actors[-1] if actors else member}"
        actor = _actor(clause, ctx)
        return f"{name}:{actor}" if actor and name != "consensus" else name
    acting = _acting_country(text[a:start], ctx) or _tenure_of(text, start, ctx)
    if acting:
        return f"streak:{acting}"  # "Fiji abstained for a second consecutive year"
    fronted = not text[a:start].strip(" ,\"'“")
    other = _other_streak(text, end, b, ctx, fronted)
    return other or (_subject_streak(text, a, start, end, b, ctx, fronted) if own_piece else "")


def _tenure_of(text: str, start: int, ctx: Context) -> str:
    """The person whose aside holds the count: "Priya Hale, presenting the telethon for the
    eighth year, was joined by ..." counts her years, not the event's."""
    m = _ASIDE_AFTER_NAME.search(text, 0, start)
    if m is None or m.group(2).lower() not in ctx.lex.word_set("person_tenure_participles"):
        return ""
    name = m.group(1)
    return "" if name.split()[0].lower() in ctx.lex.word_set("stopwords") else name


# a name, a comma and an aside that runs up to the count: "Priya Hale, presenting the telethon"
_ASIDE_AFTER_NAME = LazyPattern(
    r"((?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+),\s+(?:now\s+|still\s+)?([\w-]+)\b[^,;()]*$"
)


_AUXILIARY = LazyPattern(r"\s+(?:(?:has|have|had|was|were|also|again|once again)\s+)*([a-z]+)\b")


def _acting_country(before: str, ctx: Context) -> str:
    """The country a clause opens with, when a verb of its own follows (not one of speech):
    a count after that verb is its streak, not the series' count."""
    found = ctx.lex.find_entities(before)
    if not found:
        return ""
    start, stop, entity = found[0]
    if entity.kind != "country" or before[:start].strip(" ,").lower() not in ("", "the"):
        return ""
    verb = _AUXILIARY.match(before, stop)
    if not verb or verb.group(1) in ctx.lex.word_set("speech_verbs") or verb.group(1) == "and":
        return ""
    return entity.name


# Grammar words a clause's verb group is told by: auxiliaries (a participle follows them, or
# they are the copula: "It was the 15th year"), verbs that only place a count ("marked the 12th
# year"), determiners (a noun phrase starts), and words that end an object ("fees at $2").
_AUXILIARIES = frozenset(
    "is are was were be been being has have had will would shall should can could may might must "
    "did does do".split()
)
_MARKING = frozenset("is are was were be been being marks marked marking becomes became".split())
_DETERMINERS = frozenset("the a an its their his her our this these that those".split())
_POSSESSIVES = frozenset({"its", "their"})
_PRONOUNS = frozenset("it they we this which".split())
# words after a verb that are part of it or say when, not a thing it acts on ("handed out")
_PARTICLES = frozenset("out up down off over back away through together along ahead".split())
_ADVERBS = frozenset("also again once still now then".split())
_OBJECT_ENDS = frozenset("at in on for to by with from as after before since and but or".split())
_PIECES = LazyPattern(r"[,;:()\u2014\u2013]|--")
_WORD = LazyPattern(r"[A-Za-z][\w'’.-]*")
# what may stand between a count and the clause it counts: "in a row", "since 1992", "that"
_BEFORE_CLAUSE = LazyPattern(
    r"[\s,]*(?:(?:in a row|running|straight|consecutive)\b[\s,]*)?(?:since \d{4}\s*)?"
    r"(?:(?:that|when)\s+)?",
    re.I,
)


def _subject_streak(text: str, a: int, start: int, end: int, b: int, ctx: Context, fronted: bool) -> str:
    """The streak of a clause's subject other than the occurrence itself: "Police spending rose
    for the fifth year in a row", "Parks funding was cut for the second consecutive year" count
    the spending's and the funding's years; where the subject is the event, its text or its
    body and sets the level of something else, the streak is that thing's ("the budget holds
    the property tax rate flat", "For the tenth year, the council froze the parking fee"). ""
    where the clause tells the event itself or what it does ("the council passed the budget
    for the 14th straight year", "It was the 21st year the prize has been handed out", "the
    assembly demanded an end to the embargo"), or where its words cannot tell."""
    before = text[a:start]
    if fronted or _only_marks(text[a:end], ctx):
        lead = _BEFORE_CLAUSE.match(text, end, b)
        region = text[lead.end() if lead else end : b]
    else:
        region = _PIECES.split(before)[-1]  # "DUNMERE (Wire) -- The fair ...": the last piece
    clause = _parse_clause(region, ctx)
    if clause is not None and _sets_level(clause, ctx):
        return _level_streak(clause, ctx)  # "the council held the tax rate flat"
    if ctx.lex.phrase_re("event_verbs").search(region) or ctx.lex.phrase_re("adoption_verbs").search(region):
        return ""  # "the assembly adopted the resolution": the occurrence itself
    if clause is None:
        return ""
    if clause.verb in ctx.lex.word_set("speech_verbs"):
        return _subject_streak_said(region, clause.verb, ctx)
    subject = _subject_words([w.lower() for w in clause.subject])
    if not subject or _event_sided(subject, clause, ctx):
        return ""  # the event, its text or its body doing what it does ("demanded an end to")
    if any(w in _event_side(ctx.lex) for w in clause.obj):
        return ""  # "the world body has issued a resolution": the occurrence's text
    return f"streak:{_named(clause.subject, ctx) or ' '.join(subject)}"


def _event_sided(subject: list[str], clause: _Clause, ctx: Context) -> bool:
    """Whether a clause's subject is the event, its text or its body ("the council", "the
    budget", "it", "the United Nations")."""
    own = _event_side(ctx.lex)
    return subject[-1] in own or subject[-1] in _PRONOUNS or _names_body(" ".join(clause.subject), ctx)


def _sets_level(clause: _Clause, ctx: Context) -> bool:
    """Whether a clause's verb sets a level: not where an event verb is done to its subject
    ("the relay was held": the event held)."""
    verb = clause.verb
    return verb in ctx.lex.word_set("level_verbs") and not (
        clause.passive and verb in ctx.lex.word_set("event_verbs")
    )


def _level_streak(clause: _Clause, ctx: Context) -> str:
    """A verb that sets a level ("froze", "holds ... flat", "cut"): its object's streak when the
    event, its text or its body does it ("the budget holds the property tax rate flat"), its
    subject's when something else is the subject ("parks funding was cut"); "" when the object
    is the event's own ("held a plenary", "held its session") or it is done to the event."""
    subject = _subject_words([w.lower() for w in clause.subject])
    if not subject:
        return ""
    if not _event_sided(subject, clause, ctx):
        return f"streak:{_named(clause.subject, ctx) or ' '.join(subject)}"
    plain = ctx.lex.word_set("stopwords") | _PARTICLES
    obj = [w for w in clause.obj if w not in plain]
    if not obj or clause.passive or clause.owned or any(w in _event_side(ctx.lex) for w in clause.obj):
        return ""
    return f"streak:{' '.join(obj)}"


def _named(subject: list[str], ctx: Context) -> str:
    """The name of a subject that is a known name ("Varnia"), as the vocabulary writes it: a
    country's streak is keyed the same whichever way the clause puts it."""
    found = ctx.lex.find_entities(" ".join(subject))
    return found[-1][2].name if found else ""


def _only_marks(clause: str, ctx: Context) -> bool:
    """Whether the words of a clause up to and through its count only place the count ("It
    was the 15th year", "Its passage marked the 12th year"): its marking verb stands right
    before the count and no verb before it; the clause after the count says what is counted."""
    written = _WORD.findall(clause)
    words = [w.lower() for w in written]
    at = next((i for i, w in enumerate(words) if w in _MARKING), None)
    if at is None or at + 1 >= len(words) or words[at + 1] not in _DETERMINERS | {"for"}:
        return False
    return not ctx.lex.phrase_re("event_verbs").search(clause) and _verb_at(written, ctx) in (at, None)


@dataclass(frozen=True, slots=True)
class _Clause:
    subject: list[str]  # as written
    verb: str  # the main verb, lower case
    obj: list[str]  # lower case, determiners left out
    passive: bool  # "was cut", "has been handed out"
    owned: bool  # the object is the subject's own: "its deadline", "their session"


def _parse_clause(region: str, ctx: Context) -> _Clause | None:
    """A clause's subject, main verb and object, or None where no verb is found or the verb is
    a copula ("It was the 15th year": the words after the count place it). A verb is an
    auxiliary and what follows it, a word of the verb vocabulary, an "-ed" word not after a
    determiner, a word ending in "s" before a determiner ("holds the"), or the word right
    after a noun that names the event, its text or its body ("the council froze")."""
    words = _WORD.findall(region)
    lowered = [w.lower().rstrip(".") for w in words]
    at = _verb_at(words, ctx)
    if at is None:
        return None
    verb, rest, passive = lowered[at], _past_adverbs(lowered, at + 1), False
    if verb in _AUXILIARIES:
        if rest >= len(lowered) or lowered[rest] in _DETERMINERS:
            return None
        chain = [verb]
        while rest < len(lowered) and lowered[rest] in _AUXILIARIES:
            chain.append(lowered[rest])
            rest = _past_adverbs(lowered, rest + 1)  # "has been frozen"
        if rest >= len(lowered):
            return None
        passive = any(w in _MARKING for w in chain)
        verb, rest = lowered[rest], rest + 1
    if verb in _MARKING:
        return None
    obj: list[str] = []
    for w in lowered[rest:]:
        if w in _OBJECT_ENDS:
            break
        obj.append(w)
    return _Clause(words[:at], verb, _noun_words(obj), passive, bool(obj) and obj[0] in _POSSESSIVES)


def _past_adverbs(words: list[str], at: int) -> int:
    while at < len(words) and (words[at] in _ADVERBS or words[at].endswith("ly")):
        at += 1
    return at


def _subject_streak_said(region: str, verb: str, ctx: Context) -> str:
    """ "The mayor said police spending rose": the clause reported after a verb of speech."""
    said = re.search(rf"\b{re.escape(verb)}\b(?:\s+that\b)?", region, re.I)
    rest = region[said.end() :] if said else ""
    parsed = _parse_clause(rest, ctx) if rest.strip() else None
    if parsed is None or parsed.verb in ctx.lex.word_set("speech_verbs"):
        return ""
    return _subject_streak(rest, 0, len(rest), len(rest), len(rest), ctx, fronted=False)


def _subject_words(words: list[str]) -> list[str]:
    """A subject's noun phrase: "Enrolment at the academy" is "enrolment"; a clause opening
    with a phrase of time or place ("On Tuesday the council") has its subject after it."""
    if words and words[0] not in _OBJECT_ENDS:
        cut = next((i for i, w in enumerate(words) if w in _OBJECT_ENDS), len(words))
        words = words[:cut]
    return _noun_words(words)


def _noun_words(words: list[str]) -> list[str]:
    """A noun phrase's words after its last determiner: "on Tuesday the council" is "council";
    a pronoun alone ("it") is kept."""
    last = max((i for i, w in enumerate(words) if w in _DETERMINERS), default=-1)
    return words[last + 1 :] or [w for w in words[-1:] if w in _PRONOUNS]


def _verb_at(written: list[str], ctx: Context) -> int | None:
    """Where a clause's verb is, by the signs _parse_clause names; its first word is taken for
    the subject's unless it can only be a verb, and a capitalised word is a name's."""
    known, own, level = _verb_forms(ctx.lex), _event_side(ctx.lex), ctx.lex.word_set("level_verbs")
    words = [w.lower().rstrip(".") for w in written]
    for i, w in enumerate(words):
        if i == 0 and w not in _AUXILIARIES and w not in known:
            continue  # the subject's first word ("Police spending rose")
        if written[i][:1].isupper():
            continue  # "(Reuters)", "the Halbra Prize": names
        previous = words[i - 1] if i else ""
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in _AUXILIARIES or w in known:
            return i
        if w.endswith("ed") and len(w) > 3 and previous not in _DETERMINERS:
            return i
        if w.endswith("s") and not w.endswith("ss") and nxt in _DETERMINERS and previous not in _DETERMINERS:
            return i
        if previous in own and w not in own and (w in level or w not in ctx.lex.word_set("stopwords")):
            return i
    return None


@cache
def _verb_forms(lex: Lexicon) -> frozenset[str]:
    """Verb forms the vocabulary knows, one word each: its verbs of speech, opening and going
    on, and the first words of its verbs of a change of number ("rose to", "fell to")."""
    keys = ("speech_verbs", "opening_verbs", "continuing_verbs", "count_reached_verbs")
    return frozenset(w.split()[0].lower() for key in keys for w in lex.words(key))


@cache
def _event_side(lex: Lexicon) -> frozenset[str]:
    """Nouns of the occurrence itself, its text and its body: a subject of these does not own
    a streak of its own; an object of these is what the occurrence does."""
    bodies = {
        p.split()[-1].lower() for forms in (lex.vocab.get("adopting_bodies") or {}).values() for p in forms
    }
    keys = ("event_nouns", "edition_nouns", "recurring_nouns", "adopted_text_nouns")
    words = {w.lower() for key in keys for w in lex.words(key) if " " not in w}
    return frozenset((words | bodies) - {"it"})


def _names_body(subject: str, ctx: Context) -> bool:
    """A subject named as an organisation ("the United Nations"), acting as the event's body."""
    return any(e.kind == "organization" for _, _, e in ctx.lex.find_entities(subject))


@cache
def _of_the_event(lex: Lexicon) -> re.Pattern[str]:
    nouns = phrase_alternation([*lex.words("edition_nouns"), *lex.words("recurring_nouns")])
    return compile_pattern(
        rf"\s+of\s+(?:the|this|its)\s+(?:[a-z][\w'-]*\s+){{0,2}}(?:{nouns})\b(?!\s+(?:of|for)\b)", re.I
    )


def _tells_it_held(piece: str, ctx: Context) -> bool:
    """Whether a count's own comma-piece tells the event held ("held for the 63rd time")."""
    return bool(ctx.lex.phrase_re("event_verbs").search(piece))


# After a count: "in which"/"that" and a clause say what the years have in common ("the second
# year in which voting came in two parts"); the series itself where that clause is about the
# event ("the 16th year that the resolution has been adopted").
_WHICH = LazyPattern(r"\s*(in which|during which|that|when)\s+(?:the\s+|its\s+|this\s+)?([\w-]+)", re.I)


_SAME_AS_BEFORE = LazyPattern(r"\s*(?:at|with|of|on|under)\s+(?:the|a)\s+same\b", re.I)


def _other_streak(text: str, end: int, clause_end: int, ctx: Context, fronted: bool) -> str:
    """A count of something other than the series' own occurrences, read from what follows it:
    a country that acts ("the fourth year in a row Israel go to the final", "for the second
    year running, Malta failed") or a property of the years ("in which voting came in two
    parts"). "" where the count is the series' own."""
    after = text[end:clause_end]
    if _SAME_AS_BEFORE.match(after):
        return "years-in-which"  # "the third year at the same rate": years that share a rate
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


_PERSON = LazyPattern(r"\b[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,2}\b")


_OPENING_NAME = LazyPattern(r"\s*([A-Z][a-z]+)(?=,|\s+(?:has|had|have|was|again|also)?\s*[a-z])")


def _named_subject(clause: str, ctx: Context) -> str:
    """A one-word name the clause opens with ("Tolliver, the longest-serving member, opposed")."""
    m = _OPENING_NAME.match(clause)
    if m is None or m.group(1).lower() in ctx.lex.word_set("stopwords"):
        return ""
    return "" if m.group(1).lower() in ctx.lex.word_set("not_name_words") else m.group(1)


def _actor(clause: str, ctx: Context) -> str:
    """Whose streak it is: the first country, else the first person-like name."""
    found = [e.name for _, _, e in ctx.lex.find_entities(clause) if e.kind == "country"]
    if found:
        return found[0]
    stop = ctx.lex.word_set("not_name_words")
    for m in _PERSON.finditer(ctx.lex.blank_entities(clause)):
        if not any(part in stop for part in re.split(r"[ -]", m.group())):
            return m.group()
    return ""


# A year where the words need one: "since 20005" (five digits or more), or, in a report whose
# date is known, a first year after it ("held every year since 2031") or an event narrated as
# held after it ("the 2027 contest was won by"). Kept as claims of their own, never as a first
# year or a date: a report's own error must not date it or count its editions.
IMPLAUSIBLE = "implausible-year"
_NUMBER = r"(?<![\w/.,$\u20ac\u00a3#:+-])(\d{4,})(?![\w/'\u2019%-]|[.,:]\d)"
# what may follow a year: a stop, or a word that starts a new phrase ("since 2005 when ...");
# a noun after the number makes it a count or an address ("20005 Main Street", "2031 homes")
_AFTER_YEAR = LazyPattern(
    r"\s*(?:[,.;:!?)\]\u2014\u2013\"\u201d]|$|(?:and|or|but|when|with|as|after|before|until|by|at|in|on|"
    r"under|while|to|for|the|a|an|its|it|which|where|has|have|had)\b)",
    re.I,
)
_SINCE_YEAR = LazyPattern(rf"\b(?i:since)\s+{_NUMBER}")
_YEAR_AFTER_VERB = LazyPattern(rf"\s*{_NUMBER}")
# "in 20005": a year written with a digit too many (a count after "in" is rarely a year's
# shape, and "one in 20005" is odds)
_IN_LONG_YEAR = LazyPattern(r"(?<!\bone )(?<!\b1 )\b(?i:in)\s+((?:19|20)\d{3})(?![\w/'\u2019%-]|[.,:]\d)")
# planned or hoped-for wording: a later year there is a target, not an error ("will be held in
# 2027", "by 2035", "is to be renewed every year from 2030")
_FUTURE = LazyPattern(
    r"\b(?:will|would|shall|to be|is to|are to|due|set to|plans?|planned|planning|scheduled|expected|"
    r"hopes?|hoping|aims?|aiming|could|may|might|bid|bids|bidding|next|upcoming|forthcoming|"
    r"future|candidate|host city|hosting rights|right to host)\b",
    re.I,
)
# verbs that tell an edition as held: "won" alone is not one ("Milan won the 2026 Games" may
# be the right to host them), nor is "cancelled" (an edition may be called off ahead)
_HELD_VERB = r"(?:was|were)\s+(?:won\s+by|held|staged|run)|took\s+place|ended|closed|concluded"


def _implausible_years(sentence: Sentence, ctx: Context) -> Iterator[Draft]:
    """Years a report cannot have right, each once: see IMPLAUSIBLE."""
    text = sentence.text
    if not re.search(r"\d{4}", text):
        return
    published = ctx.article.published.year if ctx.article.published else None
    seen: set[int] = set()
    for start, end, year, why in _year_positions(text, ctx):
        at = text.rfind(str(year), start, end)
        if at in seen:
            continue
        if len(str(year)) > 4:
            reason = "digits"
        elif published is not None and year > published and not _planned(text, start, end):
            reason = why
        else:
            continue
        seen.add(at)
        yield Draft(
            family="implausible-year",
            slot=IMPLAUSIBLE,
            value=year,
            display=text[start:end],
            span=(start, end),
            extra={"why": reason, **({"published": published} if published else {})},
        )


def _year_positions(text: str, ctx: Context) -> Iterator[tuple[int, int, int, str]]:
    """(start, end, number, what the year would be) of every number standing where a year must:
    after "since" or a verb that starts a series ("first held in"), or naming an edition said
    to be held ("the 2027 contest was won by", "the 2027 Lakeside Marathon took place")."""
    for m in _SINCE_YEAR.finditer(text):
        if _AFTER_YEAR.match(text, m.end()):
            yield m.start(), m.end(), int(m.group(1)), "start-after-report"
    for m in ctx.lex.phrase_re("series_start_verbs").finditer(text):
        y = _YEAR_AFTER_VERB.match(text, m.end())
        if (
            y
            and _AFTER_YEAR.match(text, y.end())
            and not _PRESENT.search(text, max(0, m.start() - 20), m.start())
        ):
            yield m.start(), y.end(), int(y.group(1)), "start-after-report"
    for m in _IN_LONG_YEAR.finditer(text):
        if _AFTER_YEAR.match(text, m.end()):
            yield m.start(), m.end(), int(m.group(1)), "digits"
    for m in _held_edition_re(ctx.lex).finditer(text):
        # the edition is the verb's subject, not "qualifiers for the 2026 contest were held"
        if _OPENS_CLAUSE.search(text, max(0, m.start() - 20), m.start()):
            yield m.start("what"), m.end("what"), int(m.group("year")), "event-after-report"


@cache
def _held_edition_re(lex: Lexicon) -> re.Pattern[str]:
    """ "the 2027 contest was won by", "the 2027 Lakeside Marathon took place": an edition
    named by its year, told as held (the event's own nouns are data)."""
    nouns = phrase_alternation(lex.words("edition_nouns") + lex.words("event_nouns"))
    name = r"(?:[A-Z][\w.'-]*\s+){0,3}"
    return compile_pattern(
        rf"(?P<what>(?i:the)\s+(?P<year>\d{{4,}})\s+{name}(?i:{nouns}))\b\s+(?i:{_HELD_VERB})\b"
    )


# a start verb in the present or a plan: "the scheme is launched in 2026", "being first held in"
_PRESENT = LazyPattern(r"\b(?:is|are|be|being|gets?)\s+(?:(?:now|then|only|to)\s+)?$", re.I)


# where an edition named first is the subject of its verb: the sentence's or a clause's start
_OPENS_CLAUSE = LazyPattern(
    r"(?:^|[,;:\u2014(]|\b(?:and|but|when|after|as|while|where|since|because))\s*$", re.I
)


def _planned(text: str, start: int, end: int) -> bool:
    """True when the comma-piece of a year speaks of a plan, a hope or a coming edition (the
    rest of its clause may: "the festival, held every year since 2031, will run")."""
    a, b = clause_around(text, start, end)
    return bool(_FUTURE.search(piece_around(text, start, end, a, b)))
