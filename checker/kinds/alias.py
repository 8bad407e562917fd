"""Alias: the name a person goes by, keyed by it and valued by their own name. "Lena Holm, who
performs as Nova" and "Nova, whose real name is Lena Holm" both say that Nova is Lena Holm; a
report that gives Nova's name as Ida Berg conflicts with them. A series' reports that join two
names this way make them one person's (checker/aliases.py): "the 32-year-old Nova" in one report
and "Lena Holm, 33" in another tell one person's age.

Generic reader: a person's own name, a comma and words of going by another name, then that name
("who performs as", "better known as": ``alias_other_name``), or a name, a comma (or a bracket)
and words of a real name, then the real one ("whose real name is", "born": ``alias_own_name``).
An own name has two words or more; neither name is a country's, a place's or a word that never
names a person; a possessive before a name is not part of it ("Ukraine's Nova")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.base import Draft
from checker.extract.generic import avoided
from checker.kinds import Kind
from checker.kinds.holder import misspelt
from checker.lexicon import phrase_alternation, phrases_re
from checker.wording import name_key

if TYPE_CHECKING:
    from checker.extract.base import Context
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.models import Claim
    from checker.text import Sentence

_TOKEN = r"[A-Z\u00c0-\u00de][\w'\u2019\u00c0-\u024f.-]*"
_NAME = rf"(?<![\w'\u2019\u00c0-\u024f-]){_TOKEN}(?:\s+{_TOKEN}){{0,3}}"
_POSSESSOR = compile_pattern(r"^(?:\S+\s+)*?\S+(?:'s|\u2019s)\s+(?=\S)")


class Alias(Kind):
    name = "alias"
    summary = "the name a person goes by and their own: Nova is Lena Holm"

    def label(self, claim: Claim) -> str:
        return f"{claim.display} (own name {claim.value})"

    def compatible(self, a: Any, b: Any) -> bool:
        """Names that share a word or are spelled a letter or two apart may be one person's
        ("Lena Holm" and "Holm"; a birth name "Mara Berg" and a full name "Mara Elin Lind";
        "Jamaladinova" and "Jamaladynova": a spelling a name-variant finding names)."""
        key_a, key_b = name_key(str(a)), name_key(str(b))
        shared = set(key_a.replace("-", " ").split()) & set(key_b.replace("-", " ").split())
        return bool(shared) or misspelt(key_a, key_b)

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        return _cue(ctx.lex).search(text) is not None

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        text = sentence.text
        other, own = _patterns(ctx.lex)
        for pattern in (other, own):
            for m in pattern.finditer(text):
                real, alias = _trimmed(m.group("own"), ctx), _trimmed(m.group("other"), ctx)
                if real is None or alias is None or not _two_names(real, alias, m.group("other")):
                    continue
                if _POSSESSIVE_END.search(m.group("other")) or _POSSESSIVE_END.search(m.group("own")):
                    continue  # "who performed as Nova's stand-in": a thing of Nova's
                if avoided(family, text[m.start() : m.end()]) or _NOT_A_NAME.match(text, m.end("own")):
                    continue  # "Ida Berg (born Saint Vell, 1990)": a birthplace and a year
                if m.group("cue") and not _said_of_a_person(text, m.start(), ctx):
                    continue  # "Quiet Hour, also known as Stille Zeit": a film's other title
                named = (real, "own") if pattern is other else (alias, "other")
                start = text.rindex(named[0], m.start(named[1]), m.end(named[1]))
                yield Draft(
                    family=family.name,
                    slot=f"{family.name}:{name_key(alias)}",
                    value=real,
                    display=text[start : m.end()].rstrip("."),
                    span=(start, m.end()),
                )


# what follows a birthplace or a day of birth: "born Saint Vell, 1990", "born Old Harbour in 1990"
_NOT_A_NAME = compile_pattern(r",?\s*(?:in\s+|on\s+)?\d")
_POSSESSIVE_END = compile_pattern(r"['\u2019]s$")
_PERSON_PRONOUN = compile_pattern(r"\b(?:she|he|her|his|him|herself|himself)\b", re.I)
_PERSON_WORDS = 4  # how far before a name a word for a person ("the singer") says it is one


def _two_names(real: str, alias: str, written: str) -> bool:
    """An own name of two words or more and another name that is not a part of it ("Ana Ruiz,
    also known as Ruiz") nor a nickname ("better known as The Goat")."""
    own_words, other_words = set(name_key(real).split()), set(name_key(alias).split())
    nickname = _POSSESSOR.sub("", written).lower().startswith("the ")
    return len(own_words) > 1 and not other_words <= own_words and not nickname


def _said_of_a_person(text: str, start: int, ctx: Context) -> bool:
    """Whether a name that has another ("better known as") is a person's: a word for a person
    just before it ("the singer Lena Holm") or a personal pronoun in the sentence."""
    before = " ".join(text[:start].lower().split()[-_PERSON_WORDS:])
    nouns = phrases_re((*ctx.lex.words("person_nouns"), *ctx.lex.words("act_nouns")))
    return bool(_PERSON_PRONOUN.search(text) or nouns.search(before))


def _trimmed(name: str, ctx: Context) -> str | None:
    """A name without what may stand before it ("Ukraine's Nova", "On Saturday Lena Holm",
    "In Velden Mara Lind", "Judge Mara Lind": Nova, Lena Holm, Mara Lind) or a full stop after
    it; None where a word left never names a person or the name is a country's or a place's."""
    words = _POSSESSOR.sub("", name).split()
    stop = ctx.lex.word_set("not_name_words") | ctx.lex.word_set("not_person_words")
    common = ctx.lex.word_set("stopwords")
    titles = {w.lower() for w in ctx.lex.words("person_nouns") + ctx.lex.words("name_styles")}
    while words:
        first = words[0]
        if first.lower() in _PREPOSITIONS and len(words) > 1:
            words = words[2:]  # "In Velden", "On Saturday": a place or a day
        elif first in stop or first.lower() in common | titles or ctx.lex.find_entities(first):
            words = words[1:]
        else:
            break
    if words and len(words[-1]) > 2:
        words[-1] = words[-1].rstrip(".")
    if not words or any(w in stop or w.lower() in common for w in words):
        return None
    kept = " ".join(words)
    return None if ctx.lex.find_entities(kept) else kept


_PREPOSITIONS = frozenset({"in", "on", "at", "from", "after", "before", "during", "since", "until"})


@cache
def _cue(lex: Lexicon) -> re.Pattern[str]:
    words = phrase_alternation(
        lex.words("alias_other_name") + lex.words("alias_known_as") + lex.words("alias_own_name")
    )
    return compile_pattern(rf"(?<![\w-])(?i:{words})\s+[A-Z\u00c0-\u00de]")


@cache
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(own name then the other: "Lena Holm, who performs as Nova"; a name then its own:
    "Nova, whose real name is Lena Holm", "Nova (born Lena Holm)")."""
    goes_by = phrase_alternation(lex.words("alias_other_name"))
    known = phrase_alternation(lex.words("alias_known_as"))
    real = phrase_alternation(lex.words("alias_own_name"))
    said = rf"(?i:(?P<cue>{known})|{goes_by})"
    other = compile_pattern(rf"(?P<own>{_NAME})(?:,\s+|\s+\(\s*){said}\s+(?P<other>{_NAME})")
    own = compile_pattern(
        rf"(?P<other>{_NAME})(?:,\s+|\s+\(\s*)(?i:{real})\s*:?\s+(?P<own>{_NAME})(?P<cue>(?!))?"
    )
    return other, own


KIND = Alias()
