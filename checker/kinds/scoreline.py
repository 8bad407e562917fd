"""Scoreline: the result of a match as its two scores ("beat Halvard 3-1", "a 24-17 win",
"won 5-4 on penalties", "drew 1-1", "1.5-0.5 in the play-off"), whichever side is written
first ("lost 1-3" is the match "won 3-1" tells of).

A score is told of one match, so the reader keeps only what can be the occurrence's deciding
match: a score in a clause that names an earlier stage ("in the semi-final") or one of the
family's avoid words (another round, a league game, a vote) is left out, and so is every
score of a sentence that gives several (a round-up, the sets of a tennis match). A score
said of a phase of the match ("on penalties", "on aggregate", "at half-time", "after 90
minutes": the vocabulary's ``score_phases``) is keyed apart, as is a category ("the women's
final")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.base import clause_around
from checker.extract.generic import avoided, categories_in, clause_of, named_year, offsets_of
from checker.kinds import Kind
from checker.lexicon import phrase_alternation
from checker.models import Claim
from checker.text import LazyPattern, look

if TYPE_CHECKING:
    from checker.extract.base import Context, Draft
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Sentence

_SCORE = LazyPattern(
    r"(?<![\w.,:/'\u2019-])(?P<a>\d{1,3}(?:[.,]5)?)\s?[-\u2013\u2014]\s?(?P<b>\d{1,3}(?:[.,]5)?)"
    r"(?![\w:/%\u2013-]|[.,]\d|\s*(?:per\s*cent|percent|pc)\b)"
)
_NEAR = 45  # how far before or after a score its match's words may stand
_PHASE_AFTER = 40  # how far after a score the phase it is told of may be named


class Scoreline(Kind):
    name = "scoreline"
    summary = "the result of a match, either side first: 3-1, 1.5-0.5"

    def json(self, claim: Claim) -> Any:
        high, low = claim.value
        return {"high": high, "low": low}

    def compact(self, claim: Claim) -> str:
        return _shown(claim.value)

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return _shown(claim.value)

    def label(self, claim: Claim) -> str:
        return _shown(claim.value)

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        return look(text).digit and _SCORE.search(text) is not None

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        from checker.extract.base import Draft

        text = sentence.text
        by_phase: dict[str, list[re.Match[str]]] = {}
        scores = list(_SCORE.finditer(text))
        for m, after in zip(scores, [*(n.start() for n in scores[1:]), len(text)], strict=True):
            if _told_of_a_match(text, m, family, ctx.lex):
                by_phase.setdefault(_phase(text, m, after, ctx.lex), []).append(m)
        for phase, found in by_phase.items():
            if len({_value(m) for m in found}) != 1:
                continue  # several matches (a round-up, a tennis match's sets)
            m = found[0]
            a, b, clause = clause_of(text, m.start(), m.end())
            if avoided(family, clause) or _earlier_stage(clause, ctx.lex):
                continue
            yield Draft(
                family=family.name,
                slot=family.name + _category(clause, ctx.lex) + (f":{phase}" if phase else ""),
                value=_value(m),
                display=m.group(0),
                span=m.span(),
                year_offsets=offsets_of(text, m.start(), m.end(), a, b, ctx),
                extra=named_year(text, m.start(), m.end(), a, b),
            )


def _category(clause: str, lex: Lexicon) -> str:
    """The category a match is of ("the women's final"), from the vocabulary's fixed ones: a
    division the winner is promoted to is no category of the match."""
    fixed = set(lex.vocab.get("categories") or {})
    return "".join(f":{c}" for c in categories_in(clause, lex) if c in fixed)


def _value(m: re.Match[str]) -> tuple[float | int, float | int]:
    sides = [_number(m.group("a")), _number(m.group("b"))]
    return max(sides), min(sides)


def _number(written: str) -> float | int:
    value = float(written.replace(",", "."))
    return int(value) if value.is_integer() else value


def _shown(value: tuple[float | int, float | int]) -> str:
    return f"{value[0]}-{value[1]}"


def _told_of_a_match(text: str, m: re.Match[str], family: Family, lex: Lexicon) -> bool:
    """A score stands near one of the family's words for a match's result ("beat", "a 3-1
    win", "the final ended") and names no calendar day ("23-25 June")."""
    if _month_after(lex).match(text, m.end()):
        return False
    around = text[max(0, m.start() - _NEAR) : m.end() + _NEAR]
    return _result_words(family).search(around) is not None


def _earlier_stage(clause: str, lex: Lexicon) -> bool:
    from checker.stages import named_stage

    stage = named_stage(clause, lex)
    return stage is not None and not stage.concluding


def _phase(text: str, m: re.Match[str], next_score: int, lex: Lexicon) -> str:
    """The part of the match a score is told of, named just after it and before any other
    score ("4-2 on penalties"; "3-1 after a 0-1 score at half-time" is the result)."""
    _, b = clause_around(text, m.start(), m.end())
    after = text[m.end() : min(b, next_score, m.end() + _PHASE_AFTER)]
    return next((label for label, words in _phases(lex) if words.search(after)), "")


@cache
def _phases(lex: Lexicon) -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = lex.vocab.get("score_phases") or {}
    return tuple(
        (str(label), compile_pattern(rf"(?<![\w-])(?:{phrase_alternation(words)})(?![\w-])", re.I))
        for label, words in table.items()
    )


@cache
def _result_words(family: Family) -> re.Pattern[str]:
    body = phrase_alternation(family.verbs) or r"(?!x)x"
    return compile_pattern(rf"(?<![\w-])(?:{body})(?![\w-])", re.I)


@cache
def _month_after(lex: Lexicon) -> re.Pattern[str]:
    months = phrase_alternation(lex.months) or r"(?!x)x"
    return compile_pattern(rf"\s+(?:{months})\b", re.I)


KIND = Scoreline()
