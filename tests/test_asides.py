"""Asides that describe a name ("Russia, favourite of the bookies, was placed fourth"): blanked
so a verb or a number finds its subject across them; list items and clauses are not asides."""

from __future__ import annotations

import pytest

from checker.articles import make_article
from checker.extract import extract_claims
from checker.extract.base import aside_spans
from checker.lexicon import default_lexicon


@pytest.mark.parametrize(
    ("sentence", "asides"),
    [
        (
            "Arcadia, favourite of the jury and the bookies, was placed fourth.",
            [", favourite of the jury and the bookies,"],
        ),
        ("Fiji, long a holdout, abstained.", [", long a holdout,"]),
        ("Sweden, the host, gave its twelve points to Norway.", [", the host,"]),
        ("Twenty states, including Fiji, voted no.", []),  # a list: Fiji voted no
        ("Japan, the United States, and Canada joined.", []),  # names of a list
        ("Norway, which voted against last year, abstained.", []),  # a clause, read as one
        ("Fiji, and later Tonga, abstained.", []),
        ("On Saturday, the singer from Sweden, who had led all night, won.", []),  # a day, no name
        ("In Vienna, the host, a city of music, won.", []),  # a scene, not a subject
        ("Ana Ruiz, the festival's director, said the show would go on.", [", the festival's director,"]),
        ("Tonga, its envoy said, would abstain.", []),  # a verb of saying: a clause
    ],
)
def test_an_aside_describes_the_name_before_it(sentence: str, asides: list[str]) -> None:
    found = [sentence[a:b] for a, b in aside_spans(sentence, default_lexicon())]
    assert found == asides


def _claims(sentence: str) -> set[tuple[str, object]]:
    lex = default_lexicon()
    article = make_article("a.md", "---\ntitle: Nordvik Song Contest final\n---\n" + sentence + "\n", lex)
    return {(c.slot, c.value) for c in extract_claims(article, lex)}


def test_points_find_their_country_across_an_aside() -> None:
    claims = _claims("Norway, the bookmakers' favourite, finished third with 400 points.")
    assert ("points:Norway", 400) in claims


def test_a_vote_finds_its_country_across_an_aside() -> None:
    assert ("vote:Fiji", "abstain") in _claims("Fiji, long a holdout on the fishing quota, abstained.")
