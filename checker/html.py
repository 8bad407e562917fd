"""The HTML report: one self-contained page a desk editor opens in a browser.

    render_html(corpus, findings=None, title="factlint report") -> str

The page holds a summary, per series a timeline chart (years across, one row per claim slot,
each report's value as a mark; findings drawn as lines between the marks they join), every
finding with its sides and quotes, and a picture of each finding's claim-graph neighbourhood.
Charts are hand-built inline SVG: no script, no external resource, no font download, and a
Content-Security-Policy that forbids scripts and network access outright.

Where things go is checker.html_layout's business (pure functions returning frozen records);
this module turns those records into markup and chooses colours, strokes and text.

Report text is untrusted: every string that comes from a report (quotes, values, paths, titles,
series names, explanations) goes through ``_esc`` (html.escape after neutralising control and
bidi-override characters), so a report containing ``<script>`` shows as text.

The output is byte-identical for the same input: no timestamps, no set or hash ordering, every
layout computed from sorted data.
"""

from __future__ import annotations

import html
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from checker import __version__
from checker.html_layout import (
    Box,
    ClaimGraph,
    Column,
    FindingLine,
    Path,
    PlacedMark,
    Timeline,
    chart_marks,
    clean_text,
    finding_neighbourhood,
    fit_text,
    graph_layout,
    row_label,
    side_letter,
    timeline_layout,
)
from checker.models import SEVERITY, Article, Claim, Corpus, Finding, Occurrence, Verdict
from checker.report import summary

COLOR = {
    Verdict.CONFLICT: "#c0362c",
    Verdict.VARIANT: "#b26b00",
    Verdict.UNRESOLVED: "#6b46c1",
    Verdict.TIME_SHIFT: "#1f6fb2",
}
TINT = {
    Verdict.CONFLICT: "#fdecea",
    Verdict.VARIANT: "#fff4de",
    Verdict.UNRESOLVED: "#f1ecfb",
    Verdict.TIME_SHIFT: "#e6f0fa",
}
DASH = {Verdict.CONFLICT: "", Verdict.VARIANT: "6 3", Verdict.UNRESOLVED: "2 3", Verdict.TIME_SHIFT: "7 4"}
VERDICT_HELP = {
    Verdict.CONFLICT: "the reports cannot all be right",
    Verdict.VARIANT: "one fact, spelled differently",
    Verdict.UNRESOLVED: "differ, but a report cannot be placed in time",
    Verdict.TIME_SHIFT: "differ only because the years differ",
}
NEUTRAL = "#4a5568"
MUTED = "#a0aec0"  # a suppressed finding's colour
FONT = (
    "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
    "'Liberation Sans', 'DejaVu Sans', sans-serif"
)
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
QUOTES_SHOWN = 4  # per side; more are folded into a <details>


# ---------------------------------------------------------------- markup


def _esc(value: object, strip: bool = True) -> str:
    """Escaped for HTML text and attribute values (quotes included)."""
    return html.escape(clean_text(value, strip), quote=True)


def _color(finding: Finding) -> str:
    return MUTED if finding.suppressed else COLOR[finding.verdict]


def _dash(verdict: Verdict) -> str:
    return f' stroke-dasharray="{DASH[verdict]}"' if DASH[verdict] else ""


def _path_d(path: Path) -> str:
    """SVG path data: M to the start, then L (one point) or C (three) for each piece."""
    parts = [f"M{path.start[0]:.1f},{path.start[1]:.1f}"]
    for piece in path.pieces:
        points = " ".join(f"{x:.1f},{y:.1f}" for x, y in piece)
        parts.append(("L" if len(piece) == 1 else "C") + points)
    return " ".join(parts)


# ---------------------------------------------------------------- page


def render_html(
    corpus: Corpus, findings: Sequence[Finding] | None = None, title: str = "factlint report"
) -> str:
    """The whole report as one self-contained HTML page (UTF-8 text)."""
    findings = list(corpus.findings) if findings is None else list(findings)
    ctx = _Context.of(corpus, findings)
    series_names = sorted({occ.series for occ in corpus.occurrences.values()} | {f.series for f in findings})
    parts = [
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n',
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
        '<meta name="color-scheme" content="light">\n',
        f'<meta name="generator" content="factlint {_esc(__version__)}">\n',
        f"<title>{_esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n",
        _header(ctx, title),
        _index(ctx, series_names),
    ]
    for number, series in enumerate(series_names):
        parts.append(_series_section(ctx, series, number))
    parts.append(_reports_section(ctx))
    parts.append(
        f"<footer>factlint {_esc(__version__)} \u00b7 claims are quoted as extracted; "
        "every line number points into the file as given.</footer>\n"
    )
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


@dataclass(frozen=True)
class _Context:
    """What the parts of the page look up: the corpus, the findings shown, and indexes."""

    corpus: Corpus
    findings: list[Finding]
    claims_by_id: dict[str, list[Claim]]  # every claim under its id, in corpus order
    articles: dict[str, Article]
    by_claim: dict[str, list[Finding]]  # the findings that involve a claim, each once

    @classmethod
    def of(cls, corpus: Corpus, findings: list[Finding]) -> _Context:
        claims_by_id: dict[str, list[Claim]] = defaultdict(list)
        for claim in corpus.claims:
            claims_by_id[claim.id].append(claim)
        by_claim: dict[str, list[Finding]] = defaultdict(list)
        for finding in findings:
            for side in finding.sides:
                for cid in side.claims:
                    if all(f is not finding for f in by_claim[cid]):
                        by_claim[cid].append(finding)
        return cls(corpus, findings, dict(claims_by_id), {a.path: a for a in corpus.articles}, by_claim)

    def claim(self, claim_id: str) -> Claim | None:
        """The claim of an id (where two claims share one, the later)."""
        found = self.claims_by_id.get(claim_id)
        return found[-1] if found else None

    def occurrence(self, path: str) -> Occurrence | None:
        return self.corpus.occurrences.get(path)


def _header(ctx: _Context, title: str) -> str:
    s = summary(ctx.corpus, ctx.findings)
    severities = Counter(f.severity for f in ctx.findings if not f.suppressed)
    unknown = sum(1 for occ in ctx.corpus.occurrences.values() if occ.year is None)
    stats = [
        (s["articles"], "reports read", f"{unknown} of unknown year" if unknown else ""),
        (s["skipped"], "skipped", ""),
        (s["claims"], "claims", ""),
        (s["findings"], "findings", f"{s['suppressed']} suppressed" if s["suppressed"] else ""),
    ]
    out = [f'<header class="top">\n<h1>{_esc(title)}</h1>\n<div class="stats">\n']
    for number, label, note in stats:
        note_html = f'<span class="note">{_esc(note)}</span>' if note else ""
        out.append(f'<div class="stat"><b>{number}</b><span>{_esc(label)}</span>{note_html}</div>\n')
    out.append('</div>\n<div class="tallies">\n<p class="by"><span class="by-h">by verdict</span>')
    for verdict in Verdict:
        n = s["by_verdict"][verdict.value]
        out.append(
            f'<span class="chip v-{verdict.value}{" zero" if not n else ""}" '
            f'title="{_esc(VERDICT_HELP[verdict])}"><b>{n}</b> {verdict.value}</span>'
        )
    out.append('</p>\n<p class="by"><span class="by-h">by severity</span>')
    for level in ("error", "warning", "info"):
        n = severities.get(level, 0)
        out.append(f'<span class="chip s-{level}{" zero" if not n else ""}"><b>{n}</b> {level}</span>')
    out.append('</p>\n</div>\n<dl class="legend">')
    for verdict in Verdict:
        out.append(
            f'<div><dt><span class="dot" style="background:{COLOR[verdict]}"></span>'
            f"{verdict.value}</dt><dd>{_esc(VERDICT_HELP[verdict])}</dd></div>"
        )
    out.append("</dl>\n</header>\n")
    return "".join(out)


def _index(ctx: _Context, series_names: list[str]) -> str:
    if not ctx.findings:
        return '<section class="index"><p class="empty">No findings: the reports agree.</p></section>\n'
    several = len({f.series for f in ctx.findings}) > 1
    out = [
        '<section class="index">\n<h2>Findings</h2>\n<table class="findex">\n<thead><tr>'
        "<th>verdict</th><th>rule</th><th>about</th>"
        + ("<th>series</th>" if several else "")
        + "<th>values</th><th>id</th></tr></thead>\n<tbody>\n"
    ]
    order = {name: i for i, name in enumerate(series_names)}
    for finding in sorted(ctx.findings, key=lambda f: order.get(f.series, 0)):
        values = " \u00b7 ".join(clean_text(s.value) for s in finding.sides)
        series = f"<td>{_esc(finding.series)}</td>" if several else ""
        out.append(
            f'<tr class="{"suppressed" if finding.suppressed else ""}">'
            f'<td><span class="badge v-{finding.verdict.value}">{finding.verdict.value}</span></td>'
            f"<td><code>{_esc(finding.rule)}</code> {_esc(finding.name)}</td>"
            f"<td>{_esc(row_label(finding.slot))}{_occ_suffix(finding)}</td>{series}"
            f'<td class="vals">{html.escape(fit_text(values, 520, 13))}</td>'
            f'<td><a href="#{_esc(finding.id)}"><code>{_esc(finding.id)}</code></a></td></tr>\n'
        )
    out.append("</tbody>\n</table>\n</section>\n")
    return "".join(out)


def _occ_suffix(finding: Finding) -> str:
    return f'<div class="occ">{_esc(finding.occurrence)}</div>' if finding.occurrence else ""


def _series_section(ctx: _Context, series: str, number: int) -> str:
    findings = [f for f in ctx.findings if f.series == series]
    paths = sorted(p for p, occ in ctx.corpus.occurrences.items() if occ.series == series)
    years = sorted(
        {
            occ.year
            for p, occ in ctx.corpus.occurrences.items()
            if occ.series == series and occ.year is not None
        }
    )
    span = f"{years[0]}\u2013{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    out = [
        f'<section class="series" id="series-{number}">\n<h2>{_esc(series)}</h2>\n'
        f'<p class="sub">{len(paths)} report{"s" if len(paths) != 1 else ""}'
        f"{', ' + span if span else ''} \u00b7 {len(findings)} "
        f"finding{'s' if len(findings) != 1 else ''}</p>\n"
    ]
    out.append(_timeline(ctx, series, paths, findings, f"s{number}"))
    for finding in findings:
        out.append(_finding_card(ctx, finding))
    out.append("</section>\n")
    return "".join(out)


# ---------------------------------------------------------------- timeline


def _timeline(ctx: _Context, series: str, paths: list[str], findings: list[Finding], uid: str) -> str:
    marks = chart_marks(ctx.corpus.claims, ctx.corpus.occurrences, ctx.by_claim, series)
    if not marks:
        return '<p class="empty">No claims to chart in this series.</p>\n'
    chart = timeline_layout(marks, findings)
    in_series = set(paths)
    reports_by_year = Counter(occ.year for p, occ in ctx.corpus.occurrences.items() if p in in_series)
    svg = [
        _timeline_open(chart, series, uid),
        _row_bands(chart),
        *(_year_head(chart, column, reports_by_year.get(column.year, 0)) for column in chart.columns),
        f'<line x1="{chart.geometry.gutter:.0f}" y1="{chart.geometry.top:.0f}" '
        f'x2="{chart.width:.0f}" y2="{chart.geometry.top:.0f}" stroke="#a0aec0"/>\n',
        *(_finding_line_svg(line) for line in chart.lines),
        *(_mark_svg(ctx, mark) for mark in chart.marks),
        *(_badge_svg(line) for line in chart.lines),
        "</svg>",
    ]
    return (
        f'<figure class="chart">\n<div class="scroll">{"".join(svg)}</div>\n<figcaption>'
        + _timeline_caption(chart)
        + "</figcaption>\n</figure>\n"
    )


def _timeline_open(chart: Timeline, series: str, uid: str) -> str:
    """The <svg> element, its title, the hatching of the year-unknown column."""
    out = (
        f'<svg class="timeline" role="img" width="{chart.width:.0f}" '
        f'height="{chart.height:.0f}" viewBox="0 0 {chart.width:.0f} {chart.height:.0f}" '
        f'aria-labelledby="{uid}-t" font-family="{FONT}">\n'
        f'<title id="{uid}-t">Timeline of {_esc(series)}: what each report says, by year '
        f'and claim</title>\n<defs><pattern id="{uid}-hatch" width="7" height="7" '
        'patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="7" '
        'height="7" fill="#f8f6fc"/><line x1="0" y1="0" x2="0" y2="7" '
        'stroke="#ece6f6" stroke-width="2.5"/></pattern></defs>\n'
    )
    unknown = chart.unknown
    if unknown is not None:
        out += (
            f'<rect x="{unknown.x:.1f}" y="0" width="{unknown.width:.1f}" '
            f'height="{chart.height:.0f}" fill="url(#{uid}-hatch)"/>\n'
        )
    return out


def _row_bands(chart: Timeline) -> str:
    """Every other row shaded, and each row's label right-aligned in the gutter."""
    out = []
    for number, row in enumerate(chart.rows):
        if number % 2 == 0:
            out.append(
                f'<rect x="0" y="{row.y:.1f}" width="{chart.width:.0f}" '
                f'height="{row.height:.1f}" fill="#f5f7fa" fill-opacity="0.75"/>\n'
            )
        spans = "".join(
            f'<tspan x="{row.label_x:.0f}" dy="{0 if i == 0 else 15}">{_esc(line)}</tspan>'
            for i, line in enumerate(row.lines)
        )
        out.append(
            f'<text y="{row.label_y:.1f}" text-anchor="end" font-size="12.5" '
            f'font-weight="600" fill="#2d3748"><title>{_esc(row.label)}</title>'
            f"{spans}</text>\n"
        )
    return "".join(out)


def _year_head(chart: Timeline, column: Column, reports: int) -> str:
    """A column's year and report count above the axis, and its rule down the chart (dashed,
    with an ellipsis above, where years are missing before it)."""
    top, cx = chart.geometry.top, column.x
    count = f"{reports} report{'s' if reports != 1 else ''}"
    head, sub, ink = (
        ("year unknown", count, COLOR[Verdict.UNRESOLVED])
        if column.year is None
        else (str(column.year), count if reports else "mentioned only", "#1a202c")
    )
    dashed = ' stroke-dasharray="3 3"' if column.after_gap else ""
    out = (
        f'<text x="{cx + 14:.1f}" y="{top - 28:.0f}" font-size="14" '
        f'font-weight="700" fill="{ink}">{_esc(head)}</text>'
        f'<text x="{cx + 14:.1f}" y="{top - 12:.0f}" font-size="11" '
        f'fill="#718096">{_esc(sub)}</text>\n'
        f'<line x1="{cx:.1f}" y1="8" x2="{cx:.1f}" y2="{chart.height:.0f}" '
        f'stroke="#d5dce5"{dashed}/>\n'
    )
    if column.after_gap:
        out += (
            f'<text x="{cx:.1f}" y="{top - 44:.0f}" font-size="10" fill="#a0aec0" '
            f'text-anchor="middle">\u2026</text>\n'
        )
    return out


def _finding_tip(finding: Finding) -> str:
    return f"{finding.verdict.value} {finding.rule} {finding.name}: {finding.explanation}"


def _finding_line_svg(line: FindingLine) -> str:
    """The line through a finding's marks, on a white casing that keeps it apart from what
    it crosses."""
    out = f'<g class="fline"><title>{_esc(_finding_tip(line.finding))}</title>\n'
    if line.path is not None:
        d = _path_d(line.path)
        out += (
            f'<path d="{d}" fill="none" stroke="#ffffff" stroke-width="5" '
            'stroke-linejoin="round" stroke-opacity="0.85"/>'
            f'<path d="{d}" fill="none" stroke="{_color(line.finding)}" stroke-width="2" '
            f'stroke-linejoin="round"{_dash(line.finding.verdict)}/>\n'
        )
    return out + "</g>\n"


def _badge_svg(line: FindingLine) -> str:
    bx, by = line.badge
    return (
        f'<g class="fbadge"><title>{_esc(_finding_tip(line.finding))}</title><circle '
        f'cx="{bx:.1f}" cy="{by:.1f}" r="7.5" fill="{_color(line.finding)}" '
        'stroke="#ffffff" stroke-width="1.5"/>'
        f'<text x="{bx:.1f}" y="{by + 3.5:.1f}" font-size="10" font-weight="700" '
        f'fill="#ffffff" text-anchor="middle">{line.number}</text></g>\n'
    )


def _timeline_caption(chart: Timeline) -> str:
    """How to read the chart, the meetings' shapes, and the numbered findings."""
    out = [
        '<p class="how">Years run across, one row per claim. Each mark is a value as the '
        'reports state it (\u00d7n: n reports agree); <span class="hollow"></span> no finding '
        "involves it, a filled mark takes its finding\u2019s colour. Numbered lines join the "
        "values a finding compares"
        + (
            "; reports whose year cannot be told stand apart under <i>year unknown</i>."
            if chart.unknown is not None
            else "."
        )
        + " Hover a mark for its quotes.</p>\n"
    ]
    if chart.shapes:
        legend = " ".join(
            f'<span class="meet"><svg width="14" height="14" viewBox="0 0 14 14" '
            f'aria-hidden="true">{shape_svg(shape, 7, 7, 4.5, "#4a5568", "#4a5568", 1)}</svg>'
            f"{_esc(meeting)}</span>"
            for meeting, shape in chart.shapes
        )
        out.append(
            f'<p class="how">This series meets more than once a year; the shape of a '
            f"mark tells the meeting: {legend}.</p>\n"
        )
    if chart.lines:
        out.append('<ol class="notes">\n')
        for line in chart.lines:
            finding = line.finding
            out.append(
                f'<li><span class="num" style="background:{_color(finding)}">'
                f'{line.number}</span><span><span class="badge v-{finding.verdict.value}">'
                f'{finding.verdict.value}</span> <a href="#{_esc(finding.id)}">'
                f"<code>{_esc(finding.rule)}</code> {_esc(row_label(finding.slot))}</a>: "
                f"{_esc(finding.explanation)}</span></li>\n"
            )
        out.append("</ol>\n")
    return "".join(out)


def _mark_svg(ctx: _Context, placed: PlacedMark) -> str:
    """A mark (hollow where no finding involves it), its label above, and a tooltip with
    every quote behind it."""
    mark = placed.mark
    if mark.verdict is None:
        dot = shape_svg(placed.shape, placed.x, placed.y, 4.5, "#ffffff", NEUTRAL, 1.6)
        ink, weight = "#2d3748", "400"
    else:
        dot = shape_svg(placed.shape, placed.x, placed.y, 5.5, COLOR[mark.verdict], "#ffffff", 1.5)
        ink, weight = COLOR[mark.verdict], "700"
    small = '<tspan fill="#718096" font-weight="400" font-size="11">'
    count = f"{small} \u00d7{placed.reports}</tspan>" if placed.reports > 1 else ""
    return (
        f'<g class="mark"><title>{_mark_tip(ctx, placed)}</title>{dot}'
        f'<text x="{placed.x - 5:.1f}" y="{placed.y - 9:.1f}" font-size="12" '
        f'font-weight="{weight}" fill="{ink}" stroke="#ffffff" stroke-width="3" '
        f'stroke-linejoin="round" paint-order="stroke">'
        f"{_esc(placed.label)}{count}</text></g>\n"
    )


def _mark_tip(ctx: _Context, placed: PlacedMark) -> str:
    """The tooltip, escaped: the value, its row and year, each quote, the findings."""
    mark = placed.mark
    year = "year unknown" if mark.year is None else str(mark.year)
    meeting = f" \u00b7 {mark.meeting}" if mark.meeting else ""
    lines = [f"{mark.label} \u2014 {row_label(mark.row)}, {year}{meeting}"]
    lines += [
        f"{c.article}:{c.line}  \u201c{clean_text(c.matched or c.display)}\u201d"
        + (" (attributed)" if c.attributed else "")
        for c in mark.claims
    ]
    held = sorted({f"{f.verdict.value} {f.rule}" for c in mark.claims for f in ctx.by_claim.get(c.id, ())})
    if held:
        lines.append("findings: " + ", ".join(held))
    return "&#10;".join(_esc(line) for line in lines)


def shape_svg(shape: str, x: float, y: float, r: float, fill: str, stroke: str, width: float) -> str:
    """A mark: circle, diamond, square or triangle of radius about r, centred on (x, y)."""
    paint = f'fill="{fill}" stroke="{stroke}" stroke-width="{width}"'
    if shape == "diamond":
        r *= 1.3
        return (
            f'<path d="M{x:.1f},{y - r:.1f} L{x + r:.1f},{y:.1f} L{x:.1f},{y + r:.1f} '
            f'L{x - r:.1f},{y:.1f} Z" {paint}/>'
        )
    if shape == "square":
        r *= 0.9
        return f'<rect x="{x - r:.1f}" y="{y - r:.1f}" width="{2 * r:.1f}" height="{2 * r:.1f}" {paint}/>'
    if shape == "triangle":
        r *= 1.25
        return (
            f'<path d="M{x:.1f},{y - r:.1f} L{x + r:.1f},{y + r * 0.8:.1f} '
            f'L{x - r:.1f},{y + r * 0.8:.1f} Z" {paint}/>'
        )
    return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r}" {paint}/>'


# ---------------------------------------------------------------- findings


def _finding_card(ctx: _Context, finding: Finding) -> str:
    v = finding.verdict.value
    classes = f"finding v-{v}" + (" suppressed" if finding.suppressed else "")
    severity = finding.severity
    default = SEVERITY[finding.verdict]
    sev_note = "" if severity == default else f" (configured; {default} by default)"
    out = [
        f'<article class="{classes}" id="{_esc(finding.id)}">\n<header>'
        f'<span class="badge v-{v}">{v}</span>'
        f'<span class="rule"><code>{_esc(finding.rule)}</code> {_esc(finding.name)}</span>'
        f'<span class="sev s-{_esc(severity)}">{_esc(severity)}{_esc(sev_note)}</span>'
        + ('<span class="sev">suppressed by front matter</span>' if finding.suppressed else "")
        + f'<a class="fid" href="#{_esc(finding.id)}"><code>{_esc(finding.id)}</code></a>'
        "</header>\n"
        f'<p class="where"><span>{_esc(row_label(finding.slot))}</span> \u00b7 '
        f"{_esc(finding.series)}"
        + (f" \u00b7 <b>{_esc(finding.occurrence)}</b>" if finding.occurrence else "")
        + f' \u00b7 <span class="slot">slot <code>{_esc(finding.slot)}</code></span>'
        f" \u00b7 confidence {_esc(finding.confidence)}</p>\n"
        f'<p class="explain">{_esc(finding.explanation)}</p>\n<div class="body">\n'
        '<div class="sides">\n'
    ]
    for i, side in enumerate(finding.sides):
        letter = side_letter(i)
        years = ", ".join(str(y) for y in side.years) if side.years else "year unknown"
        out.append(
            f'<section class="side"><h4><span class="letter">{letter}</span>'
            f'<span class="value">{_esc(side.value)}</span>'
            f'<span class="years{" unknown" if not side.years else ""}">{_esc(years)}</span>'
            f'</h4>\n<ul class="quotes">\n'
        )
        items = []
        for cid in side.claims:
            claim = ctx.claim(cid)
            items.append(
                _quote_item(ctx, claim)
                if claim is not None
                else f'<li class="missing">claim <code>{_esc(cid)}</code> not in the corpus</li>\n'
            )
        out.extend(items[: QUOTES_SHOWN + 1] if len(items) <= QUOTES_SHOWN + 1 else items[:QUOTES_SHOWN])
        if len(items) > QUOTES_SHOWN + 1:  # the rest folded away, open without a script
            out.append(
                f'</ul>\n<details class="more"><summary>{len(items) - QUOTES_SHOWN} more '
                f'quotes of this value</summary>\n<ul class="quotes">\n'
            )
            out.extend(items[QUOTES_SHOWN:])
            out.append("</ul>\n</details>\n</section>\n")
        else:
            out.append("</ul>\n</section>\n")
    out.append("</div>\n")
    out.append(_graph_figure(ctx, finding))
    out.append("</div>\n</article>\n")
    return "".join(out)


def _quote_item(ctx: _Context, claim: Claim) -> str:
    occ = ctx.occurrence(claim.article)
    article = ctx.articles.get(claim.article)
    tags = []
    if occ is not None:
        tags.append(
            f'<span class="tag{" unknown" if occ.year is None else ""}">'
            f"{_esc(occ.label.removeprefix(occ.series).strip())}</span>"
        )
    if claim.attributed:
        tags.append('<span class="tag">attributed</span>')
    if claim.qualifier != "exact":
        tags.append(f'<span class="tag">{_esc(claim.qualifier)}</span>')
    outlet = f' <span class="outlet">{_esc(article.outlet)}</span>' if article and article.outlet else ""
    return (
        f'<li><div class="loc"><code>{_esc(claim.article)}:{claim.line}</code>{outlet}'
        f"{''.join(tags)}</div><blockquote>{highlighted_html(claim)}</blockquote></li>\n"
    )


def highlighted_html(claim: Claim) -> str:
    """The claim's sentence, escaped, with its value words in <mark>."""
    quote = claim.quote
    value = claim.matched
    at = claim.value_start - claim.start
    if not value or quote[at : at + len(value)] != value:
        at = quote.find(value) if value else -1
    if at < 0:
        return _esc(quote)
    before, inside, after = quote[:at], quote[at : at + len(value)], quote[at + len(value) :]
    return (
        _esc(before, strip=False).lstrip()
        + f"<mark>{_esc(inside)}</mark>"
        + _esc(after, strip=False).rstrip()
    )


# ---------------------------------------------------------------- claim graph


def _graph_figure(ctx: _Context, finding: Finding) -> str:
    return (
        f'<figure class="graph">{graph_svg(ctx, finding)}<figcaption>Claim graph '
        "neighbourhood: reports \u2192 claims \u2192 what they are about.</figcaption></figure>\n"
    )


def graph_svg(ctx: _Context, finding: Finding) -> str:
    """The finding's neighbourhood in the claim graph, in three columns: reports, the claims
    (grouped by side, lettered as in the card), and the entities and series they are about."""
    graph = graph_layout(finding_neighbourhood(finding, ctx.claims_by_id, ctx.corpus.occurrences))
    color = _color(finding)
    tint = "#edf2f7" if finding.suppressed else TINT[finding.verdict]
    svg = [
        f'<svg class="cgraph" role="img" width="{graph.width:.0f}" '
        f'height="{graph.height:.0f}" viewBox="0 0 {graph.width:.0f} {graph.height:.0f}" '
        f'font-family="{FONT}"><title>Claim graph of finding {_esc(finding.id)}</title>\n'
    ]
    for kind, path in graph.edges:
        stroke = "#a0aec0" if kind == "states" else "#cbd5e0"
        svg.append(f'<path d="{_path_d(path)}" fill="none" stroke="{stroke}" stroke-width="1.2"/>\n')
    for arc in graph.arcs:
        svg.append(
            f'<path d="{_path_d(arc)}" fill="none" stroke="{color}" stroke-width="2"'
            f"{_dash(finding.verdict)}><title>{_esc(finding.verdict.value)}</title></path>\n"
        )
    svg.extend(_box_svg(box, graph, color, tint) for box in graph.boxes)
    if graph.hidden:
        x, y = graph.note_at
        svg.append(
            f'<text x="{x:.0f}" y="{y:.0f}" font-size="11" '
            f'fill="#718096">+{graph.hidden} more claims</text>\n'
        )
    svg.append("</svg>")
    return "".join(svg)


# fill, stroke and ink of a node's box by kind; a claim's take the finding's colours
_BOX_PAINT = {"report": ("#ffffff", "#a0aec0", "#2d3748"), "series": ("#2d3748", "#2d3748", "#ffffff")}
_OTHER_PAINT = ("#edf2f7", "#a0aec0", "#2d3748")


def _box_svg(box: Box, graph: ClaimGraph, color: str, tint: str) -> str:
    """A node's box with its label (a claim's with its side letter first) and a tooltip."""
    node, x, y = box.node, box.x, box.y
    fill, stroke, ink = (
        (tint, color, "#1a202c") if node.kind == "claim" else _BOX_PAINT.get(node.kind, _OTHER_PAINT)
    )
    radius = 10 if node.kind in ("entity", "series") else 4
    badge = ""
    if node.kind == "claim" and node.side is not None:
        badge = (
            f'<rect x="{x + 3:.1f}" y="{y + 3:.1f}" width="14" height="14" rx="3" '
            f'fill="{color}"/><text x="{x + 10:.1f}" y="{y + 14:.1f}" font-size="10" '
            f'font-weight="700" fill="#ffffff" text-anchor="middle">'
            f"{side_letter(node.side)}</text>"
        )
    return (
        f'<g><title>{_esc(node.tip)}</title><rect x="{x:.1f}" y="{y:.1f}" '
        f'width="{box.width:.0f}" height="{graph.geometry.box_height:.0f}" rx="{radius}" '
        f'fill="{fill}" stroke="{stroke}" stroke-width="1.2"/>{badge}'
        f'<text x="{box.label_x:.1f}" y="{y + 14:.1f}" font-size="11" fill="{ink}">'
        f"{_esc(box.label)}</text></g>\n"
    )


# ---------------------------------------------------------------- reports


def _reports_section(ctx: _Context) -> str:
    out = [
        '<section class="reports">\n<h2>Reports</h2>\n<table class="rtable">\n<thead><tr>'
        "<th>report</th><th>series</th><th>placed in</th><th>because</th></tr></thead>\n<tbody>\n"
    ]
    for article in ctx.corpus.articles:
        occ = ctx.occurrence(article.path)
        published = article.published.isoformat() if article.published else None
        meta = " \u00b7 ".join(_esc(x) for x in (article.title, article.outlet, published, article.url) if x)
        where = "unplaced"
        unknown = True
        if occ is not None:
            unknown = occ.year is None
            where = (str(occ.year) if occ.year else "year unknown") + (
                f" {occ.meeting}" if occ.meeting else ""
            )
            if occ.year and not occ.meeting_known:
                where += " (meeting unknown)"
                unknown = True
        evidence = "<br>".join(
            f"<b>{_esc(e.source)}</b>: {_esc(e.detail)}" for e in (occ.evidence if occ else ())
        )
        if unknown and not evidence:
            evidence = (
                "<i>nothing in the report tells its year: a <code>published:</code> date in "
                "its front matter would settle it</i>"
            )
        warnings = "".join(f'<div class="warn">{_esc(w)}</div>' for w in article.warnings)
        meta_html = f'<div class="meta">{meta}</div>' if meta else ""
        out.append(
            f"<tr><td><code>{_esc(article.path)}</code>{meta_html}{warnings}</td>"
            f"<td>{_esc(occ.series) if occ else ''}</td>"
            f'<td class="{"unknown" if unknown else ""}">{_esc(where)}</td>'
            f'<td class="ev">{evidence}</td></tr>\n'
        )
    out.append("</tbody>\n</table>\n")
    if ctx.corpus.skipped:
        out.append('<h3>Skipped</h3>\n<ul class="skipped">\n')
        for skipped in ctx.corpus.skipped:
            out.append(f"<li><code>{_esc(skipped.path)}</code>: {_esc(skipped.reason)}</li>\n")
        out.append("</ul>\n")
    out.append("</section>\n")
    return "".join(out)


_CSS = """
:root{--ink:#1a202c;--muted:#4a5568;--faint:#718096;--rule:#e2e8f0;--bg:#f4f6f9;--paper:#fff;
--conflict:#c0362c;--conflict-bg:#fdecea;--variant:#b26b00;--variant-bg:#fff4de;
--unresolved:#6b46c1;--unresolved-bg:#f1ecfb;--time-shift:#1f6fb2;--time-shift-bg:#e6f0fa}
*{box-sizing:border-box}
html{background:var(--bg)}
body{margin:0;color:var(--ink);font:15px/1.55 system-ui,-apple-system,'Segoe UI',Roboto,
'Helvetica Neue',Arial,'Liberation Sans','DejaVu Sans',sans-serif;-webkit-text-size-adjust:100%}
main{max-width:1120px;margin:0 auto;padding:28px 24px 56px}
h1{font-size:26px;margin:0 0 14px;letter-spacing:-.01em}
h2{font-size:20px;margin:0 0 4px;letter-spacing:-.005em}
h3{font-size:15px;margin:18px 0 6px}
code{font:12.5px/1.4 ui-monospace,'SFMono-Regular',Menlo,Consolas,'Liberation Mono',
'DejaVu Sans Mono',monospace}
a{color:#2b6cb0;text-decoration:none}a:hover{text-decoration:underline}
section,header.top{background:var(--paper);border:1px solid var(--rule);border-radius:10px;
padding:20px 22px;margin:0 0 20px}
.stats{display:flex;flex-wrap:wrap;gap:12px;margin:0 0 14px}
.stat{flex:1 1 160px;border:1px solid var(--rule);border-radius:8px;padding:10px 14px;background:#fafbfc}
.stat b{display:block;font-size:28px;line-height:1.1;font-variant-numeric:tabular-nums}
.stat span{color:var(--muted);font-size:13px}.stat .note{display:block;color:var(--faint);font-size:12px}
.tallies{display:flex;flex-wrap:wrap;gap:8px 28px}
.by{margin:0;display:flex;flex-wrap:wrap;align-items:center;gap:6px}
.by-h{color:var(--faint);font-size:12px;text-transform:uppercase;letter-spacing:.06em;margin-right:4px}
.chip{display:inline-block;border-radius:999px;padding:2px 11px;font-size:13px;border:1px solid transparent}
.chip b{font-variant-numeric:tabular-nums;margin-right:2px}
.chip.zero{opacity:.45}
.v-conflict{--c:var(--conflict);--t:var(--conflict-bg)}
.v-variant{--c:var(--variant);--t:var(--variant-bg)}
.v-unresolved{--c:var(--unresolved);--t:var(--unresolved-bg)}
.v-time-shift{--c:var(--time-shift);--t:var(--time-shift-bg)}
.chip[class*=v-],.badge{color:var(--c);background:var(--t);
border-color:color-mix(in srgb,var(--c) 35%,transparent)}
.s-error{color:#9b2c2c;background:#fde8e8}.s-warning{color:#8a5300;background:#fff1d6}
.s-info{color:#2a4365;background:#e6eef8}
.legend{display:flex;flex-wrap:wrap;gap:6px 22px;margin:14px 0 0;padding:12px 0 0;
border-top:1px solid var(--rule);font-size:13px}
.legend div{display:flex;gap:6px;align-items:baseline}.legend dt{font-weight:600}
.legend dd{margin:0;color:var(--muted)}
.dot{display:inline-block;width:10px;height:10px;border-radius:50%;margin-right:5px}
.badge{display:inline-block;border:1px solid;border-radius:4px;padding:0 7px;font-size:12px;
font-weight:700;text-transform:uppercase;letter-spacing:.04em;line-height:20px;white-space:nowrap}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th{text-align:left;font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--faint);
font-weight:600;border-bottom:1px solid var(--rule);padding:6px 8px}
td{border-bottom:1px solid #edf0f4;padding:7px 8px;vertical-align:top}
tr.suppressed td{opacity:.5}
td.vals{color:var(--muted)}
.occ{color:var(--faint)}
.sub{color:var(--muted);margin:0 0 14px;font-size:13.5px}
.chart{margin:0 0 18px}
.scroll{overflow-x:auto;border:1px solid var(--rule);border-radius:8px;background:#fff}
.scroll svg{display:block}
figcaption{font-size:13px;color:var(--muted);margin-top:8px}
.how{margin:0 0 6px}.meet{white-space:nowrap;margin-left:6px}.meet svg{vertical-align:-2px;margin-right:4px}
.hollow{display:inline-block;width:9px;height:9px;border:1.6px solid #4a5568;border-radius:50%;
vertical-align:-1px;margin-right:2px}
ol.notes{list-style:none;padding:0;margin:6px 0 0}
ol.notes li{margin:5px 0;display:flex;gap:8px;align-items:baseline}
.num{flex:none;display:inline-block;width:18px;height:18px;border-radius:50%;color:#fff;font-size:11px;
font-weight:700;text-align:center;line-height:18px}
ol.notes .badge{font-size:10.5px;line-height:17px;margin-right:4px}
article.finding{border:1px solid var(--rule);border-left:5px solid var(--c);border-radius:8px;
padding:14px 18px 16px;margin:16px 0 0;background:#fff}
article.finding.suppressed{border-left-color:#a0aec0;opacity:.7}
article.finding header{display:flex;flex-wrap:wrap;align-items:center;gap:8px 12px}
.rule{font-weight:600}.rule code{font-weight:700;color:var(--c)}
.sev{font-size:12px;border-radius:4px;padding:0 7px;line-height:20px;background:#edf2f7;color:var(--muted)}
.fid{margin-left:auto;color:var(--faint)}
.where{margin:6px 0 0;color:var(--muted);font-size:13.5px}.where .slot{color:var(--faint)}
.explain{margin:8px 0 12px;padding:8px 12px;background:var(--t);border-radius:6px;font-size:14px}
.body{display:flex;flex-wrap:wrap;gap:16px 22px;align-items:flex-start}
.sides{flex:1 1 420px;min-width:0}
.side{border:0;padding:0;margin:0 0 12px;background:none;border-radius:0}
.side h4{margin:0 0 6px;font-size:15px;display:flex;align-items:baseline;gap:8px;flex-wrap:wrap}
.letter{display:inline-block;min-width:20px;height:20px;border-radius:4px;background:var(--c);color:#fff;
font-size:12px;text-align:center;line-height:20px}
.value{font-weight:700}
.years{font-weight:400;color:var(--muted);font-size:13px}
.years.unknown,.tag.unknown,td.unknown{color:var(--unresolved);font-weight:600}
ul.quotes{list-style:none;margin:0;padding:0 0 0 28px}
ul.quotes li{margin:0 0 10px}
details.more{margin:-4px 0 8px 28px}details.more summary{cursor:pointer;color:#2b6cb0;font-size:13px;
margin-bottom:8px}details.more ul.quotes{padding-left:0}
.findex td:nth-child(2){white-space:nowrap}
.loc{font-size:12.5px;color:var(--muted);display:flex;flex-wrap:wrap;gap:4px 8px;align-items:baseline}
.loc code{color:#2d3748;word-break:break-all}
.tag{font-size:11.5px;background:#edf2f7;border-radius:3px;padding:0 6px}
.outlet{font-style:italic}
blockquote{margin:3px 0 0;padding:2px 0 2px 12px;border-left:3px solid #e2e8f0;
font-family:Georgia,'Times New Roman','Liberation Serif','DejaVu Serif',serif;font-size:15.5px;
line-height:1.5;color:#2d3748;overflow-wrap:anywhere}
mark{background:var(--t);color:inherit;box-shadow:inset 0 -2px 0 var(--c);padding:0 1px;border-radius:2px;
font-weight:600}
figure.graph{flex:0 1 476px;margin:4px 0 0;min-width:0}
figure.graph svg{max-width:100%;height:auto;display:block;border:1px solid var(--rule);border-radius:8px;
background:#fbfcfd}
figure.graph figcaption{font-size:12px;color:var(--faint)}
.empty{color:var(--muted);margin:0}
.meta{font-size:12.5px;color:var(--muted);overflow-wrap:anywhere}
.warn{font-size:12.5px;color:#8a5300}
td.ev{font-size:12.5px;color:var(--muted)}
ul.skipped{font-size:13.5px}
footer{color:var(--faint);font-size:12.5px;text-align:center;margin-top:8px}
@media print{html{background:#fff}section,header.top{border:0;padding:0}
article.finding,.chart{break-inside:avoid}.scroll{overflow:visible}}
"""
