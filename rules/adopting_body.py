from __future__ import annotations

from collections import defaultdict

from checker import verdicts
from checker.models import Finding
from checker.rule import Rule
from checker.verdicts import Item

SAME_VOTE_DAYS = 1  # reports whose days of the vote lie this close tell of one vote


class AdoptingBody(Rule):
    """Two reports of one day's vote that name different bodies as adopting the text.

    Bad: "The UN General Assembly on Thursday adopted the resolution" against "the Third
    Committee adopted the resolution on Thursday" about the same day's vote.
    Good: the committee's vote in November and the Assembly's in December (two votes, weeks
    apart); a report that tells of both ("the committee adopted it on Monday and the Assembly
    endorsed it on Friday"); a report with no day of its vote.
    """

    code = "FL305"
    name = "adopting-body"
    slot = "adopting-body"

    def judge(self, series: str, subject: str, items: list[Item]) -> list[Finding]:
        """By the day of the vote only: the body a report names also places it in its meeting
        (a claim never places its own report), so only reports that give the day, within a day
        of one another, can be seen to tell of one vote. A report that names two bodies tells
        of both stages and says nothing against either."""
        bodies: dict[str, set[object]] = defaultdict(set)
        for item in items:
            bodies[item.claim.article].add(item.claim.value)
        dated = sorted(
            (i for i in items if i.day is not None and i.resolved and len(bodies[i.claim.article]) == 1),
            key=lambda i: (i.day, i.claim.article, i.claim.id),
        )
        findings: list[Finding] = []
        for vote in _one_vote_each(dated):
            findings += verdicts.judge_per_occurrence(self, series, subject, vote)
        return findings


def _one_vote_each(items: list[Item]) -> list[list[Item]]:
    """Items sorted by day, cut where two days lie further apart than one vote's reports."""
    votes: list[list[Item]] = []
    for item in items:
        if votes and item.day and votes[-1][-1].day and (item.day - votes[-1][-1].day).days <= SAME_VOTE_DAYS:
            votes[-1].append(item)
        else:
            votes.append([item])
    return votes
