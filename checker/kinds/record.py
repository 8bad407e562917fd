"""Record: how often a subject (a country, a team, a person) has had one outcome over a series'
history, as of the occurrence reported: "has won the contest a record seven times", "have
finished in last place three times", "five last-place finishes since 2004", "Kenya's ninth
win", "a three-time champion", "has never won" (0).

The value is the count as a range, and the part of the history it covers: all of it, the
editions since a year, or the last N. A count over a part bounds the count over a whole that
holds it from below ("five since 2004" makes "three in all" wrong, not "five in all"); counts
over parts that do not hold one another are never compared.

A report may count before this edition's result (a preview, "had won five times before") or
after it ("its sixth win"), so a cardinal count N says the count including this edition is N or
N + 1; an ordinal ("its sixth win", of the edition reported) says it is N. The outcome words are
data (checker/data/<language>/records.yaml); the subject is who the sentence says has the
record, through an aside or a relative clause ("Norway, which ..., has finished last three
times"): a person, a country, or a team or party named right before its verb."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.base import Draft, piece_around, sentence_frame
from checker.extract.generic import QUALIFIERS, avoided, category_key, clause_of, interval, named_within
from checker.extract.subjects import Subject, stage_key, subject_right_before, subject_starting_at
from checker.kinds import Kind
from checker.lexicon import phrase_alternation
from checker.models import Claim
from checker.series import event_names
from checker.stages import named_stage
from checker.text import LazyPattern, key_words, look
from checker.wording import name_key

if TYPE_CHECKING:
    from checker.extract.base import Context
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Numbers, Sentence

WHOLE = ("", 0)  # the part of the history a count covers: all of it


class Record(Kind):
    name = "record"
    summary = "how often a subject has had an outcome, over all or part of the history: 5, 3 since 2010"

    def json(self, claim: Claim) -> Any:
        low, high, part, bound = claim.value
        out: dict[str, Any] = {"min": int(low), "max": None if math.isinf(high) else int(high)}
        return {**out, part: bound} if part else out

    def compact(self, claim: Claim) -> str:
        return f"{claim.detail('number')}{_part_words(claim.value)}"

    def label(self, claim: Claim) -> str:
        """The words as written, with the part of the history they count where those leave
        it out ("five last-place finishes since 2004")."""
        part = _part_words(claim.value)
        told = part.strip() in claim.display or (
            claim.value[2] == "last" and _LAST_TOLD.search(claim.display)
        )
        return claim.display if told else f"{claim.display}{part}"

    def compatible(self, a: Any, b: Any) -> bool:
        """The count over a part of the history is at most the count over a whole that holds
        it; counts over one part overlap; parts that do not hold one another say nothing."""
        if a[2:] == b[2:]:
            return a[0] <= b[1] and b[0] <= a[1]
        if _holds(a[2:], b[2:]):
            return a[1] >= b[0]
        if _holds(b[2:], a[2:]):
            return b[1] >= a[0]
        return True

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        keys, skeleton = _gate(ctx.numbers, ctx.lex)
        return look(text).any_of(keys) and skeleton.search(text) is not None

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        text = sentence.text
        if sentence_frame(text, ctx.numbers) != (None, {}) or _framed(text):
            return  # "In 2010, Peru had won twice": the record as of another edition
        taken: list[tuple[int, int]] = []
        for found in _found(text, ctx):
            if any(a < found.end and found.start < b for a, b in taken):
                continue
            draft = _draft(text, found, ctx, family)
            if draft is not None:
                taken.append((found.start, found.end))
                yield draft


def _holds(wide: tuple[str, int], narrow: tuple[str, int]) -> bool:
    """Whether one part of the history holds another: all of it holds every part; the
    editions since 2004 hold those since 2010; the last five hold the last three."""
    if wide == WHOLE:
        return True
    return wide[0] == narrow[0] and (wide[1] <= narrow[1] if wide[0] == "since" else wide[1] >= narrow[1])


# "four of the last five contests": words that tell the last N counted themselves
_LAST_TOLD = LazyPattern(r"\b(?:last|past|previous)\s+\S+\s+\w", re.I)


def _part_words(value: tuple[Any, ...]) -> str:
    part, bound = value[2:]
    if part == "since":
        return f" since {bound}"
    return f" in the last {bound}" if part == "last" else ""


@dataclass(frozen=True, slots=True)
class Found:
    """A count as read: its outcome, number, whether it is an ordinal, where it stands, and
    how its subject is found (before a verb, a possessive, a name beside an N-time title, a
    name after "for" or "by")."""

    outcome: str
    number: int
    start: int
    end: int
    anchor: int  # where the subject's words end (a verb's auxiliary, a possessive) or begin
    how: str  # "verb", "possessive", "title", "after" (named next: "a ninth win for Kenya")
    ordinal: bool = False
    qualifier: str = "exact"
    noun: bool = False  # read from a noun ("seven wins", "her third title"), not a verb
    last: int = 0  # "four of the last five elections": the part of the history counted


def _found(text: str, ctx: Context) -> Iterator[Found]:
    for pattern, read in _readers(ctx.numbers, ctx.lex):
        for m in pattern.finditer(text):
            found = read(m, ctx)
            if found is not None:
                yield found


# -- the shapes a record is written in ------------------------------------------------------------

_AUX = r"(?P<aux>\b(?:has|have|had)|['’](?:s|ve|d))\s+"
_ADVERBS = r"(?:(?:also|now|already|only|previously|so far|since|ever|before|actually|once)\s+){0,2}"
_OBJECT = r"(?P<obj>(?:\s+(?!(?:and|but|or|than|who|which|that|since|before)\b)[\w'’-]+){0,5}?)"


# a count's lower bound said ("more than five times", "at least twice"), read as generic.QUALIFIERS reads it
_RECORD_QUALIFIERS = ("more than", "at least")
_QUALIFIED = rf"(?:(?P<qual>{'|'.join(_RECORD_QUALIFIERS)})\s+)?(?:a\s+(?:record|total\s+of)\s+)?"
_LAST = r"(?:the|its|their)\s+(?:last|past|previous)\s+"
_ADJECTIVES = r"(?P<adj>(?:(?:previous|prior|earlier|career|all-time|overall|(?-i:[A-Z])[\w’'-]*)\s+){0,2})"
_OWNER = r"(?P<poss>['’]s|\bits|\btheir|\bher|\bhis)"
_HAD = (
    r"\b(?:has|have|had)(?:\s+(?:now|also|already))?"
    r"(?:\s+(?:had|won|claimed|collected|amassed|racked up|notched up|chalked up|recorded))?"
)
# "twice as many points", "three times more": a ratio, not a count
_NO_RATIO = r"(?!\s+(?:as|more|fewer|less|over|again)\b)"
# "five entries finish last", "three appearances that ended in the final": the noun is the
# subject of another outcome, not the one counted
_NOUN_END = r"(?!\s+(?:finish\w*|come|came|end\w*|plac\w*|reach\w*|qualif\w*|win|won|that|which|who|to)\b)"
_A_RECORD = r"(?:a\s+)?(?:record\s+|total\s+of\s+)?"
_WITH = r"(?P<with>\bholds? the record with|,\s+with)"
# what may follow "has never won": the end of its clause, or a word that ends the phrase
_NEVER_END = r"(?=\s*(?:[,.;:]|$|\s+(?:and|but|before|since|in (?:its|their) history)\b))"


@cache
def _readers(n: Numbers, lex: Lexicon) -> tuple[tuple[re.Pattern[str], Any], ...]:
    verbs = _alternation(lex, "record_outcome_verbs")
    nouns = _alternation(lex, "record_outcome_nouns")
    ones = _alternation(lex, "record_outcome_noun_ones")
    titles = _alternation(lex, "record_outcome_titles")
    times = (
        rf"{_QUALIFIED}(?:(?P<n>{n.cardinal})\s+times|(?P<w>twice|thrice|once)|on\s+(?P<oc>{n.cardinal})\s+occasions)"
        rf"{_NO_RATIO}"
    )
    # "in four of the last five contests": the editions of the series, not "its last ten matches"
    editions = phrase_alternation(lex.words("record_part_nouns"))
    part = rf"(?:in\s+)?(?P<pn>{n.cardinal})\s+of\s+{_LAST}(?P<pm>{n.cardinal})\s+(?:{editions})"
    verb = rf"{_AUX}{_ADVERBS}(?:been\s+)?(?P<verb>{verbs})\b{_OBJECT}"
    never = rf"{_AUX}never\s+(?:been\s+)?(?P<verb>{verbs})\b{_OBJECT}{_NEVER_END}"
    ordinal = rf"(?:record(?:-[a-z]+)?\s+)?(?P<o>{n.ordinal})\s+{_ADJECTIVES}(?P<noun>{ones})\b"
    counted = rf"{_A_RECORD}(?P<n>{n.cardinal})\s+{_ADJECTIVES}(?P<noun>{nouns})\b{_NOUN_END}"
    return (
        (compile_pattern(rf"{verb}\s+(?:{times}|{part})\b", re.I), _by_verb),
        (compile_pattern(never, re.I), _never),
        (compile_pattern(rf"(?:{_OWNER}|(?P<had>{_HAD})|{_WITH})\s+{counted}", re.I), _by_noun),
        (compile_pattern(rf"{_OWNER}\s+{ordinal}", re.I), _by_ordinal),
        (compile_pattern(rf"(?<![\w-])(?P<n>{n.cardinal})-times?\s+(?P<noun>{titles})\b", re.I), _by_title),
        (compile_pattern(rf"\b(?:a|an|the)\s+{_A_RECORD}{ordinal}\s+for\s+", re.I), _for_whom),
        (
            compile_pattern(
                rf"{_AUX}(?:also\s+|now\s+)?been\s+won\s+by\s+(?P<by>[^,;.]{{1,40}}?)\s+{times}\b", re.I
            ),
            _won_by,
        ),
    )


def _alternation(lex: Lexicon, key: str) -> str:
    return phrase_alternation(lex.table_words(key))


@cache
def _outcome_of(lex: Lexicon) -> dict[str, str]:
    """Every outcome word, lower-cased, to its outcome."""
    keys = (
        "record_outcome_verbs",
        "record_outcome_nouns",
        "record_outcome_noun_ones",
        "record_outcome_titles",
    )
    return {
        " ".join(str(w).lower().split()): str(outcome)
        for key in keys
        for outcome, words in (lex.vocab.get(key) or {}).items()
        for w in words
    }


def _outcome(words: str, lex: Lexicon) -> str:
    return _outcome_of(lex).get(" ".join(words.lower().split()), "")


@cache
def _gate(n: Numbers, lex: Lexicon) -> tuple[frozenset[str], re.Pattern[str]]:
    """A first look: a word every shape needs (a look at the sentence's words), then the
    shape's skeleton: "times", "never", an N-time title, a plural outcome noun, or an ordinal
    before a singular one."""
    plural = _alternation(lex, "record_outcome_nouns")
    ones = _alternation(lex, "record_outcome_noun_ones")
    keys = key_words(
        ("times", "twice", "thrice", "once", "occasions", "never", "time", "last", "past", "previous")
    )
    nouns = [w for k in ("record_outcome_nouns", "record_outcome_noun_ones") for w in lex.table_words(k)]
    skeleton = (
        r"\b(?:times|twice|thrice|once|occasions|never|of (?:the|its|their) (?:last|past|previous))\b"
        r"|\w-times?\b"
        rf"|\b(?:{plural})\b|\b{n.ordinal}\s+(?:\S+\s+){{0,2}}?(?:{ones})\b"
    )
    return keys | key_words(nouns), compile_pattern(skeleton, re.I)


def _count(m: re.Match[str], ctx: Context) -> int | None:
    word = (m.group("w") or "").lower()
    if word:
        return {"once": 1, "twice": 2, "thrice": 3}[word]
    return ctx.numbers.read_cardinal(m.group("n") or m.group("oc"))


def _by_verb(m: re.Match[str], ctx: Context) -> Found | None:
    outcome = _outcome(m.group("verb"), ctx.lex)
    if not outcome or not _fits_object(m, outcome, ctx):
        return None
    if m.group("pn"):
        number, last = ctx.numbers.read_cardinal(m.group("pn")), ctx.numbers.read_cardinal(m.group("pm"))
        if number is None or not last or number > last:
            return None
        return Found(outcome, number, m.start("verb"), m.end(), m.start("aux"), "verb", last=last)
    number = _count(m, ctx)
    if number is None:
        return None
    qualifier = QUALIFIERS.get((m.group("qual") or "").lower(), "exact")
    return Found(outcome, number, m.start("verb"), m.end(), m.start("aux"), "verb", qualifier=qualifier)


def _never(m: re.Match[str], ctx: Context) -> Found | None:
    outcome = _outcome(m.group("verb"), ctx.lex)
    if not outcome or not _fits_object(m, outcome, ctx, strict=True):
        return None
    return Found(outcome, 0, m.start("aux"), m.end(), m.start("aux"), "verb")


def _by_noun(m: re.Match[str], ctx: Context) -> Found | None:
    outcome, number = _outcome(m.group("noun"), ctx.lex), ctx.numbers.read_cardinal(m.group("n"))
    if not outcome or number is None or not _names_series(m.group("adj").split(), m, ctx):
        return None
    if m.group("noun").lower() in ctx.lex.word_set("record_nouns_after_had") and not _HAS_HAD.match(
        m.group("had") or ""
    ):
        return None  # "Peru has two entries in the final": the edition's own
    how = "possessive" if m.group("poss") else "verb"
    return Found(outcome, number, m.start("n"), m.end(), m.start(), how, noun=True)


_HAS_HAD = LazyPattern(r"(?:has|have|had)\s+(?:(?:now|also|already)\s+)?had$", re.I)


def _by_ordinal(m: re.Match[str], ctx: Context) -> Found | None:
    outcome, number = _outcome(m.group("noun"), ctx.lex), ctx.numbers.read_ordinal(m.group("o"))
    if not outcome or not number or not _names_series(m.group("adj").split(), m, ctx):
        return None
    return Found(outcome, number, m.start("o"), m.end(), m.start(), "possessive", ordinal=True, noun=True)


def _for_whom(m: re.Match[str], ctx: Context) -> Found | None:
    """ "a ninth win for Kenya": the count of the edition reported, for whom it names next."""
    outcome, number = _outcome(m.group("noun"), ctx.lex), ctx.numbers.read_ordinal(m.group("o"))
    if not outcome or not number or not _names_series(m.group("adj").split(), m, ctx):
        return None
    return Found(outcome, number, m.start("o"), m.end("noun"), m.end(), "after", ordinal=True, noun=True)


def _won_by(m: re.Match[str], ctx: Context) -> Found | None:
    """ "the contest has been won by Ireland seven times": the event's winner, named after "by"."""
    if not _event_before(ctx.lex).search(m.string, 0, m.start()):
        return None
    number = _count(m, ctx)
    if number is None:
        return None
    return Found("win", number, m.start("aux"), m.end(), m.start("by"), "after")


@cache
def _event_before(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(rf"\b(?:{_events(lex)}|it|which)\s*,?\s*$", re.I)


def _by_title(m: re.Match[str], ctx: Context) -> Found | None:
    outcome, number = _outcome(m.group("noun"), ctx.lex), ctx.numbers.read_cardinal(m.group("n"))
    if not outcome or not number:
        return None
    # "a four-time winner of the Berlin Marathon": the record of another event
    event = _TITLE_OF.match(m.string, m.end())
    if event is not None and not _own_words(event.group(1).split(), ctx, (m.string, m.start(), event.end())):
        return None
    return Found(outcome, number, m.start(), m.end(), m.start(), "title")


_TITLE_OF = LazyPattern(r"\s+(?:of|at|in)\s+(?:the\s+)?((?:[A-Z][\w’'-]*\s*)+)")


def _fits_object(m: re.Match[str], outcome: str, ctx: Context, strict: bool = False) -> bool:
    """What the verb's object may be: for a win, the series' own event, title or prize
    ("won the contest", "won it", "won gold", "won Eurovision"), never another thing won ("a
    medal", "the world title"); capitalised words name the event the report is about."""
    words = m.group("obj").split()
    if not words:
        return True
    objects = ctx.lex.word_set("record_win_objects")
    lower = [w.strip(",.").lower() for w in words if not w[:1].isupper()]
    if (outcome in _OWN_OBJECT or strict) and not all(
        w in objects or w in _GLUE or _category(w, ctx) for w in lower
    ):
        return False
    return _own_words(words, ctx, (m.string, m.start(), m.end()))


_OWN_OBJECT = frozenset({"win", "host"})  # outcomes whose object must be the series' own
_GLUE = frozenset("the a an its their her his in at".split())


def _category(word: str, ctx: Context) -> bool:
    return category_key(word, ctx.lex) != ""


_LEAD_SENTENCES = 3


def _names_series(words: list[str], m: re.Match[str], ctx: Context) -> bool:
    """Capitalised words before an outcome noun name the competition counted: this series
    only where they are words of the event that the report's title or lead names, elsewhere
    than in the count itself ("Sweden's sixth Eurovision win" in a report of the Eurovision
    Song Contest); any other ("her 23rd Grand Slam title", "her seventh Wimbledon title" in a
    report of another event) counts another competition's."""
    named = [_POSSESSIVE.sub("", w.strip(",.")).lower() for w in words if w[:1].isupper()]
    if not named:
        return True
    own = _series_words(ctx, m.string, m.start(), m.end())
    plain = _plain_name_words(ctx.lex)
    return all(w in own or w in plain for w in named) and any(w in own for w in named)


def _series_words(ctx: Context, text: str, start: int, end: int) -> frozenset[str]:
    """The words of the events the title and the lead name ("the Lakeside City Marathon":
    "lakeside"; "Eurovision 2023": "eurovision"), the count's own words left out."""
    parts = [ctx.article.title or ""]
    for s in ctx.sentences[:_LEAD_SENTENCES]:
        parts.append(f"{text[:start]} {text[end:]}" if s.text == text else s.text)
    return frozenset(w for part in parts for name in event_names(part, ctx.lex) for w in name.split())


@cache
def _plain_name_words(lex: Lexicon) -> frozenset[str]:
    """Words an event's name may hold that name no event ("City", "Grand", "Open")."""
    return frozenset(w.lower() for key in ("generic_event_words", "not_name_words") for w in lex.words(key))


def _own_words(words: list[str], ctx: Context, count: tuple[str, int, int]) -> bool:
    """Capitalised words of an object are the event the report is about: its title or its
    lead names them ("won Eurovision", "won the Lakeside Marathon") elsewhere than in the
    count itself (text, start, end: "has won the Boston Marathon three times" in a lead names
    another race); a byline or a dateline may stand first, so the lead is its first sentences."""
    text, start, end = count
    lead = " ".join(
        f"{text[:start]} {text[end:]}" if s.text == text else s.text for s in ctx.sentences[:_LEAD_SENTENCES]
    )
    head = f"{ctx.article.title or ''} {lead}"
    named = [re.sub(r"['’]s$", "", w.strip(",.")) for w in words if w[:1].isupper()]
    return all(_word_re(w).search(head) for w in named if w)


@lru_cache(maxsize=4096)
def _word_re(word: str) -> re.Pattern[str]:
    return compile_pattern(rf"\b{re.escape(word)}\b")


# -- where the count stands: its subject, the part of the history, other editions ---------------


def _draft(text: str, found: Found, ctx: Context, family: Family) -> Draft | None:
    a, b, _ = clause_of(text, found.start, found.end)
    piece = piece_around(text, found.start, found.end, a, b)
    if avoided(family, piece) or _other_time(piece) or _told_of_then(text, found):
        return None
    if found.ordinal and _DATED_AFTER.match(text, found.end):
        return None  # "Ireland's seventh win, in 1996,": the count of a past edition
    part = _part(text, found, ctx)
    if part is None:
        return None
    who = _subject(text, found, a, ctx)
    if who is None or (found.noun and _career(text, found, who, ctx)):
        return None
    low, high = _range(found)
    where = category_key(piece, ctx.lex) + _stage(piece, found, ctx)
    return Draft(
        family=family.name,
        slot=f"{family.name}:{who.key}:{found.outcome}{where}",
        value=(low, high, *part),
        display=text[_display_start(text, found, who) : found.end],
        span=(found.start, found.end),
        qualifier=found.qualifier,
        extra={"number": found.number, "outcome": found.outcome, "subject": who.name},
    )


def _stage(piece: str, found: Found, ctx: Context) -> str:
    """The stage a count is kept to: one before the edition's last ("last in the semi-final");
    for entries, any stage ("her second appearance in the final" counts finals reached)."""
    if found.outcome != "entry":
        return stage_key(piece, ctx.lex)
    stage = named_stage(piece, ctx.lex)
    return f":{stage.label}" if stage is not None else ""


def _career(text: str, found: Found, who: Subject, ctx: Context) -> bool:
    """A person's "third title" or "12 victories" is most often counted over a career of many
    events: it is this series' only where the words name it ("her third Lakeside title", "his
    ninth win in the race")."""
    if ctx.lex.entity(who.name) is not None:
        return False
    named = re.search(r"\s(?-i:[A-Z])", text[found.start : found.end]) is not None
    return not (named or _event_named_after(ctx.lex).match(text, found.end))


@cache
def _event_named_after(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(rf"\s+(?:here\b|(?:in|at|of)\s+(?:the|this)\s+(?:{_events(lex)})\b)", re.I)


@cache
def _events(lex: Lexicon) -> str:
    """Nouns of a recurring event ("contest", "race", "festival"), as one alternation."""
    return phrase_alternation(lex.words("recurring_nouns") + lex.words("edition_nouns"))


def _display_start(text: str, found: Found, who: Subject) -> int:
    """A possessive count is shown with its owner ("Kenya's ninth win", "its third title")."""
    if found.how != "possessive":
        return found.start
    return who.start if text.startswith(("'s", "’s"), found.anchor) else found.anchor


def _range(found: Found) -> tuple[float, float]:
    """The count including the edition reported: an ordinal of it is exact; a cardinal may be
    said before its result or after it (N or N + 1)."""
    if found.qualifier != "exact":
        return interval(found.number, found.qualifier)
    return (found.number, found.number) if found.ordinal else (found.number, found.number + 1)


_SINCE_YEAR = LazyPattern(r"\bsince\s+((?:19|20)\d\d)\b", re.I)
# "in the last five contests": the part of the history counted, when its noun is one of the
# series' editions (records.yaml); in the last N of anything else, or in a person's last N ("in
# her last five races", of a career), the count is not the series'
_LAST_N = LazyPattern(r"\bin\s+(the|its|their|her|his)\s+(?:last|past|previous)\s+(\w+)\s+([\w-]+)", re.I)
# a year said of something else than the count's start ("most recently in 1998") is no bound
_OTHER_YEAR = LazyPattern(
    r"(?<!recently )(?<!last )(?<!latest )(?<!first )"
    r"\b(?:by|in|until|till|through|before|between|from|as of|during|after)\s+(?:the\s+)?(?:19|20)\d\d",
    re.I,
)
_OTHER_TIME = LazyPattern(
    r"\b(?:last year|that year|the year before|at the time|back then|by then|then|this season|"
    r"this century|this decade|in the (?:19|20)\d0s|\d0s|at home|on home soil|away from home|"
    r"(?:past|last|recent)\s+(?:decade|century|few|couple)|recent years)\b",
    re.I,
)


_DATED_AFTER = LazyPattern(
    r"\s*(?:,\s*)?(?:(?:back\s+)?in\s+(?:the\s+)?(?:19|20)\d\d|\(\s*(?:19|20)\d\d\s*\))"
)
_PAST_PERFECT = LazyPattern(r"(?:had|['’]d)\b", re.I)
_BEFORE_NOW = LazyPattern(r"\s+(?:before|previously|until now|prior to this year)\b", re.I)
_THEN = LazyPattern(r"\b(?:(?:19|20)\d\d|when|at the time)\b", re.I)


def _told_of_then(text: str, found: Found) -> bool:
    """ "When the contest came to Arden in 1998, Norway had won twice": a past perfect in a
    sentence set at another time counts as of then; "had won three times before" counts up
    to this edition."""
    if not _PAST_PERFECT.match(text, found.anchor) or _BEFORE_NOW.match(text, found.end):
        return False
    return _THEN.search(text) is not None


_OPENING = LazyPattern(r"\s*([^,]{1,60}),")
_SPAN_WORDS = LazyPattern(r"\b(?:last|past|previous|recent|over|during|between|until|by)\b", re.I)


def _framed(text: str) -> bool:
    """A sentence that opens with a time of its own ("In the last decade, ...", "By then,"):
    its counts are over that time, not the history ("Since 2004," is read as a part)."""
    opening = _OPENING.match(text)
    if opening is None or _SINCE_OPENING.match(text):
        return False
    return _other_time(opening.group(1)) or _SPAN_WORDS.search(opening.group(1)) is not None


def _other_time(piece: str) -> bool:
    """A count as of another time ("by 2010", "at the time", "in the 1990s")."""
    return _OTHER_YEAR.search(piece) is not None or _OTHER_TIME.search(piece) is not None


_TAIL_END = LazyPattern(r"[,;.:]|\s(?:and|but|while|whereas|when|as)\s", re.I)
_SINCE_OPENING = LazyPattern(r"\s*Since\s+((?:19|20)\d\d)\s*,", re.I)


def _part(text: str, found: Found, ctx: Context) -> tuple[str, int] | None:
    """The part of the history a count covers, from the words right after it ("five
    last-place finishes since 2004") or a sentence's opening ("Since 2004, ..."): ("since",
    2004), ("last", 5), all of it (WHOLE), or None where its start is not told ("since then")."""
    if found.last:
        return ("last", found.last)
    cut = _TAIL_END.search(text, found.end)
    tail = text[found.end : cut.start() if cut else len(text)]
    opening = _SINCE_OPENING.match(text)
    years = {int(y) for y in _SINCE_YEAR.findall(tail)} | ({int(opening.group(1))} if opening else set())
    if len(years) > 1:
        return None
    if years:
        return ("since", years.pop())
    m = _LAST_N.search(tail)
    if m:
        count = ctx.numbers.read_cardinal(m.group(2))
        own = m.group(1).lower() not in ctx.lex.word_set("record_career_owners") and m.group(
            3
        ).lower() in ctx.lex.word_set("record_part_nouns")
        return ("last", count) if count and own else None
    if re.search(r"\bsince\b", tail, re.I) and not ctx.lex.phrase_re("record_whole_history").search(tail):
        return None  # "since then", "since it last won": a part whose start is not told
    return WHOLE


def _subject(text: str, found: Found, a: int, ctx: Context) -> Subject | None:
    who = _named(text, found, a, ctx)
    return None if who is None else _as_written(text, who, ctx)


def _as_written(text: str, who: Subject, ctx: Context) -> Subject:
    """The subject as its words name it: a one-word name the report ties to a country
    ("Sweden's Loreen has won twice") is the performer's, whose record is not her country's;
    a possessive is no part of a name ("three-time winner Amos Kiprop's coach")."""
    written = text[who.start : who.end]
    if ctx.lex.entity(who.name) is not None and ctx.lex.entity(written) is None:
        name = _POSSESSIVE.sub("", written)
        return Subject(name_key(name), name, who.start, who.start + len(name))
    if _POSSESSIVE.search(who.key):
        name = _POSSESSIVE.sub("", who.name)
        return Subject(_POSSESSIVE.sub("", who.key), name, who.start, who.start + len(name))
    return who


_POSSESSIVE = LazyPattern(r"['’]s$")


def _named(text: str, found: Found, a: int, ctx: Context) -> Subject | None:
    if found.how == "title":
        return _titled(text, found, ctx)
    if found.how == "possessive":
        return _owner(text, found, ctx)
    if found.how == "after":
        who = subject_starting_at(text, found.anchor, len(text), ctx)
        return who if who is not None and who.start - found.anchor <= 4 else None
    # "Eurovision has had 41 entries": a name that is no person or country may be the event's
    who = _before_verb(text, found.anchor, a, ctx, teams=not found.noun)
    # "Peru, Chile and Norway have won three times": the last of a list is not the subject
    return None if who is None or _listed(text, who, ctx) else who


def _listed(text: str, who: Subject, ctx: Context) -> bool:
    """Whether a subject ends a list of names ("Peru, Chile and Norway")."""
    joint = _LISTED.search(text, 0, who.start)
    return joint is not None and subject_right_before(text, 0, joint.start(), ctx, _SPACE) is not None


_SPACE = compile_pattern(r"\s*")


_LISTED = LazyPattern(r"(?:,|\band|\bor|\bnor)\s+(?:the\s+)?$", re.I)


# what may stand between a subject and its verb: an aside or a relative clause set off by
# commas, an adverb; a relative clause's antecedent may be followed by where it competes
_BETWEEN = compile_pattern(
    r"(?:\s*,\s+[^,;]{1,120},)?\s*(?:(?:also|now|already|only|still|so far|which|who|that)\s+){0,2}"
)
_RELATIVE = LazyPattern(r",\s+(?:which|who|that)\s+$", re.I)


def _before_verb(text: str, aux: int, a: int, ctx: Context, teams: bool = True) -> Subject | None:
    """The subject of a verb: named right before it (past an aside or a relative clause);
    the antecedent of "which" or "who" it opens with; or, for a conjunct without a subject of
    its own ("..., and have finished last three times"), the sentence's opening subject."""
    who = subject_right_before(text, 0, aux, ctx, _BETWEEN)
    if who is not None and not _RELATIVE.search(text, 0, aux):
        return who
    rel = _RELATIVE.search(text[:aux])
    if rel is not None:
        named = subject_right_before(text, 0, rel.start(), ctx, _event_after(ctx.lex))
        return named or (_team(text, rel.start(), ctx) if teams else None)
    gap = text[a:aux]
    if (gap.strip() == "" and a > 0) or re.search(r"\s(?:and|but)\s+$", gap):
        return _opening(text, aux, ctx)
    return _team(text, aux, ctx) if teams else None


# a team's or a party's name right before its verb: "The Green Party has", "the Arden Tigers,"
_TEAM = LazyPattern(r"(?:^|\b[Tt]he\s+)((?!The\b)(?-i:[A-Z])[\w'’&-]*(?:\s+(?-i:[A-Z])[\w'’&-]*){0,3})\s*$")


def _team(text: str, pos: int, ctx: Context) -> Subject | None:
    """A team, a party or another body named by capitalised words right before pos, when no
    person or country is: never the event itself ("The Lakeside Marathon has had ...")."""
    m = _TEAM.search(text, 0, pos)
    if m is None:
        return None
    name, start = m.group(1), m.start(1)
    last = name.split()[-1].lower()
    if re.fullmatch(_events(ctx.lex), last, re.I) or last in ctx.lex.word_set("record_not_team_heads"):
        return None
    if start == 0 and " " not in name and not named_within(ctx.article.text, name):
        return None  # "Officials have hosted ...": a sentence's first word, capitalised as such
    owned = _OWNED.match(name)
    if owned is not None and ctx.lex.entity(owned.group(1)) is not None:
        # "Australia's Dami Im has finished second twice": the performer's record
        name, start = owned.group(2), start + owned.start(2)
        return Subject(name_key(name), name, start, start + len(name))
    return Subject(" ".join(name.lower().split()), name, start, m.end(1))


_OWNED = LazyPattern(r"(.+?)['’]s\s+(.+)")


@cache
def _event_after(lex: Lexicon) -> re.Pattern[str]:
    """ "Norway at the contest, which has had ...": the event is where the antecedent competes."""
    return compile_pattern(rf"(?:\s+(?:at|in)\s+the\s+(?:[\w'’-]+\s+){{0,2}}?(?:{_events(lex)}))?\s*", re.I)


# what may stand between a subject and the count it has: anything, nothing, an apposition's article
_ANY_GAP = compile_pattern(r"[\s\S]*")
_NO_GAP = compile_pattern(r"")
_APPOSITION = compile_pattern(r",\s+(?:a|the)\s+", re.I)


def _opening(text: str, pos: int, ctx: Context) -> Subject | None:
    """The subject a sentence opens with, when it is the only one named before pos."""
    first = subject_starting_at(text, 0, pos, ctx)
    last = subject_right_before(text, 0, pos, ctx, _ANY_GAP)
    if first is None or last is None or first.key != last.key:
        return None
    return first


def _owner(text: str, found: Found, ctx: Context) -> Subject | None:
    """Whose count a possessive says: the name it ends ("Kenya's ninth win"), else, for
    "its", "their", "her" or "his", the sentence's opening subject of the fitting sort."""
    word = text[found.anchor : found.anchor + 6].lower()
    if word.startswith(("'s", "’s")):
        return subject_right_before(text, 0, found.anchor, ctx, _NO_GAP)
    who = _opening(text, found.anchor, ctx)
    if who is None:
        return None
    who = _as_written(text, who, ctx)
    is_person = ctx.lex.entity(who.name) is None
    return who if is_person == word.startswith(("her", "his")) else None


def _titled(text: str, found: Found, ctx: Context) -> Subject | None:
    """ "three-time winner Ana Ruiz", "Ana Ruiz, a three-time champion,"."""
    after = subject_starting_at(text, found.end, min(len(text), found.end + 60), ctx)
    if after is not None and after.start - found.end <= 2:
        return after
    return subject_right_before(text, 0, found.start, ctx, _APPOSITION)


KIND = Record()
