"""The project's own code stays ruff-clean and mypy --strict clean (generator/)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff() -> None:
    done = run("ruff", "check", "--no-cache", "generator", "tests", "bench")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_generator() -> None:
    done = run("mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", "generator")
    assert done.returncode == 0, done.stdout + done.stderr
