"""black, in-process: generated Python is formatted the way the project's own code is.

Formatting is most of the time of a rebuild, and a rebuild with nothing changed formats the
same text again. So the result is cached by content (generator/content_cache.py, folder
`black/`): the key is a hash of black's version, its mode and the unformatted text. A missing
or damaged entry is formatted again and rewritten, so the cache changes only the speed.
"""

from __future__ import annotations

from importlib.metadata import version
from pathlib import Path

import black
from black.mode import Mode, TargetVersion
from black.parsing import InvalidInput

from .. import content_cache

_MODE = Mode(target_versions={TargetVersion.PY311}, line_length=100)
_KEY_PREFIX = f"black {version('black')} {_MODE!r}\n"
KIND = "black"


class GeneratedCodeError(Exception):
    """A template produced Python that does not parse: a bug in a template or a filter."""


def cache_dir() -> Path | None:
    """Where formatted texts are kept; None when caching is off."""
    base = content_cache.root()
    return None if base is None else base / KIND


def format_python(source: str, origin: str) -> str:
    key = content_cache.key(_KEY_PREFIX, source)
    cached = content_cache.lookup(KIND, key)
    if cached is not None:
        try:
            return cached.decode()
        except UnicodeDecodeError:
            pass
    try:
        formatted = black.format_str(source, mode=_MODE)
    except InvalidInput as exc:
        raise GeneratedCodeError(f"{origin}: generated Python does not parse: {exc}") from None
    content_cache.store(KIND, key, formatted.encode())
    return formatted
