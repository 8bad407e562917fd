from __future__ import annotations

from checker.rule import KindRule


class Amount(KindRule):
    """Different amounts of one thing at one occurrence ("$300 billion" against "$250 billion").

    Bad: a finance goal of "$300 billion a year" against "$250 billion a year" about the same
    deal; a marathon course of "42.195 km" against "40 km"; one source's figure quoted two ways
    ("Ruiz said the damages amount to $1.126 trillion" against "Ruiz put the damage at $1.3
    trillion"); one candidate's share of one election ("Ana Ruiz was re-elected with 54.2
    percent of the vote" against "Ruiz won, taking 51.7 percent"); one party's seats ("the Greens
    won 12 of the 45 seats" against "the Greens took 14 seats").
    Good: "$4.2 billion" and "$4,180 million" (equal within the rounding of the less precise);
    "$1.126 trillion" and "more than $1.1 trillion"; "42.195 km" and "26.2 miles"; a budget in
    euros and one in dollars (never compared); prize money of $200,000 in 2023 and $250,000 in
    2024 (a time-shift); two sources' different estimates of one damage (a dispute, not an
    error: a family with actors compares one source's figures only); two candidates' shares
    ("54.2 percent for Ruiz", "41.8 percent for Baker"); a share in a poll, or in the first
    round against one in the run-off (never compared); a candidate's 49.5 percent in 2027 and
    54.2 percent in 2031 (a time-shift); "$60,000 in prize money, up from $52,000 last year"
    against "$60,000" (the $52,000 is last year's, compared with last year's reports); prize
    money of "$70,000, plus a $20,000 bonus" (a bonus is not the prize money); a budget of
    "$2.3 billion" that "includes $520 million for the police department" (a part, compared
    only with the police's own figure).
    """

    code = "FL110"
    name = "amount"
    kind_name = "amount"
    report_time_shifts = True
