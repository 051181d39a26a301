"""specs/aws against botocore's Auto Scaling model: operations, wire names, location, type,
list element type, required, lengths, ranges and enums where both state them."""

from __future__ import annotations

from pathlib import Path

from .compare import ALL, ROOT, check, compare, spec_operations
from .sdk_aws import sdk_operations

ALLOWLIST = Path(__file__).parent / "allowlist" / "aws.yaml"


def test_specs_agree_with_botocore() -> None:
    report = compare(
        "aws", sdk_operations(), spec_operations(ROOT / "specs", "aws"), ALLOWLIST, ALL
    )
    check(report)
