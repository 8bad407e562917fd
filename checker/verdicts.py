"""Judge groups of comparable claims: conflict, time-shift, unresolved or variant."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from checker.cues import held_every
from checker.models import Claim, Finding, Side, SlotClass, Verdict, finding_id
from checker.wording import ordinal

if TYPE_CHECKING:
    from checker.rule import Rule

__all__ = ["Item", "group_by_value", "judge_by_class", "make_finding", "ordinal"]


@dataclass(frozen=True, slots=True)
class Item:
    """A claim placed in time: the year it speaks for and the meeting, where known."""

    claim: Claim
    year: int | None
    meeting: str | None
    meeting_known: bool
    self_dated: bool = False  # the report's year was inferred from this very claim
    copies: str | None = None  # the occurrence of unplaced copies of one story (year unknown)
    day: dt.date | None = None  # the day of the event the report tells of, where it gives one

    @property
    def resolved(self) -> bool:
        return self.year is not None and self.meeting_known


def judge_by_class(rule: Rule, series: str, subject: str, items: list[Item]) -> list[Finding]:
    """The findings for one rule, one series, one subject, as the rule's slot class says
    claims may be compared (Rule.judge's default)."""
    if rule.slot_class is SlotClass.PER_OCCURRENCE:
        return judge_per_occurrence(rule, series, subject, items)
    if rule.slot_class is SlotClass.DERIVED:
        return judge_derived(rule, series, subject, items)
    return judge_fixed(rule, series, subject, items)


def judge_per_occurrence(rule: Rule, series: str, subject: str, items: list[Item]) -> list[Finding]:
    findings: list[Finding] = []
    buckets: dict[tuple[int, str | None], list[Item]] = defaultdict(list)
    for item in items:
        if item.resolved:
            buckets[(item.year, item.meeting)].append(item)
    for (year, meeting), bucket in sorted(buckets.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        sides = _incompatible_sides(rule, bucket)
        if sides:
            where = f"{year}" + (f" {meeting}" if meeting else "")
            findings.append(
                make_finding(
                    rule,
                    series,
                    subject,
                    Verdict.CONFLICT,
                    sides,
                    f"Reports of the same occurrence ({where}) disagree.",
                    occurrence=where,
                )
            )
    if rule.report_time_shifts:
        # an occurrence whose reports disagree is settled first: it shows in no time-shift
        settled = {k: b for k, b in buckets.items() if not _incompatible_sides(rule, b)}
        findings += _time_shifts(rule, series, subject, settled)
    copied, settled_copies = _judge_copies(rule, series, subject, items)
    findings += copied
    findings += _unresolved(rule, series, subject, [i for i in items if id(i) not in settled_copies])
    return findings


def _copy_groups(items: Iterable[Item]) -> dict[tuple[str, str | None], list[Item]]:
    """Unplaced items of copies of one story, by that occurrence (and meeting, where known)."""
    groups: dict[tuple[str, str | None], list[Item]] = defaultdict(list)
    for item in items:
        if not item.resolved and item.copies:
            groups[(item.copies, item.meeting if item.meeting_known else None)].append(item)
    return groups


def _judge_copies(rule: Rule, series: str, subject: str, items: list[Item]) -> tuple[list[Finding], set[int]]:
    """Copies of one story whose year is unknown still report one occurrence: values they
    differ on conflict. Returns the findings and the items they settle (compared no further)."""
    findings: list[Finding] = []
    settled: set[int] = set()
    for _, group in sorted(_copy_groups(items).items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        if len({i.claim.article for i in group}) < 2:
            continue
        sides = _incompatible_sides(rule, group)
        if sides:
            findings.append(_copies_conflict(rule, series, subject, sides))
            settled.update(id(i) for i in group)
    return findings, settled


def _copies_conflict(rule: Rule, series: str, subject: str, sides: list[list[Item]]) -> Finding:
    return make_finding(
        rule,
        series,
        subject,
        Verdict.CONFLICT,
        sides,
        "Reports that share most of their sentences (copies of one story, so of one occurrence, "
        "its year unknown) disagree.",
        occurrence="year unknown",
    )


def _incompatible_sides(rule: Rule, items: list[Item]) -> list[list[Item]]:
    """Sides of a disagreement: values that agree with each other stand on one side.

    A value compatible with every other ("more than 50") stands on no side.
    """
    groups = group_by_value(rule, items)
    values = [v for v in groups if any(v != w and not rule.compatible(v, w) for w in groups)]
    sides: list[list[Hashable]] = []
    for value in values:
        home = next((side for side in sides if all(rule.compatible(value, other) for other in side)), None)
        if home is None:
            sides.append([value])
        else:
            home.append(value)
    return [[i for v in side for i in groups[v]] for side in sides]


def group_by_value(rule: Rule, items: Iterable[Item]) -> dict[Hashable, list[Item]]:
    groups: dict[Hashable, list[Item]] = {}
    for item in sorted(items, key=lambda i: (i.claim.article, i.claim.value_start)):
        groups.setdefault(rule.value(item.claim), []).append(item)
    return groups


def _time_shifts(
    rule: Rule, series: str, subject: str, buckets: dict[tuple[int, str | None], list[Item]]
) -> list[Finding]:
    """Values that differ only between occurrences: each holds for its own occurrence."""
    where: dict[Hashable, set[tuple[int, str | None]]] = defaultdict(set)
    for key, bucket in buckets.items():
        for item in bucket:
            where[rule.value(item.claim)].add(key)
    # a pair that also meets within one occurrence is a conflict there, not a time-shift
    shifted = {
        v for v in where for w in where if v != w and not rule.compatible(v, w) and not where[v] & where[w]
    }
    if not shifted:
        return []
    items = [i for bucket in buckets.values() for i in bucket if rule.value(i.claim) in shifted]
    groups = group_by_value(rule, items)
    keys = sorted({k for v in shifted for k in where[v]}, key=lambda k: (k[0], k[1] or ""))
    occurrences = ", ".join(f"{y}" + (f" {m}" if m else "") for y, m in keys)
    return [
        make_finding(
            rule,
            series,
            subject,
            Verdict.TIME_SHIFT,
            list(groups.values()),
            f"Values differ between occurrences ({occurrences}); each holds for its own, so the "
            "reports do not contradict each other.",
        )
    ]


def _unresolved(rule: Rule, series: str, subject: str, items: list[Item]) -> list[Finding]:
    """Values that clash with a report whose year or meeting is unknown."""
    open_items = [i for i in items if not i.resolved]
    if not open_items:
        return []
    years = {i.year for i in open_items}
    comparable = [i for i in items if i.resolved and (None in years or i.year in years)]
    open_groups = group_by_value(rule, open_items)
    # a placed report stands on a side only where its value clashes with an unplaced one
    clashing = [
        i for i in comparable if any(not rule.compatible(rule.value(i.claim), v) for v in open_groups)
    ]
    # as within an occurrence, a value compatible with every other ("more than 50") takes no side
    sides = _incompatible_sides(rule, open_items + clashing)
    if len(sides) < 2:
        return []
    return [
        make_finding(
            rule,
            series,
            subject,
            Verdict.UNRESOLVED,
            sides,
            f"The values differ, but {_what_would_settle(open_items)}",
        )
    ]


def _what_would_settle(open_items: list[Item]) -> str:
    reports = sorted({i.claim.article for i in open_items})
    if any(i.year is None for i in open_items):
        return (
            f"the year of {', '.join(reports)} is unknown: a 'published:' date in its front "
            "matter would settle whether they speak of the same occurrence."
        )
    return (
        f"the meeting of {', '.join(reports)} is unknown (the series meets more than once a "
        "year): a 'published:' date or the date of the vote would settle it."
    )


def judge_derived(
    rule: Rule, series: str, subject: str, items: list[Item], skipped: frozenset[int] = frozenset()
) -> list[Finding]:
    """Counts ("16th year") compare through the first year they imply: year - count + 1. Counts
    that imply another first year than the rest of the series are the odd ones out, each one
    finding against the series' nearest years; counts shifted by one from some year on are a
    series that skipped an occurrence, not a miscount."""
    implied = [i for i in items if i.year is not None]
    earliest = min((i.year for i in implied), default=None)
    every = cadence(implied, skipped)
    starts = {id(i): implied_start(i.year, i.claim.value, skipped, every) for i in implied}
    tally = Counter(starts.values())
    main = min(tally, key=lambda k: (-tally[k], k)) if tally else None
    groups: dict[int, list[Item]] = defaultdict(list)
    for item in implied:
        start = starts[id(item)]
        # a count that would start the series after a year it is reported in, and far from
        # where the series starts, counts something else ("took the crown for the second
        # time" in a contest held for decades); one a few years off is a miscount
        if earliest is None or start <= earliest or abs(start - main) <= MISCOUNT_YEARS:
            groups[start].append(item)
    findings: list[Finding] = []
    if len(groups) > 1:
        findings.extend(_disagreeing_counts(rule, series, subject, groups))
    elif groups:
        ((start, group),) = groups.items()
        by_count = group_by_value(rule, group)
        if len(by_count) > 1:
            findings.append(
                make_finding(
                    rule,
                    series,
                    subject,
                    Verdict.TIME_SHIFT,
                    list(by_count.values()),
                    f"Different counts, different years: {_counts(group)} all count from {start}"
                    + (f", the series having skipped {_years(skipped)}." if skipped else ".")
                    + _self_dated_note(group),
                )
            )
    # counts of a known year compare through it above, whatever their meeting
    copied, settled_copies = _judge_copies(rule, series, subject, [i for i in items if i.year is None])
    findings.extend(copied)
    unknown = [i for i in items if i.year is None and id(i) not in settled_copies]
    if unknown:
        rest = [i for i in items if id(i) not in settled_copies]
        values = {rule.value(i.claim) for i in rest}
        if len(values) > 1:
            sides = list(group_by_value(rule, rest).values())
            findings.append(
                make_finding(
                    rule,
                    series,
                    subject,
                    Verdict.UNRESOLVED,
                    sides,
                    "The counts differ, but " + _what_would_settle(unknown),
                )
            )
    return findings


MISCOUNT_YEARS = 5  # a count this close to the series' start is a miscount, not another count


def implied_start(year: int, count: int, skipped: frozenset[int] = frozenset(), every: int = 1) -> int:
    """The first year a count implies: the count-th occurrence, not year, is `year`, held every
    `every` years, so every year the series is known to have skipped since its start moves the
    start back one occurrence."""
    start = year - (count - 1) * every
    for _ in range(len(skipped) + 1):
        moved = year - (count - 1) * every - every * sum(1 for g in skipped if start <= g <= year)
        if moved == start:
            break
        start = moved
    return start


def cadence(items: list[Item], skipped: frozenset[int] = frozenset()) -> int:
    """How many years apart a series' counts are held: where three dated years or more are all
    an even number of years apart and its counts agree only when held that far apart ("31st"
    in 2021, "32nd" in 2023, "33rd" in 2025), every two years (or more); else every year."""
    every = held_every(i.year for i in items if i.year is not None)
    if every < 2:
        return 1

    def starts(step: int) -> int:
        return len({implied_start(i.year, i.claim.value, skipped, step) for i in items if i.year is not None})

    return every if starts(every) < starts(1) else 1


def _disagreeing_counts(
    rule: Rule, series: str, subject: str, groups: dict[int, list[Item]]
) -> list[Finding]:
    """Counts implying different first years. The series is the first year most reports count
    from, with counts one occurrence fewer after it skipped a year; every other count is the
    odd one out, one finding each against the series' nearest years; with no majority, one
    conflict of all."""
    sizes = {k: len({i.claim.article for i in g}) for k, g in groups.items()}
    ranked = sorted(groups, key=lambda k: (-sizes[k], k))
    main = ranked[0]
    skipped = next((k for k in ranked[1:] if _skipped_year(groups, main, k)), None)
    kept = [main, *([skipped] if skipped is not None else [])]
    rest = [k for k in ranked if k not in kept]
    findings: list[Finding] = []
    if skipped is not None:
        before, after = sorted(kept)
        findings.append(
            make_finding(
                rule,
                series,
                subject,
                Verdict.TIME_SHIFT,
                [groups[before], groups[after]],
                f"Counts up to {max(i.year for i in groups[before])} count from {before}, counts from "
                f"{min(i.year for i in groups[after])} on count one occurrence fewer: the series "
                f"skipped a year between them ({_skipped_year(groups, before, after)}).",
            )
        )
    series_items = [i for k in kept for i in groups[k]]
    if rest and sizes[main] == sizes[rest[0]] and skipped is None:  # no majority
        detail = "; ".join(
            f"{_counts(side)} count{'s' if _single(side) else ''} from {k}"
            for k, side in sorted(groups.items())
        )
        sides = [groups[k] for k in sorted(groups)]
        return [
            make_finding(
                rule, series, subject, Verdict.CONFLICT, sides, f"The counts cannot all be true: {detail}."
            )
        ]
    reports = len({i.claim.article for i in series_items})
    findings.extend(
        make_finding(
            rule,
            series,
            subject,
            Verdict.CONFLICT,
            [groups[k], _nearest_years(series_items, groups[k])],
            f"{_counts(groups[k])} count{'s' if _single(groups[k]) else ''} from {k}, while the rest of the "
            f"series ({reports} reports, {_span(series_items)}) counts from {main}: the odd one out.",
        )
        for k in rest
    )
    return findings


def _skipped_year(groups: dict[int, list[Item]], a: int, b: int) -> str | None:
    """Two first years one apart, every later-starting count dated after every earlier one
    with a year between them: the count lost one occurrence in between (no vote, no race that
    year). The same count in two years running is a miscount: no year was left to skip."""
    before, after = sorted((a, b))
    last, first = max(i.year for i in groups[before]), min(i.year for i in groups[after])
    if after - before != 1 or first - last < 2:
        return None
    return f"{last + 1}" if first - last == 2 else f"{last + 1}-{first - 1}"


def _nearest_years(majority: list[Item], odd: list[Item]) -> list[Item]:
    """The majority's counts of the years nearest the odd ones': the pairs a reader checks."""
    years = {i.year for i in odd}
    distance = {i.year: min(abs(i.year - y) for y in years) for i in majority}
    closest = min(distance.values())
    return [i for i in majority if distance[i.year] == closest]


def _years(years: frozenset[int]) -> str:
    return ", ".join(map(str, sorted(years)))


def _span(items: list[Item]) -> str:
    years = sorted({i.year for i in items})
    return str(years[0]) if len(years) == 1 else f"{years[0]}-{years[-1]}"


def _single(items: list[Item]) -> bool:
    return len({(i.year, i.claim.value) for i in items}) == 1


def _counts(items: list[Item]) -> str:
    parts = sorted({(i.year, i.claim.value) for i in items})
    return ", ".join(f"{ordinal(count)} in {year}" for year, count in parts)


def _self_dated_note(items: list[Item]) -> str:
    own = sorted({i.claim.article for i in items if i.self_dated})
    if not own:
        return ""
    return f" ({', '.join(own)}: year inferred from this count, so the count itself cannot be checked there.)"


def judge_fixed(rule: Rule, series: str, subject: str, items: list[Item]) -> list[Finding]:
    """Fixed facts hold for the whole series: any two different values conflict."""
    sides = _incompatible_sides(rule, items)
    if not sides:
        return []
    return [
        make_finding(
            rule,
            series,
            subject,
            Verdict.CONFLICT,
            sides,
            "A fact that holds for the whole series is stated differently.",
        )
    ]


def judge_spellings(
    rule: Rule,
    series: str,
    subject: str,
    items: list[Item],
    names_of: Callable[[Item], Iterable[str]],
    misspelt: Callable[[str, str], bool],
) -> list[Finding]:
    """Within each occurrence, one name written two close ways ("Kiprop" / "Kiprob") is a
    variant: names_of gives the name keys an item holds, misspelt says two are one name."""
    by_occurrence: dict[tuple[int, str | None], dict[str, list[Item]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for item in items:
        if item.resolved:
            for key in names_of(item):
                by_occurrence[(item.year, item.meeting)][key].append(item)
    findings = []
    for (year, meeting), names in sorted(by_occurrence.items(), key=lambda kv: (kv[0][0], kv[0][1] or "")):
        where = f"{year}" + (f" {meeting}" if meeting else "")
        for a, b in sorted((a, b) for a in names for b in names if a < b and misspelt(a, b)):
            findings.append(
                make_finding(
                    rule,
                    series,
                    subject,
                    Verdict.VARIANT,
                    [names[a], names[b]],
                    f"One name spelled two ways in reports of {where}: {a} / {b}.",
                    occurrence=where,
                )
            )
    return findings


def make_finding(
    rule: Rule,
    series: str,
    subject: str,
    verdict: Verdict,
    sides: list[list[Item]],
    explanation: str,
    occurrence: str = "",
) -> Finding:
    built = tuple(_side(rule, side) for side in sides)
    built = tuple(sorted(built, key=lambda s: (s.articles, s.value)))
    return Finding(
        id=finding_id(rule.code, series, subject, verdict.value, occurrence, built),
        rule=rule.code,
        name=rule.name,
        series=series,
        slot=subject,
        verdict=verdict,
        sides=built,
        explanation=explanation,
        occurrence=occurrence,
    )


def _side(rule: Rule, items: list[Item]) -> Side:
    claims = tuple(sorted({i.claim.id for i in items}))
    articles = tuple(sorted({i.claim.article for i in items}))
    years = tuple(sorted({i.year for i in items if i.year is not None}))
    labels = sorted({rule.label(i.claim) for i in items})
    value = " / ".join(labels[:3]) + (f" (+{len(labels) - 3} more)" if len(labels) > 3 else "")
    return Side(value=value, claims=claims, articles=articles, years=years)
