"""What the generic readers of claim kinds share: where a match stands (its clause, the years it
speaks for), what it is about (a category such as "the women's race", an actor) and how a
match becomes a draft of a declared family."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache, lru_cache

from checker.cache import compile_pattern
from checker.extract.base import (
    Context,
    Draft,
    aside_spans,
    clause_around,
    month_meeting,
    period_offsets,
    piece_around,
    scope_of,
)
from checker.families import Family
from checker.lexicon import Lexicon, first_letter_guard, longest_first, phrase_alternation, phrases_re
from checker.stages import numbered_parts
from checker.text import LazyPattern, Numbers, Sentence, key_words

QUALIFIERS = {
    "more than": "more-than",
    "over": "more-than",
    "above": "more-than",
    "upwards of": "more-than",
    "in excess of": "more-than",
    "at least": "at-least",
    "no fewer than": "at-least",
    "some": "about",
    "about": "about",
    "around": "about",
    "approximately": "about",
    "roughly": "about",
    "an estimated": "about",
    "estimated": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "fewer than": "less-than",
    "less than": "less-than",
    "under": "less-than",
    "up to": "at-most",
    "at most": "at-most",
}
QUALIFIER_PATTERN = "|".join(longest_first(QUALIFIERS))


def interval(value: int, qualifier: str) -> tuple[float, float]:
    """The range of true values a qualified count admits (whole numbers: no float rounding)."""
    if qualifier == "more-than":
        return (value + 1, math.inf)
    if qualifier == "at-least":
        return (value, math.inf)
    if qualifier == "about":
        slack = _written_slack(value)
        if slack is not None:
            return (value - slack, value + slack)
        return (value * 9 // 10, -(-value * 11 // 10))
    if qualifier == "nearly":
        slack = _written_slack(value)
        return (value * 85 // 100 if slack is None else value - slack, value)
    if qualifier == "less-than":
        return (0, value - 1)
    if qualifier == "at-most":
        return (0, value)
    return (value, value)


def scaled_interval(written: str, value: int, qualifier: str) -> tuple[float, float]:
    """interval, less exact for a figure written in millions or thousands: "1.2 million" is
    rounded to a tenth of a million, so holds 1,150,000 to 1,250,000 (1,206,500 is one of
    them; "1.26 million" is not)."""
    scaled = _SCALED.fullmatch(written.strip())
    if scaled is None or qualifier != "exact":
        return interval(value, qualifier)
    decimals = len(scaled.group(1).partition(".")[2])
    half = (1_000_000 if scaled.group(2).lower() == "million" else 1_000) // 10**decimals // 2
    return (value - half, value + half)


def _written_slack(value: int) -> int | None:
    """How far from a figure written to three digits or more "about" lets the truth lie: two
    units of its last digit ("some 412,000" is 410,000 to 414,000; 421,000 is another figure).
    None for a round figure ("about 40,000", "about 27,500"), which holds a share of itself
    either way."""
    digits = str(value).rstrip("0")
    # a last digit 5 rounds to a half step ("about 27,500"): a round figure still
    if len(digits) - digits.endswith("5") < 3:
        return None
    slack = 2 * 10 ** (len(str(value)) - len(digits))
    return slack if slack < value // 10 else None


@cache
def families_keys(families: tuple[Family, ...]) -> frozenset[str]:
    """A first look for several families at once: a key word of each of their trigger words."""
    return key_words(w for f in families for w in _trigger_words(f))


@cache
def family_gate(family: Family) -> re.Pattern[str]:
    """A cheap first look: a sentence holds a claim of the family only beside one of its words,
    which may stand after a hyphen ("the 7,500-strong audience")."""
    words = sorted(set(_trigger_words(family)), key=lambda p: (-len(p), p))
    body = phrase_alternation(words) or r"(?!x)x"
    return compile_pattern(first_letter_guard(words) + rf"(?<!\w)(?:{body})(?![\w-])", re.IGNORECASE)


def _trigger_words(family: Family) -> tuple[str, ...]:
    # a first look only: the group noun of any "X in the Y" noun may start a count
    heads = tuple(m.group(1) for n in family.nouns if (m := _STAGE_NOUN.fullmatch(n)))
    return (
        family.nouns
        + heads
        + family.lead_nouns
        + family.lead_verbs
        + family.verbs
        + family.sized_groups
        + family.object_verbs
    )


@cache
def _categories(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    """Categories within one occurrence ("men's race", "wheelchair"): phrase -> its key."""
    table = {str(k): [str(w) for w in v] for k, v in (lex.vocab.get("categories") or {}).items()}
    key_of = {w.lower(): key for key, words in table.items() for w in words}
    return phrases_re(sorted(key_of)), key_of


def categories_in(text: str, lex: Lexicon) -> tuple[str, ...]:
    """The categories a piece of text names, as keys in a fixed order ("men", "wheelchair"),
    and a class it names by its own words ("in the two-handed class": "two-handed class")."""
    pattern, key_of = _categories(lex)
    found = {key_of[" ".join(m.group().lower().split())] for m in pattern.finditer(text)}
    found |= {" ".join(m.group(1).lower().split()) for m in _named_class_re(lex).finditer(text)}
    found |= _distances_in(text, lex)
    found |= numbered_parts(text, lex)  # "Stage 3 (204 km)": the stage's, not the race's
    # "Kingsmere's women won by five lengths": a side's women are its women's crew or team
    found |= {
        m.group(1).lower()
        for m in _SIDES.finditer(text)
        if m.group(1).lower() in _categories(lex)[1].values()
    }
    return tuple(sorted(found))


_SIDES = LazyPattern(r"\w['’]s\s+(women|men)\b(?!['’])", re.I)


def race_by_distance(text: str, start: int, lex: Lexicon) -> bool:
    """Whether the distance at start names a race of its own ("the accompanying 10 km"): such a
    race is that long by its name, and tells nothing of the course."""
    return any(m.start("n") == start for m in _races(text, lex))


def _distances_in(text: str, lex: Lexicon) -> set[str]:
    """Races of a distance a text names as races ("the 10 km", "her 5K title"), keyed "10km"."""
    unit_of = _distance_re(lex)[1]
    return {
        m.group("n").replace(",", "") + unit_of[" ".join(m.group("unit").lower().split())]
        for m in _races(text, lex)
    }


def _races(text: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """Distances named as races; a point or a stretch of the course ("at the 30 km mark", "the
    full 26.2 miles of the course") is none."""
    for m in _distance_re(lex)[0].finditer(text):
        if not lex.phrase_re("course_point_words").match(text, m.end()):
            yield m


def _measured(text: str, end: int, lex: Lexicon) -> bool:
    """Whether a number is followed by a unit of distance: "10 km runners" counts no runners."""
    return _unit_after_re(lex).match(text, end) is not None


@cache
def _unit_after_re(lex: Lexicon) -> re.Pattern[str]:
    units = phrase_alternation(longest_first(_distance_re(lex)[1])) or r"(?!x)x"
    return compile_pattern(rf"\s?-?(?:{units})\b(?![-\w])", re.I)


@cache
def _distance_re(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    table = {str(k): [str(w) for w in v] for k, v in (lex.vocab.get("distance_units") or {}).items()}
    unit_of = {w.lower(): key for key, words in table.items() for w in words}
    units = phrase_alternation(longest_first(unit_of)) or r"(?!x)x"
    # a determiner or an owner before it: "the 10 km", "his men's 10K title", "Sunday's 5K",
    # "the accompanying 10 km" (not a stretch of the course, "the first 10 km", nor the course
    # itself as it is or was planned, "the usual 112 km")
    return compile_pattern(
        rf"(?:\b(?:the|a|his|her|their|its)|['’]s)\s+(?:(?:men|women)['’]s\s+)?"
        r"(?:(?!(?:first|last|final|opening|closing|second|next|remaining|full|whole|entire|usual|normal|"
        r"planned|original|scheduled|standard|shortened|new|old)\b)[a-z]+\s+)?"
        rf"(?P<n>\d{{1,2}}(?:,\d{{3}}|\d{{0,3}})(?:\.\d)?)\s?-?(?P<unit>{units})\b(?![-\w])\s*",
        re.I,
    ), unit_of


@cache
def _named_class_re(lex: Lexicon) -> re.Pattern[str]:
    nouns = phrase_alternation(lex.words("category_nouns")) or r"(?!x)x"
    return compile_pattern(
        rf"\b(?:in|of|for)\s+the\s+((?:[\w'’-]+\s+){{0,2}}?[\w'’-]+\s+(?:{nouns}))\b(?!\s+of\b)", re.I
    )


def category_key(text: str, lex: Lexicon) -> str:
    """'' or ':men', ':wheelchair:women': what a slot adds so only like is compared."""
    found = categories_in(text, lex)
    return ":" + ":".join(found) if found else ""


def clause_of(text: str, start: int, end: int) -> tuple[int, int, str]:
    a, b = clause_around(text, start, end)
    return a, b, text[a:b]


def avoided(family: Family, clause: str, whole: bool = False) -> bool:
    """A clause with one of the family's avoid words is about something else, and one with a
    word of its parts about a part, unless the count is the ``whole`` the part comes from."""
    words = family.avoid if whole else family.avoid + family.parts
    return bool(words) and phrases_re(words).search(clause) is not None


def offsets_of(text: str, start: int, end: int, a: int, b: int, ctx: Context) -> tuple[int, ...]:
    """The year a match speaks for, relative to the report's: the latest its scope names, less
    the asides that describe a name ("Britain, last year's runner-up, came 22nd" is this year's)."""
    if period_offsets(scope_of(text, start, end, a, b), ctx.numbers) is None:
        return (0,)  # no year named: no aside can move it (most claims)
    for x, y in aside_spans(text, ctx.lex):
        if not x <= start < y:
            text = text[:x] + " " * (y - x) + text[y:]
    return (period_offsets(scope_of(text, start, end, a, b), ctx.numbers) or (0,))[-1:]


_IN_YEAR = LazyPattern(r"\b(?:[Ii]n|[Dd]uring|[Aa]t the)\s+((?:19|20)\d\d)\b(?!\s*(?:-|–|to)\s*\d)")


def named_year(text: str, start: int, end: int, a: int, b: int) -> dict[str, int]:
    """{"year": Y} where the match's scope says which year it is about ("195 nations agreed in
    2015"): the claim is about that year's occurrence, whatever year the report is."""
    scope = scope_of(text, start, end, a, b)
    m = _IN_YEAR.search(scope) or _THE_YEARS.search(scope)
    if m is None or _SINCE.search(scope, scope.find(text[start:end]) + 1, m.start()):
        return {}  # "38,450 runners, the largest field since the first race in 1985": this year's
    if _STARTED.search(scope, 0, m.start()) and scope.find(text[start:end]) < m.start():
        return {}  # "25 countries competed, ..., which was first held in 1996": the series' start
    return {"year": int(m.group(1))}


_SINCE = LazyPattern(r"\bsince\b", re.I)
# "The original 1994 route was barely 1.5 kilometres": a year before a noun, as its owner
_THE_YEARS = LazyPattern(r"\b(?i:the)\s+(?:[a-z]+\s+)?((?:19|20)\d\d)\s+(?=[a-z])")
# a relative clause that tells when the series began names its first year, not the claim's
_STARTED = LazyPattern(
    r"\b(?:(?:which|that)\s+(?:was|were|has\s+been)\s+(?:first\s+)?|first\s+)(?:held|staged|run|founded|launched|"
    r"created|established|inaugurated|contested)\s+$",
    re.I,
)


def count_drafts(
    sentence: Sentence, ctx: Context, family: Family, patterns: tuple[LazyPattern, ...]
) -> Iterator[Draft]:
    """Counts of one family: the number, its qualifier and the category it counts within."""
    text = sentence.text
    if not family_gate(family).search(text):
        return
    seen: set[int] = set()
    for pattern in patterns:
        for m in pattern.finditer(text):
            if m.start("num") in seen:
                continue
            value = None if _measured(text, m.end("num"), ctx.lex) else read_number(m.group("num"), ctx)
            a, b, _ = clause_of(text, m.start(), m.end())
            scope = verb_scope(text, m, a, b)
            piece = piece_around(text, m.start(), m.end(), a, b)
            said = scope if _PART_OF.search(text[a : m.start()]) else piece
            if value is None or not _counts_the_group(family, text, m, (a, b), scope, said, ctx):
                continue
            seen.add(m.start("num"))
            others = _others(text, m, a)
            if others is None:
                continue
            value += others
            part = coordinated_part(text, m.span(), a, b, ctx.numbers)
            # "38 countries entered and 25 made the final": the final is the 25's, not the 38's
            stage, concluding = stage_key(text, m, text[slice(*part)], ctx.lex)
            source = _FROM_BEFORE.search(text, a, m.start())
            if _stage_rule(family, m, stage, ctx.lex, None if source else said):
                continue  # the group at that stage is another family's count ("finalists")
            if not _takes_part(family, m.group(0), scope, ctx.lex):
                continue
            # the concluding stage is the occurrence's own event ("the final took place before
            # 7,500 spectators"): only an earlier stage keys a count apart
            qualifier = QUALIFIERS.get(" ".join((m.group("qual") or "").lower().split()), "exact")
            other = month_meeting(text[:b], ctx)  # "At the Bonn session in June, where 6,000 met"
            yield Draft(
                family=family.name,
                slot=family.name
                + _own_categories(family, text[slice(*part)], ctx.lex)
                + _estimator(family, text[a:b])
                + (":reached" if "reached" in m.re.groupindex else "")
                + ("" if concluding else stage),
                value=scaled_interval(m.group("num"), value, qualifier),
                display=m.group(0),
                span=m.span(),
                qualifier=qualifier,
                year_offsets=(other[0],) if other else offsets_of(text, m.start(), m.end(), a, b, ctx),
                extra={
                    "number": value,
                    **named_year(text, m.start(), m.end(), a, b),
                    **(other[1] if other else {}),
                },
            )


def _counts_the_group(
    family: Family, text: str, m: re.Match[str], clause: tuple[int, int], scope: str, said: str, ctx: Context
) -> bool:
    """Whether a number before a family's noun counts the family's group, not a year, a part of
    it, a group it comes from or a part of a tally."""
    a, b = clause
    if _a_year(text, m) or _NARROWED_TO.search(text, a, m.start()) or _ON_A_SCORE.match(text, m.end()):
        return False  # "first contested in 1868 between crews", "cut to 68", "Two players on 7"
    if _PART_AFTER.search(text, max(a, m.start() - 30), m.start()):
        return False  # "187,300 visitors, among them 31,200 trade visitors": a part of them
    if _LABEL_BEFORE.search(text, max(a, m.start() - 12), m.start()):
        return False  # "on lap 27 while marshals cleared the track": a label, no count
    if _STANDING_RECORD.search(text, max(a, m.start() - 40), m.start()):
        return False  # "its attendance record, 507,000 pilgrims, was set in 2010": the record's
    # "Only 68 made the cut from a 165-man field": the 165 are the whole
    if avoided(family, said, whole=bool(_WHOLE_FROM.search(text, a, m.start()))):
        return False
    if family.verbs and not phrases_re(family.verbs).search(scope):
        return False
    if family.verbs and _whole_of_verbs_part(family, text, m, a, b):
        return False  # "ten songs went through from the 17 entries": the 17 are the whole
    if not family.verbs and "whole" in m.re.groupindex and m.group("whole"):
        return False  # "16 of the 20 starters reached the line": a part is no count of the group
    return not (_tally_part(text, m, a, ctx.lex) or _disputed(text, m, a, ctx.lex))


def _whole_of_verbs_part(family: Family, text: str, m: re.Match[str], a: int, b: int) -> bool:
    """Whether the count is the group those the family's verb tells of come from: after "from
    the" with the verb before it ("went through from the 17 entries"), not after it ("no
    objection from the 197 nations attending")."""
    if not _WHOLE_FROM.search(text, a, m.start()):
        return False
    verbs = phrases_re(family.verbs)
    return verbs.search(text, a, m.start()) is not None and verbs.search(text, m.end(), b) is None


# a record the figure is given for, named as one (the, its), is the standing record, set in some
# edition ("the record of 507,000", "its attendance record, 507,000"); not a record this edition
# set ("received a record of 438,915 visitors", "the new record of 8,000")
_STANDING_RECORD = LazyPattern(
    r"\b(?:the|its|their|his|her|[\w-]+'s)\s+(?!new\b)(?:[\w-]+\s+){0,2}?record(?:\s+of|\s*,|\s*:)\s+$", re.I
)
_LABEL_BEFORE = LazyPattern(r"\b(?:lap|stage|round|hole|heat|game|board|leg|page|section|no\.)\s+$", re.I)
_PART_AFTER = LazyPattern(
    r"\b(?:among\s+them|among\s+whom|of\s+whom|of\s+which|of\s+them|including)\s+"
    r"(?:(?:some|about|around|nearly|almost|over|more\s+than)\s+)?$",
    re.I,
)
# "Two players on 7", "three riders at 12 seconds": those who share a score are a part of a field
_ON_A_SCORE = LazyPattern(
    r"\s+(?:on|at|with|tied on|level on)\s+\d+(?:[.,]\d+)?(?!\d|\s*(?:[ap]\.?m\b|:|h\b|o'clock))", re.I
)
# "The field of 156 was cut to 68 players": what a group is cut to is a part of it
_NARROWED_TO = LazyPattern(r"\b(?:cut|reduced|whittled|trimmed|narrowed)\s+(?:down\s+)?to\s+$", re.I)
_WHOLE_FROM = LazyPattern(r"\bfrom\s+(?:a|an|the)\s+$", re.I)
_YEAR_NUMBER = LazyPattern(r"(?:1[5-9]|20)\d\d")
_YEAR_BEFORE = LazyPattern(r"\b(?:in|since|until|by)\s+$", re.I)


def _a_year(text: str, m: re.Match[str]) -> bool:
    """Whether the number counted is a year after "in" or "since": no count."""
    start = m.start("num")
    if not _YEAR_NUMBER.fullmatch(m.group("num")):
        return False
    return _YEAR_BEFORE.search(text, max(0, start - 8), start) is not None


# "Ten of the 15 countries that performed went through": the relative clause says what the 15
# did, the words after it what the ten did.
_RELATIVE_AFTER = LazyPattern(r"\s*,?\s*(?:that|which|who)\s+(?:(?:had|have|has|were|was)\s+)?[\w'-]+")
_PART_OF = LazyPattern(r"(?<![\w-])[\w-]+\s+of\s+the\s+$", re.I)


def verb_scope(text: str, m: re.Match[str], a: int, b: int) -> str:
    """Where a family's verb must stand to say what the counted group did: the clause; for the
    whole of "N of the M X that V ..." only its relative clause; for the part N, the rest."""
    rel = _RELATIVE_AFTER.match(text, m.end())
    if "whole" in m.re.groupindex and m.group("whole"):
        return text[rel.end() if rel else m.end() : b]
    if _PART_OF.search(text[a : m.start()]):
        return rel.group() if rel else ""
    return text[a:b]


# "The text was approved by 120 countries": those who voted for a text, a part of its tally
_BY_BEFORE = LazyPattern(r"\b(?:\w+ed)\s+by\s+$", re.I)


def _tally_part(text: str, m: re.Match[str], a: int, lex: Lexicon) -> bool:
    """A group after "<verb>ed by" in a clause about a text voted on (a resolution, a draft) is
    the part of the tally that voted for it, not a count of those taking part; "the accord
    adopted by 196 parties" is no such text."""
    if not _BY_BEFORE.search(text, a, m.start()):
        return False
    return phrases_re(lex.words("voted_text_nouns")).search(text, a, m.start()) is not None


def _disputed(text: str, m: re.Match[str], a: int, lex: Lexicon) -> bool:
    """ "The result was contested by 12 members": after a verb of contesting, a group counts the
    field only where what is contested is an event (a race, a final, a seat)."""
    if "contested" not in m.re.groupindex or m.group("contested") is None:
        return False
    return lex.phrase_re("contested_events").search(text, a, m.start()) is None


_OTHER = LazyPattern(r"\bother\b", re.I)
_NAMED_AND = LazyPattern(r"\band\s+$", re.I)


def _others(text: str, m: re.Match[str], a: int) -> int | None:
    """ "beat 25 other performers": the group counted is those 25 and one more (1); "Chile and
    20 other countries" counts named ones too, which a bare count cannot tell (None); else 0."""
    if not _OTHER.search(text, m.end("num"), m.end()):
        return 0
    if _NAMED_AND.search(text[a : m.start()]):
        return None
    return 1


_STAGE_NOUN = LazyPattern(r"(.+?)\s+(?:in|at)\s+(the\s+.+)", re.I)


@cache
def stage_nouns(nouns: tuple[str, ...], lex: Lexicon) -> tuple[tuple[str, str], ...]:
    """A family's nouns that name a group at a stage ("countries in the final"), as (group,
    stage key): the group counted where its clause names that stage is the family's."""
    from checker.stages import named_stage

    found = []
    for noun in nouns:
        m = _STAGE_NOUN.fullmatch(noun)
        stage = named_stage(m.group(2), lex) if m else None
        if m and stage is not None:
            found.append((m.group(1).lower(), ":" + stage.label))
    return tuple(found)


@cache
def _stage_owners(lex: Lexicon) -> dict[tuple[str, str], str]:
    """(group noun, stage key) -> the count family that counts that group at that stage."""
    from checker.families import generic_families

    owners: dict[tuple[str, str], str] = {}
    for family in generic_families():
        for head, key in stage_nouns(family.nouns, lex) if family.kind == "count" else ():
            owners.setdefault((head, key), family.name)
    return owners


# "sixteen acts from 39 nations": the group the field comes from, not the field
_FROM_BEFORE = LazyPattern(r"\bfrom\s+$", re.I)


def _stage_rule(family: Family, m: re.Match[str], stage: str, lex: Lexicon, said: str | None) -> bool:
    """Skip a count of a group at the stage its clause names when another family counts that
    group there: "27 countries performed in the grand final" counts finalists and "the 15
    countries that performed" in a semi-final its entrants, not countries taking part. A family
    that counts a group only at a stage counts none of it elsewhere. The owner takes no count
    its own avoid words keep out of ``said`` ("ten countries went through" are qualifiers, not
    the field), nor the group a field comes from (``said`` None: "from 39 nations")."""
    owners = _stage_owners(lex)
    words = " ".join(m.group(0).lower().split())
    heads = {head for head, _ in owners if words.endswith(" " + head)}
    if not heads:
        return False
    head = max(heads, key=len)
    label = ":" + stage.lstrip(":").split(" ")[-1] if stage else ""
    owner = owners.get((head, label)) if said is not None else None
    if owner is not None and not avoided(_family_named(owner), said or ""):
        return owner != family.name
    return any(h == head and name == family.name for (h, _), name in owners.items())


def _takes_part(family: Family, matched: str, scope: str, lex: Lexicon) -> bool:
    """A group read through the head of a family's stage noun ("26 countries" for "countries
    in the final") is that stage's field only where it is said to take part, by a verb of the
    families that count the bare group ("26 countries competed in the final"), not where the
    stage is named beside it otherwise ("the 37 countries will be split into two semi-finals")."""
    words = " ".join(matched.lower().split())
    if any(words == n or words.endswith(" " + n) for n in _lower(family.nouns)):
        return True
    if not any(words.endswith(" " + h) for h, _ in stage_nouns(family.nouns, lex)):
        return True
    return phrases_re(_group_verbs(lex)).search(scope) is not None


@cache
def _lower(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(" ".join(w.lower().split()) for w in words)


@cache
def _group_verbs(lex: Lexicon) -> tuple[str, ...]:
    """What a group counted at a stage did: the verbs of the count families that count such a
    group bare ("countries", "songs": taking part, going through)."""
    from checker.families import generic_families

    counts = [f for f in generic_families() if f.kind == "count"]
    heads = {head for f in counts for head, _ in stage_nouns(f.nouns, lex)}
    return tuple(v for f in counts if heads & set(_lower(f.nouns)) for v in f.verbs) or ("(?!)",)


@cache
def _family_named(name: str) -> Family:
    from checker.families import generic_families

    return next(f for f in generic_families() if f.name == name)


def _estimator(family: Family, clause: str) -> str:
    """':police' where the clause names one whose estimate the family keys apart."""
    found = phrases_re(family.estimators).search(clause) if family.estimators else None
    return f":{' '.join(found.group().lower().split())}" if found else ""


def _own_categories(family: Family, clause: str, lex: Lexicon) -> str:
    """The category key of a count, less the categories its own nouns name: "37 national
    juries" counts juries, not a part of the jury vote."""
    own = set(categories_in(" ; ".join(family.nouns), lex))
    found = [k for k in categories_in(clause, lex) if k not in own]
    return ":" + ":".join(found) if found else ""


def coordinated_part(text: str, span: tuple[int, int], a: int, b: int, numbers: Numbers) -> tuple[int, int]:
    """Where the part of a clause a number's category is read from starts and ends: "6,890
    finishers in the half and 3,214 in the 10 km" gives each count its own, cut where "and" or a
    comma joins the next."""
    joins = [j.start() for j in _joined_count_re(numbers).finditer(text, a, b)]
    return max([a, *(j for j in joins if j < span[0])]), min([b, *(j for j in joins if j >= span[1])])


@cache
def _joined_count_re(n: Numbers) -> re.Pattern[str]:
    # ", and 3,214 in the 10 km", "and about 3,000 women": a count joined after another
    about = r"(?:(?:about|some|nearly|almost|over|more than|a further|another|an additional)\s+)?"
    return compile_pattern(rf"(?:,\s*|\s+)and\s+{about}(?:{n.cardinal})\b", re.I)


_PARTITIVE = LazyPattern(r"^\s*of\s+the\s+$", re.I)


def stage_key(text: str, m: re.Match[str], clause: str, lex: Lexicon) -> tuple[str, bool]:
    """(':final', concluding) or (':first semi-final', False): the stage a count speaks of,
    where its clause names one ("27 countries performed in the grand final"; "ten songs are
    through to the final" is the semi-final's), and whether it is the stage that concludes an
    occurrence. A stage inside the counted noun ("acts in the semi-final") is the noun's own; the
    whole in "Of the 39 countries taking part, 26 competed in the final" is no stage's."""
    from checker.stages import named_stage

    left = text.rfind(",", 0, m.start()) + 1
    if named_stage(m.group(0), lex) is not None:
        clause = m.group(0)
    elif _PARTITIVE.match(text[left : m.start()]):
        clause = piece_around(text, m.start(), m.end(), left, len(text))
    stage = named_stage(clause, lex)
    if stage is None or _SEVERAL.search(clause) and re.search(_several(stage.words), clause, re.I):
        return "", False  # "will perform in two semi-finals": several meetings, no one stage's
    ordinal = re.search(rf"\b(first|second|third)\s+(?:{_stage_words(stage.words)})\b", clause, re.I)
    key = f":{ordinal.group(1).lower()} {stage.label}" if ordinal else f":{stage.label}"
    return key, stage.concluding


@cache
def _stage_words(words: tuple[str, ...]) -> str:
    return phrase_alternation(words)


_SEVERAL = LazyPattern(r"\b(?:two|three|four|both|all)\b", re.I)


@cache
def _several(words: tuple[str, ...]) -> str:
    return rf"\b(?:two|three|four|both|all(?:\s+the)?)\s+(?:{phrase_alternation(words)})\b"


_SCALED = LazyPattern(r"(\d+(?:\.\d+)?)\s+(thousand|million)", re.I)


def read_number(token: str, ctx: Context) -> int | None:
    """A cardinal in digits or words, or "1.5 million"."""
    m = _SCALED.fullmatch(token.strip())
    if m:
        scale = 1_000 if m.group(2).lower() == "thousand" else 1_000_000
        return round(float(m.group(1)) * scale)
    return ctx.numbers.read_cardinal(token)


# A name as a report writes a source: capitalised words ("Ana Ruiz", "Foreign Minister Ana Ruiz")
_NAME = r"[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,4}"
# words after a name that make it no subject: "Speaking to the assembly, ..."
_NOT_A_VERB = r"(?:to|the|a|an|of|in|at|on|for|with|by|from|and|or)\b"


# the verbs of saying that may come before the one who says ("said Ana Ruiz", "according to
# the Harbour Institute"); after any other the name is whom it is told or what it is about
# ("told the Assembly", "put the damage at")
_INVERTED = frozenset({"said", "says", "according to", "added", "noted", "wrote"})


@cache
def _source_res(verbs: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    """(name before a verb, verb before a name, name as the subject of a clause that goes on
    with a participle): "Ruiz, the minister, put the damage at", "according to Ana Ruiz",
    "Ana Ruiz attacked the levy, saying that"."""
    alt = phrase_alternation(verbs)
    inverted = phrase_alternation(tuple(v for v in verbs if v in _INVERTED))
    participles = "|".join(re.escape(v) for v in verbs if v.endswith("ing"))
    return (
        compile_pattern(
            rf"(?P<who>{_NAME})(?:,[^,]{{1,60}},)?\s+(?:(?:has|had|also|then|later)\s+)*(?i:{alt})(?![\w-])"
        ),
        compile_pattern(rf"(?<![\w-])(?i:{inverted or '(?!)'})\s+(?:the\s+)?(?P<who>{_NAME})"),
        compile_pattern(
            rf"(?P<who>{_NAME})\s+(?!{_NOT_A_VERB})[a-z][\w-]*[^.;]{{0,160}}?,\s+"
            rf"(?i:{participles or '(?!)'})\b"
        ),
    )


def source_of(text: str, start: int, end: int, verbs: tuple[str, ...], ctx: Context) -> str:
    """Who gives the amount at text[start:end]: the name beside the verb of saying (``verbs``,
    a family's data) nearest to it in its clause, as a key (a person's surname, so "Ana Ruiz"
    and "Ruiz" are one source; a body's or a known entity's name); "" where none is named ("he
    said", "officials said")."""
    a, b = clause_around(text, start, end)
    found: list[tuple[int, str]] = []
    for pattern in _source_res(verbs):
        for m in pattern.finditer(text, a, b):
            key = _source_key(text, m, ctx)
            if key:
                found.append((max(m.start() - end, start - m.end(), 0), key))
    return min(found)[1] if found else ""


_THE_BEFORE = LazyPattern(r"\bthe\s+$", re.I)


def _source_key(text: str, m: re.Match[str], ctx: Context) -> str:
    """A source's key: a known entity's name; a body's whole name ("the Harbour Institute");
    else a person's surname, the last word of a name that is neither a title nor a word that
    opens sentences ("The", "Officials")."""
    name = m.group("who")
    entities = ctx.lex.find_entities(name)
    if entities and entities[-1][1] == len(name):
        return entities[-1][2].name
    last = name.split()[-1]
    if last in ctx.lex.word_set("not_name_words") or last.lower() in _title_words(ctx.lex):
        return ""
    if _THE_BEFORE.search(text, max(0, m.start("who") - 10), m.start("who")):
        return " ".join(name.lower().split())
    if (
        " " not in name
        and not text[: m.start("who")].strip(" \"'\u201c")
        and not named_within(ctx.article.text, last)
    ):
        return ""  # a word opening the sentence that the report never writes as a name within one
    return last.lower()


@lru_cache(maxsize=8192)
def named_within(article: str, word: str) -> bool:
    """True when the report writes a word capitalised within a sentence too ("Ana Ruiz",
    "told Ruiz"): a word that only opens sentences may be none ("Officials said")."""
    return re.search(rf"(?:[a-z,]|[A-Z][\w'\u2019-]*)\s+{re.escape(word)}\b", article) is not None


@cache
def _title_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(w.lower() for form in lex.title_forms() for w in form.split())
