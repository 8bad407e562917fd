"""Count: how many of something, as the range of true values its words admit ("more than
50" is 51 and up). Generic reader: a number beside one of the family's nouns ("12,000
runners", "a crowd of 7,500", "attendance of 51,000"), optionally kept to the family's verbs."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.extract.generic import QUALIFIER_PATTERN, count_drafts, families_keys, stage_nouns
from checker.kinds import Kind
from checker.lexicon import phrase_alternation
from checker.models import Claim
from checker.text import LazyPattern, look

if TYPE_CHECKING:
    from checker.extract.base import Context, Draft
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Numbers, Sentence

_WORDS = {
    "exact": "",
    "more-than": "more than ",
    "at-least": "at least ",
    "about": "about ",
    "nearly": "nearly ",
    "less-than": "fewer than ",
    "at-most": "at most ",
}
_SHORT = {"more-than": ">", "at-least": "≥", "about": "~", "nearly": "<~", "less-than": "<", "at-most": "≤"}


class Count(Kind):
    name = "count"
    summary = "how many, as a range: 58, more than 50, about 12,000"

    def json(self, claim: Claim) -> Any:
        low, high = claim.value
        return {"min": int(low), "max": None if math.isinf(high) else int(high)}

    def compact(self, claim: Claim) -> str:
        return f"{_SHORT.get(claim.qualifier, '')}{claim.detail('number')}"

    def chart(self, claim: Claim, year: int | None = None) -> str:
        low, high = claim.value
        if claim.qualifier == "more-than":
            return f">{int(low) - 1}"
        if high == math.inf:
            return f"\u2265{int(low)}"
        return str(int(low)) if low == high else f"{int(low)}\u2013{int(high)}"

    def label(self, claim: Claim) -> str:
        from checker.families import family_of_slot

        noun = claim.detail("noun") or family_of_slot(claim.slot).noun
        return f"{_WORDS.get(claim.qualifier, '')}{claim.detail('number')} {noun}".strip()

    def compatible(self, a: Any, b: Any) -> bool:
        (lo_a, hi_a), (lo_b, hi_b) = a, b
        return lo_a <= hi_b and lo_b <= hi_a

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        return look(text).any_of(families_keys(families)) and ctx.numbers.has_number(text)

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        # a family none of whose words the sentence holds is not compiled for it: a report that
        # speaks of few counts compiles few patterns (the cost of one new report's check)
        if look(sentence.text).any_of(families_keys((family,))):
            yield from count_drafts(sentence, ctx, family, _patterns(family, ctx.numbers, ctx.lex))


@cache
def _patterns(family: Family, n: Numbers, lex: Lexicon) -> tuple[LazyPattern, ...]:
    # compiled when first used: the family's first look (family_gate) rules most sentences out
    # a group counted at a stage ("countries in the final") is read from its group noun too
    nouns = phrase_alternation(family.nouns + tuple(head for head, _ in stage_nouns(family.nouns, lex)))
    num = rf"(?:(?P<qual>{QUALIFIER_PATTERN}) )?(?P<num>\d+(?:\.\d+)?\s+(?:thousand|million)|{n.cardinal})"
    adjectives = (
        r"(?:(?!(?:of|the|a|an|and|or|to|in|on|at|for|from|with|by|who|that)\b)[a-z][\w'-]*\s+){0,2}?"
    )
    patterns = [
        LazyPattern(rf"(?<![\w$€£.,-]){num}\s+{adjectives}(?:{nouns})\b", re.I),
        # "Ten of the 15 countries that performed went through": the part, beside its whole
        LazyPattern(
            rf"(?<![\w$€£.,-]){num}\s+of\s+the\s+(?P<whole>\d+|{n.cardinal})\s+{adjectives}(?:{nouns})\b",
            re.I,
        ),
    ]
    if family.object_verbs:
        verbs = phrase_alternation(family.object_verbs)
        patterns.append(LazyPattern(rf"\b(?:{verbs})\s+{num}\s+{adjectives}[a-z][\w'-]*\b", re.I))
    if family.lead_verbs:
        # "The semi-final was contested by sixteen people": what contests the event is its field,
        # whatever noun names it
        verbs = phrase_alternation(family.lead_verbs)
        patterns.append(LazyPattern(rf"\b(?P<contested>{verbs})\s+{num}\s+{adjectives}[a-z][\w'-]*\b", re.I))
    if family.lead_nouns:
        lead = phrase_alternation(family.lead_nouns)
        patterns.append(
            LazyPattern(
                rf"\b(?:{lead})(?:\s+(?:(?:was|were|of|numbered|totalled|totaled|reached|stood at|"
                rf"topped|hit)\s+){{1,2}}|\s*:\s*){num}(?![\w.,]\d)",
                re.I,
            )
        )
        # "Police estimated the crowd of marchers and spectators at 58,000", "put the crowd at"
        patterns.append(
            LazyPattern(
                rf"\b(?:estimated|estimates|estimate|put|puts|putting|placed|places)\s+(?:the\s+)?"
                rf"(?:total\s+)?(?:{lead})(?:\s+of\s+[a-z][a-z ,-]{{0,40}}?)?\s+at\s+{num}(?![\w.,]\d)",
                re.I,
            )
        )
        patterns += _lead_after(family, nouns, num, adjectives)
    if family.sized_groups:
        patterns.append(_sized_group(family))
    return tuple(patterns)


def _sized_group(family: Family) -> LazyPattern:
    """A group named by its size (capitalised, a name, not "finished in the top ten") that every
    one of those counted reached ("a recap of every act that made the Top 26") has as many
    members as its name says; one of them reaching it ("Norland made the Top 10") is a place.
    Those who reached a stage are keyed apart from those who took part in it: one disqualified
    in between makes 26 that qualified and 25 that performed (the group ``reached``)."""
    groups = phrase_alternation(family.sized_groups)
    return LazyPattern(
        rf"\b(?:[Ee]very|[Ee]ach|[Aa]ll(?:\s+(?:of\s+)?the)?)\s+(?:[\w'-]+\s+){{1,2}}?(?:that|who|which)\s+"
        rf"(?:(?:had|have|has)\s+)?(?P<reached>made|reached|made\s+it\s+(?:in)?to|got\s+into|qualified\s+for)\s+"
        rf"the\s+(?:{groups})\s+(?P<qual>)(?P<num>\d+)(?![\w.,]\d)"
    )


def _lead_after(family: Family, nouns: str, num: str, adjectives: str) -> list[LazyPattern]:
    """A number joined to a lead phrase after it: by a hyphen ("the 7,500-strong crowd"), or
    by a verb of being from a group it counts ("40,000 people will be in attendance", "3500
    fans were in the audience")."""
    lead = phrase_alternation(family.lead_nouns)
    being = r"(?:were|was|are|is|will\s+be|had\s+been|have\s+been)"
    return [
        LazyPattern(rf"(?<![\w$€£.,-]){num}-(?:{lead})\b", re.I),
        LazyPattern(
            rf"(?<![\w$€£.,-]){num}\s+{adjectives}(?:people|persons|fans|{nouns})\s+{being}\s+(?:{lead})\b",
            re.I,
        ),
    ]


KIND = Count()
