from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Hashable
from typing import Any

from rapidfuzz.distance import Levenshtein

from checker import verdicts
from checker.families import family_of_slot
from checker.kinds.holder import holders_agree, misspelt, same_holder
from checker.models import Claim, Finding
from checker.rule import KindRule
from checker.verdicts import Item
from checker.wording import name_key
from rules.name_variant import similar


class Holder(KindRule):
    """Different holders of one role at one occurrence: the winner, the host, the organiser, the
    chair, the referee (or umpire), and a role one person holds that a title names (a country's
    ambassador to a body).

    Bad: "Italy won the contest" against "the winner was Malta" about the same final; "hosted by
    Baku" against "the host city, Tbilisi" about the same conference; "Sweden's ambassador to
    the UN, Lena Holm" against "Swedish ambassador Per Strand" about the same vote.
    Good: "Kipchoge" and "Eliud Kipchoge" (one name, written short); "Sweden won" and "Loreen
    won" (a singer wins for a country); the winners of 2023 and 2024 (a time-shift); the men's
    winner and the women's winner; two ministers of one country (many hold that title at once);
    "former conference president Ana Ruiz" (another time's holder); a report that names two
    ambassadors of one country itself (two postings its titles do not tell apart).
    """

    code = "FL111"
    name = "holder"
    kind_name = "holder"
    report_time_shifts = True

    def applies(self, claim: Claim) -> bool:
        # a person whose title names a role of one holder (people.py reads it, roles.yaml lists them)
        return super().applies(claim) or claim.detail("holds") is not None

    def subject(self, claim: Claim) -> str:
        return claim.detail("holds") or claim.slot

    def value(self, claim: Claim) -> Hashable:
        if claim.detail("holds") is not None:  # a person, as the holder kind names one
            return (("person", name_key(claim.value)),)
        return claim.value

    def compatible(self, a: Any, b: Any) -> bool:
        """As the holder kind says; a person of one role may also be written with more or
        fewer names and a letter off ("Sultan al-Jaber", "Sultan Ahmed Al Jaber"): role
        first, then spelling, as FL501 matches people."""
        return holders_agree(a, b, _one_holder)

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        items = _clear(self, items)
        if any(i.claim.detail("holds_edition") for i in items):  # "COP28 President" in any year
            return verdicts.judge_fixed(self, series, subject, items)
        if family_of_slot(subject).kind != self.kind_name:  # a role read from a title alone
            return [
                finding
                for part in _by_body(items)
                for finding in verdicts.judge_per_occurrence(self, series, subject, part)
            ]
        found = verdicts.judge_per_occurrence(self, series, subject, _outweighed(self, items))
        # one holder spelled two ways ("Kiprop" / "Kiprob") agrees, so it is a variant, as
        # FL501 says of a person's name; a country's name is never misspelt so
        # a person the report also names with a title is FL501's to spell: one finding, not two
        titled = {(i.claim.article, self.value(i.claim)) for i in items if i.claim.detail("holds")}
        read = [
            i for i in items if not i.claim.detail("holds") and (i.claim.article, i.claim.value) not in titled
        ]
        spellings = verdicts.judge_spellings(
            self, series, f"{subject}:name-spelling", read, _named_holders, misspelt
        )
        return found + spellings


def _clear(rule: Holder, items: list[Item]) -> list[Item]:
    """A report that itself names two holders of a role read from titles means two roles the
    titles do not tell apart (an ambassador to the UN, another to the host country): its
    titled claims of that role are left out."""
    own: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        if item.claim.detail("holds"):
            own[item.claim.article].append(item)
    unclear = {
        article
        for article, mine in own.items()
        if any(not rule.compatible(rule.value(a.claim), rule.value(b.claim)) for a in mine for b in mine)
    }
    return [i for i in items if not (i.claim.detail("holds") and i.claim.article in unclear)]


def _one_holder(a: str, b: str, actor: str) -> bool:
    if same_holder(a, b, actor):
        return True
    if actor != "person":
        return False
    a, b = a.replace("-", " "), b.replace("-", " ")  # "al-Hadi" is "Al Hadi"
    return same_holder(a, b, actor) or similar(a, b) or _within(a, b) or _within(b, a)


def _within(short: str, long: str) -> bool:
    """Each word of one name stands, in order, in the other, as written or one letter off
    in a word of five letters or more: "Karim al-Rashed" within "Karim Yusuf Al Rashid"."""
    words = iter(long.split())
    wanted = short.split()
    return len(wanted) > 1 and all(any(_close(w, x) for x in words) for w in wanted)


def _close(a: str, b: str) -> bool:
    return a == b or min(len(a), len(b)) >= 5 and Levenshtein.distance(a, b) <= 1


def _named_holders(item: Item) -> list[str]:
    return [key for actor, key in item.claim.value if actor != "country"]


def _by_body(items: list[Item]) -> list[list[Item]]:
    """A country has an ambassador at each body ("to the UN", "to the EU"): where reports name
    two bodies, each is compared alone and a title that names none is left out."""
    bodies = sorted({b for i in items if (b := i.claim.detail("holds_at"))})
    if len(bodies) < 2:
        return [items]
    return [[i for i in items if i.claim.detail("holds_at") == body] for body in bodies]


def _outweighed(rule: Holder, items: list[Item]) -> list[Item]:
    """A holder changes every year, so a holder that contradicts reports naming the year
    ("the winner of the 2016 contest") says more about its own report's placement than about
    the occurrence when that report names no year for it: such claims are left unresolved
    (the finding asks for the report's date) instead of raising a conflict."""
    named: dict[tuple[int | None, str | None], list[Item]] = defaultdict(list)
    for item in items:
        if item.resolved and item.claim.detail("year") == item.year:
            named[(item.year, item.meeting)].append(item)
    out: list[Item] = []
    for item in items:
        anchors = named.get((item.year, item.meeting), [])
        weaker = (
            anchors
            and not item.claim.detail("year")
            and all(a.claim.article != item.claim.article for a in anchors)
            and not all(rule.compatible(rule.value(item.claim), rule.value(a.claim)) for a in anchors)
        )
        out.append(dataclasses.replace(item, year=None) if weaker else item)
    return out
