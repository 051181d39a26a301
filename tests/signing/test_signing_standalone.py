"""The signing modules are copied verbatim into generated packages, beside the `_runtime.py`
every protocol shares: they must stand alone (standard library and `_runtime` only, nothing
from `generator`) and already be black-formatted."""

from __future__ import annotations

import ast
import sys
import tomllib
from pathlib import Path

import black
import pytest

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted((ROOT / "runtime" / "protocols").glob("*/signing.py"))
COMMON = ROOT / "runtime" / "common" / "runtime.py"


def test_every_protocol_has_a_signer() -> None:
    names = {path.parent.name for path in MODULES}
    assert names == {"aws-query", "tencent-json", "alibaba-rpc", "huawei-rest"}


@pytest.mark.parametrize(
    "path", [*MODULES, COMMON], ids=[p.parent.name for p in [*MODULES, COMMON]]
)
def test_imports_only_the_standard_library(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    imported: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                # the one sibling a signing module may use: the shared runtime
                sibling = node.module or ",".join(alias.name for alias in node.names)
                assert (node.level, sibling) == (1, "_runtime"), f"imports {sibling} in {path}"
                assert path != COMMON, "the shared runtime imports no sibling"
                continue
            assert node.module is not None
            imported.add(node.module.split(".")[0])
    assert imported, "no imports found: the check itself is broken"
    assert imported - {"__future__"} <= sys.stdlib_module_names


@pytest.mark.parametrize(
    "path", [*MODULES, COMMON], ids=[p.parent.name for p in [*MODULES, COMMON]]
)
def test_black_formatted(path: Path) -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["black"]
    mode = black.Mode(
        line_length=config["line-length"],
        target_versions={black.mode.TargetVersion[v.upper()] for v in config["target-version"]},
    )
    source = path.read_text(encoding="utf-8")
    assert black.format_str(source, mode=mode) == source
