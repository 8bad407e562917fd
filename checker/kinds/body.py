"""Body: which body of a deliberation adopted a text, as the stage it holds (stages.yaml): "the
Third Committee adopted the resolution" is the committee's, "the text was approved by the
General Assembly" the plenary's. Two reports of one day's vote that name different bodies
conflict: the vote was not both a committee's and the whole assembly's.

Generic reader: a body named as the doer of a verb of adoption, just before it ("the General
Assembly on Thursday adopted", "the Assembly's human rights committee approved") or after it as
its agent or its place ("was adopted by the General Assembly", "adopted in plenary"). The bodies
and the stage each holds are data (``adopting_bodies``), the verbs lemmas (``adoption_verbs``);
what was adopted must be a text (``adopted_text_nouns``: not a route, the minutes or an
appointment), and bodies joined by "and" are each read ("both the committee and the Assembly
approved"). Not a wish ("hope the Assembly adopts"), a plan, an expectation or a step ahead
("will go to the General Assembly, which is expected to adopt it"), not another year's or
another month's ("Last year the Assembly adopted", "adopted by the committee in November"), not
another text's (an amendment), nor a body that is the object of a preposition ("sent to the
General Assembly") or set off by a clause ("the Assembly, which adopted"); those are the
family's avoid words and the reader's tests."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import TYPE_CHECKING

from checker.cache import compile_pattern
from checker.extract.base import Draft, sentence_frame
from checker.extract.generic import avoided, clause_of
from checker.kinds import Kind
from checker.lexicon import phrase_alternation

if TYPE_CHECKING:
    from checker.extract.base import Context
    from checker.families import Family
    from checker.lexicon import Lexicon
    from checker.models import Claim
    from checker.text import Sentence

_REACH = 60  # how far before its verb a body may be named and still be its doer


class Body(Kind):
    name = "body"
    summary = "which body adopted a text: a committee or the whole assembly in plenary"

    def label(self, claim: Claim) -> str:
        return f"{claim.display} (the {claim.value})"

    def wants(self, text: str, ctx: Context, families: tuple[Family, ...]) -> bool:
        return _verbs(ctx.lex).search(text) is not None and _bodies(ctx.lex).search(text) is not None

    def read(self, sentence: Sentence, index: int, ctx: Context, family: Family) -> Iterator[Draft]:
        text = sentence.text
        frame, framed = sentence_frame(text, ctx.numbers)
        if frame not in (None, (0,)) or framed.get("year"):
            return  # "Last year, the Assembly adopted ..."
        told_here: set[str] = set()
        for verb in _verbs(ctx.lex).finditer(text):
            a, b, _ = clause_of(text, verb.start(), verb.end())
            after = _agent_after(text, verb, b, ctx.lex)
            bodies = [after] if after else _doers_before(text, verb, a, ctx.lex)
            if not bodies or not _adopts_a_text(text, verb, a, b, bool(after), ctx.lex):
                continue
            start = min(_named_from(text, min(m.start() for m in bodies)), verb.start())
            end = max(*(m.end() for m in bodies), verb.end())
            # the clause up to the body or verb, whichever is later, and a few words after it
            told = text[a:end] + " " + " ".join(text[end:b].split()[:3])
            if avoided(family, told) or _another_time(text, a, b, ctx):
                continue
            for body in bodies:
                stage = _stage_of(body.group("body"), ctx.lex)
                if stage is None or stage in told_here:
                    continue  # "the Assembly adopted it by 150 votes, adopting ...": one body, told once
                told_here.add(stage)
                yield Draft(
                    family=family.name,
                    slot=family.name,
                    value=stage,
                    display=text[start:end],
                    span=(start, end),
                )


def _doers_before(text: str, verb: re.Match[str], a: int, lex: Lexicon) -> list[re.Match[str]]:
    """The body just before the verb, with nothing between but adverbs and the day ("the
    Assembly on Thursday formally adopted"), and no preposition before it ("sent to the
    Assembly"); with the bodies joined to it ("both the committee and the Assembly approved")."""
    found = list(_bodies(lex).finditer(text, max(a, verb.start() - _REACH), verb.start()))
    if not found or not _gap(lex).fullmatch(text[found[-1].end() : verb.start()]):
        return []
    doers = [found[-1]]
    for earlier in reversed(found[:-1]):
        if not _JOINED.fullmatch(text, earlier.end(), doers[0].start()):
            break
        doers.insert(0, earlier)
    if _PREPOSITION_BEFORE.search(text, max(0, doers[0].start() - 40), doers[0].start()):
        return []
    return doers


def _adopts_a_text(text: str, verb: re.Match[str], a: int, b: int, passive: bool, lex: Lexicon) -> bool:
    """What the body adopted is a text (a resolution, a bill, a budget, "it"): not a route, the
    minutes or an appointment. A passive verb's text stands before it, an active one's after."""
    where = text[a : verb.start()] if passive else " ".join(text[verb.end() : b].split()[:_OBJECT_WORDS])
    return _texts(lex).search(where) is not None


def _agent_after(text: str, verb: re.Match[str], b: int, lex: Lexicon) -> re.Match[str] | None:
    """The body after a passive verb or a participle ("was adopted by the General Assembly",
    "the resolution, approved in committee"), or the one a text passed through ("the resolution
    passed the Third Committee on Tuesday")."""
    agent, through = _after_res(lex)
    leads = []
    if _PASSIVE_BEFORE.search(text, max(0, verb.start() - 40), verb.start()):
        leads.append(agent)
    if _through_verbs(lex).fullmatch(verb.group()):
        leads.append(through)
    m = next((found for lead in leads if (found := lead.match(text, verb.end(), b))), None)
    if m is None:
        return None
    # "by the General Assembly's human rights committee": the part of it named after it
    owned = _OWNED.match(text, m.end(), b)
    if owned is None:
        return m
    words = _bodies(lex).search(text, owned.end(), b)
    near = words is not None and _FEW_WORDS.fullmatch(text, owned.end(), words.start())
    return words if near else m


def _named_from(text: str, start: int) -> int:
    """Where the body's name begins, with the capitalised words before it ("UN", "Third")."""
    m = _CAPITALS_BEFORE.search(text, 0, start)
    return m.start() if m else start


def _another_time(text: str, a: int, b: int, ctx: Context) -> bool:
    """A clause that names a month, or a year as a stretch of time, tells of another vote than
    the report's day's ("approved by the Second Committee on Nov. 20", "in 2019"); a year that
    names a thing ("the 2032 budget") and the dateline's day do not."""
    clause = text[max(a, _dateline_end(text)) : b]
    return bool(_TIME_YEAR.search(clause) or _months(ctx.numbers.month).search(clause))


def _dateline_end(text: str) -> int:
    m = _DATELINE.match(text)
    return m.end() if m else 0


def _stage_of(words: str, lex: Lexicon) -> str | None:
    spoken = " ".join(words.casefold().split())
    table = _body_table(lex)
    return table.get(spoken) or next((stage for word, stage in table.items() if spoken.endswith(word)), None)


@cache
def _body_table(lex: Lexicon) -> dict[str, str]:
    """Each body's words, lower case, to the stage it holds; longest first."""
    found: dict[str, str] = {}
    for stage, words in (lex.vocab.get("adopting_bodies") or {}).items():
        for word in words or ():
            found[" ".join(str(word).casefold().split())] = str(stage)
    return dict(sorted(found.items(), key=lambda kv: -len(kv[0])))


@cache
def _bodies(lex: Lexicon) -> re.Pattern[str]:
    """A body named, its words as group "body"."""
    words = phrase_alternation(_body_table(lex))
    return compile_pattern(rf"(?<![\w-])(?P<body>{words})(?![\w-])", re.I)


@cache
def _verbs(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(rf"(?<![\w-])(?:{phrase_alternation(lex.words('adoption_verbs'))})(?![\w-])", re.I)


@cache
def _after_res(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(the body after a passive verb: "by the 193-member General Assembly", "in committee";
    the body a text passed: "passed the UN Third Committee")."""
    body = rf"(?P<body>{phrase_alternation(_body_table(lex))})(?![\w-])"
    agent = rf"\s+(?:(?:on\s+\w+|late\s+\w+|[a-z]+ly)\s+)?(?:by|in)\s+(?:the\s+)?{_NAME_BEFORE}?{body}"
    return compile_pattern(agent, re.I), compile_pattern(rf"\s+(?:the\s+)?{_NAME_BEFORE}?{body}", re.I)


@cache
def _gap(lex: Lexicon) -> re.Pattern[str]:
    """What may stand between a body and its verb: adverbs, the day, an auxiliary of a perfect
    ("the Assembly on Thursday formally adopted", "the committee has approved")."""
    days = phrase_alternation(lex.weekdays)
    words = (
        r"on|late|early|this|again|also|then|later|today|yesterday|tonight|has|have|had|"
        r"morning|afternoon|evening|night"
    )
    return compile_pattern(rf"(?:\s+|(?:{words}|{days}|[a-z]+ly)(?![\w-]))*\s*", re.I)


@cache
def _through_verbs(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(phrase_alternation(lex.words("adoption_through_verbs")) or r"(?!x)x", re.I)


@cache
def _months(names: str) -> re.Pattern[str]:
    """Any month named (the numbers' alternation of month names)."""
    return compile_pattern(rf"(?<![\w-])(?:{names})(?![\w-])", re.I)


@cache
def _texts(lex: Lexicon) -> re.Pattern[str]:
    return compile_pattern(
        rf"(?<![\w-])(?:{phrase_alternation(lex.words('adopted_text_nouns'))})(?![\w-])", re.I
    )


# a body's name before its noun: capitalised words ("the UN", "the Lakeside City") or a size
# ("the 193-member")
_NAME_BEFORE = r"(?:(?:(?-i:[A-Z])[\w.'-]*|\d+-[\w-]+)\s+){0,3}"
_PREPOSITION_BEFORE = compile_pattern(
    rf"(?<![\w-])(?:to|in|into|of|from|by|at|before|with|for|through|on|than|like)\s+"
    rf"(?:(?:the|a|an|its|their)\s+)?{_NAME_BEFORE}$",
    re.I,
)
_PASSIVE_BEFORE = compile_pattern(r"(?:(?<![\w-])(?:was|were|been)\s+(?:[a-z]+ly\s+)?|,\s*)$", re.I)
_OWNED = compile_pattern(r"(?:'s|’s)\s+")
_FEW_WORDS = compile_pattern(r"(?:[\w-]+\s+){0,3}")
_CAPITALS_BEFORE = compile_pattern(r"(?:(?<![\w.-])(?:[A-Z][\w.-]*|\d+-\w+)\s+){1,4}$")
_OBJECT_WORDS = 6  # how far after an active verb the text adopted is named
_TIME_YEAR = compile_pattern(
    r"(?<![\w-])(?:in|since|during|until|till|from|through|before|after|by|of)\s+(?:19|20)\d\d(?![\w/-])",
    re.I,
)
_JOINED = compile_pattern(
    r"\s*(?:,\s*|\s(?:and|or|&)\s+)(?:(?:both|the|its)\s+)*(?:(?-i:[A-Z])[\w.'-]*\s+){0,3}", re.I
)
# "NEW YORK, Dec. 18 (UPI) -": the day the report was filed, not a day the sentence tells of
_DATELINE = compile_pattern(
    r"\s*[A-Z][A-Z .'’-]+(?:,\s*[\w .'’-]{1,30}){0,2}(?:\s*\([\w .-]{1,20}\))?\s*[-—–]+\s"
)

KIND = Body()
