"""What the generic readers of claim kinds share: where a match stands (its clause, the years it
speaks for), what it is about (a category such as "the women's race", an actor) and how a
match becomes a draft of a declared family."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from functools import cache

from checker.extract.base import Context, Draft, clause_around, period_offsets, piece_around, scope_of
from checker.families import Family
from checker.lexicon import Lexicon, phrases_re
from checker.text import Sentence, key_words

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
QUALIFIER_PATTERN = "|".join(sorted(QUALIFIERS, key=len, reverse=True))


def interval(value: int, qualifier: str) -> tuple[float, float]:
    """The range of true values a qualified count admits (whole numbers: no float rounding)."""
    if qualifier == "more-than":
        return (value + 1, math.inf)
    if qualifier == "at-least":
        return (value, math.inf)
    if qualifier == "about":
        return (value * 9 // 10, -(-value * 11 // 10))
    if qualifier == "nearly":
        return (value * 85 // 100, value)
    if qualifier == "less-than":
        return (0, value - 1)
    if qualifier == "at-most":
        return (0, value)
    return (value, value)


@cache
def families_keys(families: tuple[Family, ...]) -> frozenset[str]:
    """A first look for several families at once: a key word of each of their trigger words."""
    return key_words(w for f in families for w in f.nouns + f.lead_nouns + f.verbs)


@cache
def family_gate(family: Family) -> re.Pattern[str]:
    """A cheap first look: a sentence holds a claim of the family only beside one of its words."""
    return phrases_re(family.nouns + family.lead_nouns + family.verbs)


@cache
def _categories(lex: Lexicon) -> tuple[re.Pattern[str], dict[str, str]]:
    """Categories within one occurrence ("men's race", "wheelchair"): phrase -> its key."""
    table = {str(k): [str(w) for w in v] for k, v in (lex.vocab.get("categories") or {}).items()}
    key_of = {w.lower(): key for key, words in table.items() for w in words}
    return phrases_re(sorted(key_of)), key_of


def categories_in(text: str, lex: Lexicon) -> tuple[str, ...]:
    """The categories a piece of text names, as keys in a fixed order ("men", "wheelchair")."""
    pattern, key_of = _categories(lex)
    found = {key_of[" ".join(m.group().lower().split())] for m in pattern.finditer(text)}
    return tuple(sorted(found))


def category_key(text: str, lex: Lexicon) -> str:
    """'' or ':men', ':wheelchair:women': what a slot adds so only like is compared."""
    found = categories_in(text, lex)
    return ":" + ":".join(found) if found else ""


def clause_of(text: str, start: int, end: int) -> tuple[int, int, str]:
    a, b = clause_around(text, start, end)
    return a, b, text[a:b]


def avoided(family: Family, clause: str) -> bool:
    """A clause with one of the family's avoid words is about something else."""
    return bool(family.avoid) and phrases_re(family.avoid).search(clause) is not None


def offsets_of(text: str, start: int, end: int, a: int, b: int, ctx: Context) -> tuple[int, ...]:
    """The year a match speaks for, relative to the report's: the latest its scope names."""
    scope = scope_of(text, start, end, a, b)
    return (period_offsets(scope, ctx.numbers) or (0,))[-1:]


_IN_YEAR = re.compile(r"\b(?:in|during|at the)\s+((?:19|20)\d\d)\b(?!\s*(?:-|–|to)\s*\d)")


def named_year(text: str, start: int, end: int, a: int, b: int) -> dict[str, int]:
    """{"year": Y} where the match's scope says which year it is about ("195 nations agreed in
    2015"): the claim is about that year's occurrence, whatever year the report is."""
    m = _IN_YEAR.search(scope_of(text, start, end, a, b))
    return {"year": int(m.group(1))} if m else {}


def count_drafts(
    sentence: Sentence, ctx: Context, family: Family, patterns: tuple[re.Pattern[str], ...]
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
            value = read_number(m.group("num"), ctx)
            a, b, clause = clause_of(text, m.start(), m.end())
            if value is None or avoided(family, piece_around(text, m.start(), m.end(), a, b)):
                continue
            if family.verbs and not phrases_re(family.verbs).search(clause):
                continue
            seen.add(m.start("num"))
            qualifier = QUALIFIERS.get(" ".join((m.group("qual") or "").lower().split()), "exact")
            yield Draft(
                family=family.name,
                slot=family.name + category_key(clause, ctx.lex),
                value=interval(value, qualifier),
                display=m.group(0),
                span=m.span(),
                qualifier=qualifier,
                year_offsets=offsets_of(text, m.start(), m.end(), a, b, ctx),
                extra={"number": value, **named_year(text, m.start(), m.end(), a, b)},
            )


_SCALED = re.compile(r"(\d+(?:\.\d+)?)\s+(thousand|million)", re.I)


def read_number(token: str, ctx: Context) -> int | None:
    """A cardinal in digits or words, or "1.5 million"."""
    m = _SCALED.fullmatch(token.strip())
    if m:
        scale = 1_000 if m.group(2).lower() == "thousand" else 1_000_000
        return round(float(m.group(1)) * scale)
    return ctx.numbers.read_cardinal(token)
