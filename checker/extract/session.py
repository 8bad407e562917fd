"""Session: "the 72nd session of the United Nations General Assembly" names the year it met in."""

from __future__ import annotations

import re
from collections.abc import Iterator

from checker.extract.base import Context, Draft
from checker.text import Sentence


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    if "session" not in sentence.text.lower():
        return
    pattern = rf"\b(?i:the) ({ctx.numbers.ordinal}) (?:regular |annual )?session of (?:the )?"
    for m in re.finditer(pattern, sentence.text):
        count = ctx.numbers.read_ordinal(m.group(1))
        body = next(
            (
                e
                for a, _, e in ctx.lex.find_entities(sentence.text[m.end() : m.end() + 45])
                if a == 0 and e.first_session
            ),
            None,
        )
        if count and body:
            year = body.first_session + count - 1
            yield Draft(
                family="session",
                slot="session",
                value=(body.name, count),
                display=m.group(0) + body.name,
                span=m.span(),
                extra={"session_year": year},
            )
