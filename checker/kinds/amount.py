"""Amount: money or a measure with its unit ("$300 billion", "US$120bn", "€2.3 million", "£5m",
"42.195 km", "26.2 miles", "64 per cent", "12 seats"), kept as the amount in its base unit (dollars,
kilometres, per cent), the unit, the rounding step as written and the qualifier.

Two amounts agree when they are equal within the rounding of the less precise of the two
("$4.2 billion" and "$4,180 million"); amounts in different units are different subjects (the
unit is part of the slot). An amount belongs to the family whose noun stands nearest to it in
its clause ("the $300 billion finance goal"); with no such noun it is no claim. A family that
names actors is one source's figure: its slot names who gives it, and a figure with no source
named is no claim of it. A family keyed by subject (``keyed_by: subject``, a candidate's
share of the vote, the seats a party won) keys each amount by whom it belongs to ("Ana Ruiz
took 54 percent", "41 percent for Tom Baker", "Baker (41%)", "the Greens won 12 seats"), and
one belonging to nobody named is no claim; a round before the last, a part of the whole ("in
the north") and another year key it apart.

An amount compared with ("$50,000 in prize money, up from $45,000 last year", "compared with
$45,000 in 2024") is of the time its comparison names, and the time is never the other's; one
compared with no time named is no claim, nor is a change ("up $5,000", "rose by $30 million").
Money of a noun of its own nearer than the family's ("plus a $10,000 bonus") is not the
family's; a sum a whole includes or sets aside for something ("the budget includes $412
million for the police") is a part, keyed by what it is for, never the whole. The vocabulary
(currencies, scales, lengths, the words of comparisons and parts) is data:
checker/data/en/amounts.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.base import another_body, period_offsets, scope_of, sentence_frame
from checker.extract.generic import (
    QUALIFIER_PATTERN,
    QUALIFIERS,
    avoided,
    category_key,
    clause_of,
    coordinated_part,
    families_keys,
    race_by_distance,
    source_of,
)
from checker.extract.subjects import Subject, subject_before, subject_ending_at, subject_starting_at
from checker.kinds import Kind
from checker.lexicon import longest_first, phrase_alternation, phrases_re
from checker.models import Claim
from checker.text import LazyPattern, Numbers, look, numbers_for

if TYPE_CHECKING:
    from checker.extract.base import Context, Draft
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Sentence

# thousands set apart by commas or, as many languages write them, by spaces ("50 000 pounds")
_NUM = (
    r"(?P<num>(?<![\d.,])\d{1,3}(?:,\d{3})+(?:\.\d+)?"
    r"|(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:\.\d+)?)"
)
_POINT_GROUPED = compile_pattern(r"\d{1,3}(?:\.\d{3})+")
_SIGN = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "%": "", "km": ""}
_GAPS = ("lengths", "strokes")  # a gap between the winner and the next, told in a unit of its sport
_MEASURES = ("%", "km", "seats", *_GAPS)  # units that are no currency: a family without units takes none
_QUALIFIER = LazyPattern(rf"\b(?P<qual>{QUALIFIER_PATTERN})\s+(?:a\s+|an\s+)?$", re.I)
_PER_YEAR = LazyPattern(
    r"\s*(?:a|per|each|every)\s+year\b(?!\s+(?:earlier|ago|before|later))|\s*(?:annually|yearly)\b", re.I
)
_BY_YEAR = LazyPattern(
    r"(?:\s*(?:a|per|each|every)\s+year|\s*annually|\s*yearly)?\s*,?\s*"
    r"(?P<how>by|starting in|from|until|through|in)\s+(?P<year>(?:19|20)\d\d)\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Found:
    """One amount in a sentence, before it is given to a family."""

    start: int
    end: int
    amount: float
    unit: str
    step: float  # the rounding of the number as written, in the base unit
    qualifier: str


class Amount(Kind):
    name = "amount"
    summary = "money or a measure with its unit: $300 billion, 42.195 km, 64%"

    def json(self, claim: Claim) -> Any:
        amount, unit = claim.value[:2]
        return {"amount": _plain(amount), "unit": unit}

    def compact(self, claim: Claim) -> str:
        amount, unit = claim.value[:2]
        return _short(amount, unit)

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return self.compact(claim)

    def label(self, claim: Claim) -> str:
        due = claim.value[4] if len(claim.value) > 4 else ""
        return f"{claim.display} {due}" if due else claim.display

    def compatible(self, a: Any, b: Any) -> bool:
        (x, unit_a, step_a, qual_a, due_a), (y, unit_b, step_b, qual_b, due_b) = _parts(a), _parts(b)
        if unit_a != unit_b or (due_a and due_b and due_a != due_b):
            return False  # "$300 billion by 2035" is not "$300 billion starting in 2035"
        if qual_a == qual_b == "exact":
            return abs(x - y) <= max(step_a, step_b) / 2 * (1 + 1e-9)
        lo_a, hi_a = _range(x, step_a, qual_a)
        lo_b, hi_b = _range(y, step_b, qual_b)
        return lo_a <= hi_b and lo_b <= hi_a

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        seen = look(text)
        # a gap in lengths or strokes may be all words: "by two and a quarter lengths", "by two strokes"
        told = seen.digit or seen.any_of(_GAP_WORDS)
        return told and seen.any_of(families_keys(families))

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        drafts = list(self._drafts(sentence, index, ctx, family))
        if family.keyed_by:
            # one subject's two shares in one sentence ("54 percent in the city and 48 in the
            # county") are of two things the slot cannot tell apart: neither is kept
            values: dict[str, set[Any]] = {}
            for d in drafts:
                values.setdefault(d.slot, set()).add(d.value[0])
            drafts = [d for d in drafts if len(values[d.slot]) == 1]
        yield from drafts

    def _drafts(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        from checker.extract.base import Draft

        text = sentence.text
        for found, owner in _assigned(text, ctx.lex):
            if owner != family.name or _PER.search(text, 0, found.start) or _RATE.match(text, found.end):
                continue  # "$11.42 per $1,000 of assessed value": a rate, and its denominator
            if _EACH.match(text, found.end):
                continue  # "with €8,000 going to each of the two winners": one share of several
            if found.unit == "km" and race_by_distance(text, found.start, ctx.lex):
                continue  # "2,980 finishers in the accompanying 10 km": a race is as long as its name
            if found.unit == "km" and _height(text, found, ctx.lex):
                continue  # "6,850 metres of ascent": a height, no length of the course
            if another_body(text[: found.start], ctx):
                continue  # "The school board adopted an $84 million budget": another body's
            a, b, clause = clause_of(text, found.start, found.end)
            reading = _reading(text, found, a, b, family, ctx.lex)
            if reading is None or _said_of_another(text, index, family, ctx):
                continue
            then, compared = reading
            allotted = _allotted(text, found, a, b, family, ctx.lex)
            if allotted is None:
                continue  # a part of the whole the words do not name ("includes $4 million")
            # a family with actors is one source's figure ("Ruiz put the damage at ..."): its
            # slot names the source, so only one source's figures are compared
            source = source_of(text, found.start, found.end, family.verbs, ctx) if family.actors else ""
            if family.actors and not source:
                continue
            keyed = _keyed(text, found, (a, b), index, family, ctx)
            if keyed is None:
                continue
            holder, stage, year, frame = keyed
            unit = f":{found.unit}" if found.unit else ""
            part = allotted or _part_of(text, found, a, family, ctx.lex)
            if then is not None:
                year = {"year": then.year} if then.year else {}
            elif when := _WHEN_YEAR.search(text, 0, found.start):
                year = {"year": int(when.group(1))}  # "since 2021, when it stood at $344 million"
            timing = _timing(text, found.end)
            yield Draft(
                family=family.name,
                slot=family.name
                + (f":{holder}" if holder else "")
                + stage
                + (f":{source}" if source else "")
                + (f":{part}" if part else "")
                + _category(text, found, a, b, ctx)
                + unit,
                value=(found.amount, found.unit, found.step, found.qualifier, _due(timing)),
                display=text[found.start : found.end],
                span=(found.start, found.end),
                qualifier=found.qualifier,
                year_offsets=frame
                or (then.offsets if then is not None else _own_offsets(text, found, a, b, compared, ctx)),
                extra={**timing, **({"source": source} if source else {}), **year},
            )


def _height(text: str, found: Found, lex: Lexicon) -> bool:
    """Whether a length is a height: a climb's, an ascent's, a drop's."""
    after = lex.phrase_re("height_after_words").match(text[found.end :].lstrip())
    before = _HEIGHT_BEFORE.search(text, max(0, found.start - 40), found.start)
    return after is not None or (
        before is not None and lex.phrase_re("height_before_words").search(before.group(1)) is not None
    )


# the words just before an amount, up to a few: "the climb to", "a vertical drop of"
_HEIGHT_BEFORE = LazyPattern(
    r"(\b[\w-]+(?:\s+[\w-]+){0,2})\s+(?:to|of|at)\s+(?:about\s+|some\s+|nearly\s+)?$", re.I
)


def _category(text: str, found: Found, a: int, b: int, ctx: Context) -> str:
    """The category an amount's part of its clause names, less the amount's own words: "over
    the 21.1 km distance and 2,980 in the accompanying 10 km" is no 10 km's."""
    start, end = coordinated_part(text, (found.start, found.end), a, b, ctx.numbers)
    return category_key(text[start : found.start] + " " + text[found.end : end], ctx.lex)


def _said_of_another(text: str, index: int, family: Family, ctx: Context) -> bool:
    """Whether a sentence opening with a pronoun stands for someone the sentence before names
    with one of the family's avoid words ("Runner-up Daniel Achterberg ... He took home $8,000"):
    the amount is that one's."""
    if index == 0 or not _PRONOUN_OPENS.match(text):
        return False
    return avoided(family, ctx.sentences[index - 1].text[:_SUBJECT_REACH])


_PRONOUN_OPENS = LazyPattern(r"\s*(?:He|She|They)\b")
_SUBJECT_REACH = 60  # characters of a sentence's opening its subject is looked for in


def _reading(
    text: str, found: Found, a: int, b: int, family: Family, lex: Lexicon
) -> tuple[_Then | None, tuple[_Compared, ...]] | None:
    """When an amount compared with is of (None for any other) and the comparisons of its
    clause; None where the amount is no claim of the family: a change, one compared with no
    time named, or one its avoid words, outside the comparisons it is not in, say is another's."""
    if found.unit in _GAPS:  # "won by two lengths": a gap, told with "by" as no change is
        # a clause opened by "when" is of the time before it ("last April, when Ashbury won by")
        lead = a - 40 if _WHEN_OPENS.match(text, a) else a
        return None if avoided(family, text[max(0, lead) : b]) else (None, ())
    if _is_change(text, found, a, lex) or _EARLIER_STATE.search(text, a, found.start):
        return None  # "The 2025 budget had totalled 84.5 billion euros": a sum of before
    compared = _compared(text, a, b, lex)
    span = next((c for c in compared if c.start <= found.start < c.end), None)
    then = None
    if span is not None and not (family.keyed_by or family.actors):
        # the amount compared with ("up from $45,000 last year") is of the time its comparison
        # names (a share compared with a rival's is its holder's: "54 percent against 41
        # percent for Baker")
        then = _then(text, found, span, a, b, lex)
        if then is None:
            return None
    said = then.said if then is not None else _blanked(text, found, a, b, compared)
    return None if avoided(family, said) else (then, compared)


_WHEN_OPENS = LazyPattern(r"\s*when\b", re.I)
# a sum told in the past perfect right before it was so before the report's own event
_EARLIER_STATE = LazyPattern(
    r"\bhad\s+(?:been|stood|totalled|totaled|amounted|reached|come|risen|fallen|grown|run)"
    r"(?:\s+(?:at|to|about|around|some|nearly|almost|roughly|just|over|under|more\s+than|less\s+than))*\s*$",
    re.I,
)


def _parts(value: tuple) -> tuple:
    """(amount, unit, step, qualifier, due): a value read before amounts kept when they are
    due has no due year."""
    return (*value[:4], value[4] if len(value) > 4 else "")


def _holder(text: str, found: Found, a: int, family: Family, ctx: Context) -> str:
    """Whom a share belongs to, as its slot's key: "41 percent for Tom Baker", "Baker (41%)",
    "Baker's 41%", "Tom Baker, who won 41 percent", "Ana Ruiz was re-elected with 54 percent",
    "the Green Party took 12 percent"; '' where the sentence names nobody that way (a pronoun,
    a source, a rival)."""
    after = _FOR_AFTER.match(text, found.end)
    if after:
        who = _named_from(text, after.end(), ctx)
        if who is not None:
            return who.key
    before = text[a : found.start]
    tight = _TIGHT_BEFORE.search(before)
    if tight and (tight.group("paren") is None or re.match(r"\s*\)", text[found.end :])):
        who = _named_ending(text, a, a + tight.start(), ctx)
        return who.key if who is not None else ""
    relative = _RELATIVE_BEFORE.search(before)
    if relative:
        who = _named_ending(text, a, a + relative.start(), ctx)
        ok = who is not None and _gives_share(text[a + relative.start() : found.start], family, ctx.lex)
        return who.key if ok and who is not None else ""
    who = _named_before(text, a, found.start, ctx)
    if who is None:
        return ""
    between = text[who.end : found.start]
    if _rival_named(ctx.lex).search(text, max(a, who.start - 40), found.start):
        return ""  # "ahead of Tom Baker with 31 percent": whose it is, the words do not say
    # "Ruiz won 53 percent, Baker 40 percent": a list goes on with the clause's verb
    listed = between.isspace() and _gives_share(text[a : who.start], family, ctx.lex)
    return who.key if listed or _gives_share(between, family, ctx.lex) else ""


def _pronoun_holder(text: str, found: Found, a: int, index: int, family: Family, ctx: Context) -> str:
    """ "She took 54 percent": the one person the sentence before names as the winner ("Ana Ruiz
    won a third term on Sunday."); '' where it names none or several ("Ruiz beat Tom Baker. He
    took ..."), or says no one won."""
    m = _PRONOUN_OPENS.match(text, a)
    if m is None or index == 0 or not _gives_share(text[m.end() : found.start], family, ctx.lex):
        return ""
    if _rival_named(ctx.lex).search(text, m.end(), found.start):
        return ""
    previous = ctx.sentences[index - 1].text
    # the one person named, as the one who won: "Tom Baker conceded. She took ..." is another's
    if len(set(_FULL_NAME.findall(previous))) != 1 or not phrases_re(
        ctx.lex.words("amount_winner_words")
    ).search(previous):
        return ""
    who = subject_before(previous, 0, len(previous), ctx)
    return who.key if who is not None and " " in who.name else ""


# "She took", "On Sunday, he won": a pronoun as the clause's subject
_PRONOUN_OPENS = LazyPattern(r"\s*(?:[A-Z][^,;]{0,40},\s+)?(?:[Ss]he|[Hh]e)\s+")
# a name of two capitalised words or more: the sentence's people, and places, and parties
_FULL_NAME = LazyPattern(r"(?<![\w'’-])[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


# "41 percent (of the vote) for Tom Baker", "30 percent went to Lena Holt"
_FOR_AFTER = LazyPattern(
    r"(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:vote|votes|ballots))?\s*,?\s+(?:for|went\s+to)\s+"
    r"(?:(?!the\b)[a-z][\w-]*\s+){0,2}"
)
# "Baker (41%)", "Baker's 41%", "the Greens on 9%": the name right before the share
_TIGHT_BEFORE = LazyPattern(r"(?:(?P<paren>\s*\(\s*)|['’]s\s+|\s+on\s+)$")
# "Tom Baker, who won 41 percent", "the Greens, which took 9 percent": the name before the
# relative clause
_RELATIVE_BEFORE = LazyPattern(r",\s+(?:who|which)\s+[^,;()]*$")


def _named_from(text: str, pos: int, ctx: Context) -> Subject | None:
    """The person, country or party named right after pos ("for Tom Baker", "for the Greens")."""
    party = _party_re(ctx.lex).match(text, pos)
    if party is not None and re.fullmatch(r"\s*(?:the\s+)?", text[pos : party.start("name")], re.I):
        return _party(party)
    return subject_starting_at(text, pos, len(text), ctx)


def _named_ending(text: str, a: int, pos: int, ctx: Context) -> Subject | None:
    """The person, country or party named right before pos ("Baker (41%)", "the Greens' 9%")."""
    parties = [
        m for m in _party_re(ctx.lex).finditer(text, a, pos) if text[m.end() : pos].strip() in ("", "'")
    ]
    if parties:
        return _party(parties[-1])
    return subject_ending_at(text, a, pos, ctx)


def _named_before(text: str, a: int, pos: int, ctx: Context) -> Subject | None:
    """The last person, country or party named before pos in its clause that is neither an
    object ("beat Lena Holt") nor a candidate's party ("Ana Ruiz of the Green Party")."""
    who = subject_before(text, a, pos, ctx)
    for m in reversed(list(_party_re(ctx.lex).finditer(text, a, pos))):
        if who is not None and m.start() < who.end:
            break
        if _PARTY_OF.search(text, max(a, m.start() - 12), m.start("name")) or _party_role(ctx.lex).match(
            text, m.end()
        ):
            continue  # "Ana Ruiz of the Green Party", "the Green Party candidate": her party
        if _PARTY_OBJECT.search(text, max(a, m.start() - 12), m.start("name")):
            return None  # "with the Greens", "over Labour": who the share is, the words do not say
        return _party(m)
    return who


@cache
def _party_role(lex: Lexicon) -> re.Pattern[str]:
    """A party's name used of its member ("the Green Party candidate")."""
    return compile_pattern(
        rf"\s+(?:{phrase_alternation(lex.words('amount_party_roles')) or '(?!x)x'})\b", re.I
    )


# "Ana Ruiz of the Greens", "Ruiz (Greens)", "for the Liberal Party": whose member, not who
_PARTY_OF = LazyPattern(r"(?:\b(?:of|from)|\()\s+(?:the\s+)?$", re.I)
_PARTY_OBJECT = LazyPattern(r"\b(?:for|with|by|to|over|against|beat|beating|than)\s+(?:the\s+)?$", re.I)


def _party(m: re.Match[str]) -> Subject:
    name = " ".join(m.group("name").split())
    return Subject(name.lower(), name, m.start("name"), m.end("name"))


@cache
def _party_re(lex: Lexicon) -> re.Pattern[str]:
    """A party's name: capitalised words ending in one of the words that end parties' names
    ("the Social Democrats", "the Green Party", "Labour"); "The" opening a sentence left out."""
    heads = phrase_alternation(lex.words("amount_party_heads")) or r"(?!x)x"
    # "the Homeland party": a capitalised name before a lower-case "party"
    named = rf"(?:[A-Z][\w'’-]*\s+){{0,3}}(?:{heads})|(?:[A-Z][\w'’-]*\s+){{1,3}}party"
    return compile_pattern(rf"(?:\b[Tt]he\s+)?(?P<name>{named})(?![\w'’-])(?!\s+[A-Z])")


def _where(text: str, found: Found, a: int, lex: Lexicon) -> str:
    """':in harlow' where a share is said of a part of the whole ("54 percent of the vote in
    Harlow", "48 percent in the north", "In the northern district, Baker won 52 percent"):
    compared only with shares of that part."""
    for m in (_WHERE_AFTER.match(text, found.end), _WHERE_OPENS.match(text, a)):
        words = m.group("where").split() if m else []
        if words and (
            words[0][:1].isupper() or any(w.lower() in lex.word_set("amount_share_regions") for w in words)
        ):
            return ":in " + " ".join(words).lower()
    return ""


_PLACE_WORDS = r"(?P<where>(?:[A-Z][\w-]*|[a-z][\w-]*)(?:\s+(?:[A-Z][\w-]*|[a-z][\w-]*)){0,2}?)"
# "54 percent (of the vote) in Harlow", "in the north", "in the northern district"
_WHERE_AFTER = LazyPattern(
    r"(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+)?(?:vote|votes|ballots)(?:\s+cast)?)?\s+in\s+(?:the\s+)?"
    + _PLACE_WORDS
    + r"(?=\s*(?:[,.;:)]|$|\s+(?:and|but|while|as|where|after|on|to)\b))"
)
# "In the northern district, Baker won ..."
_WHERE_OPENS = LazyPattern(r"\s*(?:In|Across|Among)\s+(?:the\s+)?" + _PLACE_WORDS + r"\s*,")


def _stage_of(text: str, found: Found, a: int, b: int, lex: Lexicon) -> str:
    """':first round' where the share is one of a round before the last ("38 percent in the
    first round"): the stage named after it up to the next amount, else before it back to the
    last one, else in its clause (less the relative clauses it is not in); '' for the last round
    or none named."""
    from checker.stages import named_stage

    when = _WHEN_CLAUSE.search(text, a, found.start)
    if when is not None:  # "after the first round two weeks earlier, when Ruiz took 38 percent"
        stage = named_stage(text[max(a, when.start() - 60) : when.start()], lex)
        if stage is not None:
            return "" if stage.concluding else f":{stage.label}"
    for words in _segments(text, found, a, b, lex):
        stage = named_stage(words, lex, _PASSING)
        if stage is not None:
            return "" if stage.concluding else f":{stage.label}"
    return ""


# a clause opened by "when" that holds the amount: the time it tells of is the phrase before it
_WHEN_CLAUSE = LazyPattern(r",\s+when\b[^,;]*$", re.I)


def _year_of(text: str, found: Found, a: int, b: int, lex: Lexicon) -> dict[str, int] | None:
    """{"year": 2018} where the words of the share name its year ("49 percent of the vote in
    2018"); {} where its clause names none; None where the clause names one beside another
    amount only ("Ruiz won 54 percent, the best since Lena Holt took 61 percent in 1998"):
    which year the share is, the words do not say."""
    after, before, scope = _segments(text, found, a, b, lex)
    for words in (after, before):
        m = _IN_YEAR.search(words)
        if m:
            return {"year": int(m.group(1))}
    return None if _IN_YEAR.search(scope) else {}


_IN_YEAR = LazyPattern(r"\b(?:in|during|at the)\s+((?:19|20)\d\d)\b(?!\s*(?:-|–|to)\s*\d)")


def _keyed(
    text: str, found: Found, clause: tuple[int, int], index: int, family: Family, ctx: Context
) -> tuple[str, str, dict[str, int], tuple[int, ...] | None] | None:
    """(whose, of which stage or place, of which year, the sentence's frame) for an amount;
    None where a family keyed by its subject finds none, or the year is another's unsaid."""
    a, b = clause
    if family.keyed_by != "subject":
        if _now_re(ctx.lex).search(text, a, b):
            return "", "", {}, None
        # "In 2030 the Greens won 16 seats and turnout was 54.1 percent": the year the sentence
        # opens with frames every clause of it not told as now ("but on Sunday turnout rose")
        frame, framed = sentence_frame(text, ctx.numbers)
        return "", "", framed, frame
    holder = _holder(text, found, a, family, ctx) or _pronoun_holder(text, found, a, index, family, ctx)
    if not holder:
        return None
    # a share of another round is keyed apart; one of another year is that year's
    stage = _stage_of(text, found, a, b, ctx.lex) + _where(text, found, a, ctx.lex)
    frame, framed = sentence_frame(text, ctx.numbers)  # "In 2018, Ruiz won 49 percent"
    own = _year_of(text, found, a, b, ctx.lex)
    return None if own is None else (holder, stage, own or framed, frame)


_PER = LazyPattern(r"\b(?:per|for\s+every|every|each)\s+$", re.I)
_EACH = LazyPattern(r"\s+(?:(?:going\s+)?(?:to|for)\s+)?(?:each|apiece)\b", re.I)
_RATE = LazyPattern(r"\s+(?:per|for\s+every|for\s+each)\s+[$€£¥]?\d", re.I)
# a clause opened by "when" after a year is that year's
_WHEN_YEAR = LazyPattern(r"\b((?:19|20)\d\d),?\s+when\s+[^,;.]*$")


@cache
def _now_re(lex: Lexicon) -> re.Pattern[str]:
    """A clause told as now: "on Sunday", "this year", "today"."""
    days = phrase_alternation(tuple(lex.weekdays))
    now = phrase_alternation(lex.words("now_markers")) or r"(?!x)x"
    return compile_pattern(rf"\b(?:on\s+(?:{days})|{now})\b", re.I)


def _segments(text: str, found: Found, a: int, b: int, lex: Lexicon) -> tuple[str, str, str]:
    """The words after an amount up to the next amount of its clause, those before it back to
    the last one, and its whole clause, less the relative clauses it is not in (blanked, so
    offsets are kept)."""
    scope = scope_of(text, found.start, found.end, a, b)
    others = [f for f, _ in _assigned(text, lex) if f.start != found.start and a <= f.start < b]
    after = min((f.start for f in others if f.start >= found.end), default=b)
    before = max((f.end for f in others if f.end <= found.start), default=a)
    return scope[found.end - a : after - a], scope[before - a : found.start - a], scope


# a stage named in passing ("won the run-off after leading the first round")
_PASSING = compile_pattern(r"\b(?:after|before|following|having|since)\b", re.I)


def _gives_share(between: str, family: Family, lex: Lexicon) -> bool:
    """Whether the words between a name and a share say the name won it ("took", "was
    re-elected with") and not that it says so ("Reyes said the winner took")."""
    return bool(
        phrases_re(family.verbs).search(between)
        and not phrases_re(lex.words("amount_saying_words")).search(between)
    )


@cache
def _rival_named(lex: Lexicon) -> re.Pattern[str]:
    """A rival named after a word that makes it the one beaten ("defeating Tom Baker",
    "ahead of the incumbent Tom Baker")."""
    body = phrase_alternation(lex.words("amount_rival_words")) or r"(?!x)x"
    return compile_pattern(rf"\b(?i:{body})\s+(?:[a-z][\w-]*\s+){{0,2}}[A-Z]")


def _part_of(text: str, found: Found, a: int, family: Family, lex: Lexicon) -> str:
    """A part of the whole the family's noun names ("the education budget grows to 8.0
    billion", "spending on health rises to 3.9 billion"): a word of amount_parts just before
    that noun keys the amount apart, so a sector's figure is never the whole's."""
    nouns = phrases_re(family.nouns)
    last = None
    for m in nouns.finditer(text, a, found.start):
        last = m
    if last is None:
        return ""
    # the word just before, or the one before a possessive office ("the police department's")
    before = _PART_BEFORE.search(text, max(a, last.start() - 40), last.start())
    words = [w.lower() for w in (before.groups() if before else ()) if w]
    # a word of the family's own nouns names the whole: "the prize purse" (as in "prize fund")
    parts = lex.word_set("amount_parts") - {w.lower() for noun in family.nouns for w in noun.split()}
    return next((_one_part(w, lex) for w in reversed(words) if w in parts), "")


def _one_part(word: str, lex: Lexicon) -> str:
    """A part as one key whether written one or many: "students" and "student" are "student"."""
    return word[:-1] if word.endswith("s") and word[:-1] in lex.word_set("amount_parts") else word


_PART_BEFORE = LazyPattern(r"([A-Za-z-]+)\s+(?:(department|office|agency|service|division)['’]s\s+)?$", re.I)


@dataclass(frozen=True, slots=True)
class _Compared:
    """A comparison in a clause: from its opening words ("up from", "compared with") to the
    end of its comma-piece, or to "to" before the amount it leads to ("rose from $45,000 last
    year to $50,000")."""

    start: int
    opened: int  # the end of its opening words
    end: int


@dataclass(frozen=True, slots=True)
class _Then:
    """When an amount compared with is of: offsets from the report's year, or a year."""

    offsets: tuple[int, ...]
    year: int
    said: str  # its clause, less the words of the comparison, for its avoid words


# a comma that ends a piece: not the one inside "45,000"
_HARD_COMMA = compile_pattern(r",(?!\d)")
# the few words between a comparison's opening and its amount ("up from last year's $45,000")
_LEAD_IN = compile_pattern(r"\s*(?:[\w'’-]+\s+){0,3}")
# a figure whose unit is left to be read from the amount before it
_BARE_FIGURE = compile_pattern(r"\s+\d[\d,.]*(?:\s+(?:million|billion|bn|m))?(?![\w%])")
# "... to $50,000": the amount a comparison leads to
_TO_AMOUNT = compile_pattern(r"\bto\s+(?:[\w'’-]+\s+){0,2}$")
# when an amount compared with is of: the year before the report's, or a year named
_THEN = compile_pattern(
    r"\b(?P<before>last\s+year|the\s+previous\s+year|the\s+year\s+before|a\s+year\s+(?:earlier|ago|before))"
    r"|\b(?:in|during|at\s+the|for)\s+(?P<year>(?:19|20)\d\d)\b(?!\s*(?:-|–|to)\s*\d)"
    r"|\b(?P<owned>(?:19|20)\d\d)['’]s\b",
    re.I,
)


@lru_cache(maxsize=256)
def _compared(text: str, a: int, b: int, lex: Lexicon) -> tuple[_Compared, ...]:
    """The comparisons of a clause: a comma-piece opening with a comparison ("Turnout was 61
    percent, down from 66 percent in 2026"), and one inside a piece that leads to an amount
    or a time after an amount of its own ("$50,000 compared with $45,000 last year", "$50,000
    more than last year") or from an amount to another ("rose from $45,000 to $50,000")."""
    amounts = [f for f in _amounts(text, lex) if a <= f.start < b]
    spans: list[_Compared] = []
    for m in _comparison_word(lex).finditer(text, a, b):
        if spans and m.start() < spans[-1].end:
            continue
        piece = max((c.end() for c in _HARD_COMMA.finditer(text, a, m.start())), default=a)
        end = next((c.start() for c in _HARD_COMMA.finditer(text, m.end(), b)), b)
        first = next((f for f in amounts if m.end() <= f.start < end), None)
        led = first is not None and _LEAD_IN.fullmatch(text, m.end(), first.start) is not None
        led = led or _BARE_FIGURE.match(text, m.end()) is not None  # "to 90,000 pounds from 75,000"
        onward = _onward(text, first, amounts, end)
        if onward is not None:
            end = onward
        if text[piece : m.start()].strip():
            own = any(f.end <= m.start() for f in amounts)
            timed = _THEN.match(text, _SPACE.match(text, m.end()).end())  # type: ignore[union-attr]
            if not ((led and (own or onward is not None)) or (own and timed)):
                continue
        spans.append(_Compared(m.start(), m.end(), end))
    # a change and what it is measured against ("up $5,000 on last year") are no time of the
    # amount it changes
    for f in amounts:
        if _is_change(text, f, a, lex) and not any(c.start <= f.start < c.end for c in spans):
            end = next((c.start() for c in _HARD_COMMA.finditer(text, f.end, b)), b)
            end = min([end, *(g.start for g in amounts if g.start >= f.end)])  # "by $5,000 to $50,000"
            spans.append(_Compared(f.start, f.end, end))
    return tuple(sorted(spans, key=lambda c: c.start))


def _onward(text: str, first: Found | None, amounts: list[Found], end: int) -> int | None:
    """Where "to" opens the amount a comparison leads to ("from $45,000 last year to
    $50,000"): the comparison ends there; None where it leads to none."""
    if first is None:
        return None
    for f in amounts:
        if first.end <= f.start < end:
            to = _TO_AMOUNT.search(text, first.end, f.start)
            if to is not None:
                return to.start()
    return None


_SPACE = compile_pattern(r"\s*")


@cache
def _comparison_word(lex: Lexicon) -> re.Pattern[str]:
    body = phrase_alternation(lex.words("comparison_openers")) or r"(?!x)x"
    return compile_pattern(rf"\b(?:{body})\b", re.I)


def _blanked(text: str, found: Found, a: int, b: int, compared: tuple[_Compared, ...]) -> str:
    """The clause an amount's avoid words are looked for in, less the comparisons it is not
    in: in "Turnout was 61 percent, down from 66 percent in 2026" the 61 is this year's."""
    clause = text[:b]
    for c in compared:
        if c.start <= found.start < c.end:
            continue
        clause = clause[: c.start] + " " * (c.end - c.start) + clause[c.end :]
    return clause[a:b]


def _then(text: str, found: Found, span: _Compared, a: int, b: int, lex: Lexicon) -> _Then | None:
    """When an amount compared with is of: the time named after it, up to the next amount of
    its comparison ("up from $45,000 last year", "compared with $45,000 in 2024"), else
    between the comparison's opening and it ("up from last year's $45,000"); None where the
    comparison names no time ("up from $45,000")."""
    inside = [f for f in _amounts(text, lex) if span.opened <= f.start < span.end and f.start != found.start]
    after = min((f.start for f in inside if f.start >= found.end), default=span.end)
    before = max((f.end for f in inside if f.end <= found.start), default=span.opened)
    m = _THEN.search(text, found.end, after) or _THEN.search(text, before, found.start)
    if m is None:
        return None
    said = text[a:b]
    for x, y in ((span.start, span.opened), m.span()):
        said = said[: x - a] + " " * (y - x) + said[y - a :]
    year = int(m.group("year") or m.group("owned") or 0)
    return _Then(offsets=(-1,) if m.group("before") else (0,), year=year, said=said)


def _own_offsets(
    text: str, found: Found, a: int, b: int, compared: tuple[_Compared, ...], ctx: Context
) -> tuple[int, ...]:
    """The year an amount speaks for, read from its scope less the comparisons it is not in
    ("$50,000, up from $45,000 last year" is this year's): the latest its scope names."""
    scope = scope_of(text, found.start, found.end, a, b)
    for c in compared:
        if not c.start <= found.start < c.end:
            scope = scope[: max(0, c.start - a)] + " " * (c.end - c.start) + scope[c.end - a :]
    return (period_offsets(scope, ctx.numbers) or (0,))[-1:]


def _is_change(text: str, found: Found, a: int, lex: Lexicon) -> bool:
    """An amount that is a change, not a value ("up $5,000 on last year", "rose by $5,000",
    "$20 million more than planned")."""
    before = phrase_alternation(lex.words("amount_change_before")) or r"(?!x)x"
    after = phrase_alternation(lex.words("amount_change_after")) or r"(?!x)x"
    lead = text[max(a, found.start - 30) : found.start]
    return bool(
        re.search(rf"\b(?:{before})\s+$", lead, re.I)
        or _UP_DOWN.search(lead)
        or re.match(rf"\s+(?:{after})\b", text[found.end :], re.I)
    )


# "$50,000, up $5,000 on last year", "spending is down $2m": up or down after a pause or a
# verb of being, not "put up $50,000"
_UP_DOWN = compile_pattern(r"(?:^|[,;(]|\b(?:is|was|are|were|been|be))\s*(?:up|down)\s+$", re.I)


def _allotted(text: str, found: Found, a: int, b: int, family: Family, lex: Lexicon) -> str | None:
    """A part of the whole set aside for something ("the budget includes $412 million for the
    police", "earmarks $5m for roads", "$412 million of it for the police", "$150 million goes
    to housing"): keyed by what it is for, as "the police budget" is ("police" where that
    names a part, else its first words); None where the words say it is a part but not of
    what; '' where it is no such part."""
    of_it = _OF_WHOLE_AFTER.match(text, found.end)
    goes = _GOES.match(text, of_it.end() if of_it else found.end)
    verb = _set_aside(text, found, a, b, family, lex)
    # "includes", "of it": a part whatever follows; "provides", "goes": one only with what for
    sure = of_it is not None or _OF_WHOLE_BEFORE.search(text, a, found.start) is not None or verb == "strong"
    if not sure and not verb and goes is None:
        # "€18, or €9 for students": a price or a sum for a part the vocabulary names
        named = _FOR_PURPOSE.match(text, found.end)
        return _named_part(_purpose_words(named.group("what"), lex)[:1], lex) if named else ""
    purpose = _FOR_PURPOSE.match(text, goes.end() if goes else of_it.end() if of_it else found.end)
    words = _purpose_words(purpose.group("what"), lex) if purpose else []
    if not words:
        return None if sure else ""  # "the budget has $1.8 billion in spending": the whole
    return _named_part(words, lex) or " ".join(words)


def _named_part(words: list[str], lex: Lexicon) -> str:
    """The first of the words that names a part in the vocabulary, as one key; "" for none."""
    return next((_one_part(w, lex) for w in words if w in lex.word_set("amount_parts")), "")


def _set_aside(text: str, found: Found, a: int, b: int, family: Family, lex: Lexicon) -> str:
    """'strong' where a verb of setting aside governs the amount ("includes an extra $412
    million"), 'weak' where a verb of the whole's own does with the whole its subject ("the
    budget provides $40 million"), '' for neither (nor "sets aside a budget of $5m")."""
    lead = scope_of(text, found.start, found.end, a, b)[: found.start - a]
    nouns = phrases_re(family.nouns)
    verbs = [(m, "strong") for m in lex.phrase_re("amount_part_verbs").finditer(lead)]
    verbs += [(m, "weak") for m in lex.phrase_re("amount_part_verbs_weak").finditer(lead)]
    found_verb = ""
    for m, strength in verbs:
        if _LEAD_IN.fullmatch(lead, m.end()) is None or nouns.search(lead, m.end()):
            continue
        # "rich nations pledging to provide $300 billion" is the whole: no whole its subject
        subject = [n for n in nouns.finditer(lead, 0, m.start())]
        if strength == "strong":
            return strength
        if subject and _SUBJECT_GAP.fullmatch(lead, subject[-1].end(), m.start()):
            found_verb = strength
    return found_verb


# between a subject and its verb: "the budget, which passed 9-4, also provides" (the relative
# clause blanked)
_SUBJECT_GAP = compile_pattern(r"[\s,]*(?:(?:also|which|that|now|only|still|then|will|would|thus)\s+)*", re.I)
# "$412 million of it for the police", "of which $412 million goes to the police"
_OF_WHOLE_AFTER = compile_pattern(r"\s+of\s+(?:it|that|this|which|the\s+total|the\s+sum)\b", re.I)
_OF_WHOLE_BEFORE = compile_pattern(r"\bof\s+(?:which|it|this|that)\s+$", re.I)
# "$150 million goes to housing", "$40 million is for parks"
_GOES = compile_pattern(r"\s+(?:is|are|goes|go|went|going|will\s+go)(?=\s+(?:for|to)\b)", re.I)
# what a part is for: "for the police department", "to road repairs"
_FOR_PURPOSE = compile_pattern(
    r"(?:\s+(?:a|per|each)\s+year|\s+annually)?\s+(?:for|to)\s+(?P<what>[\w'’ -]+)",
    re.I,
)
# words that end what a part is for ("for road repairs and a raise")
_PURPOSE_STOP = frozenset(
    "and or but to in on at with by from while as which that who where when after before than be".split()
)
_DETERMINERS = frozenset("the a an its their his her our this these those".split())


def _purpose_words(what: str, lex: Lexicon) -> list[str]:
    """The first words of what a part is for, less its determiners: "the police department"
    gives police, department; [] for a time ("for the coming year") or a number ("for 2026")."""
    words: list[str] = []
    for word in what.lower().split():
        if word in _PURPOSE_STOP or len(words) == 3:
            break
        if (word in _DETERMINERS or word.endswith(("'s", "’s"))) and not words:
            continue  # "the city's libraries": libraries
        words.append(word)
    if not words or words[0][:1].isdigit() or words[0] in lex.word_set("amount_part_times"):
        return []
    return words


def _range(amount: float, step: float, qualifier: str) -> tuple[float, float]:
    """The values a qualified amount admits ("more than $100 billion" is above 100 billion: as
    written, so "more than $1.1 trillion" holds "$1.126 trillion")."""
    if qualifier == "more-than":
        return (amount, float("inf"))
    if qualifier == "at-least":
        return (amount - step / 2, float("inf"))
    if qualifier == "about":
        return (amount * 0.9 - step / 2, amount * 1.1 + step / 2)
    if qualifier == "nearly":
        return (amount * 0.85, amount + step / 2)
    if qualifier in ("less-than", "at-most"):
        return (0.0, amount + step / 2)
    return (amount - step / 2, amount + step / 2)


def _timing(text: str, end: int) -> dict[str, Any]:
    """ "a year", "annually", "by 2035": kept with the claim, not compared yet."""
    extra: dict[str, Any] = {}
    if _PER_YEAR.match(text, end):
        extra["per"] = "year"
    by = _BY_YEAR.match(text, end)
    if by:
        extra["by"] = f"{by.group('how').lower()} {by.group('year')}"
    return extra


# how a report says when an amount is due: by a year, or starting from it ("in" says neither)
_DUE_WORDS = {"by": "by", "until": "by", "through": "by", "starting in": "from", "from": "from"}


def _due(timing: dict[str, Any]) -> str:
    """ "by 2035" or "from 2035": when the amount is to be reached, part of what is claimed
    (read from the timing as written: "starting in 2035" is from 2035, "in 2035" says neither)."""
    how, _, year = str(timing.get("by", "")).rpartition(" ")
    due = _DUE_WORDS.get(how)
    return f"{due} {year}" if due else ""


def _plain(amount: float) -> float | int:
    return int(amount) if float(amount).is_integer() else round(amount, 6)


def _short(amount: float, unit: str) -> str:
    """$300bn, €2.3m, 42.195 km, 64%."""
    if unit.islower() and unit not in _MEASURES:  # a currency known by its word: "153000 crowns"
        return f"{_plain(amount)} {unit}"
    for size, word in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if unit not in _MEASURES and amount >= size:
            return f"{_SIGN.get(unit, unit + ' ')}{_plain(round(amount / size, 3))}{word}"
    if unit in _GAPS:
        return f"{_plain(amount)} {unit if amount != 1 else unit[:-1]}"
    if unit == "seats":
        return f"{_plain(amount)} seats"
    if unit in ("%", "km"):
        return f"{_plain(amount)}{'' if unit == '%' else ' '}{unit}"
    return f"{_SIGN.get(unit, unit + ' ')}{_plain(amount)}".strip()


@lru_cache(maxsize=256)
def _assigned(text: str, lex: Lexicon) -> tuple[tuple[Found, str], ...]:
    """The amounts of a sentence, each with the family it belongs to (worked out once for every
    family of amounts: each family's reader keeps its own)."""
    families = _amount_families()
    if not families or not _gate(families).search(text) or not _unit_gate(lex).search(text):
        return ()
    found = _amounts(text, lex)
    out = []
    for item in found:
        owner = _nearest(text, item, families, lex)
        if owner:
            out.append((item, owner))
    return tuple(out)


_GAP_WORDS = frozenset({"length", "lengths", "stroke", "strokes", "shot", "shots"})


@cache
def _unit_gate(lex: Lexicon) -> re.Pattern[str]:
    """A first look for a unit an amount may have: a currency's sign or word, a scale, a measure."""
    v = lex.vocab
    currencies = [
        str(f)
        for key in ("amount_currency_signs", "amount_currency_words")
        for forms in (v.get(key) or {}).values()
        for f in forms
    ]
    signs = "|".join(re.escape(c) for c in longest_first(currencies))
    return compile_pattern(
        rf"[$€£¥%₹]|(?<![\w$€£¥])(?:{signs})(?![\w])|\d\s?(?:bn|m|k|tn|b)\b|\b(?:million|billion|trillion|"
        r"per\s*cent|km|kms|kilomet\w*|miles?|metres|meters|seats?|lengths?|strokes?|shots?)\b",
        re.I,
    )


def _amount_families() -> tuple[Family, ...]:
    from checker.families import generic_families

    return tuple(f for f in generic_families() if f.kind == "amount")


@cache
def _gate(families: tuple[Family, ...]) -> re.Pattern[str]:
    return phrases_re(tuple(w for f in families for w in f.nouns + f.lead_verbs))


def _nearest(text: str, item: Found, families: tuple[Family, ...], lex: Lexicon) -> str | None:
    """The family whose noun is nearest the amount in its clause (within a few words), among
    the families that take its unit; none where a noun of other money is as near. A noun an
    amount is drawn from is not that amount's ("collects $55,000 from a total purse of
    $410,000")."""
    a, b, _ = clause_of(text, item.start, item.end)
    if _OF_WHICH.search(text, max(0, item.start - 80), item.start):
        return None
    best: tuple[int, str] | None = None
    for family in families:
        units = family.units  # a family without units takes money
        if (item.unit not in units) if units else (item.unit in _MEASURES):
            continue
        for m in phrases_re(family.nouns).finditer(text, a, b):
            if m.start() >= item.end and _drawn_from(text, item, m.start()):
                continue
            gap = max(m.start() - item.end, item.start - m.end(), 0)
            if gap <= 60 and (best is None or gap < best[0]):
                best = (gap, family.name)
    if best is None:
        # "Marco Teles took 47.6 percent": a verb of the family's own right before the amount
        best = next(((0, f.name) for f in families if _led(text, a, item, f)), None)
    if best is not None:
        # "plus a $10,000 bonus": money of its own noun nearer than the family's is not the family's
        for m in lex.phrase_re("amount_other_nouns").finditer(text, a, b):
            if max(m.start() - item.end, item.start - m.end(), 0) <= best[0]:
                return None
    return best[1] if best else None


# "$55,000 from a total purse of ...", "$2m out of the prize fund", "£708,750 of the £1.25
# million prize fund": a part drawn from a whole (of money: "26.2 miles of the course" is all of it)
_WHOLE_WORDS = r"(?:[\w'’-]+\s+|[$€£¥]?\d[\d.,]*\s+){0,3}$"  # up to the whole's noun: "the £1.25 million"
_DRAWN_FROM = LazyPattern(rf"\s+(?:from|out\s+of)\s+(?:(?:a|an|the|its|their)\s+)?{_WHOLE_WORDS}", re.I)
_MONEY_OF = LazyPattern(rf"\s+of\s+(?:a|an|the|its|their)\s+{_WHOLE_WORDS}", re.I)
# "a prize fund of 60,000 euros, of which the champion receives 15,000 euros": a part
_OF_WHICH = LazyPattern(r"\bof\s+which\b[^.;]{0,60}$", re.I)


def _drawn_from(text: str, item: Found, noun: int) -> bool:
    drawn = _DRAWN_FROM.match(text, item.end, noun)
    return bool(drawn or item.unit not in _MEASURES and _MONEY_OF.match(text, item.end, noun))


def _led(text: str, a: int, item: Found, family: Family) -> bool:
    """Whether one of the family's lead verbs stands right before the amount, in its unit."""
    if not family.lead_verbs or item.unit not in family.units:
        return False
    return _lead_verbs_re(family).search(text, a, item.start) is not None


@cache
def _lead_verbs_re(family: Family) -> re.Pattern[str]:
    verbs = phrase_alternation(family.lead_verbs)
    return compile_pattern(rf"(?<![\w-])(?:{verbs})\s+(?:(?:{QUALIFIER_PATTERN})\s+)?$", re.I)


@lru_cache(maxsize=256)
def _amounts(text: str, lex: Lexicon) -> tuple[Found, ...]:
    """Every amount of a sentence with its unit, each number once (money before measures,
    measures before a bare "1.3 trillion", which takes the sentence's currency)."""
    found: list[Found] = []
    taken: set[int] = set()
    currency = ""
    for pattern, kind in _patterns(lex):
        for m in pattern.finditer(text):
            if m.start("num") in taken:
                continue
            unit, factor = _unit_of(m, kind, lex)
            unit = unit or currency
            currency = currency or (unit if kind == "money" else "")
            taken.add(m.start("num"))
            found.append(_found(text, m, unit, factor, lex))
    gaps = [*_gaps_in_lengths(text, lex), *_gaps_in_strokes(text, lex)]
    found += [f for f in gaps if not any(f.start <= g.start < f.end for g in found)]
    return tuple(sorted(found, key=lambda f: f.start))


def _gaps_in_lengths(text: str, lex: Lexicon) -> Iterator[Found]:
    """Gaps told in lengths, as races on water and on turf measure them: "by four and a half
    lengths", "2½ lengths", "three-quarters of a length", "a length and a half"."""
    if "length" not in text.lower():
        return
    numbers = numbers_for(lex)
    for m in _lengths_re(numbers).finditer(text):
        whole = m.group("whole") or ("a" if m.group("after") else "")
        count = 1 if whole.lower() in ("a", "an") else numbers.read_count(whole) if whole else 0
        written = m.group("part") or m.group("alone") or m.group("after") or ""
        part = _FRACTIONS.get(" ".join(written.lower().replace("-", " ").split()).removeprefix("and "), 0.0)
        if count is None or count + part <= 0:
            continue
        yield Found(m.start(), m.end(), count + part, "lengths", 0.25 if part else 1.0, "exact")


def _gaps_in_strokes(text: str, lex: Lexicon) -> Iterator[Found]:
    """Gaps told in strokes, as golf tells them: "by two strokes", "a three-stroke win", "by
    four shots" (shots only after "by": "12 shots on target" is no gap)."""
    lowered = text.lower()
    if "stroke" not in lowered and "shot" not in lowered:
        return
    numbers = numbers_for(lex)
    for m in _strokes_re(numbers).finditer(text):
        whole = m.group("whole") or m.group("by")
        count = 1 if whole.lower() in ("a", "an", "one") else numbers.read_count(whole)
        if count:
            yield Found(m.start(), m.end(), count, "strokes", 1.0, "exact")


@cache
def _strokes_re(n: Numbers) -> re.Pattern[str]:
    number = rf"\d{{1,2}}|{n.cardinal}|an?"
    return compile_pattern(
        rf"(?<![\w-])(?P<whole>{number})[- ]strokes?\b"
        rf"|(?<=\bby\s)(?P<by>{number})\s+(?:strokes?|shots?)\b",
        re.I,
    )


_FRACTIONS = {
    **{"½": 0.5, "¼": 0.25, "¾": 0.75, "1/2": 0.5, "1/4": 0.25, "3/4": 0.75},
    **{"a half": 0.5, "half": 0.5, "a quarter": 0.25, "quarter": 0.25},
    **{"three quarters": 0.75, "three quarter": 0.75},
}


@cache
def _lengths_re(n: Numbers) -> re.Pattern[str]:
    whole = rf"(?P<whole>\d{{1,2}}|{n.cardinal}|an?)"
    part = r"(?P<part>[½¼¾]|(?<=\d)[- ][13]/[24]|and\s+a\s+half|and\s+a\s+quarter|and\s+three[ -]quarters?)"
    # "a length and three-quarters", "one and three-quarter lengths", "half a length"
    return compile_pattern(
        r"(?<![\w-])a\s+length\s+and\s+(?:a\s+)?(?P<after>half|quarter|three[ -]quarters)\b"
        rf"|(?<![\w-]){whole}(?:\s*{part})?\s+(?:boat[ -])?lengths?\b"
        r"|(?<![\w-])(?P<alone>half|three[ -]quarters|a\s+quarter)\s+(?:of\s+)?an?\s+(?:boat[ -])?length\b",
        re.I,
    )


def _unit_of(m: re.Match[str], kind: str, lex: Lexicon) -> tuple[str, float]:
    if kind == "money":
        return _currency_of(m.group("cur"), lex), 1.0
    if kind == "length":
        return "km", length_units(lex)[m.group("len").lower()]
    if kind == "percent":
        return "%", 1.0
    if kind == "seats":
        return "seats", 1.0
    return "", 1.0


@cache
def length_units(lex: Lexicon) -> dict[str, float]:
    """Each unit word of a length and its size in km ("miles": 1.609344)."""
    return {str(k).lower(): float(v) for k, v in (lex.vocab.get("amount_lengths") or {}).items()}


def _currency_of(written: str, lex: Lexicon) -> str:
    folded = " ".join(written.split()).lower()
    for key in ("amount_currency_signs", "amount_currency_words"):
        for code, forms in (lex.vocab.get(key) or {}).items():
            if folded in {" ".join(str(f).split()).lower() for f in forms}:
                return str(code)
    return ""


def _found(text: str, m: re.Match[str], unit: str, factor: float, lex: Lexicon) -> Found:
    number = re.sub(r"[,\s]", "", m.group("num"))
    scales = {str(k).lower(): float(v) for k, v in (lex.vocab.get("amount_scales") or {}).items()}
    written = m.groupdict().get("scale") or m.groupdict().get("scale_short") or ""
    if not written and unit not in _MEASURES and _POINT_GROUPED.fullmatch(number):
        number = number.replace(".", "")  # "60.000 dollars": money has no thousandths
    decimals = len(number.partition(".")[2])
    scale = scales.get(written.lower(), 1.0)
    qual = _QUALIFIER.search(text[max(0, m.start() - 30) : m.start()])
    word = " ".join(qual.group("qual").lower().split()) if qual else ""
    if unit == "km" and word == "over":
        qual = None  # "run over 10 km" is across, not more than
    qualifier = QUALIFIERS.get(word, "exact") if qual else "exact"
    start = m.start() - (len(qual.group(0)) if qual else 0)
    return Found(
        start=start,
        end=m.end(),
        amount=float(number) * scale * factor,
        unit=unit,
        step=10.0**-decimals * scale * factor,
        qualifier=qualifier,
    )


@cache
def _patterns(lex: Lexicon) -> tuple[tuple[re.Pattern[str], str], ...]:
    def alt(forms: Any) -> str:
        words = longest_first({" ".join(str(f).split()) for f in forms})
        return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)

    v = lex.vocab
    signs = alt(f for forms in (v.get("amount_currency_signs") or {}).values() for f in forms)
    words = alt(f for forms in (v.get("amount_currency_words") or {}).values() for f in forms)
    scales = [str(s) for s in (v.get("amount_scales") or {})]
    long_scale = alt(s for s in scales if len(s) > 1)
    short_scale = alt(s for s in scales if len(s) == 1)
    scale = rf"(?:\s?(?P<scale>{long_scale})|(?P<scale_short>{short_scale}))(?![\w])"
    lengths = alt(v.get("amount_lengths") or {})
    percent = alt(v.get("amount_percent") or ())
    seats = alt(v.get("amount_seats") or ())
    lead = r"(?<![\w.,])"
    return (
        (compile_pattern(rf"(?<![\w])(?P<cur>{signs})\s?{_NUM}(?:{scale})?", re.I), "money"),
        (compile_pattern(rf"{lead}{_NUM}(?:{scale})?\s+(?P<cur>{words})\b", re.I), "money"),
        (compile_pattern(rf"{lead}{_NUM}\s?(?P<len>{lengths})(?![\w])", re.I), "length"),
        (compile_pattern(rf"{lead}{_NUM}\s?(?:{percent})(?![\w])", re.I), "percent"),
        # "12 seats", "12 of the 45 seats", "12 council seats"
        (
            compile_pattern(
                rf"{lead}{_NUM}\s+(?:of\s+(?:the\s+)?\d[\d,]*\s+)?(?:[a-z-]+\s+)?(?:{seats})(?![\w])"
            ),
            "seats",
        ),
        (compile_pattern(rf"{lead}{_NUM}\s+(?P<scale>million|billion|trillion)\b", re.I), "scaled"),
    )


KIND = Amount()
