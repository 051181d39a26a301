"""The pre-commit hook this repository offers runs `specgen check`, which fails on stale output."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import yaml

from . import workspace as ws


def test_hook_definition() -> None:
    hooks = yaml.safe_load((ws.ROOT / ".pre-commit-hooks.yaml").read_text("utf-8"))
    [hook] = [h for h in hooks if h["id"] == "specgen-check"]
    assert hook["entry"] == "specgen check"
    assert hook["language"] == "python"  # pre-commit installs this repository to run it
    assert hook["pass_filenames"] is False  # the check is about the whole project
    assert hook["always_run"] is True  # a page, an overlay or a template may change it
    scripts = tomllib.loads((ws.ROOT / "pyproject.toml").read_text("utf-8"))["project"]["scripts"]
    assert scripts["specgen"] == "generator.cli:main"


def test_check_is_what_the_hook_sees(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = ws.make_project(tmp_path / "project", ["aws/putLifecycleHook.txt"])
    monkeypatch.chdir(root)
    ws.build("--target", "validators")
    assert ws.specgen("check", "--target", "validators").code == 0

    page = root / "sources/aws/putLifecycleHook.txt"
    page.write_text(
        ws.replace(page.read_text("utf-8"), "from 30 to 7200 seconds", "from 30 to 3600 seconds"),
        encoding="utf-8",
    )
    stale = ws.specgen("check", "--target", "validators")
    assert stale.code == 1
    assert "--- a/specs/aws/PutLifecycleHook.yaml" in stale.out
    assert "-    max: 7200" in stale.out and "+    max: 3600" in stale.out
    assert "generated/python/aws_autoscaling/validators.py" in stale.out
    assert "run `specgen build`" in stale.err
