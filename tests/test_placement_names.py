"""An undated report is placed by a proper name of its lead only where, in its series, dated
reports of one year alone give it (two of them at least), and reports of other years were
there to give it too; a lead sentence recalling another edition gives no names."""

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
    "s2023a": (
        "2023-11-19",
        "Delegates at the summit in Quito agreed a deal on Sunday, said president Lea Moreau.",
    ),
    "s2023b": (
        "2023-11-20",
        "The summit in Quito closed with a deal, its president Lea Moreau told reporters.",
    ),
}


def _run(folder: Path, undated: dict[str, str], dated: dict[str, tuple[str, str]] = DATED) -> Corpus:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (published, text) in dated.items():
        (folder / f"{name}.md").write_text(f"---\npublished: {published}\n---\n{text}\n", encoding="utf-8")
    for name, text in undated.items():
        (folder / f"{name}.md").write_text(text + "\n", encoding="utf-8")
    return check([str(folder)], all_rules())


def _year(corpus: Corpus, name: str) -> int | None:
    return next(o.year for p, o in corpus.occurrences.items() if Path(p).stem == name)


def test_a_name_only_one_years_reports_give_places_a_report_and_says_so(tmp_path: Path) -> None:
    # a name, not a host: a town said to host is a value shared with a dated report (test_cues)
    corpus = _run(
        tmp_path / "c", {"late": "Talks at the summit ended with a deal, and Ana Ruiz thanked them."}
    )
    assert _year(corpus, "late") == 2021
    occurrence = next(o for p, o in corpus.occurrences.items() if Path(p).stem == "late")
    assert any(e.source == "lead-names" and "ruiz" in e.detail for e in occurrence.evidence)


def test_names_of_two_years_or_of_one_dated_report_place_nothing(tmp_path: Path) -> None:
    one_report = {**DATED, "s2021b": ("2021-11-15", "The summit closed with a deal, reporters were told.")}
    corpus = _run(
        tmp_path / "c",
        {
            "two": "The summit in Lagos, with Ana Ruiz and Omar Diallo, ended with a deal.",
            "alone": "Talks at the summit ended, and president Ana Ruiz left for home.",
        },
        one_report,
    )
    assert _year(corpus, "two") is None and _year(corpus, "alone") is None


def test_a_country_alone_dates_nothing_for_countries_take_part_every_year(tmp_path: Path) -> None:
    folder = tmp_path / "c"
    folder.mkdir()
    for name, (published, text) in DATED.items():
        text = text.replace("Ana Ruiz", "Ana Ruiz of Norway")
        (folder / f"{name}.md").write_text(
            f"---\npublished: {published}\nseries: Harbour summit\n---\n{text}\n"
        )
    (folder / "late.md").write_text(
        "---\nseries: Harbour summit\n---\nTalks at the summit ended with a deal Norway had pushed for.\n"
    )
    assert _year(check([str(folder)], all_rules()), "late") is None


def test_a_lead_sentence_recalling_another_edition_gives_no_names(tmp_path: Path) -> None:
    corpus = _run(
        tmp_path / "c",
        {"recall": "A year after the summit in Harbin, delegates met again and agreed a deal on fishing."},
    )
    assert _year(corpus, "recall") is None


def test_a_name_dates_nothing_where_few_reports_of_other_years_could_give_it(tmp_path: Path) -> None:
    few = {k: v for k, v in DATED.items() if not k.startswith("s2023")}
    few.pop("s2022b")
    corpus = _run(
        tmp_path / "c", {"late": "Talks at the summit ended with a deal, and Ana Ruiz thanked them."}, few
    )
    assert _year(corpus, "late") is None


def test_a_report_narrating_a_later_held_year_is_not_placed_by_a_name(tmp_path: Path) -> None:
    corpus = _run(
        tmp_path / "c",
        {"later": "Talks at the summit in Harbin ended with a deal that builds on the pact of 2023."},
    )
    assert _year(corpus, "later") is None


def test_a_byline_gives_no_names_to_the_lead() -> None:
    from checker.articles import make_article
    from checker.digest import digest
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    byline = "By Greta Zolnay, Arts Correspondent"
    text = f"---\ntitle: A quiet night\n---\n{byline}\n\nIlena Varossi won best film.\n"
    names = digest(make_article("a.md", text, lex), lex).lead_names
    assert "varossi" in names and not {"greta", "zolnay", "arts", "correspondent"} & set(names)
