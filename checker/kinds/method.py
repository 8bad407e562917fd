"""Method: how a decision was taken (by consensus, by a recorded vote), one word a method."""

from __future__ import annotations

from checker.kinds import Kind
from checker.models import Claim


class Method(Kind):
    name = "method"
    summary = "how a decision was taken: consensus or a recorded vote"

    def compact(self, claim: Claim) -> str:
        return "consensus" if claim.value == "consensus" else "vote"

    def chart(self, claim: Claim, year: int | None = None) -> str | None:
        return claim.value.replace("-", " ") if isinstance(claim.value, str) else None

    def label(self, claim: Claim) -> str:
        return "by consensus" if claim.value == "consensus" else "by recorded vote"


KIND = Method()
