"""Lead authorship: "led by the EU", "co-authored by Japan and the European Union", "EU-led"."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checker.cache import compile_pattern
from checker.extract.base import Context, Draft, clause_around, objects_after
from checker.lexicon import Lexicon, longest_first
from checker.text import LazyPattern, Sentence

_KINDS = ("country", "organization")
_MEMBERS_OF = LazyPattern(r"\s*(?:the\s+)?(?:member states|members|countries) of\s+", re.I)


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    text = sentence.text
    if "by" not in text and "-" not in text:
        return  # every lead phrase reads "... by X" or "X-led"
    for m in ctx.lex.phrase_re("lead_phrases").finditer(text):
        if not _about_the_text(text[max(0, m.start() - 80) : m.start()]):
            continue
        _, b = clause_around(text, m.start(), m.end())
        start = m.end()
        members = _MEMBERS_OF.match(text, start)
        if members:
            start = members.end()
        leads = objects_after(ctx, text, start, _list_end(text, start, b), _KINDS)
        if leads:
            more = _others_re(ctx.lex).match(text[start:b]) is not None
            yield _draft(m.start(), m.end(), leads, more)
    for suffix in ctx.lex.words("lead_suffixes"):
        pattern = (
            r"\b([A-Z][\w.]{1,30})"
            + re.escape(suffix)
            + r"\s+(?:\w+\s+)?(?:resolution|draft|text|motion|proposal|bill)\b"
        )
        for m in re.finditer(pattern, text):
            entity = ctx.lex.entity(m.group(1))
            if entity and entity.kind in _KINDS:
                yield _draft(m.start(), m.end(), [entity.name], False)


@cache
def _others_re(lex: Lexicon) -> re.Pattern[str]:
    """ "and others", "and other Pacific island states", "and several other nations": the list
    names some leads, not all."""
    members = "|".join(re.escape(w) for w in longest_first(lex.words("member_nouns")))
    return compile_pattern(
        rf"^[^.;]{{0,80}}?\band (?:[\w-]+ )?other(?:s\b| (?:[\w-]+ ){{0,3}}?(?:{members})\b)", re.I
    )


_JOINERS = {
    "and",
    "the",
    "or",
    "other",
    "others",
    "member",
    "members",
    "states",
    "countries",
    "of",
    "nations",
}


_DOCUMENT = LazyPattern(r"\b(?:resolution|draft|text|document|motion|measure|bill|proposal)s?\b", re.I)
_OTHER_DOCUMENT = LazyPattern(
    r"\b(?:amendment|attempt|campaign|coalition|coup|invasion|war|"
    r"offensive|operation)s?\b",
    re.I,
)


def _about_the_text(before: str) -> bool:
    """ "led by" names the lead of the text voted on, not of an amendment or a campaign."""
    nouns = [
        m
        for m in re.finditer(r"\b[a-z]+\b", before, re.I)
        if _DOCUMENT.fullmatch(m.group()) or _OTHER_DOCUMENT.fullmatch(m.group())
    ]
    return bool(nouns) and _DOCUMENT.fullmatch(nouns[-1].group()) is not None


def _list_end(text: str, start: int, end: int) -> int:
    """The list of leads stops at the first lower-case word that is not a joiner."""
    for m in re.finditer(r"[a-z][\w-]*", text[start:end]):
        if m.start() > 0 and text[start + m.start() - 1] not in " ,(":
            continue
        if m.group() not in _JOINERS:
            return start + m.start()
    return end


def _draft(start: int, end: int, leads: list[str], more: bool) -> Draft:
    names = tuple(sorted(set(leads)))
    display = " and ".join(names) + (" and others" if more else "")
    return Draft(
        family="lead",
        slot="lead-sponsor",
        value=names,
        display=display,
        span=(start, end),
        qualifier="at-least" if more else "exact",
    )
