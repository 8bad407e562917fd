"""A ranked table's lines give the place of the country each opens with ("2. Russia - 303");
a lone numbered line or one that opens with no country gives none."""

from __future__ import annotations

from checker.articles import make_article
from checker.extract import extract_claims
from checker.lexicon import default_lexicon


def _places(body: str) -> set[tuple[str, object]]:
    lex = default_lexicon()
    article = make_article("a.md", "---\ntitle: Nordvik Song Contest final\n---\n" + body, lex)
    return {(c.slot, c.value) for c in extract_claims(article, lex) if c.slot.startswith("place:")}


def test_each_line_of_a_ranked_table_gives_its_countrys_place() -> None:
    body = "The leading five were:\n\n1. Norway - Ana Ruiz - 410 points\n2. Peru - Omar Diallo - 388\n"
    body += "3. The Netherlands - Lea Moreau - 301\n"
    assert _places(body) == {("place:norway", 1), ("place:peru", 2), ("place:netherlands", 3)}


def test_a_lone_numbered_line_or_one_without_a_country_is_no_table() -> None:
    assert _places("The jury met twice.\n\n1. Norway sent a delegation of 40.\n") == set()
    assert _places("Three things stood out:\n\n1. The vote was close.\n2. The hall was full.\n") == set()


def test_a_table_line_cut_at_its_stops_still_gives_its_place() -> None:
    body = "Lower down:\n\n24 - Norway. Ana Ruiz (above) - Still Here. 5 points\n"
    body += "25 - Peru. Omar Diallo - Adios. 4\n"
    assert _places(body) == {("place:norway", 24), ("place:peru", 25)}
