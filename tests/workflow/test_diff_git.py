"""`specgen diff` as a user runs it: the installed command, in a git checkout, comparing
revisions; the documented JSON shape; Markdown; `--fail-on` exit codes."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator import diff as diff_mod

from . import workspace as ws

PAGE = "sources/huawei/creating_a_lifecycle_hook.rst"
OP = "huawei/CreateLifyCycleHook"

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(cwd: Path, *args: str) -> None:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "t",
        "GIT_AUTHOR_EMAIL": "t@example.com",
        "GIT_COMMITTER_NAME": "t",
        "GIT_COMMITTER_EMAIL": "t@example.com",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_CONFIG_GLOBAL": os.devnull,
    }
    subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env=env,
        check=True,
        capture_output=True,
    )


def _command(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it: a fresh process, in the project's directory."""
    return subprocess.run(
        [sys.executable, "-m", "generator.cli", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )


def _specgen(cwd: Path, *args: str) -> ws.Run:
    """The same, in-process (a new interpreter per call would make this test slow)."""
    assert Path.cwd() == cwd
    return ws.specgen(*args)


def _edit(root: Path, old: str, new: str) -> None:
    page = root / PAGE
    page.write_text(ws.grid_replace(page.read_text("utf-8"), old, new), encoding="utf-8")


def _history(repo: Path, root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Three commits of the huawei pages and their specs: the baseline; a non-breaking change
    (range widened); a breaking one (parameter made required)."""
    monkeypatch.chdir(root)
    ws.build("--target", "validators")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "baseline")
    _edit(root, "ranges from 60 to 86400", "ranges from 30 to 86400")
    ws.build("--target", "validators")
    _git(repo, "commit", "-q", "-am", "widen default_timeout")
    _edit(root, "| default_result         | No ", "| default_result         | Yes")
    ws.build("--target", "validators")
    _git(repo, "commit", "-q", "-am", "default_result required")


def _shape(doc: object) -> None:
    """The shape documented in render_json's docstring and the README."""
    assert isinstance(doc, dict) and list(doc) == ["summary", "changes"]
    assert list(doc["summary"]) == list(diff_mod.SEVERITIES)
    assert all(isinstance(n, int) for n in doc["summary"].values())
    for change in doc["changes"]:
        assert list(change) == [
            "operation",
            "subject",
            "aspect",
            "severity",
            "old",
            "new",
            "message",
        ]
        assert change["severity"] in diff_mod.SEVERITIES
        assert all(isinstance(change[k], str) for k in ("operation", "subject", "aspect"))
    for severity, n in doc["summary"].items():
        assert n == sum(1 for c in doc["changes"] if c["severity"] == severity)


def test_diff_in_a_git_checkout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = ws.make_project(tmp_path / "repo", [PAGE.removeprefix("sources/")])
    _git(root, "init", "-q")
    _history(root, root, monkeypatch)

    # --base REV: the working tree against the revision before the last commit
    run = _command(root, "diff", "--base", "HEAD~1", "--format", "json")
    assert run.returncode == 0, run.stderr
    doc = json.loads(run.stdout)
    _shape(doc)
    assert [
        (c["operation"], c["subject"], c["aspect"], c["severity"], c["old"], c["new"])
        for c in doc["changes"]
    ] == [(OP, "parameter default_result", "required", "breaking", False, True)]

    # two revisions; the same as --base when the working tree is clean
    both = _specgen(root, "diff", "HEAD~1", "HEAD", "--format", "json")
    assert json.loads(both.out) == doc

    whole = json.loads(_specgen(root, "diff", "HEAD~2", "--format", "json").out)
    _shape(whole)
    assert {(c["subject"], c["aspect"], c["severity"]) for c in whole["changes"]} >= {
        ("parameter default_timeout", "range", "non-breaking"),
        ("parameter default_result", "required", "breaking"),
    }
    range_change = next(c for c in whole["changes"] if c["aspect"] == "range")
    assert (range_change["old"], range_change["new"]) == ("60..86400", "30..86400")

    # text (the default) and Markdown
    text = _specgen(root, "diff", "--base", "HEAD~1")
    assert text.out.splitlines() == [
        OP,
        "  BREAKING      parameter default_result: now required",
        "spec changes: 1 breaking, 0 non-breaking, 0 documentation",
    ]
    markdown = _specgen(root, "diff", "--base", "HEAD~1", "--format", "markdown").out
    assert markdown.splitlines()[:2] == ["## Spec changes", ""]
    assert f"| breaking | {OP} | parameter default\\_result | now required |" in markdown

    # --fail-on: the exit code CI acts on
    codes = {
        (rev, fail_on): _specgen(root, "diff", "--base", rev, "--fail-on", fail_on).code
        for rev in ("HEAD", "HEAD~1")
        for fail_on in ("breaking", "any")
    }
    assert codes == {
        ("HEAD", "breaking"): 0,
        ("HEAD", "any"): 0,
        ("HEAD~1", "breaking"): 1,
        ("HEAD~1", "any"): 1,
    }
    widened = {
        f: _specgen(root, "diff", "HEAD~2", "HEAD~1", "--fail-on", f).code
        for f in ("breaking", "any")
    }
    assert widened == {"breaking": 0, "any": 1}

    # uncommitted work is what --base compares
    _edit(root, "ranges from 30 to 86400", "ranges from 30 to 7200")
    ws.build("--target", "validators")
    pending = json.loads(_specgen(root, "diff", "--base", "HEAD", "--format", "json").out)
    assert [
        (c["aspect"], c["severity"]) for c in pending["changes"] if c["severity"] != "docs"
    ] == [("range", "breaking")]

    # a rebuild with nothing changed prints no change summary
    again = ws.build("--target", "validators")
    assert "spec changes:" not in again.out
    assert again.out.startswith("operations: huawei 1 (1 in all); files: 0 written")


def test_project_in_a_subfolder_of_the_repository(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = tmp_path / "mono"
    repo.mkdir()
    _git(repo, "init", "-q")
    root = ws.make_project(repo / "services" / "hooks", [PAGE.removeprefix("sources/")])
    _history(repo, root, monkeypatch)
    run = _specgen(root, "diff", "--base", "HEAD~1", "--format", "json")
    assert run.code == 0, run.err
    doc = json.loads(run.out)
    assert [(c["subject"], c["aspect"]) for c in doc["changes"]] == [
        ("parameter default_result", "required")
    ]


def test_sides_that_are_neither(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = ws.make_project(tmp_path / "repo", [PAGE.removeprefix("sources/")])
    monkeypatch.chdir(root)
    ws.build("--target", "validators")
    outside = _command(root, "diff", "--base", "HEAD~1")
    assert outside.returncode == 2
    assert outside.stderr.splitlines() == [
        "HEAD~1:0: error: no such specs directory, and not in a git checkout to find a revision"
    ]
    _git(root, "init", "-q")
    _git(root, "add", "-A")
    _git(root, "commit", "-q", "-m", "one")
    bad = _specgen(root, "diff", "no-such-rev")
    assert bad.code == 2
    assert bad.err.splitlines() == [
        "no-such-rev:0: error: neither a specs directory nor a git revision of this checkout"
    ]
    nothing = _specgen(root, "diff")
    assert nothing.code == 2 and "nothing to compare" in nothing.err
    assert "Traceback" not in outside.stderr + bad.err + nothing.err
