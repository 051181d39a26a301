"""Load the signing modules from runtime/ the way a generated package carries them: as
`_signing` beside `_runtime`, imported by path (their directory names are not Python
identifiers)."""

from __future__ import annotations

from types import ModuleType

import pytest

from generator.runtime_files import import_runtime


def _load(protocol: str) -> ModuleType:
    package = import_runtime(protocol, "signing_" + protocol.replace("-", "_"))
    module: ModuleType = package._signing
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
