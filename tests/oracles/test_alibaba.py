"""specs/alibaba against the official SDKs (aliyun-python-sdk-ess, alibabacloud-ess20140828)."""

from __future__ import annotations

from pathlib import Path

from .compare import ROOT, STRUCTURE, check, compare, spec_operations
from .sdk_alibaba import sdk_operations

ALLOWLIST = Path(__file__).parent / "allowlist" / "alibaba.yaml"


def test_alibaba_specs_agree_with_the_sdk() -> None:
    report = compare(
        "alibaba",
        sdk_operations(),
        spec_operations(ROOT / "specs", "alibaba"),
        ALLOWLIST,
        STRUCTURE,
    )
    check(report)


def test_the_sdk_reader_reads_lists_and_structs() -> None:
    """The adapter itself: wire names with list indexes and struct members, types from the
    setters' comments, element types from the Tea models."""
    sdk = sdk_operations()
    config = sdk["CreateScalingConfiguration"]
    assert config["DataDisk"].type == "array"
    assert (
        config["DataDisk.Size"].type == "integer"
    )  # Tea: CreateScalingConfigurationRequestDataDisk
    assert config["SystemDisk.Category"].location == "query"
    assert "OwnerId" not in config
    weights = sdk["AttachInstances"]["LoadBalancerWeight"]
    assert (weights.type, weights.items) == ("array", "integer")
