"""The whole check, one way through: read, extract, place in time, judge."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from checker.articles import read_reports
from checker.engine import run_rules
from checker.extract import extract_claims
from checker.lexicon import Lexicon, default_lexicon
from checker.models import Article, Claim, Corpus, Digest, Occurrence, Skipped
from checker.occurrence import dateline, resolve_date, resolve_occurrences, stage
from checker.rule import Rule
from checker.series import assign_series, signature


def check(paths: Sequence[str], rules: Sequence[Rule], lex: Lexicon | None = None,
          max_bytes: int | None = None, stdin_text: str | None = None) -> Corpus:
    """Run the pipeline on reports under the given paths."""
    lex = lex or default_lexicon()
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    read = read_reports(paths, lex=lex, stdin_text=stdin_text, **kwargs)
    digests = [digest(a, lex) for a in read.articles]
    return judge_digests(digests, rules, read.skipped)


def digest(article: Article, lex: Lexicon) -> Digest:
    """Read one report down to what the later stages need; its text is not kept."""
    claims = extract_claims(article, lex)
    sig = signature(article, lex)
    return Digest(article=dataclasses.replace(article, raw="", text=""), claims=tuple(claims),
                  signature=sig.terms, anchors=sig.anchors, dateline=dateline(article),
                  stage=stage(article, claims, lex))


def judge_digests(digests: Sequence[Digest], rules: Sequence[Rule],
                  skipped: Sequence[Skipped] = ()) -> Corpus:
    """Place digested reports in their series and occurrences, and judge them."""
    digests = sorted(digests, key=lambda d: d.article.path)
    series = assign_series(digests)
    occurrences = resolve_occurrences(digests, series)
    claims = [_dated(c, occurrences[c.article]) for d in digests for c in d.claims]
    ignored = {d.article.path: d.article.ignore for d in digests if d.article.ignore}
    findings = run_rules(rules, claims, occurrences, ignored)
    return Corpus(articles=tuple(d.article for d in digests), claims=tuple(claims),
                  occurrences=occurrences, findings=tuple(findings), skipped=tuple(skipped))


def _dated(claim: Claim, occurrence: Occurrence) -> Claim:
    """An event date read against the report's publication date gains its missing parts."""
    if claim.slot != "event-date" or occurrence.date is None:
        return claim
    if resolve_date(claim.value, None) is not None:
        return claim
    d = occurrence.date
    return dataclasses.replace(claim, value=(d.year, d.month, d.day, d.weekday()))
