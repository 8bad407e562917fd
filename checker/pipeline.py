"""The whole check, one way through: read, extract, place in time, judge."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from checker.articles import read_reports
from checker.engine import run_rules
from checker.extract import extract_claims
from checker.lexicon import Lexicon, default_lexicon
from checker.models import Claim, Corpus, Occurrence
from checker.occurrence import resolve_date, resolve_occurrences
from checker.rule import Rule
from checker.series import assign_series


def check(paths: Sequence[str], rules: Sequence[Rule], lex: Lexicon | None = None,
          max_bytes: int | None = None, stdin_text: str | None = None) -> Corpus:
    """Run the pipeline on reports under the given paths."""
    lex = lex or default_lexicon()
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    read = read_reports(paths, lex=lex, stdin_text=stdin_text, **kwargs)
    claims = [c for a in read.articles for c in extract_claims(a, lex)]
    series = assign_series(read.articles, lex)
    occurrences = resolve_occurrences(read.articles, claims, series, lex)
    claims = [_dated(c, occurrences[c.article]) for c in claims]
    ignored = {a.path: a.ignore for a in read.articles if a.ignore}
    findings = run_rules(rules, claims, occurrences, ignored)
    return Corpus(articles=read.articles, claims=tuple(claims), occurrences=occurrences,
                  findings=tuple(findings), skipped=read.skipped)


def _dated(claim: Claim, occurrence: Occurrence) -> Claim:
    """An event date read against the report's publication date gains its missing parts."""
    if claim.slot != "event-date" or occurrence.date is None:
        return claim
    if resolve_date(claim.value, None) is not None:
        return claim
    d = occurrence.date
    return dataclasses.replace(claim, value=(d.year, d.month, d.day, d.weekday()))
