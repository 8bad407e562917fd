"""Age: how old a named person is ("Maria Lopez, 32,", "the 32-year-old Lopez", "Lopez (32)",
"Lopez, aged 32", "Lopez, who is 32"). Ages change every year, so an age is a fact of one
occurrence: the same person a year older in the next year's report is a time-shift."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.generic import avoided, clause_of, offsets_of
from checker.kinds import Kind
from checker.lexicon import phrase_alternation
from checker.models import Claim
from checker.text import LazyPattern, look
from checker.wording import name_key

if TYPE_CHECKING:
    from checker.extract.base import Context, Draft
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Sentence

_GATE = LazyPattern(
    r"\d[- ]years?[- ]old|\baged\s+\d|,\s+\d{1,3}\b|\(\d{1,3}\)|\bwho\s+(?:is|turned)\s+\d", re.I
)
_OLD = r"[- ]years?[- ]old"  # "32-year-old", "27 year old", "the 25-year old"
# an age said of no name: "The 27-year-old sang", "the 32-year-old singer"; its person is named
# before it, or in a relative clause after it ("The 32-year-old, whose real name is ...")
_UNNAMED = LazyPattern(rf"\b(?i:the)\s+(?P<num>\d{{1,2}}){_OLD}\b(?!\s+(?:[a-z]+\s+){{0,2}}[A-Z])")
_NOUN = LazyPattern(r"\s+([a-z]+)")
_REAL_NAME = LazyPattern(r",\s+whose\s+(?:real|full|given|birth)\s+name\s+is\s+")
_NAME_TOKEN = r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019-]+"
# a name that stands as a subject: a verb or a possessive after it ("Netta had", "Nemo's song")
_SUBJECT = LazyPattern(
    rf"(?<![\w'\u2019-])(?P<name>{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}})(?=(?:'s|\u2019s)?\s+[a-z]|,)"
)
_PLACED = LazyPattern(r"\b(?:in|at|from|of|to|for|by|with|against|over|beat|beating)\s+(?:the\s+)?$", re.I)
_OWNED_BY = LazyPattern(r"['\u2019]s$")
_POSSESSOR = LazyPattern(r"^(?:\S+\s+)*?\S+(?:'s|\u2019s|s'|s\u2019)\s+(?=\S)")
BACK = 3  # how many sentences back an unnamed age's person is looked for
# a bracketed number beside a name is an age, except in a list of scores ("Sweden's act (583)")
_SCORES = LazyPattern(r"\b(?:points|votes|pts|goals|seconds|minutes)\b", re.I)


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
        named = [(m, m.group("name")) for m in _ages(text, ctx.lex)]
        seen = {m.start("num") for m, _ in named}
        named += [(m, full) for m, full in _surnamed(text, ctx) if m.start("num") not in seen]
        seen = {m.start("num") for m, _ in named}
        unnamed = [
            (m, who)
            for m in _UNNAMED.finditer(text)
            if m.start("num") not in seen and (who := _whose(m, index, ctx))
        ]
        # "The 24-year-old ... broke the 29-year-old twice": one person, one age in a sentence
        aged = [_POSSESSOR.sub("", who) for _, who in named + unnamed]
        unnamed = [(m, who) for m, who in unnamed if aged.count(_POSSESSOR.sub("", who)) == 1]
        for m, written in named + unnamed:
            name = _POSSESSOR.sub("", written)  # "Portugal's Tomas Reis, 27": Tomas Reis
            value = int(m.group("num"))
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


# a surname alone with an age ("Kessler, 25, ended on 7.5 points", "said Boateng, 23.")
_SURNAME_AGE = LazyPattern(
    rf"(?<![\w'\u2019-])(?P<name>{_NAME_TOKEN}),\s+(?:aged\s+)?(?P<num>\d{{1,2}})"
    r"(?=,|\.|\s+(?:and|was|is|has|had|won|took)\b)"
)
_TABLE = LazyPattern(r"\d\s*;|\bstandings\b", re.I)
# a capitalised word before a surname makes it a full name's last word, unless it is a courtesy
# title ("Ms Pryce, 47,")
_NAME_BEFORE = LazyPattern(r"(?<![\w'\u2019-])(?!(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?\s)[A-Z][\w'\u2019-]*\.?\s+$")


def _surnamed(text: str, ctx: Context) -> Iterator[tuple[re.Match[str], str]]:
    """Ages said of a surname alone, each with the full name the report gives that surname
    (one person's only)."""
    from checker.extract.subjects import tied_name

    if _TABLE.search(text):
        return  # "Ruiz, 48; Greta Holm, 41": a table of points
    for m in _SURNAME_AGE.finditer(text):
        if _NAME_BEFORE.search(text, 0, m.start()):
            continue  # "Greta Holm, 41": a full name's last word
        full = tied_name(m.group("name"), ctx)
        if full is not None and " " in full:
            yield m, full


def _whose(m: re.Match[str], index: int, ctx: Context) -> str | None:
    """The person an unnamed age is said of: the name a relative clause after it gives, else
    the first name named at least twice in the report (its protagonist, not a name in
    passing) among the subjects of the nearest sentence before it that has a person as a
    subject (its own words before it first); None when that sentence names no protagonist."""
    text = ctx.sentences[index].text
    noun = _NOUN.match(text, m.end())
    if noun and noun.group(1) in _things(ctx.lex):
        return None  # "the 68-year-old contest": a thing's age
    real = _REAL_NAME.match(text, m.end())
    if real:
        after = re.match(rf"{_NAME_TOKEN}(?:\s+{_NAME_TOKEN}){{0,3}}", text[real.end() :])
        return after.group() if after else None
    before = [text[: m.start()]] + [s.text for s in reversed(ctx.sentences[max(0, index - BACK) : index])]
    for piece in before:
        found = [n for n in _SUBJECT.finditer(piece) if _person(n, piece, ctx)]
        if found:  # the nearest sentence with a person in it, or no one: never one further back
            # "Tobiah Renshaw-Okafor's biggest prize": the owner is the person named
            names = [_OWNED_BY.sub("", _POSSESSOR.sub("", n.group("name"))) for n in found]
            return next((name for name in names if _named_again(name, ctx)), None)
    return None


@cache
def _things(lex: Lexicon) -> frozenset[str]:
    words = lex.words("age_thing_nouns") + lex.words("recurring_nouns") + lex.words("edition_nouns")
    return frozenset(w for word in words for w in (word, word + "s"))


def _person(n: re.Match[str], piece: str, ctx: Context) -> bool:
    """A name that may be a person's: no country, place or time in it, nor a word that never
    names a person nor a word the report writes in lower case ("Police said the 45-year-old"),
    not after a preposition."""
    name = _POSSESSOR.sub("", n.group("name"))  # "Switzerland's Nemo": Nemo
    stop = ctx.lex.word_set("not_name_words") | ctx.lex.word_set("holder_not_name")
    if any(w in stop or w.lower() in ctx.lex.word_set("stopwords") for w in name.split()):
        return False
    if ctx.lex.find_entities(name) or _PLACED.search(piece[: n.start()]):
        return False
    said = (ctx.article.title or "") + ctx.article.text
    return not re.search(rf"(?<![\w-]){re.escape(name.lower())}(?![\w-])", said)


def _named_again(name: str, ctx: Context) -> bool:
    """The report's protagonist, not a name in passing: named (in part) at least twice."""
    said = (ctx.article.title or "") + ctx.article.text
    return any(said.count(word) >= 2 for word in name.split())  # "Salvador Sobral" ... "Salvador"


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
    verbs = phrase_alternation(lex.words("entrant_verbs") + lex.words("age_object_verbs"))
    return tuple(
        compile_pattern(p)
        for p in (
            rf"{name}\s+\({num}\)",  # Lopez (32)
            rf"{name},\s+(?:aged\s+)?{num}(?=,|\s+(?:and|was|is|has|had|won|took)\b)",  # Lopez, 32,
            rf"{name},\s+(?:a\s+|the\s+)?{num}{_OLD}\b",  # Lopez, 27 year old,
            rf"{name}\s+(?:\(\s*)?aged\s+{num}\b",  # Lopez aged 32
            rf"{name},\s+who\s+(?:is|turned|turns)\s+{num}\b",  # Lopez, who is 32
            rf"{name},\s+(?:the|a|an)\s+{num}{_OLD}\b",  # Lopez, the 32-year-old
            # the 32-year-old (singer) Lopez; not "the 23-year-old beat Jonas Feld", a verb's object
            rf"{num}{_OLD}\s+(?:(?!(?:{verbs})\b)[a-z]+\s+){{0,2}}{name}",
        )
    )


KIND = Age()
