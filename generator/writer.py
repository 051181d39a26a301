"""Writing an output tree: atomically, only what changed, removing what a rebuild dropped.

A manifest (`.specgen-manifest` at the tree's root) lists the files specgen wrote there, so a
rebuild can remove outputs whose operation is gone without touching hand-written files.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = ".specgen-manifest"


@dataclass
class Plan:
    root: Path
    outputs: dict[str, bytes]  # relative POSIX path -> content (manifest included)
    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return None


def previous_manifest(root: Path) -> list[str]:
    data = _read(root / MANIFEST)
    if data is None:
        return []
    return [
        ln for ln in data.decode("utf-8", "replace").splitlines() if ln and not ln.startswith("#")
    ]


def plan(root: Path, outputs: dict[str, bytes], *, prune: bool = True) -> Plan:
    """Compare what should be with what is. `prune` removes manifest entries not produced
    (a full rebuild); a partial run (some pages only) keeps them and merges the manifest."""
    old = previous_manifest(root)
    keep = [] if prune else [p for p in old if p not in outputs]
    listed = sorted(set(outputs) | set(keep))
    header = "# Files written by specgen; a rebuild removes those it no longer produces.\n"
    full = dict(outputs)
    full[MANIFEST] = (header + "".join(p + "\n" for p in listed)).encode()
    result = Plan(root=root, outputs=full)
    for rel, content in sorted(full.items()):
        (result.unchanged if _read(root / rel) == content else result.written).append(rel)
    if prune:
        result.removed = sorted(p for p in old if p not in full and (root / p).is_file())
    return result


def apply(p: Plan) -> None:
    for rel in p.written:
        write_atomic(p.root / rel, p.outputs[rel])
    for rel in p.removed:
        (p.root / rel).unlink()
        _remove_empty_parents(p.root / rel, p.root)


def write_atomic(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(content)
        os.replace(tmp, path)
    except BaseException:
        os.unlink(tmp)
        raise


def _remove_empty_parents(path: Path, root: Path) -> None:
    parent = path.parent
    while parent != root and parent.is_dir() and not any(parent.iterdir()):
        parent.rmdir()
        parent = parent.parent


def unified_diff(p: Plan, label: str) -> str:
    """What `apply` would change, as a unified diff (for `specgen check`)."""
    chunks: list[str] = []
    for rel in p.written:
        if rel == MANIFEST:
            continue
        old = _read(p.root / rel)
        chunks.extend(_diff(old, p.outputs[rel], f"{label}/{rel}"))
    for rel in p.removed:
        chunks.extend(_diff(_read(p.root / rel), None, f"{label}/{rel}"))
    return "".join(chunks)


def _diff(old: bytes | None, new: bytes | None, name: str) -> list[str]:
    def lines(data: bytes | None) -> list[str]:
        if data is None:
            return []
        return data.decode("utf-8", "replace").splitlines(keepends=True)

    out = list(
        difflib.unified_diff(
            lines(old),
            lines(new),
            fromfile=f"a/{name}" if old is not None else "/dev/null",
            tofile=f"b/{name}" if new is not None else "/dev/null",
        )
    )
    return [ln if ln.endswith("\n") else ln + "\n\\ No newline at end of file\n" for ln in out]
