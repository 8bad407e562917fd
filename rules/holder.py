from __future__ import annotations

import dataclasses
from collections import defaultdict

from checker import verdicts
from checker.kinds.holder import misspelt
from checker.models import Finding
from checker.rule import KindRule
from checker.verdicts import Item


class Holder(KindRule):
    """Different holders of one role at one occurrence: the winner, the host, the organiser, the chair.

    Bad: "Italy won the contest" against "the winner was Malta" about the same final; "hosted by
    Baku" against "the host city, Tbilisi" about the same conference.
    Good: "Kipchoge" and "Eliud Kipchoge" (one name, written short); "Sweden won" and "Loreen
    won" (a singer wins for a country); the winners of 2023 and 2024 (a time-shift); the men's
    winner and the women's winner.
    """

    code = "FL111"
    name = "holder"
    kind_name = "holder"
    report_time_shifts = True

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        found = verdicts.judge_per_occurrence(self, series, subject, _outweighed(self, items))
        # one holder spelled two ways ("Kiprop" / "Kiprob") agrees, so it is a variant, as
        # FL501 says of a person's name; a country's name is never misspelt so
        spellings = verdicts.judge_spellings(
            self, series, f"{subject}:name-spelling", items, _named_holders, misspelt
        )
        return found + spellings


def _named_holders(item: Item) -> list[str]:
    return [key for actor, key in item.claim.value if actor != "country"]


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
            and not all(rule.compatible(item.claim.value, a.claim.value) for a in anchors)
        )
        out.append(dataclasses.replace(item, year=None) if weaker else item)
    return out
