"""Load the signing modules from templates/ the way a generated package carries them: as
standalone files, imported by path (their directory names are not Python identifiers)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load(protocol: str) -> ModuleType:
    path = ROOT / "templates" / "protocols" / protocol / "signing.py"
    name = "signing_" + protocol.replace("-", "_")
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def aws_signing() -> ModuleType:
    return _load("aws-query")


@pytest.fixture(scope="session")
def tencent_signing() -> ModuleType:
    return _load("tencent-json")


@pytest.fixture(scope="session")
def alibaba_signing() -> ModuleType:
    return _load("alibaba-rpc")


@pytest.fixture(scope="session")
def huawei_signing() -> ModuleType:
    return _load("huawei-rest")
