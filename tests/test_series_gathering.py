"""Reports that name their event are gathered by that name, whatever order they come in and
whatever else is in the folder."""

from __future__ import annotations

import itertools
import random

from checker.articles import make_article
from checker.digest import digest
from checker.lexicon import default_lexicon
from checker.series import assign_series, event_names

REPORTS = {
    "race-2023.md": "Tadesse Bekele won the 40th Lakeside City Marathon on Sunday in 2:07:55.",
    "race-2024.md": "Kenya's Daniel Kiprop won the Lakeside City Marathon on Sunday in 2:06:12.",
    "race-brief.md": "Ethiopia's Almaz Tesfaye takes the women's title at Lakeside City Marathon 2024.",
    "song-2022.md": "Norway won the Nordvik Song Contest final in Turin on Saturday with 631 points.",
    "song-2023.md": "Sweden won Nordvik 2023 in Liverpool on Saturday night with 583 points.",
    "film.md": "The Lakeside Film Festival opened on Friday with a documentary about the harbour.",
    "budget.md": "The Brackwater city council approved the 2024 budget on Tuesday by a vote of 7-2.",
}


def _partition(paths: list[str]) -> set[frozenset[str]]:
    lex = default_lexicon()
    digests = [digest(make_article(p, REPORTS[p], lex), lex) for p in paths]
    series = assign_series(digests)
    return {frozenset(p for p in paths if series[p] == label) for label in set(series.values())}


def _series_by_text(reports: dict[str, str]) -> dict[str, str]:
    lex = default_lexicon()
    return assign_series([digest(make_article(p, text, lex), lex) for p, text in reports.items()])


def test_reports_naming_one_event_are_one_series_and_others_apart() -> None:
    groups = _partition(sorted(REPORTS))
    assert frozenset({"race-2023.md", "race-2024.md", "race-brief.md"}) in groups
    assert frozenset({"song-2022.md", "song-2023.md"}) in groups
    assert not any({"film.md", "race-2024.md"} <= g for g in groups)  # a festival, not the race


def test_gathering_does_not_depend_on_order_or_on_the_other_reports() -> None:
    named = ["race-2023.md", "race-2024.md", "race-brief.md", "song-2022.md", "song-2023.md"]
    expected = _partition(sorted(named))
    for order in itertools.islice(itertools.permutations(named), 0, 120, 7):
        assert _partition(list(order)) == expected
    with_others = _partition([*named, "film.md", "budget.md"])
    assert {g & set(named) for g in with_others} - {frozenset()} == expected


def test_a_series_named_in_front_matter_is_joined_by_untagged_reports_of_its_event() -> None:
    lex = default_lexicon()
    tagged = "---\nseries: Lakeside marathon\n---\n" + REPORTS["race-2024.md"]
    digests = [
        digest(make_article("race-2024.md", tagged, lex), lex),
        *(
            digest(make_article(p, REPORTS[p], lex), lex)
            for p in ("race-2023.md", "race-brief.md", "film.md")
        ),
    ]
    series = assign_series(digests)
    assert series["race-2023.md"] == series["race-brief.md"] == series["race-2024.md"] == "Lakeside marathon"
    assert series["film.md"] != "Lakeside marathon"


def test_a_series_that_names_its_event_is_named_after_it_whoever_wins() -> None:
    lex = default_lexicon()
    names = {
        "a.md": "Kenya's Daniel Kiprop won the Lakeside City Marathon on Sunday.",
        "b.md": "Ethiopia's Almaz Tesfaye won the Lakeside City Marathon on Sunday.",
    }
    one = assign_series([digest(make_article("a.md", names["a.md"], lex), lex)])
    both = assign_series([digest(make_article(p, t, lex), lex) for p, t in names.items()])
    assert one["a.md"] == both["a.md"] == both["b.md"] == "lakeside marathon"


def test_a_report_whose_lead_names_no_event_joins_the_event_its_body_names_twice() -> None:
    body = (
        "Fans cheered in the arena on Saturday night.\n\nThe crowd sang along.\n\n"
        "The Nordvik Song Contest drew 37 countries.\n\nNext year the Nordvik Song Contest moves north.\n"
    )
    reports = {"named.md": REPORTS["song-2022.md"], "body.md": body, "film.md": REPORTS["film.md"]}
    series = _series_by_text(reports)
    assert series["body.md"] == series["named.md"] != series["film.md"]


def test_an_abbreviated_country_in_a_lead_is_the_country() -> None:
    lex = default_lexicon()
    for lead in ("UN adopts NK human rights resolution", "S.Korea co-sponsors resolution"):
        names = {e.name for _, _, e in lex.find_entities(lead) if e.kind == "country"}
        assert names & {"North Korea", "South Korea"}, lead


# Reports of a climate summit known by its label ("CLX12"), some of which never name it, beside a
# yearly vote whose leads name the country that also attends the summit.
SUMMIT = {
    "clx-2021.md": "Delegates at CLX12 in Harbin agreed a deal on coastal flooding and carbon "
    "markets on Saturday.",
    "clx-2022.md": "The CLX13 summit in Lagos closed with a deal on carbon markets and coastal "
    "flooding funds.",
    "clx-2023.md": "Negotiators at CLX14 agreed to triple coastal flooding funds and reform carbon markets.",
    "talks.md": "Climate talks on carbon markets and coastal flooding ended with a deal on Sunday in Lagos, "
    "while Ruritania's delegation walked out.",
    "summit-once.md": "Ministers wrapped up two weeks of climate talks on carbon markets on Friday.\n\n"
    "The deal on coastal flooding came after long nights.\n\n"
    "It was the first time CLX13 ran past its deadline.\n",
    "vote-2021.md": "Ruritania voted against the annual UN resolution on fishing quotas in the "
    "General Assembly.",
    "vote-2022.md": "Ruritania again voted against the UN resolution on fishing quotas at the "
    "General Assembly.",
    "vote-2023.md": "The UN General Assembly adopted the fishing quotas resolution; Ruritania "
    "voted against it.",
}


def _series_of(paths: list[str]) -> dict[str, str]:
    lex = default_lexicon()
    return assign_series([digest(make_article(p, SUMMIT[p], lex), lex) for p in paths])


def test_a_report_naming_no_event_joins_the_named_event_its_words_are_about() -> None:
    series = _series_of(sorted(SUMMIT))
    summit = {series[p] for p in ("clx-2021.md", "clx-2022.md", "clx-2023.md", "talks.md", "summit-once.md")}
    votes = {series[p] for p in ("vote-2021.md", "vote-2022.md", "vote-2023.md")}
    assert len(summit) == 1 and len(votes) == 1 and summit != votes


def test_the_same_report_joins_the_same_series_whatever_else_is_in_the_folder() -> None:
    paths = sorted(SUMMIT)
    whole = _series_of(paths)

    def mates(series: dict[str, str], path: str, among: list[str]) -> set[str]:
        return {p for p in among if series[p] == series[path]}

    for seed in range(12):
        rng = random.Random(seed)
        subset = sorted(rng.sample(paths, rng.randint(5, len(paths))))
        shuffled = rng.sample(subset, len(subset))
        series = _series_of(shuffled)
        for path in subset:
            assert mates(series, path, subset) == mates(whole, path, subset), (seed, path)


def test_a_city_named_like_an_event_does_not_pull_its_council_into_the_race() -> None:
    reports = {
        "race.md": "Thousands of runners took part in the Riverside City Marathon on Sunday.",
        "budget.md": "The Riverside city council on Monday approved the annual municipal budget by 7 to 2.",
    }
    series = _series_by_text(reports)
    assert series["race.md"] != series["budget.md"]


def test_a_day_before_an_events_name_does_not_join_two_events() -> None:
    reports = {
        "velden-a.md": "Asha Lentri won the Velden Marathon on Sunday in 2:22:04.",
        "velden-b.md": "Kelan Moroti won Sunday's Velden Marathon in 2:06:31.",
        "alsen-a.md": "Dario Kemp won the Port Alsen Marathon on Sunday in 2:08:44.",
        "alsen-b.md": "Tobias Renner won Sunday's Port Alsen Marathon in 2:08:44.",
    }
    series = _series_by_text(reports)
    assert series["velden-a.md"] == series["velden-b.md"] != series["alsen-a.md"] == series["alsen-b.md"]


def test_a_byline_is_no_part_of_the_lead_a_series_is_found_by() -> None:
    lex = default_lexicon()
    lead = "The Velden Stakes was won on Saturday by Quill Harbour in 2:03.41."
    for byline in ("By Anka Morrow, racing editor", "By our racing correspondent", "BY TOVE LIND"):
        article = make_article("b.md", f"---\ntitle: A day of rain and glory\n---\n{byline}\n\n{lead}\n", lex)
        assert "!velden" in dict(digest(article, lex).signature)
    # a sentence that opens with "By" is read
    article = make_article("c.md", "By Saturday the Velden Stakes had drawn 14 runners.\n", lex)
    assert "!velden" in dict(digest(article, lex).signature)


def test_a_datelines_country_is_not_what_a_report_is_about() -> None:
    lex = default_lexicon()
    text = "UNITED NATIONS, United States, Dec 10, 2031 (AFP) - The General Assembly adopted it on Tuesday.\n"
    article = make_article("a.md", text, lex)
    assert "United States" not in digest(article, lex).anchors
    told = make_article("b.md", "The United States voted against the text on Tuesday.\n", lex)
    assert "United States" in digest(told, lex).anchors


def test_a_place_named_before_a_lower_case_kind_names_the_event_whoever_stands() -> None:
    lex = default_lexicon()
    reports = {
        "arden-2017.md": "Lena Holt led the first round of Arden's mayoral election with 38 percent.",
        "arden-2021.md": "Mayor Lena Holt won the Arden run-off on Sunday with 51.8 percent of the vote.",
        "arden-2025.md": "Ines Falk wins Arden run-off to become the city's first Green mayor.",
        "velden-2025.md": "Tom Baker wins Velden run-off to become the city's youngest mayor.",
    }
    series = _series_by_text(reports)
    assert (
        series["arden-2017.md"]
        == series["arden-2021.md"]
        == series["arden-2025.md"]
        != series["velden-2025.md"]
    )
    # a candidate's run-off is no event's name
    assert event_names("Holt's run-off win was never in doubt.", lex) == []


def test_a_report_calling_the_marathon_a_race_joins_it() -> None:
    reports = {
        "a.md": "Elias Kemboi won the Velden Marathon on Sunday in 2:06:48.",
        "b.md": "Lena Moss won the Velden Marathon on Sunday in 2:21:05, her second title.",
        "c.md": "Ana Pell won the Velden Marathon in 2:22:10 as the rain held off.",
        # a race is what a marathon, a horse race and a mayoral race all are: no kind of its own
        "d.md": "If you watched the stream of Sunday's race in Velden you saw Elias Kemboi run 2:06:48.",
    }
    series = _series_by_text(reports)
    assert series["d.md"] == series["a.md"] == series["b.md"] == series["c.md"]


def test_a_report_naming_the_events_place_and_kind_apart_joins_it_whatever_its_words() -> None:
    reports = {
        "a.md": "Quill Harbour won the 152nd Velden Derby on Saturday by two lengths.",
        "b.md": "Marsh Lantern won the 153rd Velden Derby at the Downs on Saturday.",
        "c.md": "---\ntitle: Record crowd as the town celebrates Derby day\n---\n"
        "Velden was buzzing as racegoers poured in and traders ran out of strawberries.",
        # the place alone, with another kind, is another event there
        "d.md": "Velden council approved its annual budget on Tuesday by seven votes to two.",
    }
    series = _series_by_text(reports)
    assert series["c.md"] == series["a.md"] == series["b.md"] != series["d.md"]


def test_a_venue_named_with_an_event_noun_is_no_event() -> None:
    lex = default_lexicon()
    assert event_names("Investors arrived at the Halloran Conference Centre on Thursday.", lex) == []
    assert event_names("The Halloran Conference opened on Thursday.", lex) == ["halloran"]


def test_a_hyphen_between_the_words_of_an_events_name_joins_no_new_name() -> None:
    lex = default_lexicon()
    assert event_names("Kingsmere won the traditional Lenn-Boat Race.", lex) == ["lenn boat"]
    assert event_names("Kingsmere won the Lenn Boat Race.", lex) == ["lenn boat"]


def test_an_edition_label_names_its_event_by_all_its_words_and_a_kind_alone_names_none() -> None:
    lex = default_lexicon()
    assert event_names("Brightwater Night 2022: the ratings and the records", lex) == ["brightwater night"]
    assert event_names("Bee 2022 recap: the winning word", lex) == []


def test_a_carnival_is_an_event_its_feature_stories_join() -> None:
    reports = {
        "a.md": "Around 410,000 people lined the streets on Sunday for the 43rd Brandmoor Street Carnival.",
        "b.md": "The 44th Brandmoor Street Carnival drew a record crowd on Sunday.",
        "c.md": "---\ntitle: Carnival crowds return in force, but police warn over knife crime\n---\n"
        "By Ana Ruiz, Home Affairs Correspondent\n\n"
        "Brandmoor's street carnival drew one of its largest crowds in years on Sunday, but police "
        "said they had seized four knives. Officers made 72 arrests during the 43rd edition of the event.",
        "d.md": "Brandmoor council approved its annual budget on Tuesday by seven votes to two.",
    }
    series = _series_by_text(reports)
    assert series["c.md"] == series["a.md"] == series["b.md"] != series["d.md"]


def test_a_host_city_label_dates_the_edition_but_names_no_series_of_its_own() -> None:
    reports = {
        "a.md": "Teo Vasko won the 72nd Marovian Chess Championship in Drelsk on Saturday.",
        "b.md": "---\ntitle: 'Ostrin 2024: Vasko masterclass'\n---\n"
        "It's a wrap from Ostrin. The Marovian Chess Championship ended on Saturday with Vasko on top.",
        "c.md": "Teo Vasko won the 73rd Marovian Chess Championship in Ostrin on Saturday.",
    }
    series = _series_by_text(reports)
    assert series["a.md"] == series["b.md"] == series["c.md"]
    lex = default_lexicon()
    assert digest(make_article("b.md", reports["b.md"], lex), lex).edition_label[0] == 2024
