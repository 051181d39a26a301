"""Operations for the generation tests.

`spec_operations` are the real specs under specs/ (what `specgen extract` wrote from sources/).
`seed_list()` picks a few of them per provider for the escaping test, which fills them with
hostile text. The validator tests' hand-built operations are in conftest_validators.py; there
is no other hand-built copy of the seed operations.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import model
from generator.model import Operation
from generator.render import Context, environment

ROOT = Path(__file__).resolve().parent.parent.parent


def render_context(templates: Path | None = None) -> Context:
    tdir = templates or ROOT / "templates"
    return Context(env=environment(tdir), templates=tdir)


def load_spec_operations() -> list[model.Operation]:
    from generator.extract import load_specs

    return load_specs(ROOT / "specs", ROOT)


@pytest.fixture(scope="session")
def spec_operations() -> list[model.Operation]:
    ops = load_spec_operations()
    assert ops, "specs/ holds no specs: run `.venv/bin/specgen extract` first"
    return ops


def seed_list(per_provider: int = 2) -> list[Operation]:
    """The first operations of each provider (by name) that have a string parameter outside
    the path, where the escaping test puts its hostile enum; with a list parameter among them
    where the provider has one."""
    chosen: list[Operation] = []
    every = load_spec_operations()
    for provider in sorted({op.provider for op in every}):
        ops = [
            op
            for op in every
            if op.provider == provider
            and any(p.type == "string" and p.location != "path" for p in op.parameters)
        ]
        with_list = [op for op in ops if any(p.type == "array" for p in op.parameters)]
        picked = ops[:per_provider]
        if with_list and not any(op in with_list for op in picked):
            picked[-1:] = with_list[:1]
        chosen.extend(picked)
    return chosen
