"""The names one person goes by, joined within a series. A report that says "Lena Holm, who
performs as Nova" makes Nova and Lena Holm one person in every report of its series: "the
32-year-old Nova" in one report and "Lena Holm, 33" in another tell one person's age, so results
keyed by a person (an age, a place, a time, a score) are keyed by the person's own name, and a
role held under either name ("Nova won", "Lena Holm won") is held by one person.

Where reports give one name two own names (a real-name conflict), the one most reports give is
used, then the first in alphabetical order: the conflict itself is the real-name rule's.

"The winner" is a name too, within one report: a result keyed by the winner ("the winning time
of 2:05:04") is keyed by the one the report names as this occurrence's winner ("Daniel Kiprop
won"), category by category, so it is compared with the times other reports give under the
winner's name."""

from __future__ import annotations

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping

from checker.families import family_of_slot
from checker.kinds import kind_of
from checker.models import Claim, Occurrence
from checker.wording import name_key

ALIAS_KIND = "alias"
HOLDER_KIND = "holder"  # who holds a role: ("person", "nova") is held by the person's own name
WINNER = "winner"  # the family of an occurrence's winner, and the key of a result said of it
# kinds whose slots name the person a result is about: "age:ana ruiz", "place:daniel kiprop"
PERSON_KEYED_KINDS = frozenset({"place", "duration", "age", "score"})


def own_names(claims: Iterable[Claim], occurrences: Mapping[str, Occurrence]) -> dict[str, dict[str, str]]:
    """For each series, the key of every name someone goes by and the key of their own name."""
    said: dict[str, dict[str, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for claim in claims:
        if family_of_slot(claim.slot).kind == ALIAS_KIND and not claim.attributed:
            series = occurrences[claim.article].series
            said[series][claim.slot.split(":", 1)[1]][name_key(str(claim.value))] += 1
    return {
        series: {alias: min(owns, key=lambda own: (-owns[own], own)) for alias, owns in names.items()}
        for series, names in said.items()
    }


def under_own_names(claims: list[Claim], occurrences: Mapping[str, Occurrence]) -> list[Claim]:
    """The claims, each result keyed by a name someone goes by keyed by their own name, and
    each keyed by "the winner" by the report's winner."""
    names = own_names(claims, occurrences)
    winners = _winners(claims)
    if winners:
        claims = [_winner_named(c, winners.get(c.article, {})) for c in claims]
    if not names:
        return claims
    return [_renamed(c, names.get(occurrences[c.article].series, {})) for c in claims]


def _winners(claims: Iterable[Claim]) -> dict[str, dict[str, str]]:
    """For each report, the key of the one winner it names of its own occurrence, by category
    ("" for the whole event, ":women" for the women's race)."""
    said: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    for claim in claims:
        family, _, category = claim.slot.partition(":")
        own = claim.year_offsets == (0,) and not claim.detail("year") and not claim.attributed
        if family == WINNER and own and isinstance(claim.value, tuple):
            said[claim.article][f":{category}" if category else ""].update(
                str(h[1]) for h in claim.value if isinstance(h, tuple) and len(h) == 2
            )
    return {
        article: {category: next(iter(keys)) for category, keys in by.items() if len(keys) == 1}
        for article, by in said.items()
    }


def _winner_named(claim: Claim, winners: Mapping[str, str]) -> Claim:
    family, *keys = claim.slot.split(":")
    if not keys or keys[0] != WINNER or kind_of(claim).name not in PERSON_KEYED_KINDS:
        return claim
    if claim.year_offsets != (0,) or claim.detail("year"):
        return claim  # "Last year the winning time was 2:07:30": another year's winner
    category = "".join(f":{k}" for k in keys[1:])
    named = winners.get(category)
    return claim if named is None else dataclasses.replace(claim, slot=":".join((family, named, *keys[1:])))


def _renamed(claim: Claim, own: Mapping[str, str]) -> Claim:
    if not own:
        return claim
    kind = kind_of(claim).name
    if kind == HOLDER_KIND and isinstance(claim.value, tuple):
        # "Nova won" and "Lena Holm won": one winner, held by one person
        held = tuple(_own_holder(h, own) for h in claim.value)
        return claim if held == claim.value else dataclasses.replace(claim, value=tuple(sorted(set(held))))
    if kind not in PERSON_KEYED_KINDS:
        return claim
    family, *keys = claim.slot.split(":")
    if not keys or keys[0] not in own:
        return claim
    return dataclasses.replace(claim, slot=":".join((family, own[keys[0]], *keys[1:])))


def _own_holder(holder: object, own: Mapping[str, str]) -> object:
    if isinstance(holder, tuple) and len(holder) == 2 and holder[0] == "person" and holder[1] in own:
        return ("person", own[holder[1]])
    return holder
