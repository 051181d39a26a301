"""Renderers and templates know no protocol and no cloud by name: what differs between them is
data of generator/protocols/<p>.py and generator/providers.py, reached through the operation.

Docstrings and comments may use a cloud as an example of why something is so; code may not
compare with, key by or spell a protocol's or provider's name, and templates may not either.
The runtime files (runtime/protocols/<p>/) belong to their protocol and are not checked.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from generator import protocols, providers, runtime_files

ROOT = Path(__file__).resolve().parents[2]
RENDER = ROOT / "generator" / "render"
TEMPLATES = ROOT / "templates"
RUNTIME = TEMPLATES / "protocols"


def _names() -> list[str]:
    return sorted({*protocols.builtin(), *(p.name for p in providers.BUILTIN)})


def _pattern() -> re.Pattern[str]:
    # a name as a word of its own: "aws" in "aws_access_key_id" or "AWS Query" counts,
    # "laws" does not
    words = "|".join(re.escape(n) for n in _names())
    return re.compile(rf"(?<![A-Za-z0-9])(?:{words})(?![A-Za-z0-9-])", re.IGNORECASE)


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def code_literals(path: Path) -> list[tuple[int, str]]:
    """The string literals of a module that are not docstrings, with their lines."""
    tree = ast.parse(path.read_text(), str(path))
    skip = _docstrings(tree)
    return [
        (node.lineno, node.value)
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
    ]


def test_the_pattern_finds_what_it_must() -> None:
    pattern = _pattern()
    assert pattern.search('if proto.name == "aws-query":')
    assert pattern.search("Tencent answers every call with HTTP 200")
    assert not pattern.search("laws of aliases")


def test_renderers_spell_no_protocol_or_provider_name() -> None:
    pattern = _pattern()
    found = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in sorted(RENDER.rglob("*.py"))
        for line, text in code_literals(path)
        if pattern.search(text)
    ]
    assert found == []


def test_templates_spell_no_protocol_or_provider_name() -> None:
    pattern = _pattern()
    found = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted(TEMPLATES.rglob("*.j2"))
        if RUNTIME not in path.parents
        for number, line in enumerate(path.read_text().splitlines(), start=1)
        if pattern.search(line)
    ]
    assert found == []


def test_no_per_protocol_template_partials_outside_the_runtimes() -> None:
    """A protocol's client code lives with its runtime (client_prepare.py.j2), so adding a
    protocol adds no file under templates/clients/."""
    assert not (TEMPLATES / "clients" / "protocols").exists()
    for name in protocols.builtin():
        assert (runtime_files.protocol_dir(name) / "client_prepare.py.j2").is_file(), name


def test_every_provider_names_a_known_protocol_and_its_clients_settings() -> None:
    for provider in providers.table().values():
        proto = protocols.get(provider.protocol)
        needed = {c.name for c in proto.client.credentials} | {providers.REGION}
        assert needed <= set(provider.environment), provider.name
