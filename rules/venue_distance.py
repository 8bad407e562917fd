from __future__ import annotations

import dataclasses
from collections import defaultdict

from checker import verdicts
from checker.models import Finding
from checker.rule import KindRule
from checker.verdicts import Item


class VenueDistance(KindRule):
    """Different distances from one city for where one occurrence is held: the venue is not both
    a suburb of the city and 65 miles from it.

    Bad: "the talks in the town of Velden, about 65 miles north of Lakeside" against "the deal,
    struck in a Lakeside suburb" about the same year's talks, though one report tells of their
    opening and the other of their close (the meetings of a year that names one are held in one
    place).
    Good: "30 km north of Lakeside" and "a Lakeside suburb" (the ranges meet); a suburb in 2023
    and a town 60 miles away in 2024 (a time-shift: the venue moved); distances from two cities.
    """

    code = "FL115"
    name = "venue-distance"
    kind_name = "vicinity"
    report_time_shifts = True

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        """Per year, across the meetings of a year that names one meeting at most: the opening
        day (no meeting named) and the closing plenary of one conference are held in one place;
        a year whose reports name two meetings (a pre-session and the conference) may hold them
        in two places, so each is judged alone."""
        by_year: dict[int | None, list[Item]] = defaultdict(list)
        for item in items:
            by_year[item.year].append(item)
        judged: list[Item] = []
        for year, group in by_year.items():
            meetings = {i.meeting for i in group if i.meeting_known and i.meeting}
            if year is not None and len(meetings) <= 1:
                group = [dataclasses.replace(i, meeting=None, meeting_known=True) for i in group]
            judged += group
        return verdicts.judge_per_occurrence(self, series, subject, judged)
