from __future__ import annotations

import dataclasses

from checker import verdicts
from checker.models import Finding
from checker.rule import KindRule
from checker.verdicts import Item


class VenueDistance(KindRule):
    """Different distances from one city for where one occurrence is held: the venue is not both
    a suburb of the city and 65 miles from it.

    Bad: "the talks in the town of Velden, about 65 miles north of Lakeside" against "the deal,
    struck in a Lakeside suburb" about the same year's talks, though one report tells of their
    opening and the other of their close (every meeting of a year is held in one place).
    Good: "30 km north of Lakeside" and "a Lakeside suburb" (the ranges meet); a suburb in 2023
    and a town 60 miles away in 2024 (a time-shift: the venue moved); distances from two cities.
    """

    code = "FL115"
    name = "venue-distance"
    kind_name = "vicinity"
    report_time_shifts = True

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        """Per year, whatever the meeting: an opening and a closing are held in one place."""
        yearly = [
            dataclasses.replace(i, meeting=None, meeting_known=True) for i in items if i.year is not None
        ]
        unplaced = [i for i in items if i.year is None]
        return verdicts.judge_per_occurrence(self, series, subject, yearly + unplaced)
