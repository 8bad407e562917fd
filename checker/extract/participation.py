"""Participation of an actor in a role: co-sponsor or not, voted against, abstained, consensus."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from checker.cache import compile_pattern
from checker.extract.base import (
    NEGATED_SUBJECT,
    RELATIVE_CLAUSE,
    Context,
    Draft,
    clause_around,
    local_offsets,
    objects_after,
    period_offsets,
    scope_of,
    sentence_frame,
    subjects_before,
)
from checker.extract.counts import sponsor_re
from checker.extract.people import person_name_ending
from checker.families import family_of_slot
from checker.kinds.stance import POSITION_WORDS
from checker.lexicon import Lexicon, longest_first, phrase_alternation, phrases_re
from checker.stages import named_stage
from checker.text import LazyPattern, Sentence, gate_words, look

# "Nauru did not vote": present in the count of members, in none of the tally's parts
_ABSENT = compile_pattern(
    r"\b(?:did not|didn't|failed to) (?:take part in the )?vote\b"
    r"(?! (?:for|against|in favou?r|to))|"
    r"\bdid not cast (?:a|its|their) (?:votes?|ballots?)\b|"
    r"\b(?:was|were) absent (?:from|for|during) the vote\b",
    re.I,
)
_INVERTED = LazyPattern(
    r"^\s*(?:Voting|Those voting|The (?=abstain|countries|nations|states|members))?\s*"
    r"(against|in favou?r|no|abstainers|abstaining (?:countries|nations|states|members)|"
    r"(?:countries|nations|states|members) (?:that |which )?abstained)\b[^.]{0,20}?\b"
    r"(?:were|was|included)\s",
    re.I,
)
_NEGATION = LazyPattern(
    r"\b(?:not|never|no longer|neither|nor|withdr[ae]w|withdrawn|withdrawing|"
    r"pulled out|dropped out|quit|removed (?:itself|themselves))\b|n't\b",
    re.I,
)
# "the text was opposed by Israel and the United States": those after "by" voted against
_PASSIVE_AGAINST = LazyPattern(
    r"\b(?:was|were|is|are|been|being)\s+(?:opposed|rejected|voted down)\s+by\b", re.I
)
# "not even Palau voted against", "none of the Pacific states abstained": no one did
_NOT_BEFORE = LazyPattern(r"\b(?:not|never)\s+$|n't\s+$", re.I)
_EARLIER = LazyPattern(r"\bearlier round|\bafter voting|\bprevious round", re.I)
_WITH_OBJECT = LazyPattern(r"\b(?:sided with|joined) ([^,;]{1,40})")


# UN record style: "2 against (Israel, United States), with 1 abstention (Ukraine)"
_LISTED = LazyPattern(
    r"\b(?:against|opposed|no|abstentions?|abstaining|in favou?r)\s*\(([^()]{2,2000})\)", re.I
)


@dataclass(frozen=True, slots=True)
class _VoteWords:
    """The patterns of how a report says an actor voted, built once from the vocabulary."""

    # (pattern, position, words), absence last: a pattern runs only on a sentence holding one
    # of its words (none: any sentence), and is compiled the first time one does
    positions: tuple[tuple[LazyPattern | re.Pattern[str], str, frozenset[str]], ...]
    any_vote: LazyPattern  # a vote word of any position (compiled when a position is found)
    gate: re.Pattern[str]  # a cheap look for any word of a vote, before the rest runs


@cache
def _vote_words(lex: Lexicon) -> _VoteWords:
    table = lex.vocab.get("vote_position_phrases") or {}
    nouns = "|".join(re.escape(w) for w in longest_first(lex.words("voted_text_nouns")))
    text = rf"(?:the|this|a)\s+(?:{nouns or '(?!x)x'})"
    positions = [
        (_phrases(table.get(p) or [], text), p, _phrase_keys(table.get(p) or [])) for p in _POSITIONS
    ]
    against, _, keys = positions[0]
    keys = keys | {"vote", "votes"} if keys else keys
    positions[0] = (LazyPattern(rf"{against.pattern}|\bno votes?(?=,? by\b)", re.I), "against", keys)
    positions.append((_ABSENT, "absent", frozenset({"vote", "votes", "ballot", "ballots"})))
    any_vote = LazyPattern("|".join(p.pattern for p, _, _ in positions) + r"|\bvoted\b", re.I)
    gate = compile_pattern(r"\b(?:" + "|".join(sorted(_gate_words(table, lex))) + r")|vot|\(", re.I)
    return _VoteWords(tuple(positions), any_vote, gate)


def _gate_words(table: dict[str, list[str]], lex: Lexicon) -> set[str]:
    """A word each phrase cannot be said without, cut to its first four letters: its verb where
    the verb leads ("vote", "oppo"), else its last word ("nations opposing")."""
    table_of_forms = lex.vocab.get("inflections") or {}
    verbs = set(table_of_forms) | {
        f for kinds in table_of_forms.values() for fs in kinds.values() for f in fs
    }
    found: set[str] = set()
    for phrases in table.values():
        for phrase in phrases:
            words = [w for w in str(phrase).replace("{text}", " ").split() if w[:1].isalpha()]
            if words:
                found.add(re.escape((words[0] if words[0] in verbs else words[-1])[:4]))
    return found


_POSITIONS = ("against", "abstain", "for")


def _phrase_keys(phrases: list[str]) -> frozenset[str]:
    """The gate words of phrases, "{text}" standing for the text voted on; none (no gate) where
    "{text}" touches a letter, which would join a word of the phrase to the text's."""
    listed = [str(p) for p in phrases]
    if any(re.search(r"\w\{text\}|\{text\}\w", p) for p in listed):
        return frozenset()
    return gate_words(p.replace("{text}", " ") for p in listed)


def _phrases(phrases: list[str], text: str) -> LazyPattern:
    """Whole phrases, "{text}" standing for the text voted on."""
    ordered = sorted({str(p) for p in phrases}, key=lambda p: (-len(p), p))
    body = "|".join(
        text.join(re.escape(part).replace(r"\ ", r"\s+") for part in p.split("{text}")) for p in ordered
    )
    return LazyPattern(rf"(?<![\w-])(?:{body or '(?!x)x'})(?![\w-])", re.I)


def find(sentence: Sentence, index: int, ctx: Context) -> Iterator[Draft]:
    if _vote_words(ctx.lex).gate.search(sentence.text):
        yield from _votes(sentence, ctx)
        yield from _listed_votes(sentence, ctx)
    yield from _sponsors(sentence, ctx)
    yield from _consensus(sentence, ctx)


def _votes(sentence: Sentence, ctx: Context) -> Iterator[Draft]:
    text = sentence.text
    inverted = _INVERTED.match(text)
    if inverted:
        said = inverted.group(1).lower()
        vote = "abstain" if "abstain" in said else "against" if said in ("against", "no") else "for"
        _, b = clause_around(text, inverted.end(), inverted.end())
        for actor in objects_after(ctx, text, inverted.end(), b, ("country",)):
            yield _vote_draft(actor, vote, inverted.span(), (0,))
        return
    frame_offsets, frame_year = sentence_frame(text, ctx.numbers)
    # "Belgium, which voted against last year, abstained": the aside's verb is not the subject's
    asides = [m.span() for m in RELATIVE_CLAUSE.finditer(text)]
    words, seen = _vote_words(ctx.lex), look(text)
    verbs: list[tuple[int, int]] | None = None  # every vote word's span, found at the first position
    for pattern, vote, needs in words.positions:
        if needs and not seen.any_of(needs):
            continue  # the pattern cannot match here: it is not compiled for this sentence
        for m in pattern.finditer(text):
            a, b = clause_around(text, m.start(), m.end())
            clause = text[a:b]
            if _EARLIER.search(clause) or re.match(r"\s*abstentions?", text[m.start() :]):
                continue
            if _aside_of_another_vote(text, m.start(), asides, ctx.lex):
                continue  # "Argentina, which voted no in the committee last month, abstained"
            if vote != "absent" and _NOT_BEFORE.search(text, max(a, m.start() - 20), m.start()):
                continue  # "did not vote against": no position said
            if _intended(ctx, text, a, m) or _no_named_side(ctx, text, m):
                continue  # "will vote against any text ...", "sided with the majority"
            # a subject belongs to the nearest vote before it: "Twenty, including Fiji, voted no
            # and 40 abstained" does not make Fiji abstain
            verbs = _vote_spans(words, text, asides) if verbs is None else verbs
            a = max([a, *(end for start, end in verbs if end <= m.start())])
            if NEGATED_SUBJECT.search(text, a, m.start()):
                continue  # "not even Palau voted against it"
            actors = subjects_before(ctx, text, a, m.start(), _entity_actors())
            actors = actors or _person_before(ctx, text, a, m.start())
            actors = actors or _antecedent(ctx, text, a, m.start(), verbs)
            actors += _also(ctx, text, m.end(), b)
            scope = scope_of(text, m.start(), m.end(), a, b)
            offsets = period_offsets(scope, ctx.numbers) or frame_offsets or (0,)
            for actor in dict.fromkeys(actors):
                yield _vote_draft(actor, vote, m.span(), offsets, frame_year)
    for m in _PASSIVE_AGAINST.finditer(text):
        _, b = clause_around(text, m.start(), m.end())
        for actor in objects_after(ctx, text, m.end(), b, _entity_actors()):
            yield _vote_draft(actor, "against", m.span(), frame_offsets or (0,), frame_year)


def _aside_of_another_vote(text: str, start: int, asides: list[tuple[int, int]], lex: Lexicon) -> bool:
    """Whether a vote word stands in a relative clause that tells a vote at a stage it names
    ("Argentina, which voted no in the committee last month, abstained in the plenary"); one
    told of last year stays, as last year's."""
    aside = next((text[a:b] for a, b in asides if a <= start < b), None)
    return aside is not None and named_stage(aside, lex) is not None


def _vote_spans(words: _VoteWords, text: str, asides: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Where each vote word of the sentence stands, those of its asides left out."""
    return sorted(
        v.span() for v in words.any_vote.finditer(text) if not any(a <= v.start() < b for a, b in asides)
    )


_PRONOUN_SUBJECT = LazyPattern(r"\b(?:it|they)\s+(?:\w+ly\s+|also\s+|then\s+|again\s+)?$", re.I)


def _antecedent(
    ctx: Context, text: str, clause_start: int, verb_start: int, verbs: list[tuple[int, int]]
) -> list[str]:
    """ "Palau voted with Israel last year, but this year it abstained": a pronoun right before
    the verb stands for the subject of the sentence's first vote."""
    if not _PRONOUN_SUBJECT.search(text, clause_start, verb_start) or not verbs:
        return []
    first = verbs[0][0]
    if first >= clause_start:
        return []
    return subjects_before(ctx, text, 0, first, _entity_actors())


def _intended(ctx: Context, text: str, clause_start: int, m: re.Match[str]) -> bool:
    """A vote under a condition is an intention, not a position taken: "would abstain", "will
    vote against any text that ignores the facts". A vote declared for the day ("Today the
    United States will abstain") is the position."""
    if _conditional_re(ctx.lex).search(text, clause_start, m.start()):
        return True
    return bool(re.match(r"\s+(?:the\s+)?any\b", text[m.end() :], re.I))


@cache
def _conditional_re(lex: Lexicon) -> re.Pattern[str]:
    body = phrase_alternation(lex.words("conditional_markers")) or r"(?!x)x"
    return compile_pattern(rf"(?<![\w-])(?:{body})(?:\s+(?:not|also|only|then))?\s+$", re.I)


def _no_named_side(ctx: Context, text: str, m: re.Match[str]) -> bool:
    """A position taken with another ("sided with") says which only when that other is named:
    "sided with Israel", not "sided with the majority"."""
    if not re.search(r"\bwith\s*$", m.group(0), re.I):
        return False
    after = ctx.lex.find_entities(text[m.end() : m.end() + 40])
    return not (after and re.fullmatch(r"\s*(?:the\s+)?", text[m.end() : m.end() + after[0][0]]))


def _entity_actors() -> tuple[str, ...]:
    """Kinds of entity that may cast a vote, as the vote family declares them."""
    return tuple(k for k in family_of_slot("vote").actors if k != "person") or ("country",)


def _person_before(ctx: Context, text: str, clause_start: int, verb_start: int) -> list[str]:
    """A named person right before the verb ("Councillor Maria Lopez voted against"), when the
    vote family lets persons vote; titles before the name are not part of it."""
    if "person" not in family_of_slot("vote").actors:
        return []
    region = text[clause_start:verb_start]
    m = person_name_ending(ctx.lex, region)
    return [m] if m else []


def _vote_draft(
    actor: str, vote: str, span: tuple[int, int], offsets: tuple[int, ...], year: dict[str, int] | None = None
) -> Draft:
    return Draft(
        family="participation",
        slot=f"vote:{actor}",
        value=vote,
        display=f"{actor} {POSITION_WORDS[vote]}",
        span=span,
        year_offsets=offsets,
        extra={"actor": actor, **(year or {})},
    )


def _listed_votes(sentence: Sentence, ctx: Context) -> Iterator[Draft]:
    for m in _LISTED.finditer(sentence.text):
        word = m.group(0).split("(")[0].strip().lower()
        vote = "abstain" if word.startswith("abst") else "for" if "favo" in word else "against"
        if vote == "for":
            continue  # a list of the majority adds nothing a tally does not say
        for _, _, entity in ctx.lex.find_entities(m.group(1)):
            if entity.kind == "country":
                yield _vote_draft(entity.name, vote, m.span(), (0,))


def _also(ctx: Context, text: str, start: int, end: int) -> list[str]:
    """Actors named after the verb: "..., as did Belarus and Peru", "together with Fiji"."""
    tail = text[start:end]
    m = re.search(r"\b(?:as did|together with|along with|joined by|by)\b", tail)
    names = objects_after(ctx, text, start + m.end(), end, ("country",)) if m else []
    obj = _WITH_OBJECT.search(text[max(0, start - 60) : start + 40])
    if obj:
        names += [e.name for _, _, e in ctx.lex.find_entities(obj.group(1)) if e.kind == "country"]
    return names


def _sponsors(sentence: Sentence, ctx: Context) -> Iterator[Draft]:
    text = sentence.text
    for m in sponsor_re(ctx.lex).finditer(text):
        if _sponsors_something_else(text, m, ctx.lex):
            continue
        a, b = clause_around(text, m.start(), m.end())
        by = re.match(r"\s+by\b", text[m.end() :])
        if by:
            actors = objects_after(ctx, text, m.end() + by.end(), b)
            negated = False
        else:
            actors = subjects_before(ctx, text, a, m.start())
            negated = _negated_between(ctx, text, a, m.start())
        offsets = local_offsets(text, m.start(), m.end(), a, b, ctx)
        for actor in actors:
            yield Draft(
                family="participation",
                slot=f"sponsor:{actor}",
                value=not negated,
                display=f"{actor} {'not ' if negated else ''}a co-sponsor",
                span=m.span(),
                polarity=not negated,
                year_offsets=offsets,
                extra={"actor": actor},
            )


def _sponsors_something_else(text: str, m: re.Match[str], lex: Lexicon) -> bool:
    """ "The European Union sponsored the summit's youth forum": a verb of sponsoring whose
    object names no text voted on sponsors something else."""
    if not m.group(0).lower().endswith("ed"):
        return False
    obj = re.match(
        r"\s+(?:the|a|an|its|their|this|that)\s+((?:[\w'\u2019-]+\s*){1,8})", text[m.end() :], re.I
    )
    if obj is None:
        return False
    return not phrases_re(lex.words("voted_text_nouns")).search(obj.group(1))


def _negated_between(ctx: Context, text: str, a: int, verb: int) -> bool:
    mentions = [e for e in ctx.lex.find_entities(text[a:verb])]
    region = text[a:verb]
    if mentions:
        last = max(end for _, end, _ in ctx.lex.find_entities(region))
        region = region[last:]
    return _NEGATION.search(region) is not None


def _consensus(sentence: Sentence, ctx: Context) -> Iterator[Draft]:
    text = sentence.text
    for key, joined in (("consensus_participation", True), ("consensus_dissociation", False)):
        for m in ctx.lex.phrase_re(key).finditer(text):
            a, _ = clause_around(text, m.start(), m.end())
            actors = subjects_before(ctx, text, a, m.start(), ("country",))
            if not actors and a > 0:  # ", but joined the consensus": the sentence's subject
                actors = [e.name for _, _, e in ctx.lex.find_entities(text[:a]) if e.kind == "country"][:1]
            for actor in actors:
                yield Draft(
                    family="participation",
                    slot=f"consensus:{actor}",
                    value=joined,
                    display=f"{actor} {'joined' if joined else 'stayed out of'} the consensus",
                    span=m.span(),
                    polarity=joined,
                    extra={"actor": actor},
                )
