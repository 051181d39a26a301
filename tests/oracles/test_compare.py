"""The oracle harness itself: it must catch what it is there to catch."""

from __future__ import annotations

from pathlib import Path

import pytest

from .compare import ALL, Fact, check, compare

SDK = {
    "PutHook": {
        "Name": Fact(location="query", type="string", required=True, max_length=255),
        "Timeout": Fact(location="query", type="integer", minimum=30, maximum=7200),
        "Extra": Fact(location="query", type="string"),
    },
    "OnlyInSdk": {},
}
SPEC = {
    "PutHook": {
        "Name": Fact(location="query", type="string", required=False, max_length=255),
        "Timeout": Fact(location="query", type="integer", minimum=30, maximum=7200),
    },
}


def test_agreement_counts_only_facts_both_state(tmp_path: Path) -> None:
    report = compare("fake", SDK, SPEC, tmp_path / "none.yaml", ALL)
    # Name: location, type, required, length; Timeout: location, type, range
    assert (report.agreed, report.compared) == (6, 7)
    found = {(d.operation, d.path, d.aspect) for d in report.disagreements}
    assert found == {
        ("PutHook", "Name", "required"),
        ("PutHook", "Extra", "parameter"),
        ("OnlyInSdk", "", "operation"),
    }


def test_unexplained_disagreement_fails(tmp_path: Path) -> None:
    report = compare("fake", SDK, SPEC, tmp_path / "none.yaml", ALL)
    with pytest.raises(AssertionError, match="Name: required: sdk True, spec False"):
        check(report, minimum=0.0, summary=[])


def test_allowlist_explains_exactly_and_reports_stale(tmp_path: Path) -> None:
    allow = tmp_path / "allow.yaml"
    allow.write_text(
        "- {operation: PutHook, path: Name, aspect: required, sdk: true, spec: false,\n"
        "   page: p.txt:3, reason: page out of date}\n"
        "- {operation: PutHook, path: Extra, aspect: parameter, sdk: present, spec: absent,\n"
        "   page: p.txt:9, reason: parameter only in the SDK}\n"
        "- {operation: OnlyInSdk, aspect: operation, sdk: present, spec: absent,\n"
        "   page: none, reason: no page documents it}\n"
        "- {operation: Gone, path: X, aspect: type, sdk: string, spec: integer,\n"
        "   page: p.txt:1, reason: was fixed}\n"
    )
    report = compare("fake", SDK, SPEC, allow, ALL)
    assert not report.unexplained
    assert report.stale == ["line 7: Gone X type"]
    with pytest.raises(AssertionError, match="stale allowlist entry line 7"):
        check(report, minimum=0.0, summary=[])


def test_allowlist_entry_must_match_the_values(tmp_path: Path) -> None:
    allow = tmp_path / "allow.yaml"
    allow.write_text(
        "- {operation: PutHook, path: Name, aspect: required, sdk: false, spec: true,\n"
        "   page: p.txt:3, reason: wrong way round}\n"
    )
    report = compare("fake", SDK, {"PutHook": SPEC["PutHook"]}, allow, ALL)
    assert ("PutHook", "Name", "required") in {d.key() for d in report.unexplained}


def test_low_agreement_fails_even_when_explained(tmp_path: Path) -> None:
    allow = tmp_path / "allow.yaml"
    allow.write_text(
        "- {operation: PutHook, path: Name, aspect: required, sdk: true, spec: false,\n"
        "   page: p.txt:3, reason: page out of date}\n"
    )
    sdk = {"PutHook": {"Name": SDK["PutHook"]["Name"]}}
    spec = {"PutHook": {"Name": SPEC["PutHook"]["Name"]}}
    report = compare("fake", sdk, spec, allow, ALL)
    with pytest.raises(AssertionError, match="75.00 %"):
        check(report, minimum=0.99, summary=[])
