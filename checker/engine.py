"""Group claims by series and slot, hand each rule what it may compare, collect findings."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

from checker.extract.base import MONTH_MEETING
from checker.models import VERDICT_RANK, Claim, Finding, Occurrence
from checker.occurrence import STALE_DATE
from checker.rule import Rule
from checker.stages import by_label
from checker.verdicts import Item


def place(claim: Claim, occurrence: Occurrence) -> list[Item]:
    """The claim once for every year it speaks for, with the meeting it belongs to; none for a
    date placement found to be another event's (it is not the occurrence's date)."""
    if any(e.claim == claim.id and e.source == STALE_DATE for e in occurrence.evidence):
        return []
    absolute = claim.detail("year")
    own_meeting = claim.detail("meeting")
    split = not (occurrence.meeting is None and occurrence.meeting_known)
    if not split and claim.detail(MONTH_MEETING):
        return []  # "the Bonn session in June" in a report of a body that meets once a year
    items: list[Item] = []
    for offset in claim.year_offsets:
        if absolute:
            year = absolute
        elif occurrence.year is not None:
            year = occurrence.year + offset
        else:
            year = None
        if own_meeting and offset == 0 and (split or _earlier_stage(own_meeting)):
            # a clause that names a stage speaks for it: "the finance committee had approved it
            # 8-1" is the committee's vote, even where the series meets once a year
            meeting, known = own_meeting, True
        elif not split:
            meeting, known = None, True
        else:
            meeting, known = occurrence.meeting, occurrence.meeting_known
        self_dated = offset == 0 and any(e.claim == claim.id for e in occurrence.evidence if e.claim)
        # copies of one story with no year (or no meeting) still speak of one occurrence (and
        # of one year before it)
        unresolved = year is None or not known
        copies = f"{occurrence.copies}{offset:+d}" if unresolved and occurrence.copies else None
        day = occurrence.date if offset == 0 else None
        items.append(Item(claim, year, meeting, known, self_dated, copies, day))
    return items


def _earlier_stage(label: str) -> bool:
    """A stage that comes before the one concluding its group (a committee, a semi-final)."""
    stage = by_label(label)
    return stage is not None and not stage.concluding


def run_rules(
    rules: Sequence[Rule], claims: Iterable[Claim], occurrences: dict[str, Occurrence]
) -> list[Finding]:
    """Judge every rule on every series; findings come back sorted and with stable ids."""
    by_series: dict[str, list[Item]] = defaultdict(list)
    for claim in claims:
        if claim.attributed:
            continue  # a speaker's words are theirs, not the report's
        occurrence = occurrences[claim.article]
        by_series[occurrence.series].extend(place(claim, occurrence))
    findings: list[Finding] = []
    for series in sorted(by_series):
        for rule in rules:
            groups: dict[str, list[Item]] = defaultdict(list)
            for item in by_series[series]:
                if rule.applies(item.claim):
                    groups[rule.subject(item.claim)].append(item)
            for subject in sorted(groups):
                findings.extend(rule.judge(series, subject, groups[subject]))
    return sort_findings(findings)


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    unique = {f.id: f for f in findings}
    return sorted(unique.values(), key=lambda f: (f.series, -VERDICT_RANK[f.verdict], f.rule, f.slot, f.id))
