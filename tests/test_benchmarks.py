"""The benchmarks are run by hand, so no test run notices when a rename in unspin leaves one
importing a name that is gone (benchmarks/retrieval.py imported `unspin.find._trigrams` after
it was removed). Their imports from unspin are checked here, without importing the
benchmarks themselves: they need the bench extras and ../shared/data."""

from __future__ import annotations

import ast
import importlib
import importlib.util
from pathlib import Path

import pytest

from repo_paths import BENCHMARKS

SCRIPTS = sorted(BENCHMARKS.rglob("*.py"))


def unspin_imports(path: Path) -> list[tuple[str, str | None]]:
    """(module, name) for each `from unspin... import name`; (module, None) for an
    `import unspin...`."""
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "unspin":
            found += [(node.module or "", alias.name) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(a.name, None) for a in node.names if a.name.split(".")[0] == "unspin"]
    return found


def resolves(module: str, name: str | None) -> bool:
    if not _is_module(module):
        return False
    return (
        name is None
        or hasattr(importlib.import_module(module), name)
        or _is_module(f"{module}.{name}")
    )


def _is_module(dotted: str) -> bool:
    try:
        return importlib.util.find_spec(dotted) is not None
    except ModuleNotFoundError:  # a parent is a module, not a package
        return False


@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: str(p.relative_to(BENCHMARKS)))
def test_every_name_a_benchmark_imports_from_unspin_exists(script: Path) -> None:
    missing = [
        f"{module}.{name}" if name else module
        for module, name in unspin_imports(script)
        if not resolves(module, name)
    ]
    assert missing == []


def test_the_check_sees_a_name_that_is_gone(tmp_path: Path) -> None:
    script = tmp_path / "old.py"
    script.write_text("from unspin.find import _trigrams, rank\nimport unspin.nothing\n")
    assert [resolves(m, n) for m, n in unspin_imports(script)] == [False, True, False]
