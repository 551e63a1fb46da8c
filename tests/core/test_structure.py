"""The shape the code keeps: no import circle inside annotator.core, and only the store speaks SQL."""
from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2] / "annotator"
SQL = re.compile(r"\b(SELECT\s+.+\s+FROM|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|CREATE\s+(TABLE|VIEW|INDEX|TRIGGER)"
                 r"|PRAGMA\s+\w+)", re.IGNORECASE | re.DOTALL)


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Modules of annotator.core this file imports, TYPE_CHECKING imports included."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("annotator.core"):
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("annotator.core"))
    return found


def graph() -> dict[str, set[str]]:
    files = {module_name(p): p for p in (ROOT / "core").rglob("*.py")}
    # a package's own __init__ is not an edge to each of its modules
    return {name: {m for m in imports(path) if m in files and m != name and not name.startswith(m + ".")}
            for name, path in files.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    found, state, stack = [], {}, []

    def visit(node: str) -> None:
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt)
        stack.pop()
        state[node] = "done"
    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def test_no_import_circle_inside_the_core():
    assert cycles(graph()) == []


def test_the_cycle_finder_finds_a_circle():
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == [["a", "b", "c", "a"]]


def test_only_the_store_speaks_sql():
    speakers = []
    for path in ROOT.rglob("*.py"):
        if "store" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                speakers.append(f"{path.relative_to(ROOT)}:{node.lineno}")
            if isinstance(node, ast.Attribute) and node.attr in ("execute", "executemany", "query", "conn"):
                speakers.append(f"{path.relative_to(ROOT)}:{node.lineno} .{node.attr}")
    assert speakers == []


def test_the_sql_finder_sees_sql():
    assert SQL.search("SELECT id FROM spans") and SQL.search("PRAGMA data_version")
    assert not SQL.search("select the text, then press a digit")
