"""The import graph of src/unspin: no cycle, and no stage importing one after it. Counts every
import, at the top, inside functions and for type checking alone."""

from __future__ import annotations

import ast
from pathlib import Path

from repo_paths import REPO

SRC = REPO / "src" / "unspin"
# What each stage may import from unspin (besides errors, limits and finding_types, which
# import nothing of unspin): the flow read -> segment -> find -> align -> detect -> report.
MAY_IMPORT = {
    "text": set(),
    "model": {"text"},
    "segmentation": {"model", "text"},
    "align": {"model", "text"},
    "detect": {"model", "text", "segmentation"},
    "summary": {"model", "text"},
    "report": {"model", "text", "segmentation"},
}
BASE = {"errors", "limits", "finding_types"}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _graph() -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([node.module] if node.module else []))
                # `from package import module` names the module; other names, the package.
                targets = [
                    f"{base}.{a.name}" if f"{base}.{a.name}" in modules else base
                    for a in node.names
                ]
            else:
                continue
            for target in targets:
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                if target.startswith("unspin") and target != name:
                    found.add(target)
        graph[name] = found
    return graph


def _stage(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def test_the_import_graph_has_no_cycle() -> None:
    graph = _graph()
    seen: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(module: str, path: list[str]) -> None:
        seen[module] = 1
        for target in sorted(graph[module]):
            assert seen.get(target) != 1, " -> ".join([*path, module, target])
            if target not in seen:
                visit(target, [*path, module])
        seen[module] = 2

    for module in sorted(graph):
        if module not in seen:
            visit(module, [])


def test_no_stage_imports_a_later_one() -> None:
    for module, targets in _graph().items():
        stage = _stage(module)
        if stage in MAY_IMPORT:
            later = {
                _stage(t)
                for t in targets
                if _stage(t) != stage and _stage(t) not in MAY_IMPORT[stage] | BASE
            }
            assert not later, f"{module} imports {sorted(later)}"
