"""The import graph of generator/: no cycles between modules, and no import from a lower layer
to a higher one (docs/design.md, "Layers")."""

from __future__ import annotations

import ast
from pathlib import Path

import generator

PACKAGE = Path(generator.__file__).parent

# Layer of each top-level module or package of generator/, lowest first. A module may import
# its own layer and the layers below it.
LAYERS: dict[str, int] = {
    "errors": 0,
    "model": 0,
    "content_cache": 0,
    "registry": 0,
    "config": 1,  # options only: what the project's pyproject.toml says
    "writer": 1,
    "spec_io": 1,
    "constraints": 1,
    "sources": 2,
    "readers": 2,
    "mining": 3,  # reads the prose lines readers hand over (readers.Lines, ReadResult)
    "protocols": 3,
    "providers": 3,
    "example_check": 4,
    "overlays": 4,
    "extract": 4,
    "runtime_files": 5,
    "render": 5,
    "diff": 6,
    "build_memo": 6,
    "mock_runner": 6,
    "cli": 7,
}


def forbidden(module: str, imported: str) -> bool:
    """Pairs the layer order allows but the design does not: mining knows the readers'
    interface (generator.readers), never a doc family; protocols know no renderer."""
    if top(module) == "mining" and imported.startswith("generator.readers."):
        return True
    return top(module) in ("protocols", "providers") and top(imported) == "render"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports_of(path: Path) -> set[str]:
    """Modules of `generator` that a file imports, module-level and inside functions alike."""
    here = module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("generator"))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
            else:
                base = []
            target = base + (node.module.split(".") if node.module else [])
            if not target or target[0] != "generator":
                continue
            if node.module is None or node.level and not node.module:
                found.update(".".join(target + [a.name]) for a in node.names)
            else:
                found.add(".".join(target))
                found.update(".".join(target + [a.name]) for a in node.names)
    known = {module_name(p) for p in PACKAGE.rglob("*.py")}
    return {name for name in found if name in known and name != module_name(path)}


def graph() -> dict[str, set[str]]:
    return {module_name(p): imports_of(p) for p in sorted(PACKAGE.rglob("*.py"))}


def top(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def test_every_module_has_a_layer() -> None:
    missing = sorted({top(m) for m in graph()} - set(LAYERS) - {"generator"})
    assert not missing, f"add {missing} to LAYERS and to docs/design.md"


def test_no_import_goes_up_a_layer() -> None:
    wrong = []
    for module, imported in graph().items():
        if module == "generator":
            continue
        for name in imported:
            low, high = top(module), top(name)
            if low == high or high == "generator":
                continue
            if LAYERS[high] > LAYERS[low] or forbidden(module, name):
                wrong.append(f"{module} imports {name}")
    assert not wrong, "\n".join(sorted(wrong))


def test_no_cycles() -> None:
    edges = {m: {n for n in deps if not m.startswith(n + ".")} for m, deps in graph().items()}
    # a package's __init__ importing its own submodules is not a cycle of layers
    for module in edges:
        edges[module] = {n for n in edges[module] if not n.startswith(module + ".")}
    seen: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[str] = []

    def visit(node: str) -> None:
        seen[node] = 1
        stack.append(node)
        for nxt in sorted(edges.get(node, ())):
            if seen.get(nxt) == 1:
                cycles.append(" -> ".join(stack[stack.index(nxt) :] + [nxt]))
            elif nxt not in seen:
                visit(nxt)
        stack.pop()
        seen[node] = 2

    for node in sorted(edges):
        if node not in seen:
            visit(node)
    assert not cycles, "\n".join(cycles)


def test_the_checker_sees_an_upward_import(tmp_path: Path) -> None:
    """The graph reader finds relative imports at any depth, so the tests above can fail."""
    found = imports_of(PACKAGE / "render" / "openapi.py")
    assert "generator.protocols" in found and "generator.model" in found
