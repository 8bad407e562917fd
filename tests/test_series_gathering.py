"""Reports that name their event are gathered by that name, whatever order they come in and
whatever else is in the folder."""

from __future__ import annotations

import itertools

from checker.articles import make_article
from checker.digest import digest
from checker.lexicon import default_lexicon
from checker.series import assign_series

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
    lex = default_lexicon()
    body = (
        "Fans cheered in the arena on Saturday night.\n\nThe crowd sang along.\n\n"
        "The Nordvik Song Contest drew 37 countries.\n\nNext year the Nordvik Song Contest moves north.\n"
    )
    reports = {"named.md": REPORTS["song-2022.md"], "body.md": body, "film.md": REPORTS["film.md"]}
    series = assign_series([digest(make_article(p, t, lex), lex) for p, t in reports.items()])
    assert series["body.md"] == series["named.md"] != series["film.md"]


def test_an_abbreviated_country_in_a_lead_is_the_country() -> None:
    lex = default_lexicon()
    for lead in ("UN adopts NK human rights resolution", "S.Korea co-sponsors resolution"):
        names = {e.name for _, _, e in lex.find_entities(lead) if e.kind == "country"}
        assert names & {"North Korea", "South Korea"}, lead
