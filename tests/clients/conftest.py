"""Fixtures of the client tests: the generated packages for the real specs (specs/).

`packages` renders the validators and clients targets for every spec into a temporary
directory, with a package prefix so that these modules never collide with other tests' copies,
and imports them. `capture` starts stdlib capture servers (util.Capture) and closes them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from .util import PACKAGES, PREFIX, Capture, render_packages, spec_operations, write_files


@pytest.fixture(scope="session")
def generated_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """generated/ for the real specs, written once per session; python/ is on sys.path."""
    root = tmp_path_factory.mktemp("generated")
    write_files(root, render_packages(spec_operations()))
    sys.path.insert(0, str(root / "python"))
    return root


@pytest.fixture(scope="session")
def packages(generated_root: Path) -> dict[str, ModuleType]:
    """The imported client packages, by provider."""
    return {p: importlib.import_module(PREFIX + name) for p, name in PACKAGES.items()}


@pytest.fixture
def capture() -> Iterator[type[Capture]]:
    """Capture servers started by a test are closed after it."""
    started: list[Capture] = []

    class Tracked(Capture):
        def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
            super().__init__(status, headers, body)
            started.append(self)

    yield Tracked
    for server in started:
        server.close()
