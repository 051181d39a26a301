"""`specgen mock PROVIDER`: serves the generated package from --out with uvicorn, prints one
ready line, answers the SDK wire format and stops cleanly on SIGINT and SIGTERM."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from generator import mock_runner

from .util import ROOT, operations_of, write_files

READY = re.compile(r"^specgen mock aws listening on (http://127\.0\.0\.1:(\d+))$")


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """generated/ with the AWS package under its real name (no prefix), as `specgen generate`
    writes it; only the subprocess imports it."""
    from generator.render import render_all

    root = tmp_path_factory.mktemp("runner") / "generated"
    write_files(root, render_all(operations_of("aws"), ["validators", "mocks"]))
    return root


def start(out: Path, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ)  # scrubbed of proxies by tests/conftest.py
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.Popen(
        [sys.executable, "-m", "generator.cli", "mock", "aws", "--out", str(out), *args],
        cwd=out.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_serves_until_a_signal(out: Path, stop: signal.Signals) -> None:
    process = start(out, "--port", "0", "--no-auth", "--group", "g1", "--group", "g2")
    try:
        assert process.stdout is not None
        line = process.stdout.readline().strip()
        found = READY.match(line)
        assert found, (line, process.stderr.read() if process.poll() is not None else "")
        url = found.group(1)
        assert httpx.get(f"{url}/_specgen/health", trust_env=False).json()["provider"] == "aws"
        answer = httpx.post(
            url + "/",
            data={
                "Action": "DescribeLifecycleHooks",
                "Version": "2011-01-01",
                "AutoScalingGroupName": "g2",
            },
            trust_env=False,
        )
        assert answer.status_code == 200 and b"<LifecycleHooks/>" in answer.content
        process.send_signal(stop)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def test_checks_signatures_with_the_given_credentials(out: Path) -> None:
    process = start(out, "--port", "0", "--credentials", "AK1:SK1", "--credentials", "AK2:SK2")
    try:
        assert process.stdout is not None
        found = READY.match(process.stdout.readline().strip())
        assert found
        answer = httpx.post(
            found.group(1) + "/", data={"Action": "DescribeLifecycleHooks"}, trust_env=False
        )
        assert answer.status_code == 403 and b"SignatureDoesNotMatch" in answer.content
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["--port", "0"], "--no-auth"),  # auth on but no credentials
        (["--port", "0", "--credentials", "no-colon"], "ACCESS_KEY:SECRET_KEY"),
        (["--port", "0", "--no-auth", "--out", "/nonexistent/generated"], "no generated mock"),
    ],
)
def test_bad_arguments_exit_2_with_one_line(out: Path, args: list[str], words: str) -> None:
    process = start(out, *args)
    stdout, stderr = process.communicate(timeout=30)
    assert process.returncode == 2
    assert stdout == ""
    assert len(stderr.strip().splitlines()) == 1 and words in stderr


def test_a_busy_port_is_reported(out: Path) -> None:
    with mock_runner.listen("127.0.0.1", 0) as taken:
        port = taken.getsockname()[1]
        process = start(out, "--port", str(port), "--no-auth")
        _, stderr = process.communicate(timeout=30)
    assert process.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in stderr
