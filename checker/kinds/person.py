"""Person: a named person and the role (organisation, title) a report gives them."""

from __future__ import annotations

from typing import Any

from checker.kinds import Kind
from checker.models import Claim


class Person(Kind):
    name = "person"
    summary = "a named person and their role: Anna Berg, finance minister"

    def chart(self, claim: Claim, year: int | None = None) -> str:
        return str(claim.value)

    def label(self, claim: Claim) -> str:
        org, title = claim.detail("org"), claim.detail("title")
        return f"{claim.value}: {' '.join(p for p in (org, title) if p) or 'no role'}"

    def compatible(self, a: Any, b: Any) -> bool:
        """Values are (organisation, title): a part one side leaves out agrees."""
        return all(x is None or y is None or x == y for x, y in zip(a, b, strict=True))


KIND = Person()
