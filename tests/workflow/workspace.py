"""A throwaway copy of the project to change pages in, and the tools the workflow tests share:
run the CLI in-process, read `specgen diff --format json`, import a generated module, and edit
pages the way a vendor's new version of a page would read.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import io
import itertools
import json
import re
import shutil
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from generator import cli

ROOT = Path(__file__).resolve().parent.parent.parent


def make_project(dest: Path, pages: Iterable[str]) -> Path:
    """The project's pyproject.toml and some of its pages: `pages` are files or folders under
    sources/ ("huawei", "tencent/model"). A build of the pages a test is about is what it
    needs; the other families would only make it slower."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "pyproject.toml", dest / "pyproject.toml")
    for page in pages:
        src, dst = ROOT / "sources" / page, dest / "sources" / page
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dst)
    (dest / "specs").mkdir(exist_ok=True)
    return dest


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def specgen(*argv: str) -> Run:
    """`specgen ARGV` in-process, in the current directory, with its output captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(argv))
    return Run(code, out.getvalue(), err.getvalue())


def build(*extra: str) -> Run:
    run = specgen("build", *extra)
    assert run.code == 0, f"specgen build failed ({run.code}):\n{run.err}"
    return run


def diff_json(old: Path, new: Path) -> dict[str, Any]:
    run = specgen("diff", str(old), str(new), "--format", "json")
    assert run.code == 0, run.err
    doc: dict[str, Any] = json.loads(run.out)
    return doc


def snapshot(folder: Path, dest: Path) -> Path:
    shutil.copytree(folder, dest)
    return dest


def tree_digest(folder: Path) -> dict[str, str]:
    """Every file under `folder` (relative path -> sha256), to prove a run wrote nothing."""
    if not folder.exists():
        return {}
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


_module_ids = itertools.count()


def load_module(path: Path) -> ModuleType:
    """Import a generated file under a name never used before: a rebuilt module must not be
    answered from sys.modules with its previous version."""
    name = f"_specgen_workflow_{path.stem}_{next(_module_ids)}"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None, path
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up while the class is built
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[name]
    return module


def problems(validators: ModuleType, operation: str, request: Mapping[str, object]) -> set[str]:
    """The problems a generated validator finds, as "parameter:constraint" strings."""
    found = validators.VALIDATORS[operation](request)
    return {f"{p.parameter}:{p.constraint}" for p in found}


# --- editing pages -------------------------------------------------------------------------


def replace(text: str, old: str, new: str) -> str:
    """`old` must occur exactly once: an edit that silently matched nothing (or twice) would
    make the test prove nothing."""
    count = text.count(old)
    assert count == 1, f"expected {old!r} once in the page, found it {count} times"
    return text.replace(old, new)


def insert_after(text: str, anchor: str, new_lines: str) -> str:
    """Insert `new_lines` after the (single) line containing `anchor`."""
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if anchor in line]
    assert len(hits) == 1, f"expected one line with {anchor!r}, found {len(hits)}"
    at = hits[0] + 1
    return "\n".join(lines[:at] + new_lines.split("\n") + lines[at:])


def remove_lines(text: str, first: str, last: str) -> str:
    """Remove from the line containing `first` to the next line containing `last` (inclusive)."""
    lines = text.split("\n")
    starts = [i for i, line in enumerate(lines) if first in line]
    assert len(starts) == 1, f"expected one line with {first!r}, found {len(starts)}"
    start = starts[0]
    end = next(i for i in range(start, len(lines)) if last in lines[i])
    return "\n".join(lines[:start] + lines[end + 1 :])


# reStructuredText grid tables: cells are fixed-width, so edits keep every column's width.


def grid_replace(text: str, old: str, new: str) -> str:
    """Replace `old` inside one cell of a grid table, re-padding the cell to its width."""
    assert text.count(old) == 1, f"expected {old!r} once in the page"
    lines = text.split("\n")
    i = next(i for i, line in enumerate(lines) if old in line)
    line = lines[i]
    start = line.index(old)
    end = line.index("|", start + len(old))
    content = line[start:end].replace(old, new, 1).rstrip()
    width = end - start
    assert len(content) < width, f"{new!r} does not fit in its cell"
    lines[i] = line[:start] + content.ljust(width) + line[end:]
    return "\n".join(lines)


def grid_row(like: str, cells: list[str]) -> str:
    """A grid-table row line with the column layout of the row line `like`."""
    bars = [m.start() for m in re.finditer(r"\|", like)]
    assert len(bars) == len(cells) + 1, f"{len(cells)} cells for a row of {len(bars) - 1}"
    out = like[: bars[0]]
    for (left, right), cell in zip(itertools.pairwise(bars), cells, strict=True):
        width = right - left - 1
        body = f" {cell}"
        assert len(body) < width, f"{cell!r} does not fit in a column of {width}"
        out += "|" + body.ljust(width)
    return out + "|"


def grid_insert_rows(text: str, after: str, rows: list[list[str]], *, separator: bool) -> str:
    """Insert rows after the (single) line containing `after`, laid out like that line's
    table. With `separator`, whole rows each closed by a `+---+` line, after the row that
    line belongs to; without, continuation lines of that row (more text in its cells)."""
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if after in line]
    assert len(hits) == 1, f"expected one line with {after!r}, found {len(hits)}"
    at = hits[0]
    row_like = next(lines[i] for i in range(at, -1, -1) if lines[i].lstrip().startswith("|"))
    sep_like = next(lines[i] for i in range(at, len(lines)) if lines[i].lstrip().startswith("+-"))
    new: list[str] = []
    for cells in rows:
        new.append(grid_row(row_like, cells))
        if separator:
            new.append(sep_like)
    if separator:  # new rows go after the row that `after` is in, not inside it
        at = next(i for i in range(at, len(lines)) if lines[i].lstrip().startswith("+"))
    return "\n".join(lines[: at + 1] + new + lines[at + 1 :])


def grid_remove_row(text: str, first_line: str) -> str:
    """Remove the grid-table row whose first line matches the regex `first_line`, with the
    `+---+` line that closes it."""
    lines = text.split("\n")
    hits = [i for i, line in enumerate(lines) if re.search(first_line, line)]
    assert len(hits) == 1, f"expected one row matching {first_line!r}, found {len(hits)}"
    start = hits[0]
    end = next(i for i in range(start, len(lines)) if lines[i].lstrip().startswith("+-"))
    return "\n".join(lines[:start] + lines[end + 1 :])
