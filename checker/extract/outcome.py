"""Outcome: adoption by consensus or by recorded vote, and the tally of a vote."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checker.cache import compile_pattern
from checker.extract.base import (
    NEGATED_SUBJECT,
    Context,
    Draft,
    another_body,
    clause_around,
    month_meeting,
    period_offsets,
    sentence_frame,
)
from checker.lexicon import Lexicon, phrase_alternation
from checker.stages import named_stage
from checker.text import LazyPattern, Numbers, Sentence, gate_words, look

FOR, AGAINST, ABSTAIN = "for", "against", "abstain"
_VOTE_CONTEXT = LazyPattern(
    r"\b(?:vot\w*|passed|adopted|approved|tally|ballot|favou?r|against|"
    r"abstention\w*|opposed|support\w*)\b",
    re.I,
)


# (pattern, roles, words): a pattern runs only on a sentence holding one of its words (each
# ends a word where the pattern matches; none: any sentence), and is compiled the first time
# one does: each holds the long alternation of number words
_Tally = tuple[LazyPattern, tuple[str, ...], frozenset[str]]


@cache
def _tally_patterns(n: Numbers) -> tuple[_Tally, ...]:
    return (*_pair_patterns(n.cardinal), *_part_patterns(n.cardinal))


_MEMBER = (
    r"(?:votes?|nations|countries|members|states|member states|delegations|lawmakers|"
    r"legislators|deputies|senators|MPs|councillors|councilors|delegates|representatives)"
)


def _pair_patterns(c: str) -> tuple[_Tally, ...]:
    """Tallies of two or three parts ("140-9-3", "by 140 votes to 9"), and a count approved."""
    flags = re.I
    return (
        (
            LazyPattern(r"(?<![\w.,-])(\d{1,3})-(\d{1,3})(?:-(\d{1,3}))?(?![\w-]|,\d)"),
            (FOR, AGAINST, ABSTAIN),
            frozenset(),
        ),
        (
            LazyPattern(rf"(?<![\w-])({c}) votes? to ({c})\b", flags),
            (FOR, AGAINST),
            frozenset({"vote", "votes"}),
        ),
        (
            LazyPattern(rf"\b(?:was|of|by|margin of) ({c}) to ({c})\b", flags),
            (FOR, AGAINST),
            frozenset({"to"}),
        ),
        # "The text passed 140 to 9": a bare pair right after the verb of the outcome
        (
            LazyPattern(rf"\b(?:passed|adopted|approved|carried|rejected|defeated) ({c}) to ({c})\b", flags),
            (FOR, AGAINST),
            frozenset({"passed", "adopted", "approved", "carried", "rejected", "defeated"}),
        ),
        (LazyPattern(rf"\bapproved by ({c}) {_MEMBER}", flags), (FOR,), frozenset({"approved"})),
    )


# the words that end "in favour", "for the resolution", "yes" or "approved" after a count
_IN_FAVOUR = frozenset("favour favor resolution measure motion text draft bill budget yes approved".split())


def _part_patterns(c: str) -> tuple[_Tally, ...]:
    """One part of a tally said alone: "120 in favour", "8 voted against", "3 abstentions"."""
    flags, member = re.I, _MEMBER
    against = frozenset({"against"})
    return (
        (
            LazyPattern(
                rf"(?<![\w-])({c})(?: {member})?(?: of [^,.;]{{0,60}}?)?(?: have| had)?"
                rf" (?:voted |voting |votes? )?(?:in favou?r|for the (?:resolution|measure|motion|"
                rf"text|draft|bill|budget)|yes|approved)\b",
                flags,
            ),
            (FOR,),
            _IN_FAVOUR,
        ),
        (LazyPattern(rf"(?<![\w-])({c}) votes for\b", flags), (FOR,), frozenset({"votes"})),
        (
            LazyPattern(rf"(?<![\w-])({c}) for,? (?:and |with )?(?={c} (?:against|opposed))", flags),
            (FOR,),
            frozenset({"for"}),
        ),
        (
            # "Twenty states, including Fiji, voted no": a list set in between the count and its verb
            LazyPattern(
                rf"(?<![\w-])({c})(?: {member})?(?:,\s*(?:including|among them|led by)\s[^,;.]{{1,80}},)?"
                rf" (?:voted )?(?:against|opposed|no votes?|(?<=voted )no)\b",
                flags,
            ),
            (AGAINST,),
            frozenset({"against", "opposed", "no"}),
        ),
        (
            LazyPattern(rf"\bamong ({c}) {member} (?:that |which )?(?:voted|voting) against\b", flags),
            (AGAINST,),
            against,
        ),
        (
            LazyPattern(
                rf"(?<![\w-])({c}) {member}\s*[-\u2013\u2014,(][^.;]{{0,80}}?voting against\b", flags
            ),
            (AGAINST,),
            against,
        ),
        (
            LazyPattern(rf"(?<![\w-])({c}) abstentions?\b", flags),
            (ABSTAIN,),
            frozenset({"abstention", "abstentions"}),
        ),
        (
            LazyPattern(rf"(?<![\w-])({c})(?: {member})? (?:abstained|abstaining)\b", flags),
            (ABSTAIN,),
            frozenset({"abstained", "abstaining"}),
        ),
    )


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    yield from _adoption(sentence, ctx)
    yield from _tallies(sentence, ctx)


def _adoption(sentence: Sentence, ctx: Context) -> Iterator[Draft]:
    text = sentence.text
    for key, method in (("consensus_phrases", "consensus"), ("recorded_vote_phrases", "recorded-vote")):
        m = _method_phrase(text, key, ctx)
        if method == "consensus" and not (m and _has_event_verb(text, ctx)):
            m = _consensus_outcome(text, ctx)
        if m:
            a, b = clause_around(text, m.start(), m.end())
            yield Draft(
                family="outcome",
                slot="adoption",
                value=method,
                display=m.group(),
                span=m.span(),
                year_offsets=_year(text[a:b], ctx),
                extra=_meeting(text[a:b], ctx),
            )


_PASSIVE_BEFORE = LazyPattern(r"\b(?:be|being|been|is|are|was|were)\s+$", re.I)
# "voted for her", "voted for Australia": a vote for a person or an entry, not on a text
_PERSON_OBJECT = LazyPattern(r"(?<=for)\s+(?:(?:her|him|them|me|us|you)\b|[A-Z])")
_RECEIVED_BEFORE = LazyPattern(r"\b(?:got|get|gets|received|receive|receives|earned|scored|won)\s+$", re.I)


def _says_method(text: str, m: re.Match[str], ctx: Context) -> bool:
    """A voter's position proves a recorded vote only where someone took it on a text: never
    "none of them voted against", "everyone who voted for her", "being voted for", nor the
    "no votes" an entry got from a jury."""
    if m.group().lower() not in ctx.lex.word_set("position_vote_phrases"):
        return True
    a, _ = clause_around(text, m.start(), m.end())
    before = text[a : m.start()]
    return not (
        NEGATED_SUBJECT.search(before)
        or _PASSIVE_BEFORE.search(before)
        or _PERSON_OBJECT.match(text, m.end())
        or _RECEIVED_BEFORE.search(before)
    )


def _method_phrase(text: str, key: str, ctx: Context) -> re.Match[str] | None:
    return next((m for m in ctx.lex.phrase_re(key).finditer(text) if _says_method(text, m, ctx)), None)


def _consensus_outcome(text: str, ctx: Context) -> re.Match[str] | None:
    """ "banged the gavel to signal consensus", "The consensus agreement at the summit": a phrase
    that tells the outcome by itself, unless an attempt or a failure precedes it."""
    attempt = _attempt_re(ctx.lex)
    for m in ctx.lex.phrase_re("consensus_outcome_phrases").finditer(text):
        if not attempt.search(text, max(0, m.start() - 30), m.start()):
            return m
    return None


@cache
def _attempt_re(lex: Lexicon) -> re.Pattern[str]:
    body = phrase_alternation(lex.words("consensus_attempt_words")) or r"(?!x)x"
    return compile_pattern(rf"(?<![\w-])(?:{body})(?![\w-])(?:\s+[\w-]+){{0,3}}?\s+(?:to\s+)?$", re.I)


def _has_event_verb(text: str, ctx: Context) -> bool:
    return bool(ctx.lex.phrase_re("event_verbs").search(text)) or "adoption" in text.lower()


def _meeting(clause: str, ctx: Context) -> dict[str, str]:
    """A clause that names a stage of the meeting ("the Third Committee adopted") or another
    month's meeting ("at its December meeting it voted 8-1") speaks for it."""
    stage = named_stage(clause, ctx.lex)
    if stage:
        return {"meeting": stage.label}
    other = month_meeting(clause, ctx)
    return other[1] if other else {}


def _year(clause: str, ctx: Context) -> tuple[int, ...]:
    offsets = period_offsets(clause, ctx.numbers)
    return offsets[-1:] if offsets and offsets[-1] < 0 else (0,)


# a tally forecast, or the rest of a group's members, is no count of the vote
_FORECAST_BEFORE = LazyPattern(r"\b(?:predict|expect|forecast|project|anticipat)\w*\b[^.;,]{0,40}$", re.I)
_OTHER_BEFORE = LazyPattern(r"\b(?:the\s+)?other\s+$", re.I)


def _tallies(sentence: Sentence, ctx: Context) -> Iterator[Draft]:
    text = sentence.text
    if not ctx.numbers.has_number(text) or not _VOTE_CONTEXT.search(text):
        return
    parts: dict[tuple[int, int | None], dict[str, tuple[int, int, int]]] = {}
    taken: list[tuple[int, int]] = []
    meetings: dict[tuple[int, int | None], dict[str, str]] = {}
    seen = look(text)
    for pattern, roles, needs in (*_tally_patterns(ctx.numbers), *_labelled_patterns(ctx.lex, ctx.numbers)):
        if needs and not seen.any_of(needs):
            continue  # the pattern cannot match here: it is not compiled for this sentence
        for m in pattern.finditer(text):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            values = [ctx.numbers.read_cardinal(g) if g else None for g in m.groups()]
            if any(v is not None and v > 999 for v in values) or values[0] is None:
                continue
            if roles[0] == FOR and len(roles) > 1 and not _looks_like_tally(text, m, values, ctx.lex):
                continue
            if len(roles) == 1 and _FROM_BEFORE.search(text, 0, m.start()):
                continue  # "delegates from 196 countries approved": where voters came from
            if _FORECAST_BEFORE.search(text, 0, m.start()) or _OTHER_BEFORE.search(text, 0, m.start()):
                continue  # "whips had predicted 50 votes in favour", "the other 12 voted for": no tally
            taken.append(m.span())
            a, b = clause_around(text, m.start(), m.end())
            if _other_text_re(ctx.lex).search(text, a, m.start()):
                continue  # "an amendment was rejected by 80 votes to 40": another text's tally
            if another_body(text[: m.start()], ctx) and not named_stage(text[a : m.start()], ctx.lex):
                continue  # "the school board adopted its budget by a 3-2 vote": another body's
            year = _tally_year(text, m.start(), m.end(), a, b, ctx)
            meetings.setdefault(year, _meeting(text[a:b], ctx))  # "in the Third Committee"
            bucket = parts.setdefault(year, {})
            for role, value in zip(roles, values, strict=False):
                if value is not None and role not in bucket:
                    bucket[role] = (value, m.start(), m.end())
    _none_abstained(text, parts.get((0, None)), ctx.lex)
    # parts of one sentence may speak for a year given outright ("in 1992, when") and for the
    # report's own year: the undated bucket sorts first, then the dated ones by year
    for year, bucket in sorted(parts.items(), key=_year_order):
        draft = _tally_draft(text, year, bucket, meetings.get(year, {}))
        yield draft
        if year[0] == 0 and sum(v is not None for v in draft.value) >= 2:
            yield Draft(
                family="outcome",
                slot="adoption",
                value="recorded-vote",
                display=text[draft.span[0] : draft.span[1]],
                span=draft.span,
                extra=draft.extra,
            )


@cache
def _labelled_patterns(lex: Lexicon, n: Numbers) -> tuple[_Tally, ...]:
    """Tally parts named by their labels (checker/data: tally_labels): "120 ayes and 8 nays",
    "Yes 120, No 8, 3 abstentions" (a label before its number only in a run of labels), and
    the support or the votes a text won ("won the support of 120 members", "the text won 162
    votes")."""
    labels = lex.vocab.get("tally_labels") or {}
    word = {role: phrase_alternation(labels.get(role) or []) for role in (FOR, AGAINST, ABSTAIN)}
    c = n.cardinal
    after = [
        (
            LazyPattern(rf"(?<![\w-])({c})\s+(?:{word[role]})\b", re.I),
            (role,),
            gate_words(labels.get(role) or []),
        )
        for role in (FOR, AGAINST)
        if word[role]
    ]
    run = LazyPattern(
        rf"\b(?:{word[FOR]})[:\s]+({c})\s*[,;]?\s*(?:and\s+)?(?:{word[AGAINST]})[:\s]+({c})"
        rf"(?:\s*[,;]?\s*(?:with\s+|and\s+)?(?:{word[ABSTAIN]})[:\s]+({c}))?\b",
        re.I,
    )
    support = phrase_alternation(lex.words("support_phrases"))
    backed = LazyPattern(rf"\b(?:{support})\s+({c})\b", re.I) if support else None
    # "the text won 162 votes": the votes a text won are its votes in favour (a candidate's
    # votes are no tally: the subject must be a word for the text voted on, or "it")
    texts = phrase_alternation([*lex.words("voted_text_nouns"), "it"])
    won = LazyPattern(rf"\b(?:{texts}) won ({c}) votes\b", re.I)
    return (
        *after,
        (run, (FOR, AGAINST, ABSTAIN), gate_words(labels.get(FOR) or [])),
        *(((backed, (FOR,), gate_words(lex.words("support_phrases"))),) if backed else ()),
        (won, (FOR,), frozenset({"won"})),
    )


def _none_abstained(text: str, bucket: dict[str, tuple[int, int, int]] | None, lex: Lexicon) -> None:
    """ "with no abstentions": a tally of this year that gives other parts abstains none."""
    if not bucket or ABSTAIN in bucket:
        return
    m = lex.phrase_re("no_abstention_phrases").search(text)
    if m:
        bucket[ABSTAIN] = (0, m.start(), m.end())


def _year_order(item: tuple[tuple[int, int | None], object]) -> tuple[int, bool, int]:
    offset, absolute = item[0]
    return (offset, absolute is not None, absolute or 0)


_FROM_BEFORE = LazyPattern(r"\bfrom\s+$", re.I)


def _looks_like_tally(text: str, m: re.Match[str], values: list[int | None], lex: Lexicon) -> bool:
    """A bare "187-3" is a tally only near vote words, and never a span of years, a time of
    day ("at 3-4 p.m.") nor a range of a unit ("gave 1-12 points")."""
    if m.re.pattern.startswith("(?<![\\w.,-])(\\d"):
        if _time_of_day_re(lex).match(text, m.end()) or re.search(r"\b(?:at|between)\s+$", text[: m.start()]):
            return False
        if _unit_after_re(lex).match(text, m.end()):
            return False
        return bool(re.search(r"\bvot|passed|adopted|approved|\btally\b", text, re.I))
    return True


@cache
def _unit_after_re(lex: Lexicon) -> re.Pattern[str]:
    body = phrase_alternation(lex.words("range_units")) or r"(?!x)x"
    return compile_pattern(rf"\s*(?:{body})\b", re.I)


@cache
def _time_of_day_re(lex: Lexicon) -> re.Pattern[str]:
    body = phrase_alternation(lex.words("time_of_day_words")) or r"(?!x)x"
    return compile_pattern(rf"\s*(?:{body})(?![\w])", re.I)


@cache
def _other_text_re(lex: Lexicon) -> re.Pattern[str]:
    body = (
        phrase_alternation([*lex.words("other_text_phrases"), *lex.words("other_body_phrases")]) or r"(?!x)x"
    )
    return compile_pattern(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


_NOW = compile_pattern(r"\b(?:this year|now|this time)\b", re.I)  # "..., while this year it passed 150-2"
# "The first resolution, in 2012, was adopted by", "In its first year, 2012, it passed by"
_ASIDE_YEAR = compile_pattern(r",\s+(?:in\s+)?((?:19|20)\d\d),\s+(?:[\w-]+\s+){0,4}$")


def _tally_year(text: str, start: int, end: int, a: int, b: int, ctx: Context) -> tuple[int, int | None]:
    """(offset, absolute year or None): the year a tally speaks for."""
    after = text[end : min(b, end + 40)]
    before = text[max(a, start - 40) : start]
    absolute = (
        re.search(r"\b((?:19|20)\d\d), when\b", before)
        or re.match(r"\s+in ((?:19|20)\d\d)\b", after)
        or _ASIDE_YEAR.search(before)  # "The first resolution, in 2012, was adopted by 88 votes"
    )
    if absolute:
        return (0, int(absolute.group(1)))
    frame, framed = sentence_frame(text, ctx.numbers)
    if framed.get("year") and a == 0:
        return (0, framed["year"])  # "In 1992, when it first came up, it passed by 59 votes to 3"
    if frame and frame != (0,) and not _NOW.search(text, a, b):
        return (frame[0], None)  # "In last year's committee vote, the text was approved by ..."
    if re.match(r"\W*(?:last year|the previous year|a year earlier)\b", text[a:start], re.I):
        return (-1, None)
    other = month_meeting(text[a:b], ctx)
    if other:
        return (other[0], None)  # "At its December meeting" in a report of January: last year's
    if re.match(
        r"\s*(?:\w+\s+){0,2}?(?:last year|the previous year|a year earlier)\b", after, re.I
    ) or re.search(
        r"\b(?:last year's|previous year's)\s+(?:\w+\s+)?$|"
        r"\blast year,?\s+(?:\w+\s+){0,6}$",
        before,
        re.I,
    ):
        return (-1, None)
    return (0, None)


def _tally_draft(
    text: str, year: tuple[int, int | None], bucket: dict[str, tuple[int, int, int]], meeting: dict[str, str]
) -> Draft:
    start = min(v[1] for v in bucket.values())
    end = max(v[2] for v in bucket.values())
    value = tuple(bucket[r][0] if r in bucket else None for r in (FOR, AGAINST, ABSTAIN))
    display = "-".join("?" if v is None else str(v) for v in value)
    offset, absolute = year
    return Draft(
        family="outcome",
        slot="tally",
        value=value,
        display=display,
        span=(start, end),
        year_offsets=(offset,),
        extra={**({"year": absolute} if absolute else {}), **meeting},
    )
