"""Counts of a named group: "61 co-sponsors", "co-sponsored by over 70 countries"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checker.cache import compile_pattern
from checker.extract.base import Context, Draft, clause_around, period_offsets, scope_of, sentence_frame
from checker.extract.generic import QUALIFIER_PATTERN, QUALIFIERS, interval
from checker.lexicon import Lexicon, phrase_alternation, phrases_re
from checker.stages import named_stage
from checker.text import Numbers, Sentence

_QUAL = QUALIFIER_PATTERN


@cache
def _patterns(lex: Lexicon, n: Numbers) -> tuple[re.Pattern[str], ...]:
    sponsor_nouns = phrase_alternation(lex.words("sponsor_nouns"))
    sponsor_verbs = phrase_alternation(lex.words("sponsor_verbs"))
    members = phrase_alternation(lex.words("member_nouns"))
    reached = phrase_alternation(lex.words("count_reached_verbs"))
    num = rf"(?:(?P<qual>{_QUAL}) )?(?P<num>{n.cardinal})"
    return (
        compile_pattern(rf"(?<![\w-]){num} (?:other )?(?:{sponsor_nouns})\b", re.I),
        compile_pattern(
            rf"\b(?:{sponsor_verbs}) by (?:(?P<named>[^;.]{{0,80}}?) and )?{num} (?P<other>other )?"
            rf"(?:{members})\b",
            re.I,
        ),
        compile_pattern(
            rf"(?<![\w-]){num} (?:other )?(?:{members})(?: including [^;.]{{0,160}}?)?,? "
            rf"(?:participated|took part|joined|signed on|were listed|are listed|"
            rf"registered)(?: as| in)? (?:an? |the )?(?:{sponsor_nouns})\b",
            re.I,
        ),
        # "the number of co-sponsors rose to 61 (from 58)": the count now, not the one before
        compile_pattern(
            rf"\bnumber of (?:{sponsor_nouns}) (?:{reached}) {num}\b",
            re.I,
        ),
        # "Of the 193 members, 70 were co-sponsors"
        compile_pattern(
            rf"(?<![\w-]){num} (?:of them )?(?:were|are) (?:among the |the )?(?:{sponsor_nouns})\b", re.I
        ),
        # "co-sponsors from 40 countries": the members the sponsors come from are the count
        compile_pattern(rf"\b(?:{sponsor_nouns}) from {num} (?:{members})\b", re.I),
    )


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    if not sponsor_re(ctx.lex).search(sentence.text):
        return
    seen: set[int] = set()
    for pattern in _patterns(ctx.lex, ctx.numbers):
        for m in pattern.finditer(sentence.text):
            if m.start("num") in seen or _counts_something_else(sentence.text, m.start("num"), m.start()):
                continue
            if not _about_a_text(sentence.text, m, ctx.lex):
                continue
            value = ctx.numbers.read_cardinal(m.group("num"))
            if value is None or value > 1000:
                continue
            value += _named_besides(m, ctx)
            seen.add(m.start("num"))
            qualifier = QUALIFIERS.get((m.group("qual") or "").lower(), "exact")
            a, b = clause_around(sentence.text, m.start(), m.end())
            scope = scope_of(sentence.text, m.start(), m.end(), a, b)
            frame, framed = sentence_frame(sentence.text, ctx.numbers)  # "In 2023 it had 55 co-sponsors"
            offsets = period_offsets(scope, ctx.numbers) or frame or (0,)
            yield Draft(
                family="count",
                slot="sponsor-count",
                value=interval(value, qualifier),
                display=m.group(0),
                span=m.span(),
                qualifier=qualifier,
                year_offsets=offsets[-1:],
                extra={
                    "number": value,
                    **({"year": framed["year"]} if framed.get("year") else {}),
                    # "When it was tabled in the Third Committee it had 39 co-sponsors": that stage's
                    **_stage_meeting(scope, ctx),
                },
            )


def _stage_meeting(clause: str, ctx: Context) -> dict[str, str]:
    """{"meeting": "committee"} where the count's clause names a stage before the concluding one."""
    stage = named_stage(clause, ctx.lex)
    return {"meeting": stage.label} if stage is not None and not stage.concluding else {}


def _named_besides(m: re.Match[str], ctx: Context) -> int:
    """The countries named before "and N other members" belong to the count too."""
    found = m.groupdict()
    if not found.get("named") or not found.get("other"):
        return 0
    return len({e.name for _, _, e in ctx.lex.find_entities(found["named"]) if e.kind == "country"})


def _counts_something_else(text: str, start: int, match_start: int) -> bool:
    """A number after "from" or "of" counts the group of another noun ("groups from 16"),
    unless the match itself says the sponsors come from it ("co-sponsors from 40 countries")."""
    if start > match_start:
        return False
    before = text[max(0, start - 12) : start].lower()
    return re.search(r"\b(?:from|of|in)\s+$", before) is not None


def _about_a_text(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """Sponsors are a text's only where the words say so: "co-sponsors" are, and so are
    nations that sponsor; plain "sponsors" need a text voted on in the sentence ("the
    resolution had 58 sponsors"), not a festival's "12 sponsors from the banking sector"."""
    if re.search(r"co-?(?:sponsor|propos|author)|joint", m.group(0), re.I):
        return True  # "co-sponsors", "joint proposers": of a text
    if phrases_re(lex.words("member_nouns")).search(m.group(0)):
        return True  # "12 nations signed on as sponsors": states sponsor texts
    return bool(_texts_re(lex).search(text))


@cache
def _texts_re(lex: Lexicon) -> re.Pattern[str]:
    return phrases_re([*lex.words("voted_text_nouns"), "vote", "assembly", "council", "parliament"])


@cache
def sponsor_re(lex: Lexicon) -> re.Pattern[str]:
    return phrases_re(lex.words("sponsor_nouns") + lex.words("sponsor_verbs"))
