"""Stance: an actor's position on a question (voted for, against, abstained; a co-sponsor or
not; joined the consensus or not). The actor is part of the slot, so only one actor's stances
are compared."""

from __future__ import annotations

from typing import Any

from checker.kinds import Kind
from checker.models import Claim

# how a vote position is said, in displays and reports alike
POSITION_WORDS = {
    "against": "voted against",
    "abstain": "abstained",
    "for": "voted in favour",
    "absent": "did not vote",
}
_SAID = {
    **POSITION_WORDS,
    True: "took part",
    False: "did not take part",
}


class Stance(Kind):
    name = "stance"
    summary = "an actor's position: voted against, abstained, a co-sponsor or not"

    def json(self, claim: Claim) -> Any:
        return claim.value

    def compact(self, claim: Claim) -> str:
        return str(claim.value)

    def label(self, claim: Claim) -> str:
        from checker.families import family_of_slot

        actor = claim.detail("actor") or claim.slot.partition(":")[2]
        said = family_of_slot(claim.slot).said(claim.value) or _SAID.get(claim.value, str(claim.value))
        return f"{actor} {said}"


KIND = Stance()
