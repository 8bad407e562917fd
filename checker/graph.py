"""The claim graph: reports, claims, entities and series as nodes; what links them as edges."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx

from checker.errors import UsageError
from checker.models import Corpus


def build_graph(corpus: Corpus) -> nx.MultiDiGraph:
    """Report -states-> claim -about-> series/entity; claim -conflicts/agrees-> claim."""
    g = nx.MultiDiGraph()
    for path, occ in sorted(corpus.occurrences.items()):
        g.add_node(f"report:{path}", kind="report", label=path, year=occ.year or "",
                   meeting=occ.meeting or "")
        g.add_node(f"series:{occ.series}", kind="series", label=occ.series)
        g.add_edge(f"report:{path}", f"series:{occ.series}", key="reports-on", kind="reports-on")
    for claim in corpus.claims:
        node = f"claim:{claim.id}"
        g.add_node(node, kind="claim", label=claim.display, slot=claim.slot, line=claim.line,
                   quote=claim.quote)
        g.add_edge(f"report:{claim.article}", node, key="states", kind="states")
        series = corpus.occurrences[claim.article].series
        g.add_edge(node, f"series:{series}", key="about", kind="about")
        actor = claim.detail("actor")
        if actor:
            g.add_node(f"entity:{actor}", kind="entity", label=actor)
            g.add_edge(node, f"entity:{actor}", key="about", kind="about")
    for finding in corpus.findings:
        _link_sides(g, finding)
    return g


def _link_sides(g: nx.MultiDiGraph, finding) -> None:
    """Claims on different sides conflict; claims on one side agree."""
    relation = "conflicts-with" if finding.verdict.value == "conflict" else finding.verdict.value
    for i, side in enumerate(finding.sides):
        first = side.claims[0]
        for other in side.claims[1:]:
            g.add_edge(f"claim:{first}", f"claim:{other}", key=f"agrees:{finding.id}",
                       kind="agrees-with", rule=finding.rule)
        for later in finding.sides[i + 1:]:
            g.add_edge(f"claim:{first}", f"claim:{later.claims[0]}", key=finding.id,
                       kind=relation, rule=finding.rule, finding=finding.id)


def write_graph(g: nx.MultiDiGraph, path: str) -> None:
    """GraphML for a .graphml path, node-link JSON otherwise."""
    try:
        if path.endswith(".graphml"):
            nx.write_graphml(g, path)
            return
        data = nx.node_link_data(g, edges="edges")
        Path(path).write_text(json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False)
                              + "\n", encoding="utf-8")
    except OSError as err:
        raise UsageError(f"cannot write {path}: {err.strerror or err}") from None
