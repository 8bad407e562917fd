from __future__ import annotations

from typing import Any

from checker.models import Claim
from checker.rule import Rule
from checker.wording import name_key

_EVENT = "the occurrence's own role"


class PersonRole(Rule):
    """One named person given different roles in reports of the same occurrence.

    Bad: "Finance Minister Anna Berg" and "deputy finance minister Anna Berg" about the same
    meeting.
    Good: "Anna Berg" as finance minister in one report and no title at all in another;
    "conference president Anna Berg" and "Finance Minister Anna Berg" (a minister may preside
    over a conference: a role of the occurrence is held besides an office); "Foreign Minister
    Anna Berg" and "Minister Berg" (a title written short).
    """

    code = "FL203"
    name = "person-role"
    slot = "person"

    def subject(self, claim: Claim) -> str:
        return f"person:{name_key(claim.value)}"

    def value(self, claim: Claim) -> Any:
        if claim.detail("holds_event"):
            return (_EVENT, claim.detail("holds"))
        return (claim.detail("org"), claim.detail("title"))

    def compatible(self, a: Any, b: Any) -> bool:
        if _EVENT in (a[0], b[0]):
            return True
        return self.kind.compatible((a[0], _fuller(a[1], b[1])), (b[0], _fuller(b[1], a[1])))


def _fuller(title: str | None, other: str | None) -> str | None:
    """A title written short stands for the fuller one ("minister" for "foreign minister"),
    but a deputy is another role ("deputy minister" is not the minister)."""
    if title and other and other.endswith(" " + title) and not other.startswith(("deputy ", "vice ")):
        return other
    return title
