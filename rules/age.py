from __future__ import annotations

from checker.rule import KindRule


class Age(KindRule):
    """Different ages for one person at one occurrence ("Maria Lopez, 32" against "31-year-old").

    Bad: "the winner, Maria Lopez, 32," against "the 31-year-old Maria Lopez" about the same
    race.
    Good: "Lopez (32)" and "Maria Lopez, aged 32"; 32 in the 2023 report and 33 in the 2024
    one (a time-shift: people age).
    """

    code = "FL109"
    name = "age"
    kind_name = "age"
    report_time_shifts = True
