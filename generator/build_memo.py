"""What a whole build produced from given inputs, so that `specgen check` with nothing changed
need not build again.

A build is a pure function of its inputs: the pages, the overlays, the templates, the runtime,
the options and specgen itself (content_cache.code_fingerprint). After a build or a check that
found everything current, the hash of each file of specs/ and generated/ is remembered under a
key of those inputs. A later check with the same inputs only hashes the committed files and
compares: any difference, or no memo at all, and it builds in memory as before.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from . import content_cache, runtime_files
from .config import Config
from .writer import Plan

KIND = "builds"


def inputs_key(cfg: Config, scoped: bool, templates: Path) -> str:
    options = json.dumps(
        {
            "root": str(cfg.root),
            "sources": str(cfg.sources),
            "targets": list(cfg.targets),
            "scoped": scoped,
            "providers": list(cfg.providers),
            "select": list(cfg.select),
            "package_prefix": cfg.package_prefix,
            "family": cfg.family,
        },
        sort_keys=True,
    )
    folders = [cfg.sources, templates, runtime_files.RUNTIME]
    if cfg.overlays is not None:
        folders.append(cfg.overlays)
    pyproject = cfg.root / "pyproject.toml"
    config_text = pyproject.read_bytes() if pyproject.is_file() else b""
    return content_cache.key(
        content_cache.code_fingerprint(),
        options,
        config_text,
        content_cache.tree_fingerprint(folders),
    )


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def remember(key: str, plans: list[Plan]) -> None:
    trees = [{rel: _digest(data) for rel, data in sorted(p.outputs.items())} for p in plans]
    content_cache.store(KIND, key, json.dumps(trees).encode())


def is_current(key: str, roots: list[Path]) -> bool:
    """Whether a remembered build of these inputs matches every file under the roots."""
    body = content_cache.lookup(KIND, key)
    if body is None:
        return False
    try:
        trees = json.loads(body)
    except ValueError:
        return False
    if not isinstance(trees, list) or len(trees) != len(roots):
        return False
    for root, files in zip(roots, trees, strict=True):
        if not isinstance(files, dict):
            return False
        for rel, digest in files.items():
            try:
                data = (root / rel).read_bytes()
            except OSError:
                return False
            if _digest(data) != digest:
                return False
    return True
