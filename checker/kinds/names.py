"""Names: a set of actors in one role ("led by Chile and Ghana"); "and others" leaves it open."""

from __future__ import annotations

from typing import Any

from checker.kinds import Kind
from checker.models import Claim


class Names(Kind):
    name = "names"
    summary = "who is in a role, as a list: Chile & Ghana"

    def compact(self, claim: Claim) -> str:
        return "+".join(claim.value) + ("+…" if claim.qualifier == "at-least" else "")

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return " & ".join(map(str, claim.value))

    def compatible(self, a: Any, b: Any) -> bool:
        """Values are (names, qualifier): an open list ("X and others") holds a longer one."""
        (names_a, qual_a), (names_b, qual_b) = a, b
        if set(names_a) == set(names_b):
            return True
        if qual_a == "at-least" and set(names_a) <= set(names_b):
            return True
        return qual_b == "at-least" and set(names_b) <= set(names_a)


KIND = Names()
