from __future__ import annotations

from typing import Any

from checker.models import Claim, SlotClass
from checker.rule import Rule
from checker.wording import name_key


class PersonRole(Rule):
    """One named person given different roles in reports of the same occurrence.

    Bad: "Finance Minister Anna Berg" and "deputy finance minister Anna Berg" about the same
    meeting.
    Good: "Anna Berg" as finance minister in one report and no title at all in another.
    """

    code = "FL203"
    name = "person-role"
    slot = "person"
    slot_class = SlotClass.PER_OCCURRENCE

    def subject(self, claim: Claim) -> str:
        return f"person:{name_key(claim.value)}"

    def value(self, claim: Claim) -> Any:
        return (claim.detail("org"), claim.detail("title"))

    def compatible(self, a: Any, b: Any) -> bool:
        return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))

    def label(self, claim: Claim) -> str:
        org, title = claim.detail("org"), claim.detail("title")
        return f"{claim.value}: {' '.join(p for p in (org, title) if p) or 'no role'}"
