from __future__ import annotations

from checker.aliases import PERSON_KEYED_KINDS
from checker.kinds import kind_of
from checker.kinds.holder import misspelt
from checker.models import Claim, Finding, SlotClass
from checker.rule import Rule
from checker.verdicts import Item, judge_spellings


class NameSpelling(Rule):
    """One competitor's name spelled two ways in reports of one occurrence ("Kiprop" / "Kiprob").

    Bad: "Daniel Kiprop finished second in 2:06:12" and "Daniel Kiprob finished second" about
    the same race: one runner, two spellings (a variant, a warning).
    Good: "Daniel Kiprop" and "Kiprop" (one name, written short); "Daniel Kiprop" and "Daniel
    Kimutai" (two runners); the same spelling in every report.
    """

    code = "FL502"
    name = "name-spelling"
    slot = "result-name"  # no family of its own: it reads the names that key results
    slot_class = SlotClass.PER_OCCURRENCE
    severity = "warning"  # it finds variants, never conflicts

    def applies(self, claim: Claim) -> bool:
        return kind_of(claim).name in PERSON_KEYED_KINDS and _person(claim) is not None

    def subject(self, claim: Claim) -> str:
        return "result-name"

    def label(self, claim: Claim) -> str:
        return claim.display

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        return judge_spellings(self, series, subject, items, _names, misspelt)


def _names(item: Item) -> list[str]:
    return [_person(item.claim) or ""]


def _person(claim: Claim) -> str | None:
    """The person a result's slot names: a lower-case name key of two words or more."""
    parts = claim.slot.split(":")
    key = parts[1] if len(parts) > 1 else ""
    return key if key == key.lower() and " " in key else None
