"""Extract checkable claims from a report, one module a claim family."""

from __future__ import annotations

import bisect
import dataclasses
import hashlib
from collections.abc import Iterator
from functools import cache

from checker.extract import (
    counts,
    dates,
    lead,
    outcome,
    participation,
    people,
    recurrence,
    rosters,
    series_start,
    session,
    skipped,
)
from checker.extract.base import Context, Draft
from checker.families import Family, family_of_slot, generic_families
from checker.kinds import Kind, kind_named
from checker.lexicon import Lexicon, default_lexicon
from checker.models import Article, Claim
from checker.series import own_categories
from checker.text import Sentence, default_numbers, split_sentences

FAMILIES = (
    recurrence,
    series_start,
    counts,
    outcome,
    participation,
    rosters,
    lead,
    dates,
    people,
    session,
    skipped,
)


def extract_claims(
    article: Article, lex: Lexicon | None = None, sentences: list[Sentence] | None = None
) -> list[Claim]:
    """Return the claims of one report, in text order, with stable ids."""
    lex = lex or default_lexicon()
    if sentences is None:
        sentences = split_sentences(article.text, article.body_start)
    numbers = default_numbers()
    ctx = Context(
        article, sentences, lex, numbers, dates.event_sentence(sentences, lex, numbers, article.published)
    )
    line_starts = _line_starts(article.raw)
    claims: dict[str, Claim] = {}
    quotes: dict[int, str] = {}  # one string a sentence, shared by its claims (memory)
    own = own_categories(article.title or "", sentences[0].text if sentences else "", lex)
    for index, sentence, draft in _drafts(sentences, ctx):
        if own:
            draft = dataclasses.replace(draft, slot=_less_own(draft.slot, own))
        if index not in quotes:
            quotes[index] = _quote(article, sentence.start, sentence.end)
        claim = _to_claim(article, sentence, draft, line_starts, quotes[index])
        claims.setdefault(claim.id, claim)
    return _no_titles_as_holders(
        sorted(claims.values(), key=lambda c: (c.start, c.value_start, c.slot, c.id))
    )


def _less_own(slot: str, own: frozenset[str]) -> str:
    """A slot less the categories of the report's own event: "winner:half" is "winner" in a
    report of the Kessarby Half Marathon."""
    family, *parts = slot.split(":")
    return ":".join([family, *(p for p in parts if p not in own)])


def _no_titles_as_holders(claims: list[Claim]) -> list[Claim]:
    """A name that is a work's title where it stands ("Ivo Marek's film The Quiet Hour took the
    top prize") names the work, not a winner or a host: its holder claim is left out."""
    titles = [c for c in claims if c.kind == "title" and isinstance(c.value, str)]
    if not titles:
        return claims
    return [c for c in claims if not (c.kind == "holder" and any(_inside(c, t) for t in titles))]


def _inside(claim: Claim, title: Claim) -> bool:
    """Whether the claim's words stand within the title's own words in its sentence."""
    at = title.matched.find(str(title.value))
    if at < 0:
        return False
    start = title.value_start + at
    return start <= claim.value_start and claim.value_end <= start + len(str(title.value))


def _drafts(sentences: list[Sentence], ctx: Context) -> Iterator[tuple[int, Sentence, Draft]]:
    """Drafts of every family: those read by a module of their own, then those read by their
    kind's generic reader, as the family data declares them."""
    for module in FAMILIES:
        for index, sentence in enumerate(sentences):
            for draft in module.find(sentence, index, ctx):
                yield index, sentence, draft
    by_kind = _generic_by_kind()
    for index, sentence in enumerate(sentences):
        for kind, families in by_kind:
            if kind.wants(sentence.text, ctx, families):  # one look for all of a kind's families
                for family in families:
                    for draft in kind.read(sentence, index, ctx, family):
                        yield index, sentence, draft


def _generic_by_kind() -> tuple[tuple[Kind, tuple[Family, ...]], ...]:
    """The families read by their kind's reader, grouped by kind, in declaration order."""
    return _grouped(generic_families())


@cache
def _grouped(families: tuple[Family, ...]) -> tuple[tuple[Kind, tuple[Family, ...]], ...]:
    kinds = list(dict.fromkeys(f.kind for f in families))
    return tuple((kind_named(k), tuple(f for f in families if f.kind == k)) for k in kinds)


def _line_starts(raw: str) -> list[int]:
    starts = [0]
    index = raw.find("\n")
    while index != -1:
        starts.append(index + 1)
        index = raw.find("\n", index + 1)
    return starts


def _to_claim(
    article: Article, sentence: Sentence, draft: Draft, line_starts: list[int], quote: str
) -> Claim:
    value_start = sentence.start + draft.span[0]
    value_end = sentence.start + draft.span[1]
    line = article.line_offset + 1 if article.record else bisect.bisect_right(line_starts, value_start)
    column = 1 if article.record else value_start - line_starts[line - 1] + 1
    key = f"{article.path}|{value_start}|{value_end}|{draft.slot}|{draft.value!r}"
    ident = "C" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]
    family = family_of_slot(draft.slot)
    return Claim(
        id=ident,
        article=article.path,
        line=line,
        start=sentence.start,
        end=sentence.end,
        value_start=value_start,
        value_end=value_end,
        quote=quote,
        matched=_quote(article, value_start, value_end),
        family=draft.family,
        slot=draft.slot,
        value=draft.value,
        display=" ".join(draft.display.split()),  # a line break or a blanked aside inside it
        qualifier=draft.qualifier,
        polarity=draft.polarity,
        counted=draft.counted,
        year_offsets=draft.year_offsets,
        # a name as spelled is the report's own words even inside a quotation: the reader says
        # so; so is a figure read with its source (the report's account of what the source said)
        # and a value of a family whose quotations report a public record (a result)
        attributed=sentence.is_quoted(draft.span[0])
        and not draft.extra.get("spelling_only")
        and not draft.extra.get("source")
        and not family.quotes_reported,
        extra=tuple(sorted(draft.extra.items())),
        column=column,
        kind=family.kind,
    )


def _quote(article: Article, start: int, end: int) -> str:
    """The original words of a span, junk left out and white space folded."""
    raw, text = article.raw, article.text
    if raw[start:end] == text[start:end]:  # nothing cleaned away here: the common case
        return " ".join(raw[start:end].split())
    chars = (
        r if not (t == " " and not r.isspace()) else " "
        for r, t in zip(raw[start:end], text[start:end], strict=True)
    )
    return " ".join("".join(chars).split())
