"""The accuracy harness (benchmarks/accuracy.py) on invented gold: nulls, missing keys, empty
lists, slots of other kinds of event and an unknown series never make it crash, and what it
can read it scores sanely. Needs no development set."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]

ALPHA = "corpus/zz_01_alpha_2020.md"
BETA = "corpus/zz_02_beta_2020.md"

GOLD = """
series: zz
articles:
- file: corpus/zz_01_alpha_2020.md
  event_year: 2020
  occurrence: null
  stage: final
  ordinal_year: 5
  ordinal_phrase: null
  start_year: null
  tally: {true: 100, false: null, abstain: null, as_written: null}
  voted_against: []
  abstained: null
  adoption: {method: gavel, as_written: null}
  date_of_vote: null
  date_of_deal: on Saturday, 12 December
  caption_date: 13.12.20
  people:
  - name: null
    title: chair
  - name: Jane Roe
  - {}
  - just a string
  president: {name: null, country: Fiji}
  other_numbers:
  - claim: null
    value: null
  - a bare string
  - claim: co-sponsors
    value: over 40
  winner: {place: null, country: null, act: null}
  results: []
  vote_split: null
  host: {city: Somewhere}
  money: []
  streaks: null
- file: corpus/zz_02_beta_2020.md
  event_year: null
  people: null
  tally: 12
  adoption: consensus
  voted_against: Israel
- {}
- file: null
- just a string
true_conflicts:
- id: Z1
  slot: null
  a: corpus/zz_01_alpha_2020.md
  b: null
- id: Z2
  a: null
- id: Z3
  slot: result.points (Alpha)
  a: {file: corpus/zz_01_alpha_2020.md}
  b: [corpus/zz_02_beta_2020.md]
- id: Z4
  findable: false
  a: corpus/zz_01_alpha_2020.md
  b: corpus/zz_02_beta_2020.md
cross_year_factual_conflicts: null
time_shift_pairs:
- a: corpus/zz_01_alpha_2020.md
- null
stage_mismatches:
- a: null
  b: null
near_misses: []
"""

BODIES = {
    "zz_01_alpha_2020.md": "On Saturday, 12 December, the fifth contest was won with 100 points. "
    "Jane Roe, the chair, spoke.\n",
    "zz_02_beta_2020.md": "The contest ended on Sunday.\n",
    "unprefixed.md": "Nothing here.\n",
}


@pytest.fixture(scope="module")
def acc():
    spec = importlib.util.spec_from_file_location("fl_accuracy_unit", REPO / "benchmarks" / "accuracy.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    for file, body in BODIES.items():
        head = "---\ntitle: Invented\nevent_year: 2020\n---\n" if file.startswith("zz_01") else ""
        (tmp_path / "corpus" / file).write_text(head + body, encoding="utf-8")
    (tmp_path / "zz_gold.yaml").write_text(GOLD, encoding="utf-8")
    (tmp_path / "empty_gold.yaml").write_text("", encoding="utf-8")
    (tmp_path / "list_gold.yaml").write_text("- 1\n- 2\n", encoding="utf-8")
    (tmp_path / "bare_gold.yaml").write_text("series: bare\n", encoding="utf-8")
    return tmp_path


def _report() -> dict:
    """A factlint JSON report, invented, with some malformed entries."""

    def claim(slot, value, **kw):
        return {"article": ALPHA, "slot": slot, "value": value, "years": [0], "display": str(value), **kw}

    return {
        "claims": [
            claim("ordinal", 5),
            claim("event-date", {"year": 2020, "month": 12, "day": 12, "weekday": 5}),
            claim("person:jane roe", "Jane Roe"),
            claim("tally", {"for": 100, "against": None, "abstain": None}),
            claim("sponsor-count", {"min": None, "max": None}),
            claim("adoption", "consensus"),
            claim("ordinal", 4, years=[-1]),  # another occurrence: set aside
            {"article": BETA, "slot": "vote:Israel", "value": "against", "years": None},
            {"article": None, "slot": "ordinal", "value": 1},
            {"slot": None},
            "not a claim",
        ],
        "articles": [
            {
                "path": ALPHA,
                "event_year": 2020,
                "event_meeting": None,
                "evidence": [{"source": "event-date"}, None],
            },
            {"path": BETA, "event_year": 2021},
            {"no": "path"},
        ],
        "conflicts": [
            {
                "verdict": "conflict",
                "rule": "FL9",
                "name": "points",
                "slot": "result",
                "sides": [{"articles": [ALPHA]}, {"articles": [BETA]}],
            },
            {"verdict": "conflict", "sides": None},
            {"verdict": "variant", "sides": [{"articles": None}, {}]},
        ],
    }


def test_gold_parsing_survives_nulls_and_strays(acc, data_dir):
    golds = acc.load_gold(data_dir)
    assert len(golds) == 4 and all(isinstance(d, dict) for d in golds)
    articles = acc.gold_articles_of(golds)
    assert sorted(articles) == ["zz_01_alpha_2020.md", "zz_02_beta_2020.md"]
    pairs = acc.read_pairs(golds)
    assert [g[0] for g in pairs["gold"]] == ["Z1", "Z3"]  # Z2 names no report
    assert pairs["unfindable"] == ["Z4"]
    assert pairs["shifts"] == set() and pairs["stages"] == set() and pairs["traps"] == set()
    missing = acc.not_measured(articles)
    # null and empty slots say nothing; host (city) is read by the host family
    assert set(missing["zz"]) == {"other_numbers"}


@pytest.mark.parametrize(
    "text,units",
    [
        (None, set()),
        (12, set()),
        ("", set()),
        ("Tonight", set()),
        ("on Saturday, 12 December", {("weekday", 5), ("month-day", (12, 12))}),
        ("Dec. 18 (dateline Dec. 19)", {("month-day", (12, 18))}),
        ("on Saturday (13.05.17)", {("weekday", 5), ("month-day", (5, 13))}),
        ("at 2:40 a.m. local time Sunday", {("weekday", 6)}),
        ("the 18th", {("day", 18)}),
    ],
)
def test_parse_gold_date(acc, text, units):
    assert acc.parse_gold_date(text) == units


def test_small_readers(acc):
    assert acc.parse_gold_count(None) is None
    assert acc.parse_gold_count("over 70 countries") == (70, "over")
    assert acc.count_admits((None, None), (70, "over")) is False
    assert acc.adoption_method({"method": "gavel, consensus"}) == "consensus"
    assert acc.adoption_method({"method": "gavel"}) is None
    assert acc.adoption_method(None) is None and acc.adoption_method({}) is None
    assert acc.adoption_method("recorded-vote") == "recorded-vote"
    assert acc.files(None) == [] and acc.files(5) == [] and acc.files({"files": None}) == []
    assert acc.files([{"file": "corpus/a.md"}, "corpus/b.md", None]) == ["a.md", "b.md"]
    assert acc.gold_names({"people": [{"name": None}, None, "x", {"name": " "}], "president": None}) == []


def test_score_is_sane_on_invented_gold(acc, data_dir):
    golds = acc.load_gold(data_dir)
    result = acc.score(_report(), golds, dict(BODIES))
    assert result["series"] == {"unprefixed": 1, "zz": 2}  # a file without a prefix: its own
    ex = result["extraction"]
    for fam in ex.values():
        for key in ("precision", "recall"):
            assert fam[key] is None or 0 <= fam[key] <= 1
        assert set(fam["by_series"]) <= set(result["series"])
    assert (
        ex["ordinal"]["correct"],
        ex["ordinal"]["claimed"],
        ex["ordinal"]["found"],
        ex["ordinal"]["gold"],
    ) == (1, 1, 1, 1)
    assert len(ex["ordinal"]["set_aside"]) == 1
    # Saturday 12 December: both units found, the claim agrees with the gold's date
    assert (ex["date"]["correct"], ex["date"]["claimed"], ex["date"]["found"], ex["date"]["gold"]) == (
        1,
        1,
        2,
        2,
    )
    assert (ex["people"]["found"], ex["people"]["gold"], ex["people"]["correct"]) == (1, 1, 1)
    assert (ex["tally"]["correct"], ex["tally"]["gold"]) == (1, 1)  # zz_02's "tally: 12" is no tally
    assert ex["sponsors"]["gold"] == 1 and ex["sponsors"]["correct"] == 0  # a range with no number
    # "gavel" is not a method factlint names, so zz_01's claim has nothing to agree with;
    # zz_02's "consensus" is one gold value, not found
    assert (
        ex["adoption"]["correct"],
        ex["adoption"]["claimed"],
        ex["adoption"]["found"],
        ex["adoption"]["gold"],
    ) == (0, 1, 0, 1)
    assert (ex["votes"]["correct"], ex["votes"]["gold"]) == (1, 1)  # a lone country, not a list

    fi = result["findings"]
    assert (fi["found"], fi["gold"]) == (1, 2)
    assert {r["id"]: r["status"] for r in fi["conflicts"]} == {"Z1": "missed", "Z3": "found"}
    assert fi["by_series"]["zz"]["found"] == 1 and fi["by_series"]["zz"]["missed"] == ["Z1"]
    assert fi["false_alarms"] == 0

    ev = result["events"]
    assert (ev["year_right"], ev["year_total"]) == (1, 1)  # zz_02's year is null: not counted
    assert ev["by_series"]["zz"]["meeting_total"] == 1  # zz_01's stage, the only one given
    assert ev["by_series"]["zz"]["meeting_accuracy"] == 1.0  # one meeting that year
    assert "host" not in result["not_measured"]["zz"]
    assert (ex["host"]["gold"], ex["host"]["found"]) == (1, 0)  # host Somewhere, not claimed


RESULTS_GOLD = {
    "articles": [
        {
            "file": "corpus/zz_01_alpha_2020.md",
            "event_year": 2020,
            "winner": {"country": "Sweden", "artist": "Anna Berg", "song": None, "points": 583},
            "results": [
                {"place": 2, "country": "the UK", "act": None, "points": 466},
                {
                    "place": None,
                    "country": "Spain",
                    "points": 459,
                    "as_written": "Spain, 459 – 228 televotes",
                },
                {"place": None, "country": "All four", "points": 0},  # no one subject
                None,
                {},
            ],
            "vote_split": [
                {"country": "UK", "part": "jury", "place": 1, "points": 283},
                {"country": "Sweden", "part": "standings at half-way", "place": 3, "points": None},
            ],
            "host": {"city": "Malmö", "country": "Sweden"},
            "counts": [
                {"counted": "participating countries", "value": 37},
                {"counted": "countries in the final", "value": 25, "qualifier": "only"},
                {"counted": "voting countries", "value": 40},  # no family
                {"counted": "countries", "value": None},
            ],
            "audience": [{"counted": "audience in the arena", "value": 7500}],
            "money": [
                {"what": "new goal", "amount": "$300 billion"},
                {"what": "initial offer", "amount": "$250 billion"},
                {"what": None, "amount": None},
            ],
            "people": [{"name": "Anna Berg", "age": 24}, {"name": None, "age": 3}],
        }
    ]
}


def test_results_roles_counts_and_money_on_invented_gold(acc):
    def claim(slot, value, family=None, **kw):
        return {
            "article": ALPHA,
            "slot": slot,
            "value": value,
            "years": [0],
            "display": str(value),
            "family": family or slot.split(":")[0],
            **kw,
        }

    report = {
        "claims": [
            claim("points:Sweden", 583),
            claim("points:anna berg", 583),  # the artist: the same entry
            claim("points:United Kingdom:jury", 283),
            claim("points:Spain:televote", 228),  # written in the results row: correct
            claim("points:Spain", 466),  # the UK's total: wrong subject
            claim("place:united kingdom", 2),
            claim("winner", "anna berg"),
            claim("winner", "Sweden", year=2020),  # the report's own year
            claim("winner", "Celine Dion", year=1988),  # another occurrence: set aside
            claim("winner:jury", "United Kingdom"),
            claim("host", "Malmo"),
            claim("participating-countries", {"min": 37, "max": 37}),
            claim("participating-countries", {"min": 25, "max": 25}),  # the finalists
            claim("attendance", {"min": 7500, "max": 7500}),
            claim("finance-goal:USD", {"amount": 300e9, "unit": "USD"}),
            claim("finance-goal:USD", {"amount": 250e9, "unit": "USD"}),  # the offer
            claim("age:anna berg", 24),
        ]
    }
    result = acc.score(report, [RESULTS_GOLD], {"zz_01_alpha_2020.md": "Anna Berg won in Malmö."})
    ex = result["extraction"]

    def row(key):
        f = ex[key]
        return (f["correct"], f["claimed"], f["found"], f["gold"])

    # gold: Sweden 583, the UK 466, Spain 459, the UK's jury 283; found: Sweden and the UK's jury
    assert row("points") == (4, 5, 2, 4)
    assert row("place") == (1, 1, 1, 3)  # gold: Sweden 1st (the winner), the UK 2nd, 1st of the juries
    assert row("winner") == (3, 3, 1, 1)
    assert row("host") == (1, 1, 1, 1)
    assert row("participating-countries") == (1, 2, 1, 1)
    assert row("finalists") == (0, 0, 0, 1)
    assert row("attendance") == (1, 1, 1, 1)
    assert row("finance-goal") == (1, 2, 1, 1)
    assert row("age") == (1, 1, 1, 1)
    assert len(ex["winner"]["set_aside"]) == 1
    why = {s["display"]: s["why"] for s in ex["points"]["spurious"]}
    assert "466 is United Kingdom's" in why["466"]
    missing = acc.not_measured(acc.gold_articles_of([RESULTS_GOLD]))["zz"]
    assert set(missing) == {"counts (other items)", "money (other items)", "vote_split (other items)"}


def test_measure_runs_factlint_on_a_tiny_corpus(acc, data_dir):
    result = acc.measure(data_dir)
    assert result["reports"] == 3
    assert set(result["series"]) == {"unprefixed", "zz"}
    assert result["findings"]["gold"] == 2
    for fam in result["extraction"].values():
        assert fam["precision"] is None or 0 <= fam["precision"] <= 1
        assert fam["recall"] is None or 0 <= fam["recall"] <= 1


def test_measure_without_a_corpus_says_so(acc, tmp_path):
    with pytest.raises(FileNotFoundError):
        acc.measure(tmp_path)
    (tmp_path / "x_gold.yaml").write_text(yaml.safe_dump({}), encoding="utf-8")
    with pytest.raises(FileNotFoundError):
        acc.measure(tmp_path)


def test_rows_of_a_table_the_gold_samples_are_not_scored(acc):
    table = "Norland – 610\nOstrelia – 420\nVeldia – 301\nArcadia – 12\n"
    body = f"Norland won on Saturday.\n\nThe full results were:\n\n{table}"
    gold = {"winner": {"as_written": "Norland – 610"}, "results": [{"as_written": "Veldia – 301"}]}
    assert acc.sampled_rows(body, gold) == frozenset({"Ostrelia – 420", "Arcadia – 12"})
    # a table the gold quotes nothing of, and rows too few to be a table, are scored as usual
    assert acc.sampled_rows(body, {"winner": {"as_written": "Norland won on Saturday."}}) == frozenset()
    assert (
        acc.sampled_rows("Norland – 610\nOstrelia – 420\n", {"x": [{"as_written": "Norland – 610"}]})
        == frozenset()
    )
