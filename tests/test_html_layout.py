"""The HTML report's layout, apart from its markup: where the timeline puts years, rows, marks
and finding lines, how labels are cut to their room, and the claim graph of one finding."""

from __future__ import annotations

import random

import pytest

from checker.graph import build_graph
from checker.html_layout import (
    GraphGeometry,
    TimelineGeometry,
    chart_marks,
    deal_claims,
    finding_neighbourhood,
    fit_text,
    graph_layout,
    route,
    short_value,
    text_width,
    timeline_layout,
)
from checker.models import Claim, Corpus, Finding, Occurrence, Side, Verdict

SERIES = "Lakeside Summit"
OCCURRENCES = {
    "news/r2019.md": Occurrence(SERIES, 2019, None, True),
    "news/r2020a.md": Occurrence(SERIES, 2020, None, True),
    "news/r2020b.md": Occurrence(SERIES, 2020, None, True),
    "news/r2020c.md": Occurrence(SERIES, 2020, None, True),
    "news/r2022.md": Occurrence(SERIES, 2022, None, True),
    "news/undated.md": Occurrence(SERIES, None, None, True),
    "news/elsewhere.md": Occurrence("Hill Forum", 2020, None, True),
}


def count(cid: str, article: str, n: int, line: int = 3, **more) -> Claim:
    """A claim that the summit was held for the nth time."""
    quote = f"The summit met for the {n}th time."
    at = quote.index(f"{n}th")
    return Claim(
        id=cid,
        article=article,
        line=line,
        start=0,
        end=len(quote),
        value_start=at,
        value_end=at + len(f"{n}th"),
        quote=quote,
        matched=f"{n}th",
        family="recurrence",
        slot="ordinal",
        value=n,
        display=f"{n}th time",
        **more,
    )


def sponsor(cid: str, article: str, actor: str, line: int = 5) -> Claim:
    quote = f"{actor} co-sponsored the text."
    return Claim(
        id=cid,
        article=article,
        line=line,
        start=0,
        end=len(quote),
        value_start=0,
        value_end=len(actor),
        quote=quote,
        matched=actor,
        family="participation",
        slot=f"sponsor:{actor}",
        value=True,
        display=f"{actor} a co-sponsor",
        extra=(("actor", actor),),
    )


CLAIMS = (
    count("c19", "news/r2019.md", 10),
    count("c20a", "news/r2020a.md", 11),
    count("c20b", "news/r2020b.md", 11),
    count("c20c", "news/r2020c.md", 12),
    count("c22", "news/r2022.md", 13),
    count("cxx", "news/undated.md", 11),
    count("celse", "news/elsewhere.md", 4),
    sponsor("s20a", "news/r2020a.md", "Chile"),
    sponsor("s20c", "news/r2020c.md", "Chile", line=6),
)
TWO_SIDES = Finding(
    id="F1",
    rule="FL101",
    name="ordinal-year",
    series=SERIES,
    slot="ordinal:series",
    verdict=Verdict.CONFLICT,
    sides=(
        Side("11th", ("c20a", "c20b"), ("news/r2020a.md", "news/r2020b.md"), (2020,)),
        Side("12th", ("c20c",), ("news/r2020c.md",), (2020,)),
    ),
    explanation="Two counts for one year.",
)
UNKNOWN_YEAR = Finding(
    id="F2",
    rule="FL104",
    name="unplaced",
    series=SERIES,
    slot="ordinal:series",
    verdict=Verdict.UNRESOLVED,
    sides=(
        Side("11th", ("cxx",), ("news/undated.md",), ()),
        Side("13th", ("c22",), ("news/r2022.md",), (2022,)),
    ),
    explanation="The undated report cannot be placed.",
)
FINDINGS = (TWO_SIDES, UNKNOWN_YEAR)


def findings_of(findings=FINDINGS) -> dict[str, list[Finding]]:
    out: dict[str, list[Finding]] = {}
    for finding in findings:
        for side in finding.sides:
            for cid in side.claims:
                out.setdefault(cid, []).append(finding)
    return out


def claims_by_id(claims=CLAIMS) -> dict[str, list[Claim]]:
    out: dict[str, list[Claim]] = {}
    for claim in claims:
        out.setdefault(claim.id, []).append(claim)
    return out


def summit_marks(claims=CLAIMS, findings=FINDINGS):
    return chart_marks(claims, OCCURRENCES, findings_of(findings), SERIES)


def summit_timeline(claims=CLAIMS, findings=FINDINGS):
    return timeline_layout(summit_marks(claims, findings), findings)


# ---------------------------------------------------------------- marks


def test_marks_group_one_value_of_one_year_and_keep_to_the_series():
    marks = summit_marks()
    assert [(m.row, m.year, m.label) for m in marks] == [
        ("ordinal", None, "11th"),
        ("ordinal", 2019, "10th"),
        ("ordinal", 2020, "11th"),
        ("ordinal", 2020, "12th"),
        ("ordinal", 2022, "13th"),
    ]
    eleven = marks[2]
    assert eleven.reports == ("news/r2020a.md", "news/r2020b.md") and eleven.text == "11th \u00d72"
    # the sponsor claims are in no finding and their slot is not one of the report's: not charted
    assert all(c.slot == "ordinal" for m in marks for c in m.claims)
    assert [m.verdict for m in marks] == [
        Verdict.UNRESOLVED,
        None,
        Verdict.CONFLICT,
        Verdict.CONFLICT,
        Verdict.UNRESOLVED,
    ]


def test_a_suppressed_finding_does_not_colour_its_marks():
    quiet = Finding(**{**{f: getattr(TWO_SIDES, f) for f in TWO_SIDES.__slots__}, "suppressed": True})
    marks = summit_marks(findings=(quiet,))
    assert [m.verdict for m in marks if m.year == 2020] == [None, None]


def test_meetings_get_shapes_only_where_a_series_meets_more_than_once_a_year():
    spring = Occurrence(SERIES, 2020, "spring", True)
    autumn = Occurrence(SERIES, 2020, "autumn", True)
    occurrences = {"a.md": spring, "b.md": spring, "c.md": autumn}
    claims = (count("a", "a.md", 11), count("b", "b.md", 12), count("c", "c.md", 11))
    chart = timeline_layout(chart_marks(claims, occurrences, {}, SERIES), ())
    assert chart.shapes == (("spring", "circle"), ("autumn", "diamond"))  # the commonest a circle
    assert {(m.mark.meeting, m.shape) for m in chart.marks} == {("spring", "circle"), ("autumn", "diamond")}
    one = {"a.md": spring, "b.md": spring}
    assert timeline_layout(chart_marks(claims[:2], one, {}, SERIES), ()).shapes == ()


# ---------------------------------------------------------------- timeline


def test_years_run_left_to_right_with_the_unknown_year_last_and_apart():
    chart = summit_timeline()
    g = chart.geometry
    assert [c.year for c in chart.columns] == [2019, 2020, 2022, None]
    xs = [c.x for c in chart.columns]
    assert xs == sorted(xs) and len(set(xs)) == len(xs)
    assert xs[0] == g.gutter
    for before, after in zip(chart.columns, chart.columns[1:-1], strict=False):
        assert after.x == pytest.approx(before.x + before.width)  # years touch
    last, unknown = chart.columns[-2], chart.columns[-1]
    assert unknown.x == pytest.approx(last.x + last.width + g.gap_unknown)
    assert chart.unknown is unknown
    assert [c.after_gap for c in chart.columns] == [False, False, True, False]  # 2021 is missing
    # a narrow chart is stretched to the page
    assert chart.width == pytest.approx(g.target)
    # every mark sits in its year's column, x growing with the year
    for placed in chart.marks:
        column = next(c for c in chart.columns if c.year == placed.mark.year)
        assert column.x < placed.x < column.x + column.width
    known = sorted((m.mark.year, m.x) for m in chart.marks if m.mark.year is not None)
    assert [x for _, x in known] == sorted(x for _, x in known)


def test_a_wide_chart_shares_the_page_down_to_a_minimum_then_scrolls():
    long_name = "Ambassador Extraordinary and Plenipotentiary of the Kingdom"
    occurrences = {f"r{year}.md": Occurrence(SERIES, year, None, True) for year in range(2000, 2016)}
    occurrences |= {f"again{year}.md": Occurrence(SERIES, year, None, True) for year in (2000, 2001)}
    claims = tuple(
        Claim(
            id=f"p{path}",
            article=path,
            line=1,
            start=0,
            end=10,
            value_start=0,
            value_end=5,
            quote=long_name,
            matched=long_name,
            family="person",
            slot="person:chair",
            value=f"{long_name} {occ.year}",
            display=long_name,
        )
        for path, occ in sorted(occurrences.items())
    )
    finding = Finding(
        id="F",
        rule="FL1",
        name="person",
        series=SERIES,
        slot="person:chair",
        verdict=Verdict.VARIANT,
        sides=tuple(Side(c.value, (c.id,), (c.article,), ()) for c in claims),
        explanation="",
    )
    chart = timeline_layout(chart_marks(claims, occurrences, findings_of((finding,)), SERIES), (finding,))
    g = chart.geometry
    assert len(chart.columns) == 16
    assert all(c.width == g.min_shared for c in chart.columns)
    assert chart.width > g.target
    assert sorted(m.reports for m in chart.marks)[-3:] == [1, 2, 2]
    for placed in chart.marks:  # each label is cut to its column, with room for the count
        assert placed.label.endswith("\u2026")
        count_width = text_width(f" x{placed.reports}", 11) if placed.reports > 1 else 0
        assert text_width(placed.label, 12) + count_width <= g.min_shared - g.inset - 2


def test_no_two_marks_of_a_row_overlap_and_each_stays_in_its_row():
    many = tuple(count(f"m{n}", "news/r2020a.md", n, line=n) for n in range(20, 25))
    chart = summit_timeline(claims=CLAIMS + many)
    g = chart.geometry
    assert len(chart.rows) == 1
    row = chart.rows[0]
    in_2020 = sorted(m.y for m in chart.marks if m.mark.year == 2020)
    assert len(in_2020) == 7
    assert all(b - a >= g.pitch for a, b in zip(in_2020, in_2020[1:], strict=False))
    spots = [(m.x, m.y) for m in chart.marks]
    assert len(set(spots)) == len(spots)
    for placed in chart.marks:
        assert row.y < placed.y - 9 - 12 and placed.y < row.y + row.height  # label above the mark
    assert chart.height == pytest.approx(row.y + row.height + 8)
    # marks a finding involves come first in their cell, so its line stays on the top line
    top_of_2020 = min((m for m in chart.marks if m.mark.year == 2020), key=lambda m: m.y)
    assert top_of_2020.mark.verdict is Verdict.CONFLICT


def test_rows_stack_in_order_and_their_labels_fit_the_gutter():
    counted = count("k", "news/r2019.md", 7, counted="a very long description of what recurs here")
    chart = summit_timeline(
        claims=CLAIMS + (counted,),
        findings=FINDINGS
        + (
            Finding(
                id="F3",
                rule="FL101",
                name="x",
                series=SERIES,
                slot="ordinal:x",
                verdict=Verdict.VARIANT,
                sides=(Side("7th", ("k",), ("news/r2019.md",), ()),),
                explanation="",
            ),
        ),
    )
    g = chart.geometry
    assert [r.key for r in chart.rows][0] == "ordinal"  # the report's own slots first
    for above, below in zip(chart.rows, chart.rows[1:], strict=False):
        assert below.y == pytest.approx(above.y + above.height)
    assert chart.rows[0].y == g.top
    long_row = chart.rows[1]
    assert len(long_row.lines) == 2 and long_row.lines[0] == "count:"  # broken after the colon
    assert long_row.lines[1].endswith("\u2026")
    assert long_row.label_y < chart.rows[0].label_y + long_row.y - chart.rows[0].y  # raised
    for row in chart.rows:
        assert all(text_width(line, 13.5) <= g.gutter - 24 for line in row.lines)


def test_labels_fit_their_column_and_leave_room_for_the_count():
    chart = summit_timeline()
    g = chart.geometry
    for placed in chart.marks:
        column = next(c for c in chart.columns if c.year == placed.mark.year)
        room = min(g.max_label, column.width - g.inset - 2)
        count_width = text_width(f" x{placed.reports}", 11) if placed.reports > 1 else 0
        assert text_width(placed.label, 12) + count_width <= room
        assert placed.label == placed.mark.label  # short labels are not cut


def test_finding_lines_join_their_marks_and_numbers_do_not_collide():
    chart = summit_timeline()
    first, second = chart.lines
    assert (first.number, first.finding.id, second.number, second.finding.id) == (1, "F1", 2, "F2")
    at = {m.mark.label + str(m.mark.year): (m.x, m.y) for m in chart.marks}
    # the conflict joins 11th and 12th of 2020, one above the other: a straight vertical line
    assert first.path is not None
    assert first.path.start == at["11th2020"] and first.path.pieces == ((at["12th2020"],),)
    assert first.badge == (at["11th2020"][0] - 15, (at["11th2020"][1] + at["12th2020"][1]) / 2)
    # the unplaced finding runs from 2022 to the year-unknown column
    assert second.path is not None and second.path.start == at["13th2022"]
    assert second.path.pieces[-1][-1] == at["11thNone"]
    assert first.badge != second.badge
    # a finding none of whose claims is charted gets no line, and the numbers keep their places
    elsewhere = Finding(
        id="F0",
        rule="FL1",
        name="x",
        series=SERIES,
        slot="ordinal:series",
        verdict=Verdict.CONFLICT,
        sides=(Side("4th", ("nope",), (), ()),),
        explanation="",
    )
    chart = timeline_layout(summit_marks(), (elsewhere, *FINDINGS))
    assert [line.number for line in chart.lines] == [2, 3]


def test_a_number_moves_right_where_another_sits():
    same = Finding(**{**{f: getattr(TWO_SIDES, f) for f in TWO_SIDES.__slots__}, "id": "F1b"})
    chart = timeline_layout(summit_marks(findings=(TWO_SIDES, same)), (TWO_SIDES, same))
    a, b = chart.lines
    assert b.badge == (a.badge[0] + 17, a.badge[1])


def test_a_line_bends_around_a_mark_it_would_cross():
    straight = route([(0.0, 10.0), (100.0, 10.0)], [(50.0, 40.0)])
    assert straight.pieces == (((100.0, 10.0),),)
    around = route([(0.0, 10.0), (100.0, 10.0)], [(50.0, 10.0)])
    (piece,) = around.pieces
    assert len(piece) == 3 and piece[-1] == (100.0, 10.0)
    assert piece[0][1] > 10 and piece[1][1] > 10  # below the row
    beside = route([(0.0, 10.0), (0.0, 70.0)], [(0.0, 40.0)])
    assert all(x < 0 for x, _ in beside.pieces[0][:2])  # left of the column
    across = route([(0.0, 10.0), (200.0, 70.0)], [])
    assert across.pieces[0][0] == (60.0, 10.0)  # leaves level


def test_the_timeline_is_deterministic_whatever_the_order_of_the_claims():
    expected = summit_timeline()
    assert summit_timeline() == expected
    rnd = random.Random(3)
    for _ in range(5):
        shuffled = list(CLAIMS)
        rnd.shuffle(shuffled)
        assert summit_timeline(claims=tuple(shuffled)) == expected


def test_the_timeline_follows_its_geometry():
    chart = timeline_layout(
        summit_marks(), FINDINGS, TimelineGeometry(gutter=100.0, target=700.0, pitch=40.0)
    )
    assert chart.columns[0].x == 100.0 and chart.width == pytest.approx(700.0)
    assert chart.rows[0].label_x == 100.0 - 16
    in_2020 = sorted(m.y for m in chart.marks if m.mark.year == 2020)
    assert in_2020[1] - in_2020[0] == 40.0


def test_a_timeline_needs_a_mark():
    with pytest.raises(ValueError):
        timeline_layout((), FINDINGS)


# ---------------------------------------------------------------- labels


def test_fit_text_keeps_what_fits_and_cuts_the_rest_with_an_ellipsis():
    assert fit_text("16th", 100) == "16th"
    cut = fit_text("Ambassador Extraordinary and Plenipotentiary", 100)
    assert cut.endswith("\u2026") and text_width(cut) <= 100
    assert "Ambassador Extraordinary".startswith(cut[:-1])
    assert fit_text("Ambassador", 1) == "Amb\u2026"  # at least three characters


def test_short_values():
    assert short_value(count("x", "a.md", 16)) == "16th"
    date = Claim(
        id="d",
        article="a.md",
        line=1,
        start=0,
        end=1,
        value_start=0,
        value_end=1,
        quote="",
        matched="",
        family="date",
        slot="event-date",
        value=(2020, 12, 17, 3),
        display="Thursday 17 December 2020",
    )
    assert short_value(date) == "Thu 17 Dec 2020"
    assert short_value(date, 2020) == "Thu 17 Dec"  # the year is the column's


# ---------------------------------------------------------------- claim graph


def test_the_neighbourhood_is_the_findings_own_claims_reports_and_targets():
    hood = finding_neighbourhood(TWO_SIDES, claims_by_id(), OCCURRENCES)
    assert [(n.id, n.side) for n in hood.claims] == [("claim:c20a", 0), ("claim:c20b", 0), ("claim:c20c", 1)]
    assert [n.id for n in hood.reports] == [
        "report:news/r2020a.md",
        "report:news/r2020b.md",
        "report:news/r2020c.md",
    ]
    assert [n.id for n in hood.targets] == [f"series:{SERIES}"]
    assert hood.hidden == 0
    assert hood.reports[0].text == "2020 \u00b7 r2020a.md"
    assert hood.claims[2].tip == "B: 12th time (c20c)" and hood.claims[2].text == "12th"
    # nothing of the rest of the corpus: not the other reports, not the sponsor claims
    everything = {n.id for n in (*hood.claims, *hood.reports, *hood.targets)}
    assert not any("2019" in n or "elsewhere" in n or "s20" in n for n in everything)


def test_the_neighbourhood_is_the_corpus_graph_around_the_findings_claims():
    """The same nodes and edges as the whole corpus's claim graph holds around the claims."""
    corpus = Corpus((), CLAIMS, OCCURRENCES, FINDINGS)
    whole = build_graph(corpus)
    by_id = claims_by_id()
    for finding in FINDINGS:
        hood = finding_neighbourhood(finding, by_id, OCCURRENCES)
        expected = set()
        for node in hood.claims:
            expected |= {
                (u, v, d["kind"]) for u, v, d in whole.in_edges(node.id, data=True) if d["kind"] == "states"
            }
            expected |= {
                (u, v, d["kind"]) for u, v, d in whole.out_edges(node.id, data=True) if d["kind"] == "about"
            }
        assert set(hood.edges) == expected
        for node in (*hood.reports, *hood.targets):
            assert whole.nodes[node.id]["kind"] == node.kind


def test_an_actor_is_an_entity_drawn_before_the_series():
    sponsors = Finding(
        id="S",
        rule="FL2",
        name="sponsor",
        series=SERIES,
        slot="sponsor:Chile",
        verdict=Verdict.VARIANT,
        sides=(
            Side("yes", ("s20a",), ("news/r2020a.md",), (2020,)),
            Side("yes", ("s20c",), ("news/r2020c.md",), (2020,)),
        ),
        explanation="",
    )
    hood = finding_neighbourhood(sponsors, claims_by_id(), OCCURRENCES)
    assert [(n.id, n.kind) for n in hood.targets] == [
        ("entity:Chile", "entity"),
        (f"series:{SERIES}", "series"),
    ]
    assert hood.edges.count(("claim:s20a", "entity:Chile", "about")) == 1


def test_claims_are_dealt_round_the_sides_so_that_every_side_shows():
    assert deal_claims([30, 1], 12) == [11, 1]
    assert deal_claims([5, 5, 5], 12) == [4, 4, 4]
    assert deal_claims([2, 3], 12) == [2, 3]
    many = tuple(count(f"m{n:02d}", "news/r2020a.md", 11, line=n) for n in range(30))
    finding = Finding(
        id="L",
        rule="FL101",
        name="x",
        series=SERIES,
        slot="ordinal:series",
        verdict=Verdict.CONFLICT,
        sides=(Side("11th", tuple(c.id for c in many), (), ()), Side("12th", ("c20c",), (), ())),
        explanation="",
    )
    hood = finding_neighbourhood(finding, claims_by_id(CLAIMS + many), OCCURRENCES)
    assert [n.side for n in hood.claims].count(1) == 1
    assert len(hood.claims) == 12 and hood.hidden == 19
    graph = graph_layout(hood)
    assert graph.hidden == 19 and graph.note_at[1] == graph.height - graph.geometry.margin


def test_the_graph_layout_puts_three_columns_of_boxes_that_do_not_overlap():
    hood = finding_neighbourhood(TWO_SIDES, claims_by_id(), OCCURRENCES)
    graph = graph_layout(hood)
    g = graph.geometry
    kinds = {"report": 0, "claim": 1, "series": 2, "entity": 2}
    for box in graph.boxes:
        column = kinds[box.node.kind]
        assert (box.x, box.width) == (g.column_x[column], g.column_width[column])
        assert g.margin <= box.y and box.y + g.box_height <= graph.height - g.margin
        # the label fits its box, after the side letter of a claim
        assert text_width(box.label, 11) <= box.x + box.width - box.label_x - 5
    for column in (0, 1, 2):
        tops = sorted(b.y for b in graph.boxes if b.x == g.column_x[column])
        assert all(b - a >= g.box_height for a, b in zip(tops, tops[1:], strict=False))
        # each column centred on the picture (a block of n boxes spans n pitches)
        assert (tops[0] + tops[-1] + g.pitch) / 2 == pytest.approx(graph.height / 2)
    claims = [b for b in graph.boxes if b.node.kind == "claim"]
    assert [b.node.id for b in claims] == ["claim:c20a", "claim:c20b", "claim:c20c"]
    assert claims[2].y - claims[1].y == pytest.approx(g.pitch + g.side_gap)  # sides apart
    assert graph.width == g.column_x[2] + g.column_width[2] + 6


def test_edges_run_from_box_to_box_and_the_finding_joins_its_sides():
    hood = finding_neighbourhood(TWO_SIDES, claims_by_id(), OCCURRENCES)
    graph = graph_layout(hood)
    half = graph.geometry.box_height / 2
    boxes = {b.node.id: b for b in graph.boxes}
    assert len(graph.edges) == len(hood.edges)
    for (kind, path), (src, dst, edge_kind) in zip(graph.edges, hood.edges, strict=True):
        assert kind == edge_kind
        assert path.start == (boxes[src].x + boxes[src].width, boxes[src].y + half)
        assert path.pieces[-1][-1] == (boxes[dst].x, boxes[dst].y + half)
    (arc,) = graph.arcs  # two sides: one arc, from side A's first claim to side B's
    right = boxes["claim:c20a"].x + boxes["claim:c20a"].width
    assert arc.start == (right, boxes["claim:c20a"].y + half)
    assert arc.pieces[-1][-1] == (right, boxes["claim:c20c"].y + half)
    assert arc.pieces[0][0][0] > right  # bulging right of the claims


def test_the_graph_is_deterministic_and_follows_its_geometry():
    by_id = claims_by_id()
    hood = finding_neighbourhood(TWO_SIDES, by_id, OCCURRENCES)
    assert finding_neighbourhood(TWO_SIDES, by_id, OCCURRENCES) == hood
    assert graph_layout(hood) == graph_layout(hood)
    roomy = graph_layout(hood, GraphGeometry(pitch=40.0))
    tops = sorted(b.y for b in roomy.boxes if b.node.kind == "report")
    assert tops[1] - tops[0] == 40.0
