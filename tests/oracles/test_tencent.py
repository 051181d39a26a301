"""specs/tencent against tencentcloud-sdk-python's Auto Scaling models: operations, wire names,
location, type, list element type (and required where the SDK says it)."""

from __future__ import annotations

from .compare import ROOT, STRUCTURE, check, compare, spec_operations
from .sdk_tencent import sdk_operations

ALLOWLIST = ROOT / "tests" / "oracles" / "allowlist" / "tencent.yaml"


def test_specs_agree_with_the_tencent_sdk() -> None:
    spec = spec_operations(ROOT / "specs", "tencent")
    assert len(spec) == 58  # every action of the API model
    report = compare("tencent", sdk_operations(), spec, ALLOWLIST, STRUCTURE)
    check(report)
