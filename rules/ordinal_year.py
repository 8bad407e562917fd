from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from checker import verdicts
from checker.models import Claim, Finding, Side, Verdict
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
        findings = verdicts.judge_derived(self, series, subject, counts, skipped)
        return [_torn(f) for f in _face_each_other(findings, counts, skipped)]


def _face_each_other(findings: list[Finding], items: list[Item], skipped: frozenset[int]) -> list[Finding]:
    """Odd ones out of one occurrence disagree with each other too ("19th" and "20th" in one
    year where the rest of the series says "18th"): each one's finding shows the other."""
    dated = [i for i in items if i.year is not None]
    every = verdicts.cadence(dated, skipped)
    starts = {i.claim.id: verdicts.implied_start(i.year, i.claim.value, skipped, every) for i in dated}
    places = {i.claim.id: (i.year, i.meeting) for i in dated}
    reports: dict[int, set[str]] = defaultdict(set)
    for i in dated:
        reports[starts[i.claim.id]].add(i.claim.article)
    main = min(reports, key=lambda k: (-len(reports[k]), k), default=None)
    odd = [(f, _odd_side(f, starts, main)) for f in findings]
    out: list[Finding] = []
    shown: set[tuple[tuple[str, ...], ...]] = set()
    for finding, side in odd:
        here = {places.get(c) for c in side.claims} - {None} if side else set()
        others = [o for f, o in odd if o and f is not finding and here & {places.get(c) for c in o.claims}]
        if others:
            sides = tuple(sorted((*finding.sides, *others), key=lambda s: (s.articles, s.value)))
            if tuple(s.claims for s in sides) in shown:
                continue  # one finding for the odd ones of one occurrence
            shown.add(tuple(s.claims for s in sides))
            note = "; ".join(f"{o.value} in the same year counts from {starts[o.claims[0]]}" for o in others)
            finding = replace(finding, sides=sides, explanation=f"{finding.explanation} {note}.")
        out.append(finding)
    return out


def _odd_side(finding: Finding, starts: dict[str, int], main: int | None) -> Side | None:
    """The odd one out of a conflict of two sides: the side that does not count from the first
    year most of the series counts from, where the other side does."""
    if finding.verdict is not Verdict.CONFLICT or len(finding.sides) != 2:
        return None
    first = [{starts.get(c) for c in side.claims} for side in finding.sides]
    if first[0] == {main} and main not in first[1]:
        return finding.sides[1]
    if first[1] == {main} and main not in first[0]:
        return finding.sides[0]
    return None


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
