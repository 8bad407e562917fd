"""Holder: who or what holds a role at one occurrence: the winner, the host, the organiser,
the chair. The value is the holders as (actor, key) pairs: the actor is an entity's kind
(country, organization) or, for a capitalised name the entity list does not know, the first
actor its family declares (a person or act for winners, a place for hosts); the key is the
name folded (checker.wording.name_key), an entity by its canonical name.

Generic reader: a name just before one of the family's verbs ("Italy won the contest",
"Azerbaijan, the host, ...", "the EBU, which organises the event") or just after one of its
lead phrases ("won by", "the winner was", "hosted by", "host city", "chaired by"). For this
kind a family's ``avoid`` words are looked for in the few words after a verb, its object
("won praise", "won 583 points", "won the second place"): a later word of the clause about
points or votes does not make the winner someone else's; an ordinal after "a" or an owner
counts wins ("won her country's second contest") and is no place.

The winner is also whoever the place reader finds first in the whole result or a part of the
vote ("Sweden took its sixth contest", "Peru came top in the televote"), keyed by the place's
subject. Words of a kind of event ("was re-elected", "won the mayoral election") name a
holder only in a report whose title or lead names that kind.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz

from checker.cache import compile_pattern
from checker.extract.base import Draft, period_offsets
from checker.extract.generic import category_key, clause_of
from checker.extract.subjects import ranked_match, tied_name
from checker.kinds import Kind, kind_named
from checker.lexicon import Lexicon, phrase_alternation, phrases_re
from checker.models import Claim
from checker.places import LEAD_SENTENCES, place_drafts, result_place_drafts
from checker.stages import stages
from checker.text import LazyPattern, key_words, look
from checker.wording import name_key

if TYPE_CHECKING:
    from checker.extract.base import Context
    from checker.families import Family
    from checker.text import Sentence

Holder = tuple[str, str]  # (actor, key)

# The family whose holder is whoever finishes first: first places the place reader finds are
# its holders too (score.py names it so as well)
FIRST_PLACE_HOLDER = "winner"

# an entity's kind -> the actor it holds a role as (a meeting body is an organisation here)
_ENTITY_ACTOR = {"country": "country", "organization": "organization", "body": "organization"}
# lead phrases after which a name of several words is a place, not a person
_PLACE_LEAD = compile_pattern(r"\b(?:city|country|nation|venue|town|capital)\b", re.I)
_TOKEN = (
    r"(?:(?:[A-Z]\.)+|[A-Z\u00c0-\u00de][\w\u00c0-\u024f'\u2019-]*|(?:al|el)-[A-Z][\w\u00c0-\u024f'\u2019-]*)"
)
_POSSESSIVE = compile_pattern(r"(?:'s|\u2019s|s'|s\u2019)$", re.I)
_YEAR = compile_pattern(r"(?<![\w$€£.,/-])((?:19|20)\d\d)(?![\w/-]|,\d|\.\d)")
# a year after these words bounds a period, it does not date the role ("first win since 1988")
_NOT_WHEN = compile_pattern(r"\b(?:since|until|till|before|after|from|by|to|through|between)\s+$", re.I)
# the object of a verb ends at its first preposition ("claimed victory after a final round")
_PREPOSITION = compile_pattern(
    r"\b(?:in|on|at|after|with|for|by|from|ahead|before|during|despite|thanks|under|as|to|when)\b", re.I
)
_TAIL_END = compile_pattern(
    r"[,;:(\"\u201c]|\b(?:and|but|while|whereas|after|before|when|once|until|if|although|though|as|since|"
    r"because|which|who|whose|following|on behalf of)\b",
    re.I,
)
# after a holder's first word, lower-case words that describe a name that follows them
_DESCRIBED_NAME = compile_pattern(
    r"\s+(?:(?!(?:of|and|or|in|at|on|to|ahead|from|with|for|by|the|a|an|as|after|before|over|than)\b)"
    r"[a-z][\w-]*\s+){1,2}[A-Z][\w'\u2019-]+\s+[A-Z]"
)
_LISTED = compile_pattern(r"\b(?:and|or|&)\s+(?:the\s+)?$", re.I)
_WORD_BEFORE_AND = compile_pattern(r"([\w'-]+),\s+and\s+$")
# a role held only if something happens: "If Sweden wins the contest", "whether Peru wins"
_CONDITION = compile_pattern(r"\b(?:if|unless|whether)\s+[^,;]{0,40}$", re.I)
# the words a first place is said with (place.py): a sentence without one is not read for it
_FIRST_SAID = compile_pattern(r"\b(?:won|wins?|took|takes|taken|tops?|topped|first|1st|winners?|led)\b", re.I)
_NEXT = compile_pattern(r"\bnext (?:year|edition|time)\b", re.I)
_IN_YEAR = compile_pattern(r"\s*In ((?:19|20)\d\d),")
_WHEN_YEAR = compile_pattern(r"((?:19|20)\d\d),?\s+when\s+(?:\S+\s+){0,6}?$")


class HolderKind(Kind):
    name = "holder"
    summary = "who or what holds a role: the winner Italy, the host city Baku"

    def json(self, claim: Claim) -> Any:
        keys = [key for _, key in claim.value]
        return keys[0] if len(keys) == 1 else keys

    def compact(self, claim: Claim) -> str:
        return claim.display

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return claim.display

    def label(self, claim: Claim) -> str:
        return claim.display

    def compatible(self, a: Any, b: Any) -> bool:
        """Holders of different actors never disagree (a singer wins for a country, a city
        hosts in a country); of one actor, some holder of one side must be a holder of the
        other: the same name, one name's words inside the other's, or a spelling of it."""
        return holders_agree(a, b, same_holder)

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        # a family with event nouns (the host's) also reads "the summit in Bonn"
        placed = any(f.nouns for f in families) and (" in " in text or " at " in text)
        if placed or look(text).any_of(_families_keys(families)):
            return True
        first = _place_family() if any(f.name == FIRST_PLACE_HOLDER for f in families) else None
        return first is not None and kind_named("place").wants(text, ctx, (first,))

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        text = sentence.text
        taken: list[tuple[int, int]] = []
        if _gate(family).search(text):
            yield from _role_drafts(text, ctx, family, taken)
        if family.name == FIRST_PLACE_HOLDER:
            yield from _first_place_drafts(sentence, index, ctx, family, taken)
        yield from place_drafts(text, ctx, family, taken)
        yield from result_place_drafts(text, ctx, family, taken)


def _role_drafts(text: str, ctx: Context, family: Family, taken: list[tuple[int, int]]) -> Iterator[Draft]:
    """Holders named beside the family's verbs and lead phrases ("Italy won", "hosted by")."""
    after, before = _patterns(family, ctx.lex)
    for pattern, lead in ((after, True), (before, False)):
        for m in pattern.finditer(text):
            if any(a < m.end("h") and m.start("h") < b for a, b in taken):
                continue
            draft = _draft(text, m, lead, ctx, family)
            if draft is not None:
                taken.append(m.span("h"))
                yield draft


def _first_place_drafts(
    sentence: Sentence, index: int, ctx: Context, family: Family, taken: list[tuple[int, int]]
) -> Iterator[Draft]:
    """The winner as the place reader finds first place in the whole result or a part of the
    vote ("Sweden took its sixth contest", "Italy won its third victory", "Peru came top in the
    televote"), where the family's own words name no holder there: the place reader knows an
    ordinal that counts wins ("its third victory") from a place. Not a line of a ranked table
    (a place said by its order alone), nor a stage before the final, another time, a plan or
    something other than a contest won ("won praise for its victory")."""
    place_family = _place_family()
    if place_family is None or not _FIRST_SAID.search(sentence.text) or ranked_match(sentence.text):
        return
    text = sentence.text
    for draft in kind_named("place").read(sentence, index, ctx, place_family):
        if draft.value != 1 or _read_in_clause(text, draft.span, taken):
            continue
        parts = tuple(draft.slot.split(":")[2:])
        if any(part in _early_stages(ctx.lex) for part in parts):
            continue  # "won the second semi-final": a stage before the final
        if not _first_place_stands(text, draft, ctx, family):
            continue
        holder = _holder(str(draft.extra.get("subject", "")), ctx, family, False)
        if holder is None:
            continue
        taken.append(draft.span)
        year = draft.extra.get("year")
        yield Draft(
            family=family.name,
            slot=family.name + "".join(f":{part}" for part in parts),
            value=(holder[0],),
            display=holder[1],
            span=draft.span,
            year_offsets=draft.year_offsets,
            extra={"year": year} if year else {},
        )


def _read_in_clause(text: str, span: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    """Whether the family's own words already named a holder in the clause of a place ("Felix
    Santini of Morocco won": Santini, not Morocco besides)."""
    a, b, _ = clause_of(text, *span)
    return any(a <= start and end <= b or start < span[1] and span[0] < end for start, end in taken)


def _first_place_stands(text: str, draft: Draft, ctx: Context, family: Family) -> bool:
    """Whether a first place is this occurrence's: no plan or former holder before it ("next
    year's"), no part of the occurrence in its clause ("in the heats"), no list it ends ("Katrina
    and the Waves"), and none of the family's avoid words in what was won but for an ordinal
    that counts wins ("won its third victory"), nor another event named or a day of it."""
    start, end = draft.span
    a, b, _ = clause_of(text, start, end)
    before = text[a:start]
    if _future(before[-30:], ctx.lex) or _CONDITION.search(before):
        return False
    if _LISTED.search(before) and not _new_clause(before, ctx):
        return False
    tail = _object(text, end, b)
    about = _counts_re(ctx.numbers.ordinal).sub(" ", _PREPOSITION.split(tail, maxsplit=1)[0])
    if family.avoid and phrases_re(family.avoid).search(about) or _NEXT.search(tail):
        return False
    if _another_thing_won(tail, ctx):
        return False  # "won the Coldwater Sprint, a supporting race", "won that day"
    where = before + " " + text[start:end] + " " + tail
    if ctx.lex.phrase_re("holder_parts").search(where):
        return False
    other = ctx.lex.phrase_re("other_edition_phrases").search(tail)
    return not (other and draft.year_offsets == (0,) and "year" not in draft.extra)


@cache
def _place_family() -> Family | None:
    """The family of places the place reader reads."""
    from checker.families import generic_family

    return generic_family("place", "place")


@cache
def _early_stages(lex: Lexicon) -> frozenset[str]:
    """Labels of the stages before the one that concludes their group (a semi-final)."""
    return frozenset(s.label for s in stages(lex) if not s.concluding)


@cache
def _counts_re(ordinal: str) -> re.Pattern[str]:
    """An ordinal that counts wins, not a place: after "a" or an owner ("won a third term",
    "won her country's second contest", "its sixth title"); "won the second place" is a place."""
    return compile_pattern(rf"(?:\b(?:a|an|its|her|his|their|our)|['\u2019]s)\s+(?:{ordinal})(?![\w-])", re.I)


def holders_agree(a: Any, b: Any, same: Callable[[str, str, str], bool]) -> bool:
    """Whether two sides' holders agree: for every actor both name, some holder of one side is
    `same` as some holder of the other."""
    for actor in {x for x, _ in a} & {y for y, _ in b}:
        keys_a = [k for x, k in a if x == actor]
        keys_b = [k for y, k in b if y == actor]
        if not any(same(ka, kb, actor) for ka in keys_a for kb in keys_b):
            return False
    return True


def same_holder(a: str, b: str, actor: str) -> bool:
    """One holder named two ways: equal keys, one name's words within the other's ("kipchoge",
    "eliud kipchoge"), an acronym of the other ("ebu"), or, for names the entity list does not
    know, a close spelling (spellings are FL501's to judge, not a different holder)."""
    if a == b:
        return True
    a, b = name_key(a), name_key(b)
    words_a, words_b = set(a.split()), set(b.split())
    if words_a <= words_b or words_b <= words_a:
        return True
    if _acronym(a, b) or _acronym(b, a):
        return True
    if actor in ("country",):
        return False
    if min(len(a), len(b)) >= 6 and fuzz.ratio(a, b) >= 85:
        return True
    # a short name with one letter changed ("Nemo" / "Nimo") is one person's; two places
    # may be one letter apart
    return actor != "place" and _one_letter(a, b)


def misspelt(a: str, b: str) -> bool:
    """Two keys that are one name with a letter or two changed ("kiprop", "kiprob"; "nemo",
    "nimo"), not one name written short, nor two names."""
    if a == b:
        return False
    words_a, words_b = set(a.split()), set(b.split())
    if words_a <= words_b or words_b <= words_a:
        return False
    return min(len(a), len(b)) >= 6 and fuzz.ratio(a, b) >= 85 or _one_letter(a, b)


def _one_letter(a: str, b: str) -> bool:
    """One letter put for another in a name of four letters or more."""
    return (
        len(a) == len(b) >= 4
        and sum(x != y for x, y in zip(a, b, strict=True)) == 1
        and not any(c.isdigit() for c in a + b)
    )


def _acronym(short: str, long: str) -> bool:
    initials = "".join(w[0] for w in long.split() if w not in ("of", "the", "for", "and", "de"))
    return " " not in short and len(initials) > 1 and short == initials


@cache
def _families_keys(families: tuple[Family, ...]) -> frozenset[str]:
    return key_words(w for f in families for w in f.verbs + f.lead_nouns)


@cache
def _gate(family: Family) -> re.Pattern[str]:
    """A cheap first look: a role is named only beside one of the family's verbs or leads."""
    return phrases_re(family.verbs + family.lead_nouns)


@cache
def _patterns(family: Family, lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a name after a lead phrase, a name before a verb); group h is the name, v the words."""
    particles = phrase_alternation(lex.words("holder_particles"))
    name = rf"(?P<h>{_TOKEN}(?:\s+(?:(?:{particles})\s+)?{_TOKEN}){{0,4}})"
    more = rf"(?:\s+and\s+(?:the\s+)?(?P<h2>{_TOKEN}(?:\s+{_TOKEN}){{0,3}}))?"
    of = rf"(?:\s+(?:of|from)\s+(?:the\s+)?{_TOKEN}(?:\s+{_TOKEN}){{0,2}})?"
    aside = r"(?:,[^,;()\"]{1,50},)?"
    adverbs = phrase_alternation(lex.words("holder_adverbs"))
    after = compile_pattern(
        rf"(?i:(?P<v>{phrase_alternation(family.lead_nouns)}))\s*,?\s+(?:the\s+)?{name}{more}(?=[\s,.;:!?)'\"\u2019]|$)"
    )
    # a verb follows the name; an apposition stands between commas after it
    # ("Sweden, the host, gave"); a relative clause follows one ("the EBU, which runs the event")
    apposed = tuple(v for v in family.verbs if v.split()[0] == "the")
    relative = tuple(v for v in family.verbs if v.split()[0] == "which")
    verbs = tuple(v for v in family.verbs if v not in apposed + relative)
    said = rf"\s+(?:(?:{adverbs})\s+){{0,2}}(?i:(?P<v>{phrase_alternation(verbs)}))\b"
    if apposed:
        said += rf"|,\s+(?i:(?P<va>{phrase_alternation(apposed)}))(?=\s*[,;.)])"
    if relative:
        said += rf"|,\s+(?i:(?P<vr>{phrase_alternation(relative)}))\b"
    said = f"(?:{said})"
    # an age may stand before where the name comes from ("Ana Ruiz, 14, of Brightwater won")
    aged = r"(?:,\s+\d{1,3},(?=\s+(?:of|from)\s))?"
    before = compile_pattern(rf"(?<![\w'\u2019-]){name}{aged}{of}{aside}{said}")
    return after, before


def _new_clause(before: str, ctx: Context) -> bool:
    """ "The race was held on Sunday, and Kiprop won": ", and" after a word no name ends with
    (lower case, a number, a day or a month) joins a clause of its own, not a list."""
    m = _WORD_BEFORE_AND.search(before)
    if m is None:
        return False
    word = m.group(1)
    calendar = ctx.lex.weekdays.keys() | ctx.lex.months.keys()
    return word[:1].islower() or word.isdigit() or word.lower() in calendar


_AGED_BEFORE = LazyPattern(r"\b(?:the|a|an)\s+(?:\d{1,3}|[a-z]+(?:-[a-z]+)*)-year-old\s+$", re.I)
# words after which a name is no clause's subject: a preposition, an owner, a number
_NO_SUBJECT_BEFORE = LazyPattern(
    r"(?<![\w'’-])(?:of|in|at|from|for|to|on|into|his|her|their|its|our|two|three|four|five|six|seven|"
    r"eight|nine|ten|several|many|\d+)\s+$",
    re.I,
)
_WHEN_BEFORE = LazyPattern(r",\s+when\s+(?:[\w'’-]+\s+){0,3}$", re.I)


def _draft(text: str, m: re.Match[str], lead: bool, ctx: Context, family: Family) -> Draft | None:
    """The claim of one match, unless it is about something else, later, or another time."""
    a, b, _ = clause_of(text, m.start(), m.end())
    if _future(text[max(a, m.start() - 30) : m.start()], ctx.lex) or _CONDITION.search(text, a, m.end("h")):
        return None
    if not _kinds_reported(_kinds_named(m.group("v") or "", ctx.lex), ctx):
        return None  # "Ana Ruiz was elected mayor" in a report of a song contest
    tail = _object(text, m.end(), b)
    # the words a role is about: a verb's object, the noun before a lead ("the seat was won by")
    about = text[max(a, m.start() - 30) : m.start()] if lead else _PREPOSITION.split(tail, maxsplit=1)[0]
    about = _counts_re(ctx.numbers.ordinal).sub(" ", about)
    if family.avoid and phrases_re(family.avoid).search(about) or _NEXT.search(tail):
        return None
    # "took the women's crown"; another result joined before the name has its own category
    # ("Kiprop won the men's race, as Chebet won the women's")
    joined = [j.end() for j in _JOINED.finditer(text, a, m.start("h"))]
    where = text[max([a, *joined]) : m.start("h")] + " " + (m.group("v") or "") + " " + tail
    offsets = period_offsets(where, ctx.numbers)
    if offsets is None and (when := _WHEN_BEFORE.search(text, a, m.start("h"))):
        # "quicker than last year, when Copper Lantern won": the time before "when" is the win's
        offsets = period_offsets(text[max(0, when.start() - 40) : when.start()], ctx.numbers)
    if offsets is None and ctx.lex.phrase_re("other_edition_phrases").search(tail):
        return None  # "hosted the previous edition": another occurrence's, its year unsaid
    if ctx.lex.phrase_re("holder_parts").search(where):
        return None  # the winner of a heat or a semi-final is not the occurrence's winner
    year = _year(text[a : m.start()], tail)
    if year == -1:
        return None
    if not lead and _LISTED.search(text[a : m.start("h")]) and not _new_clause(text[a : m.start("h")], ctx):
        return None  # "Katrina and the Waves won": the last name of a list, or of a band
    if not lead and _NO_SUBJECT_BEFORE.search(text, max(a, m.start("h") - 12), m.start("h")):
        return None  # "the marathon of Aldermere won", "Halvard's two Wexley Cup wins": no subject
    if not lead and " " not in m.group("h").strip() and _AGED_BEFORE.search(text, a, m.start("h")):
        return None  # "the 29-year-old Swede finally won": a description, not a name
    if lead and _DESCRIBED_NAME.match(text, m.end("h")):
        return None  # "chaired by Spanish actress Elena Sandoval": "Spanish" describes her
    if (
        lead
        and _WON_BY.match(m.group("v") or "")
        and _another_event_won(text[max(a, m.start() - 40) : m.start()], ctx)
    ):
        return None  # "Friday's Harrowmere Oaks, won by Lady Fennimore" in a report of the Derby
    if not lead and _another_thing_won(tail, ctx):
        return None  # "won the Coldwater Bridge TT", "won that day": another race, a day of it
    holders, display = _holders(m, lead, ctx, family)
    if not holders:
        return None
    return Draft(
        family=family.name,
        slot=family.name + category_key(where, ctx.lex),
        value=tuple(sorted(set(holders))),
        display=display,
        span=_span_of(text, display.split(" and ")[0], m.span("h")),
        year_offsets=(offsets or (0,))[-1:],
        extra={"year": year} if year else {},
    )


_JOINED = compile_pattern(r",\s+(?:as|while|whereas|when)\s+", re.I)


@lru_cache(maxsize=1024)
def _kinds_named(words: str, lex: Lexicon) -> frozenset[str]:
    """The kinds of event (the vocabulary's event_kinds, a synonym as its kind) that words
    name: a kind of more than five letters by a word its first five letters open, "re" aside
    ("was re-elected", "the mayoral election": election); a shorter kind ("race", "prize") is
    said of too many things to tie a role to one kind of event."""
    same = lex.vocab.get("event_kind_synonyms") or {}
    kinds = [kind for kind in lex.words("event_kinds") if len(kind) > 5]
    found = {
        str(same.get(kind, kind))
        for word in re.findall(r"[a-z]+", words.lower())
        for kind in kinds
        if _opened_by(word, kind) or _opened_by(word.removeprefix("re"), kind)
    }
    return frozenset(found)


# what may follow a kind's first five letters in a word of it: "elected", "election", "sanctioned"
_KIND_ENDINGS = frozenset({"", "s", "ed", "ing", "ion", "ions", "ioned"})


def _opened_by(word: str, kind: str) -> bool:
    """Whether a word is of a kind: its first five letters, then the kind's own ending or an
    inflection ("referee" is no referendum)."""
    rest = word[5:]
    return word[:5] == kind[:5] and (rest in _KIND_ENDINGS or rest in (kind[5:], kind[5:] + "s"))


def _kinds_reported(kinds: frozenset[str], ctx: Context) -> bool:
    """Whether a role said with words of a kind of event ("was re-elected") is held at a
    report of that kind: its title or lead names the kind too ("Lakeside mayoral election")."""
    if not kinds:
        return True
    lead = " ".join([ctx.article.title or ""] + [s.text for s in ctx.sentences[:LEAD_SENTENCES]])
    return bool(kinds & _kinds_named(lead, ctx.lex))


def _span_of(text: str, words: str, within: tuple[int, int]) -> tuple[int, int]:
    """Where the holder's own words stand ("Annika Strand" in "Norway's Annika Strand")."""
    start = text.find(words, *within)
    return (start, start + len(words)) if start != -1 else within


def _object(text: str, start: int, end: int) -> str:
    """The few words after a verb, up to a comma, "and" or a clause of its own ("after X won
    last year's contest"): what was won, hosted, chaired, and when."""
    return _TAIL_END.split(text[start:end][:60], maxsplit=1)[0]


def _future(before: str, lex: Lexicon) -> bool:
    return lex.phrase_re("holder_future").search(before) is not None


def _year(before: str, after: str) -> int | None:
    """The one year the words date the role to; None when none; -1 when several disagree.
    Before the match only "In 2019," and "since 1997, when X won" date it (other years there
    are about something else); after it any year but one that bounds a period does ("won the
    contest in 2012", not "its first win since 1988")."""
    when = _WHEN_YEAR.search(before) or _IN_YEAR.match(before)
    if when:
        return int(when.group(1))
    years = {int(y.group(1)) for y in _YEAR.finditer(after) if not _NOT_WHEN.search(after[: y.start()])}
    if len(years) > 1:
        return -1
    return years.pop() if years else None


def _holders(m: re.Match[str], lead: bool, ctx: Context, family: Family) -> tuple[list[Holder], str]:
    """The holders a match names, with their words as written."""
    found: list[Holder] = []
    shown: list[str] = []
    place = lead and _PLACE_LEAD.search(m.group("v")) is not None
    for group in ("h", "h2"):
        raw = m.groupdict().get(group)
        holder = _holder(raw, ctx, family, place) if raw else None
        if holder is not None:
            found.append(holder[0])
            shown.append(holder[1])
        elif group == "h":
            return [], ""
    return found, " and ".join(shown)


def _holder(raw: str, ctx: Context, family: Family, place: bool) -> tuple[Holder, str] | None:
    """(actor, key) and the words of one name, or None when it names no holder."""
    tokens = raw.split()
    cut = max((i + 1 for i, t in enumerate(tokens[:-1]) if _POSSESSIVE.search(t)), default=0)
    tokens = tokens[cut:]  # "Sweden's Loreen": the holder is Loreen
    stop = ctx.lex.word_set("not_name_words") | ctx.lex.word_set("holder_not_name")
    stop |= ctx.lex.word_set("name_styles")  # "Grandmaster Teodor Vasko won": Teodor Vasko
    entity = _entity(" ".join(tokens), stop, ctx)
    if entity is not None:
        actor = _ENTITY_ACTOR.get(entity[0].kind)
        return ((actor, entity[0].name), entity[1]) if actor in family.actors else None
    while tokens and (tokens[0] in stop or tokens[0].lower() in ctx.lex.word_set("holder_particles")):
        tokens.pop(0)
    mentions = ctx.lex.find_entities(" ".join(tokens))
    if mentions and mentions[0][0] == 0 and len(mentions) == 1:
        tokens = " ".join(tokens)[mentions[0][1] :].split()  # "Ukrainian Jamala": Jamala
    elif mentions:
        return None  # a name around a country ("Kalush Ukraine Band") is not that country
    actor = family.actors[0] if family.actors else "name"
    if actor == "person" and "organization" in family.actors and _organization_named(tokens, ctx.lex):
        actor = "organization"  # "the Green Alliance", "Tormouth Albion": a party, a club, a crew
    if actor not in ("organization", "country"):  # a person's name ends in no such word
        while tokens and (tokens[-1] in stop or _POSSESSIVE.search(tokens[-1])):
            tokens.pop()
    words = " ".join(tokens)
    if len(words) < 2 or words.isupper() and len(words) > 6 or any(c.isdigit() for c in words):
        return None
    if actor == "person" and tokens[-1].lower() in ctx.lex.word_set("edition_nouns"):
        return None  # "the first Spring Stakes won by a filly": an event is won, it wins nothing
    if actor == "place" and len(tokens) > 1 and not place:
        return None  # "hosted by Petra Mede": a presenter, not the host city
    if actor == "place" and _a_person(words, ctx):
        return None  # "actress Petra Mede ... Petra hosted the contest": a presenter
    if actor == "person" and len(tokens) == 1:
        # "Kesel wins 50,000 dollars": the person the report names in full with that surname
        return (actor, name_key(tied_name(words, ctx) or words)), words
    return (actor, name_key(words)), words


def _another_thing_won(tail: str, ctx: Context) -> bool:
    """Whether what was won is a day of the event ("won that day") or an event by a whole
    proper name that shares no word with the report's own event's ("won the Coldwater Bridge TT
    on Friday" in a report of the Tour of Estmark); not a name that a noun goes on with ("won
    the Best Actor award"), one ending in an edition noun ("the Golden Quill Prize": a prize of
    the event, as like as not), nor one the title or lead names ("wins Marenza's Golden Heron")."""
    from checker.series import NAME_ENDS, edition_words  # late: the series reader reads holders

    if _THAT_DAY.match(tail):
        return True
    named = _NAMED_OBJECT.match(tail)
    if named is None or not NAME_ENDS.match(tail, named.end()):
        return False
    name = named.group(1)
    if name.split()[-1].lower() in edition_words(ctx.lex):
        return False
    head, own = _own_event(ctx)
    return bool(own) and not _name_words(name) & own and name.lower() not in head.lower()


def _another_event_won(before: str, ctx: Context) -> bool:
    """Whether the words before "won by" name an event by a proper name the report's own event
    does not bear ("Friday's Harrowmere Oaks for fillies, won by" in a report whose title and
    lead name the Harrowmere Derby); where they name the report's event by no name, nothing."""
    from checker.series import edition_words  # late: the series reader reads holders

    named = _NAMED_EVENT_BEFORE.search(before)
    own = _own_event(ctx)[1]
    if named is None or not own:
        return False
    rest = _name_words(named.group(1)) - own - edition_words(ctx.lex)
    return bool(rest - ctx.lex.word_set("generic_event_words"))


def _own_event(ctx: Context) -> tuple[str, frozenset[str]]:
    """The report's title and lead, and the words of the event names they give."""
    head = f"{ctx.article.title or ''} {ctx.sentences[0].text}"
    return head, _event_name_words(head, ctx.lex)


@lru_cache(maxsize=512)
def _event_name_words(head: str, lex: Lexicon) -> frozenset[str]:
    from checker.series import event_names  # late: the series reader reads holders

    return frozenset(w for name in event_names(head, lex) for w in name.split())


def _name_words(name: str) -> set[str]:
    return {w.lower().removesuffix("'s") for w in name.split() if w[:1].isupper()}


_WON_BY = LazyPattern(r"(?:was\s+)?won\s+by$", re.I)
# what was won, named: "the Coldwater Bridge TT", "the Tour of Estmark" (a name, "of" within it)
_NAMED_OBJECT = LazyPattern(r"\s*the\s+((?:[A-Z][\w'\u2019-]*\s+(?:of\s+(?:the\s+)?)?)*[A-Z][\w'\u2019-]*)")
# "Marr won that day in Vellham": a day of the event, not the event
_THAT_DAY = LazyPattern(r"\s*(?:on\s+)?that\s+day\b", re.I)
# a capitalised name of two words or more, then at most a few lower-case words, before "won by"
_NAMED_EVENT_BEFORE = LazyPattern(r"((?:[A-Z][\w'’-]+\s+)+[A-Z][\w'’-]+)(?:\s+[a-z]+){0,3},?\s*$")


def _organization_named(tokens: list[str], lex: Lexicon) -> bool:
    return bool(tokens) and tokens[-1] in lex.word_set("organization_heads")


def _a_person(words: str, ctx: Context) -> bool:
    """Whether the report names someone so: a word for a person just before the name ("the
    actress Petra Mede", "presenter Ana Ruiz")."""
    return _person_re(ctx.lex, words).search(ctx.article.text) is not None


@lru_cache(maxsize=256)
def _person_re(lex: Lexicon, words: str) -> re.Pattern[str]:
    return compile_pattern(
        rf"\b(?:{phrase_alternation(lex.words('person_nouns'))})\s+{re.escape(words)}\b", re.I
    )


def _entity(words: str, stop: frozenset[str], ctx: Context) -> tuple[Any, str] | None:
    """The entity a run of words names, with its words: the run ends with it and what stands
    before it only dates or introduces it ("On Saturday Sweden", "the United Nations")."""
    mentions = ctx.lex.find_entities(words)
    if not mentions or mentions[-1][1] != len(words.rstrip()):
        return None
    start, end, entity = mentions[-1]
    if any(t not in stop for t in words[:start].split()):
        return None
    return entity, words[start:end]


KIND = HolderKind()
