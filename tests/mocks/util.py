"""Helpers of the mock tests: render the mock packages for the real specs, serve a mock app
with uvicorn in a thread on a free loopback port, and a clock the tests move by hand."""

from __future__ import annotations

import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import httpx
import uvicorn

from generator import extract, mock_runner, model
from generator.render import mocks, render_all

ROOT = Path(__file__).resolve().parent.parent.parent
PREFIX = "mocks_under_test_"
SERVICES = {"aws": "autoscaling", "tencent": "as", "alibaba": "ess", "huawei": "as"}
PROVIDERS = tuple(SERVICES)


def spec_operations() -> list[model.Operation]:
    return extract.load_specs(ROOT / "specs", ROOT)


def operations_of(provider: str) -> list[model.Operation]:
    return [op for op in spec_operations() if op.provider == provider]


def stateful_operations(provider: str) -> set[str]:
    """Names of the provider's operations the mock's state model answers (the rest are
    validated and answered from the response schema)."""
    return {
        op.name for op in operations_of(provider) if mocks.in_state_model(mocks.semantic_name(op))
    }


def render_packages(ops: list[model.Operation], prefix: str = PREFIX) -> dict[str, bytes]:
    """validators + mocks (which writes _server, the _mock_* engine modules, _runtime, _signing, _wire) + openapi."""
    return render_all(ops, ["validators", "mocks", "openapi"], package_prefix=prefix)


def write_files(root: Path, files: Mapping[str, bytes]) -> None:
    for path, data in files.items():
        target = root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


class Clock:
    """A monotonic clock the test moves: `clock.now += 10`."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now


class Served:
    """An ASGI app served by uvicorn in a daemon thread on 127.0.0.1:<free port>."""

    def __init__(self, app: Any, **config: Any) -> None:
        self.app = app
        self.sock = mock_runner.listen("127.0.0.1", 0)
        self.port: int = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        options = {"log_level": "warning", "lifespan": "off", "timeout_keep_alive": 5}
        options.update(config)
        self.server = uvicorn.Server(uvicorn.Config(app, **options))
        self.thread = threading.Thread(
            target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True
        )
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the mock server did not start")
            time.sleep(0.005)

    @property
    def state(self) -> Any:
        return self.app.state.mock

    def control(self, method: str, name: str, payload: object = None) -> Any:
        response = httpx.request(
            method, f"{self.url}/_specgen/{name}", json=payload, timeout=10, trust_env=False
        )
        assert response.status_code == 200, response.text
        return response.json()

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()
