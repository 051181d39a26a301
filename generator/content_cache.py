"""A cache of results by the hash of everything they were made from, outside every output.

Three things are cached, each under its own folder: black's output for a text (`black/`), the
operations a page reads into (`pages/`), and the hashes of the files a whole build produces
from its inputs (`builds/`). A key is a SHA-256 of the inputs, including the code that makes
the result (`code_fingerprint`: specgen's own source and the versions of the libraries that
shape output), so a change anywhere is a miss, never a stale hit. An entry holds its own hash:
one that is missing, unreadable or does not match is computed again and rewritten, so a
corrupt cache changes only how long a run takes.

The cache lives in `$SPECGEN_CACHE_DIR`, else `$XDG_CACHE_HOME/specgen` (`~/.cache/specgen`);
`SPECGEN_CACHE_DIR=""` turns it off.
"""

from __future__ import annotations

import functools
import hashlib
import os
import tempfile
from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

# Libraries whose behaviour shapes specs or generated files.
SHAPING = ("black", "docutils", "markdown-it-py", "PyYAML", "Jinja2", "jsonschema")


def root() -> Path | None:
    configured = os.environ.get("SPECGEN_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "specgen"


def key(*parts: bytes | str) -> str:
    """A SHA-256 over the parts, each length-prefixed so that no two lists of parts collide."""
    digest = hashlib.sha256()
    for part in parts:
        data = part.encode() if isinstance(part, str) else part
        digest.update(f"{len(data)}:".encode())
        digest.update(data)
    return digest.hexdigest()


@functools.cache
def code_fingerprint() -> str:
    """specgen's own source (every file of the package) and the shaping libraries' versions."""
    package = Path(__file__).resolve().parent
    parts: list[bytes | str] = []
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            parts += [path.relative_to(package).as_posix(), path.read_bytes()]
    for name in SHAPING:
        try:
            parts.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            parts.append(f"{name} absent")
    return key(*parts)


def tree_fingerprint(folders: Iterable[Path]) -> str:
    """Every file under the folders, by relative path and content."""
    parts: list[bytes | str] = []
    for folder in folders:
        parts.append(str(folder))
        if folder.is_dir():
            for path in sorted(folder.rglob("*")):
                if path.is_file():
                    parts += [path.relative_to(folder).as_posix(), path.read_bytes()]
    return key(*parts)


def lookup(kind: str, entry_key: str) -> bytes | None:
    """The cached bytes, or None when missing or not what the entry claims to hold."""
    folder = root()
    if folder is None:
        return None
    try:
        data = (folder / kind / entry_key[:2] / entry_key).read_bytes()
    except OSError:
        return None
    digest, _, body = data.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != digest:
        return None
    return body


def store(kind: str, entry_key: str, body: bytes) -> None:
    """Best effort: a cache that cannot be written only makes the next run slower."""
    folder = root()
    if folder is None:
        return
    entry = folder / kind / entry_key[:2] / entry_key
    data = hashlib.sha256(body).hexdigest().encode() + b"\n" + body
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, prefix=".", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, entry)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
