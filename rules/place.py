from __future__ import annotations

from checker.rule import KindRule


class Place(KindRule):
    """Different places for one finisher of one race or contest ("came 24th" against "11th").

    Bad: "Peru finished in 11th place" against "Peru came 24th" about the same final; "Ana
    Ruiz was third" against "runner-up Ana Ruiz".
    Good: Peru fourth in 2023 and second in 2024 (a time-shift); Peru first in the televote and
    fourth overall (the televote is its own ranking); the men's race and the women's.
    """

    code = "FL107"
    name = "place"
    kind_name = "place"
    report_time_shifts = True
