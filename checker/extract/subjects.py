"""Who a result is about: the person, team or country that finished, placed or won.

A result is keyed by its subject so only like is compared: one runner's time with the same
runner's, one country's place with the same country's. A subject is a person named in two to
four capitalised words ("Ana Ruiz"), a country or other entity of the lexicon ("Kenya", "the
UK"), or one word the report ties to either: a surname it gave in full before ("Ruiz"), or a
stage name it gave as a country's entry ("the Dutch entry Lumo", "Norway's singer Vela")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from checker.cache import compile_pattern
from checker.extract.base import Context
from checker.extract.people import _clean_name, _name_pattern
from checker.lexicon import Lexicon
from checker.text import LazyPattern
from checker.wording import name_key

__all__ = [
    "list_after",
    "pair_before",
    "Subject",
    "subject_before",
    "subject_ending_at",
    "subject_right_before",
    "subject_starting_at",
]


@dataclass(frozen=True, slots=True)
class Subject:
    key: str  # what the slot is keyed by: a folded person name or an entity's name
    name: str
    start: int
    end: int


# Words after which a mention is an object, not who finished ("beat Ruiz", "ahead of Kenya"),
# or a place ("won at Harbour Park in 2:21:10").
_OBJECT_BEFORE = LazyPattern(
    r"(?:\bbeat|\bbeating|\bbeats|\bahead of|\bbehind|\bover|\bfrom|\bthan|\bto|\bagainst|\bthe|"
    r"\bof|\bwith|\bafter|\bpast|\bovertook|\boutsprinted|\bedged|\bpipped|\bat|\bin|\bon|\bnear|\binto|"
    # the agent of a participle ("ridden by jockey Declan Furlow", "steered by cox Tilly Marsh") and
    # the far end of a stretch ("between Millbrook Bridge and Saltersford Lock") are no subject
    # ("won by Samuel Kerr" names the winner)
    r"\bfor|(?<!won\s)(?<!wins\s)\bby(?:\s+[a-z0-9][\w-]*)?|\bbetween|\bbetween\s+[^,;]{1,60}?\s+and)\s+$"
    # the name set beside the one beaten ("beat the home club, Millbridge Rowing Club, in 6:31.9")
    r"|\b(?:beat|beating|beats|defeated|defeating|overtook|edged|pipped)\s+(?:the|a|an|their|its)\s+[^,;]{1,40},\s+$",
    re.I,
)
_ENTRY_WORDS = (
    r"(?:entry|entrant|act|singer|band|representative|contestant|hopeful|performer|star|song|duo|trio|"
    r"group|rapper|artist)"
)
_STAGE_NAME = r"(?P<stage>[A-Z][\w'\u00c0-\u024f]+)(?![\w'-]|\s+[A-Z])"


def subject_before(text: str, clause_start: int, pos: int, ctx: Context) -> Subject | None:
    """The last person or entity named in the clause before pos that is not an object."""
    region = text[clause_start:pos]
    found = [s for s in _mentions(region, ctx) if not _OBJECT_BEFORE.search(region[: s.start])]
    if not found:
        return None
    last = found[-1]
    return Subject(last.key, last.name, last.start + clause_start, last.end + clause_start)


# What may stand between a subject and its verb: an adverb, an aside set off by commas, or an
# aside opened by a comma and a preposition whose closing comma a writer left out.
_BETWEEN = LazyPattern(
    r"(?:\s*\([^()]{1,40}\))?"  # "Bulgaria (615 points) took second place"
    r"(?:['’]s\s+(?:[A-Z][\w'’\u00c0-\u024f-]*\s+){1,3})?"  # "Australia's Dami Im finished"
    r"(?:,\s+[^,;]{1,90},|,\s+(?:despite|for all|after|with|in spite of|as|though|although)\b[^,;]{1,70}?)?"
    r"\s*(?:(?:also|eventually|only|then|finally|ultimately|again|just|instead|had|has|have)\s+){0,2}$",
    re.I,
)


def previous_subject(index: int, ctx: Context) -> Subject | None:
    """The person a pronoun or a description opening a sentence stands for ("He crossed the line
    in 2:05:04", "The 27-year-old clocked ..."): the one person named, not as an object, in the
    sentence before, or before a sentence that itself opens with "He" or "She" and names no
    one; None where it names none or several."""
    for before in range(index - 1, max(-1, index - 1 - _PRONOUN_CHAIN), -1):
        text = ctx.sentences[before].text
        people = [
            s
            for s in _mentions(text, ctx)
            if " " in s.key and ctx.lex.entity(s.name) is None and not _OBJECT_BEFORE.search(text[: s.start])
        ]
        if people or not _OPENS_WITH_PRONOUN.match(text):
            return people[0] if len({p.key for p in people}) == 1 else None
    return None


_PRONOUN_CHAIN = 3  # sentences a chain of "He ..." may run back to its name
_OPENS_WITH_PRONOUN = compile_pattern(r"\s*(?:He|She)\b")


def subject_ending_at(text: str, clause_start: int, pos: int, ctx: Context) -> Subject | None:
    """The person or entity named right before a verb at pos ("Ruiz finished", "Kenya, the
    favourite, came")."""
    region = text[clause_start:pos]
    found = _mentions(region, ctx)
    if not found or not _BETWEEN.fullmatch(region[found[-1].end :]):
        return None
    last = _person_before_origin(found, region, ctx)
    return Subject(last.key, last.name, last.start + clause_start, last.end + clause_start)


_ORIGIN = LazyPattern(r"\s+(?:of|from)\s+(?:the\s+)?")


def _person_before_origin(found: list[Subject], region: str, ctx: Context) -> Subject:
    """ "Daniel Kiprop of Kenya won": the person, not the country the person comes from."""
    last = found[-1]
    if len(found) < 2 or ctx.lex.entity(found[-2].name) is not None:
        return last
    return found[-2] if _ORIGIN.fullmatch(region, found[-2].end, last.start) else last


def subject_right_before(
    text: str, clause_start: int, pos: int, ctx: Context, between: re.Pattern[str]
) -> Subject | None:
    """The person or entity named last before pos when only what `between` allows stands
    between them ("and France second", "Spain, third on 459")."""
    region = text[clause_start:pos]
    found = _mentions(region, ctx)
    if not found or not between.fullmatch(region, found[-1].end):
        return None
    last = _person_before_origin(found, region, ctx)
    return Subject(last.key, last.name, last.start + clause_start, last.end + clause_start)


def pair_before(text: str, clause_start: int, pos: int, ctx: Context) -> tuple[Subject, Subject] | None:
    """The two people or entities named last before pos, joined by "and" ("push Finland and
    Israel into second and third place")."""
    region = text[clause_start:pos]
    found = _mentions(region, ctx)
    if len(found) < 2 or not re.fullmatch(
        r"\s*(?:,\s*)?and\s+(?:the\s+)?", region[found[-2].end : found[-1].start]
    ):
        return None
    return tuple(Subject(f.key, f.name, f.start + clause_start, f.end + clause_start) for f in found[-2:])  # type: ignore[return-value]


def list_after(text: str, pos: int, clause_end: int, ctx: Context) -> list[Subject]:
    """The people or entities a list names right after pos, in order ("Peru, Chile and Norway")."""
    out: list[Subject] = []
    gap = compile_pattern(r"\s*(?:\([^()]{1,40}\))?\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
    while (who := subject_starting_at(text, pos, clause_end, ctx)) is not None:
        out.append(who)
        more = gap.match(text, who.end)
        if more is None:
            break
        pos = more.end()
    return out


def _mentions(region: str, ctx: Context) -> list[Subject]:
    """People and entities named in a piece of text, in order, overlaps resolved to the
    person ("Kenya's Eliud Kipchoge" is Kipchoge)."""
    people = _people(region, ctx)
    taken = [(p.start, p.end) for p in people]
    found = list(people)
    owners: list[Subject] = []  # "Kenya's Ruiz": the country, unless Ruiz is named
    for a, b, entity in ctx.lex.find_entities(region):
        # countries only: an organisation or an event's name ("the Berlin Marathon") is no finisher
        if entity.kind != "country" or any(x < b and a < y for x, y in taken):
            continue
        if re.search(r"(?:'s|’s)\s+[A-Z]", region[b : b + 4]):  # "Kenya's Ruiz": the person's
            owners.append(Subject(entity.name.lower(), entity.name, a, b))
            continue
        found.append(Subject(entity.name.lower(), entity.name, a, b))
        taken.append((a, b))
    for m in re.finditer(r"(?<![\w'’-])[A-Z][\w'’\u00c0-\u024f-]+", region):
        if any(x < m.end() and m.start() < y for x, y in taken) or _AFTER_THE.search(region, 0, m.start()):
            continue
        word = _POSSESSIVE_END.sub("", m.group())  # "Ruiz's time": Ruiz
        tied = _tied(word, ctx)
        if tied is not None:
            found.append(Subject(tied[0], tied[1], m.start(), m.start() + len(word)))
    # "Australia's Dami Im": a name read as no person stands for its country
    found += [o for o in owners if not any(o.end < f.start <= o.end + 4 for f in found)]
    return sorted(found, key=lambda s: s.start)


def _people(region: str, ctx: Context) -> list[Subject]:
    return [Subject(name_key(name), name, a, b) for a, b, name in _names(region, ctx.lex)]


def _names(text: str, lex: Lexicon) -> Iterator[tuple[int, int, str]]:
    """Person names in a text, a possessive or a sentence word before them left out, and
    none that follows "the" ("the Lakeside Marathon" names an event)."""
    for m in _name_re(lex).finditer(text):
        raw = m.group("name")
        lead = _LEAD.match(raw)
        skip = lead.end() if lead else 0
        name = _clean_name(raw[skip:], lex)
        if (
            name is None
            or name.split()[-1] in _EVENT_WORDS
            or name.split()[-1].lower() in lex.word_set("edition_nouns")
            or (not skip and _AFTER_THE.search(text, max(0, m.start() - 12), m.start()))
        ):
            continue
        start = m.start("name") + skip
        written = raw[skip:].rstrip()
        owner = _POSSESSIVE_END.search(written)  # "Jonas van Dijk's time": Jonas van Dijk's
        if owner:
            written, name = written[: owner.start()], _POSSESSIVE_END.sub("", name)
        yield start, start + len(written), name


_POSSESSIVE_END = compile_pattern(r"(?:'s|’s)$")
_AFTER_THE = LazyPattern(r"\bthe\s+(?:\d[\w-]*\s+)?$", re.I)  # "the 41st Lakeside Marathon"
# A last word that makes capitalised words an event's name, not a person's
_EVENT_WORDS = frozenset(
    "Marathon Race Run Contest Games Championship Championships Cup Open Prix Classic Festival "
    "Trophy Series Tour Final Finals Derby Relay Olympics Awards Prize".split()
)


# What may open a run of capitalised words without being part of a name: a possessive
# ("Kenya's Ana Ruiz"), a word that starts a sentence ("While Ruiz ...").
_LEAD = LazyPattern(
    r"(?:[A-Z][\w\u00c0-\u024f]*(?:'s|’s|'S|’S|s'|s’)\s+|"
    r"(?:While|When|After|Before|As|If|Although|Though|Since|Despite|Then|Meanwhile|However|"
    r"Also|Both|Only|Yet|So|Once|Until|Unlike|Like|Including)\s+)+"
)


@cache
def _name_re(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(_name_pattern(lex))


def tied_name(word: str, ctx: Context) -> str | None:
    """The full name of a person the report gives a surname of ("Kessler": Anna Kessler), if
    one person's only."""
    tied = _tied(word, ctx)
    if tied is None or ctx.lex.entity(tied[1]) is not None:
        return None
    words = tied[1].split()
    things = ctx.lex.word_set("not_person_words") | ctx.lex.word_set("title_not_words")
    # "the Eurovision Song Contest Jamala": a name run on from a thing's is no full name
    return tied[1] if len(words) <= _FULL_NAME_WORDS and not things.intersection(words) else None


_FULL_NAME_WORDS = 3


def _tied(word: str, ctx: Context) -> tuple[str, str] | None:
    """A single word the report ties to a person or a country: a surname it gave in full, or a
    stage name it gave as a country's entry."""
    if word in ctx.lex.word_set("not_name_words"):
        return None
    full, stage = _ties(ctx.article.text, ctx.lex)
    if word in full:
        return full[word]
    return stage.get(word)


@lru_cache(maxsize=16)
def _ties(text: str, lex: Lexicon) -> tuple[dict[str, tuple[str, str]], dict[str, tuple[str, str]]]:
    """Surnames of the full names in a report (one person each), and stage names tied to a
    country ("the UK entry Vela", "Norway's singer Vela")."""
    surnames: dict[str, set[str]] = {}
    openers = lex.word_set("holder_not_name")
    for _, _, name in _names(text, lex):
        words = name.split()
        while words and words[0] in openers:  # "What Selbury have won": Selbury, no full name
            words.pop(0)
        if len(words) >= 2:
            surnames.setdefault(words[-1], set()).add(" ".join(words))
    full = {s: (name_key(next(iter(n))), next(iter(n))) for s, n in surnames.items() if len(n) == 1}
    stage: dict[str, tuple[str, str]] = {}
    for _, b, entity in lex.find_entities(text):
        m = _STAGE_AFTER.match(text, b) if entity.kind == "country" else None
        if m and m.group("stage") not in lex.word_set("not_name_words") and not lex.entity(m.group("stage")):
            stage.setdefault(m.group("stage"), (entity.name.lower(), entity.name))
    return full, stage


_STAGE_AFTER = LazyPattern(rf"(?:(?:'s|’s)\s+(?:{_ENTRY_WORDS},?\s+)?|\s+{_ENTRY_WORDS},?\s+){_STAGE_NAME}")


def subject_starting_at(text: str, pos: int, clause_end: int, ctx: Context) -> Subject | None:
    """The person or entity named right after pos ("in 11th place, Ana Ruiz")."""
    region = text[pos:clause_end]
    found = _mentions(region, ctx)
    if not found:
        return None
    # "Mahmood of Italy": a name the report gives no other way, with its country
    lead = r"\s*(?:(?i:the)\s+)?(?:(?:[A-Z][\w'’\u00c0-\u024f-]*\s+){1,3}(?:of|from)\s+(?:the\s+)?)?"
    if not re.fullmatch(lead, region[: found[0].start]):
        return None
    first = found[0]
    return Subject(first.key, first.name, first.start + pos, first.end + pos)


# "1. Sweden. Mans Zelmerlow - Heroes. 365 points", "24 - UK. Electro Velvet ...": a rank, then
# the name of who holds it
# ("=26 - Austria": a rank shared by two)
_RANKED = LazyPattern(r"\s*(?:=|joint\s+)?(?P<rank>\d{1,2})\s*(?:[.)]|\s[\u2013\u2014-])\s+(?P<rest>[A-Z].*)")
_RANK_WINDOW = 3  # sentences either side where the next or the previous rank is looked for


def ranked_holder(index: int, ctx: Context) -> tuple[str, int] | None:
    """The country a line of a ranked table opens with and where its name ends, when the
    line is one of a run of lines whose ranks follow one another; None for any other line."""
    lines = ctx.sentences
    m = _RANKED.match(lines[index].text)
    if m is None:
        return None
    rank = int(m.group("rank"))
    # the lines around it, a line cut in sentences at its stops ("24 - UK. Electro Velvet ...")
    window = range(max(0, index - _RANK_WINDOW), min(len(lines), index + _RANK_WINDOW + 1))
    near = [_RANKED.match(lines[i].text) for i in window if i != index]
    if not any(n and abs(int(n.group("rank")) - rank) == 1 for n in near):
        return None  # one numbered line is a paragraph, not a table
    who = ctx.lex.find_entities(m.group("rest")[:60])
    if not who or who[0][0] > 4 or who[0][2].kind != "country":
        return None  # "1. The vote ...": no country opens the line
    return who[0][2].name, m.start("rest") + who[0][1]


def ranked_match(text: str) -> re.Match[str] | None:
    """The rank a sentence opens with, as a line of a ranked table ("2. Russia", "=26 - Austria")."""
    return _RANKED.match(text)


def stage_key(words: str, lex: Lexicon) -> str:
    """':semi-final' where a result's own words name a stage before the one that concludes its
    edition ("Peru finished fourth in the semi-final"): a result of that stage is compared
    only with results of that stage, never with the final's; '' otherwise."""
    from checker.stages import named_stage

    stage = named_stage(words, lex, _PASSING)
    return f":{stage.label}" if stage is not None and not stage.concluding else ""


# a stage named in passing beside a result of another ("won the final after finishing second in
# the semi-final")
_PASSING = compile_pattern(r"\b(?:after|before|following|having|since)\b", re.I)
