from __future__ import annotations

from checker.rule import KindRule


class Score(KindRule):
    """Different points (or votes) for one actor at one occurrence ("292 points" against "293").

    Bad: "Italy finished third with 292 points" against "third was Italy on 293 points" about
    the same final; "Ukraine received 439 points in the public vote" against "431 points in
    the public vote".
    Good: the same score written two ways ("Sweden (583 points)", "Sweden won with 583
    points"); Ukraine's 192 jury points and its 631 points in all (a part and the total are
    never compared); Sweden's 365 points in 2015 and 583 in 2023 (a time-shift).
    """

    code = "FL108"
    name = "score"
    kind_name = "score"
    report_time_shifts = True
