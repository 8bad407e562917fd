"""Title: the title of the work an entrant brings to a contest, a festival or a prize (a song, a
film, a book), keyed by whom it belongs to. Generic reader: a title in quotation marks or bare
in title case ("Sound of the River", "Dance (Our Own Party)") after one of the family's nouns
("his ballad Nothing But Rain", "Peru won with the track Rio de Sal", "the film “The Quiet Hour”
by Ivo Marek") or verbs ("who sang “Golden Hour”"), after an act's name ("Tomas Berg's Golden
Hour,"), or before "sung by" an act. Its owner is the act the words name with it (by, a
possessive), else the subject of its clause (a pronoun's "his ballad" too). A bare title is
strict: it ends on a capitalised word, holds no word of an event's name, a day or a month,
starts with no country, and is no name followed by a verb of its own ("the song Lena sang")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.generic import avoided, clause_of, named_within, offsets_of
from checker.kinds import Kind
from checker.lexicon import longest_first, phrase_alternation
from checker.models import Claim
from checker.text import LazyPattern, Look, key_words, look
from checker.wording import name_key, without_accents

if TYPE_CHECKING:
    from checker.extract.base import Context, Draft
    from checker.extract.subjects import Subject
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Sentence

_QUOTE_MARKS = frozenset("\"'\u201c\u2018")
_MAX_WORDS = 10  # a quoted "title" longer than this is a quotation, not a title


class Title(Kind):
    name = "title"
    summary = "the title of an entry's work: Nothing But Rain"

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return str(claim.value)

    def label(self, claim: Claim) -> str:
        return f"“{claim.value}”"

    def compatible(self, a: Any, b: Any) -> bool:
        """One title written in another case, with or without accents or punctuation."""
        return title_key(str(a)) == title_key(str(b))

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        seen = look(text)
        if seen.any_of(_gate_keys(families, ctx.lex)) or _possessive(text):
            return True
        return any(_worth_reading(shape, text, seen, families[0], ctx.lex) for shape in ("by", "for"))

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        from checker.extract.base import Draft

        text = sentence.text
        seen: set[int] = set()
        for found in _found(text, index, ctx, family):
            if found.start in seen:
                continue
            seen.add(found.start)
            a, b, clause = clause_of(text, found.shown[0], found.shown[1])
            if avoided(family, _blank(clause, found.start - a, found.end - a)):
                continue
            year = _year_named(text, a, b, found)
            if year is None:
                continue  # two years in one clause: which one the work is of, it does not say
            yield Draft(
                family=family.name,
                slot=f"{family.name}:{found.owner.key}",
                value=found.title,
                display=text[found.shown[0] : found.shown[1]],
                span=found.shown,
                year_offsets=offsets_of(text, found.shown[0], found.shown[1], a, b, ctx),
                extra={
                    "subject": found.owner.name,
                    **({"country": found.owner.country} if found.owner.country else {}),
                    **({"shared_country": True} if found.owner.shared else {}),
                    **({"year": year} if year else {}),
                    **_own_quotes(sentence, found),
                },
            )


def _own_quotes(sentence: Sentence, found: Found) -> dict[str, bool]:
    """A claim that opens with its title's quotation marks is the report's own words, not a
    quotation, unless those words stand inside one ("“Paper Moon”, sung by Lena Holt")."""
    start = found.shown[0]
    opens = start == found.start and sentence.text[start : start + 1] in _QUOTE_MARKS
    return {"spelling_only": True} if opens and not (start and sentence.is_quoted(start - 1)) else {}


def title_key(title: str) -> str:
    """A title folded for matching: no accents, no case, no punctuation, "&" read as "and"
    ("Salt & Iron" is "Salt and Iron")."""
    folded = without_accents(title.replace("&", " and ")).casefold()
    return " ".join(re.sub(r"[^\w\s]", " ", folded.replace("'", "").replace("\u2019", "")).split())


@dataclass(frozen=True, slots=True)
class Owner:
    key: str  # what the slot is keyed by: a folded name, or a country's name in lower case
    name: str
    country: str = ""  # the country the owner is or represents, in lower case, where the report says
    shared: bool = False  # the report ties other acts to that country too


@dataclass(frozen=True, slots=True)
class Found:
    title: str
    start: int  # of the title's words
    end: int
    shown: tuple[int, int]  # the words quoted as the claim: lead words, title, its owner after
    owner: Owner


_CAP = r"[A-Z0-9\u00c0-\u00de][\w\u00c0-\u024f]*(?:['\u2019][\w\u00c0-\u024f]+)*(?:-[\w\u00c0-\u024f]+)*"
_NAME_WORD = (
    r"[A-Z\u00c0-\u00de][\w\u00c0-\u024f]*(?:['\u2019][A-Z][\w\u00c0-\u024f]*)?(?:-[\w\u00c0-\u024f]+)?"
)
_OWNER = rf"(?<![\w'\u2019-]){_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}}"
_OWNER_RE = LazyPattern(_OWNER)
# "Ana Ruiz's Golden Hour": a name owns the capitalised words after it (a cheap first look)
_OWNED = LazyPattern(rf"{_OWNER}['\u2019]s\s+[A-Z0-9\u00c0-\u00de\"\u201c\u2018']")
_QUOTED = (
    r"\u201c[A-Z0-9\u00c0-\u00de][^\u201d\n]{0,80}\u201d"
    r"|\"[A-Z0-9\u00c0-\u00de][^\"\n]{0,80}\""
    r"|\u2018[A-Z0-9\u00c0-\u00de][^\n]{0,80}?\u2019(?![\w\u00c0-\u024f])"
    r"|(?<![\w\u00c0-\u024f])'[A-Z0-9\u00c0-\u00de][^\n]{0,80}?'(?![\w\u00c0-\u024f])"
)
# words between a determiner and a work noun ("her haunting, unconventional ballad"); never a
# word that joins phrases ("the top prize to the film"), nor an owner's ("the band Kallisto's"), nor
# a name ("France's director Lena Holt her documentary")
_MODIFIERS = (
    r"(?:(?!(?:the|a|an|his|her|their|its|of|with|to|in|on|at|for|from|by|and|or|but|that|which|who|as)\b)"
    r"(?![A-Z][a-z\u00c0-\u024f]+(?![\w'\u2019-]))"
    r"[\w\u00c0-\u024f-]+(?:['\u2019](?!s\b)[\w\u00c0-\u024f]+)*,?\s+){0,4}?"
)
# "Polina Ruiz, who sang an English-language number called ...": the name before "who" owns it
_WHO = LazyPattern(r",\s+(?:who|which)\s+(?:[a-z][\w-]*\s+){0,3}$")
# a name inside a phrase of place or of a rival ("in Tel Aviv", "in Malmo, Sweden", "beat Peru")
# is not whose the work is
_PLACED = LazyPattern(
    r"\b(?i:in|at|from|to|of|with|for|by|on|over|near|against|than|behind|beat|beating|beats|"
    r"ahead\s+of)\s+(?:the\s+)?(?:[A-Z][\w'\u2019\u00c0-\u024f-]*,?\s+){0,3}$"
)
_RIVAL = LazyPattern(
    r"\b(?i:beat|beating|beats|defeated|defeating|edged|edging|pipped|over|than|against|behind|"
    r"ahead\s+of)\s+(?:the\s+)?(?:[A-Z][\w'\u2019\u00c0-\u024f-]*,?\s+){0,3}$"
)
_YEAR = LazyPattern(r"(?:19|20)\d\d")
_PRONOUN = LazyPattern(r"(?i:his|her|their|its)")

# after a title that an act's name owns: the clause goes on, or ends ("Golden Hour, and so it
# did"); a lower-case noun after it would make the capitalised words its modifier ("Ruiz's New
# York debut")
_OWNED_END = LazyPattern(
    r"\s*(?:[,.;:!?)\u2014\u2013]|$|\s(?:and|or|but|was|is|were|won|which|that|when|as|with|for|from|in|on|at|to|by)\b)"
)
_CLAUSE_END = LazyPattern(r"[;:\u2014\u2013]|\s-\s")


@cache
def _patterns(family: Family, lex: Lexicon) -> dict[str, re.Pattern[str]]:
    """The shapes a title is read in: after a noun, a noun that takes only a quoted title, a
    verb; owned by a name; before "sung by" (a quoted one before "by", or won for); before a
    noun."""
    function = "|".join(longest_first(re.escape(w) for w in lex.words("title_function_words")))
    bare = rf"{_CAP}(?:(?:\s+(?:{function}))*\s+{_CAP}){{0,8}}(?:\s+\([A-Z0-9][^()\n]{{0,40}}\))?"
    title = rf"(?P<title>{_QUOTED}|(?P<bare>{bare}))"
    lead = rf"(?:(?P<det>\b(?i:the|a|an|his|her|their|its))|(?P<owner>{_OWNER})['\u2019]s?)\s+{_MODIFIERS}"
    named = r",?(?:\s+(?:called|titled|entitled|named),?)?\s+"
    nouns, leads = phrase_alternation(family.nouns), phrase_alternation(family.lead_nouns)
    verbs = phrase_alternation(family.verbs)
    return {
        "noun": compile_pattern(rf"{lead}(?P<noun>{nouns}){named}{title}"),
        "lead": compile_pattern(rf"{lead}(?P<noun>{leads}){named}(?P<title>{_QUOTED})"),
        # "sang a heartfelt 'Amar'", not "sang A Million Voices" (its "A" is the title's)
        "verb": compile_pattern(
            rf"\b(?P<verb>{verbs})\s+(?:(?:a|an|the|his|her|their|its)\s+{_MODIFIERS})?{title}"
        ),
        "owned": compile_pattern(rf"(?P<owner>{_OWNER})['\u2019]s\s+{title}"),
        "sung": compile_pattern(rf"(?<![\w'\u2019\u00c0-\u024f]){title}(?={_by_owner(lex)[1].pattern})"),
        # "“Paper Moon” by Lena Holt": a plain "by" after a title only where quotation marks show it
        "by": compile_pattern(rf"(?<![\w'\u2019\u00c0-\u024f])(?P<title>{_QUOTED})(?=\s+by\s+{_OWNER})"),
        # "won the prize for Prophet Song, her fifth novel": the noun after the title
        "appos": compile_pattern(
            rf"\b(?:for|with)\s+{title},\s+(?P<det>his|her|their|its|a|an|the)\s+{_MODIFIERS}(?P<noun>{nouns})\b"
        ),
        # "won the Golden Heron for “The Quiet Hour”": a win for a quoted work
        "for": compile_pattern(
            rf"\b(?i:{phrase_alternation(lex.words('work_award_verbs'))})\b[^.;:\"\u201c]{{0,80}}?\bfor\s+(?P<title>{_QUOTED})"
        ),
    }


def _found(text: str, index: int, ctx: Context, family: Family) -> Iterator[Found]:
    seen = look(text)
    for shape, pattern in _patterns(family, ctx.lex).items():
        if not _worth_reading(shape, text, seen, family, ctx.lex):
            continue
        for m in pattern.finditer(text):
            found = _reading(text, index, m, shape, ctx, family)
            if found is not None:
                yield found


def _worth_reading(shape: str, text: str, seen: Look, family: Family, lex: Lexicon) -> bool:
    """A first look for one shape: its words are in the sentence (most sentences that have
    one shape's words have no other's)."""
    if shape == "owned":
        return _possessive(text)
    if shape == "sung":
        return seen.any_of(_maker_words(lex))
    if shape in ("by", "for"):
        quoted = f" {shape} " in text and any(mark in text for mark in _QUOTE_MARKS)
        return quoted and (shape == "by" or seen.any_of(_keys(lex.words("work_award_verbs"))))
    words = {"noun": family.nouns, "appos": family.nouns, "lead": family.lead_nouns, "verb": family.verbs}[
        shape
    ]
    return seen.any_of(_keys(words))


@cache
def _maker_words(lex: Lexicon) -> frozenset[str]:
    return frozenset(lex.words("work_maker_verbs"))


@cache
def _by_owner(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a maker named after a title by "by" or "sung by", "directed by" ...; by one of those
    verbs only)."""
    made = rf"(?:{phrase_alternation(_maker_words(lex))})\s+by"
    return (
        compile_pattern(rf",?\s+(?:{made}|by)\s+(?P<by>{_OWNER})"),
        compile_pattern(rf",?\s+{made}\s+(?P<by>{_OWNER})"),
    )


@cache
def _keys(words: tuple[str, ...]) -> frozenset[str]:
    return key_words(words)


@cache
def _gate_keys(families: tuple[Family, ...], lex: Lexicon) -> frozenset[str]:
    """The words of every shape but those of a possessive and of a plain "by" or "for"."""
    words = tuple(w for f in families for w in f.nouns + f.lead_nouns + f.verbs)
    return key_words(words) | _maker_words(lex)


def _possessive(text: str) -> bool:
    return ("'s " in text or "\u2019s " in text) and _OWNED.search(text) is not None


def _reading(
    text: str, index: int, m: re.Match[str], shape: str, ctx: Context, family: Family
) -> Found | None:
    """The title a match gives and whose it is, or None where the words are no title."""
    title, start, end = _title(text, m, ctx, _work_nouns(family))
    if not title:
        return None
    if shape == "owned" and not _owned_title(text, m, end, ctx):
        return None
    by = _by_owner(ctx.lex)[0].match(text, end)
    owner, shown_end = (_named(by.group("by"), ctx), by.end()) if by else (None, end)
    if owner is not None and owner.key == owner.country:
        return None  # "The Paris Agreement, written by France": a country sings or writes no work
    if owner is None and m.groupdict().get("owner"):
        owner = _named(m.group("owner"), ctx)
    if owner is None and shape != "owned":
        owner = _subject(text, index, m, shape, ctx)
    if (
        owner is None
        or title_key(owner.name) in title_key(title)
        or title_key(title) in title_key(owner.name)
    ):
        return None
    if shape == "for":
        category = title.split()[0] in ctx.lex.word_set("award_category_openers")
        return None if category else Found(title, start, end, (start, end), owner)
    if shape == "appos":
        # "with Ana Ruiz's Golden Hour, a ballad": the owner's name is no part of a title
        possessive = m.groupdict().get("bare") and re.search(r"['\u2019]s\b", title)
        return None if possessive else Found(title, start, end, (start, m.end()), owner)
    shown_start = m.start("owner") if shape == "owned" else m.start()
    return Found(title, start, end, (shown_start, shown_end), owner)


@cache
def _work_nouns(family: Family) -> frozenset[str]:
    return frozenset(family.nouns + family.lead_nouns)


def _title(text: str, m: re.Match[str], ctx: Context, nouns: frozenset[str]) -> tuple[str, int, int]:
    """The title's words as written (quotation marks and a comma inside them left out) and where
    they are; '' where a bare span is no title."""
    start, end = m.span("title")
    written = m.group("title")
    if not m.groupdict().get("bare"):
        inner = written[1:-1].strip().rstrip(",.;:!?").strip()
        if not inner or len(inner.split()) > _MAX_WORDS or _spoken(inner, text, end, ctx.lex):
            return "", start, end
        return inner, start, end
    written = _cut_before_by(_cut_before_not_words(_without_gloss(written, ctx.lex), ctx.lex))
    written = _cut_before_modified(written, text, start, ctx.lex, nouns)
    end = start + len(written)
    if not written or not _bare_title(written, text, end, ctx, nouns):
        return "", start, end
    return written, start, end


def _spoken(inner: str, text: str, end: int, lex: Lexicon) -> bool:
    """Whether quoted words are someone's speech, not a title: a speech verb follows them ("...,"
    she said), or they run like a sentence (five words or more, most of them in lower case and
    none of the words a title holds)."""
    if _speech_after(lex).match(text, end):
        return True
    words = inner.split()
    function = lex.word_set("title_function_words")
    lower = [w for w in words if w[:1].islower() and w not in function]
    return len(words) >= 5 and 2 * len(lower) >= len(words)


@cache
def _speech_after(lex: Lexicon) -> re.Pattern[str]:
    verbs = phrase_alternation(lex.words("speech_verbs"))
    return compile_pattern(rf"\s*,?\s*(?:[A-Za-z][\w'\u2019-]*\s+){{0,2}}?(?:{verbs})\b", re.I)


def _without_gloss(written: str, lex: Lexicon) -> str:
    """A bracketed part is the title's only in title case ("Dance (Our Own Party)"); in running
    words it glosses it ("Luz de Inverno (light of the winter)")."""
    m = re.search(r"\s+\(([^()]*)\)$", written)
    if m is None:
        return written
    function = lex.word_set("title_function_words")
    if all(w[:1].isupper() or w[:1].isdigit() or w in function for w in m.group(1).split()):
        return written
    return written[: m.start()]


def _cut_before_not_words(written: str, lex: Lexicon) -> str:
    """ "The Sea Between Us on Tuesday", "Paper Moon in 2019": a bare span ends before a
    lower-case word that leads to a day, a month, a year or an event's word."""
    function = lex.word_set("title_function_words")
    stop = _words_of(lex, "title_not_words", "title_time_words")
    tokens = written.split(" ")
    first = next((i for i, t in enumerate(tokens) if t.strip("()") in stop or _YEAR.fullmatch(t)), None)
    if first is None or first == 0 or tokens[first - 1] not in function:
        return written
    head = tokens[:first]
    while head and head[-1] in function:
        head.pop()
    return " ".join(head)


def _cut_before_by(written: str) -> str:
    """ "The Quiet Hour by Ivo Marek": a bare span ends before "by" and a name of two words or
    more (its owner); "Stand by Me" keeps its one word after it."""
    m = re.search(r"\s+by\s+(\S+\s+\S.*)$", written)
    return written[: m.start()] if m else written


def _cut_before_modified(written: str, text: str, start: int, lex: Lexicon, nouns: frozenset[str]) -> str:
    """A bare span followed by a lower-case word that does not carry its clause on modifies that
    word: its words after its last lower-case word ("Smile in the Ukrainian selection") are no
    part of the title; with none ("a Viennese waltz"), no title is left."""
    follower = re.match(r"\s+([a-z][\w-]*)", text[start + len(written) :])
    if follower is None or _goes_on(follower.group(1), lex, nouns):
        return written
    function = lex.word_set("title_function_words")
    tokens = written.split(" ")
    for cut in range(len(tokens) - 1, 0, -1):
        if tokens[cut] in function:
            head = tokens[:cut]
            while head and head[-1] in function:
                head.pop()
            return " ".join(head)
    return ""


def _goes_on(word: str, lex: Lexicon, nouns: frozenset[str]) -> bool:
    """Whether a lower-case word after a title carries its clause on ("won", "taking", "in")."""
    if word in nouns or word in lex.word_set("title_relative_verbs"):
        return False
    known = _words_of(lex, "title_followers", "title_function_words")
    return word in known or word.endswith(("ed", "ing"))


def _bare_title(written: str, text: str, end: int, ctx: Context, nouns: frozenset[str]) -> bool:
    """Whether capitalised words are a title: none a word of an event, a day or a month, not
    only words that open sentences ("The"), no country first, no adjective last ("an
    English-language number"), no person the report names, no name with a verb or a possessive
    of its own after it ("the song Lena sang", "the track Ruiz's")."""
    lex = ctx.lex
    words = re.findall(r"[\w\u00c0-\u024f-]+", written)
    if set(words) & lex.word_set("title_not_words") or re.search(r"-[a-z]+$", written):
        return False
    if written in lex.word_set("title_time_words") or re.fullmatch(r"[A-Z]{2,6}", written):
        return False  # "performed Saturday", "performed CPR": a day, an acronym
    if all(w in lex.word_set("not_name_words") or w.lower() in lex.word_set("stopwords") for w in words):
        return False
    mentions = lex.find_entities(written)
    if (mentions and mentions[0][0] == 0) or _a_persons_name(written, words, ctx):
        return False  # "Finland Monsters", "Kenya's": a country, not a title
    after = re.match(r"['\u2019]s\b|\s+([a-z][\w-]*)", text[end:])
    if after is None:
        return True
    return not after.group().startswith(("'", "\u2019")) and _goes_on(after.group(1), lex, nouns)


def _a_persons_name(written: str, words: list[str], ctx: Context) -> bool:
    """Whether capitalised words are a person's name the report gives: one word it gave as a
    surname in full before, or words whose last one it also writes
    alone more often than it writes them all ("the track Ana Ruiz ... Ruiz pulled away")."""
    from checker.extract.subjects import _ties

    if len(words) == 1:  # a surname; a stage name is tied after "song" too, so it may be a title
        return words[0] in _ties(ctx.article.text, ctx.lex)[0]
    said = ctx.article.text
    alone = len(_alone_re(words[-1]).findall(said))
    return alone > said.count(written)


def _owned_title(text: str, m: re.Match[str], end: int, ctx: Context) -> bool:
    """ "Tomas Berg's Golden Hour,": a person's name (two words or more, no country) owns a
    title only where the report speaks of works, and the title ends its phrase."""
    owner = m.group("owner")
    if len(owner.split()) < 2 or ctx.lex.find_entities(owner) or not _OWNED_END.match(text, end):
        return False
    stop = _words_of(ctx.lex, "not_name_words", "holder_not_name")
    if any(w in stop for w in owner.split()):
        return False
    return _speaks_of_works(ctx.article.text, ctx.lex)


@lru_cache(maxsize=16)  # a report's sentences ask in turn: its text, not every text
def _speaks_of_works(text: str, lex: Lexicon) -> bool:
    return lex.phrase_re("work_context_nouns").search(text) is not None


def _named(name: str, ctx: Context) -> Owner | None:
    """An owner as the words name it: a country by its name, an act by its folded name, a
    word that opens a sentence left out ("Meanwhile Ana Ruiz")."""
    stop = _words_of(ctx.lex, "not_name_words", "holder_not_name", "title_owner_openers")
    words = re.sub(r"['\u2019]s$", "", name).split()  # "Tom Baker's", as a mention may end
    while words and words[0] in stop:
        words = words[1:]
    if not words:
        return None
    name = " ".join(words)
    entities = ctx.lex.find_entities(name)
    if entities and entities[0][0] == 0 and entities[0][1] == len(name):
        entity = entities[0][2]
        country = entity.name.lower()
        return Owner(country, entity.name, country) if entity.kind == "country" else None
    key = name_key(name)
    country = _act_countries(ctx.article.text, ctx.lex).get(key, "")
    return Owner(key, name, country, country in _shared_countries(ctx.article.text, ctx.lex))


# "Ana Ruiz of Peru", "Ana Ruiz (Peru)": an act tied to the country after it
_BEFORE_COUNTRY = LazyPattern(rf"(?P<act>{_OWNER})(?:,?\s+(?:of|from|representing)\s+(?:the\s+)?|\s+\()$")


@cache
def _after_country(lex: Lexicon) -> re.Pattern[str]:
    """An act tied to the country before it: "Austria's Émile Sorel", "Peru's entrant, Ana
    Ruiz", "the Italian rock band Kallisto"; not "Ukraine's victory over Ana Ruiz"."""
    nouns = phrase_alternation(lex.words("act_nouns"))
    return compile_pattern(
        rf"(?:['\u2019]s?\s+(?:(?:[a-z][\w-]*\s+){{0,2}}(?:{nouns}),?\s+)?"
        rf"|\s+(?:[a-z][\w-]*\s+){{0,2}}(?:{nouns}),?\s+)(?P<act>{_OWNER})"
    )


@lru_cache(maxsize=16)  # a report's sentences ask in turn: its text, not every text
def _act_countries(text: str, lex: Lexicon) -> dict[str, str]:
    """The acts a report ties to one country each, by folded name: the country's, in lower case."""
    found: dict[str, set[str]] = {}
    for a, b, entity in lex.find_entities(text):
        if entity.kind != "country":
            continue
        after = _after_country(lex).match(text, b)
        before = _BEFORE_COUNTRY.search(text, max(0, a - 80), a)
        for m in (after, before):
            act = _act_words(m.group("act"), lex) if m is not None else ""
            if act and not lex.find_entities(act):
                found.setdefault(name_key(act), set()).add(entity.name.lower())
    return {act: next(iter(countries)) for act, countries in found.items() if len(countries) == 1}


def _act_words(name: str, lex: Lexicon) -> str:
    """An act's name up to a word of an event's name ("Duncan Laurence Wins Eurovision")."""
    stop = lex.word_set("title_not_words")
    words = name.split()
    cut = next((i for i, w in enumerate(words) if w in stop), len(words))
    return " ".join(words[:cut])


@lru_cache(maxsize=16)
def _shared_countries(text: str, lex: Lexicon) -> frozenset[str]:
    """Countries a report ties two acts or more to (a festival's two French films)."""
    acts = _act_countries(text, lex)
    # "Duncan Laurence Wins" in a headline and "Duncan Laurence" are one act
    own = [a for a in acts if not any(a != b and a.startswith(b + " ") for b in acts)]
    return frozenset(c for c in set(acts.values()) if sum(acts[a] == c for a in own) > 1)


def _subject(text: str, index: int, m: re.Match[str], shape: str, ctx: Context) -> Owner | None:
    """Whose a title is that its own words do not name: the name right before its verb ("Ana
    Ruiz performs 1944") or before ", who sang", else the one person or country named in its
    clause before it, not in a phrase of place (none where it names two); after a possessive
    pronoun ("; his new single"), in the sentence before its clause; in a clause about "she" or
    "the 27-year-old", the one the sentence before is about."""
    pos = m.start()
    pronoun = _PRONOUN.fullmatch(m.groupdict().get("det") or "") is not None
    a = _clause_start(text, pos)
    before = list(_OWNER_RE.finditer(text, a, pos))
    who = _WHO.search(text, a, pos)
    if (
        before
        and (who or shape == "verb")
        and not text[before[-1].end() : who.start() if who else pos].strip()
    ):
        return _named(before[-1].group(), ctx) if _a_name_here(before[-1], text, ctx) else None
    owners = _owners(_free_mentions(text[a:pos], ctx), ctx)
    if len(owners) > 1:
        return None  # "Sweden saw Finland's Kaarija and his song": whose, the words do not say
    if owners:
        return owners[0]
    lone = _LONE_SUBJECT.match(text, a, pos)
    if lone and _lone_name(lone.group(1), ctx):
        return _named(lone.group(1), ctx)  # "Loreen won with her song Tattoo"
    found = _free_mentions(text[:a], ctx) if pronoun else []
    if not found and index > 0 and _anaphor(ctx.lex).match(text):
        found = _free_mentions(ctx.sentences[index - 1].text, ctx, rivals=False)
    people = [s for s in found if ctx.lex.entity(s.name) is None]
    chosen = people[0] if people else next(iter(found), None)
    return None if chosen is None else _named(chosen.name, ctx)


def _owners(found: list[Subject], ctx: Context) -> list[Owner]:
    """The different owners mentions name, a country left out where an act of it is named."""
    owners = [o for s in found if (o := _named(s.name, ctx)) is not None]
    countries = {o.country for o in owners if o.country and o.key != o.country}
    distinct = {o.key: o for o in owners if o.key not in countries}
    return list(distinct.values())


@cache
def _anaphor(lex: Lexicon) -> re.Pattern[str]:
    """A sentence about someone the sentence before named: "She ...", "Her ...", "The
    27-year-old ...", "The folk rap group ..." (not "The jury ...")."""
    nouns = phrase_alternation(lex.words("act_nouns"))
    return compile_pattern(
        rf"\s*(?:(?:He|She|They|His|Her|Their)\b|The\s+(?:\d+-year-old\b|(?:[a-z][\w-]*\s+){{0,2}}(?:{nouns})\b))"
    )


def _a_name_here(m: re.Match[str], text: str, ctx: Context) -> bool:
    """Whether capitalised words are a name, not a word that opens the sentence ("Delegates
    sang"): two words or more, a word not at the sentence's start, one the report ties, or a
    lone name."""
    from checker.extract.subjects import _mentions

    if " " in m.group() or m.start() > 0:
        return True
    return bool(_mentions(m.group(), ctx)) or _lone_name(m.group(), ctx)


# a clause that opens with one capitalised word and a verb: "Loreen won with her song ..."
_LONE_SUBJECT = LazyPattern(r"\s*([A-Z\u00c0-\u00de][\w\u00c0-\u024f-]+)\s+[a-z]")


@cache
def _words_of(lex: Lexicon, *keys: str) -> frozenset[str]:
    """Several vocabulary lists as one set, for membership tests."""
    return frozenset().union(*(lex.word_set(k) for k in keys))


@lru_cache(maxsize=4096)
def _alone_re(word: str) -> re.Pattern[str]:
    """A word written on its own, as given ("Ruiz", "loreen" in lower case)."""
    return compile_pattern(rf"(?<![\w-]){re.escape(word)}(?![\w-])")


def _lone_name(word: str, ctx: Context) -> bool:
    """Whether one capitalised word is an act's name ("Loreen", not "Delegates"): no word of
    the lists that never name one, no country, never written in lower case in the report, and
    written inside a sentence too, not only at its start."""
    lex = ctx.lex
    stop = _words_of(lex, "not_name_words", "holder_not_name", "title_not_words")
    if word in stop or word.lower() in lex.word_set("stopwords") or lex.find_entities(word):
        return False
    said = ctx.article.text
    if _alone_re(word.lower()).search(said):
        return False
    return named_within(said, word)


def _free_mentions(region: str, ctx: Context, rivals: bool = True) -> list[Subject]:
    """The people and countries a piece names outside phrases of place or of a rival; none
    where it names a rival before the work ("Ana Ruiz beat Tomas Berg with her song"): whose
    the work is, the words do not say (a sentence before names its subject first: rivals=False)."""
    from checker.extract.subjects import _mentions

    found = _mentions(region, ctx)
    if rivals and any(_RIVAL.search(region, 0, s.start) for s in found):
        return []
    return [s for s in found if not _PLACED.search(region, 0, s.start)]


def _clause_start(text: str, pos: int) -> int:
    """Where the clause of a title's lead words starts: after the last clause break before it
    (a colon or a dash too: "Sweden took its sixth win: Ana Ruiz and her song ...")."""
    from checker.extract.base import clause_around

    a, _ = clause_around(text, pos, pos)
    breaks = [m.end() for m in _CLAUSE_END.finditer(text, a, pos)]
    return breaks[-1] if breaks else a


def _blank(clause: str, start: int, end: int) -> str:
    """The clause with the title's own words blanked: a title may hold any word ("Last Year")."""
    start, end = max(0, start), min(len(clause), end)
    return clause[:start] + " " * (end - start) + clause[end:]


def _year_named(text: str, a: int, b: int, found: Found) -> int | None:
    """The year the clause names (the title's own words left out): 0 for none, None for two."""
    clause = _blank(text[a:b], found.start - a, found.end - a)
    years = {int(y) for y in re.findall(r"(?<![\w.,-])(?:19|20)\d\d(?![\w.,-]\d)", clause)}
    if len(years) > 1:
        return None
    return years.pop() if years else 0


KIND = Title()
