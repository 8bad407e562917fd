"""Issue 3: time-aware verdicts. Reports written here turn the seeds' time-shifts into real
conflicts where they should, and other recurring events (an annual embargo vote counted since
1992, a yearly city marathon, a budget vote) show the same reasoning without any seed.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from checker.models import Corpus, Finding, Verdict
from checker.pipeline import check
from rules import all_rules

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


# ------------------------------------------------------------------ helpers


def report(published: str, body: str, title: str = "") -> str:
    """A Markdown report with YAML front matter, one paragraph a line as news exports are
    (the bodies below are wrapped in the source for reading only)."""
    head = f"title: {title}\n" if title else ""
    paragraphs = [" ".join(p.split()) for p in body.strip().split("\n\n")]
    return f"---\n{head}published: {published}\n---\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, reports: dict[str, str], seeds: bool = False) -> Path:
    """Write reports (name -> text) as name.md into folder, with copies of seeds/*.txt."""
    folder.mkdir(parents=True, exist_ok=True)
    if seeds:
        for seed in sorted(SEEDS.glob("*.txt")):
            shutil.copy(seed, folder / seed.name)
    for name, text in reports.items():
        (folder / f"{name}.md").write_text(text, encoding="utf-8")
    return folder


def run(folder: Path) -> Corpus:
    return check([str(folder)], all_rules())


def name(path: str) -> str:
    """'.../003_77804f016754a9e1.txt' -> '003'; '.../x15.md' -> 'x15'."""
    stem = Path(path).stem
    return stem[:3] if stem[:3].isdigit() else stem


def sides(finding: Finding) -> set[frozenset[str]]:
    return {frozenset(name(a) for a in side.articles) for side in finding.sides}


def involved(finding: Finding) -> set[str]:
    return {name(a) for a in finding.articles}


def of(corpus: Corpus, rule: str, verdict: Verdict | None = None) -> list[Finding]:
    return [f for f in corpus.findings if f.rule == rule and (verdict is None or f.verdict is verdict)]


def describe(findings) -> str:
    return "\n".join(
        f"{f.rule} {f.verdict.value} {f.slot} {f.occurrence} {sorted(map(sorted, sides(f)))}: {f.explanation}"
        for f in findings
    )


def years(corpus: Corpus) -> dict[str, int | None]:
    return {name(p): o.year for p, o in corpus.occurrences.items()}


# The new reports about the North Korea resolution, to be read with the seeds.
NK_2020_15TH = report(
    "2020-12-17",
    """
The UN General Assembly on Wednesday adopted a resolution condemning human rights violations
in North Korea for the 15th consecutive year.

The resolution, led by the European Union, was adopted without a vote.
""",
    "UN adopts North Korea human rights resolution",
)

NK_2019_SPONSOR = report(
    "2019-12-19",
    """
The UN General Assembly on Wednesday adopted a resolution condemning North Korea's human rights
violations, by consensus.

South Korea was one of the co-sponsors of the resolution, which was led by the European Union.
""",
    "UN General Assembly adopts North Korea human rights resolution",
)

NK_2014_TALLY_A = report(
    "2014-12-19",
    """
The UN General Assembly on Thursday adopted the resolution on human rights in North Korea by
116 votes to 20, with 52 abstentions.
""",
    "UN General Assembly condemns North Korea human rights abuses",
)

NK_2014_TALLY_B = report(
    "2014-12-19",
    """
The UN General Assembly on Thursday adopted the resolution on human rights in North Korea with
116 votes in favour, 20 against and 53 abstentions.
""",
    "UN General Assembly votes on North Korea human rights resolution",
)


# ------------------------------------------------------------------ reports added to the seeds


def test_2020_report_saying_15th_consecutive_year_is_an_ordinal_conflict(tmp_path: Path) -> None:
    corpus = run(write_corpus(tmp_path / "c", {"x15": NK_2020_15TH}, seeds=True))
    assert years(corpus)["x15"] == 2020
    conflicts = of(corpus, "FL101", Verdict.CONFLICT)
    assert len(conflicts) == 1, describe(corpus.findings)
    (finding,) = conflicts
    assert frozenset({"x15"}) in sides(finding)
    other = next(s for s in sides(finding) if s != frozenset({"x15"}))
    assert {"000", "001", "002"} <= other  # the seeds' 16th in 2020 stand together
    assert "2005" in finding.explanation and "2006" in finding.explanation


def test_14th_in_2018_still_agrees_with_16th_in_2020_when_a_15th_in_2020_conflicts(tmp_path: Path) -> None:
    corpus = run(write_corpus(tmp_path / "c", {"x15": NK_2020_15TH}, seeds=True))
    (finding,) = of(corpus, "FL101", Verdict.CONFLICT)
    # 003's 14th in 2018 stands with the series (named in the explanation), not against it
    assert all("003" not in s for s in sides(finding)), describe([finding])
    assert "2018-2020" in finding.explanation and "counts from 2005" in finding.explanation


def test_2019_report_of_south_korea_sponsoring_conflicts_with_000_001(tmp_path: Path) -> None:
    """000/001 say, in 2020, "not a co-proposer for the second year in a row since last year":
    that covers 2019, which a 2019 report of South Korea co-sponsoring contradicts."""
    corpus = run(write_corpus(tmp_path / "c", {"y2019": NK_2019_SPONSOR}, seeds=True))
    assert years(corpus)["y2019"] == 2019
    conflicts = [f for f in of(corpus, "FL201", Verdict.CONFLICT) if "South Korea" in f.slot]
    assert len(conflicts) == 1, describe(corpus.findings)
    (finding,) = conflicts
    assert sides(finding) == {frozenset({"y2019"}), frozenset({"000", "001"})}
    assert "2019" in finding.occurrence
    assert all(set(s.years) == {2019} for s in finding.sides)


def test_2018_sponsor_against_2020_non_sponsor_stays_a_time_shift_beside_the_conflict(tmp_path: Path) -> None:
    corpus = run(write_corpus(tmp_path / "c", {"y2019": NK_2019_SPONSOR}, seeds=True))
    bad = [f for f in of(corpus, "FL201", Verdict.CONFLICT) if "003" in involved(f)]
    assert bad == [], describe(bad)


def test_same_day_reports_with_different_tallies_are_a_vote_tally_conflict(tmp_path: Path) -> None:
    corpus = run(write_corpus(tmp_path / "c", {"t1": NK_2014_TALLY_A, "t2": NK_2014_TALLY_B}, seeds=True))
    assert years(corpus)["t1"] == years(corpus)["t2"] == 2014
    conflicts = of(corpus, "FL302", Verdict.CONFLICT)
    assert len(conflicts) == 1, describe(corpus.findings)
    (finding,) = conflicts
    assert sides(finding) == {frozenset({"t1"}), frozenset({"t2"})}
    assert "2014" in finding.occurrence
    tallies = {name(c.article): tuple(c.value) for c in corpus.claims if c.slot == "tally"}
    assert tallies == {"t1": (116, 20, 52), "t2": (116, 20, 53)}


def test_same_day_reports_agreeing_on_the_tally_in_other_words_are_not_flagged(tmp_path: Path) -> None:
    same = NK_2014_TALLY_B.replace("53 abstentions", "52 abstentions")
    corpus = run(write_corpus(tmp_path / "c", {"t1": NK_2014_TALLY_A, "t2": same}))
    assert of(corpus, "FL302") == [], describe(corpus.findings)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("by a vote of 97 to 19 with 65 abstentions", (97, 19, 65)),  # issue 2's own example
        ("by 116 votes to 20, with 52 abstentions", (116, 20, 52)),
        ("with 116 for, 20 against, 53 abstentions", (116, 20, 53)),  # CLAIM-MODEL's example
        ("187-2-3", (187, 2, 3)),
        ("with 189 in favour, 2 against", (189, 2, None)),
    ],
)
def test_tally_phrasings_are_read_whole(
    tmp_path: Path, phrase: str, expected: tuple[int | None, ...]
) -> None:
    text = report(
        "2014-12-19",
        f"The UN General Assembly on Thursday adopted the resolution on "
        f"human rights in North Korea {phrase}.",
    )
    corpus = run(write_corpus(tmp_path / "c", {"t": text}))
    tallies = [tuple(c.value) for c in corpus.claims if c.slot == "tally"]
    assert tallies == [expected]


# ------------------------------------------------------------------ an annual embargo vote

EMBARGO_2006 = report(
    "2006-11-08",
    """
The UN General Assembly on Wednesday voted to condemn the United States trade embargo against
Cuba for the 15th straight year, by 183 votes to 4 with one abstention.
""",
    "UN General Assembly condemns US embargo against Cuba",
)

EMBARGO_2007 = report(
    "2007-10-30",
    """
The UN General Assembly on Tuesday called for an end to the United States embargo against Cuba
for the 16th consecutive year since 1992.

The resolution passed 184-4-1.
""",
    "UN General Assembly again calls for end to US embargo on Cuba",
)

EMBARGO_2009_19TH = report(
    "2009-10-29",
    """
The UN General Assembly on Wednesday called for an end to the United States embargo against
Cuba for the 19th year in a row.
""",
    "UN General Assembly calls for end to US embargo on Cuba",
)

EMBARGO_2009_18TH = report(
    "2009-10-29",
    """
The UN General Assembly on Wednesday urged the United States to lift its embargo against Cuba
for the 18th year in a row.
""",
    "UN General Assembly urges US to lift Cuba embargo",
)


def test_embargo_15th_in_2006_and_16th_in_2007_both_count_from_1992(tmp_path: Path) -> None:
    corpus = run(write_corpus(tmp_path / "c", {"e2006": EMBARGO_2006, "e2007": EMBARGO_2007}))
    assert years(corpus) == {"e2006": 2006, "e2007": 2007}
    ordinal = of(corpus, "FL101")
    assert len(ordinal) == 1, describe(corpus.findings)
    (finding,) = ordinal
    assert finding.verdict is Verdict.TIME_SHIFT
    assert sides(finding) == {frozenset({"e2006"}), frozenset({"e2007"})}
    assert "1992" in finding.explanation
    assert not [f for f in corpus.findings if f.verdict is Verdict.CONFLICT], describe(corpus.findings)


def test_embargo_19th_against_18th_in_the_same_year_is_an_ordinal_conflict(tmp_path: Path) -> None:
    corpus = run(
        write_corpus(
            tmp_path / "c",
            {
                "e2006": EMBARGO_2006,
                "e2007": EMBARGO_2007,
                "e2009a": EMBARGO_2009_19TH,
                "e2009b": EMBARGO_2009_18TH,
            },
        )
    )
    assert years(corpus)["e2009a"] == years(corpus)["e2009b"] == 2009
    conflicts = of(corpus, "FL101", Verdict.CONFLICT)
    assert len(conflicts) == 1, describe(corpus.findings)
    (finding,) = conflicts
    # the odd one out, against the series' count of the same year; the rest of the series
    # (2006, 2007) is named in the explanation, not paired with it
    assert sides(finding) == {frozenset({"e2009a"}), frozenset({"e2009b"})}, describe([finding])
    assert "1991" in finding.explanation and "1992" in finding.explanation
    assert "odd one out" in finding.explanation and "2006-2009" in finding.explanation


def test_embargo_19th_said_as_voted_against_the_embargo_is_still_the_series_count(tmp_path: Path) -> None:
    """ "The Assembly voted against the United States embargo ... for the 19th year in a row"
    counts the resolution's years; the United States is not the one voting no."""
    worded = EMBARGO_2009_19TH.replace(
        "called for an end to the United States embargo", "voted against the United States embargo"
    )
    corpus = run(write_corpus(tmp_path / "c", {"e2009a": worded, "e2009b": EMBARGO_2009_18TH}))
    counts = [c for c in corpus.claims if c.slot == "ordinal" and name(c.article) == "e2009a"]
    assert [(c.value, c.counted) for c in counts] == [(19, "")]
    conflicts = of(corpus, "FL101", Verdict.CONFLICT)
    assert len(conflicts) == 1, describe(corpus.findings)
    assert sides(conflicts[0]) == {frozenset({"e2009a"}), frozenset({"e2009b"})}


def test_embargo_reports_are_never_compared_with_the_seeds(tmp_path: Path) -> None:
    corpus = run(
        write_corpus(
            tmp_path / "c",
            {
                "e2006": EMBARGO_2006,
                "e2007": EMBARGO_2007,
                "e2009a": EMBARGO_2009_19TH,
                "e2009b": EMBARGO_2009_18TH,
            },
            seeds=True,
        )
    )
    embargo = {"e2006", "e2007", "e2009a", "e2009b"}
    series = {name(p): o.series for p, o in corpus.occurrences.items()}
    assert len({series[n] for n in embargo}) == 1
    assert not {series[n] for n in embargo} & {series[n] for n in series if n not in embargo}
    mixed = [f for f in corpus.findings if involved(f) & embargo and involved(f) - embargo]
    assert mixed == [], describe(mixed)


# ------------------------------------------------------------------ a yearly city marathon


@pytest.mark.parametrize(
    ("wording_2019", "wording_2020"),
    [
        (
            "The 30th edition of the Riverside City Marathon was held on Sunday.",
            "The 31st edition of the Riverside City Marathon was held on Sunday with a record field.",
        ),
        (
            "Thousands of runners took part in the Riverside City Marathon on Sunday, held for the 30th "
            "consecutive year.",
            "A record field of runners took part in the Riverside City Marathon on Sunday, held for the "
            "31st consecutive year.",
        ),
    ],
)
def test_marathon_30th_in_2019_and_31st_in_2020_is_a_time_shift(
    tmp_path: Path, wording_2019: str, wording_2020: str
) -> None:
    corpus = run(
        write_corpus(
            tmp_path / "c",
            {
                "m2019": report("2019-04-15", wording_2019, "Riverside City Marathon"),
                "m2020": report("2020-04-13", wording_2020, "Riverside City Marathon"),
            },
        )
    )
    assert years(corpus) == {"m2019": 2019, "m2020": 2020}
    ordinal = of(corpus, "FL101")
    assert len(ordinal) == 1, describe(corpus.findings)
    (finding,) = ordinal
    assert finding.verdict is Verdict.TIME_SHIFT
    assert sides(finding) == {frozenset({"m2019"}), frozenset({"m2020"})}
    assert "1990" in finding.explanation


def test_marathon_30th_and_31st_in_the_same_year_is_a_conflict(tmp_path: Path) -> None:
    corpus = run(
        write_corpus(
            tmp_path / "c",
            {
                "m1": report(
                    "2019-04-15",
                    "Thousands of runners took part in the Riverside City Marathon"
                    " on Sunday, held for the 30th consecutive year.",
                ),
                "m2": report(
                    "2019-04-15", "The 31st edition of the Riverside City Marathon was held on Sunday."
                ),
            },
        )
    )
    conflicts = of(corpus, "FL101", Verdict.CONFLICT)
    assert len(conflicts) == 1, describe(corpus.findings)
    assert sides(conflicts[0]) == {frozenset({"m1"}), frozenset({"m2"})}


MARATHON_2019 = report(
    "2019-04-15",
    """
Thousands of runners took part in the Riverside City Marathon on Sunday, held for the 30th
consecutive year.
""",
    "Thousands run the Riverside City Marathon",
)

MARATHON_2020 = report(
    "2020-04-13",
    """
A record field of runners took part in the Riverside City Marathon on Sunday, held for the 31st
consecutive year.
""",
    "Riverside City Marathon draws record field",
)


def budget(city: str) -> str:
    return report(
        "2020-04-14",
        f"""
The {city} city council on Monday approved the annual municipal budget by a vote of 7 to 2, the
12th consecutive year the budget passed on time.
""",
        f"{city} city council passes annual budget",
    )


@pytest.mark.parametrize("marathons", [("m2019", "m2020"), ("m2019",)], ids=["two-races", "one-race"])
@pytest.mark.parametrize("city", ["Lakeview", "Riverside"])
def test_a_marathon_and_a_budget_vote_are_never_compared(
    tmp_path: Path, city: str, marathons: tuple[str, ...]
) -> None:
    """Different topics are different series, even when the same city hosts both."""
    races = {"m2019": MARATHON_2019, "m2020": MARATHON_2020}
    corpus = run(write_corpus(tmp_path / "c", {**{m: races[m] for m in marathons}, "budget": budget(city)}))
    series = {name(p): o.series for p, o in corpus.occurrences.items()}
    assert len({series[m] for m in marathons}) == 1
    assert series["budget"] != series["m2019"]
    mixed = [f for f in corpus.findings if "budget" in involved(f) and involved(f) - {"budget"}]
    assert mixed == [], describe(mixed)
    assert not [f for f in corpus.findings if f.verdict is Verdict.CONFLICT], describe(corpus.findings)


# ------------------------------------------------------------------ the JSON articles


def test_json_articles_carry_event_year_and_the_evidence_for_it(tmp_path: Path) -> None:
    write_corpus(tmp_path / "c", {"x15": NK_2020_15TH, "e2007": EMBARGO_2007}, seeds=True)
    done = subprocess.run(
        [sys.executable, "-m", "checker", "check", "c", "--format", "json"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 1, done.stderr  # the 15th in 2020 is a conflict
    data = json.loads(done.stdout)
    articles = {name(a["path"]): a for a in data["articles"]}
    claim_ids = {c["id"] for c in data["claims"]}

    x15 = articles["x15"]
    assert x15["path"] == "c/x15.md"
    assert x15["published"] == "2020-12-17"
    assert x15["event_year"] == 2020
    assert x15["event_date"] == "2020-12-16"  # "on Wednesday" read against the date
    sources = [e["source"] for e in x15["evidence"]]
    assert sources[0] == "published"  # strongest first
    assert "2020-12-17" in x15["evidence"][0]["detail"]
    dated = [e for e in x15["evidence"] if e["claim"]]
    assert dated and all(e["claim"] in claim_ids for e in dated)

    seed_000 = articles["000"]
    assert seed_000["published"] == "2020-12-17"
    assert seed_000["event_year"] == 2020
    # its "16th year" since 2005 is compared with the other counts, so it dates nothing
    assert [e["source"] for e in seed_000["evidence"]] == ["published"]

    assert articles["004"]["event_year"] is None
    assert articles["e2007"]["event_year"] == 2007
    assert articles["e2007"]["series"] != articles["000"]["series"]

    conflict = [f for f in data["conflicts"] if f["verdict"] == "conflict"]
    assert [f["rule"] for f in conflict] == ["FL101"]
    assert conflict[0]["severity"] == "error"
    assert {p for s in conflict[0]["sides"] for p in s["articles"]} >= {"c/x15.md"}


# ------------------------------------------------------------------ layout does not change meaning


def test_a_line_break_inside_a_sentence_does_not_change_the_claims(tmp_path: Path) -> None:
    sentence = (
        "The UN General Assembly on Wednesday voted against the United States embargo "
        "against Cuba for the 19th year in a row."
    )
    wrapped = sentence.replace(" against Cuba", "\nagainst Cuba")
    one = write_corpus(tmp_path / "one", {})
    two = write_corpus(tmp_path / "two", {})
    (one / "r.md").write_text(f"---\npublished: 2009-10-29\n---\n{sentence}\n", encoding="utf-8")
    (two / "r.md").write_text(f"---\npublished: 2009-10-29\n---\n{wrapped}\n", encoding="utf-8")

    def read(folder: Path) -> set[tuple]:
        return {(c.slot, repr(c.value), c.counted, c.polarity) for c in run(folder).claims}

    assert read(one) == read(two)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Belgium, which voted against the resolution last year, abstained this time.",
            {("vote:Belgium", "against"): (-1,), ("vote:Belgium", "abstain"): (0,)},
        ),
        (
            "Norway, which sat out last year's ballot, voted against the motion on Friday.",
            {("vote:Norway", "against"): (0,)},
        ),
        ("It had 58 co-sponsors, up from 51 last year.", {("sponsor-count", (58, 58)): (0,)}),
        ("The draft had 40 co-sponsors last year.", {("sponsor-count", (40, 40)): (-1,)}),
        # the figure beaten is last year's, the figure that beats it this year's
        (
            "The show drew 96,400 visitors, a record, beating last year's 91,000.",
            {("attendance", (96400, 96400)): (0,)},
        ),
        (
            "There were 1,275 exhibitors, slightly fewer exhibitors than last year's record.",
            {("exhibitors", (1275, 1275)): (0,)},
        ),
    ],
)
def test_a_time_phrase_dates_only_the_clause_or_figure_it_belongs_to(sentence, expected) -> None:
    from checker.articles import make_article
    from checker.extract import extract_claims
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    article = make_article("r.md", f"---\npublished: 2021-12-10\n---\n{sentence}\n", lex)
    got = {
        (c.slot, c.value): c.year_offsets
        for c in extract_claims(article, lex)
        if c.slot.startswith("vote:") or c.slot in ("sponsor-count", "attendance", "exhibitors")
    }
    assert got == expected


@pytest.mark.parametrize(
    "sentence, expected",
    [
        # a year's possessive dates the noun phrase it opens, not the clause around it
        (
            "Ana Brel, 28, won the women's race in 8:52:03, ahead of last year's winner Mia Dorn of Canada.",
            {"Ana Brel, 28": (0,), "8:52:03": (0,), "Ana Brel, 28, won": (0,)},
        ),
        (
            "Fenzi beat Lukas Marr by 1 minute 4 seconds, with last year's winner Tomas Reinholt third.",
            {"1 minute 4 seconds": (0,)},
        ),
        (
            "The show did not match last year's record attendance of 176,500.",
            {"attendance of 176,500": (-1,)},
        ),
        # a number joined to its unit is a word of the phrase the possessive opens
        ("The speech ran longer than last year's 74-minute address.", {"74-minute address": (-1,)}),
        (
            "After last year's drizzle, the 37th Kessarby Half Marathon was run.",
            {"the 37th Kessarby Half Marathon": (0,)},
        ),
        # ... unless it names the event itself
        ("Ana Brel won last year's race in 2:09:11.", {"2:09:11": (-1,), "Ana Brel won": (-1,)}),
        # the figure a sum was raised from is the one last year's
        ("The trust raised the prize purse to 90,000 pounds from 75,000 last year.", {"90,000 pounds": (0,)}),
    ],
)
def test_a_years_possessive_or_a_figure_raised_from_dates_only_its_own_phrase(sentence, expected) -> None:
    from checker.articles import make_article
    from checker.extract import extract_claims
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    article = make_article("r.md", f"---\npublished: 2021-12-10\n---\n{sentence}\n", lex)
    got = {c.display: c.year_offsets for c in extract_claims(article, lex) if c.display in expected}
    assert got == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "In 2019, 72 pianists had competed.",
        "In 2019, the fair drew 9,000 visitors.",
        "Back in 2019, the fair drew 9,000 visitors.",
        "During 2019 the fair drew 9,000 visitors.",
    ],
)
def test_a_year_the_sentence_opens_with_dates_its_count(sentence) -> None:
    from checker.articles import make_article
    from checker.extract import extract_claims
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    article = make_article("r.md", f"---\npublished: 2025-09-15\n---\n{sentence}\n", lex)
    counts = [c for c in extract_claims(article, lex) if c.kind == "count"]
    assert [c.detail("year") for c in counts] == [2019]


def _conflicts(folder: Path, reports: dict[str, str]) -> list[Finding]:
    corpus = run(write_corpus(folder, reports))
    return [f for f in corpus.findings if f.verdict == "conflict"]


def test_a_count_at_another_months_meeting_of_a_yearly_summit_is_no_claim_of_it(tmp_path: Path) -> None:
    summit = "the Velden climate summit"
    a = report("2031-11-22", f"About 48,000 delegates attended {summit}, which closed on Saturday.")
    b = report(
        "2031-11-23",
        f"Some 48,000 delegates took part in {summit}, which closed on Saturday. "
        "At the preparatory session in June, where about 6,000 delegates met, the text was drafted.",
    )
    found = _conflicts(tmp_path, {"a": a, "b": b})
    assert not found, describe(found)


def test_an_aside_of_last_years_result_leaves_this_years_result_this_years(tmp_path: Path) -> None:
    won = "won the Nordvale Song Contest final on Saturday."
    a = report("2031-05-18", f"Portugal {won} Britain came 22nd with 41 points.")
    b = report("2031-05-18", f"Portugal {won} Britain, last year's runner-up, came 22nd with 41 points.")
    c = report("2030-05-19", f"Spain {won} Britain finished second with 402 points.")
    found = _conflicts(tmp_path, {"a": a, "b": b, "c": c})
    assert not found, describe(found)


def test_last_year_in_a_closing_relative_clause_leaves_the_main_clause_this_years(tmp_path: Path) -> None:
    a = report(
        "2031-04-21",
        "Ana Pell won the Harbour Marathon on Sunday in 2:21:40, ahead of Lea Moss, whose course "
        "record of 2:19:55 from last year survived.",
    )
    b = report(
        "2030-04-22",
        "Lea Moss won the Harbour Marathon on Sunday in 2:19:55, with Ana Pell second in 2:22:10.",
    )
    found = _conflicts(tmp_path, {"a": a, "b": b})
    assert not found, describe(found)


@pytest.mark.parametrize(
    "sentence, expected",
    [
        (
            "Ana Ruiz won the 61st Kellberg Open. The 62nd edition will be played at Dunmore next June.",
            {61: ((0,), None), 62: ((1,), None)},
        ),
        (
            "Ana Ruiz won the 61st Kellberg Open. The 62nd edition would be held at Dunmore in June 2022.",
            {61: ((0,), None), 62: ((0,), 2022)},
        ),
        ("The 61st Kellberg Open, first played in 1961, was won by Ana Ruiz.", {61: ((0,), None)}),
    ],
)
def test_an_edition_to_come_is_counted_in_its_own_year(sentence, expected) -> None:
    from checker.articles import make_article
    from checker.extract import extract_claims
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    article = make_article("r.md", f"---\npublished: 2021-06-20\n---\n{sentence}\n", lex)
    got = {
        c.value: (c.year_offsets, c.detail("year"))
        for c in extract_claims(article, lex)
        if c.slot == "ordinal"
    }
    assert got == expected


def test_the_counts_of_a_series_held_every_two_years_count_one_edition_per_two_years(tmp_path: Path) -> None:
    def report(year: int, count: str, day: int) -> str:
        return (
            f"---\npublished: {year}-09-{day + 1:02d}\n---\n"
            f"Ana Ruiz won the {count} Harrowby International Piano Competition on Sunday, September {day}.\n"
        )

    reports = {
        "a.md": report(2021, "31st", 19),
        "b.md": report(2023, "32nd", 17),
        "c.md": report(2025, "33rd", 21),
    }
    assert [f for f in _conflicts(tmp_path / "one", reports) if f.rule == "FL101"] == []
    reports["d.md"] = report(2025, "34th", 21)
    found = [f for f in _conflicts(tmp_path / "two", reports) if f.rule == "FL101"]
    assert [sorted(s.value for s in f.sides) for f in found] == [["33rd", "34th"]]


def test_a_score_of_a_final_named_by_its_year_is_that_years_final() -> None:
    from checker.articles import make_article
    from checker.extract import extract_claims
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    text = "The side lost the 2022 final 27-19 to Ashvale. They beat Ashvale 22-20, a first title since 2019."
    article = make_article("r.md", f"---\npublished: 2024-05-20\n---\n{text}\n", lex)
    scores = {c.display: c.detail("year") for c in extract_claims(article, lex) if c.slot == "match-score"}
    assert scores == {"27-19": 2022, "22-20": None}


def test_a_year_before_a_noun_dates_the_count_of_its_clause() -> None:
    """ "the 2024 championship will be ... expanded to 14 players" is next year's field."""
    from checker.articles import make_article
    from checker.extract import extract_claims
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    text = (
        "Twelve players contested the open this week. "
        "The federation said the 2024 championship will be held in Ostrin and expanded to 14 players."
    )
    article = make_article("r.md", f"---\npublished: 2023-10-02\n---\n{text}\n", lex)
    years = {c.display: c.detail("year") for c in extract_claims(article, lex) if c.family == "entrants"}
    assert years == {"Twelve players": None, "14 players": 2024}
