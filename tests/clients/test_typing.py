"""The generated packages are typed: mypy --strict accepts a program that uses every client
correctly (and the packages themselves), and rejects wrong argument types; ruff is clean."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from .util import PACKAGES, PREFIX, ROOT

pytestmark = pytest.mark.timeout(600)

GOOD = """
from __future__ import annotations

import asyncio

import {p}aws_autoscaling as aws
import {p}alibaba_ess as ali
import {p}huawei_as as hw
import {p}tencent_as as tc
from {p}aws_autoscaling.models import DefaultResult, PutLifecycleHookResponse
from {p}tencent_as.models import Filter, LifecycleHook, NotificationTarget


def use_aws(client: aws.Client) -> dict[str, object]:
    put: PutLifecycleHookResponse = client.put_lifecycle_hook(
        auto_scaling_group_name="g",
        lifecycle_hook_name="h",
        default_result=DefaultResult.CONTINUE,
        heartbeat_timeout=300,
        lifecycle_transition="autoscaling:EC2_INSTANCE_LAUNCHING",
    )
    request_id: str | None = put.request_id
    described = client.describe_lifecycle_hooks(
        auto_scaling_group_name="g", lifecycle_hook_names=["h"]
    )
    return {{"id": request_id, **described.raw}}


async def use_tencent(client: tc.AsyncClient) -> int | None:
    await client.create_lifecycle_hook(
        auto_scaling_group_id="asg-1",
        lifecycle_hook_name="h",
        lifecycle_transition="INSTANCE_LAUNCHING",
        notification_target=NotificationTarget(target_type="CMQ_QUEUE", queue_name="q"),
    )
    result = await client.describe_lifecycle_hooks(
        filters=[Filter(name="auto-scaling-group-id", values=["asg-1"])], limit=20
    )
    hooks: list[LifecycleHook] = result.lifecycle_hook_set or []
    return hooks[0].heartbeat_timeout if hooks else result.total_count


def use_alibaba(client: ali.Client) -> int | None:
    client.create_lifecycle_hook(
        scaling_group_id="asg-1", lifecycle_transition="SCALE_OUT", heartbeat_timeout=600
    )
    found = client.describe_lifecycle_hooks(scaling_group_id="asg-1", lifecycle_hook_id=["a"])
    return found.total_count


def use_huawei(client: hw.Client) -> str | None:
    try:
        shown = client.show_life_cycle_hook(scaling_group_id="g", lifecycle_hook_name="h")
    except hw.ServiceError as error:
        return error.code
    listed = client.list_life_cycle_hooks(scaling_group_id="g")
    names = [hook.lifecycle_hook_name for hook in listed.lifecycle_hooks or []]
    return shown.lifecycle_hook_name or (names[0] if names else None)


def main() -> None:
    use_aws(aws.Client(aws_access_key_id="a", aws_secret_access_key="b", region="us-east-1"))
    asyncio.run(use_tencent(tc.AsyncClient(secret_id="a", secret_key="b", max_attempts=1)))
    use_alibaba(ali.Client(access_key_id="a", access_key_secret="b", validate=False))
    use_huawei(hw.Client(ak="a", sk="b", project_id="p", region="ap-southeast-1", timeout=5.0))
"""

BAD = """
from __future__ import annotations

import {p}aws_autoscaling as aws
import {p}huawei_as as hw
import {p}tencent_as as tc


def wrong(a: aws.Client, h: hw.Client, t: tc.Client) -> str:
    a.put_lifecycle_hook(
        auto_scaling_group_name="g", lifecycle_hook_name="h", heartbeat_timeout="300"
    )
    h.create_lify_cycle_hook(scaling_group_id="g")
    count: str = t.describe_lifecycle_hooks().total_count
    return count
"""

EXPECTED = [
    'Argument "heartbeat_timeout" to "put_lifecycle_hook" of "Client" has incompatible type '
    '"str"; expected "int | None"',
    'Missing named argument "lifecycle_hook_name" for "create_lify_cycle_hook" of "Client"',
    'Missing named argument "lifecycle_hook_type" for "create_lify_cycle_hook" of "Client"',
    'Missing named argument "notification_topic_urn" for "create_lify_cycle_hook" of "Client"',
    'Incompatible types in assignment (expression has type "int | None", variable has type '
    '"str")',
]


def run_mypy(program: Path, generated: Path, cache: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mypy",
            "--strict",
            "--no-error-summary",
            "--cache-dir",
            str(cache),
            "--config-file",
            str(ROOT / "pyproject.toml"),
            str(program),
        ],
        cwd=generated,
        env={"MYPYPATH": str(generated), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=False,
    )


def test_mypy_strict_accepts_correct_use_and_the_packages(
    generated_root: Path, tmp_path: Path
) -> None:
    python = generated_root / "python"
    program = tmp_path / "uses_clients.py"
    program.write_text(textwrap.dedent(GOOD.format(p=PREFIX)))
    result = run_mypy(program, python, tmp_path / "cache")
    assert result.returncode == 0, result.stdout + result.stderr
    # the packages themselves, every module (mock-free: clients and validators)
    packages = [str(python / (PREFIX + name)) for name in PACKAGES.values()]
    strict = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(tmp_path / "cache")]
        + ["--config-file", str(ROOT / "pyproject.toml"), *packages],
        cwd=python,
        capture_output=True,
        text=True,
        check=False,
    )
    assert strict.returncode == 0, strict.stdout + strict.stderr


def test_mypy_strict_rejects_wrong_argument_types(generated_root: Path, tmp_path: Path) -> None:
    python = generated_root / "python"
    program = tmp_path / "misuses_clients.py"
    program.write_text(textwrap.dedent(BAD.format(p=PREFIX)))
    result = run_mypy(program, python, tmp_path / "cache")
    assert result.returncode == 1, result.stdout + result.stderr
    for message in EXPECTED:
        assert message in result.stdout, result.stdout
    assert result.stdout.count("error:") == len(EXPECTED), result.stdout


def test_generated_packages_are_ruff_clean(generated_root: Path) -> None:
    python = generated_root / "python"
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--config", str(ROOT / "pyproject.toml"), "."],
        cwd=python,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
