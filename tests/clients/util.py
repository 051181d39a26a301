"""Helpers of the client tests: rendering the packages, a capture server for the SDKs."""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from types import ModuleType

from generator import model
from generator.extract import load_specs
from generator.render import TEMPLATES, Context, clients, environment, validators

ROOT = Path(__file__).resolve().parent.parent.parent
PREFIX = "clients_under_test_"
PACKAGES = {
    "aws": "aws_autoscaling",
    "tencent": "tencent_as",
    "alibaba": "alibaba_ess",
    "huawei": "huawei_as",
}


def spec_operations() -> list[model.Operation]:
    ops = load_specs(ROOT / "specs", ROOT)
    assert ops, "specs/ holds no specs: run `.venv/bin/specgen extract` first"
    return ops


def render_packages(ops: list[model.Operation], prefix: str = PREFIX) -> dict[str, bytes]:
    ctx = Context(env=environment(TEMPLATES), templates=TEMPLATES, package_prefix=prefix)
    files = validators.render(ops, ctx)
    files.update(clients.render(ops, ctx))
    return files


def write_files(root: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def submodule(package: ModuleType, name: str) -> ModuleType:
    return importlib.import_module(f"{package.__name__}.{name}")


# --- a capture server for the official SDKs ---------------------------------------------------


@dataclass
class Captured:
    method: str
    target: str  # path and query as on the request line
    headers: list[tuple[str, str]]
    body: bytes

    def header(self, name: str) -> str | None:
        for key, value in self.headers:
            if key.lower() == name.lower():
                return value
        return None


class Capture:
    """A stdlib HTTP/1.1 server on 127.0.0.1 that records requests and answers one reply."""

    def __init__(self, status: int, headers: dict[str, str], body: bytes) -> None:
        self.requests: list[Captured] = []
        self.reply = (status, headers, body)
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                outer.requests.append(
                    Captured(self.command, self.path, list(self.headers.items()), body)
                )
                status, headers, reply = outer.reply
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(reply)))
                self.end_headers()
                self.wfile.write(reply)

            do_GET = do_POST = do_PUT = do_DELETE = _answer

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self._thread.start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join()
