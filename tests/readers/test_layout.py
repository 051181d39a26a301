"""Every doc family reads pages the same way: one package per family with the same modules, each
with the same job (CONTRIBUTING.md, "Adding a doc family")."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from generator import readers

READERS = Path(readers.__file__).parent
COMMON_MODULES = {
    "__init__",
    "sniff",
    "document",
    "operation",
    "parameters",
    "responses",
    "prose",
    "examples",
    "errors",
}
FAMILIES = sorted(m.__name__.rsplit(".", 1)[1] for m in readers.registry())


def test_every_registered_reader_is_a_package() -> None:
    assert FAMILIES, "no readers registered"
    for name in FAMILIES:
        assert (READERS / name / "__init__.py").is_file(), f"{name} is not a package"


@pytest.mark.parametrize("family", FAMILIES)
def test_reader_has_the_common_modules(family: str) -> None:
    present = {p.stem for p in (READERS / family).glob("*.py")}
    assert COMMON_MODULES <= present, f"{family} lacks {sorted(COMMON_MODULES - present)}"


@pytest.mark.parametrize("family", FAMILIES)
def test_reader_package_exports_only_the_reader_interface(family: str) -> None:
    tree = ast.parse((READERS / family / "__init__.py").read_text(encoding="utf-8"))
    defined: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            defined.add(node.name)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            defined.update(t.id for t in targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.ImportFrom):
            defined.update(a.asname or a.name for a in node.names)
    defined.discard("annotations")
    defined.discard("__all__")
    # the reader interface of generator/readers/__init__.py: required, then optional names
    assert {"FAMILY", "sniff", "read"} <= defined, f"{family}/__init__.py lacks the interface"
    extra = defined - {"FAMILY", "sniff", "read", "IS_MODEL", "companions"}
    assert not extra, f"{family}/__init__.py defines {sorted(extra)} beyond the reader interface"
    assert ast.get_docstring(tree), f"{family}/__init__.py has no docstring"


def _imports(package: Path) -> set[str]:
    found: set[str] = set()
    for path in package.glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module:
                found.add("." * node.level + node.module)
    return found


def test_tencent_readers_share_one_common_module() -> None:
    assert (READERS / "tencent_common.py").is_file()
    for family in ("tencent_text", "tencent_model"):
        imports = _imports(READERS / family)
        assert "..tencent_common" in imports, f"{family} does not use tencent_common"
    # neither reader reaches into the other
    assert not any("tencent_text" in i for i in _imports(READERS / "tencent_model"))
    assert not any("tencent_model" in i for i in _imports(READERS / "tencent_text"))
