from __future__ import annotations

from collections import defaultdict

from checker.models import Claim, Finding, Verdict
from checker.rule import Rule
from checker.verdicts import Item, make_finding

IMPLAUSIBLE = "implausible-year"  # the slot the reader keeps such years in
_WHY = {
    "digits": "no calendar year has five digits",
    "start-after-report": "a first year after the year the report was published ({published})",
    "event-after-report": "an edition told as held after the report was published ({published})",
}


class ImplausibleYear(Rule):
    """A year a report gives that cannot be right: an error of the report itself.

    Bad: "held every year since 20005" (five digits); "adopted every year since 2031" or
    "the 2027 contest was won by ..." in a report published in 2024; "for the 30th consecutive
    year" of a streak within a series that, the same report says, began in 2010.
    Good: "will be held in 2027" and "by 2035" (plans and targets); "20005 Main Street",
    "2,005 delegates" and "A/RES/20005" (not years); "since 2005" in a 2024 report.
    """

    code = "FL112"
    name = "implausible-year"
    slot = IMPLAUSIBLE

    def applies(self, claim: Claim) -> bool:
        return claim.slot == IMPLAUSIBLE or _streak(claim) or _series_start(claim)

    def subject(self, claim: Claim) -> str:
        return IMPLAUSIBLE

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        by_article: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            by_article[item.claim.article].append(item)
        findings: list[Finding] = []
        for article in sorted(by_article):
            findings += self._impossible(series, by_article[article])
            findings += self._streaks(series, by_article[article])
        return findings

    def _impossible(self, series: str, items: list[Item]) -> list[Finding]:
        """One finding a year the reader kept as impossible (it is read once, whatever the
        years the report speaks for)."""
        found = {i.claim.id: i for i in items if i.claim.slot == IMPLAUSIBLE}
        return [
            self._finding(
                series,
                [[item]],
                f"'{item.claim.display}' cannot be right: "
                + _WHY[item.claim.detail("why")].format(published=item.claim.detail("published"))
                + ".",
            )
            for _, item in sorted(found.items())
        ]

    def _streaks(self, series: str, items: list[Item]) -> list[Finding]:
        """A streak within the series ("without a vote for the 30th consecutive year") longer
        than the series the same report says began in a given year (counts of the series
        itself are checked against its first year by FL104)."""
        starts = [i for i in items if _series_start(i.claim)]
        streaks = [i for i in items if _streak(i.claim) and i.year is not None and not i.self_dated]
        for streak in streaks:
            for start in starts:
                elapsed = streak.year - start.claim.value + 1
                if 0 < elapsed < streak.claim.value:
                    return [
                        self._finding(
                            series,
                            [[streak], [start]],
                            f"'{streak.claim.display}' in {streak.year} is a streak of "
                            f"{streak.claim.value} years, but the same report says "
                            f"'{start.claim.display}': the series is {elapsed} years old.",
                        )
                    ]
        return []

    def _finding(self, series: str, sides: list[list[Item]], why: str) -> Finding:
        """A year of one report that cannot be right: a conflict within that report."""
        return make_finding(self, series, IMPLAUSIBLE, Verdict.CONFLICT, sides, why)


def _streak(claim: Claim) -> bool:
    """A count of consecutive years of something within the series (a sub-series)."""
    return (
        claim.slot == "ordinal"
        and bool(claim.counted)
        and not claim.counted.endswith("(total)")
        and bool(claim.detail("consecutive"))
    )


def _series_start(claim: Claim) -> bool:
    return claim.slot == "start-year" and not claim.counted
