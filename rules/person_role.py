from __future__ import annotations

from typing import Any

from checker.models import Claim
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

    def subject(self, claim: Claim) -> str:
        return f"person:{name_key(claim.value)}"

    def value(self, claim: Claim) -> Any:
        return (claim.detail("org"), claim.detail("title"))
