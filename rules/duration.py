from __future__ import annotations

from checker.rule import KindRule


class Duration(KindRule):
    """Different times or margins for one result of one race ("won in 2:05:04" against "2:06:04"),
    or different lengths of one event ("the 11-day conference" against "12 days of talks").

    Bad: "Ana Ruiz won in 2:21:09" against "Ruiz crossed the line in 2:22:09" about the same
    race; "won by 15 seconds" against "a winning margin of 25 seconds"; "the 11-day
    conference" against "the 12 days of scheduled talks" about the same conference.
    Good: "2 hours 21 minutes" and "2:21:09" (the same time to the minute); the winning time of
    2023 and of 2024 (a time-shift); the men's winning time and the women's; "a two-week
    summit" and "the 12-day conference" (a week is said loosely).
    """

    code = "FL106"
    name = "duration"
    kind_name = "duration"
    report_time_shifts = True
