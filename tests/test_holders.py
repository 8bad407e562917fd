"""The holder kind's comparison: when two reports name the same winner, host, organiser or chair."""

from __future__ import annotations

import pytest

from checker.kinds.holder import KIND


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((("person", "eliud kipchoge"),), (("person", "kipchoge"),)),  # a name written short
        ((("person", "petra mede"),), (("person", "pedra mede"),)),  # a spelling: FL501's to judge
        ((("organization", "ebu"),), (("organization", "european broadcasting union"),)),  # acronym
        ((("country", "Sweden"),), (("person", "loreen"),)),  # a singer wins for a country
        ((("place", "baku"),), (("country", "Azerbaijan"),)),  # a city hosts in a country
        ((("place", "oslo"), ("place", "bergen")), (("place", "bergen"),)),  # co-hosts, one left out
    ],
)
def test_one_holder_named_two_ways(a: tuple, b: tuple) -> None:
    assert KIND.compatible(a, b) and KIND.compatible(b, a)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ((("person", "eliud kipchoge"),), (("person", "eliud kiprono"),)),  # two surnames
        ((("country", "Italy"),), (("country", "Malta"),)),
        ((("place", "baku"),), (("place", "tbilisi"),)),
        ((("country", "Sweden"), ("person", "loreen")), (("country", "Finland"),)),
    ],
)
def test_different_holders_disagree(a: tuple, b: tuple) -> None:
    assert not KIND.compatible(a, b) and not KIND.compatible(b, a)


def test_a_referee_is_read_whatever_the_lead_says_of_referendums() -> None:
    from checker.articles import make_article
    from checker.extract import extract_claims
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    text = (
        "Tormouth Albion won the Wexley Cup final on Saturday.\n\nIt was their fifth win.\n\n"
        "Fans sang.\n\nThe crowd was 63,880.\n\nIt rained.\n\nThe final was refereed by Anna Vick.\n"
    )
    claims = extract_claims(make_article("a.md", text, lex), lex)
    assert [c.value for c in claims if c.slot == "referee"] == [(("person", "anna vick"),)]


def test_a_party_or_a_club_that_wins_is_an_organisation_not_a_person() -> None:
    from checker.articles import make_article
    from checker.extract import extract_claims
    from checker.lexicon import default_lexicon

    lex = default_lexicon()
    text = "It was the ninth election for mayor since 1997, and the first to be won by the Green Alliance.\n"
    claims = extract_claims(make_article("a.md", text, lex), lex)
    assert [c.value for c in claims if c.slot == "winner"] == [(("organization", "green alliance"),)]
