from __future__ import annotations

from checker.rule import Rule


class ConsensusParticipation(Rule):
    """A country said to join the consensus in one report and to stay out of it in another.

    Bad: "Peru joined the consensus" against "Peru dissociated itself from the
    consensus" about the same adoption.
    Good: the same country joining one year and dissociating the next (a time-shift).
    """

    code = "FL204"
    name = "consensus-participation"
    slot = "consensus"
    report_time_shifts = True
