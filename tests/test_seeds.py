"""Acceptance of issues 2 and 3 on seeds/: the five real sample reports, as they are.

The seeds are one series (the yearly UN resolution on human rights in North Korea):
000, 001 and 002 report 2020, 003 reports 2018 (each says so by the publication date in its
front matter) and 004 gives no way to tell its year. A count never dates its report.
Every test names the behaviour it pins; reports are called by their number (000..004).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from checker.models import Corpus, Finding, Verdict
from checker.pipeline import check
from rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
NUMBERS = ("000", "001", "002", "003", "004")


def num(path: str) -> str:
    """The seed number of a report path: '.../003_77804f016754a9e1.txt' -> '003'."""
    return Path(path).name[:3]


def sides(finding: Finding) -> set[frozenset[str]]:
    """The sides of a finding as sets of seed numbers."""
    return {frozenset(num(a) for a in side.articles) for side in finding.sides}


def involved(finding: Finding) -> set[str]:
    return {num(a) for a in finding.articles}


def findings(corpus: Corpus, rule: str, slot_contains: str = "") -> list[Finding]:
    return [f for f in corpus.findings if f.rule == rule and slot_contains in f.slot]


def describe(items: list[Finding]) -> str:
    return "\n".join(f"{f.rule} {f.verdict.value} {f.slot} {sorted(map(sorted, sides(f)))}" for f in items)


@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return check([str(SEEDS)], all_rules())


@pytest.fixture(scope="module")
def report_json() -> dict:
    """The JSON report of the real command line, run from the repository root on 'seeds'."""
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", "seeds", "--format", "json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode in (0, 1), done.stderr  # the exit code is pinned on its own
    return json.loads(done.stdout)


# ------------------------------------------------------------------ the corpus


def test_seeds_are_five_reports_all_read(corpus: Corpus) -> None:
    assert sorted(num(a.path) for a in corpus.articles) == list(NUMBERS)
    assert corpus.skipped == ()


def test_seeds_are_one_series(corpus: Corpus) -> None:
    series = {corpus.occurrences[a.path].series for a in corpus.articles}
    assert len(series) == 1, series


# ------------------------------------------------------------------ occurrences (issue 3)


@pytest.mark.parametrize(
    ("number", "year"), [("000", 2020), ("001", 2020), ("002", 2020), ("003", 2018), ("004", None)]
)
def test_each_seed_resolves_to_its_year(corpus: Corpus, number: str, year: int | None) -> None:
    occ = {num(p): o for p, o in corpus.occurrences.items()}
    assert occ[number].year == year


def test_000_year_comes_from_its_publication_not_its_own_16th_year_since_2005(corpus: Corpus) -> None:
    occ = {num(p): o for p, o in corpus.occurrences.items()}["000"]
    sources = [e.source for e in occ.evidence]
    assert sources[0] == "published", occ.evidence
    assert "arithmetic" not in sources and not [
        e for e in occ.evidence if e.source != "event-date" and e.claim
    ]


def test_003_year_comes_from_its_publication_not_its_14th_and_a_learned_first_year(corpus: Corpus) -> None:
    occ = {num(p): o for p, o in corpus.occurrences.items()}["003"]
    assert occ.year == 2018
    assert [e.source for e in occ.evidence][0] == "published", occ.evidence
    assert not [e for e in occ.evidence if e.source == "series-start"], occ.evidence


# ------------------------------------------------------------------ flagged


def test_ordinal_14th_against_16th_is_one_time_shift_counting_from_2005(corpus: Corpus) -> None:
    ordinal = [f for f in findings(corpus, "FL101") if "003" in involved(f)]
    assert len(ordinal) == 1, describe(ordinal)
    (finding,) = ordinal
    assert finding.verdict is Verdict.TIME_SHIFT
    assert sides(finding) == {frozenset({"003"}), frozenset({"000", "001", "002"})}
    assert "2005" in finding.explanation
    by_articles = {frozenset(num(a) for a in s.articles): s for s in finding.sides}
    assert "14" in by_articles[frozenset({"003"})].value
    assert "16" in by_articles[frozenset({"000", "001", "002"})].value


def test_16_consecutive_years_and_16th_year_are_one_value(corpus: Corpus) -> None:
    """000 says both "for 16 consecutive years" and "marks the 16th year": never two sides."""
    for finding in corpus.findings:
        with_000 = [s for s in finding.sides if any(num(a) == "000" for a in s.articles)]
        assert len(with_000) <= 1, describe([finding])


def test_south_korea_sponsor_in_2018_against_not_in_2020_is_a_time_shift(corpus: Corpus) -> None:
    shift = [f for f in findings(corpus, "FL201", "South Korea") if "003" in involved(f)]
    assert len(shift) == 1, describe(shift)
    (finding,) = shift
    assert finding.verdict is Verdict.TIME_SHIFT
    assert sides(finding) == {frozenset({"003"}), frozenset({"000", "001"})}


def test_not_a_sponsor_for_two_years_since_last_year_speaks_for_2019_and_2020(corpus: Corpus) -> None:
    """001's "since last year ... for two consecutive years", said in 2020, covers 2019 too."""
    (finding,) = [f for f in findings(corpus, "FL201", "South Korea") if f.verdict is Verdict.TIME_SHIFT]
    side = next(s for s in finding.sides if {num(a) for a in s.articles} == {"000", "001"})
    assert set(side.years) == {2019, 2020}


def test_sponsorship_of_undated_004_against_000_001_is_unresolved(corpus: Corpus) -> None:
    open_ = [f for f in findings(corpus, "FL201", "South Korea") if "004" in involved(f)]
    assert len(open_) == 1, describe(open_)
    (finding,) = open_
    assert finding.verdict is Verdict.UNRESOLVED
    assert sides(finding) == {frozenset({"004"}), frozenset({"000", "001"})}
    assert "published" in finding.explanation  # says what would settle it


def test_nothing_against_004_is_more_than_unresolved(corpus: Corpus) -> None:
    with_004 = [f for f in corpus.findings if "004" in involved(f)]
    assert with_004, "004 disagrees with others on sponsorship; it must be shown"
    assert {f.verdict for f in with_004} == {Verdict.UNRESOLVED}, describe(with_004)


def test_sponsor_count_61_against_58_is_a_time_shift_without_004(corpus: Corpus) -> None:
    counts = findings(corpus, "FL103")
    assert len(counts) == 1, describe(counts)
    (finding,) = counts
    assert finding.verdict is Verdict.TIME_SHIFT
    assert sides(finding) == {frozenset({"003"}), frozenset({"000", "002"})}
    by_articles = {frozenset(num(a) for a in s.articles): s.value for s in finding.sides}
    assert "61" in by_articles[frozenset({"003"})]
    assert "58" in by_articles[frozenset({"000", "002"})]


def test_more_than_50_of_004_is_on_no_side_of_any_sponsor_count_finding(corpus: Corpus) -> None:
    assert not [f for f in findings(corpus, "FL103") if "004" in involved(f)]


def test_lead_sponsor_japan_and_eu_against_eu_is_a_time_shift(corpus: Corpus) -> None:
    lead = findings(corpus, "FL202")
    assert len(lead) == 1, describe(lead)
    (finding,) = lead
    assert finding.verdict is Verdict.TIME_SHIFT
    assert sides(finding) == {frozenset({"003"}), frozenset({"000", "001", "002"})}
    by_articles = {frozenset(num(a) for a in s.articles): s.value for s in finding.sides}
    assert "Japan" in by_articles[frozenset({"003"})]
    assert "Japan" not in by_articles[frozenset({"000", "001", "002"})]


def test_ambassador_spelled_three_ways_is_one_variant(corpus: Corpus) -> None:
    variants = findings(corpus, "FL501")
    assert len(variants) == 1, describe(variants)
    (finding,) = variants
    assert finding.verdict is Verdict.VARIANT
    assert involved(finding) == {"001", "002", "003"}
    assert sides(finding) == {frozenset({"001"}), frozenset({"002"}), frozenset({"003"})}
    values = " | ".join(s.value for s in finding.sides)
    for spelling in ("Kim Song", "Kim Seong", "Kim Seong Joo-en"):
        assert spelling in values
    assert "Jong-un" not in values  # the leader is another person


def test_no_person_finding_is_a_conflict(corpus: Corpus) -> None:
    people = [f for f in corpus.findings if f.rule in ("FL203", "FL501")]
    assert all(f.verdict is not Verdict.CONFLICT for f in people), describe(people)


# ------------------------------------------------------------------ not flagged


def test_without_a_vote_and_by_consensus_are_the_same_adoption_method(corpus: Corpus) -> None:
    assert findings(corpus, "FL301") == [], describe(findings(corpus, "FL301"))
    methods = {c.value for c in corpus.claims if c.slot == "adoption"}
    assert methods == {"consensus"}
    said = {num(c.article) for c in corpus.claims if c.slot == "adoption"}
    assert {"000", "001", "002", "003"} <= said  # "without a vote" (000-002), "by consensus" (003)


def test_on_the_16th_day_local_time_and_on_the_16th_are_one_date(corpus: Corpus) -> None:
    days = {
        num(c.article): c.value
        for c in corpus.claims
        if c.slot == "event-date" and num(c.article) in ("001", "002")
    }
    assert set(days) == {"001", "002"}
    assert days["001"][2] == days["002"][2] == 16
    # never on two sides (004's Thursday, of no known year, may stand against both)
    apart = [f for f in findings(corpus, "FL401") if {frozenset({"001"}), frozenset({"002"})} <= sides(f)]
    assert apart == [], describe(apart)


def test_seventh_consensus_adoption_and_five_consensus_years_do_not_conflict_on_the_count(
    corpus: Corpus,
) -> None:
    """000's "7th time ... as consensus" and 002's "from 2016 ... for 5 consecutive years"
    count consensus adoptions, not the resolution's years: nothing flags 000 against 002."""
    counts = [f for f in corpus.findings if f.rule in ("FL101", "FL104")]
    for finding in counts:
        side_000 = [i for i, s in enumerate(finding.sides) if any(num(a) == "000" for a in s.articles)]
        side_002 = [i for i, s in enumerate(finding.sides) if any(num(a) == "002" for a in s.articles)]
        assert not (side_000 and side_002 and side_000 != side_002), describe([finding])
    assert all(f.verdict is not Verdict.CONFLICT for f in counts), describe(counts)
    sub = {(num(c.article), c.value): c.counted for c in corpus.claims if c.slot == "ordinal"}
    assert sub[("000", 7)], "the 7th consensus adoption counts a sub-series"
    assert sub[("002", 5)], "five consecutive consensus years count a sub-series"


def test_consensus_streak_from_2016_is_not_the_series_first_year(corpus: Corpus) -> None:
    """002's "from 2016 to this year ... by consensus" starts the consensus streak, not the
    series: every report that names the series' first year says 2005, so no start finding."""
    assert findings(corpus, "FL102") == [], describe(findings(corpus, "FL102"))
    starts = {c.value for c in corpus.claims if c.slot == "start-year" and not c.counted}
    assert starts == {2005}


def test_193_member_and_47_organizations_from_16_countries_are_not_sponsor_counts(corpus: Corpus) -> None:
    counts = {(num(c.article), c.value[0]) for c in corpus.claims if c.slot == "sponsor-count"}
    assert not {n for _, n in counts} & {193, 47, 16}, counts
    assert {n for (a, n) in counts if a in ("000", "002")} == {58}
    assert {a for (a, n) in counts if n == 58} == {"000", "002"}
    assert {n for (a, n) in counts if a == "003"} == {61}
    assert not [c for c in corpus.claims if c.slot == "sponsor-count" and num(c.article) == "001"]


def test_more_than_50_is_a_lower_bound_not_an_exact_count(report_json: dict) -> None:
    """South Korea "and more than 50 other nations": more than 51 co-sponsors in all."""
    (claim,) = [
        c for c in report_json["claims"] if c["slot"] == "sponsor-count" and num(c["article"]) == "004"
    ]
    assert claim["qualifier"] != "exact"
    assert claim["value"]["min"] == 52
    assert claim["value"]["max"] is None


def test_no_conflict_verdict_on_the_seeds(corpus: Corpus) -> None:
    conflicts = [f for f in corpus.findings if f.verdict is Verdict.CONFLICT]
    assert conflicts == [], describe(conflicts)


def test_check_seeds_exits_0_with_the_default_fail_level() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", "seeds"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stdout + done.stderr


# ------------------------------------------------------------------ the same, as JSON


def test_json_report_of_the_seeds_carries_the_acceptance(report_json: dict) -> None:
    years = {num(a["path"]): a["event_year"] for a in report_json["articles"]}
    assert years == {"000": 2020, "001": 2020, "002": 2020, "003": 2018, "004": None}
    got = {
        (f["rule"], f["verdict"], frozenset(frozenset(num(p) for p in s["articles"]) for s in f["sides"]))
        for f in report_json["conflicts"]
    }
    expected = {
        ("FL101", "time-shift", frozenset({frozenset({"003"}), frozenset({"000", "001", "002"})})),
        ("FL201", "time-shift", frozenset({frozenset({"003"}), frozenset({"000", "001"})})),
        ("FL201", "unresolved", frozenset({frozenset({"004"}), frozenset({"000", "001"})})),
        ("FL103", "time-shift", frozenset({frozenset({"003"}), frozenset({"000", "002"})})),
        ("FL202", "time-shift", frozenset({frozenset({"003"}), frozenset({"000", "001", "002"})})),
        ("FL501", "variant", frozenset({frozenset({"001"}), frozenset({"002"}), frozenset({"003"})})),
    }
    assert expected <= got, sorted(map(str, got))
    assert report_json["summary"]["by_verdict"]["conflict"] == 0
