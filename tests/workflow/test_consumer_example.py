"""examples/consumer builds and passes its own tests from a fresh clone: its specs and
generated package do not exist until `specgen build` runs in it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from .workspace import ROOT

EXAMPLE = ROOT / "examples" / "consumer"
# What a fresh clone does not have (examples/consumer/.gitignore).
NOT_IN_GIT = (
    "specs",
    "generated",
    "__pycache__",
    ".pytest_cache",
    ".mypy_cache",
    "*.egg-info",
    "build",
    "dist",
)


def _run(cwd: Path, *argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTEST_ADDOPTS")}
    return subprocess.run(
        list(argv), cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=600
    )


def test_consumer_keeps_the_published_page() -> None:
    """Its page is a verbatim copy of the project's (replace both with a newer version)."""
    page = "sources/tencent/CreateLifecycleHook.txt"
    assert (EXAMPLE / page).read_bytes() == (ROOT / page).read_bytes()


def test_consumer_builds_and_passes_its_tests(tmp_path: Path) -> None:
    copy = tmp_path / "consumer"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns(*NOT_IN_GIT))
    assert not (copy / "generated").exists() and not (copy / "specs").exists()
    ignored = (EXAMPLE / ".gitignore").read_text("utf-8").split()
    assert {"specs/", "generated/"} <= set(ignored)

    build = _run(copy, sys.executable, "-m", "generator.cli", "build")
    assert build.returncode == 0, build.stderr
    assert "operations: tencent 1 (1 in all)" in build.stdout, build.stdout

    package = copy / "generated" / "python" / "consumer_tencent_as"
    made = sorted(p.name for p in package.iterdir() if p.suffix == ".py")
    # the three targets [tool.specgen] asks for (clients, validators, mocks), nothing else
    assert {"client.py", "errors.py", "models.py", "validators.py", "mock.py"} <= set(made), made
    assert sorted(p.name for p in (copy / "generated").iterdir()) == [".specgen-manifest", "python"]
    assert sorted(p.name for p in (copy / "generated" / "python").iterdir()) == [
        "consumer_tencent_as"
    ]
    assert sorted(p.name for p in (copy / "specs").iterdir() if p.is_dir()) == ["tencent"]

    # a second build is a no-op, and the check a pre-commit hook runs agrees
    check = _run(copy, sys.executable, "-m", "generator.cli", "check")
    assert check.returncode == 0, check.stdout + check.stderr

    tests = _run(copy, sys.executable, "-m", "pytest", "-p", "no:cacheprovider")
    assert tests.returncode == 0, tests.stdout + tests.stderr
    summary = tests.stdout.strip().splitlines()[-1]
    assert summary.startswith("5 passed") and "skipped" not in summary, tests.stdout


def test_makefile_runs_specgen(tmp_path: Path) -> None:
    """`make build` is the build step the consumer's README gives; specgen is whatever
    SPECGEN names (here: this checkout's, run by this interpreter)."""
    make = shutil.which("make")
    assert make is not None, "make is needed to run examples/consumer's build step"
    copy = tmp_path / "consumer"
    shutil.copytree(EXAMPLE, copy, ignore=shutil.ignore_patterns(*NOT_IN_GIT))
    specgen = f"{sys.executable} -m generator.cli"
    done = _run(copy, make, "build", f"SPECGEN={specgen}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert (copy / "generated" / "python" / "consumer_tencent_as" / "client.py").is_file()
    check = _run(copy, make, "check", f"SPECGEN={specgen}")
    assert check.returncode == 0, check.stdout + check.stderr
