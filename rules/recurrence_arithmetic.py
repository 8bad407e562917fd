from __future__ import annotations

from collections import defaultdict

from checker.models import Claim, Finding, Verdict
from checker.rule import Rule
from checker.verdicts import Item, cadence, implied_start, make_finding
from checker.wording import ordinal

SKIPPED = "skipped-year"  # "was not staged in 2020": an occurrence the series does not count


class RecurrenceArithmetic(Rule):
    """A report whose own count, first year and date do not add up.

    Bad: a 2024 report says "for the 20th consecutive year" and "every year since 2003"
    (the 20th year from 2003 is 2022).
    Bad too: "the 44th edition" of 2024 with "first held in 1982": more editions than years.
    Good: "the 16th year" with "began in 2005" in a 2020 report; "the 42nd edition" of 2025 with
    "first held in 1983" where a report of the series says "it was not staged in 2020"; "the
    94th final" of 2023 with "first played in 1921": fewer editions than years, which years the
    series skipped can explain where no report tells them (a count "in a row" skips none).
    """

    code = "FL104"
    name = "recurrence-arithmetic"
    slot = "ordinal"

    def applies(self, claim: Claim) -> bool:
        return claim.slot in ("ordinal", "start-year", SKIPPED) and not claim.counted

    def subject(self, claim: Claim) -> str:
        return "arithmetic"

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        by_article: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            by_article[item.claim.article].append(item)
        # a year the series skipped, whichever report says so, is no occurrence it counts
        skipped = frozenset(i.claim.value for i in items if i.claim.slot == SKIPPED)
        every = cadence([i for i in items if i.claim.slot == "ordinal" and not i.claim.counted], skipped)
        findings = []
        for article in sorted(by_article):
            finding = self._check(series, by_article[article], skipped, every)
            if finding:
                findings.append(finding)
        return findings

    def _check(self, series: str, items: list[Item], skipped: frozenset[int], every: int) -> Finding | None:
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
            implied = implied_start(count.year, count.claim.value, skipped, every)
            for start in starts:
                if implied > start.claim.value and not count.claim.detail("in_a_row"):
                    continue  # "the 94th final" of a cup first played in 1921: years it skipped
                if implied != start.claim.value:
                    held = (
                        (count.year - start.claim.value) // every
                        + 1
                        - sum(start.claim.value <= g <= count.year for g in skipped)
                    )
                    return make_finding(
                        self,
                        series,
                        "arithmetic",
                        Verdict.CONFLICT,
                        [[count], [start]],
                        f"'{count.claim.display}' in {count.year} counts from {implied}, but the "
                        f"same report says '{start.claim.display}' (which makes {count.year} the "
                        f"{ordinal(held)} {'occurrence' if skipped or every > 1 else 'year'}).",
                    )
        return None
