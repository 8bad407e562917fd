"""Age: how old a named person is ("Maria Lopez, 32,", "the 32-year-old Lopez", "Lopez (32)",
"Lopez, aged 32", "Lopez, who is 32"). Ages change every year, so an age is a fact of one
occurrence: the same person a year older in the next year's report is a time-shift."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.extract.generic import avoided, clause_of, offsets_of
from checker.kinds import Kind
from checker.models import Claim
from checker.text import look
from checker.wording import name_key

if TYPE_CHECKING:
    from checker.extract.base import Context, Draft
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Sentence

_GATE = re.compile(r"\d-year-old|\baged\s+\d|,\s+\d{1,3}\b|\(\d{1,3}\)|\bwho\s+(?:is|turned)\s+\d", re.I)
# a bracketed number beside a name is an age, except in a list of scores ("Sweden's act (583)")
_SCORES = re.compile(r"\b(?:points|votes|pts|goals|seconds|minutes)\b", re.I)


class Age(Kind):
    name = "age"
    summary = "how old a person is: 32"

    def json(self, claim: Claim) -> Any:
        return int(claim.value)

    def label(self, claim: Claim) -> str:
        return f"{claim.value} years old"

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        return look(text).digit and _GATE.search(text) is not None

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        from checker.extract.base import Draft

        text = sentence.text
        if not _GATE.search(text):
            return
        for m in _ages(text, ctx.lex):
            value = int(m.group("num"))
            name = m.group("name")
            a, b, clause = clause_of(text, m.start(), m.end())
            if not 1 <= value <= 120 or avoided(family, clause) or ctx.lex.find_entities(name):
                continue  # a country's or a place's name beside a number is no age
            yield Draft(
                family=family.name,
                slot=f"{family.name}:{name_key(name)}",
                value=value,
                display=m.group(0).strip(),
                span=m.span(),
                year_offsets=offsets_of(text, m.start(), m.end(), a, b, ctx),
            )


def _ages(text: str, lex: Lexicon) -> Iterator[re.Match[str]]:
    """Matches with a person's name and their age, each age once (the earliest form wins)."""
    seen: set[int] = set()
    scores = _SCORES.search(text) is not None
    for number, pattern in enumerate(_patterns(lex)):
        if number == 0 and scores:
            continue
        for m in pattern.finditer(text):
            if m.start("num") not in seen:
                seen.add(m.start("num"))
                yield m


@cache
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    from checker.extract.people import _name_pattern

    name = _name_pattern(lex)
    num = r"(?P<num>\d{1,3})"
    return tuple(
        re.compile(p)
        for p in (
            rf"{name}\s+\({num}\)",  # Lopez (32)
            rf"{name},\s+(?:aged\s+)?{num}(?=,|\s+(?:and|was|is|has|had|won|took)\b)",  # Lopez, 32,
            rf"{name}\s+(?:\(\s*)?aged\s+{num}\b",  # Lopez aged 32
            rf"{name},\s+who\s+(?:is|turned|turns)\s+{num}\b",  # Lopez, who is 32
            rf"{name},\s+(?:the|a|an)\s+{num}-year-old\b",  # Lopez, the 32-year-old
            rf"{num}-year-old\s+(?:[a-z]+\s+){{0,2}}{name}",  # the 32-year-old (singer) Lopez
        )
    )


KIND = Age()
