"""Contribution: how many people or things a country or a body sent, deployed or pledged ("Fiji
has sent some 300 peacekeepers to Lebanon"), a count as a range like any count ("more than
600" is 601 and up), compared like one (checker/kinds/count.py).

Generic reader: a verb of sending, then the number and what it counts ("dispatched 40
inspectors", "sent a 165-member medical team"); a count had in another country ("has 300
troops in Lebanon"; not "Lebanon has 10,000 peacekeepers on the ground", perhaps hosted); a
count sent by an agent ("250 doctors sent by Fiji"). Each is keyed by who sends and by the
head class of the first noun after the number ("250 doctors, nurses and other health workers"
counts doctors). Who sends is the clause's subject (also a second clause's after ", and"): a
country or a body the lexicon knows ("Norway's navy", "the Fijian government"), a body named by
its common noun ("the council"), a name in capitals, "it" after a verb of saying ("Fiji said it
had sent"), or a description of a country ("the island nation") standing for the country the
report named last. A promise ("pledged 300 troops") is keyed apart; a count to come ("will
send", "plans to deploy"), one denied, withdrawn ("sent 300 troops home") or added ("300 more
troops"), a part of a class ("300 combat troops"), several of one key in one clause, and one
over another span or time ("since 1960", "each year", "in the 1980s") are no claims. The words
are data: checker/data/en/contributions.yaml and the family's avoid words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.cache import compile_pattern
from checker.extract.base import Draft, clause_around, scope_of, sentence_frame
from checker.extract.generic import (
    QUALIFIER_PATTERN,
    QUALIFIERS,
    avoided,
    clause_of,
    interval,
    named_year,
    offsets_of,
    read_number,
)
from checker.kinds.count import Count
from checker.lexicon import phrase_alternation, phrases_re
from checker.text import LazyPattern

if TYPE_CHECKING:
    from checker.extract.base import Context
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.text import Numbers, Sentence


class Contribution(Count):
    name = "contribution"
    summary = "how many a country or a body sent: 250 doctors, more than 600 troops"

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        return (
            ctx.numbers.has_number(text)
            and _nouns_re(ctx.lex).search(text) is not None
            and _verbs_re(ctx.lex).search(text) is not None
        )

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        drafts = list(_drafts(sentence.text, index, ctx, family))
        # one key's two counts in one sentence ("300 troops to Mali and 200 troops to Chad")
        # are of two things the key cannot tell apart: neither is kept
        values: dict[str, set[Any]] = {}
        for d in drafts:
            values.setdefault(d.slot, set()).add(d.value)
        yield from (d for d in drafts if len(values[d.slot]) == 1 and _alone(sentence.text, d, ctx))


def _alone(text: str, draft: Draft, ctx: Context) -> bool:
    """Whether the clause counts the draft's head class once: in "sent 300 troops to Mali and
    200 troops to Chad" or "sent 300 troops, bringing its force to 1,000 troops" the count sent
    is one of several the key cannot tell apart ("Fiji sent 300 troops, while Tonga sent 40
    troops" keeps both)."""
    a, b = clause_around(text, *draft.span)
    counts = {
        m.group("num")
        for m in _counts(ctx.lex, ctx.numbers).finditer(text, a, b)
        if _classes(ctx.lex)[" ".join(m.group("noun").lower().split())] == draft.extra["noun"]
    }
    return len(counts) <= 1


def _drafts(text: str, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
    frame, framed = sentence_frame(text, ctx.numbers)  # "In 2010, Fiji sent 30 observers"
    for m in _matches(text, ctx):
        a, b, _ = clause_of(text, m.start(), m.end())
        if avoided(family, scope_of(text, m.start(), m.end(), a, b)) or _not_done(text, a, m, ctx.lex):
            continue
        if _BACK.match(text, m.end()):
            continue
        who, span = _sender(text, a, m, index, ctx)
        if "abroad" in m.re.groupindex and not _abroad(text, m.start("abroad"), who, ctx):
            continue
        value = read_number(m.group("num"), ctx)
        if not who or value is None or value < 2:
            continue
        qualifier = QUALIFIERS.get(" ".join((m.group("qual") or "").lower().split()), "exact")
        head = _head(m, ctx.lex)
        pledged = ":pledged" if _pledge_re(ctx.lex).fullmatch(m.group("verb")) else ""
        # the years its own comma-piece names: "sent 12 experts, double last year's" is this year's
        left, right = _piece(text, m, a, b)
        yield Draft(
            family=family.name,
            slot=f"{family.name}:{who}:{head}{pledged}",
            value=interval(value, qualifier),
            display=text[span[0] : span[1]],
            span=span,
            qualifier=qualifier,
            year_offsets=frame or offsets_of(text, m.start(), m.end(), left, right, ctx),
            extra={
                "number": value,
                "noun": head,
                **(named_year(text, m.start(), m.end(), left, right) or framed),
            },
        )


def _abroad(text: str, pos: int, who: str, ctx: Context) -> bool:
    """Whether a place a count is kept in ("has 300 troops in Lebanon") is another country than
    the one that has them: "has 300 doctors in Havana" may count its own."""
    found = ctx.lex.find_entities(text[pos : pos + 60])
    return (
        bool(found) and found[0][0] == 0 and found[0][2].kind == "country" and found[0][2].name.lower() != who
    )


def _sender(text: str, a: int, m: re.Match[str], index: int, ctx: Context) -> tuple[str, tuple[int, int]]:
    """Who sent a count, as its key, and the span that says so: the agent after "by" in the
    passive ("250 doctors sent by Fiji"), else the subject before the verb."""
    if m.groupdict().get("by"):
        agent = _agent(text, m.end(), ctx)
        return (agent[0], (m.start(), agent[1])) if agent else ("", (0, 0))
    return _subject(text, a, m.start("verb"), index, ctx), (m.start("verb"), m.end())


def _agent(text: str, pos: int, ctx: Context) -> tuple[str, int] | None:
    """The country or body the lexicon knows named right at pos, alone ("by Fiji", "by the
    European Union"; not "by Fiji and Tonga"), with where its name ends."""
    lead = re.match(r"(?:the\s+)?", text[pos:], re.I)
    start = pos + (lead.end() if lead else 0)
    found = ctx.lex.find_entities(text[start : start + 80])
    if not found or found[0][0] != 0 or found[0][2].kind not in ("country", "organization", "body"):
        return None
    end = start + found[0][1]
    return None if _JOINED_AFTER.match(text, end) else (found[0][2].name.lower(), end)


def _piece(text: str, m: re.Match[str], a: int, b: int) -> tuple[int, int]:
    """The bounds of the comma-piece of its clause that holds a count sent."""
    right = text.find(",", m.end(), b)
    return max(a, text.rfind(",", a, m.start()) + 1), right if right != -1 else b


def _matches(text: str, ctx: Context) -> Iterator[re.Match[str]]:
    seen: set[int] = set()
    for pattern in _patterns(ctx.lex, ctx.numbers):
        for m in pattern.finditer(text):
            if m.start("num") not in seen:
                seen.add(m.start("num"))
                yield m


@cache
def _patterns(lex: Lexicon, n: Numbers) -> tuple[re.Pattern[str], ...]:
    """A verb of sending before its count ("has sent some 250 doctors", "deployed a contingent
    of 300 troops", "sent a 165-member medical team"); a verb of having before a count kept in
    another country ("has 300 troops in Lebanon", "has 50 observers deployed in Mali"; never
    "has 10,000 peacekeepers on the ground", perhaps hosted); a count sent by an agent ("some
    250 doctors sent by Fiji", "300 troops deployed to the border by Fiji")."""
    verbs = phrase_alternation(lex.words("contribution_verbs") + lex.words("contribution_pledge_verbs"))
    units = phrase_alternation(lex.words("contribution_units"))
    presence = phrase_alternation(lex.words("contribution_presence"))
    teams = phrase_alternation(tuple(_teams(lex))) or r"(?!x)x"
    nouns = phrase_alternation(tuple(_classes(lex)))
    count = _count(lex, n)
    return (
        compile_pattern(
            rf"(?<![\w-])(?P<verb>{verbs})\s+(?:(?:out|over|in|abroad)\s+)?"
            rf"(?:(?:a|an|its|their)\s+(?:[\w-]+\s+)?(?:{units})\s+of\s+)?{count}",
            re.I,
        ),
        compile_pattern(
            rf"(?<![\w-])(?P<verb>has|have|had|keeps|maintains)\s+{count}"
            rf"(?=\s+(?:(?:{presence})\s+)?in\s+(?:the\s+)?(?P<abroad>(?-i:[A-Z])))",
            re.I,
        ),
        # "sent a 165-member medical team", "a 300-strong contingent of peacekeepers"
        compile_pattern(
            rf"(?<![\w-])(?P<verb>{verbs})\s+(?:a|an)\s+(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?"
            rf"(?P<num>\d{{1,3}}(?:,\d{{3}})+|\d+|{n.cardinal})-(?:strong|member|person|man)\s+(?P<adj>)"
            rf"(?:(?P<team>{teams})|(?:[a-z-]+\s+)?(?:{units})\s+of\s+(?P<noun>{nouns}))(?![\w-])",
            re.I,
        ),
        compile_pattern(
            rf"(?<![\w$€£.,-]){count}\s+(?:(?:who|that|which)\s+)?"
            rf"(?:(?:were|was|are|is|have|has|had|been|being)\s+){{0,2}}(?P<verb>{verbs})\s+"
            rf"(?:[^,;.]{{0,50}}?\s+)?(?P<by>by)\s+",
            re.I,
        ),
    )


def _head(m: re.Match[str], lex: Lexicon) -> str:
    """The head class of what a count counts: its noun's, or its team's ("a 165-member
    medical team" counts health workers)."""
    if m.groupdict().get("team"):
        return _teams(lex)[" ".join(m.group("team").lower().split())]
    return _classes(lex)[" ".join(m.group("noun").lower().split())]


@cache
def _counts(lex: Lexicon, n: Numbers) -> re.Pattern[str]:
    """Any count of a noun of what is sent, with or without a verb of sending."""
    return compile_pattern(rf"(?<![\w$€£.,-]){_count(lex, n)}", re.I)


def _count(lex: Lexicon, n: Numbers) -> str:
    nouns = phrase_alternation(tuple(_classes(lex)))
    num = rf"(?:(?P<qual>{QUALIFIER_PATTERN})\s+)?(?P<num>\d+(?:\.\d+)?\s+(?:thousand|million)|{n.cardinal})"
    # words before the noun that name no part of what is counted: a name ("Fijian", "UN") or a
    # model ("F-16"); "300 combat troops" or "300 more troops" are not read
    adjectives = r"(?P<adj>(?:(?-i:[A-Z][\w'-]*)\s+|[\w-]*\d[\w-]*\s+){0,2}?)"
    return rf"{num}\s+{adjectives}(?P<noun>{nouns})(?![\w-])"


@cache
def _teams(lex: Lexicon) -> dict[str, str]:
    """Each name of a group sent, folded, -> the head class of its members."""
    table = lex.vocab.get("contribution_teams") or {}
    return {" ".join(str(w).lower().split()): str(head) for head, words in table.items() for w in words}


@cache
def _classes(lex: Lexicon) -> dict[str, str]:
    """Each noun of what is sent, folded, -> its head class ("physicians" -> "doctors")."""
    table = lex.vocab.get("contribution_nouns") or {}
    return {" ".join(str(w).lower().split()): str(head) for head, words in table.items() for w in words}


@cache
def _nouns_re(lex: Lexicon) -> re.Pattern[str]:
    return phrases_re((*_classes(lex), *_teams(lex)))


@cache
def _verbs_re(lex: Lexicon) -> re.Pattern[str]:
    return phrases_re(
        lex.words("contribution_verbs") + lex.words("contribution_pledge_verbs") + ("has", "have")
    )


@cache
def _pledge_re(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(phrase_alternation(lex.words("contribution_pledge_verbs")), re.I)


# A count to come or denied: "will send", "plans to deploy", "did not send", "has yet to send"
_NOT_DONE = LazyPattern(
    r"(?:\b(?:will|would|could|might|may|shall|should|must|can|cannot|to|not|never)|n['’]t)\s+"
    r"(?:(?:also|then|now|soon|still|be|have|not|already|again|only|probably|likely|eventually)\s+){0,3}$",
    re.I,
)


def _not_done(text: str, a: int, m: re.Match[str], lex: Lexicon) -> bool:
    """Whether the verb says a sending to come, under a condition ("if", "plans to") or denied."""
    if _NOT_DONE.search(text, a, m.start("verb")):
        return True
    return _conditional_re(lex).search(text, a, m.start("verb")) is not None


@cache
def _conditional_re(lex: Lexicon) -> re.Pattern[str]:
    # as written, in lower case: "In May, Fiji sent ..." names a month, not a condition
    markers = phrase_alternation(lex.words("conditional_markers")) or r"(?!x)x"
    return compile_pattern(rf"(?<![\w-])(?:{markers}|If|Unless|Should)(?![\w-])")


# "sent 300 troops home", "sent back 300 troops": a count withdrawn, not sent
_BACK = LazyPattern(r"\s+(?:home|back)\b", re.I)


# Between a subject and its verb: an aside, a relative pronoun, auxiliaries and adverbs
_AUX = LazyPattern(
    r"(?:\s+|^)(?:has|have|had|is|are|was|were|been|also|already|now|recently|reportedly|so far|"
    r"since then|quickly|swiftly|promptly|then|itself|alone|too|initially|eventually|later|"
    r"subsequently|immediately|together)\s*$",
    re.I,
)
_ASIDE_END = LazyPattern(r",[^,;]{1,90},\s*$")
_RELATIVE_END = LazyPattern(r",\s*(?:which|who)\s*$", re.I)
# Before a subject: a word that makes it an object ("to Fiji", "praised by Fiji")
_OBJECT_BEFORE = LazyPattern(
    r"\b(?:to|from|of|with|by|for|than|against|in|on|at|like|unlike|including|among)\s+(?:the\s+)?$", re.I
)
# Before a subject: a word that makes it one of several ("Fiji and Venezuela", "Fiji, Tonga")
_JOINED_BEFORE = LazyPattern(r"(?:\b(?:and|or|nor|plus)|,)\s+(?:the\s+)?$", re.I)
_JOINED_AFTER = LazyPattern(r"\s*(?:,\s*(?:and\s+)?|\s+(?:and|or)\s+)(?:the\s+)?[A-Z]")


def _subject(text: str, a: int, verb: int, index: int, ctx: Context) -> str:
    """Whom a count sent belongs to, as its key ('' where the clause names nobody so): the
    subject before the verb, or the name a relative clause holding the verb speaks of
    ("praised Fiji, which has sent 250 doctors")."""
    end = verb
    while (m := _AUX.search(text, a, end)) is not None and m.start() < end:
        end = m.start()
    relative = _RELATIVE_END.search(text, a, end)
    if relative is not None:
        end = relative.start()
    elif (aside := _ASIDE_END.search(text, a, end)) is not None:
        end = aside.start()
    said = _said_it(ctx.lex).search(text, a, end)
    if said is not None:  # "Venezuela said on Tuesday it had sent 400 doctors": who said it
        end = said.start()
    return _entity_ending(text, a, end, relative is not None, ctx) or _described(text, a, end, index, ctx)


@cache
def _said_it(lex: Lexicon) -> re.Pattern[str]:
    """A verb of saying and "it" right before a verb of sending: "it" is who says."""
    verbs = phrase_alternation(lex.words("speech_verbs"))
    day = r"(?:\s+(?:on\s+)?(?:\w+day|today|yesterday))?"
    return compile_pattern(rf"\s+(?:{verbs}){day}(?:\s+that)?\s+it\s*$", re.I)


def _entity_ending(text: str, a: int, end: int, antecedent: bool, ctx: Context) -> str:
    """A country or body the lexicon knows, a body's common noun or a name in capitals, ending
    at end ("Fiji", "the Fijian government", "Norway's navy", "the council", "Doctors Without
    Borders"); none that is an object (but the one a relative clause speaks of) or one of
    several."""
    region = text[a:end].rstrip()
    head = _subject_head(ctx.lex).search(region)
    if head is not None:
        region = region[: head.start()]
    found = [(s, e, ent) for s, e, ent in ctx.lex.find_entities(region) if e == len(region)]
    if found:
        start, key = found[-1][0], found[-1][2].name.lower()
        if found[-1][2].kind not in ("country", "organization", "body"):
            return ""
    elif head is not None:
        return ""
    elif (m := _body_re(ctx.lex).search(region) or _NAME.search(region)) is not None:
        start, key = m.start("name"), " ".join(m.group("name").lower().split())
    else:
        return ""
    before = text[max(0, a + start - 120) : a + start]
    if (not antecedent and _OBJECT_BEFORE.search(before)) or _joined(before, ctx):
        return ""
    return key


def _joined(before: str, ctx: Context) -> bool:
    """Whether the words before a name join it to another ("Fiji and Venezuela sent ...")."""
    m = _JOINED_BEFORE.search(before)
    if m is None:
        return False
    head = before[: m.start()]
    if not m.group().lstrip().startswith(","):
        # "..., and Norway has sent": a clause of its own after one with its own verb, not a
        # list's last item ("Fiji, Tonga, and Norway", "the Red Cross, Caritas, and Norway")
        if not (m.group().lstrip().lower().startswith("and") and head.rstrip().endswith(",")):
            return True
        head = head.rstrip()[:-1]
        piece = head[head.rfind(",") + 1 :]
        if re.match(r"\s*(?:which|who|whose|that)\b", piece, re.I):
            return True  # "Fiji, which has sent 300 troops, and Norway have sent ..."
        return _CLAUSE_VERB.search(piece) is None and _verbs_re(ctx.lex).search(piece) is None
    # "On Monday, Fiji sent": a comma after a scene, not after a list's item
    return any(e == len(head) for _, e, _ in ctx.lex.find_entities(head))


# A verb that makes a comma-piece a clause of its own ("Fiji has sent 300 peacekeepers")
_CLAUSE_VERB = LazyPattern(r"\b(?:has|have|had|is|are|was|were|will|would|said|says)\s+\w", re.I)


# Two capitalised words or more ("Doctors Without Borders", "the Red Cross"), not one that
# opens the sentence alone ("Officials")
_NAME = LazyPattern(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’.&-]*(?:\s+(?:(?:of|for|and|the|without)\s+)?[A-Z][\w'’.&-]*){1,5})$"
)


@cache
def _subject_head(lex: Lexicon) -> re.Pattern[str]:
    """Words after a country that leave it the one who sends ("the Fijian government")."""
    heads = phrase_alternation(lex.words("contribution_subject_heads"))
    return compile_pattern(rf"(?:['’]s)?\s+(?:{heads})$", re.I)


@cache
def _body_re(lex: Lexicon) -> re.Pattern[str]:
    """A body named by its common noun ("the council")."""
    bodies = phrase_alternation(lex.words("contribution_bodies"))
    return compile_pattern(rf"(?:^|\s)[Tt]he\s+(?P<name>{bodies})$")


@cache
def _description(lex: Lexicon) -> re.Pattern[str]:
    """ "the island nation", "the Caribbean state": a country described, not named ("the state"
    alone may be a federation's)."""
    words = phrase_alternation(lex.words("country_description_words"))
    heads = phrase_alternation(lex.words("country_description_heads"))
    qualified = phrase_alternation(lex.words("country_description_qualified_heads")) or r"(?!x)x"
    word = rf"(?:(?i:{words})|[A-Z][a-z]+)\s+"
    return compile_pattern(
        rf"(?:^|\s)[Tt]he\s+(?:{word}){{0,2}}(?:{heads}|(?<=\s)(?<![Tt]he\s)(?:{qualified}))\s*$"
    )


_LOOK_BACK = 3  # sentences before a description where the country it stands for is looked for


def _described(text: str, a: int, end: int, index: int, ctx: Context) -> str:
    """The country a description before the verb stands for: the one the report named last,
    in the sentence before the description or in the few before it; '' where that one is a
    list's item ("Fiji and Tonga ... the island nation") or none is named."""
    m = _description(ctx.lex).search(text, a, end)
    if m is None:
        return ""
    earlier = [ctx.sentences[i].text for i in range(index - 1, max(-1, index - 1 - _LOOK_BACK), -1)]
    for piece in (text[: m.start()], *earlier):
        countries = [(s, e, ent) for s, e, ent in ctx.lex.find_entities(piece) if ent.kind == "country"]
        if countries:
            s, e, entity = countries[-1]
            return "" if _joined(piece[:s], ctx) or _JOINED_AFTER.match(piece, e) else entity.name.lower()
    return ""


KIND = Contribution()
