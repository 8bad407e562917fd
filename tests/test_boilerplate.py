"""Markers a news export carries are not part of the report: they are blanked, offsets kept."""

from __future__ import annotations

import pytest

from checker.articles import make_article
from checker.lexicon import default_lexicon


@pytest.mark.parametrize(
    "marker",
    [
        "[ad_1]",
        "[녹취: 보즈키르 의장]",
        "[Automatic translation from Spanish]",
        "[Machine-translated by our desk]",
    ],
)
def test_a_bracketed_marker_is_no_part_of_the_report(marker: str) -> None:
    raw = f"---\ntitle: t\n---\n{marker}\nThe council adopted the budget on Tuesday.\n"
    article = make_article("a.md", raw, default_lexicon())
    body = article.text[article.body_start :]
    assert marker not in body
    assert len(article.text) == len(raw)  # blanked with spaces: every offset stays in place
    assert "The council adopted the budget on Tuesday." in body


def test_a_bracketed_aside_of_the_report_itself_is_kept() -> None:
    raw = "---\ntitle: t\n---\nThe council [of Arden] adopted the budget.\n"
    article = make_article("a.md", raw, default_lexicon())
    assert "[of Arden]" in article.text
