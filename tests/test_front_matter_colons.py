"""A headline with a colon, written as people write it ("title: Marathon: Kiprono wins"), is
read as text with a warning, not thrown away with the rest of the front matter."""

from __future__ import annotations

import datetime as dt

from checker.articles import make_article
from checker.lexicon import default_lexicon


def test_a_value_with_a_colon_is_read_as_text_with_a_warning() -> None:
    raw = "---\ntitle: Lakeside Marathon: Kiprono wins\npublished: 2031-04-14\n---\nKiprono won on Sunday.\n"
    article = make_article("m.md", raw, default_lexicon())
    assert article.title == "Lakeside Marathon: Kiprono wins"
    assert article.published == dt.date(2031, 4, 14)
    [warning] = article.warnings
    assert warning.startswith("m.md:2: a value holding ': ' was read as plain text"), warning


def test_front_matter_broken_otherwise_is_still_ignored_with_its_warning() -> None:
    raw = "---\ntitle: [unclosed: x\noutlet: y\n---\nKiprono won on Sunday.\n"
    article = make_article("m.md", raw, default_lexicon())
    assert article.title is None and article.outlet is None
    assert any("malformed YAML front matter" in w for w in article.warnings), article.warnings


def test_an_unclosed_front_matter_is_said_to_be_unclosed_not_too_long() -> None:
    """A short file whose '---' never closes: the warning says so, not that 64,000 characters
    were not enough."""
    article = make_article("short.md", "---\ntitle: Peru wins\nPeru won the contest.\n", default_lexicon())
    assert any("is not closed anywhere" in w for w in article.warnings), article.warnings
