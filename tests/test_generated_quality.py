"""The committed generated Python meets the project's bar: black-formatted, ruff-clean,
mypy --strict clean, and free of any import of `generator`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GENERATED = ROOT / "generated" / "python"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], cwd=ROOT, capture_output=True, text=True)


def test_there_is_generated_python() -> None:
    packages = sorted(p.name for p in GENERATED.iterdir() if (p / "__init__.py").is_file())
    assert packages == ["alibaba_ess", "aws_autoscaling", "huawei_as", "tencent_as"]


def test_black_clean() -> None:
    done = run("black", "--check", "--quiet", str(GENERATED))
    assert done.returncode == 0, done.stdout + done.stderr


def test_ruff_clean() -> None:
    done = run(
        "ruff",
        "check",
        "--no-cache",
        "--isolated",
        "--select",
        "E,F,W,I,B,UP",
        "--ignore",
        "E501",
        str(GENERATED),
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_strict_clean() -> None:
    done = run("mypy", "--strict", "--no-incremental", "--cache-dir", "/dev/null", str(GENERATED))
    assert done.returncode == 0, done.stdout + done.stderr


def test_never_imports_the_generator() -> None:
    for path in GENERATED.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "import generator" not in text and "from generator" not in text, path
