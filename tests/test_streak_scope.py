"""Whose streak a recurrence count is (checker/extract/recurrence.py): the subject of its clause
decides. The occurrence itself, its text or its body doing the event ("the council passed the
budget for the 14th straight year") counts the series ("" below); another subject ("Library
spending rose for the sixth year in a row"), or another thing the event's body acts on ("the
council froze the parking fee"), keeps a streak of its own, keyed by it. Invented sentences."""

from __future__ import annotations

import pytest

from checker.articles import make_article
from checker.extract import extract_claims
from checker.lexicon import default_lexicon


def _counted(sentence: str) -> list[tuple[int, str]]:
    lex = default_lexicon()
    text = f"---\npublished: 2024-11-12\n---\n{sentence}\n"
    return [
        (c.value, c.counted)
        for c in extract_claims(make_article("a.md", text, lex), lex)
        if c.slot == "ordinal"
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # the series' own count
        ("Dunmere Town Council passed the budget for the 27th straight year.", [(27, "")]),
        ("The accord was adopted for the 16th consecutive year.", [(16, "")]),
        ("The Varn relay was held for the 40th time.", [(40, "")]),
        ("It was the 15th straight year that the world body approved the text.", [(15, "")]),
        ("It was the ninth year the award has been handed out.", [(9, "")]),
        ("It is the 31st year in a row that the chamber has met its deadline.", [(31, "")]),
        ("The Harbour Fair opened its doors for the 25th consecutive year.", [(25, "")]),
        # what the event's body or text does through it is the event's
        ("The assembly demanded an end to the blockade for the 20th consecutive year.", [(20, "")]),
        ("The Varn assembly held its session for the 30th year.", [(30, "")]),
        # another subject's streak
        (
            "Library spending rose for the sixth year in a row, to $18 million.",
            [(6, "streak:library spending")],
        ),
        ("Road repair funding was cut for the second consecutive year.", [(2, "streak:road repair funding")]),
        ("Ferry fares climbed for the third year in a row.", [(3, "streak:ferry fares")]),
        ("It was the fifth year in a row that ferry fares rose.", [(5, "streak:ferry fares")]),
        (
            "The mayor said library spending rose for the sixth year in a row.",
            [(6, "streak:library spending")],
        ),
        # the event, its text or its body setting the level of another thing: that thing's streak
        (
            "The council held the water levy flat for the third year in a row.",
            [(3, "streak:water levy flat")],
        ),
        (
            "The budget keeps the water levy flat for the fourth year in a row.",
            [(4, "streak:water levy flat")],
        ),
        (
            "For the seventh straight year, the council froze the harbour parking fee.",
            [(7, "streak:harbour parking fee")],
        ),
    ],
)
def test_whose_streak(sentence: str, expected: list[tuple[int, str]]) -> None:
    assert _counted(sentence) == expected
