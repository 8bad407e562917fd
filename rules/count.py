from __future__ import annotations

from checker.rule import KindRule


class Count(KindRule):
    """Different counts of one thing at one occurrence ("12,000 runners" against "9,000").

    Bad: "More than 12,000 runners lined up" against "some 9,000 runners started" about the
    same race; "26 finalists" against "25 finalists" about the same final.
    Good: "more than 12,000" and "12,400" (a range holds the number); 11,904 finishers in
    2023 and 12,210 in 2024 (a time-shift); the men's field and the women's field.
    """

    code = "FL105"
    name = "count"
    kind_name = "count"
    report_time_shifts = True
