"""When a named text takes effect: "the Lindau Agreement entered into force on 4 March 2011",
"the Clean Seas Act takes effect on 1 January", "the Harbour ban, in force since March 2019".

The date read is the one written right after the phrase (or a sentence's opening "On 4 November
2016,"), at its precision: a year, a month of a year, a day. The claim is keyed by WHICH text:
its name (capitalised words before a text noun) and the kind of its noun, so "the Lindau
Agreement", "the Lindau deal" and "the Lindau accord" are one text. A text named only by a
pronoun or a bare noun ("It entered into force ...", "The pact took effect ...") is the text
the sentence, or the sentences before it, are about: their subject, when that is a named text.

Left unread: a date hedged or put under a condition ("would enter into force once 55 countries
ratify it", "is expected to take effect in 2026"), a part of a text ("Article 6 of the Lindau
Agreement takes effect in 2025"), a text in a list or after a preposition, a relative date
("came into force ten years ago") and a text with no name to tell it from another.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING

from checker.cache import compile_pattern
from checker.extract.base import Context, Draft, clause_around
from checker.extract.dates import possible_date
from checker.extract.generic import avoided
from checker.lexicon import Lexicon, phrase_alternation
from checker.text import LazyPattern, Numbers, key_words, look

if TYPE_CHECKING:
    from checker.families import Family
    from checker.text import Sentence

_YEAR = r"(?:1[89]|20)\d\d"
# how many sentences back a pronoun's text may be named ("It ... It ... It entered into force")
_BACK = 3


@dataclass(frozen=True, slots=True)
class Named:
    """A text a sentence names: its key ("lindau agreement"), or only its kind ("agreement")."""

    key: str
    kind: str
    named: bool


def wants(text: str, ctx: Context) -> bool:
    """A date has a digit; the phrases have one of their words."""
    seen = look(text)
    return seen.digit and seen.any_of(_keys(ctx.lex))


def read(sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
    """The dates named texts take effect on, in one sentence."""
    text = sentence.text
    for m in _phrase_re(ctx.lex).finditer(text):
        date = _date_after(text, m, ctx) or _frame_date(text, m, ctx)
        if date is None:
            continue
        value, (start, end) = date
        a, b = clause_around(text, m.start(), m.end())
        if avoided(family, text[a:b]) or _conditional(text, m, b, ctx.lex):
            continue
        named = _subject(text, a, m.start(), index, ctx) or _opening_subject(text, m, end, index, ctx)
        if named is None:
            continue
        yield Draft(
            family=family.name,
            slot=f"{family.name}:{named.key}",
            value=value,
            display=text[min(start, m.start()) : max(end, m.end())],
            span=(min(start, m.start()), max(end, m.end())),
        )
    yield from _entries(text, index, ctx, family)


def _entries(text: str, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
    """A text's taking effect said as a noun: "the Lindau Agreement's entry into force in 2016",
    "the entry into force of the Lindau Accord on 4 March 2011"."""
    for m in ctx.lex.phrase_re("entry_phrases").finditer(text):
        a, b = clause_around(text, m.start(), m.end())
        found, date_at = _entry_text(text, m, a, ctx)
        if found is None or avoided(family, text[a:b]):
            continue
        head = min(found.start(), m.start())
        if ctx.lex.phrase_re("entry_hedges").search(text, max(a, head - 25), head):
            continue  # "the expected entry into force in 2026"
        date = _led_date(text, date_at, ctx)
        named = _resolve(text, found, a, index, ctx) if date else None
        if date is None or named is None:
            continue
        yield Draft(
            family=family.name,
            slot=f"{family.name}:{named.key}",
            value=date[0],
            display=text[head : date[1]],
            span=(head, date[1]),
        )


def _entry_text(text: str, m: re.Match[str], a: int, ctx: Context) -> tuple[re.Match[str] | None, int]:
    """The text an entry into force is of, and where its date may follow: an owner before it
    ("the Lindau Agreement's entry"), else a text after "of"."""
    owner = re.search(r"['’]s?\s+$", text[a : m.start()])
    if owner:
        return _last_np(text, max(a, a + owner.start() - 160), a + owner.start(), ctx), m.end()
    of = re.match(r"\s+of\s+", text[m.end() :])
    found = _np_at(text, m.end() + of.end(), ctx) if of else None
    return found, found.end() if found else m.end()


_LEAD = LazyPattern(r"\s+(?:on|in|from)(?=\s)", re.I)
_COMMA = LazyPattern(r"\s*,\s*")


def _led_date(text: str, pos: int, ctx: Context) -> tuple[tuple, int] | None:
    """A date after "on", "in" or "from" at pos: its value and where it ends."""
    lead = _LEAD.match(text, pos)
    found = _date_re(ctx.numbers).match(text, lead.end()) if lead else None
    value = _value(found, ctx.numbers) if found else None
    return (value, found.end()) if value else None


# -- the phrases and the date after them -----------------------------------------------------


@cache
def _keys(lex: Lexicon) -> frozenset[str]:
    return key_words(
        [*lex.words("effect_phrases"), *lex.words("in_force_phrases"), *lex.words("entry_phrases")]
    )


@cache
def _phrase_re(lex: Lexicon) -> re.Pattern[str]:
    """A take-effect phrase, with the word that leads to its date ("entered into force on")."""
    verbs = phrase_alternation(list(lex.words("effect_phrases")))
    states = phrase_alternation(list(lex.words("in_force_phrases")))
    lead = r"(?:on|in|from|since|as of|as from|with effect from)"
    return compile_pattern(
        rf"(?<![\w-])(?:(?P<verb>{verbs})(?:\s+{lead})?|(?P<state>{states}))(?![\w-])", re.I
    )


@cache
def _date_re(numbers: Numbers) -> re.Pattern[str]:
    """A date at its precision: "4 March 2011", "November 4, 2016", "March 2019", "2016",
    "1 January" (a day of no year said)."""
    month = numbers.month
    day = r"\d{1,2}(?:st|nd|rd|th)?"
    dot = r"(?:(?<![A-Za-z]{5})\.)?"  # "Nov. 4", never the stop after "1 January."
    return compile_pattern(
        rf"\s+(?:the\s+)?(?:(?P<d1>{day})\s+(?:of\s+)?(?P<m1>{month}){dot}(?:,?\s+(?P<y1>{_YEAR}))?"
        rf"|(?P<m2>{month}){dot}\s+(?P<d2>{day})(?!\d)(?:,?\s+(?P<y2>{_YEAR}))?"
        rf"|(?P<m3>{month}){dot},?\s+(?P<y3>{_YEAR})"
        rf"|(?P<y4>{_YEAR}))(?![\w-]|[.,]\d|\s*[-\u2013]\s*\d)",
        re.I,
    )


def _date_after(text: str, m: re.Match[str], ctx: Context) -> tuple[tuple, tuple[int, int]] | None:
    """The date right after a phrase; a bare year only after a word that leads to it ("in
    2016", "since 2016"), never alone ("took effect 2016 targets")."""
    found = _date_re(ctx.numbers).match(text, m.end())
    if found is None:
        return None
    led = m.group("state") or not re.search(r"(?:force|effect|effective|binding)$", m.group(), re.I)
    if found.group("y4") and not led:
        return None
    value = _value(found, ctx.numbers)
    return (value, (found.end() - len(found.group().lstrip()), found.end())) if value else None


def _frame_date(text: str, m: re.Match[str], ctx: Context) -> tuple[tuple, tuple[int, int]] | None:
    """The date a sentence opens with, for a text named right after it: "On 4 March 2011,
    the Lindau Agreement entered into force" ("In 2018, ministers said the deal took effect"
    dates the saying)."""
    frame = re.match(r"\s*(?:On|In|Since)(?=\s)", text)
    if frame is None or _date_re(ctx.numbers).match(text, m.end()):
        return None
    found = _date_re(ctx.numbers).match(text, frame.end())
    comma = _COMMA.match(text, found.end()) if found else None
    subject = _np_at(text, comma.end(), ctx) if comma else None
    gap = _gap_re(ctx.lex).search(text, subject.end(), m.start()) if subject else None
    if gap is None or gap.start() != subject.end():
        return None
    value = _value(found, ctx.numbers)
    return (value, (frame.start(), found.end())) if value else None


def _value(found: re.Match[str], numbers: Numbers) -> tuple | None:
    """(year, month, day, None): a part not written is None; an impossible day ("30 February")
    is no date."""
    parts = [(name[0], text) for name, text in found.groupdict().items() if text]  # d1, m2, y4...
    year, month, day = (next((t for n, t in parts if n == part), None) for part in "ymd")
    day_number = int(re.sub(r"\D", "", day)) if day else None
    value = (int(year) if year else None, numbers.month_number(month) if month else None, day_number, None)
    return value if possible_date(value) else None


def _conditional(text: str, m: re.Match[str], clause_end: int, lex: Lexicon) -> bool:
    """A date to come under a condition: "will take effect once 55 countries ratify it"."""
    before = text[max(0, m.start() - 30) : m.start()]
    if not re.search(r"\b(?:will|shall)\b", before, re.I):
        return False
    return lex.phrase_re("effect_conditions").search(text, m.end(), clause_end) is not None


# -- which text --------------------------------------------------------------------------------


@cache
def _kinds(lex: Lexicon) -> dict[str, str]:
    """Each text noun, lower-cased, to the kind the slot keys it by."""
    table = lex.vocab.get("text_noun_kinds") or {}
    return {str(noun).lower(): str(kind) for kind, nouns in table.items() for noun in nouns}


# a word that may describe a text between its name and its noun ("the Lindau climate deal"): no
# function word and no verb form ("Poland signed the treaty" names no "Poland treaty")
_ADJECTIVE = (
    r"(?!(?:the|a|an|its|their|this|that|of|and|or|to|in|on|at|by|for|with|from|which|who|is|was|"
    r"were|are|be|has|have|had|will|would|it)\b)[a-z][\w-]*(?<!ed)(?<!ing)"
)


@cache
def _np_res(lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    """A text's noun phrase, in each of its forms: its name before its noun ("the 2015 Lindau
    Agreement", "the EU's AI Act", "the Lindau climate deal", "The Lindau Agreement of 2015",
    "the Law of the Sea Convention", "the pact"), its name after it ("the Treaty of Lisbon",
    "the Treaty on the Prohibition of Nuclear Weapons"), or "it"."""
    nouns = phrase_alternation(sorted(_kinds(lex)))
    word = r"[A-Z][\w'’.&-]*"
    name = rf"(?P<name>{word}\s+(?:(?:(?:of|for|on)\s+(?:the\s+)?)?{word}\s+){{0,4}}?)?"
    after = rf"(?P<after>{word}(?:\s+(?:(?:of|on|for|the)\s+){{0,2}}{word}){{0,4}})"
    lead = rf"(?<![\w'’-])(?P<det>(?i:the|this|that|its|their)\s+)?(?:{_YEAR}\s+)?"
    tail = rf"(?:\s+of\s+{_YEAR})?(?![\w'’-])"
    return (
        compile_pattern(rf"{lead}{name}(?P<adj>(?:{_ADJECTIVE}\s+){{0,2}}?)(?P<noun>(?i:{nouns})){tail}"),
        compile_pattern(rf"{lead}(?P<noun_first>(?i:{nouns}))\s+(?:of|on)\s+(?:the\s+)?{after}{tail}"),
        compile_pattern(r"(?<![\w'’-])(?P<pron>(?i:it))(?![\w'’-])"),
    )


def _np_at(text: str, pos: int, ctx: Context) -> re.Match[str] | None:
    """The longest noun phrase of a text that starts at pos."""
    found = [m for p in _np_res(ctx.lex) if (m := p.match(text, pos))]
    return max(found, key=lambda m: m.end(), default=None)


def _part(m: re.Match[str], name: str) -> str | None:
    """A part of a noun phrase, None where its form has no such part."""
    return m.group(name) if name in m.re.groupindex else None


@cache
def _gap_re(lex: Lexicon) -> re.Pattern[str]:
    """What may stand between a text and its phrase: helper words, commas, an aside set off by
    commas ("the Lindau Agreement, adopted in 2015, entered ...") or brackets, and hedges (read
    apart: they make the date no fact). Read in one pass, never again another way (*+): a run
    of helper words between commas reads one way only, so a long one stays cheap."""
    words = phrase_alternation([*lex.words("effect_helpers"), *lex.words("effect_hedges")])
    aside = r"[a-z][^,;()]{0,80},"  # never a text itself: ", the Lindau deal, which took effect"
    return compile_pattern(
        rf"(?:,\s+(?!(?:the|a|an|its|this|their)\s){aside}|\s|,|\([^()]{{0,40}}\)|(?<![\w-])(?:{words})(?![\w-]))*+$",
        re.I,
    )


# words before a text that make it an object or one of a list, not the phrase's subject
_NOT_SUBJECT = compile_pattern(
    r"(?:\b(?:of|to|under|in|with|from|by|for|on|against|than|about|into|at|and|or|nor|as well as|"
    r"both|between|like|including|unlike)\s*|&\s*)$",
    re.I,
)
# words before a text that make it one of a list, or the owner of a part ("Article 6 of the ...")
_IN_LIST = compile_pattern(r"(?:\b(?:of|to|and|or|nor|as well as|both|between)\s*|&\s*)$", re.I)
# a relative clause's verb and its words before a text ("The law that implements the Lindau
# Agreement took effect"): the text is the verb's object, and the clause's head is unnamed
_IN_RELATIVE = LazyPattern(r"\b(?:that|which|who|whose|whom)\s+(?:[\w'’-]+\s+){1,3}$", re.I)
# the lower-case word right before a text, and the word before that one
_WORD_BEFORE = LazyPattern(r"(?:(?<![\w'’-])(?P<prev>[\w'’-]+)\s+)?(?<![\w'’-])(?P<word>[a-z][\w'’-]*)\s+$")
# words a subject may follow: a conjunction, a subordinator, an opening adverb
_BEFORE_SUBJECT = frozenset(
    "but so yet when whenever after since because while whereas although though before until "
    "once as if then now and or".split()
)


def _after_verb(text: str, start: int, ctx: Context) -> bool:
    """Whether the word right before a text is a verb (or any word a subject does not follow):
    "replaced the Lindau Agreement", "that implements the Lindau Agreement"; not one of saying
    ("said the Lindau Agreement took effect"), a conjunction ("when the ..."), or an adjective
    after a determiner ("the new Lindau Agreement")."""
    if _IN_RELATIVE.search(text, max(0, start - 60), start):
        return True
    m = _WORD_BEFORE.search(text, max(0, start - 60), start)
    if m is None:
        return False
    word, prev = m.group("word").lower(), (m.group("prev") or "").lower()
    if word in _BEFORE_SUBJECT or prev in ("the", "a", "an", "its", "their", "this", "that"):
        return False
    if word == "that":  # "said that the Lindau Agreement took effect"
        return not _speech_re(ctx.lex).fullmatch(prev)
    return not _speech_re(ctx.lex).fullmatch(word)


@cache
def _speech_re(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(phrase_alternation(lex.words("speech_verbs")), re.I)


def _subject(text: str, a: int, pos: int, index: int, ctx: Context) -> Named | None:
    """The text a phrase at pos is said of: a text named right before it, else the text a
    pronoun or a bare noun there stands for."""
    start = max(a, pos - 160)
    gap = _gap_re(ctx.lex).search(text, start, pos)
    end = gap.start() if gap else pos
    if gap and ctx.lex.phrase_re("effect_hedges").search(gap.group()):
        return None  # "is expected to take effect", "would enter into force"
    # "..., but only entered into force in 2005", "was adopted in 2015 and took effect in 2016":
    # the verb shares the sentence's subject
    if (end == a and a > 0) or re.search(r"\b(?:and|but)\s*$", text[start:end]):
        return _sentence_subject(text, ctx, index, pos)
    found = _last_np(text, start, end, ctx)
    if found is None:
        return None
    # a relative clause says its phrase of the text it follows, even after a preposition ("under
    # the Lindau Agreement, which took effect in 2016"), never of one text of a list or of a part
    relative = gap is not None and re.match(r"\s*,\s*(?:which|that)\b", gap.group(), re.I)
    blocked = _IN_LIST if relative else _NOT_SUBJECT
    if blocked.search(text, max(0, found.start() - 14), found.start()):
        return None
    if _after_verb(text, found.start(), ctx) and (
        not relative or _IN_RELATIVE.search(text, a, found.start())
    ):
        return None
    return _resolve(text, found, a, index, ctx)


# an indefinite word before a bare noun: "a treaty", "another accord" never stands for a named text
_INDEFINITE = LazyPattern(r"\b(?:a|an|another|any|one|some|each|every|no|such)\s+$", re.I)


def _resolve(text: str, found: re.Match[str], a: int, index: int, ctx: Context) -> Named | None:
    """The named text a noun phrase is, or stands for: a pronoun or a bare noun at a sentence's
    start stands for the text of the sentences before, elsewhere for the sentence's subject."""
    named = _named(text, found, ctx)
    if named is None or named.named:
        return named
    if _INDEFINITE.search(text, max(0, found.start() - 10), found.start()):
        return None  # "replaced a 1997 treaty that entered into force": another, unnamed text
    if found.start() > len(text) - len(text.lstrip()) or a > 0:
        return _agreeing(_sentence_subject(text, ctx, index, found.start()), named)
    return _agreeing(_antecedent(ctx, index), named)


def _opening_subject(text: str, m: re.Match[str], date_end: int, index: int, ctx: Context) -> Named | None:
    """The text a sentence's opening piece is said of: "In force since 2016, the Lindau Agreement
    ...", "Entering into force on 4 March 2011, the accord ..."."""
    if text[: m.start()].strip(" \t\n\"'“‘("):
        return None
    comma = _COMMA.match(text, date_end)
    found = _np_at(text, comma.end(), ctx) if comma else None
    if found is None or _part(found, "pron"):
        return None
    return _resolve(text, found, 0, index, ctx)


def _last_np(text: str, start: int, end: int, ctx: Context) -> re.Match[str] | None:
    """The longest noun phrase that ends right at end."""
    for m in re.finditer(r"(?<![\w'’-])\w", text[start:end]):
        found = [f for p in _np_res(ctx.lex) if (f := p.fullmatch(text, start + m.start(), end))]
        if found:
            return found[0]
    return None


def _named(text: str, m: re.Match[str], ctx: Context) -> Named | None:
    """The text a noun phrase names: its key when it has a name, its kind when bare; None for
    a part of a text ("the carbon market rules") or an owner's text with no name of its own
    ("the EU's new rules")."""
    if _part(m, "pron"):
        return Named("", "", False)
    if _part(m, "noun_first"):
        return _named_after(m, ctx)
    kind = _kinds(ctx.lex)[m.group("noun").lower()]
    adjectives = m.group("adj").split()
    if {w.lower() for w in adjectives} & ctx.lex.word_set("text_part_nouns"):
        return None
    words = _name_words(text, m, ctx)
    if words is None or (not words and adjectives and not _part(m, "det")):
        return None
    return Named(f"{' '.join(words)} {kind}", kind, True) if words else Named("", kind, False)


def _named_after(m: re.Match[str], ctx: Context) -> Named | None:
    """A text whose name follows its noun ("the Treaty of Lisbon", "the Convention on Migratory
    Species"); a text of another text ("the rules of the Lindau Accord") is a part of it."""
    kinds = _kinds(ctx.lex)
    words = m.group("after").split()
    lowered = {w.lower().strip(".") for w in words} | {w.lower().rstrip(".s") for w in words}
    if words[-1].lower() in kinds or lowered & (set(ctx.lex.weekdays) | set(ctx.lex.months)):
        return None  # "the ban on Sundays" names when, not which
    kind = kinds[_part(m, "noun_first").lower()]
    return Named(f"{' '.join(w.lower() for w in words if w[:1].isupper())} {kind}", kind, True)


def _name_words(text: str, m: re.Match[str], ctx: Context) -> list[str] | None:
    """The name's words, lower-cased: those after an owner ("the EU's AI Act": "ai"; None when
    none follow), and not a sentence's first word that the report writes in lower case
    elsewhere ("New rules take effect ...")."""
    words = (m.group("name") or "").split()
    if {w.lower() for w in words} & ctx.lex.word_set("text_part_nouns"):
        return None  # "Article Six of the Lindau Agreement"
    owners = [i for i, w in enumerate(words) if re.search(r"['’]s?$", w)]
    if owners:
        words = words[owners[-1] + 1 :]
        if not words:
            return None
    elif (
        words
        and m.start("name") == len(text) - len(text.lstrip())
        and not _proper(words[0], ctx.article.text)
    ):
        words = words[1:]
    return [w.lower() for w in words if w[:1].isupper()]


@lru_cache(maxsize=256)
def _proper(word: str, article: str) -> bool:
    """A word the report writes capitalised inside a sentence, and never in lower case."""
    if re.search(rf"(?<![\w'’-]){re.escape(word.lower())}(?![\w'’-])", article) is not None:
        return False
    return re.search(rf"[a-z,;]\s+{re.escape(word)}(?![\w'’-])", article) is not None


def _agreeing(found: Named | None, bare: Named) -> Named | None:
    """A bare noun stands for a named text of its kind; a pronoun for any named text."""
    if found is None or not found.named:
        return None
    return found if not bare.kind or bare.kind == found.kind else None


# A sentence's opening frame: "In 2015, ...", "On Saturday, ..."
_FRAME = LazyPattern(r"\s*(?:(?:In|On|At|By|After|Since|Last|This|Under)\b[^,;]{0,40},\s*)?")


def _sentence_subject(text: str, ctx: Context, index: int, upto: int) -> Named | None:
    """The text a sentence opens with as its subject (after an opening frame), said of again
    before upto; a pronoun or a bare noun there stands for the text of the sentences before.
    None where another text is named between ("The Kyoto Protocol was replaced by the Lindau
    deal, and it took effect in 2016": which one?)."""
    frame = _FRAME.match(text)
    m = _np_at(text, frame.end() if frame else 0, ctx)
    if m is None or m.start() >= upto or re.match(r"['’]", text[m.end() :]):
        return None  # "The Lindau Agreement's rulebook ...": the rulebook is the subject
    named = _named(text, m, ctx)
    if named is not None and not named.named:
        named = _agreeing(_antecedent(ctx, index), named)
    return named if named is None or not _other_text(text, m.end(), upto, named, ctx) else None


def _antecedent(ctx: Context, index: int) -> Named | None:
    """The named text the sentences before are about: the first subject of them, walking back
    over those that open with a pronoun or a bare noun ("It lays out ... It entered ..."); none
    where one of them names another text too."""
    seen: list[tuple[str, int]] = []  # sentences walked over, from where their subject ends
    for back in range(index - 1, max(-1, index - 1 - _BACK), -1):
        text = ctx.sentences[back].text
        frame = _FRAME.match(text)
        m = _np_at(text, frame.end() if frame else 0, ctx)
        if m is None or re.match(r"['’]", text[m.end() :]):
            return None
        named = _named(text, m, ctx)
        seen.append((text, m.end()))
        if named is None:
            return None
        if named.named:
            return None if any(_other_text(t, at, len(t), named, ctx) for t, at in seen) else named
    return None


def _other_text(text: str, start: int, end: int, named: Named, ctx: Context) -> bool:
    """Whether text[start:end] names a text other than the one named."""
    for w in re.finditer(r"(?<![\w'’-])[A-Za-z]", text[start:end]):
        for pattern in _np_res(ctx.lex)[:2]:
            m = pattern.match(text, start + w.start(), end)
            other = _named(text, m, ctx) if m else None
            if other is not None and other.named and other.key != named.key:
                return True
    return False
