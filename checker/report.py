"""Render a checked corpus: colored text (rich), JSON, and the claims table and timeline."""

from __future__ import annotations

import io
import json
import os
import sys
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import chain, groupby
from typing import TYPE_CHECKING, Any, TextIO

from rich.cells import cell_len
from rich.console import Console, ConsoleOptions, Group, RenderResult
from rich.panel import Panel
from rich.segment import Segment
from rich.table import Table
from rich.text import Text
from rich.theme import Theme

from checker.cache import compile_pattern
from checker.families import timeline_families
from checker.kinds import kind_of
from checker.locations import record_file
from checker.models import Article, Claim, Corpus, Finding, Verdict
from checker.values import json_value

if TYPE_CHECKING:
    from checker.rule import Rule

Progress = Callable[[int, int], None]

SCHEMA_VERSION = 2  # 2: a claim's kind is its claim kind (count, date...), its family apart
THEME = Theme(
    {
        "finding.conflict": "bold red",
        "finding.variant": "bold yellow",
        "finding.unresolved": "yellow",
        "finding.time-shift": "cyan",
        "article": "bold blue",
        "line": "blue",
        "quote": "default",
        "value": "bold reverse",
        "rule": "magenta",
        "series": "bold",
        "muted": "dim",
        "explain": "italic",
    }
)
VERDICT_STYLE = {v: f"finding.{v.value}" for v in Verdict}


def timeline_columns() -> dict[str, str]:
    """The timeline's columns: slot -> label, as the family data orders them."""
    return {f.name: f.label for f in timeline_families()}


# ---------------------------------------------------------------- JSON


def to_json(corpus: Corpus, findings: list[Finding] | None = None) -> str:
    """The versioned JSON report as one string (see write_json)."""
    buffer = io.StringIO()
    write_json(corpus, findings, buffer)
    return buffer.getvalue()


def write_json(corpus: Corpus, findings: Sequence[Finding] | None, out: TextIO) -> None:
    """Write the versioned JSON report, byte-identical for the same input: one article, claim
    or finding a line, written as it is encoded (a large corpus is never held as one string;
    the articles, claims and findings of a whole check are walked from disk)."""
    findings = corpus.findings if findings is None else findings
    encode = json.JSONEncoder(ensure_ascii=False).encode  # the C encoder: no indent
    sections: list[tuple[str, Iterable[Any]]] = [
        ("articles", (_article_json(a, corpus) for a in corpus.articles)),
        ("claims", (claim_json(c, corpus) for c in corpus.claims)),
        ("conflicts", (finding_json(f) for f in findings)),
        ("skipped", ({"path": s.path, "reason": s.reason} for s in corpus.skipped)),
    ]
    out.write(f'{{\n  "version": {SCHEMA_VERSION},\n  "summary": {encode(summary(corpus, findings))}')
    for name, items in sections:
        out.write(f',\n  "{name}": [')
        separator = "\n    "
        for item in items:
            out.write(separator + encode(item))
            separator = ",\n    "
        out.write("]" if separator == "\n    " else "\n  ]")
    out.write("\n}\n")


def summary(corpus: Corpus, findings: Iterable[Finding]) -> dict[str, Any]:
    """The counts: of the findings in one walk (they may be read from disk)."""
    verdicts: Counter[str] = Counter()
    suppressed = 0
    for f in findings:
        if f.suppressed:
            suppressed += 1
        else:
            verdicts[f.verdict.value] += 1
    return {
        "articles": len(corpus.articles),
        "skipped": len(corpus.skipped),
        "claims": len(corpus.claims),
        "findings": sum(verdicts.values()),
        "by_verdict": {v.value: verdicts.get(v.value, 0) for v in Verdict},
        "suppressed": suppressed,
    }


def _article_json(article: Article, corpus: Corpus) -> dict[str, Any]:
    occ = corpus.occurrences.get(article.path)
    return {
        "path": article.path,
        "title": article.title,
        "outlet": article.outlet,
        "url": article.url,
        "published": article.published.isoformat() if article.published else None,
        "series": occ.series if occ else None,
        "event_year": occ.year if occ else None,
        "event_meeting": occ.meeting if occ else None,
        "event_date": occ.date.isoformat() if occ and occ.date else None,
        "evidence": [
            {"source": e.source, "detail": e.detail, "claim": e.claim} for e in (occ.evidence if occ else ())
        ],
        "warnings": list(article.warnings),
    }


def claims_json(corpus: Corpus) -> str:
    """Every claim of the corpus as a JSON document (factlint claims --format json)."""
    data = {"version": SCHEMA_VERSION, "claims": [claim_json(c, corpus) for c in corpus.claims]}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def claim_json(claim: Claim, corpus: Corpus) -> dict[str, Any]:
    occ = corpus.occurrences.get(claim.article)
    return {
        "id": claim.id,
        "article": claim.article,
        "line": claim.line,
        "span": [claim.value_start, claim.value_end],
        "quote": claim.quote,
        "event": occ.label if occ else None,
        "kind": kind_of(claim).name,
        "family": claim.family,
        "slot": claim.slot,
        "value": json_value(claim),
        "display": claim.display,
        "qualifier": claim.qualifier,
        "polarity": claim.polarity,
        "counted": claim.counted or None,
        "years": list(claim.year_offsets),
        "year": claim.detail("year"),
        "meeting": claim.detail("meeting"),
        "attributed": claim.attributed,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "id": finding.id,
        "rule": finding.rule,
        "name": finding.name,
        "event": finding.series + (f" {finding.occurrence}" if finding.occurrence else ""),
        "series": finding.series,
        "occurrence": finding.occurrence or None,
        "slot": finding.slot,
        "verdict": finding.verdict.value,
        "severity": finding.severity,
        "sides": [
            {"value": s.value, "claims": list(s.claims), "articles": list(s.articles), "years": list(s.years)}
            for s in finding.sides
        ],
        "explanation": finding.explanation,
        "suppressed": finding.suppressed,
    }


# ---------------------------------------------------------------- text


def render_text(
    corpus: Corpus,
    console: Console,
    findings: Sequence[Finding] | None = None,
    dimmed: set[str] | None = None,
    quiet: bool = False,
    hidden: Sequence[Finding] = (),
) -> None:
    """The conflict report: a summary, then each series' findings with their quotes.

    quiet leaves out the summary and the skipped inputs: only the findings are printed.
    hidden findings (below the display threshold) are only counted in the summary.
    """
    findings = corpus.findings if findings is None else findings
    # a corpus read from disk gives each series' claims apart: only one series' are held
    apart = hasattr(corpus.claims, "of_reports")
    claims = {} if apart else claims_named(corpus, findings)
    records = {a.path for a in corpus.articles if a.record}
    if not quiet:
        console.print(_summary_panel(corpus, findings, hidden))
    shown: set[str] = set()
    for number, (series, own) in enumerate(_by_series(findings)):
        if number or not quiet:  # quiet output starts with its first finding
            console.print()
        console.print(
            Hanging(
                Text.assemble(("\u2500\u2500 ", "muted"), (inert(series), "series")), indent=3, fill="\u2500"
            )
        )
        if apart:
            claims = claims_named(corpus, own)
        for finding in own:
            console.print(_finding(finding, claims, records, dim=finding.id in (dimmed or set())))
        shown.add(series)
    if not quiet and shown:
        render_year_summary(corpus, console, shown)
    for skipped in () if quiet else corpus.skipped:
        console.print(
            Hanging(Text(inert(f"skipped {skipped.path}: {skipped.reason}"), style="muted"), indent=2)
        )


def _by_series(findings: Sequence[Finding]) -> Iterator[tuple[str, list[Finding]]]:
    """The findings of each series, series in sorted order. Findings on disk come sorted by
    series (a whole check's are) and are taken a series at a time; a list is grouped whole."""
    if isinstance(findings, list | tuple):
        by_series: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            by_series[finding.series].append(finding)
        yield from sorted(by_series.items(), key=lambda kv: kv[0])
        return
    for series, own in groupby(findings, key=lambda f: f.series):
        yield series, list(own)


def render_year_summary(corpus: Corpus, console: Console, series_shown: set[str]) -> None:
    """The timeline section: per series and year, how many reports say what."""
    # reports are counted, not listed: each report of the corpus comes once
    reports: Counter[tuple[str, int | None, str]] = Counter()
    values: dict[tuple[str, int | None, str], dict[str, Counter[str]]] = defaultdict(
        lambda: defaultdict(Counter)
    )
    for article in corpus.articles:
        occ = corpus.occurrences[article.path]
        if occ.series in series_shown:
            reports[(occ.series, occ.year, occ.meeting or "")] += 1
    # a report's value in a slot counts once; a corpus's claims come report by report, so
    # what was seen is kept for the report at hand only, never for the whole corpus
    seen: set[tuple[str, str]] = set()
    article = None
    columns = timeline_columns()
    for claim in corpus.claims:
        if claim.article != article:
            article, seen = claim.article, set()
        occ = corpus.occurrences[claim.article]
        key = (occ.series, occ.year, occ.meeting or "")
        value = compact_value(claim)
        if key in reports and claim.slot in columns and _own(claim) and (claim.slot, value) not in seen:
            seen.add((claim.slot, value))
            values[key][claim.slot][value] += 1
    for series in sorted({k[0] for k in reports}):
        title = inert(f"timeline of {series}: what the reports say, year by year")
        table = Table(title=Hanging(Text(title, style="series"), indent=2, center=True))
        for column in ("year", "reports", *columns.values()):
            table.add_column(column, overflow="fold")
        keys = sorted((k for k in reports if k[0] == series), key=lambda k: (k[1] or 9999, k[2]))
        for key in keys:
            when = (str(key[1]) if key[1] else "?") + (f" {key[2]}" if key[2] else "")
            cells = [_counted_values(values[key].get(slot, Counter())) for slot in columns]
            table.add_row(inert(when), str(reports[key]), *cells)
        console.print(table)


def claims_named(corpus: Corpus, findings: Iterable[Finding]) -> dict[str, Claim]:
    """The claims the findings name, by id: the corpus's claims are walked, and only these
    kept (a large corpus's claims are read from disk, never all held)."""
    findings = list(findings)
    wanted = {c for f in findings for side in f.sides for c in side.claims}
    of_reports = getattr(corpus.claims, "of_reports", None)
    # a finding's reports are those of its claims: a corpus on disk reads theirs only
    read = (
        corpus.claims if of_reports is None else of_reports(sorted({a for f in findings for a in f.articles}))
    )
    return {c.id: c for c in read if c.id in wanted}


def articles_named(corpus: Corpus, claims: dict[str, Claim]) -> dict[str, Article]:
    """The reports those claims were read from, by path."""
    wanted = {c.article for c in claims.values()}
    return {a.path: a for a in corpus.articles if a.path in wanted}


def compact_value(claim: Claim) -> str:
    """A claim's value in a few characters, for tables: "16th", "2005", ">50", "EU+Japan"."""
    return inert(kind_of(claim).compact(claim))


def _counted_values(counts: Counter[str]) -> Text:
    return Text(
        "; ".join(
            inert(v) + (f" \u00d7{n}" if n > 1 else "")
            for v, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
        )
    )


def _own(claim: Claim) -> bool:
    return (
        not claim.attributed and claim.year_offsets == (0,) and not claim.counted and not claim.detail("year")
    )


def _summary_panel(corpus: Corpus, findings: Sequence[Finding], hidden: Sequence[Finding] = ()) -> Panel:
    s = summary(corpus, chain(findings, hidden))
    counts = ", ".join(f"{n} {v}" for v, n in s["by_verdict"].items() if n) or "no findings"
    text = Text.assemble(
        (_many(s["articles"], "report"), "bold"),
        f" ({s['skipped']} skipped), ",
        (_many(s["claims"], "claim"), "bold"),
        ", ",
        (counts, "bold"),
        f"{', ' + str(s['suppressed']) + ' suppressed' if s['suppressed'] else ''}",
        f" ({len(hidden)} not shown: --show)" if hidden else "",
    )
    return Panel(text, title="factlint", expand=False)


def render_statistics(findings: Sequence[Finding], console: Console) -> None:
    """How many findings each rule gave, by verdict, most first (check --statistics)."""
    by_rule: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for finding in findings:
        by_rule[(finding.rule, finding.name)][finding.verdict.value] += 1
    table = Table("count", "code", "name", *(v.value for v in Verdict))
    for (code, name), counts in sorted(by_rule.items(), key=lambda kv: (-sum(kv[1].values()), kv[0])):
        table.add_row(str(sum(counts.values())), code, name, *(str(counts.get(v.value, 0)) for v in Verdict))
    console.print(table)


def _many(n: int, noun: str) -> str:
    return f"{n} {noun}" + ("" if n == 1 else "s")


def _finding(finding: Finding, claims: dict[str, Claim], records: set[str], dim: bool = False) -> Group:
    style = "muted" if dim else VERDICT_STYLE[finding.verdict]
    head = Text.assemble(
        ("  " + finding.verdict.value.upper(), style),
        " ",
        (finding.rule, "rule"),
        f" {finding.name} ",
        (f"[{finding.severity}]", style),
        (f"  {inert(finding.slot)}", "muted"),
        (f"  {inert(finding.occurrence)}" if finding.occurrence else "", "muted"),
        (" (suppressed)" if finding.suppressed else "", "muted"),
    )
    parts: list[Any] = [Hanging(head, indent=4)]
    for side in finding.sides:
        years = f" ({', '.join(map(str, side.years))})" if side.years else " (year unknown)"
        parts.append(
            Hanging(Text.assemble("    ", ("\u25cf ", style), (inert(side.value), "bold"), years), indent=6)
        )
        shown: set[tuple[str, int, str]] = set()
        for claim_id in side.claims:
            claim = claims.get(claim_id)
            if claim and (claim.article, claim.line, claim.quote) not in shown:
                shown.add((claim.article, claim.line, claim.quote))  # one sentence, quoted once
                parts.append(_quote_line(claim, claim.article in records))
    parts.append(Hanging(Text("    " + inert(finding.explanation), style="explain"), indent=6))
    return Group(*parts)


def _quote_line(claim: Claim, record: bool = False) -> Hanging:
    """A claim's place and quote: 'FILE:LINE', an editor opens it (a record: its id after)."""
    text = Text("      ")
    file = record_file(claim.article) if record else claim.article
    text.append(inert(f"{file}:{claim.line}"), style="line")
    if record:  # which record of the file
        text.append(inert(f" [{claim.article[len(file) + 1 :]}]"), style="muted")
    text.append("  ")
    text.append_text(highlighted_quote(claim))
    return Hanging(text, indent=8)


def highlighted_quote(claim: Claim) -> Text:
    """The claim's sentence with its value highlighted; control characters are shown inert."""
    quote = claim.quote
    value = claim.matched
    at = quote.find(value) if value else -1
    out = Text(style="quote")
    if at < 0:
        out.append(inert(quote))
        return out
    before, inside, after = _inert_parts(quote[:at], quote[at : at + len(value)], quote[at + len(value) :])
    out.append(before)
    out.append(inside, style="value")
    out.append(after)
    return out


# CI runners act on log lines: GitHub Actions on a line that starts with "::" once leading
# blanks are trimmed, and on "##[" anywhere in a line (as Azure Pipelines does on "##vso[").
# A zero-width space is invisible, is no white space to a runner, and splits both.
_BREAK = "\u200b"
_COMMAND_PAIR = compile_pattern(r"(?<=:)(?=:)|(?<=#)(?=#)")


def inert(s: str) -> str:
    """Report text made safe for a terminal or a CI log, shown on one line: white space is a
    space; control characters (C0, C1, ESC, DEL), format characters (bidi overrides and
    isolates, BOM), line and paragraph separators, private-use and unassigned code points are
    U+FFFD; and a zero-width space splits every '::' and '##', so no report text can start a
    workflow command. Applying it twice gives the same text."""
    shown = "".join(c if c.isprintable() or c == _BREAK else " " if c.isspace() else "\ufffd" for c in s)
    return _COMMAND_PAIR.sub(_BREAK, shown)


def _inert_parts(*parts: str) -> list[str]:
    """inert() of texts printed one after the other: no '::' or '##' where two of them meet."""
    out = [inert(p) for p in parts]
    for i in range(len(out) - 1):
        if out[i][-1:] in (":", "#") and out[i + 1][:1] == out[i][-1:]:
            out[i] += _BREAK
    return out


class Hanging:
    """Text wrapped to the width at hand with every continuation line indented (a hanging
    indent): a wrapped line never starts at the left margin, so no word of a report does.

    Words wider than a line are folded. center= is for titles: one that fits is centred, a
    longer one starts a space in. fill= pads a one-line heading to the width with that
    character.
    """

    def __init__(self, text: Text, indent: int = 4, center: bool = False, fill: str | None = None) -> None:
        self.text = text
        self.indent = indent
        self.center = center
        self.fill = fill

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = max(options.max_width, 4)
        indent = self.indent if width - self.indent >= 20 else max(1, min(self.indent, width // 4))
        text, lead = self.text, 0
        if self.center:
            room = width - cell_len(text.plain)
            lead = room // 2 if room >= 2 else 1
        first = text.wrap(console, width - lead, overflow="fold")[0] if text.plain else Text()
        whole = len(first.plain) == len(text.plain)
        if self.fill and whole and cell_len(first.plain) < width - 1:
            first = first.copy()
            first.append(" " + self.fill * (width - cell_len(first.plain) - 1), style="muted")
        lines = [(lead, first)]
        if not whole:
            rest = text[len(first.plain) :]
            blank = len(rest.plain) - len(rest.plain.lstrip(" "))
            lines += [(indent, line) for line in rest[blank:].wrap(console, width - indent, overflow="fold")]
        for spaces, line in lines:
            line.rstrip()
            if spaces:
                yield Segment(" " * spaces)
            yield from line.render(console)
            yield Segment.line()


def render_claims(corpus: Corpus, console: Console) -> None:
    table = Table(title=f"{len(corpus.claims)} claims", show_lines=False)
    for column in ("article:line", "event", "kind", "slot", "value", "qualifier", "quote"):
        table.add_column(column, overflow="fold")
    for c in corpus.claims:
        occ = corpus.occurrences.get(c.article)
        table.add_row(
            Text(inert(f"{c.article}:{c.line}")),
            Text(inert(occ.label if occ else "")),
            Text(inert(c.family)),
            Text(inert(c.slot)),
            Text(inert(c.display)),
            Text(inert(c.qualifier)) if c.qualifier else c.qualifier,
            highlighted_quote(c),
        )
    console.print(table)


def render_timeline(corpus: Corpus, console: Console) -> None:
    """Per series: one row per report, by year, with what it claims in each main slot."""
    by_series: dict[str, list[Article]] = defaultdict(list)
    for article in corpus.articles:
        by_series[corpus.occurrences[article.path].series].append(article)
    claims_by_article: dict[str, list[Claim]] = defaultdict(list)
    for claim in corpus.claims:
        claims_by_article[claim.article].append(claim)
    flagged = {
        cid for f in corpus.findings if f.verdict is Verdict.CONFLICT for s in f.sides for cid in s.claims
    }
    columns = timeline_columns()
    for series in sorted(by_series):
        table = Table(title=Hanging(Text(inert(series), style="series"), indent=2, center=True))
        table.add_column("year")
        table.add_column("report", overflow="fold")
        for label in columns.values():
            table.add_column(label, overflow="fold")
        rows = [(corpus.occurrences[a.path], a) for a in by_series[series]]
        for occ, article in sorted(rows, key=lambda r: (r[0].year or 9999, r[1].path)):
            year = str(occ.year) if occ.year else "?"
            if occ.meeting:
                year += f" {occ.meeting}"
            cells = [_timeline_cell(claims_by_article[article.path], slot, flagged) for slot in columns]
            table.add_row(Text(inert(year)), Text(inert(_short(article.path))), *cells)
        console.print(table)


def _short(path: str) -> str:
    """A report's file name (with its record id for JSON Lines): the column stays narrow."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def _timeline_cell(claims: list[Claim], slot: str, flagged: set[str]) -> Text:
    own = [c for c in claims if c.slot == slot and _own(c)]
    text = Text()
    for i, value in enumerate(dict.fromkeys(compact_value(c) for c in own)):
        if i == 2:
            text.append(" \u2026")
            break
        if i:
            text.append("; ")
        hit = any(c.id in flagged and compact_value(c) == value for c in own)
        text.append(inert(value), style="finding.conflict" if hit else "")
    return text


def make_console(color: str = "auto", file: Any = None, width: int | None = None) -> Console:
    """A console honouring --color and NO_COLOR; plain text when not a terminal.

    Off a terminal (a CI log, a pipe) lines are 120 wide unless COLUMNS says otherwise.
    """
    if width is None and not (file or sys.stdout).isatty() and not os.environ.get("COLUMNS"):
        width = 120
    if color == "auto" and os.environ.get("NO_COLOR"):
        color = "never"  # no-color.org: no escape codes at all, bold included
    if color == "never":
        return Console(
            theme=THEME,
            file=file,
            color_system=None,
            no_color=True,
            force_terminal=False,
            width=width,
            highlight=False,
            emoji=False,
            markup=False,
        )
    force = True if color == "always" else None
    return Console(
        theme=THEME, file=file, force_terminal=force, width=width, highlight=False, emoji=False, markup=False
    )


def render_rules(rules: Sequence[Rule], console: Console, explain: bool = False) -> None:
    """The rules as a table, or one rule explained: summary, what it compares, its example."""
    if explain and len(rules) == 1:
        rule = rules[0]
        console.print(f"{rule.code} {rule.name}: {rule.summary()}")
        console.print(f"compares: {rule.slot_class.value}; severity: {rule.severity}\n")
        console.print(rule.example())
        return
    table = Table("code", "name", "compares", "summary")
    for rule in rules:
        table.add_row(rule.code, rule.name, rule.slot_class.value, rule.summary())
    console.print(table)


@contextmanager
def progress_bar(quiet: bool, what: str = "reading reports") -> Iterator[Progress | None]:
    """A progress bar on stderr while reports are read, when it is a terminal; the callback
    it yields takes (done, total)."""
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.progress import Progress as Bar

    with Bar(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(what, total=None)
        yield lambda done, total: bar.update(task, completed=done, total=total)
