"""Cues to a report's date outside its claims: its address, an edition label, its own span."""

from __future__ import annotations

import datetime as dt

import pytest

from checker.cues import (
    dateline_place,
    labelled_year,
    latest_year,
    slug_year,
    span_year,
    url_date,
    weekday_date,
)
from checker.lexicon import default_lexicon
from checker.text import default_numbers


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.com/news/2018/11/23/climate-deal", (dt.date(2018, 11, 23), True)),
        ("https://example.com/2018/11/climate-deal.html", (dt.date(2018, 11, 1), False)),
        ("https://example.com/world/2021-05-23-song-contest", (dt.date(2021, 5, 23), True)),
        ("https://example.com/story_20151213_nations-agree.html", (dt.date(2015, 12, 13), True)),
        ("https://example.com/a/climate-1637452800", (dt.date(2021, 11, 21), True)),
        ("https://2019.example.com/a/story", None),  # a host name, not a path
        ("https://example.com/articles/123456/story", None),
        ("https://example.com/2018/13/story", None),
        (None, None),
    ],
)
def test_url_date(url: str | None, expected: tuple[dt.date, bool] | None) -> None:
    assert url_date(url) == expected


def test_labelled_year_of_the_reports_own_event() -> None:
    assert labelled_year("Ukraine wins Eurovision 2016", {"eurovision"}) == (2016, "Eurovision 2016")
    assert labelled_year("Tickets for Eurovision 2016 on sale", {"lakeside"}) is None
    assert labelled_year("Lakeside City Marathon 2024: the results", {"lakeside"}) == (
        2024,
        "Lakeside City Marathon 2024",
    )


@pytest.mark.parametrize(
    ("text", "words", "expected"),
    [
        ("Arcadia hosts the 9th Harbour Summit from 30 November to 11 December 2031.", {"summit"}, 2031),
        ("The Lakeside Marathon weekend runs May 12-14, 2030, in the old town.", {"lakeside"}, 2030),
        ("The summit, held 2\u201315 December 2029, closed with a deal.", {"summit"}, 2029),
        ("The Harbour Summit ran from November 30 to December 11, 2031.", {"summit"}, 2031),
        ("Talks ran from 6 to 17 November 2027 in Bonn.", {"summit"}, None),  # not the event's
        ("The summit was held on 30 November 2031.", {"summit"}, None),  # a day, not a span
    ],
)
def test_span_year_of_the_reports_own_event(text: str, words: set[str], expected: int | None) -> None:
    found = span_year(text, words, default_numbers().month)
    assert (found[0] if found else None) == expected


def test_a_report_without_a_date_is_placed_by_the_span_its_lead_gives(tmp_path) -> None:
    occurrence = _placed_alone(
        tmp_path,
        "summit.md",
        "Arcadia is to host the 9th Harbour Summit, from 30 November to 11 December 2031.\n\n"
        "Delegates from 190 countries met on Monday.\n",
    )
    assert occurrence.year == 2031
    assert any(e.source == "edition-label" and "11 December 2031" in e.detail for e in occurrence.evidence)


def _placed_alone(tmp_path, name: str, text: str):
    """The occurrence of a report checked on its own."""
    return _placed(tmp_path, {name: text})[name]


def _placed(tmp_path, files: dict[str, str]):
    from checker.pipeline import check
    from rules import all_rules

    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    corpus = check([str(tmp_path)], all_rules())
    return {p.rsplit("/", 1)[-1]: o for p, o in corpus.occurrences.items()}


def test_a_report_without_a_date_is_placed_by_its_address(tmp_path) -> None:
    placed = _placed(
        tmp_path,
        {
            "race.md": "---\nurl: https://news.example/sport/2024/04/15/lakeside-result\n---\n"
            "Daniel Kiprop won the Lakeside City Marathon on Sunday in 2:06:12.\n"
        },
    )
    occurrence = placed["race.md"]
    assert occurrence.year == 2024 and occurrence.date == dt.date(2024, 4, 14)
    assert [e.source for e in occurrence.evidence][:2] == ["address", "event-date"]


def test_a_report_without_a_date_is_placed_by_its_dateline(tmp_path) -> None:
    occurrence = _placed_alone(
        tmp_path,
        "race.md",
        "Nov. 3, 2030\n\nDaniel Kiprop won the Lakeside City Marathon on Sunday in 2:06:12.\n",
    )
    assert occurrence.year == 2030 and occurrence.date == dt.date(2030, 11, 3)
    assert [e.source for e in occurrence.evidence][:2] == ["dateline", "event-date"]


def test_a_report_without_a_date_is_placed_by_the_numbered_session_it_names(tmp_path) -> None:
    occurrence = _placed_alone(
        tmp_path,
        "vote.md",
        "The resolution was adopted at the 80th session of the General Assembly on Tuesday, "
        "by 120 votes to 8.\n",
    )
    assert occurrence.year == 2025  # the Assembly's first session met in 1946
    assert any(e.source == "session" and "met in 2025" in e.detail for e in occurrence.evidence)


def test_a_report_without_a_date_is_placed_by_the_edition_its_title_names(tmp_path) -> None:
    placed = _placed(
        tmp_path,
        {
            "song.md": "---\ntitle: Norway wins Nordvik 2022\n---\n"
            "Norway won the Nordvik Song Contest final in Turin with 631 points.\n"
        },
    )
    occurrence = placed["song.md"]
    assert occurrence.year == 2022
    assert any(e.source == "edition-label" and "Nordvik 2022" in e.detail for e in occurrence.evidence)


def test_slug_year_beside_the_events_name() -> None:
    words = {"nordvik", "song"}
    assert slug_year("https://x.example/news/nordvik-song-contest-2022-norway-wins", words) == (
        2022,
        "nordvik-song-contest-2022-norway-wins",
    )
    assert slug_year("https://x.example/2016-nordvik-song-contest-result", words)[0] == 2016
    assert slug_year("https://x.example/news/budget-2022-passes", words) is None
    assert slug_year("https://x.example/nordvik/archive/photos/2022", words) is None


def test_a_count_never_dates_its_report(tmp_path) -> None:
    dated = "The Lakeside City Marathon was held for the 20th time on Sunday, with 9,000 runners.\n"
    placed = _placed(
        tmp_path,
        {
            "a.md": "---\npublished: 2019-04-15\n---\n" + dated,
            "b.md": "---\npublished: 2020-04-13\n---\n" + dated.replace("20th", "21st"),
            # undated: its count would give 2021 from the first year the others imply, but the
            # count is what is checked, so it cannot also say which year to check it in
            "c.md": "The Lakeside City Marathon was held on Sunday for the 22nd time. Ana Ruiz, "
            "who had won the race in 2016, finished third.\n",
        },
    )
    assert placed["a.md"].year == 2019
    assert placed["c.md"].year is None
    assert not any(e.claim for e in placed["c.md"].evidence)


def test_a_report_without_a_date_is_placed_by_a_distinctive_value_a_dated_report_gives(tmp_path) -> None:
    placed = _placed(
        tmp_path,
        {
            "a.md": "---\npublished: 2022-05-15\n---\nNorway won the Nordvik Song Contest final on "
            "Saturday with 631 points.\n",
            "b.md": "---\npublished: 2023-05-14\n---\nSweden won the Nordvik Song Contest final on "
            "Saturday with 583 points.\n",
            "c.md": "Norway won the Nordvik Song Contest with 631 points, its first win.\n",
        },
    )
    assert placed["c.md"].year == 2022
    assert any(e.source == "shared-content" and "631 points" in e.detail for e in placed["c.md"].evidence)


def test_a_winning_time_told_to_the_second_dates_a_report_as_a_value_shared_with_a_dated_one(
    tmp_path,
) -> None:
    placed = _placed(
        tmp_path,
        {
            "a.md": "---\npublished: 2022-06-12\n---\nOstby Boat Club won the Harle Regatta final on "
            "Sunday in 6:02.4.\n",
            "b.md": "---\npublished: 2023-06-11\n---\nKessel Rowing Club won the Harle Regatta final on "
            "Sunday in 5:58.9.\n",
            "c.md": "Ostby Boat Club won the Harle Regatta in 6:02.4, a length clear.\n",
            # a time to the minute is run again: it dates nothing
            "d.md": "Ostby Boat Club won the Harle Regatta in about six minutes.\n",
        },
    )
    assert placed["c.md"].year == 2022
    assert any(e.source == "shared-content" and "6:02.4" in e.detail for e in placed["c.md"].evidence)
    assert placed["d.md"].year is None


def test_a_town_said_to_host_dates_a_report_as_a_value_shared_with_a_dated_one(tmp_path) -> None:
    def summit(city: str, country: str) -> str:
        return f"The Harbour Climate Summit in {city}, {country}, closed with a deal on fishing.\n"

    reports = {
        "a.md": "---\npublished: 2022-11-20\n---\n" + summit("Lagos", "Nigeria"),
        "b.md": "---\npublished: 2023-11-19\n---\n" + summit("Quito", "Ecuador"),
        "c.md": "---\npublished: 2024-11-24\n---\n" + summit("Abuja", "Nigeria"),
        # no date: its host town is the one only 2023's report gives, and 2022's gives another
        "d.md": "The Harbour Climate Summit in Quito ended on a high, with a deal on fishing.\n",
        # a country hosts year after year: Nigeria dates nothing
        "e.md": "The Harbour Climate Summit in Nigeria closed with a deal on fishing.\n",
    }
    placed = _placed(tmp_path, reports)
    assert placed["d.md"].year == 2023
    assert any(e.source == "shared-content" and "Quito" in e.detail for e in placed["d.md"].evidence)
    assert placed["e.md"].year is None


def test_a_town_that_hosts_every_year_dates_nothing(tmp_path) -> None:
    race = "The Lakeside City Marathon in Harbourton was won by Ana Ruiz.\n"
    placed = _placed(
        tmp_path,
        {
            "a.md": "---\npublished: 2022-04-10\n---\n" + race,
            "b.md": "---\npublished: 2023-04-16\n---\n" + race.replace("Ana Ruiz", "Lea Moreau"),
            "c.md": "Runners in Harbourton finished the Lakeside City Marathon in the rain.\n",
        },
    )
    assert placed["c.md"].year is None


def test_a_shared_value_dates_nothing_where_no_next_year_is_seen_to_differ(tmp_path) -> None:
    tally = "The Assembly adopted the Harbour resolution on Tuesday by 180 votes to 2, with 3 abstentions.\n"
    placed = _placed(
        tmp_path,
        {
            "a.md": "---\npublished: 2022-10-26\n---\n" + tally,
            "b.md": "---\npublished: 2024-10-30\n---\n" + tally.replace("180", "185"),
            # 2021 and 2023 are not in the folder: the tally may well have stayed the same
            "c.md": "The Harbour resolution passed again, 180-2 with 3 abstentions.\n",
        },
    )
    assert placed["c.md"].year is None


def test_a_round_sum_a_dated_report_gives_dates_nothing(tmp_path) -> None:
    def fair(prize: str, visitors: str) -> str:
        return f"The Veltmar Book Fair closed with a prize of {prize} and {visitors} visitors.\n"

    placed = _placed(
        tmp_path,
        {
            "a.md": "---\npublished: 2023-10-22\n---\n" + fair("25,000 euros", "186,400"),
            "b.md": "---\npublished: 2024-10-20\n---\n" + fair("30,000 euros", "194,100"),
            # a prize of 25,000 euros may well be given again: too round to date anything
            "c.md": "The Veltmar Book Fair ended with its prize of 25,000 euros.\n",
        },
    )
    assert placed["c.md"].year is None


def test_a_label_naming_the_events_kind_alone_dates_its_report(tmp_path) -> None:
    placed = _placed(
        tmp_path,
        {"a.md": "---\ntitle: Bee 2022 recap\n---\nTobias Wren won the Marrowfield Spelling Bee final.\n"},
    )
    assert placed["a.md"].year == 2022


def test_a_shared_value_dates_a_report_of_a_series_held_every_two_years(tmp_path) -> None:
    def ballot(turnout: str) -> str:
        return f"Ana Ruiz won the Harbour Party leadership ballot on a turnout of {turnout}.\n"

    placed = _placed(
        tmp_path,
        {
            "a.md": "---\npublished: 2021-10-16\n---\n" + ballot("72.5%"),
            "b.md": "---\npublished: 2023-10-14\n---\n" + ballot("64.6%"),
            "c.md": "---\npublished: 2025-10-11\n---\n" + ballot("69.6%"),
            # 2021, 2023 and 2025: one ballot every two years, and the ones either side differ
            "d.md": "Ana Ruiz kept the Harbour Party leadership ballot on a turnout of 64.6%.\n",
        },
    )
    assert placed["d.md"].year == 2023


def test_a_date_months_before_publication_is_another_events(tmp_path) -> None:
    placed = _placed(
        tmp_path,
        {
            "pre.md": "---\npublished: 2024-10-10\n---\nThe Harbour Climate Conference will be held "
            "in Baku this November, as decided at the plenary session on December 11, 2023.\n",
        },
    )
    assert placed["pre.md"].year == 2024
    assert any("days before it" in e.detail for e in placed["pre.md"].evidence)


WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In Lisbon on Saturday (13.05.17) the jury met", dt.date(2017, 5, 13)),
        ("on Saturday, 05/13/2017, the final", dt.date(2017, 5, 13)),  # month first: the weekday says so
        ("held on Tuesday 02.04.2024 in the hall", dt.date(2024, 4, 2)),
        ("on Friday (13.05.17)", None),  # 13 May 2017 was a Saturday: a misreading, no date
        ("version 2.04.2024 of the rules", None),  # no weekday beside it
        ("on Monday 1.2.2022 or 2.1.2022", None),  # 1 Feb 2022 was a Tuesday; 2 Jan a Sunday
    ],
)
def test_a_date_in_figures_counts_only_beside_its_weekday(text: str, expected: dt.date | None) -> None:
    found = weekday_date(text, WEEKDAYS)
    assert (found[0] if found else None) == expected


def test_a_report_without_a_date_is_placed_by_a_date_in_figures_beside_its_weekday(tmp_path) -> None:
    placed = _placed(
        tmp_path,
        {
            "song.md": "Norway have won the Nordvik Song Contest.\n\nIn Bergen, on Saturday (18.05.19), "
            "Kari Holm sang her way to the title with 498 points.\n"
        },
    )
    occurrence = placed["song.md"]
    assert occurrence.year == 2019 and occurrence.date == dt.date(2019, 5, 18)


def test_a_count_and_a_first_year_in_one_report_do_not_date_it(tmp_path) -> None:
    placed = _placed(
        tmp_path,
        {
            "vote.md": "The Harbour Assembly adopted the fishing resolution on Tuesday. The assembly has "
            "adopted it every year since 2005, and this is the 16th year.\n"
        },
    )
    assert placed["vote.md"].year is None
    assert not [e for e in placed["vote.md"].evidence if e.source == "arithmetic" or e.claim]


def test_the_place_a_dateline_names() -> None:
    assert dateline_place(["MADRID - Talks resumed on Monday."]) == "madrid"
    assert dateline_place(["LE BOURGET, France (AP) -- Delegates met."]) == "le bourget"
    assert dateline_place(["VALDORA, Ruritania, Nations on Sunday struck a deal."]) == "valdora"
    assert dateline_place(["[Photo] A delegate.", "ARDEN \u2014 The vote came late."]) == "arden"
    assert dateline_place(["Madrid hosted the talks."]) is None
    assert dateline_place(["AP - Delegates met."]) is None
    assert dateline_place(["MADRID-bound flights were cancelled."]) is None


def test_a_year_told_as_to_come_is_narrated_by_no_one() -> None:
    future = default_lexicon().phrase_re("future_markers")
    sentences = [
        "The rulebook will make the pact operational in 2030.",
        "Nations pledged to cut emissions by 2035.",
        "The pact was signed in 2015, and in 2018 its rulebook was agreed.",
    ]
    assert latest_year(sentences, future) == 2018
    assert latest_year(["Emissions must fall by 2035."], future) is None


def test_a_value_dated_reports_of_two_years_state_dates_nothing(tmp_path) -> None:
    def ultra(edition: str, length: str, winner: str) -> str:
        return f"{winner} won the {edition} Harrow Skyline Ultra over the {length} course on Saturday.\n"

    placed = _placed(
        tmp_path,
        {
            "a.md": "---\npublished: 2022-07-03\n---\n" + ultra("14th", "112 km", "Ana Ruiz"),
            "b.md": "---\npublished: 2023-07-02\n---\n"
            + ultra("15th", "98 km", "Ida Lane")
            + "Snow cut the course, normally 112 km, to 98 km.\n",
            "c.md": "---\npublished: 2024-07-01\n---\n" + ultra("16th", "115 km", "Eva Holm"),
            # the course's usual length: 2022's and 2023's reports give it, it marks neither year
            "d.md": "More than 800 runners took on the Harrow Skyline Ultra's 112 km course in the rain.\n",
        },
    )
    assert placed["d.md"].year is None
