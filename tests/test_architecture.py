"""The house: imports flow one way (no cycle, also none hidden inside a function), and no
function in checker/ is longer than a screen."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("checker", "rules")
MAX_FUNCTION_LINES = 60


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _modules() -> dict[str, ast.Module]:
    return {
        _module_name(p): ast.parse(p.read_text(encoding="utf-8"))
        for package in PACKAGES
        for p in sorted((ROOT / package).rglob("*.py"))
    }


def _imported(node: ast.AST, known: set[str]) -> set[str]:
    """The project's modules an import statement names (a package's name counts as it)."""
    names: list[str] = []
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
        names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
    return {n for n in names if n in known}


def import_graph() -> nx.DiGraph:
    """Every import of the project's modules by each other, at module level or inside a
    function alike; imports only for type checking are left out."""
    modules = _modules()
    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, tree in modules.items():
        typing_only = {
            id(n)
            for node in ast.walk(tree)
            if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING"
            for n in ast.walk(node)
        }
        for node in ast.walk(tree):
            if id(node) in typing_only:
                continue
            for target in _imported(node, set(modules)) - {name}:
                graph.add_edge(name, target)
    return graph


def test_no_import_cycle() -> None:
    graph = import_graph()
    # a package's __init__ that gathers its modules is not a cycle through them
    packages = {n for n in graph if (ROOT / n.replace(".", "/") / "__init__.py").is_file()}
    graph.remove_edges_from(
        [
            (a, b)
            for a, b in list(graph.edges)
            if a in packages and b.startswith(a + ".") or b in packages and a.startswith(b + ".")
        ]
    )
    cycles = sorted(sorted(c) for c in nx.simple_cycles(graph))
    assert cycles == [], f"import cycles: {cycles}"


def test_the_pipeline_never_imports_the_command_line_or_a_renderer() -> None:
    graph = import_graph()
    below = nx.descendants(graph, "checker.pipeline") | {"checker.pipeline"}
    assert not below & {"checker.cli", "checker.html", "checker.outputs", "checker.formats", "checker.report"}


def test_no_function_in_checker_is_longer_than_a_screen() -> None:
    long = [
        f"{name}.{node.name}: {node.end_lineno - node.lineno + 1} lines"
        for name, tree in _modules().items()
        if name.startswith("checker")
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert long == []
