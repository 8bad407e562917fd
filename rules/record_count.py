from __future__ import annotations

from checker.rule import KindRule


class RecordCount(KindRule):
    """Different counts of how often one subject has had one outcome, as of one occurrence
    ("has finished last three times" against "five last-place finishes since 2004").

    Bad: "Norway has finished in last place three times" against "Norway, which has had five
    last-place finishes since 2004" about the same contest: five since 2004 makes at least
    five in all; "Ireland has won seven times" against "Ireland's nine wins".
    Good: "has won three times since 2010" and "has won five times" (a part of the history
    holds fewer); "five previous wins" and "its sixth win" (one counts before this edition's
    result); Sweden's wins in 2015 and in 2023 (each edition has its own count); Ireland's
    wins and Ireland's last places; a singer's wins and her country's.
    """

    code = "FL114"
    name = "record-count"
    kind_name = "record"
