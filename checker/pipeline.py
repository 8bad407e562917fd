"""The whole check, one way through: read, extract, place in time, judge, count.

run(Request) -> Result is the one entry point: the request says what to read (paths, stdin,
the claim index, new reports against their corpus) and how findings count (a git reference or
new reports to focus on, a baseline); the result carries the corpus, the findings to show, those
shown dimmed, and the exit code. The command line parses options, calls run() and renders.
"""

from __future__ import annotations

import dataclasses
import os
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import chain
from typing import Any

from checker.aliases import under_own_names
from checker.articles import REPORT_SUFFIXES, display_path, expand_paths
from checker.baseline import new_findings
from checker.changes import changed_articles, changed_since, partition
from checker.digest import digest, digest_file, failure_reason, inject_fault
from checker.engine import run_rules
from checker.errors import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    IndexUnusable,
    InputError,
    UsageError,
)
from checker.families import family_of_slot
from checker.index import ensure_ours, holds, series_slice, stored_digests, update_index
from checker.lexicon import Lexicon, default_lexicon
from checker.models import (
    VERDICT_RANK,
    Article,
    Claim,
    Corpus,
    Digest,
    Finding,
    Occurrence,
    Skipped,
    Verdict,
    finding_id,
)
from checker.occurrence import resolve_date, resolve_occurrences
from checker.parallel import ordered_map, worker_state
from checker.rule import Rule
from checker.selection import select_rules
from checker.series import assign_series, gather_stored, profile, series_identities
from checker.spill import Kept, Spill
from checker.stages import named_stage, said_of_whole

__all__ = [
    "Request",
    "Result",
    "check",
    "check_indexed",
    "check_new_indexed",
    "digest",
    "judge_digests",
    "refuse_overwriting_input",
    "run",
]

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Request:
    """What one run reads, and which of its findings count."""

    paths: tuple[str, ...]  # files and folders of reports, "-" for stdin (with new: the corpus)
    rules: tuple[Rule, ...]
    lex: Lexicon | None = None
    max_bytes: int | None = None
    stdin: str | bytes | None = None
    severity: Mapping[str, str] = field(default_factory=dict)  # rule code -> shown severity
    jobs: int | None = None
    index: str | None = None  # the claim index: used when the file exists, or when required
    index_required: bool = False  # build the index when it does not exist yet
    new: tuple[str, ...] = ()  # new reports judged against the reports under paths
    changed_since: str | None = None  # a git reference: only changed reports' findings count
    show_all: bool = False  # with new or changed_since: keep the others, dimmed
    baseline: frozenset[str] | None = None  # keys of recorded findings: not shown
    show: Verdict = Verdict.TIME_SHIFT  # the lowest verdict shown; those below still count
    exclude: tuple[str, ...] = ()  # gitignore-style patterns of files in folders not to read
    progress: Progress | None = None


@dataclass(frozen=True, slots=True)
class Result:
    """A judged corpus and the findings to show; dimmed ones are shown but never count,
    hidden ones (below the --show threshold) count but are not shown."""

    corpus: Corpus
    shown: tuple[Finding, ...]
    dimmed: frozenset[str] = frozenset()  # ids of shown findings about unchanged reports only
    changed: frozenset[str] | None = None  # the corpus's paths of changed or new reports
    known: int = 0  # findings left out because the baseline records them
    indexed: bool = False  # the claim index stood for the corpus
    hidden: tuple[Finding, ...] = ()  # below the display threshold
    notes: tuple[str, ...] = ()  # what the user should know of how the run went

    @property
    def listed(self) -> Sequence[Finding]:
        """What a format lists: the shown findings that count (dimmed ones are text only)."""
        return tuple(f for f in self.shown if f.id not in self.dimmed) if self.dimmed else self.shown

    @property
    def counted(self) -> tuple[Finding, ...]:
        """What the exit code is decided by: the listed findings and the hidden ones."""
        return (*self.listed, *self.hidden)

    @property
    def skipped(self) -> tuple[Skipped, ...]:
        return self.corpus.skipped

    def exit_code(self, fail_on: Verdict, strict: bool = False) -> int:
        """2 when strict and an input was skipped; 1 when a counted, unsuppressed finding
        reaches fail_on; else 0."""
        if strict and self.skipped:
            return EXIT_ERROR
        level = VERDICT_RANK[fail_on]
        counted = chain(self.listed, self.hidden)  # walked, not held: they may be on disk
        failing = any(not f.suppressed and VERDICT_RANK[f.verdict] >= level for f in counted)
        return EXIT_FINDINGS if failing else EXIT_CLEAN


def run(request: Request) -> Result:
    """Read, judge and count, as the request says."""
    if not request.paths and not request.new:
        raise UsageError("no paths given: pass PATH... or set 'paths' in [tool.factlint]")
    corpus, indexed, notes = _judged(request)
    focus_on = _focus(request)
    if focus_on is None and request.baseline is None and not isinstance(corpus.findings, tuple):
        return _kept_on_disk(corpus, request.show, indexed, notes)
    shown, dimmed, changed = list(corpus.findings), frozenset[str](), None
    if focus_on is not None:
        mine, others = partition(corpus, focus_on)
        changed = frozenset(changed_articles(corpus, focus_on))
        dimmed = frozenset(f.id for f in others) if request.show_all else frozenset()
        keep = dimmed | {f.id for f in mine}
        shown = [f for f in shown if f.id in keep]
    known = 0
    if request.baseline is not None:
        shown, known = new_findings(corpus, shown, set(request.baseline))
    level = VERDICT_RANK[request.show]
    hidden = tuple(f for f in shown if VERDICT_RANK[f.verdict] < level and f.id not in dimmed)
    shown = [f for f in shown if VERDICT_RANK[f.verdict] >= level]
    return Result(corpus, tuple(shown), dimmed, changed, known, indexed, hidden, notes)


def _kept_on_disk(corpus: Corpus, show: Verdict, indexed: bool, notes: tuple[str, ...]) -> Result:
    """The result of a corpus whose findings are on disk (a whole check): the findings shown
    and hidden are those run() keeps, walked from disk when they are asked for."""
    level = VERDICT_RANK[show]
    shown = Kept(corpus.findings, lambda f: VERDICT_RANK[f.verdict] >= level)
    hidden = Kept(corpus.findings, lambda f: VERDICT_RANK[f.verdict] < level)
    return Result(corpus, shown, indexed=indexed, hidden=hidden, notes=notes)  # type: ignore[arg-type]


def refuse_overwriting_input(
    target: str | os.PathLike[str] | None, paths: Sequence[str], option: str = "--output"
) -> None:
    """What factlint writes (--output, --index) is never a report that is being read."""
    if target is None or not os.path.exists(target):
        return
    given = [p for p in paths if p != "-"]
    # a folder yields only report files: an output named otherwise (.json, .sarif) needs no
    # walk of it, unless it is a second name (a hard link) of some file
    named_like_report = os.path.splitext(target)[1].lower() in REPORT_SUFFIXES
    linked = os.stat(target).st_nlink > 1
    read = expand_paths(given, []) if named_like_report or linked else given
    if any(_same_file(p, target) for p in read):
        raise UsageError(f"{option} {os.fspath(target)} is one of the reports being checked")


def _same_file(a: str, b: str | os.PathLike[str]) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _judged(request: Request) -> tuple[Corpus, bool, tuple[str, ...]]:
    """The judged corpus, whether the index stood for it, and notes on how it went. An index
    the request did not require is passed over with a note when it cannot be used."""
    common: dict[str, Any] = {
        "lex": request.lex,
        "max_bytes": request.max_bytes,
        "stdin_text": request.stdin,
        "severity": request.severity,
        "jobs": request.jobs,
        "progress": request.progress,
        "exclude": request.exclude,
    }
    use_index = request.index is not None and (request.index_required or os.path.exists(request.index))
    paths = (*request.paths, *request.new) if request.new else request.paths
    if not use_index:
        return check(paths, request.rules, **common), False, ()
    try:
        if request.new:
            return (
                check_new_indexed(request.new, request.paths, request.rules, request.index, **common),
                True,
                (),
            )
        return check_indexed(paths, request.rules, request.index, **common), True, ()
    except IndexUnusable as err:
        if request.index_required:
            raise
        note = f"{err}; checked without the index (--no-index leaves it alone)"
        return check(paths, request.rules, **common), False, (note,)


def _focus(request: Request) -> list[str] | None:
    """The reports whose findings count: changed since a git reference, or the new ones."""
    if request.changed_since is not None:
        roots = [p for p in request.paths if p != "-"]
        return changed_since(request.changed_since, roots).touched
    if not request.new:
        return None
    # a folder of new reports: every one it holds (less the excluded) is new
    return list(expand_paths(request.new, [], request.exclude))


def check(
    paths: Sequence[str],
    rules: Sequence[Rule],
    lex: Lexicon | None = None,
    max_bytes: int | None = None,
    stdin_text: str | bytes | None = None,
    severity: Mapping[str, str] | None = None,
    jobs: int | None = None,
    progress: Progress | None = None,
    exclude: Sequence[str] = (),
) -> Corpus:
    """Run the pipeline on reports under the given paths (severity: see judge_digests);
    reports are read in `jobs` processes (default: one a CPU) when there are many. The
    files to read and their digests are kept on disk as they come (checker.spill)."""
    lex = lex or default_lexicon()
    skipped: list[Skipped] = []
    spill = Spill()
    files = spill.listed(expand_paths([p for p in paths if p != "-"], skipped, exclude, memory=spill))
    state = {"lex": lex, "max_bytes": max_bytes}
    for found, lost in ordered_map(_digest_in_worker, files, jobs, state, progress):
        spill.add(found)
        skipped.extend(lost)
    if "-" in paths:
        _spill(spill, skipped, digest_file("-", lex, max_bytes, stdin_text))
    return judge_spilled(spill, rules, skipped, severity)


def _digest_in_worker(path: str) -> tuple[list[Digest], list[Skipped]]:
    """Read and digest one file (in a worker process when there are many)."""
    state = worker_state()
    try:
        return digest_file(path, state["lex"], state["max_bytes"])
    except InputError as err:  # the file went away while we ran
        return [], [Skipped(display_path(path), str(err))]


def _add(digests: list[Digest], skipped: list[Skipped], result: tuple[list[Digest], list[Skipped]]) -> None:
    digests.extend(result[0])
    skipped.extend(result[1])


def _spill(spill: Spill, skipped: list[Skipped], result: tuple[list[Digest], list[Skipped]]) -> None:
    spill.add(result[0])
    skipped.extend(result[1])


def check_indexed(
    paths: Sequence[str],
    rules: Sequence[Rule],
    db_path: str,
    lex: Lexicon | None = None,
    jobs: int | None = None,
    max_bytes: int | None = None,
    stdin_text: str | bytes | None = None,
    rebuild: bool = False,
    progress: Callable[[int, int], None] | None = None,
    severity: Mapping[str, str] | None = None,
    exclude: Sequence[str] = (),
) -> Corpus:
    """Run the pipeline like check(), keeping digests in the claim index at db_path so that
    only reports changed since the last run are read again (stdin is read afresh)."""
    lex = lex or default_lexicon()
    roots = [p for p in paths if p != "-"]
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    spill = Spill()
    skipped: list[Skipped] = []
    if roots:
        stats = update_index(
            db_path, roots, lex=lex, jobs=jobs, rebuild=rebuild, progress=progress, exclude=exclude, **kwargs
        )
        spill.add(stored_digests(db_path, under=roots))
        skipped = list(stats.skipped)
    if "-" in paths:
        _spill(spill, skipped, digest_file("-", lex, max_bytes, stdin_text))
    return judge_spilled(spill, rules, skipped, severity)


def check_new_indexed(
    new: Sequence[str],
    corpus: Sequence[str],
    rules: Sequence[Rule],
    db_path: str,
    lex: Lexicon | None = None,
    jobs: int | None = None,
    max_bytes: int | None = None,
    stdin_text: str | bytes | None = None,
    progress: Callable[[int, int], None] | None = None,
    severity: Mapping[str, str] | None = None,
    exclude: Sequence[str] = (),
) -> Corpus:
    """Judge new reports against the indexed reports of the series they join, without reading
    the corpus: the index stands for it as last written (built first if it does not hold the
    corpus yet). The corpus returned holds the new reports and those series' reports."""
    lex = lex or default_lexicon()
    kwargs = {"max_bytes": max_bytes} if max_bytes else {}
    roots = [p for p in corpus if p != "-"]
    ensure_ours(db_path)  # before anything opens it
    if not holds(db_path, roots, lex, **kwargs):
        update_index(db_path, roots, lex=lex, jobs=jobs, progress=progress, exclude=exclude, **kwargs)
    fresh: list[Digest] = []
    skipped: list[Skipped] = []
    files = list(expand_paths([p for p in new if p != "-"], skipped, exclude))
    for path in files:
        _add(fresh, skipped, digest_file(path, lex, max_bytes))
    if "-" in new:
        _add(fresh, skipped, digest_file("-", lex, max_bytes, stdin_text))
    indexed = series_slice(db_path, [profile(d) for d in fresh], roots, exclude=files, lex=lex, **kwargs)
    return judge_digests(
        [*indexed.digests, *fresh], rules, [*skipped, *indexed.skipped], severity, series=indexed.labels
    )


def judge_spilled(
    spill: Spill,
    rules: Sequence[Rule],
    skipped: Sequence[Skipped] = (),
    severity: Mapping[str, str] | None = None,
) -> Corpus:
    """Judge the reports of a spill as judge_digests judges a list, one series at a time:
    the series are gathered from the stored profiles, and each series' digests are read
    back, judged and let go of (judging, occurrences and finding ids are per series). The
    corpus returned reads its articles and claims from the spill.

    Where judging fails, the culprit is sought as judge_digests seeks it, over all the
    reports held at once: rare, and the same answer as ever."""
    kept = [*skipped, *spill.sort_out()]
    try:
        _judge_each_series(spill, rules, severity)
    except MemoryError:
        raise  # no report is to blame: the run stops
    except Exception:  # noqa: BLE001 - judged again below, where the culprit is found
        corpus = judge_digests(list(spill.as_read()), rules, skipped, severity)
        spill.close()
        return corpus
    kept.sort(key=lambda s: (s.path, s.reason))
    return spill.corpus(tuple(kept))


def _judge_each_series(spill: Spill, rules: Sequence[Rule], severity: Mapping[str, str] | None) -> None:
    """Judge the spill's series in label order and keep each in the spill; their findings
    come out sorted as judging them all at once sorts them (by series first)."""
    model = gather_stored(spill, spill.table)
    for label, handles, digests in spill.series(model):
        judged = _judge(digests, rules, severity, dict.fromkeys((d.article.path for d in digests), label))
        spill.keep(handles, judged)


def judge_digests(
    digests: Sequence[Digest],
    rules: Sequence[Rule],
    skipped: Sequence[Skipped] = (),
    severity: Mapping[str, str] | None = None,
    series: Mapping[str, str] | None = None,
) -> Corpus:
    """Place digested reports in their series and occurrences, and judge them.

    Findings a report's front matter ignores are kept, marked suppressed. severity maps rule
    codes to the severity their findings are shown with (time-shifts stay info). series maps
    each report's path to its series when they were gathered already (from the index).

    A report whose judging fails is left out, listed in skipped with the failure as reason,
    and the others are judged without it.
    """
    left, skipped = _one_report_a_name(digests, list(skipped))
    while True:
        try:
            corpus = _judge(left, rules, severity, series)
            break
        except MemoryError:
            raise  # no report is to blame: the run stops
        except Exception as failed:  # noqa: BLE001 - found and left out below, the run goes on
            if not left:
                raise
            part, labels = _failing_series(left, rules, severity, series)
            culprit, err = _first_failing(part, rules, severity, labels, failed)
            skipped.append(Skipped(part[culprit].article.path, failure_reason(err, "judging")))
            left.remove(part[culprit])
    skipped.sort(key=lambda s: (s.path, s.reason))
    return dataclasses.replace(corpus, skipped=tuple(skipped))


def _one_report_a_name(
    digests: Sequence[Digest], skipped: list[Skipped]
) -> tuple[list[Digest], list[Skipped]]:
    """The reports sorted by name; of two with one name (a file named like a .jsonl record,
    'feed.jsonl#x.md' beside feed.jsonl holding id 'x.md'), the second is skipped."""
    kept: list[Digest] = []
    for d in sorted(digests, key=lambda d: d.article.path):
        if kept and kept[-1].article.path == d.article.path:
            skipped.append(
                Skipped(
                    d.article.path,
                    "another report has the same name (a file named like a .jsonl record of a feed)",
                )
            )
        else:
            kept.append(d)
    return kept, skipped


def _failing_series(
    digests: list[Digest],
    rules: Sequence[Rule],
    severity: Mapping[str, str] | None,
    series: Mapping[str, str] | None,
) -> tuple[list[Digest], Mapping[str, str] | None]:
    """The reports of the first series that fails when judged alone, and the series of every
    report (so the culprit is sought among a few reports, not all); all of them, when the
    series cannot be told or none fails alone."""
    try:
        labels = series if series is not None else assign_series(digests)
    except Exception:  # noqa: BLE001 - gathering itself failed: seek among all
        return digests, series
    by_series: dict[str, list[Digest]] = defaultdict(list)
    for d in digests:
        by_series[labels.get(d.article.path, "")].append(d)
    for name in sorted(by_series):
        try:
            _judge(by_series[name], rules, severity, labels)
        except Exception:  # noqa: BLE001 - this series holds the culprit
            return by_series[name], labels
    return digests, series


def _first_failing(
    digests: list[Digest],
    rules: Sequence[Rule],
    severity: Mapping[str, str] | None,
    series: Mapping[str, str] | None,
    error: Exception,
) -> tuple[int, Exception]:
    """The report whose addition makes judging fail (judging all of them failed with error):
    the end of the shortest failing prefix, found by bisection, so a failure that needs two
    reports is charged to the later one."""
    low, high = 1, len(digests)
    while low < high:
        middle = (low + high) // 2
        try:
            _judge(digests[:middle], rules, severity, series)
            low = middle + 1
        except Exception as err:  # noqa: BLE001 - bisecting on failure
            high, error = middle, err
    return high - 1, error


def _judge(
    digests: Sequence[Digest],
    rules: Sequence[Rule],
    severity: Mapping[str, str] | None,
    series: Mapping[str, str] | None,
) -> Corpus:
    for d in digests:
        inject_fault("judge", d.article.path)
    series = series if series is not None else assign_series(digests)
    occurrences = resolve_occurrences(digests, series)
    placed = [_placed(c, occurrences[c.article]) for d in digests for c in d.claims]
    claims = under_own_names(placed, occurrences)
    articles, ignored = _front_matter_ignores([d.article for d in digests])
    identities = series_identities((profile(d) for d in digests), series)
    findings = [
        _configured(_identified(f, identities), ignored, severity or {})
        for f in run_rules(rules, claims, occurrences)
    ]
    return Corpus(
        articles=articles, claims=tuple(claims), occurrences=occurrences, findings=tuple(findings), skipped=()
    )


def _front_matter_ignores(articles: Sequence[Article]) -> tuple[tuple[Article, ...], dict[str, set[str]]]:
    """The rule codes each report ignores; an unknown name becomes a warning on the report."""
    ignored: dict[str, set[str]] = {}
    out: list[Article] = []
    for article in articles:
        unknown: list[str] = []
        for name in article.ignore:
            try:
                ignored.setdefault(article.path, set()).update(r.code for r in select_rules([name]))
            except UsageError:
                unknown.append(name)
        if unknown:
            warning = f"{article.path}: front matter ignores unknown rule(s): {', '.join(unknown)}"
            article = dataclasses.replace(article, warnings=(*article.warnings, warning))
        out.append(article)
    return tuple(out), ignored


def _identified(finding: Finding, identities: Mapping[str, str]) -> Finding:
    """The finding keyed on its series' identity, not on the series' display name."""
    key = identities.get(finding.series, finding.series)
    ident = finding_id(
        finding.rule, key, finding.slot, finding.verdict.value, finding.occurrence, finding.sides
    )
    return dataclasses.replace(finding, id=ident, series_key=key)


def _configured(finding: Finding, ignored: dict[str, set[str]], severity: Mapping[str, str]) -> Finding:
    """Mark a finding suppressed when any of its reports ignores its rule; apply severity."""
    suppressed = any(finding.rule in ignored.get(a, ()) for a in finding.articles)
    level = None if finding.verdict is Verdict.TIME_SHIFT else severity.get(finding.rule)
    if not suppressed and level is None:
        return finding
    return dataclasses.replace(finding, suppressed=suppressed, severity_override=level)


def _placed(claim: Claim, occurrence: Occurrence) -> Claim:
    """A claim as its report's placement completes it: its date's missing parts, its stage."""
    return _staged(_dated(claim, occurrence), occurrence)


def _staged(claim: Claim, occurrence: Occurrence) -> Claim:
    """A claim of a family that another stands for in one stage, placed in that stage, is that
    family's: "24th out of the 27 participants" in a report of the final counts its finalists.
    A claim that names its own stage keeps it ("contested by 16 singers in the first
    semi-final"), and one said of the whole occurrence is its ("entered this year's contest")."""
    family = family_of_slot(claim.slot)
    joins = dict(family.in_stage).get(occurrence.meeting or "")
    if not joins or claim.detail("meeting") or not occurrence.meeting_known:
        return claim
    rest = claim.slot.split(":")[1:]
    lex = default_lexicon()
    if any(named_stage(key, lex) for key in rest) or said_of_whole(claim.quote, lex):
        return claim  # "37 participants entered this year's contest": the whole contest's field
    slot = ":".join((joins, *rest))
    return dataclasses.replace(claim, family=family_of_slot(slot).name, slot=slot)


def _dated(claim: Claim, occurrence: Occurrence) -> Claim:
    """An event date read against the report's publication date gains its missing parts."""
    if not claim.is_event_day or occurrence.date is None:
        return claim
    if resolve_date(claim.value, None) is not None:
        return claim
    d = occurrence.date
    # a weekday the report states stays as stated: "on Sunday, 12 December" in a year where the
    # 12th fell on a Saturday contradicts "Saturday, 12 December" in another report
    said = claim.value[3]
    return dataclasses.replace(claim, value=(d.year, d.month, d.day, d.weekday() if said is None else said))
