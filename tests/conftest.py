from __future__ import annotations

import os
import shutil
from collections.abc import Iterator, MutableMapping
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Cloud settings a developer's shell may hold: credentials, regions, endpoints, retry modes.
CLOUD_PREFIXES = ("AWS_", "TENCENTCLOUD_", "ALIBABA_CLOUD_", "ALICLOUD_", "HUAWEICLOUD_")


def scrub_environment(environ: MutableMapping[str, str]) -> None:
    """The one place the tests' environment is cleaned, once, before any test or subprocess
    starts. Loopback traffic must not go through a proxy: the Tencent and Alibaba SDKs send it
    to one even when NO_PROXY names 127.0.0.1 (docs/wire-facts.md §0). No test may pick up
    real credentials, regions or endpoints either."""
    for name in list(environ):
        upper = name.upper()
        if upper.endswith("_PROXY") or upper.startswith(CLOUD_PREFIXES):
            del environ[name]


scrub_environment(os.environ)


@pytest.fixture(scope="session", autouse=True)
def _format_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """black's cache (generator/render/python_format.py) in the session's temp dir: the tests
    never read or fill the user's own cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SPECGEN_CACHE_DIR", str(tmp_path_factory.mktemp("format-cache")))
        yield


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project's inputs (sources, specs, templates, pyproject) in a temp dir,
    with the working directory there: what a user's checkout looks like."""
    for name in ("sources", "specs", "templates"):
        if (ROOT / name).exists():
            shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    monkeypatch.chdir(tmp_path)
    return tmp_path
