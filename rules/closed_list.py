from __future__ import annotations

from collections import defaultdict

from checker.models import Claim, Finding, Verdict
from checker.rule import Rule
from checker.verdicts import Item, make_finding

POSITIONS = {"against": "voted against", "abstain": "abstained"}


class ClosedList(Rule):
    """A complete list of who voted one way, against another list, a report naming someone
    else who voted that way, or a tally counting more or fewer.

    Bad: "the three abstainers were Fiji, Tonga and Samoa" and "Nauru abstained" about the same
    vote; "only Israel and the United States voted against" and "8 against".
    Good: "abstentions included Fiji and Tonga" (a partial list) and "Nauru abstained".
    """

    code = "FL304"
    name = "closed-list"
    slot = "roster"

    def applies(self, claim: Claim) -> bool:
        return claim.slot.startswith(("roster:", "vote:")) or claim.slot == "tally"

    def subject(self, claim: Claim) -> str:
        return "roster"  # lists, votes and tallies of one occurrence are compared together

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        buckets: dict[tuple[int, str | None], list[Item]] = defaultdict(list)
        for item in items:
            if item.resolved:
                buckets[(item.year, item.meeting)].append(item)
        findings: list[Finding] = []
        for (year, meeting), bucket in sorted(buckets.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
            where = f"{year}" + (f" {meeting}" if meeting else "")
            for position in POSITIONS:
                findings += self._judge_position(series, position, bucket, where)
        return findings

    def _judge_position(self, series: str, position: str, bucket: list[Item], where: str) -> list[Finding]:
        lists: dict[tuple[str, ...], list[Item]] = defaultdict(list)
        for item in bucket:
            if item.claim.slot == f"roster:{position}":
                lists[item.claim.value].append(item)
        if not lists:
            return []
        verb = POSITIONS[position]
        if len(lists) > 1:
            sides = [lists[k] for k in sorted(lists)]
            return [self._finding(series, position, sides, where, f"Complete lists of who {verb} differ.")]
        ((names, listed),) = lists.items()
        findings = []
        others = [
            i
            for i in bucket
            if i.claim.slot.startswith("vote:")
            and i.claim.value == position
            and i.claim.slot[5:] not in names
        ]
        if others:
            outside = " & ".join(sorted({i.claim.slot[5:] for i in others}))
            why = f"Only {' & '.join(names)} {verb}, one report says; another says {outside} did too."
            findings.append(self._finding(series, position, [listed, others], where, why))
        part = 1 if position == "against" else 2
        tallies = [
            i for i in bucket if i.claim.slot == "tally" and i.claim.value[part] not in (None, len(names))
        ]
        if tallies:
            why = f"{len(names)} {verb} by name ({' & '.join(names)}), while a tally counts another number."
            findings.append(self._finding(series, position, [listed, tallies], where, why))
        return findings

    def _finding(self, series: str, position: str, sides: list[list[Item]], where: str, why: str) -> Finding:
        return make_finding(
            self, series, f"roster:{position}", Verdict.CONFLICT, sides, why, occurrence=where
        )
