"""Run every rule fixture (rules/fixtures/<module>.yaml) through the real pipeline.

A fixture names one rule and lists cases. Each case writes its articles to a fresh folder
(front matter from every key but ``path`` and ``text``), checks them with only that rule
selected, and compares that rule's findings with ``expect``, order-insensitively:

    rule: FL101
    cases:
      - name: same year, counts disagree
        articles:
          - {path: a.md, published: 2019-04-15, text: "..."}
        expect:                          # [] means the rule must not flag
          - verdict: conflict
            sides: [[a.md], [b.md]]      # article basenames on each side
            quotes: ["19th year in a row"]   # optional: substrings of the finding's quotes

A case the code does not get right yet says so with ``known_gap`` (why) and ``currently``
(the findings it gives today, same shape as ``expect``). It is an expected failure while the
code gives exactly ``currently``, and fails as soon as the code gives anything else: either
the gap is fixed (drop both keys) or the behaviour changed in some other way.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

import rules
from checker.models import Corpus, Finding
from checker.pipeline import check
from checker.selection import select_rules

FIXTURES = Path(rules.__file__).parent / "fixtures"
CASE_KEYS = {"name", "articles", "expect", "known_gap", "currently"}
EXPECT_KEYS = {"verdict", "sides", "quotes"}

Key = tuple[str, tuple[tuple[str, ...], ...]]


def load_cases() -> list[Any]:
    """Every case of every fixture file, as pytest params with ids like 'FL101-<name>'."""
    params = []
    for path in sorted(FIXTURES.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            params.append(pytest.param(data["rule"], case, id=f"{data['rule']}-{case['name']}"))
    return params


def write_articles(folder: Path, articles: list[dict[str, Any]]) -> None:
    for article in articles:
        meta = {k: v for k, v in article.items() if k not in ("path", "text")}
        head = f"---\n{yaml.safe_dump(meta, sort_keys=False)}---\n" if meta else ""
        (folder / article["path"]).write_text(head + article["text"], encoding="utf-8")


def key_of(verdict: str, sides: list[list[str]] | tuple[tuple[str, ...], ...]) -> Key:
    """A finding as compared: its verdict and its sides' basenames, order-insensitive."""
    return verdict, tuple(sorted(tuple(sorted(Path(a).name for a in side)) for side in sides))


def finding_key(finding: Finding) -> Key:
    return key_of(finding.verdict.value, [side.articles for side in finding.sides])


def expected_keys(expect: list[dict[str, Any]]) -> Counter[Key]:
    return Counter(key_of(e["verdict"], e["sides"]) for e in expect)


def quotes_of(corpus: Corpus, finding: Finding) -> list[str]:
    claims = {c.id: c for c in corpus.claims}
    return [claims[i].quote for side in finding.sides for i in side.claims]


def check_shape(case: dict[str, Any]) -> None:
    """Fail early on a malformed case (a typo would otherwise make a test that cannot fail)."""
    assert set(case) <= CASE_KEYS, f"unknown keys {set(case) - CASE_KEYS}"
    assert {"name", "articles", "expect"} <= set(case), "a case needs name, articles, expect"
    assert ("known_gap" in case) == ("currently" in case), "known_gap and currently go together"
    for article in case["articles"]:
        assert {"path", "text"} <= set(article), "an article needs path and text"
        assert Path(article["path"]).suffix in (".md", ".txt"), article["path"]
        assert "/" not in article["path"], "article paths are basenames"
        published = article.get("published")
        assert published is None or isinstance(published, dt.date), "published: YYYY-MM-DD"
    names = {a["path"] for a in case["articles"]}
    for expected in case["expect"] + case.get("currently", []):
        assert set(expected) <= EXPECT_KEYS, f"unknown keys {set(expected) - EXPECT_KEYS}"
        assert {a for side in expected["sides"] for a in side} <= names, "sides name articles"


@pytest.mark.parametrize(("code", "case"), load_cases())
def test_rule_fixture(code: str, case: dict[str, Any], tmp_path: Path) -> None:
    check_shape(case)
    write_articles(tmp_path, case["articles"])
    corpus = check([str(tmp_path)], select_rules([code]))
    findings = [f for f in corpus.findings if f.rule == code]
    actual = Counter(finding_key(f) for f in findings)
    if actual == expected_keys(case["expect"]):
        if "known_gap" in case:
            pytest.fail(f"known gap fixed ({case['known_gap']}): drop known_gap and currently")
        assert_quotes(corpus, findings, case["expect"])
        return
    if "known_gap" in case and actual == expected_keys(case["currently"]):
        pytest.xfail(case["known_gap"])
    assert sorted(actual.elements()) == sorted(expected_keys(case["expect"]).elements())


def assert_quotes(corpus: Corpus, findings: list[Finding], expect: list[dict[str, Any]]) -> None:
    for expected in expect:
        key = key_of(expected["verdict"], expected["sides"])
        quotes = [q for f in findings if finding_key(f) == key for q in quotes_of(corpus, f)]
        for wanted in expected.get("quotes", []):
            assert any(wanted in q for q in quotes), f"{wanted!r} not quoted in {quotes}"
