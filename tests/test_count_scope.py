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
    ],
)
def test_what_a_count_counts(text: str, counted: str) -> None:
    lex = default_lexicon()
    aliases = text.replace("Arcadia", "Portugal")  # a country the entity list knows
    claims = [c for c in extract_claims(make_article("a.md", aliases, lex), lex) if c.slot == "ordinal"]
    assert len(claims) == 1, claims
    assert claims[0].counted == counted.replace("Arcadia", "Portugal")
