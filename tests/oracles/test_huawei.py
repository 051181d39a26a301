"""specs/huawei against huaweicloudsdkas: operations, wire names, locations, types, list
element types and required flags of every request parameter."""

from __future__ import annotations

from .compare import ROOT, STRUCTURE, check, compare, spec_operations
from .sdk_huawei import sdk_operations

ALLOWLIST = ROOT / "tests" / "oracles" / "allowlist" / "huawei.yaml"


def test_specs_agree_with_the_sdk() -> None:
    report = compare(
        "huawei",
        sdk_operations(),
        spec_operations(ROOT / "specs", "huawei"),
        ALLOWLIST,
        STRUCTURE,
    )
    check(report)
