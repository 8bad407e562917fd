"""The HTML report: one self-contained page a desk editor opens in a browser.

    render_html(corpus, findings=None, title="factlint report") -> str

The page holds a summary, per series a timeline chart (years across, one row per claim slot,
each report's value as a mark; findings drawn as lines between the marks they join), every
finding with its sides and quotes, and a picture of each finding's claim-graph neighbourhood.
Charts are hand-built inline SVG: no script, no external resource, no font download, and a
Content-Security-Policy that forbids scripts and network access outright.

Report text is untrusted: every string that comes from a report (quotes, values, paths, titles,
series names, explanations) goes through ``_esc`` (html.escape after neutralising control and
bidi-override characters), so a report containing ``<script>`` shows as text.

The output is byte-identical for the same input: no timestamps, no set or hash ordering, every
layout computed from sorted data.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import networkx as nx

from checker import __version__
from checker.engine import place
from checker.graph import build_graph
from checker.models import SEVERITY, VERDICT_RANK, Article, Claim, Corpus, Finding, Occurrence, Verdict
from checker.report import SLOT_LABELS, summary

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
DASH = {Verdict.CONFLICT: "", Verdict.VARIANT: "6 3", Verdict.UNRESOLVED: "2 3",
        Verdict.TIME_SHIFT: "7 4"}
VERDICT_HELP = {
    Verdict.CONFLICT: "the reports cannot all be right",
    Verdict.VARIANT: "one fact, spelled differently",
    Verdict.UNRESOLVED: "differ, but a report cannot be placed in time",
    Verdict.TIME_SHIFT: "differ only because the years differ",
}
NEUTRAL = "#4a5568"
FONT = ("system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, "
        "'Liberation Sans', 'DejaVu Sans', sans-serif")
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
SHAPES = ("circle", "diamond", "square", "triangle")
SIDE_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
ROW_KINDS = {"ordinal": "count", "sponsor": "sponsor", "person": "name", "vote": "vote",
             "consensus": "consensus", "start-year": "first year", "lead-sponsor": "lead"}
GRAPH_MAX_CLAIMS = 12
QUOTES_SHOWN = 4  # per side; more are folded into a <details>
MAX_SHOWN = 4_000  # characters of any one text on the page (a sentence is at most 2,000)
_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
_SPACE = re.compile(r"\s+")


# ---------------------------------------------------------------- text


def _clean(value: object, strip: bool = True) -> str:
    """Report text as one line: whitespace runs become one space; control characters, lone
    surrogates and bidi overrides become U+FFFD, so nothing can act or reorder the page.
    Text longer than MAX_SHOWN characters (no sentence or name is) is cut with an ellipsis."""
    text = _SPACE.sub(" ", str(value))
    if len(text) > MAX_SHOWN:
        text = text[:MAX_SHOWN].rstrip() + "\u2026"
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        out.append("\ufffd" if cat in ("Cc", "Cs") or ord(ch) in _BIDI else ch)
    text = "".join(out)
    return text.strip() if strip else text


def _esc(value: object, strip: bool = True) -> str:
    """Escaped for HTML text and attribute values (quotes included)."""
    return html.escape(_clean(value, strip), quote=True)


def _fit(text: str, width: float, size: float = 12) -> str:
    """Text cut with an ellipsis to fit an approximate pixel width (for SVG labels): the
    longest start (at least three characters) that fits with the ellipsis. One pass over the
    text, reading no further than the width allows."""
    ellipsis = _em("\u2026")
    em = 0.0
    keep = 0  # characters that fit followed by the ellipsis
    for n, ch in enumerate(text, start=1):
        em += _em(ch)
        if (em + ellipsis) * size <= width:
            keep = n
        elif em * size > width:  # wider than the width already: so is any longer start
            return text[:max(keep, min(3, len(text)))].rstrip() + "\u2026"
    return text


_NARROW = set("fijlrtI1.,:;'|!()[] ")
_WIDE = set("mwMW@%")


def _em(ch: str) -> float:
    """Approximate width of a character in a common sans-serif face, in ems (deliberately
    generous)."""
    if ch in _NARROW:
        return 0.34
    if ch in _WIDE:
        return 0.9
    if ch.isupper():
        return 0.7
    if ord(ch) > 0x2E7F:  # CJK and other full-width text
        return 1.0
    return 0.6


def _px(text: str, size: float = 12) -> float:
    """Approximate rendered width of text in pixels."""
    em = 0.0
    for ch in text:
        em += _em(ch)
    return em * size


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def short_value(claim: Claim, year: int | None = None) -> str:
    """A claim's value as a short chart label: '16th', '2005', '58', '116–20–53', 'Mon 17 Dec'
    (a date leaves out its year where it is the given year)."""
    value = claim.value
    try:
        if claim.slot == "ordinal":
            return _ordinal(int(value))
        if claim.slot == "start-year":
            return str(int(value))
        if claim.slot == "sponsor-count":
            low, high = value
            if claim.qualifier == "more-than":
                return f">{int(low) - 1}"
            if high == float("inf"):
                return f"\u2265{int(low)}"
            return str(int(low)) if low == high else f"{int(low)}\u2013{int(high)}"
        if claim.slot == "tally":
            parts = ["?" if v is None else str(v) for v in value]
            while parts and parts[-1] == "?":
                parts.pop()
            return "\u2013".join(parts) or claim.display
        if claim.slot == "event-date":
            parts = list(value)
            if year is not None and parts[0] == year and (parts[1] or parts[2]):
                parts[0] = None
            return _date_label(*parts) or claim.display
        if claim.slot == "adoption" and isinstance(value, str):
            return value.replace("-", " ")
        if claim.slot == "lead-sponsor" and isinstance(value, tuple | list):
            return " & ".join(map(str, value))
        if claim.family == "person":
            return str(value)
    except (TypeError, ValueError):
        pass
    actor = claim.detail("actor")
    display = _clean(claim.display)
    if actor and display.startswith(str(actor)) and len(display) > len(str(actor)):
        display = display[len(str(actor)):].strip()
        if claim.slot.startswith("vote:"):
            display = display.removeprefix("voted ")
    return display


def _date_label(year: int | None, month: int | None, day: int | None,
                weekday: int | None) -> str:
    if month is None and day is None and year is None:
        return WEEKDAYS[weekday] if weekday is not None else ""
    parts = []
    if weekday is not None:
        parts.append(WEEKDAYS[weekday][:3])
    if day is not None:
        parts.append(str(day) if month else f"the {_ordinal(day)}")
    if month is not None:
        parts.append(MONTHS[month - 1])
    if year is not None:
        parts.append(str(year))
    return " ".join(parts)


def row_label(row: str) -> str:
    if row in SLOT_LABELS:
        return SLOT_LABELS[row]
    kind, _, rest = row.partition(":")
    kind = ROW_KINDS.get(kind, kind)
    rest = rest.replace(":", " \u00b7 ")
    return f"{kind}: {rest}" if rest and rest != "series" else kind


# ---------------------------------------------------------------- page


def render_html(corpus: Corpus, findings: Sequence[Finding] | None = None,
                title: str = "factlint report") -> str:
    """The whole report as one self-contained HTML page (UTF-8 text)."""
    findings = list(corpus.findings) if findings is None else list(findings)
    ctx = _Context(corpus, findings)
    series_names = sorted({occ.series for occ in corpus.occurrences.values()}
                          | {f.series for f in findings})
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n",
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\n",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n",
        "<meta name=\"color-scheme\" content=\"light\">\n",
        f"<meta name=\"generator\" content=\"factlint {_esc(__version__)}\">\n",
        f"<title>{_esc(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n<main>\n",
        _header(ctx, title),
        _index(ctx, series_names),
    ]
    for number, series in enumerate(series_names):
        parts.append(_series_section(ctx, series, number))
    parts.append(_reports_section(ctx))
    parts.append(f"<footer>factlint {_esc(__version__)} \u00b7 claims are quoted as extracted; "
                 "every line number points into the file as given.</footer>\n")
    parts.append("</main>\n</body>\n</html>\n")
    return "".join(parts)


@dataclass
class _Context:
    corpus: Corpus
    findings: list[Finding]
    claims: dict[str, Claim] = field(init=False)
    articles: dict[str, Article] = field(init=False)
    by_claim: dict[str, list[Finding]] = field(init=False)
    _graph: nx.MultiDiGraph | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        self.claims = {c.id: c for c in self.corpus.claims}
        self.articles = {a.path: a for a in self.corpus.articles}
        self.by_claim = defaultdict(list)
        for finding in self.findings:
            for side in finding.sides:
                for cid in side.claims:
                    if all(f is not finding for f in self.by_claim[cid]):
                        self.by_claim[cid].append(finding)

    def verdict_of(self, claim_id: str) -> Verdict | None:
        """The strongest verdict of a claim's unsuppressed findings."""
        found = [f.verdict for f in self.by_claim.get(claim_id, ()) if not f.suppressed]
        return max(found, key=VERDICT_RANK.__getitem__) if found else None

    def occurrence(self, path: str) -> Occurrence | None:
        return self.corpus.occurrences.get(path)

    def graph(self) -> nx.MultiDiGraph:
        """The claim graph of the corpus, built once per page."""
        if self._graph is None:
            self._graph = build_graph(self.corpus)
        return self._graph


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
    out = [f"<header class=\"top\">\n<h1>{_esc(title)}</h1>\n<div class=\"stats\">\n"]
    for number, label, note in stats:
        note_html = f"<span class=\"note\">{_esc(note)}</span>" if note else ""
        out.append(f"<div class=\"stat\"><b>{number}</b><span>{_esc(label)}</span>{note_html}</div>\n")
    out.append("</div>\n<div class=\"tallies\">\n<p class=\"by\"><span class=\"by-h\">by verdict</span>")
    for verdict in Verdict:
        n = s["by_verdict"][verdict.value]
        out.append(f"<span class=\"chip v-{verdict.value}{' zero' if not n else ''}\" "
                   f"title=\"{_esc(VERDICT_HELP[verdict])}\"><b>{n}</b> {verdict.value}</span>")
    out.append("</p>\n<p class=\"by\"><span class=\"by-h\">by severity</span>")
    for level in ("error", "warning", "info"):
        n = severities.get(level, 0)
        out.append(f"<span class=\"chip s-{level}{' zero' if not n else ''}\"><b>{n}</b> {level}</span>")
    out.append("</p>\n</div>\n<dl class=\"legend\">")
    for verdict in Verdict:
        out.append(f"<div><dt><span class=\"dot\" style=\"background:{COLOR[verdict]}\"></span>"
                   f"{verdict.value}</dt><dd>{_esc(VERDICT_HELP[verdict])}</dd></div>")
    out.append("</dl>\n</header>\n")
    return "".join(out)


def _index(ctx: _Context, series_names: list[str]) -> str:
    if not ctx.findings:
        return "<section class=\"index\"><p class=\"empty\">No findings: the reports agree.</p></section>\n"
    several = len({f.series for f in ctx.findings}) > 1
    out = ["<section class=\"index\">\n<h2>Findings</h2>\n<table class=\"findex\">\n<thead><tr>"
           "<th>verdict</th><th>rule</th><th>about</th>" + ("<th>series</th>" if several else "")
           + "<th>values</th><th>id</th></tr></thead>\n<tbody>\n"]
    order = {name: i for i, name in enumerate(series_names)}
    for finding in sorted(ctx.findings, key=lambda f: order.get(f.series, 0)):
        values = " \u00b7 ".join(_clean(s.value) for s in finding.sides)
        series = f"<td>{_esc(finding.series)}</td>" if several else ""
        out.append(
            f"<tr class=\"{'suppressed' if finding.suppressed else ''}\">"
            f"<td><span class=\"badge v-{finding.verdict.value}\">{finding.verdict.value}</span></td>"
            f"<td><code>{_esc(finding.rule)}</code> {_esc(finding.name)}</td>"
            f"<td>{_esc(row_label(finding.slot))}{_occ_suffix(finding)}</td>{series}"
            f"<td class=\"vals\">{html.escape(_fit(values, 520, 13))}</td>"
            f"<td><a href=\"#{_esc(finding.id)}\"><code>{_esc(finding.id)}</code></a></td></tr>\n")
    out.append("</tbody>\n</table>\n</section>\n")
    return "".join(out)


def _occ_suffix(finding: Finding) -> str:
    return f"<div class=\"occ\">{_esc(finding.occurrence)}</div>" if finding.occurrence else ""


def _series_section(ctx: _Context, series: str, number: int) -> str:
    findings = [f for f in ctx.findings if f.series == series]
    paths = sorted(p for p, occ in ctx.corpus.occurrences.items() if occ.series == series)
    years = sorted({occ.year for p, occ in ctx.corpus.occurrences.items()
                    if occ.series == series and occ.year is not None})
    span = f"{years[0]}\u2013{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    out = [f"<section class=\"series\" id=\"series-{number}\">\n<h2>{_esc(series)}</h2>\n"
           f"<p class=\"sub\">{len(paths)} report{'s' if len(paths) != 1 else ''}"
           f"{', ' + span if span else ''} \u00b7 {len(findings)} "
           f"finding{'s' if len(findings) != 1 else ''}</p>\n"]
    out.append(_timeline(ctx, series, paths, findings, f"s{number}"))
    for finding in findings:
        out.append(_finding_card(ctx, finding))
    out.append("</section>\n")
    return "".join(out)


# ---------------------------------------------------------------- timeline


@dataclass
class _Mark:
    row: str
    col: int | None
    label: str
    meeting: str | None
    claims: list[Claim] = field(default_factory=list)
    verdict: Verdict | None = None
    x: float = 0.0
    y: float = 0.0
    shape: str = "circle"


def _timeline_marks(ctx: _Context, paths: list[str]) -> tuple[list[_Mark], bool]:
    """The marks of one series: its reports' claims grouped by row, year and value."""
    wanted = set(paths)
    placed: list[tuple[str, int | None, str | None, Claim]] = []
    for claim in ctx.corpus.claims:
        if claim.article not in wanted:
            continue
        occ = ctx.occurrence(claim.article)
        if occ is None:
            continue
        held = [f for f in ctx.by_claim.get(claim.id, ()) if not f.suppressed] \
            or ctx.by_claim.get(claim.id, [])
        row = _row_of(claim, held[0].slot if held else None)
        if not held and (row not in SLOT_LABELS or claim.attributed or claim.counted):
            continue
        for item in place(claim, occ):
            placed.append((row, item.year, item.meeting, claim))
    split = len({meeting for _, _, meeting, _ in placed if meeting}) > 1
    groups: dict[tuple, _Mark] = {}
    for row, year, meeting, claim in placed:
        meeting = meeting if split else None
        label = short_value(claim, year)
        key = (row, year, meeting or "", label)
        mark = groups.get(key)
        if mark is None:
            mark = groups[key] = _Mark(row, year, label, meeting)
        if all(c.id != claim.id for c in mark.claims):
            mark.claims.append(claim)
    for mark in groups.values():
        mark.claims.sort(key=lambda c: (c.article, c.line, c.start, c.id))
        found = [v for v in (ctx.verdict_of(c.id) for c in mark.claims) if v is not None]
        mark.verdict = max(found, key=VERDICT_RANK.__getitem__) if found else None
    return [groups[k] for k in sorted(groups, key=lambda k: (k[0], -1 if k[1] is None else k[1],
                                                              k[2], k[3]))], split


def _row_of(claim: Claim, finding_slot: str | None) -> str:
    if claim.counted:  # a count or start of a sub-series ("the 7th time by consensus")
        return f"{claim.slot}:{claim.counted}"
    if claim.slot in SLOT_LABELS:
        return claim.slot
    if finding_slot and claim.family == "person":
        return finding_slot
    return claim.slot


def _row_order(rows: Iterable[str]) -> list[str]:
    base = list(SLOT_LABELS)
    return sorted(set(rows), key=lambda r: (base.index(r) if r in base else len(base),
                                            row_label(r).lower(), r))


def _timeline(ctx: _Context, series: str, paths: list[str], findings: list[Finding],
              uid: str) -> str:
    marks, split = _timeline_marks(ctx, paths)
    if not marks:
        return "<p class=\"empty\">No claims to chart in this series.</p>\n"
    shapes: dict[str, str] = {}
    if split:  # one mark shape per meeting, the commonest meeting a circle
        counts = Counter(m.meeting for m in marks if m.meeting)
        for i, meeting in enumerate(sorted(counts, key=lambda k: (-counts[k], k))):
            shapes[meeting] = SHAPES[i % len(SHAPES)]
        for mark in marks:
            mark.shape = shapes.get(mark.meeting or "", "circle")
    rows = _row_order(m.row for m in marks)
    years = sorted({m.col for m in marks if m.col is not None})
    has_unknown = any(m.col is None for m in marks)
    cols: list[int | None] = [*years, *([None] if has_unknown else [])]

    cells: dict[tuple[str, int | None], list[_Mark]] = defaultdict(list)
    for mark in marks:
        cells[(mark.row, mark.col)].append(mark)
    for cell in cells.values():  # marks in findings first, so lines stay on the top line
        cell.sort(key=lambda m: (m.verdict is None, m.meeting or "", m.label))

    # column widths: room for the longest label, then stretched to the page width
    gutter, top, pitch, inset = 160.0, 56.0, 30.0, 22.0
    gap_unknown, target, max_label = 16.0, 1020.0, 150.0
    widths: dict[int | None, float] = {}
    for col in cols:
        need = max(inset + 4 + min(max_label, _px(_mark_text(m), 12))
                   for m in marks if m.col == col)
        widths[col] = max(84.0, need)
    fixed = gutter + (gap_unknown if has_unknown else 0)
    natural = fixed + sum(widths.values())
    if natural < target:  # stretch to the page
        widths = {c: w + (target - natural) / len(cols) for c, w in widths.items()}
    else:  # share the page, down to a readable minimum; wider than that, the chart scrolls
        fair = (target - fixed) / len(cols)
        widths = {c: max(112.0, min(w, fair)) for c, w in widths.items()}
    xs: dict[int | None, float] = {}
    x = gutter
    for col in cols:
        x += gap_unknown if col is None else 0
        xs[col] = x
        x += widths[col]
    width = x

    heights = {row: max(len(cells.get((row, c), [])) for c in cols) * pitch + 12 for row in rows}
    ys: dict[str, float] = {}
    y = top
    for row in rows:
        ys[row] = y
        y += heights[row]
    height = y + 8
    for (row, col), cell in cells.items():
        for i, mark in enumerate(cell):
            mark.x, mark.y = xs[col] + inset, ys[row] + 28 + i * pitch

    in_series = set(paths)
    reports_by_year = Counter(occ.year for p, occ in ctx.corpus.occurrences.items() if p in in_series)
    svg = [f"<svg class=\"timeline\" role=\"img\" "
           f"width=\"{width:.0f}\" height=\"{height:.0f}\" viewBox=\"0 0 {width:.0f} {height:.0f}\" "
           f"aria-labelledby=\"{uid}-t\" font-family=\"{FONT}\">\n"
           f"<title id=\"{uid}-t\">Timeline of {_esc(series)}: what each report says, by year "
           f"and claim</title>\n<defs><pattern id=\"{uid}-hatch\" width=\"7\" height=\"7\" "
           "patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"7\" "
           "height=\"7\" fill=\"#f8f6fc\"/><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"7\" "
           "stroke=\"#ece6f6\" stroke-width=\"2.5\"/></pattern></defs>\n"]
    if has_unknown:
        svg.append(f"<rect x=\"{xs[None]:.1f}\" y=\"0\" width=\"{widths[None]:.1f}\" "
                   f"height=\"{height:.0f}\" fill=\"url(#{uid}-hatch)\"/>\n")
    for i, row in enumerate(rows):
        if i % 2 == 0:
            svg.append(f"<rect x=\"0\" y=\"{ys[row]:.1f}\" width=\"{width:.0f}\" "
                       f"height=\"{heights[row]:.1f}\" fill=\"#f5f7fa\" fill-opacity=\"0.75\"/>\n")
        label = row_label(row)
        room = gutter - 24
        lines = [label]
        if _px(label, 13.5) > room and ": " in label:  # bold text runs wider
            head, _, rest = label.partition(": ")
            lines = [head + ":", rest]
        spans = "".join(f"<tspan x=\"{gutter - 16:.0f}\" dy=\"{0 if i == 0 else 15}\">"
                        f"{_esc(_fit(line, room, 13.5))}</tspan>" for i, line in enumerate(lines))
        svg.append(f"<text y=\"{ys[row] + 32 - 7.5 * (len(lines) - 1):.1f}\" text-anchor=\"end\" "
                   f"font-size=\"12.5\" font-weight=\"600\" fill=\"#2d3748\"><title>{_esc(label)}"
                   f"</title>{spans}</text>\n")
    previous: int | None = None
    for col in cols:
        cx = xs[col]
        n = reports_by_year.get(col, 0)
        reports = f"{n} report{'s' if n != 1 else ''}"
        head, sub, ink = (("year unknown", reports, COLOR[Verdict.UNRESOLVED]) if col is None else
                          (str(col), reports if n else "mentioned only", "#1a202c"))
        gap = col is not None and previous is not None and col - previous > 1
        dashed = ' stroke-dasharray="3 3"' if gap else ""
        svg.append(f"<text x=\"{cx + 14:.1f}\" y=\"{top - 28:.0f}\" font-size=\"14\" "
                   f"font-weight=\"700\" fill=\"{ink}\">{_esc(head)}</text>"
                   f"<text x=\"{cx + 14:.1f}\" y=\"{top - 12:.0f}\" font-size=\"11\" "
                   f"fill=\"#718096\">{_esc(sub)}</text>\n"
                   f"<line x1=\"{cx:.1f}\" y1=\"8\" x2=\"{cx:.1f}\" y2=\"{height:.0f}\" "
                   f"stroke=\"#d5dce5\"{dashed}/>\n")
        if gap:
            svg.append(f"<text x=\"{cx:.1f}\" y=\"{top - 44:.0f}\" font-size=\"10\" fill=\"#a0aec0\" "
                       f"text-anchor=\"middle\">\u2026</text>\n")
        previous = col
    svg.append(f"<line x1=\"{gutter:.0f}\" y1=\"{top:.0f}\" x2=\"{width:.0f}\" y2=\"{top:.0f}\" "
               "stroke=\"#a0aec0\"/>\n")

    # findings: lines through the marks they join, a numbered badge at the first
    notes: list[tuple[int, Finding]] = []
    badges: dict[tuple[float, float], tuple[int, str, str]] = {}
    for number, finding in enumerate(findings, start=1):
        ids = {cid for side in finding.sides for cid in side.claims}
        member = [any(c.id in ids for c in m.claims) for m in marks]
        points = sorted({(m.x, m.y) for m, inside in zip(marks, member, strict=True) if inside})
        if not points:
            continue
        others = [(m.x, m.y) for m, inside in zip(marks, member, strict=True) if not inside]
        color = "#a0aec0" if finding.suppressed else COLOR[finding.verdict]
        tip = f"{finding.verdict.value} {finding.rule} {finding.name}: {finding.explanation}"
        svg.append(f"<g class=\"fline\"><title>{_esc(tip)}</title>\n")
        if len(points) > 1:
            d = _route(points, others)
            dash = f" stroke-dasharray=\"{DASH[finding.verdict]}\"" if DASH[finding.verdict] else ""
            svg.append(f"<path d=\"{d}\" fill=\"none\" stroke=\"#ffffff\" stroke-width=\"5\" "
                       "stroke-linejoin=\"round\" stroke-opacity=\"0.85\"/>"
                       f"<path d=\"{d}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\" "
                       f"stroke-linejoin=\"round\"{dash}/>\n")
        svg.append("</g>\n")
        spot = _badge_spot(points, others)
        while spot in badges:
            spot = (spot[0] + 17, spot[1])
        badges[spot] = (number, color, tip)
        notes.append((number, finding))
    for mark in marks:
        svg.append(_mark_svg(ctx, mark, min(max_label, widths[mark.col] - inset - 2)))
    for (bx, by), (number, color, tip) in badges.items():
        svg.append(f"<g class=\"fbadge\"><title>{_esc(tip)}</title><circle cx=\"{bx:.1f}\" "
                   f"cy=\"{by:.1f}\" r=\"7.5\" fill=\"{color}\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
                   f"<text x=\"{bx:.1f}\" y=\"{by + 3.5:.1f}\" font-size=\"10\" font-weight=\"700\" "
                   f"fill=\"#ffffff\" text-anchor=\"middle\">{number}</text></g>\n")
    svg.append("</svg>")

    out = [f"<figure class=\"chart\">\n<div class=\"scroll\">{''.join(svg)}</div>\n<figcaption>"
           "<p class=\"how\">Years run across, one row per claim. Each mark is a value as the reports "
           "state it (\u00d7n: n reports agree); <span class=\"hollow\"></span> no finding involves "
           "it, a filled mark takes its finding\u2019s colour. Numbered lines join the values a "
           "finding compares"
           + ("; reports whose year cannot be told stand apart under <i>year unknown</i>."
              if has_unknown else ".") + " Hover a mark for its quotes.</p>\n"]
    if shapes:
        legend = " ".join(
            f"<span class=\"meet\"><svg width=\"14\" height=\"14\" viewBox=\"0 0 14 14\" "
            f"aria-hidden=\"true\">{shape_svg(shape, 7, 7, 4.5, '#4a5568', '#4a5568', 1)}</svg>"
            f"{_esc(meeting)}</span>" for meeting, shape in shapes.items())
        out.append(f"<p class=\"how\">This series meets more than once a year; the shape of a "
                   f"mark tells the meeting: {legend}.</p>\n")
    if notes:
        out.append("<ol class=\"notes\">\n")
        for number, finding in notes:
            color = "#a0aec0" if finding.suppressed else COLOR[finding.verdict]
            out.append(f"<li><span class=\"num\" style=\"background:{color}\">{number}</span>"
                       f"<span><span class=\"badge v-{finding.verdict.value}\">"
                       f"{finding.verdict.value}</span> <a href=\"#{_esc(finding.id)}\">"
                       f"<code>{_esc(finding.rule)}</code> {_esc(row_label(finding.slot))}</a>: "
                       f"{_esc(finding.explanation)}</span></li>\n")
        out.append("</ol>\n")
    out.append("</figcaption>\n</figure>\n")
    return "".join(out)


def _route(points: list[tuple[float, float]], others: list[tuple[float, float]]) -> str:
    """An SVG path through the points; a segment that would run through another mark bends
    around it (below a row, left of a column)."""
    (x0, y0), parts = points[0], [f"M{points[0][0]:.1f},{points[0][1]:.1f}"]
    for x1, y1 in points[1:]:
        if y0 == y1 and any(oy == y0 and x0 < ox < x1 for ox, oy in others):
            parts.append(f"C{x0 + 24:.1f},{y0 + 15:.1f} {x1 - 24:.1f},{y1 + 15:.1f} {x1:.1f},{y1:.1f}")
        elif x0 == x1 and any(ox == x0 and min(y0, y1) < oy < max(y0, y1) for ox, oy in others):
            parts.append(f"C{x0 - 14:.1f},{y0 + 8:.1f} {x1 - 14:.1f},{y1 - 8:.1f} {x1:.1f},{y1:.1f}")
        elif x0 != x1 and y0 != y1:  # leave and arrive level, below the labels
            bend = min(60.0, (x1 - x0) / 2)
            parts.append(f"C{x0 + bend:.1f},{y0:.1f} {x1 - bend:.1f},{y1:.1f} {x1:.1f},{y1:.1f}")
        else:
            parts.append(f"L{x1:.1f},{y1:.1f}")
        x0, y0 = x1, y1
    return " ".join(parts)


def _badge_spot(points: list[tuple[float, float]],
                others: list[tuple[float, float]]) -> tuple[float, float]:
    """Where a finding's number goes: on its first segment, halfway (left of it when the
    segment is vertical); left of the mark when the finding has one mark only."""
    if len(points) == 1:
        return points[0][0] - 17, points[0][1]
    (x0, y0), (x1, y1) = points[0], points[1]
    if x0 == x1:
        return x0 - 15, (y0 + y1) / 2
    bent = y0 == y1 and any(oy == y0 and x0 < ox < x1 for ox, oy in others)
    return (x0 + x1) / 2, (y0 + y1) / 2 + (11.25 if bent else 0)


def _mark_text(mark: _Mark) -> str:
    n = len(_reports(mark))
    return mark.label + (f" \u00d7{n}" if n > 1 else "")


def _reports(mark: _Mark) -> list[str]:
    return sorted({c.article for c in mark.claims})


def _meeting_tag(mark: _Mark) -> str:
    return f" \u00b7 {mark.meeting}" if mark.meeting else ""


def _mark_svg(ctx: _Context, mark: _Mark, max_label: float) -> str:
    reports = _reports(mark)
    year = "year unknown" if mark.col is None else str(mark.col)
    tip_lines = [f"{mark.label} \u2014 {row_label(mark.row)}, {year}{_meeting_tag(mark)}"]
    tip_lines += [f"{c.article}:{c.line}  \u201c{_clean(c.matched or c.display)}\u201d"
                  + (" (attributed)" if c.attributed else "") for c in mark.claims]
    held = sorted({f"{f.verdict.value} {f.rule}" for c in mark.claims
                   for f in ctx.by_claim.get(c.id, ())})
    if held:
        tip_lines.append("findings: " + ", ".join(held))
    tip = "&#10;".join(_esc(line) for line in tip_lines)
    if mark.verdict is None:
        dot = shape_svg(mark.shape, mark.x, mark.y, 4.5, "#ffffff", NEUTRAL, 1.6)
        ink, weight = "#2d3748", "400"
    else:
        dot = shape_svg(mark.shape, mark.x, mark.y, 5.5, COLOR[mark.verdict], "#ffffff", 1.5)
        ink, weight = COLOR[mark.verdict], "700"
    small = "<tspan fill=\"#718096\" font-weight=\"400\" font-size=\"11\">"
    count = f"{small} \u00d7{len(reports)}</tspan>" if len(reports) > 1 else ""
    room = max_label - (_px(f" x{len(reports)}", 11) if count else 0)
    return (f"<g class=\"mark\"><title>{tip}</title>{dot}"
            f"<text x=\"{mark.x - 5:.1f}\" y=\"{mark.y - 9:.1f}\" font-size=\"12\" "
            f"font-weight=\"{weight}\" fill=\"{ink}\" stroke=\"#ffffff\" stroke-width=\"3\" "
            f"stroke-linejoin=\"round\" paint-order=\"stroke\">"
            f"{_esc(_fit(mark.label, room, 12))}{count}</text></g>\n")


def shape_svg(shape: str, x: float, y: float, r: float, fill: str, stroke: str,
              width: float) -> str:
    """A mark: circle, diamond, square or triangle of radius about r, centred on (x, y)."""
    paint = f"fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\""
    if shape == "diamond":
        r *= 1.3
        return (f"<path d=\"M{x:.1f},{y - r:.1f} L{x + r:.1f},{y:.1f} L{x:.1f},{y + r:.1f} "
                f"L{x - r:.1f},{y:.1f} Z\" {paint}/>")
    if shape == "square":
        r *= 0.9
        return (f"<rect x=\"{x - r:.1f}\" y=\"{y - r:.1f}\" width=\"{2 * r:.1f}\" "
                f"height=\"{2 * r:.1f}\" {paint}/>")
    if shape == "triangle":
        r *= 1.25
        return (f"<path d=\"M{x:.1f},{y - r:.1f} L{x + r:.1f},{y + r * 0.8:.1f} "
                f"L{x - r:.1f},{y + r * 0.8:.1f} Z\" {paint}/>")
    return f"<circle cx=\"{x:.1f}\" cy=\"{y:.1f}\" r=\"{r}\" {paint}/>"


# ---------------------------------------------------------------- findings


def _finding_card(ctx: _Context, finding: Finding) -> str:
    v = finding.verdict.value
    classes = f"finding v-{v}" + (" suppressed" if finding.suppressed else "")
    severity = finding.severity
    default = SEVERITY[finding.verdict]
    sev_note = "" if severity == default else f" (configured; {default} by default)"
    out = [f"<article class=\"{classes}\" id=\"{_esc(finding.id)}\">\n<header>"
           f"<span class=\"badge v-{v}\">{v}</span>"
           f"<span class=\"rule\"><code>{_esc(finding.rule)}</code> {_esc(finding.name)}</span>"
           f"<span class=\"sev s-{_esc(severity)}\">{_esc(severity)}{_esc(sev_note)}</span>"
           + ("<span class=\"sev\">suppressed by front matter</span>" if finding.suppressed else "")
           + f"<a class=\"fid\" href=\"#{_esc(finding.id)}\"><code>{_esc(finding.id)}</code></a>"
           "</header>\n"
           f"<p class=\"where\"><span>{_esc(row_label(finding.slot))}</span> \u00b7 "
           f"{_esc(finding.series)}"
           + (f" \u00b7 <b>{_esc(finding.occurrence)}</b>" if finding.occurrence else "")
           + f" \u00b7 <span class=\"slot\">slot <code>{_esc(finding.slot)}</code></span>"
           f" \u00b7 confidence {_esc(finding.confidence)}</p>\n"
           f"<p class=\"explain\">{_esc(finding.explanation)}</p>\n<div class=\"body\">\n"
           "<div class=\"sides\">\n"]
    for i, side in enumerate(finding.sides):
        letter = SIDE_LETTERS[i % len(SIDE_LETTERS)]
        years = ", ".join(str(y) for y in side.years) if side.years else "year unknown"
        out.append(f"<section class=\"side\"><h4><span class=\"letter\">{letter}</span>"
                   f"<span class=\"value\">{_esc(side.value)}</span>"
                   f"<span class=\"years{' unknown' if not side.years else ''}\">{_esc(years)}</span>"
                   f"</h4>\n<ul class=\"quotes\">\n")
        items = []
        for cid in side.claims:
            claim = ctx.claims.get(cid)
            items.append(_quote_item(ctx, claim) if claim is not None else
                         f"<li class=\"missing\">claim <code>{_esc(cid)}</code> not in the corpus</li>\n")
        out.extend(items[:QUOTES_SHOWN + 1] if len(items) <= QUOTES_SHOWN + 1 else items[:QUOTES_SHOWN])
        if len(items) > QUOTES_SHOWN + 1:  # the rest folded away, open without a script
            out.append(f"</ul>\n<details class=\"more\"><summary>{len(items) - QUOTES_SHOWN} more "
                       f"quotes of this value</summary>\n<ul class=\"quotes\">\n")
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
        tags.append(f"<span class=\"tag{' unknown' if occ.year is None else ''}\">"
                    f"{_esc(occ.label.removeprefix(occ.series).strip())}</span>")
    if claim.attributed:
        tags.append("<span class=\"tag\">attributed</span>")
    if claim.qualifier != "exact":
        tags.append(f"<span class=\"tag\">{_esc(claim.qualifier)}</span>")
    outlet = f" <span class=\"outlet\">{_esc(article.outlet)}</span>" if article and article.outlet else ""
    return (f"<li><div class=\"loc\"><code>{_esc(claim.article)}:{claim.line}</code>{outlet}"
            f"{''.join(tags)}</div><blockquote>{highlighted_html(claim)}</blockquote></li>\n")


def highlighted_html(claim: Claim) -> str:
    """The claim's sentence, escaped, with its value words in <mark>."""
    quote = claim.quote
    value = claim.matched
    at = claim.value_start - claim.start
    if not value or quote[at:at + len(value)] != value:
        at = quote.find(value) if value else -1
    if at < 0:
        return _esc(quote)
    before, inside, after = quote[:at], quote[at:at + len(value)], quote[at + len(value):]
    return (_esc(before, strip=False).lstrip() + f"<mark>{_esc(inside)}</mark>"
            + _esc(after, strip=False).rstrip())


# ---------------------------------------------------------------- claim graph


def _graph_figure(ctx: _Context, finding: Finding) -> str:
    return (f"<figure class=\"graph\">{graph_svg(ctx, finding)}<figcaption>Claim graph "
            "neighbourhood: reports \u2192 claims \u2192 what they are about.</figcaption></figure>\n")


def graph_svg(ctx: _Context, finding: Finding) -> str:
    """The finding's neighbourhood in the claim graph, in three columns: reports, the claims
    (grouped by side, lettered as in the card), and the entities and series they are about."""
    g = ctx.graph()
    per_side = [sorted((c for c in side.claims if c in ctx.claims and f"claim:{c}" in g),
                       key=lambda c: (ctx.claims[c].article, ctx.claims[c].line, c))
                for side in finding.sides]
    # at most GRAPH_MAX_CLAIMS claims, dealt round the sides so that every side shows
    quota = [0] * len(per_side)
    room = GRAPH_MAX_CLAIMS
    while room and any(q < len(ids) for q, ids in zip(quota, per_side, strict=True)):
        for i, ids in enumerate(per_side):
            if room and quota[i] < len(ids):
                quota[i] += 1
                room -= 1
    claim_nodes = [(i, f"claim:{c}") for i, ids in enumerate(per_side) for c in ids[:quota[i]]]
    hidden = sum(len(ids) for ids in per_side) - len(claim_nodes)
    reports: list[str] = []
    targets: list[str] = []
    edges: list[tuple[str, str, str]] = []
    for _, node in claim_nodes:
        for src, _, data in sorted(g.in_edges(node, data=True),
                                   key=lambda e: (e[0], e[2].get("kind", ""))):
            if data.get("kind") == "states":
                if src not in reports:
                    reports.append(src)
                edges.append((src, node, "states"))
        for _, dst, data in sorted(g.out_edges(node, data=True),
                                   key=lambda e: (e[1], e[2].get("kind", ""))):
            if data.get("kind") == "about":
                if dst not in targets:
                    targets.append(dst)
                edges.append((node, dst, "about"))
    targets.sort(key=lambda n: (g.nodes[n].get("kind") == "series", n))

    pitch, box_h, top = 26.0, 20.0, 12.0
    col_x = (6.0, 170.0, 340.0)
    col_w = (136.0, 134.0, 144.0)
    width = col_x[2] + col_w[2] + 6
    # claims: a little extra room between sides
    claim_y: dict[str, float] = {}
    y = top
    prev_side = None
    for side, node in claim_nodes:
        if prev_side is not None and side != prev_side:
            y += 10
        claim_y[node] = y
        y += pitch
        prev_side = side
    claims_h = y - top + (16 if hidden else 0)
    height = max(claims_h, len(reports) * pitch, len(targets) * pitch) + 2 * top

    def column(nodes: list[str]) -> dict[str, float]:
        span = len(nodes) * pitch
        start = top + (height - 2 * top - span) / 2
        return {n: start + i * pitch for i, n in enumerate(nodes)}

    offset = (height - 2 * top - claims_h) / 2
    claim_y = {n: v + offset for n, v in claim_y.items()}
    report_y = column(reports)
    target_y = column(targets)
    pos = {**{n: (col_x[0], v) for n, v in report_y.items()},
           **{n: (col_x[1], v) for n, v in claim_y.items()},
           **{n: (col_x[2], v) for n, v in target_y.items()}}
    widths = {**{n: col_w[0] for n in report_y}, **{n: col_w[1] for n in claim_y},
              **{n: col_w[2] for n in target_y}}

    color = "#a0aec0" if finding.suppressed else COLOR[finding.verdict]
    tint = "#edf2f7" if finding.suppressed else TINT[finding.verdict]
    svg = [f"<svg class=\"cgraph\" role=\"img\" "
           f"width=\"{width:.0f}\" height=\"{height:.0f}\" viewBox=\"0 0 {width:.0f} {height:.0f}\" "
           f"font-family=\"{FONT}\"><title>Claim graph of finding {_esc(finding.id)}</title>\n"]
    for src, dst, kind in edges:
        (x1, y1), (x2, y2) = pos[src], pos[dst]
        x1 += widths[src]
        y1 += box_h / 2
        y2 += box_h / 2
        mid = (x1 + x2) / 2
        stroke = "#a0aec0" if kind == "states" else "#cbd5e0"
        svg.append(f"<path d=\"M{x1:.1f},{y1:.1f} C{mid:.1f},{y1:.1f} {mid:.1f},{y2:.1f} "
                   f"{x2:.1f},{y2:.1f}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1.2\"/>\n")
    # the finding itself: an arc from the first claim of each side to the next side's
    firsts = []
    for i in range(len(finding.sides)):
        nodes = [n for s, n in claim_nodes if s == i]
        if nodes:
            firsts.append(nodes[0])
    dash = f" stroke-dasharray=\"{DASH[finding.verdict]}\"" if DASH[finding.verdict] else ""
    for a, b in zip(firsts, firsts[1:], strict=False):
        x = col_x[1] + col_w[1]
        ya, yb = claim_y[a] + box_h / 2, claim_y[b] + box_h / 2
        bulge = x + 16 + min(20.0, (yb - ya) / 6)
        svg.append(f"<path d=\"M{x:.1f},{ya:.1f} C{bulge:.1f},{ya:.1f} {bulge:.1f},{yb:.1f} "
                   f"{x:.1f},{yb:.1f}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"2\"{dash}>"
                   f"<title>{_esc(finding.verdict.value)}</title></path>\n")
    for node, (x, y) in pos.items():
        data = g.nodes[node]
        kind = data.get("kind", "")
        if kind == "report":
            label = str(data.get("label", "")).rsplit("/", 1)[-1]
            occ = ctx.occurrence(str(data.get("label", "")))
            year = str(occ.year) if occ and occ.year else "?"
            text, tip = f"{label}", f"{data.get('label', '')} ({year})"
            fill, stroke, ink = "#ffffff", "#a0aec0", "#2d3748"
            text = f"{year} \u00b7 {text}"
        elif kind == "claim":
            cid = node.removeprefix("claim:")
            claim = ctx.claims.get(cid)
            side = next(s for s, n in claim_nodes if n == node)
            letter = SIDE_LETTERS[side % len(SIDE_LETTERS)]
            text = short_value(claim) if claim else str(data.get("label", ""))
            tip = f"{letter}: {claim.display if claim else ''} ({cid})"
            fill, stroke, ink = tint, color, "#1a202c"
        elif kind == "series":
            text = tip = str(data.get("label", ""))
            fill, stroke, ink = "#2d3748", "#2d3748", "#ffffff"
        else:
            text = tip = str(data.get("label", ""))
            fill, stroke, ink = "#edf2f7", "#a0aec0", "#2d3748"
        w = widths[node]
        radius = 10 if kind in ("entity", "series") else 4
        pad = 7.0
        badge = ""
        if kind == "claim":
            pad = 22.0
            badge = (f"<rect x=\"{x + 3:.1f}\" y=\"{y + 3:.1f}\" width=\"14\" height=\"14\" rx=\"3\" "
                     f"fill=\"{color}\"/><text x=\"{x + 10:.1f}\" y=\"{y + 14:.1f}\" font-size=\"10\" "
                     f"font-weight=\"700\" fill=\"#ffffff\" text-anchor=\"middle\">{letter}</text>")
        svg.append(f"<g><title>{_esc(tip)}</title><rect x=\"{x:.1f}\" y=\"{y:.1f}\" width=\"{w:.0f}\" "
                   f"height=\"{box_h:.0f}\" rx=\"{radius}\" fill=\"{fill}\" stroke=\"{stroke}\" "
                   f"stroke-width=\"1.2\"/>{badge}<text x=\"{x + pad:.1f}\" y=\"{y + 14:.1f}\" "
                   f"font-size=\"11\" fill=\"{ink}\">{_esc(_fit(_clean(text), w - pad - 5, 11))}"
                   "</text></g>\n")
    if hidden:
        svg.append(f"<text x=\"{col_x[1]:.0f}\" y=\"{height - top:.0f}\" font-size=\"11\" "
                   f"fill=\"#718096\">+{hidden} more claims</text>\n")
    svg.append("</svg>")
    return "".join(svg)


# ---------------------------------------------------------------- reports


def _reports_section(ctx: _Context) -> str:
    out = ["<section class=\"reports\">\n<h2>Reports</h2>\n<table class=\"rtable\">\n<thead><tr>"
           "<th>report</th><th>series</th><th>placed in</th><th>because</th></tr></thead>\n<tbody>\n"]
    for article in ctx.corpus.articles:
        occ = ctx.occurrence(article.path)
        published = article.published.isoformat() if article.published else None
        meta = " \u00b7 ".join(_esc(x) for x in (article.title, article.outlet, published, article.url)
                               if x)
        where = "unplaced"
        unknown = True
        if occ is not None:
            unknown = occ.year is None
            where = (str(occ.year) if occ.year else "year unknown") + (
                f" {occ.meeting}" if occ.meeting else "")
            if occ.year and not occ.meeting_known:
                where += " (meeting unknown)"
                unknown = True
        evidence = "<br>".join(f"<b>{_esc(e.source)}</b>: {_esc(e.detail)}"
                               for e in (occ.evidence if occ else ()))
        if unknown and not evidence:
            evidence = ("<i>nothing in the report tells its year: a <code>published:</code> date in "
                        "its front matter would settle it</i>")
        warnings = "".join(f"<div class=\"warn\">{_esc(w)}</div>" for w in article.warnings)
        meta_html = f"<div class=\"meta\">{meta}</div>" if meta else ""
        out.append(f"<tr><td><code>{_esc(article.path)}</code>{meta_html}{warnings}</td>"
                   f"<td>{_esc(occ.series) if occ else ''}</td>"
                   f"<td class=\"{'unknown' if unknown else ''}\">{_esc(where)}</td>"
                   f"<td class=\"ev\">{evidence}</td></tr>\n")
    out.append("</tbody>\n</table>\n")
    if ctx.corpus.skipped:
        out.append("<h3>Skipped</h3>\n<ul class=\"skipped\">\n")
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
