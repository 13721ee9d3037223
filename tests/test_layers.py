"""The layout shows the flow, and the imports keep to it: data walks down the layers (files in, the model,
matching, analysis, ranking, planning, the world a command sets up, rendering, the command line), no
package imports one above it, there is no import circle, and only the renderers and the command line know
about Rich or typer."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "skillgap"

# Lowest first: a unit may import units of its own layer or below, never above.
LAYERS: list[set[str]] = [
    # the vocabulary every layer speaks
    {"", "errors", "levels", "kinds", "limits", "dates", "words", "pathnames", "gc_pause", "money",
     "verification", "inert", "processes", "lazy"},
    {"model"},
    {"load", "packed", "parts"},  # files in (and the cache's data-only records of them)
    {"importers", "schema", "match"},
    {"postings", "analyse", "verify"},  # verify: badges checked offline, read by the importers' reader
    {"rank", "teaching", "resumes"},  # resumes: a person's records in, read as postings are
    {"plan", "cohort", "compare", "progress"},
    {"ahead", "world"},  # what a command sets up: catalog + taxonomy + matcher, cached
    {"person", "catalog_search", "catalog_check", "coaching"},
    {"render"},
    {"cli", "__main__", "launch"},
]
LAYER_OF = {unit: rank for rank, units in enumerate(LAYERS) for unit in units}
PRESENTATION = {"render", "cli", "__main__", "launch"}


def _unit(module: str) -> str:
    """skillgap.load.fields -> load; skillgap.model -> model; skillgap -> ''."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else ""


def _modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def _imports(module: str, path: Path) -> list[tuple[str, int]]:
    """Every module this one imports (at the top or inside a function, for type checking or not), by line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module or ""
            found.append((target, node.lineno))
            found += [(f"{target}.{alias.name}", node.lineno) for alias in node.names]
        elif isinstance(node, ast.Import):
            found += [(alias.name, node.lineno) for alias in node.names]
    return found


MODULES = _modules()


def test_every_unit_has_a_layer() -> None:
    units = {_unit(module) for module in MODULES}
    assert units - set(LAYER_OF) == set(), "give each new package or top-level module a layer here"


def test_no_unit_imports_a_layer_above_it() -> None:
    upward = []
    for module, path in MODULES.items():
        mine = _unit(module)
        for target, line in _imports(module, path):
            if target.startswith("skillgap.") and target in MODULES:
                theirs = _unit(target)
                if LAYER_OF.get(theirs, -1) > LAYER_OF.get(mine, -1):
                    upward.append(f"{path.relative_to(ROOT)}:{line}: {mine} imports {theirs} ({target})")
    assert upward == []


def test_there_is_no_import_circle_between_units() -> None:
    graph: dict[str, set[str]] = defaultdict(set)
    for module, path in MODULES.items():
        for target, _ in _imports(module, path):
            if target in MODULES and _unit(target) != _unit(module):
                graph[_unit(module)].add(_unit(target))
    state: dict[str, int] = {}  # 1 on the current path, 2 finished

    def walk(unit: str, trail: list[str]) -> None:
        state[unit] = 1
        for other in sorted(graph[unit]):
            if state.get(other) == 1:
                pytest.fail("import circle: " + " -> ".join([*trail, unit, other]))
            if other not in state:
                walk(other, [*trail, unit])
        state[unit] = 2

    for unit in sorted(graph):
        if unit not in state:
            walk(unit, [])


def test_only_the_renderers_and_the_command_line_know_rich_and_typer() -> None:
    leaks = []
    for module, path in MODULES.items():
        if _unit(module) in PRESENTATION:
            continue
        for target, line in _imports(module, path):
            if target.split(".")[0] in {"rich", "typer", "click"}:
                leaks.append(f"{path.relative_to(ROOT)}:{line}: {target}")
    assert leaks == []
