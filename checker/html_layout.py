"""The geometry of the HTML report's pictures, apart from the markup that draws them.

    chart_marks(claims, occurrences, findings_of, series) -> tuple[Mark, ...]
    timeline_layout(marks, findings) -> Timeline
    finding_neighbourhood(finding, claims_by_id, occurrences) -> Neighbourhood
    graph_layout(neighbourhood) -> ClaimGraph

Everything here is a pure function of its arguments returning frozen records: where each mark,
row, year column, box and line goes, and every label as it is shown, already cut to the width
it has. checker.html turns these records into SVG; it decides colours and markup, never a
position. Text is measured with a generous approximation of a sans-serif face (no font is
loaded), so a label fits in any browser.

Labels are display text, not markup: the caller escapes them.
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from checker.cache import compile_pattern
from checker.engine import place
from checker.families import family_of_slot
from checker.kinds import kind_of
from checker.models import VERDICT_RANK, Claim, Finding, Occurrence, Verdict
from checker.report import timeline_columns

Point = tuple[float, float]

SHAPES = ("circle", "diamond", "square", "triangle")
SIDE_LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
GRAPH_MAX_CLAIMS = 12
MAX_SHOWN = 4_000  # characters of any one text on the page (a sentence is at most 2,000)
_BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
_SPACE = compile_pattern(r"\s+")
_NARROW = set("fijlrtI1.,:;'|!()[] ")
_WIDE = set("mwMW@%")


# ---------------------------------------------------------------- text


def clean_text(value: object, strip: bool = True) -> str:
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


def fit_text(text: str, width: float, size: float = 12) -> str:
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
            return text[: max(keep, min(3, len(text)))].rstrip() + "\u2026"
    return text


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


def text_width(text: str, size: float = 12) -> float:
    """Approximate rendered width of text in pixels."""
    em = 0.0
    for ch in text:
        em += _em(ch)
    return em * size


def side_letter(side: int) -> str:
    """The letter a finding's side goes by, in its card and in its claim graph."""
    return SIDE_LETTERS[side % len(SIDE_LETTERS)]


def short_value(claim: Claim, year: int | None = None) -> str:
    """A claim's value as a short chart label: '16th', '2005', '58', '116–20–53', 'Mon 17 Dec'
    (a date leaves out its year where it is the given year)."""
    try:
        label = _value_label(claim, year)
    except (TypeError, ValueError):
        label = None
    return label if label is not None else _display_label(claim)


def _value_label(claim: Claim, year: int | None) -> str | None:
    """The label read from the claim's value by its kind, or None where the kind has no short form."""
    return kind_of(claim).chart(claim, year)


def _display_label(claim: Claim) -> str:
    """The claim as displayed, without the actor the row already names."""
    actor = claim.detail("actor")
    display = clean_text(claim.display)
    if actor and display.startswith(str(actor)) and len(display) > len(str(actor)):
        display = display[len(str(actor)) :].strip().removeprefix("voted ")
    return display


def row_label(row: str) -> str:
    columns = timeline_columns()
    if row in columns:
        return columns[row]
    head, _, rest = row.partition(":")
    kind = family_of_slot(head).label
    rest = rest.replace(":", " \u00b7 ")
    return f"{kind}: {rest}" if rest and rest != "series" else kind


# ---------------------------------------------------------------- paths


@dataclass(frozen=True)
class Path:
    """A line to draw: a start, then pieces that are straight (one point, the end) or cubic
    (three points: two controls and the end)."""

    start: Point
    pieces: tuple[tuple[Point, ...], ...]


def route(points: Sequence[Point], others: Sequence[Point]) -> Path:
    """A path through the points; a segment that would run through another mark bends
    around it (below a row, left of a column)."""
    (x0, y0), pieces = points[0], []
    for x1, y1 in points[1:]:
        if y0 == y1 and any(oy == y0 and x0 < ox < x1 for ox, oy in others):
            pieces.append(((x0 + 24, y0 + 15), (x1 - 24, y1 + 15), (x1, y1)))
        elif x0 == x1 and any(ox == x0 and min(y0, y1) < oy < max(y0, y1) for ox, oy in others):
            pieces.append(((x0 - 14, y0 + 8), (x1 - 14, y1 - 8), (x1, y1)))
        elif x0 != x1 and y0 != y1:  # leave and arrive level, below the labels
            bend = min(60.0, (x1 - x0) / 2)
            pieces.append(((x0 + bend, y0), (x1 - bend, y1), (x1, y1)))
        else:
            pieces.append(((x1, y1),))
        x0, y0 = x1, y1
    return Path(points[0], tuple(pieces))


def badge_spot(points: Sequence[Point], others: Sequence[Point]) -> Point:
    """Where a finding's number goes: on its first segment, halfway (left of it when the
    segment is vertical); left of the mark when the finding has one mark only."""
    if len(points) == 1:
        return points[0][0] - 17, points[0][1]
    (x0, y0), (x1, y1) = points[0], points[1]
    if x0 == x1:
        return x0 - 15, (y0 + y1) / 2
    bent = y0 == y1 and any(oy == y0 and x0 < ox < x1 for ox, oy in others)
    return (x0 + x1) / 2, (y0 + y1) / 2 + (11.25 if bent else 0)


# ---------------------------------------------------------------- timeline: marks


@dataclass(frozen=True)
class Mark:
    """One value as a series' reports state it: a row (the claim slot), a year column (None:
    year unknown), the value's label, the meeting where a series meets more than once a year,
    the claims that say it and the strongest verdict of their findings."""

    row: str
    year: int | None
    label: str
    meeting: str | None
    claims: tuple[Claim, ...]
    verdict: Verdict | None

    @property
    def reports(self) -> tuple[str, ...]:
        return tuple(sorted({c.article for c in self.claims}))

    @property
    def text(self) -> str:
        """The label with how many reports state it, as the chart shows it."""
        n = len(self.reports)
        return self.label + (f" \u00d7{n}" if n > 1 else "")


def strongest_verdict(findings: Iterable[Finding]) -> Verdict | None:
    """The strongest verdict of the findings that are not suppressed."""
    found = [f.verdict for f in findings if not f.suppressed]
    return max(found, key=VERDICT_RANK.__getitem__) if found else None


def chart_marks(
    claims: Iterable[Claim],
    occurrences: Mapping[str, Occurrence],
    findings_of: Mapping[str, Sequence[Finding]],
    series: str,
) -> tuple[Mark, ...]:
    """The marks of one series: its reports' claims grouped by row, year, meeting and value,
    in the order of those four."""
    placed = _placed_claims(claims, occurrences, findings_of, series)
    # meetings are told apart only where the series has more than one
    split = len({meeting for _, _, meeting, _ in placed if meeting}) > 1
    groups: dict[tuple[str, int | None, str, str], tuple[str | None, list[Claim]]] = {}
    for row, year, meeting, claim in placed:
        meeting = meeting if split else None
        label = short_value(claim, year)
        _, members = groups.setdefault((row, year, meeting or "", label), (meeting, []))
        if all(c.id != claim.id for c in members):
            members.append(claim)
    order = sorted(groups, key=lambda k: (k[0], -1 if k[1] is None else k[1], k[2], k[3]))
    return tuple(_mark(key, *groups[key], findings_of) for key in order)


def _placed_claims(
    claims: Iterable[Claim],
    occurrences: Mapping[str, Occurrence],
    findings_of: Mapping[str, Sequence[Finding]],
    series: str,
) -> list[tuple[str, int | None, str | None, Claim]]:
    """(row, year, meeting, claim) for every year a charted claim of the series speaks for.
    A claim is charted when a finding involves it, or when it states a slot of its own
    (not a speaker's words, not the count of a sub-series)."""
    placed: list[tuple[str, int | None, str | None, Claim]] = []
    for claim in claims:
        occ = occurrences.get(claim.article)
        if occ is None or occ.series != series:
            continue
        held = [f for f in findings_of.get(claim.id, ()) if not f.suppressed] or list(
            findings_of.get(claim.id, ())
        )
        row = _row_of(claim, held[0].slot if held else None)
        if not held and (row not in timeline_columns() or claim.attributed or claim.counted):
            continue
        for item in place(claim, occ):
            placed.append((row, item.year, item.meeting, claim))
    return placed


def _mark(
    key: tuple[str, int | None, str, str],
    meeting: str | None,
    members: list[Claim],
    findings_of: Mapping[str, Sequence[Finding]],
) -> Mark:
    row, year, _, label = key
    claims = tuple(sorted(members, key=lambda c: (c.article, c.line, c.start, c.id)))
    verdict = strongest_verdict(f for c in claims for f in findings_of.get(c.id, ()))
    return Mark(row, year, label, meeting, claims, verdict)


def _row_of(claim: Claim, finding_slot: str | None) -> str:
    if claim.counted:  # a count or start of a sub-series ("the 7th time by consensus")
        return f"{claim.slot}:{claim.counted}"
    if claim.slot in timeline_columns():
        return claim.slot
    if finding_slot:  # a rule that keys claims its own way (a person by name) names the row
        return finding_slot
    return claim.slot


def row_order(rows: Iterable[str]) -> list[str]:
    """The report's slots first, in their usual order, then the rest by label."""
    base = list(timeline_columns())
    return sorted(
        set(rows), key=lambda r: (base.index(r) if r in base else len(base), row_label(r).lower(), r)
    )


def meeting_shapes(marks: Iterable[Mark]) -> dict[str, str]:
    """One mark shape per meeting, the commonest meeting a circle; none where the marks
    name fewer than two meetings."""
    counts = Counter(m.meeting for m in marks if m.meeting)
    if len(counts) < 2:
        return {}
    ordered = sorted(counts, key=lambda k: (-counts[k], k))
    return {meeting: SHAPES[i % len(SHAPES)] for i, meeting in enumerate(ordered)}


# ---------------------------------------------------------------- timeline: layout


@dataclass(frozen=True)
class TimelineGeometry:
    gutter: float = 160.0  # left of the first year: the row labels
    top: float = 56.0  # above the first row: the year heads
    pitch: float = 30.0  # between two marks of one cell
    inset: float = 22.0  # from a column's left edge to its marks
    gap_unknown: float = 16.0  # before the year-unknown column, which stands apart
    target: float = 1020.0  # the width of the page a chart stretches or shrinks to
    max_label: float = 150.0  # the widest a mark's label gets
    min_column: float = 84.0
    min_shared: float = 112.0  # narrowest a column shrinks to; wider than that, the chart scrolls


TIMELINE = TimelineGeometry()


@dataclass(frozen=True)
class Column:
    year: int | None  # None: the reports whose year cannot be told
    x: float
    width: float
    after_gap: bool  # years are missing between the column before and this one


@dataclass(frozen=True)
class Row:
    key: str
    label: str  # whole, for the tooltip
    lines: tuple[str, ...]  # as shown: one line, or two where it is too wide, each cut to fit
    y: float
    height: float
    label_x: float  # where the label's lines end (they are right-aligned)
    label_y: float  # the baseline of its first line


@dataclass(frozen=True)
class PlacedMark:
    mark: Mark
    shape: str
    x: float  # the centre of the mark
    y: float
    label: str  # the value cut to the room its column leaves

    @property
    def reports(self) -> int:
        return len(self.mark.reports)


@dataclass(frozen=True)
class FindingLine:
    number: int  # the finding's place in the series' list, counted from 1
    finding: Finding
    path: Path | None  # None where the finding has one mark on the chart
    badge: Point  # where its number goes


@dataclass(frozen=True)
class Timeline:
    geometry: TimelineGeometry
    width: float
    height: float
    rows: tuple[Row, ...]
    columns: tuple[Column, ...]
    marks: tuple[PlacedMark, ...]  # in the order of the marks given
    lines: tuple[FindingLine, ...]  # the findings that have a mark on the chart
    shapes: tuple[tuple[str, str], ...]  # (meeting, shape), in the legend's order

    @property
    def unknown(self) -> Column | None:
        return next((c for c in self.columns if c.year is None), None)


def timeline_layout(
    marks: Sequence[Mark], findings: Sequence[Finding], geometry: TimelineGeometry = TIMELINE
) -> Timeline:
    """Years across (the year-unknown column last, apart), one row per claim slot, each mark
    under its year in its row; the findings as lines through the marks they join."""
    if not marks:
        raise ValueError("a timeline needs at least one mark")
    years = sorted({m.year for m in marks if m.year is not None})
    years_shown: list[int | None] = [*years, *([None] if any(m.year is None for m in marks) else [])]
    columns, width = _columns(years_shown, _column_widths(marks, years_shown, geometry), geometry)
    cells = _cells(marks)
    rows, height = _rows(row_order(m.row for m in marks), cells, years_shown, geometry)
    shapes = meeting_shapes(marks)
    placed = _place_marks(
        marks, cells, {c.year: c for c in columns}, {r.key: r for r in rows}, shapes, geometry
    )
    return Timeline(
        geometry,
        width,
        height,
        rows,
        columns,
        placed,
        _finding_lines(placed, findings),
        tuple(shapes.items()),
    )


def _column_widths(
    marks: Sequence[Mark], years: list[int | None], g: TimelineGeometry
) -> dict[int | None, float]:
    """Room for each column's longest label, then stretched to the page width; wider than the
    page, the columns share it down to a readable minimum."""
    widths: dict[int | None, float] = {}
    for year in years:
        need = max(g.inset + 4 + min(g.max_label, text_width(m.text, 12)) for m in marks if m.year == year)
        widths[year] = max(g.min_column, need)
    fixed = g.gutter + (g.gap_unknown if None in widths else 0)
    natural = fixed + sum(widths.values())
    if natural < g.target:
        return {c: w + (g.target - natural) / len(years) for c, w in widths.items()}
    fair = (g.target - fixed) / len(years)
    return {c: max(g.min_shared, min(w, fair)) for c, w in widths.items()}


def _columns(
    years: list[int | None], widths: dict[int | None, float], g: TimelineGeometry
) -> tuple[tuple[Column, ...], float]:
    """The columns left to right, and the chart's width."""
    columns: list[Column] = []
    x = g.gutter
    previous: int | None = None
    for year in years:
        x += g.gap_unknown if year is None else 0
        after_gap = year is not None and previous is not None and year - previous > 1
        columns.append(Column(year, x, widths[year], after_gap))
        x += widths[year]
        previous = year
    return tuple(columns), x


def _cells(marks: Sequence[Mark]) -> dict[tuple[str, int | None], list[int]]:
    """The marks of each (row, year) cell, by index, top to bottom: marks in findings first,
    so that the lines joining them stay on a cell's top line."""
    cells: dict[tuple[str, int | None], list[int]] = defaultdict(list)
    for i, mark in enumerate(marks):
        cells[(mark.row, mark.year)].append(i)
    for cell in cells.values():
        cell.sort(key=lambda i: (marks[i].verdict is None, marks[i].meeting or "", marks[i].label))
    return cells


def _rows(
    keys: list[str],
    cells: Mapping[tuple[str, int | None], list[int]],
    years: list[int | None],
    g: TimelineGeometry,
) -> tuple[tuple[Row, ...], float]:
    """The rows top to bottom, each as tall as its fullest cell, and the chart's height."""
    rows: list[Row] = []
    y = g.top
    for key in keys:
        height = max(len(cells.get((key, year), [])) for year in years) * g.pitch + 12
        label = row_label(key)
        lines = _row_label_lines(label, g.gutter - 24)
        rows.append(Row(key, label, lines, y, height, g.gutter - 16, y + 32 - 7.5 * (len(lines) - 1)))
        y += height
    return tuple(rows), y + 8


def _row_label_lines(label: str, room: float) -> tuple[str, ...]:
    """A row label on one line, or broken after its colon where it is too wide; each line
    cut to the room."""
    lines = [label]
    if text_width(label, 13.5) > room and ": " in label:  # bold text runs wider
        head, _, rest = label.partition(": ")
        lines = [head + ":", rest]
    return tuple(fit_text(line, room, 13.5) for line in lines)


def _place_marks(
    marks: Sequence[Mark],
    cells: Mapping[tuple[str, int | None], list[int]],
    columns: Mapping[int | None, Column],
    rows: Mapping[str, Row],
    shapes: Mapping[str, str],
    g: TimelineGeometry,
) -> tuple[PlacedMark, ...]:
    at: dict[int, Point] = {}
    for (row, year), cell in cells.items():
        for n, i in enumerate(cell):
            at[i] = (columns[year].x + g.inset, rows[row].y + 28 + n * g.pitch)
    placed = []
    for i, mark in enumerate(marks):
        room = min(g.max_label, columns[mark.year].width - g.inset - 2)
        if len(mark.reports) > 1:  # the count follows the label, in a smaller size
            room -= text_width(f" x{len(mark.reports)}", 11)
        placed.append(
            PlacedMark(mark, shapes.get(mark.meeting or "", "circle"), *at[i], fit_text(mark.label, room, 12))
        )
    return tuple(placed)


def _finding_lines(marks: Sequence[PlacedMark], findings: Sequence[Finding]) -> tuple[FindingLine, ...]:
    """Each finding with a mark on the chart: a line through its marks, and its number on
    the first segment, moved right where another number already sits."""
    lines: list[FindingLine] = []
    taken: set[Point] = set()
    for number, finding in enumerate(findings, start=1):
        ids = {cid for side in finding.sides for cid in side.claims}
        member = [any(c.id in ids for c in m.mark.claims) for m in marks]
        points = sorted({(m.x, m.y) for m, inside in zip(marks, member, strict=True) if inside})
        if not points:
            continue
        others = [(m.x, m.y) for m, inside in zip(marks, member, strict=True) if not inside]
        spot = badge_spot(points, others)
        while spot in taken:
            spot = (spot[0] + 17, spot[1])
        taken.add(spot)
        path = route(points, others) if len(points) > 1 else None
        lines.append(FindingLine(number, finding, path, spot))
    return tuple(lines)


# ---------------------------------------------------------------- claim graph


@dataclass(frozen=True)
class GraphNode:
    id: str  # as in checker.graph: report:PATH, claim:ID, series:NAME or entity:NAME
    kind: str  # report, claim, series or entity
    text: str  # the label, before it is cut to its box
    tip: str
    side: int | None = None  # a claim's side of the finding


@dataclass(frozen=True)
class Neighbourhood:
    """The part of the claim graph one finding touches: the claims it shows (by side), the
    reports that state them, the series and entities they are about, and the edges between."""

    claims: tuple[GraphNode, ...]  # side by side; a claim on two sides comes twice
    reports: tuple[GraphNode, ...]
    targets: tuple[GraphNode, ...]  # entities, then series
    edges: tuple[tuple[str, str, str], ...]  # (from id, to id, states | about)
    hidden: int  # claims left out for room


def deal_claims(sizes: Sequence[int], limit: int) -> list[int]:
    """How many claims of each side to show, at most limit in all: dealt round the sides one
    at a time, so that every side shows."""
    quota = [0] * len(sizes)
    room = limit
    while room and any(q < n for q, n in zip(quota, sizes, strict=True)):
        for i, n in enumerate(sizes):
            if room and quota[i] < n:
                quota[i] += 1
                room -= 1
    return quota


def finding_neighbourhood(
    finding: Finding,
    claims_by_id: Mapping[str, Sequence[Claim]],
    occurrences: Mapping[str, Occurrence],
    limit: int = GRAPH_MAX_CLAIMS,
) -> Neighbourhood:
    """The finding's neighbourhood, built from its own claims (claims_by_id: every claim of
    the corpus under its id, in corpus order; the last is the one shown)."""
    per_side = [
        sorted(
            (c for c in side.claims if c in claims_by_id),
            key=lambda c: (claims_by_id[c][-1].article, claims_by_id[c][-1].line, c),
        )
        for side in finding.sides
    ]
    quota = deal_claims([len(ids) for ids in per_side], limit)
    shown = [(i, c) for i, ids in enumerate(per_side) for c in ids[: quota[i]]]
    sides: dict[str, int] = {}
    for side, cid in shown:
        sides.setdefault(cid, side)  # a claim on two sides is lettered as on the first
    claims = tuple(_claim_node(cid, side, sides[cid], claims_by_id[cid][-1]) for side, cid in shown)
    reports, targets, edges = _links([cid for _, cid in shown], claims_by_id, occurrences)
    return Neighbourhood(
        claims,
        tuple(_report_node(path, occurrences) for path in reports),
        targets,
        edges,
        sum(len(ids) for ids in per_side) - len(shown),
    )


def _claim_node(cid: str, side: int, lettered_as: int, claim: Claim) -> GraphNode:
    tip = f"{side_letter(lettered_as)}: {claim.display} ({cid})"
    return GraphNode(f"claim:{cid}", "claim", short_value(claim), tip, side)


def _report_node(path: str, occurrences: Mapping[str, Occurrence]) -> GraphNode:
    occ = occurrences.get(path)
    year = str(occ.year) if occ and occ.year else "?"
    return GraphNode(
        f"report:{path}", "report", f"{year} \u00b7 {path.rsplit('/', 1)[-1]}", f"{path} ({year})"
    )


def _links(
    shown: list[str], claims_by_id: Mapping[str, Sequence[Claim]], occurrences: Mapping[str, Occurrence]
) -> tuple[list[str], tuple[GraphNode, ...], tuple[tuple[str, str, str], ...]]:
    """The reports stating the shown claims (paths, in order of first use), what the claims
    are about (entities, then series, each by name) and the edges, claim by claim."""
    reports: list[str] = []
    targets: dict[str, GraphNode] = {}
    edges: list[tuple[str, str, str]] = []
    for cid in shown:
        node, statements = f"claim:{cid}", claims_by_id[cid]
        for path in sorted({c.article for c in statements}):
            if path not in reports:
                reports.append(path)
            edges.append((f"report:{path}", node, "states"))
        about = _about(statements, occurrences)
        for target in sorted(about):
            targets.setdefault(target, about[target])
            edges.append((node, target, "about"))
    order = sorted(targets.values(), key=lambda t: (t.kind == "series", t.id))
    return reports, tuple(order), tuple(edges)


def _about(statements: Sequence[Claim], occurrences: Mapping[str, Occurrence]) -> dict[str, GraphNode]:
    """The series of the reports that state a claim, and the actors it names, by node id."""
    about: dict[str, GraphNode] = {}
    for claim in statements:
        occ = occurrences.get(claim.article)
        if occ is not None:
            node = GraphNode(f"series:{occ.series}", "series", occ.series, occ.series)
            about.setdefault(node.id, node)
        actor = claim.detail("actor")
        if actor:
            node = GraphNode(f"entity:{actor}", "entity", str(actor), str(actor))
            about.setdefault(node.id, node)
    return about


@dataclass(frozen=True)
class GraphGeometry:
    pitch: float = 26.0  # from one box to the next in a column
    box_height: float = 20.0
    margin: float = 12.0  # above the first box and below the last
    column_x: tuple[float, float, float] = (6.0, 170.0, 340.0)  # reports, claims, targets
    column_width: tuple[float, float, float] = (136.0, 134.0, 144.0)
    side_gap: float = 10.0  # extra room between two sides' claims
    note_room: float = 16.0  # for the "+n more claims" line


GRAPH = GraphGeometry()


@dataclass(frozen=True)
class Box:
    node: GraphNode
    x: float  # top left
    y: float
    width: float
    label: str  # the node's text cut to the box
    label_x: float  # where the label starts (a claim's starts after its side letter)


@dataclass(frozen=True)
class ClaimGraph:
    geometry: GraphGeometry
    width: float
    height: float
    edges: tuple[tuple[str, Path], ...]  # (states | about, path), from right edge to left edge
    arcs: tuple[Path, ...]  # the finding: the first claim of each side to the next side's
    boxes: tuple[Box, ...]  # reports, claims, targets
    hidden: int
    note_at: Point  # the "+n more claims" line, where claims were left out


def graph_layout(hood: Neighbourhood, geometry: GraphGeometry = GRAPH) -> ClaimGraph:
    """Three columns, each centred on the tallest: reports, the claims side by side, what
    they are about; an edge is a curve from one box's right edge to the other's left."""
    g = geometry
    claim_y, claims_height = _claim_rows(hood, g)
    height = max(claims_height, len(hood.reports) * g.pitch, len(hood.targets) * g.pitch) + 2 * g.margin
    offset = (height - 2 * g.margin - claims_height) / 2
    claim_y = {n: y + offset for n, y in claim_y.items()}
    nodes = {n.id: n for n in hood.claims[::-1]}  # a claim shown twice is drawn as the first
    boxes = {
        **_column_boxes(hood.reports, _centred(len(hood.reports), height, g), 0, g),
        **_column_boxes([nodes[n] for n in claim_y], list(claim_y.values()), 1, g),
        **_column_boxes(hood.targets, _centred(len(hood.targets), height, g), 2, g),
    }
    edges = tuple((kind, _edge_path(boxes[src], boxes[dst], g)) for src, dst, kind in hood.edges)
    width = g.column_x[2] + g.column_width[2] + 6
    return ClaimGraph(
        g,
        width,
        height,
        edges,
        _side_arcs(hood, claim_y, g),
        tuple(boxes.values()),
        hood.hidden,
        (g.column_x[1], height - g.margin),
    )


def _claim_rows(hood: Neighbourhood, g: GraphGeometry) -> tuple[dict[str, float], float]:
    """The top of each claim's box, counted from the margin, and the claims' height."""
    claim_y: dict[str, float] = {}
    y = g.margin
    previous = None
    for node in hood.claims:
        if previous is not None and node.side != previous:
            y += g.side_gap
        claim_y[node.id] = y
        y += g.pitch
        previous = node.side
    return claim_y, y - g.margin + (g.note_room if hood.hidden else 0)


def _centred(count: int, height: float, g: GraphGeometry) -> list[float]:
    start = g.margin + (height - 2 * g.margin - count * g.pitch) / 2
    return [start + i * g.pitch for i in range(count)]


def _column_boxes(
    nodes: Sequence[GraphNode], tops: Sequence[float], column: int, g: GraphGeometry
) -> dict[str, Box]:
    x, width = g.column_x[column], g.column_width[column]
    boxes = {}
    for node, y in zip(nodes, tops, strict=True):
        pad = 22.0 if node.kind == "claim" else 7.0  # a claim's side letter comes first
        boxes[node.id] = Box(node, x, y, width, fit_text(clean_text(node.text), width - pad - 5, 11), x + pad)
    return boxes


def _edge_path(src: Box, dst: Box, g: GraphGeometry) -> Path:
    x1, y1 = src.x + src.width, src.y + g.box_height / 2
    x2, y2 = dst.x, dst.y + g.box_height / 2
    mid = (x1 + x2) / 2
    return Path((x1, y1), (((mid, y1), (mid, y2), (x2, y2)),))


def _side_arcs(hood: Neighbourhood, claim_y: Mapping[str, float], g: GraphGeometry) -> tuple[Path, ...]:
    """The finding itself: an arc right of the claims from each side's first claim to the
    next side's, bulging more the further apart they are."""
    firsts: list[str] = []
    for side in sorted({n.side for n in hood.claims if n.side is not None}):
        firsts.append(next(n.id for n in hood.claims if n.side == side))
    x = g.column_x[1] + g.column_width[1]
    arcs = []
    for a, b in zip(firsts, firsts[1:], strict=False):
        ya, yb = claim_y[a] + g.box_height / 2, claim_y[b] + g.box_height / 2
        bulge = x + 16 + min(20.0, (yb - ya) / 6)
        arcs.append(Path((x, ya), (((bulge, ya), (bulge, yb), (x, yb)),)))
    return tuple(arcs)
