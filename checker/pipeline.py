"""The whole check, one way through: read, extract, place in time, judge."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence

from checker.articles import expand_paths, read_reports
from checker.engine import run_rules
from checker.errors import UsageError
from checker.extract import extract_claims
from checker.lexicon import Lexicon, default_lexicon
from checker.models import Article, Claim, Corpus, Digest, Finding, Occurrence, Skipped, Verdict
from checker.occurrence import dateline, resolve_date, resolve_occurrences, stage
from checker.parallel import ordered_map, worker_state
from checker.rule import Rule
from checker.selection import select_rules
from checker.series import assign_series, profile, signature
from checker.text import split_sentences


def check(paths: Sequence[str], rules: Sequence[Rule], lex: Lexicon | None = None,
          max_bytes: int | None = None, stdin_text: str | bytes | None = None,
          severity: Mapping[str, str] | None = None, jobs: int | None = None) -> Corpus:
    """Run the pipeline on reports under the given paths (severity: see judge_digests);
    reports are read in `jobs` processes (default: one a CPU) when there are many."""
    lex = lex or default_lexicon()
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    skipped: list[Skipped] = []
    files = list(expand_paths([p for p in paths if p != "-"], skipped))
    digests: list[Digest] = []
    state = {"lex": lex, "kwargs": kwargs}
    for found, lost in ordered_map(_digest_file, files, jobs, state):
        digests.extend(found)
        skipped.extend(lost)
    if "-" in paths:
        read = read_reports(["-"], lex=lex, stdin_text=stdin_text, **kwargs)
        digests += [digest(a, lex) for a in read.articles]
        skipped += read.skipped
    return judge_digests(digests, rules, sorted(skipped, key=lambda s: s.path), severity)


def _digest_file(path: str) -> tuple[list[Digest], list[Skipped]]:
    """Read and digest one file (in a worker process when there are many)."""
    state = worker_state()
    read = read_reports([path], lex=state["lex"], **state["kwargs"])
    return [digest(a, state["lex"]) for a in read.articles], list(read.skipped)


def check_indexed(paths: Sequence[str], rules: Sequence[Rule], db_path: str,
                  lex: Lexicon | None = None, jobs: int | None = None,
                  max_bytes: int | None = None, stdin_text: str | bytes | None = None,
                  rebuild: bool = False, progress: Callable[[int, int], None] | None = None,
                  severity: Mapping[str, str] | None = None) -> Corpus:
    """Run the pipeline like check(), keeping digests in the claim index at db_path so that
    only reports changed since the last run are read again (stdin is read afresh)."""
    from checker.index import load_digests, update_index

    lex = lex or default_lexicon()
    roots = [p for p in paths if p != "-"]
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    digests: list[Digest] = []
    skipped: list[Skipped] = []
    if roots:
        stats = update_index(db_path, roots, lex=lex, jobs=jobs, rebuild=rebuild,
                             progress=progress, **kwargs)
        digests = load_digests(db_path, under=roots)
        skipped = list(stats.skipped)
    if "-" in paths:
        read = read_reports(["-"], lex=lex, stdin_text=stdin_text, **kwargs)
        digests += [digest(a, lex) for a in read.articles]
        skipped += read.skipped
    skipped.sort(key=lambda s: s.path)
    return judge_digests(digests, rules, skipped, severity)


def check_new_indexed(new: Sequence[str], corpus: Sequence[str], rules: Sequence[Rule],
                      db_path: str, lex: Lexicon | None = None, jobs: int | None = None,
                      max_bytes: int | None = None, stdin_text: str | bytes | None = None,
                      progress: Callable[[int, int], None] | None = None,
                      severity: Mapping[str, str] | None = None) -> Corpus:
    """Judge new reports against the indexed reports of the series they join, without reading
    the corpus: the index stands for it as last written (built first if it does not hold the
    corpus yet). The corpus returned holds the new reports and those series' reports."""
    from checker.index import holds, series_slice, update_index

    lex = lex or default_lexicon()
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    roots = [p for p in corpus if p != "-"]
    if not holds(db_path, roots, lex, **kwargs):
        update_index(db_path, roots, lex=lex, jobs=jobs, progress=progress, **kwargs)
    read = read_reports(list(new), lex=lex, stdin_text=stdin_text, **kwargs)
    fresh = [digest(a, lex) for a in read.articles]
    files = list(expand_paths([p for p in new if p != "-"], []))
    indexed = series_slice(db_path, [profile(d) for d in fresh], roots, exclude=files)
    return judge_digests([*indexed.digests, *fresh], rules, sorted(read.skipped,
                         key=lambda s: s.path), severity, series=indexed.labels)


def digest(article: Article, lex: Lexicon) -> Digest:
    """Read one report down to what the later stages need; its text is not kept."""
    sentences = split_sentences(article.text, article.body_start)  # once, for every stage
    claims = extract_claims(article, lex, sentences)
    sig = signature(article, lex, sentences)
    return Digest(article=dataclasses.replace(article, raw="", text=""), claims=tuple(claims),
                  signature=sig.terms, anchors=sig.anchors, dateline=dateline(article, sentences),
                  stage=stage(article, claims, lex))


def judge_digests(digests: Sequence[Digest], rules: Sequence[Rule],
                  skipped: Sequence[Skipped] = (),
                  severity: Mapping[str, str] | None = None,
                  series: Mapping[str, str] | None = None) -> Corpus:
    """Place digested reports in their series and occurrences, and judge them.

    Findings a report's front matter ignores are kept, marked suppressed. severity maps rule
    codes to the severity their findings are shown with (time-shifts stay info). series maps
    each report's path to its series when they were gathered already (from the index).
    """
    digests = sorted(digests, key=lambda d: d.article.path)
    series = series if series is not None else assign_series(digests)
    occurrences = resolve_occurrences(digests, series)
    claims = [_dated(c, occurrences[c.article]) for d in digests for c in d.claims]
    articles, ignored = _front_matter_ignores([d.article for d in digests])
    findings = [_configured(f, ignored, severity or {})
                for f in run_rules(rules, claims, occurrences)]
    return Corpus(articles=articles, claims=tuple(claims),
                  occurrences=occurrences, findings=tuple(findings), skipped=tuple(skipped))


def _front_matter_ignores(articles: Sequence[Article]
                          ) -> tuple[tuple[Article, ...], dict[str, set[str]]]:
    """The rule codes each report ignores; an unknown name becomes a warning on the report."""
    ignored: dict[str, set[str]] = {}
    out: list[Article] = []
    for article in articles:
        unknown: list[str] = []
        for name in article.ignore:
            try:
                ignored.setdefault(article.path, set()).update(
                    r.code for r in select_rules([name]))
            except UsageError:
                unknown.append(name)
        if unknown:
            warning = f"{article.path}: front matter ignores unknown rule(s): {', '.join(unknown)}"
            article = dataclasses.replace(article, warnings=(*article.warnings, warning))
        out.append(article)
    return tuple(out), ignored


def _configured(finding: Finding, ignored: dict[str, set[str]],
                severity: Mapping[str, str]) -> Finding:
    """Mark a finding suppressed when any of its reports ignores its rule; apply severity."""
    suppressed = any(finding.rule in ignored.get(a, ()) for a in finding.articles)
    level = None if finding.verdict is Verdict.TIME_SHIFT else severity.get(finding.rule)
    if not suppressed and level is None:
        return finding
    return dataclasses.replace(finding, suppressed=suppressed, severity_override=level)


def _dated(claim: Claim, occurrence: Occurrence) -> Claim:
    """An event date read against the report's publication date gains its missing parts."""
    if claim.slot != "event-date" or occurrence.date is None:
        return claim
    if resolve_date(claim.value, None) is not None:
        return claim
    d = occurrence.date
    return dataclasses.replace(claim, value=(d.year, d.month, d.day, d.weekday()))
