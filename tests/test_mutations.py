"""The mutation check (benchmarks/mutations.py) on an invented gold folder: an annual council
vote reported by three invented papers. A copy with its ordinal changed is caught; an unchanged
copy gives no finding against its original. Needs no development set."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

REPORTS = {
    "zz_01_harbour-post_2021.md": (
        "2021-03-11",
        "On Thursday the Lakeside town council approved the harbour budget for the 16th consecutive "
        "year, by 7 votes to 2. Mayor Edwina Strand said the vote was a good day for the town.\n",
    ),
    "zz_02_lakeside-times_2021.md": (
        "2021-03-12",
        "The Lakeside town council passed the harbour budget on Thursday by 7 votes to 2, the 16th "
        "year in a row that the budget has been approved.\n",
    ),
    "zz_03_harbour-post_2022.md": (
        "2022-03-10",
        "On Thursday the Lakeside town council approved the harbour budget for the 17th consecutive "
        "year, by 8 votes to 1. Mayor Edwina Strand welcomed the result.\n",
    ),
}

GOLD = """
series: zz
articles:
- file: corpus/zz_01_harbour-post_2021.md
  event_year: 2021
  ordinal_year: 16
  ordinal_phrase: for the 16th consecutive year
  start_year: null
  tally: {true: 7, false: 2, abstain: null, as_written: by 7 votes to 2}
  date_of_vote: Thursday
  people:
  - {name: Edwina Strand, title: Mayor}
- file: corpus/zz_02_lakeside-times_2021.md
  event_year: 2021
  ordinal_year: 16
  ordinal_phrase: the 16th year in a row
  tally: {true: 7, false: 2, abstain: null, as_written: by 7 votes to 2}
  date_of_vote: Thursday
  people: []
- file: corpus/zz_03_harbour-post_2022.md
  event_year: 2022
  ordinal_year: 17
  ordinal_phrase: for the 17th consecutive year
  tally: {true: 8, false: 1, abstain: null, as_written: by 8 votes to 1}
  date_of_vote: Thursday
  people:
  - {name: Edwina Strand, title: Mayor}
true_conflicts: []
time_shift_pairs: []
"""


@pytest.fixture(scope="module")
def mut():
    spec = importlib.util.spec_from_file_location("fl_mutations_unit", REPO / "benchmarks" / "mutations.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    (tmp_path / "corpus").mkdir()
    for file, (published, body) in REPORTS.items():
        head = (
            f"---\ntitle: Council budget\noutlet: Invented\npublished: {published}\nevent_year: 2021\n---\n"
        )
        (tmp_path / "corpus" / file).write_text(head + body, encoding="utf-8")
    (tmp_path / "zz_gold.yaml").write_text(GOLD, encoding="utf-8")
    return tmp_path


def test_mutations_are_made_where_the_gold_says(mut, data_dir: Path, tmp_path: Path) -> None:
    heads, bodies = mut.reduced_corpus(data_dir, tmp_path / "reduced")
    assert "event_year" not in heads["zz_01_harbour-post_2021.md"]  # the annotator's year is not leaked
    golds = mut.acc.gold_articles_of(mut.acc.load_gold(data_dir))
    made, left = mut.make_mutations(golds, bodies)
    by = {(m.article, m.kind): m for m in made}
    first = "zz_01_harbour-post_2021.md"
    assert (by[(first, "ordinal")].before, by[(first, "ordinal")].after) == ("16th", "17th")
    assert (by[(first, "tally")].before, by[(first, "tally")].after) == ("7", "8")
    assert (by[(first, "weekday")].before, by[(first, "weekday")].after) == ("Thursday", "Friday")
    assert (by[(first, "name")].before, by[(first, "name")].after) == ("Edwina", "Edwena")
    assert "16th -> 17th" in by[(first, "ordinal")].context
    assert {m.kind for m in made if m.article == first} >= {"ordinal", "tally", "weekday", "name", "control"}
    assert not left


def test_an_ordinal_change_is_caught_and_the_control_is_quiet(mut, data_dir: Path) -> None:
    result = mut.measure(data_dir, kinds=["ordinal", "control"], processes=2)
    rows = {(r["article"], r["kind"]): r for r in result["rows"]}
    caught = rows[("zz_01_harbour-post_2021.md", "ordinal")]
    assert caught["status"] == "caught", caught
    assert any(f["verdict"] == "conflict" and f["rule"] == "FL101" for f in caught["findings"])
    for article in REPORTS:
        assert rows[(article, "control")]["status"] == "quiet", rows[(article, "control")]
    assert result["by_kind"]["control"]["control_hits"] == 0
    assert result["by_kind"]["ordinal"]["changed"] == 3


def test_separation_needs_the_copy_and_the_original_apart(mut) -> None:
    finding = {"sides": [{"articles": ["c/a.md", "c/a__x.md"]}, {"articles": ["c/a__x.md"]}]}
    assert mut.separates(finding, "a__x.md", "a.md")
    assert not mut.separates(
        {"sides": [{"articles": ["a.md", "a__x.md"]}, {"articles": ["b.md"]}]}, "a__x.md", "a.md"
    )
    assert not mut.separates(
        {"sides": [{"articles": ["a__x.md"]}, {"articles": ["b.md"]}]}, "a__x.md", "a.md"
    )


def test_numbers_keep_their_printed_form(mut) -> None:
    text = "the 21st round, some 3,000 people, Ten of them and the twenty-second time"
    found = {n.printed: n for n in mut.numbers(text)}
    assert found["21st"].written(22) == "22nd"
    assert found["3,000"].written(3001) == "3,001"
    assert found["Ten"].written(11) == "Eleven"
    assert found["twenty-second"].written(23) == "twenty-third"
    assert mut.hedged(text, found["3,000"])
    assert not mut.hedged(text, found["21st"])
