from __future__ import annotations

from checker.rule import Rule


class EffectiveDate(Rule):
    """Different dates given for when one named text took effect ("in force since 2016" / "2020").

    Bad: "The Lindau deal comes into force in 2020" in one report and "It entered into force on
    4 March 2011", said of the Lindau Agreement, in another: one text takes effect once, so
    the two cannot both be true, whatever year each report is about.
    Good: "entered into force in 2016" and "came into force on 4 March 2011" (the same day,
    to a coarser precision); the day the Lindau Accord took effect and the day the Arden Water
    Act did (two texts).
    """

    code = "FL402"
    name = "effective-date"
    slot = "effective-date"
