from __future__ import annotations

from checker.rule import Rule


class Sponsorship(Rule):
    """A country named a co-sponsor in one report and not a co-sponsor in another.

    Bad: "Chile was one of the co-sponsors" and, of the same year, "Chile has not
    been listed as a co-proposer".
    Good: a sponsor in 2018 and not a sponsor in 2020 (a time-shift: it changed its mind).
    """

    code = "FL201"
    name = "sponsorship"
    slot = "sponsor"
    report_time_shifts = True
