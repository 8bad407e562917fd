from __future__ import annotations

from checker.rule import KindRule


class Contribution(KindRule):
    """Different counts of what one country or body sent at one occurrence ("250 doctors"
    against "more than 600 doctors").

    Bad: "Fiji has sent some 300 peacekeepers" against "the island nation sent more than 600
    peacekeepers" about the same year.
    Good: "about 600" and "more than 600" (the ranges meet); 300 peacekeepers sent in 2023 and
    450 in 2024 (a time-shift); Fiji's peacekeepers and Tonga's; troops sent and troops pledged.
    """

    code = "FL113"
    name = "contribution"
    kind_name = "contribution"
    report_time_shifts = True
