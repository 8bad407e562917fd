"""The year a sentence's opening frames it in (checker/extract/base.py sentence_frame): "Last
year," and "In 1992," as before, and a year that names an event held in it ("In the 2021
election,", "At the 2019 contest,"), which frames the sentence as "In 2021," does. Invented
sentences, one row each."""

from __future__ import annotations

import pytest

from checker.articles import make_article
from checker.extract import extract_claims
from checker.extract.base import sentence_frame
from checker.lexicon import default_lexicon
from checker.text import default_numbers


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In 2014, Ostia sent 30 observers.", (None, {"year": 2014})),
        ("Last year, Ostia sent 30 observers.", ((-1,), {})),
        # a year as the modifier of an event noun, names and adjectives between
        ("In the 2017 election the Green League won 41 seats.", (None, {"year": 2017})),
        ("At the 2013 contest, Varnia came fifth with 112 points.", (None, {"year": 2013})),
        ("In the 2019 race, Mila Corr won in 2:24:10.", (None, {"year": 2019})),
        ("During the 2016 Dunmere Harbour Marathon, 9,000 runners started.", (None, {"year": 2016})),
        ("In the 2018 regional elections, turnout was 58 percent.", (None, {"year": 2018})),
        # a year of something not held in it: a plan, a count, a range of seasons
        ("In the 2027 budget, parks get $14 million.", (None, {})),
        ("In the 2011 census, 40,000 people lived in Dunmere.", (None, {})),
        ("In the 2015-16 season, 18 clubs took part.", (None, {})),
        ("The Green League won 41 seats in the 2017 election.", (None, {})),
        ("In last year's committee vote, the text passed 104 to 10.", ((-1,), {})),
        # a price basis, not a year
        ("In 2030 terms, the budget is worth 390 million euros.", (None, {})),
    ],
)
def test_sentence_frame(text: str, expected: tuple) -> None:
    assert sentence_frame(text, default_numbers()) == expected


def claims_of(published: str, *paragraphs: str) -> list:
    lex = default_lexicon()
    text = f"---\npublished: {published}\n---\n" + "\n\n".join(paragraphs) + "\n"
    return extract_claims(make_article("a.md", text, lex), lex)


def test_an_event_year_frames_the_claims_of_its_sentence() -> None:
    claims = claims_of(
        "2029-09-30",
        "The Green League won 47 seats in Sunday's election in Varnia.",
        "In the 2025 election the Green League won 39 seats.",
    )
    seats = {c.display: c.detail("year") for c in claims if "seats" in c.display}
    assert seats == {"47 seats": None, "39 seats": 2025}


def test_the_opening_year_frames_every_clause_of_its_sentence() -> None:
    claims = claims_of(
        "2034-04-30",
        "Turnout was 61.2 percent on Sunday.",
        "In 2030 the Greens won 16 seats and turnout was 54.1 percent.",
    )
    turnout = {c.display: c.detail("year") for c in claims if c.slot.startswith("turnout")}
    assert turnout == {"61.2 percent": None, "54.1 percent": 2030}


def test_the_opening_year_does_not_reach_a_clause_told_as_now() -> None:
    claims = claims_of(
        "2034-04-30",
        "In 2030 the Greens won 16 seats, but on Sunday they took 21 seats and turnout rose to 58.2 percent.",
    )
    assert [c.detail("year") for c in claims if c.slot.startswith("turnout")] == [None]
