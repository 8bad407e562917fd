from __future__ import annotations

from checker.rule import Rule


class VoteTally(Rule):
    """Different vote tallies for one meeting ("116-20-52" against "116-20-53").

    Bad: "by 116 votes to 20, with 52 abstentions" and "116 for, 20 against, 53 abstentions"
    about the same plenary vote.
    Good: "187-3" and "187-3, with 2 abstentions": a tally that leaves a part out agrees.
    """

    code = "FL302"
    name = "vote-tally"
    slot = "tally"
