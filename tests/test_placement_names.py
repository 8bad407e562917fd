"""An undated report is placed by the proper names of its lead only when two or more of them
are given, in its series, by dated reports of one year alone; one name never places it."""

from __future__ import annotations

from pathlib import Path

from checker.models import Corpus
from checker.pipeline import check
from rules import all_rules

# An invented yearly summit, held in another city with another president each year.
DATED = {
    "s2021a": (
        "2021-11-14",
        "Delegates at the summit in Harbin agreed a deal on Saturday, said president Ana Ruiz.",
    ),
    "s2021b": (
        "2021-11-15",
        "The summit in Harbin closed with a deal, its president Ana Ruiz told reporters.",
    ),
    "s2022a": (
        "2022-11-20",
        "Delegates at the summit in Lagos agreed a deal on Sunday, said president Omar Diallo.",
    ),
    "s2022b": (
        "2022-11-21",
        "The summit in Lagos closed with a deal, its president Omar Diallo told reporters.",
    ),
}


def _run(folder: Path, undated: dict[str, str]) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (published, text) in DATED.items():
        (folder / f"{name}.md").write_text(f"---\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    for name, text in undated.items():
        (folder / f"{name}.md").write_text(text + "\n", encoding="utf-8")
    return check([str(folder)], all_rules())


def _year(corpus: Corpus, name: str) -> int | None:
    return next(o.year for p, o in corpus.occurrences.items() if Path(p).stem == name)


def test_two_names_only_one_year_gives_place_a_report_and_say_so(tmp_path: Path) -> None:
    corpus = _run(
        tmp_path / "c", {"late": "Talks at the summit in Harbin ended, and president Ana Ruiz left."}
    )
    assert _year(corpus, "late") == 2021
    occurrence = next(o for p, o in corpus.occurrences.items() if Path(p).stem == "late")
    assert any(e.source == "lead-names" and "harbin" in e.detail for e in occurrence.evidence)


def test_one_name_or_names_of_two_years_place_nothing(tmp_path: Path) -> None:
    corpus = _run(
        tmp_path / "c",
        {
            "one": "Talks at the summit in Harbin ended with a deal on fishing.",
            "two": "The summit in Lagos, a year after the one in Harbin, ended; Ana Ruiz and Omar "
            "Diallo spoke.",
        },
    )
    assert _year(corpus, "one") is None and _year(corpus, "two") is None
