"""black, in-process: generated Python is formatted the way the project's own code is.

Formatting is most of the time of a rebuild, and a rebuild with nothing changed formats the
same text again. So the result is cached by content: the key is a hash of black's version, its
mode and the unformatted text, the entry holds the formatted text and its own hash. An entry
that is missing, unreadable or does not match its hash is formatted again and rewritten, so a
corrupt or foreign cache can never change the output, only its speed.

The cache lives outside every output folder: `$SPECGEN_CACHE_DIR`, else
`$XDG_CACHE_HOME/specgen/black` (`~/.cache/specgen/black`). `SPECGEN_CACHE_DIR=""` turns it off.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from importlib.metadata import version
from pathlib import Path

import black
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

_MODE = Mode(target_versions={TargetVersion.PY311}, line_length=100)
_KEY_PREFIX = f"black {version('black')} {_MODE!r}\n".encode()


class GeneratedCodeError(Exception):
    """A template produced Python that does not parse: a bug in a template or a filter."""


def cache_dir() -> Path | None:
    configured = os.environ.get("SPECGEN_CACHE_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "specgen" / "black"


def format_python(source: str, origin: str) -> str:
    folder = cache_dir()
    key = hashlib.sha256(_KEY_PREFIX + source.encode()).hexdigest()
    if folder is not None:
        cached = _lookup(folder / key[:2] / key)
        if cached is not None:
            return cached
    try:
        formatted = black.format_str(source, mode=_MODE)
    except InvalidInput as exc:
        raise GeneratedCodeError(f"{origin}: generated Python does not parse: {exc}") from None
    if folder is not None:
        _store(folder / key[:2] / key, formatted)
    return formatted


def _lookup(entry: Path) -> str | None:
    """The formatted text, or None when the entry is missing or does not hold what it claims."""
    try:
        data = entry.read_bytes()
    except OSError:
        return None
    digest, _, body = data.partition(b"\n")
    if hashlib.sha256(body).hexdigest().encode() != digest:
        return None
    try:
        return body.decode()
    except UnicodeDecodeError:
        return None


def _store(entry: Path, formatted: str) -> None:
    """Best effort: a cache that cannot be written only makes the next run slower."""
    body = formatted.encode()
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
