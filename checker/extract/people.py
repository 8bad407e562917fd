"""People and roles: "Chilean Ambassador to the UN Ana Rojas", "Anna Berg, the country's
finance minister", and a named speaker ("Ana Rojas had also warned")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from checker.extract.base import Context, Draft
from checker.lexicon import Lexicon, first_letter_guard, phrases_re
from checker.text import Sentence
from checker.wording import name_key

_HONORIFIC = r"(?:(?:H\.\s?E\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Sir|Dame)\s+)?"


def _name_pattern(lex: Lexicon) -> str:
    """Two to four capitalised words, none of them a word that never names a person."""
    stop = "|".join(sorted((re.escape(w) for w in lex.words("not_name_words")), key=len, reverse=True))
    token = (
        rf"(?:(?!(?:{stop})\b)[A-Z][\w'\u00c0-\u024f]+(?:-[A-Za-z][\w\u00c0-\u024f]*)?"
        rf"|[A-Z]\.)"
    )
    # every name (and honorific) starts with a capital: a cheap look before the lookbehind
    return (
        rf"(?=[A-Z])(?<![\w'\u00c0-\u024f-]){_HONORIFIC}"
        rf"(?P<name>{token}(?:\s+{token}){{1,3}})"
    )


@cache
def _gate(lex: Lexicon) -> re.Pattern[str]:
    """A cheap first look: a person is named here only beside a title or a speech verb."""
    words = {f for fs in (lex.vocab.get("titles") or {}).values() for f in fs}
    words |= set(lex.words("speech_verbs"))
    return phrases_re(sorted(words))


@cache
def _patterns(lex: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    _NAME = _name_pattern(lex)  # noqa: N806 - reads as the constant it is within the patterns
    forms = sorted({f for fs in (lex.vocab.get("titles") or {}).values() for f in fs}, key=len, reverse=True)
    title = "(?P<title>(?i:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + "))"
    suffix = r"(?:\s+(?:to|of|for|at)\s+(?:the\s+)?[\w.'\- ]{1,40}?)?"
    speech = "|".join(re.escape(v) for v in lex.words("speech_verbs"))
    return (
        re.compile(
            rf"{first_letter_guard(forms)}(?<![\w-]){title}{suffix},?\s+{_NAME}"
            rf"(?=[\s,.;:']|$)"
        ),
        re.compile(
            rf"{_NAME},\s+(?:the\s+|a\s+|an\s+)?(?P<pre>[^,;]{{0,50}}?)"
            rf"(?<![\w-]){title}(?![\w-])"
        ),
        re.compile(rf"{_NAME}\s+(?:(?:had|has|also|then|later)\s+){{0,2}}(?:{speech})\b"),
    )


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    text = sentence.text
    if not _gate(ctx.lex).search(text):
        return
    taken: list[tuple[int, int]] = []
    title_first, name_first, speaker = _patterns(ctx.lex)
    for pattern in (title_first, name_first, speaker):
        for m in pattern.finditer(text):
            name = _clean_name(m.group("name"), ctx.lex)
            span = m.span("name")
            if not name or any(a < span[1] and span[0] < b for a, b in taken):
                continue
            taken.append(span)
            title = _title_head(m.groupdict().get("title"), ctx.lex)
            if title and m.groupdict().get("title") and _deputy(text, m.start("title")):
                title = title if title.startswith("deputy") else f"deputy {title}"
            org = _org(ctx, text, m) if title else None
            role = f"{org or '?'}/{title or '?'}"
            yield Draft(
                family="person",
                slot=f"person:{name_key(name)}",
                value=name,
                display=f"{name} ({_role_text(org, title)})",
                span=span,
                extra={"name": name, "title": title, "org": org, "role": role},
            )


@cache
def _name_at_end(lex: Lexicon) -> re.Pattern[str]:
    return re.compile(_name_pattern(lex) + r"\s*$")


def person_name_ending(lex: Lexicon, text: str) -> str | None:
    """The person named at the very end of a piece of text, a title before it left out
    ("Councillor Maria Lopez" gives "Maria Lopez"), or None."""
    m = _name_at_end(lex).search(text)
    if m is None:
        return None
    tokens = m.group("name").split()
    titles = {w.lower() for forms in (lex.vocab.get("titles") or {}).values() for w in forms}
    while tokens and tokens[0].lower() in titles:
        tokens.pop(0)
    return _clean_name(" ".join(tokens), lex) if tokens else None


def _deputy(text: str, title_start: int) -> bool:
    """ "deputy UN ambassador": a deputy, though a word stands between."""
    return (
        re.search(r"\b(?:deputy|vice)\s+(?:\S+\s+)?$", text[max(0, title_start - 25) : title_start], re.I)
        is not None
    )


def _clean_name(raw: str, lex: Lexicon) -> str | None:
    stop = lex.word_set("not_name_words")
    tokens = raw.split()
    while tokens and (tokens[0] in stop or tokens[0].removesuffix("'s") in stop):
        tokens.pop(0)
    while tokens and tokens[-1] in stop:
        tokens.pop()
    if len([t for t in tokens if len(t) > 2]) < 2 or any(t in stop for t in tokens):
        return None
    name = " ".join(tokens)
    if lex.entity(name) or any(lex.entity(t) for t in tokens if len(t) > 3):
        return None
    return name


def _title_head(form: str | None, lex: Lexicon) -> str | None:
    if not form:
        return None
    form = " ".join(form.lower().split())
    for head, forms in sorted((lex.vocab.get("titles") or {}).items()):
        if form in forms:
            return head
    return form


def _org(ctx: Context, text: str, m: re.Match[str]) -> str | None:
    if m.groupdict().get("pre") is not None:
        region = m.group("pre")
    else:
        region = text[max(0, m.start("title") - 40) : m.start("title")]
    region += (
        " " + text[m.end("title") : m.start("name") if m.start("name") > m.end("title") else m.end("title")]
    )
    found = ctx.lex.find_entities(region)
    countries = [e.name for _, _, e in found if e.kind == "country"]
    others = [e.name for _, _, e in found if e.kind != "country"]
    return (countries or others or [None])[0]


def _role_text(org: str | None, title: str | None) -> str:
    if not title:
        return "role not stated"
    return f"{org} {title}" if org else title
