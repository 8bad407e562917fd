"""What a count counts: the series' own occurrences, or a streak of one country, or years
that share a property. Only counts of the same thing are compared (CLAIM-MODEL)."""

from __future__ import annotations

import pytest

from checker.articles import make_article
from checker.extract import extract_claims
from checker.lexicon import default_lexicon


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        ("For the 16th consecutive year, the General Assembly adopted the resolution.", ""),
        ("This is the 16th year that the resolution has been adopted.", ""),
        ("It was the 19th year in a row that the General Assembly has taken up the measure.", ""),
        ("The plan passed, the 12th straight year that the chamber has passed it on time.", ""),
        ("The resolution was adopted for the 16th consecutive year, Arcadia said.", ""),
        ("It is the fourth year in a row Arcadia go to the final.", "streak:Arcadia"),
        ("For the second year running Arcadia failed to reach the final.", "streak:Arcadia"),
        ("For the 14th consecutive year, Arcadia co-sponsored the text.", "streak:Arcadia"),
        ("It was the fifth year that Arcadia reached the final.", "streak:Arcadia"),
        ("It was the second year in which voting came in two parts.", "years-in-which"),
        ("The levy stays at 2.1 percent. That is the third year at the same rate.", "years-in-which"),
        # "the Nth year of the prize" is the prize's, whoever the clause says bills it
        ("The trust raised the purse for what it billed as the 30th year of the prize.", ""),
        ("At the 2031 final the singer Mira took the crown for the second time.", "achievement (total)"),
        ("The song fair was held for the second time in Lindau.", ""),
        # a country that acts is counting its own years; a lead in the count's own words too
        ("Arcadia abstained for a second consecutive year.", "streak:Arcadia"),
        # a person's own years, told in an aside after the name; the event's in its own aside
        ("Lina Marsh, presenting the appeal for the ninth year, opened the night.", "streak:Lina Marsh"),
        ("The Harbour Appeal, held for the ninth year, opened the night.", ""),
        ("The resolution, led by Arcadia for the 17th consecutive year, was adopted.", "achievement:Arcadia"),
        ("Arcadia has led the resolution for the 18th consecutive year.", "achievement:Arcadia"),
        ("The text, drafted by the EU and led by Japan, was adopted for the 16th consecutive year.", ""),
        ("Arcadia said the Assembly condemned the embargo for the 23rd consecutive year.", ""),
        ("Ana Ruiz of Arcadia won Sunday's Lakeside Marathon, the 41st edition of the race.", ""),
        # a member's own no votes, however said
        (
            "Tolliver, the longest-serving member, opposed the budget for the seventh year in a row.",
            "no-vote:Tolliver",
        ),
        ("Nauru had voted no in committee and in plenary for three years running.", "no-vote:Nauru"),
        ("The Assembly voted against the proposal for the third year in a row.", ""),
        # "to win ... for the sixth time": the winner's titles, not the cup's editions
        (
            "Lowmark Rovers beat Arden 2-0 on Saturday to win the Harbour Cup for the sixth time.",
            "achievement:Lowmark Rovers (total)",
        ),
        # champions for the Nth time count the champions' titles
        (
            "Kestrel Bay are Aldercott Cup champions for the seventh time after a five-try win.",
            "achievement:Kestrel Bay (total)",
        ),
        # a prize taken by someone counts their prizes
        ("Juno won Best in Show, the ninth time the breed has taken the top prize.", "achievement (total)"),
        # a title given to someone counts their titles
        ("Vasko's stronger tiebreak gave him the title for the fourth time.", "achievement (total)"),
        # a win told in a sport's own words is the winner's streak, not the race's count
        (
            "Kestrel Blue took line honours in the island race for the second year running.",
            "achievement:Kestrel Blue",
        ),
    ],
)
def test_what_a_count_counts(text: str, counted: str) -> None:
    lex = default_lexicon()
    aliases = text.replace("Arcadia", "Portugal")  # a country the entity list knows
    claims = [c for c in extract_claims(make_article("a.md", aliases, lex), lex) if c.slot == "ordinal"]
    assert len(claims) == 1, claims
    assert claims[0].counted == counted.replace("Arcadia", "Portugal")


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        # an earlier stage named beside a count keys it apart from the count of the occurrence's
        # own event (its concluding stage); a group counted at the final is its finalists
        ("A total of 24 countries performed in the grand final.", {"finalists": 24}),
        ("Delegates from 24 countries met in committee.", {"participating-countries:committee": 24}),
        ("Delegates from 24 countries met at the plenary.", {"participating-countries": 24}),
        ("Some 24 countries took part in this year's contest.", {"participating-countries": (21, 27)}),
        # the part and its whole: what each did is said by its own verb; the whole is the
        # semi-final's field, its entrants
        (
            "Nine of the 16 countries that performed went through to the final.",
            {"qualifiers:semi-final": 9, "entrants:semi-final": 16},
        ),
        (
            "Nine of the 16 countries went through to the final.",
            {"qualifiers:semi-final": 9},
        ),
        # the group a field comes from is those taking part, not the field
        (
            "The first semi-final was contested by 17 acts from 38 competing nations.",
            {"entrants:first semi-final": 17, "participating-countries:first semi-final": 38},
        ),
        # "N other X" counts one more; with a name before it, the names are unknown to a count
        ("The winner beat 21 other runners in the heats.", {"entrants:heats": 22}),
        ("Peru and 21 other countries took part.", {}),
        # a count of another body is not the event's
        (
            "The 27-nation bloc backed the deal, and delegates from 190 countries approved it.",
            {"participating-countries": 190},
        ),
        ("The bloc's 27 member states met at the summit.", {}),
        # the voting countries and the juries are counted apart from those taking part
        (
            "Songs from 26 countries competed, and the 37 voting countries gave their points.",
            {"participating-countries": 26, "voting-countries": 37},
        ),
    ],
)
def test_what_a_group_count_is_about(text: str, counts: dict[str, object]) -> None:
    lex = default_lexicon()
    claims = extract_claims(make_article("a.md", text, lex), lex)
    found = {c.slot: c.value for c in claims if c.kind == "count"}
    want = {k: (v, v) if isinstance(v, int) else v for k, v in counts.items()}
    assert found == want


@pytest.mark.parametrize(
    "text",
    [
        "The race drew 14,000 runners compared with 12,500 last year.",
        "The race drew 14,000 runners, up from 12,500 last year.",
    ],
)
def test_a_comparison_keeps_its_time_to_itself(text: str) -> None:
    """ "14,000 compared with 12,500 last year": last year is 12,500's, even when a comma
    stands inside the number compared with."""
    lex = default_lexicon()
    claims = [c for c in extract_claims(make_article("a.md", text, lex), lex) if c.slot == "entrants"]
    assert [(c.display, c.year_offsets) for c in claims] == [("14,000 runners", (0,))]


def test_a_sponsor_count_in_a_sentence_framed_by_a_year_is_that_years() -> None:
    lex = default_lexicon()
    text = "In 2023 the resolution was adopted by 143 votes to six and had 55 co-sponsors."
    claims = [c for c in extract_claims(make_article("a.md", text, lex), lex) if c.slot == "sponsor-count"]
    assert [c.detail("year") for c in claims] == [2023]


@pytest.mark.parametrize(
    "text",
    [
        "A record 38,450 runners started, the largest field since the first race in 1985.",
        "Exactly 31,000 runners started the marathon on Sunday, a race which was first run in 1985.",
        "Some 31,000 runners started the race, the 40th edition of an event first held in 1985.",
    ],
)
def test_a_field_compared_with_the_first_race_or_beside_the_series_start_is_this_years(text: str) -> None:
    lex = default_lexicon()
    claims = [c for c in extract_claims(make_article("a.md", text, lex), lex) if c.slot == "entrants"]
    assert [c.detail("year") for c in claims] == [None]


def test_a_field_told_inside_the_clause_of_the_first_race_is_the_first_races() -> None:
    lex = default_lexicon()
    text = "Some 21,400 runners started the 38th race, which was first run in 1987 with 1,260 starters."
    claims = [c for c in extract_claims(make_article("a.md", text, lex), lex) if c.slot == "entrants"]
    assert [(c.display, c.detail("year")) for c in claims] == [
        ("Some 21,400 runners", None),
        ("1,260 starters", 1987),
    ]


@pytest.mark.parametrize(
    ("text", "offsets"),
    [
        ("Last year the text was adopted for the 15th consecutive year.", (-1,)),
        (
            "Delegates at the 31st Harbour Summit pledged $5.8 billion, up from $4.6 billion at "
            "last year's summit.",
            (0,),
        ),
        ("Pell won the 43rd edition of the race in 1:23:02, a minute faster than last year.", (0,)),
        ("The 12th Harbour Summit, which last year drew 9,000 delegates, opened on Monday.", (0,)),
    ],
)
def test_a_count_is_dated_by_its_own_words_not_a_comparison_or_relative_clause(
    text: str, offsets: tuple[int, ...]
) -> None:
    lex = default_lexicon()
    claims = [c for c in extract_claims(make_article("a.md", text, lex), lex) if c.slot == "ordinal"]
    assert [c.year_offsets for c in claims] == [offsets]


def test_a_sponsor_count_in_a_clause_naming_an_earlier_stage_is_that_stages() -> None:
    lex = default_lexicon()
    text = (
        "When Arden tabled the draft in the Third Committee in October it had 39 co-sponsors. "
        "By the plenary vote the list had reached 47 co-sponsors."
    )
    claims = [c for c in extract_claims(make_article("a.md", text, lex), lex) if c.slot == "sponsor-count"]
    assert [(c.display, c.detail("meeting")) for c in claims] == [
        ("39 co-sponsors", "committee"),
        ("47 co-sponsors", None),
    ]


def test_an_aside_telling_when_the_event_began_is_the_series_start_whatever_follows() -> None:
    lex = default_lexicon()
    text = (
        "The Harbour Cup, first contested in 1908, is the oldest cup, and Arden's previous wins came in 1961."
    )
    claims = [c for c in extract_claims(make_article("a.md", text, lex), lex) if c.slot == "start-year"]
    assert [(c.value, c.counted) for c in claims] == [(1908, "")]


@pytest.mark.parametrize(
    ("clause", "offsets"),
    [
        ("Pell finished 11th in 1:03:05 last year.", (-1,)),
        ("Pell finished 11th in 1:03:05 and said this would be his last year at the front.", None),
        ("It was their last year in the old arena.", None),
    ],
)
def test_an_owners_last_year_is_a_final_year_not_the_one_before(clause: str, offsets) -> None:
    from checker.extract.base import period_offsets
    from checker.text import default_numbers

    assert period_offsets(clause, default_numbers()) == offsets


@pytest.mark.parametrize(
    ("text", "offsets"),
    [
        ("Moorland Ballad was quicker than last year, when Copper Lantern won on soft going.", (-1,)),
        ("Copper Lantern won on soft going, when the rain stopped.", (0,)),
    ],
)
def test_a_win_told_after_a_time_and_when_is_of_that_time(text: str, offsets: tuple[int, ...]) -> None:
    lex = default_lexicon()
    claims = [c for c in extract_claims(make_article("a.md", text, lex), lex) if c.slot == "winner"]
    assert [c.year_offsets for c in claims] == [offsets]


def test_a_fraction_since_a_year_is_no_count_starting_the_series() -> None:
    lex = default_lexicon()
    text = "The party's membership has grown by roughly a third since 2017."
    assert [c for c in extract_claims(make_article("a.md", text, lex), lex) if c.slot == "start-year"] == []
