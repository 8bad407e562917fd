"""Roles one person holds at an occurrence, as the person reader reads them (the `holds`
detail FL111 compares): a title of one holder (sole_roles in checker/data/en/roles.yaml) with
what makes it one holder's named next to it. Sentences are invented."""

from __future__ import annotations

import pytest

from checker.articles import make_article
from checker.extract import extract_claims
from checker.lexicon import default_lexicon

# text -> the (name, holds, held at) of each person read with a role of one holder
ROWS: list[tuple[str, list[tuple[str, str, str | None]]]] = [
    ("Conference president Ana Ruiz said the deal was fair.", [("Ana Ruiz", "chair", None)]),
    ("Ana Ruiz, the conference president, said the deal was fair.", [("Ana Ruiz", "chair", None)]),
    ("The president of the summit, Ana Ruiz, closed the session.", [("Ana Ruiz", "chair", None)]),
    ("Ana Ruiz, president of the talks, closed the session.", [("Ana Ruiz", "chair", None)]),
    ("Omar Diallo thanked the conference president, Ana Ruiz, for her work.", [("Ana Ruiz", "chair", None)]),
    ("COP41 President Ana Ruiz closed the session.", [("Ana Ruiz", "chair:cop41", None)]),
    (
        "Fiji's prime minister and conference president Tevita Rabuka closed the talks.",
        [("Tevita Rabuka", "chair", None)],
    ),
    (
        "General Assembly President Ana Ruiz opened the session.",
        [("Ana Ruiz", "chair:general assembly", None)],
    ),
    (
        "The president of the General Assembly, Ana Ruiz, opened the session.",
        [("Ana Ruiz", "chair:general assembly", None)],
    ),
    (
        "Maria Lopez, the council president, opened the budget debate.",
        [("Maria Lopez", "chair:council", None)],
    ),
    (
        "The president of the city council, Maria Lopez, opened the budget debate.",
        [("Maria Lopez", "chair:council", None)],
    ),
    ("The president of COP41, Ana Ruiz, spoke.", [("Ana Ruiz", "chair:cop41", None)]),
    (
        "Norway's ambassador to the UN, Kari Lunde, rejected the text.",
        [("Kari Lunde", "ambassador:Norway", "United Nations")],
    ),
    ("Norwegian ambassador Per Sandvik rejected the text.", [("Per Sandvik", "ambassador:Norway", None)]),
    (
        "Per Sandvik, Norway's UN ambassador, rejected the text.",
        [("Per Sandvik", "ambassador:Norway", "United Nations")],
    ),
    ("The ambassador of Norway, Per Sandvik, spoke first.", [("Per Sandvik", "ambassador:Norway", None)]),
    (
        "Chilean ambassador Pedro Lagos praised the text, while US ambassador Mary Stone criticised it.",
        [("Pedro Lagos", "ambassador:Chile", None), ("Mary Stone", "ambassador:United States", None)],
    ),
    (
        "Chile's Foreign Minister Bruno Diaz said the embargo had failed.",
        [("Bruno Diaz", "foreign minister:Chile", None)],
    ),
    (
        "UN Secretary-General Amara Quist urged delegates to act.",
        [("Amara Quist", "secretary-general:United Nations", None)],
    ),
    (
        "Norway's ambassador to Egypt, Per Sandvik, spoke first.",
        [("Per Sandvik", "ambassador:Norway", "Egypt")],
    ),
    ("Norway's ambassador Per Sandvik in Geneva spoke first.", [("Per Sandvik", "ambassador:Norway", None)]),
    (
        "Foreign Minister Bruno Diaz of Chile said the embargo had failed.",
        [("Bruno Diaz", "foreign minister:Chile", None)],
    ),
    (
        "Norway's finance minister Kari Lunde presented the budget.",
        [("Kari Lunde", "finance minister:Norway", None)],
    ),
    ("Finance Minister Kari Lunde presented the budget.", []),
    # roles many hold at once, or whose holder is not named next to the title
    ("Brazil's environment minister Ana Ruiz said the deal was fair.", []),
    ("Norway's envoy Per Sandvik spoke first.", []),
    ("Per Sandvik, Norway's deputy ambassador to the UN, spoke first.", []),
    ("Ambassador Kim Sol rejected the text.", []),
    ("President Bruno Diaz of Chile said the deal was fair.", []),
    ("The jury president Lars Holm read out the points.", []),
    # another time's holder, another person's title, a speaker's words
    ("Former conference president Omar Diallo said the deal was fair.", []),
    ("Last year's conference president Omar Diallo handed over the gavel.", []),
    ("The incoming conference president Omar Diallo watched.", []),
    ("Omar Diallo, who met the conference president, said the deal was fair.", []),
    ("Omar Diallo, the conference president's spokesman, said the deal was fair.", []),
    ("In 2005, Norway's ambassador Per Sandvik spoke first.", []),
    ("The then-ambassador of Norway, Per Sandvik, spoke first.", []),
    ('"Conference president Ana Ruiz did well," the mayor said.', []),
]


def _holders(text: str) -> list[tuple[str, str, str | None]]:
    lex = default_lexicon()
    claims = extract_claims(make_article("case.md", text, lex), lex)
    return [
        (c.value, c.detail("holds"), c.detail("holds_at"))
        for c in claims
        if c.family == "person" and c.detail("holds")
    ]


@pytest.mark.parametrize(("text", "expected"), ROWS, ids=[t[:50] for t, _ in ROWS])
def test_role_holder_read(text: str, expected: list[tuple[str, str, str | None]]) -> None:
    assert sorted(_holders(text)) == sorted(expected)
