"""Lemma lists: the vocabulary names a lemma once and the reader gets the inflections the list
asks for, from a table generated with LemmInflect (checker/inflections.py)."""

from __future__ import annotations

from checker.articles import make_article
from checker.extract import extract_claims
from checker.inflection_table import main
from checker.inflections import expand_lemmas
from checker.lexicon import default_lexicon

TABLE = {
    "win": {"past": ["won"], "present": ["wins"], "gerund": ["winning"], "plural": ["wins"]},
    "take": {"past": ["taken", "took"], "present": ["takes"], "gerund": ["taking"]},
    "abstainer": {"plural": ["abstainers"]},
}


def test_the_inflection_table_is_in_step_with_the_lemma_lists() -> None:
    assert main(["--check"]) == 0, "run: python -m checker.inflection_table --write"


def test_a_lemma_list_gives_the_inflections_it_asks_for() -> None:
    vocab = {
        "inflections": TABLE,
        "lemma_lists": {"done": ["past"], "all": ["base", "past", "present", "gerund", "plural"]},
        "done": ["win", "take ... title"],
        "all": {"nouns": ["abstainer"], "verbs": ["win"]},
        "untouched": ["win"],
    }
    out = expand_lemmas(vocab)
    assert out["done"] == ["won", "taken ... title", "took ... title"]
    assert out["all"] == {"nouns": ["abstainer", "abstainers"], "verbs": ["win", "won", "wins", "winning"]}
    assert out["untouched"] == ["win"]  # a list not named a lemma list is read as written


def test_a_mapping_of_lists_may_name_kinds_list_by_list() -> None:
    vocab = {
        "inflections": TABLE,
        "lemma_lists": {"markers": {"wins": ["past", "gerund"]}},
        "markers": {"wins": ["win"], "other": ["win"]},
    }
    assert expand_lemmas(vocab)["markers"] == {"wins": ["won", "winning"], "other": ["win"]}


def test_a_word_the_table_does_not_give_stays_as_written() -> None:
    vocab = {"inflections": TABLE, "lemma_lists": {"done": ["past"]}, "done": ["gavelled", "without a vote"]}
    assert expand_lemmas(vocab)["done"] == ["gavelled", "without a vote"]


def test_the_event_is_dated_by_what_reports_it_done_not_by_what_is_to_come() -> None:
    words = set(default_lexicon().words("event_date_verbs"))
    assert {"won", "struck a deal", "took ... title", "adopted"} <= words
    assert not {"win", "winning", "to win", "adopting"} & words


def _counted(sentence: str) -> set[str | None]:
    lex = default_lexicon()
    article = make_article("a.md", "---\ntitle: Harbour Assembly resolution\n---\n" + sentence + "\n", lex)
    return {c.counted for c in extract_claims(article, lex) if c.slot == "ordinal"}


def test_every_inflection_of_a_sub_series_marker_keeps_the_count_apart() -> None:
    """ "referring" counts referrals as "refer" does: one missing inflection made a count of a
    sub-series read as the series' own."""
    for clause in ("to refer the case", "to consider referring the case", "and refers the case"):
        sentence = f"For the second year running, the text asks the Council {clause} to the court."
        assert _counted(sentence) == {"referral"}, clause
