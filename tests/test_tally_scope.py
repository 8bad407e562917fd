"""What a tally is about: this text at this meeting, a year the sentence names, another meeting,
or another text (an amendment, another resolution), which is no claim about this one."""

from __future__ import annotations

import pytest

from checker.articles import make_article
from checker.extract import extract_claims
from checker.lexicon import default_lexicon


def _tallies(text: str) -> list[tuple[tuple, dict]]:
    lex = default_lexicon()
    claims = extract_claims(make_article("a.md", text, lex), lex)
    return [(c.value, dict(c.extra)) for c in claims if c.slot == "tally"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The text passed 120-8, with 12 abstentions.", [((120, 8, 12), {})]),
        # a year the sentence opens with, or names beside the tally
        ("In 1992, when it first came up, it passed by 59 votes to 3.", [((59, 3, None), {"year": 1992})]),
        ("It first passed 59-3 in 1992.", [((59, 3, None), {"year": 1992})]),
        ("The first resolution, in 2012, was adopted by 88 votes to 14.", [((88, 14, None), {"year": 2012})]),
        (
            "In its first year, 2012, it passed by 118 votes to 12, with 40 abstentions.",
            [((118, 12, 40), {"year": 2012})],
        ),
        # a meeting the clause names
        ("In the Third Committee, the draft passed 120-9-40.", [((120, 9, 40), {"meeting": "committee"})]),
        # another text's vote says nothing of this one's
        ("An amendment proposed by Norway was rejected by 80 votes to 40.", []),
        ("Another resolution, on Syria, passed 110-12-45.", []),
        # another body's vote, or another vote
        ("The neighbouring Central Bank of Ostrel cut its own rate on Tuesday in a 5-4 vote.", []),
        ("In a separate vote, the province backed autonomy by 58 votes to 40.", []),
        # a body of another kind than the one the report opens with decides for itself
        (
            "The Brennick City Council passed the budget 7-2 on Tuesday. "
            "The school board adopted an $84 million budget by a 3-2 vote.",
            [((7, 2, None), {})],
        ),
    ],
)
def test_what_a_tally_is_about(text: str, expected: list) -> None:
    assert _tallies(text) == expected


def test_a_tally_the_sentence_opens_in_last_years_vote_is_last_years() -> None:
    lex = default_lexicon()
    text = "In last year's committee vote, the text was approved by 104 votes to 10, with 43 abstentions."
    claims = extract_claims(make_article("a.md", text, lex), lex)
    assert [c.year_offsets for c in claims if c.slot == "tally"] == [(-1,)]


@pytest.mark.parametrize(
    ("published", "text", "offsets", "meeting"),
    [
        # another month's meeting is that meeting; a month after publication's is last year's
        (
            "2031-01-29",
            "At its December meeting the council voted 8-1 to hold the rate.",
            (-1,),
            "December meeting",
        ),
        ("2031-05-14", "At the March meeting the council had voted 7-2.", (0,), "March meeting"),
        # the month of publication is the report's own meeting
        ("2031-03-19", "At its March meeting on Wednesday the council voted 7-2.", (0,), None),
    ],
)
def test_a_tally_at_another_months_meeting_is_that_meetings(
    published: str, text: str, offsets: tuple, meeting: str | None
) -> None:
    lex = default_lexicon()
    article = make_article("a.md", f"---\npublished: {published}\n---\n{text}\n", lex)
    tallies = [c for c in extract_claims(article, lex) if c.slot == "tally"]
    assert [(c.year_offsets, c.detail("meeting")) for c in tallies] == [(offsets, meeting)]
