"""Score: the points (or votes, goals) one actor got at one occurrence ("Sweden won with 583
points", "Italy (292 points)", "Ukraine received 439 points in the public vote").

The generic reader ties each number to the country or person it is about and to the part of
the score it is (the jury part, the public part, else the total), so that a part is never
compared with a total. A number it cannot tie to both, surely, it leaves unread: a score given
to the wrong actor, or a part read as a total, would be a false conflict.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.generic import avoided, category_key, clause_of, offsets_of
from checker.extract.subjects import ranked_holder, ranked_match, stage_key
from checker.kinds import Kind
from checker.lexicon import longest_first, phrase_alternation, phrases_re
from checker.models import Claim
from checker.text import LazyPattern, look
from checker.wording import name_key

if TYPE_CHECKING:
    from checker.extract.base import Context, Draft
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Numbers, Sentence

_UNITS = r"(?:points|votes|televotes|pts)"
_UNIT_WORDS = frozenset({"points", "votes", "televotes", "pts"})
_GATE = LazyPattern(rf"\d[^\n]{{0,40}}?\b{_UNITS}\b|\b{_UNITS}\b", re.I)
# Parts of a score: the same keys as the shared categories (checker/data/en/events.yaml), with
# the looser wordings reports use for them ("the public's vote", "the viewers' voting").
_PARTS = {
    "jury": compile_pattern(r"\bjur(?:y|ies)\b|\bprofessional judges\b", re.I),
    "televote": compile_pattern(
        r"\btelevot\w*|\bpublic(?:'s|’s)?\s+(?:vot\w*|televot\w*)|\bviewers(?:'|’)?\s+vot\w*|"
        r"\bfrom the public\b|\bthe public\b(?=\s+and\b)",
        re.I,
    ),
}
_TOTAL = LazyPattern(
    r"\b(?:total|overall|combined|in all|altogether)\b|"
    r"\b(?:took|taking|takes|brought|bringing|pushed|pushing|lifted|lifting)\s+(?:them|it|him|her)\s+to\s*$",
    re.I,
)
# Points a country or a jury hands out are not the score of the one that gets them ...
_GIVE = LazyPattern(
    # "the singer was given 529 points" is the singer's score
    r"\b(?<!was )(?<!were )(?<!been )(?<!being )"
    r"(?:gave|give|gives|giving|given|awarded|awarding|handed|handing)\b",
    re.I,
)
# ... unless a vote gives them: "the public vote gave them 492 points" is the public part.
# a country or an act goes by "they" or "it"; "she" and "he" are a person, never a country
# ("their song" is the act's song: a possessive names no scorer)
_PRONOUN = LazyPattern(r"\b(?:they|them|it)\b", re.I)
# "the final in Tel Aviv, Israel": a country named as the place is not the one scoring
_PLACE = LazyPattern(
    r"\b(?:in|at|near|across|throughout|around)\s+(?:the\s+)?(?:[A-Z][\w'’-]*\s*,?\s*){0,3}$"
)
_YEAR = LazyPattern(r"\b(?:19|20)\d\d\b")


class Score(Kind):
    name = "score"
    summary = "the points or votes one actor got: 583 points"

    def json(self, claim: Claim) -> Any:
        return int(claim.value)

    def compact(self, claim: Claim) -> str:
        return str(claim.value)

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return str(claim.value)

    def label(self, claim: Claim) -> str:
        return f"{claim.value} {claim.detail('unit') or 'points'}"

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        if _LIST_LINE.fullmatch(text) or (_TRAILING.search(text) and ranked_match(text)):
            return True
        return look(text).any_of(_UNIT_WORDS) and _GATE.search(text) is not None

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        text = sentence.text
        if _LIST_LINE.fullmatch(text):
            yield from _list_line(index, ctx, family)
            return
        if _TRAILING.search(text) and ranked_match(text):
            yield from _ranked_score(index, ctx, family)
            return
        if not _GATE.search(text):
            return
        previous = ctx.sentences[index - 1].text if index > 0 else ""
        seen: set[int] = set()
        last_part: str | None = None  # the part of the score before, for a list that goes on
        for m, unit in sorted(_numbers(text, ctx.numbers), key=lambda found: found[0].start("num")):
            if m.start("num") in seen:
                continue
            seen.add(m.start("num"))
            draft = _draft(text, m, unit, previous, ctx, family, last_part)
            if draft is not None:
                last_part = draft.slot.split(":")[-1] if draft.slot.count(":") > 1 else ""
                yield draft


# A results table written as lines of a name and a number ("Ukraine – 631"), under a heading
# that says they are results ("The full results were:"): each line is that entrant's score.
_LIST_LINE = LazyPattern(
    r"\s*(?:\d{1,2}[.)]\s+)?(?P<who>[A-Z][^\d–—:|()]{1,40}?)\s+[–—-]\s+(?P<num>\d{1,4})\s*"
)
_HEADING = LazyPattern(r"\b(?:results?|scores|scoreboard|leaderboard|standings)\b[^.]*:\s*$", re.I)
_MIN_LINES = 3


def _list_line(index: int, ctx: Context, family: Family) -> Iterator[Draft]:
    """The score of one line of a results table: a country alone before the dash, the table
    at least three such lines long under a heading of results of this year (or of no year)."""
    from checker.extract.base import Draft

    first, last = index, index
    while first > 0 and _LIST_LINE.fullmatch(ctx.sentences[first - 1].text):
        first -= 1
    while last + 1 < len(ctx.sentences) and _LIST_LINE.fullmatch(ctx.sentences[last + 1].text):
        last += 1
    heading = ctx.sentences[first - 1].text if first > 0 else ""
    if last - first + 1 < _MIN_LINES or not _HEADING.search(heading) or _other_year(heading, ctx):
        return
    if avoided(family, heading) or _parts_in(heading, ctx.lex):
        return  # a table of one part of the vote, or of something else
    m = _LIST_LINE.fullmatch(ctx.sentences[index].text)
    assert m is not None
    who = ctx.lex.find_entities(m.group("who").strip())
    if len(who) != 1 or who[0][2].kind != "country" or who[0][1] - who[0][0] != len(m.group("who").strip()):
        return
    yield Draft(
        family=family.name,
        slot=f"{family.name}:{who[0][2].name}",
        value=int(m.group("num")),
        display=m.group(0).strip(),
        span=m.span("num"),
        extra={"unit": "points"},
    )


# "2. Russia. Polina Gagarina - A Million Voices. 303": a ranked table's line ending in its
# score, the unit left to the line above
_TRAILING = LazyPattern(r"[.,:\u2013\u2014-]\s*(?P<num>\d{1,4})\s*$")
_OTHER_HEADING = 12  # lines back where the heading of a table is looked for


def _ranked_score(index: int, ctx: Context, family: Family) -> Iterator[Draft]:
    """The score a line of a ranked table ends with, for the country it opens with, unless the
    table's heading speaks of one part of the vote, of another year or of something else."""
    from checker.extract.base import Draft

    held = ranked_holder(index, ctx)
    text = ctx.sentences[index].text
    m = _TRAILING.search(text)
    if held is None or m is None or m.start() <= held[1]:
        return
    back = range(index - 1, max(-1, index - _OTHER_HEADING), -1)
    heading = next((ctx.sentences[i].text for i in back if not ranked_match(ctx.sentences[i].text)), "")
    if avoided(family, heading) or _parts_in(heading, ctx.lex) or _other_year(heading, ctx):
        return
    yield Draft(
        family=family.name,
        slot=f"{family.name}:{held[0]}",
        value=int(m.group("num")),
        display=m.group("num"),
        span=m.span("num"),
        extra={"unit": "points"},
    )


def _numbers(text: str, n: Numbers) -> Iterator[tuple[re.Match[str], str]]:
    """Numbers that may be scores: with their unit, or bare where the sentence speaks of
    points ("a total of 613", "Spain on 459", "Croatia's act (547)")."""
    unit_form, total_form, bracket_form, scored_form, listed_form, from_form = _patterns(n)
    units = ""
    for m in unit_form.finditer(text):
        units = units or m.group("unit").lower()
        yield m, m.group("unit").lower()
    if not units:
        return
    for pattern in (total_form, bracket_form, scored_form, listed_form, from_form):
        for m in pattern.finditer(text):
            yield m, units


@cache
def _patterns(n: Numbers) -> tuple[re.Pattern[str], ...]:
    card = rf"(?P<num>{n.cardinal})"
    # "nul points": none at all
    unit_form = compile_pattern(
        rf"(?<![\w$€£.,%-])(?P<num>{n.cardinal}|nul|nil)\s+(?:(?:jury|televote|public)\s+)?(?P<unit>{_UNITS})\b"
        r"(?!\s+(?:to|in\s+favou?r|against|for\s+and)\b)",
        re.I,
    )
    after = r"(?=\s*(?:[,.;:)\]]|\band\b|$))"
    total_form = compile_pattern(rf"\b(?:a\s+total\s+of|total\s+of|on)\s+(?P<num>\d{{1,4}}){after}", re.I)
    bracket_form = compile_pattern(r"\((?P<num>\d{1,3})\)")
    # "the Netherlands got 11, Spain got six", "Russia came in third with 369"
    scored_form = compile_pattern(
        rf"\b(?:with|got|gets|received|receives|scored|scores|earned|collected|bagged|gained|amassed)\s+"
        rf"(?:only\s+|just\s+)?{card}{after}",
        re.I,
    )
    # "(192 points from the national juries and 439 from the public televote)"
    from_form = compile_pattern(
        r"\b(?P<num>\d{1,4})\s+(?=from\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}?(?:jur(?:y|ies)|televot|public|viewers))",
        re.I,
    )
    # "- Spain, 459 – 228 televotes and 231 jury votes": a total, then its parts
    listed_form = compile_pattern(
        r"^\s*(?:[-•*]\s*)?[A-Z][^,\d]{1,40},\s*(?P<num>\d{1,4})\s*[\u2013\u2014-]\s+(?=\d)"
    )
    return unit_form, total_form, bracket_form, scored_form, listed_form, from_form


def _draft(
    text: str,
    m: re.Match[str],
    unit: str,
    previous: str,
    ctx: Context,
    family: Family,
    last_part: str | None = None,
) -> Draft | None:
    from checker.extract.base import Draft, drop_asides

    # "Russia, favourite of the bookies, was placed fourth with 491 points": the aside blanked,
    # the clause of the points runs back to its subject (offsets are kept)
    plain = drop_asides(text, ctx.lex)
    a, b, clause = clause_of(plain, m.start(), m.end())
    offsets = offsets_of(text, m.start(), m.end(), a, b, ctx)
    if avoided(family, clause) or _other_year(clause, ctx) or _margin(text, m, ctx.lex):
        return None  # about a vote in a chamber, a share, another year's contest, a lead
    value = 0 if m.group("num").lower() in _NONE else ctx.numbers.read_cardinal(m.group("num"))
    part = _part(plain, m, a, ctx.lex)
    if part is None and last_part is not None and _goes_on(plain, m, a):
        part = f":{last_part}" if last_part else ""
    actor = _actor(plain, m, a, previous, ctx.lex) or _winner_subject(plain, m, a, previous, ctx, family)
    if value is None or value > 100_000 or part is None or actor is None:
        return None
    if m.group(0).startswith("(") and not _listed(text[a : m.start()], ctx.lex):
        return None
    return Draft(
        family=family.name,
        slot=f"{family.name}:{actor}{part}{stage_key(plain[a:b], ctx.lex)}",
        value=value,
        display=m.group(0).strip() if _whole(m) else m.group("num"),
        span=m.span() if _whole(m) else m.span("num"),
        year_offsets=offsets,
        extra={"unit": unit},
    )


def _whole(m: re.Match[str]) -> bool:
    """Whether a score is shown with the words of its match ("a total of 613", "491 points"),
    not only its number ("(547)", a table line's "Spain, 459 –")."""
    return not (m.group(0).startswith("(") or m.re.pattern.startswith("^"))


_NONE = frozenset({"nul", "nil"})  # "nul points"
_QUOTED = LazyPattern(r"\"[^\"]{1,60}\"|“[^”]{1,60}”|‘[^’]{1,60}’")


def _other_year(clause: str, ctx: Context) -> bool:
    """A clause naming a year speaks of another year's contest, unless every year it names is
    the year the report was published ("At the 2023 final, Loreen won with 583 points")."""
    # a year in quotation marks is a title ('her song "1944"'), not a date, nor is one after a
    # word that describes it ("her haunting, unconventional 1944")
    plain = _QUOTED.sub(" ", clause)
    years = {int(m.group()) for m in _YEAR.finditer(plain) if not _described(plain[: m.start()])}
    published = ctx.article.published
    return bool(years) and (published is None or years != {published.year})


# Words after which a year is a date: prepositions, determiners, possessives, seasons
_DATE_WORDS = frozenset(
    "in of since from at during the until till by before after her his their its our my for to and "
    "or than between this that every each circa around about early late mid spring summer autumn "
    "winter fall year season edition".split()
)


def _described(before: str) -> bool:
    """Whether the word before a year is an adjective-like lower-case word, not a date's."""
    m = re.search(r"\b([a-z][a-z-]*),?\s+$", before)
    return m is not None and m.group(1) not in _DATE_WORDS


# "took the crown for the second time": an ordinal of a repeat, not a place
_PLACE_WORD = LazyPattern(
    r"\b(?:second|third|fourth|fifth|sixth|runner-up|runners-up|last|bottom)\b(?!\s+time)", re.I
)
_SUBJECT_PRONOUN = LazyPattern(r"^\s*(?:(?:right\s+)?(?:after|when|as|once)\s+)?(?:he|she|they)\b", re.I)


def _winner_subject(
    text: str, m: re.Match[str], clause_start: int, previous: str, ctx: Context, family: Family
) -> str | None:
    """The report's winner, where the score's subject is the winning act named by a pronoun or
    a role ("He finished with 365 points", "The band won with 529 points", "the 25-year-old's
    song had 492 points"): the sentence says the subject won, or the subject opens the
    sentence after one that names no other place. Keyed by the winner's country where the
    report names it, else "winner"."""
    left = text[clause_start : m.start("num")]
    if _PLACE_WORD.search(left) or _scored_before(left):
        return None  # another place, or the subject's score came earlier
    won = bool(family.verbs) and phrases_re(family.verbs).search(text) is not None
    starts = [
        _subject_role(left, family.lead_nouns) if family.lead_nouns else None,
        _subject_pronoun(left),
        0 if family.verbs and _named_winner(left, family.verbs) else None,
    ]
    found = [at for at in starts if at is not None]
    # someone else named from the subject on is the one who scored
    if not found or lex_actors(left[min(found) :], ctx.lex):
        return None
    if not won and (_PLACE_WORD.search(previous) or _PLACE_WORD.search(text[m.end() :])):
        return None
    return report_winner(ctx) or "winner"


_SCORE_BEFORE = LazyPattern(rf"\d\s+(?:[a-z]+\s+)?{_UNITS}\b", re.I)
_PARTS_AFTER = LazyPattern(rf"\d\s+{_UNITS}\s*\([^)]*$", re.I)


def _scored_before(left: str) -> bool:
    """A score before this one in its clause: this one is someone else's, or a part of that
    score in brackets ("631 points (192 points from the juries ...)"), which stays the
    subject's."""
    return _SCORE_BEFORE.search(left) is not None and _PARTS_AFTER.search(left) is None


def _subject_pronoun(left: str) -> int | None:
    """ "He finished with 365 points": a pronoun subject whose own clause runs to the number,
    with no one else named on the way ("He was dragged off, and SuRie finished ...")."""
    found = _SUBJECT_PRONOUN.search(left)
    if found is None or re.search(r"[,;:]|\b[A-Z]", left[found.end() :]):
        return None
    return found.start()


def lex_actors(text: str, lex: Lexicon) -> bool:
    """Whether a piece of text names a country (not as a place: "in Malmo, Sweden") or a person."""
    if any(e.kind == "country" and not _PLACE.search(text[:s]) for s, _, e in lex.find_entities(text)):
        return True
    return _names(lex).search(text) is not None


# what may stand before the subject of a clause: "After the public vote", "On the night"
_INTRO = LazyPattern(
    r"\s*(?:(?:right|just|soon)\s+)?(?:after|before|on|in|at|following|with|when|as|once|during|then|so)\b",
    re.I,
)


def _subject_role(left: str, roles: tuple[str, ...]) -> int | None:
    """Where the clause's subject names the act by its role ("The band won", "After the vote
    the 25-year-old's song had"); None for an object ("SuRie finished the song")."""
    for found in _role_re(roles).finditer(left):
        before = left[: found.start()].rsplit(",", 1)[-1]
        if not before.strip() or _INTRO.match(before):
            return found.start()
    return None


def _named_winner(left: str, verbs: tuple[str, ...]) -> bool:
    """ "Nemo won with their song, scoring 591 points": a name the entity list does not know,
    as the subject of a verb of winning."""
    pattern = (
        rf"\s*(?:[A-Z][\w'’\u00c0-\u024f-]*\s+){{1,3}}(?:has\s+|have\s+)?(?:{phrase_alternation(verbs)})\b"
    )
    return re.match(pattern, left) is not None


@cache
def _role_re(words: tuple[str, ...]) -> re.Pattern[str]:
    body = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in longest_first(words))
    # "the band", "the folk rap group", "the 25-year-old's song"
    # the role in lower case: "the Eurovision Song Contest" is a name
    return compile_pattern(rf"\b(?i:the|this|their|his|her)\s+(?:[\w'’-]+\s+){{0,3}}?(?:{body})\b")


# The last report's winner: extraction reads one report at a time, sentence by sentence, and
# asks for its winner only where a score names none (one entry, checked by identity)
_LAST_WINNER: list[tuple[Any, str | None]] = []


def report_winner(ctx: Context) -> str | None:
    """The country a report says won this edition: the one its winner claims name, or the one
    it ties to the winning act ("Ukraine's Jamala", "Duncan Laurence of the Netherlands");
    None when it names none, or more than one."""
    if _LAST_WINNER and _LAST_WINNER[0][0] is ctx.article:
        return _LAST_WINNER[0][1]
    found = _read_winner(ctx)
    _LAST_WINNER[:] = [(ctx.article, found)]
    return found


def _read_winner(ctx: Context) -> str | None:
    from checker.families import generic_family
    from checker.kinds import kind_named

    winner = generic_family("winner", "holder")
    if winner is None:
        return None
    kind = kind_named("holder")
    countries: set[str] = set()
    for index, sentence in enumerate(ctx.sentences):
        if not kind.wants(sentence.text, ctx, (winner,)):
            continue
        for draft in kind.read(sentence, index, ctx, winner):
            if draft.slot != winner.name or draft.year_offsets != (0,):
                continue
            for actor, key in draft.value:
                country = key if actor == "country" else _country_of(sentence.text, draft.display, ctx.lex)
                if country:
                    countries.add(country)
    if not countries:
        countries = _first_placed(ctx)
    return next(iter(countries)) if len(countries) == 1 else None


def _first_placed(ctx: Context) -> set[str]:
    """The countries a report places first in the whole result of this edition ("Sweden took
    its sixth contest", "Jamala won her country's second contest"), where no winner is named."""
    from checker.families import generic_family
    from checker.kinds import kind_named

    place = generic_family("place", "place")
    if place is None:
        return set()
    kind = kind_named("place")
    found: set[str] = set()
    for index, sentence in enumerate(ctx.sentences):
        if not kind.wants(sentence.text, ctx, (place,)):
            continue
        for draft in kind.read(sentence, index, ctx, place):
            subject = ctx.lex.entity(str(draft.extra.get("subject", "")))
            if draft.value == 1 and _this_whole_result(draft, ctx) and subject and subject.kind == "country":
                found.add(subject.name)
    return found


def _this_whole_result(draft: Draft, ctx: Context) -> bool:
    """A place in the whole result (no part, no category) of the report's own edition."""
    year, published = draft.extra.get("year"), ctx.article.published
    other = year is not None and published is not None and year != published.year
    return draft.slot.count(":") == 1 and draft.year_offsets == (0,) and not other


def _country_of(text: str, name: str, lex: Lexicon) -> str | None:
    """The country a sentence ties a named act to: "Ukraine's Jamala", "Jamala of Ukraine",
    "Jamala (Ukraine)"."""
    at = text.find(name)
    if at < 0:
        return None
    for s, e, ent in lex.find_entities(text):
        if ent.kind != "country":
            continue
        before = text[e:at]
        after = text[at + len(name) : s]
        if s < at and re.fullmatch(r"(?:['’]s?|['’]s\s+[\w\s-]{0,30}?)\s+", before):
            return ent.name
        if s > at and re.fullmatch(r",?\s+(?:of|from|for)\s+(?:the\s+)?|\s*\(\s*", after):
            return ent.name
    return None


_BY = LazyPattern(r"\b(?:by|than)\s+(?:(?:over|more than|just|only|some|about|nearly)\s+)?$", re.I)
_GAP = LazyPattern(
    rf"\s*(?:{_UNITS}\s+)?(?:(?P<lead>ahead|behind|clear|more|fewer|less|short|adrift)\b|from\s+(?:the\s+)?)",
    re.I,
)


def _margin(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """ "won by 143 points", "12 points ahead", "12 points from Sweden": a margin, or the
    points one country gave, not a score."""
    if _BY.search(text[max(0, m.start() - 30) : m.start()]):
        return True
    gap = _GAP.match(text, m.end("num"))
    if gap is None:
        return False
    if gap.group("lead"):
        return True
    return any(
        s == 0 and e.kind == "country" for s, _, e in lex.find_entities(text[gap.end() : gap.end() + 40])
    )


def _part(text: str, m: re.Match[str], clause_start: int, lex: Lexicon) -> str | None:
    """':jury', ':televote' or '' (the total); None when the words leave it open (a number
    after "after the jury votes" in a list of places may be a part or the total)."""
    right = re.split(r"[,;(]|\d", text[m.end("num") : m.end("num") + 60])[0]
    if m.group(0).startswith("("):
        right = ""
    left = text[clause_start : m.start("num")]
    piece = re.split(r"[,;(]|\d", left)[-1]
    for window in (right, piece):
        parts = _parts_in(window, lex)
        if len(parts) > 1 or (window is piece and _TOTAL.search(piece)):
            return ""
        if parts:
            return ":" + parts[0]
    before = _parts_in(left, lex)
    if len(before) > 1:
        return ""  # "after the jury and the public votes, Italy had 465 points"
    return None if before else ""


def vote_parts(text: str, lex: Lexicon) -> list[str]:
    """The parts of a score ("jury", "televote") a piece of text names."""
    return _parts_in(text, lex)


# "Switzerland came top with 267 points and France second with 248 points": the next item of a
# list of scores, in the part of the vote of the item before
_LIST_GOES_ON = LazyPattern(
    rf"\d\s+{_UNITS}\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?(?:[A-Z][\w'’-]*\s+){{1,3}}"
    r"(?:[a-z][\w-]*\s+)?(?:with|on)\s+$",
    re.I,
)


def _goes_on(text: str, m: re.Match[str], clause_start: int) -> bool:
    """Whether a score is the next item of a list of scores, with no word of a total after it."""
    right = re.split(r"[,;(]", text[m.end("num") : m.end("num") + 40])[0]
    return _LIST_GOES_ON.search(text[clause_start : m.start("num")]) is not None and not _TOTAL.search(right)


def _parts_in(text: str, lex: Lexicon) -> list[str]:
    found = {key for key, pattern in _PARTS.items() if pattern.search(text)}
    found |= {k for k in category_key(text, lex).split(":") if k in _PARTS}
    return sorted(found)


def _actor(text: str, m: re.Match[str], clause_start: int, previous: str, lex: Lexicon) -> str | None:
    """Whose score it is: the country named last before the number in its clause, else a
    person's name there; "they"/"them" stand for the last country named before, in this
    sentence or the one before. Points given ("Austria gave Australia 12 points") are none."""
    left = text[clause_start : m.start("num")]
    give = _GIVE.search(left)
    if give and not _parts_in(left[: give.start()], lex):
        return None
    countries = [
        (s, e)
        for s, e, ent in lex.find_entities(left)
        if ent.kind == "country" and not _PLACE.search(left[:s])
    ]
    pronoun = list(_PRONOUN.finditer(left))
    if countries and not (give and pronoun and pronoun[-1].start() > countries[-1][1]):
        return lex.find_entities(left[countries[-1][0] : countries[-1][1]])[0][2].name
    person = _person(left, lex)
    if person:
        return person
    if not pronoun:
        return None
    earlier = [e for _, _, e in lex.find_entities(text[:clause_start]) if e.kind == "country"]
    if earlier:
        return earlier[-1].name
    before = [e for _, _, e in lex.find_entities(previous) if e.kind == "country"]
    return before[0].name if before else None


def _person(left: str, lex: Lexicon) -> str | None:
    from checker.extract.people import _name_pattern

    names = list(_names(lex).finditer(left))
    # a name after "the" behind another is the thing the first did something to: "Ana Ruiz
    # won the Lumina Song Contest with 412 points" ("The Ostrava Strings took 300" scored)
    names = names[:1] + [n for n in names[1:] if not _THING.search(left, 0, n.start())]
    events = lex.word_set("edition_nouns")  # an event's own name scores nothing: "Balloon Fiesta"
    names = [n for n in names if n.group("name").split()[-1].lower() not in events]
    # the name that is the subject of the score: nothing but words between it and the number
    if not names or re.search(r"[.,;:]", left[names[-1].end() :]) or _PLACE.search(left[: names[-1].start()]):
        return None
    name = _OWNER.sub("", names[-1].group("name"))  # "Ostrelia's Mira Solan": Mira Solan
    if lex.find_entities(name) or not re.fullmatch(_name_pattern(lex), name):
        return None
    return name_key(name)


_OWNER = compile_pattern(r"^(?:\S+\s+)*?\S+(?:'s|\u2019s)\s+(?=\S+\s+\S)")
_THING = compile_pattern(r"\bthe\s+(?:\d{1,3}(?:st|nd|rd|th)\s+)?$", re.I)  # "the 36th Harbour Fiesta"


@cache
def _names(lex: Lexicon) -> re.Pattern[str]:
    from checker.extract.people import _name_pattern

    return compile_pattern(_name_pattern(lex))


def _listed(left: str, lex: Lexicon) -> bool:
    """ "Croatia's Baby Lasagna (547)": a bare number in brackets is a score only right after
    a country and the name of its act."""
    countries = [(s, e) for s, e, ent in lex.find_entities(left) if ent.kind == "country"]
    if not countries:
        return False
    tail = left[countries[-1][1] :]
    act = r"(?:['’]s(?:\s+[a-z]+){0,2})?(?:\s+(?:[A-Z][\w'’.-]*|and|&))*\s*"
    return len(tail) <= 60 and re.fullmatch(act, tail) is not None


KIND = Score()
