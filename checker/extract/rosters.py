"""Complete lists of who took a position in a vote ("the three abstainers were Fiji, Tonga and
Samoa", "only Israel and the United States voted against"): a list that names everyone who
voted one way, so a report naming someone else as voting that way contradicts it.

A list is complete when a noun that names all who took the position is said to be it, or a
closing word ("only", "alone") marks it; a partial list ("including Fiji") says nothing of who
is not on it and is left to the vote family. The words are data (deliberative-votes.yaml:
position_nouns, position_verbs, closing_words, opening_words).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checker.cache import compile_pattern
from checker.extract.base import Context, Draft, clause_around, objects_after, sentence_frame, subjects_before
from checker.kinds.stance import POSITION_WORDS
from checker.lexicon import Lexicon, longest_first
from checker.text import Sentence, default_numbers, key_words, look


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    if look(sentence.text).words.isdisjoint(_gate(ctx.lex)):
        return
    yield from _named_by_noun(sentence.text, ctx)
    yield from _closed_by_word(sentence.text, ctx)


def _named_by_noun(text: str, ctx: Context) -> Iterator[Draft]:
    """ "The (three) abstainers were Fiji, Tonga and Samoa." """
    for m in _noun_were(ctx.lex).finditer(text):
        position = _position_of_noun(ctx.lex, m.group("noun"))
        start, end = clause_around(text, m.start(), m.end())
        around = text[max(start, m.start() - 25) : m.start()] + " " + text[m.end() : m.end() + 20]
        if position is None or _opens(ctx.lex, around) or re.search(r"\bother\b", around, re.I):
            continue  # "among the abstainers were", "other abstainers were": a partial list
        said = m.group("count")
        count = _count(ctx, said)
        if said and count is None and not _closing(ctx.lex).fullmatch(said):
            continue  # "other abstainers were", "remaining opponents were": not all of them
        names = objects_after(ctx, text, m.end(), end, ("country",))
        if names:
            yield _roster(position, names, count, (m.start(), end), text)


def _closed_by_word(text: str, ctx: Context) -> Iterator[Draft]:
    """ "Only A and B voted against", "A and B were the only two nations to vote against",
    "A and B alone abstained"."""
    for m in _position_verb(ctx.lex).finditer(text):
        position = _position_of_verb(ctx.lex, m.group())
        a, _ = clause_around(text, m.start(), m.end())
        region = text[a : m.start()]
        closing = list(_closing(ctx.lex).finditer(region))
        if position is None or not closing or _opens(ctx.lex, region):
            continue
        word = closing[-1]
        if re.search(r"\b(?:not|one of)\s+(?:the\s+)?$", region[: word.start()], re.I):
            continue  # "not the only country to vote against": a partial list
        after = objects_after(ctx, text, a + word.end(), m.start(), ("country",))
        names = after or subjects_before(ctx, text, a, a + word.start(), ("country",))
        if names:
            count = _count(ctx, _number_after(region[word.end() :]))
            yield _roster(position, names, count, (a, m.end()), text)


def _roster(position: str, names: list[str], count: int | None, span: tuple[int, int], text: str) -> Draft:
    ordered = tuple(sorted(dict.fromkeys(names)))
    # a sentence framed in another year speaks of it: "Last year, ... only A and B voted against"
    offsets, year = sentence_frame(text, default_numbers())
    return Draft(
        family="roster",
        slot=f"roster:{position}",
        value=ordered,
        display=f"only {' & '.join(ordered)} {POSITION_WORDS[position]}",
        span=span,
        year_offsets=offsets or (0,),
        extra={"position": position, **year, **({"count": count} if count is not None else {})},
    )


def _count(ctx: Context, word: str | None) -> int | None:
    return ctx.numbers.read_cardinal(word) if word else None


def _number_after(text: str) -> str | None:
    m = re.match(r"\s*(?:the\s+)?([\w-]+)\s+(?:countries|nations|states|members|delegations)\b", text, re.I)
    return m.group(1) if m else None


def _opens(lex: Lexicon, text: str) -> bool:
    return bool(_opening(lex).search(text))


@cache
def _gate(lex: Lexicon) -> frozenset[str]:
    """A cheap first look: a closing word or a position noun's last word, as a look sees them."""
    nouns = {n.split()[-1] for ns in lex.vocab.get("position_nouns", {}).values() for n in ns}
    return key_words({*lex.words("closing_words"), *nouns})


@cache
def _opening(lex: Lexicon) -> re.Pattern[str]:
    return lex.phrase_re("opening_words")


@cache
def _closing(lex: Lexicon) -> re.Pattern[str]:
    return lex.phrase_re("closing_words")


@cache
def _noun_were(lex: Lexicon) -> re.Pattern[str]:
    nouns = longest_first(n for ns in lex.vocab.get("position_nouns", {}).values() for n in ns)
    alternation = "|".join(re.escape(n) for n in nouns)
    return compile_pattern(
        rf"\b(?:the\s+)?(?:(?P<count>[\w-]+)\s+)?(?P<noun>{alternation})\s+(?:were|was|are)\s+(?!\d)", re.I
    )


@cache
def _position_verb(lex: Lexicon) -> re.Pattern[str]:
    verbs = longest_first(v for vs in lex.vocab.get("position_verbs", {}).values() for v in vs)
    return compile_pattern(r"\b(?:" + "|".join(re.escape(v) for v in verbs) + r")\b", re.I)


def _position_of_noun(lex: Lexicon, noun: str) -> str | None:
    return _lookup(lex, "position_nouns", noun)


def _position_of_verb(lex: Lexicon, verb: str) -> str | None:
    return _lookup(lex, "position_verbs", verb)


def _lookup(lex: Lexicon, key: str, phrase: str) -> str | None:
    said = " ".join(phrase.lower().split())
    return next((p for p, words in lex.vocab.get(key, {}).items() if said in words), None)
