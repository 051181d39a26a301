"""`specgen mock PROVIDER`: serve a generated mock server (python/<pkg>/mock.py) with uvicorn.

The generated package is imported from the output folder (`--out`, default generated/) through
sys.path, as any user of the generated code would import it; nothing here knows a provider's
wire format. One line on stdout once the socket listens:

    specgen mock aws listening on http://127.0.0.1:PORT

SIGINT and SIGTERM stop the server gracefully (open requests finish) and exit 0.
"""

from __future__ import annotations

import argparse
import importlib
import socket
import sys
from pathlib import Path
from types import FrameType

import uvicorn

from .config import Config
from .errors import EXIT_BAD_INPUT, EXIT_OK

# Connection hygiene against slow or half-sent requests: idle keep-alive connections close after
# this many seconds, and h11 refuses request heads larger than this many bytes.
KEEP_ALIVE_SECONDS = 5
MAX_HEAD_BYTES = 64 * 1024


def _fail(message: str) -> int:
    print(f"specgen mock: {message}", file=sys.stderr)
    return EXIT_BAD_INPUT


def find_package(root: Path, prefix: str, provider: str) -> Path | list[Path]:
    """The generated package holding `provider`'s mock, or every candidate when not exactly
    one (none generated yet, or several services of one provider)."""
    found = sorted(
        path
        for path in root.glob(f"{prefix}{provider}_*")
        if path.is_dir() and (path / "mock.py").is_file()
    )
    return found[0] if len(found) == 1 else found


def parse_credentials(items: list[str]) -> dict[str, str] | str:
    """`AK:SK` pairs -> {AK: SK}; a message naming the first malformed item."""
    out: dict[str, str] = {}
    for item in items:
        key, sep, secret = item.partition(":")
        if not sep or not key or not secret:
            return f"--credentials takes ACCESS_KEY:SECRET_KEY, got {item!r}"
        out[key] = secret
    return out


def listen(host: str, port: int) -> socket.socket:
    """A listening TCP socket. Its protocol is named (IPPROTO_TCP, not 0) because asyncio sets
    TCP_NODELAY only on such sockets' connections; without it a keep-alive client waits
    ~40 ms (Nagle against delayed ACK) for the body that follows the response head."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen(2048)
    except OSError:
        sock.close()
        raise
    return sock


def url_of(sock: socket.socket) -> str:
    address = sock.getsockname()
    host, port = address[0], address[1]
    return f"http://[{host}]:{port}" if ":" in host else f"http://{host}:{port}"


def run(args: argparse.Namespace, cfg: Config) -> int:
    root = cfg.out / "python"
    found = find_package(root, cfg.package_prefix, args.provider)
    if isinstance(found, list):
        if not found:
            return _fail(
                f"no generated mock for {args.provider} under {root}; "
                "run `specgen generate` (targets validators, clients and mocks) first"
            )
        names = ", ".join(p.name for p in found)
        return _fail(f"several generated mocks for {args.provider}: {names}")
    credentials = parse_credentials(args.credentials)
    if isinstance(credentials, str):
        return _fail(credentials)
    if not args.no_auth and not credentials:
        return _fail("give --credentials ACCESS_KEY:SECRET_KEY (repeatable), or --no-auth")

    sys.path.insert(0, str(root.resolve()))
    try:
        module = importlib.import_module(f"{found.name}.mock")
    except ImportError as exc:
        return _fail(f"cannot import {found.name}.mock from {root}: {exc}")
    app = module.create_app(credentials=credentials, auth=not args.no_auth, groups=args.group)

    try:
        sock = listen(args.host, args.port)
    except OSError as exc:
        return _fail(f"cannot listen on {args.host}:{args.port}: {exc.strerror or exc}")
    ready = f"specgen mock {args.provider} listening on {url_of(sock)}"
    config = uvicorn.Config(
        app,
        log_level="warning",
        timeout_keep_alive=KEEP_ALIVE_SECONDS,
        h11_max_incomplete_event_size=MAX_HEAD_BYTES,
        lifespan="off",
    )
    server = _Server(config, ready)
    try:
        server.run(sockets=[sock])
    finally:
        sock.close()
    return EXIT_OK


class _Server(uvicorn.Server):
    """uvicorn.Server that prints the ready line once listening, and takes SIGINT/SIGTERM as a
    request to stop (uvicorn itself re-raises the signal after shutting down, which would turn
    a clean stop into a KeyboardInterrupt or a kill by SIGTERM)."""

    def __init__(self, config: uvicorn.Config, ready: str) -> None:
        super().__init__(config)
        self.ready = ready

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets=sockets)
        if self.started:
            print(self.ready, flush=True)

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.should_exit:
            self.force_exit = True  # a second signal: stop waiting for open requests
        self.should_exit = True
