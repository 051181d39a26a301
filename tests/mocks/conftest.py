"""Fixtures of the mock tests: the generated mock packages for the real specs (specs/), and
mock servers on free loopback ports.

`mocks` renders validators + mocks once per session into a temporary directory, under a
package prefix so these modules never collide with other tests' copies, and imports each
provider's `mock` module. `serve` starts a mock (uvicorn in a thread) and stops it after the
test; the per-provider fixtures keep one server per module and reset its state per test.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from .util import PREFIX, PROVIDERS, SERVICES, Served, render_packages, spec_operations, write_files

AK, SK = "AKIDMOCKTEST", "mock-test-secret"


@pytest.fixture(scope="session")
def generated_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("mocks_generated")
    write_files(root, render_packages(spec_operations()))
    sys.path.insert(0, str(root / "python"))
    return root


@pytest.fixture(scope="session")
def mocks(generated_root: Path) -> dict[str, ModuleType]:
    """The generated `mock` modules, by provider."""
    return {
        provider: importlib.import_module(f"{PREFIX}{provider}_{SERVICES[provider]}.mock")
        for provider in PROVIDERS
    }


@pytest.fixture
def serve(mocks: dict[str, ModuleType]) -> Iterator[Callable[..., Served]]:
    """serve(provider, **create_app_options) -> Served; stopped after the test."""
    started: list[Served] = []

    def start(
        provider: str, uvicorn_options: dict[str, Any] | None = None, **options: Any
    ) -> Served:
        options.setdefault("credentials", {AK: SK})
        options.setdefault("seed", 7)
        served = Served(mocks[provider].create_app(**options), **(uvicorn_options or {}))
        started.append(served)
        return served

    yield start
    for served in started:
        served.close()


def _module_server(mocks: dict[str, ModuleType], provider: str) -> Iterator[Served]:
    served = Served(mocks[provider].create_app(credentials={AK: SK}, groups=["g1"], seed=7))
    yield served
    served.close()


@pytest.fixture(scope="module")
def _aws_server(mocks: dict[str, ModuleType]) -> Iterator[Served]:
    yield from _module_server(mocks, "aws")


@pytest.fixture(scope="module")
def _tencent_server(mocks: dict[str, ModuleType]) -> Iterator[Served]:
    yield from _module_server(mocks, "tencent")


@pytest.fixture(scope="module")
def _alibaba_server(mocks: dict[str, ModuleType]) -> Iterator[Served]:
    yield from _module_server(mocks, "alibaba")


@pytest.fixture(scope="module")
def _huawei_server(mocks: dict[str, ModuleType]) -> Iterator[Served]:
    yield from _module_server(mocks, "huawei")


def _fresh(served: Served) -> Served:
    served.state.reset()
    return served


@pytest.fixture
def aws(_aws_server: Served) -> Served:
    """The AWS mock, state reset: group g1 exists, credentials AK/SK."""
    return _fresh(_aws_server)


@pytest.fixture
def tencent(_tencent_server: Served) -> Served:
    return _fresh(_tencent_server)


@pytest.fixture
def alibaba(_alibaba_server: Served) -> Served:
    return _fresh(_alibaba_server)


@pytest.fixture
def huawei(_huawei_server: Served) -> Served:
    return _fresh(_huawei_server)
