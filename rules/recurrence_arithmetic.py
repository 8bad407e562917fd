from __future__ import annotations

from collections import defaultdict

from checker.models import Claim, Finding, Verdict
from checker.rule import Rule
from checker.verdicts import Item, make_finding
from checker.wording import ordinal


class RecurrenceArithmetic(Rule):
    """A report whose own count, first year and date do not add up.

    Bad: a 2024 report says "for the 20th consecutive year" and "every year since 2003"
    (the 20th year from 2003 is 2022).
    Good: "the 16th year" with "began in 2005" in a 2020 report.
    """

    code = "FL104"
    name = "recurrence-arithmetic"
    slot = "ordinal"

    def applies(self, claim: Claim) -> bool:
        return claim.slot in ("ordinal", "start-year") and not claim.counted

    def subject(self, claim: Claim) -> str:
        return "arithmetic"

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        by_article: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            by_article[item.claim.article].append(item)
        findings = []
        for article in sorted(by_article):
            finding = self._check(series, by_article[article])
            if finding:
                findings.append(finding)
        return findings

    def _check(self, series: str, items: list[Item]) -> Finding | None:
        counts = [
            i
            for i in items
            if i.claim.slot == "ordinal"
            and i.year is not None
            and not i.self_dated
            and i.claim.year_offsets == (0,)
        ]
        starts = [i for i in items if i.claim.slot == "start-year"]
        for count in counts:
            for start in starts:
                expected = start.claim.value + count.claim.value - 1
                if expected != count.year:
                    return make_finding(
                        self,
                        series,
                        "arithmetic",
                        Verdict.CONFLICT,
                        [[count], [start]],
                        f"'{count.claim.display}' in {count.year} counts from "
                        f"{count.year - count.claim.value + 1}, but the same report says "
                        f"'{start.claim.display}' (which makes {count.year} the "
                        f"{ordinal(count.year - start.claim.value + 1)} year).",
                    )
        return None
