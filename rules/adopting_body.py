from __future__ import annotations

from collections import defaultdict
from itertools import groupby

from checker import verdicts
from checker.models import Finding
from checker.rule import Rule
from checker.verdicts import Item


class AdoptingBody(Rule):
    """Two reports of one day's vote that name different bodies as adopting the text.

    Bad: "The UN General Assembly on Thursday adopted the resolution" against "the Third
    Committee adopted the resolution on Thursday" about the same day's vote.
    Good: the committee's vote in November and the Assembly's in December, or the finance
    committee's on Monday and the full council's on Tuesday (two votes); a report that tells of
    both ("the committee adopted it on Monday and the Assembly endorsed it on Friday"); a report
    with no day of its vote.
    """

    code = "FL305"
    name = "adopting-body"
    slot = "adopting-body"

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        """By the day of the vote only: the body a report names also places it in its meeting
        (a claim never places its own report), so only reports that give the same day of their
        vote can be seen to tell of one vote (a committee and the full council often vote on
        following days). A report that names two bodies tells of both stages and says nothing
        against either."""
        bodies: dict[str, set[object]] = defaultdict(set)
        for item in items:
            bodies[item.claim.article].add(item.claim.value)
        dated = sorted(
            (i for i in items if i.day is not None and i.resolved and len(bodies[i.claim.article]) == 1),
            key=lambda i: (i.day, i.claim.article, i.claim.id),
        )
        findings: list[Finding] = []
        for _, vote in groupby(dated, key=lambda i: i.day):
            findings += verdicts.judge_per_occurrence(self, series, subject, list(vote))
        return findings
