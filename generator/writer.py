"""Writing an output tree: atomically, only what changed, removing what a rebuild dropped.

A manifest (`.specgen-manifest` at the tree's root) lists the files specgen wrote there, so a
rebuild can remove outputs whose operation is gone without touching hand-written files. In
generated/ it also records which target wrote each file (a `[target]` line opens that target's
list; a file two targets write is listed under both), so a run of one target replaces that
target's files and leaves the others' alone. Entries before any `[target]` line belong to no
target (specs/, and manifests written before targets were recorded).
"""

from __future__ import annotations

import difflib
import os
import tempfile
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from .errors import fail

MANIFEST = ".specgen-manifest"
FILE_MODE = 0o644  # whatever the umask: generated files are read by other users and tools
_HEADER = "# Files written by specgen; a rebuild removes those it no longer produces.\n"

Entry = tuple[str | None, str]  # (target that wrote the file, or None; relative POSIX path)


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


def manifest_entries(root: Path) -> list[Entry]:
    """The previous run's manifest as (target, path) entries; none when there is no manifest."""
    data = _read(root / MANIFEST)
    if data is None:
        return []
    entries: list[Entry] = []
    owner: str | None = None
    for number, line in enumerate(data.decode("utf-8", "replace").splitlines(), start=1):
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            owner = line[1:-1]
            continue
        # The manifest is a committed file anyone can edit: an entry must never name a file
        # outside the tree, or a rebuild would delete it.
        entry = PurePosixPath(line)
        if entry.is_absolute() or ".." in entry.parts or "\\" in line:
            raise fail(str(root / MANIFEST), number, f"{line!r} is outside the output folder")
        entries.append((owner, line))
    return entries


def previous_manifest(root: Path) -> list[str]:
    """The paths the previous run wrote, whichever target wrote them."""
    return sorted({path for _, path in manifest_entries(root)})


def manifest_text(entries: Iterable[Entry]) -> bytes:
    by_owner: dict[str | None, set[str]] = {}
    for owner, path in entries:
        by_owner.setdefault(owner, set()).add(path)
    lines = [_HEADER, *(p + "\n" for p in sorted(by_owner.pop(None, set())))]
    for owner in sorted(o for o in by_owner if o is not None):
        lines.append(f"[{owner}]\n")
        lines.extend(p + "\n" for p in sorted(by_owner[owner]))
    return "".join(lines).encode()


def plan(
    root: Path,
    outputs: dict[str, bytes],
    *,
    owners: Mapping[str, Collection[str]] | None = None,
    scope: Collection[str] | None = None,
    prune: bool = True,
) -> Plan:
    """Compare what should be with what is.

    `owners` says which targets produced each output (none: the file belongs to no target).
    `scope` is what this run replaces: None, everything the manifest lists (a full rebuild);
    a set of targets, only their entries, keeping the other targets' files and entries.
    `prune=False` replaces nothing (a partial run, some pages only): the manifest is merged."""
    owners = owners or {}
    replaced: Collection[str] | None = () if not prune else scope
    new: set[Entry] = {(o, path) for path in outputs for o in (owners.get(path) or (None,))}
    old = manifest_entries(root)
    kept = {(o, path) for o, path in old if replaced is not None and o not in replaced}
    listed = {path for _, path in new | kept}
    full = dict(outputs)
    full[MANIFEST] = manifest_text(new | kept)
    result = Plan(root=root, outputs=full)
    for rel, content in sorted(full.items()):
        (result.unchanged if _read(root / rel) == content else result.written).append(rel)
    result.removed = sorted(
        {path for _, path in old if path not in listed and _removable(root, path)}
    )
    return result


def _removable(root: Path, rel: str) -> bool:
    """A file inside the tree, also when a folder on its way is a symlink pointing elsewhere."""
    path = root / rel
    return path.is_file() and path.parent.resolve().is_relative_to(root.resolve())


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
        os.fchmod(fd, FILE_MODE)  # mkstemp creates 0600
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
