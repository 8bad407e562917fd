from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from checker import verdicts
from checker.models import Claim, Finding
from checker.rule import Rule
from checker.verdicts import Item

SKIPPED = "skipped-year"  # "no contest was held in 2020": an occurrence the series does not count


class OrdinalYear(Rule):
    """Recurrence counts ("for the 16th consecutive year") that imply different first years.

    Bad: a 2009 report says "for the 19th year in a row" and another 2009 report says
    "for the 18th year in a row": one of them miscounts.
    Good: "the 14th consecutive year" in 2018 and "the 16th" in 2020 both count from 2005
    (a time-shift, shown as info); "the 64th contest" in 2019 and "the 65th" in 2021 where a
    report says no contest was held in 2020.
    """

    code = "FL101"
    name = "ordinal-year"
    slot = "ordinal"

    def applies(self, claim: Claim) -> bool:
        return super().applies(claim) or claim.slot == SKIPPED

    def subject(self, claim: Claim) -> str:
        return f"ordinal:{claim.counted or 'series'}"

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        skipped = frozenset(i.claim.value for i in items if i.claim.slot == SKIPPED)
        counts = [i for i in items if i.claim.slot != SKIPPED]
        return [_torn(f) for f in verdicts.judge_derived(self, series, subject, counts, skipped)]


def _torn(finding: Finding) -> Finding:
    """A report on two sides of a count names its own edition two ways ("COP24" in one
    sentence, "COP25" in another): say so, since no year or reading settles that."""
    values: dict[str, list[str]] = defaultdict(list)
    for side in finding.sides:
        for article in side.articles:
            values[article].append(side.value)
    torn = sorted((a, v) for a, v in values.items() if len(v) > 1)
    if not torn:
        return finding
    notes = "; ".join(f"{a} itself says {' and '.join(v)}" for a, v in torn)
    return replace(finding, explanation=f"{finding.explanation} {notes}.")
