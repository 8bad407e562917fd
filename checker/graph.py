"""The claim graph: reports, claims, entities and series as nodes; what links them as edges."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx

from checker.cache import compile_pattern
from checker.errors import UsageError
from checker.models import Corpus


def build_graph(corpus: Corpus) -> nx.MultiDiGraph:
    """Report -states-> claim -about-> series/entity; claim -conflicts/agrees-> claim."""
    g = nx.MultiDiGraph()
    for path, occ in sorted(corpus.occurrences.items()):
        g.add_node(
            f"report:{path}", kind="report", label=path, year=occ.year or "", meeting=occ.meeting or ""
        )
        g.add_node(f"series:{occ.series}", kind="series", label=occ.series)
        g.add_edge(f"report:{path}", f"series:{occ.series}", key="reports-on", kind="reports-on")
    for claim in corpus.claims:
        node = f"claim:{claim.id}"
        g.add_node(
            node, kind="claim", label=claim.display, slot=claim.slot, line=claim.line, quote=claim.quote
        )
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
            g.add_edge(
                f"claim:{first}",
                f"claim:{other}",
                key=f"agrees:{finding.id}",
                kind="agrees-with",
                rule=finding.rule,
            )
        for later in finding.sides[i + 1 :]:
            g.add_edge(
                f"claim:{first}",
                f"claim:{later.claims[0]}",
                key=finding.id,
                kind=relation,
                rule=finding.rule,
                finding=finding.id,
            )


# What XML 1.0 can hold: tab, line feed, carriage return, U+0020-U+D7FF, U+E000-U+FFFD and
# U+10000 up. Other control characters, lone surrogates, U+FFFE and U+FFFF cannot appear in
# a well-formed document, not even as character references.
_NOT_XML = compile_pattern("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_text(value: Any) -> Any:
    """A string with the characters XML 1.0 cannot hold replaced by U+FFFD; other values as
    they are."""
    return _NOT_XML.sub("\ufffd", value) if isinstance(value, str) else value


def _unused(name: Any, taken: set[Any]) -> Any:
    """name, or name with a number added when another node or edge already holds it."""
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name}~{n}"
    taken.add(candidate)
    return candidate


def xml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of the graph GraphML can carry: node ids, edge keys and every string attribute
    with xml_text applied (a cleaned id that would merge two nodes gets a number added)."""
    out = nx.MultiDiGraph(**{k: xml_text(v) for k, v in g.graph.items()})
    clean = {node for node in g if xml_text(node) == node}
    taken = set(clean)
    names = {node: node if node in clean else _unused(xml_text(node), taken) for node in g}
    for node, attrs in g.nodes(data=True):
        out.add_node(names[node], **{k: xml_text(v) for k, v in attrs.items()})
    keys: dict[tuple[Any, Any], set[Any]] = {}
    for u, v, key, attrs in g.edges(keys=True, data=True):
        pair = keys.setdefault((names[u], names[v]), set())
        out.add_edge(
            names[u],
            names[v],
            key=_unused(xml_text(key), pair),
            **{k: xml_text(value) for k, value in attrs.items()},
        )
    return out


def write_graph(g: nx.MultiDiGraph, path: str) -> None:
    """GraphML for a .graphml path (well-formed XML whatever the reports hold), node-link
    JSON otherwise."""
    try:
        if path.endswith(".graphml"):
            nx.write_graphml(xml_safe(g), path)
            return
        data = nx.node_link_data(g, edges="edges")
        Path(path).write_text(
            json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    except OSError as err:
        raise UsageError(f"cannot write {path}: {err.strerror or err}") from None
